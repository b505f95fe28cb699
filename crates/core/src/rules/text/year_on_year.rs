//! A sentence giving this year's and last year's figure and the rate between them: the rate and
//! its direction word must follow from the two figures.

use crate::amount::{Amount, Interval};
use crate::rules::support::arith::ratio_percent;
use crate::rules::support::prelude::*;
use crate::rules::support::prose::paragraphs;

declare_rule! {
    /// 增减率及其方向与所比两数一致.
    pub YearOnYear => check,
    RuleDoc {
        code: "TXT-017",
        family: Family::Text,
        severity: Severity::Error,
        title: "增减率及其方向与所比两数一致",
        title_en: "A rate of change and its direction follow from the two figures compared",
        doc_en: "Reads sentences that give one matter's figure for two years (each amount after its year, such as '2023 executed 711.34 ... 2024 budget 738.66') and a rate of change against the earlier one ('up 3.84% on 2023'): the direction word (up, down) must have the sign of the later figure minus the earlier, and the rate must be that difference over the earlier figure, within the rounding of all three. Sentences with more than one figure per year are left alone. Example: Shanghai Putuo social welfare home 2024: 711.34 to 738.66 is up 3.84%; 'down 3.84%' would contradict it.",
        what: "说明中一句话给出同一事项两个年度的金额（各自跟在年份之后，如“2023年当年预算执行数为711.34万元，2024年预算安排738.66万元”）和相对早一年的增减率（“比2023年……增加3.84%”）时：增减方向应与后一年减前一年的正负一致，增减率应等于差额 ÷ 前一年金额（三数各按印出的位数取整后区间相交即可）。同一年份有多个金额的句子不作判断。",
        why: "增减方向写反或比率算错，读者对预算变化的判断就完全错了；这是审核中常见的问题。",
        example: "上海市普陀区社会福利院 2024：711.34 → 738.66，增加 3.84%；若写成“减少3.84%”则方向与数字相反。",
        basis: "增减率 = (本年数 − 上年数) ÷ 上年数；预决算公开检查的真实性项。",
    }
}

const UP: [&str; 3] = ["增加", "增长", "上升"];
const DOWN: [&str; 3] = ["减少", "下降", "降低"];

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let found = comparisons(cx);
    for (c, first, line) in &found {
        if let Some((zh, en)) = c.problem() {
            let f = out
                .finding(
                    format!("说明第{line}行：{zh}"),
                    format!("Line {line}: {en}"),
                )
                .lines([*first, *line]);
            out.push(f);
        }
    }
    if found.is_empty() {
        Applies::No("说明中没有给出两个年度金额及其增减率的句子".into())
    } else {
        Applies::Yes
    }
}

/// Every sentence of the prose that compares two years' figures, with the line it starts on and
/// the line of its rate (also read by TXT-016 for a base of zero).
pub(super) fn comparisons(cx: &Cx) -> Vec<(Comparison, usize, usize)> {
    let mut out = Vec::new();
    for para in paragraphs(cx) {
        let mut start = 0;
        for end in (0..para.text.len())
            .filter(|&i| para.text[i] == '。')
            .chain([para.text.len()])
        {
            let sentence: String = para.text[start..end].iter().collect();
            if let Some(c) = compare(&sentence) {
                let line = para.line_at(start + c.rate_at.min(end - start));
                out.push((c, para.line_at(start), line));
            }
            start = end + 1;
        }
    }
    out
}

/// What one sentence compares.
pub(super) struct Comparison {
    pub(super) earlier: Amount,
    pub(super) later: Amount,
    pub(super) rate: Amount,
    rising: bool,
    /// Character offset of the rate in the sentence.
    rate_at: usize,
}

impl Comparison {
    fn problem(&self) -> Option<(String, String)> {
        let diff: Interval = self.later.interval() - self.earlier.interval();
        let wrong_way = if self.rising {
            diff.hi < rust_decimal::Decimal::ZERO
        } else {
            diff.lo > rust_decimal::Decimal::ZERO
        };
        let (a, b) = (self.earlier.printed(), self.later.printed());
        let word = if self.rising { "增加" } else { "减少" };
        if wrong_way {
            return Some((
                format!(
                    "由 {a} 到 {b}，写的却是“{word}{}%”，方向相反",
                    self.rate.printed()
                ),
                format!("from {a} to {b}, yet the sentence says the opposite direction"),
            ));
        }
        let magnitude = Interval {
            lo: diff.lo.abs().min(diff.hi.abs()),
            hi: diff.lo.abs().max(diff.hi.abs()),
        };
        let magnitude =
            if diff.lo < rust_decimal::Decimal::ZERO && diff.hi > rust_decimal::Decimal::ZERO {
                Interval {
                    lo: rust_decimal::Decimal::ZERO,
                    hi: magnitude.hi,
                }
            } else {
                magnitude
            };
        let ratio = ratio_percent(magnitude, self.earlier.interval())?;
        if ratio.intersects(self.rate.interval()) {
            return None;
        }
        let shown = if ratio.hi - ratio.lo < rust_decimal::Decimal::new(1, 2) {
            format!("{}", ratio.lo.round_dp(2))
        } else {
            format!("{}–{}", ratio.lo.round_dp(2), ratio.hi.round_dp(2))
        };
        Some((
            format!(
                "由 {a} 到 {b}，增减率为 {shown}%，与所写 {}% 不符",
                self.rate.printed()
            ),
            format!(
                "from {a} to {b} the rate is {shown}%, the sentence says {}%",
                self.rate.printed()
            ),
        ))
    }
}

