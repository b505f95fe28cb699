//! 表文: the figures the 情况说明 states, against the tables and against each other.

use super::arith::{self, check_equal, check_sum, group_rounding, Fig, Verdict};
use super::lookup::{cell, summary_line, table, table_total};
use super::{Applies, Cx, Family, Rule, RuleDoc};
use crate::amount::{Amount, Interval};
use crate::facts::{Direction, Fact, FactUnit, Measure, Subject};
use crate::header::{Role, Scope};
use crate::kind::TableKind;
use crate::model::{Template, Unit};
use crate::normalize::fold_punct;
use crate::report::{Finding, Severity};
use crate::table::Table;
use rust_decimal::Decimal;

/// A stated figure as a comparable figure.
fn stated(f: &Fact) -> Fig {
    Fig::new(f.value, f.line, format!("说明“{}”", f.text))
}

fn amounts<'a>(unit: &'a Unit, subject: &'a Subject) -> impl Iterator<Item = &'a Fact> + 'a {
    unit.facts.iter().filter(move |f| {
        &f.subject == subject
            && f.measure == Measure::Amount
            && f.unit == FactUnit::WanYuan
            && f.value.is_some()
    })
}

fn no_facts(what: &str) -> Applies {
    Applies::No(format!("说明中没有{what}的数字"))
}

// ------------------------------------------------------------------------------------------

/// Picks a labelled line of the budget summary.
type LinePick = dyn Fn(&str) -> bool;

static TXT001: RuleDoc = RuleDoc {
    code: "TXT-001",
    family: Family::Text,
    severity: Severity::Error,
    title: "收入说明与收支总表一致",
    title_en: "The income statement agrees with the budget summary",
    doc_en: "Checks that the income figures stated in the explanatory text (grand total, general budget, government funds, state capital, fiscal special account, unit funds, operating income, carry-over) equal the same lines of the budget summary, each judged at the precision it is printed with. Example: Qinglong County 2025: '265.8 (10k yuan)' stands for 265.75 to 265.85 and agrees with the table's 265.80.",
    what: "情况说明的收入部分所列的收入总计、一般公共预算、政府性基金、国有资本经营、财政专户、单位资金、事业收入等各项收入和上年结转结余，与收支总表收入栏的同项金额相等（按说明中数字的印刷精度判断）。",
    why: "说明是公众最先读的部分，说明里的收入数字与表格不一致，会让读者对整份公开失去信任。",
    example: "青龙县医疗保障局本级 2025：说明“预算收入 265.8 万元”（代表 265.75～265.85）与收支总表收入总计 265.80 一致。",
    basis: "财预〔2016〕143号要求解释收支情况；勾稽关系目录 I-40（BUD-107）。",
};
rule!(IncomeStatement, TXT001, txt001);

fn txt001(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let Some(t1) = table(cx.unit, TableKind::BudgetSummary) else {
        return Applies::No("缺少收支总表".into());
    };
    use Subject::*;
    let pairs: [(Subject, &LinePick); 12] = [
        (IncomeTotal, &|l| l.contains("总计")),
        (GeneralBudgetIncome, &|l| {
            l.contains("一般公共预算") && crate::layout::is_heading(l)
        }),
        (GovFundIncome, &|l| {
            l.contains("政府性基金") && crate::layout::is_heading(l)
        }),
        (StateCapitalIncome, &|l| {
            l.contains("国有资本经营") && crate::layout::is_heading(l)
        }),
        (SpecialAccountIncome, &|l| l.contains("财政专户")),
        (UnitFundsIncome, &|l| l.contains("单位资金")),
        (BusinessIncome, &|l| l.contains("事业收入")),
        (OperatingIncome, &|l| l.contains("经营收入")),
        (SuperiorSubsidyIncome, &|l| l.contains("上级补助")),
        (AffiliatedRemitIncome, &|l| l.contains("附属单位")),
        (OtherIncome, &|l| l.contains("其他收入")),
        (CarryOverIncome, &|l| l.contains("上年结转")),
    ];
    let mut any = false;
    let mut found = Vec::new();
    for (subject, pick) in pairs {
        for f in amounts(cx.unit, &subject) {
            let Some(t) = summary_line(t1, Scope::Income, pick) else {
                continue;
            };
            any = true;
            check_equal(&TXT001, "收入说明与收支总表", &stated(f), &t, &mut found);
        }
    }
    out.extend(group_rounding(found, "收入说明与收支总表"));
    if any {
        Applies::Yes
    } else {
        no_facts("收入")
    }
}

// ------------------------------------------------------------------------------------------

static TXT002: RuleDoc = RuleDoc {
    code: "TXT-002",
    family: Family::Text,
    severity: Severity::Error,
    title: "支出说明与支出表一致",
    title_en: "The expenditure statement agrees with the spending tables",
    doc_en: "Checks that the spending figures in the text (grand total, basic, project, personnel, public expenses, general-budget, fund and state-capital spending, spending under performance management) equal the matching table: the general-budget table when the sentence is about the general budget, the basic-expenditure table for personnel and public expenses, otherwise the budget and expenditure summaries. Example: Jiyuan 2023: 'general budget ... project spending 3216.10' is checked against the general-budget table's 3216.10.",
    what: "情况说明所列的支出总计、基本支出、项目支出、人员经费、（日常）公用经费、一般公共预算支出、政府性基金和国有资本经营预算支出、纳入绩效管理的支出总额，与对应表格相等：说一般公共预算时对一般公共预算支出表，说人员经费和公用经费时对基本支出表，否则对收支总表和支出总表。",
    why: "说明中的支出结构是对表格的解读，数字不一致说明解读或表格有一处出错。",
    example: "济源示范区医疗保障局 2023：“一般公共预算支出……项目支出 3216.10 万元”对一般公共预算支出表的项目支出 3216.10；“支出合计……项目支出 3524.10 万元”对支出预算表。",
    basis: "勾稽关系目录 I-41（C-003）。",
};
rule!(ExpenditureStatement, TXT002, txt002);

