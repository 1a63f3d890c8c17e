//! Charts drawn by the server as SVG: a timeline on a dated axis and a
//! figure track as value (or bounds) over time, one mark per observation,
//! coloured by source, disagreements ringed in red.

use crate::html::esc;
use storyline_story::{dates, FigureTrack, TimelineEntry};

const WIDTH: f64 = 900.0;
const PALETTE: &[&str] = &[
    "#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0891b2", "#65a30d", "#db2777",
];

fn x_of(day: i64, first: i64, last: i64) -> f64 {
    let span = (last - first).max(1) as f64;
    40.0 + (day - first) as f64 / span * (WIDTH - 80.0)
}

/// The timeline: one dot per entry on a horizontal axis, its date and
/// summary in a tooltip and listed below the axis.
pub fn timeline(entries: &[TimelineEntry]) -> String {
    let days: Vec<i64> = entries
        .iter()
        .filter_map(|e| dates::interval(&e.date).map(|(a, _)| a))
        .collect();
    let (Some(&first), Some(&last)) = (days.iter().min(), days.iter().max()) else {
        return "<p class=\"muted\">No dated entries.</p>".into();
    };
    let mut out = format!(
        "<svg class=\"timeline\" viewBox=\"0 0 {WIDTH} 80\" role=\"img\" aria-label=\"timeline\">\
         <line x1=\"40\" y1=\"40\" x2=\"{}\" y2=\"40\" stroke=\"#999\"/>",
        WIDTH - 40.0
    );
    for (e, day) in entries.iter().zip(&days) {
        let x = x_of(*day, first, last);
        out.push_str(&format!(
            "<circle class=\"entry\" cx=\"{x:.1}\" cy=\"40\" r=\"5\" fill=\"#2563eb\"><title>{} {}</title></circle>",
            esc(&e.date),
            esc(&e.summary)
        ));
    }
    for (label, day) in [(first, first), (last, last)] {
        let iso = entries
            .iter()
            .zip(&days)
            .find(|(_, d)| **d == day)
            .map(|(e, _)| e.date.as_str())
            .unwrap_or("");
        out.push_str(&format!(
            "<text x=\"{:.1}\" y=\"70\" font-size=\"12\" text-anchor=\"middle\">{}</text>",
            x_of(label, first, last),
            esc(iso)
        ));
    }
    out.push_str("</svg>");
    out
}

/// A figure track: value or bounds against the date said.
pub fn track(t: &FigureTrack) -> String {
    let points: Vec<(i64, f64, f64, usize)> = t
        .observations
        .iter()
        .enumerate()
        .filter_map(|(i, o)| {
            let day = dates::middle(o.said_on.as_deref()?)?;
            let low = o.low.or(o.value)?;
            let high = o.high.or(o.value).unwrap_or(low);
            Some((day, low, high.max(low), i))
        })
        .collect();
    if points.is_empty() {
        return "<p class=\"muted\">No dated figures to draw.</p>".into();
    }
    let first = points.iter().map(|p| p.0).min().unwrap_or(0);
    let last = points.iter().map(|p| p.0).max().unwrap_or(1);
    let top = points.iter().map(|p| p.2).fold(0.0_f64, f64::max).max(1.0);
    let y = |v: f64| 170.0 - v / top * 150.0;
    let mut sources: Vec<&str> = Vec::new();
    let mut out = format!(
        "<svg class=\"track\" viewBox=\"0 0 {WIDTH} 200\" role=\"img\" aria-label=\"{}\">\
         <line x1=\"40\" y1=\"170\" x2=\"{}\" y2=\"170\" stroke=\"#999\"/>",
        esc(&format!("{} of {}", t.measure, t.subject)),
        WIDTH - 40.0
    );
    for (day, low, high, i) in &points {
        let o = &t.observations[*i];
        let k = match sources.iter().position(|s| *s == o.document) {
            Some(k) => k,
            None => {
                sources.push(&o.document);
                sources.len() - 1
            }
        };
        let colour = PALETTE[k % PALETTE.len()];
        let x = x_of(*day, first, last);
        let disputed = t
            .disagreements
            .iter()
            .any(|d| d.first == *i || d.second == *i);
        let tip = format!(
            "{} · said {} by {}{} · {}",
            o.text,
            o.said_on.as_deref().unwrap_or("?"),
            o.speaker.as_deref().unwrap_or("unnamed"),
            if o.hedges.is_empty() {
                String::new()
            } else {
                format!(" ({})", o.hedges.join(", "))
            },
            o.document
        );
        if high > low {
            out.push_str(&format!(
                "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-width=\"3\"/>",
                y(*low),
                y(*high)
            ));
        }
        out.push_str(&format!(
            "<circle class=\"mark{}\" cx=\"{x:.1}\" cy=\"{:.1}\" r=\"5\" fill=\"{colour}\"{}><title>{}</title></circle>",
            if disputed { " disputed" } else { "" },
            y(*high),
            if disputed { " stroke=\"#dc2626\" stroke-width=\"3\"" } else { "" },
            esc(&tip)
        ));
    }
    out.push_str(&format!(
        "<text x=\"40\" y=\"16\" font-size=\"12\">{}</text></svg>",
        esc(&format!("up to {top}"))
    ));
    out
}
