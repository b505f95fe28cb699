//! A reason or a use announced and never given (`主要原因是。`).

use super::{excerpt, prose_lines};
use crate::rules::support::prelude::*;

declare_rule! {
    /// 原因或用途只起了头.
    pub UnfinishedSentences => check,
    RuleDoc {
        code: "WRD-004",
        family: Family::Wording,
        severity: Severity::Warning,
        title: "原因或用途只起了头",
        title_en: "No reason or use announced and left out",
        doc_en: "Finds a sentence that announces a reason or a use and ends there: 'the main reason is.' or 'mainly used for;' with nothing between the announcement and the full stop or semicolon. The reviewer's checklist asks for the reasons of every change; an empty one is a sentence cut off. Example: Shanghai Putuo social welfare home 2024: 'vehicle costs 6.40, the same as 2023, the main reason is.'",
        what: "说明中提出了原因或用途，却紧接着句号或分号结束，如“主要原因是。”“主要用于；”，原因或用途的内容缺失。",
        why: "检查要求说明增减变化的原因；只起了头的句子说明内容被删掉或漏填，读者得不到应有的解释。",
        example: "上海市普陀区社会福利院 2024：“公务用车购置及运行费6.40万元，与2023年预算持平，主要原因是。”",
        basis: "预决算公开检查的细化程度项（增减变化应说明原因）；规则参考 §1.1。",
    }
}

/// Words that announce what follows.
const OPENERS: [&str; 4] = ["原因", "用于", "用途", "包括"];
/// What may stand between the opener and its content.
const LINKS: [&str; 6] = ["主要是", "主要为", "在于", "是", "为", ""];

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    for (n, line) in prose_lines(cx) {
        if let Some((at, len)) = cut_off(line) {
            let shown = excerpt(line, at, len);
            let f = out
                .finding(
                    format!("第{n}行提出了原因或用途却没有下文（{shown}）"),
                    format!("Line {n}: a reason or use is announced and left out"),
                )
                .line(n)
                .actual(line[at..at + len].to_owned());
            out.push(f);
        }
    }
    Applies::Yes
}

/// Where an opener, its link and an optional colon run straight into 。 or ；.
fn cut_off(line: &str) -> Option<(usize, usize)> {
    for opener in OPENERS {
        for (at, _) in line.match_indices(opener) {
            let rest = &line[at + opener.len()..];
            for link in LINKS {
                let Some(after) = rest.strip_prefix(link) else {
                    continue;
                };
                let after = after
                    .strip_prefix('：')
                    .or_else(|| after.strip_prefix(':'))
                    .unwrap_or(after);
                if let Some(end) = after.chars().next().filter(|c| matches!(c, '。' | '；')) {
                    let len = line.len() - at - after.len() + end.len_utf8();
                    return Some((at, len));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::UnfinishedSentences as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn a_reason_announced_and_left_out() {
        // Corpus 12 (Shanghai 2024): `…与2023年预算持平，主要原因是。其中：…`.
        let text = corpus("12");
        let f = assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "主要原因是。其中"),
        );
        assert!(f.message.contains("主要原因是。"), "{}", f.message);
        silent_on_seeds(&Rule);
        for id in CORPUS.iter().filter(|id| **id != "12") {
            assert_silent(&Rule, &corpus(id));
        }
        // A one-clause cut of real prose.
        let text = edit(
            &seed("000"),
            "运行经费共计安排125.98万元",
            "运行经费共计安排125.98万元，主要用于。",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "主要用于。"),
        );
    }
}
