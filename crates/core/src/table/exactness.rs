//! Whole-unit figures that add up exactly everywhere were budgeted whole, not rounded.
//!
//! A figure printed `2,976,800` (元) stands for [2,976,799.5, 2,976,800.5] unless we know more:
//! rounded from 分, a table's items may miss its total by a 元 or two. But rounding leaves
//! traces: of the sums with two or more non-zero parts, about a quarter or more miss by a 元
//! when the figures were rounded. A document whose whole-unit tables hold dozens of such sums,
//! every one to the 元, was budgeted in whole 元 (Shanghai's tables are): its figures are exact,
//! and a sum one 元 off is an error, not rounding.

use super::header::identities;
use super::{Row, Table};
use crate::amount::Amount;
use rust_decimal::Decimal;

/// Sums with two or more non-zero parts needed before exactness is believed.
const MIN_SUMS: usize = 20;

/// Marks the amounts of the whole-unit tables exact when, across them, the sums hold to the
/// last printed digit (a few misses allowed: those are what the checks then report).
pub fn mark_exact(tables: &mut [Table]) {
    let whole: Vec<usize> = (0..tables.len())
        .filter(|&i| printed_whole(&tables[i]))
        .collect();
    let (mut holds, mut misses) = (0usize, 0usize);
    for &i in &whole {
        let (h, m) = sums(&tables[i]);
        holds += h;
        misses += m;
    }
    trace!(
        "exactness: {} whole tables, {} sums hold, {} miss",
        whole.len(),
        holds,
        misses
    );
    if holds < MIN_SUMS || misses > (holds / 25).max(3) {
        return;
    }
    for &i in &whole {
        tables[i].exact = true;
        for cell in tables[i].rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
            if let Some(a) = cell.amount.as_mut() {
                a.exact = true;
            }
        }
    }
}

/// An understood table with money, every amount of it printed without decimals.
fn printed_whole(t: &Table) -> bool {
    let mut any = false;
    for r in &t.rows {
        for c in &r.cells {
            if c.amount.is_none() || !t.columns.get(c.col).is_some_and(|k| k.role.is_money()) {
                continue;
            }
            match Amount::parse(&c.text) {
                Some(a) if a.decimals == 0 => any = true,
                _ => return false,
            }
        }
    }
    any && t.understood() && !t.empty
}

/// (sums that hold exactly, sums that miss) among the table's sums with two or more non-zero
/// parts: across each row by the header's identities, and down each money column by codes.
fn sums(t: &Table) -> (usize, usize) {
    let mut tally = (0usize, 0usize);
    let mut count = |total: Option<Amount>, parts: &[Option<Amount>]| {
        let nonzero = parts.iter().flatten().filter(|a| !a.is_zero()).count();
        if nonzero < 2 {
            return;
        }
        let sum: Decimal = parts.iter().flatten().map(|a| a.value).sum();
        if total.map_or(Decimal::ZERO, |a| a.value) == sum {
            tally.0 += 1;
        } else {
            tally.1 += 1;
        }
    };
    for id in identities(&t.columns) {
        for r in &t.rows {
            let parts: Vec<_> = id.parts.iter().map(|&p| r.amount(p)).collect();
            count(r.amount(id.total), &parts);
        }
    }
    let money = t.money_columns();
    for (i, parent) in t.rows.iter().enumerate() {
        let children = child_rows(&t.rows, i);
        if children.is_empty() {
            continue;
        }
        for &col in &money {
            let parts: Vec<_> = children.iter().map(|r| r.amount(col)).collect();
            count(parent.amount(col), &parts);
        }
    }
    tally
}

/// The rows one code level below row `i` (201 → 20101, 20101 → 2010101), until the code block
/// ends.
fn child_rows(rows: &[Row], i: usize) -> Vec<&Row> {
    let Some(code) = rows[i].code.as_deref().filter(|c| matches!(c.len(), 3 | 5)) else {
        return Vec::new();
    };
    rows[i + 1..]
        .iter()
        .take_while(|r| {
            r.code
                .as_deref()
                .is_some_and(|c| c.len() > code.len() && c.starts_with(code))
        })
        .filter(|r| r.code.as_deref().is_some_and(|c| c.len() == code.len() + 2))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::corpus;

    fn exact_tables(text: &str) -> Vec<(crate::TableKind, bool)> {
        let doc = crate::parse_bytes(text.as_bytes()).unwrap();
        doc.units[0]
            .tables
            .iter()
            .filter_map(|t| {
                let a = t
                    .rows
                    .iter()
                    .flat_map(|r| &r.cells)
                    .find_map(|c| c.amount)?;
                Some((t.kind, a.exact))
            })
            .collect()
    }

    #[test]
    fn whole_yuan_tables_that_add_up_are_exact() {
        // Shanghai 2023: every money table in whole 元, every sum holding to the 元.
        let t = exact_tables(&corpus("05"));
        assert!(t.iter().filter(|x| x.1).count() >= 5, "{t:?}");
        // Two decimals: not whole, nothing to infer.
        assert!(exact_tables(&corpus("02")).iter().all(|x| !x.1));
    }

    #[test]
    fn rounded_figures_are_not_taken_for_exact() {
        // The same document with its tables' figures rounded to 万元 (whole): the sums then
        // miss by a unit here and there, and nothing is exact.
        let text = corpus("05");
        let rounded: Vec<String> = text
            .split('\n')
            .map(|l| {
                l.split('\t')
                    .map(|c| match crate::Amount::parse(c) {
                        Some(a)
                            if c.contains(',')
                                && a.value >= rust_decimal::Decimal::from(10_000) =>
                        {
                            (a.value / rust_decimal::Decimal::from(10_000))
                                .round()
                                .to_string()
                        }
                        _ => c.to_owned(),
                    })
                    .collect::<Vec<_>>()
                    .join("\t")
            })
            .collect();
        let t = exact_tables(&rounded.join("\n"));
        assert!(t.iter().all(|x| !x.1), "{t:?}");
    }
}
