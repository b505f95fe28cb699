//! A paragraph that ends without closing its sentence, right before the next heading.

use super::{excerpt, prose_lines};
use crate::layout::is_heading;
use crate::rules::support::prelude::*;

declare_rule! {
    /// 段落末句缺少句号.
    pub MissingFullStop => check,
    RuleDoc {
        code: "WRD-008",
        family: Family::Wording,
        severity: Severity::Warning,
        title: "段落末句缺少句号",
        title_en: "A paragraph's last sentence ends with a full stop",
        doc_en: "Finds a paragraph of the prose whose last line ends in a word or a figure, with no closing mark, directly before the next numbered heading: the sentence was cut off or its full stop lost. Headings, short labels and lines that go on after a page break are not such paragraphs. Example: 'the main reason is the increase of staff' followed by the heading 'II. ...'.",
        what: "说明文字中，某段最后一行以文字或数字结尾、没有句号等结束标点，而下一行就是新的编号标题：句子被截断或漏了句号。标题、短标签和跨页续接的行不在此列。",
        why: "没有结束的句子往往是内容被删去了一截，读者得不到完整的说明；检查要求说明文字完整规范。",
        example: "“……主要原因是人员增加”之后直接是“二、收入预算情况说明”。",
        basis: "《标点符号用法》（GB/T 15834—2011）；预决算公开检查的文字质量项。",
    }
}

/// Marks that close a sentence or a clause that may end a paragraph.
const CLOSING: &str = "。；;！？!?：:…”’）)》】」』";

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let lines: Vec<(usize, &str)> = prose_lines(cx)
        .map(|(n, l)| (n, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    for (k, pair) in lines.windows(2).enumerate() {
        let ((n, line), (next_n, next)) = (pair[0], pair[1]);
        if !is_heading(next) || is_heading(line) || line.chars().count() < 20 {
            continue;
        }
        // Prose, not a title or a label: its paragraph (the lines run together up to this one)
        // has clauses.
        let section: Vec<&str> = lines[..=k]
            .iter()
            .rev()
            .take_while(|(_, l)| !is_heading(l))
            .map(|(_, l)| *l)
            .collect();
        if !section.iter().any(|l| l.contains(['，', '。', '；', ','])) {
            continue;
        }
        // A line of the section opening on a figure's unit (`603.14万元，占…`, `15.16%；`) is
        // the tail of a wrapped sentence set out of order by the conversion: its ends cannot be
        // judged.
        if section.iter().any(|l| opens_on_a_figure(l)) {
            continue;
        }
        // The paragraph must sit right before the heading (a blank line at most).
        if next_n > n + 2 {
            continue;
        }
        let Some(last) = line.chars().last() else {
            continue;
        };
        if CLOSING.contains(last) || !(last.is_alphanumeric()) {
            continue;
        }
        let at = line.len() - last.len_utf8();
        let shown = excerpt(line, at, last.len_utf8());
        let f = out
            .finding(
                format!("第{n}行所在段落没有以句号结束，下一行就是标题（{shown}）"),
                format!("Line {n}: the paragraph ends without a full stop before the next heading"),
            )
            .line(n);
        out.push(f);
    }
    Applies::Yes
}

/// Whether a line starts with a figure and its unit (`603.14万元`, `15.16%`, `0个`).
fn opens_on_a_figure(line: &str) -> bool {
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    rest.len() < line.len()
        && ["万元", "元", "%", "个", "％"]
            .iter()
            .any(|u| rest.starts_with(u))
}

#[cfg(test)]
mod tests {
    use super::MissingFullStop as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn a_paragraph_closes_before_the_next_heading() {
        // Seed 002 (2025): the 三公 paragraph ends "…主要是公务用车运行维护费减少 1.6 万元" and the
        // next line is "五、单位项目预算安排情况及绩效目标" — a sentence without its full stop.
        let seed2 = seed("002");
        let f = assert_fires(
            &Rule,
            &seed2,
            Severity::Warning,
            line_of(&seed2, "主要是公务用车运行维护费减少 1.6 万元"),
        );
        assert!(f.message.contains("1.6 万元"), "{}", f.message);
        assert_eq!(serious(&Rule, &seed2).len(), 1);
        // Seed 003 (Julu 2026): the same paragraph ends "…减少公务用车运行维护费支出" before "五、".
        let seed3 = seed("003");
        assert_fires(
            &Rule,
            &seed3,
            Severity::Warning,
            line_of(&seed3, "减少公务用车运行维护费支出"),
        );
        assert_eq!(serious(&Rule, &seed3).len(), 1);
        for id in ["000", "001", "004"] {
            assert_silent(&Rule, &seed(id));
        }
        for id in CORPUS {
            assert_silent(&Rule, &corpus(id));
        }
        let doc = corpus("13");
        let text = edit(&doc, "导致相关支出略有增加。", "导致相关支出略有增加");
        assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "导致相关支出略有增加"),
        );
    }
}
