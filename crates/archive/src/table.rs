//! One Parquet file of one table: typed columns filled row by row and
//! written in row groups, through the `parquet` crate's column writers.
//!
//! The archive's tables are flat rows of a few kinds of value, so a small
//! writer over Parquet's low-level API does what an Arrow dependency
//! would, at a fraction of the build: each column buffers its values and
//! its definition and repetition levels, and every [`ROW_GROUP_ROWS`] rows
//! (and at the end) the buffers become one row group.

use crate::ArchiveError;
use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use std::fs::File;
use std::path::Path;
use std::sync::Arc;

/// Rows per row group: large enough for good compression and few groups,
/// small enough that a writer's buffers stay a few megabytes.
pub const ROW_GROUP_ROWS: usize = 65_536;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// UTF-8 text.
    Str,
    Int32,
    Int64,
    Float64,
    Bool,
    /// A calendar day (Parquet `DATE`: days since 1970-01-01).
    Date,
    /// A list of texts (Parquet's three-level `LIST`), never null: an
    /// empty list is an empty list.
    StrList,
}

/// One column of a table: its name, kind, whether it may be null, and
/// what it means (the schema's documentation in `docs/archive.md`).
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    pub optional: bool,
    pub doc: &'static str,
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Str(String),
    Int32(i32),
    Int64(i64),
    Float64(f64),
    Bool(bool),
    /// Days since 1970-01-01.
    Date(i32),
    StrList(Vec<String>),
}

impl From<Option<String>> for Cell {
    fn from(v: Option<String>) -> Cell {
        v.map_or(Cell::Null, Cell::Str)
    }
}

impl From<String> for Cell {
    fn from(v: String) -> Cell {
        Cell::Str(v)
    }
}

impl From<&str> for Cell {
    fn from(v: &str) -> Cell {
        Cell::Str(v.to_string())
    }
}

impl From<Vec<String>> for Cell {
    fn from(v: Vec<String>) -> Cell {
        Cell::StrList(v)
    }
}

impl From<Option<f64>> for Cell {
    fn from(v: Option<f64>) -> Cell {
        v.map_or(Cell::Null, Cell::Float64)
    }
}

impl From<bool> for Cell {
    fn from(v: bool) -> Cell {
        Cell::Bool(v)
    }
}

/// The Parquet message type of a table, in the schema language that
/// `parquet::schema::parser` reads.
pub fn message_type(table: &str, columns: &[Column]) -> String {
    let mut out = format!("message {table} {{\n");
    for c in columns {
        let repetition = if c.optional { "optional" } else { "required" };
        let field = match c.kind {
            Kind::Str => format!("{repetition} binary {} (STRING);", c.name),
            Kind::Int32 => format!("{repetition} int32 {};", c.name),
            Kind::Int64 => format!("{repetition} int64 {};", c.name),
            Kind::Float64 => format!("{repetition} double {};", c.name),
            Kind::Bool => format!("{repetition} boolean {};", c.name),
            Kind::Date => format!("{repetition} int32 {} (DATE);", c.name),
            // Lists are never null, whatever `optional` says.
            Kind::StrList => format!(
                "required group {} (LIST) {{ repeated group list {{ required binary element (STRING); }} }}",
                c.name
            ),
        };
        out.push_str("  ");
        out.push_str(&field);
        out.push('\n');
    }
    out.push('}');
    out
}

/// The buffered values of one column and their levels.
#[derive(Default)]
struct Buffer {
    bytes: Vec<ByteArray>,
    int32: Vec<i32>,
    int64: Vec<i64>,
    float64: Vec<f64>,
    bools: Vec<bool>,
    def: Vec<i16>,
    rep: Vec<i16>,
}

impl Buffer {
    fn clear(&mut self) {
        *self = Buffer::default();
    }
}

/// A Parquet file being written, one row at a time.
pub struct TableWriter {
    columns: &'static [Column],
    buffers: Vec<Buffer>,
    rows: usize,
    written: usize,
    writer: SerializedFileWriter<File>,
}

