//! Reading the key/value project performance tables (河北 项目绩效目标表, 上海 财政项目支出绩效
//! 目标填报表): a project's name, its budget, its funds and its spending plan.

use super::arith::Fig;
use super::sink::Sink;
use crate::amount::Amount;
use crate::normalize::{compact, fold_punct};
use crate::rules::{Applies, Cx};
use crate::table::{Row, Table, TableKind};

/// A sum each project's form states (`total = parts`), as `sum_of` reads it from a form: the
/// comparison's wording, the total and its parts; `None` where the form does not state it.
pub type FormSum = (String, Fig, Vec<Fig>);

/// Checks one sum on every project's form; their rounding differences grouped under `group`.
/// Applies where one form at least states it, else not, for `absent`.
pub fn check_form_sums(
    cx: &Cx,
    out: &mut Sink,
    group: &str,
    absent: &str,
    sum_of: impl Fn(&Table) -> Option<FormSum>,
) -> Applies {
    let mut any = false;
    let mark = out.mark();
    for t in cx
        .unit
        .tables_of(TableKind::ProjectPerformance)
        .filter(|t| t.key_value)
    {
        if let Some((what, total, parts)) = sum_of(t) {
            any = true;
            out.sum(&what, &total, &parts);
        }
    }
    out.group_rounding(mark, group);
    if any {
        Applies::Yes
    } else {
        Applies::No(absent.into())
    }
}

/// The value of the first cell whose text starts with `label`, in key/value rows: the next
/// cell with text (a copy of a form of merged cells leaves empty cells between), or the cell
/// right after it when none has.
pub fn after_label<'a>(t: &'a Table, label: &'a str) -> Option<(&'a Row, usize)> {
    labelled(t, label).next()
}

/// Every cell labelled `label`, in reading order, as (row, index of its value).
fn labelled<'a>(t: &'a Table, label: &'a str) -> impl Iterator<Item = (&'a Row, usize)> + 'a {
    t.rows.iter().flat_map(move |r| {
        r.cells
            .iter()
            .enumerate()
            .filter(move |(_, c)| fold_punct(&c.text).starts_with(label))
            .map(move |(i, _)| {
                let value = (i + 1..r.cells.len())
                    .find(|&k| !r.cells[k].text.trim().is_empty())
                    .unwrap_or(i + 1);
                (r, value)
            })
    })
}

/// 项目名称 of a Hebei per-project table (from its key/value rows, else from its title).
pub fn project_name(t: &Table) -> Option<String> {
    if let Some((r, i)) = after_label(t, "项目名称") {
        if let Some(c) = r.cells.get(i) {
            return Some(compact(&c.text));
        }
    }
    let title = compact(&t.title);
    let title = title.trim_end_matches("绩效目标表");
    let start = title.find('、').map_or(0, |i| i + '、'.len_utf8());
    Some(title[start..].to_owned())
}

pub fn labelled_amount(t: &Table, label: &str, what: &str) -> Option<Fig> {
    let (r, i) = after_label(t, label)?;
    value_of(t, r, i, what)
}

/// The figures of every cell labelled `label`, in reading order (a form printing the label
/// on each of its sides: `其他资金 0.00 | 其他资金 0.00`).
pub fn labelled_amounts(t: &Table, label: &str, what: &str) -> Vec<Option<Fig>> {
    labelled(t, label)
        .map(|(r, i)| value_of(t, r, i, what))
        .collect()
}

fn value_of(t: &Table, r: &Row, i: usize, what: &str) -> Option<Fig> {
    let c = r.cells.get(i)?;
    // In 万元 as the table holds it (a form in 元 converted), else as printed.
    let amount = c.amount.or_else(|| Amount::parse(&c.text));
    // The cell after the label may be the next label (an empty value).
    if amount.is_none() && !c.text.is_empty() && !c.text.chars().any(|ch| ch.is_ascii_digit()) {
        return Some(Fig::new(None, r.line, format!("{}·{what}", t.title)).of_table(t));
    }
    Some(Fig::new(amount, c.line, format!("{}·{what}", short_title(t))).of_table(t))
}

pub fn short_title(t: &Table) -> String {
    project_name(t).unwrap_or_else(|| t.title.clone())
}

/// A project's budget on its form: 预算数 (河北), 项目资金总额 (上海).
pub fn budget(t: &Table) -> Option<Fig> {
    labelled_amount(t, "预算数", "预算数")
        .or_else(|| labelled_amount(t, "项目资金总额", "项目资金总额"))
}

/// 资金支出计划: (month label, figure, line) in order.
pub fn plan(t: &Table) -> Vec<(String, Amount, usize)> {
    let is_month = |s: &str| {
        let f = compact(s);
        f.ends_with("月底")
            && f.trim_end_matches("月底")
                .chars()
                .all(|c| c.is_ascii_digit())
            && f.len() > "月底".len()
    };
    let mut out = Vec::new();
    for (k, r) in t.rows.iter().enumerate() {
        let labels: Vec<&crate::table::Cell> =
            r.cells.iter().filter(|c| is_month(&c.text)).collect();
        match labels.len() {
            0 => {}
            // `12月底 \t 100`: label and figure on one line.
            1 if r.cells.iter().any(|c| Amount::parse(&c.text).is_some()) => {
                let value = r
                    .cells
                    .iter()
                    .find_map(|c| Amount::parse(&c.text).map(|a| (a, c.line)));
                if let Some((a, line)) = value {
                    out.push((compact(&labels[0].text), a, line));
                }
            }
            // Labels on one line, figures under them on the next: as many figures as labels
            // pair in order (a form read from a text export keeps no empty cells), else
            // each label with the figure in its column.
            _ => {
                let Some(next) = t.rows.get(k + 1) else {
                    continue;
                };
                let figures: Vec<(Amount, usize)> = next
                    .cells
                    .iter()
                    .filter_map(|c| Amount::parse(&c.text).map(|a| (a, c.line)))
                    .collect();
                if figures.len() == labels.len() {
                    for (l, (a, line)) in labels.iter().zip(figures) {
                        out.push((compact(&l.text), a, line));
                    }
                    continue;
                }
                for l in labels {
                    if let Some(c) = next.cell(l.col) {
                        if let Some(a) = Amount::parse(&c.text) {
                            out.push((compact(&l.text), a, c.line));
                        }
                    }
                }
            }
        }
    }
    out
}
