//! Henan: each code of the operating-cost table does not exceed the same code of basic spending.

use super::need;
use crate::rules::support::lookup::code_sum;
use crate::rules::support::prelude::*;

declare_rule! {
    /// 机关运行经费不超过基本支出同科目.
    pub OperatingCostVsBasic => check,
    RuleDoc {
        code: "XT-011",
        family: Family::Cross,
        severity: Severity::Error,
        title: "机关运行经费不超过基本支出同科目",
        title_en: "Operating costs do not exceed basic spending code by code",
        doc_en: "Henan template: each economic code in the operating-cost table does not exceed the same code in the basic-expenditure table, because operating costs are part of basic spending. Example: Wen County 2024: 30231 official vehicle operation 5.00 <= basic 5.00.",
        what: "河南模板的机关（机构）运行经费表中每个经济分类科目的金额，不超过基本支出表同一科目的金额（运行经费是基本支出的一部分）。",
        why: "运行经费多于该科目的全部基本支出，说明运行经费表或基本支出表有一处错了。",
        example: "温县医疗保障局 2024：30231 公务用车运行维护费 5.00 ≤ 基本支出 5.00。",
        basis: "勾稽关系目录 I-35（观察到的模板口径）。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let [h4, t6] = match need(
        cx,
        [TableKind::OperatingCost, TableKind::GeneralBudgetBasic],
    ) {
        Ok(v) => v,
        Err(a) => return a,
    };
    let (Some(c4), Some(c6)) = (
        h4.column(Scope::Root, Role::Total),
        t6.column(Scope::Root, Role::Basic)
            .or_else(|| t6.column(Scope::Root, Role::Total)),
    ) else {
        return Applies::No("运行经费表或基本支出表没有金额列".into());
    };
    for r in h4.rows.iter().filter(|r| r.code.is_some()) {
        let code = r.code.as_deref().unwrap_or_default();
        let a = cell(h4, r, c4, &format!("·{code}"));
        let f = match code_sum(t6, code, c6) {
            Some(b) if a.value() > b.value() && !a.interval().intersects(b.interval()) => out
                .finding(
                    format!(
                        "机关运行经费 {code} {} 大于基本支出表同科目 {}",
                        a.printed(),
                        b.printed()
                    ),
                    format!(
                        "Operating cost {code} {} exceeds basic spending {}",
                        a.printed(),
                        b.printed()
                    ),
                )
                .lines([a.line, b.line])
                .expected(format!("≤ {}", b.printed()))
                .actual(a.printed()),
            None if a.amount.is_some_and(|x| !x.is_zero()) => out
                .finding(
                    format!(
                        "机关运行经费列有 {code} {}，基本支出表中没有这个科目",
                        a.printed()
                    ),
                    format!(
                        "Operating cost lists {code} {}, absent from basic spending",
                        a.printed()
                    ),
                )
                .line(a.line)
                .actual(a.printed()),
            _ => continue,
        };
        out.push(f);
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::OperatingCostVsBasic as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn operating_costs_within_basic_spending() {
        silent_on_seeds(&Rule);
        let row = "30231\t公务用车运行维护费\t\t5.00";
        let text = edit(&seed("004"), row, "30231\t公务用车运行维护费\t\t6.00");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "公务用车运行维护费\t\t6.00"),
        );
    }
}
