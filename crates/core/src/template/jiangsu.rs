//! 江苏 (省级): twelve tables numbered `公开 01 表` … (or `一、…`), `部门名称：… 单位：万元`
//! preambles, functional and economic tables with one 金额 column, a 三公 table that adds 会议费
//! and 培训费, a 机关运行经费 table and a 政府采购 table; no 国有资本经营预算 table.

use super::{Conventions, GeneralBudgetCoverage, Profile, TemplateId};
use crate::table::TableKind::*;

pub(super) const PROFILE: Profile = Profile {
    id: TemplateId::Jiangsu,
    zh: "江苏",
    en: "Jiangsu",
    titles: &[
        ("收支预算总表", BudgetSummary),
        ("收入预算总表", IncomeSummary),
        ("支出预算总表", ExpenditureSummary),
        ("财政拨款收支预算总表", FiscalSummary),
        ("财政拨款支出预算表", FiscalExpenditure),
        ("财政拨款支出预算表(功能科目)", FiscalExpenditure),
        ("财政拨款基本支出预算表", FiscalBasic),
        ("财政拨款基本支出预算表(经济科目)", FiscalBasic),
        ("一般公共预算支出预算表", GeneralBudgetExpenditure),
        ("一般公共预算支出预算表(功能科目)", GeneralBudgetExpenditure),
        ("一般公共预算基本支出预算表", GeneralBudgetBasic),
        ("一般公共预算基本支出预算表(经济科目)", GeneralBudgetBasic),
        ("“三公”经费、会议费、培训费支出预算表", ThreePublic),
        ("政府性基金预算财政拨款支出预算表", GovFundExpenditure),
        ("财政拨款政府性基金支出预算表", GovFundExpenditure),
        ("一般公共预算机关运行经费支出预算表", OperatingCost),
        ("政府采购支出预算表", Procurement),
        ("政府采购预算表", Procurement),
    ],
    marks: &["公开 01 表", "单位预留机动经费"],
    required: &[
        BudgetSummary,
        IncomeSummary,
        ExpenditureSummary,
        FiscalSummary,
        FiscalExpenditure,
        FiscalBasic,
        GeneralBudgetExpenditure,
        GeneralBudgetBasic,
        ThreePublic,
        GovFundExpenditure,
        OperatingCost,
        Procurement,
    ],
    conventions: Conventions {
        general_budget_coverage: GeneralBudgetCoverage::Either,
        summary_ordinal_is_class: false,
        operating_cost_is_public_expense: false,
        every_project_has_targets: false,
    },
};
