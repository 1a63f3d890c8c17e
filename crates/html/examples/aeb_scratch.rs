use std::io::Read;
fn main() {
    let dir = std::path::Path::new("/work/shared/bench/aeb");
    let truth: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("ground-truth.json")).unwrap()).unwrap();
    let mode = std::env::args().nth(1).unwrap_or_default();
    let mut pages = Vec::new();
    let mut worst = Vec::new();
    for (id, v) in truth.as_object().unwrap() {
        let mut gz = flate2::read::GzDecoder::new(std::fs::File::open(dir.join(format!("html/{id}.html.gz"))).unwrap());
        let mut bytes = Vec::new();
        gz.read_to_end(&mut bytes).unwrap();
        let html = String::from_utf8_lossy(&bytes);
        let cfg = dom_smoothie::Config { text_mode: if mode == "raw" { dom_smoothie::TextMode::Raw } else { dom_smoothie::TextMode::Formatted }, ..Default::default() };
        let pred = match dom_smoothie::Readability::new(html.as_ref(), None, Some(cfg)).and_then(|mut r| r.parse()) {
            Ok(a) => a.text_content.to_string(),
            Err(_) => String::new(),
        };
        let pred = if std::env::var("CLEAN").is_ok() { storyline_clean::clean_text_as(&pred, storyline_clean::Profile::ExtractedHtml).text() } else { pred };
        let s = storyline_html::aeb::score_page(v["articleBody"].as_str().unwrap(), &pred);
        worst.push((s.f1(), id.clone()));
        pages.push(s);
    }
    let sum = storyline_html::aeb::summarise(&pages);
    println!("{sum:?}");
    worst.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap());
    for w in worst.iter().take(10) { println!("{:.3} {}", w.0, w.1); }
}
