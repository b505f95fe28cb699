//! A bracket, quotation mark or title mark opened and never closed (or closed and never opened)
//! within a paragraph of the prose.

use super::prose_lines;
use crate::rules::support::prelude::*;

declare_rule! {
    /// 括号、引号、书名号成对.
    pub UnbalancedBrackets => check,
    RuleDoc {
        code: "WRD-006",
        family: Family::Wording,
        severity: Severity::Warning,
        title: "括号、引号、书名号成对",
        title_en: "Brackets, quotation marks and title marks come in pairs",
        doc_en: "Finds, in the prose read as one stream (a pair wrapped over lines, a page break or a page number is still one pair), a round bracket, a Chinese quotation mark or a title mark that is opened and never closed, or closed and never opened. Straight quotes, which have no direction, are not counted. Example: 'official reception (the same as last year.' leaves a bracket open.",
        what: "说明文字（连成一体读，跨行、跨页的成对符号算一对）中，圆括号（）、引号“”、书名号《》有开无合或有合无开。没有方向的直引号不计。",
        why: "不成对的括号和引号说明句子被删改过半，或转换丢了字，读者可能读错括注的范围。",
        example: "“公务接待费（与上年持平。” 括号没有闭合。",
        basis: "《标点符号用法》（GB/T 15834—2011）；预决算公开检查的文字质量项。",
    }
}

/// Opening and closing marks of each pair, the full-width and half-width round brackets as one.
const PAIRS: [(&[char], &[char], &str); 3] = [
    (&['（', '('], &['）', ')'], "括号"),
    (&['“'], &['”'], "引号"),
    (&['《'], &['》'], "书名号"),
];

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    // The prose as one stream: page breaks and converters split paragraphs with blank lines and
    // page numbers, so a pair is matched wherever its other half stands.
    let lines: Vec<(usize, &str)> = prose_lines(cx).collect();
    for (open, close, name) in PAIRS {
        let mut opened: Vec<usize> = Vec::new();
        let mut stray: Vec<usize> = Vec::new();
        for &(n, line) in &lines {
            for c in line.chars() {
                if open.contains(&c) {
                    opened.push(n);
                } else if close.contains(&c) && opened.pop().is_none() {
                    stray.push(n);
                }
            }
        }
        let unpaired = stray
            .iter()
            .map(|&n| (n, "有合无开"))
            .chain(opened.iter().map(|&n| (n, "有开无合")));
        for (n, how) in unpaired {
            let f = out
                .finding(
                    format!("第{n}行的{name}不成对（{how}）"),
                    format!("Line {n}: a {} is not paired", en(name)),
                )
                .line(n);
            out.push(f);
        }
    }
    Applies::Yes
}

fn en(name: &str) -> &'static str {
    match name {
        "括号" => "bracket",
        "引号" => "quotation mark",
        _ => "title mark",
    }
}

#[cfg(test)]
mod tests {
    use super::UnbalancedBrackets as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn pairs_within_a_paragraph() {
        silent_on_seeds(&Rule);
        for prefix in ["02", "05", "09", "12", "13", "16", "19", "22"] {
            assert_silent(&Rule, &corpus(prefix));
        }
        // Corpus 13 with one closing bracket of its prose taken out.
        let doc = corpus("13");
        let text = edit(
            &doc,
            "一般公共服务支出\n（类）2106.66万元",
            "一般公共服务支出\n（类2106.66万元",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "（类2106.66万元"),
        );
        // A quotation closed with no opening.
        let text = edit(&doc, "当年度无“三", "当年度无三");
        assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "公”经费支出。"),
        );
    }
}