/// The two year-tagged amounts of a sentence and its rate against the earlier year.
fn compare(sentence: &str) -> Option<Comparison> {
    let chars: Vec<char> = sentence.chars().collect();
    let text: String = chars.iter().collect();
    // The rate: `比…增加 3.84%`.
    let (rate_at, rate, rising) = rate_of(&chars)?;
    if !text[..text
        .char_indices()
        .nth(rate_at)
        .map_or(text.len(), |(i, _)| i)]
        .contains('比')
    {
        return None;
    }
    let mut amounts: Vec<(u16, Amount)> = Vec::new();
    for clause in text.split(['，', '；', ',', ';']) {
        let Some(at) = clause.find("万元") else {
            continue;
        };
        let before = &clause[..at];
        let Some(year_at) = before.find('年') else {
            continue;
        };
        let year: String = before[..year_at]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect();
        let year: Option<u16> = year
            .chars()
            .rev()
            .collect::<String>()
            .parse()
            .ok()
            .filter(|y| (1990..2100).contains(y));
        let between = &before[year_at..];
        if UP.iter().chain(DOWN.iter()).any(|w| between.contains(w))
            || between.contains('比')
            || before.contains('比')
        {
            continue;
        }
        let figure: String = between
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if let (Some(y), Some(a)) = (year, Amount::parse(&figure)) {
            amounts.push((y, a));
        }
    }
    if amounts.len() != 2 || amounts[0].0 == amounts[1].0 {
        return None;
    }
    amounts.sort_by_key(|a| a.0);
    Some(Comparison {
        earlier: amounts[0].1,
        later: amounts[1].1,
        rate,
        rising,
        rate_at,
    })
}

/// The first `增加 3.84%` / `下降 2.10%` of a sentence: where, the rate, and whether it rises.
fn rate_of(chars: &[char]) -> Option<(usize, Amount, bool)> {
    for (words, rising) in [(&UP, true), (&DOWN, false)] {
        for w in words.iter() {
            let w: Vec<char> = w.chars().collect();
            for i in 0..chars.len().saturating_sub(w.len()) {
                if chars[i..i + w.len()] != w[..] {
                    continue;
                }
                let from = i + w.len();
                let len = chars[from..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit() || **c == '.')
                    .count();
                let after = chars.get(from + len);
                if len > 0 && matches!(after, Some('%') | Some('％')) {
                    let figure: String = chars[from..from + len].iter().collect();
                    return Amount::parse(&figure).map(|a| (from, a, rising));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::YearOnYear as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn rate_and_direction_follow_the_figures() {
        silent_on_seeds(&Rule);
        for id in CORPUS.iter().filter(|id| **id != "05") {
            assert_silent(&Rule, &corpus(id));
        }
        // Corpus 05 (its PDF reads the same): 11.67 → 45.41 is up 289.12%, printed 314.82%;
        // 132.59 → 441.25 is up 232.79%, printed 60.54%. Its other such sentences are right.
        let doc05 = corpus("05");
        let found = serious(&Rule, &doc05);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].lines.contains(&line_of(&doc05, "增加314.82%")),
            "{found:?}"
        );
        assert!(
            found[1]
                .lines
                .contains(&line_of(&doc05, "比2022年预算执行数增加60.54%")),
            "{found:?}"
        );
        // Corpus 12: 711.34 (2023 executed) to 738.66 (2024 budget) is up 3.84%.
        let doc = corpus("12");
        let sentence = "比2023年预算执行数增加3.84%";
        assert!(doc.contains(sentence));
        let text = edit(&doc, sentence, "比2023年预算执行数减少3.84%");
        assert_fires(&Rule, &text, Severity::Error, line_of(&text, "减少3.84%"));
        let text = edit(&doc, sentence, "比2023年预算执行数增加5.84%");
        assert_fires(&Rule, &text, Severity::Error, line_of(&text, "增加5.84%"));
    }
}
