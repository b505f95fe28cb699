//! 完整性: what a disclosure must contain.

use super::{Applies, Cx, Family, Rule, RuleDoc};
use crate::kind::TableKind::{self, *};
use crate::layout::mentions_empty;
use crate::normalize::compact;
use crate::report::{Finding, Severity};

static DIS001: RuleDoc = RuleDoc {
    code: "DIS-001",
    family: Family::Completeness,
    severity: Severity::Warning,
    title: "公开表格齐全",
    title_en: "All required tables are published",
    doc_en: "Checks that the disclosure publishes the required tables: the budget, income and expenditure summaries, the fiscal appropriation summary, the general-budget expenditure and basic-expenditure tables, the 'three public' expenses table, the government-fund expenditure table (the eight of Cai Yu [2016] No. 143) and the state-capital expenditure table of the current templates. A missing table means a kind of money goes unpublished. Example: a disclosure with only the budget and expenditure summaries lacks seven tables, the fiscal appropriation summary among them.",
    what: "部门（单位）预算公开至少包括：收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出表、一般公共预算“三公”经费支出表、政府性基金预算支出表，以及现行模板的国有资本经营预算支出表。",
    why: "143号文规定公开的 8 张表是最低要求；缺表意味着某类资金没有公开。",
    example: "一份只有收支总表和支出总表的公开，缺少财政拨款收支总表等 7 张表。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）；规则参考 §1.1。",
};

pub struct RequiredTables;

impl Rule for RequiredTables {
    fn doc(&self) -> &'static RuleDoc {
        &DIS001
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) -> Applies {
        let missing: Vec<&str> = TableKind::REQUIRED
            .iter()
            .filter(|k| cx.unit.table(**k).is_none())
            .map(|k| k.zh())
            .collect();
        if !missing.is_empty() {
            out.push(Finding {
                cells: Vec::new(),
                rule: DIS001.code.into(),
                severity: DIS001.severity,
                message: format!(
                    "缺少 {} 张必须公开的表：{}",
                    missing.len(),
                    missing.join("、")
                ),
                message_en: format!("{} required table(s) are missing", missing.len()),
                lines: vec![cx.unit.lines.0],
                expected: None,
                actual: None,
            });
        }
        Applies::Yes
    }
}

static DIS002: RuleDoc = RuleDoc {
    code: "DIS-002",
    family: Family::Completeness,
    severity: Severity::Warning,
    title: "空表须说明原因",
    title_en: "An empty table says why it is empty",
    doc_en: "Checks that a table without data (government funds, state capital, procurement and the like) is still published and carries a note saying why, and that the note speaks of this table's kind of money rather than repeating another table's note. An empty table without a word leaves the reader unable to tell 'none' from 'omitted'. Example: Jiyuan Medical Security Bureau 2023 prints its state-capital expenditure table with only an empty total row and no note.",
    what: "没有数据的表（政府性基金、国有资本经营预算支出表、政府采购预算表等）应列出空表并加注说明，且说明应针对这张表的资金类型，而不是照抄其他表的注释。",
    why: "“没有数据的表格应当列出空表并说明”；没有说明的空表让读者无法判断是没有这类资金还是漏填。",
    example: "济源示范区医疗保障局 2023 的国有资本经营预算支出预算表只有空的合计行，没有任何说明。",
    basis: "财预〔2016〕143号“没有数据的表格应当列出空表并说明”；GovBudgetChecker BUD-106。",
};

pub struct EmptyTableExplained;

/// Words a note on an empty table of this kind should mention.
fn fund_words(kind: TableKind) -> &'static [&'static str] {
    match kind {
        GovFundExpenditure => &["基金"],
        StateCapitalExpenditure => &["国有资本"],
        Procurement => &["采购"],
        ThreePublic => &["三公"],
        _ => &[],
    }
}

impl Rule for EmptyTableExplained {
    fn doc(&self) -> &'static RuleDoc {
        &DIS002
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) -> Applies {
        let empties: Vec<_> = cx
            .unit
            .tables
            .iter()
            .filter(|t| t.empty && !matches!(t.kind, OrgStructure))
            .collect();
        if empties.is_empty() {
            return Applies::No("没有空表".into());
        }
        for t in empties {
            let explained = t.notes.iter().any(|n| {
                mentions_empty(&n.text)
                    || compact(&n.text).contains("没有")
                    || compact(&n.text).starts_with("注:无")
                    || compact(&n.text).starts_with("注：无")
            });
            let words = fund_words(t.kind);
            let names_it = t
                .notes
                .iter()
                .any(|n| words.iter().any(|w| compact(&n.text).contains(w)));
            let message = if !explained {
                format!("《{}》没有数据，但没有说明为什么是空表", t.title)
            } else if !words.is_empty() && !names_it {
                format!(
                    "《{}》的空表说明没有提到本表的资金类型（{}），可能是从其他表照抄的",
                    t.title,
                    words.join("、")
                )
            } else {
                continue;
            };
            out.push(Finding {
                cells: Vec::new(),
                rule: DIS002.code.into(),
                severity: DIS002.severity,
                message,
                message_en: format!(
                    "The table “{}” has no data and no note saying why this table is empty",
                    t.title
                ),
                lines: vec![t.title_line],
                expected: None,
                actual: None,
            });
        }
        Applies::Yes
    }
}

