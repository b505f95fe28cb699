//! Template wording left in: both alternatives of a choice the preparer was to make
//! (`增加（减少）`, `下降（增长）`).

use super::{excerpt, prose_lines};
use crate::rules::support::prelude::*;

declare_rule! {
    /// 模板备选词未作选择.
    pub TemplateAlternatives => check,
    RuleDoc {
        code: "WRD-002",
        family: Family::Wording,
        severity: Severity::Warning,
        title: "模板备选词未作选择",
        title_en: "No template alternatives left unchosen",
        doc_en: "Finds the two alternatives of the template's wording left side by side in the published prose, such as 'increase (decrease)' or 'decrease (increase)': the preparer was to keep the one that fits and delete the other. Left in, the sentence says neither. Example: 'compared with last year, an increase (decrease) of 22.73' is published as written in the template.",
        what: "说明中保留了模板里供选择的两个备选词，如“增加（减少）”“减少（增加）”“增长（下降）”“下降（增长）”“增（减）”，编制时应只保留符合实际的一个。",
        why: "未作选择的模板文字让读者无法判断增减方向，也说明说明文字没有按实际情况填写，是检查中常见的模板照搬问题。",
        example: "“比上年增加（减少）22.73 万元”——应写“增加 22.73 万元”。",
        basis: "预决算公开检查的细化程度与真实性项（说明照搬模板）；规则参考 §1.1。",
    }
}

/// Each alternative pair, as the templates print it (folded to half-width brackets).
const PAIRS: [&str; 8] = [
    "增加(减少)",
    "减少(增加)",
    "增长(下降)",
    "下降(增长)",
    "增加(下降)",
    "上升(下降)",
    "增(减)",
    "减(增)",
];

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    for (n, line) in prose_lines(cx) {
        let folded = line.replace('（', "(").replace('）', ")");
        for pair in PAIRS {
            let Some(at) = folded.find(pair) else {
                continue;
            };
            let shown = excerpt(&folded, at, pair.len());
            let f = out
                .finding(
                    format!("第{n}行保留了模板的备选词“{pair}”，应只保留符合实际的一个（{shown}）"),
                    format!("Line {n}: the template alternatives '{pair}' were left unchosen"),
                )
                .line(n)
                .actual(pair);
            out.push(f);
            break;
        }
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::TemplateAlternatives as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn unchosen_alternatives() {
        silent_on_seeds(&Rule);
        for id in CORPUS {
            assert_silent(&Rule, &corpus(id));
        }
        // Seed 003's prose as a template would have it.
        let text = edit(
            &seed("003"),
            "较 2025 年预算增加 22.73 万元",
            "较 2025 年预算增加（减少）22.73 万元",
        );
        let f = assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "增加（减少）22.73"),
        );
        assert!(f.message.contains("增加(减少)"), "{}", f.message);
    }
}
