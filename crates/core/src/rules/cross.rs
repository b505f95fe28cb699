//! 表间: one table against another.

use super::arith::{check_equal, check_sum, group_rounding, Fig};
use super::lookup::{
    self, cell, code_sum, summary_line, summary_line_before, table, table_total, total_row,
};
use super::perf;
use super::{Applies, Cx, Family, Rule, RuleDoc};
use crate::header::{Role, Scope};
use crate::kind::TableKind::{self, *};
use crate::model::Template;
use crate::normalize::{compact, fold_punct};
use crate::report::{Finding, Severity};

fn need<'a>(cx: &'a Cx, kinds: &[TableKind]) -> Result<Vec<&'a crate::table::Table>, Applies> {
    let mut out = Vec::new();
    for &k in kinds {
        match table(cx.unit, k) {
            Some(t) => out.push(t),
            None => return Err(Applies::No(format!("缺少{}或该表没有数据", k.zh()))),
        }
    }
    Ok(out)
}

fn is_grand(l: &str) -> bool {
    l.contains("总计") || l == "收入合计" || l == "支出合计" || l == "收入合计:" || l == "支出合计:"
}

// ------------------------------------------------------------------------------------------

static XT001: RuleDoc = RuleDoc {
    code: "XT-001",
    family: Family::Cross,
    severity: Severity::Error,
    title: "收支总表与收入总表一致",
    title_en: "Budget summary agrees with the income summary",
    doc_en: "Checks that the budget summary's income grand total equals the income summary's total, its current-year income equals the income summary's current-year subtotal, and its carry-over from last year equals the income summary's carry-over. The two tables present the same money and must agree. Example: Xingtai Medical Security Bureau 2024: grand total 1890.26 = 1890.26; carry-over 350.63 = 350.63.",
    what: "收支总表的收入总计 = 收入总表合计行的合计；本年收入合计 = 收入总表的本年收入小计；上年结转结余 = 收入总表的上年结转。",
    why: "两张表是同一笔收入的两种拆分（按来源、按功能科目），总数必须一致。",
    example: "邢台市医疗保障局 2024：收支总表收入总计 1890.26 = 收入总表合计 1890.26；上年结转 350.63 = 350.63。",
    basis: "勾稽关系目录 I-22（OBL-CROSS-T1-T2）。",
};
rule!(SummaryVsIncome, XT001, xt001);

fn xt001(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let [t1, t2] = match need(cx, &[BudgetSummary, IncomeSummary]) {
        Ok(v) => [v[0], v[1]],
        Err(a) => return a,
    };
    let mut found = Vec::new();
    if let (Some(a), Some(b)) = (
        summary_line(t1, Scope::Income, &|l| is_grand(l)),
        table_total(t2, Scope::Root, Role::Total),
    ) {
        check_equal(&XT001, "收入总计与收入总表合计", &a, &b, &mut found);
    }
    if let (Some(a), Some(b)) = (
        summary_line(t1, Scope::Income, &|l| l.contains("本年收入")),
        table_total(t2, Scope::ThisYear, Role::Total),
    ) {
        check_equal(&XT001, "本年收入合计与收入总表本年收入", &a, &b, &mut found);
    }
    let carry2 = table_total(t2, Scope::Root, Role::CarryOver)
        .or_else(|| table_total(t2, Scope::CarryOver, Role::Total));
    if let (Some(a), Some(b)) = (
        summary_line(t1, Scope::Income, &|l| l.contains("上年结转")),
        carry2,
    ) {
        check_equal(&XT001, "上年结转结余与收入总表上年结转", &a, &b, &mut found);
    }
    out.extend(group_rounding(found, "收支总表与收入总表"));
    Applies::Yes
}

// ------------------------------------------------------------------------------------------

static XT002: RuleDoc = RuleDoc {
    code: "XT-002",
    family: Family::Cross,
    severity: Severity::Error,
    title: "收支总表与支出总表一致",
    title_en: "Budget summary agrees with the expenditure summary",
    doc_en: "Checks that the budget summary's current-year expenditure equals the expenditure summary's total, and that each functional class in the budget summary equals that class's total in the expenditure summary (matched by name in Hebei; in Henan by the row number = class code minus 200, summing the class's items). A class that differs between the tables means one of them is wrong. Example: Wen County 2024: 'Social security and employment 48.28' = class 208 items 43.71 + 4.57.",
    what: "收支总表的本年支出合计 = 支出总表合计；收支总表每个功能分类“类”的支出 = 支出总表该类的合计（河北按类名对应；河南按序号 = 科目编码 − 200 对应，并汇总该类下的各项）。",
    why: "收支总表的支出栏是支出总表按类的汇总，二者不一致说明某类支出漏列、错列或金额错误。",
    example: "温县医疗保障局 2024：收支总表“八、社会保障和就业 48.28” = 支出预算表 208 类各项之和 43.71 + 4.57。",
    basis: "勾稽关系目录 I-23（OBL-CROSS-T1-T3）；河南序号规则见规则参考 §1.2。",
};
rule!(SummaryVsExpenditure, XT002, xt002);