#[cfg(test)]
mod tests {
    use crate::report::Severity;
    use crate::rules::testing::*;

    #[test]
    fn dis001_required_tables() {
        for s in ["000", "001", "002", "003", "004"] {
            assert_silent(&seed(s), "DIS-001");
        }
        let text = mutate("000", 290, "部门预算财政拨款“三公”经费支出表", "附表");
        let f = assert_fires(&text, "DIS-001", Severity::Warning, 1);
        assert!(f.message.contains("“三公”经费支出表"), "{}", f.message);
    }

    #[test]
    fn dis002_empty_tables_need_their_own_note() {
        assert_fires(&seed("001"), "DIS-002", Severity::Warning, 521);
        for s in ["000", "002", "003", "004"] {
            assert_silent(&seed(s), "DIS-002");
        }
        // A note copied from the 国有资本 table onto the 政府性基金 table.
        let text = mutate(
            "000",
            274,
            "无政府基金预算财政拨款预算",
            "无国有资本经营预算财政拨款预算",
        );
        let f = assert_fires(&text, "DIS-002", Severity::Warning, 262);
        assert!(f.message.contains("照抄"), "{}", f.message);
    }
}

static DIS003: RuleDoc = RuleDoc {
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
};

pub struct RequiredSections;

impl Rule for RequiredSections {
    fn doc(&self) -> &'static RuleDoc {
        &DIS003
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) -> Applies {
        let (first, last) = cx.unit.lines;
        let in_table = |n: usize| {
            cx.unit
                .tables
                .iter()
                .any(|t| t.lines.0 <= n && n <= t.lines.1)
        };
        let prose: String = (first..=last.min(cx.doc.lines.len()))
            .filter(|&n| !in_table(n))
            .map(|n| compact(cx.doc.line(n)))
            .collect();
        if prose.chars().count() < 200 {
            return Applies::No("没有情况说明文字".into());
        }
        let needs: [(&str, &[&str]); 5] = [
            ("机关运行经费", &["运行经费"]),
            ("“三公”经费", &["三公"]),
            ("政府采购预算", &["政府采购"]),
            ("国有资产占用", &["国有资产", "固定资产"]),
            ("绩效目标", &["绩效目标"]),
        ];
        let mut missing: Vec<&str> = needs
            .iter()
            .filter(|(_, words)| !words.iter().any(|w| prose.contains(w)))
            .map(|(name, _)| *name)
            .collect();
        // The 三公 explanation must give the change and its reason (or say it did not change).
        if prose.contains("三公")
            && !["原因", "持平", "没有变化", "没有增减", "无增减"]
                .iter()
                .any(|w| prose.contains(w))
        {
            missing.push("“三公”经费增减变化原因");
        }
        if !missing.is_empty() {
            out.push(Finding {
                cells: Vec::new(),
                rule: DIS003.code.into(),
                severity: DIS003.severity,
                message: format!("情况说明缺少：{}", missing.join("、")),
                message_en: format!("The explanatory text does not cover: {}", missing.len()),
                lines: vec![first],
                expected: None,
                actual: None,
            });
        }
        Applies::Yes
    }
}

#[cfg(test)]
mod section_tests {
    use crate::report::Severity;
    use crate::rules::testing::*;

    #[test]
    fn dis003_required_sections() {
        for s in ["000", "001", "002", "003", "004"] {
            assert_silent(&seed(s), "DIS-003");
        }
        // Seed 001 without its 政府采购 paragraph.
        let text = mutate("001", 138, "2023 年政府采购预算安排 619.53 万元，其中：政府采购货物预算 0.00 万元、政府采购工程预算 0.00 万元、政府采购服务预算 619.53 万元。", "（略）");
        let text = text.replace("（二）政府采购支出情况", "（二）其他情况");
        let f = assert_fires(&text, "DIS-003", Severity::Warning, 1);
        assert!(f.message.contains("政府采购预算"), "{}", f.message);
    }
}