fn target_for(unit: &Unit, f: &Fact) -> Vec<Fig> {
    use Subject::*;
    let t = |k| table(unit, k);
    let general = matches!(f.topic, Some(GeneralBudget));
    let mut out = Vec::new();
    match &f.subject {
        ExpenditureTotal => out.extend(
            t(TableKind::BudgetSummary)
                .and_then(|t1| summary_line(t1, Scope::Expenditure, &|l| l.contains("总计"))),
        ),
        BudgetTotal => out.extend(
            t(TableKind::BudgetSummary)
                .and_then(|t1| summary_line(t1, Scope::Income, &|l| l.contains("总计"))),
        ),
        Basic | Project => {
            let role = if f.subject == Basic {
                Role::Basic
            } else {
                Role::Project
            };
            let kind = if general {
                TableKind::GeneralBudgetExpenditure
            } else {
                TableKind::ExpenditureSummary
            };
            out.extend(t(kind).and_then(|x| table_total(x, Scope::Root, role)));
        }
        Personnel | Public => {
            let role = if f.subject == Personnel {
                Role::Personnel
            } else {
                Role::Public
            };
            out.extend(
                t(TableKind::GeneralBudgetBasic).and_then(|x| table_total(x, Scope::Root, role)),
            );
        }
        GeneralBudgetBasic => out.extend(t(TableKind::GeneralBudgetBasic).and_then(|x| {
            table_total(x, Scope::Root, Role::Basic)
                .or_else(|| table_total(x, Scope::Root, Role::Total))
        })),
        GeneralBudget => {
            out.extend(
                t(TableKind::GeneralBudgetExpenditure)
                    .and_then(|x| table_total(x, Scope::Root, Role::Total)),
            );
            out.extend(fiscal_column(unit, Role::GeneralBudget));
        }
        GovFund => {
            out.extend(
                t(TableKind::GovFundExpenditure)
                    .and_then(|x| table_total(x, Scope::Root, Role::Total)),
            );
            out.extend(fiscal_column(unit, Role::GovFund));
        }
        StateCapital => {
            out.extend(
                t(TableKind::StateCapitalExpenditure)
                    .and_then(|x| table_total(x, Scope::Root, Role::Total)),
            );
            out.extend(fiscal_column(unit, Role::StateCapital));
        }
        PerformanceTotal => out.extend(
            t(TableKind::ExpenditureSummary).and_then(|x| table_total(x, Scope::Root, Role::Total)),
        ),
        DisclosedProjectBudget => out.extend(
            t(TableKind::ExpenditureSummary)
                .and_then(|x| table_total(x, Scope::Root, Role::Project)),
        ),
        _ => {}
    }
    out
}

/// The fiscal summary's 支出总计 in one fund column.
fn fiscal_column(unit: &Unit, role: Role) -> Option<Fig> {
    let t4 = table(unit, TableKind::FiscalSummary)?;
    let col = t4.column(Scope::Expenditure, role)?;
    let name = t4.column(Scope::Expenditure, Role::Name)?;
    let r = t4.rows.iter().find(|r| {
        let l = fold_punct(r.text(name));
        l.contains("总计") || l == "支出合计" || l.contains("本年支出")
    })?;
    Some(cell(t4, r, col, "·支出合计"))
}

fn txt002(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    use Subject::*;
    let mut any = false;
    let mut found = Vec::new();
    let subjects = [
        ExpenditureTotal,
        BudgetTotal,
        Basic,
        Project,
        Personnel,
        Public,
        GeneralBudgetBasic,
        GeneralBudget,
        GovFund,
        StateCapital,
        PerformanceTotal,
        DisclosedProjectBudget,
    ];
    for subject in &subjects {
        for f in amounts(cx.unit, subject) {
            let targets = target_for(cx.unit, f);
            if targets.is_empty() {
                continue;
            }
            any = true;
            let s = stated(f);
            // Either reading of 一般公共预算/基金 (本年支出 or 收支总计) will do; report the first.
            let verdicts: Vec<Option<arith::Comparison>> =
                targets.iter().map(|t| arith::equal(&s, t)).collect();
            if verdicts
                .iter()
                .flatten()
                .any(|c| c.verdict == Verdict::Exact)
            {
                continue;
            }
            if let Some((c, t)) = verdicts.iter().zip(&targets).find_map(|(c, t)| {
                c.as_ref()
                    .filter(|c| c.verdict == Verdict::Rounding)
                    .map(|c| (c, t))
            }) {
                found.extend(arith::finding(
                    &TXT002,
                    c,
                    "支出说明与表格",
                    &s,
                    std::slice::from_ref(t),
                ));
            } else if let (Some(Some(c)), Some(t)) = (verdicts.first(), targets.first()) {
                found.extend(arith::finding(
                    &TXT002,
                    c,
                    "支出说明与表格",
                    &s,
                    std::slice::from_ref(t),
                ));
            }
        }
    }
    out.extend(group_rounding(found, "支出说明与表格"));
    if any {
        Applies::Yes
    } else {
        no_facts("支出")
    }
}

// ------------------------------------------------------------------------------------------

static TXT003: RuleDoc = RuleDoc {
    code: "TXT-003",
    family: Family::Text,
    severity: Severity::Error,
    title: "“三公”经费说明与“三公”经费表一致",
    title_en: "The \"three public\" statement agrees with its table",
    doc_en: "Checks that the 'three public' figures in the text (total, travel abroad, vehicle purchase and operation, reception) equal the same items in the 'three public' table. Example: Xingtai 2024: the text's 2.8 (2.75 to 2.85) agrees with the table's 2.80.",
    what: "说明中的“三公”经费合计及因公出国（境）费、公务用车购置及运维费（购置费、运行维护费）、公务接待费，与“三公”经费表的同项金额相等。",
    why: "“三公”经费是公众最关心的数字之一，143号文要求单独说明；说明与表格不一致是明显的公开质量问题。",
    example: "邢台市医疗保障局 2024：说明“三公”经费 2.8 万元（代表 2.75～2.85）与表中 2.80 一致。",
    basis: "财预〔2016〕143号；勾稽关系目录 I-44（OBL-SG-TABLE-TEXT）。",
};
rule!(ThreePublicStatement, TXT003, txt003);

pub(super) fn three_public_fig(t9: &Table, subject: &Subject) -> Option<Fig> {
    use Subject::*;
    if let Some(name_col) = t9.column(Scope::Root, Role::Name) {
        let col = t9.column(Scope::Root, Role::Total)?;
        let pick: &dyn Fn(&str) -> bool = match subject {
            ThreePublic => &|l| l.contains("小计") || l == "合计",
            Abroad => {
                &|l| l.contains("因公出国") && !l.starts_with("其中") && !l.starts_with("其他")
            }
            Vehicle => &|l| l.contains("购置及运"),
            VehiclePurchase => &|l| l.contains("公务用车购置费"),
            VehicleOperation => &|l| l.contains("运行维护费") && !l.contains("购置及"),
            Reception => &|l| l.contains("公务接待"),
            _ => return None,
        };
        let r = t9
            .rows
            .iter()
            .find(|r| pick(&fold_punct(r.text(name_col))))?;
        return Some(cell(t9, r, col, &format!("·{}", r.text(name_col))));
    }
    let role = match subject {
        ThreePublic => Role::Total,
        Abroad => Role::Abroad,
        Vehicle => Role::Vehicle,
        VehiclePurchase => Role::VehiclePurchase,
        VehicleOperation => Role::VehicleOperation,
        Reception => Role::Reception,
        _ => return None,
    };
    table_total(t9, Scope::Root, role)
}

