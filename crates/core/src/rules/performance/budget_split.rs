//! A project's budget equals its fiscal plus other funds.

use crate::rules::support::performance::{
    budget, check_form_sums, labelled_amount, short_title, FormSum,
};
use crate::rules::support::prelude::*;

declare_rule! {
    /// 绩效目标表预算数 = 财政资金 + 其他资金.
    pub BudgetSplit => check,
    RuleDoc {
        code: "PERF-002",
        family: Family::Performance,
        severity: Severity::Error,
        title: "绩效目标表预算数 = 财政资金 + 其他资金",
        title_en: "A project's budget equals fiscal plus other funds",
        doc_en: "Checks each project's budget scale: budget = fiscal funds + other funds (Shanghai's project form: total project funds = of which fiscal funds + other funds). Example: Xingtai 2024 'office rental': 70.00 = 70.00 + blank.",
        what: "项目绩效目标表“预算规模”一栏：预算数 = 其中财政资金 + 其他资金（上海“财政项目支出绩效目标填报表”：项目资金总额 = 其中：财政资金 + 其他资金）。",
        why: "资金来源的拆分与预算总数不符，说明项目预算的规模或来源填错。",
        example: "邢台市医疗保障局 2024“办公楼租赁经费”：70.00 = 70.00 + 空白。",
        basis: "项目绩效目标表的表格定义；勾稽关系目录 I-21。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    check_form_sums(
        cx,
        out,
        "绩效目标表预算数",
        "没有逐项目的绩效目标表",
        budget_split,
    )
}

/// 预算数 (项目资金总额) and its sources; a blank 其他资金 where the form leaves it out.
fn budget_split(t: &Table) -> Option<FormSum> {
    let (b, f) = (budget(t)?, labelled_amount(t, "其中:财政资金", "财政资金")?);
    let other = labelled_amount(t, "其他资金", "其他资金")
        .unwrap_or_else(|| Fig::new(None, b.line, "其他资金"));
    let what = format!("{}：预算数 = 财政资金 + 其他资金", short_title(t));
    Some((what, b, vec![f, other]))
}

#[cfg(test)]
mod tests {
    use super::BudgetSplit as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn budget_is_fiscal_plus_other() {
        for s in ["000", "002", "003"] {
            assert_silent(&Rule, &seed(s));
        }
        let text = edit(&seed("000"), "财政资金\t136.06", "财政资金\t130.06");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "财政资金\t130.06"),
        );
    }

    /// 上海's project forms: 项目资金总额 = 其中：财政资金 + 其他资金, on each of corpus 05's
    /// five forms (values two cells after their labels in the copy of merged cells).
    #[test]
    fn a_shanghai_forms_total_is_fiscal_plus_other() {
        let text = corpus("05");
        assert_silent(&Rule, &text);
        let marker = "项目名称\t\t就业援助基地补贴\t\t项目性质\t经常性项目\t项目类别\t特定目标类";
        let from = "其中：财政资金\t\t6,351,000.00";
        let text2 = edit_after(&text, marker, from, "其中：财政资金\t\t6,300,000.00");
        let f = assert_fires(
            &Rule,
            &text2,
            Severity::Error,
            line_after(&text, marker, from),
        );
        assert!(f.message.contains("就业援助基地补贴"), "{}", f.message);
        // The figures, and the intervals they stand for, in the form's own unit: 元.
        assert!(f.message.contains("6351000.00元"), "{}", f.message);
        assert!(
            f.message.contains("区间 [6350999.995, 6351000.005]元"),
            "{}",
            f.message
        );
    }
}
