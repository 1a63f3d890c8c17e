//! Charts drawn by the server as SVG: a timeline on a dated axis and a
//! figure track as value (or bounds) over time, one mark per observation,
//! coloured by source, disagreements ringed in red.

use crate::html::esc;
use storyline_story::{dates, FigureTrack, TimelineEntry};

const WIDTH: f64 = 900.0;
const PALETTE: &[&str] = &[
    "#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0891b2", "#65a30d", "#db2777",
];

/// The x of a day on an axis from `left` to `right`; an axis of one day
/// puts everything in its middle.
fn axis_x(day: i64, first: i64, last: i64, left: f64, right: f64) -> f64 {
    if last == first {
        return (left + right) / 2.0;
    }
    left + (day - first) as f64 / (last - first) as f64 * (right - left)
}

/// A day's date written under a time axis at `x`.
fn date_label(x: f64, y: f64, day: i64) -> String {
    format!(
        "<text class=\"date-label\" x=\"{x:.1}\" y=\"{y}\" font-size=\"12\" text-anchor=\"middle\">{}</text>",
        esc(&dates::iso_day(day))
    )
}

fn x_of(day: i64, first: i64, last: i64) -> f64 {
    axis_x(day, first, last, 40.0, WIDTH - 40.0)
}

/// The timeline: one dot per entry on a horizontal axis, its date and
/// line in a tooltip and listed below the axis.
pub fn timeline(entries: &[TimelineEntry]) -> String {
    // Entries paired with their day, so an undated entry cannot shift the
    // dates of those after it.
    let dated: Vec<(&TimelineEntry, i64)> = entries
        .iter()
        .filter_map(|e| dates::interval(&e.date).map(|(a, _)| (e, a)))
        .collect();
    let (Some(first), Some(last)) = (
        dated.iter().map(|(_, d)| *d).min(),
        dated.iter().map(|(_, d)| *d).max(),
    ) else {
        return "<p class=\"muted\">No dated entries.</p>".into();
    };
    let mut out = format!(
        "<svg class=\"timeline\" viewBox=\"0 0 {WIDTH} 80\" role=\"img\" aria-label=\"timeline\">\
         <line x1=\"40\" y1=\"40\" x2=\"{}\" y2=\"40\" stroke=\"#999\"/>",
        WIDTH - 40.0
    );
    for (e, day) in &dated {
        let x = x_of(*day, first, last);
        out.push_str(&format!(
            "<circle class=\"entry\" cx=\"{x:.1}\" cy=\"40\" r=\"5\" fill=\"#2563eb\"><title>{} {}</title></circle>",
            esc(&e.date),
            esc(&e.text)
        ));
    }
    let mut ticks = vec![first];
    if last != first {
        ticks.push(last);
    }
    for day in ticks {
        out.push_str(&date_label(x_of(day, first, last), 70.0, day));
    }
    out.push_str("</svg>");
    out
}

/// A number as a reader says it: "48 million", "1.5 billion", "12,500",
/// "3.5"; never a raw "48000000".
pub fn readable_number(v: f64) -> String {
    let trim = |x: f64| {
        let s = format!("{x:.1}");
        s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
    };
    let a = v.abs();
    if a >= 1e12 {
        format!("{} trillion", trim(v / 1e12))
    } else if a >= 1e9 {
        format!("{} billion", trim(v / 1e9))
    } else if a >= 1e6 {
        format!("{} million", trim(v / 1e6))
    } else if a >= 1e4 || v.fract() == 0.0 {
        storyline_story::with_thousands(v)
    } else {
        trim(v)
    }
}

/// The plot area of a track: left margin for the value labels, bottom
/// margin for the dates.
const LEFT: f64 = 90.0;
const RIGHT: f64 = WIDTH - 40.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 170.0;

fn track_x(day: i64, first: i64, last: i64) -> f64 {
    axis_x(day, first, last, LEFT, RIGHT)
}

