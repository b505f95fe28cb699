//! The sides of a two-sided summary table (收支总表): each side is one or more lists, a list
//! being a name column and the money columns after it (Jiangsu prints the expenditure side twice:
//! by function and by use). Tables copied from unruled PDFs wrap long labels and print a label's
//! amount on the next line; each list is repaired on its own, since the lists of a side share
//! lines but not entries.

use super::header::{Column, Role, Scope};
use super::Row;
use crate::layout;
use crate::normalize::compact;

/// One list of a side: its name column and its money columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    pub name_col: usize,
    pub money: Vec<usize>,
}

/// The lists of one side, left to right.
pub fn lists(columns: &[Column], scope: Scope) -> Vec<List> {
    let mut out: Vec<List> = Vec::new();
    let mut previous: Option<&Vec<String>> = None;
    for c in columns.iter().filter(|c| c.scope == scope) {
        // A label spanning several cells gives several columns with one path: the first counts.
        if previous == Some(&c.path) {
            continue;
        }
        previous = Some(&c.path);
        if c.role == Role::Name {
            out.push(List {
                name_col: c.index,
                money: Vec::new(),
            });
        } else if c.role.is_money() {
            // A 其中 column adds up down the list like any other.
            if let Some(l) = out.last_mut() {
                l.money.push(c.index);
            }
        }
    }
    out.retain(|l| !l.money.is_empty());
    out
}

/// A piece of a wrapped label: a character or two, no number, no total.
fn is_fragment(text: &str) -> bool {
    let t = compact(text);
    let n = t.chars().count();
    (1..=2).contains(&n)
        && !t
            .chars()
            .any(|c| c.is_ascii_digit() || layout::is_cn_numeral(c))
        && !t.contains('计')
}

/// Repairs every list of both sides: a label's amount printed on the line after (or before) it
/// is joined to it, and a wrapped label's tail is joined to its head. Returns what was done.
pub(super) fn repair(columns: &[Column], rows: &mut Vec<Row>) -> Vec<(usize, String)> {
    let mut done = Vec::new();
    for scope in [Scope::Income, Scope::Expenditure] {
        for list in lists(columns, scope) {
            to_name_column(&list, columns, rows);
            join_tails(&list, rows, &mut done);
            join_amounts(&list, rows, &mut done);
        }
    }
    rows.retain(|r| !r.cells.is_empty());
    done
}

/// A label printed in the second or third grid cell of the list's name (unruled tables centre
/// it anywhere under a spanning `项目名称`) is the list's name, read where the list reads it.
fn to_name_column(list: &List, columns: &[Column], rows: &mut [Row]) {
    let Some(path) = columns.get(list.name_col).map(|c| &c.path) else {
        return;
    };
    let span_end = (list.name_col..columns.len())
        .take_while(|&i| &columns[i].path == path)
        .last()
        .unwrap_or(list.name_col);
    for r in rows.iter_mut() {
        if r.cell(list.name_col).is_some() {
            continue;
        }
        if let Some(c) = r
            .cells
            .iter_mut()
            .find(|c| c.amount.is_none() && (list.name_col + 1..=span_end).contains(&c.col))
        {
            c.col = list.name_col;
        }
    }
}

fn has_money(r: &Row, list: &List) -> bool {
    list.money.iter().any(|&c| r.amount(c).is_some())
}

fn name_of(r: &Row, list: &List) -> Option<String> {
    r.cell(list.name_col)
        .map(|c| c.text.clone())
        .filter(|t| !t.trim().is_empty())
}

/// `三、单位预留机动经` … `费`: the tail of a wrapped label, alone in the list a line or two
/// below, joins the head.
fn join_tails(list: &List, rows: &mut [Row], done: &mut Vec<(usize, String)>) {
    let mut head: Option<usize> = None;
    for i in 0..rows.len() {
        let Some(name) = name_of(&rows[i], list) else {
            continue;
        };
        match head {
            Some(h) if is_fragment(&name) && !has_money(&rows[i], list) => {
                // (The line the tail is printed on, which may have joined the row's.)
                let line = rows[i]
                    .cells
                    .iter()
                    .find(|c| c.col == list.name_col)
                    .map_or(rows[i].line, |c| c.line);
                rows[i].cells.retain(|c| c.col != list.name_col);
                if let Some(c) = rows[h].cells.iter_mut().find(|c| c.col == list.name_col) {
                    c.text.push_str(name.trim());
                    done.push((
                        line,
                        format!("第{line}行的“{}”接回上方的“{}”", name.trim(), c.text),
                    ));
                }
                rows[h].continued.push(line);
                // A head alone on its line (`二、政府性基金预算财政拨` over `款  二、外交支出`)
                // and the line of its tail are one row, as a ruled copy holds it.
                if rows[h].cells.iter().all(|c| c.col == list.name_col) && !rows[i].cells.is_empty()
                {
                    let alone = std::mem::take(&mut rows[h].cells);
                    let (first, mut lines) = (rows[h].line, std::mem::take(&mut rows[h].continued));
                    lines.retain(|&l| l != rows[i].line);
                    lines.push(rows[i].line);
                    rows[i].cells.extend(alone);
                    rows[i].cells.sort_by_key(|c| c.col);
                    rows[i].line = first;
                    rows[i].continued.extend(lines);
                    head = Some(i);
                }
            }
            _ => head = Some(i),
        }
    }
}

/// A label without an amount and an amount without a label on the next line of the same list
/// (or the line before) are one entry.
fn join_amounts(list: &List, rows: &mut [Row], done: &mut Vec<(usize, String)>) {
    let entries: Vec<usize> = (0..rows.len())
        .filter(|&i| name_of(&rows[i], list).is_some() || has_money(&rows[i], list))
        .collect();
    for w in entries.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (a_name, b_name) = (name_of(&rows[a], list), name_of(&rows[b], list));
        let (a_money, b_money) = (has_money(&rows[a], list), has_money(&rows[b], list));
        let (from, to) = match (a_name.is_some(), a_money, b_name.is_some(), b_money) {
            (true, false, false, true) => (b, a),
            (false, true, true, false) => (a, b),
            _ => continue,
        };
        let moved: Vec<_> = rows[from]
            .cells
            .iter()
            .filter(|c| list.money.contains(&c.col))
            .cloned()
            .collect();
        rows[from].cells.retain(|c| !list.money.contains(&c.col));
        let line = rows[from].line;
        let label = name_of(&rows[to], list).unwrap_or_default();
        for c in moved {
            done.push((
                line,
                format!("第{line}行的金额 {} 接到“{}”", c.text, label.trim()),
            ));
            rows[to].cells.push(c);
        }
        rows[to].cells.sort_by_key(|c| c.col);
        rows[to].continued.push(line);
    }
}
