//! Figures stated in each seed's 情况说明, checked against the sentences they come from.

mod common;

use yusuan_core::facts::{Direction, Fact, Measure, Subject};
use yusuan_core::Document;

fn load(name: &str) -> Document {
    common::parsed(name)
}

/// The facts of one unit stated on `line` about `subject` with `measure`, as printed values.
fn on(doc: &Document, unit: usize, line: usize, subject: Subject, measure: Measure) -> Vec<String> {
    doc.units[unit]
        .facts
        .iter()
        .filter(|f| f.line == line && f.subject == subject && f.measure == measure)
        .map(|f| f.value.map_or("-".to_owned(), |v| v.printed()))
        .collect()
}

fn one(doc: &Document, unit: usize, line: usize, subject: Subject, measure: Measure) -> &Fact {
    let found: Vec<&Fact> = doc.units[unit]
        .facts
        .iter()
        .filter(|f| f.line == line && f.subject == subject && f.measure == measure)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "line {line} {subject:?} {measure:?}: {found:?}"
    );
    found[0]
}

fn item(name: &str) -> Subject {
    Subject::Item(name.to_owned())
}

use Measure::*;
use Subject::*;

#[test]
fn seed_000_income_expenditure_and_changes() {
    let doc = load("000");
    // 2024年预算收入1890.26万元，其中：一般公共预算收入1539.63万元，基金预算收入0.00万元，…上年结转结余350.63万元。
    assert_eq!(on(&doc, 0, 368, IncomeTotal, Amount), ["1890.26"]);
    assert_eq!(on(&doc, 0, 368, GeneralBudgetIncome, Amount), ["1539.63"]);
    assert_eq!(on(&doc, 0, 368, GovFundIncome, Amount), ["0.00"]);
    assert_eq!(on(&doc, 0, 368, CarryOverIncome, Amount), ["350.63"]);
    // …其中基本支出987.63万元，包括人员经费861.65万元和日常公用经费125.98万元；项目支出902.63万元
    assert_eq!(on(&doc, 0, 372, ExpenditureTotal, Amount), ["1890.26"]);
    assert_eq!(on(&doc, 0, 372, Personnel, Amount), ["861.65"]);
    assert_eq!(on(&doc, 0, 372, Public, Amount), ["125.98"]);
    assert_eq!(on(&doc, 0, 372, Project, Amount), ["902.63"]);
    // 较2023年预算减少303.26万元，其中：基本支出增加10.65万元，…项目支出减少313.91万元
    let total = one(&doc, 0, 376, BudgetTotal, Change);
    assert_eq!(
        (total.value.unwrap().printed(), total.direction),
        ("303.26".into(), Some(Direction::Decrease))
    );
    assert_eq!(
        one(&doc, 0, 376, Basic, Change).direction,
        Some(Direction::Increase)
    );
    assert_eq!(on(&doc, 0, 376, Project, Change), ["313.91"]);
    assert_eq!(on(&doc, 0, 380, OperatingCost, Amount), ["125.98"]);
    let f = one(&doc, 0, 380, OperatingCost, Amount);
    assert_eq!(
        (f.col, f.text.as_str()),
        (16, "2024年我部门运行经费共计安排125.98万元")
    );
}

#[test]
fn seed_000_three_public_and_assets() {
    let doc = load("000");
    assert_eq!(on(&doc, 0, 384, ThreePublic, Amount), ["2.8"]);
    assert_eq!(on(&doc, 0, 384, Vehicle, Amount), ["2", "2"]);
    assert_eq!(on(&doc, 0, 384, VehicleOperation, Amount), ["2", "2"]);
    assert_eq!(on(&doc, 0, 384, Reception, Amount), ["0.8", "0.8"]);
    // 与2023年预算2.8万元相比没有增减变化。
    assert_eq!(on(&doc, 0, 384, ThreePublic, Prior), ["2.8"]);
    let flat = one(&doc, 0, 384, ThreePublic, Change);
    assert_eq!((flat.value, flat.direction), (None, Some(Direction::Flat)));
    assert_eq!(
        one(&doc, 0, 384, Reception, Change).direction,
        Some(Direction::Flat)
    );
    assert_eq!(on(&doc, 0, 697, FixedAssets, Amount), ["1503.09"]);
    assert_eq!(on(&doc, 0, 697, FixedAssetsPlanned, Amount), ["108.65"]);
}

