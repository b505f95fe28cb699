//! The check, end to end: decode → lines → plan → (per unit) tables, facts, rules → report. The
//! CLI, the page's worker and `window.yusuan.check` all go through here.
//!
//! Units are checked one at a time, each from its own lines ([`crate::model::UnitPlan`]), so a
//! [`Session`] can keep each unit's result keyed by the text it was built from and, when the
//! text is edited, re-check only the units whose text changed.

use crate::decode::{self, DecodeError, Encoding};
use crate::model::{self, Document, Unit, UnitPlan};
use crate::report::{FileReport, UnitReport};
use crate::table::Table;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// One unit checked: its report, and its rebuilt tables for display.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedUnit {
    pub report: UnitReport,
    pub tables: Vec<Table>,
}

/// Identifies a unit by everything its check reads: its lines (text and position), its tables'
/// blocks and the document's year. Equal keys give equal results.
pub type UnitKey = u64;

/// A step of a check, as it happens.
#[derive(Debug)]
pub enum Event<'a> {
    /// The text was read and split into units; `units` of them follow.
    Read { encoding: Encoding, units: usize },
    /// One unit checked, or `reused` from the previous check because its text did not change.
    Unit {
        index: usize,
        key: UnitKey,
        unit: &'a Arc<CheckedUnit>,
        reused: bool,
    },
}

/// Checks bytes and produces the report for one input. Never panics; unusable input is
/// reported with a message instead of units.
pub fn check_bytes(path: &str, bytes: &[u8]) -> FileReport {
    match decode::decode(bytes) {
        Ok((text, encoding)) => check_text(path, &text, encoding),
        Err(e) => FileReport::unusable(path, e.to_string()),
    }
}

/// Checks already-decoded text.
pub fn check_text(path: &str, text: &str, encoding: Encoding) -> FileReport {
    let lines = crate::source_lines(text);
    let plan = model::plan(&lines);
    let units = plan
        .units
        .iter()
        .map(|u| check_planned(&lines, u, plan.doc_year).report)
        .collect();
    FileReport::new(path, encoding, units)
}

/// Every rule on every unit of a parsed document.
pub fn check_document(path: &str, doc: &Document) -> FileReport {
    let units = doc
        .units
        .iter()
        .map(|u| check_unit(&doc.lines, u))
        .collect();
    FileReport::new(path, doc.encoding, units)
}

/// Every rule on one unit; `lines` are the document's normalised source lines.
pub fn check_unit(lines: &[String], unit: &Unit) -> UnitReport {
    let (findings, outcomes) = crate::rules::run(lines, unit);
    UnitReport::new(unit, findings, outcomes)
}

/// Builds one planned unit and checks it.
fn check_planned(lines: &[String], plan: &UnitPlan, doc_year: Option<u16>) -> CheckedUnit {
    let mut unit = model::build_unit(lines, plan, doc_year);
    let report = check_unit(lines, &unit);
    CheckedUnit {
        report,
        tables: std::mem::take(&mut unit.tables),
    }
}

/// A unit's key: a hash of everything [`check_planned`] reads.
fn unit_key(lines: &[String], plan: &UnitPlan, doc_year: Option<u16>) -> UnitKey {
    let mut h = rustc_hash::FxHasher::default();
    doc_year.hash(&mut h);
    plan.hash(&mut h);
    let (first, last) = plan.reads();
    if let Some(read) = lines.get(first.saturating_sub(1)..last.min(lines.len())) {
        read.hash(&mut h);
    }
    h.finish()
}

/// Checks text after text, re-checking only the units whose text changed since the last check.
/// The page keeps one in its worker; each check replaces what the session remembers.
#[derive(Debug, Default, Clone)]
pub struct Session {
    units: HashMap<UnitKey, Arc<CheckedUnit>>,
    /// The last text, and its normalised lines: a line that did not change is not normalised
    /// again.
    text: String,
    lines: Vec<String>,
}

impl Session {
    pub fn new() -> Self {
        Session::default()
    }

