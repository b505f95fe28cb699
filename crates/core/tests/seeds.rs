//! The five real disclosures in tests/fixtures: every table found once, with the right kind,
//! span, row count and empty flag; and sampled cells from every table kind, traps included.

mod common;

use yusuan_core::{Document, Role, Row, Scope, Table, TableKind};

fn load(name: &str) -> Document {
    common::parsed(name)
}

type Inv = (TableKind, usize, usize, usize, bool);

fn inventory(doc: &Document, unit: usize) -> Vec<Inv> {
    doc.units[unit]
        .tables
        .iter()
        .map(|t| (t.kind, t.lines.0, t.lines.1, t.rows.len(), t.empty))
        .collect()
}

fn table(doc: &Document, unit: usize, kind: TableKind) -> &Table {
    doc.units[unit]
        .table(kind)
        .unwrap_or_else(|| panic!("{kind:?} missing"))
}

fn row(t: &Table, line: usize) -> &Row {
    t.rows
        .iter()
        .find(|r| r.line == line)
        .unwrap_or_else(|| panic!("{:?}: no row at line {line}", t.kind))
}

/// The printed figure in the row's cell for (scope, role), with its printed precision.
fn fig(t: &Table, line: usize, scope: Scope, role: Role) -> Option<String> {
    let col = t
        .column(scope, role)
        .unwrap_or_else(|| panic!("{:?}: no column {scope:?}/{role:?}", t.kind));
    row(t, line).amount(col).map(|a| a.printed())
}

fn s(x: &str) -> Option<String> {
    Some(x.to_owned())
}

use Role::*;
use Scope::{Expenditure, Income, Root, ThisYear};
use TableKind::*;

#[test]
fn seed_000_inventory() {
    let doc = load("000");
    assert_eq!(doc.units.len(), 1);
    let u = &doc.units[0];
    assert_eq!(
        (u.code.as_deref(), u.name.as_deref(), u.year),
        (Some("417"), Some("邢台市医疗保障局"), Some(2024))
    );
    assert_eq!(
        inventory(&doc, 0),
        vec![
            (BudgetSummary, 32, 86, 34, false),
            (IncomeSummary, 88, 104, 6, false),
            (ExpenditureSummary, 106, 122, 6, false),
            (FiscalSummary, 124, 191, 37, false),
            (GeneralBudgetExpenditure, 193, 209, 6, false),
            (GeneralBudgetBasic, 211, 260, 29, false),
            (GovFundExpenditure, 262, 274, 0, true),
            (StateCapitalExpenditure, 276, 288, 0, true),
            (ThreePublic, 290, 309, 9, false),
            (OrgStructure, 357, 360, 1, false),
            (ProjectPerformance, 460, 488, 22, false),
            (ProjectPerformance, 490, 511, 15, false),
            (ProjectPerformance, 513, 532, 15, false),
            (ProjectPerformance, 534, 556, 16, false),
            (ProjectPerformance, 558, 586, 22, false),
            (ProjectPerformance, 588, 612, 18, false),
            (Procurement, 616, 693, 40, false),
            (Assets, 699, 711, 6, false),
        ]
    );
    assert_eq!(u.tables[0].title, "部门预算收支总表");
    assert_eq!(
        u.tables[11].title,
        "2、2023 年下达医疗服务与保障能力提升补助资金（冀财社【2023】82 号）绩效目标表"
    );
}

#[test]
fn seed_001_inventory() {
    let doc = load("001");
    assert_eq!(doc.units.len(), 1);
    let u = &doc.units[0];
    assert_eq!(
        (u.code.as_deref(), u.name.as_deref(), u.year),
        (None, Some("济源产城融合示范区医疗保障局"), Some(2023))
    );
    assert_eq!(
        inventory(&doc, 0),
        vec![
            (BudgetSummary, 182, 222, 33, false),
            (IncomeSummary, 224, 236, 4, false),
            (ExpenditureSummary, 238, 275, 19, false),
            (FiscalSummary, 277, 328, 33, false),
            (GeneralBudgetExpenditure, 330, 367, 17, false),
            (GeneralBudgetBasic, 369, 418, 33, false),
            (EconomicSummary, 420, 493, 39, false),
            (ThreePublic, 495, 505, 1, false),
            (GovFundExpenditure, 507, 519, 4, false),
            (StateCapitalExpenditure, 521, 530, 1, true),
            (ProjectExpenditure, 532, 600, 34, false),
            (DeptPerformance, 602, 668, 47, false),
            (ProjectPerformance, 670, 945, 37, false),
        ]
    );
}

