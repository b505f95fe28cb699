//! The reviewer's checklist: the items of the national 预决算公开 inspections (及时性, 完整性,
//! 细化程度, 真实性, 文字与形式), each unit's verdict on each — 符合, 不符合 or 无法判断 — with the
//! findings under it, and the reviewers' spreadsheet layout: one row per unit, one column per item.

#[cfg(feature = "xlsx")]
pub mod xlsx;

use crate::diagnostic::{Family, Finding, Severity, Status};
use crate::report::{FileReport, UnitReport};
use serde::{Deserialize, Serialize};

/// An inspection item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    /// 及时性: published on time (the date is not in the text).
    Timeliness,
    /// 完整性: every table and section published, empty tables explained.
    Completeness,
    /// 细化程度: classification codes and names as the edition prescribes.
    Detail,
    /// 真实性（准确性）: the figures hold together, in and across tables and in the prose.
    Accuracy,
    /// 文字与形式: the wording of the prose.
    Wording,
}

impl Item {
    pub const ALL: [Item; 5] = [
        Item::Timeliness,
        Item::Completeness,
        Item::Detail,
        Item::Accuracy,
        Item::Wording,
    ];

    pub fn zh(self) -> &'static str {
        match self {
            Item::Timeliness => "及时性",
            Item::Completeness => "完整性",
            Item::Detail => "细化程度",
            Item::Accuracy => "真实性",
            Item::Wording => "文字与形式",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Item::Timeliness => "Timeliness",
            Item::Completeness => "Completeness",
            Item::Detail => "Detail",
            Item::Accuracy => "Accuracy",
            Item::Wording => "Wording",
        }
    }

    /// The item a family of rules checks; timeliness has none.
    pub fn of(family: Family) -> Item {
        match family {
            Family::Completeness => Item::Completeness,
            Family::Codes => Item::Detail,
            Family::Wording => Item::Wording,
            Family::Table
            | Family::Balance
            | Family::Cross
            | Family::Text
            | Family::Performance => Item::Accuracy,
        }
    }
}

/// A unit's verdict on one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// 符合: its rules applied and found nothing at warning level or above.
    Meets,
    /// 不符合: an error or a warning under it.
    Fails,
    /// 无法判断: none of its rules could apply.
    CannotTell,
}

impl Verdict {
    pub fn zh(self) -> &'static str {
        match self {
            Verdict::Meets => "符合",
            Verdict::Fails => "不符合",
            Verdict::CannotTell => "无法判断",
        }
    }
}

/// One item of one unit's checklist.
#[derive(Debug, Clone, Serialize)]
pub struct Entry<'a> {
    pub item: Item,
    pub verdict: Verdict,
    /// The errors and warnings under the item.
    pub findings: Vec<&'a Finding>,
    /// Why it cannot be told, when it cannot.
    pub reason: Option<&'static str>,
}

/// A unit's checklist, item by item.
pub fn assess(unit: &UnitReport) -> Vec<Entry<'_>> {
    let family = |code: &str| crate::rules::doc(code).map(|d| d.family);
    Item::ALL
        .iter()
        .map(|&item| {
            if item == Item::Timeliness {
                return Entry {
                    item,
                    verdict: Verdict::CannotTell,
                    findings: Vec::new(),
                    reason: Some("公开时间不在文本中，需对照发布日期"),
                };
            }
            let findings: Vec<&Finding> = unit
                .findings
                .iter()
                .filter(|f| f.severity >= Severity::Warning)
                .filter(|f| family(f.rule.as_str()).map(Item::of) == Some(item))
                .collect();
            let applied = unit.rules.iter().any(|o| {
                family(o.rule.as_str()).map(Item::of) == Some(item)
                    && !matches!(o.status, Status::NotApplicable(_))
            });
            let (verdict, reason) = match (findings.is_empty(), applied) {
                (false, _) => (Verdict::Fails, None),
                (true, true) => (Verdict::Meets, None),
                (true, false) => (Verdict::CannotTell, Some("本项的检查均不适用")),
            };
            Entry {
                item,
                verdict,
                findings,
                reason,
            }
        })
        .collect()
}

/// A CSV field, quoted where it must be.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// What an item's cell says: the verdict, then each finding under it.
pub fn cell(e: &Entry) -> String {
    let mut out = e.verdict.zh().to_owned();
    if let Some(reason) = e.reason {
        out.push('：');
        out.push_str(reason);
    }
    for (k, f) in e.findings.iter().enumerate() {
        out.push_str(if k == 0 { "：" } else { "；" });
        out.push_str(&format!(
            "[{}] {} {}",
            f.severity.zh(),
            f.rule.as_str(),
            f.message
        ));
    }
    out
}

