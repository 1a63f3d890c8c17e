//! The one place where SQLite and PostgreSQL differ at run time.
//!
//! Queries are written once, in the SQL both engines accept, with SQLite's
//! numbered placeholders (`?1`); for PostgreSQL they are rewritten to
//! `$1` and prepared once per connection. Parameters and results pass as
//! the five kinds of value both engines store, so the code above this
//! module never names a driver. What the engines do not share (schema
//! text, the schema version's home, full-text search, taking the write
//! lock) is chosen by [`Dialect`] in the few places that need it.

use crate::{Result, StoreError};
use postgres::types::{to_sql_checked, IsNull, ToSql, Type};
use std::cell::RefCell;
use std::collections::HashMap;

/// Which engine a connection speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// A query parameter, borrowed from the caller.
#[derive(Debug, Clone, Copy)]
pub enum Param<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
    Blob(&'a [u8]),
}

impl From<i64> for Param<'_> {
    fn from(v: i64) -> Self {
        Param::Int(v)
    }
}

impl From<f64> for Param<'_> {
    fn from(v: f64) -> Self {
        Param::Real(v)
    }
}

impl<'a> From<&'a str> for Param<'a> {
    fn from(v: &'a str) -> Self {
        Param::Text(v)
    }
}

impl<'a> From<&'a String> for Param<'a> {
    fn from(v: &'a String) -> Self {
        Param::Text(v)
    }
}

impl<'a> From<&'a [u8]> for Param<'a> {
    fn from(v: &'a [u8]) -> Self {
        Param::Blob(v)
    }
}

impl<'a, T: Into<Param<'a>>> From<Option<T>> for Param<'a> {
    fn from(v: Option<T>) -> Self {
        v.map_or(Param::Null, Into::into)
    }
}

/// `?first, ?first+1, ...`: `n` numbered placeholders for an `IN` list or
/// a multi-row `VALUES`, so that one statement does the work of `n`.
pub fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parameters for a query, each converted with `Into<Param>`.
macro_rules! params {
    ($($p:expr),* $(,)?) => {
        &[$($crate::db::Param::from($p)),*][..]
    };
}
pub(crate) use params;

/// A value read from a result row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

/// One result row, read by column position.
#[derive(Debug)]
pub struct Row(Vec<Value>);

impl Row {
    fn at(&self, i: usize) -> &Value {
        self.0.get(i).unwrap_or(&Value::Null)
    }

    fn mismatch(&self, i: usize, expected: &'static str) -> StoreError {
        StoreError::Column {
            index: i,
            expected,
            found: format!("{:?}", self.at(i)),
        }
    }

    pub fn int(&self, i: usize) -> Result<i64> {
        match self.at(i) {
            Value::Int(v) => Ok(*v),
            _ => Err(self.mismatch(i, "an integer")),
        }
    }

    pub fn real(&self, i: usize) -> Result<f64> {
        match self.at(i) {
            Value::Real(v) => Ok(*v),
            Value::Int(v) => Ok(*v as f64),
            _ => Err(self.mismatch(i, "a number")),
        }
    }

    pub fn opt_text(&self, i: usize) -> Result<Option<String>> {
        match self.at(i) {
            Value::Text(v) => Ok(Some(v.clone())),
            Value::Null => Ok(None),
            _ => Err(self.mismatch(i, "text")),
        }
    }

    pub fn text(&self, i: usize) -> Result<String> {
        self.opt_text(i)?.ok_or_else(|| self.mismatch(i, "text"))
    }

    /// Borrowed: signatures and token blobs are only decoded, never kept.
    pub fn blob(&self, i: usize) -> Result<&[u8]> {
        match self.at(i) {
            Value::Blob(v) => Ok(v),
            _ => Err(self.mismatch(i, "bytes")),
        }
    }
}

/// A PostgreSQL connection with the statements it has prepared, keyed by
/// their SQLite text.
pub struct Postgres {
    client: RefCell<postgres::Client>,
    statements: RefCell<HashMap<String, postgres::Statement>>,
}

