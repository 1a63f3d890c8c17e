//! Knowledge-base records as written in the data files: one record per
//! line, the record type first, fields separated by tabs, lists by `|`.

use crate::KbError;
use chrono::NaiveDate;
use smol_str::SmolStr;

#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Country {
        code: SmolStr,
        name: SmolStr,
        aliases: Vec<SmolStr>,
        adjectives: Vec<SmolStr>,
        capital: Option<SmolStr>,
    },
    Org {
        id: SmolStr,
        name: SmolStr,
        aliases: Vec<SmolStr>,
        code: SmolStr,
        sector: Option<SmolStr>,
    },
    Person {
        id: SmolStr,
        name: SmolStr,
        aliases: Vec<SmolStr>,
    },
    Office {
        person: SmolStr,
        country: SmolStr,
        sector: SmolStr,
        title: SmolStr,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
        /// From this date on the office is not trusted: the source stops
        /// there, so an open end means "held when last known", not "held".
        known_until: Option<NaiveDate>,
    },
    Place {
        id: SmolStr,
        name: SmolStr,
        aliases: Vec<SmolStr>,
        country: SmolStr,
        region: Option<SmolStr>,
        lat: f64,
        lon: f64,
        population: u64,
        is_region: bool,
    },
    Sector {
        code: SmolStr,
        words: Vec<SmolStr>,
    },
    Ambiguous {
        word: SmolStr,
    },
}

/// Reads one file. `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<Vec<Record>, KbError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: String| KbError {
            file: file.to_string(),
            line: n + 1,
            message,
        };
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        let need = |count: usize| -> Result<(), KbError> {
            if f.len() < count {
                Err(err(format!(
                    "a {} record needs {count} tab-separated fields, found {}",
                    f[0],
                    f.len()
                )))
            } else {
                Ok(())
            }
        };
        let field = |i: usize| f.get(i).copied().unwrap_or("");
        let nonempty = |i: usize, what: &str| -> Result<SmolStr, KbError> {
            let v = field(i);
            if v.is_empty() {
                Err(err(format!("the {what} of a {} record is empty", f[0])))
            } else {
                Ok(v.into())
            }
        };
        let record = match f[0] {
            "country" => {
                need(3)?;
                Record::Country {
                    code: nonempty(1, "code")?,
                    name: nonempty(2, "name")?,
                    aliases: list(field(3)),
                    adjectives: list(field(4)),
                    capital: opt(field(5)),
                }
            }
            "org" => {
                need(5)?;
                Record::Org {
                    id: nonempty(1, "id")?,
                    name: nonempty(2, "name")?,
                    aliases: list(field(3)),
                    code: nonempty(4, "code")?,
                    sector: opt(field(5)),
                }
            }
            "person" => {
                need(3)?;
                Record::Person {
                    id: nonempty(1, "id")?,
                    name: nonempty(2, "name")?,
                    aliases: list(field(3)),
                }
            }
            "office" => {
                need(6)?;
                let start = date(field(5)).map_err(err)?;
                let end = date(field(6)).map_err(err)?;
                // An office that ends before it starts is a typing slip
                // (swapped columns): held on no day, it would silently
                // read as a former office.
                if let (Some(s), Some(e)) = (start, end) {
                    if e < s {
                        return Err(err(format!(
                            "the office ends ({e}) before it starts ({s}); are the start and \
                             end columns swapped?"
                        )));
                    }
                }
                Record::Office {
                    person: nonempty(1, "person id")?,
                    country: nonempty(2, "country")?,
                    sector: nonempty(3, "sector")?,
                    title: nonempty(4, "title")?,
                    start,
                    end,
                    known_until: date(field(7)).map_err(err)?,
                }
            }
            "region" => {
                need(7)?;
                Record::Place {
                    id: nonempty(1, "id")?,
                    name: nonempty(2, "name")?,
                    aliases: list(field(3)),
                    country: nonempty(4, "country")?,
                    region: None,
                    lat: number(field(5), "latitude").map_err(err)?,
                    lon: number(field(6), "longitude").map_err(err)?,
                    population: 0,
                    is_region: true,
                }
            }
            "place" => {
                need(8)?;
                Record::Place {
                    id: nonempty(1, "id")?,
                    name: nonempty(2, "name")?,
                    aliases: list(field(3)),
                    country: nonempty(4, "country")?,
                    region: opt(field(5)),
                    lat: number(field(6), "latitude").map_err(err)?,
                    lon: number(field(7), "longitude").map_err(err)?,
                    population: field(8).parse().unwrap_or(0),
                    is_region: false,
                }
            }
            "sector" => {
                need(3)?;
                Record::Sector {
                    code: nonempty(1, "code")?,
                    words: list(field(2)),
                }
            }
            "ambiguous" => {
                need(2)?;
                Record::Ambiguous {
                    word: nonempty(1, "word")?,
                }
            }
            other => {
                return Err(err(format!(
                    "unknown record type {other:?} (expected country, org, person, office, region, \
                     place, sector or ambiguous)"
                )))
            }
        };
        out.push(record);
    }
    Ok(out)
}

