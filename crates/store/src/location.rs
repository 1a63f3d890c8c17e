//! Where a store lives: a SQLite file or a PostgreSQL database.

use std::fmt;
use std::path::PathBuf;

/// A store's location as `--db` and `STORYLINE_DB` give it: a
/// `postgres://` or `postgresql://` URL names a PostgreSQL database,
/// anything else a SQLite file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    File(PathBuf),
    Postgres(String),
}

impl Location {
    pub fn parse(s: &str) -> Location {
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            Location::Postgres(s.to_string())
        } else {
            Location::File(PathBuf::from(s))
        }
    }

    /// The file, for a SQLite store.
    pub fn file(&self) -> Option<&std::path::Path> {
        match self {
            Location::File(p) => Some(p),
            Location::Postgres(_) => None,
        }
    }
}

impl std::str::FromStr for Location {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Location::parse(s))
    }
}

impl From<PathBuf> for Location {
    fn from(p: PathBuf) -> Self {
        Location::File(p)
    }
}

/// A file as its path; a PostgreSQL URL with its password replaced by
/// `***`, so that messages and logs never show it.
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File(p) => write!(f, "{}", p.display()),
            Location::Postgres(url) => f.write_str(&without_password(url)),
        }
    }
}

/// The URL with the password masked, in its `user:password@` part and in
/// a `password=` parameter.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{user}:***@{host}"),
            None => authority.to_string(),
        },
        None => authority.to_string(),
    };
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let query: Vec<String> = query
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some(("password", _)) => "password=***".to_string(),
                    _ => pair.to_string(),
                })
                .collect();
            format!("{path}?{}", query.join("&"))
        }
        None => tail.to_string(),
    };
    format!("{scheme}://{authority}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_postgres_and_hide_passwords() {
        let cases = [
            ("storyline.db", "storyline.db", false),
            ("/tmp/a b.db", "/tmp/a b.db", false),
            ("postgres://u@h/db", "postgres://u@h/db", true),
            (
                "postgresql://u:secret@h:5432/db",
                "postgresql://u:***@h:5432/db",
                true,
            ),
            (
                "postgres://u:p%40ss@h/db?sslmode=disable",
                "postgres://u:***@h/db?sslmode=disable",
                true,
            ),
            (
                "postgres://h/db?password=x&a=b",
                "postgres://h/db?password=***&a=b",
                true,
            ),
        ];
        for (given, shown, postgres) in cases {
            let location = Location::parse(given);
            assert_eq!(location.to_string(), shown, "{given}");
            assert_eq!(
                matches!(location, Location::Postgres(_)),
                postgres,
                "{given}"
            );
        }
    }
}