fn xt002(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let [t1, t3] = match need(cx, &[BudgetSummary, ExpenditureSummary]) {
        Ok(v) => [v[0], v[1]],
        Err(a) => return a,
    };
    let mut found = Vec::new();
    if let (Some(a), Some(b)) = (
        summary_line(t1, Scope::Expenditure, &|l| l.contains("本年支出")),
        table_total(t3, Scope::Root, Role::Total),
    ) {
        check_equal(&XT002, "本年支出合计与支出总表合计", &a, &b, &mut found);
    }
    let (Some(name_col), Some(t1_col), Some(t3_col)) = (
        t1.column(Scope::Expenditure, Role::Name),
        t1.columns
            .iter()
            .find(|c| c.scope == Scope::Expenditure && c.role.is_money())
            .map(|c| c.index),
        t3.column(Scope::Root, Role::Total),
    ) else {
        out.extend(found);
        return Applies::Yes;
    };
    for r in &t1.rows {
        let label = r.text(name_col);
        let Some(n) = lookup::ordinal(label) else {
            continue;
        };
        let class_name = lookup::strip_ordinal(label);
        let a = cell(t1, r, t1_col, &format!("·{}", compact(label)));
        // Hebei: the class row of 支出总表 by name. Henan: the class code is 200 + ordinal.
        let by_name = t3.rows.iter().find(|x| {
            x.code.as_ref().is_some_and(|c| c.len() == 3)
                && x.name
                    .as_deref()
                    .map(fold_punct)
                    .is_some_and(|nm| nm.starts_with(&class_name) || class_name.starts_with(&nm))
        });
        let b = match by_name {
            Some(x) => Some(cell(
                t3,
                x,
                t3_col,
                &format!(
                    "·{} {}",
                    x.code.clone().unwrap_or_default(),
                    x.name.clone().unwrap_or_default()
                ),
            )),
            None if cx.unit.template == Template::Henan => {
                let prefix = (200 + n).to_string();
                let rows: Vec<&crate::table::Row> = t3
                    .rows
                    .iter()
                    .filter(|x| {
                        x.code
                            .as_ref()
                            .is_some_and(|c| c.len() == 7 && c.starts_with(&prefix))
                    })
                    .collect();
                (!rows.is_empty()).then(|| {
                    let parts: Vec<Fig> = rows.iter().map(|x| cell(t3, x, t3_col, "")).collect();
                    let value: rust_decimal::Decimal = parts.iter().map(Fig::value).sum();
                    Fig::new(
                        Some(crate::amount::Amount::new(value, 2)),
                        rows[0].line,
                        format!("支出总表·{prefix} 类各项之和"),
                    )
                })
            }
            None => None,
        };
        match b {
            Some(b) => {
                check_equal(&XT002, &format!("{}与支出总表", compact(label)), &a, &b, &mut found);
            }
            None if a.amount.is_some_and(|x| !x.is_zero()) => found.push(Finding {
                cells: Vec::new(),
                rule: XT002.code.into(),
                severity: Severity::Error,
                message: format!("收支总表列有“{}” {}，支出总表中没有该类的支出", compact(label), a.printed()),
                message_en: format!("The budget summary lists {} for class {}, which the expenditure summary does not have", a.printed(), class_name),
                lines: vec![a.line],
                expected: None,
                actual: Some(a.printed()),
            }),
            None => {}
        }
    }
    out.extend(group_rounding(found, "收支总表与支出总表"));
    Applies::Yes
}

// ------------------------------------------------------------------------------------------

static XT003: RuleDoc = RuleDoc {
    code: "XT-003",
    family: Family::Cross,
    severity: Severity::Error,
    title: "收入总表与支出总表逐科目一致",
    title_en: "Income and expenditure summaries agree code by code",
    doc_en: "When the budget year has no year-end carry-over, sources equal uses: the income and expenditure summaries have the same total and the same total for every functional code. A code that is funded but not spent (or spent but not funded) in a balanced budget is an error in one table. Example: Xingtai 2024: 2101599 other medical security management affairs, income 742.63 = expenditure 742.63.",
    what: "预算年度没有年终结转结余时，资金来源等于资金用途：收入总表与支出总表的合计相等，且每个功能分类科目的合计相等。",
    why: "同一科目的收入安排与支出安排对不上，说明某笔资金只列了来源或只列了用途。",
    example: "邢台市医疗保障局 2024：2101599 其他医疗保障管理事务支出，收入 742.63 = 支出 742.63。",
    basis: "勾稽关系目录 I-24。",
};
rule!(IncomeVsExpenditureByCode, XT003, xt003);

fn xt003(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let [t2, t3] = match need(cx, &[IncomeSummary, ExpenditureSummary]) {
        Ok(v) => [v[0], v[1]],
        Err(a) => return a,
    };
    if let Some(t1) = table(cx.unit, BudgetSummary) {
        if summary_line(t1, Scope::Expenditure, &|l| {
            l.contains("年终结转") || l.contains("年末结转")
        })
        .is_some_and(|f| f.amount.is_some_and(|a| !a.is_zero()))
        {
            return Applies::No("有年终结转结余，收入与支出不必逐项相等".into());
        }
    }
    let mut found = Vec::new();
    if let (Some(a), Some(b)) = (
        table_total(t2, Scope::Root, Role::Total),
        table_total(t3, Scope::Root, Role::Total),
    ) {
        check_equal(&XT003, "收入总表合计与支出总表合计", &a, &b, &mut found);
    }
    if let (Some(c2), Some(c3)) = (
        t2.column(Scope::Root, Role::Total),
        t3.column(Scope::Root, Role::Total),
    ) {
        for r in t2
            .rows
            .iter()
            .filter(|r| r.code.as_ref().is_some_and(|c| c.starts_with('2')))
        {
            let code = r.code.as_deref().unwrap_or_default();
            if let Some(x) = t3.rows.iter().find(|x| x.code.as_deref() == Some(code)) {
                let a = cell(t2, r, c2, &format!("·{code}"));
                let b = cell(t3, x, c3, &format!("·{code}"));
                check_equal(
                    &XT003,
                    &format!(
                        "科目 {code} {} 的收入与支出",
                        r.name.as_deref().unwrap_or("")
                    ),
                    &a,
                    &b,
                    &mut found,
                );
            }
        }
    }
    out.extend(group_rounding(found, "收入总表与支出总表"));
    Applies::Yes
}