fn txt003(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    use Subject::*;
    let Some(t9) = cx.unit.table(TableKind::ThreePublic) else {
        return Applies::No("缺少“三公”经费表".into());
    };
    let mut any = false;
    let mut found = Vec::new();
    for subject in [
        ThreePublic,
        Abroad,
        Vehicle,
        VehiclePurchase,
        VehicleOperation,
        Reception,
    ] {
        for f in amounts(cx.unit, &subject) {
            let Some(t) = three_public_fig(t9, &subject) else {
                continue;
            };
            any = true;
            check_equal(&TXT003, "“三公”经费说明与表格", &stated(f), &t, &mut found);
        }
    }
    out.extend(group_rounding(found, "“三公”经费说明与表格"));
    if any {
        Applies::Yes
    } else {
        no_facts("“三公”经费")
    }
}

// ------------------------------------------------------------------------------------------

static TXT004: RuleDoc = RuleDoc {
    code: "TXT-004",
    family: Family::Text,
    severity: Severity::Warning,
    title: "机关运行经费说明与表格一致",
    title_en: "The operating-cost statement agrees with the tables",
    doc_en: "Checks the operating costs stated in the text: in the Hebei template, whose glossary defines them as the unit's public expenses, they equal the public-expense total of the basic-expenditure table; in the Henan template with an operating-cost table, they equal that table's total. Example: Xingtai 2024: 125.98 = public expenses 125.98.",
    what: "河北模板的名词解释把机关运行经费定义为“各部门（单位）的公用经费”，说明中的机关运行经费应等于基本支出表公用经费合计；河南模板有机关（机构）运行经费表时，说明应等于该表合计。",
    why: "143号文要求说明机关运行经费；与表格口径不一致时读者无法核对，口径依模板约定，故为警告。",
    example: "邢台市医疗保障局 2024：运行经费 125.98 万元 = 基本支出表公用经费 125.98。",
    basis: "财预〔2016〕143号；河北名词解释第 10 条；勾稽关系目录 I-43。",
};
rule!(OperatingCostStatement, TXT004, txt004);

fn txt004(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let target = match (cx.unit.template, table(cx.unit, TableKind::OperatingCost)) {
        (_, Some(h4)) => table_total(h4, Scope::Root, Role::Total),
        (Template::Hebei, None) => table(cx.unit, TableKind::GeneralBudgetBasic)
            .and_then(|t6| table_total(t6, Scope::Root, Role::Public)),
        _ => return Applies::No("河南模板没有机关运行经费表，口径无法核对".into()),
    };
    let Some(target) = target else {
        return Applies::No("找不到对应的表格合计".into());
    };
    let facts: Vec<&Fact> = amounts(cx.unit, &Subject::OperatingCost).collect();
    if facts.is_empty() {
        return no_facts("机关运行经费");
    }
    for f in facts {
        check_equal(&TXT004, "机关运行经费说明与表格", &stated(f), &target, out);
    }
    Applies::Yes
}

// ------------------------------------------------------------------------------------------

static TXT005: RuleDoc = RuleDoc {
    code: "TXT-005",
    family: Family::Text,
    severity: Severity::Error,
    title: "政府采购预算说明自洽并与采购表一致",
    title_en: "The procurement statement adds up and agrees with the table",
    doc_en: "Checks that the procurement budget stated in the text equals goods + works + services, and, when a procurement table is published, that it equals the table's total. Example: Jiyuan 2023: 619.53 = 0.00 + 0.00 + 619.53.",
    what: "说明中的政府采购预算总额 = 货物 + 工程 + 服务；有政府采购预算表时，总额 = 该表合计。",
    why: "143号文要求公开政府采购预算总额及货物、工程、服务的金额；分项加不到总额说明其中一个数字错了。",
    example: "济源示范区医疗保障局 2023：619.53 = 0.00 + 0.00 + 619.53。",
    basis: "财预〔2016〕143号；勾稽关系目录 I-45。",
};
rule!(ProcurementStatement, TXT005, txt005);

fn txt005(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    use Subject::*;
    let totals: Vec<&Fact> = amounts(cx.unit, &Procurement).collect();
    if totals.is_empty() {
        return no_facts("政府采购预算");
    }
    for f in totals {
        let parts: Vec<Fig> = [ProcurementGoods, ProcurementWorks, ProcurementServices]
            .iter()
            .filter_map(|s| amounts(cx.unit, s).find(|g| g.paragraph == f.paragraph))
            .map(stated)
            .collect();
        if parts.len() == 3 {
            check_sum(
                &TXT005,
                "政府采购预算 = 货物 + 工程 + 服务",
                &stated(f),
                &parts,
                out,
            );
        }
        if let Some(pg) = table(cx.unit, TableKind::Procurement) {
            if let Some(t) = table_total(pg, Scope::Root, Role::Total) {
                check_equal(&TXT005, "政府采购预算说明与采购表合计", &stated(f), &t, out);
            }
        }
    }
    Applies::Yes
}

// ------------------------------------------------------------------------------------------

static TXT006: RuleDoc = RuleDoc {
    code: "TXT-006",
    family: Family::Text,
    severity: Severity::Error,
    title: "固定资产说明与资产占用表一致",
    title_en: "The fixed-asset statement agrees with the asset table",
    doc_en: "Checks that the fixed assets stated in the text equal the total of the fixed-asset table, and that the table's total = buildings + vehicles + equipment over 200,000 yuan + other fixed assets. Example: Xingtai 2024: 1503.09 = 1503.09 = 19.57 + 672.56 + 810.96.",
    what: "说明中的上年末固定资产金额 = 固定资产占用情况表的资产总额；资产表中资产总额 = 房屋 + 车辆 + 单价 20 万元以上设备 + 其他固定资产。",
    why: "国有资产占用情况是逐步公开的重点事项，说明与表格、表格与分项都应一致。",
    example: "邢台市医疗保障局 2024：1503.09 = 1503.09 = 19.57 + 672.56 + 810.96。",
    basis: "勾稽关系目录 I-20、I-46。",
};
rule!(AssetsStatement, TXT006, txt006);

