//! The plain table Coder's CLI prints: upper-case headers, no borders, every cell
//! left-aligned and followed by two spaces.
//!
//! Cells are appended to one text buffer (no allocation per cell), so 10,000 rows cost
//! one pass to fill and one to write.

use std::io::{self, Write};

use super::text::width;

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

    /// Adds the next cell (rows are filled left to right): `fill` appends its text.
    pub fn cell(&mut self, fill: impl FnOnce(&mut String)) {
        let start = self.text.len();
        fill(&mut self.text);
        let column = self.ends.len() % self.widths.len();
        let cell_width = width(&self.text[start..]);
        self.widths[column] = self.widths[column].max(cell_width);
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
        const SPACES: &[u8] = &[b' '; 256];
        let columns = self.widths.len();
        let pad = |out: &mut dyn Write, text: &str, column_width: usize| -> io::Result<()> {
            out.write_all(text.as_bytes())?;
            let mut left = column_width - width(text) + 2;
            while left > 0 {
                let n = left.min(SPACES.len());
                out.write_all(&SPACES[..n])?;
                left -= n;
            }
            Ok(())
        };
        for (header, &column_width) in self.headers.iter().zip(&self.widths) {
            pad(out, header, column_width)?;
        }
        let mut rows: Vec<(&str, usize)> = (0..self.ends.len() / columns)
            .map(|row| {
                (
                    self.sort_by.map_or("", |c| self.text(row * columns + c)),
                    row,
                )
            })
            .collect();
        // Ties keep the order added: the row number breaks them.
        rows.sort_unstable();
        for (_, row) in rows {
            out.write_all(b"\n")?;
            for (column, &column_width) in self.widths.iter().enumerate() {
                pad(out, self.text(row * columns + column), column_width)?;
            }
        }
        Ok(())
    }
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