// ------------------------------------------------------------------------------------------

static XT004: RuleDoc = RuleDoc {
    code: "XT-004",
    family: Family::Cross,
    severity: Severity::Error,
    title: "收支总表与财政拨款收支总表一致",
    title_en: "Budget summary agrees with the fiscal appropriation summary",
    doc_en: "Checks that the general-budget, government-fund and state-capital appropriation income in the budget summary each equal the same current-year income in the fiscal appropriation summary, and that the fiscal carry-over does not exceed the budget summary's carry-over. Both tables report the same appropriations. Example: Xingtai 2024: general-budget appropriation 1539.63 = fiscal summary '1. General public budget' 1539.63.",
    what: "收支总表中的一般公共预算、政府性基金、国有资本经营预算拨款收入，分别等于财政拨款收支总表的本年同项收入；财政拨款的年初结转结余不超过收支总表的上年结转结余。",
    why: "财政拨款收入在两张表里各列一次，数字不同说明至少一处抄错。",
    example: "邢台市医疗保障局 2024：一般公共预算拨款收入 1539.63 = 财政拨款收支总表“一、一般公共预算拨款” 1539.63。",
    basis: "勾稽关系目录 I-25、I-26（BUD-105）。",
};
rule!(SummaryVsFiscal, XT004, xt004);

fn is_carry_marker(l: &str) -> bool {
    l.contains("结转")
}

fn xt004(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let [t1, t4] = match need(cx, &[BudgetSummary, FiscalSummary]) {
        Ok(v) => [v[0], v[1]],
        Err(a) => return a,
    };
    let mut found = Vec::new();
    for (key, zh) in [
        ("一般公共预算", "一般公共预算"),
        ("政府性基金", "政府性基金预算"),
        ("国有资本经营", "国有资本经营预算"),
    ] {
        let pick =
            |l: &str| l.contains(key) && !l.starts_with("其中") && crate::layout::is_heading(l);
        let a = summary_line(t1, Scope::Income, &pick);
        let b = summary_line_before(t4, Scope::Income, &is_carry_marker, &pick);
        if let (Some(a), Some(b)) = (a, b) {
            check_equal(&XT004, &format!("{zh}拨款收入"), &a, &b, &mut found);
        }
    }
    let carry1 = summary_line(t1, Scope::Income, &|l| l.contains("上年结转"));
    let carry4 = summary_line(t4, Scope::Income, &|l| l.contains("结转"));
    if let (Some(a), Some(b)) = (carry1, carry4) {
        if b.value() > a.value() && !a.interval().intersects(b.interval()) {
            found.push(Finding {
                cells: Vec::new(),
                rule: XT004.code.into(),
                severity: Severity::Error,
                message: format!(
                    "财政拨款年初结转结余 {} 大于收支总表上年结转结余 {}，后者应包含前者",
                    b.printed(),
                    a.printed()
                ),
                message_en: format!(
                    "Fiscal carry-over {} exceeds the total carry-over {}",
                    b.printed(),
                    a.printed()
                ),
                lines: vec![a.line, b.line],
                expected: Some(format!("≤ {}", a.printed())),
                actual: Some(b.printed()),
            });
        }
    }
    out.extend(group_rounding(found, "收支总表与财政拨款收支总表"));
    Applies::Yes
}

// ------------------------------------------------------------------------------------------

static XT005: RuleDoc = RuleDoc {
    code: "XT-005",
    family: Family::Cross,
    severity: Severity::Error,
    title: "一般公共预算支出表与财政拨款收支总表一致",
    title_en: "General-budget expenditure agrees with the fiscal appropriation summary",
    doc_en: "Hebei template: the general-budget expenditure table's total equals the general-budget column's current-year expenditure in the fiscal appropriation summary (including spending from carry-over). Henan template: the general-budget table covers only current-year appropriations, so its total equals the current-year general-budget appropriation income. Example: Jiyuan 2023 (Henan): 6536.40 = 6536.40, the 101.50 carried over being outside this table.",
    what: "河北模板：一般公共预算财政拨款支出表合计 = 财政拨款收支总表一般公共预算列的本年支出合计（含结转安排的支出）；河南模板：一般公共预算支出表“仅含当年财政拨款安排的支出”，其合计 = 财政拨款收支总表本年一般公共预算拨款收入。",
    why: "一般公共预算支出是财政拨款收支总表中一般公共预算资金的去向明细，口径按模板约定，不一致说明明细表漏列或多列。",
    example: "济源示范区医疗保障局 2023（河南）：一般公共预算支出表合计 6536.40 = 财政拨款本年一般公共预算拨款 6536.40（上年结转 101.50 不在此表）。",
    basis: "勾稽关系目录 I-27（OBL-CROSS-T4-T5 / D-005）；河南表注“本表仅含当年财政拨款安排的支出”。",
};
rule!(FiscalVsGeneralBudget, XT005, xt005);

