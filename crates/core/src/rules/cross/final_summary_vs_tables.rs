//! Final accounts: the summary (收入支出决算总表) against the income and expenditure tables it
//! sums up.

use super::{class_rows, need};
use crate::rules::support::lookup::{strip_ordinal, summary_line};
use crate::rules::support::prelude::*;

declare_rule! {
    /// 收入支出决算总表与收入、支出决算表一致.
    pub FinalSummaryVsTables => check,
    RuleDoc {
        code: "XT-014",
        family: Family::Cross,
        severity: Severity::Error,
        title: "收入支出决算总表与收入、支出决算表一致",
        title_en: "The final accounts summary agrees with the income and expenditure tables",
        doc_en: "Final accounts: this year's income in the summary equals the income table's total, and each source (fiscal appropriations, superior subsidies, business, operating, affiliated units, other income) equals that table's column total; this year's expenditure equals the expenditure table's total, and each functional class on the summary's expenditure side equals the class row of the expenditure table. Example: Shanghai Putuo finance bureau 2024: other income 6.20 in the summary = 6.20 in the income table.",
        what: "部门决算：收入支出决算总表的本年收入合计等于收入决算表的合计，各项收入（财政拨款、上级补助、事业、经营、附属单位上缴、其他收入）等于收入决算表对应列的合计；本年支出合计等于支出决算表的合计，支出方各类支出等于支出决算表中同名的类。",
        why: "总表是收入、支出两张明细表的汇总，同一笔钱在两处数字不同，至少有一处抄错。",
        example: "上海市普陀区财政局 2024 年度决算：总表“八、其他收入”6.20 = 收入决算表“其他收入”合计 6.20；总表“一般公共服务支出”2106.66 = 支出决算表 201 类 2106.66。",
        basis: "财政部部门决算公开表式（收入支出决算总表、收入决算表、支出决算表）。",
    }
}

/// Income lines of the summary and the income table's column each one sums.
const SOURCES: [(&str, Role); 6] = [
    ("财政拨款", Role::FiscalAppropriation),
    ("上级补助", Role::SuperiorSubsidy),
    ("事业收入", Role::BusinessIncome),
    ("经营收入", Role::OperatingIncome),
    ("附属单位上缴", Role::AffiliatedRemit),
    ("其他收入", Role::OtherIncome),
];

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let [summary] = match need(cx, [TableKind::FinalSummary]) {
        Ok(v) => v,
        Err(a) => return a,
    };
    let income = table(cx.unit, TableKind::FinalIncome);
    let spending = table(cx.unit, TableKind::FinalExpenditure);
    if income.is_none() && spending.is_none() {
        return absent(cx.unit, TableKind::FinalIncome);
    }
    let mark = out.mark();
    if let Some(t) = income {
        let line = |p: &dyn Fn(&str) -> bool| summary_line(summary, Scope::Income, p);
        if let (Some(a), Some(b)) = (
            line(&|l| l.contains("本年收入")),
            table_total(t, Scope::Root, Role::Total),
        ) {
            out.equal("本年收入合计", &a, &b);
        }
        for (word, role) in SOURCES {
            let parts = summary_lines(summary, Scope::Income, word);
            if let (false, Some(b)) = (parts.is_empty(), table_total(t, Scope::Root, role)) {
                out.sum(&format!("收入决算表·{word}"), &b, &parts);
            }
        }
    }
    if let Some(t) = spending {
        let line = |p: &dyn Fn(&str) -> bool| summary_line(summary, Scope::Expenditure, p);
        if let (Some(a), Some(b)) = (
            line(&|l| l.contains("本年支出")),
            table_total(t, Scope::Root, Role::Total),
        ) {
            out.equal("本年支出合计", &a, &b);
        }
        if let Some(col) = t.column(Scope::Root, Role::Total) {
            for (name, row) in class_rows(t) {
                let fig =
                    line(&|l| l.starts_with(|c: char| !c.is_ascii()) && strip_ordinal(l) == name);
                if let Some(a) = fig {
                    out.equal(
                        &format!("{name}（类）"),
                        &a,
                        &cell(t, row, col, &format!("·{name}")),
                    );
                }
            }
        }
    }
    out.group_rounding(mark, "收入支出决算总表与收入、支出决算表");
    Applies::Yes
}

/// The figures of the side's item lines whose label holds `word` (一般公共预算财政拨款收入,
/// 政府性基金预算财政拨款收入 … for 财政拨款), totals left out.
fn summary_lines(t: &Table, scope: Scope, word: &str) -> Vec<Fig> {
    let Some(name_col) = t.column(scope, Role::Name) else {
        return Vec::new();
    };
    let Some(money) = t
        .columns
        .iter()
        .find(|c| c.scope == scope && c.role.is_money())
        .map(|c| c.index)
    else {
        return Vec::new();
    };
    t.rows
        .iter()
        .filter(|r| {
            let l = fold_punct(r.text(name_col));
            l.contains(word) && !l.contains("合计") && !l.contains("总计") && !l.starts_with("其中")
        })
        .map(|r| cell(t, r, money, &format!("·{}", compact(r.text(name_col)))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::FinalSummaryVsTables as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn summary_agrees_with_its_tables() {
        let doc = corpus("13");
        assert_silent(&Rule, &doc);
        silent_on_seeds(&Rule);
        // The income table's 其他收入 total no longer matches the summary.
        let anchor = "类\t款\t项\t合计\t2,946.25\t2,940.05\t\t\t\t\t6.20";
        let text = edit_line(&doc, anchor, "\t6.20", "\t6.30");
        assert_fires(&Rule, &text, Severity::Error, line_of(&text, "\t6.30"));
        // A class of the summary's expenditure side against the expenditure table.
        let text = edit_after(
            &doc,
            "收入支出决算总表",
            "九、卫生健康支出\t60.99",
            "九、卫生健康支出\t61.99",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_after(&text, "收入支出决算总表", "卫生健康支出\t61.99"),
        );
    }
}
