//! Rounding done right: each printed figure stands for the interval of values that round to it
//! (2 decimals → ±0.005; `0.3` → ±0.05). A sum identity holds when the reported total's
//! interval meets the interval of the sum of the parts (XBRL Calculations 1.1, round-to-nearest).
//! A difference explained by rounding is reported as `info` (尾数差), never as an error.

use super::sink::FindingBuilder;
use crate::amount::{Amount, Interval};
use crate::diagnostic::{CellRef, Severity};
use crate::layout::AmountUnit;
use crate::rules::RuleDoc;
use rust_decimal::Decimal;

/// A figure with where it came from. `amount: None` is a blank cell: not reported, which in a
/// sum counts as zero printed at the table's precision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fig {
    pub amount: Option<Amount>,
    pub line: usize,
    /// The table cell it was read from, if it came from a table.
    pub at: Option<CellRef>,
    /// What the figure is, for messages (`收支总表·收入总计`).
    pub label: String,
    /// The unit the figure was printed in; `amount` is in 万元 whatever this is.
    pub unit: AmountUnit,
    /// What a blank stands for (its table's [`Table::blank`]; zero at two decimals of 万元
    /// for figures from prose).
    pub blank: Interval,
}

impl Fig {
    pub fn new(amount: Option<Amount>, line: usize, label: impl Into<String>) -> Self {
        Fig {
            amount,
            line,
            at: None,
            label: label.into(),
            unit: AmountUnit::WanYuan,
            blank: Interval {
                lo: Decimal::new(-5, 3),
                hi: Decimal::new(5, 3),
            },
        }
    }

    /// Marks the figure as printed in `unit` (its amount already in 万元), for messages.
    pub fn in_unit(mut self, unit: AmountUnit) -> Self {
        self.unit = unit;
        self
    }

    /// Marks the figure as read from table `t`: printed in its unit, a blank meaning what a
    /// blank means there.
    pub fn of_table(mut self, t: &crate::table::Table) -> Self {
        self.unit = t.unit;
        self.blank = t.blank();
        self
    }

    /// Marks the table cell (source line, column) the figure was read from.
    pub fn at(mut self, line: usize, col: usize) -> Self {
        self.at = Some(CellRef { line, col });
        self
    }

    pub fn value(&self) -> Decimal {
        self.amount.map_or(Decimal::ZERO, |a| a.value)
    }

    /// The interval it stands for; a blank is zero, as precise as its table's figures.
    pub fn interval(&self) -> Interval {
        match self.amount {
            Some(a) => a.interval(),
            None => self.blank,
        }
    }

    /// The figure as printed, in its own unit (`13500元`; 万元 figures bare).
    pub fn printed(&self) -> String {
        match self.amount {
            None => "空白".to_owned(),
            Some(a) if self.unit == AmountUnit::WanYuan => a.printed(),
            Some(a) => format!(
                "{}{}",
                in_own_unit(a.value, a.decimals, self.unit),
                self.unit.zh()
            ),
        }
    }
}

/// A 万元 value shown in `unit` with the decimals it was printed with.
fn in_own_unit(value: Decimal, decimals: u32, unit: AmountUnit) -> String {
    let shift = match unit {
        AmountUnit::Yuan => 4,
        AmountUnit::QianYuan => 1,
        AmountUnit::WanYuan | AmountUnit::YiYuan => 0,
    };
    Amount::new(unit.from_wan(value), decimals.saturating_sub(shift)).printed()
}

/// The unit a comparison's computed figures are shown in: the figures' own unit when they all
/// share one, else 万元.
fn shown_unit<'a>(figs: impl Iterator<Item = &'a Fig>) -> AmountUnit {
    let mut units = figs.filter(|f| f.amount.is_some()).map(|f| f.unit);
    match units.next() {
        Some(u) if units.all(|v| v == u) => u,
        _ => AmountUnit::WanYuan,
    }
}

/// How a comparison came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The printed figures agree exactly.
    Exact,
    /// They differ, but by no more than rounding explains.
    Rounding,
    /// No rounding explains the difference.
    Broken,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub verdict: Verdict,
    /// The reported figure (the total, or the left side).
    pub reported: Decimal,
    /// The computed figure (the sum of the parts, or the right side).
    pub computed: Decimal,
    pub reported_iv: Interval,
    pub computed_iv: Interval,
}

impl Comparison {
    pub fn difference(&self) -> Decimal {
        self.reported - self.computed
    }
}