fn xt005(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let [t4, t5] = match need(cx, &[FiscalSummary, GeneralBudgetExpenditure]) {
        Ok(v) => [v[0], v[1]],
        Err(a) => return a,
    };
    let Some(b) = table_total(t5, Scope::Root, Role::Total) else {
        return Applies::No("一般公共预算支出表没有合计".into());
    };
    let a = match cx.unit.template {
        Template::Henan => summary_line_before(t4, Scope::Income, &is_carry_marker, &|l| {
            l.contains("一般公共预算") && !l.starts_with("其中")
        }),
        _ => {
            let name_col = t4.column(Scope::Expenditure, Role::Name);
            let gb = t4.column(Scope::Expenditure, Role::GeneralBudget);
            name_col.zip(gb).and_then(|(n, c)| {
                t4.rows
                    .iter()
                    .find(|r| fold_punct(r.text(n)).contains("本年支出"))
                    .map(|r| cell(t4, r, c, "·本年支出合计·一般公共预算"))
            })
        }
    };
    let Some(a) = a else {
        return Applies::No("财政拨款收支总表中找不到一般公共预算的合计".into());
    };
    let mut found = Vec::new();
    check_equal(&XT005, "一般公共预算支出", &a, &b, &mut found);
    out.extend(found);
    Applies::Yes
}

// ------------------------------------------------------------------------------------------

static XT006: RuleDoc = RuleDoc {
    code: "XT-006",
    family: Family::Cross,
    severity: Severity::Error,
    title: "一般公共预算基本支出两表一致",
    title_en: "Basic spending agrees between the general-budget tables",
    doc_en: "Checks that the basic expenditure on the total row of the general-budget expenditure table equals the total of the general-budget basic-expenditure table. The second table itemises the first table's basic expenditure. Example: Xingtai 2024: 987.63 = 987.63.",
    what: "一般公共预算支出表合计行的基本支出 = 一般公共预算基本支出表的合计。",
    why: "基本支出表是一般公共预算基本支出按经济分类的展开，总数必须与功能分类表一致。",
    example: "邢台市医疗保障局 2024：987.63 = 987.63。",
    basis: "勾稽关系目录 I-29（OBL-CROSS-T5-T6）。",
};
rule!(GeneralBudgetVsBasic, XT006, xt006);

fn basic_total(t6: &crate::table::Table) -> Option<Fig> {
    table_total(t6, Scope::Root, Role::Basic).or_else(|| table_total(t6, Scope::Root, Role::Total))
}

fn xt006(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let [t5, t6] = match need(cx, &[GeneralBudgetExpenditure, GeneralBudgetBasic]) {
        Ok(v) => [v[0], v[1]],
        Err(a) => return a,
    };
    if let (Some(a), Some(b)) = (table_total(t5, Scope::Root, Role::Basic), basic_total(t6)) {
        check_equal(&XT006, "一般公共预算基本支出", &a, &b, out);
    }
    Applies::Yes
}

// ------------------------------------------------------------------------------------------

static XT007: RuleDoc = RuleDoc {
    code: "XT-007",
    family: Family::Cross,
    severity: Severity::Error,
    title: "基本支出中的“三公”科目不超过“三公”经费表",
    title_en: "Basic-spending \"three public\" codes do not exceed the three-public table",
    doc_en: "Checks that the basic-expenditure codes for official reception (30217), official vehicle operation (30231), official travel abroad (30212) and vehicle purchase (31013) do not exceed the same items in the 'three public' table, which also counts project spending (hence 'not more than'). Items are matched by code and name; a blank is not read as zero. Example: Xingtai 2024: reception 0.80 <= 0.80; vehicle operation 2.00 <= 2.00.",
    what: "基本支出表中 30217 公务接待费、30231 公务用车运行维护费、30212 因公出国（境）费用、31013 公务用车购置，分别不超过“三公”经费表的同项金额（“三公”表还含项目支出，故为不超过）。按“编码 + 名称”对应，空白不作 0。",
    why: "基本支出里的“三公”支出多于“三公”经费表，说明“三公”经费少报了。",
    example: "邢台市医疗保障局 2024：30217 公务接待费 0.80 ≤ “三公”公务接待费 0.80；30231 2.00 ≤ 2.00。",
    basis: "勾稽关系目录 I-32（V33-CROSS-SAN-GONG-ECON）；经济分类 302-17/302-31/302-12/310-13。",
};
rule!(BasicVsThreePublic, XT007, xt007);

fn three_public_item(t9: &crate::table::Table, role: Role, name: &str) -> Option<Fig> {
    if let Some(name_col) = t9.column(Scope::Root, Role::Name) {
        let col = t9
            .column(Scope::Root, Role::GeneralBudget)
            .or_else(|| t9.column(Scope::Root, Role::Total))?;
        let r = t9.rows.iter().find(|r| {
            let l = fold_punct(r.text(name_col));
            l.contains(name) && !l.contains("购置及")
        })?;
        return Some(cell(t9, r, col, &format!("·{}", compact(r.text(name_col)))));
    }
    let col = t9.column(Scope::Root, role)?;
    let r = total_row(t9)?;
    Some(cell(t9, r, col, &format!("·{name}")))
}

