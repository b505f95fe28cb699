//! Drafting instructions and placeholders of the template left in the published prose (`请填写…`,
//! `XX万元`).

use super::{excerpt, prose_lines};
use crate::rules::support::prelude::*;

declare_rule! {
    /// 模板的填写说明或占位符未删除.
    pub TemplateInstructions => check,
    RuleDoc {
        code: "WRD-007",
        family: Family::Wording,
        severity: Severity::Warning,
        title: "模板的填写说明或占位符未删除",
        title_en: "No drafting instructions or placeholders of the template left in",
        doc_en: "Finds words of the template addressed to the preparer that were published as they stood: instructions ('please fill in', 'fill in here', 'if none, please state', 'notes on filling in') and placeholders standing for a figure, a year or a name (XX ten-thousand yuan, XX department, XXXX year). Example: 'the main reason is: (please fill in the reason)' or 'an increase of XX ten-thousand yuan'.",
        what: "说明文字中留有写给编制人员的模板用语：填写说明（“请填写”“此处填写”“如无，请说明”“填报说明”等）或代替数字、年份、名称的占位符（“XX万元”“××部门”“XXXX年”）。",
        why: "模板用语原样公开，说明这一段没有按本单位情况编写，读者得不到应有的信息。",
        example: "“主要原因：（请填写原因）”；“比上年增加XX万元”。",
        basis: "预决算公开检查的文字质量项；规则参考 §1.1。",
    }
}

/// Instructions to the preparer.
const INSTRUCTIONS: [&str; 8] = [
    "请填写",
    "此处填写",
    "此处填列",
    "请在此",
    "填报说明",
    "如无，请",
    "若无，请",
    "请据实填写",
];

/// Placeholder marks (a run of two or more stands for a figure or a name).
const PLACEHOLDER: [char; 4] = ['X', 'x', '×', 'Ｘ'];

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    for (n, line) in prose_lines(cx) {
        let hit = INSTRUCTIONS
            .iter()
            .find_map(|w| line.find(w).map(|at| (at, w.len())))
            .or_else(|| placeholder(line));
        if let Some((at, len)) = hit {
            let shown = excerpt(line, at, len);
            let f = out
                .finding(
                    format!("第{n}行留有模板的填写说明或占位符（{shown}）"),
                    format!("Line {n}: a drafting instruction or placeholder of the template is left in"),
                )
                .line(n)
                .actual(line[at..at + len].to_owned());
            out.push(f);
        }
    }
    Applies::Yes
}

/// A run of two or more placeholder marks standing where a figure, year or name goes: before
/// 万元/元/年/月/日/个/人/辆/%, or after 增加/减少/为 (not a Latin word like `XXL`).
fn placeholder(line: &str) -> Option<(usize, usize)> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !PLACEHOLDER.contains(&chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && PLACEHOLDER.contains(&chars[i].1) {
            i += 1;
        }
        let before = start.checked_sub(1).map(|k| chars[k].1);
        let after = chars.get(i).map(|c| c.1);
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        let unit_after = after.is_some_and(|c| "万元年月日个人辆%部单项".contains(c));
        let run = i - start;
        if run >= 2 && !latin(before) && !latin(after) && unit_after {
            let at = chars[start].0;
            let end = chars.get(i).map_or(line.len(), |c| c.0);
            return Some((at, end - at));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::TemplateInstructions as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn instructions_and_placeholders() {
        silent_on_seeds(&Rule);
        for id in CORPUS {
            assert_silent(&Rule, &corpus(id));
        }
        let doc = corpus("13");
        let text = edit(&doc, "增加2.55万元", "增加XX万元");
        assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "增加XX万元"),
        );
        let text = edit(
            &doc,
            "主要原因是\n优化办公环境",
            "主要原因是（请填写原因）\n优化办公环境",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "请填写原因"),
        );
        // A product name in capitals is not a placeholder.
        let text = edit(&doc, "办公设备购置。", "办公设备购置（XXL型）。");
        assert_silent(&Rule, &text);
    }
}
