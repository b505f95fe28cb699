//! Joining what a page break or a narrow column split: a table continued under its repeated
//! title on the next page, and a row wrapped over several lines.

use super::detect::Block;
use super::pages::{first_row, is_kv_layout, is_ordinal_label};
use super::{Row, TableKind};
use crate::layout;
use crate::normalize::fold_punct;

/// The same title repeated on the next page, after nothing but blank lines, continues the table
/// — unless what follows it opens another form (`项目名称 | 就业援助基地补贴 | 项目性质 | …`
/// after `项目名称 | 新建… | …`): a template printing one form per project under one title
/// (上海's 财政项目支出绩效目标填报表) starts a new form, not a new page of the last. A page
/// that repeats the form's opening row as it stands (河南's `部门(单位)名称 | 济源…` on each
/// page of one department's form) continues it.
pub(super) fn merge_continuations(lines: &[String], blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for b in blocks {
        if let Some(prev) = out.last_mut() {
            let prev_end = prev.lines.last().copied().unwrap_or(prev.title_line);
            let gap_blank = lines
                .get(prev_end + 1..b.title_line)
                .is_some_and(|gap| gap.iter().all(|l| layout::is_blank(l)));
            let new_form = first_row(lines, &b).is_some_and(|cells| {
                is_kv_layout(&cells) && filled(&cells) != opening(lines, prev)
            });
            if prev.kind == b.kind
                && fold_punct(&prev.title) == fold_punct(&b.title)
                && gap_blank
                && !new_form
            {
                prev.lines.push(b.title_line);
                prev.lines.extend(b.lines);
                continue;
            }
        }
        out.push(b);
    }
    out
}

/// A wrapped line: no figure, no code, no row number, no label of its own.
pub(super) fn is_continuation(row: &Row, kind: TableKind) -> bool {
    if matches!(
        kind,
        TableKind::BudgetSummary
            | TableKind::FiscalSummary
            | TableKind::Assets
            | TableKind::OrgStructure
            | TableKind::ThreePublic
    ) {
        return false;
    }
    let first = row
        .cells
        .first()
        .map(|c| fold_punct(&c.text))
        .unwrap_or_default();
    row.cells
        .iter()
        .all(|c| c.amount.is_none() && !layout::is_decimal_amount(&c.text))
        && row.code.is_none()
        && row.unit_code.is_none()
        && layout::code_digits(&first).is_none()
        && !is_ordinal_label(&first)
        && first != "合计"
}

/// A line marked as a subtotal or a part (`政府性基金 | 小计`, `其中：…`) is a row of its own even
/// with its figures blank, and nothing wraps into it: Jiangsu's 收入预算总表 lists its groups so,
/// most of them empty.
pub(super) fn is_marked_line(row: &Row) -> bool {
    row.cells.iter().any(|c| {
        let t = fold_punct(&c.text);
        matches!(t.as_str(), "小计" | "合计" | "总计") || t.starts_with("其中")
    })
}

/// Figures alone on the line after a label that has none (`合计` / `2,391.92`): the row's
/// amounts, printed a line low.
pub(super) fn is_orphan_amounts(row: &Row, prev: &Row, money: &dyn Fn(usize) -> bool) -> bool {
    let only_money = !row.cells.is_empty()
        && row.code.is_none()
        && row.cells.iter().all(|c| c.amount.is_some() && money(c.col));
    let label_only = !prev.cells.is_empty()
        && prev.cells.iter().all(|c| c.amount.is_none())
        && prev.cells.iter().any(|c| !c.text.trim().is_empty());
    only_money && label_only
}

/// A total's label alone on the line after its figures (`2,946.25  2,940.05` / `合计`, a text
/// export printing the label's cell a line lower than the figures'): the label of the row
/// above, which has figures and neither code nor name.
pub(super) fn is_low_total_label(row: &Row, prev: &Row) -> bool {
    let label_only = row.code.is_none()
        && row.cells.iter().all(|c| c.amount.is_none())
        && is_marked_line(row)
        && !row
            .cells
            .iter()
            .any(|c| fold_punct(&c.text).starts_with("其中"));
    let unnamed_figures = prev.code.is_none()
        && prev.name.as_deref().is_none_or(|n| n.trim().is_empty())
        && prev.cells.iter().any(|c| c.amount.is_some());
    label_only && unnamed_figures
}