fn xt007(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let [t6, t9] = match need(cx, &[GeneralBudgetBasic, ThreePublic]) {
        Ok(v) => [v[0], v[1]],
        Err(a) => return a,
    };
    let Some(col) = t6
        .column(Scope::Root, Role::Basic)
        .or_else(|| t6.column(Scope::Root, Role::Total))
    else {
        return Applies::No("基本支出表没有合计列".into());
    };
    for (code, role, name) in [
        ("30217", Role::Reception, "公务接待费"),
        ("30231", Role::VehicleOperation, "运行"),
        ("30212", Role::Abroad, "因公出国"),
        ("31013", Role::VehiclePurchase, "公务用车购置费"),
    ] {
        let (Some(a), Some(b)) = (code_sum(t6, code, col), three_public_item(t9, role, name))
        else {
            continue;
        };
        let (Some(av), bv) = (a.amount, b.value()) else {
            continue;
        };
        if av.value > bv && !a.interval().intersects(b.interval()) {
            out.push(Finding {
                cells: Vec::new(),
                rule: XT007.code.into(),
                severity: Severity::Error,
                message: format!(
                    "{} {} 大于{} {}：基本支出中的“三公”支出不能多于“三公”经费表",
                    a.label,
                    a.printed(),
                    b.label,
                    b.printed()
                ),
                message_en: format!(
                    "Basic spending on {code} ({}) exceeds the three-public table ({})",
                    a.printed(),
                    b.printed()
                ),
                lines: vec![a.line, b.line],
                expected: Some(format!("≤ {}", b.printed())),
                actual: Some(a.printed()),
            });
        }
    }
    Applies::Yes
}

// ------------------------------------------------------------------------------------------

static XT008: RuleDoc = RuleDoc {
    code: "XT-008",
    family: Family::Cross,
    severity: Severity::Error,
    title: "基本支出明细表与基本支出表一致",
    title_en: "The basic-spending detail table agrees with the basic-spending table",
    doc_en: "Henan template: the basic-expenditure detail table's total equals the basic-expenditure table's total, its personnel rows add up to personnel costs and its public-expense rows to public expenses. A shift between the two shows that a line was booked under the wrong heading in one table. Example: Wen County 2024: public-expense rows sum to 29.30 against 28.30 in the basic table, personnel rows to 412.69 against 413.69.",
    what: "河南模板的一般公共预算基本支出明细表：合计 = 基本支出表合计；“人员类”各行之和 = 基本支出表人员经费合计；“公用经费”各行之和 = 公用经费合计。",
    why: "明细表逐项列出基本支出的构成，人员与公用的划分必须与基本支出表相同，否则人员经费或公用经费被错报。",
    example: "温县医疗保障局 2024：明细表“公用经费”各行之和 29.30，基本支出表公用经费 28.30，相差 1.00；人员类 412.69 与 413.69 相差 −1.00。",
    basis: "勾稽关系目录 I-33（T6 合计 = H2 合计）及表格定义。",
};
rule!(BasicVsBasicDetail, XT008, xt008);

fn xt008(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let [t6, h2] = match need(cx, &[GeneralBudgetBasic, BasicDetail]) {
        Ok(v) => [v[0], v[1]],
        Err(a) => return a,
    };
    let mut found = Vec::new();
    let (Some(total), Some(h2_col)) = (basic_total(t6), h2.column(Scope::Root, Role::Total)) else {
        return Applies::No("基本支出表或明细表没有合计列".into());
    };
    if let Some(b) = table_total(h2, Scope::Root, Role::Total) {
        check_equal(
            &XT008,
            "基本支出明细表合计与基本支出表合计",
            &b,
            &total,
            &mut found,
        );
    }
    // The 类型 column names a group on its first row only; later rows inherit it.
    let type_col = h2.column_any(Role::ProjectType);
    let mut group = String::new();
    let mut personnel = Vec::new();
    let mut public = Vec::new();
    for r in &h2.rows {
        if let Some(c) = type_col {
            let t = fold_punct(r.text(c));
            if t.contains("人员") || t.contains("公用") {
                group = t;
            }
        }
        if r.name.as_deref().is_some_and(|n| n.contains("合计"))
            || r.code.is_some()
            || r.unit_code.is_some()
        {
            continue;
        }
        let f = cell(
            h2,
            r,
            h2_col,
            &format!("·{}", r.name.clone().unwrap_or_default()),
        );
        if group.contains("人员") {
            personnel.push(f);
        } else if group.contains("公用") {
            public.push(f);
        }
    }
    let mut split = Vec::new();
    for (parts, role, zh) in [
        (personnel, Role::Personnel, "人员经费"),
        (public, Role::Public, "公用经费"),
    ] {
        if let (false, Some(t)) = (parts.is_empty(), table_total(t6, Scope::Root, role)) {
            let mut label = t.clone();
            label.label = format!("基本支出表{zh}合计");
            if let Some(c) = super::arith::sum(&label, &parts) {
                split.push((zh, label, parts, c));
            }
        }
    }
    // Both halves off by the same amount in opposite directions: one misfiled line, one finding.
    let english_part = |zh: &str| {
        if zh == "人员经费" {
            "personnel"
        } else {
            "public costs"
        }
    };
    let broken: Vec<_> = split
        .iter()
        .filter(|s| s.3.verdict == super::arith::Verdict::Broken)
        .collect();
    if let [a, b] = broken.as_slice() {
        if (a.3.difference() + b.3.difference()).abs() <= rust_decimal::Decimal::new(1, 2) {
            let mut lines: Vec<usize> = [a, b]
                .iter()
                .flat_map(|s| std::iter::once(s.1.line).chain(s.2.iter().map(|p| p.line)))
                .collect();
            lines.sort_unstable();
            lines.dedup();
            let cells = [a, b]
                .iter()
                .flat_map(|s| std::iter::once(&s.1).chain(s.2.iter()))
                .filter_map(|f| f.at)
                .collect();
            found.push(Finding {
                cells,
                rule: XT008.code.into(),
                severity: Severity::Error,
                message: format!(
                    "基本支出明细表的人员/公用划分与基本支出表不一致：明细表“{}”合计 {}，基本支出表 {}（相差 {}）；“{}”合计 {}，基本支出表 {}（相差 {}）。总数相同，应是有 {} 万元的明细行被划错了类别",
                    a.0, a.3.computed, a.1.printed(), -a.3.difference(), b.0, b.3.computed, b.1.printed(), -b.3.difference(), a.3.difference().abs()
                ),
                message_en: format!(
                    "The detail table splits basic spending differently from the basic-spending table: {} {} against {} (difference {}), {} {} against {} (difference {}); the totals agree, so lines worth {} are filed under the wrong heading",
                    english_part(a.0), a.3.computed, a.1.printed(), -a.3.difference(),
                    english_part(b.0), b.3.computed, b.1.printed(), -b.3.difference(),
                    a.3.difference().abs()
                ),
                lines,
                expected: Some(format!("{} / {}", a.1.printed(), b.1.printed())),
                actual: Some(format!("{} / {}", a.3.computed, b.3.computed)),
            });
            out.extend(group_rounding(found, "基本支出明细表与基本支出表"));
            return Applies::Yes;
        }
    }
    for (zh, label, parts, _) in &split {
        check_sum(
            &XT008,
            &format!("明细表“{zh}”各行之和与基本支出表{zh}"),
            label,
            parts,
            &mut found,
        );
    }
    out.extend(group_rounding(found, "基本支出明细表与基本支出表"));
    Applies::Yes
}

