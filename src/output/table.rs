//! The plain table Coder's CLI prints: upper-case headers, no borders, every cell
//! left-aligned and followed by two spaces. Cells are measured in terminal columns.
//!
//! Cells are appended to one text buffer (no allocation per cell); the table is written
//! in a second pass, once every column's width is known.

use std::io::{self, Write};

use crate::term::width;

pub struct Table {
    headers: Vec<String>,
    widths: Vec<usize>,
    /// Every cell's text, one after the other.
    text: String,
    /// Where each cell ends in `text`.
    ends: Vec<usize>,
    /// The column whose text orders the rows, if any.
    sort_by: Option<usize>,
}

impl Table {
    pub fn new(headers: &[impl AsRef<str>]) -> Table {
        let headers: Vec<String> = headers.iter().map(|h| h.as_ref().to_uppercase()).collect();
        Table {
            widths: headers.iter().map(|h| width(h)).collect(),
            headers,
            text: String::new(),
            ends: Vec::new(),
            sort_by: None,
        }
    }

    /// Adds the next cell (rows are filled left to right): `fill` appends its text,
    /// which must be safe to show (see [`crate::term::push_visible`]).
    pub fn cell(&mut self, fill: impl FnOnce(&mut String)) {
        let start = self.text.len();
        fill(&mut self.text);
        let column = self.ends.len() % self.widths.len();
        self.widths[column] = self.widths[column].max(width(&self.text[start..]));
        self.ends.push(self.text.len());
    }

    /// Writes the rows sorted by the text of `column` (stably), not in the order added.
    pub fn sort_by(&mut self, column: usize) {
        self.sort_by = Some(column);
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn text(&self, cell: usize) -> &str {
        let start = if cell == 0 { 0 } else { self.ends[cell - 1] };
        &self.text[start..self.ends[cell]]
    }

    /// Writes the table without a final newline; with no rows nothing is written (not
    /// even the header).
    pub fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        if self.ends.is_empty() {
            return Ok(());
        }
        for (header, &column_width) in self.headers.iter().zip(&self.widths) {
            pad(out, header, column_width)?;
        }
        let columns = self.widths.len();
        for row in self.order() {
            out.write_all(b"\n")?;
            for (column, &column_width) in self.widths.iter().enumerate() {
                pad(out, self.text(row * columns + column), column_width)?;
            }
        }
        Ok(())
    }

    /// The rows in the order to write them: by the sort column's text, ties in the
    /// order added.
    fn order(&self) -> Vec<usize> {
        let columns = self.widths.len();
        let rows = 0..self.ends.len() / columns;
        let Some(column) = self.sort_by else {
            return rows.collect();
        };
        // Each row's text looked up once, not at every comparison; the sort is stable.
        let mut keyed: Vec<(&str, usize)> = rows
            .map(|row| (self.text(row * columns + column), row))
            .collect();
        keyed.sort_by(|a, b| a.0.cmp(b.0));
        keyed.into_iter().map(|(_, row)| row).collect()
    }
}

/// Writes `text` and the spaces that fill its column and the two after it.
fn pad(out: &mut impl Write, text: &str, column_width: usize) -> io::Result<()> {
    const SPACES: &[u8] = &[b' '; 64];
    out.write_all(text.as_bytes())?;
    let mut left = column_width - width(text) + 2;
    while left > 0 {
        let n = left.min(SPACES.len());
        out.write_all(&SPACES[..n])?;
        left -= n;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(headers: &[&str], rows: &[&[&str]]) -> String {
        let mut table = Table::new(headers);
        for row in rows {
            for cell in *row {
                table.cell(|out| out.push_str(cell));
            }
        }
        let mut out = Vec::new();
        table.write_to(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn pads_to_widest_cell_with_two_trailing_spaces() {
        let table = render(
            &["id", "last used"],
            &[&["abc", "x"], &["a", "longer value"]],
        );
        assert_eq!(
            table,
            "ID   LAST USED     \nabc  x             \na    longer value  "
        );
    }

    #[test]
    fn rows_can_be_sorted_by_a_column() {
        let mut table = Table::new(&["a", "b"]);
        for cell in ["2", "x", "1", "y", "2", "z"] {
            table.cell(|out| out.push_str(cell));
        }
        table.sort_by(0);
        let mut out = Vec::new();
        table.write_to(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "A  B  \n1  y  \n2  x  \n2  z  "
        );
    }

    #[test]
    fn rows_sort_by_their_whole_text_and_ties_keep_their_order() {
        let ids = [
            "b",
            "abcdefghijklmnopZ",
            "a",
            "abcdefghijklmnopA",
            "ab",
            "a",
            "abcdefghijklmnop",
            "\u{e9}",
        ];
        let mut table = Table::new(&["id", "n"]);
        for (n, id) in ids.iter().enumerate() {
            table.cell(|out| out.push_str(id));
            table.cell(|out| out.push_str(&n.to_string()));
        }
        table.sort_by(0);
        let order: Vec<usize> = table.order();
        let mut expected: Vec<(&str, usize)> = ids.iter().copied().zip(0..).collect();
        expected.sort();
        assert_eq!(order, expected.iter().map(|(_, n)| *n).collect::<Vec<_>>());
    }

    #[test]
    fn no_rows_no_output() {
        assert_eq!(render(&["id"], &[]), "");
    }

    #[test]
    fn widths_count_terminal_columns_not_bytes() {
        let table = render(&["n"], &[&["é"], &["ab"]]);
        assert_eq!(table, "N   \né   \nab  ");
        let table = render(&["name", "id"], &[&["日本", "1"], &["abcde", "2"]]);
        assert_eq!(table, "NAME   ID  \n日本   1   \nabcde  2   ");
    }
}