#[test]
fn seed_001_changes_rates_and_shares() {
    let doc = load("001");
    // 收、支总计各减少 858.17 万元，下降 11.14%。
    assert_eq!(on(&doc, 0, 84, BudgetTotal, Change), ["858.17"]);
    let rate = one(&doc, 0, 84, BudgetTotal, Rate);
    assert_eq!(
        (rate.value.unwrap().printed(), rate.direction),
        ("11.14".into(), Some(Direction::Decrease))
    );
    // 基本支出 3320.30 万元，占 48.51%；项目支出 3524.10 万元，占 51.49%。
    assert_eq!(on(&doc, 0, 92, Basic, Share), ["48.51"]);
    assert_eq!(on(&doc, 0, 92, Project, Share), ["51.49"]);
    assert_eq!(on(&doc, 0, 106, Personnel, Share), ["95.76"]);
    // A sentence the PDF broke across lines 96 and 98: the figure keeps its own line.
    let gf = one(&doc, 0, 96, GovFund, Amount);
    assert_eq!(gf.value.unwrap().printed(), "206.50");
    assert_eq!(on(&doc, 0, 98, GovFund, Change), ["374.93"]);
    assert_eq!(on(&doc, 0, 98, GovFund, Rate), ["64.48"]);
    // 2023 年“三公”经费支出预算数比 2022 年减少 16.20 万元，下降 79.80%。
    assert_eq!(on(&doc, 0, 110, ThreePublic, Change), ["16.20"]);
    assert_eq!(on(&doc, 0, 110, ThreePublic, Rate), ["79.80"]);
    assert_eq!(on(&doc, 0, 116, Reception, Change), ["0.60"]);
    assert_eq!(on(&doc, 0, 118, VehicleOperation, Rate), ["240.00"]);
    assert_eq!(on(&doc, 0, 118, VehiclePurchase, Change), ["18.00"]);
    // 机关运行 / 经费支出预算 138.50 万元 — the heading word is on line 132, the figure on 134.
    assert_eq!(on(&doc, 0, 134, OperatingCost, Amount), ["138.50"]);
    assert_eq!(on(&doc, 0, 134, OperatingCost, Rate), ["9.40"]);
}

#[test]
fn seed_001_procurement_performance_assets() {
    let doc = load("001");
    assert_eq!(on(&doc, 0, 138, Procurement, Amount), ["619.53"]);
    assert_eq!(on(&doc, 0, 138, ProcurementGoods, Amount), ["0.00"]);
    assert_eq!(on(&doc, 0, 138, ProcurementWorks, Amount), ["0.00"]);
    assert_eq!(on(&doc, 0, 138, ProcurementServices, Amount), ["619.53"]);
    assert_eq!(on(&doc, 0, 144, ProjectsWithTargets, Count), ["30"]);
    assert_eq!(on(&doc, 0, 144, ProjectsDisclosed, Count), ["30"]);
    assert_eq!(
        on(&doc, 0, 144, DisclosedProjectBudget, Amount),
        ["3524.10"]
    );
    assert_eq!(on(&doc, 0, 148, Vehicles, Count), ["2"]);
    // `单价 50 万元以上通用设备` is a threshold, not a figure.
    assert!(doc.units[0]
        .facts
        .iter()
        .all(|f| !(f.line == 148 && f.unit == yusuan_core::facts::FactUnit::WanYuan)));
}

