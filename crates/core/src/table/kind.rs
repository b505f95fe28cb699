//! The standard tables of a budget disclosure; [`crate::template`] recognises them by title.

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
    /// 财政拨款支出预算表 (Jiangsu) — all fiscal appropriations by functional code.
    FiscalExpenditure,
    /// 财政拨款基本支出预算表 (Jiangsu) — basic spending of all fiscal appropriations by
    /// economic code.
    FiscalBasic,
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
    /// 收入支出决算总表 — the final accounts' sources and uses.
    FinalSummary,
    /// 收入决算表 — income by functional code and source.
    FinalIncome,
    /// 支出决算表 — spending by functional code, 基本/项目.
    FinalExpenditure,
    /// 财政拨款收入支出决算总表 — fiscal appropriations only.
    FinalFiscalSummary,
    /// 一般公共预算财政拨款支出决算表 — general-budget spending by functional code.
    FinalGeneralBudgetExpenditure,
    /// 一般公共预算财政拨款基本支出决算表 — basic spending by economic code (人员/公用经费).
    FinalGeneralBudgetBasic,
    /// (一般公共预算)财政拨款“三公”经费支出决算表 — 预算数 and 决算数 of each item.
    FinalThreePublic,
    /// 政府性基金预算财政拨款收入支出决算表.
    FinalGovFund,
    /// 国有资本经营预算财政拨款(收入)支出决算表.
    FinalStateCapital,
    /// A table of no known kind, kept under its own title.
    Other,
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

    /// The nine tables every 部门决算 disclosure publishes (the national set of 部门决算公开).
    pub const REQUIRED_FINAL: [TableKind; 9] = [
        TableKind::FinalSummary,
        TableKind::FinalIncome,
        TableKind::FinalExpenditure,
        TableKind::FinalFiscalSummary,
        TableKind::FinalGeneralBudgetExpenditure,
        TableKind::FinalGeneralBudgetBasic,
        TableKind::FinalThreePublic,
        TableKind::FinalGovFund,
        TableKind::FinalStateCapital,
    ];

    pub const ALL: [TableKind; 30] = [
        TableKind::BudgetSummary,
        TableKind::IncomeSummary,
        TableKind::ExpenditureSummary,
        TableKind::FiscalSummary,
        TableKind::GeneralBudgetExpenditure,
        TableKind::GeneralBudgetBasic,
        TableKind::FiscalExpenditure,
        TableKind::FiscalBasic,
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
        TableKind::FinalSummary,
        TableKind::FinalIncome,
        TableKind::FinalExpenditure,
        TableKind::FinalFiscalSummary,
        TableKind::FinalGeneralBudgetExpenditure,
        TableKind::FinalGeneralBudgetBasic,
        TableKind::FinalThreePublic,
        TableKind::FinalGovFund,
        TableKind::FinalStateCapital,
        TableKind::Other,
    ];

    /// One of the tables of final accounts (决算).
    pub fn is_final(self) -> bool {
        TableKind::REQUIRED_FINAL.contains(&self)
    }

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
            TableKind::FiscalExpenditure => "fiscal_expenditure",
            TableKind::FiscalBasic => "fiscal_basic",
            TableKind::FinalSummary => "final_summary",
            TableKind::FinalIncome => "final_income",
            TableKind::FinalExpenditure => "final_expenditure",
            TableKind::FinalFiscalSummary => "final_fiscal_summary",
            TableKind::FinalGeneralBudgetExpenditure => "final_general_budget_expenditure",
            TableKind::FinalGeneralBudgetBasic => "final_general_budget_basic",
            TableKind::FinalThreePublic => "final_three_public",
            TableKind::FinalGovFund => "final_gov_fund",
            TableKind::FinalStateCapital => "final_state_capital",
            TableKind::Other => "other",
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
            TableKind::FiscalExpenditure => "财政拨款支出表",
            TableKind::FiscalBasic => "财政拨款基本支出表",
            TableKind::FinalSummary => "收入支出决算总表",
            TableKind::FinalIncome => "收入决算表",
            TableKind::FinalExpenditure => "支出决算表",
            TableKind::FinalFiscalSummary => "财政拨款收入支出决算总表",
            TableKind::FinalGeneralBudgetExpenditure => "一般公共预算财政拨款支出决算表",
            TableKind::FinalGeneralBudgetBasic => "一般公共预算财政拨款基本支出决算表",
            TableKind::FinalThreePublic => "财政拨款“三公”经费支出决算表",
            TableKind::FinalGovFund => "政府性基金预算财政拨款收入支出决算表",
            TableKind::FinalStateCapital => "国有资本经营预算财政拨款收入支出决算表",
            TableKind::Other => "其他表",
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
            TableKind::FiscalExpenditure => "fiscal appropriation expenditure table",
            TableKind::FiscalBasic => "fiscal appropriation basic expenditure table",
            TableKind::FinalSummary => "final accounts summary",
            TableKind::FinalIncome => "final income table",
            TableKind::FinalExpenditure => "final expenditure table",
            TableKind::FinalFiscalSummary => "final fiscal appropriation summary",
            TableKind::FinalGeneralBudgetExpenditure => "final general-budget expenditure table",
            TableKind::FinalGeneralBudgetBasic => "final general-budget basic expenditure table",
            TableKind::FinalThreePublic => "final \"three public\" expenses table",
            TableKind::FinalGovFund => "final government-fund table",
            TableKind::FinalStateCapital => "final state-capital table",
            TableKind::Other => "other table",
        }
    }
}