/// The columns of the reviewers' layout before the items.
pub const UNIT_COLUMNS: [&str; 6] = ["文件", "单位编码", "单位", "年度", "类型", "模板"];

/// A unit's cells for the columns before the items ([`UNIT_COLUMNS`]).
pub fn unit_cells(path: &str, u: &UnitReport) -> Vec<String> {
    vec![
        path.to_owned(),
        u.code.clone().unwrap_or_default(),
        u.name.clone().unwrap_or_default(),
        u.year.map(|y| y.to_string()).unwrap_or_default(),
        format!("{}{}", u.scope.map_or("", |s| s.zh()), u.kind.zh()),
        u.template.id.zh().to_owned(),
    ]
}

/// The reviewers' layout from rows of cells: the header, then one line per row. UTF-8 with a
/// byte-order mark, so spreadsheet programs read the Chinese right.
pub fn csv(rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = format!("\u{FEFF}{}\n", header().join(","));
    for row in rows {
        let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

/// The header of the reviewers' layout: the unit's columns, then one per item.
pub fn header() -> Vec<&'static str> {
    UNIT_COLUMNS
        .iter()
        .copied()
        .chain(Item::ALL.iter().map(|i| i.zh()))
        .collect()
}

/// The rows of the reviewers' layout for checked files: one per unit (files in order), one cell
/// per column of [`header`].
pub fn rows(files: &[FileReport]) -> Vec<Vec<String>> {
    files
        .iter()
        .flat_map(|file| {
            file.units.iter().map(|u| {
                let mut row = unit_cells(&file.path, u);
                row.extend(assess(u).iter().map(cell));
                row
            })
        })
        .collect()
}

/// The reviewers' layout for checked files, as CSV.
pub fn to_csv(files: &[FileReport]) -> String {
    csv(rows(files))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{corpus, seed};

    fn verdicts(text: &str) -> Vec<(Item, Verdict)> {
        let report = crate::check_bytes("x", text.as_bytes());
        assess(&report.units[0])
            .iter()
            .map(|e| (e.item, e.verdict))
            .collect()
    }

    #[test]
    fn each_item_gets_its_verdict() {
        use Item::*;
        use Verdict::*;
        // Seed 003: spending plans short of 100 % (errors), doubled marks (warnings).
        assert_eq!(
            verdicts(&seed("003")),
            vec![
                (Timeliness, CannotTell),
                (Completeness, Meets),
                (Detail, Meets),
                (Accuracy, Fails),
                (Wording, Fails),
            ]
        );
        // Corpus 12: a retired class name (细化程度), a reason left out (文字).
        assert_eq!(
            verdicts(&corpus("12")),
            vec![
                (Timeliness, CannotTell),
                (Completeness, Meets),
                (Detail, Fails),
                (Accuracy, Meets),
                (Wording, Fails),
            ]
        );
        // Corpus 22: a section missing and an empty table unexplained.
        assert_eq!(verdicts(&corpus("22"))[1], (Completeness, Fails));
    }

    #[test]
    fn one_row_per_unit_with_the_findings_under_each_item() {
        let files = vec![
            crate::check_bytes("002.txt", seed("002").as_bytes()),
            crate::check_bytes("12.txt", corpus("12").as_bytes()),
        ];
        let csv = to_csv(&files);
        let rows: Vec<&str> = csv.trim_end().split('\n').collect();
        assert_eq!(
            rows[0],
            "\u{FEFF}文件,单位编码,单位,年度,类型,模板,及时性,完整性,细化程度,真实性,文字与形式"
        );
        // Seed 002 holds two units.
        assert_eq!(rows.len(), 1 + 3);
        assert!(rows[1].starts_with("002.txt,450001,"), "{}", rows[1]);
        // Corpus 12's retired class name, in the prose (CLS-005) and in two tables (CLS-001).
        assert!(rows[3].contains("不符合：[警告] CLS-005"), "{}", rows[3]);
        assert!(rows[3].contains("[警告] CLS-001"), "{}", rows[3]);
        assert!(rows[3].contains("[警告] WRD-004"), "{}", rows[3]);
    }

    #[test]
    fn csv_fields_are_quoted_where_they_must_be() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
