//! The budget summary (收支总表) against the fiscal appropriation summary (财政拨款收支总表).

use super::{is_carry_marker, need};
use crate::rules::support::lookup::{summary_line, summary_line_before};
use crate::rules::support::prelude::*;

declare_rule! {
    /// 收支总表与财政拨款收支总表一致.
    pub SummaryVsFiscal => check,
    RuleDoc {
        code: "XT-004",
        family: Family::Cross,
        severity: Severity::Error,
        title: "收支总表与财政拨款收支总表一致",
        title_en: "Budget summary agrees with the fiscal appropriation summary",
        doc_en: "Checks that the general-budget, government-fund and state-capital appropriation income in the budget summary each equal the same current-year income in the fiscal appropriation summary, and that the fiscal carry-over does not exceed the budget summary's carry-over. Both tables report the same appropriations. Example: Xingtai 2024: general-budget appropriation 1539.63 = fiscal summary '1. General public budget' 1539.63.",
        what: "收支总表中的一般公共预算、政府性基金、国有资本经营预算拨款收入，分别等于财政拨款收支总表的本年同项收入；财政拨款的年初结转结余不超过收支总表的上年结转结余。",
        why: "财政拨款收入在两张表里各列一次，数字不同说明至少一处抄错。",
        example: "邢台市医疗保障局 2024：一般公共预算拨款收入 1539.63 = 财政拨款收支总表“一、一般公共预算拨款” 1539.63。",
        basis: "勾稽关系目录 I-25、I-26（BUD-105）。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let [t1, t4] = match need(cx, [TableKind::BudgetSummary, TableKind::FiscalSummary]) {
        Ok(v) => v,
        Err(a) => return a,
    };
    let mark = out.mark();
    for (key, zh) in [
        ("一般公共预算", "一般公共预算"),
        ("政府性基金", "政府性基金预算"),
        ("国有资本经营", "国有资本经营预算"),
    ] {
        let pick =
            |l: &str| l.contains(key) && !l.starts_with("其中") && crate::layout::is_heading(l);
        let a = summary_line(t1, Scope::Income, &pick);
        let b = summary_line_before(t4, Scope::Income, &is_carry_marker, &pick);
        if let (Some(a), Some(b)) = (a, b) {
            out.equal(&format!("{zh}拨款收入"), &a, &b);
        }
    }
    let carry1 = summary_line(t1, Scope::Income, &|l| l.contains("上年结转"));
    let carry4 = summary_line(t4, Scope::Income, &|l| l.contains("结转"));
    if let (Some(a), Some(b)) = (carry1, carry4) {
        if b.value() > a.value() && !a.interval().intersects(b.interval()) {
            let f = out
                .finding(
                    format!(
                        "财政拨款年初结转结余 {} 大于收支总表上年结转结余 {}，后者应包含前者",
                        b.printed(),
                        a.printed()
                    ),
                    format!(
                        "Fiscal carry-over {} exceeds the total carry-over {}",
                        b.printed(),
                        a.printed()
                    ),
                )
                .lines([a.line, b.line])
                .expected(format!("≤ {}", a.printed()))
                .actual(b.printed());
            out.push(f);
        }
    }
    out.group_rounding(mark, "收支总表与财政拨款收支总表");
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::SummaryVsFiscal as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn appropriations_agree() {
        silent_on_seeds(&Rule);
        let row = "一、一般公共预算拨款\t1539.63\t一、一般公共服务支出";
        let text = edit(
            &seed("000"),
            row,
            "一、一般公共预算拨款\t1539.00\t一、一般公共服务支出",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "一般公共预算拨款\t1539.00"),
        );
    }
}