fn txt006(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let Some(a) = table(cx.unit, TableKind::Assets) else {
        return Applies::No("缺少固定资产占用情况表".into());
    };
    let Some(col) = a.column(Scope::Root, Role::Amount) else {
        return Applies::No("资产表没有价值列".into());
    };
    let name_of = |r: &crate::table::Row| fold_punct(r.name.as_deref().unwrap_or_default());
    let Some(total) = a.rows.iter().find(|r| name_of(r).contains("资产总额")) else {
        return Applies::No("资产表没有资产总额行".into());
    };
    let total_fig = cell(a, total, col, "·资产总额");
    let parts: Vec<Fig> = a
        .rows
        .iter()
        .filter(|r| {
            let n = name_of(r);
            n.chars().next().is_some_and(|c| c.is_ascii_digit()) && n.contains('、')
        })
        .map(|r| cell(a, r, col, &format!("·{}", name_of(r))))
        .collect();
    let mut found = Vec::new();
    if !parts.is_empty() {
        check_sum(
            &TXT006,
            "资产总额 = 各类资产之和",
            &total_fig,
            &parts,
            &mut found,
        );
    }
    for f in amounts(cx.unit, &Subject::FixedAssets) {
        check_equal(
            &TXT006,
            "固定资产说明与资产表",
            &stated(f),
            &total_fig,
            &mut found,
        );
    }
    out.extend(found);
    Applies::Yes
}

// ------------------------------------------------------------------------------------------

static TXT007: RuleDoc = RuleDoc {
    code: "TXT-007",
    family: Family::Text,
    severity: Severity::Warning,
    title: "拟购置固定资产能在政府采购预算中找到",
    title_en: "Planned fixed-asset purchases are found in the procurement budget",
    doc_en: "When the text says fixed-asset purchases of X have been included in the procurement budget, checks that some of the procurement table's fixed-asset goods lines (catalogue A01-A06, without office supplies A0504 and materials A07) add up to X at the printed precision. Example: Qinglong County 2025: planned purchases 4.48 = all lines but copy paper (4.82 - 0.34).",
    what: "说明称“本年度拟购置固定资产总额为 X 万元，已按要求列入政府采购预算”时，政府采购预算表中固定资产类货物（品目 A01～A06，不含 A0504 办公用品与 A07 物资等耗材）应有某些行之和等于 X（按各数的印刷精度）。",
    why: "若任何组合都凑不出这个数，说明中的数字与采购预算无法对应，要么说明有误，要么采购表漏列了资产。",
    example: "青龙县医疗保障局本级 2025：拟购置 4.48 = 采购表除复印纸外各项之和（4.82 − 0.34）。",
    basis: "勾稽关系目录 I-39；《政府采购品目分类目录》（2022）A 类货物的分类。",
};
rule!(PlannedAssetsVsProcurement, TXT007, txt007);

/// 品目 codes of fixed assets: A01–A06, without A0504 (用品) — consumables are not assets.
fn fixed_asset_catalog(code: &str) -> bool {
    let c = code.trim();
    ["A01", "A02", "A03", "A04", "A05", "A06"]
        .iter()
        .any(|p| c.starts_with(p))
        && !c.starts_with("A0504")
}

/// Subset sums in cents with the fewest items reaching each (for the rounding tolerance).
fn subset_hits(items: &[i64], target: i64, half: i64) -> bool {
    let total: i64 = items.iter().sum();
    if total > 5_000_000 {
        return false;
    }
    let n = total as usize + 1;
    let mut fewest = vec![usize::MAX; n];
    fewest[0] = 0;
    for &v in items {
        let v = v as usize;
        for s in (v..n).rev() {
            if fewest[s - v] != usize::MAX {
                fewest[s] = fewest[s].min(fewest[s - v] + 1);
            }
        }
    }
    (0..n).any(|s| {
        fewest[s] != usize::MAX
            && fewest[s] > 0
            && (s as i64 - target).abs() * 2 <= (fewest[s] as i64) + half
    })
}

fn txt007(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let facts: Vec<&Fact> = amounts(cx.unit, &Subject::FixedAssetsPlanned).collect();
    let Some(f) = facts.first() else {
        return no_facts("拟购置固定资产");
    };
    let planned = f.value.unwrap_or(Amount::new(Decimal::ZERO, 2));
    let Some(pg) = cx.unit.table(TableKind::Procurement) else {
        return Applies::No("缺少政府采购预算表".into());
    };
    let (Some(cat), Some(total_col)) = (
        pg.column_any(Role::CatalogNo),
        pg.column(Scope::Root, Role::Total),
    ) else {
        return if planned.is_zero() {
            Applies::Yes
        } else {
            Applies::No("采购表没有品目或金额列".into())
        };
    };
    let cents = |a: Amount| {
        (a.value * Decimal::from(100))
            .round()
            .to_string()
            .parse::<i64>()
            .unwrap_or(0)
    };
    let items: Vec<(i64, usize)> = pg
        .rows
        .iter()
        .filter(|r| fixed_asset_catalog(r.text(cat)))
        .filter_map(|r| {
            r.amount(total_col)
                .filter(|a| a.decimals <= 2)
                .map(|a| (cents(a), r.line))
        })
        .collect();
    if planned.is_zero() {
        return Applies::Yes;
    }
    let target = cents(planned);
    // The planned figure stands for ±half a cent (2 decimals) or more when printed coarser.
    let half_units = (planned.half_step() * Decimal::from(200))
        .round()
        .to_string()
        .parse::<i64>()
        .unwrap_or(1);
    let values: Vec<i64> = items.iter().map(|x| x.0).collect();
    if subset_hits(&values, target, half_units) {
        return Applies::Yes;
    }
    let sum: i64 = values.iter().sum();
    let mut lines = vec![f.line];
    lines.extend(items.iter().map(|x| x.1));
    out.push(Finding {
        cells: Vec::new(),
        rule: TXT007.code.into(),
        severity: TXT007.severity,
        message: format!(
            "说明称拟购置固定资产 {} 万元并已列入政府采购预算，但采购表中固定资产类货物（{} 行，合计 {}.{:02} 万元）的任何组合都不等于这个数",
            planned,
            items.len(),
            sum / 100,
            sum % 100
        ),
        message_en: format!(
            "No subset of the {} fixed-asset procurement lines (together {}.{:02}) adds up to the planned {}",
            items.len(),
            sum / 100,
            sum % 100,
            planned
        ),
        lines,
        expected: Some(format!("某些固定资产行之和 = {planned}")),
        actual: Some(format!("固定资产类货物合计 {}.{:02}", sum / 100, sum % 100)),
    });
    Applies::Yes
}

