//! A rate of change stated against a base of zero (上年为 0, or a change as large as the figure
//! itself): no rate can be computed.

use super::year_on_year::comparisons;
use crate::facts::{Direction, Fact, Measure};
use crate::rules::support::prelude::*;

declare_rule! {
    /// 增长率不以零为基数.
    pub RateOnZeroBase => check,
    RuleDoc {
        code: "TXT-016",
        family: Family::Text,
        severity: Severity::Warning,
        title: "增长率不以零为基数",
        title_en: "No rate of change against a base of zero",
        doc_en: "Finds a growth rate the statement gives for a matter whose figure for the year before was zero: stated as zero in the same sentence, or implied when the increase equals this year's figure. A change from nothing has no rate; the sentence should say the item is new. Example: 'reception 0.50, up 0.50 on last year, an increase of 100%'.",
        what: "说明对某事项给出了增长率，而同一句中该事项上年数为零（写明为 0，或增加额等于本年数）：以零为基数无法计算增长率，应说明为新增。",
        why: "以零为基数的百分比没有意义，往往是套用模板句式填出的数字。",
        example: "“公务接待费0.50万元，比上年增加0.50万元，增长100%”。",
        basis: "增长率 = 增减额 ÷ 上年数；预决算公开检查的文字质量项（模板用语）。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let facts = &cx.unit.facts;
    let mut any = false;
    for rate in facts.iter().filter(|f| f.measure == Measure::Rate) {
        let Some(value) = rate.value.filter(|v| !v.is_zero()) else {
            continue;
        };
        let near = |m: Measure| {
            facts.iter().find(|f| {
                f.measure == m && f.subject == rate.subject && f.sentence == rate.sentence
            })
        };
        let prior_zero = near(Measure::Prior)
            .and_then(|f| f.value)
            .is_some_and(|v| v.is_zero());
        let from_nothing = match (near(Measure::Amount), near(Measure::Change)) {
            (Some(a), Some(c)) => rises(c) && same(a, c),
            _ => false,
        };
        any |= near(Measure::Prior).is_some() || near(Measure::Change).is_some();
        if !(prior_zero || from_nothing) {
            continue;
        }
        let f = out
            .finding(
                format!(
                    "第{}行给出增长率 {}%，而上年数为零（{}），以零为基数无法计算增长率",
                    rate.line,
                    value.printed(),
                    rate.text
                ),
                format!(
                    "Line {}: a rate of {}% on a base of zero",
                    rate.line,
                    value.printed()
                ),
            )
            .line(rate.line)
            .actual(format!("{}%", value.printed()));
        out.push(f);
    }
    // Sentences giving both years' figures (`2022年…为0万元，2023年…0.31万元，比2022年…增加100.00%`).
    for (c, _, line) in comparisons(cx) {
        any = true;
        if c.earlier.is_zero() && !c.rate.is_zero() {
            let f = out
                .finding(
                    format!(
                        "说明第{line}行给出增长率 {}%，而上年数为零（由 {} 到 {}），以零为基数无法计算增长率",
                        c.rate.printed(),
                        c.earlier.printed(),
                        c.later.printed()
                    ),
                    format!("Line {line}: a rate of {}% on a base of zero", c.rate.printed()),
                )
                .line(line)
                .actual(format!("{}%", c.rate.printed()));
            out.push(f);
        }
    }
    if any {
        Applies::Yes
    } else {
        Applies::No("说明中没有与上年比较的增长率".into())
    }
}

fn rises(change: &Fact) -> bool {
    change.direction != Some(Direction::Decrease)
}

/// This year's figure equals the increase, exactly: last year's was zero.
fn same(amount: &Fact, change: &Fact) -> bool {
    matches!((amount.value, change.value), (Some(a), Some(c)) if a.value == c.value && !a.is_zero())
}

#[cfg(test)]
mod tests {
    use super::RateOnZeroBase as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn no_rate_from_nothing() {
        silent_on_seeds(&Rule);
        for id in CORPUS.iter().filter(|id| **id != "05") {
            assert_silent(&Rule, &corpus(id));
        }
        // Corpus 05 (its PDF reads the same), twice: "2022年当年预算执行数为0万元，2023年预算安排
        // 60.13万元 (0.31万元)，比2022年预算执行数增加100.00%" — rates on a base of zero.
        let doc05 = corpus("05");
        assert_fires(
            &Rule,
            &doc05,
            Severity::Warning,
            line_of(&doc05, "2023年预算安排60.13万元"),
        );
        assert_fires(
            &Rule,
            &doc05,
            Severity::Warning,
            line_of(&doc05, "执行数为0万元，2023年预算安排0.31万元"),
        );
        assert_eq!(serious(&Rule, &doc05).len(), 2);
        // Corpus 13's 机关运行经费 sentence made to grow from nothing.
        let doc = corpus("13");
        let text = edit(
            &doc,
            "机关运行经费支出184.65万元",
            "机关运行经费支出2.55万元",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "机关运行经费支出2.55万元"),
        );
    }
}