#[test]
fn seed_002_holds_two_units() {
    let doc = load("002");
    let ids: Vec<_> = doc
        .units
        .iter()
        .map(|u| (u.code.as_deref(), u.name.as_deref(), u.year, u.lines))
        .collect();
    assert_eq!(
        ids,
        vec![
            (
                Some("450001"),
                Some("青龙满族自治县医疗保障局本级"),
                Some(2025),
                (1, 616)
            ),
            (
                Some("450003"),
                Some("青龙满族自治县医疗保险基金服务中心"),
                Some(2025),
                (617, 1414)
            ),
        ]
    );
    let mut first = vec![
        (BudgetSummary, 10, 62, 34, false),
        (IncomeSummary, 64, 102, 17, false),
        (ExpenditureSummary, 104, 131, 17, false),
        (FiscalSummary, 133, 200, 37, false),
        (GeneralBudgetExpenditure, 202, 229, 17, false),
        (GeneralBudgetBasic, 231, 260, 19, false),
        (GovFundExpenditure, 262, 274, 0, true),
        (StateCapitalExpenditure, 276, 288, 0, true),
        (ThreePublic, 290, 308, 8, false),
        (OrgStructure, 340, 343, 1, false),
    ];
    for (a, b, r) in [
        (371, 396, 17),
        (398, 421, 17),
        (423, 446, 17),
        (448, 472, 17),
        (474, 497, 17),
        (499, 524, 17),
        (526, 549, 17),
    ] {
        first.push((ProjectPerformance, a, b, r, false));
    }
    first.push((Procurement, 553, 571, 9, false));
    first.push((Assets, 577, 589, 6, false));
    assert_eq!(inventory(&doc, 0), first);

    let mut second = vec![
        (BudgetSummary, 619, 672, 34, false),
        (IncomeSummary, 674, 715, 21, false),
        (ExpenditureSummary, 717, 758, 21, false),
        (FiscalSummary, 760, 827, 37, false),
        (GeneralBudgetExpenditure, 829, 870, 21, false),
        (GeneralBudgetBasic, 872, 899, 17, false),
        (GovFundExpenditure, 901, 913, 0, true),
        (StateCapitalExpenditure, 915, 927, 0, true),
        (ThreePublic, 929, 947, 8, false),
        (OrgStructure, 979, 982, 1, false),
    ];
    for (a, b, r) in [
        (1010, 1041, 19),
        (1043, 1069, 16),
        (1071, 1094, 17),
        (1096, 1131, 21),
        (1133, 1160, 19),
        (1162, 1189, 17),
        (1191, 1220, 19),
        (1222, 1244, 16),
        (1246, 1266, 14),
        (1268, 1287, 13),
        (1289, 1313, 18),
        (1315, 1336, 15),
        (1338, 1363, 17),
    ] {
        second.push((ProjectPerformance, a, b, r, false));
    }
    second.push((Procurement, 1367, 1378, 0, true));
    second.push((Assets, 1384, 1396, 6, false));
    assert_eq!(inventory(&doc, 1), second);
    // A title wrapped over two lines is read whole.
    assert_eq!(
        doc.units[0].tables[13].title,
        "4、关于提前下达 2025 年中央财政医疗服务与保障能力提升补助资金（医疗保障服务能力建设部分）预算的通知--冀财社[2024]158 号绩效目标表"
    );
}

