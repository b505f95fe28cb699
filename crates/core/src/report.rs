//! The report: what the CLI prints as JSON and the page shows. Its field names are a contract.

use crate::decode::Encoding;
use crate::facts::Fact;
use crate::kind::TableKind;
use crate::layout::AmountUnit;
use crate::model::{Document, Template, Unit};
use crate::rules::Outcome;
use crate::table::{Repair, Table};
use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }
}

/// A table cell a finding is about: its source line and its column in the rebuilt table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CellRef {
    pub line: usize,
    pub col: usize,
}

/// A place where the numbers do not hold together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The table cells involved, for highlighting (empty when the finding is about prose).
    pub cells: Vec<CellRef>,
    /// Stable rule code, e.g. `BAL-001`.
    pub rule: String,
    pub severity: Severity,
    /// Chinese message that states the numbers.
    pub message: String,
    /// The same in English.
    pub message_en: String,
    /// Every source line involved (1-based).
    pub lines: Vec<usize>,
    pub expected: Option<String>,
    pub actual: Option<String>,
}

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
    pub fn from_document(path: &str, doc: &Document) -> Self {
        FileReport {
            path: path.to_owned(),
            encoding: Some(doc.encoding),
            units: doc
                .units
                .iter()
                .map(|u| {
                    let (findings, outcomes) = crate::rules::run(doc, u);
                    UnitReport::new(u, findings, outcomes)
                })
                .collect(),
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
