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
        doc_en: "Checks that the unit's text has the parts the inspection checklist asks for besides the tables: a list of contents, the unit's main functions (or duties), its organisation (institutions and units), and the glossary of technical terms. Each missing part is named with where it was looked for. Example: a disclosure whose text never has a glossary section lacks that part.",
        what: "除表格外，公开文本应有目录、部门（单位）主要职能（职责）、机构设置（单位构成）和名词解释；缺少的部分逐项列出，并说明在哪些行中查找。",
        why: "预决算公开检查的完整性项要求公开部门职能、机构设置并对专业性较强的名词作出解释；缺少这些部分，读者无法理解预算的用途与口径。",
        example: "一份只有表格和收支说明、没有“名词解释”的公开，缺少名词解释部分。",
        basis: "《地方预决算公开操作规程》（财预〔2016〕143号）；预决算公开检查的完整性项；规则参考 §1.1。",
    }
}

/// A part, and the words that show it is there.
struct Part {
    zh: &'static str,
    en: &'static str,
    words: &'static [&'static str],
}

const PARTS: [Part; 4] = [
    Part {
        zh: "目录",
        en: "list of contents",
        words: &["目录"],
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
    },
    Part {
        zh: "机构设置",
        en: "organisation",
        words: &["机构设置", "单位构成", "内设机构", "机构情况"],
    },
    Part {
        zh: "名词解释",
        en: "glossary",
        words: &["名词解释"],
    },
];

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let (first, last) = cx.unit.lines;
    let last = last.min(cx.lines.len());
    let text: String = (first..=last).map(|n| compact(cx.line(n))).collect();
    if text.chars().count() < 200 {
        return Applies::No("没有说明文字".into());
    }
    let missing: Vec<&Part> = PARTS
        .iter()
        .filter(|p| !p.words.iter().any(|w| text.contains(w)))
        .collect();
    if !missing.is_empty() {
        let zh: Vec<&str> = missing.iter().map(|p| p.zh).collect();
        let en: Vec<&str> = missing.iter().map(|p| p.en).collect();
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
    }
}