// ------------------------------------------------------------------------------------------

static XT009: RuleDoc = RuleDoc {
    code: "XT-009",
    family: Family::Cross,
    severity: Severity::Error,
    title: "项目支出预算表与支出总表一致",
    title_en: "The project table agrees with the expenditure summary",
    doc_en: "Henan template: the project expenditure table's total equals the project expenditure in the departmental expenditure summary. Both list the same projects. Example: Wen County 2024: 7453.94 = 7453.94.",
    what: "河南模板的项目支出预算表合计 = 部门支出预算表的项目支出合计。",
    why: "项目支出表逐项列出全部项目，合计与支出表不一致说明项目漏列或重复。",
    example: "温县医疗保障局 2024：项目支出预算表合计 7453.94 = 支出预算表项目支出 7453.94。",
    basis: "勾稽关系目录 I-34。",
};
rule!(ProjectsVsExpenditure, XT009, xt009);

fn xt009(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let [h3, t3] = match need(cx, &[ProjectExpenditure, ExpenditureSummary]) {
        Ok(v) => [v[0], v[1]],
        Err(a) => return a,
    };
    if let (Some(a), Some(b)) = (
        table_total(h3, Scope::Root, Role::Total),
        table_total(t3, Scope::Root, Role::Project),
    ) {
        check_equal(&XT009, "项目支出合计", &a, &b, out);
    }
    Applies::Yes
}

// ------------------------------------------------------------------------------------------

static XT010: RuleDoc = RuleDoc {
    code: "XT-010",
    family: Family::Cross,
    severity: Severity::Error,
    title: "支出经济分类汇总表与支出总表一致",
    title_en: "The economic summary agrees with the expenditure summary",
    doc_en: "Henan template: the economic-classification summary's grand total equals the departmental expenditure summary's grand total; the same spending is classified two ways. Example: Wen County 2024: 7895.93 = 7895.93.",
    what: "河南模板的支出经济分类汇总表总计 = 部门支出预算表总计。",
    why: "同一笔支出按功能分类和按经济分类各汇总一次，总数必须相同。",
    example: "温县医疗保障局 2024：7895.93 = 7895.93。",
    basis: "勾稽关系目录 I-36。",
};
rule!(EconomicSummaryVsExpenditure, XT010, xt010);

fn xt010(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let [h1, t3] = match need(cx, &[EconomicSummary, ExpenditureSummary]) {
        Ok(v) => [v[0], v[1]],
        Err(a) => return a,
    };
    if let (Some(a), Some(b)) = (
        table_total(h1, Scope::Root, Role::Total),
        table_total(t3, Scope::Root, Role::Total),
    ) {
        check_equal(&XT010, "支出总计", &a, &b, out);
    }
    Applies::Yes
}

// ------------------------------------------------------------------------------------------

static XT011: RuleDoc = RuleDoc {
    code: "XT-011",
    family: Family::Cross,
    severity: Severity::Error,
    title: "机关运行经费不超过基本支出同科目",
    title_en: "Operating costs do not exceed basic spending code by code",
    doc_en: "Henan template: each economic code in the operating-cost table does not exceed the same code in the basic-expenditure table, because operating costs are part of basic spending. Example: Wen County 2024: 30231 official vehicle operation 5.00 <= basic 5.00.",
    what: "河南模板的机关（机构）运行经费表中每个经济分类科目的金额，不超过基本支出表同一科目的金额（运行经费是基本支出的一部分）。",
    why: "运行经费多于该科目的全部基本支出，说明运行经费表或基本支出表有一处错了。",
    example: "温县医疗保障局 2024：30231 公务用车运行维护费 5.00 ≤ 基本支出 5.00。",
    basis: "勾稽关系目录 I-35（观察到的模板口径）。",
};
rule!(OperatingCostVsBasic, XT011, xt011);