    /// Checks bytes, reporting each step to `on` as it happens.
    pub fn check(
        &mut self,
        bytes: &[u8],
        on: impl FnMut(Event<'_>),
    ) -> Result<Encoding, DecodeError> {
        let (text, encoding) = decode::decode(bytes)?;
        self.check_text(&text, encoding, on);
        Ok(encoding)
    }

    /// Checks already-decoded text, reporting each step to `on` as it happens.
    pub fn check_text(&mut self, text: &str, encoding: Encoding, mut on: impl FnMut(Event<'_>)) {
        let lines = self.source_lines(text);
        let plan = model::plan(&lines);
        on(Event::Read {
            encoding,
            units: plan.units.len(),
        });
        let mut kept: HashMap<UnitKey, Arc<CheckedUnit>> = HashMap::with_capacity(plan.units.len());
        for (index, planned) in plan.units.iter().enumerate() {
            let key = unit_key(&lines, planned, plan.doc_year);
            let known = kept.get(&key).or_else(|| self.units.get(&key)).cloned();
            let reused = known.is_some();
            let unit =
                known.unwrap_or_else(|| Arc::new(check_planned(&lines, planned, plan.doc_year)));
            on(Event::Unit {
                index,
                key,
                unit: &unit,
                reused,
            });
            kept.insert(key, unit);
        }
        self.units = kept;
        self.text = text.to_owned();
        self.lines = lines;
    }

    /// [`crate::source_lines`], taking each unchanged line from the last text.
    fn source_lines(&mut self, text: &str) -> Vec<String> {
        if crate::html::looks_like_html(text) || crate::html::looks_like_html(&self.text) {
            return crate::source_lines(text);
        }
        let before: Vec<&str> = self.text.split('\n').collect();
        let mut normalised = std::mem::take(&mut self.lines);
        let reusable = before.len() == normalised.len();
        text.split('\n')
            .enumerate()
            .map(|(i, raw)| match normalised.get_mut(i) {
                Some(line) if reusable && before.get(i) == Some(&raw) => std::mem::take(line),
                _ => crate::normalize::normalize_line(raw),
            })
            .collect()
    }

    /// Forgets every unit (the text was cleared).
    pub fn clear(&mut self) {
        *self = Session::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(prefix: &str) -> String {
        crate::rules::testing::seed(prefix)
    }

    fn run(session: &mut Session, text: &str) -> Vec<(UnitKey, bool, UnitReport)> {
        let mut out = Vec::new();
        session.check_text(text, Encoding::Utf8, |e| {
            if let Event::Unit {
                key, unit, reused, ..
            } = e
            {
                out.push((key, reused, unit.report.clone()));
            }
        });
        out
    }

    #[test]
    fn a_session_gives_the_same_reports_as_a_single_check() {
        let text = format!("{}\n{}", seed("002"), seed("004"));
        let single = check_text("x", &text, Encoding::Utf8);
        let mut session = Session::new();
        let first = run(&mut session, &text);
        let reports: Vec<UnitReport> = first.iter().map(|u| u.2.clone()).collect();
        assert_eq!(reports, single.units);
        assert!(
            first.iter().all(|u| !u.1),
            "nothing to reuse the first time"
        );
        // The same text again: every unit reused, same reports.
        let again = run(&mut session, &text);
        assert!(again.iter().all(|u| u.1));
        assert_eq!(
            again.iter().map(|u| &u.2).collect::<Vec<_>>(),
            reports.iter().collect::<Vec<_>>()
        );
    }

    #[test]
    fn an_edit_rechecks_only_its_unit() {
        let text = format!("{}\n{}", seed("002"), seed("004"));
        let mut session = Session::new();
        let before = run(&mut session, &text);
        assert_eq!(before.len(), 3);
        // One figure of the last unit (seed 004) changes.
        let edited = text.replacen("涉及项目10个", "涉及项目11个", 1);
        assert_ne!(edited, text);
        let after = run(&mut session, &edited);
        let reused: Vec<bool> = after.iter().map(|u| u.1).collect();
        assert_eq!(reused, vec![true, true, false]);
        assert_eq!(
            after[2].2,
            check_text("x", &edited, Encoding::Utf8).units[2]
        );
        assert_ne!(after[2].2.findings, before[2].2.findings);
    }

    #[test]
    fn reused_lines_are_the_lines_a_fresh_read_gives() {
        let text = format!("{}\n{}", seed("000"), seed("003"));
        let mut session = Session::new();
        run(&mut session, &text);
        for edited in [
            text.replacen("合计", "合 计", 1),
            format!("x\r\n{text}"),
            text[..text.floor_char_boundary(text.len() / 2)].to_owned(),
            String::new(),
            "<table><tr><td>1</td></tr></table>".to_owned(),
            text.clone(),
        ] {
            assert_eq!(session.source_lines(&edited), crate::source_lines(&edited));
            run(&mut session, &edited);
        }
    }

    #[test]
    fn an_inserted_line_rechecks_the_units_after_it() {
        let text = format!("{}\n{}", seed("002"), seed("004"));
        let mut session = Session::new();
        run(&mut session, &text);
        let edited = format!("\n{text}");
        let after = run(&mut session, &edited);
        // Line numbers moved, so every unit is checked again, and its report cites the new lines.
        assert!(after.iter().all(|u| !u.1));
        let fresh = check_text("x", &edited, Encoding::Utf8);
        assert_eq!(
            after.into_iter().map(|u| u.2).collect::<Vec<_>>(),
            fresh.units
        );
    }
}
