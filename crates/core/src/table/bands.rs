//! Rows printed as bands: a text export of a table set in tall rows prints each row's cells on
//! the lines their text sits on in the cell — the figures a line above the codes, the names a
//! line below, a long name's tail below that — and sets the rows apart with blank lines
//! (Shanghai's 一般公共预算财政拨款基本支出决算表, exported with `pdftotext -layout`):
//!
//! ```text
//!                             262.33                                   21.21
//! 301    01                              302
//!             基本工资                              01   办公费
//!
//!                             1,238.58
//! ```
//!
//! Each band is then one row (two, where two coded lines share a band), its lines' cells joined.

use super::header::{self, Column};
use super::merge::merge_into;
use super::rows;
use super::Row;
use crate::layout;

/// The rows of one page of a table (one side of it, for tables printed side by side), joined
/// band by band; `None` when the page is not printed in bands, or when joining a band would put
/// two figures or two codes in one cell: the rows are then read line by line as before.
///
/// A page is printed in bands when rows of figures alone stand, twice at least, just above a
/// coded line of their band that has no figures, and no band holds two coded lines with
/// figures each (rows printed line by line, blank lines only between pages).
pub(super) fn join(lines: &[String], page: &[Row], columns: &[Column]) -> Option<Vec<Row>> {
    let bands = bands(lines, page);
    let figures_above_codes = bands
        .iter()
        .filter(|b| {
            b.windows(2)
                .any(|w| is_figures_alone(w[0]) && w[1].code.is_some() && !has_figures(w[1]))
        })
        .count();
    let crowded = bands.iter().any(|b| {
        b.iter()
            .filter(|r| r.code.is_some() && has_figures(r))
            .count()
            > 1
    });
    if figures_above_codes < 2 || crowded {
        return None;
    }
    let mut out = Vec::new();
    for band in bands {
        for segment in segments(&band) {
            out.push(joined(segment, columns)?);
        }
    }
    Some(out)
}

/// The page's rows in runs set apart by blank lines.
fn bands<'a>(lines: &[String], page: &'a [Row]) -> Vec<Vec<&'a Row>> {
    let mut out: Vec<Vec<&Row>> = Vec::new();
    for (k, row) in page.iter().enumerate() {
        let apart = k == 0 || {
            let (from, to) = (page[k - 1].line, row.line);
            // `line` is 1-based: the lines between are `from..to - 1`, 0-based.
            (from..to.saturating_sub(1)).any(|i| lines.get(i).is_some_and(|l| layout::is_blank(l)))
        };
        match out.last_mut() {
            Some(band) if !apart => band.push(row),
            _ => out.push(vec![row]),
        }
    }
    out
}

/// A band's rows split into one run per coded line: lines before a band's first coded line
/// and after each coded line are its row's; figures alone just above a later coded line, or
/// above a total's label, are that row's (`184.65` / `公用经费合计` under `310` / `99  其他资本性
/// 支出`).
fn segments<'a>(band: &[&'a Row]) -> Vec<Vec<&'a Row>> {
    let coded = |s: &[&Row]| s.iter().any(|r| r.code.is_some());
    let mut out: Vec<Vec<&Row>> = Vec::new();
    let mut current: Vec<&Row> = Vec::new();
    let mut held: Vec<&Row> = Vec::new();
    for &row in band {
        if coded(&current) && (row.code.is_some() || is_total_label(row)) {
            out.push(std::mem::replace(&mut current, std::mem::take(&mut held)));
        } else {
            current.append(&mut held);
        }
        if is_figures_alone(row) && coded(&current) {
            held.push(row);
        } else {
            current.push(row);
        }
    }
    current.append(&mut held);
    out.push(current);
    out.retain(|s| !s.is_empty());
    out
}

/// A segment's rows joined into one, in line order; `None` when two of them fill one cell
/// that is not text (two figures, two codes).
fn joined(segment: Vec<&Row>, columns: &[Column]) -> Option<Row> {
    let (first, rest) = segment.split_first()?;
    let mut row = (*first).clone();
    for &next in rest {
        let clash = next.cells.iter().any(|c| {
            row.cell(c.col).is_some_and(|held| {
                held.amount.is_some() || c.amount.is_some() || is_code_column(columns, c.col)
            })
        });
        if clash {
            return None;
        }
        merge_into(&mut row, next.clone());
    }
    rows::identify(&mut row, columns);
    Some(row)
}