fn xt011(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let [h4, t6] = match need(cx, &[OperatingCost, GeneralBudgetBasic]) {
        Ok(v) => [v[0], v[1]],
        Err(a) => return a,
    };
    let (Some(c4), Some(c6)) = (
        h4.column(Scope::Root, Role::Total),
        t6.column(Scope::Root, Role::Basic)
            .or_else(|| t6.column(Scope::Root, Role::Total)),
    ) else {
        return Applies::No("运行经费表或基本支出表没有金额列".into());
    };
    for r in h4.rows.iter().filter(|r| r.code.is_some()) {
        let code = r.code.as_deref().unwrap_or_default();
        let a = cell(h4, r, c4, &format!("·{code}"));
        match code_sum(t6, code, c6) {
            Some(b) if a.value() > b.value() && !a.interval().intersects(b.interval()) => {
                out.push(Finding {
                    cells: Vec::new(),
                    rule: XT011.code.into(),
                    severity: Severity::Error,
                    message: format!(
                        "机关运行经费 {code} {} 大于基本支出表同科目 {}",
                        a.printed(),
                        b.printed()
                    ),
                    message_en: format!(
                        "Operating cost {code} {} exceeds basic spending {}",
                        a.printed(),
                        b.printed()
                    ),
                    lines: vec![a.line, b.line],
                    expected: Some(format!("≤ {}", b.printed())),
                    actual: Some(a.printed()),
                })
            }
            None if a.amount.is_some_and(|x| !x.is_zero()) => out.push(Finding {
                cells: Vec::new(),
                rule: XT011.code.into(),
                severity: Severity::Error,
                message: format!(
                    "机关运行经费列有 {code} {}，基本支出表中没有这个科目",
                    a.printed()
                ),
                message_en: format!(
                    "Operating cost lists {code} {}, absent from basic spending",
                    a.printed()
                ),
                lines: vec![a.line],
                expected: None,
                actual: Some(a.printed()),
            }),
            _ => {}
        }
    }
    Applies::Yes
}

// ------------------------------------------------------------------------------------------

static XT012: RuleDoc = RuleDoc {
    code: "XT-012",
    family: Family::Cross,
    severity: Severity::Error,
    title: "政府采购项目预算与绩效目标表一致",
    title_en: "Procurement project budgets agree with the performance tables",
    doc_en: "Checks that the project budget on each row of the procurement table equals that project's budget in its performance-target table (matched by project name; non-project sources such as public expenses are skipped). The two tables describe the same project money. Example: Xingtai 2024: office rental 70.00 = performance table 70.00.",
    what: "政府采购预算表每一行列出的项目“预算资金”，等于该项目绩效目标表的预算数（按项目名称对应；公用经费等非项目来源不核对）。",
    why: "同一项目在两处列出的预算规模不同，说明采购表或绩效表有一处抄错。",
    example: "邢台市医疗保障局 2024：办公楼租赁经费 70.00 = 绩效目标表预算数 70.00。",
    basis: "勾稽关系目录 I-37（观察到的模板口径）。",
};
rule!(ProcurementVsPerformance, XT012, xt012);

