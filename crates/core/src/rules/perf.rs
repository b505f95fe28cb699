//! 绩效: project performance tables — spending plans, budgets, and the project list.

use super::arith::{check_sum, group_rounding, Fig};
use super::lookup::{table, table_total};
use super::{Applies, Cx, Family, Rule, RuleDoc};
use crate::amount::Amount;
use crate::header::{Role, Scope};
use crate::kind::TableKind;
use crate::normalize::{compact, fold_punct};
use crate::report::{Finding, Severity};
use crate::table::{Row, Table};
use rust_decimal::Decimal;

/// The cell right after a cell whose text starts with `label`, in key/value rows.
fn after_label<'a>(t: &'a Table, label: &str) -> Option<(&'a Row, usize)> {
    for r in &t.rows {
        if let Some(i) = r
            .cells
            .iter()
            .position(|c| fold_punct(&c.text).starts_with(label))
        {
            return Some((r, i + 1));
        }
    }
    None
}

/// 项目名称 of a Hebei per-project table (from its key/value rows, else from its title).
pub fn project_name(t: &Table) -> Option<String> {
    if let Some((r, i)) = after_label(t, "项目名称") {
        if let Some(c) = r.cells.get(i) {
            return Some(compact(&c.text));
        }
    }
    let title = compact(&t.title);
    let title = title.trim_end_matches("绩效目标表");
    let start = title.find('、').map_or(0, |i| i + '、'.len_utf8());
    Some(title[start..].to_owned())
}

fn labelled_amount(t: &Table, label: &str, what: &str) -> Option<Fig> {
    let (r, i) = after_label(t, label)?;
    let c = r.cells.get(i)?;
    let amount = Amount::parse(&c.text);
    // The cell after the label may be the next label (an empty value).
    if amount.is_none() && !c.text.is_empty() && !c.text.chars().any(|ch| ch.is_ascii_digit()) {
        return Some(Fig::new(None, r.line, format!("{}·{what}", t.title)));
    }
    Some(Fig::new(
        amount,
        c.line,
        format!("{}·{what}", short_title(t)),
    ))
}

fn short_title(t: &Table) -> String {
    project_name(t).unwrap_or_else(|| t.title.clone())
}

/// 预算数 of a Hebei per-project table.
pub fn budget(t: &Table) -> Option<Fig> {
    labelled_amount(t, "预算数", "预算数")
}

/// 资金支出计划: (month label, figure, line) in order.
pub fn plan(t: &Table) -> Vec<(String, Amount, usize)> {
    let is_month = |s: &str| {
        let f = compact(s);
        f.ends_with("月底")
            && f.trim_end_matches("月底")
                .chars()
                .all(|c| c.is_ascii_digit())
            && f.len() > "月底".len()
    };
    let mut out = Vec::new();
    for (k, r) in t.rows.iter().enumerate() {
        let labels: Vec<&crate::table::Cell> =
            r.cells.iter().filter(|c| is_month(&c.text)).collect();
        match labels.len() {
            0 => {}
            // `12月底 \t 100`: label and figure on one line.
            1 if r.cells.iter().any(|c| Amount::parse(&c.text).is_some()) => {
                let value = r
                    .cells
                    .iter()
                    .find_map(|c| Amount::parse(&c.text).map(|a| (a, c.line)));
                if let Some((a, line)) = value {
                    out.push((compact(&labels[0].text), a, line));
                }
            }
            // Labels on one line, figures under them on the next.
            _ => {
                let Some(next) = t.rows.get(k + 1) else {
                    continue;
                };
                for l in labels {
                    if let Some(c) = next.cell(l.col) {
                        if let Some(a) = Amount::parse(&c.text) {
                            out.push((compact(&l.text), a, c.line));
                        }
                    }
                }
            }
        }
    }
    out
}

// ------------------------------------------------------------------------------------------

