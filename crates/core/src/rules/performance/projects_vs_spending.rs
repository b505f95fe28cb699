//! The projects with performance targets add up to project spending, none listed twice.

use crate::rules::support::arith;
use crate::rules::support::performance::{budget, project_name};
use crate::rules::support::prelude::*;
use rust_decimal::Decimal;

declare_rule! {
    /// 绩效目标表的项目合计等于项目支出.
    pub ProjectsVsSpending => check,
    RuleDoc {
        code: "PERF-003",
        family: Family::Performance,
        severity: Severity::Error,
        title: "绩效目标表的项目合计等于项目支出",
        title_en: "Projects with performance targets add up to project spending",
        doc_en: "Checks that the budgets of all projects with performance targets add up to the project expenditure in the expenditure summary, and that no project (same name and amount) is listed twice. Only for templates that publish a form for every project (Shanghai publishes forms for the projects it selects: not checked). Projects missing from or repeated in the performance tables distort what is being evaluated. Example: Jiyuan 2023: the performance table totals 3813.10 against project expenditure 3524.10, 289.00 more - two projects (262.00 and 27.00) are listed again at its end.",
        what: "全部项目绩效目标表（河北每个项目一张、河南一张汇总表）所列项目的预算之和 = 支出总表的项目支出合计；同一项目（名称与金额相同）不得重复列出。只用于每个项目都公开绩效目标表的模板（上海只公开所选项目的填报表，不核对）。",
        why: "每个项目都应有绩效目标且只列一次；合计对不上意味着有项目没有绩效目标，或者被重复计算。",
        example: "济源示范区医疗保障局 2023：绩效目标表所列项目合计 3813.10，比项目支出 3524.10 多 289.00——表尾把 262.00 与 27.00 两个项目又列了一遍。",
        basis: "勾稽关系目录 I-38（观察到的模板口径）。",
    }
}

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

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    if !cx.unit.conventions().every_project_has_targets {
        return Applies::No("模板不要求每个项目都公开绩效目标表".into());
    }
    let Some(t3) = table(cx.unit, TableKind::ExpenditureSummary) else {
        return absent(cx.unit, TableKind::ExpenditureSummary);
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
    let mark = out.mark();
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
    let comparison = arith::sum(&total, &parts);
    let repeated: Decimal = repeats.iter().map(|r| r.2.value()).sum();
    let list: Vec<String> = repeats
        .iter()
        .map(|(n, g, f)| format!("“{n}” {}（第{}行与第{}行）", f.printed(), g.line, f.line))
        .collect();
    match comparison {
        // The surplus is exactly the repeated projects: one finding, one cause.
        Some(c)
            if c.verdict == Verdict::Broken
                && !repeats.is_empty()
                && (c.computed - c.reported - repeated).abs() <= Decimal::new(1, 2) =>
        {
            let mut lines: Vec<usize> = vec![total.line];
            lines.extend(repeats.iter().flat_map(|(_, g, f)| [g.line, f.line]));
            let f = out
                .finding(
                    format!(
                        "项目绩效目标表所列 {} 个项目的预算之和 {}，比支出总表项目支出 {} 多 {}，正是重复列出的项目：{}",
                        parts.len(),
                        c.computed,
                        total.printed(),
                        c.computed - c.reported,
                        list.join("；")
                    ),
                    format!("Performance tables list projects worth {} against project spending of {}: {} project(s) are listed twice", c.computed, total.printed(), repeats.len()),
                )
                .lines(lines)
                .expected(total.printed())
                .actual(c.computed.to_string());
            out.push(f);
        }
        Some(c) => {
            out.comparison(
                &c,
                &format!("{} 个项目的绩效目标表预算之和与项目支出", parts.len()),
                &total,
                &parts,
            );
            if !repeats.is_empty() {
                let mut lines: Vec<usize> = repeats
                    .iter()
                    .flat_map(|(_, g, f)| [g.line, f.line])
                    .collect();
                lines.sort_unstable();
                let f = out
                    .finding(
                        format!("项目绩效目标表重复列出了同一项目：{}", list.join("；")),
                        format!(
                            "{} project(s) are listed twice in the performance table",
                            repeats.len()
                        ),
                    )
                    .lines(lines);
                out.push(f);
            }
        }
        None => {}
    }
    out.group_rounding(mark, "绩效目标表与项目支出");
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::ProjectsVsSpending as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn projects_listed_twice_and_rounding() {
        let text = seed("001");
        let f = serious(&Rule, &text);
        assert!(
            f.iter()
                .any(|x| x.message.contains("3813.1") && x.message.contains("3524.10")),
            "{f:#?}"
        );
        let (first, again) = (
            line_of(&text, "419001230000000023625"),
            line_of(&text, "419001230000000027126"),
        );
        assert!(
            f.iter().any(|x| x.message.contains("重复")
                && x.lines.contains(&first)
                && x.lines.contains(&again)),
            "{f:#?}"
        );
        for s in ["002", "003", "004"] {
            assert_silent(&Rule, &seed(s));
        }
        // 上海 publishes forms for the projects it selects: corpus 05's five forms list
        // 3,351.33 万元 of projects against far more project spending, and that is no fault.
        let shanghai = corpus("05");
        let doc = crate::parse_bytes(shanghai.as_bytes()).expect("decodes");
        let cx = crate::rules::Cx {
            lines: &doc.lines,
            unit: &doc.units[0],
        };
        let (status, found) = crate::rules::apply(&Rule, &cx);
        assert!(
            matches!(&status, crate::rules::Status::NotApplicable(why) if why.contains("模板")),
            "{status:?}"
        );
        assert!(found.is_empty());
        // Seed 000: 902.62 against 902.63 is a rounding gap, reported as info only.
        let all = run(&Rule, &seed("000"));
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].severity, Severity::Info);
    }
}