// ------------------------------------------------------------------------------------------

static TXT008: RuleDoc = RuleDoc {
    code: "TXT-008",
    family: Family::Text,
    severity: Severity::Error,
    title: "增减额、增减率与上年数自洽",
    title_en: "Year-on-year changes, rates and prior figures agree",
    doc_en: "Checks that the text's current figure, change on last year, change rate (%) and last year's figure for one matter agree: last year = current -/+ change, rate = change / last year x 100%, computed with intervals at the printed precision; 'unchanged' requires equal figures. Example: Jiyuan 2023: 6844.40, down 858.17, last year 7702.57, 858.17 / 7702.57 = 11.14%.",
    what: "说明中同一事项的本年数、比上年增减额、增减率（%）和上年数必须自洽：上年数 = 本年数 ∓ 增减额，增减率 = 增减额 ÷ 上年数 × 100%，按各数的印刷精度用区间计算；写“持平”时上年数必须等于本年数。",
    why: "增减率算错或增减方向写反，会误导读者对预算变化的判断。",
    example: "济源示范区医疗保障局 2023：6844.40 比上年减少 858.17，上年为 7702.57，858.17 ÷ 7702.57 = 11.14%。",
    basis: "勾稽关系目录 I-42（OBL-TREND-DIRECTION、OBL-TREND-ZERO-BASE）。",
};
rule!(ChangeArithmetic, TXT008, txt008);

/// This year's amount a change is about: the nearest earlier statement of the subject in the
/// same paragraph (收支总计 falls back to 收入总计/支出总计).
fn current_for<'a>(unit: &'a Unit, change: &Fact) -> Option<&'a Fact> {
    let candidates: Vec<Subject> = match &change.subject {
        Subject::BudgetTotal => vec![
            Subject::BudgetTotal,
            Subject::IncomeTotal,
            Subject::ExpenditureTotal,
        ],
        s => vec![s.clone()],
    };
    unit.facts
        .iter()
        .filter(|f| {
            f.measure == Measure::Amount && f.value.is_some() && candidates.contains(&f.subject)
        })
        .filter(|f| {
            (f.paragraph == change.paragraph || f.paragraph + 1 == change.paragraph)
                && (f.line, f.col) < (change.line, change.col)
        })
        .max_by_key(|f| (f.line, f.col))
}

fn signed(f: &Fact) -> Option<Interval> {
    let iv = f.value?.interval();
    match f.direction {
        Some(Direction::Decrease) => Some(Interval {
            lo: -iv.hi,
            hi: -iv.lo,
        }),
        Some(Direction::Increase) => Some(iv),
        _ => None,
    }
}

fn txt008(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let facts = &cx.unit.facts;
    let mut any = false;
    for (i, ch) in facts.iter().enumerate() {
        if ch.measure != Measure::Change
            || ch.unit != FactUnit::WanYuan
            || matches!(ch.subject, Subject::Item(_))
        {
            continue;
        }
        let Some(cur) = current_for(cx.unit, ch) else {
            continue;
        };
        let current = cur.value.map(|a| a.interval());
        let prior_fact = facts.iter().find(|f| {
            f.measure == Measure::Prior && f.subject == ch.subject && f.paragraph == ch.paragraph
        });
        let rate = facts[i + 1..].iter().take(2).find(|f| {
            f.measure == Measure::Rate && f.subject == ch.subject && f.paragraph == ch.paragraph
        });
        any = true;
        let (Some(current), delta) = (current, signed(ch)) else {
            continue;
        };
        let prior = match (delta, ch.direction) {
            (Some(d), _) => Interval {
                lo: current.lo - d.hi,
                hi: current.hi - d.lo,
            },
            (None, Some(Direction::Flat)) => current,
            _ => continue,
        };
        if let Some(p) = prior_fact.and_then(|p| p.value) {
            if !p.interval().intersects(prior) {
                out.push(Finding {
                    cells: Vec::new(),
                    rule: TXT008.code.into(),
                    severity: Severity::Error,
                    message: format!(
                        "说明第{}行：本年 {} 与增减 {} 推出上年应为 {}，但说明写上年 {}",
                        ch.line,
                        cur.value.map_or("-".into(), |a| a.printed()),
                        ch.text,
                        prior,
                        p
                    ),
                    message_en: format!("Prior-year figure {p} contradicts this year's figure and the stated change (prior should lie in {prior})"),
                    lines: vec![cur.line, ch.line],
                    expected: Some(prior.to_string()),
                    actual: Some(p.printed()),
                });
            }
        }
        if let (Some(r), Some(d)) = (rate.and_then(|r| r.value), ch.value) {
            if prior.lo <= Decimal::ZERO {
                continue;
            }
            if let Some(computed) = arith::ratio_percent(d.interval(), prior) {
                if !computed.intersects(r.interval()) {
                    let mid = (computed.lo + computed.hi) / Decimal::from(2);
                    out.push(Finding {
                        cells: Vec::new(),
                        rule: TXT008.code.into(),
                        severity: Severity::Error,
                        message: format!(
                            "说明第{}行：增减额 {d} ÷ 上年 {} = {}%，与所写增减率 {r}% 不符",
                            ch.line,
                            prior,
                            mid.round_dp(2)
                        ),
                        message_en: format!(
                            "Change {d} over prior {prior} gives {}%, not the stated {r}%",
                            mid.round_dp(2)
                        ),
                        lines: vec![cur.line, ch.line],
                        expected: Some(format!("{}%", mid.round_dp(2))),
                        actual: Some(format!("{r}%")),
                    });
                }
            }
        }
    }
    if any {
        Applies::Yes
    } else {
        no_facts("增减变化")
    }
}

// ------------------------------------------------------------------------------------------

static TXT009: RuleDoc = RuleDoc {
    code: "TXT-009",
    family: Family::Text,
    severity: Severity::Error,
    title: "分项增减之和等于总增减",
    title_en: "Sub-changes add up to the total change",
    doc_en: "Checks that a total change stated in the text equals the sum of the stated part changes: the grand-total change = basic + project changes; the 'three public' change = travel abroad + vehicles + reception changes ('unchanged' counts as 0). Example: Xingtai 2024: -303.26 = +10.65 - 313.91.",
    what: "说明中总的增减额等于分项增减额的代数和：收支总计的增减 = 基本支出增减 + 项目支出增减；“三公”经费的增减 = 因公出国 + 公务用车 + 公务接待的增减（“持平”计为 0）。",
    why: "分项变化加不到总变化，说明某个增减数字或方向写错。",
    example: "邢台市医疗保障局 2024：−303.26 = +10.65 − 313.91。",
    basis: "勾稽关系目录 I-42。",
};
rule!(SubChangesAddUp, TXT009, txt009);

