//! A total change the prose states equals the sum of the part changes it states.

use crate::amount::Amount;
use crate::facts::{Direction, Fact, Measure, Subject};
use crate::rules::support::prelude::*;
use crate::rules::support::stated::no_facts;
use rust_decimal::Decimal;

declare_rule! {
    /// 分项增减之和等于总增减.
    pub SubChangesAddUp => check,
    RuleDoc {
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
    }
}

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

fn check(cx: &Cx, out: &mut Sink) -> Applies {
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
            // A use of the year's money beside 基本 and 项目 (Jiangsu's 单位预留机动经费) counts
            // when the prose states its change.
            if parts.contains(&Basic) {
                if let Some(f) = changes
                    .iter()
                    .find(|f| f.subject == Reserve && f.paragraph_near(total))
                {
                    figs.extend(change_fig(f));
                }
            }
            let Some(t) = change_fig(total) else { continue };
            any = true;
            out.sum("总增减 = 分项增减之和", &t, &figs);
        }
    }
    if any {
        Applies::Yes
    } else {
        no_facts("成套的分项增减")
    }
}

#[cfg(test)]
mod tests {
    use super::SubChangesAddUp as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn parts_add_up_to_the_total_change() {
        silent_on_seeds(&Rule);
        let text = edit(
            &seed("000"),
            "基本支出增加10.65万元",
            "基本支出增加11.65万元",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "基本支出增加11.65万元"),
        );
        // Henan states 公务用车 only through 购置费 (持平) and 运行维护费 (−3): −6 = 0 + (0 − 3) − 3.
        // Whole-万元 figures stand for ±0.5 each, so a 1.00 change is within rounding; 2.00 is not.
        let anchor = "（三）公务接待费 1万元";
        let text = edit_line(
            &seed("004"),
            anchor,
            "比上年预算数减少3万元",
            "比上年预算数减少4万元",
        );
        assert_silent(&Rule, &text);
        let text = edit_line(
            &seed("004"),
            anchor,
            "比上年预算数减少3万元",
            "比上年预算数减少5万元",
        );
        assert_fires(&Rule, &text, Severity::Error, line_of(&text, anchor));
    }
}
