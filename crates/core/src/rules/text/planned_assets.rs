//! The fixed-asset purchases the prose plans can be found among the procurement lines.

use crate::amount::Amount;
use crate::facts::{Fact, Subject};
use crate::rules::support::prelude::*;
use crate::rules::support::stated::{amounts, no_facts, stated};
use rust_decimal::Decimal;

declare_rule! {
    /// 拟购置固定资产能在政府采购预算中找到.
    pub PlannedAssetsVsProcurement => check,
    RuleDoc {
        code: "TXT-007",
        family: Family::Text,
        severity: Severity::Warning,
        title: "拟购置固定资产能在政府采购预算中找到",
        title_en: "Planned fixed-asset purchases are found in the procurement budget",
        doc_en: "When the text says fixed-asset purchases of X have been included in the procurement budget, checks that some of the procurement table's fixed-asset goods lines (catalogue A01-A06, without office supplies A0504 and materials A07) add up to X at the printed precision. Example: Qinglong County 2025: planned purchases 4.48 = all lines but copy paper (4.82 - 0.34).",
        what: "说明称“本年度拟购置固定资产总额为 X 万元，已按要求列入政府采购预算”时，政府采购预算表中固定资产类货物（品目 A01～A06，不含 A0504 办公用品与 A07 物资等耗材）应有某些行之和等于 X（按各数的印刷精度）。",
        why: "若任何组合都凑不出这个数，说明中的数字与采购预算无法对应，要么说明有误，要么采购表漏列了资产。",
        example: "青龙县医疗保障局本级 2025：拟购置 4.48 = 采购表除复印纸外各项之和（4.82 − 0.34）。",
        basis: "勾稽关系目录 I-39；《政府采购品目分类目录》（2022）A 类货物的分类。",
    }
}

/// 品目 codes of fixed assets: A01–A06, without A0504 (用品) — consumables are not assets.
fn fixed_asset_catalog(code: &str) -> bool {
    let c = code.trim();
    ["A01", "A02", "A03", "A04", "A05", "A06"]
        .iter()
        .any(|p| c.starts_with(p))
        && !c.starts_with("A0504")
}

/// Subset sums in cents with the fewest items reaching each (for the rounding tolerance).
fn subset_hits(items: &[i64], target: i64, half: i64) -> bool {
    let total: i64 = items.iter().sum();
    if total > 5_000_000 {
        return false;
    }
    let n = total as usize + 1;
    let mut fewest = vec![usize::MAX; n];
    fewest[0] = 0;
    for &v in items {
        let v = v as usize;
        for s in (v..n).rev() {
            if fewest[s - v] != usize::MAX {
                fewest[s] = fewest[s].min(fewest[s - v] + 1);
            }
        }
    }
    (0..n).any(|s| {
        fewest[s] != usize::MAX
            && fewest[s] > 0
            && (s as i64 - target).abs() * 2 <= (fewest[s] as i64) + half
    })
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let facts: Vec<&Fact> = amounts(cx.unit, &Subject::FixedAssetsPlanned).collect();
    let Some(f) = facts.first() else {
        return no_facts("拟购置固定资产");
    };
    let planned = stated(f).amount.unwrap_or(Amount::new(Decimal::ZERO, 2));
    let Some(pg) = table(cx.unit, TableKind::Procurement) else {
        return absent(cx.unit, TableKind::Procurement);
    };
    let (Some(cat), Some(total_col)) = (
        pg.column_any(Role::CatalogNo),
        pg.column(Scope::Root, Role::Total),
    ) else {
        return if planned.is_zero() {
            Applies::Yes
        } else {
            Applies::No("采购表没有品目或金额列".into())
        };
    };
    let cents = |a: Amount| {
        (a.value * Decimal::from(100))
            .round()
            .to_string()
            .parse::<i64>()
            .unwrap_or(0)
    };
    let assets: Vec<(Amount, usize)> = pg
        .rows
        .iter()
        .filter(|r| fixed_asset_catalog(r.text(cat)))
        .filter_map(|r| r.amount(total_col).map(|a| (a, r.line)))
        .collect();
    // The search counts whole cents of 万元; finer figures (a table in 元) are not searched.
    if assets.iter().any(|(a, _)| a.decimals > 2) || planned.decimals > 2 {
        return Applies::No("采购表或说明的金额精度细于 0.01 万元，不做凑数核对".into());
    }
    let items: Vec<(i64, usize)> = assets.iter().map(|&(a, l)| (cents(a), l)).collect();
    if planned.is_zero() {
        return Applies::Yes;
    }
    let target = cents(planned);
    // The planned figure stands for ±half a cent (2 decimals) or more when printed coarser.
    let half_units = (planned.half_step() * Decimal::from(200))
        .round()
        .to_string()
        .parse::<i64>()
        .unwrap_or(1);
    let values: Vec<i64> = items.iter().map(|x| x.0).collect();
    if subset_hits(&values, target, half_units) {
        return Applies::Yes;
    }
    let sum: i64 = values.iter().sum();
    let lines = std::iter::once(f.line).chain(items.iter().map(|x| x.1));
    let total = format!("{}.{:02}", sum / 100, sum % 100);
    let finding = out
        .finding(
            format!(
                "说明称拟购置固定资产 {} 万元并已列入政府采购预算，但采购表中固定资产类货物（{} 行，合计 {total} 万元）的任何组合都不等于这个数",
                planned,
                items.len(),
            ),
            format!(
                "No subset of the {} fixed-asset procurement lines (together {total}) adds up to the planned {}",
                items.len(),
                planned
            ),
        )
        .lines(lines)
        .expected(format!("某些固定资产行之和 = {planned}"))
        .actual(format!("固定资产类货物合计 {total}"));
    out.push(finding);
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::{fixed_asset_catalog, subset_hits, PlannedAssetsVsProcurement as Rule};
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn subset_sums_respect_rounding() {
        // 4.48 = 0.98 + 1.19 + 0.57 + 0.87 + 0.27 + 0.60.
        assert!(subset_hits(&[98, 119, 57, 87, 27, 60], 448, 1));
        // 8.00 from 1.35, 3.65, 0.60: reachable sums are 1.35, 1.95, 4.25, 5.00, 5.60 …
        assert!(!subset_hits(&[135, 365, 60], 800, 1));
        // Each 2-decimal addend stands for ±0.005: six of them explain a 1-cent gap.
        assert!(subset_hits(&[100, 100, 100, 100, 100, 99], 600, 1));
        assert!(fixed_asset_catalog("A02010105") && fixed_asset_catalog("A05010201"));
        assert!(
            !fixed_asset_catalog("A05040101")
                && !fixed_asset_catalog("A07100300")
                && !fixed_asset_catalog("C21040000")
        );
    }

    #[test]
    fn fires_on_the_seeds_that_cannot_be_matched() {
        let text = seed("000");
        assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "上年末固定资产"),
        );
        let text = seed("003");
        assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "拟购置固定资产"),
        );
        // Seed 002: 4.48 = every fixed-asset line (4.82 less 0.34 of copy paper).
        assert_silent(&Rule, &seed("002"));
        assert_silent(&Rule, &seed("004"));
    }
}