static PERF001: RuleDoc = RuleDoc {
    code: "PERF-001",
    family: Family::Performance,
    severity: Severity::Error,
    title: "资金支出计划累计到年底达到 100%",
    title_en: "The spending plan is cumulative and reaches 100% by year end",
    doc_en: "Checks each project's spending plan (%), given as cumulative progress at the end of March, June, October and December: every figure lies in 0-100, never decreases, and December reaches 100%. A plan that stops short, or that repeats the budget amount instead of a percentage, cannot be monitored. Example: Julu County 2026 'public medical care and medical aid': 20, 40, 60, 80 - December holds 80, the same as the 80 (10k yuan) budget, as if amounts were typed instead of percentages.",
    what: "项目绩效目标表的资金支出计划（%）按 3 月底、6 月底、10 月底、12 月底列出累计支出进度：每个数在 0～100 之间、逐期不减少，且 12 月底为 100%。",
    why: "支出计划是预算执行监控的依据；到年底不到 100% 意味着预算本身就计划不花完，或者表里填的根本不是百分比。",
    example: "巨鹿县医疗保障局 2026“公费医疗、医疗补助经费”：20.00、40.00、60.00、80.00——12 月底只有 80，与预算数 80 万元相同，像是填了金额而不是百分比。",
    basis: "项目绩效目标表“资金支出计划（%）”栏的定义；勾稽关系目录 I-21。",
};
rule!(SpendingPlan, PERF001, perf001);

fn perf001(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let mut any = false;
    for t in cx.unit.tables_of(TableKind::ProjectPerformance) {
        let p = plan(t);
        if p.is_empty() {
            continue;
        }
        any = true;
        let mut problems = Vec::new();
        let hundred = Decimal::from(100);
        for (m, a, _) in &p {
            let iv = a.interval();
            if iv.lo > hundred || iv.hi < Decimal::ZERO {
                problems.push(format!("{m} {a} 不在 0～100 之间"));
            }
        }
        for w in p.windows(2) {
            if w[1].1.interval().hi < w[0].1.interval().lo {
                problems.push(format!(
                    "{} {} 小于 {} {}，累计进度不应减少",
                    w[1].0, w[1].1, w[0].0, w[0].1
                ));
            }
        }
        let year_end = p.iter().find(|(m, _, _)| m.starts_with("12"));
        let last = p
            .last()
            .map(|(m, a, _)| format!("{m} {a}"))
            .unwrap_or_default();
        match year_end {
            Some((_, a, _)) if !a.interval().intersects(Amount::new(hundred, 0).interval()) => {
                problems.push(format!("12月底累计为 {a}%，没有达到 100%"))
            }
            None => problems.push(format!("没有列出 12月底的计划，累计只到 {last}%")),
            _ => {}
        }
        if problems.is_empty() {
            continue;
        }
        let mut message = format!(
            "{}：资金支出计划（%）{}",
            short_title(t),
            problems.join("；")
        );
        let values: Vec<String> = p.iter().map(|(_, a, _)| a.to_string()).collect();
        if let (Some(b), Some((_, a, _))) = (budget(t).and_then(|b| b.amount), p.last()) {
            if b.interval().intersects(a.interval())
                && !a.interval().intersects(Amount::new(hundred, 0).interval())
            {
                message.push_str(&format!(
                    "。最后一期 {a} 与预算数 {b} 万元相同，表中填写的可能是金额而不是百分比"
                ));
            }
        }
        out.push(Finding {
            cells: Vec::new(),
            rule: PERF001.code.into(),
            severity: Severity::Error,
            message,
            message_en: format!(
                "{}: the spending plan ({}) does not reach 100% by the end of December",
                t.title,
                values.join(", ")
            ),
            lines: p.iter().map(|(_, _, l)| *l).collect(),
            expected: Some("12月底 100".into()),
            actual: Some(values.join(" → ")),
        });
    }
    if any {
        Applies::Yes
    } else {
        Applies::No("没有列出资金支出计划的绩效目标表".into())
    }
}

// ------------------------------------------------------------------------------------------

static PERF002: RuleDoc = RuleDoc {
    code: "PERF-002",
    family: Family::Performance,
    severity: Severity::Error,
    title: "绩效目标表预算数 = 财政资金 + 其他资金",
    title_en: "A project's budget equals fiscal plus other funds",
    doc_en: "Checks each project's budget scale: budget = fiscal funds + other funds. Example: Xingtai 2024 'office rental': 70.00 = 70.00 + blank.",
    what: "项目绩效目标表“预算规模”一栏：预算数 = 其中财政资金 + 其他资金。",
    why: "资金来源的拆分与预算总数不符，说明项目预算的规模或来源填错。",
    example: "邢台市医疗保障局 2024“办公楼租赁经费”：70.00 = 70.00 + 空白。",
    basis: "项目绩效目标表的表格定义；勾稽关系目录 I-21。",
};
rule!(PerformanceBudgetSplit, PERF002, perf002);

