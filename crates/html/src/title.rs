//! The headline, not the browser title. The page's `<title>`, `og:title`,
//! JSON-LD `headline` and the `<h1>` nearest the main text are compared;
//! site names and their separators (" | Site", " - Site", "Site: ") are
//! stripped when they match the site's name or host, or when another
//! source shows the headline without them; the visible `<h1>` wins when
//! the other sources back it.

/// The title sources of one page, each already whitespace-squashed.
#[derive(Debug, Default, Clone)]
pub struct TitleSources {
    pub json_ld: Option<String>,
    pub og: Option<String>,
    pub title: Option<String>,
    /// The `<h1>` nearest the main text, and whether it sits inside the
    /// article (`<article>`, `<main>` or a headline-marked element).
    pub h1: Option<(String, bool)>,
    pub site_name: Option<String>,
    /// The host name of the page's URL, without `www.`.
    pub host: Option<String>,
}

const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • ", " ~ ",
];

/// Letters and digits only, lower case: how names are compared.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of a text, lower case. Chinese and Japanese are written
/// without spaces, so each of their characters counts as a word: a whole
/// Japanese headline would otherwise be one "word", too short to be a
/// headline or to keep when a site name is cut off it.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if w.chars().any(unspaced_script) {
            let mut run = String::new();
            for c in w.chars() {
                if unspaced_script(c) {
                    if !run.is_empty() {
                        out.push(std::mem::take(&mut run).to_lowercase());
                    }
                    out.push(c.to_string());
                } else {
                    run.push(c);
                }
            }
            if !run.is_empty() {
                out.push(run.to_lowercase());
            }
        } else {
            out.push(w.to_lowercase());
        }
    }
    out
}

