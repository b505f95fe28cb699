//! Each project's spending plan is cumulative, within 0–100 %, and reaches 100 % by December.

use crate::amount::Amount;
use crate::rules::support::performance::{budget, plan, short_title};
use crate::rules::support::prelude::*;
use rust_decimal::Decimal;

declare_rule! {
    /// 资金支出计划累计到年底达到 100%.
    pub SpendingPlan => check,
    RuleDoc {
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
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
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
        let f = out
            .finding(
                message,
                format!(
                    "{}: the spending plan ({}) does not reach 100% by the end of December",
                    t.title,
                    values.join(", ")
                ),
            )
            .lines(p.iter().map(|(_, _, l)| *l))
            .expected("12月底 100")
            .actual(values.join(" → "));
        out.push(f);
    }
    if any {
        Applies::Yes
    } else {
        Applies::No("没有列出资金支出计划的绩效目标表".into())
    }
}

#[cfg(test)]
mod tests {
    use super::SpendingPlan as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn plans_reach_100_percent() {
        // Seed 003: none of its eight plans reaches 100% by 12月底.
        let f = serious(&Rule, &seed("003"));
        assert_eq!(f.len(), 8, "{f:#?}");
        assert!(f.iter().any(|x| x.message.contains("可能是金额")));
        // Seed 000: 弥补医保工作经费 lists no 12月底 at all.
        let text = seed("000");
        let f = assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "\t8.33\t\t50\t\t75\t"),
        );
        assert!(f.message.contains("弥补医保工作经费"));
        assert_eq!(serious(&Rule, &text).len(), 1);
        assert_silent(&Rule, &seed("002"));
        // A plan that goes backwards.
        let text = edit(&seed("000"), "44.10", "14.10");
        let f = assert_fires(&Rule, &text, Severity::Error, line_of(&text, "14.10"));
        assert!(f.message.contains("不应减少"), "{}", f.message);
    }

    /// Figures under their month labels with no empty cells kept (a form read from a text
    /// export): as many figures as labels pair in order, not by column index — which would
    /// set 22.05 under no month and 44.10 under 3月底.
    #[test]
    fn figures_under_labels_pair_in_order() {
        let text = seed("000");
        let row = "\t22.05\t\t44.10\t\t66.15\t";
        let packed = edit(&text, row, "22.05\t44.10\t66.15");
        assert_eq!(
            serious(&Rule, &packed).len(),
            1,
            "as the copy: 弥补医保工作经费 alone"
        );
        // The order still counts: a plan set backwards is found.
        let backwards = edit(&text, row, "44.10\t22.05\t66.15");
        assert_fires(
            &Rule,
            &backwards,
            Severity::Error,
            line_of(&backwards, "44.10\t22.05\t66.15"),
        );
    }
}