fn change_fig(f: &Fact) -> Option<Fig> {
    let a = f.value?;
    let v = match f.direction {
        Some(Direction::Decrease) => -a.value,
        Some(Direction::Increase) => a.value,
        _ => return None,
    };
    Some(Fig::new(
        Some(Amount::new(v, a.decimals)),
        f.line,
        format!("说明“{}”", f.text),
    ))
}

/// A 持平 statement: a change of exactly zero.
fn flat_zero(f: &Fact) -> Fig {
    Fig::new(Some(Amount::new(Decimal::ZERO, 10)), f.line, "持平")
}

fn txt009(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    use Subject::*;
    let facts = &cx.unit.facts;
    let changes: Vec<&Fact> = facts
        .iter()
        .filter(|f| f.measure == Measure::Change)
        .collect();
    let mut any = false;
    let groups: [(&[Subject], &[Subject]); 2] = [
        (
            &[BudgetTotal, ExpenditureTotal, IncomeTotal],
            &[Basic, Project],
        ),
        (&[ThreePublic], &[Abroad, Vehicle, Reception]),
    ];
    for (totals, parts) in groups {
        for total in changes
            .iter()
            .filter(|f| totals.contains(&f.subject) && f.value.is_some())
        {
            let mut figs = Vec::new();
            let mut counted_parts = 0;
            for p in parts {
                let found = changes
                    .iter()
                    .find(|f| &f.subject == p && f.paragraph_near(total));
                // 公务用车 may be stated only as 购置费 and 运行维护费.
                if found.is_none() && *p == Vehicle {
                    let purchase = changes
                        .iter()
                        .find(|f| f.subject == VehiclePurchase && f.paragraph_near(total));
                    let operation = changes
                        .iter()
                        .find(|f| f.subject == VehicleOperation && f.paragraph_near(total));
                    if let (Some(a), Some(b)) = (purchase, operation) {
                        // Both halves as separate figures, so each keeps its own rounding interval.
                        let expected = figs.len() + 2;
                        for f in [a, b] {
                            match f.direction {
                                Some(Direction::Flat) => figs.push(flat_zero(f)),
                                _ => figs.extend(change_fig(f)),
                            }
                        }
                        if figs.len() != expected {
                            figs.clear();
                        }
                        counted_parts += 1;
                    }
                    continue;
                }
                match found {
                    Some(f) if f.direction == Some(Direction::Flat) => {
                        figs.push(flat_zero(f));
                        counted_parts += 1;
                    }
                    Some(f) => {
                        figs.extend(change_fig(f));
                        counted_parts += 1;
                    }
                    None => {}
                }
            }
            // Every part must have a stated change (or 持平); otherwise the sum cannot be checked.
            if counted_parts != parts.len() || figs.is_empty() {
                continue;
            }
            let Some(t) = change_fig(total) else { continue };
            any = true;
            check_sum(&TXT009, "总增减 = 分项增减之和", &t, &figs, out);
        }
    }
    if any {
        Applies::Yes
    } else {
        no_facts("成套的分项增减")
    }
}

// ------------------------------------------------------------------------------------------

static TXT010: RuleDoc = RuleDoc {
    code: "TXT-010",
    family: Family::Text,
    severity: Severity::Error,
    title: "占比与金额相符",
    title_en: "Shares agree with the amounts",
    doc_en: "Checks that each share ('x% of') in the text equals the amount divided by its total x 100% (with intervals), and that complementary shares in one sentence add up to 100%. Example: Jiyuan 2023: basic 3320.30 / 6844.40 = 48.51%, project 51.49%, together 100%.",
    what: "说明中“占 x%”的占比 = 该项金额 ÷ 所属总额 × 100%（区间计算），同一句中互补的占比之和为 100%。",
    why: "占比是金额的另一种写法，算错会让读者误判支出结构。",
    example: "济源示范区医疗保障局 2023：基本支出 3320.30 ÷ 6844.40 = 48.51%，项目支出 51.49%，合计 100%。",
    basis: "勾稽关系目录 I-48。",
};
rule!(SharesMatch, TXT010, txt010);

fn txt010(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let facts = &cx.unit.facts;
    let mut any = false;
    let mut by_sentence: std::collections::BTreeMap<usize, Vec<Interval>> = Default::default();
    for (i, s) in facts.iter().enumerate() {
        if s.measure != Measure::Share {
            continue;
        }
        let Some(share) = s.value else { continue };
        // The part: the subject's figure just before; the whole: the sentence topic's figure.
        let part = facts[..i].iter().rev().find(|f| {
            f.subject == s.subject
                && matches!(f.measure, Measure::Amount | Measure::Count)
                && f.paragraph == s.paragraph
        });
        let whole_subject = match (&s.subject, &s.of) {
            (Subject::Item(_), Some(of)) => Some(of.clone()),
            (Subject::ProjectsDisclosed, _) => Some(Subject::ProjectsWithTargets),
            _ => s.topic.clone().filter(|t| *t != s.subject),
        };
        let whole = whole_subject.as_ref().and_then(|w| {
            facts
                .iter()
                .filter(|f| {
                    &f.subject == w
                        && matches!(f.measure, Measure::Amount | Measure::Count)
                        && f.paragraph <= s.paragraph
                })
                .max_by_key(|f| (f.paragraph, f.line, f.col))
        });
        let whole_iv = whole
            .and_then(|w| w.value)
            .map(|a| a.interval())
            .or_else(|| match s.subject {
                Subject::DisclosedProjectBudget => table(cx.unit, TableKind::ExpenditureSummary)
                    .and_then(|t| table_total(t, Scope::Root, Role::Project))
                    .map(|f| f.interval()),
                _ => None,
            });
        let (Some(p), Some(w)) = (part.and_then(|p| p.value), whole_iv) else {
            continue;
        };
        any = true;
        by_sentence
            .entry(s.sentence)
            .or_default()
            .push(share.interval());
        if let Some(computed) = arith::ratio_percent(p.interval(), w) {
            if !computed.intersects(share.interval()) {
                let mid = (computed.lo + computed.hi) / Decimal::from(2);
                out.push(Finding {
                    cells: Vec::new(),
                    rule: TXT010.code.into(),
                    severity: Severity::Error,
                    message: format!(
                        "说明第{}行：{} ÷ {} = {}%，与所写占比 {share}% 不符",
                        s.line,
                        p,
                        w,
                        mid.round_dp(2)
                    ),
                    message_en: format!(
                        "{p} of {w} is {}%, not the stated {share}%",
                        mid.round_dp(2)
                    ),
                    lines: vec![s.line],
                    expected: Some(format!("{}%", mid.round_dp(2))),
                    actual: Some(format!("{share}%")),
                });
            }
        }
    }
    for (sentence, shares) in by_sentence {
        if shares.len() < 2 {
            continue;
        }
        let sum = shares
            .iter()
            .copied()
            .fold(Interval::point(Decimal::ZERO), |a, b| a + b);
        let hundred = Decimal::from(100);
        if sum.lo > hundred {
            let line = facts
                .iter()
                .find(|f| f.sentence == sentence && f.measure == Measure::Share)
                .map_or(0, |f| f.line);
            out.push(Finding {
                cells: Vec::new(),
                rule: TXT010.code.into(),
                severity: Severity::Error,
                message: format!("说明第{line}行：同一句中各项占比之和 {sum} 超过 100%"),
                message_en: format!("Shares in one sentence add up to {sum}, more than 100%"),
                lines: vec![line],
                expected: Some("≤ 100%".into()),
                actual: Some(sum.to_string()),
            });
        }
    }
    if any {
        Applies::Yes
    } else {
        no_facts("占比")
    }
}

