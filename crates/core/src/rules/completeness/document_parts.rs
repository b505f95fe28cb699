//! The parts every disclosure is published with: a list of contents, the unit's functions, its
//! organisation, and the glossary.

use crate::rules::support::prelude::*;

declare_rule! {
    /// 公开文本的组成部分齐全.
    pub DocumentParts => check,
    RuleDoc {
        code: "DIS-004",
        family: Family::Completeness,
        severity: Severity::Warning,
        title: "公开文本的组成部分齐全",
        title_en: "The disclosure has its standard parts",
        doc_en: "Checks that the unit's text has the parts the inspection checklist asks for besides the tables: a cover (a title naming the year and the budget or final accounts among the first lines of a document), a list of contents, the unit's main functions (or duties), its organisation (institutions and units), the explanatory statement, an account of its project spending, and the glossary of technical terms; the statement and the projects are looked for in the prose, not in table headers. Each missing part is named with where it was looked for. Example: a disclosure whose text never has a glossary section lacks that part.",
        what: "除表格外，公开文本应有封面（文件开头几行中写明年度和预算/决算的标题）、目录、部门（单位）主要职能（职责）、机构设置（单位构成）、编制（情况）说明、项目经费（项目支出）情况和名词解释；说明和项目经费只在说明文字中查找，不算表头。缺少的部分逐项列出，并说明在哪些行中查找。",
        why: "预决算公开检查的完整性项要求公开部门职能、机构设置并对专业性较强的名词作出解释；缺少这些部分，读者无法理解预算的用途与口径。",
        example: "一份只有表格和收支说明、没有“名词解释”的公开，缺少名词解释部分。",
        basis: "《地方预决算公开操作规程》（财预〔2016〕143号）；预决算公开检查的完整性项；规则参考 §1.1。",
    }
}

/// A part, and the words that show it is there (in the prose only, or anywhere in the unit).
struct Part {
    zh: &'static str,
    en: &'static str,
    words: &'static [&'static str],
    prose_only: bool,
}

const PARTS: [Part; 6] = [
    Part {
        zh: "目录",
        en: "list of contents",
        words: &["目录"],
        prose_only: false,
    },
    Part {
        zh: "主要职能",
        en: "main functions",
        words: &[
            "主要职能",
            "主要职责",
            "职能职责",
            "部门职责",
            "单位职责",
            "工作职责",
        ],
        prose_only: false,
    },
    Part {
        zh: "机构设置",
        en: "organisation",
        words: &["机构设置", "单位构成", "内设机构", "机构情况"],
        prose_only: false,
    },
    Part {
        zh: "编制说明",
        en: "explanatory statement",
        words: &[
            "编制说明",
            "情况说明",
            "预算说明",
            "决算说明",
            "收支预算情况",
            "决算情况说明",
        ],
        prose_only: true,
    },
    Part {
        zh: "项目经费情况",
        en: "project spending",
        words: &["项目经费", "项目支出"],
        prose_only: true,
    },
    Part {
        zh: "名词解释",
        en: "glossary",
        words: &["名词解释"],
        prose_only: false,
    },
];

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let (first, last) = cx.unit.lines;
    let last = last.min(cx.lines.len());
    let text: String = (first..=last).map(|n| compact(cx.line(n))).collect();
    if text.chars().count() < 200 {
        return Applies::No("没有说明文字".into());
    }
    let prose: String = crate::rules::wording::prose_lines(cx)
        .map(|(_, l)| compact(l))
        .collect();
    let mut missing: Vec<(&str, &str)> = PARTS
        .iter()
        .filter(|p| {
            let within = if p.prose_only { &prose } else { &text };
            !p.words.iter().any(|w| within.contains(w))
        })
        .map(|p| (p.zh, p.en))
        .collect();
    if opens_a_document(cx) && !has_cover(cx) {
        missing.insert(0, ("封面", "cover"));
    }
    if !missing.is_empty() {
        let zh: Vec<&str> = missing.iter().map(|p| p.0).collect();
        let en: Vec<&str> = missing.iter().map(|p| p.1).collect();
        let f = out
            .finding(
                format!(
                    "公开文本缺少：{}（在本单位第{first}–{last}行中查找）",
                    zh.join("、")
                ),
                format!(
                    "The disclosure lacks: {} (looked for in lines {first}-{last})",
                    en.join(", ")
                ),
            )
            .line(first);
        out.push(f);
    }
    Applies::Yes
}

/// The unit opens its file (or a file opened with others): a cover belongs before it. A later
/// unit of one document (seed 002's second) has the document's cover, not its own.
fn opens_a_document(cx: &Cx) -> bool {
    let first = cx.unit.lines.0;
    (1..first).all(|n| cx.line(n).trim().is_empty())
        || (1..first)
            .rev()
            .find(|&n| !cx.line(n).trim().is_empty())
            .is_some_and(|n| crate::model::is_file_mark(cx.line(n)))
}

/// A title among the unit's first lines, before its list of contents (a title may wrap over
/// two), naming a year and 预算 or 决算.
fn has_cover(cx: &Cx) -> bool {
    let (first, last) = cx.unit.lines;
    let head: String = (first..=last)
        .map(|n| compact(cx.line(n)))
        .filter(|l| !l.is_empty())
        .take(8)
        // The cover comes before the list of contents.
        .take_while(|l| l != "目录")
        .collect();
    let year = head.char_indices().any(|(i, c)| {
        c == '年' && i >= 4 && head[..i].chars().rev().take(4).all(|d| d.is_ascii_digit())
    });
    year && (head.contains("预算") || head.contains("决算"))
}

#[cfg(test)]
mod tests {
    use super::DocumentParts as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn the_standard_parts() {
        silent_on_seeds(&Rule);
        for id in CORPUS {
            assert_silent(&Rule, &corpus(id));
        }
        // Corpus 02 without its glossary (the contents entry and the section heading).
        let text = corpus("02").replace("名词解释", "其他说明");
        let f = assert_fires(&Rule, &text, Severity::Warning, 1);
        assert!(f.message.contains("名词解释"), "{}", f.message);
        assert!(!f.message.contains("机构设置"), "{}", f.message);
        assert!(f.message_en.contains("glossary"), "{}", f.message_en);
        // Corpus 16 without a word of its explanatory statement in the prose.
        let text = corpus("16").replace("情况说明", "有关情况");
        let f = assert_fires(&Rule, &text, Severity::Warning, 1);
        assert!(f.message.contains("编制说明"), "{}", f.message);
        // Corpus 13 without its cover: the unit's name and year are gone from the first lines.
        let doc = corpus("13");
        let text = edit(&doc, "2024年度部门决算\n", "\n");
        let f = assert_fires(&Rule, &text, Severity::Warning, 1);
        assert!(f.message.contains("封面"), "{}", f.message);
    }
}