fn perf002(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let mut any = false;
    let mut found = Vec::new();
    for t in cx
        .unit
        .tables_of(TableKind::ProjectPerformance)
        .filter(|t| t.key_value)
    {
        let (Some(b), Some(f)) = (budget(t), labelled_amount(t, "其中:财政资金", "财政资金"))
        else {
            continue;
        };
        any = true;
        let other = labelled_amount(t, "其他资金", "其他资金")
            .unwrap_or_else(|| Fig::new(None, b.line, "其他资金"));
        check_sum(
            &PERF002,
            &format!("{}：预算数 = 财政资金 + 其他资金", short_title(t)),
            &b,
            &[f, other],
            &mut found,
        );
    }
    out.extend(group_rounding(found, "绩效目标表预算数"));
    if any {
        Applies::Yes
    } else {
        Applies::No("没有逐项目的绩效目标表".into())
    }
}

// ------------------------------------------------------------------------------------------

static PERF003: RuleDoc = RuleDoc {
    code: "PERF-003",
    family: Family::Performance,
    severity: Severity::Error,
    title: "绩效目标表的项目合计等于项目支出",
    title_en: "Projects with performance targets add up to project spending",
    doc_en: "Checks that the budgets of all projects with performance targets add up to the project expenditure in the expenditure summary, and that no project (same name and amount) is listed twice. Projects missing from or repeated in the performance tables distort what is being evaluated. Example: Jiyuan 2023: the performance table totals 3813.10 against project expenditure 3524.10, 289.00 more - two projects (262.00 and 27.00) are listed again at its end.",
    what: "全部项目绩效目标表（河北每个项目一张、河南一张汇总表）所列项目的预算之和 = 支出总表的项目支出合计；同一项目（名称与金额相同）不得重复列出。",
    why: "每个项目都应有绩效目标且只列一次；合计对不上意味着有项目没有绩效目标，或者被重复计算。",
    example: "济源示范区医疗保障局 2023：绩效目标表所列项目合计 3813.10，比项目支出 3524.10 多 289.00——表尾把 262.00 与 27.00 两个项目又列了一遍。",
    basis: "勾稽关系目录 I-38（观察到的模板口径）。",
};
rule!(PerformanceVsProjects, PERF003, perf003);

/// Henan's summary performance table: the project rows (long project codes).
fn henan_projects(t: &Table) -> Vec<(&Row, Fig)> {
    let Some(col) = t.column(Scope::Root, Role::Total) else {
        return Vec::new();
    };
    t.rows
        .iter()
        .filter(|r| r.code.as_ref().is_some_and(|c| c.len() > 6))
        .map(|r| {
            let line = r.cell(col).map_or(r.line, |c| c.line);
            (
                r,
                Fig::new(r.amount(col), line, r.name.clone().unwrap_or_default()),
            )
        })
        .collect()
}

