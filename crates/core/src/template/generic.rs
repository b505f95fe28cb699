//! The generic fallback: the vocabulary of table titles any template uses, and the conventions
//! that hold whatever the template (where a convention is not known, rules accept either reading).

use super::{Conventions, GeneralBudgetCoverage, Profile, TemplateId};
use crate::normalize::fold_punct;
use crate::table::TableKind::{self, *};

pub(super) const PROFILE: Profile = Profile {
    id: TemplateId::Generic,
    zh: "未识别的模板",
    en: "no template recognised",
    titles: &[],
    marks: &[],
    // The eight tables of 财预〔2016〕143号.
    required: &[
        BudgetSummary,
        IncomeSummary,
        ExpenditureSummary,
        FiscalSummary,
        GeneralBudgetExpenditure,
        GeneralBudgetBasic,
        ThreePublic,
        GovFundExpenditure,
    ],
    conventions: Conventions {
        general_budget_coverage: GeneralBudgetCoverage::Either,
        summary_ordinal_is_class: false,
        operating_cost_is_public_expense: false,
        every_project_has_targets: false,
    },
};

/// Words a title of this kind has (`all`) and has not (`none`); the first entry that fits wins.
struct Words {
    all: &'static [&'static str],
    none: &'static [&'static str],
    kind: TableKind,
}

const fn w(all: &'static [&'static str], kind: TableKind) -> Words {
    Words {
        all,
        none: &[],
        kind,
    }
}

/// The generic title vocabulary, most specific first.
const VOCABULARY: &[Words] = &[
    // The nine national 部门决算 tables, most specific first (财政拨款收入支出决算总表 holds
    // 收入支出决算总表, 一般公共预算财政拨款支出决算表 holds 支出决算表).
    w(&["决算", "三公"], FinalThreePublic),
    w(&["决算", "政府性基金"], FinalGovFund),
    w(&["决算", "国有资本经营"], FinalStateCapital),
    w(
        &["决算", "一般公共预算", "基本支出"],
        FinalGeneralBudgetBasic,
    ),
    Words {
        all: &["决算", "一般公共预算", "支出"],
        none: &["项目", "机关运行"],
        kind: FinalGeneralBudgetExpenditure,
    },
    w(&["财政拨款收入支出决算"], FinalFiscalSummary),
    w(&["财政拨款收支决算"], FinalFiscalSummary),
    w(&["收入支出决算总表"], FinalSummary),
    w(&["收支决算总表"], FinalSummary),
    w(&["决算收支总表"], FinalSummary),
    w(&["收入决算表"], FinalIncome),
    // Not 项目支出决算表, 机关运行经费支出决算表 or 政府采购支出决算表: tables of their own.
    Words {
        all: &["支出决算表"],
        none: &["项目支出", "运行经费", "政府采购", "基本支出"],
        kind: FinalExpenditure,
    },
    w(&["决算"], Other),
    w(&["整体绩效目标"], DeptPerformance),
    w(&["绩效目标", "表"], ProjectPerformance),
    w(&["三公", "表"], ThreePublic),
    w(&["运行经费", "表"], OperatingCost),
    w(&["政府采购", "表"], Procurement),
    w(&["财政拨款收支"], FiscalSummary),
    w(&["收支总表"], BudgetSummary),
    w(&["收支预算"], BudgetSummary),
    w(&["收入总表"], IncomeSummary),
    w(&["收入预算"], IncomeSummary),
    w(&["基本支出明细表"], BasicDetail),
    w(&["一般公共预算", "基本支出", "表"], GeneralBudgetBasic),
    w(&["财政拨款", "基本支出", "表"], FiscalBasic),
    w(&["一般公共预算", "支出", "表"], GeneralBudgetExpenditure),
    w(&["政府性基金", "支出", "表"], GovFundExpenditure),
    w(&["国有资本经营", "支出", "表"], StateCapitalExpenditure),
    w(&["财政拨款", "支出", "表"], FiscalExpenditure),
    w(&["支出经济分类汇总表"], EconomicSummary),
    w(&["项目支出预算表"], ProjectExpenditure),
    w(&["项目支出表"], ProjectExpenditure),
    w(&["支出总表"], ExpenditureSummary),
    w(&["支出预算表"], ExpenditureSummary),
    w(&["支出预算总表"], ExpenditureSummary),
    Words {
        all: &["政府采购预算"],
        none: &["情况"],
        kind: Procurement,
    },
    w(&["固定资产占用情况表"], Assets),
];

/// A cheap test every title passes: it has 表, 费 (运行经费), 购 (政府采购) or 况 (机构设置情况).
/// Most lines of a document have none of them.
pub(super) fn may_be_title(s: &str) -> bool {
    has_title_char(s)
}

/// Whether `s` holds 表 (E8 A1 A8), 费 (E8 B4 B9), 购 (E8 B4 AD) or 况 (E5 86 B5), found by
/// their UTF-8 bytes in one pass.
fn has_title_char(s: &str) -> bool {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(2)).any(|i| match b[i] {
        0xE8 => matches!(
            (b[i + 1], b[i + 2]),
            (0xA1, 0xA8) | (0xB4, 0xB9) | (0xB4, 0xAD)
        ),
        0xE5 => (b[i + 1], b[i + 2]) == (0x86, 0xB5),
        _ => false,
    })
}

