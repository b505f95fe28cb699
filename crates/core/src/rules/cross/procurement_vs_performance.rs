//! The project budget quoted on each procurement line against that project's performance table.

use crate::rules::support::performance::{budget, project_name};
use crate::rules::support::prelude::*;
use std::collections::HashSet;

declare_rule! {
    /// 政府采购项目预算与绩效目标表一致.
    pub ProcurementVsPerformance => check,
    RuleDoc {
        code: "XT-012",
        family: Family::Cross,
        severity: Severity::Error,
        title: "政府采购项目预算与绩效目标表一致",
        title_en: "Procurement project budgets agree with the performance tables",
        doc_en: "Checks that the project budget on each row of the procurement table equals that project's budget in its performance-target table (matched by project name; non-project sources such as public expenses are skipped). The two tables describe the same project money. Example: Xingtai 2024: office rental 70.00 = performance table 70.00.",
        what: "政府采购预算表每一行列出的项目“预算资金”，等于该项目绩效目标表的预算数（按项目名称对应；公用经费等非项目来源不核对）。",
        why: "同一项目在两处列出的预算规模不同，说明采购表或绩效表有一处抄错。",
        example: "邢台市医疗保障局 2024：办公楼租赁经费 70.00 = 绩效目标表预算数 70.00。",
        basis: "勾稽关系目录 I-37（观察到的模板口径）。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let Some(pg) = table(cx.unit, TableKind::Procurement) else {
        return absent(cx.unit, TableKind::Procurement);
    };
    let targets: Vec<(String, Fig)> = cx
        .unit
        .tables_of(TableKind::ProjectPerformance)
        .filter(|t| t.key_value)
        .filter_map(|t| Some((fold_punct(&project_name(t)?), budget(t)?)))
        .collect();
    if targets.is_empty() {
        return Applies::No("没有逐项目的绩效目标表".into());
    }
    let (Some(name_col), Some(budget_col)) = (
        pg.column(Scope::Root, Role::Name),
        pg.column_any(Role::ProjectBudget),
    ) else {
        return Applies::No("政府采购表没有项目名称或预算资金列".into());
    };
    let mut seen = HashSet::new();
    for r in &pg.rows {
        let name = compact(r.text(name_col));
        if name.is_empty() || !seen.insert(name.clone()) {
            continue;
        }
        let folded = fold_punct(&name);
        let Some((_, target)) = targets.iter().find(|(n, _)| *n == folded) else {
            continue;
        };
        let a = cell(pg, r, budget_col, &format!("·{name}·预算资金"));
        out.equal(&format!("项目“{name}”的预算"), &a, target);
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::ProcurementVsPerformance as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn project_budgets_agree() {
        silent_on_seeds(&Rule);
        let text = edit(
            &seed("000"),
            "办公楼租赁经费\t70.00",
            "办公楼租赁经费\t75.00",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "办公楼租赁经费\t75.00"),
        );
    }
}
