//! The same thing stated twice in the prose with two different figures.

use crate::amount::Amount;
use crate::facts::{Fact, Measure};
use crate::rules::support::prelude::*;
use crate::rules::support::stated::stated;

declare_rule! {
    /// 同一事项前后两处数字一致.
    pub RepeatedFigures => check,
    RuleDoc {
        code: "TXT-015",
        family: Family::Text,
        severity: Severity::Error,
        title: "同一事项前后两处数字一致",
        title_en: "One matter, one figure throughout the prose",
        doc_en: "Finds an amount the statement gives twice under the very same words (the clause up to the figure, at least eight characters, white space ignored) with two figures no rounding reconciles: one of them is wrong. Different words are different matters and are left alone. Example: 'general-budget appropriation spending 2940.05' in one section and 'general-budget appropriation spending 2904.05' in the next.",
        what: "说明中同一说法（数字前的整句文字相同，至少八个字，忽略空白）先后给出两个金额，且按各自印出的位数取整后仍不相等：其中必有一个是错的。文字不同视为不同事项，不作比较。",
        why: "同一个数在说明里出现两次却不一样，读者无从判断哪一个可信；这是审核中常见的前后矛盾。",
        example: "“一般公共预算财政拨款支出2940.05万元”在下一节写成“一般公共预算财政拨款支出2904.05万元”。",
        basis: "预决算公开检查的真实性项（说明前后一致）。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let mut firsts: Vec<(String, &Fact)> = Vec::new();
    let mut any = false;
    for f in cx
        .unit
        .facts
        .iter()
        .filter(|f| f.measure == Measure::Amount)
    {
        let Some(label) = label(f) else {
            continue;
        };
        match firsts.iter().find(|(l, _)| *l == label) {
            Some((_, first)) => {
                any = true;
                let (a, b) = (stated(first), stated(f));
                if a.interval().intersects(b.interval()) {
                    continue;
                }
                let finding = out
                    .finding(
                        format!(
                            "“{label}”在第{}行为 {}，第{}行为 {}，同一事项前后不一致",
                            first.line,
                            a.printed(),
                            f.line,
                            b.printed()
                        ),
                        format!(
                            "The same words give {} on line {} and {} on line {}",
                            a.printed(),
                            first.line,
                            b.printed(),
                            f.line
                        ),
                    )
                    .lines([first.line, f.line])
                    .expected(a.printed())
                    .actual(b.printed());
                out.push(finding);
            }
            None => firsts.push((label, f)),
        }
    }
    if any {
        Applies::Yes
    } else {
        Applies::No("说明中没有以相同文字给出两次的金额".into())
    }
}

/// The words of a fact's clause before its own figure, white space removed; `None` when they
/// are too few to name a matter.
fn label(f: &Fact) -> Option<String> {
    let value = f.value?;
    let text: String = f.text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut label = None;
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let figure = c.is_ascii_digit() || (start.is_some() && (c == '.' || c == ','));
        match (figure, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if Amount::parse(&text[s..i]).is_some_and(|a| a.value == value.value) {
                    label = Some(text[..s].to_owned());
                }
                start = None;
            }
            _ => {}
        }
    }
    label.filter(|l| l.chars().count() >= 8)
}

#[cfg(test)]
mod tests {
    use super::RepeatedFigures as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn one_matter_one_figure() {
        silent_on_seeds(&Rule);
        for id in CORPUS {
            assert_silent(&Rule, &corpus(id));
        }
        // Corpus 13 states 一般公共预算财政拨款支出 2940.05 in two sections; change the second.
        let doc = corpus("13");
        let marker = "（二）一般公共预算财政拨款支出决算结构情况";
        let text = edit_after(
            &doc,
            marker,
            "一般公共预算财政拨款支出2940.05万元",
            "一般公共预算财政拨款支出2904.05万元",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_after(&text, marker, "2904.05"),
        );
    }
}