fn perf003(cx: &Cx, out: &mut Vec<Finding>) -> Applies {
    let Some(t3) = table(cx.unit, TableKind::ExpenditureSummary) else {
        return Applies::No("缺少支出总表".into());
    };
    let Some(project_total) = table_total(t3, Scope::Root, Role::Project) else {
        return Applies::No("支出总表没有项目支出列".into());
    };
    let tables: Vec<&Table> = cx.unit.tables_of(TableKind::ProjectPerformance).collect();
    if tables.is_empty() {
        return Applies::No("没有项目绩效目标表".into());
    }
    let mut parts: Vec<Fig> = Vec::new();
    let mut named: Vec<(String, Fig)> = Vec::new();
    for t in &tables {
        if t.key_value {
            if let Some(b) = budget(t) {
                named.push((project_name(t).unwrap_or_default(), b.clone()));
                parts.push(b);
            }
        } else {
            for (r, f) in henan_projects(t) {
                named.push((compact(r.name.as_deref().unwrap_or_default()), f.clone()));
                parts.push(f);
            }
        }
    }
    if parts.is_empty() {
        return Applies::No("绩效目标表中没有项目预算".into());
    }
    let mut found = Vec::new();
    let mut total = project_total.clone();
    total.label = "支出总表项目支出".into();
    // Henan codes differ between the two listings; the same name and amount twice is a repeat.
    let mut repeats = Vec::new();
    for (i, (n, f)) in named.iter().enumerate() {
        if let Some((_, g)) = named[..i]
            .iter()
            .find(|(m, g)| !n.is_empty() && m == n && g.amount == f.amount)
        {
            repeats.push((n.clone(), g.clone(), f.clone()));
        }
    }
    let comparison = super::arith::sum(&total, &parts);
    let repeated: Decimal = repeats.iter().map(|r| r.2.value()).sum();
    let list: Vec<String> = repeats
        .iter()
        .map(|(n, g, f)| format!("“{n}” {}（第{}行与第{}行）", f.printed(), g.line, f.line))
        .collect();
    match comparison {
        // The surplus is exactly the repeated projects: one finding, one cause.
        Some(c)
            if c.verdict == super::arith::Verdict::Broken
                && !repeats.is_empty()
                && (c.computed - c.reported - repeated).abs() <= Decimal::new(1, 2) =>
        {
            let mut lines: Vec<usize> = vec![total.line];
            lines.extend(repeats.iter().flat_map(|(_, g, f)| [g.line, f.line]));
            found.push(Finding {
                cells: Vec::new(),
                rule: PERF003.code.into(),
                severity: Severity::Error,
                message: format!(
                    "项目绩效目标表所列 {} 个项目的预算之和 {}，比支出总表项目支出 {} 多 {}，正是重复列出的项目：{}",
                    parts.len(),
                    c.computed,
                    total.printed(),
                    c.computed - c.reported,
                    list.join("；")
                ),
                message_en: format!("Performance tables list projects worth {} against project spending of {}: {} project(s) are listed twice", c.computed, total.printed(), repeats.len()),
                lines,
                expected: Some(total.printed()),
                actual: Some(c.computed.to_string()),
            });
        }
        Some(c) => {
            found.extend(super::arith::finding(
                &PERF003,
                &c,
                &format!("{} 个项目的绩效目标表预算之和与项目支出", parts.len()),
                &total,
                &parts,
            ));
            if !repeats.is_empty() {
                let mut lines: Vec<usize> = repeats
                    .iter()
                    .flat_map(|(_, g, f)| [g.line, f.line])
                    .collect();
                lines.sort_unstable();
                found.push(Finding {
                    cells: Vec::new(),
                    rule: PERF003.code.into(),
                    severity: Severity::Error,
                    message: format!("项目绩效目标表重复列出了同一项目：{}", list.join("；")),
                    message_en: format!(
                        "{} project(s) are listed twice in the performance table",
                        repeats.len()
                    ),
                    lines,
                    expected: None,
                    actual: None,
                });
            }
        }
        None => {}
    }
    out.extend(group_rounding(found, "绩效目标表与项目支出"));
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use crate::report::Severity;
    use crate::rules::testing::*;

    #[test]
    fn perf001_spending_plans() {
        // Seed 003: none of its eight plans reaches 100% by 12月底.
        let f = serious(&seed("003"), "PERF-001");
        assert_eq!(f.len(), 8, "{f:#?}");
        assert!(f.iter().any(|x| x.message.contains("可能是金额")));
        // Seed 000: 弥补医保工作经费 lists no 12月底 at all.
        let f = assert_fires(&seed("000"), "PERF-001", Severity::Error, 542);
        assert!(f.message.contains("弥补医保工作经费"));
        assert_eq!(serious(&seed("000"), "PERF-001").len(), 1);
        assert_silent(&seed("002"), "PERF-001");
        // A plan that goes backwards.
        let text = mutate("000", 468, "44.10", "14.10");
        let f = assert_fires(&text, "PERF-001", Severity::Error, 468);
        assert!(f.message.contains("不应减少"), "{}", f.message);
    }

    #[test]
    fn perf002_budget_split() {
        for s in ["000", "002", "003"] {
            assert_silent(&seed(s), "PERF-002");
        }
        let text = mutate("000", 465, "财政资金\t136.06", "财政资金\t130.06");
        assert_fires(&text, "PERF-002", Severity::Error, 465);
    }

    #[test]
    fn perf003_projects_listed_twice_and_rounding() {
        let f = serious(&seed("001"), "PERF-003");
        assert!(
            f.iter()
                .any(|x| x.message.contains("3813.1") && x.message.contains("3524.10")),
            "{f:#?}"
        );
        assert!(
            f.iter().any(|x| x.message.contains("重复")
                && x.lines.contains(&918)
                && x.lines.contains(&930)),
            "{f:#?}"
        );
        for s in ["002", "003", "004"] {
            assert_silent(&seed(s), "PERF-003");
        }
        // Seed 000: 902.62 against 902.63 is a rounding gap, reported as info only.
        let all = run(&seed("000"), "PERF-003");
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].severity, Severity::Info);
    }
}
