//! Final accounts: each "三公" item actually spent comes with its counts in the prose (团组和人次,
//! 车辆购置数和保有量, 接待批次和人次).

use crate::model::DisclosureKind;
use crate::rules::support::prelude::*;

declare_rule! {
    /// 决算“三公”经费说明给出团组、车辆、接待的数量.
    pub ThreePublicDetails => check,
    RuleDoc {
        code: "DIS-005",
        family: Family::Completeness,
        severity: Severity::Warning,
        title: "决算“三公”经费说明给出团组、车辆、接待的数量",
        title_en: "Final accounts give the counts behind each \"three public\" item spent",
        doc_en: "Final accounts: for each 'three public' item whose actual spending in the table is above zero, the statement must give its counts: delegations and persons for travel abroad, vehicles bought for vehicle purchase, the fleet for vehicle operation, and batches and persons for official reception. Items not spent need no counts. Example: reception spending of 0.50 with no word of how many batches and persons were received.",
        what: "部门决算中，“三公”经费决算表里决算数大于零的项目，说明应给出相应数量：因公出国（境）的团组数和人次，公务用车购置的车辆数，公务用车运行维护的保有量，公务接待的批次和人次。没有支出的项目不要求。",
        why: "财政部部门决算公开要求说明“三公”经费的具体情况；只有金额没有数量，读者无法判断支出是否合理。",
        example: "某部门公务接待费决算 0.50 万元，说明未写接待批次和人次。",
        basis: "财政部部门决算公开说明模板（“三公”经费财政拨款支出决算具体情况）；预决算公开检查的细化程度项。",
    }
}

/// An item, the table role of its actual spending, and the groups of words the prose must hold
/// (one word of each group).
const ITEMS: [(&str, Role, &[&[&str]]); 4] = [
    (
        "因公出国（境）",
        Role::Abroad,
        &[&["团组", "个团", "批"], &["人次", "人"]],
    ),
    ("公务用车购置", Role::VehiclePurchase, &[&["购置"], &["辆"]]),
    (
        "公务用车运行维护",
        Role::VehicleOperation,
        &[&["保有量", "保有"]],
    ),
    ("公务接待", Role::Reception, &[&["批次", "批"], &["人次"]]),
];

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    if cx.unit.kind != DisclosureKind::FinalAccounts {
        return Applies::No("不是决算".into());
    }
    let Some(t) = table(cx.unit, TableKind::FinalThreePublic) else {
        return absent(cx.unit, TableKind::FinalThreePublic);
    };
    let prose: String = crate::rules::wording::prose_lines(cx)
        .map(|(_, l)| compact(l))
        .collect();
    for (item, role, groups) in ITEMS {
        let Some(spent) = table_total(t, Scope::Actual, role) else {
            continue;
        };
        if spent
            .amount
            .is_none_or(|a| a.value <= rust_decimal::Decimal::ZERO)
        {
            continue;
        }
        let missing: Vec<&str> = groups
            .iter()
            .filter(|words| !words.iter().any(|w| prose.contains(w)))
            .map(|words| words[0])
            .collect();
        if missing.is_empty() {
            continue;
        }
        let f = out
            .finding(
                format!(
                    "{item}费决算 {} 万元，说明没有给出{}（在说明文字中查找）",
                    spent.printed(),
                    missing.join("、")
                ),
                format!(
                    "{item}: {} spent, the statement gives no {}",
                    spent.printed(),
                    missing.len()
                ),
            )
            .line(spent.line);
        out.push(f);
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::ThreePublicDetails as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn counts_for_what_was_spent() {
        silent_on_seeds(&Rule);
        for id in CORPUS {
            assert_silent(&Rule, &corpus(id));
        }
        // Corpus 13 spent nothing on 三公; with 0.50 of reception spent, the prose owes its counts.
        let doc = corpus("13");
        let spent = edit(
            &doc,
            "0.95\t\t\t\t\t\t\t\t\t\t0.95\t",
            "0.95\t0.50\t\t\t\t\t\t\t\t\t0.95\t0.50",
        );
        assert_fires(
            &Rule,
            &spent,
            Severity::Warning,
            line_of(&spent, "0.95\t0.50"),
        );
        let told = edit(
            &spent,
            "当年度无“三\n公”经费支出。",
            "当年度国内公务接待3批次、20人次。",
        );
        assert_silent(&Rule, &told);
    }
}
