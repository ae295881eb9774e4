//! A delimited text file (CSV, or the TSV GitHub's projects export) read into its header and
//! rows. The delimiter is the one of comma, semicolon and tab that splits the header into the
//! most columns; quoted fields may hold the delimiter, quotes and line breaks (RFC 4180); a
//! UTF-8 byte-order mark is dropped. A file that is not UTF-8 is refused as a whole, with the
//! line where it stops being text, rather than imported with garbled names.

use crate::error::{CoreError, Result};

/// The largest file read (64 MiB): far above any backlog, far below what hurts a laptop.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// The longest cell kept whole (100,000 characters); a longer one makes its row unreadable.
pub const MAX_CELL: usize = 100_000;

/// A file's header and rows; every row has as many cells as the header.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<TableRow>,
    pub delimiter: char,
}

/// One row and the line of the file it starts on (1 is the header).
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub line: usize,
    pub cells: Vec<String>,
    /// Why the row cannot be used as it is (a cell over [`MAX_CELL`], more cells than the
    /// header), said in the preview.
    pub problem: Option<String>,
    /// An archived card (Trello): left out unless the founder includes archived items.
    pub archived: bool,
}

pub(crate) fn not_imported(detail: impl Into<String>) -> CoreError {
    CoreError::NotImported {
        detail: detail.into(),
    }
}

/// `bytes` without a UTF-8 byte-order mark, once they are known to be at most [`MAX_BYTES`].
pub(crate) fn within_size(bytes: &[u8]) -> Result<&[u8]> {
    if bytes.len() > MAX_BYTES {
        return Err(not_imported(format!(
            "it is {} MB; Keel imports files of up to {} MB",
            bytes.len() / (1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        )));
    }
    Ok(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
}

/// Reads `bytes` as a delimited text file with a header line.
pub fn read(bytes: &[u8]) -> Result<Table> {
    let text = within_size(bytes)?;
    let text = std::str::from_utf8(text).map_err(|e| {
        let line = 1 + text[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        not_imported(format!(
            "it is not UTF-8 text (line {line}); save it from the spreadsheet as \"CSV UTF-8\""
        ))
    })?;
    if text.trim().is_empty() {
        return Err(not_imported("it is empty"));
    }
    let delimiter = delimiter(text);
    if let Some(line) = unclosed_quote(text, delimiter) {
        return Err(not_imported(format!(
            "the quoted cell that starts on line {line} is never closed"
        )));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(not_imported(format!("its header cannot be read ({e})"))),
        None => return Err(not_imported("it is empty")),
    };
    let headers: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    if headers.iter().all(String::is_empty) {
        return Err(not_imported("its first line, the header, names no column"));
    }
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| not_imported(format!("it cannot be read as CSV ({e})")))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut cells: Vec<String> = record.iter().map(str::to_string).collect();
        let mut problem = None;
        if cells.len() > headers.len() && cells[headers.len()..].iter().any(|c| !c.is_empty()) {
            problem = Some(format!(
                "it has {} cells; the header names {}",
                cells.len(),
                headers.len()
            ));
        }
        cells.resize(headers.len(), String::new());
        if let Some((i, long)) = cells
            .iter()
            .enumerate()
            .find(|(_, c)| c.chars().count() > MAX_CELL)
        {
            problem = Some(format!(
                "its cell in \"{}\" holds {} characters (at most {} are read)",
                headers[i],
                long.chars().count(),
                MAX_CELL
            ));
            cells = vec![String::new(); headers.len()];
        }
        rows.push(TableRow {
            archived: false,
            line,
            cells,
            problem,
        });
    }
    Ok(Table {
        headers,
        rows,
        delimiter,
    })
}

/// The line where a quoted cell opens that the file never closes (the CSV reader would take
/// the rest of the file as that one cell).
fn unclosed_quote(text: &str, delimiter: char) -> Option<usize> {
    let (mut line, mut opened) = (1, None);
    let mut at_field_start = true;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        if opened.is_some() {
            if ch == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    opened = None;
                }
            }
        } else if ch == '"' && at_field_start {
            opened = Some(line);
        }
        at_field_start = opened.is_none() && (ch == delimiter || ch == '\n');
        if ch == '\n' {
            line += 1;
        }
    }
    opened
}

/// The delimiter that splits the first line (outside quotes) into the most columns.
fn delimiter(text: &str) -> char {
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for ch in text.chars() {
        match ch {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            _ if !quoted => {
                for (d, n) in &mut counts {
                    if ch == *d {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    // Ties go to the comma, then the semicolon.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map_or(',', |(d, _)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_one_that_splits_the_header_most() {
        assert_eq!(delimiter("a,b,c\n1,2,3"), ',');
        assert_eq!(delimiter("a;b;c\n1,5;2;3"), ';');
        assert_eq!(delimiter("Title\tURL\tStatus\n"), '\t');
        assert_eq!(delimiter("\"a;b\",c\n"), ',');
        assert_eq!(delimiter("single\n"), ',');
    }

    #[test]
    fn quoted_newlines_a_bom_and_short_rows_are_read() {
        let t =
            read(b"\xEF\xBB\xBFTitle;Notes;Extra\n\"Two\nlines\";\"say \"\"hi\"\"\"\nShort\n\n")
                .unwrap();
        assert_eq!(t.headers, ["Title", "Notes", "Extra"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].cells, ["Two\nlines", "say \"hi\"", ""]);
        assert_eq!(t.rows[1].line, 4);
        assert_eq!(t.rows[1].cells, ["Short", "", ""]);
    }

    #[test]
    fn bad_files_are_refused_with_a_sentence() {
        let said = |bytes: &[u8]| read(bytes).unwrap_err().to_string();
        assert!(said(b"Title\nok\n\xff\xfe bad\n").contains("not UTF-8 text (line 3)"));
        assert!(said(b"").contains("it is empty"));
        assert!(said(b" \n").contains("it is empty"));
        assert!(said(b",,\n1,2,3").contains("names no column"));
        assert!(said(b"Title\nok\n\"open\nrest\n").contains("starts on line 3 is never closed"));
        assert!(read(b"Title,Size\n\"a \"\"b\"\"\",12\" board\n").is_ok());
        let big = vec![b'a'; MAX_BYTES + 1];
        assert!(said(&big).contains("up to 64 MB"));
    }

    #[test]
    fn a_huge_cell_or_extra_cells_make_the_row_unreadable() {
        let mut file = b"Title,Notes\n".to_vec();
        file.extend(b"ok,");
        file.extend(vec![b'x'; MAX_CELL + 1]);
        file.extend(b"\nfine,\"\"\nwide,1,2\n");
        let t = read(&file).unwrap();
        assert!(t.rows[0]
            .problem
            .as_deref()
            .unwrap()
            .contains("100001 characters"));
        assert_eq!(t.rows[1].problem, None);
        assert!(t.rows[2].problem.as_deref().unwrap().contains("3 cells"));
    }
}