impl TableWriter {
    /// Creates `path` (which must not exist yet) for a table of `columns`.
    pub fn create(
        path: &Path,
        table: &str,
        columns: &'static [Column],
    ) -> Result<TableWriter, ArchiveError> {
        let schema = parquet::schema::parser::parse_message_type(&message_type(table, columns))
            .map_err(|e| ArchiveError::parquet(path, e))?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("storyline {}", env!("CARGO_PKG_VERSION")))
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .build();
        let file = File::create_new(path).map_err(|e| ArchiveError::io(path, e))?;
        let writer = SerializedFileWriter::new(file, Arc::new(schema), Arc::new(props))
            .map_err(|e| ArchiveError::parquet(path, e))?;
        Ok(TableWriter {
            columns,
            buffers: columns.iter().map(|_| Buffer::default()).collect(),
            rows: 0,
            written: 0,
            writer,
        })
    }

    /// Adds one row: a cell per column, in the columns' order, of the
    /// column's kind (or `Null` for an optional column). A row of the
    /// wrong shape is a bug in the caller, reported as an error.
    pub fn push(&mut self, row: Vec<Cell>) -> Result<(), ArchiveError> {
        if row.len() != self.columns.len() {
            return Err(ArchiveError::Row(format!(
                "{} cells for {} columns",
                row.len(),
                self.columns.len()
            )));
        }
        // Every cell is checked before any is buffered, so that a bad row
        // leaves the columns in step.
        for (column, cell) in self.columns.iter().zip(&row) {
            check(column, cell)?;
        }
        for ((column, buffer), cell) in self.columns.iter().zip(&mut self.buffers).zip(row) {
            put(column, buffer, cell);
        }
        self.rows += 1;
        if self.rows == ROW_GROUP_ROWS {
            self.flush()?;
        }
        Ok(())
    }

    /// Rows pushed so far.
    pub fn rows(&self) -> usize {
        self.written + self.rows
    }

    fn flush(&mut self) -> Result<(), ArchiveError> {
        if self.rows == 0 {
            return Ok(());
        }
        let error = |e: parquet::errors::ParquetError| ArchiveError::Parquet(e.to_string());
        let mut group = self.writer.next_row_group().map_err(error)?;
        for (column, buffer) in self.columns.iter().zip(&mut self.buffers) {
            let mut writer = group
                .next_column()
                .map_err(error)?
                .ok_or_else(|| ArchiveError::Row(format!("no writer for {}", column.name)))?;
            let def = (column.optional || column.kind == Kind::StrList).then_some(&buffer.def[..]);
            let rep = (column.kind == Kind::StrList).then_some(&buffer.rep[..]);
            match column.kind {
                Kind::Str | Kind::StrList => {
                    writer
                        .typed::<ByteArrayType>()
                        .write_batch(&buffer.bytes, def, rep)
                }
                Kind::Int32 | Kind::Date => {
                    writer
                        .typed::<Int32Type>()
                        .write_batch(&buffer.int32, def, rep)
                }
                Kind::Int64 => writer
                    .typed::<Int64Type>()
                    .write_batch(&buffer.int64, def, rep),
                Kind::Float64 => {
                    writer
                        .typed::<DoubleType>()
                        .write_batch(&buffer.float64, def, rep)
                }
                Kind::Bool => writer
                    .typed::<BoolType>()
                    .write_batch(&buffer.bools, def, rep),
            }
            .map_err(error)?;
            writer.close().map_err(error)?;
            buffer.clear();
        }
        group.close().map_err(error)?;
        self.written += self.rows;
        self.rows = 0;
        Ok(())
    }

    /// Writes the last row group and the footer, and syncs the file.
    pub fn finish(mut self) -> Result<usize, ArchiveError> {
        self.flush()?;
        let rows = self.written;
        let file = self
            .writer
            .into_inner()
            .map_err(|e| ArchiveError::Parquet(e.to_string()))?;
        file.sync_all()
            .map_err(|e| ArchiveError::Parquet(e.to_string()))?;
        Ok(rows)
    }
}

/// Whether `cell` fits `column`.
fn check(column: &Column, cell: &Cell) -> Result<(), ArchiveError> {
    let fits = matches!(
        (column.kind, cell),
        (Kind::StrList, Cell::StrList(_))
            | (Kind::Str, Cell::Str(_))
            | (Kind::Int32, Cell::Int32(_))
            | (Kind::Date, Cell::Date(_))
            | (Kind::Int64, Cell::Int64(_))
            | (Kind::Float64, Cell::Float64(_))
            | (Kind::Bool, Cell::Bool(_))
    ) || (matches!(cell, Cell::Null) && column.optional && column.kind != Kind::StrList);
    if fits {
        Ok(())
    } else {
        Err(ArchiveError::Row(format!(
            "column {} ({:?}) given {cell:?}",
            column.name, column.kind
        )))
    }
}

