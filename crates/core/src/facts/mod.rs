//! Figures stated in the 情况说明 prose, each tied to the line and column it was read from.
//!
//! A sentence names a subject (收入总计, 基本支出, "三公"经费 …) and gives figures about it: the
//! amount, last year's amount, the change (增减额), the rate of change (增减率) or a share (占比).
//! Figures whose label names no known subject are kept as named items (机关运行经费 breakdowns,
//! project lists) under the sentence's topic.

mod extract;
mod paragraphs;
mod vocabulary;

use crate::amount::Amount;
use crate::layout;
use crate::table::Table;
use serde::{Deserialize, Serialize};

/// What a stated figure is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum Subject {
    /// 收入总计 / 收入合计 / 预算收入.
    IncomeTotal,
    /// 一般公共预算收入.
    GeneralBudgetIncome,
    /// (政府性)基金预算收入.
    GovFundIncome,
    /// 国有资本经营预算收入.
    StateCapitalIncome,
    /// 财政专户核拨/管理资金收入.
    SpecialAccountIncome,
    /// 单位资金收入.
    UnitFundsIncome,
    BusinessIncome,
    OperatingIncome,
    SuperiorSubsidyIncome,
    AffiliatedRemitIncome,
    OtherIncome,
    /// 上年结转(结余).
    CarryOverIncome,
    /// 支出总计 / 支出合计 / 支出预算.
    ExpenditureTotal,
    /// 收支总计 / 预算收支安排 — income and expenditure together.
    BudgetTotal,
    /// 财政拨款支出.
    FiscalExpenditure,
    /// 财政拨款收入.
    FiscalIncome,
    /// 单位预留机动经费 (Jiangsu).
    Reserve,
    /// 基本支出.
    Basic,
    /// 人员经费.
    Personnel,
    /// (日常)公用经费.
    Public,
    /// 项目支出.
    Project,
    /// 一般公共预算(收支/支出).
    GeneralBudget,
    /// 一般公共预算基本支出.
    GeneralBudgetBasic,
    /// 政府性基金(收支/支出).
    GovFund,
    /// 国有资本经营(收支/支出).
    StateCapital,
    /// "三公"经费.
    ThreePublic,
    /// 因公出国(境)费.
    Abroad,
    /// 公务用车购置及运行(维护)费.
    Vehicle,
    /// 公务用车购置费.
    VehiclePurchase,
    /// 公务用车运行维护费.
    VehicleOperation,
    /// 公务接待费.
    Reception,
    /// 机关(机构)运行经费.
    OperatingCost,
    /// 政府采购预算.
    Procurement,
    ProcurementGoods,
    ProcurementWorks,
    ProcurementServices,
    /// 上年末固定资产金额/总额.
    FixedAssets,
    /// 本年度拟购置固定资产总额.
    FixedAssetsPlanned,
    /// 纳入预算绩效管理的支出总额.
    PerformanceTotal,
    /// 填报绩效目标的预算项目 (count).
    ProjectsWithTargets,
    /// 公开绩效目标 (count).
    ProjectsDisclosed,
    /// 涉及项目 (count).
    ProjectCount,
    /// 公开填报绩效目标的项目预算.
    DisclosedProjectBudget,
    /// 车辆 (count).
    Vehicles,
    /// A figure named by its own label, e.g. `办公费` in a 机关运行经费 breakdown.
    Item(String),
}

/// What kind of figure about the subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// This year's amount.
    Amount,
    /// Last year's amount (上年/2023年预算 x 万元).
    Prior,
    /// 增减额.
    Change,
    /// 增减率, in percent.
    Rate,
    /// 占比, in percent.
    Share,
    /// A count (个, 辆, 套).
    Count,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Increase,
    Decrease,
    /// 持平 / 没有增减变化.
    Flat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactUnit {
    WanYuan,
    Yuan,
    Percent,
    Count,
}

/// A figure the prose states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    /// Source line (1-based) of the figure.
    pub line: usize,
    /// Character offset of the figure within its line.
    pub col: usize,
    pub subject: Subject,
    pub measure: Measure,
    /// The figure as printed; `None` for a 持平 statement that gives no number.
    pub value: Option<Amount>,
    pub unit: FactUnit,
    pub direction: Option<Direction>,
    /// For named items: the subject of the sentence they break down.
    pub of: Option<Subject>,
    /// The first subject of the figure's sentence (the previous sentence's, if it names none).
    pub topic: Option<Subject>,
    /// Running numbers of the sentence and paragraph within the unit's prose.
    pub sentence: usize,
    pub paragraph: usize,
    /// The clause the figure was read from.
    pub text: String,
}

impl Fact {
    /// In the same paragraph or within the next few (三公 items are often one per paragraph).
    pub fn paragraph_near(&self, other: &Fact) -> bool {
        self.paragraph >= other.paragraph && self.paragraph <= other.paragraph + 4
    }
}

/// Extracts the stated figures of one unit's prose.
pub fn extract(lines: &[String], span: (usize, usize), tables: &[Table]) -> Vec<Fact> {
    let year = tables
        .iter()
        .find_map(|t| t.meta.year)
        .or_else(|| tables.iter().find_map(|t| layout::year_in(&t.title)));
    let mut out = Vec::new();
    let mut counters = (0usize, 0usize);
    let mut keys = vocabulary::KeywordCache::default();
    for (p, section) in paragraphs::paragraphs(lines, span, tables) {
        counters.0 += 1;
        counters.1 += 1;
        if section == paragraphs::Section::Performance
            && !p.text.iter().collect::<String>().contains("项目")
        {
            continue;
        }
        extract::extract_paragraph(&p, section, year, &mut keys, &mut counters, &mut out);
    }
    out
}
