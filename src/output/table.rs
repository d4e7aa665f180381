//! The plain table Coder's CLI prints: upper-case headers, no borders, every cell
//! left-aligned and followed by two spaces.
//!
//! Cells are appended to one text buffer (no allocation per cell), so 10,000 rows cost
//! one pass to fill and one to write.

use std::io::{self, Write};

use super::text::{Shown, width};
use crate::ascii::printable;

pub struct Table {
    headers: Vec<String>,
    widths: Vec<usize>,
    /// Every cell's text, one after the other.
    text: String,
    /// Where each cell ends in `text`.
    ends: Vec<usize>,
    /// Each cell's width on a terminal (none kept when every cell is printable ASCII:
    /// its width is its length).
    cell_widths: Vec<u32>,
    /// The column whose text orders the rows, if any.
    sort_by: Option<usize>,
    /// How the server's text goes into cells; printable text is one column a byte.
    shown: Shown,
}

impl Table {
    pub fn new(headers: &[impl AsRef<str>]) -> Table {
        let headers: Vec<String> = headers.iter().map(|h| h.as_ref().to_uppercase()).collect();
        Table {
            widths: headers.iter().map(|h| width(h)).collect(),
            headers,
            text: String::new(),
            ends: Vec::new(),
            cell_widths: Vec::new(),
            sort_by: None,
            shown: Shown::Checked,
        }
    }

    /// Says, of a table without cells yet, how the server's text is to go into its
    /// cells: [`Shown::Printable`] promises that every cell is printable ASCII, so that
    /// its width is its length.
    pub fn set_shown(&mut self, shown: Shown) {
        if self.ends.is_empty() {
            self.shown = shown;
        }
    }

    pub fn shown(&self) -> Shown {
        self.shown
    }

    fn printable(&self) -> bool {
        self.shown == Shown::Printable
    }

    /// Adds the next cell (rows are filled left to right): `fill` appends its text.
    pub fn cell(&mut self, fill: impl FnOnce(&mut String)) {
        let start = self.text.len();
        fill(&mut self.text);
        let column = self.ends.len() % self.widths.len();
        let cell = &self.text[start..];
        let cell_width = if self.printable() {
            debug_assert!(cell.bytes().all(printable), "{cell:?}");
            cell.len()
        } else {
            let cell_width = width(cell);
            self.cell_widths
                .push(u32::try_from(cell_width).unwrap_or(u32::MAX));
            cell_width
        };
        self.widths[column] = self.widths[column].max(cell_width);
        self.ends.push(self.text.len());
    }

    /// Takes room for `bytes` of cell text at once.
    pub fn reserve(&mut self, bytes: usize) {
        self.text.reserve(bytes);
        // A cell is rarely under 16 bytes (an ID is 10, a time 20).
        self.ends.reserve(bytes / 16);
        if !self.printable() {
            self.cell_widths.reserve(bytes / 16);
        }
    }

    /// Forgets every row (the headers and the sort stay).
    pub fn clear(&mut self) {
        for (width, header) in self.widths.iter_mut().zip(&self.headers) {
            *width = super::text::width(header);
        }
        self.text.clear();
        self.ends.clear();
        self.cell_widths.clear();
    }

    /// Writes the rows sorted by the text of `column` (stably), not in the order added.
    pub fn sort_by(&mut self, column: usize) {
        self.sort_by = Some(column);
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The width of `cell`, whose text is `text`.
    fn cell_width(&self, cell: usize, text: &str) -> usize {
        if self.printable() {
            text.len()
        } else {
            self.cell_widths[cell] as usize
        }
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
            pad(out, header, width(header), column_width)?;
        }
        // Rows are made in a buffer that stays in the cache and written 64 KB at a
        // time: each row is first all spaces, then its cells copied into place.
        const CHUNK: usize = 64 * 1024;
        let mut chunk = Vec::with_capacity(CHUNK + 1024);
        // With every cell printable ASCII, every row is as long.
        let row_bytes = self
            .printable()
            .then(|| self.widths.iter().map(|width| width + 2).sum());
        for row in self.order() {
            self.push_row(&mut chunk, row, row_bytes);
            if chunk.len() >= CHUNK {
                out.write_all(&chunk)?;
                chunk.clear();
            }
        }
        out.write_all(&chunk)
    }

