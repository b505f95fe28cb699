//! This year's figure, the change, the rate and last year's figure the prose states agree.

use crate::amount::Interval;
use crate::facts::{Direction, Fact, FactUnit, Measure, Subject};
use crate::model::Unit;
use crate::rules::support::arith;
use crate::rules::support::prelude::*;
use crate::rules::support::stated::no_facts;
use rust_decimal::Decimal;

declare_rule! {
    /// 增减额、增减率与上年数自洽.
    pub ChangeArithmetic => check,
    RuleDoc {
        code: "TXT-008",
        family: Family::Text,
        severity: Severity::Error,
        title: "增减额、增减率与上年数自洽",
        title_en: "Year-on-year changes, rates and prior figures agree",
        doc_en: "Checks that the text's current figure, change on last year, change rate (%) and last year's figure for one matter agree: last year = current -/+ change, rate = change / last year x 100%, computed with intervals at the printed precision; 'unchanged' requires equal figures. Example: Jiyuan 2023: 6844.40, down 858.17, last year 7702.57, 858.17 / 7702.57 = 11.14%.",
        what: "说明中同一事项的本年数、比上年增减额、增减率（%）和上年数必须自洽：上年数 = 本年数 ∓ 增减额，增减率 = 增减额 ÷ 上年数 × 100%，按各数的印刷精度用区间计算；写“持平”时上年数必须等于本年数。",
        why: "增减率算错或增减方向写反，会误导读者对预算变化的判断。",
        example: "济源示范区医疗保障局 2023：6844.40 比上年减少 858.17，上年为 7702.57，858.17 ÷ 7702.57 = 11.14%。",
        basis: "勾稽关系目录 I-42（OBL-TREND-DIRECTION、OBL-TREND-ZERO-BASE）。",
    }
}

/// This year's amount a change is about: the nearest earlier statement of the subject in the
/// same paragraph (收支总计 falls back to 收入总计/支出总计).
fn current_for<'a>(unit: &'a Unit, change: &Fact) -> Option<&'a Fact> {
    let candidates: Vec<Subject> = match &change.subject {
        Subject::BudgetTotal => vec![
            Subject::BudgetTotal,
            Subject::IncomeTotal,
            Subject::ExpenditureTotal,
        ],
        s => vec![s.clone()],
    };
    unit.facts
        .iter()
        .filter(|f| {
            f.measure == Measure::Amount && f.value.is_some() && candidates.contains(&f.subject)
        })
        .filter(|f| {
            (f.paragraph == change.paragraph || f.paragraph + 1 == change.paragraph)
                && (f.line, f.col) < (change.line, change.col)
        })
        .max_by_key(|f| (f.line, f.col))
}

fn signed(f: &Fact) -> Option<Interval> {
    let iv = f.value?.interval();
    match f.direction {
        Some(Direction::Decrease) => Some(Interval {
            lo: -iv.hi,
            hi: -iv.lo,
        }),
        Some(Direction::Increase) => Some(iv),
        _ => None,
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let facts = &cx.unit.facts;
    let mut any = false;
    for (i, ch) in facts.iter().enumerate() {
        if ch.measure != Measure::Change
            || ch.unit != FactUnit::WanYuan
            || matches!(ch.subject, Subject::Item(_))
        {
            continue;
        }
        let Some(cur) = current_for(cx.unit, ch) else {
            continue;
        };
        let current = cur.value.map(|a| a.interval());
        let prior_fact = facts.iter().find(|f| {
            f.measure == Measure::Prior && f.subject == ch.subject && f.paragraph == ch.paragraph
        });
        let rate = facts[i + 1..].iter().take(2).find(|f| {
            f.measure == Measure::Rate && f.subject == ch.subject && f.paragraph == ch.paragraph
        });
        any = true;
        let (Some(current), delta) = (current, signed(ch)) else {
            continue;
        };
        let prior = match (delta, ch.direction) {
            (Some(d), _) => Interval {
                lo: current.lo - d.hi,
                hi: current.hi - d.lo,
            },
            (None, Some(Direction::Flat)) => current,
            _ => continue,
        };
        if let Some(p) = prior_fact.and_then(|p| p.value) {
            if !p.interval().intersects(prior) {
                let f = out
                    .finding(
                        format!(
                            "说明第{}行：本年 {} 与增减 {} 推出上年应为 {}，但说明写上年 {}",
                            ch.line,
                            cur.value.map_or("-".into(), |a| a.printed()),
                            ch.text,
                            prior,
                            p
                        ),
                        format!("Prior-year figure {p} contradicts this year's figure and the stated change (prior should lie in {prior})"),
                    )
                    .lines([cur.line, ch.line])
                    .expected(prior.to_string())
                    .actual(p.printed());
                out.push(f);
            }
        }
        if let (Some(r), Some(d)) = (rate.and_then(|r| r.value), ch.value) {
            if prior.lo <= Decimal::ZERO {
                continue;
            }
            if let Some(computed) = arith::ratio_percent(d.interval(), prior) {
                // A rate cut short rather than rounded (10.158 % printed 10.15 %) is a rounding
                // matter: worth a note, not an error.
                let truncated = Interval {
                    lo: r.value,
                    hi: r.value + r.half_step() * Decimal::from(2),
                };
                if !computed.intersects(r.interval()) && computed.intersects(truncated) {
                    let mid = (computed.lo + computed.hi) / Decimal::from(2);
                    let f = out
                        .finding(
                            format!(
                                "说明第{}行：增减额 {d} ÷ 上年 {} = {}%，所写增减率 {r}% 是截去尾数而非四舍五入（尾数差）",
                                ch.line,
                                prior,
                                mid.round_dp(3)
                            ),
                            format!(
                                "Change {d} over prior {prior} gives {}%; the stated {r}% cuts the digits off instead of rounding",
                                mid.round_dp(3)
                            ),
                        )
                        .severity(Severity::Info)
                        .lines([cur.line, ch.line])
                        .expected(format!("{}%", mid.round_dp(2)))
                        .actual(format!("{r}%"));
                    out.push(f);
                } else if !computed.intersects(r.interval()) {
                    let mid = (computed.lo + computed.hi) / Decimal::from(2);
                    let f = out
                        .finding(
                            format!(
                                "说明第{}行：增减额 {d} ÷ 上年 {} = {}%，与所写增减率 {r}% 不符",
                                ch.line,
                                prior,
                                mid.round_dp(2)
                            ),
                            format!(
                                "Change {d} over prior {prior} gives {}%, not the stated {r}%",
                                mid.round_dp(2)
                            ),
                        )
                        .lines([cur.line, ch.line])
                        .expected(format!("{}%", mid.round_dp(2)))
                        .actual(format!("{r}%"));
                    out.push(f);
                }
            }
        }
    }
    if any {
        Applies::Yes
    } else {
        no_facts("增减变化")
    }
}

#[cfg(test)]
mod tests {
    use super::ChangeArithmetic as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn rates_and_prior_figures() {
        silent_on_seeds(&Rule);
        let text = edit(&seed("001"), "下降 11.14%", "下降 12.14%");
        let f = assert_fires(&Rule, &text, Severity::Error, line_of(&text, "下降 12.14%"));
        assert!(f.message.contains("11.14"), "{}", f.message);
        // 与2023年预算2.8万元相比没有增减变化 — but this year is 2.9.
        let text = edit(
            &seed("000"),
            "与2023年预算2.8万元相比",
            "与2023年预算3.8万元相比",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "预算3.8万元相比"),
        );
    }
}