/// Figures printed a line off their row (`1,503.52  603.14` over `201 06  财政事务  2,106.66`,
/// a text export setting some cells' text a little higher than the rest): each row of figures
/// alone joins the row on the next line (or, read the other way, the previous one), when every
/// such row of the table finds there a coded or named row whose cells at its figures are blank
/// and whose sums (`identities`) then hold. One direction for the whole table, and only when
/// just one fits: else nothing moves. Returns the lines joined.
pub(super) fn settle_figures_off_their_rows(
    rows: &mut Vec<Row>,
    identities: &[super::Identity],
) -> Vec<usize> {
    let alone = |r: &Row| {
        r.code.is_none()
            && r.name.as_deref().is_none_or(|n| n.trim().is_empty())
            && !r.cells.is_empty()
            && r.cells.iter().all(|c| c.amount.is_some())
    };
    let loose: Vec<usize> = (0..rows.len()).filter(|&i| alone(&rows[i])).collect();
    if loose.is_empty() || identities.is_empty() {
        return Vec::new();
    }
    let last_line = |r: &Row| r.lines().max().unwrap_or(r.line);
    // The row `i`'s figures join, read downwards or upwards.
    let target = |i: usize, down: bool| -> Option<usize> {
        let j = if down { i + 1 } else { i.checked_sub(1)? };
        let (r, n) = (&rows[i], rows.get(j)?);
        let adjacent = if down {
            n.line == last_line(r) + 1
        } else {
            r.line == last_line(n) + 1
        };
        let labelled = n.code.is_some() || n.name.as_deref().is_some_and(|t| !t.trim().is_empty());
        let free = r.cells.iter().all(|c| n.amount(c.col).is_none());
        (adjacent && labelled && free && !alone(n) && sums_hold(r, n, identities)).then_some(j)
    };
    let fits = |down: bool| -> Option<Vec<(usize, usize)>> {
        let pairs: Vec<(usize, usize)> = loose
            .iter()
            .map(|&i| target(i, down).map(|j| (i, j)))
            .collect::<Option<_>>()?;
        // Two rows of figures joining one row is no row printed a line off.
        let mut targets: Vec<usize> = pairs.iter().map(|p| p.1).collect();
        targets.sort_unstable();
        targets.dedup();
        (targets.len() == pairs.len()).then_some(pairs)
    };
    let pairs = match (fits(true), fits(false)) {
        (Some(p), None) | (None, Some(p)) => p,
        _ => return Vec::new(),
    };
    let mut joined = Vec::new();
    let mut moved: Vec<Option<Row>> = rows.drain(..).map(Some).collect();
    for &(i, j) in &pairs {
        if let Some(r) = moved[i].take() {
            joined.push(r.line);
            if let Some(n) = moved[j].as_mut() {
                merge_into(n, r);
                n.cells.sort_by_key(|c| c.col);
            }
        }
    }
    rows.extend(moved.into_iter().flatten());
    joined
}

/// Whether every sum holds once `figures`' cells join `row`'s (and at least one is checked).
fn sums_hold(figures: &Row, row: &Row, identities: &[super::Identity]) -> bool {
    joined_sums(figures, row, identities) == Some(true)
}

/// Whether joining `figures`' cells to `row`'s breaks a sum that would then be checked: such
/// figures are not the row's.
pub(super) fn sums_break(figures: &Row, row: &Row, identities: &[super::Identity]) -> bool {
    joined_sums(figures, row, identities) == Some(false)
}

/// Whether the sums hold on `row` with `figures`' cells joined; `None` when none is checked.
fn joined_sums(figures: &Row, row: &Row, identities: &[super::Identity]) -> Option<bool> {
    let amount = |c: usize| row.amount(c).or_else(|| figures.amount(c));
    // A blank cell: zero at two decimals of 万元, as the table's understanding reads it.
    let blank = crate::amount::Interval {
        lo: rust_decimal::Decimal::new(-5, 3),
        hi: rust_decimal::Decimal::new(5, 3),
    };
    let checks: Vec<bool> = identities
        .iter()
        .filter_map(|id| id.holds(amount, blank))
        .collect();
    (!checks.is_empty()).then(|| checks.iter().all(|&h| h))
}