// ------------------------------------------------------------------------------------------

static TXT011: RuleDoc = RuleDoc {
    code: "TXT-011",
    family: Family::Text,
    severity: Severity::Error,
    title: "说明中列举的分项之和等于所述总额",
    title_en: "Items listed in the prose add up to their stated total",
    doc_en: "When the text lists the parts of a total (the items of operating costs, the projects of project spending, the kinds of fixed assets, the classes of general-budget spending), checks that the parts add up to the total. Example: Julu County 2026: project spending 187.00 = 13 + 80 + 30 + 5 + 6 + 8 + 15 + 30.",
    what: "说明在总额后逐项列举构成（如机关运行经费的办公费、电费……，项目支出的各项目，固定资产的各类，一般公共预算支出的各功能类）时，各项之和等于该总额。",
    why: "列举的分项加不到总额，说明漏列、多列或某项金额写错。",
    example: "巨鹿县医疗保障局 2026：项目支出 187.00 = 13 + 80 + 30 + 5 + 6 + 8 + 15 + 30。",
    basis: "勾稽关系目录 I-41、I-43。",
};
rule!(ItemsAddUp, TXT011, txt011);

fn txt011(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let facts = &cx.unit.facts;
    let mut groups: Vec<((usize, Subject), Vec<&Fact>)> = Vec::new();
    for f in facts.iter().filter(|f| {
        matches!(f.subject, Subject::Item(_))
            && f.measure == Measure::Amount
            && f.unit == FactUnit::WanYuan
    }) {
        let Some(of) = &f.of else { continue };
        let key = (f.sentence, of.clone());
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(g) => g.1.push(f),
            None => groups.push((key, vec![f])),
        }
    }
    let mut any = false;
    let mut found = Vec::new();
    for ((_, of), items) in groups.into_iter().filter(|g| g.1.len() >= 2) {
        let first = items[0];
        let whole = facts
            .iter()
            .filter(|f| {
                f.subject == of
                    && f.measure == Measure::Amount
                    && f.paragraph == first.paragraph
                    && (f.line, f.col) < (first.line, first.col)
            })
            .max_by_key(|f| (f.line, f.col));
        let Some(whole) = whole else { continue };
        any = true;
        let parts: Vec<Fig> = items.iter().map(|f| stated(f)).collect();
        check_sum(
            &TXT011,
            "说明列举的分项之和与所述总额",
            &stated(whole),
            &parts,
            &mut found,
        );
    }
    out.extend(group_rounding(found, "说明列举的分项"));
    if any {
        Applies::Yes
    } else {
        no_facts("逐项列举")
    }
}

// ------------------------------------------------------------------------------------------

static TXT012: RuleDoc = RuleDoc {
    code: "TXT-012",
    family: Family::Text,
    severity: Severity::Error,
    title: "项目个数与项目表一致",
    title_en: "Project counts agree with the project tables",
    doc_en: "Checks that the number of projects the text mentions (projects with performance targets, projects published, projects involved) equals the number of projects the project table (or the performance table) actually lists. Example: Wen County 2024: '10 projects', and the project table lists 10.",
    what: "说明所称的填报绩效目标项目数、公开项目数、涉及项目个数，等于项目支出预算表（或绩效目标表）实际列出的项目个数。",
    why: "项目个数对不上，说明有项目没有列入公开表格，或说明的数字是旧的。",
    example: "温县医疗保障局 2024：“涉及项目 10 个”，项目支出预算表列出 10 个项目。",
    basis: "勾稽关系目录 I-47。",
};
rule!(ProjectCounts, TXT012, txt012);

