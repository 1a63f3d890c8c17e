//! HTML building: escaping and the page frame. Every piece of text from
//! the store goes through [`esc`], in content and in attributes alike.

/// Escapes text for HTML content and quoted attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:72rem;margin:1rem auto;padding:0 1rem;color:#222}\
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}\
.muted{color:#777}.flag{color:#b00;font-weight:bold}mark.entity{background:#dbeafe}mark.time{background:#fef3c7}\
mark.figure{background:#dcfce7}mark.event{text-decoration:underline;background:none}\
.text{white-space:pre-wrap;line-height:1.5}svg{max-width:100%;height:auto}";

/// A whole page: title, navigation and body.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{} · storyline</title>\
         <style>{STYLE}</style></head><body><nav><a href=\"/\">stories</a></nav><main>{body}</main></body></html>",
        esc(title)
    )
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(
            esc("<script>alert('x')</script> \"a\" & b"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;a&quot; &amp; b"
        );
    }
}
