//! Items the prose lists after a total add up to that total.

use crate::facts::{Fact, FactUnit, Measure, Subject};
use crate::rules::support::prelude::*;
use crate::rules::support::stated::{no_facts, stated};

declare_rule! {
    /// 说明中列举的分项之和等于所述总额.
    pub ItemsAddUp => check,
    RuleDoc {
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
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
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
    let mark = out.mark();
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
        out.sum("说明列举的分项之和与所述总额", &stated(whole), &parts);
    }
    out.group_rounding(mark, "说明列举的分项");
    if any {
        Applies::Yes
    } else {
        no_facts("逐项列举")
    }
}

#[cfg(test)]
mod tests {
    use super::ItemsAddUp as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn listed_items_add_up() {
        silent_on_seeds(&Rule);
        let text = edit(&seed("002"), "电费 2.83 万元", "电费 3.83 万元");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "电费 3.83 万元"),
        );
        // Whole-万元 items each stand for ±0.5: eight of them absorb a 1.00 gap, not a 10.00 one.
        let text = edit(&seed("003"), "医保宣传经费6万元", "医保宣传经费7万元");
        assert_silent(&Rule, &text);
        let text = edit(&seed("003"), "医保宣传经费6万元", "医保宣传经费16万元");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "医保宣传经费16万元"),
        );
    }
}