fn txt012(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    use Subject::*;
    let listed = match table(cx.unit, TableKind::ProjectExpenditure) {
        Some(h3) => {
            let ty = h3.column_any(Role::ProjectType);
            ty.map(|c| h3.rows.iter().filter(|r| r.text(c).contains("类")).count())
        }
        None => {
            let n = cx
                .unit
                .tables_of(TableKind::ProjectPerformance)
                .filter(|t| t.key_value)
                .count();
            (n > 0).then_some(n)
        }
    };
    let Some(listed) = listed else {
        return Applies::No("没有可数项目的表".into());
    };
    let mut any = false;
    for f in cx.unit.facts.iter().filter(|f| {
        matches!(
            f.subject,
            ProjectsWithTargets | ProjectsDisclosed | ProjectCount
        ) && f.measure == Measure::Count
    }) {
        let Some(v) = f.value else { continue };
        any = true;
        if v.value != Decimal::from(listed as u64) {
            out.push(Finding {
                cells: Vec::new(),
                rule: TXT012.code.into(),
                severity: Severity::Error,
                message: format!(
                    "说明第{}行“{}”，但项目表列出 {listed} 个项目",
                    f.line, f.text
                ),
                message_en: format!(
                    "The prose states {v} projects; the project table lists {listed}"
                ),
                lines: vec![f.line],
                expected: Some(listed.to_string()),
                actual: Some(v.printed()),
            });
        }
    }
    if any {
        Applies::Yes
    } else {
        no_facts("项目个数")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subset_sums_respect_rounding() {
        // 4.48 = 0.98 + 1.19 + 0.57 + 0.87 + 0.27 + 0.60.
        assert!(subset_hits(&[98, 119, 57, 87, 27, 60], 448, 1));
        // 8.00 from 1.35, 3.65, 0.60: reachable sums are 1.35, 1.95, 4.25, 5.00, 5.60 …
        assert!(!subset_hits(&[135, 365, 60], 800, 1));
        // Each 2-decimal addend stands for ±0.005: six of them explain a 1-cent gap.
        assert!(subset_hits(&[100, 100, 100, 100, 100, 99], 600, 1));
        assert!(fixed_asset_catalog("A02010105") && fixed_asset_catalog("A05010201"));
        assert!(
            !fixed_asset_catalog("A05040101")
                && !fixed_asset_catalog("A07100300")
                && !fixed_asset_catalog("C21040000")
        );
    }
}

#[cfg(test)]
mod rule_tests {
    use crate::report::Severity;
    use crate::rules::testing::*;

    fn silent_on_all(code: &str) {
        for s in ["000", "001", "002", "003", "004"] {
            assert_silent(&seed(s), code);
        }
    }

    #[test]
    fn txt001_income() {
        silent_on_all("TXT-001");
        let text = mutate(
            "000",
            368,
            "一般公共预算收入1539.63万元",
            "一般公共预算收入1539.00万元",
        );
        assert_fires(&text, "TXT-001", Severity::Error, 368);
        // `265.8` stands for [265.75, 265.85]: agrees with 265.80, not with 265.90.
        let text = mutate("002", 351, "预算收入 265.8 万元", "预算收入 265.9 万元");
        assert_fires(&text, "TXT-001", Severity::Error, 351);
    }

    #[test]
    fn txt002_expenditure_routes_to_the_right_table() {
        silent_on_all("TXT-002");
        let text = mutate("000", 372, "项目支出902.63万元", "项目支出902.00万元");
        assert_fires(&text, "TXT-002", Severity::Error, 372);
        // Seed 001 line 102 speaks of 一般公共预算: 3216.10 is checked against that table.
        let text = mutate("001", 102, "项目支出 3216.10 万元", "项目支出 3524.10 万元");
        assert_fires(&text, "TXT-002", Severity::Error, 102);
    }

    #[test]
    fn txt003_three_public() {
        silent_on_all("TXT-003");
        let text = mutate("000", 384, "公务接待费0.8万元", "公务接待费1.8万元");
        assert_fires(&text, "TXT-003", Severity::Error, 384);
    }

    #[test]
    fn txt004_operating_cost_both_templates() {
        silent_on_all("TXT-004");
        let text = mutate("000", 380, "125.98", "120.98");
        assert_fires(&text, "TXT-004", Severity::Warning, 380);
        let text = mutate("004", 129, "19.20万元", "19.70万元");
        assert_fires(&text, "TXT-004", Severity::Warning, 129);
    }

    #[test]
    fn txt005_procurement() {
        silent_on_all("TXT-005");
        let text = mutate(
            "001",
            138,
            "政府采购服务预算 619.53",
            "政府采购服务预算 600.00",
        );
        assert_fires(&text, "TXT-005", Severity::Error, 138);
    }

    #[test]
    fn txt006_assets() {
        silent_on_all("TXT-006");
        let text = mutate("000", 697, "1503.09", "1503.00");
        assert_fires(&text, "TXT-006", Severity::Error, 697);
        let text = mutate("000", 711, "810.96", "800.96");
        assert_fires(&text, "TXT-006", Severity::Error, 711);
    }

    #[test]
    fn txt007_planned_assets() {
        assert_fires(&seed("000"), "TXT-007", Severity::Warning, 697);
        assert_fires(&seed("003"), "TXT-007", Severity::Warning, 578);
        // Seed 002: 4.48 = every fixed-asset line (4.82 less 0.34 of copy paper).
        assert_silent(&seed("002"), "TXT-007");
        assert_silent(&seed("004"), "TXT-007");
    }

    #[test]
    fn txt008_change_arithmetic() {
        silent_on_all("TXT-008");
        let text = mutate("001", 84, "下降 11.14%", "下降 12.14%");
        let f = assert_fires(&text, "TXT-008", Severity::Error, 84);
        assert!(f.message.contains("11.14"), "{}", f.message);
        // 与2023年预算2.8万元相比没有增减变化 — but this year is 2.9.
        let text = mutate(
            "000",
            384,
            "与2023年预算2.8万元相比",
            "与2023年预算3.8万元相比",
        );
        assert_fires(&text, "TXT-008", Severity::Error, 384);
    }

    #[test]
    fn txt009_sub_changes() {
        silent_on_all("TXT-009");
        let text = mutate("000", 376, "基本支出增加10.65万元", "基本支出增加11.65万元");
        assert_fires(&text, "TXT-009", Severity::Error, 376);
        // Henan states 公务用车 only through 购置费 (持平) and 运行维护费 (−3): −6 = 0 + (0 − 3) − 3.
        // Whole-万元 figures stand for ±0.5 each, so a 1.00 change is within rounding; 2.00 is not.
        let text = mutate("004", 123, "比上年预算数减少3万元", "比上年预算数减少4万元");
        assert_silent(&text, "TXT-009");
        let text = mutate("004", 123, "比上年预算数减少3万元", "比上年预算数减少5万元");
        assert_fires(&text, "TXT-009", Severity::Error, 123);
    }

    #[test]
    fn txt010_shares() {
        silent_on_all("TXT-010");
        let text = mutate("001", 92, "占 48.51%", "占 47.51%");
        assert_fires(&text, "TXT-010", Severity::Error, 92);
        let text = mutate("004", 99, "占0.39%", "占3.90%");
        assert_fires(&text, "TXT-010", Severity::Error, 99);
    }

    #[test]
    fn txt011_items() {
        silent_on_all("TXT-011");
        let text = mutate("002", 363, "电费 2.83 万元", "电费 3.83 万元");
        assert_fires(&text, "TXT-011", Severity::Error, 363);
        // Whole-万元 items each stand for ±0.5: eight of them absorb a 1.00 gap, not a 10.00 one.
        let text = mutate("003", 325, "医保宣传经费6万元", "医保宣传经费7万元");
        assert_silent(&text, "TXT-011");
        let text = mutate("003", 325, "医保宣传经费6万元", "医保宣传经费16万元");
        assert_fires(&text, "TXT-011", Severity::Error, 325);
    }

    #[test]
    fn txt012_project_counts() {
        silent_on_all("TXT-012");
        let text = mutate("004", 137, "涉及项目10个", "涉及项目11个");
        assert_fires(&text, "TXT-012", Severity::Error, 137);
    }
}
