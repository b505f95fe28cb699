//! Final accounts' basic expenditure table: 人员经费合计 and 公用经费合计 sum its classes.

use crate::rules::support::prelude::*;

declare_rule! {
    /// 基本支出决算表人员经费、公用经费合计.
    pub FinalBasicTotals => check,
    RuleDoc {
        code: "BAL-008",
        family: Family::Balance,
        severity: Severity::Error,
        title: "基本支出决算表人员经费、公用经费合计",
        title_en: "Personnel and public expense totals of the final basic expenditure table",
        doc_en: "Final accounts: in the general-budget basic expenditure table, the personnel total equals the classes 301 (wages and welfare) and 303 (payments to individuals and families), and the public expense total equals the other economic classes (302 goods and services, 310 capital spending and the like). Each class against its sections is checked by TAB-002. Example: Shanghai Putuo finance bureau 2024: personnel 2152.26 = 2082.85 + 69.41; public expenses 184.65 = 171.07 + 13.58.",
        what: "部门决算的一般公共预算财政拨款基本支出决算表：人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助；公用经费合计 = 其余经济分类的类（302 商品和服务支出、310 资本性支出等）之和。类与其下各款的关系由 TAB-002 核对。",
        why: "人员经费和公用经费是说明里必讲的两个数，也是机关运行经费的来源；合计与所列科目不符，说明中的数字也就无从核对。",
        example: "上海市普陀区财政局 2024 年度决算：人员经费合计 2152.26 = 2082.85 + 69.41；公用经费合计 184.65 = 171.07 + 13.58。",
        basis: "财政部部门决算公开表式（一般公共预算财政拨款基本支出决算表）；《政府收支分类科目》支出经济分类。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let Some(t) = table(cx.unit, TableKind::FinalGeneralBudgetBasic) else {
        return absent(cx.unit, TableKind::FinalGeneralBudgetBasic);
    };
    let Some(money) = t
        .columns
        .iter()
        .find(|c| c.role.is_money())
        .map(|c| c.index)
    else {
        return Applies::No("基本支出决算表没有金额列".into());
    };
    let classes: Vec<&Row> = t
        .rows
        .iter()
        .filter(|r| {
            r.code
                .as_deref()
                .is_some_and(|c| c.len() == 3 && c.starts_with('3'))
        })
        .collect();
    let personnel = |r: &&Row| matches!(r.code.as_deref(), Some("301" | "303"));
    let mark = out.mark();
    let mut any = false;
    for (word, wanted) in [("人员经费", true), ("公用经费", false)] {
        let Some(total) = super::super::cross::expense_total(t, word) else {
            continue;
        };
        let parts: Vec<Fig> = classes
            .iter()
            .filter(|r| personnel(r) == wanted)
            .map(|r| {
                let label = format!(
                    "·{} {}",
                    r.code.as_deref().unwrap_or(""),
                    r.name.as_deref().unwrap_or("")
                );
                cell(t, r, money, &label)
            })
            .collect();
        if !parts.is_empty() {
            any = true;
            out.sum(&format!("{word}合计 = 所列各类之和"), &total, &parts);
        }
    }
    out.group_rounding(mark, &t.title);
    if any {
        Applies::Yes
    } else {
        Applies::No("基本支出决算表没有人员经费合计、公用经费合计行".into())
    }
}

#[cfg(test)]
mod tests {
    use super::FinalBasicTotals as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn totals_sum_the_classes() {
        let doc = corpus("13");
        assert_silent(&Rule, &doc);
        silent_on_seeds(&Rule);
        let text = edit(
            &doc,
            "人员经费合计\t\t\t2,152.26",
            "人员经费合计\t\t\t2,153.26",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "人员经费合计\t\t\t2,153.26"),
        );
        let text = edit(&doc, "310\t\t资本性支出\t13.58", "310\t\t资本性支出\t14.58");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "资本性支出\t14.58"),
        );
    }
}
