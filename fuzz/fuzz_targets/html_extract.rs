//! Bytes as an HTML page: decoding, pruning, parsing, metadata (with a
//! fetch day, so relative dates are read too), extraction and cleaning
//! must not panic, and spans stay in bounds. The same bytes as text go
//! through the date reader in both day orders.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_html::date::parse::{find_dates, relative_date, DayOrder};

fuzz_target!(|bytes: &[u8]| {
    let reference = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    if let Ok(text) = std::str::from_utf8(bytes) {
        for order in [DayOrder::DayFirst, DayOrder::MonthFirst] {
            for hit in find_dates(text, order, reference) {
                assert!(hit.start <= hit.end && hit.end <= text.len());
            }
        }
        let _ = relative_date(text, reference);
    }
    let opts = storyline_ingest::ReadOptions::default();
    let Ok(raw) = storyline_ingest::read_bytes("fuzz.html", Some("fuzz.html".into()), bytes, &opts) else {
        return;
    };
    let ctx = storyline_html::PageContext {
        url: Some("https://example.org/2024/06/30/story".into()),
        fetched: "2026-12-01".parse().ok(),
    };
    let Ok(raw) = storyline_html::extract_with(raw, &Default::default(), &ctx) else {
        return;
    };
    if let Ok(doc) = storyline_clean::build_document(raw) {
        assert!(storyline_clean::spans_are_valid(&doc));
    }
});
