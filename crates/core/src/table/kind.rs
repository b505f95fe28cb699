//! The standard tables of a budget disclosure, recognised by their titles.

use crate::normalize::fold_punct;
use serde::{Deserialize, Serialize};

/// What a table is. The snake_case names are part of the CLI's JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// 收支总表 / 收支预算表 — the overall sources-and-uses table.
    BudgetSummary,
    /// 收入总表 / 收入预算表 — income by functional code and source.
    IncomeSummary,
    /// 支出总表 / 支出预算表 — spending by functional code, 基本/项目.
    ExpenditureSummary,
    /// 财政拨款收支总表 / 总体情况表 / 预算表 — fiscal appropriations only.
    FiscalSummary,
    /// 一般公共预算(财政拨款)支出表 — general-budget spending by functional code.
    GeneralBudgetExpenditure,
    /// 一般公共预算(财政拨款)基本支出表 — basic spending by economic code.
    GeneralBudgetBasic,
    /// "三公"经费表 — overseas travel, vehicles, official reception.
    ThreePublic,
    /// 政府性基金预算支出表.
    GovFundExpenditure,
    /// 国有资本经营预算支出表.
    StateCapitalExpenditure,
    /// 一般公共预算基本支出明细表 (Henan 2024).
    BasicDetail,
    /// 支出经济分类汇总表 (Henan).
    EconomicSummary,
    /// 项目支出预算表 (Henan).
    ProjectExpenditure,
    /// 机关(机构)运行经费 table (Henan 2024).
    OperatingCost,
    /// 部门(单位)整体绩效目标表.
    DeptPerformance,
    /// 项目绩效目标表: one per project (Hebei) or one summary (Henan).
    ProjectPerformance,
    /// 政府采购预算 line items.
    Procurement,
    /// 固定资产占用情况表.
    Assets,
    /// 机构设置情况.
    OrgStructure,
}

impl TableKind {
    /// The tables every 部门预算 disclosure must publish: the eight of 财预〔2016〕143号 plus the
    /// 国有资本经营预算支出表 both seed templates carry; see DIS-001.
    pub const REQUIRED: [TableKind; 9] = [
        TableKind::BudgetSummary,
        TableKind::IncomeSummary,
        TableKind::ExpenditureSummary,
        TableKind::FiscalSummary,
        TableKind::GeneralBudgetExpenditure,
        TableKind::GeneralBudgetBasic,
        TableKind::ThreePublic,
        TableKind::GovFundExpenditure,
        TableKind::StateCapitalExpenditure,
    ];

    pub const ALL: [TableKind; 18] = [
        TableKind::BudgetSummary,
        TableKind::IncomeSummary,
        TableKind::ExpenditureSummary,
        TableKind::FiscalSummary,
        TableKind::GeneralBudgetExpenditure,
        TableKind::GeneralBudgetBasic,
        TableKind::ThreePublic,
        TableKind::GovFundExpenditure,
        TableKind::StateCapitalExpenditure,
        TableKind::BasicDetail,
        TableKind::EconomicSummary,
        TableKind::ProjectExpenditure,
        TableKind::OperatingCost,
        TableKind::DeptPerformance,
        TableKind::ProjectPerformance,
        TableKind::Procurement,
        TableKind::Assets,
        TableKind::OrgStructure,
    ];

