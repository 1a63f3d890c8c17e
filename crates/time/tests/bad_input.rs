//! Odd inputs: no panic, no hang, and no absurd date.

use storyline_model::Span;
use storyline_time::{annotate, find_times, Options};

fn times_of(text: &str) -> Vec<storyline_model::TimeExpr> {
    let sentences = [Span::new(0, text.chars().count())];
    annotate(
        text,
        &sentences,
        Some("2024-11-13".parse().unwrap()),
        &Options::default(),
    )
    .0
}

/// Every resolved day lies in years a news story can mean.
fn sane(times: &[storyline_model::TimeExpr]) {
    for t in times {
        for d in t.interval.iter().flatten() {
            let year: i32 = d[..4].parse().unwrap();
            assert!(
                (1000..=3000).contains(&year),
                "absurd date {d} from {:?}",
                t.text
            );
        }
    }
}

#[test]
fn a_ten_thousand_digit_number_is_no_date() {
    let text = format!("The figure was {} yesterday.", "7".repeat(10_000));
    let times = times_of(&text);
    sane(&times);
    assert_eq!(
        times.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(),
        ["yesterday"]
    );
}

#[test]
fn the_32nd_of_february_and_the_30th_of_february_are_not_dates() {
    for text in [
        "It happened on 32 February.",
        "It happened on February 30, 2023.",
        "On 31/04/2024 nothing.",
    ] {
        let times = times_of(text);
        sane(&times);
        assert!(
            times.iter().all(|t| t.precision.as_deref() != Some("day")),
            "{text}: {times:?}"
        );
    }
}

#[test]
fn year_99999_is_not_a_year() {
    let times = times_of("In 99999 the sun will still shine, and in 2024-99999 too.");
    sane(&times);
    assert!(times.iter().all(|t| !t.text.contains("99999")), "{times:?}");
}

#[test]
fn a_megabyte_of_digits_and_slashes_finishes_with_sane_dates() {
    let text: String = (0..250_000)
        .map(|k| if k % 3 == 0 { "12/" } else { "1/" })
        .collect();
    let times = times_of(&text);
    sane(&times);
}

#[test]
fn long_runs_of_date_words_stay_linear() {
    // A quadratic rule would take minutes here, even in a debug build.
    let text = "since early to mid October between now and January 20 ".repeat(20_000);
    let found = find_times(&text, &Options::default());
    assert!(!found.is_empty());
}
