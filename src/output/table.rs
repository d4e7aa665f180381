//! The plain table Coder's CLI prints: upper-case headers, no borders, every cell
//! left-aligned and followed by two spaces.

use std::fmt::Write;

/// Renders a table; with no rows the result is empty (the header is not printed).
pub fn render(headers: &[&str], rows: &[Vec<String>]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line_len: usize = widths.iter().map(|w| w + 2).sum::<usize>() + 1;
    let mut out = String::with_capacity(line_len * (rows.len() + 1));
    let mut line = |cells: &mut dyn Iterator<Item = String>| {
        for (cell, width) in cells.zip(&widths) {
            let _ = write!(out, "{cell:<width$}  ");
        }
        out.push('\n');
    };
    line(&mut headers.iter().map(|h| h.to_uppercase()));
    for row in rows {
        line(&mut row.iter().cloned());
    }
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_to_widest_cell_with_two_trailing_spaces() {
        let table = render(
            &["id", "last used"],
            &[
                vec!["abc".into(), "x".into()],
                vec!["a".into(), "longer value".into()],
            ],
        );
        assert_eq!(
            table,
            "ID   LAST USED     \nabc  x             \na    longer value  "
        );
    }

    #[test]
    fn no_rows_no_output() {
        assert_eq!(render(&["id"], &[]), "");
    }

    #[test]
    fn widths_count_characters_not_bytes() {
        let table = render(&["n"], &[vec!["é".into()], vec!["ab".into()]]);
        assert_eq!(table, "N   \né   \nab  ");
    }
}