fn verdict(reported: Decimal, computed: Decimal, r: Interval, c: Interval) -> Verdict {
    if reported == computed {
        Verdict::Exact
    } else if r.intersects(c) {
        Verdict::Rounding
    } else {
        Verdict::Broken
    }
}

/// `total = Σ parts`. `None` when every figure is blank (nothing was stated).
pub fn sum(total: &Fig, parts: &[Fig]) -> Option<Comparison> {
    if total.amount.is_none() && parts.iter().all(|p| p.amount.is_none()) {
        return None;
    }
    let computed: Decimal = parts.iter().map(Fig::value).sum();
    let computed_iv = parts
        .iter()
        .map(Fig::interval)
        .fold(Interval::point(Decimal::ZERO), |a, b| a + b);
    let reported_iv = total.interval();
    Some(Comparison {
        verdict: verdict(total.value(), computed, reported_iv, computed_iv),
        reported: total.value(),
        computed,
        reported_iv,
        computed_iv,
    })
}

/// `a = b`, the one-part case of [`sum`].
pub fn equal(a: &Fig, b: &Fig) -> Option<Comparison> {
    sum(a, std::slice::from_ref(b))
}

/// `rate% = change / base × 100` with interval division. `None` when the base may be zero.
pub fn ratio_percent(part: Interval, whole: Interval) -> Option<Interval> {
    if whole.lo <= Decimal::ZERO {
        return None;
    }
    let hundred = Decimal::from(100);
    let lo = part.lo.checked_mul(hundred)?.checked_div(whole.hi)?;
    let hi = part.hi.checked_mul(hundred)?.checked_div(whole.lo)?;
    Some(Interval {
        lo: lo.min(hi),
        hi: lo.max(hi),
    })
}

fn fmt(d: Decimal) -> String {
    d.round_dp(6).normalize().to_string()
}

/// A computed figure in the unit the comparison is shown in.
fn fmt_in(d: Decimal, unit: AmountUnit) -> String {
    match unit {
        AmountUnit::WanYuan => fmt(d),
        u => format!("{}{}", fmt(u.from_wan(d)), u.zh()),
    }
}

/// An interval as the figures it bounds are shown: in `unit`, its unit named unless 万元
/// (`[10903042.995, 10903043.005]元`).
fn fmt_interval(iv: Interval, unit: AmountUnit) -> String {
    let shown = Interval {
        lo: unit.from_wan(iv.lo),
        hi: unit.from_wan(iv.hi),
    };
    match unit {
        AmountUnit::WanYuan => shown.to_string(),
        u => format!("{shown}{}", u.zh()),
    }
}

/// The expression of a sum for messages: `170.73 + 8701.43`.
pub fn expr(parts: &[Fig]) -> String {
    if parts.is_empty() {
        return "0".into();
    }
    parts
        .iter()
        .map(Fig::printed)
        .collect::<Vec<_>>()
        .join(" + ")
}

