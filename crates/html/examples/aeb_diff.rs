use std::io::Read;
fn main() {
    let dir = std::path::Path::new("/work/shared/bench/aeb");
    let truth: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("ground-truth.json")).unwrap()).unwrap();
    let mut rows = Vec::new();
    for (id, v) in truth.as_object().unwrap() {
        let mut gz = flate2::read::GzDecoder::new(std::fs::File::open(dir.join(format!("html/{id}.html.gz"))).unwrap());
        let mut bytes = Vec::new();
        gz.read_to_end(&mut bytes).unwrap();
        let html = String::from_utf8_lossy(&bytes);
        let cfg = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
        let pred = match dom_smoothie::Readability::new(html.as_ref(), None, Some(cfg)).and_then(|mut r| r.parse()) {
            Ok(a) => a.text_content.to_string(),
            Err(_) => String::new(),
        };
        let c = storyline_clean::clean_text_as(&pred, storyline_clean::Profile::ExtractedHtml);
        let t = v["articleBody"].as_str().unwrap();
        let a = storyline_html::aeb::score_page(t, &pred);
        let b = storyline_html::aeb::score_page(t, &c.text());
        rows.push((b.recall().unwrap_or(0.0) - a.recall().unwrap_or(0.0), id.clone(), c.removed.clone(), t.to_string()));
    }
    rows.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap());
    for (d, id, removed, t) in rows.iter().take(12) {
        println!("== {d:.3} {id}");
        for r in removed.iter().take(12) {
            let inside = t.contains(r.text.trim_end_matches('…'));
            println!("   {} {} [{}] {}", if inside {"LOST"} else {"ok  "}, r.line, r.reason, r.text.chars().take(90).collect::<String>());
        }
    }
}
