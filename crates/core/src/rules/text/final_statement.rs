//! Final accounts: the figures the 说明 states against the 决算 table each one is about.

use crate::facts::{Fact, Subject};
use crate::model::{DisclosureKind, Unit};
use crate::rules::cross::expense_total;
use crate::rules::support::lookup::summary_line;
use crate::rules::support::prelude::*;
use crate::rules::support::stated::{amounts, no_facts, stated};

declare_rule! {
    /// 决算说明与决算表一致.
    pub FinalStatement => check,
    RuleDoc {
        code: "TXT-013",
        family: Family::Text,
        severity: Severity::Error,
        title: "决算说明与决算表一致",
        title_en: "The final accounts statement agrees with the final tables",
        doc_en: "Final accounts: each figure the statement gives for a table total equals that table: the income and expenditure grand total and the fiscal appropriation grand total (summaries), this year's income and each source (income table), this year's expenditure, basic and project expenditure (expenditure table, or the general-budget table when the sentence speaks of it), general-budget appropriation spending, personnel and public expenses (basic expenditure table), and the 'three public' budget and actual figures. Example: Shanghai Putuo finance bureau 2024 states a fiscal appropriation grand total of 0.3 (ten thousand yuan) where its table shows 2961.68.",
        what: "部门决算说明中的数字与对应的决算表一致：收入支出总计、财政拨款收入支出总计（两张总表）；本年收入合计及各项收入（收入决算表）；本年支出合计、基本支出、项目支出（支出决算表；说一般公共预算时对一般公共预算财政拨款支出决算表）；一般公共预算财政拨款支出；人员经费、公用经费（基本支出决算表）；“三公”经费的预算数和决算数。",
        why: "说明是读者读懂决算的入口，数字与表不符，读者无从判断哪一个是真的。",
        example: "上海市普陀区财政局 2024 年度决算：说明“财政拨款收入支出总计0.3万元”，财政拨款收入支出决算总表的总计为 2961.68 万元。",
        basis: "《地方预决算公开操作规程》（财预〔2016〕143号）要求决算说明解释决算表；财政部部门决算公开说明模板。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    if cx.unit.kind != DisclosureKind::FinalAccounts {
        return Applies::No("不是决算".into());
    }
    let mark = out.mark();
    let mut any = false;
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for f in cx.unit.facts.iter() {
        if seen.contains(&(f.line, f.col)) || amounts(cx.unit, &f.subject).all(|g| g != f) {
            continue;
        }
        seen.push((f.line, f.col));
        let Some(target) = target_for(cx.unit, f) else {
            continue;
        };
        any = true;
        out.equal("决算说明与决算表", &stated(f), &target);
    }
    out.group_rounding(mark, "决算说明与决算表");
    if any {
        Applies::Yes
    } else {
        no_facts("决算表合计")
    }
}

/// The table figure a stated final-accounts figure is about, when the sentence says which.
fn target_for(unit: &Unit, f: &Fact) -> Option<Fig> {
    use Subject::*;
    let text = fold_punct(&f.text);
    let has = |w: &str| text.contains(w);
    // A budgeted figure (年初预算为 …) is not a table total of the 决算.
    let budgeted = has("预算为") || has("预算数");
    let t = |k| table(unit, k);
    let income_line =
        |k, p: &dyn Fn(&str) -> bool| t(k).and_then(|x| summary_line(x, Scope::Income, p));
    let income_role =
        |role| t(TableKind::FinalIncome).and_then(|x| table_total(x, Scope::Root, role));
    if has("三公") {
        let scope = if budgeted {
            Scope::Budgeted
        } else {
            Scope::Actual
        };
        let role = match f.subject {
            Abroad => Role::Abroad,
            Vehicle => Role::Vehicle,
            VehiclePurchase => Role::VehiclePurchase,
            VehicleOperation => Role::VehicleOperation,
            Reception => Role::Reception,
            _ => Role::ThreePublicTotal,
        };
        return t(TableKind::FinalThreePublic).and_then(|x| table_total(x, scope, role));
    }
    if budgeted {
        return None;
    }
    match &f.subject {
        _ if has("财政拨款收入支出总计") || has("财政拨款收支总计") => {
            income_line(TableKind::FinalFiscalSummary, &|l| l.contains("总计"))
        }
        _ if has("收入支出总计") || has("收支总计") => {
            income_line(TableKind::FinalSummary, &|l| l.contains("总计"))
        }
        IncomeTotal if has("本年收入") => {
            income_line(TableKind::FinalSummary, &|l| l.contains("本年收入"))
        }
        FiscalIncome => income_role(Role::FiscalAppropriation),
        BusinessIncome => income_role(Role::BusinessIncome),
        OperatingIncome => income_role(Role::OperatingIncome),
        SuperiorSubsidyIncome => income_role(Role::SuperiorSubsidy),
        AffiliatedRemitIncome => income_role(Role::AffiliatedRemit),
        OtherIncome => income_role(Role::OtherIncome),
        ExpenditureTotal if has("本年支出合计") => {
            t(TableKind::FinalExpenditure).and_then(|x| table_total(x, Scope::Root, Role::Total))
        }
        Basic | Project => {
            let role = if f.subject == Basic {
                Role::Basic
            } else {
                Role::Project
            };
            let kind = if has("一般公共预算") {
                TableKind::FinalGeneralBudgetExpenditure
            } else {
                TableKind::FinalExpenditure
            };
            t(kind).and_then(|x| table_total(x, Scope::Root, role))
        }
        FiscalExpenditure | GeneralBudget if has("一般公共预算财政拨款支出") => {
            t(TableKind::FinalGeneralBudgetExpenditure)
                .and_then(|x| table_total(x, Scope::Root, Role::Total))
        }
        Personnel => {
            t(TableKind::FinalGeneralBudgetBasic).and_then(|x| expense_total(x, "人员经费"))
        }
        Public => t(TableKind::FinalGeneralBudgetBasic).and_then(|x| expense_total(x, "公用经费")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::FinalStatement as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn statement_agrees_with_the_tables() {
        let doc = corpus("13");
        // The one figure of corpus 13 that disagrees: its fiscal appropriation grand total.
        let found = serious(&Rule, &doc);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0]
            .lines
            .contains(&line_of(&doc, "财政拨款收入支出总计0.3万元")));
        silent_on_seeds(&Rule);
        let fixed = edit(
            &doc,
            "财政拨款收入支出总计0.3万元",
            "财政拨款收入支出总计2961.68万元",
        );
        assert_silent(&Rule, &fixed);
        let text = edit(&fixed, "人员经费2152.26万元", "人员经费2152.62万元");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "人员经费2152.62万元"),
        );
        let text = edit(&fixed, "其他\n收入6.2万元", "其他\n收入6.4万元");
        assert_fires(&Rule, &text, Severity::Error, line_of(&text, "收入6.4万元"));
    }
}