    /// Appends a line break and `row`, each cell padded to its column and two spaces
    /// (`row_bytes` of them, when known).
    fn push_row(&self, out: &mut Vec<u8>, row: usize, row_bytes: Option<usize>) {
        let cells = row * self.widths.len()..(row + 1) * self.widths.len();
        let padded = |(cell, column_width): (usize, &usize)| {
            let text = self.text(cell);
            let room = text.len() + column_width - self.cell_width(cell, text) + 2;
            (text.as_bytes(), room)
        };
        let line = out.len() + 1;
        let bytes =
            row_bytes.unwrap_or_else(|| cells.clone().zip(&self.widths).map(|c| padded(c).1).sum());
        out.resize(line + bytes, b' ');
        out[line - 1] = b'\n';
        let mut at = line;
        for (text, room) in cells.zip(&self.widths).map(padded) {
            out[at..at + text.len()].copy_from_slice(text);
            at += room;
        }
    }

    /// The rows in the order to write them: by the sort column's text, ties in the
    /// order added. The text's first 8 bytes, big-endian in a `u64`, decide most
    /// comparisons without looking at the text (they order as the bytes do: a shorter
    /// text is padded with zeros and compares first, or ties and the text decides).
    fn order(&self) -> Vec<usize> {
        let columns = self.widths.len();
        let text = |row: u32| {
            self.sort_by
                .map_or("", |c| self.text(row as usize * columns + c))
        };
        let mut rows: Vec<(u64, u32)> = (0..self.ends.len() / columns)
            .map(|row| {
                let row = u32::try_from(row).expect("fewer than 4 billion rows");
                let bytes = text(row).as_bytes();
                let mut prefix = [0u8; 8];
                let taken = bytes.len().min(8);
                prefix[..taken].copy_from_slice(&bytes[..taken]);
                (u64::from_be_bytes(prefix), row)
            })
            .collect();
        radix_sort(&mut rows);
        // Texts that share their first 8 bytes: in the order of the whole text.
        for run in rows.chunk_by_mut(|a, b| a.0 == b.0) {
            if run.len() > 1 {
                run.sort_by(|a, b| text(a.1).cmp(text(b.1)).then(a.1.cmp(&b.1)));
            }
        }
        rows.into_iter().map(|(_, row)| row as usize).collect()
    }
}

/// Sorts by the prefix, stably (equal prefixes keep the order added): a radix sort, a
/// byte at a time from the last, passing over the bytes every prefix has alike: ten
/// thousand rows in a tenth of a comparison sort's instructions. (Eight bytes, not
/// sixteen: ten-character IDs rarely share eight, and the rows and their copy are half
/// the memory to touch.)
fn radix_sort(rows: &mut Vec<(u64, u32)>) {
    let mut sorted = vec![(0u64, 0u32); rows.len()];
    for byte in 0..8 {
        let digit = |key: u64| ((key >> (byte * 8)) & 0xff) as usize;
        let mut counts = [0usize; 256];
        for &(key, _) in rows.iter() {
            counts[digit(key)] += 1;
        }
        if counts.contains(&rows.len()) {
            continue;
        }
        let mut start = 0;
        for count in &mut counts {
            (*count, start) = (start, start + *count);
        }
        for &row in rows.iter() {
            let place = &mut counts[digit(row.0)];
            sorted[*place] = row;
            *place += 1;
        }
        std::mem::swap(rows, &mut sorted);
    }
}

/// Writes `text` (`text_width` columns wide) and the spaces that fill its column and
/// the two after it.
fn pad(out: &mut impl Write, text: &str, text_width: usize, column_width: usize) -> io::Result<()> {
    const SPACES: &[u8] = &[b' '; 256];
    out.write_all(text.as_bytes())?;
    let mut left = column_width - text_width + 2;
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
    fn rows_sort_as_their_text_does_past_the_first_8_bytes_and_ties_keep_their_order() {
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
    fn the_radix_sort_sorts_as_a_stable_sort_does() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for len in [0, 1, 2, 17, 1000] {
            let mut rows: Vec<(u64, u32)> = (0..len)
                .map(|row| ((next() % 7) << (8 * (next() % 8)), row))
                .collect();
            let mut expected = rows.clone();
            expected.sort_by_key(|row| row.0);
            radix_sort(&mut rows);
            assert_eq!(rows, expected, "{len} rows");
        }
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