/// Builds the finding for a comparison that is not exact: the rule's severity when broken,
/// `info` for a rounding gap. `what` names the identity in Chinese.
pub fn finding(
    rule: &'static RuleDoc,
    c: &Comparison,
    what: &str,
    reported: &Fig,
    parts: &[Fig],
) -> Option<FindingBuilder> {
    let mut lines: Vec<usize> = std::iter::once(reported.line)
        .chain(parts.iter().map(|p| p.line))
        .filter(|&l| l > 0)
        .collect();
    lines.sort_unstable();
    lines.dedup();
    let unit = shown_unit(std::iter::once(reported).chain(parts));
    let d = fmt_in(c.difference(), unit);
    let computed = fmt_in(c.computed, unit);
    let (reported_iv, computed_iv) = (
        fmt_interval(c.reported_iv, unit),
        fmt_interval(c.computed_iv, unit),
    );
    // Whole figures known exact (table::exactness): the gap is plain, no intervals to show.
    let exact = std::iter::once(reported)
        .chain(parts)
        .filter_map(|f| f.amount)
        .any(|a| a.exact)
        && c.reported_iv.lo == c.reported_iv.hi;
    let (severity, message, message_en) = match c.verdict {
        Verdict::Exact => return None,
        Verdict::Rounding => (
            Severity::Info,
            format!(
                "{what}：{} {} 与 {} = {} 相差 {d}，在四舍五入误差范围内（尾数差；区间 {} 与 {} 相交）",
                reported.label,
                reported.printed(),
                expr(parts),
                computed,
                reported_iv,
                computed_iv
            ),
            format!(
                "{}: reported {} vs computed {} (difference {d}) is explained by rounding: {} meets {}",
                rule.title_en(),
                reported.printed(),
                computed,
                reported_iv,
                computed_iv
            ),
        ),
        Verdict::Broken if exact => (
            rule.severity,
            format!(
                "{what}：{} {} ≠ {} = {}，相差 {d}（本文件整数金额的合计处处分毫不差，是按整数编制的精确数，差额不是四舍五入造成的）",
                reported.label,
                reported.printed(),
                expr(parts),
                computed,
            ),
            format!(
                "{}: reported {} but the parts give {} (difference {d}); the document's whole-unit figures add up exactly everywhere else, so they are exact and the gap is no rounding",
                rule.title_en(),
                reported.printed(),
                computed,
            ),
        ),
        Verdict::Broken => (
            rule.severity,
            format!(
                "{what}：{} {} ≠ {} = {}，相差 {d}（区间 {} 与 {} 不相交，不是四舍五入造成的）",
                reported.label,
                reported.printed(),
                expr(parts),
                computed,
                reported_iv,
                computed_iv
            ),
            format!(
                "{}: reported {} but the parts give {} (difference {d}); intervals {} and {} do not meet",
                rule.title_en(),
                reported.printed(),
                computed,
                reported_iv,
                computed_iv
            ),
        ),
    };
    let mut cells: Vec<CellRef> = std::iter::once(reported)
        .chain(parts)
        .filter_map(|f| f.at)
        .collect();
    cells.sort_unstable();
    cells.dedup();
    Some(
        rule.finding(message, message_en)
            .severity(severity)
            .cells(cells)
            .lines(lines)
            .expected(computed)
            .actual(reported.printed()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> Fig {
        Fig::new(Amount::parse(s), 1, "x")
    }

    #[test]
    fn one_cent_gaps_are_rounding() {
        // Seed 002: 8872.17 vs 170.73 + 8701.43 = 8872.16.
        let c = sum(&f("8872.17"), &[f("170.73"), f("8701.43")]).unwrap();
        assert_eq!(c.verdict, Verdict::Rounding);
        // Seed 000: Σ project targets 902.62 (six figures) vs 902.63.
        let parts: Vec<Fig> = ["136.06", "214.56", "70.00", "60.00", "392.00", "30.00"]
            .map(f)
            .to_vec();
        assert_eq!(
            sum(&f("902.63"), &parts).unwrap().verdict,
            Verdict::Rounding
        );
    }

    #[test]
    fn real_gaps_are_broken() {
        assert_eq!(
            sum(&f("29.30"), &[f("28.30")]).unwrap().verdict,
            Verdict::Broken
        );
        assert_eq!(
            sum(&f("1890.26"), &[f("1539.63"), f("350.62")])
                .unwrap()
                .verdict,
            Verdict::Rounding
        );
        assert_eq!(
            sum(&f("1890.26"), &[f("1539.63"), f("350.60")])
                .unwrap()
                .verdict,
            Verdict::Broken
        );
    }

    #[test]
    fn precision_widens_the_interval() {
        // `0.3` stands for [0.25, 0.35]: 0.30 agrees, 0.36 does not.
        assert_eq!(
            equal(&f("0.3"), &f("0.30")).unwrap().verdict,
            Verdict::Exact
        );
        assert_eq!(
            equal(&f("0.3"), &f("0.34")).unwrap().verdict,
            Verdict::Rounding
        );
        assert_eq!(
            equal(&f("0.3"), &f("0.36")).unwrap().verdict,
            Verdict::Broken
        );
    }

    #[test]
    fn blanks_count_as_zero_and_all_blank_is_silent() {
        let blank = Fig::new(None, 1, "x");
        assert_eq!(sum(&blank, &[blank.clone(), blank.clone()]), None);
        assert_eq!(
            sum(&f("0.00"), std::slice::from_ref(&blank))
                .unwrap()
                .verdict,
            Verdict::Exact
        );
        assert_eq!(sum(&f("5.00"), &[blank]).unwrap().verdict, Verdict::Broken);
    }

    #[test]
    fn percent_of_intervals() {
        // 858.17 / 7702.57 = 11.14 %.
        let iv = ratio_percent(
            Amount::parse("858.17").unwrap().interval(),
            Amount::parse("7702.57").unwrap().interval(),
        )
        .unwrap();
        assert!(iv.intersects(Amount::parse("11.14").unwrap().interval()));
        assert!(!iv.intersects(Amount::parse("11.20").unwrap().interval()));
    }
}