/// Buffers one cell of `column`, which [`check`] accepted.
fn put(column: &Column, buffer: &mut Buffer, cell: Cell) {
    match cell {
        Cell::StrList(items) => {
            if items.is_empty() {
                buffer.def.push(0);
                buffer.rep.push(0);
            }
            for (i, item) in items.into_iter().enumerate() {
                buffer.def.push(1);
                buffer.rep.push(i16::from(i > 0));
                buffer.bytes.push(ByteArray::from(item.into_bytes()));
            }
            return;
        }
        Cell::Null => {
            buffer.def.push(0);
            return;
        }
        Cell::Str(s) => buffer.bytes.push(ByteArray::from(s.into_bytes())),
        Cell::Int32(v) | Cell::Date(v) => buffer.int32.push(v),
        Cell::Int64(v) => buffer.int64.push(v),
        Cell::Float64(v) => buffer.float64.push(v),
        Cell::Bool(v) => buffer.bools.push(v),
    }
    if column.optional {
        buffer.def.push(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;

    static COLUMNS: &[Column] = &[
        Column {
            name: "id",
            kind: Kind::Str,
            optional: false,
            doc: "",
        },
        Column {
            name: "day",
            kind: Kind::Date,
            optional: true,
            doc: "",
        },
        Column {
            name: "names",
            kind: Kind::StrList,
            optional: false,
            doc: "",
        },
        Column {
            name: "value",
            kind: Kind::Float64,
            optional: true,
            doc: "",
        },
    ];

    fn rows_of(path: &Path) -> Vec<String> {
        let reader = SerializedFileReader::new(File::open(path).unwrap()).unwrap();
        reader
            .get_row_iter(None)
            .unwrap()
            .map(|row| {
                row.unwrap()
                    .get_column_iter()
                    .map(|(name, field)| match field {
                        Field::Null => format!("{name}=null"),
                        other => format!("{name}={other}"),
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn rows_read_back_with_nulls_and_lists() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.parquet");
        let mut w = TableWriter::create(&path, "t", COLUMNS).unwrap();
        w.push(vec![
            "a".into(),
            Cell::Date(19_723),
            vec!["x".to_string(), "y".to_string()].into(),
            Some(1.5).into(),
        ])
        .unwrap();
        w.push(vec![
            "b".into(),
            Cell::Null,
            Cell::StrList(Vec::new()),
            Cell::Null,
        ])
        .unwrap();
        assert_eq!(w.finish().unwrap(), 2);
        assert_eq!(
            rows_of(&path),
            [
                r#"id="a" day=2024-01-01 names=["x", "y"] value=1.5"#,
                r#"id="b" day=null names=[] value=null"#,
            ]
        );
    }

    #[test]
    fn many_rows_span_row_groups() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.parquet");
        let mut w = TableWriter::create(&path, "t", COLUMNS).unwrap();
        let n = ROW_GROUP_ROWS + 10;
        for i in 0..n {
            w.push(vec![
                format!("r{i}").into(),
                Cell::Date(i as i32),
                vec![format!("n{i}")].into(),
                Some(i as f64).into(),
            ])
            .unwrap();
        }
        assert_eq!(w.finish().unwrap(), n);
        let reader = SerializedFileReader::new(File::open(&path).unwrap()).unwrap();
        assert_eq!(reader.metadata().num_row_groups(), 2);
        assert_eq!(reader.metadata().file_metadata().num_rows(), n as i64);
    }

    #[test]
    fn a_cell_of_the_wrong_kind_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = TableWriter::create(&dir.path().join("t.parquet"), "t", COLUMNS).unwrap();
        assert!(w
            .push(vec![
                Cell::Int32(1),
                Cell::Null,
                Cell::StrList(Vec::new()),
                Cell::Null
            ])
            .is_err());
        assert!(w.push(vec![Cell::Null]).is_err());
        // A required column refuses null.
        assert!(w
            .push(vec![
                Cell::Null,
                Cell::Null,
                Cell::StrList(Vec::new()),
                Cell::Null
            ])
            .is_err());
    }

    #[test]
    fn an_existing_file_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.parquet");
        std::fs::write(&path, "keep").unwrap();
        assert!(TableWriter::create(&path, "t", COLUMNS).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep");
    }
}
