//! Final accounts: a completion rate (完成年初预算的 98.20%) against the budget and the actual
//! figure its sentence gives.

use crate::model::DisclosureKind;
use crate::rules::support::arith::ratio_percent;
use crate::rules::support::prelude::*;
use crate::rules::support::prose::{figures_after, paragraphs};

declare_rule! {
    /// 完成预算的比例与所述两数一致.
    pub CompletionRate => check,
    RuleDoc {
        code: "TXT-014",
        family: Family::Text,
        severity: Severity::Error,
        title: "完成预算的比例与所述两数一致",
        title_en: "A completion rate agrees with the two figures it compares",
        doc_en: "Final accounts: where a sentence gives a budget A, the actual spending B and the share of the budget it completed, C%, C must be B / A within the rounding of all three. Example: Shanghai Putuo finance bureau 2024: budget 2993.92, actual 2940.05, completed 98.20% (2940.05 / 2993.92 = 98.20%).",
        what: "部门决算说明中，一句话给出年初预算数 A、决算数 B 和“完成（年初）预算的 C%”时，C 应等于 B ÷ A（三数各按印出的位数取整后的区间相交即可）。",
        why: "完成率是读者最先看的数，它和前面两个数对不上，说明三者至少有一个写错。",
        example: "上海市普陀区财政局 2024 年度决算：“年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%”，2940.05 ÷ 2993.92 = 98.20%。",
        basis: "财政部部门决算说明模板（决算数与年初预算数的比较）；舍入按区间（规则参考 §4）。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    if cx.unit.kind != DisclosureKind::FinalAccounts {
        return Applies::No("不是决算".into());
    }
    let mut any = false;
    for para in paragraphs(cx) {
        for (rate_at, rate) in figures_after(
            &para.text,
            &[
                "完成年初预算的",
                "完成全年预算的",
                "完成预算的",
                "完成调整预算的",
            ],
        ) {
            let start = para.text[..rate_at]
                .iter()
                .rposition(|&c| c == '。')
                .map_or(0, |i| i + 1);
            let sentence = &para.text[start..rate_at];
            let budget = figures_after(sentence, &["预算为", "预算数为"])
                .into_iter()
                .next();
            let actual = figures_after(sentence, &["决算为", "决算数为"])
                .into_iter()
                .next();
            let (Some((_, budget)), Some((_, actual))) = (budget, actual) else {
                continue;
            };
            any = true;
            let Some(ratio) = ratio_percent(actual.interval(), budget.interval()) else {
                continue;
            };
            if ratio.intersects(rate.interval()) {
                continue;
            }
            let line = para.line_at(rate_at);
            let f = out
                .finding(
                    format!(
                        "说明第{line}行：{} ÷ {} = {}%，与所写完成比例 {}% 不符",
                        actual.printed(),
                        budget.printed(),
                        ratio,
                        rate.printed()
                    ),
                    format!(
                        "Line {line}: {} / {} is {ratio}%, the statement says {}%",
                        actual.printed(),
                        budget.printed(),
                        rate.printed()
                    ),
                )
                .lines([para.line_at(start), line])
                .expected(format!("{ratio}%"))
                .actual(format!("{}%", rate.printed()));
            out.push(f);
        }
    }
    if any {
        Applies::Yes
    } else {
        Applies::No("说明中没有给出完成预算比例的句子".into())
    }
}

#[cfg(test)]
mod tests {
    use super::CompletionRate as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn rate_agrees_with_its_figures() {
        let doc = corpus("13");
        assert_silent(&Rule, &doc);
        silent_on_seeds(&Rule);
        let text = edit(&doc, "年初预算的98.20%", "年初预算的97.20%");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "年初预算的97.20%"),
        );
        // The budget figure of the same sentence changed: the printed rate no longer follows.
        let text = edit(&doc, "年初预算为2993.92万元", "年初预算为2893.92万元");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "年初预算的98.20%"),
        );
    }
}
