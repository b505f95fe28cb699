//! Reading the key/value project performance tables (河北 项目绩效目标表): a project's name,
//! its budget and its spending plan.

use super::arith::Fig;
use crate::amount::Amount;
use crate::normalize::{compact, fold_punct};
use crate::table::{Row, Table};

/// The cell right after a cell whose text starts with `label`, in key/value rows.
pub fn after_label<'a>(t: &'a Table, label: &str) -> Option<(&'a Row, usize)> {
    for r in &t.rows {
        if let Some(i) = r
            .cells
            .iter()
            .position(|c| fold_punct(&c.text).starts_with(label))
        {
            return Some((r, i + 1));
        }
    }
    None
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
    let c = r.cells.get(i)?;
    let amount = Amount::parse(&c.text);
    // The cell after the label may be the next label (an empty value).
    if amount.is_none() && !c.text.is_empty() && !c.text.chars().any(|ch| ch.is_ascii_digit()) {
        return Some(Fig::new(None, r.line, format!("{}·{what}", t.title)));
    }
    Some(Fig::new(
        amount,
        c.line,
        format!("{}·{what}", short_title(t)),
    ))
}

pub fn short_title(t: &Table) -> String {
    project_name(t).unwrap_or_else(|| t.title.clone())
}

/// 预算数 of a Hebei per-project table.
pub fn budget(t: &Table) -> Option<Fig> {
    labelled_amount(t, "预算数", "预算数")
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
            // Labels on one line, figures under them on the next.
            _ => {
                let Some(next) = t.rows.get(k + 1) else {
                    continue;
                };
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
