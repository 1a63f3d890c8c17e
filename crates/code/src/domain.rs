//! What a whole article is about, where one sentence cannot tell: a
//! report on a match or a transfer uses the words of conflict and
//! diplomacy ("Russia beat France", "the coach agreed terms", "talks with
//! the club") in senses that are never political events.

/// Words found only in sports news: a sentence that has one reports a
/// game, and its "beat", "attack", "fight" or "suspend" are sport. Words
/// with other senses ("match", "coach", "team", "season") are left out.
pub(crate) const SPORT_WORDS: &[&str] = &[
    "tournament",
    "tournaments",
    "league",
    "championship",
    "championships",
    "semifinal",
    "semifinals",
    "semi-final",
    "quarterfinal",
    "quarterfinals",
    "quarter-final",
    "playoff",
    "playoffs",
    "goalkeeper",
    "striker",
    "midfielder",
    "quarterback",
    "touchdown",
    "touchdowns",
    "innings",
    "wicket",
    "wickets",
    "doubles",
    "olympics",
    "nfl",
    "nba",
    "nhl",
    "mlb",
    "fifa",
    "uefa",
    "premiership",
    "halftime",
    "half-time",
    "linebacker",
    "pitcher",
    "teammate",
    "teammates",
];

/// Words that are about sport in most uses but not all ("coach",
/// "goals", "medal"): they count towards a sport story, not against a
/// single sentence.
const SPORT_STORY_WORDS: &[&str] = &[
    "leagues",
    "defender",
    "olympic",
    "coach",
    "coaches",
    "squad",
    "football",
    "soccer",
    "tennis",
    "basketball",
    "baseball",
    "cricket",
    "rugby",
    "golf",
    "hockey",
    "medal",
    "medals",
    "athlete",
    "athletes",
    "stadium",
    "footballer",
    "footballers",
    "scored",
    "goals",
];

/// The least share of an article's sentences with a sport word for the
/// article to be about sport: a political article that mentions a match
/// once or twice stays political.
const SPORT_SHARE: f64 = 0.15;

/// Whether the article is a sport story: at least two of its sentences,
/// and [`SPORT_SHARE`] of them, use a word of sport.
pub(crate) fn is_sport_story(chars: &[char], sentences: &[storyline_model::Span]) -> bool {
    let with_sport = sentences
        .iter()
        .filter(|s| {
            chars
                .get(s.start..s.end)
                .unwrap_or_default()
                .split(|c| !(c.is_alphanumeric() || *c == '-'))
                .filter(|w| !w.is_empty() && w.len() <= 16)
                .any(|w| {
                    let word: String = w.iter().flat_map(|c| c.to_lowercase()).collect();
                    SPORT_WORDS.contains(&word.as_str())
                        || SPORT_STORY_WORDS.contains(&word.as_str())
                })
        })
        .count();
    with_sport >= 2 && with_sport as f64 >= SPORT_SHARE * sentences.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_model::Span;

    fn story(sentences: &[&str]) -> bool {
        let text = sentences.join(" ");
        let chars: Vec<char> = text.chars().collect();
        let mut spans = Vec::new();
        let mut at = 0;
        for s in sentences {
            let n = s.chars().count();
            spans.push(Span {
                start: at,
                end: at + n,
            });
            at += n + 1;
        }
        is_sport_story(&chars, &spans)
    }

    #[test]
    fn sport_stories_are_told_from_political_ones() {
        let cases: &[(&[&str], bool)] = &[
            (
                &[
                    "The coach agreed a two-year deal with the club on Monday.",
                    "He turned down offers from two other Premier League sides.",
                    "Talks with the owners lasted a week.",
                ],
                true,
            ),
            (
                &[
                    "Ruritania beat Freedonia 3-1 in the tennis team final.",
                    "The doubles pair won in straight sets at the tennis centre.",
                ],
                true,
            ),
            // One mention of a match in a political story.
            (
                &[
                    "The two governments agreed to reopen the border crossing.",
                    "The ministers met in the capital for three hours.",
                    "Talks will resume next week, officials said.",
                    "Fans had crossed it freely for a football match in May.",
                ],
                false,
            ),
            (&["Protesters marched on parliament on Sunday."], false),
        ];
        for (sentences, sport) in cases {
            assert_eq!(story(sentences), *sport, "{sentences:?}");
        }
    }
}
