//! What the page shows of a checked unit: who and when, the findings, the rule counts, the
//! required tables and the rebuilt tables as cells of text. The worker sends this across with
//! the unit's full report, which the page keeps as a JavaScript value for the JSON export:
//! reading back only these few types keeps the wasm small.

use serde::{Deserialize, Serialize};
use yusuan_core::checklist::{self, Item, Verdict};
use yusuan_core::layout::AmountUnit;
use yusuan_core::report::{Finding, RequiredTables, Severity, UnitReport};
use yusuan_core::{DisclosureKind, DisclosureScope, Table, TableKind, TemplateMatch};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitShown {
    pub code: Option<String>,
    pub name: Option<String>,
    pub year: Option<u16>,
    pub scope: Option<DisclosureScope>,
    pub kind: DisclosureKind,
    /// The template detected and how sure detection is (generic when none was recognised).
    pub template: TemplateMatch,
    /// Figures read from the prose.
    pub facts: usize,
    /// Rules passed, failed, not applicable.
    pub outcomes: (usize, usize, usize),
    pub required_tables: RequiredTables,
    pub findings: Vec<Finding>,
    pub tables: Vec<TableShown>,
    /// The reviewer's checklist: each inspection item's verdict and its cell text.
    pub checklist: Vec<(Item, Verdict, String)>,
    /// The checklist row's cells before the items, the file's name left out.
    pub checklist_unit: Vec<String>,
}

/// A rebuilt table, as displayed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableShown {
    pub kind: TableKind,
    pub title: String,
    pub lines: (usize, usize),
    /// Column labels by column index (header path joined with " / ").
    pub columns: Vec<String>,
    pub rows: Vec<RowShown>,
    pub repairs: Vec<String>,
    pub empty: bool,
    /// The unit the table's figures are printed in.
    pub amount_unit: AmountUnit,
    /// Why the table was not understood (and so not checked); `None` when it was.
    pub not_understood: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowShown {
    pub line: usize,
    pub continued: Vec<usize>,
    pub cells: Vec<CellShown>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CellShown {
    pub col: usize,
    pub text: String,
    /// The cell is an amount (shown right-aligned).
    pub amount: bool,
    /// Source line of the cell's text.
    pub line: usize,
}

impl RowShown {
    pub fn cell(&self, col: usize) -> Option<&CellShown> {
        self.cells.iter().find(|c| c.col == col)
    }

    pub fn lines(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.line).chain(self.continued.iter().copied())
    }
}

impl From<&Table> for TableShown {
    fn from(t: &Table) -> Self {
        let width = t.columns.iter().map(|c| c.index + 1).max().unwrap_or(0);
        let mut columns = vec![String::new(); width];
        for c in &t.columns {
            columns[c.index] = c.path.join(" / ");
        }
        TableShown {
            kind: t.kind,
            title: t.title.clone(),
            lines: t.lines,
            columns,
            rows: t
                .rows
                .iter()
                .map(|r| RowShown {
                    line: r.line,
                    continued: r.continued.clone(),
                    cells: r
                        .cells
                        .iter()
                        .map(|c| CellShown {
                            col: c.col,
                            text: c.text.clone(),
                            amount: c.amount.is_some(),
                            line: c.line,
                        })
                        .collect(),
                })
                .collect(),
            repairs: t.repairs.iter().map(|r| r.what.clone()).collect(),
            empty: t.empty,
            amount_unit: t.unit,
            not_understood: t.not_understood.clone(),
        }
    }
}

impl UnitShown {
    pub fn new(report: &UnitReport, tables: &[Table]) -> Self {
        UnitShown {
            code: report.code.clone(),
            name: report.name.clone(),
            year: report.year,
            scope: report.scope,
            kind: report.kind,
            template: report.template.clone(),
            facts: report.facts.len(),
            outcomes: report.outcome_counts(),
            required_tables: report.required_tables.clone(),
            findings: report.findings.clone(),
            tables: tables.iter().map(TableShown::from).collect(),
            checklist: checklist::assess(report)
                .iter()
                .map(|e| (e.item, e.verdict, checklist::cell(e)))
                .collect(),
            checklist_unit: checklist::unit_cells("", report).split_off(1),
        }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_unit_as_shown() {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/004_ae63254e50cfffaf.txt"
        ))
        .expect("fixture");
        let doc = yusuan_core::parse_bytes(&bytes).expect("decodes");
        let unit = &doc.units[0];
        let report = yusuan_core::check::check_unit(&doc.lines, unit);
        let shown = UnitShown::new(&report, &unit.tables);
        assert_eq!(shown.tables.len(), unit.tables.len());
        assert_eq!(shown.findings, report.findings);
        let (passed, failed, na) = shown.outcomes;
        assert_eq!(passed + failed + na, report.rules.len());
        assert!(failed > 0 && passed > 0);
        // The 基本支出表's 合计 row: its amounts are marked, its labels are the header's.
        let basic = shown
            .tables
            .iter()
            .find(|t| t.kind == TableKind::GeneralBudgetBasic)
            .expect("基本支出表");
        let total = basic.rows.iter().find(|r| r.line == 342).expect("row 342");
        let cell = total
            .cells
            .iter()
            .find(|c| c.text == "413.69")
            .expect("413.69");
        assert!(cell.amount);
        assert!(!basic.columns[cell.col].is_empty());
    }
}
