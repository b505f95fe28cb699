//! The report: what the CLI prints as JSON and the page shows. Its field names are a contract.

use crate::decode::Encoding;
pub use crate::diagnostic::{CellRef, Finding, Outcome, Severity, Status};
use crate::facts::Fact;
use crate::layout::AmountUnit;
use crate::model::{DisclosureKind, DisclosureScope, Unit};
use crate::table::{Repair, Table, TableKind};
use crate::template::TemplateMatch;
use serde::{Deserialize, Serialize};

/// The summary of one rebuilt table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableSummary {
    pub kind: TableKind,
    pub title: String,
    pub lines: [usize; 2],
    /// Data rows after wrapped lines were joined.
    pub rows: usize,
    pub empty: bool,
    /// The unit the table's figures are printed in.
    pub amount_unit: AmountUnit,
    /// Whether the parser understood the table well enough to check it; rules that need a
    /// table that is not understood are not applicable.
    pub understood: bool,
    /// Why it was not understood.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_understood: Option<String>,
    pub repairs: Vec<Repair>,
}

impl From<&Table> for TableSummary {
    fn from(t: &Table) -> Self {
        TableSummary {
            kind: t.kind,
            title: t.title.clone(),
            lines: [t.lines.0, t.lines.1],
            rows: t.rows.len(),
            empty: t.empty,
            amount_unit: t.unit,
            understood: t.understood(),
            not_understood: t.not_understood.clone(),
            repairs: t.repairs.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitReport {
    pub code: Option<String>,
    pub name: Option<String>,
    pub year: Option<u16>,
    /// 部门预算 or 单位预算, where the document says.
    pub scope: Option<DisclosureScope>,
    /// 预算 or 决算.
    pub kind: DisclosureKind,
    /// The template detected, how sure detection is, and what it saw.
    pub template: TemplateMatch,
    pub amount_unit: AmountUnit,
    pub lines: [usize; 2],
    pub tables: Vec<TableSummary>,
    /// The tables this unit must publish, and which of them it does not.
    pub required_tables: RequiredTables,
    pub facts: Vec<Fact>,
    pub findings: Vec<Finding>,
    /// How each rule came out: passed, failed, or not applicable (and why).
    pub rules: Vec<Outcome>,
}

/// The tables a unit must publish (by its kind of disclosure) and the ones missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequiredTables {
    pub expected: Vec<TableKind>,
    pub missing: Vec<TableKind>,
}

impl RequiredTables {
    pub fn found(&self) -> usize {
        self.expected.len() - self.missing.len()
    }
}

impl UnitReport {
    /// Counts of the rules by outcome: (passed, failed, not applicable).
    pub fn outcome_counts(&self) -> (usize, usize, usize) {
        let count = |f: fn(&Status) -> bool| self.rules.iter().filter(|o| f(&o.status)).count();
        (
            count(|s| *s == Status::Passed),
            count(|s| *s == Status::Failed),
            count(|s| matches!(s, Status::NotApplicable(_))),
        )
    }

    /// How many findings of this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

impl UnitReport {
    pub fn new(unit: &Unit, findings: Vec<Finding>, rules: Vec<Outcome>) -> Self {
        UnitReport {
            code: unit.code.clone(),
            name: unit.name.clone(),
            year: unit.year,
            scope: unit.scope,
            kind: unit.kind,
            template: unit.template.clone(),
            amount_unit: unit.amount_unit,
            lines: [unit.lines.0, unit.lines.1],
            tables: unit.tables.iter().map(TableSummary::from).collect(),
            required_tables: RequiredTables {
                expected: unit.required_tables().to_vec(),
                missing: unit.missing_tables(),
            },
            facts: unit.facts.clone(),
            findings,
            rules,
        }
    }
}

/// One checked input. `U` is how each unit is carried: the core's [`UnitReport`], or (in the
/// page) the same report already serialised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileReport<U = UnitReport> {
    pub path: String,
    /// The encoding the bytes were read in; absent when the input was unusable.
    pub encoding: Option<Encoding>,
    pub units: Vec<U>,
    /// Why the input could not be used, in Chinese and English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// A hint where the text was usable but held no unit (its columns aligned with spaces).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl<U> FileReport<U> {
    pub fn new(path: &str, encoding: Encoding, units: Vec<U>) -> Self {
        FileReport {
            path: path.to_owned(),
            encoding: Some(encoding),
            units,
            error: None,
            note: None,
        }
    }

    pub fn unusable(path: &str, error: String) -> Self {
        FileReport {
            path: path.to_owned(),
            encoding: None,
            units: Vec::new(),
            error: Some(error),
            note: None,
        }
    }
}

impl FileReport {
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.units.iter().flat_map(|u| u.findings.iter())
    }
}

/// The report of a run: what `yusuan check --format json` prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report<U = UnitReport> {
    pub files: Vec<FileReport<U>>,
}

impl<U> Default for Report<U> {
    fn default() -> Self {
        Report { files: Vec::new() }
    }
}
