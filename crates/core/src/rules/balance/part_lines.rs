//! The 其中 sub-lines under a numbered income line do not exceed it, each and together.

use super::{classify, fig, money_cols, Line};
use crate::rules::support::arith::expr;
use crate::rules::support::prelude::*;
use rust_decimal::Decimal;

declare_rule! {
    /// “其中”分项不超过所属收入项.
    pub PartLines => check,
    RuleDoc {
        code: "BAL-004",
        family: Family::Balance,
        severity: Severity::Error,
        title: "“其中”分项不超过所属收入项",
        title_en: "\"Of which\" lines do not exceed their parent line",
        doc_en: "Checks that the 'of which' lines under a numbered income line in the budget and fiscal summaries (fiscal appropriation, advanced by the higher level, special income, government-fund money) do not exceed that income line, each and together. Not every part is always listed, so only 'not more than' is checked. Example: Jiyuan 2023: general budget 6536.40 >= 6247.40 + 289.00.",
        what: "收支总表、财政拨款收支总表的收入栏中，编号收入项下的“其中：财政拨款”“上级提前下达”“专项收入”“政府性基金预算资金”等分项行，各自及合计都不超过所属的收入项（分项不一定列全，故只查不超过）。",
        why: "分项大于它所属的收入项，说明分项或收入项有一个数字错了。",
        example: "济源示范区医疗保障局 2023：一般公共预算 6536.40 ≥ 其中财政拨款 6247.40 + 上级提前下达 289.00。",
        basis: "表格定义（“其中”为包含关系）；勾稽关系目录 I-1 注。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let mut any = false;
    for kind in [TableKind::BudgetSummary, TableKind::FiscalSummary] {
        let Some(t) = cx.unit.table(kind) else {
            continue;
        };
        let Some(name_col) = t.column(Scope::Income, Role::Name) else {
            continue;
        };
        let Some(col) = money_cols(t, Scope::Income).first().copied() else {
            continue;
        };
        let side = Side { t, name_col, col };
        let mut parent: Option<&Row> = None;
        let mut parts: Vec<&Row> = Vec::new();
        for r in &t.rows {
            let label = fold_punct(r.text(name_col));
            if label.is_empty() {
                continue;
            }
            match classify(&label) {
                Line::Item => {
                    any |= side.flush(parent, &mut parts, out);
                    parent = Some(r);
                }
                Line::Other if parent.is_some() && r.cells.iter().any(|c| c.col == col) => {
                    parts.push(r)
                }
                Line::Other => {}
                _ => {
                    any |= side.flush(parent, &mut parts, out);
                    parent = None;
                }
            }
        }
        any |= side.flush(parent, &mut parts, out);
    }
    if any {
        Applies::Yes
    } else {
        Applies::No("收入栏没有“其中”分项".into())
    }
}

/// The income side of one summary table: its label and first money column.
struct Side<'a> {
    t: &'a Table,
    name_col: usize,
    col: usize,
}

impl Side<'_> {
    /// Checks the parts gathered under `parent` and clears them; true if any figure was stated.
    fn flush(&self, parent: Option<&Row>, parts: &mut Vec<&Row>, out: &mut Sink) -> bool {
        let mut stated = false;
        if let (Some(p), false) = (parent, parts.is_empty()) {
            let pf = fig(self.t, p, self.name_col, self.col);
            let figs: Vec<Fig> = parts
                .iter()
                .map(|r| fig(self.t, r, self.name_col, self.col))
                .collect();
            let sum_lo: Decimal = figs.iter().map(|f| f.interval().lo).sum();
            stated = pf.amount.is_some() || figs.iter().any(|f| f.amount.is_some());
            if sum_lo > pf.interval().hi {
                let total: Decimal = figs.iter().map(Fig::value).sum();
                let f = out
                    .finding(
                        format!(
                            "{}：“{}” {} 下的分项 {} = {}，超过了所属收入项",
                            self.t.title,
                            pf.label,
                            pf.printed(),
                            expr(&figs),
                            total
                        ),
                        format!(
                            "Sub-lines add up to {total}, more than their parent line {}",
                            pf.printed()
                        ),
                    )
                    .lines(std::iter::once(pf.line).chain(figs.iter().map(|f| f.line)))
                    .expected(format!("≤ {}", pf.printed()))
                    .actual(total.to_string());
                out.push(f);
            }
        }
        parts.clear();
        stated
    }
}

#[cfg(test)]
mod tests {
    use super::PartLines as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn sub_lines_within_their_parent() {
        silent_on_seeds(&Rule);
        // 上级提前下达 289.00 → 290.00: 6247.40 + 290.00 exceeds 一般公共预算 6536.40.
        let text = edit(&seed("001"), "上级提前下达\t289.00", "上级提前下达\t290.00");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "上级提前下达\t290.00"),
        );
    }
}
