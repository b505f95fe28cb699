//! Characters that did not render: the replacement character, private-use code points (a font
//! without a Unicode map), stray control characters.

use super::prose_lines;
use crate::rules::support::prelude::*;

declare_rule! {
    /// 文字无乱码.
    pub BrokenCharacters => check,
    RuleDoc {
        code: "WRD-003",
        family: Family::Wording,
        severity: Severity::Warning,
        title: "文字无乱码",
        title_en: "No characters that did not render",
        doc_en: "Finds characters in the prose that did not render: the replacement character (U+FFFD), private-use code points (a PDF font without a Unicode map gives them) and control characters. Such text cannot be read, and figures near it may be wrong too. Example: 'basic expenditure 15,844.04 10k yuan' published as 'basic expenditure 15,8\\u{FFFD}4.04'.",
        what: "说明文字中出现未能显示的字符：替换字符（U+FFFD）、私用区字符（PDF 字体缺少 Unicode 映射时出现）或控制字符。",
        why: "乱码处的文字读者无法阅读，附近的数字也可能因此错误；公开前应修正。",
        example: "“基本支出 15,844.04 万元”发布成“基本支出 15,8\u{FFFD}4.04 万元”。",
        basis: "预决算公开检查的公开形式项（内容可读）；规则参考 §1.1。",
    }
}

fn broken(c: char) -> bool {
    c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(&c) || (c.is_control() && c != '\t')
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    for (n, line) in prose_lines(cx) {
        let count = line.chars().filter(|&c| broken(c)).count();
        if count == 0 {
            continue;
        }
        let shown: String = line
            .chars()
            .map(|c| if broken(c) { '□' } else { c })
            .take(40)
            .collect();
        let f = out
            .finding(
                format!("第{n}行有 {count} 个未能显示的字符（以□标出）：{shown}"),
                format!("Line {n}: {count} character(s) did not render"),
            )
            .line(n);
        out.push(f);
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::BrokenCharacters as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn characters_that_did_not_render() {
        silent_on_seeds(&Rule);
        for id in CORPUS {
            assert_silent(&Rule, &corpus(id));
        }
        let text = edit(
            &seed("000"),
            "运行经费共计安排125.98万元",
            "运行经费共计安排12\u{FFFD}.98万元",
        );
        let f = assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "共计安排12\u{FFFD}"),
        );
        assert!(f.message.contains('□'), "{}", f.message);
        let text = edit(&seed("004"), "19.20万元", "19.20\u{E5E5}万元");
        assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "19.20\u{E5E5}"),
        );
    }
}
