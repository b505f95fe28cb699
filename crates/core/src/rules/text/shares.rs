//! Each share the prose states equals its amount over its total; shares in a sentence fit in 100%.

use crate::amount::Interval;
use crate::facts::{Measure, Subject};
use crate::rules::support::arith;
use crate::rules::support::prelude::*;
use crate::rules::support::stated::no_facts;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

declare_rule! {
    /// 占比与金额相符.
    pub SharesMatch => check,
    RuleDoc {
        code: "TXT-010",
        family: Family::Text,
        severity: Severity::Error,
        title: "占比与金额相符",
        title_en: "Shares agree with the amounts",
        doc_en: "Checks that each share ('x% of') in the text equals the amount divided by its total x 100% (with intervals), and that complementary shares in one sentence add up to 100%. Example: Jiyuan 2023: basic 3320.30 / 6844.40 = 48.51%, project 51.49%, together 100%.",
        what: "说明中“占 x%”的占比 = 该项金额 ÷ 所属总额 × 100%（区间计算），同一句中互补的占比之和为 100%。",
        why: "占比是金额的另一种写法，算错会让读者误判支出结构。",
        example: "济源示范区医疗保障局 2023：基本支出 3320.30 ÷ 6844.40 = 48.51%，项目支出 51.49%，合计 100%。",
        basis: "勾稽关系目录 I-48。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let facts = &cx.unit.facts;
    let mut any = false;
    let mut by_sentence: BTreeMap<usize, Vec<Interval>> = Default::default();
    let mut misfits = Vec::new();
    for (i, s) in facts.iter().enumerate() {
        if s.measure != Measure::Share {
            continue;
        }
        let Some(share) = s.value else { continue };
        // The part: the subject's figure just before; the whole: the sentence topic's figure.
        let part = facts[..i].iter().rev().find(|f| {
            f.subject == s.subject
                && matches!(f.measure, Measure::Amount | Measure::Count)
                && f.paragraph == s.paragraph
        });
        let whole_subject = match (&s.subject, &s.of) {
            (Subject::Item(_), Some(of)) => Some(of.clone()),
            (Subject::ProjectsDisclosed, _) => Some(Subject::ProjectsWithTargets),
            _ => s.topic.clone().filter(|t| *t != s.subject),
        };
        let whole = whole_subject.as_ref().and_then(|w| {
            facts
                .iter()
                .filter(|f| {
                    &f.subject == w
                        && matches!(f.measure, Measure::Amount | Measure::Count)
                        && f.paragraph <= s.paragraph
                })
                .max_by_key(|f| (f.paragraph, f.line, f.col))
        });
        let whole_iv = whole
            .and_then(|w| w.value)
            .map(|a| a.interval())
            .or_else(|| match s.subject {
                Subject::DisclosedProjectBudget => table(cx.unit, TableKind::ExpenditureSummary)
                    .and_then(|t| table_total(t, Scope::Root, Role::Project))
                    .map(|f| f.interval()),
                _ => None,
            });
        let (Some(p), Some(w)) = (part.and_then(|p| p.value), whole_iv) else {
            continue;
        };
        any = true;
        by_sentence
            .entry(s.sentence)
            .or_default()
            .push(share.interval());
        if let Some(computed) = arith::ratio_percent(p.interval(), w) {
            if !computed.intersects(share.interval()) {
                misfits.push((i, p, w, computed, share));
            }
        }
    }
    // Shares of one list that add up to exactly 100 %, one of them nudged by a digit to get
    // there (15844.04 / 24169.74 = 65.554 % printed 65.56 %): a rounding choice, not an error.
    for (i, p, w, computed, share) in misfits {
        let s = &facts[i];
        let mid = (computed.lo + computed.hi) / Decimal::from(2);
        let in_sentence = &by_sentence[&s.sentence];
        let total: Decimal = facts
            .iter()
            .filter(|f| f.sentence == s.sentence && f.measure == Measure::Share)
            .filter_map(|f| f.value)
            .map(|a| a.value)
            .sum();
        let gap = (computed.lo - share.value)
            .abs()
            .min((computed.hi - share.value).abs());
        let nudged = in_sentence.len() >= 2
            && total == Decimal::from(100)
            && gap <= share.half_step() * Decimal::from(2 * in_sentence.len() as i64);
        let f = if nudged {
            out.finding(
                format!(
                    "说明第{}行：{} ÷ {} = {}%，所写占比 {share}% 为使各项合计 100% 调整了尾数（尾数差）",
                    s.line,
                    p,
                    w,
                    mid.round_dp(3)
                ),
                format!(
                    "{p} of {w} is {}%; the stated {share}% was nudged so that the shares add up to 100%",
                    mid.round_dp(3)
                ),
            )
            .severity(Severity::Info)
        } else {
            out.finding(
                format!(
                    "说明第{}行：{} ÷ {} = {}%，与所写占比 {share}% 不符",
                    s.line,
                    p,
                    w,
                    mid.round_dp(2)
                ),
                format!(
                    "{p} of {w} is {}%, not the stated {share}%",
                    mid.round_dp(2)
                ),
            )
        };
        out.push(
            f.line(s.line)
                .expected(format!("{}%", mid.round_dp(2)))
                .actual(format!("{share}%")),
        );
    }
    for (sentence, shares) in by_sentence {
        if shares.len() < 2 {
            continue;
        }
        let sum = shares
            .iter()
            .copied()
            .fold(Interval::point(Decimal::ZERO), |a, b| a + b);
        let hundred = Decimal::from(100);
        if sum.lo > hundred {
            let line = facts
                .iter()
                .find(|f| f.sentence == sentence && f.measure == Measure::Share)
                .map_or(0, |f| f.line);
            let f = out
                .finding(
                    format!("说明第{line}行：同一句中各项占比之和 {sum} 超过 100%"),
                    format!("Shares in one sentence add up to {sum}, more than 100%"),
                )
                .line(line)
                .expected("≤ 100%")
                .actual(sum.to_string());
            out.push(f);
        }
    }
    if any {
        Applies::Yes
    } else {
        no_facts("占比")
    }
}

#[cfg(test)]
mod tests {
    use super::SharesMatch as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn shares_agree_with_amounts() {
        silent_on_seeds(&Rule);
        let text = edit(&seed("001"), "占 48.51%", "占 47.51%");
        assert_fires(&Rule, &text, Severity::Error, line_of(&text, "占 47.51%"));
        let text = edit(&seed("004"), "占0.39%", "占3.90%");
        assert_fires(&Rule, &text, Severity::Error, line_of(&text, "占3.90%"));
    }
}
