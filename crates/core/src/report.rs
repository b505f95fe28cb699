//! The report: what the CLI prints as JSON and the page shows. Its field names are a contract.

use crate::decode::Encoding;
pub use crate::diagnostic::{CellRef, Finding, Outcome, Severity, Status};
use crate::facts::Fact;
use crate::layout::AmountUnit;
use crate::model::{Template, Unit};
use crate::table::{Repair, Table, TableKind};
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
            repairs: t.repairs.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitReport {
    pub code: Option<String>,
    pub name: Option<String>,
    pub year: Option<u16>,
    pub template: Template,
    pub amount_unit: AmountUnit,
    pub lines: [usize; 2],
    pub tables: Vec<TableSummary>,
    pub facts: Vec<Fact>,
    pub findings: Vec<Finding>,
    /// How each rule came out: passed, failed, or not applicable (and why).
    pub rules: Vec<Outcome>,
}

impl UnitReport {
    pub fn new(unit: &Unit, findings: Vec<Finding>, rules: Vec<Outcome>) -> Self {
        UnitReport {
            code: unit.code.clone(),
            name: unit.name.clone(),
            year: unit.year,
            template: unit.template,
            amount_unit: unit.amount_unit,
            lines: [unit.lines.0, unit.lines.1],
            tables: unit.tables.iter().map(TableSummary::from).collect(),
            facts: unit.facts.clone(),
            findings,
            rules,
        }
    }
}

/// One checked input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    pub path: String,
    /// The encoding the bytes were read in; absent when the input was unusable.
    pub encoding: Option<Encoding>,
    pub units: Vec<UnitReport>,
    /// Why the input could not be used, in Chinese and English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl FileReport {
    pub fn new(path: &str, encoding: Encoding, units: Vec<UnitReport>) -> Self {
        FileReport {
            path: path.to_owned(),
            encoding: Some(encoding),
            units,
            error: None,
        }
    }

    pub fn unusable(path: &str, error: String) -> Self {
        FileReport {
            path: path.to_owned(),
            encoding: None,
            units: Vec::new(),
            error: Some(error),
        }
    }

    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.units.iter().flat_map(|u| u.findings.iter())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub files: Vec<FileReport>,
}