/// An open connection to either engine. The PostgreSQL side is boxed:
/// its client and statement cache are three times a SQLite connection.
pub enum Db {
    Sqlite(rusqlite::Connection),
    Postgres(Box<Postgres>),
}

impl Db {
    pub fn postgres(client: postgres::Client) -> Db {
        Db::Postgres(Box::new(Postgres {
            client: RefCell::new(client),
            statements: RefCell::new(HashMap::new()),
        }))
    }

    pub fn dialect(&self) -> Dialect {
        match self {
            Db::Sqlite(_) => Dialect::Sqlite,
            Db::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Runs a statement; returns how many rows it changed.
    pub fn execute(&self, sql: &str, params: &[Param]) -> Result<usize> {
        match self {
            Db::Sqlite(conn) => Ok(conn
                .prepare_cached(sql)?
                .execute(rusqlite::params_from_iter(params))?),
            Db::Postgres(pg) => {
                let statement = pg.statement(sql)?;
                let args = pg_args(params);
                let n = pg.client.borrow_mut().execute(&statement, &args)?;
                Ok(n as usize)
            }
        }
    }

    /// Runs a query and reads all its rows.
    pub fn query(&self, sql: &str, params: &[Param]) -> Result<Vec<Row>> {
        match self {
            Db::Sqlite(conn) => {
                let mut stmt = conn.prepare_cached(sql)?;
                let columns = stmt.column_count();
                let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
                let mut out = Vec::new();
                while let Some(row) = rows.next()? {
                    let values = (0..columns)
                        .map(|i| row.get_ref(i).map(sqlite_value))
                        .collect::<rusqlite::Result<_>>()?;
                    out.push(Row(values));
                }
                Ok(out)
            }
            Db::Postgres(pg) => {
                let statement = pg.statement(sql)?;
                let args = pg_args(params);
                let rows = pg.client.borrow_mut().query(&statement, &args)?;
                rows.iter().map(pg_row).collect()
            }
        }
    }

    /// The first row of a query, if any.
    pub fn query_opt(&self, sql: &str, params: &[Param]) -> Result<Option<Row>> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    /// The first row of a query that always gives one (an aggregate).
    pub fn query_one(&self, sql: &str, params: &[Param]) -> Result<Row> {
        self.query_opt(sql, params)?
            .ok_or_else(|| StoreError::NoRow {
                query: sql.to_string(),
            })
    }

    /// Runs statements without parameters, separated by semicolons:
    /// migrations and transaction control.
    pub fn batch_execute(&self, sql: &str) -> Result<()> {
        match self {
            Db::Sqlite(conn) => Ok(conn.execute_batch(sql)?),
            Db::Postgres(pg) => Ok(pg.client.borrow_mut().batch_execute(sql)?),
        }
    }

    /// A handle that cancels this connection's running query from
    /// another thread.
    pub fn interrupt_handle(&self) -> InterruptHandle {
        match self {
            Db::Sqlite(conn) => InterruptHandle::Sqlite(conn.get_interrupt_handle()),
            Db::Postgres(pg) => InterruptHandle::Postgres(pg.client.borrow().cancel_token()),
        }
    }
}

impl Postgres {
    fn statement(&self, sql: &str) -> Result<postgres::Statement> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        let statement = self
            .client
            .borrow_mut()
            .prepare(&numbered_placeholders(sql))?;
        self.statements
            .borrow_mut()
            .insert(sql.to_string(), statement.clone());
        Ok(statement)
    }
}

/// Stops a running query from another thread (see
/// [`crate::Store::interrupt_handle`]).
pub enum InterruptHandle {
    Sqlite(rusqlite::InterruptHandle),
    Postgres(postgres::CancelToken),
}

impl InterruptHandle {
    /// Asks the engine to stop the query running now, if any. A failure
    /// to reach a PostgreSQL server is ignored: the query then runs to
    /// its end, which is all a cancelled request can lose.
    pub fn interrupt(&self) {
        match self {
            InterruptHandle::Sqlite(h) => h.interrupt(),
            InterruptHandle::Postgres(token) => {
                let _ = token.cancel_query(postgres::NoTls);
            }
        }
    }
}

/// SQLite's `?1` placeholders as PostgreSQL's `$1`, leaving quoted text
/// alone.
pub fn numbered_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quote: Option<char> = None;
    for c in sql.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '?' => {
                out.push('$');
                continue;
            }
            None => {}
        }
        out.push(c);
    }
    out
}