#[test]
fn seed_003_inventory() {
    let doc = load("003");
    assert_eq!(doc.units.len(), 1);
    assert_eq!(doc.units[0].year, Some(2026));
    let mut expected = vec![
        (BudgetSummary, 32, 85, 33, false),
        (IncomeSummary, 87, 107, 8, false),
        (ExpenditureSummary, 109, 129, 8, false),
        (FiscalSummary, 131, 192, 37, false),
        (GeneralBudgetExpenditure, 194, 212, 8, false),
        (GeneralBudgetBasic, 214, 241, 17, false),
        (GovFundExpenditure, 243, 255, 0, true),
        (StateCapitalExpenditure, 257, 269, 0, true),
        (ThreePublic, 271, 290, 9, false),
        (OrgStructure, 310, 313, 1, false),
    ];
    for (a, b, r) in [
        (385, 405, 14),
        (407, 427, 14),
        (429, 448, 13),
        (450, 470, 14),
        (472, 490, 14),
        (492, 511, 13),
        (513, 533, 16),
        (535, 554, 15),
    ] {
        expected.push((ProjectPerformance, a, b, r, false));
    }
    expected.push((Procurement, 558, 574, 7, false));
    expected.push((Assets, 580, 592, 6, false));
    assert_eq!(inventory(&doc, 0), expected);
}

#[test]
fn seed_004_inventory() {
    let doc = load("004");
    assert_eq!(doc.units.len(), 1);
    assert_eq!(
        (doc.units[0].name.as_deref(), doc.units[0].year),
        (Some("温县医疗保障局"), Some(2024))
    );
    assert_eq!(
        inventory(&doc, 0),
        vec![
            (BudgetSummary, 175, 217, 33, false),
            (IncomeSummary, 219, 232, 3, false),
            (ExpenditureSummary, 234, 257, 13, false),
            (FiscalSummary, 259, 306, 33, false),
            (GeneralBudgetExpenditure, 308, 332, 13, false),
            (GeneralBudgetBasic, 334, 374, 28, false),
            (BasicDetail, 376, 419, 31, false),
            (EconomicSummary, 421, 477, 41, false),
            (ThreePublic, 479, 491, 1, false),
            (GovFundExpenditure, 493, 505, 1, true),
            (StateCapitalExpenditure, 507, 519, 1, true),
            (ProjectExpenditure, 521, 542, 12, false),
            (OperatingCost, 544, 562, 9, false),
            (DeptPerformance, 564, 619, 47, false),
            (ProjectPerformance, 621, 663, 12, false),
        ]
    );
}

// ----------------------------------------------------------------------------- cells, by kind

#[test]
fn summary_tables_read_both_sides() {
    let doc = load("000");
    let t = table(&doc, 0, BudgetSummary);
    assert_eq!(fig(t, 84, Income, Amount), s("1539.63"));
    assert_eq!(fig(t, 84, Expenditure, Amount), s("1890.26"));
    assert_eq!(row(t, 84).name.as_deref(), Some("本年收入合计"));
    assert_eq!(fig(t, 52, Expenditure, Amount), s("1890.26"));
    // Blank is not zero.
    assert_eq!(fig(t, 44, Income, Amount), None);
    let f = table(&doc, 0, FiscalSummary);
    assert_eq!(fig(f, 144, Expenditure, Total), s("1890.26"));
    assert_eq!(fig(f, 144, Expenditure, GeneralBudget), s("1890.26"));
    // The last row sits alone on the table's third page.
    assert_eq!(row(f, 191).name.as_deref(), Some("收入总计"));
}

#[test]
fn thousands_separators_and_precision() {
    let doc = load("001");
    let t = table(&doc, 0, BudgetSummary);
    let a = row(t, 190)
        .amount(t.column(Income, Amount).unwrap())
        .unwrap();
    assert_eq!((a.value.to_string(), a.decimals), ("6536.40".to_owned(), 2));
    let doc2 = load("002");
    // `0.3` in the 三公 table is printed with one decimal: it stands for [0.25, 0.35].
    let tp = table(&doc2, 0, ThreePublic);
    let col = tp.column(Root, Total).unwrap();
    let a = row(tp, 301).amount(col).unwrap();
    assert_eq!((a.printed(), a.decimals), ("0.3".to_owned(), 1));
}

