//! The budget summary (收支总表) against the expenditure summary (支出总表), in total and class by class.

use super::need;
use crate::amount::Amount;
use crate::classification::functional_class;
use crate::rules::support::lookup::{self, summary_line};
use crate::rules::support::prelude::*;
use rust_decimal::Decimal;

declare_rule! {
    /// 收支总表与支出总表一致.
    pub SummaryVsExpenditure => check,
    RuleDoc {
        code: "XT-002",
        family: Family::Cross,
        severity: Severity::Error,
        title: "收支总表与支出总表一致",
        title_en: "Budget summary agrees with the expenditure summary",
        doc_en: "Checks that the budget summary's current-year expenditure equals the expenditure summary's total, and that each functional class in the budget summary equals that class's total in the expenditure summary (matched by name in Hebei; in Henan by the row number = class code minus 200, summing the class's items). A class that differs between the tables means one of them is wrong. Example: Wen County 2024: 'Social security and employment 48.28' = class 208 items 43.71 + 4.57.",
        what: "收支总表的本年支出合计 = 支出总表合计；收支总表每个功能分类“类”的支出 = 支出总表该类的合计（河北按类名对应；河南按序号 = 科目编码 − 200 对应，并汇总该类下的各项）。",
        why: "收支总表的支出栏是支出总表按类的汇总，二者不一致说明某类支出漏列、错列或金额错误。",
        example: "温县医疗保障局 2024：收支总表“八、社会保障和就业 48.28” = 支出预算表 208 类各项之和 43.71 + 4.57。",
        basis: "勾稽关系目录 I-23（OBL-CROSS-T1-T3）；河南序号规则见规则参考 §1.2。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let [t1, t3] = match need(
        cx,
        [TableKind::BudgetSummary, TableKind::ExpenditureSummary],
    ) {
        Ok(v) => v,
        Err(a) => return a,
    };
    let mark = out.mark();
    let this_year = summary_line(t1, Scope::Expenditure, &|l| {
        l.contains("本年支出") || l.contains("当年支出")
    })
    // Without carry-over lines the side's grand total is this year's spending.
    .or_else(|| {
        let carry = summary_line(t1, Scope::Expenditure, &|l| l.contains("结转")).is_some();
        (!carry)
            .then(|| summary_line(t1, Scope::Expenditure, &|l| super::is_grand(l)))
            .flatten()
    });
    if let (Some(a), Some(b)) = (this_year, table_total(t3, Scope::Root, Role::Total)) {
        out.equal("本年支出合计与支出总表合计", &a, &b);
    }
    // An expenditure summary without functional classes (Jiangsu: one line by use) has no
    // class to compare.
    if !t3
        .rows
        .iter()
        .any(|r| r.code.as_ref().is_some_and(|c| c.starts_with('2')))
    {
        out.group_rounding(mark, "收支总表与支出总表");
        return Applies::Yes;
    }
    let (Some(name_col), Some(t1_col), Some(t3_col)) = (
        t1.column(Scope::Expenditure, Role::Name),
        t1.columns
            .iter()
            .find(|c| c.scope == Scope::Expenditure && c.role.is_money())
            .map(|c| c.index),
        t3.column(Scope::Root, Role::Total),
    ) else {
        return Applies::Yes;
    };
    for r in &t1.rows {
        let label = r.text(name_col);
        let Some(n) = lookup::ordinal(label) else {
            continue;
        };
        let class_name = lookup::strip_ordinal(label);
        let a = cell(t1, r, t1_col, &format!("·{}", compact(label)));
        let b = class_in_expenditure(cx, t3, t3_col, &class_name, n);
        match b {
            Some(b) => {
                out.equal(&format!("{}与支出总表", compact(label)), &a, &b);
            }
            None if a.amount.is_some_and(|x| !x.is_zero()) => {
                let f = out
                    .finding(
                        format!(
                            "收支总表列有“{}” {}，支出总表中没有该类的支出",
                            compact(label),
                            a.printed()
                        ),
                        format!(
                            "The budget summary lists {} for class {}, which the expenditure summary does not have",
                            a.printed(),
                            class_name
                        ),
                    )
                    .line(a.line)
                    .actual(a.printed());
                out.push(f);
            }
            None => {}
        }
    }
    out.group_rounding(mark, "收支总表与支出总表");
    Applies::Yes
}

/// The expenditure summary's figure for a class of the budget summary. Hebei: the class row, by
/// name. Henan: the class code is 200 + the ordinal, and its items are summed.
fn class_in_expenditure(cx: &Cx, t3: &Table, col: usize, class_name: &str, n: u32) -> Option<Fig> {
    // The class's code from its name in the classification (a former name included).
    let code = functional_class(class_name, cx.unit.year).map(|(c, _)| c.to_string());
    let by_name = t3.rows.iter().find(|x| {
        x.code.as_ref().is_some_and(|c| c.len() == 3)
            && (x
                .name
                .as_deref()
                .map(fold_punct)
                .is_some_and(|nm| nm.starts_with(class_name) || class_name.starts_with(&nm))
                || x.code == code)
    });
    if let Some(x) = by_name {
        return Some(cell(
            t3,
            x,
            col,
            &format!(
                "·{} {}",
                x.code.clone().unwrap_or_default(),
                x.name.clone().unwrap_or_default()
            ),
        ));
    }
    if !cx.unit.conventions().summary_ordinal_is_class {
        return None;
    }
    let prefix = (200 + n).to_string();
    let rows: Vec<&Row> = t3
        .rows
        .iter()
        .filter(|x| {
            x.code
                .as_ref()
                .is_some_and(|c| c.len() == 7 && c.starts_with(&prefix))
        })
        .collect();
    let first = rows.first()?;
    let value: Decimal = rows.iter().map(|x| cell(t3, x, col, "").value()).sum();
    Some(Fig::new(
        Some(Amount::new(value, 2)),
        first.line,
        format!("支出总表·{prefix} 类各项之和"),
    ))
}

#[cfg(test)]
mod tests {
    use super::SummaryVsExpenditure as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn by_name_and_by_henan_ordinal() {
        silent_on_seeds(&Rule);
        let row = "10\t\t\t十、卫生健康支出\t1890.26";
        let text = edit_after(
            &seed("000"),
            "部门预算收支总表",
            row,
            "10\t\t\t十、卫生健康支出\t1880.26",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "卫生健康支出\t1880.26"),
        );
        // Henan 八、社会保障和就业 = 208 类 (200 + 8).
        let text = edit(
            &seed("004"),
            "八、社会保障和就业\t48.28",
            "八、社会保障和就业\t48.00",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "社会保障和就业\t48.00"),
        );
    }
}