#[test]
fn seed_002_facts_stay_with_their_unit() {
    let doc = load("002");
    assert!(doc.units[0].facts.iter().all(|f| f.line < 617));
    assert!(doc.units[1].facts.iter().all(|f| f.line >= 617));
    assert_eq!(on(&doc, 0, 351, IncomeTotal, Amount), ["265.8"]);
    assert_eq!(on(&doc, 1, 990, IncomeTotal, Amount), ["8872.17"]);
    assert_eq!(on(&doc, 1, 990, CarryOverIncome, Amount), ["6.9"]);
    // 机关运行经费共计安排 10.2 万元，主要用于办公费 1 万元，电费 2.83 万元，…
    let items: Vec<(String, String)> = doc.units[0]
        .facts
        .iter()
        .filter(|f| f.line == 363 && f.of == Some(OperatingCost))
        .map(|f| match &f.subject {
            Item(n) => (n.clone(), f.value.unwrap().printed()),
            other => panic!("{other:?}"),
        })
        .collect();
    let expected = [
        ("办公费", "1"),
        ("电费", "2.83"),
        ("邮电费", "1.42"),
        ("招待费", "0.30"),
        ("其他交通费", "3.72"),
        ("维修维护费", "0.93"),
    ];
    assert_eq!(items, expected.map(|(a, b)| (a.to_owned(), b.to_owned())));
    // …本年三公经费预算安排 0.3 万元，2024 年预算安排 1.9 万元
    assert_eq!(on(&doc, 0, 367, ThreePublic, Prior), ["1.9"]);
    assert_eq!(on(&doc, 0, 367, ThreePublic, Rate), ["84.21"]);
    assert_eq!(on(&doc, 0, 367, VehicleOperation, Change), ["1.6", "1.6"]);
    // 2025年与上年持平 — said of the "三公" total, after the item figures.
    assert_eq!(
        one(&doc, 1, 1006, ThreePublic, Change).direction,
        Some(Direction::Flat)
    );
    assert_eq!(on(&doc, 0, 575, FixedAssetsPlanned, Amount), ["4.48"]);
    // In the 机关运行经费 paragraph, 公务接待费 is one of its items, not the "三公" figure.
    assert_eq!(on(&doc, 1, 1002, item("公务接待费"), Amount), ["0.16"]);
}

#[test]
fn seed_003_project_list_and_changes() {
    let doc = load("003");
    let projects: Vec<String> = doc.units[0]
        .facts
        .iter()
        .filter(|f| f.of == Some(Project) && f.measure == Amount)
        .map(|f| f.value.unwrap().printed())
        .collect();
    assert_eq!(projects, ["13", "80", "30", "5", "6", "8", "15", "30"]);
    // The list wraps onto line 327; the 30 万元 item there names a notice with [2025] in it.
    let last = doc.units[0]
        .facts
        .iter()
        .find(|f| f.line == 327 && f.col == 73)
        .unwrap();
    assert_eq!(last.measure, Amount);
    assert!(matches!(&last.subject, Item(n) if n.starts_with("冀财社[2025]128 号")));
    assert_eq!(on(&doc, 0, 331, BudgetTotal, Change), ["22.73"]);
    assert_eq!(on(&doc, 0, 331, Project, Change), ["4.00"]);
    assert_eq!(on(&doc, 0, 339, ThreePublic, Change), ["1.00"]);
    assert_eq!(on(&doc, 0, 578, FixedAssetsPlanned, Amount), ["8.00"]);
}

#[test]
fn seed_004_henan_statements() {
    let doc = load("004");
    assert_eq!(on(&doc, 0, 83, BudgetTotal, Rate), ["3.17"]);
    assert_eq!(on(&doc, 0, 87, GeneralBudgetIncome, Amount), ["7895.93"]);
    assert_eq!(on(&doc, 0, 87, OtherIncome, Amount), ["0"]);
    assert_eq!(on(&doc, 0, 91, Basic, Share), ["5.60"]);
    // 社会保障和就业支出48.28万元，占0.61%；卫生健康支出7816.81万元，占99%；…
    assert_eq!(on(&doc, 0, 99, item("卫生健康支出"), Share), ["99"]);
    assert_eq!(on(&doc, 0, 99, item("住房保障支出"), Amount), ["30.84"]);
    assert_eq!(on(&doc, 0, 103, GeneralBudgetBasic, Amount), ["441.99"]);
    assert_eq!(on(&doc, 0, 115, ThreePublic, Rate), ["50"]);
    assert_eq!(
        one(&doc, 0, 121, VehiclePurchase, Change).direction,
        Some(Direction::Flat)
    );
    assert_eq!(on(&doc, 0, 121, VehicleOperation, Rate), ["37.50"]);
    assert_eq!(on(&doc, 0, 129, OperatingCost, Amount), ["19.20"]);
    assert_eq!(on(&doc, 0, 129, OperatingCost, Change), ["5.70"]);
    assert_eq!(on(&doc, 0, 137, PerformanceTotal, Amount), ["7895.93"]);
    assert_eq!(on(&doc, 0, 137, ProjectCount, Count), ["10"]);
    assert_eq!(on(&doc, 0, 143, FixedAssets, Amount), ["156.74"]);
    assert_eq!(on(&doc, 0, 143, item("车辆"), Amount), ["35.97"]);
}