fn is_code_column(columns: &[Column], col: usize) -> bool {
    columns
        .get(col)
        .is_some_and(|c| c.role.is_code() || c.role == header::Role::RowNo)
}

fn has_figures(row: &Row) -> bool {
    row.cells.iter().any(|c| c.amount.is_some())
}

/// A line of figures and nothing else.
fn is_figures_alone(row: &Row) -> bool {
    row.code.is_none()
        && row.name.is_none()
        && has_figures(row)
        && row.cells.iter().all(|c| c.amount.is_some())
}

/// A line holding a total's label alone (`公用经费合计`).
fn is_total_label(row: &Row) -> bool {
    row.code.is_none()
        && !has_figures(row)
        && row.name.as_deref().is_some_and(header::is_total_label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::header::columns_from_header;
    use crate::table::rows::{build_row, Origin};

    fn columns() -> Vec<Column> {
        let header: Vec<String> = ["类", "款", "科目名称", "决算数"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        columns_from_header(std::slice::from_ref(&header), header.len())
    }

    /// The page's lines (tab-separated, `""` a blank line) and the rows of its non-blank ones.
    fn page(text: &[&str]) -> (Vec<String>, Vec<Row>) {
        let lines: Vec<String> = text.iter().map(|s| s.to_string()).collect();
        let rows = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.is_empty())
            .map(|(i, l)| {
                let cells: Vec<String> = l.split('\t').map(str::to_owned).collect();
                build_row(i + 1, &cells, &columns(), Origin::Inserted(None))
            })
            .collect();
        (lines, rows)
    }

    fn summary(rows: &[Row]) -> Vec<(String, String, String)> {
        rows.iter()
            .map(|r| {
                let figure = r.cells.iter().find(|c| c.amount.is_some());
                (
                    r.code.clone().unwrap_or_default(),
                    r.name.clone().unwrap_or_default(),
                    figure.map(|c| c.text.clone()).unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn bands_of_figures_codes_and_names_join_into_rows() {
        let (lines, rows) = page(&[
            "\t\t\t300.00",
            "301",
            "\t\t工资福利支出",
            "",
            "\t\t\t100.00",
            "301\t01",
            "\t\t基本工资",
            "",
            "301\t02\t津贴补贴\t200.00",
            "",
            "\t\t\t300.00",
            "\t\t合计",
        ]);
        let joined = join(&lines, &rows, &columns()).expect("read as bands");
        let s = |c: &str, n: &str, f: &str| (c.to_owned(), n.to_owned(), f.to_owned());
        assert_eq!(
            summary(&joined),
            [
                s("301", "工资福利支出", "300.00"),
                s("30101", "基本工资", "100.00"),
                s("30102", "津贴补贴", "200.00"),
                s("", "合计", "300.00"),
            ]
        );
        // Each cell keeps the line it was printed on.
        assert_eq!(joined[1].cells.iter().map(|c| c.line).max(), Some(7));
    }

    #[test]
    fn rows_printed_line_by_line_are_not_bands() {
        // Figures a line above two rows, but a run of rows each with its figures: blank
        // lines set groups of rows apart, not rows.
        let (lines, rows) = page(&[
            "\t\t\t300.00",
            "301\t\t工资福利支出",
            "",
            "\t\t\t100.00",
            "301\t01\t基本工资",
            "",
            "301\t02\t津贴补贴\t200.00",
            "301\t03\t奖金\t0.00",
        ]);
        assert!(join(&lines, &rows, &columns()).is_none());
        // Rows each on a line, blank lines between: nothing to join.
        let (lines, rows) = page(&[
            "301\t\t工资福利支出\t300.00",
            "",
            "301\t01\t基本工资\t300.00",
        ]);
        assert!(join(&lines, &rows, &columns()).is_none());
    }

    #[test]
    fn a_band_that_would_put_two_figures_in_one_cell_is_not_joined() {
        let (lines, rows) = page(&[
            "\t\t\t300.00",
            "301",
            "\t\t工资福利支出",
            "",
            "\t\t\t100.00",
            "\t\t\t50.00",
            "301\t01",
            "\t\t基本工资",
        ]);
        assert!(join(&lines, &rows, &columns()).is_none());
    }
}
