//! The fixed assets the prose states against the asset table, and that table's own total.

use crate::facts::Subject;
use crate::rules::support::prelude::*;
use crate::rules::support::stated::{amounts, stated};

declare_rule! {
    /// 固定资产说明与资产占用表一致.
    pub AssetsStatement => check,
    RuleDoc {
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
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let Some(a) = table(cx.unit, TableKind::Assets) else {
        return absent(cx.unit, TableKind::Assets);
    };
    let Some(col) = a.column(Scope::Root, Role::Amount) else {
        return Applies::No("资产表没有价值列".into());
    };
    let name_of = |r: &Row| fold_punct(r.name.as_deref().unwrap_or_default());
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
    if !parts.is_empty() {
        out.sum("资产总额 = 各类资产之和", &total_fig, &parts);
    }
    for f in amounts(cx.unit, &Subject::FixedAssets) {
        out.equal("固定资产说明与资产表", &stated(f), &total_fig);
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::AssetsStatement as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn prose_and_table_agree() {
        silent_on_seeds(&Rule);
        let text = edit_line(&seed("000"), "上年末固定资产", "1503.09", "1503.00");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "上年末固定资产"),
        );
        let text = edit(
            &seed("000"),
            "其他固定资产\t1832\t810.96",
            "其他固定资产\t1832\t800.96",
        );
        assert_fires(&Rule, &text, Severity::Error, line_of(&text, "800.96"));
    }
}