fn xt012(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let Some(pg) = table(cx.unit, Procurement) else {
        return Applies::No("缺少政府采购预算表或该表没有数据".into());
    };
    let targets: Vec<(String, Fig)> = cx
        .unit
        .tables_of(ProjectPerformance)
        .filter(|t| t.key_value)
        .filter_map(|t| Some((perf::project_name(t)?, perf::budget(t)?)))
        .collect();
    if targets.is_empty() {
        return Applies::No("没有逐项目的绩效目标表".into());
    }
    let (Some(name_col), Some(budget_col)) = (
        pg.column(Scope::Root, Role::Name),
        pg.column_any(Role::ProjectBudget),
    ) else {
        return Applies::No("政府采购表没有项目名称或预算资金列".into());
    };
    let mut seen = std::collections::HashSet::new();
    for r in &pg.rows {
        let name = compact(r.text(name_col));
        if name.is_empty() || !seen.insert(name.clone()) {
            continue;
        }
        let Some((_, target)) = targets
            .iter()
            .find(|(n, _)| fold_punct(n) == fold_punct(&name))
        else {
            continue;
        };
        let a = cell(pg, r, budget_col, &format!("·{name}·预算资金"));
        check_equal(&XT012, &format!("项目“{name}”的预算"), &a, target, out);
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use crate::report::Severity;
    use crate::rules::testing::*;

    fn silent_on_all(code: &str) {
        for s in ["000", "001", "002", "003", "004"] {
            assert_silent(&seed(s), code);
        }
    }

    #[test]
    fn xt001() {
        silent_on_all("XT-001");
        let text = mutate("000", 99, "\t合计\t1890.26", "\t合计\t1890.00");
        assert_fires(&text, "XT-001", Severity::Error, 99);
    }

    #[test]
    fn xt002_by_name_and_by_henan_ordinal() {
        silent_on_all("XT-002");
        let text = mutate("000", 52, "1890.26", "1880.26");
        assert_fires(&text, "XT-002", Severity::Error, 52);
        // Henan 八、社会保障和就业 = 208 类 (200 + 8).
        let text = mutate("004", 190, "48.28", "48.00");
        assert_fires(&text, "XT-002", Severity::Error, 190);
    }

    #[test]
    fn xt003() {
        silent_on_all("XT-003");
        let text = mutate("000", 122, "742.63\t\t742.63", "741.63\t\t741.63");
        assert_fires(&text, "XT-003", Severity::Error, 122);
    }

    #[test]
    fn xt004() {
        silent_on_all("XT-004");
        let text = mutate("000", 135, "1539.63", "1539.00");
        assert_fires(&text, "XT-004", Severity::Error, 135);
    }

    #[test]
    fn xt005_respects_each_template() {
        // Hebei compares with 本年支出合计 (carry-over included); Henan with this year's appropriation.
        silent_on_all("XT-005");
        let text = mutate("000", 204, "1890.26", "1890.00");
        assert_fires(&text, "XT-005", Severity::Error, 204);
        let text = mutate("001", 339, "6,536.40", "6,537.40");
        assert_fires(&text, "XT-005", Severity::Error, 339);
    }

    #[test]
    fn xt006() {
        silent_on_all("XT-006");
        let text = mutate("000", 222, "987.63", "987.00");
        assert_fires(&text, "XT-006", Severity::Error, 222);
    }

    #[test]
    fn xt007() {
        silent_on_all("XT-007");
        let text = mutate("000", 240, "0.80\t\t0.80", "1.80\t\t1.80");
        assert_fires(&text, "XT-007", Severity::Error, 240);
    }

    #[test]
    fn xt008_fires_on_seed_004_as_one_finding() {
        let f = serious(&seed("004"), "XT-008");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("412.69") && f[0].message.contains("29.30"),
            "{}",
            f[0].message
        );
        // With the 基本支出表 split moved by 1.00 the two tables agree.
        let text = mutate("004", 342, "441.99\t413.69\t28.30", "441.99\t412.69\t29.30");
        assert_silent(&text, "XT-008");
    }

    #[test]
    fn xt009_xt010() {
        silent_on_all("XT-009");
        silent_on_all("XT-010");
        let text = mutate("004", 529, "7,453.94\t7,453.94", "7,450.00\t7,450.00");
        assert_fires(&text, "XT-009", Severity::Error, 529);
        let text = mutate("004", 429, "7,895.93\t7,895.93", "7,895.00\t7,895.00");
        assert_fires(&text, "XT-010", Severity::Error, 429);
    }

    #[test]
    fn xt011() {
        silent_on_all("XT-011");
        let text = mutate("004", 559, "5.00", "6.00");
        assert_fires(&text, "XT-011", Severity::Error, 559);
    }

    #[test]
    fn xt012() {
        silent_on_all("XT-012");
        let text = mutate("000", 648, "办公楼租赁经费\t70.00", "办公楼租赁经费\t75.00");
        assert_fires(&text, "XT-012", Severity::Error, 648);
    }
}

// ------------------------------------------------------------------------------------------

static XT013: RuleDoc = RuleDoc {
    code: "XT-013",
    family: Family::Cross,
    severity: Severity::Error,
    title: "“其中：财政拨款”各表一致",
    title_en: "\"Of which: fiscal appropriation\" agrees across tables",
    doc_en: "Henan template: the general-budget 'of which: fiscal appropriation' figure appears in the budget summary, the income summary, the fiscal appropriation summary and the economic summary; all must be equal. Example: Wen County 2024: 7856.45 in all four tables.",
    what: "河南模板在收支预算表、收入预算表、财政拨款收支预算表、支出经济分类汇总表中都列出一般公共预算“其中：财政拨款”，这些数应相等。",
    why: "同一个数在四张表里出现，任何一处不同都说明抄录错误。",
    example: "温县医疗保障局 2024：7856.45 在收支预算表、收入预算表、财政拨款收支预算表和支出经济分类汇总表中一致。",
    basis: "表格定义；勾稽关系目录 I-16、I-22。",
};
rule!(FiscalPartAcrossTables, XT013, xt013);

fn xt013(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let is_part = |l: &str| l.starts_with("其中") && l.contains("财政拨款");
    let mut figs: Vec<Fig> = Vec::new();
    if let Some(t1) = table(cx.unit, BudgetSummary) {
        figs.extend(summary_line(t1, Scope::Income, &is_part));
    }
    if let Some(t4) = table(cx.unit, FiscalSummary) {
        figs.extend(summary_line_before(
            t4,
            Scope::Income,
            &|l| l.contains("结转"),
            &is_part,
        ));
    }
    if let Some(t2) = table(cx.unit, IncomeSummary) {
        figs.extend(table_total(t2, Scope::ThisYear, Role::GeneralBudgetFiscal));
    }
    if let Some(h1) = table(cx.unit, EconomicSummary) {
        figs.extend(table_total(h1, Scope::Root, Role::GeneralBudgetFiscal));
    }
    if figs.len() < 2 {
        return Applies::No("“其中：财政拨款”不足两处".into());
    }
    let first = figs[0].clone();
    for other in &figs[1..] {
        check_equal(&XT013, "“其中：财政拨款”", &first, other, out);
    }
    Applies::Yes
}

#[cfg(test)]
mod part_tests {
    use crate::report::Severity;
    use crate::rules::testing::*;

    #[test]
    fn xt013_fiscal_part() {
        for s in ["000", "001", "002", "003", "004"] {
            assert_silent(&seed(s), "XT-013");
        }
        let text = mutate("004", 184, "7,856.45", "7,857.45");
        assert_fires(&text, "XT-013", Severity::Error, 184);
    }
}
