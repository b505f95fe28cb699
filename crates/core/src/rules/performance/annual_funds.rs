//! A project's funds requested for the year equal their sources: this year's appropriation,
//! last year's carry-over and other funds.

use crate::rules::support::performance::{
    check_form_sums, labelled_amount, labelled_amounts, short_title, FormSum,
};
use crate::rules::support::prelude::*;

declare_rule! {
    /// 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金.
    pub AnnualFunds => check,
    RuleDoc {
        code: "PERF-004",
        family: Family::Performance,
        severity: Severity::Error,
        title: "年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金",
        title_en: "Funds requested for the year equal this year's appropriation, carry-over and other funds",
        doc_en: "Checks the year's side of a project form (Shanghai's project performance target form): funds requested for the year = of which this year's appropriation + last year's carry-over + other funds. The form prints 'other funds' on both its sides; the year's is the second. A part larger than the total it belongs to means one of them was copied wrong. Example: Putuo Wanli subdistrict 2023, the project 'public service facilities operation': requested 10,903,043.00 against this year's appropriation 11,419,043.00 + carry-over 0.00 + other 0.00.",
        what: "项目绩效目标填报表的年度资金一栏：年度资金申请总额 = 其中：当年财政拨款 + 上年结转资金 + 其他资金（表中左右两栏各有一个“其他资金”，年度一栏的是第二个）。",
        why: "年度申请的资金与其来源之和不符（如“其中”一项大于总额），说明总额或来源有一处填错，项目当年的预算规模无从确定。",
        example: "上海市普陀区万里街道 2023“公共服务设施运行经费”：年度资金申请总额 10,903,043.00，其中当年财政拨款 11,419,043.00、上年结转资金 0.00、其他资金 0.00，合计 11,419,043.00。",
        basis: "上海市财政项目支出绩效目标填报表的表格定义（年度资金申请总额及其来源）。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    check_form_sums(
        cx,
        out,
        "年度资金申请总额",
        "没有列出年度资金申请总额及其来源的绩效目标表",
        year_funds,
    )
}

/// 年度资金申请总额 and its three sources, where the form states them all: the year's
/// 其他资金 is the second printed.
fn year_funds(t: &Table) -> Option<FormSum> {
    let requested = labelled_amount(t, "年度资金申请总额", "年度资金申请总额")?;
    let appropriation = labelled_amount(t, "其中:当年财政拨款", "当年财政拨款")?;
    let carried = labelled_amount(t, "上年结转资金", "上年结转资金")?;
    let others = labelled_amounts(t, "其他资金", "其他资金");
    let [_, Some(other)] = others.as_slice() else {
        return None;
    };
    let what = format!(
        "{}：年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金",
        short_title(t)
    );
    Some((what, requested, vec![appropriation, carried, other.clone()]))
}

#[cfg(test)]
mod tests {
    use super::AnnualFunds as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    /// Corpus 05 (上海 万里街道 2023) prints five project forms; the last requests
    /// 10,903,043.00 for the year against this year's appropriation of 11,419,043.00 (its PDF
    /// prints the same): a part above its total. The other four hold.
    #[test]
    fn the_years_funds_add_up_to_their_sources() {
        let text = corpus("05");
        let f = assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "\t11,419,043.00"),
        );
        assert!(f.message.contains("公共服务设施运行经费"), "{}", f.message);
        assert_eq!(serious(&Rule, &text).len(), 1);
        // Printed as the project total, the form holds and the rule is silent.
        let mended = edit(&text, "11,419,043.00", "10,903,043.00");
        assert_silent(&Rule, &mended);
        // A carry-over on the second form that breaks its sum.
        let marker = "项目名称\t\t就业援助基地补贴\t\t项目性质\t经常性项目\t项目类别\t特定目标类";
        let from = "上年结转资金\t\t0.00";
        let broken = edit_after(&mended, marker, from, "上年结转资金\t\t5,000.00");
        assert_fires(
            &Rule,
            &broken,
            Severity::Error,
            line_after(&mended, marker, from),
        );
    }

    /// Forms without the year's side (河北's 预算数 forms) are not this rule's.
    #[test]
    fn forms_without_the_years_funds_are_not_checked() {
        silent_on_seeds(&Rule);
        let doc = crate::parse_bytes(seed("000").as_bytes()).expect("decodes");
        let cx = crate::rules::Cx {
            lines: &doc.lines,
            unit: &doc.units[0],
        };
        let (status, _) = crate::rules::apply(&Rule, &cx);
        assert!(
            matches!(status, crate::rules::Status::NotApplicable(_)),
            "{status:?}"
        );
    }
}
