//! Column mapping: the header first; the table's own arithmetic decides when the header cannot
//! be trusted (another page's or a sibling's header, the canonical order, adjacent swaps, a blank
//! column re-inserted where rows dropped one).

use super::header::{self, Column, Identity, Role, Scope};
use super::pages::Page;
use super::Repair;
use crate::amount::Amount;
use crate::layout;
use rust_decimal::Decimal;

/// Cells up to the last non-empty one: trailing tabs say nothing about missing columns.
pub(super) fn effective_width(line: &str) -> usize {
    layout::cells(line)
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |i| i + 1)
}

pub(super) fn row_cells(line: &str, width: usize, insert_at: Option<usize>) -> Vec<String> {
    let mut cells: Vec<String> = layout::cells(line).into_iter().map(str::to_owned).collect();
    if let Some(k) = insert_at {
        if effective_width(line) < width && k <= cells.len() {
            cells.insert(k, String::new());
        }
    }
    cells
}

/// A data cell parsed once for the mapping search.
pub(super) struct Parsed {
    pub(super) amount: Option<Amount>,
    pub(super) decimal: bool,
    pub(super) text: bool,
}

/// A page's data rows, parsed once; `width` is the effective width (trailing blanks dropped).
pub(super) struct PageCells {
    pub(super) rows: Vec<(Vec<Parsed>, usize)>,
}

impl PageCells {
    fn new(lines: &[String], data: &[usize]) -> Self {
        let rows = data
            .iter()
            .map(|&i| {
                let cells: Vec<Parsed> = layout::cells(&lines[i])
                    .into_iter()
                    .map(|c| {
                        let amount = Amount::parse(c);
                        Parsed {
                            amount,
                            decimal: layout::is_decimal_amount(c),
                            text: !c.is_empty() && amount.is_none(),
                        }
                    })
                    .collect();
                (cells, effective_width(&lines[i]))
            })
            .collect();
        PageCells { rows }
    }

    /// Cell `i` of a row as mapped, with a blank inserted at `insert` into short rows.
    fn get(
        row: &(Vec<Parsed>, usize),
        i: usize,
        insert: Option<usize>,
        width: usize,
    ) -> Option<&Parsed> {
        match insert {
            Some(k) if row.1 < width && k <= row.0.len() => match i.cmp(&k) {
                std::cmp::Ordering::Less => row.0.get(i),
                std::cmp::Ordering::Equal => None,
                std::cmp::Ordering::Greater => row.0.get(i - 1),
            },
            _ => row.0.get(i),
        }
    }
}

/// How well a mapping explains the rows: identities that hold minus those that fail,
/// then how many columns hold the kind of content (money/text) their role says.
pub(super) fn score(
    columns: &[Column],
    ids: &[Identity],
    insert_at: Option<usize>,
    page: &PageCells,
) -> (i32, i32) {
    let width = columns.len();
    let value = |row: &(Vec<Parsed>, usize), i: usize| {
        PageCells::get(row, i, insert_at, width).and_then(|p| p.amount)
    };
    let mut arith = 0;
    for id in ids {
        for row in &page.rows {
            let total = value(row, id.total);
            let mut any = total.is_some();
            let mut sum = Decimal::ZERO;
            let mut tol = total.map_or(Decimal::new(5, 3), |a| a.half_step());
            for &p in &id.parts {
                match value(row, p) {
                    Some(a) => {
                        any = true;
                        sum += a.value;
                        tol += a.half_step();
                    }
                    None => tol += Decimal::new(5, 3),
                }
            }
            if !any {
                continue;
            }
            let t = total.map_or(Decimal::ZERO, |a| a.value);
            arith += if (t - sum).abs() <= tol { 1 } else { -1 };
        }
    }
    let mut plaus = 0;
    for c in columns {
        let (mut filled, mut decimals, mut texts) = (0usize, 0usize, 0usize);
        for row in &page.rows {
            if let Some(p) = PageCells::get(row, c.index, insert_at, width) {
                if p.amount.is_some() || p.text {
                    filled += 1;
                    decimals += p.decimal as usize;
                    texts += p.text as usize;
                }
            }
        }
        if filled == 0 {
            continue;
        }
        let money_role = c.role.is_money();
        let numeric_ok = matches!(
            c.role,
            Role::Quantity | Role::UnitPrice | Role::ProjectBudget | Role::Reserved | Role::RowNo
        );
        let misplaced_text = money_role && decimals == 0 && texts > 0;
        let misplaced_money = !money_role && !numeric_ok && decimals * 2 > filled;
        // A code column filled mostly with names: the rows sit a column off.
        let code_role = c.role.is_code();
        let misplaced_names = code_role && texts * 2 > filled;
        // A column the header gave no label earns nothing for being filled.
        plaus += if misplaced_text || misplaced_money || misplaced_names {
            -1
        } else if c.path.is_empty() {
            0
        } else {
            1
        };
    }
    (arith, plaus)
}