#[test]
fn functional_codes_split_by_space_and_over_columns() {
    // `210150 1` (seed 003) is code 2101501.
    let doc = load("003");
    let t = table(&doc, 0, ExpenditureSummary);
    assert_eq!(row(t, 123).code.as_deref(), Some("2101501"));
    assert_eq!(fig(t, 123, Root, Basic), s("261.03"));
    // 类|款|项 in three columns (seed 001): 208 | 01 | 07.
    let doc = load("001");
    let t = table(&doc, 0, ExpenditureSummary);
    assert_eq!(row(t, 249).code.as_deref(), Some("2080107"));
    assert_eq!(row(t, 249).name.as_deref(), Some("社会保险业务管理事务"));
    assert_eq!(row(t, 248).unit_code.as_deref(), Some("036"));
}

#[test]
fn income_summary_cells() {
    let doc = load("000");
    let t = table(&doc, 0, IncomeSummary);
    assert_eq!(row(t, 104).code.as_deref(), Some("2101599"));
    assert_eq!(fig(t, 104, Root, Total), s("742.63"));
    assert_eq!(fig(t, 104, ThisYear, Total), s("392.00"));
    assert_eq!(fig(t, 104, Root, CarryOver), s("350.63"));
    assert_eq!(fig(t, 102, Root, CarryOver), None);
}

#[test]
fn cell_wrapped_across_a_page_break_is_joined() {
    // Seed 002: `医疗保障经办` ends page 1 (line 87); `事务` heads page 2 (line 98) in the 合计 column.
    let doc = load("002");
    let t = table(&doc, 0, IncomeSummary);
    let r = row(t, 87);
    assert_eq!(r.continued, vec![98]);
    assert_eq!(r.name.as_deref(), Some("医疗保障经办事务"));
    assert_eq!(fig(t, 87, Root, Total), s("1.00"));
    assert!(t.rows.iter().all(|r| r.line != 98));
}

#[test]
fn header_shifted_against_its_data_is_remapped() {
    // Seed 002, unit 450003: page 1 prints 上年结转 one column left of its figures.
    let doc = load("002");
    let t = table(&doc, 1, IncomeSummary);
    assert_eq!(fig(t, 685, Root, CarryOver), s("6.90"));
    assert_eq!(fig(t, 685, ThisYear, Total), s("8865.27"));
    assert_eq!(t.repairs.len(), 1);
    assert_eq!(t.repairs[0].lines, (682, 695));
    // Seed 000: procurement page 1 swaps 上年结转结余 and 预留中小微企业份额.
    let doc = load("000");
    let p = table(&doc, 0, Procurement);
    assert_eq!(fig(p, 624, Root, CarryOver), s("224.21"));
    assert_eq!(fig(p, 624, Root, Total), s("695.21"));
    let reserved = p.column_any(Reserved).unwrap();
    assert_eq!(
        row(p, 624).amount(reserved).map(|a| a.printed()),
        s("534.47")
    );
    assert_eq!(row(p, 639).amount(reserved).map(|a| a.printed()), s("1.00"));
    // Seed 004: the 机关运行经费 header puts 合计 one column left of the figures.
    let doc = load("004");
    let o = table(&doc, 0, OperatingCost);
    assert_eq!(fig(o, 552, Root, Total), s("19.20"));
    assert_eq!(row(o, 559).code.as_deref(), Some("30231"));
    assert_eq!(fig(o, 559, Root, Total), s("5.00"));
}

#[test]
fn data_rows_that_omit_an_empty_column() {
    // Seed 004 一般公共预算支出表: rows drop the empty 资本性支出 column the header still has.
    let doc = load("004");
    let t = table(&doc, 0, GeneralBudgetExpenditure);
    assert_eq!(fig(t, 317, Root, Basic), s("441.99"));
    assert_eq!(fig(t, 317, Root, Goods), s("28.30"));
    assert_eq!(fig(t, 317, Root, Capital), None);
    assert_eq!(fig(t, 317, Root, Project), s("7453.94"));
    assert_eq!(fig(t, 317, Root, OtherOperation), s("23.78"));
    assert_eq!(fig(t, 317, Root, SpecificTarget), s("7430.16"));
    assert_eq!(t.repairs.len(), 1, "{:?}", t.repairs);
    // Seed 001 政府性基金支出表: one column short, and its header lacks 特定目标类.
    let doc = load("001");
    let g = table(&doc, 0, GovFundExpenditure);
    assert_eq!(fig(g, 519, Root, Project), s("3.10"));
    assert_eq!(fig(g, 519, Root, SpecificTarget), s("3.10"));
    assert_eq!(fig(g, 519, Root, Public), None);
    // Seed 001 支出预算表, page 2.
    let e = table(&doc, 0, ExpenditureSummary);
    assert_eq!(fig(e, 274, Root, Project), s("3.10"));
    assert_eq!(fig(e, 275, Root, Wages), s("102.70"));
}

