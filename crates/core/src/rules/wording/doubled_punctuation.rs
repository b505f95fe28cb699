//! Two sentence or clause marks in a row (`。。`, `。；`, `，，`).

use super::{excerpt, prose_lines};
use crate::rules::support::prelude::*;

declare_rule! {
    /// 标点重复或多余.
    pub DoubledPunctuation => check,
    RuleDoc {
        code: "WRD-001",
        family: Family::Wording,
        severity: Severity::Warning,
        title: "标点重复或多余",
        title_en: "No doubled or stray punctuation",
        doc_en: "Finds two clause or sentence marks in a row in the prose (full stop, comma, semicolon, colon, enumeration comma: a doubled full stop, a full stop followed by a semicolon), which mean an edit left a mark behind or a sentence was cut. Ellipses and dashes are not such marks. Example: Julu County 2026 writes 'an increase of 4 10k yuan.. Expected...' with two full stops.",
        what: "说明文字中两个句读标点相连（句号、逗号、分号、冒号、顿号，如“。。”“。；”“，，”），说明修改时留下了多余的标点或句子被截断。省略号、破折号不在此列。",
        why: "预决算公开检查把错别字和标点错误列为文字质量问题；多余的标点往往是删改后未清理的痕迹，也可能意味着句子缺了内容。",
        example: "巨鹿县医疗保障局 2026：“…提升资金增加 4 万元。。预计下年…”，句号重复。",
        basis: "《标点符号用法》（GB/T 15834—2011）；预决算公开检查的文字质量项。",
    }
}

const MARKS: [char; 5] = ['。', '，', '；', '：', '、'];

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    for (n, line) in prose_lines(cx) {
        let mut chars = line.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let Some(&(_, next)) = chars.peek() else {
                break;
            };
            if MARKS.contains(&c) && MARKS.contains(&next) {
                let len = c.len_utf8() + next.len_utf8();
                let shown = excerpt(line, at, len);
                let f = out
                    .finding(
                        format!("第{n}行标点重复或多余：“{c}{next}”（{shown}）"),
                        format!("Line {n}: doubled punctuation '{c}{next}'"),
                    )
                    .line(n)
                    .actual(format!("{c}{next}"));
                out.push(f);
                chars.next();
            }
        }
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::DoubledPunctuation as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn doubled_marks_in_the_prose() {
        // Seed 003 (Julu 2026) has both: `…30 万元。；预计…` and `…增加 4 万元。。预计…`.
        let text = seed("003");
        let f = assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "增加 4 万元。。"),
        );
        assert!(f.message.contains("。。"), "{}", f.message);
        assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "万元。；预计下年"),
        );
        // The other seeds and the corpus write their marks once.
        for s in ["000", "001", "002", "004"] {
            assert_silent(&Rule, &seed(s));
        }
        for id in CORPUS {
            assert_silent(&Rule, &corpus(id));
        }
        // A one-mark edit of real prose fires; a table row with the same marks does not count.
        let text = edit(
            &seed("000"),
            "运行经费共计安排125.98万元",
            "运行经费共计安排125.98万元，，",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "125.98万元，，"),
        );
    }
}