pub(super) fn canonical(columns: &[Column]) -> Option<Vec<Column>> {
    let money_idx: Vec<usize> = columns
        .iter()
        .filter(|c| c.role.is_money())
        .map(|c| c.index)
        .collect();
    let mut money: Vec<Column> = columns
        .iter()
        .filter(|c| c.role.is_money())
        .cloned()
        .collect();
    money.sort_by_key(header::canonical_key);
    let mut out = columns.to_vec();
    let mut changed = false;
    for (slot, mut col) in money_idx.into_iter().zip(money) {
        changed |= col.index != slot;
        col.index = slot;
        out[slot] = col;
    }
    changed.then_some(out)
}

pub(super) const MAX_SEARCH_WIDTH: usize = 48;

/// A header variant to try, with what it changes relative to the base it came from.
pub(super) struct Variant {
    pub(super) columns: Vec<Column>,
    pub(super) changes: Vec<String>,
}

pub(super) fn variants(base: &[Column]) -> Vec<Variant> {
    let mut out = vec![Variant {
        columns: base.to_vec(),
        changes: Vec::new(),
    }];
    if let Some(c) = canonical(base) {
        out.push(Variant {
            columns: c,
            changes: vec!["按表内勾稽关系将金额列按标准顺序对齐".to_owned()],
        });
    }
    for i in 0..base.len().saturating_sub(1) {
        if base[i].role.is_money() || base[i + 1].role.is_money() {
            let mut swapped = base.to_vec();
            swapped.swap(i, i + 1);
            swapped[i].index = i;
            swapped[i + 1].index = i + 1;
            out.push(Variant {
                columns: swapped,
                changes: vec![format!(
                    "第{}、{}列表头与数据错位，依据数据与勾稽关系互换",
                    i + 1,
                    i + 2
                )],
            });
        }
    }
    out
}

pub(super) fn pad(mut cols: Vec<Column>, width: usize) -> Vec<Column> {
    while cols.len() < width {
        let index = cols.len();
        cols.push(Column {
            index,
            path: Vec::new(),
            scope: Scope::Root,
            role: Role::Text,
        });
    }
    cols
}

pub(super) fn same_roles(a: &[Column], b: &[Column]) -> bool {
    let key = |cols: &[Column]| -> Vec<(Scope, Role)> {
        let mut k: Vec<(Scope, Role)> = cols.iter().map(Column::key).collect();
        while k.last().is_some_and(|x| x.1 == Role::Text) {
            k.pop();
        }
        k
    };
    key(a) == key(b)
}

/// The chosen column mapping of a whole table, and how each page's rows fit it.
pub(super) struct TableMapping {
    pub(super) columns: Vec<Column>,
    pub(super) insert_at: Vec<Option<usize>>,
    pub(super) repairs: Vec<Repair>,
}

/// One header for the whole table (pages repeat it), scored on every data row: the header as
/// printed first, then alternatives — another page's or a sibling table's header, the canonical
/// order, adjacent swaps — with a blank re-inserted where a page's rows dropped an empty column.
pub(super) fn choose_mapping(
    lines: &[String],
    pages: &[Page],
    page_headers: &[Vec<Column>],
    siblings: &[Vec<Column>],
) -> TableMapping {
    let mut bases: Vec<Vec<Column>> = Vec::new();
    for h in page_headers.iter().chain(siblings) {
        if !h.is_empty() && !bases.contains(h) {
            bases.push(h.clone());
        }
    }
    let data_width = |p: &Page| {
        p.data
            .iter()
            .map(|&i| effective_width(&lines[i]))
            .max()
            .unwrap_or(0)
    };
    let parsed: Vec<PageCells> = pages
        .iter()
        .map(|p| PageCells::new(lines, &p.data))
        .collect();
    // Computed once: every variant below asks for each page's width.
    let widths: Vec<usize> = pages.iter().map(data_width).collect();
    let max_width = widths.iter().copied().max().unwrap_or(0);
    // Real budget tables have at most a few dozen columns; beyond that, trust the header.
    let search = max_width <= MAX_SEARCH_WIDTH;
    let mut best: Option<((i32, i32, i32, i32), TableMapping)> = None;
    for (b, base) in bases.iter().enumerate() {
        let from_sibling = b
            >= bases.len()
                - siblings
                    .iter()
                    .filter(|s| !page_headers.contains(s))
                    .count()
                    .min(bases.len());
        let padded = pad(base.clone(), max_width);
        let tried = if search {
            variants(&padded)
        } else {
            vec![Variant {
                columns: padded,
                changes: Vec::new(),
            }]
        };
        for v in tried {
            let width = v.columns.len();
            let ids = header::identities(&v.columns);
            let (mut arith, mut plaus, mut complexity, mut right) =
                (0, 0, v.changes.len() as i32, 0);
            let mut inserts = Vec::new();
            for (p, page) in pages.iter().enumerate() {
                let dw = widths[p];
                let can_insert = search && !page.data.is_empty() && dw < width;
                let options: Vec<Option<usize>> = std::iter::once(None)
                    .chain(can_insert.then(|| (0..dw).map(Some)).into_iter().flatten())
                    .collect();
                // Best score; on a tie no insertion, else the rightmost insertion.
                let (k, (a, pl)) = options
                    .iter()
                    .map(|&k| (k, score(&v.columns, &ids, k, &parsed[p])))
                    .max_by_key(|(k, sc)| (*sc, k.is_none(), k.map_or(0, |k| k as i32)))
                    .unwrap_or((None, (0, 0)));
                arith += a;
                plaus += pl;
                right += k.map_or(0, |k| k as i32);
                complexity += k.is_some() as i32;
                if !page_headers[p].is_empty() && !same_roles(&page_headers[p], &v.columns) {
                    complexity += 1;
                }
                inserts.push(k);
            }
            complexity += from_sibling as i32;
            plaus -= v
                .columns
                .iter()
                .filter(|c| !header::plausible(c.scope, c.role))
                .count() as i32;
            let key = (arith, plaus, -complexity, right);
            trace!(
                "mapping: base {b} {:?} inserts {inserts:?} => {key:?}",
                v.changes
            );
            if best.as_ref().is_none_or(|(k, _)| key > *k) {
                let repairs = describe(pages, page_headers, &v, &inserts, from_sibling);
                best = Some((
                    key,
                    TableMapping {
                        columns: v.columns,
                        insert_at: inserts,
                        repairs,
                    },
                ));
            }
        }
    }
    best.map(|(_, m)| m).unwrap_or(TableMapping {
        columns: Vec::new(),
        insert_at: vec![None; pages.len()],
        repairs: Vec::new(),
    })
}