/// A line that repeats the line before it without its words (`210 | 11 | 60.99 | 60.99` under
/// `210 | 11 | | 行政事业单位医疗 | 60.99 | 60.99`): a second copy of the row's codes and figures
/// that some PDF converters emit at a page's foot. Its cells, in order, are the earlier line's
/// cells less at least one word, and hold at least two figures.
pub(super) fn is_shadow_line(line: &str, prev: &str) -> bool {
    let filled = |l: &str| -> Vec<String> {
        crate::layout::cells(l)
            .into_iter()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let (this, before) = (filled(line), filled(prev));
    let figure = |c: &str| crate::amount::Amount::parse(c).is_some();
    if this.iter().filter(|c| figure(c)).count() < 2 || this.len() >= before.len() {
        return false;
    }
    if !this.iter().all(|c| figure(c)) {
        return false;
    }
    let lost_words = before.iter().any(|c| !figure(c));
    let mut rest = before.iter();
    let subsequence = this.iter().all(|c| rest.any(|b| b == c));
    lost_words && subsequence
}

pub(super) fn merge_into(prev: &mut Row, cont: Row) {
    prev.continued.push(cont.line);
    for cell in cont.cells {
        let target = match prev.cells.iter().position(|c| c.col == cell.col) {
            // A wrapped label that landed in an amount column belongs to the text cell on its left.
            Some(p) if prev.cells[p].amount.is_some() => {
                prev.cells[..p].iter().rposition(|c| c.amount.is_none())
            }
            other => other,
        };
        match target {
            Some(p) => {
                prev.cells[p].text.push_str(&cell.text);
                if prev
                    .name
                    .as_deref()
                    .is_some_and(|n| prev.cells[p].text.starts_with(n))
                {
                    prev.name = Some(prev.cells[p].text.clone());
                }
            }
            None => {
                let at = prev
                    .cells
                    .iter()
                    .position(|c| c.col > cell.col)
                    .unwrap_or(prev.cells.len());
                prev.cells.insert(at, cell);
            }
        }
    }
}

/// A row's cells with text, compacted.
fn filled(cells: &[&str]) -> Vec<String> {
    cells
        .iter()
        .map(|c| crate::normalize::compact(c))
        .filter(|c| !c.is_empty())
        .collect()
}

/// The cells with text of the row that opens a block (its first row of two cells).
fn opening(lines: &[String], b: &Block) -> Vec<String> {
    first_row(lines, b).map(|c| filled(&c)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::super::detect::detect_blocks;
    use super::*;
    use crate::table::Cell;

    fn row(line: usize, cells: &[(usize, &str)]) -> Row {
        Row {
            line,
            continued: Vec::new(),
            cells: cells
                .iter()
                .map(|&(col, text)| Cell {
                    col,
                    text: text.to_owned(),
                    amount: crate::amount::Amount::parse(text),
                    line,
                    raw: col,
                })
                .collect(),
            code: None,
            gov_code: None,
            unit_code: None,
            name: cells.first().map(|c| c.1.to_owned()),
        }
    }

    #[test]
    fn subtotal_and_part_lines_stand_alone() {
        let row = |cells: &[&str]| Row {
            line: 1,
            continued: Vec::new(),
            cells: cells
                .iter()
                .enumerate()
                .map(|(col, t)| Cell {
                    col,
                    raw: col,
                    text: (*t).to_owned(),
                    amount: None,
                    line: 1,
                })
                .collect(),
            code: None,
            gov_code: None,
            unit_code: None,
            name: None,
        };
        assert!(is_marked_line(&row(&["政府性基金", "小计"])));
        assert!(is_marked_line(&row(&["其中：动用上年结转和结余资金"])));
        assert!(!is_marked_line(&row(&["专项收入"])));
    }

    #[test]
    fn a_repeated_title_after_blank_lines_continues_the_table() {
        let l = crate::normalize::normalize_text(
            "部门预算支出总表\n科目编码\t合计\n210\t5.00\n\n部门预算支出总表\n科目编码\t合计\n211\t6.00",
        );
        let blocks = detect_blocks(&l, &super::super::detect::LineClass::all(&l));
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].lines, vec![1, 2, 4, 5, 6]);
    }

    /// One form per project under one title (上海's 填报表, as its copy prints them, no blank
    /// line between in a PDF's reading): each form a table of its own; a form whose pages
    /// repeat its opening row as it stands (河南's 整体绩效目标表) one table.
    #[test]
    fn a_repeated_title_over_another_form_starts_a_table() {
        let form = |name: &str, total: &str| {
            format!(
                "财政项目支出绩效目标填报表\t\t\t\n（2023年度）\t\t\t\n\
                 项目名称\t\t{name}\t\t项目性质\t经常性项目\n\
                 项目资金（元）\t\t项目资金总额\t\t{total}\n"
            )
        };
        let text = form("就业援助基地补贴", "6,351,000.00") + &form("各类工作经费", "7,595,500.00");
        let l = crate::normalize::normalize_text(&text);
        let blocks = detect_blocks(&l, &super::super::detect::LineClass::all(&l));
        assert_eq!(blocks.len(), 2, "{blocks:#?}");
        let tables = crate::table::build_tables(&l, &blocks);
        assert!(tables.iter().all(|t| t.key_value), "{tables:#?}");
        // The unit its label states: 元.
        assert!(tables
            .iter()
            .all(|t| t.meta.amount_unit == Some(crate::layout::AmountUnit::Yuan)));
        // The same form's next page, its opening row repeated as it stands.
        let text = form("就业援助基地补贴", "6,351,000.00")
            + "\n"
            + &form("就业援助基地补贴", "6,351,000.00").replace("项目资金总额", "其他资金");
        let l = crate::normalize::normalize_text(&text);
        let blocks = detect_blocks(&l, &super::super::detect::LineClass::all(&l));
        assert_eq!(blocks.len(), 1, "{blocks:#?}");
    }

    /// A table of 合计 (column 1) = 基本支出 (2) + 项目支出 (3): rows of figures alone (`None`
    /// code) and coded rows, line after line.
    /// A line of the table: its code (`None`: figures alone) and its cells by column.
    type Line<'a> = (Option<&'a str>, &'a [(usize, &'a str)]);

    fn jittered(rows: &[Line]) -> Vec<Row> {
        rows.iter()
            .enumerate()
            .map(|(k, (code, cells))| {
                let mut r = row(10 + k, cells);
                r.name = code.map(|c| format!("科目{c}"));
                r.code = code.map(str::to_owned);
                r
            })
            .collect()
    }

    fn sums() -> Vec<super::super::Identity> {
        vec![super::super::Identity {
            total: 1,
            parts: vec![2, 3],
        }]
    }

    #[test]
    fn figures_printed_a_line_above_their_rows_join_them() {
        let mut rows = jittered(&[
            (None, &[(2, "1,503.52"), (3, "603.14")]),
            (Some("201"), &[(1, "2,106.66")]),
            (None, &[(2, "1,503.52")]),
            (Some("2010601"), &[(1, "1,511.89"), (3, "8.37")]),
            (Some("2010602"), &[(1, "10.00"), (3, "10.00")]),
        ]);
        let joined = settle_figures_off_their_rows(&mut rows, &sums());
        assert_eq!(joined, [10, 12]);
        assert_eq!(rows.len(), 3);
        let texts = |r: &Row| -> Vec<String> { r.cells.iter().map(|c| c.text.clone()).collect() };
        assert_eq!(texts(&rows[0]), ["2,106.66", "1,503.52", "603.14"]);
        assert_eq!(texts(&rows[1]), ["1,511.89", "1,503.52", "8.37"]);
    }

    #[test]
    fn figures_that_fit_either_row_or_break_a_sum_stay_where_they_are() {
        // Between two rows each one they would complete: no telling whose.
        let mut rows = jittered(&[
            (Some("201"), &[(1, "100.00")]),
            (None, &[(2, "60.00"), (3, "40.00")]),
            (Some("20106"), &[(1, "100.00")]),
        ]);
        assert!(settle_figures_off_their_rows(&mut rows, &sums()).is_empty());
        assert_eq!(rows.len(), 3);
        // Joined, the row's sum would not hold: not its figures.
        let mut rows = jittered(&[
            (None, &[(2, "50.00"), (3, "40.00")]),
            (Some("201"), &[(1, "100.00")]),
        ]);
        assert!(settle_figures_off_their_rows(&mut rows, &sums()).is_empty());
        assert_eq!(rows.len(), 2);
        // One row of figures with nowhere to go, and none moves.
        let mut rows = jittered(&[
            (None, &[(2, "60.00"), (3, "40.00")]),
            (Some("201"), &[(1, "100.00")]),
            (None, &[(2, "7.00")]),
        ]);
        assert!(settle_figures_off_their_rows(&mut rows, &sums()).is_empty());
    }

    #[test]
    fn a_wrapped_label_joins_the_row_above() {
        let mut prev = row(5, &[(0, "其他医疗保障管理"), (1, "12.00")]);
        let cont = row(6, &[(0, "事务支出")]);
        assert!(is_continuation(&cont, TableKind::ExpenditureSummary));
        merge_into(&mut prev, cont);
        assert_eq!(prev.cells[0].text, "其他医疗保障管理事务支出");
        assert_eq!(prev.name.as_deref(), Some("其他医疗保障管理事务支出"));
        assert_eq!(prev.continued, vec![6]);
        // A row with a figure, a code or a 合计 label is a row of its own.
        assert!(!is_continuation(
            &row(7, &[(0, "合计")]),
            TableKind::ExpenditureSummary
        ));
        assert!(!is_continuation(
            &row(7, &[(1, "3.00")]),
            TableKind::ExpenditureSummary
        ));
        // Summary tables never wrap: each line is a labelled row.
        assert!(!is_continuation(
            &row(7, &[(0, "事务")]),
            TableKind::BudgetSummary
        ));
    }
}