/// Whether a line could be a title at all: not prose, not a contents line, not a heading.
pub(super) fn title_like(title: &str) -> Option<String> {
    let trimmed = title.trim();
    if trimmed.ends_with(['。', '；', ';', '，', ','])
        || trimmed.chars().filter(|c| !c.is_whitespace()).count() > 120
        // Contents lines: leaders (`……`, `....`) to a page number.
        || trimmed.contains("…")
        || trimmed.contains("....")
        || trimmed.contains("···")
    {
        return None;
    }
    let t = fold_punct(trimmed);
    if t.contains("说明") || t.starts_with("详见") || t.starts_with("见") {
        return None;
    }
    // Section headings ("三、机关运行经费安排情况") are not tables; a few titles do say 情况.
    if t.contains("情况") && !(t.contains("情况表") || t.ends_with("机构设置情况")) {
        return None;
    }
    Some(t)
}

/// The kind the generic vocabulary gives a title; a short line ending in 表 that no entry fits
/// is a table of kind [`TableKind::Other`] (confirmed only if table lines follow it).
pub(super) fn kind_of(title: &str) -> Option<TableKind> {
    let t = title_like(title)?;
    let has = |s: &str| t.contains(s);
    if let Some(words) = VOCABULARY
        .iter()
        .find(|v| v.all.iter().all(|s| has(s)) && !v.none.iter().any(|s| has(s)))
    {
        return Some(words.kind);
    }
    let len = t.chars().count();
    // Henan titles its table `2024年机关（机构）运行经费`, with no 表.
    if t.ends_with("运行经费") && !has("安排") {
        return Some(OperatingCost);
    }
    if t.ends_with("机构设置情况") && len <= 12 {
        return Some(OrgStructure);
    }
    let reference = ["下表", "上表", "附表", "如表", "见表"]
        .iter()
        .any(|s| has(s));
    (t.ends_with('表') && (5..=40).contains(&len) && !reference).then_some(Other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hebei_and_henan_titles_without_their_profiles() {
        let cases = [
            ("部门预算收支总表", BudgetSummary),
            ("2023 年部门收支预算表", BudgetSummary),
            ("单位预算收入总表", IncomeSummary),
            ("2024年部门收入预算表", IncomeSummary),
            ("部门预算支出总表", ExpenditureSummary),
            ("2023 年部门支出预算表", ExpenditureSummary),
            ("部门预算财政拨款收支总表", FiscalSummary),
            ("2023 年财政拨款收支总体情况表", FiscalSummary),
            ("2024年财政拨款收支预算表", FiscalSummary),
            (
                "部门预算一般公共预算财政拨款支出表",
                GeneralBudgetExpenditure,
            ),
            ("2023 年一般公共预算支出预算表", GeneralBudgetExpenditure),
            ("部门预算一般公共预算财政拨款基本支出表", GeneralBudgetBasic),
            ("一般公共预算基本支出表", GeneralBudgetBasic),
            ("2024年一般公共预算基本支出明细表", BasicDetail),
            ("部门预算财政拨款“三公”经费支出表", ThreePublic),
            ("2023 年一般公共预算“三公”经费预算表", ThreePublic),
            ("部门预算政府性基金预算财政拨款支出表", GovFundExpenditure),
            ("2024年国有资本经营支出预算表", StateCapitalExpenditure),
            ("2023 年支出经济分类汇总表", EconomicSummary),
            ("项目支出预算表", ProjectExpenditure),
            ("2024年机关（机构）运行经费", OperatingCost),
            ("部门(单位)整体绩效目标表", DeptPerformance),
            ("本级部门(单位)整体绩效目标表", DeptPerformance),
            ("2023 年度部门预算项目绩效目标表", ProjectPerformance),
            ("3、办公楼租赁经费绩效目标表", ProjectPerformance),
            ("部门政府采购预算", Procurement),
            ("单位固定资产占用情况表", Assets),
            ("部门机构设置情况", OrgStructure),
            // Other templates' titles, by their words.
            ("2026年部门收支预算总表", BudgetSummary),
            ("某部门财政拨款支出预算表", FiscalExpenditure),
            ("政府采购支出预算表", Procurement),
            ("一般公共预算机关运行经费支出预算表", OperatingCost),
            ("2024年部门预算项目支出明细表", Other),
        ];
        for (title, kind) in cases {
            assert_eq!(kind_of(title), Some(kind), "{title}");
        }
    }

    #[test]
    fn title_characters_by_their_bytes() {
        for (s, has) in [
            ("收支总表", true),
            ("运行经费", true),
            ("政府采购", true),
            ("机构设置情况", true),
            ("合计 12.5", false),
            ("", false),
        ] {
            assert_eq!(has_title_char(s), has, "{s}");
            assert_eq!(
                has,
                ['表', '费', '购', '况'].iter().any(|c| s.contains(*c)),
                "{s}"
            );
        }
    }

    #[test]
    fn headings_prose_and_contents_are_not_tables() {
        for s in [
            "三、机关运行经费安排情况",
            "八、政府采购预算情况",
            "（一）机关（机构）运行经费支出情况",
            "邢台市医疗保障局 2024 年部门预算信息公开情况说明",
            "五、一般公共预算支出预算情况说明",
            "七、部门项目预算安排情况及绩效目标",
            "九、国有资产信息",
            "8.2025年部门一般公共预算基本支出部门预算经济分类预算表 …………………",
            "详见单位的项目绩效目标表",
            "2019 年 省 检 察 院 一 般 公 共 预 算 机 关 运 行 经 费 预 算 支 出",
            "具体如下表",
            "附表",
        ] {
            assert_eq!(kind_of(s), None, "{s}");
        }
    }
}