pub(super) fn page_span(page: &Page) -> (usize, usize) {
    let first = page
        .header
        .first()
        .or(page.data.first())
        .map_or(0, |i| i + 1);
    let last = page
        .data
        .last()
        .or(page.header.last())
        .map_or(first, |i| i + 1);
    (first, last)
}

pub(super) fn describe(
    pages: &[Page],
    headers: &[Vec<Column>],
    v: &Variant,
    inserts: &[Option<usize>],
    sibling: bool,
) -> Vec<Repair> {
    let mut out = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let (first, last) = page_span(page);
        let mut what: Vec<String> = Vec::new();
        let header_differs = !headers[p].is_empty() && !same_roles(&headers[p], &v.columns);
        if header_differs && !page.header.is_empty() {
            if v.changes.is_empty() {
                what.push(if sibling {
                    "本页表头与数据不符，依据数据与勾稽关系采用同类表的表头".to_owned()
                } else {
                    "本页表头与数据不符，依据数据与勾稽关系采用同表其他页的表头".to_owned()
                });
            } else {
                what.extend(v.changes.iter().cloned());
            }
        }
        if let Some(k) = inserts[p] {
            what.push(format!(
                "数据行比表头少一列空列，已在第{}列补回（依据数据与勾稽关系）",
                k + 1
            ));
        }
        if !what.is_empty() {
            out.push(Repair {
                lines: (first, last),
                what: format!("第{first}–{last}行：{}", what.join("；")),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-page table: the header line, then the data lines.
    fn map(header: &str, data: &[&str]) -> TableMapping {
        let mut text = vec![header.to_owned()];
        text.extend(data.iter().map(|d| d.to_string()));
        let lines = crate::normalize::normalize_text(&text.join("\n"));
        let page = Page {
            header: vec![0],
            data: (1..lines.len()).collect(),
        };
        let cells: Vec<String> = lines[0].split('\t').map(str::to_owned).collect();
        let columns = header::columns_from_header(std::slice::from_ref(&cells), cells.len());
        choose_mapping(&lines, &[page], &[columns], &[])
    }

    fn roles(m: &TableMapping) -> Vec<Role> {
        m.columns.iter().map(|c| c.role).collect()
    }

    const HEADER: &str = "科目编码\t科目名称\t合计\t基本支出\t项目支出";

    #[test]
    fn a_header_the_rows_agree_with_is_taken_as_printed() {
        let m = map(
            HEADER,
            &["210\t卫生\t5.00\t2.00\t3.00", "211\t环保\t7.00\t1.00\t6.00"],
        );
        use Role::*;
        assert_eq!(roles(&m), vec![Code, Name, Total, Basic, Project]);
        assert!(m.repairs.is_empty(), "{:?}", m.repairs);
    }

    #[test]
    fn two_columns_the_data_swaps_are_swapped_back() {
        // 合计 and 基本支出 printed in each other's place on every row.
        let m = map(
            HEADER,
            &["210\t卫生\t2.00\t5.00\t3.00", "211\t环保\t1.00\t7.00\t6.00"],
        );
        use Role::*;
        assert_eq!(roles(&m), vec![Code, Name, Basic, Total, Project]);
        assert_eq!(m.repairs.len(), 1);
        assert!(
            m.repairs[0].what.contains("第3、4列"),
            "{}",
            m.repairs[0].what
        );
    }

    #[test]
    fn short_rows_are_padded_and_widths_ignore_trailing_blanks() {
        assert_eq!(effective_width("a\tb\t\t"), 2);
        assert_eq!(row_cells("a\tb", 3, Some(1)), vec!["a", "", "b"]);
        assert_eq!(
            row_cells("a\tb\tc", 3, Some(1)),
            vec!["a", "b", "c"],
            "full rows stay"
        );
    }
}