/// A figure track: value or bounds against the date said, with dates on
/// the time axis, values on the value axis, one colour per source with a
/// legend naming it (`source_label` turns a document id into its outlet
/// and title), disagreements ringed in red, each mark's figure, speaker
/// and source in its tooltip and in a table under the chart.
pub fn track(t: &FigureTrack, source_label: &dyn Fn(&str) -> String) -> String {
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
    let last = points.iter().map(|p| p.0).max().unwrap_or(first);
    let top = points.iter().map(|p| p.2).fold(0.0_f64, f64::max).max(1.0);
    let y = |v: f64| BOTTOM - v / top * (BOTTOM - TOP);
    let mut sources: Vec<&str> = Vec::new();
    let mut out = format!(
        "<svg class=\"track\" viewBox=\"0 0 {WIDTH} 200\" role=\"img\" aria-label=\"{}\">\
         <line x1=\"{LEFT}\" y1=\"{BOTTOM}\" x2=\"{RIGHT}\" y2=\"{BOTTOM}\" stroke=\"#999\"/>\
         <line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{BOTTOM}\" stroke=\"#999\"/>",
        esc(&format!("{} of {}", t.measure, t.subject)),
    );
    // The value axis: zero, half and the top, as a reader writes them.
    for v in [0.0, top / 2.0, top] {
        out.push_str(&format!(
            "<line x1=\"{LEFT}\" y1=\"{0:.1}\" x2=\"{RIGHT}\" y2=\"{0:.1}\" stroke=\"#eee\"/>\
             <text class=\"value-label\" x=\"{1}\" y=\"{2:.1}\" font-size=\"12\" text-anchor=\"end\">{3}</text>",
            y(v),
            LEFT - 6.0,
            y(v) + 4.0,
            esc(&readable_number(v))
        ));
    }
    // The time axis: the first and last days, and the middle one when the
    // span is long enough to place it apart from them.
    let mut ticks = vec![first];
    if last - first >= 4 {
        ticks.push((first + last) / 2);
    }
    if last != first {
        ticks.push(last);
    }
    for day in ticks {
        out.push_str(&date_label(track_x(day, first, last), 188.0, day));
    }
    let mut rows = String::new();
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
        let x = track_x(*day, first, last);
        let disputed = t
            .disagreements
            .iter()
            .any(|d| d.first == *i || d.second == *i);
        let speaker = o.speaker.as_deref().unwrap_or("unnamed");
        let hedges = if o.hedges.is_empty() {
            String::new()
        } else {
            format!(" ({})", o.hedges.join(", "))
        };
        let tip = format!(
            "{} · said {} by {}{} · {}",
            o.text,
            o.said_on.as_deref().unwrap_or("?"),
            speaker,
            hedges,
            source_label(&o.document)
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
        rows.push_str(&format!(
            "<tr{}><td>{}</td><td>{}</td><td>{}{}</td><td><span style=\"color:{colour}\">●</span> {}</td></tr>",
            if disputed { " class=\"flag\"" } else { "" },
            esc(o.said_on.as_deref().unwrap_or("?")),
            esc(&o.text),
            esc(speaker),
            esc(&hedges),
            esc(&source_label(&o.document))
        ));
    }
    out.push_str("</svg>");
    // The legend: one line per source, in the colours of its marks.
    out.push_str("<p class=\"legend\">");
    for (k, doc) in sources.iter().enumerate() {
        out.push_str(&format!(
            "<span class=\"source\"><span style=\"color:{}\">●</span> {}</span> ",
            PALETTE[k % PALETTE.len()],
            esc(&source_label(doc))
        ));
    }
    if !t.disagreements.is_empty() {
        out.push_str(
            "<span class=\"source\"><span style=\"color:#dc2626\">◯</span> disputed</span>",
        );
    }
    out.push_str("</p>");
    out.push_str(&format!(
        "<details><summary>figures as text</summary><table class=\"observations\">\
         <tr><th>said</th><th>figure</th><th>by</th><th>source</th></tr>{rows}</table></details>"
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::readable_number;

    #[test]
    fn chart_labels_show_raw_numbers() {
        for (v, text) in [
            (48_000_000.0, "48 million"),
            (1_500_000_000.0, "1.5 billion"),
            (12_500.0, "12,500"),
            (245.0, "245"),
            (3.5, "3.5"),
            (0.0, "0"),
            (2.0e12, "2 trillion"),
            (-1200.0, "-1,200"),
        ] {
            assert_eq!(readable_number(v), text, "{v}");
        }
    }
}
