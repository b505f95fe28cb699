//! Printed amounts as exact decimals that remember their printed precision.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// A printed figure: its exact value and how many decimals were printed.
///
/// `"2.00"` and `"2"` are equal values but different figures: the first stands for
/// [1.995, 2.005], the second for [1.5, 2.5]. Rounding checks depend on that.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// Decimals printed (`"0.8"` → 1).
    pub decimals: u32,
    /// The figure is known to be exact, not rounded to its printed precision: a whole-元 table
    /// whose every sum holds to the 元 was budgeted in whole 元 (see `table::exactness`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exact: bool,
}

/// The closed interval of true values a rounded printed figure can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub lo: Decimal,
    pub hi: Decimal,
}

impl Amount {
    pub fn new(value: Decimal, decimals: u32) -> Self {
        Amount {
            value,
            decimals,
            exact: false,
        }
    }

    /// Parses a table cell or a figure in prose: `7,895.93`, `0.3`, `-5.00`, `1 234.5`.
    /// Returns `None` for anything that is not purely a number.
    pub fn parse(text: &str) -> Option<Amount> {
        let t = text.trim();
        if t.is_empty() || t.len() > 40 {
            return None;
        }
        let mut digits = String::with_capacity(t.len());
        let mut seen_digit = false;
        let mut seen_point = false;
        let mut after_point = 0u32;
        for (i, c) in t.chars().enumerate() {
            match c {
                '0'..='9' => {
                    seen_digit = true;
                    if seen_point {
                        after_point += 1;
                    }
                    digits.push(c);
                }
                '.' if !seen_point && seen_digit => {
                    seen_point = true;
                    digits.push('.');
                }
                ',' if seen_digit && !seen_point => {}
                '-' if i == 0 => digits.push('-'),
                _ => return None,
            }
        }
        if !seen_digit || digits.ends_with('.') || after_point > 10 {
            return None;
        }
        let value = Decimal::from_str(&digits).ok()?;
        Some(Amount {
            value,
            decimals: after_point,
            exact: false,
        })
    }

    /// Half of the last printed digit's step: `"0.3"` → 0.05; nothing for an exact figure.
    pub fn half_step(&self) -> Decimal {
        if self.exact {
            Decimal::ZERO
        } else {
            Decimal::new(5, self.decimals + 1)
        }
    }

    pub fn interval(&self) -> Interval {
        let h = self.half_step();
        Interval {
            lo: self.value - h,
            hi: self.value + h,
        }
    }

    /// The figure as printed with its own precision (thousands separators dropped).
    pub fn printed(&self) -> String {
        format!("{:.*}", self.decimals as usize, self.value)
    }

    pub fn is_zero(&self) -> bool {
        self.value.is_zero()
    }
}

impl std::fmt::Display for Amount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.printed())
    }
}

impl Interval {
    pub fn point(v: Decimal) -> Self {
        Interval { lo: v, hi: v }
    }

    pub fn intersects(self, other: Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }
}

/// The sum of two rounded figures lies anywhere in the sum of their intervals.
impl std::ops::Add for Interval {
    type Output = Interval;
    fn add(self, other: Interval) -> Interval {
        Interval {
            lo: self.lo + other.lo,
            hi: self.hi + other.hi,
        }
    }
}

impl std::ops::Sub for Interval {
    type Output = Interval;
    fn sub(self, other: Interval) -> Interval {
        Interval {
            lo: self.lo - other.hi,
            hi: self.hi - other.lo,
        }
    }
}

impl std::fmt::Display for Interval {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[{}, {}]", self.lo.normalize(), self.hi.normalize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn parses_thousands_and_precision() {
        let a = Amount::parse("7,895.93").unwrap();
        assert_eq!((a.value, a.decimals), (d("7895.93"), 2));
        let b = Amount::parse("0.3").unwrap();
        assert_eq!((b.value, b.decimals), (d("0.3"), 1));
        assert_eq!(Amount::parse("100").unwrap().decimals, 0);
        assert_eq!(Amount::parse("-5.00").unwrap().value, d("-5"));
    }

    #[test]
    fn rejects_non_numbers() {
        for s in [
            "",
            "合计",
            "1.",
            ".5",
            "1.2.3",
            "≥90%",
            "A02010105",
            "210150 1",
            "1-6",
            ",5",
        ] {
            assert_eq!(Amount::parse(s), None, "{s}");
        }
    }

    #[test]
    fn interval_follows_printed_precision() {
        let a = Amount::parse("0.3").unwrap().interval();
        assert_eq!((a.lo, a.hi), (d("0.25"), d("0.35")));
        let b = Amount::parse("1890.26").unwrap().interval();
        assert_eq!((b.lo, b.hi), (d("1890.255"), d("1890.265")));
        assert_eq!(Amount::parse("2.00").unwrap().printed(), "2.00");
    }
}
