//! The explanatory text covers the matters it must explain.

use crate::rules::support::prelude::*;

declare_rule! {
    /// 情况说明包含必备事项.
    pub RequiredSections => check,
    RuleDoc {
        code: "DIS-003",
        family: Family::Completeness,
        severity: Severity::Warning,
        title: "情况说明包含必备事项",
        title_en: "The explanatory text covers the required matters",
        doc_en: "Checks that the explanatory text covers operating costs, the 'three public' expenses (with the reasons for changes), the procurement budget, the state-owned assets held and the performance targets; each missing matter is reported. These are the matters the disclosure rules require the text to explain. Example: a disclosure that explains income and spending but says nothing about government procurement is flagged.",
        what: "情况说明应说明机关运行经费、“三公”经费（含增减变化原因）、政府采购预算、国有资产占用情况和绩效目标；缺少任何一项即提示。",
        why: "143号文和《预算法》要求对这些重要事项作出说明；缺了说明，表格中的数字无从解读。",
        example: "一份只有收支说明、没有政府采购预算说明的公开会被提示。",
        basis: "《地方预决算公开操作规程》（财预〔2016〕143号）；《预算法》第十四条；规则参考 D-4。",
    }
}

/// A matter the 情况说明 must explain, and the words that show it does.
struct Matter {
    zh: &'static str,
    en: &'static str,
    words: &'static [&'static str],
}

const MATTERS: [Matter; 5] = [
    Matter {
        zh: "机关运行经费",
        en: "operating costs",
        words: &["运行经费"],
    },
    Matter {
        zh: "“三公”经费",
        en: "\"three public\" expenses",
        words: &["三公"],
    },
    Matter {
        zh: "政府采购预算",
        en: "the procurement budget",
        words: &["政府采购"],
    },
    Matter {
        zh: "国有资产占用",
        en: "state-owned assets held",
        words: &["国有资产", "固定资产"],
    },
    Matter {
        zh: "绩效目标",
        en: "performance targets",
        words: &["绩效目标"],
    },
];

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let (first, last) = cx.unit.lines;
    let in_table = |n: usize| {
        cx.unit
            .tables
            .iter()
            .any(|t| t.lines.0 <= n && n <= t.lines.1)
    };
    let prose: String = (first..=last.min(cx.lines.len()))
        .filter(|&n| !in_table(n))
        .map(|n| compact(cx.line(n)))
        .collect();
    if prose.chars().count() < 200 {
        return Applies::No("没有情况说明文字".into());
    }
    let mut missing: Vec<(&str, &str)> = MATTERS
        .iter()
        .filter(|m| !m.words.iter().any(|w| prose.contains(w)))
        .map(|m| (m.zh, m.en))
        .collect();
    // The 三公 explanation must give the change and its reason (or say it did not change).
    if prose.contains("三公")
        && !["原因", "持平", "没有变化", "没有增减", "无增减"]
            .iter()
            .any(|w| prose.contains(w))
    {
        missing.push((
            "“三公”经费增减变化原因",
            "the reasons for changes in \"three public\" expenses",
        ));
    }
    if !missing.is_empty() {
        let zh: Vec<&str> = missing.iter().map(|m| m.0).collect();
        let en: Vec<&str> = missing.iter().map(|m| m.1).collect();
        let f = out
            .finding(
                format!("情况说明缺少：{}", zh.join("、")),
                format!("The explanatory text does not cover: {}", en.join("; ")),
            )
            .line(first);
        out.push(f);
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::RequiredSections as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn a_missing_matter_is_named_in_both_languages() {
        silent_on_seeds(&Rule);
        // Seed 001 without its 政府采购 paragraph.
        let paragraph = "2023 年政府采购预算安排 619.53 万元，其中：政府采购货物预算 0.00 万元、政府采购工程预算 0.00 万元、政府采购服务预算 619.53 万元。";
        let text = edit(&seed("001"), paragraph, "（略）");
        let text = edit(&text, "（二）政府采购支出情况", "（二）其他情况");
        let f = assert_fires(&Rule, &text, Severity::Warning, 1);
        assert!(f.message.contains("政府采购预算"), "{}", f.message);
        assert!(
            f.message_en.contains("the procurement budget"),
            "{}",
            f.message_en
        );
    }
}
