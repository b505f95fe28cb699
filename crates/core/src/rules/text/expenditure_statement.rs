//! The spending figures the prose states against the table each one is about.

use crate::facts::{Fact, Subject};
use crate::model::Unit;
use crate::rules::support::arith::{self, Comparison};
use crate::rules::support::lookup::summary_line;
use crate::rules::support::prelude::*;
use crate::rules::support::stated::{amounts, no_facts, stated};

declare_rule! {
    /// 支出说明与支出表一致.
    pub ExpenditureStatement => check,
    RuleDoc {
        code: "TXT-002",
        family: Family::Text,
        severity: Severity::Error,
        title: "支出说明与支出表一致",
        title_en: "The expenditure statement agrees with the spending tables",
        doc_en: "Checks that the spending figures in the text (grand total, basic, project, personnel, public expenses, general-budget, fund and state-capital spending, spending under performance management) equal the matching table: the general-budget table when the sentence is about the general budget, the basic-expenditure table for personnel and public expenses, otherwise the budget and expenditure summaries. Example: Jiyuan 2023: 'general budget ... project spending 3216.10' is checked against the general-budget table's 3216.10.",
        what: "情况说明所列的支出总计、基本支出、项目支出、人员经费、（日常）公用经费、一般公共预算支出、政府性基金和国有资本经营预算支出、纳入绩效管理的支出总额，与对应表格相等：说一般公共预算时对一般公共预算支出表，说人员经费和公用经费时对基本支出表，否则对收支总表和支出总表。",
        why: "说明中的支出结构是对表格的解读，数字不一致说明解读或表格有一处出错。",
        example: "济源示范区医疗保障局 2023：“一般公共预算支出……项目支出 3216.10 万元”对一般公共预算支出表的项目支出 3216.10；“支出合计……项目支出 3524.10 万元”对支出预算表。",
        basis: "勾稽关系目录 I-41（C-003）。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    use Subject::*;
    let mut any = false;
    let mark = out.mark();
    let subjects = [
        ExpenditureTotal,
        BudgetTotal,
        Basic,
        Project,
        Personnel,
        Public,
        GeneralBudgetBasic,
        GeneralBudget,
        GovFund,
        StateCapital,
        PerformanceTotal,
        DisclosedProjectBudget,
    ];
    for subject in &subjects {
        for f in amounts(cx.unit, subject) {
            let targets = target_for(cx.unit, f);
            if targets.is_empty() {
                continue;
            }
            any = true;
            let s = stated(f);
            // Either reading of 一般公共预算/基金 (本年支出 or 收支总计) will do; report the first.
            let verdicts: Vec<Option<Comparison>> =
                targets.iter().map(|t| arith::equal(&s, t)).collect();
            if verdicts
                .iter()
                .flatten()
                .any(|c| c.verdict == Verdict::Exact)
            {
                continue;
            }
            let rounding = verdicts.iter().zip(&targets).find_map(|(c, t)| {
                c.as_ref()
                    .filter(|c| c.verdict == Verdict::Rounding)
                    .map(|c| (c, t))
            });
            let shown = rounding.or_else(|| Some((verdicts.first()?.as_ref()?, targets.first()?)));
            if let Some((c, t)) = shown {
                out.comparison(c, "支出说明与表格", &s, std::slice::from_ref(t));
            }
        }
    }
    out.group_rounding(mark, "支出说明与表格");
    if any {
        Applies::Yes
    } else {
        no_facts("支出")
    }
}

/// The table figures a stated spending figure may stand for.
fn target_for(unit: &Unit, f: &Fact) -> Vec<Fig> {
    use Subject::*;
    let t = |k| table(unit, k);
    let general = matches!(f.topic, Some(GeneralBudget));
    let mut out = Vec::new();
    match &f.subject {
        ExpenditureTotal => out.extend(
            t(TableKind::BudgetSummary)
                .and_then(|t1| summary_line(t1, Scope::Expenditure, &|l| l.contains("总计"))),
        ),
        BudgetTotal => out.extend(
            t(TableKind::BudgetSummary)
                .and_then(|t1| summary_line(t1, Scope::Income, &|l| l.contains("总计"))),
        ),
        Basic | Project => {
            let role = if f.subject == Basic {
                Role::Basic
            } else {
                Role::Project
            };
            let kind = if general {
                TableKind::GeneralBudgetExpenditure
            } else {
                TableKind::ExpenditureSummary
            };
            out.extend(t(kind).and_then(|x| table_total(x, Scope::Root, role)));
        }
        Personnel | Public => {
            let role = if f.subject == Personnel {
                Role::Personnel
            } else {
                Role::Public
            };
            out.extend(
                t(TableKind::GeneralBudgetBasic).and_then(|x| table_total(x, Scope::Root, role)),
            );
        }
        GeneralBudgetBasic => out.extend(t(TableKind::GeneralBudgetBasic).and_then(|x| {
            table_total(x, Scope::Root, Role::Basic)
                .or_else(|| table_total(x, Scope::Root, Role::Total))
        })),
        GeneralBudget => {
            out.extend(
                t(TableKind::GeneralBudgetExpenditure)
                    .and_then(|x| table_total(x, Scope::Root, Role::Total)),
            );
            out.extend(fiscal_column(unit, Role::GeneralBudget));
        }
        GovFund => {
            out.extend(
                t(TableKind::GovFundExpenditure)
                    .and_then(|x| table_total(x, Scope::Root, Role::Total)),
            );
            out.extend(fiscal_column(unit, Role::GovFund));
        }
        StateCapital => {
            out.extend(
                t(TableKind::StateCapitalExpenditure)
                    .and_then(|x| table_total(x, Scope::Root, Role::Total)),
            );
            out.extend(fiscal_column(unit, Role::StateCapital));
        }
        PerformanceTotal => out.extend(
            t(TableKind::ExpenditureSummary).and_then(|x| table_total(x, Scope::Root, Role::Total)),
        ),
        DisclosedProjectBudget => out.extend(
            t(TableKind::ExpenditureSummary)
                .and_then(|x| table_total(x, Scope::Root, Role::Project)),
        ),
        _ => {}
    }
    out
}

/// The fiscal summary's 支出总计 in one fund column.
fn fiscal_column(unit: &Unit, role: Role) -> Option<Fig> {
    let t4 = table(unit, TableKind::FiscalSummary)?;
    let col = t4.column(Scope::Expenditure, role)?;
    let name = t4.column(Scope::Expenditure, Role::Name)?;
    let r = t4.rows.iter().find(|r| {
        let l = fold_punct(r.text(name));
        l.contains("总计") || l == "支出合计" || l.contains("本年支出")
    })?;
    Some(cell(t4, r, col, "·支出合计"))
}

#[cfg(test)]
mod tests {
    use super::ExpenditureStatement as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn routes_to_the_right_table() {
        silent_on_seeds(&Rule);
        let text = edit(&seed("000"), "项目支出902.63万元", "项目支出902.00万元");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "项目支出902.00万元"),
        );
        // This sentence of seed 001 speaks of 一般公共预算: 3216.10 is checked against that table.
        let text = edit(
            &seed("001"),
            "项目支出 3216.10 万元",
            "项目支出 3524.10 万元",
        );
        let line = line_of(&text, "项目支出 3524.10 万元，占 49.20%");
        assert_fires(&Rule, &text, Severity::Error, line);
    }
}