/// Kana and CJK ideographs: scripts written without spaces between words.
fn unspaced_script(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

impl TitleSources {
    /// Whether a segment of a title names the site.
    fn is_site(&self, segment: &str, others: &[&str]) -> bool {
        let k = key(segment);
        if k.is_empty() {
            return true;
        }
        if self.site_name.as_deref().is_some_and(|s| {
            let s = key(s);
            !s.is_empty() && (s == k || (k.len() >= 4 && s.contains(&k)) || k.contains(&s))
        }) {
            return true;
        }
        if let Some(host) = &self.host {
            // "brettlarkin.com" names "Brett Larkin Yoga"; "facet.example"
            // names "Facet".
            let labels: Vec<&str> = host.split('.').collect();
            let core = labels
                .iter()
                .rev()
                .skip(1)
                .find(|l| {
                    l.len() >= 3 && !matches!(**l, "com" | "co" | "org" | "net" | "gov" | "ac")
                })
                .map(|l| key(l))
                .unwrap_or_default();
            // Only a short segment can be the site's name: a headline
            // that mentions the company ("Meet R.O.S.E. - brightmoor auf der
            // Hafenmesse 2024" on brightmoor.com) is not its name.
            let short = segment.split_whitespace().count() <= 4;
            if core.len() >= 3
                && short
                && (k.contains(&core) || (k.len() >= 4 && core.contains(&k)))
            {
                return true;
            }
        }
        // A segment another source leaves out, while keeping the rest.
        others.iter().any(|o| {
            let ko = key(o);
            !ko.is_empty() && !ko.contains(&k) && k.len() < ko.len()
        }) && segment.split_whitespace().count() <= 5
    }

    /// A title without site-name segments at its ends.
    fn strip(&self, raw: &str, others: &[&str]) -> String {
        let mut t = raw.trim().to_string();
        // Two rounds: "Headline | Section | Site".
        for _ in 0..2 {
            let before = t.clone();
            for sep in SEPARATORS {
                if let Some((head, tail)) = t.rsplit_once(sep) {
                    if (self.is_site(tail, others) || looks_like_a_name(tail, others))
                        && words(head).len() >= 2
                    {
                        t = head.trim().to_string();
                        break;
                    }
                }
                if let Some((head, tail)) = t.split_once(sep) {
                    if self.is_site(head, others) && words(tail).len() >= 2 {
                        t = tail.trim().to_string();
                        break;
                    }
                }
            }
            // "Site: Headline" only when the prefix names the site.
            if let Some((head, tail)) = t.split_once(": ") {
                if self.site_name.is_some() || self.host.is_some() {
                    let named = self
                        .site_name
                        .as_deref()
                        .is_some_and(|s| key(s) == key(head))
                        || self.host.as_deref().is_some_and(|h| {
                            h.split('.').any(|l| l.len() >= 3 && key(l) == key(head))
                        });
                    if named && words(tail).len() >= 2 {
                        t = tail.trim().to_string();
                    }
                }
            }
            if t == before {
                break;
            }
        }
        t
    }

    /// The headline and where it came from.
    pub fn choose(&self) -> Option<(String, &'static str)> {
        let raw: Vec<(&str, &'static str)> = [
            (self.json_ld.as_deref(), "JSON-LD headline"),
            (self.og.as_deref(), "og:title"),
            (self.title.as_deref(), "<title>"),
            (self.h1.as_ref().map(|(h, _)| h.as_str()), "<h1>"),
        ]
        .into_iter()
        .filter_map(|(t, from)| t.filter(|t| !t.trim().is_empty()).map(|t| (t, from)))
        .collect();
        let stripped: Vec<(String, &'static str)> = raw
            .iter()
            .map(|(t, from)| {
                let others: Vec<&str> = raw
                    .iter()
                    .filter(|(_, f)| f != from)
                    .map(|(o, _)| *o)
                    .collect();
                (self.strip(t, &others), *from)
            })
            .filter(|(t, _)| !t.is_empty())
            .collect();
        let support = |t: &str| {
            let k = key(t);
            raw.iter().filter(|(o, _)| key(o).contains(&k)).count()
        };
        if let Some(h1) = self.h1_if_headline(&stripped) {
            // A longer headline that holds the whole <h1> and that two
            // sources share is the longest common one: the <h1> was a
            // short form. One source alone may only add a label ("Press
            // release: ...").
            let k = key(&h1);
            let longer = stripped
                .iter()
                .filter(|(t, f)| {
                    *f != "<h1>" && key(t).contains(&k) && key(t).len() > k.len() && support(t) >= 2
                })
                .max_by_key(|(t, f)| {
                    (
                        support(t),
                        t.len(),
                        std::cmp::Reverse(raw.iter().position(|(_, g)| g == f)),
                    )
                });
            return Some(match longer {
                Some((t, from)) => (t.clone(), *from),
                None => (h1, "<h1>"),
            });
        }
        // Of the rest, the title the most sources contain, the longest
        // among equals: a truncated JSON-LD headline loses to the whole.
        stripped
            .iter()
            .filter(|(_, from)| *from != "<h1>")
            .max_by_key(|(t, from)| {
                (
                    support(t),
                    // Ties: the JSON-LD headline, then og:title, then
                    // <title>, by their order in `raw`.
                    std::cmp::Reverse(raw.iter().position(|(_, f)| f == from)),
                )
            })
            .or(stripped.first())
            .map(|(t, from)| (t.clone(), *from))
    }

    /// The `<h1>`, when it looks like this page's headline: more than one
    /// word, not the site's name, and backed by another source or inside
    /// the article.
    fn h1_if_headline(&self, stripped: &[(String, &'static str)]) -> Option<String> {
        let (h1, in_article) = self.h1.as_ref()?;
        let h1 = h1.trim();
        let w = words(h1);
        if w.len() < 2 || h1.chars().count() > 300 || self.is_site(h1, &[]) {
            return None;
        }
        // The other sources as they were and as stripped: a wrong cut
        // (the headline's first half taken for a site name) must not
        // hide that another source backs the <h1>.
        let others: Vec<&str> = stripped
            .iter()
            .filter(|(_, f)| *f != "<h1>")
            .map(|(t, _)| t.as_str())
            .chain(
                [
                    self.json_ld.as_deref(),
                    self.og.as_deref(),
                    self.title.as_deref(),
                ]
                .into_iter()
                .flatten(),
            )
            .collect();
        if others.is_empty() {
            return Some(h1.to_string());
        }
        let overlap = others
            .iter()
            .map(|o| {
                let ow = words(o);
                let shared = w.iter().filter(|x| ow.contains(x)).count();
                shared as f64 / w.len().max(ow.len()) as f64
            })
            .fold(0.0, f64::max);
        (overlap >= 0.5 || (*in_article && overlap >= 0.2)).then(|| h1.to_string())
    }
}

/// With nothing to compare against, a short tail in Title Case after a
/// longer head is taken for a site name ("... - Wire Review").
fn looks_like_a_name(tail: &str, others: &[&str]) -> bool {
    let w: Vec<&str> = tail.split_whitespace().collect();
    others.is_empty()
        && !w.is_empty()
        && w.len() <= 3
        && w.iter()
            .all(|x| x.chars().next().is_some_and(|c| !c.is_lowercase()))
}

/// The host of a URL, without `www.`.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn site_names_are_stripped_by_name_host_or_agreement() {
        let cases: &[(TitleSources, &str)] = &[
            (
                TitleSources {
                    title: s("Five stretches for tight hips – Brett Larkin Yoga"),
                    host: s("brettlarkin.com"),
                    ..Default::default()
                },
                "Five stretches for tight hips",
            ),
            (
                TitleSources {
                    title: s("How to choose a standing desk | Facet"),
                    og: s("How to choose a standing desk | Facet"),
                    site_name: s("Facet"),
                    ..Default::default()
                },
                "How to choose a standing desk",
            ),
            (
                TitleSources {
                    title: s("Sleep and the ageing heart - Harvard Health"),
                    og: s("Sleep and the ageing heart"),
                    ..Default::default()
                },
                "Sleep and the ageing heart",
            ),
            (
                TitleSources {
                    title: s("Harbour Times: Port reopens after storm"),
                    site_name: s("Harbour Times"),
                    ..Default::default()
                },
                "Port reopens after storm",
            ),
            (
                TitleSources {
                    title: s("Port reopens after storm | World | Harbour Times"),
                    site_name: s("Harbour Times"),
                    h1: Some(("Port reopens after storm".into(), true)),
                    ..Default::default()
                },
                "Port reopens after storm",
            ),
        ];
        for (sources, want) in cases {
            assert_eq!(sources.choose().map(|(t, _)| t).as_deref(), Some(*want));
        }
    }

    #[test]
    fn h1_differing_from_title_wins_when_backed() {
        let t = TitleSources {
            title: s("Port reopens - Harbour Times"),
            og: s("Port reopens"),
            h1: Some(("Port reopens after three days of storm".into(), true)),
            site_name: s("Harbour Times"),
            ..Default::default()
        };
        assert_eq!(
            t.choose(),
            Some(("Port reopens after three days of storm".into(), "<h1>"))
        );
        // A site logo in an <h1> is not the headline.
        let logo = TitleSources {
            title: s("Port reopens after storm | Harbour Times"),
            h1: Some(("Harbour Times".into(), false)),
            site_name: s("Harbour Times"),
            ..Default::default()
        };
        assert_eq!(logo.choose().unwrap().0, "Port reopens after storm");
    }

    #[test]
    fn a_headline_with_a_dash_inside_is_kept_whole() {
        let t = TitleSources {
            title: s("Court rules on port - and on the storm fund"),
            og: s("Court rules on port - and on the storm fund"),
            ..Default::default()
        };
        assert_eq!(
            t.choose().unwrap().0,
            "Court rules on port - and on the storm fund"
        );
    }

    #[test]
    fn japanese_headlines_company_names_and_wrong_cuts() {
        // A Japanese headline has no spaces but is more than one word.
        let t = TitleSources {
            title: s("港の新しい倉庫が完成しました | 港湾日報"),
            og: s("港の新しい倉庫が完成しました - 港湾日報"),
            h1: Some(("港の新しい倉庫が完成しました".into(), false)),
            site_name: s("港湾日報"),
            ..Default::default()
        };
        assert_eq!(t.choose().unwrap().0, "港の新しい倉庫が完成しました");
        // A headline naming the company the site belongs to keeps it.
        let t = TitleSources {
            title: s("Meet R.O.S.E. - brightmoor auf der Hafenmesse 2024"),
            og: s("Meet R.O.S.E. - brightmoor auf der Hafenmesse 2024"),
            h1: Some((
                "Meet R.O.S.E. - brightmoor auf der Hafenmesse 2024".into(),
                false,
            )),
            host: s("blog.brightmoor.com"),
            ..Default::default()
        };
        assert_eq!(
            t.choose().unwrap().0,
            "Meet R.O.S.E. - brightmoor auf der Hafenmesse 2024"
        );
        // The <h1> is backed by the whole <title>, even when cutting the
        // title at its separator left only its second half.
        let t = TitleSources {
            title: s("Harbour walk (5 km) - see the old docks in an hour. Guide"),
            h1: Some((
                "Harbour walk - see the old docks in an hour on foot".into(),
                false,
            )),
            ..Default::default()
        };
        assert_eq!(
            t.choose().unwrap().0,
            "Harbour walk - see the old docks in an hour on foot"
        );
    }
}