#[test]
fn garbled_multi_row_header_is_ordered_by_arithmetic() {
    // Seed 004 支出预算表: the printed header labels drift against the data.
    let doc = load("004");
    let t = table(&doc, 0, ExpenditureSummary);
    assert_eq!(fig(t, 243, Root, Total), s("7895.93"));
    assert_eq!(fig(t, 243, Root, Personnel), s("413.69"));
    assert_eq!(fig(t, 243, Root, Public), s("28.30"));
    assert_eq!(fig(t, 243, Root, Goods), s("28.30"));
    assert_eq!(fig(t, 243, Root, Project), s("7453.94"));
    assert_eq!(fig(t, 253, Root, OtherOperation), s("9.50"));
    assert!(t.repairs.iter().any(|r| r.lines == (240, 255)));
    // Seed 001: 工资福利支出/对个人和家庭的补助 printed under the code columns belong to 人员经费.
    let doc = load("001");
    let t = table(&doc, 0, GeneralBudgetExpenditure);
    assert_eq!(fig(t, 344, Root, Individuals), s("22.10"));
    assert_eq!(fig(t, 344, Root, Public), s("0.50"));
    assert_eq!(fig(t, 346, Root, Wages), s("122.60"));
}

#[test]
fn every_table_satisfies_its_own_identities_on_the_seeds() {
    // After repairs, no seed table contradicts its header's sum identities: the traps above
    // must not look like arithmetic errors.
    for seed in ["000", "001", "002", "003", "004"] {
        let doc = load(seed);
        for u in &doc.units {
            for t in &u.tables {
                for id in t.identities() {
                    for r in &t.rows {
                        let total = r.amount(id.total);
                        let parts: Vec<_> = id.parts.iter().map(|&p| r.amount(p)).collect();
                        if total.is_none() && parts.iter().all(Option::is_none) {
                            continue;
                        }
                        let sum: rust_decimal::Decimal =
                            parts.iter().flatten().map(|a| a.value).sum();
                        let t0 = total.map_or(rust_decimal::Decimal::ZERO, |a| a.value);
                        let tol = rust_decimal::Decimal::new(5, 3)
                            * rust_decimal::Decimal::from(parts.len() as u32 + 1);
                        assert!(
                            (t0 - sum).abs() <= tol,
                            "seed {seed} {:?} line {}: {t0} vs {sum}",
                            t.kind,
                            r.line
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn basic_tables_by_economic_code() {
    let doc = load("000");
    let t = table(&doc, 0, GeneralBudgetBasic);
    assert_eq!(row(t, 240).code.as_deref(), Some("30217"));
    assert_eq!(fig(t, 240, Root, Basic), s("0.80"));
    assert_eq!(fig(t, 240, Root, Public), s("0.80"));
    assert_eq!(fig(t, 240, Root, Personnel), None);
    assert_eq!(fig(t, 222, Root, Personnel), s("861.65"));
    // Henan pairs each 部门 code with a 政府预算经济分类 code.
    let doc = load("001");
    let t = table(&doc, 0, GeneralBudgetBasic);
    let r = row(t, 380);
    assert_eq!(
        (r.code.as_deref(), r.gov_code.as_deref()),
        (Some("30101"), Some("50501"))
    );
    assert_eq!(fig(t, 380, Root, Personnel), s("8.20"));
}

#[test]
fn economic_summary_joins_split_codes() {
    let doc = load("001");
    let t = table(&doc, 0, EconomicSummary);
    let r = row(t, 436);
    assert_eq!(
        (r.code.as_deref(), r.gov_code.as_deref()),
        (Some("30213"), Some("50209"))
    );
    assert_eq!(fig(t, 436, Root, Total), s("39.30"));
    assert_eq!(fig(t, 436, Root, GovFund), s("3.10"));
    assert_eq!(fig(t, 436, Root, CarryOver), s("4.00"));
    assert_eq!(fig(t, 436, Root, GeneralBudget), s("32.20"));
    assert_eq!(fig(t, 436, Root, GeneralBudgetFiscal), s("5.20"));
}

#[test]
fn three_public_both_layouts() {
    let doc = load("000");
    let t = table(&doc, 0, ThreePublic);
    assert_eq!(row(t, 308).name.as_deref(), Some("公务用车运行维护费"));
    assert_eq!(fig(t, 308, Root, Total), s("2.00"));
    assert_eq!(fig(t, 308, Root, GeneralBudget), s("2.00"));
    // Henan prints it as one row of columns.
    let doc = load("001");
    let t = table(&doc, 0, ThreePublic);
    assert_eq!(fig(t, 503, Root, Total), s("4.10"));
    assert_eq!(fig(t, 503, Root, Vehicle), s("3.40"));
    assert_eq!(fig(t, 503, Root, VehicleOperation), s("3.40"));
    assert_eq!(fig(t, 503, Root, VehiclePurchase), None);
    assert_eq!(fig(t, 503, Root, Reception), s("0.70"));
    assert_eq!(fig(t, 503, Root, Abroad), None);
}

#[test]
fn empty_tables_keep_their_note() {
    let doc = load("000");
    let t = table(&doc, 0, GovFundExpenditure);
    assert!(t.empty && t.declared_empty());
    assert_eq!(t.notes[0].line, 274);
    assert_eq!(
        t.notes[0].text,
        "注：无政府基金预算财政拨款预算，空表列示。"
    );
    // Seed 004 explains its empty table on a second note line.
    let doc = load("004");
    let t = table(&doc, 0, GovFundExpenditure);
    assert!(t.empty && t.declared_empty());
    assert_eq!(
        t.notes.iter().map(|n| n.line).collect::<Vec<_>>(),
        vec![504, 505]
    );
    // Seed 001 publishes an empty 国有资本经营 table without any explanation.
    let doc = load("001");
    let t = table(&doc, 0, StateCapitalExpenditure);
    assert!(t.empty && !t.declared_empty());
}

#[test]
fn project_tables() {
    let doc = load("004");
    let t = table(&doc, 0, ProjectExpenditure);
    assert_eq!(row(t, 531).name.as_deref(), Some("离休伤残人员医疗费补助"));
    assert_eq!(fig(t, 531, Root, Total), s("96.00"));
    assert_eq!(fig(t, 531, ThisYear, GeneralBudget), s("96.00"));
    let d = table(&doc, 0, BasicDetail);
    assert_eq!(
        row(d, 413).name.as_deref(),
        Some("在职人员定额公用经费（行政）")
    );
    assert_eq!(fig(d, 413, Root, Total), s("14.20"));
    // Henan 项目绩效目标表: codes with a stray space, 资金总额 per project.
    let p = table(&doc, 0, ProjectPerformance);
    assert_eq!(row(p, 628).code.as_deref(), Some("410825240000000004019"));
    assert_eq!(fig(p, 628, Root, Total), s("4.75"));
    // Seed 001 lists 289.00 of projects a second time at the end of its 项目绩效目标表.
    let doc = load("001");
    let p = table(&doc, 0, ProjectPerformance);
    assert_eq!(row(p, 916).code.as_deref(), Some("036"));
    assert_eq!(fig(p, 916, Root, Total), s("289.00"));
    // A project name wrapped over a page break is joined.
    assert_eq!(
        row(p, 748).name.as_deref(),
        Some("医疗服务与保障能力提升（豫财社 2022-62 号 2022 年中央财政医疗服务与保障能力提升补助资金)")
    );
}

#[test]
fn key_value_tables_keep_their_figures() {
    let doc = load("000");
    let t = &doc.units[0].tables[10];
    assert!(t.key_value);
    let r = row(t, 465);
    assert_eq!(
        r.cells.iter().find(|c| c.text == "136.06").map(|c| c.col),
        Some(2)
    );
    let plan = row(t, 468);
    assert_eq!(
        plan.cells
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>(),
        vec!["22.05", "44.10", "66.15"]
    );
    let doc = load("004");
    let d = table(&doc, 0, DeptPerformance);
    assert!(d
        .rows
        .iter()
        .any(|r| r.line == 573 && r.cells.iter().any(|c| c.text == "7895.93")));
}

#[test]
fn procurement_and_assets() {
    let doc = load("003");
    let p = table(&doc, 0, Procurement);
    let r = row(p, 572);
    assert_eq!(r.name.as_deref(), Some("医保宣传经费"));
    assert_eq!(
        r.amount(p.column_any(Quantity).unwrap())
            .map(|a| a.printed()),
        s("1")
    );
    assert_eq!(
        r.amount(p.column_any(UnitPrice).unwrap())
            .map(|a| a.printed()),
        s("0.60")
    );
    assert_eq!(fig(p, 572, Root, Total), s("0.60"));
    assert_eq!(
        r.amount(p.column_any(Reserved).unwrap())
            .map(|a| a.printed()),
        s("0.60")
    );
    let doc = load("000");
    let a = table(&doc, 0, Assets);
    assert_eq!(row(a, 706).name.as_deref(), Some("资产总额"));
    assert_eq!(fig(a, 706, Root, Amount), s("1503.09"));
    assert_eq!(
        row(a, 711)
            .amount(a.column_any(Quantity).unwrap())
            .map(|a| a.printed()),
        s("1832")
    );
    let o = table(&doc, 0, OrgStructure);
    assert_eq!(
        o.rows[0]
            .cells
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>(),
        vec!["邢台市医疗保障局本级", "行政", "正处（县）级", "财政拨款"]
    );
}

/// A paste that holds several disclosures, one after another and some twice (a reviewer pasting
/// a county's documents): every copy is its own unit, from its own cover to its last line, with
/// exactly the findings the document has on its own — no unit gets the next one's prose.
#[test]
fn several_disclosures_in_one_paste_keep_their_own_findings() {
    let order = ["000", "001", "002", "003", "004", "000", "004"];
    let alone = |prefix: &str| -> Vec<Vec<(String, String)>> {
        let doc = common::parsed(prefix);
        yusuan_core::check::check_document(prefix, &doc)
            .units
            .iter()
            .map(findings_of)
            .collect()
    };
    let expected: Vec<Vec<(String, String)>> = order.iter().flat_map(|p| alone(p)).collect();
    let text: Vec<String> = order.iter().map(|p| common::seed_text(p)).collect();
    let doc = yusuan_core::parse_text(&text.join("\n"), yusuan_core::Encoding::Utf8);
    let report = yusuan_core::check::check_document("all", &doc);
    let got: Vec<Vec<(String, String)>> = report.units.iter().map(findings_of).collect();
    assert_eq!(
        got.len(),
        expected.len(),
        "one unit per unit of each document"
    );
    for (n, (g, e)) in got.iter().zip(&expected).enumerate() {
        assert_eq!(g, e, "unit {n}");
    }
    // The second document's cover and contents belong to it, not to the first.
    let second = doc.units[1].lines.0;
    assert!(
        doc.line(second).contains("济源产城融合示范区医疗保障局"),
        "{}",
        doc.line(second)
    );
}

/// Each finding's rule and message, with the line numbers it cites (`第201行`) blanked: they
/// shift with the document's place in the paste.
fn findings_of(u: &yusuan_core::report::UnitReport) -> Vec<(String, String)> {
    let without_lines = |m: &str| {
        let mut out = String::new();
        let mut after_di = false;
        for c in m.chars() {
            if !(after_di && c.is_ascii_digit()) {
                out.push(c);
                after_di = c == '第';
            }
        }
        out
    };
    u.findings
        .iter()
        .map(|f| (f.rule.to_string(), without_lines(&f.message)))
        .collect()
}
