//! Month names in the languages whose pages we read most: English, German,
//! French, Spanish, Italian, Portuguese and Dutch, full and abbreviated,
//! with and without accents (pages drop them in URLs and slugs).

/// Each month's names, lower case. A name may serve several languages
/// ("mai" is May in German, French and Portuguese).
const NAMES: [&[&str]; 12] = [
    &[
        "january", "jan", "januar", "jänner", "janner", "janvier", "janv", "enero", "ene",
        "gennaio", "gen", "janeiro", "januari",
    ],
    &[
        "february",
        "feb",
        "febr",
        "februar",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "febrero",
        "febbraio",
        "fevereiro",
        "fev",
        "fev",
        "februari",
    ],
    &[
        "march", "mar", "märz", "maerz", "marz", "mrz", "mär", "mars", "marzo", "março", "marco",
        "maart", "mrt",
    ],
    &["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
    &["may", "mai", "mayo", "maggio", "mag", "maio", "mei"],
    &[
        "june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho",
    ],
    &[
        "july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho",
    ],
    &["august", "aug", "août", "aout", "agosto", "ago", "augustus"],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "set",
        "setembro",
    ],
    &[
        "october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro",
        "out",
    ],
    &["november", "nov", "novembre", "noviembre", "novembro"],
    &[
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
    ],
];

/// The month a name stands for, 1 to 12, ignoring case and a final dot.
pub fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_lowercase();
    NAMES
        .iter()
        .position(|names| names.contains(&lower.as_str()))
        .map(|i| i as u32 + 1)
}

/// A regex alternation of every name, longest first so that "march" is
/// tried before "mar".
pub fn alternation() -> String {
    let mut all: Vec<&str> = NAMES.iter().flat_map(|n| n.iter().copied()).collect();
    all.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    all.dedup();
    all.join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_seven_languages() {
        for (name, month) in [
            ("März", 3),
            ("mars", 3),
            ("maart", 3),
            ("Août", 8),
            ("dezembro", 12),
            ("settembre", 9),
            ("Sept.", 9),
            ("mei", 5),
            ("giugno", 6),
            ("Enero", 1),
        ] {
            assert_eq!(month_number(name), Some(month), "{name}");
        }
        assert_eq!(month_number("monday"), None);
    }
}
