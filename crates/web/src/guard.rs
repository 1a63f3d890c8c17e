//! What every response passes through: the `Host` allow-list (against DNS
//! rebinding), security headers, and errors under `/api/` as JSON.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Json, Response};
use std::net::IpAddr;
use std::sync::Arc;

/// The message of an error response, kept beside its HTML so that the
/// API layer can give the same error as JSON.
#[derive(Clone)]
struct ErrorMessage(String);

/// An error page with `status`, remembering its message for the API.
pub fn error(status: StatusCode, message: &str) -> Response {
    let title = status.canonical_reason().unwrap_or("Error");
    let mut response = (
        status,
        Html(crate::html::page(
            title,
            &format!("<p>{}</p>", crate::html::esc(message)),
        )),
    )
        .into_response();
    response
        .extensions_mut()
        .insert(ErrorMessage(message.to_string()));
    response
}

/// Errors of `/api/` requests as `{"error": ..., "status": ...}`, so that
/// a script reading the API never has to parse an HTML page.
pub async fn api_errors_as_json(request: Request, next: Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    let status = response.status();
    if !api || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let message = match response.extensions().get::<ErrorMessage>() {
        Some(ErrorMessage(m)) => m.clone(),
        None => status.canonical_reason().unwrap_or("error").to_lowercase(),
    };
    (
        status,
        Json(serde_json::json!({ "error": message, "status": status.as_u16() })),
    )
        .into_response()
}

/// The content security policy: the pages are self-contained HTML with
/// one inline style sheet and inline SVG, no script, no frame, and one
/// search form that submits to the view itself.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; \
                   form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Headers that keep a browser from running, framing or sniffing what
/// the view serves.
pub async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// The host names the view answers to besides loopback names and IP
/// addresses (`--allow-host`), lower case.
#[derive(Clone, Debug, Default)]
pub struct AllowedHosts(pub Arc<Vec<String>>);

/// Refuses requests whose `Host` is a name the view was not told about.
/// A page on another site can make a browser resolve its own name to
/// 127.0.0.1 (DNS rebinding) and then read the view as same-origin; the
/// browser still sends that other name as `Host`, so only loopback names,
/// IP literals and names given with `--allow-host` are answered. A request
/// without `Host` (HTTP/1.0 tools) cannot come from such a page.
pub async fn check_host(
    State(allowed): State<AllowedHosts>,
    request: Request,
    next: Next,
) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .map(|h| h.to_str().unwrap_or("\u{fffd}").to_string());
    match host {
        Some(host) if !host_allowed(&host, &allowed.0) => {
            let name = host_name(&host);
            error(
                StatusCode::MISDIRECTED_REQUEST,
                &format!(
                    "this server does not answer to the host name `{name}`; \
                     hint: restart it with `storyline serve --allow-host {name}` if the name is yours"
                ),
            )
        }
        _ => next.run(request).await,
    }
}

/// The name part of a `Host` header: without the port, brackets kept off
/// an IPv6 literal, without a final dot, in lower case.
fn host_name(host: &str) -> String {
    let host = host.trim();
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
            _ => host,
        }
    };
    name.trim_end_matches('.').to_ascii_lowercase()
}

fn host_allowed(host: &str, extra: &[String]) -> bool {
    let name = host_name(host);
    name == "localhost"
        || name.ends_with(".localhost")
        || name.parse::<IpAddr>().is_ok()
        || extra.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_are_read_without_port_brackets_or_final_dot() {
        for (header, name) in [
            ("localhost:8080", "localhost"),
            ("LocalHost", "localhost"),
            ("127.0.0.1:80", "127.0.0.1"),
            ("[::1]:8080", "::1"),
            ("[::1]", "::1"),
            ("news.example.org.", "news.example.org"),
            ("evil.example:443", "evil.example"),
        ] {
            assert_eq!(host_name(header), name, "{header}");
        }
    }

    #[test]
    fn loopback_names_and_addresses_are_allowed_other_names_only_when_given() {
        let extra = vec!["desk.lan".to_string()];
        for host in [
            "localhost:8080",
            "app.localhost",
            "127.0.0.1:8080",
            "[::1]:8080",
            "192.168.1.20:8080",
            "desk.lan:8080",
        ] {
            assert!(host_allowed(host, &extra), "{host}");
        }
        for host in [
            "attacker.example:8080",
            "localhost.attacker.example",
            "desk.lan.evil",
            "",
        ] {
            assert!(!host_allowed(host, &extra), "{host}");
        }
    }
}