    /// The stable snake_case name used in JSON and the CLI.
    pub fn name(self) -> &'static str {
        match self {
            TableKind::BudgetSummary => "budget_summary",
            TableKind::IncomeSummary => "income_summary",
            TableKind::ExpenditureSummary => "expenditure_summary",
            TableKind::FiscalSummary => "fiscal_summary",
            TableKind::GeneralBudgetExpenditure => "general_budget_expenditure",
            TableKind::GeneralBudgetBasic => "general_budget_basic",
            TableKind::ThreePublic => "three_public",
            TableKind::GovFundExpenditure => "gov_fund_expenditure",
            TableKind::StateCapitalExpenditure => "state_capital_expenditure",
            TableKind::BasicDetail => "basic_detail",
            TableKind::EconomicSummary => "economic_summary",
            TableKind::ProjectExpenditure => "project_expenditure",
            TableKind::OperatingCost => "operating_cost",
            TableKind::DeptPerformance => "dept_performance",
            TableKind::ProjectPerformance => "project_performance",
            TableKind::Procurement => "procurement",
            TableKind::Assets => "assets",
            TableKind::OrgStructure => "org_structure",
        }
    }

    /// The Chinese name shown to users.
    pub fn zh(self) -> &'static str {
        match self {
            TableKind::BudgetSummary => "收支总表",
            TableKind::IncomeSummary => "收入总表",
            TableKind::ExpenditureSummary => "支出总表",
            TableKind::FiscalSummary => "财政拨款收支总表",
            TableKind::GeneralBudgetExpenditure => "一般公共预算支出表",
            TableKind::GeneralBudgetBasic => "一般公共预算基本支出表",
            TableKind::ThreePublic => "“三公”经费支出表",
            TableKind::GovFundExpenditure => "政府性基金预算支出表",
            TableKind::StateCapitalExpenditure => "国有资本经营预算支出表",
            TableKind::BasicDetail => "基本支出明细表",
            TableKind::EconomicSummary => "支出经济分类汇总表",
            TableKind::ProjectExpenditure => "项目支出预算表",
            TableKind::OperatingCost => "机关(机构)运行经费表",
            TableKind::DeptPerformance => "部门(单位)整体绩效目标表",
            TableKind::ProjectPerformance => "项目绩效目标表",
            TableKind::Procurement => "政府采购预算表",
            TableKind::Assets => "固定资产占用情况表",
            TableKind::OrgStructure => "机构设置情况",
        }
    }

    /// The English name shown to users.
    pub fn en(self) -> &'static str {
        match self {
            TableKind::BudgetSummary => "budget summary",
            TableKind::IncomeSummary => "income summary",
            TableKind::ExpenditureSummary => "expenditure summary",
            TableKind::FiscalSummary => "fiscal appropriation summary",
            TableKind::GeneralBudgetExpenditure => "general-budget expenditure table",
            TableKind::GeneralBudgetBasic => "general-budget basic expenditure table",
            TableKind::ThreePublic => "\"three public\" expenses table",
            TableKind::GovFundExpenditure => "government-fund expenditure table",
            TableKind::StateCapitalExpenditure => "state-capital expenditure table",
            TableKind::BasicDetail => "basic expenditure detail table",
            TableKind::EconomicSummary => "economic classification summary",
            TableKind::ProjectExpenditure => "project expenditure table",
            TableKind::OperatingCost => "operating cost table",
            TableKind::DeptPerformance => "department performance targets",
            TableKind::ProjectPerformance => "project performance targets",
            TableKind::Procurement => "government procurement budget",
            TableKind::Assets => "fixed assets table",
            TableKind::OrgStructure => "organisation structure",
        }
    }

    /// A cheap test every title passes: it has 表, 费 (运行经费), 购 (政府采购) or 况 (机构设置情况).
    /// Most lines of a document have none of them.
    pub fn may_be_title(s: &str) -> bool {
        has_title_char(s)
    }

    /// Recognises a table title. Returns `None` for prose, headings and everything else.
    pub fn from_title(title: &str) -> Option<TableKind> {
        // Cheap refusals first: most lines are prose, turned away before the folding allocates.
        if !Self::may_be_title(title) || title.trim_end().ends_with('。') {
            return None;
        }
        if title.chars().filter(|c| !c.is_whitespace()).count() > 120 {
            return None;
        }
        let t = fold_punct(title);
        if t.chars().count() > 120 || t.ends_with('。') || t.contains("说明") {
            return None;
        }
        let has = |s: &str| t.contains(s);
        // Section headings ("三、机关运行经费安排情况") are not tables; a few titles do say 情况.
        if has("情况") && !(has("情况表") || t.ends_with("机构设置情况")) {
            return None;
        }
        if has("绩效目标表") {
            return Some(if has("整体绩效") {
                TableKind::DeptPerformance
            } else {
                TableKind::ProjectPerformance
            });
        }
        if has("三公") && has("表") {
            return Some(TableKind::ThreePublic);
        }
        if has("财政拨款收支") {
            return Some(TableKind::FiscalSummary);
        }
        if has("收支总表") || has("收支预算表") {
            return Some(TableKind::BudgetSummary);
        }
        if has("收入总表") || has("收入预算表") {
            return Some(TableKind::IncomeSummary);
        }
        if has("基本支出明细表") {
            return Some(TableKind::BasicDetail);
        }
        if has("一般公共预算") && has("基本支出") && has("表") {
            return Some(TableKind::GeneralBudgetBasic);
        }
        if has("一般公共预算") && has("支出") && has("表") {
            return Some(TableKind::GeneralBudgetExpenditure);
        }
        if has("政府性基金") && has("支出") && has("表") {
            return Some(TableKind::GovFundExpenditure);
        }
        if has("国有资本经营") && has("支出") && has("表") {
            return Some(TableKind::StateCapitalExpenditure);
        }
        if has("支出经济分类汇总表") {
            return Some(TableKind::EconomicSummary);
        }
        if has("项目支出预算表") || has("项目支出表") {
            return Some(TableKind::ProjectExpenditure);
        }
        if has("支出总表") || has("支出预算表") {
            return Some(TableKind::ExpenditureSummary);
        }
        if has("运行经费") && !has("安排") {
            return Some(TableKind::OperatingCost);
        }
        if has("政府采购预算") && !has("情况") {
            return Some(TableKind::Procurement);
        }
        if has("固定资产占用情况表") {
            return Some(TableKind::Assets);
        }
        if t.ends_with("机构设置情况") && t.chars().count() <= 12 {
            return Some(TableKind::OrgStructure);
        }
        None
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use TableKind::*;

    #[test]
    fn hebei_and_henan_titles() {
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
        ];
        for (title, kind) in cases {
            assert_eq!(TableKind::from_title(title), Some(kind), "{title}");
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
    fn headings_and_prose_are_not_tables() {
        for s in [
            "三、机关运行经费安排情况",
            "八、政府采购预算情况",
            "（一）机关（机构）运行经费支出情况",
            "邢台市医疗保障局 2024 年部门预算信息公开情况说明",
            "五、一般公共预算支出预算情况说明",
            "七、部门项目预算安排情况及绩效目标",
            "九、国有资产信息",
        ] {
            assert_eq!(TableKind::from_title(s), None, "{s}");
        }
    }
}