fn list(field: &str) -> Vec<SmolStr> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(SmolStr::from)
        .collect()
}

fn opt(field: &str) -> Option<SmolStr> {
    (!field.is_empty()).then(|| field.into())
}

fn number(field: &str, what: &str) -> Result<f64, String> {
    field
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("the {what} {field:?} is not a number"))
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, read as the first day it names; an
/// empty field is an open end.
fn date(field: &str) -> Result<Option<NaiveDate>, String> {
    if field.is_empty() {
        return Ok(None);
    }
    let bad = || format!("the date {field:?} is not YYYY, YYYY-MM or YYYY-MM-DD");
    let parts: Vec<&str> = field.split('-').collect();
    let num = |s: &str| s.parse::<u32>().map_err(|_| bad());
    let (y, m, d) = match parts.as_slice() {
        [y] => (num(y)?, 1, 1),
        [y, m] => (num(y)?, num(m)?, 1),
        [y, m, d] => (num(y)?, num(m)?, num(d)?),
        _ => return Err(bad()),
    };
    NaiveDate::from_ymd_opt(y as i32, m, d)
        .map(Some)
        .ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_line_names_its_file_and_line() {
        let e = parse(
            "extra.tsv",
            "# c\ncountry\tXXA\tName\noffice\tp\tUSA\tGOV\tT\t2024-13-01\t\n",
        )
        .unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("2024-13-01"), "{e}");
        let e = parse("extra.tsv", "planet\tMars\n").unwrap_err();
        assert!(e.message.contains("unknown record type"), "{e}");
        let e = parse("extra.tsv", "org\tX\n").unwrap_err();
        assert!(e.message.contains("needs 5"), "{e}");
    }

    #[test]
    fn an_office_may_say_until_when_it_is_known() {
        let r = parse(
            "x.tsv",
            "office\tp\tAFG\tGOV\tT\t2001-12-22\t\t2017-01-01\n",
        )
        .unwrap();
        let Record::Office {
            end, known_until, ..
        } = &r[0]
        else {
            panic!("an office record: {r:?}");
        };
        assert_eq!(*end, None);
        assert_eq!(*known_until, NaiveDate::from_ymd_opt(2017, 1, 1));
        let e = parse("x.tsv", "office\tp\tAFG\tGOV\tT\t2001\t\t2017-02-30\n").unwrap_err();
        assert!(e.message.contains("2017-02-30"), "{e}");
    }

    #[test]
    fn an_office_ending_before_it_starts_is_an_error() {
        let e = parse("user.tsv", "office\tp\tKEN\tGOV\tminister\t2020\t2019\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("before it starts"), "{e}");
    }

    #[test]
    fn dates_may_be_partial() {
        assert_eq!(date("2024-10"), Ok(NaiveDate::from_ymd_opt(2024, 10, 1)));
        assert_eq!(date("2014"), Ok(NaiveDate::from_ymd_opt(2014, 1, 1)));
        assert_eq!(date(""), Ok(None));
    }
}