impl rusqlite::ToSql for Param<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match *self {
            Param::Null => ValueRef::Null,
            Param::Int(v) => ValueRef::Integer(v),
            Param::Real(v) => ValueRef::Real(v),
            Param::Text(v) => ValueRef::Text(v.as_bytes()),
            Param::Blob(v) => ValueRef::Blob(v),
        }))
    }
}

fn sqlite_value(v: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Int(i),
        ValueRef::Real(f) => Value::Real(f),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

fn pg_args<'a>(params: &'a [Param<'a>]) -> Vec<&'a (dyn ToSql + Sync)> {
    params.iter().map(|p| p as &(dyn ToSql + Sync)).collect()
}

impl ToSql for Param<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match *self {
            Param::Null => Ok(IsNull::Yes),
            // The schema's integers are BIGINT, but a parameter compared
            // with a narrower expression is prepared as that type.
            Param::Int(v) if *ty == Type::INT4 => i32::try_from(v)?.to_sql(ty, out),
            Param::Int(v) => v.to_sql(ty, out),
            Param::Real(v) => v.to_sql(ty, out),
            Param::Text(v) => v.to_sql(ty, out),
            Param::Blob(v) => v.to_sql(ty, out),
        }
    }

    fn accepts(ty: &Type) -> bool {
        [
            Type::INT8,
            Type::INT4,
            Type::FLOAT8,
            Type::TEXT,
            Type::VARCHAR,
            Type::BYTEA,
        ]
        .contains(ty)
    }

    to_sql_checked!();
}

fn pg_row(row: &postgres::Row) -> Result<Row> {
    let mut values = Vec::with_capacity(row.len());
    for (i, column) in row.columns().iter().enumerate() {
        let ty = column.type_();
        let value = if *ty == Type::INT8 {
            row.try_get::<_, Option<i64>>(i)?.map(Value::Int)
        } else if *ty == Type::INT4 {
            row.try_get::<_, Option<i32>>(i)?
                .map(|v| Value::Int(v.into()))
        } else if *ty == Type::BOOL {
            row.try_get::<_, Option<bool>>(i)?
                .map(|v| Value::Int(v.into()))
        } else if *ty == Type::FLOAT8 {
            row.try_get::<_, Option<f64>>(i)?.map(Value::Real)
        } else if *ty == Type::FLOAT4 {
            row.try_get::<_, Option<f32>>(i)?
                .map(|v| Value::Real(v.into()))
        } else if *ty == Type::BYTEA {
            row.try_get::<_, Option<Vec<u8>>>(i)?.map(Value::Blob)
        } else {
            row.try_get::<_, Option<String>>(i)?.map(Value::Text)
        };
        values.push(value.unwrap_or(Value::Null));
    }
    Ok(Row(values))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_outside_quotes_only() {
        let cases = [
            ("SELECT ?1", "SELECT $1"),
            (
                "UPDATE t SET a = ?2 WHERE b = ?1 AND c = '?3'",
                "UPDATE t SET a = $2 WHERE b = $1 AND c = '?3'",
            ),
            (
                "SELECT \"what?\" FROM t WHERE x = ?10",
                "SELECT \"what?\" FROM t WHERE x = $10",
            ),
            ("SELECT 'it''s ?' , ?1", "SELECT 'it''s ?' , $1"),
        ];
        for (sqlite, postgres) in cases {
            assert_eq!(numbered_placeholders(sqlite), postgres, "{sqlite}");
        }
    }
}
