//! The check, end to end: decode → lines → plan → (per unit) tables, facts, rules → report. The
//! CLI, the page's worker and `window.yusuan.check` all go through here.
//!
//! Units are checked one at a time, each from its own lines ([`crate::model::UnitPlan`]), so a
//! [`Session`] can keep each unit's result keyed by the text it was built from and, when the
//! text is edited, re-check only the units whose text changed.

use crate::decode::{self, DecodeError, Encoding};
use crate::model::{self, Document, Unit, UnitPlan};
use crate::report::{FileReport, UnitReport};
use crate::table::{self, LineClass, Table, TableCache, TableKey};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// One unit checked: its report, and its rebuilt tables for display.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedUnit {
    pub report: UnitReport,
    pub tables: Vec<Table>,
    /// Each table's key in a session's table cache.
    table_keys: Vec<TableKey>,
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
    let (lines, reading) = crate::read_lines(text);
    let plan = model::plan(&lines, &LineClass::all(&lines)).with_reading(&reading);
    let units = plan
        .units
        .iter()
        .map(|u| check_planned(&lines, u, plan.doc_year, None).report)
        .collect::<Vec<_>>();
    let mut report = FileReport::new(path, encoding, units);
    paginate(&mut report, text);
    if report.units.is_empty() {
        report.note =
            crate::layout::no_tables_note(&text.split('\n').collect::<Vec<_>>()).map(str::to_owned);
    }
    report
}

/// Each finding's pages, for text with pages (a PDF's: form feeds start them).
fn paginate(report: &mut FileReport, text: &str) {
    if !text.contains('\u{c}') {
        return;
    }
    let pages = crate::pdf::page_of_lines(text);
    for f in report.units.iter_mut().flat_map(|u| u.findings.iter_mut()) {
        f.pages = f
            .lines
            .iter()
            .filter_map(|&n| pages.get(n.wrapping_sub(1)).copied())
            .collect();
        f.pages.dedup();
    }
}

/// Several files as one disclosure (a department publishing its prose and its tables as two
/// PDFs): their texts read in the order given as one, reported under their paths joined by
/// ` + `. A file that cannot be read makes the whole unusable, with its reason.
pub fn check_together(parts: &[(&str, &[u8])]) -> FileReport {
    let path = parts
        .iter()
        .map(|(p, _)| *p)
        .collect::<Vec<_>>()
        .join(" + ");
    let mut texts = Vec::new();
    let mut encoding = None;
    for (p, bytes) in parts {
        match decode::decode(bytes) {
            Ok((text, enc)) => {
                encoding.get_or_insert(enc);
                texts.push(text);
            }
            Err(e) => return FileReport::unusable(&path, format!("{p}: {e}")),
        }
    }
    match encoding {
        Some(enc) => check_text(&path, &texts.join("\n"), enc),
        None => FileReport::unusable(&path, DecodeError::Empty.to_string()),
    }
}

/// Whether a file that gave no unit is the prose of the disclosure whose tables come next: it
/// names the next file's unit (department) and year within its opening lines — the name maybe
/// without a prefix of up to three characters (`江苏省委办公厅` for `中共江苏省委办公厅`).
pub fn belongs_before(prose: &str, next: &crate::report::UnitReport) -> bool {
    let Some(name) = next.name.as_deref() else {
        return false;
    };
    let chars: Vec<char> = name.chars().collect();
    let opening: String = prose.lines().take(60).collect();
    let compact: String = opening.chars().filter(|c| !c.is_whitespace()).collect();
    let named = (0..=3.min(chars.len().saturating_sub(5)))
        .any(|k| compact.contains(&chars[k..].iter().collect::<String>()));
    named && next.year.is_some_and(|y| compact.contains(&y.to_string()))
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
    if unit.columns_inferred {
        return check_inferred(lines, unit);
    }
    let (findings, outcomes) = crate::rules::run(lines, unit);
    UnitReport::new(unit, findings, outcomes)
}

/// Why a table read from inferred columns is not checked: `rule` found fault with its figures.
fn inferred_doubt(rule: &str) -> String {
    format!(
        "表格的列是按空格对齐推断的；{rule} 在本表的数字上发现问题，无法区分是原表有误还是列推断有误：请用 PDF 原件或以制表符分隔的文本复核 (columns inferred from spaces; {rule} finds fault with this table's figures, which may be the inference's doing — check the PDF or a tab-separated copy)"
    )
}

/// A unit whose columns were inferred from spaces: a table an error or warning points into is
/// not understood instead (the fault may be the inference, not the document; unless the rule
/// reads no figure or column, [`crate::rules::Rule::reads_figures`]), and the rules
/// run again without it, until no finding points into a table. The findings left stand on
/// tables whose figures agree under the inferred columns, and on the prose.
fn check_inferred(lines: &[String], unit: &Unit) -> UnitReport {
    let mut unit = unit.clone();
    loop {
        let (findings, outcomes) = crate::rules::run(lines, &unit);
        let mut doubted = false;
        for t in unit.tables.iter_mut().filter(|t| t.understood()) {
            let inside = |n: &usize| (t.lines.0..=t.lines.1).contains(n);
            let doubts = |f: &crate::Finding| {
                f.severity >= crate::Severity::Warning
                    && crate::rules::find(f.rule.as_str()).is_none_or(|r| r.reads_figures())
            };
            if let Some(f) = findings
                .iter()
                .find(|f| doubts(f) && f.lines.iter().any(inside))
            {
                trace!("inferred doubt on {}: {} {}", t.title, f.rule, f.message);
                t.not_understood = Some(inferred_doubt(f.rule.as_str()));
                doubted = true;
            }
        }
        if !doubted {
            return UnitReport::new(&unit, findings, outcomes);
        }
    }
}

/// Builds one planned unit (its unchanged tables from `cache`) and checks it.
fn check_planned(
    lines: &[String],
    plan: &UnitPlan,
    doc_year: Option<u16>,
    cache: Option<&mut TableCache>,
) -> CheckedUnit {
    let (tables, table_keys) = table::build_tables_with(lines, &plan.blocks, cache);
    let mut unit = model::with_tables(lines, plan, doc_year, tables);
    let report = check_unit(lines, &unit);
    // A table doubted under inferred columns ([`check_inferred`]) is shown as it was checked:
    // not understood, and why.
    for (table, checked) in unit.tables.iter_mut().zip(&report.tables) {
        if table.not_understood.is_none() {
            table.not_understood.clone_from(&checked.not_understood);
        }
    }
    CheckedUnit {
        report,
        tables: std::mem::take(&mut unit.tables),
        table_keys,
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

/// Identifies a text cheaply (its length and a 64-bit hash, in hex): the page and its worker
/// agree on the text an edit applies to.
pub fn fingerprint(text: &str) -> String {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(text.as_bytes());
    format!("{}:{:016x}", text.len(), h.finish())
}

/// Keeps the first `head` items of `v` and returns its last `tail` (`head + tail ≤ v.len()`).
fn keep_ends<T>(v: &mut Vec<T>, head: usize, tail: usize) -> Vec<T> {
    let end = v.split_off(v.len() - tail);
    v.truncate(head);
    end
}

/// How many leading bytes two texts share (compared a page at a time, then byte by byte).
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const PAGE: usize = 4096;
    let n = a.len().min(b.len());
    let mut at = 0;
    while at + PAGE <= n && a[at..at + PAGE] == b[at..at + PAGE] {
        at += PAGE;
    }
    at + a[at..n]
        .iter()
        .zip(&b[at..n])
        .take_while(|(x, y)| x == y)
        .count()
}

/// How many trailing bytes two texts share, at most `limit`.
fn common_suffix(a: &[u8], b: &[u8], limit: usize) -> usize {
    const PAGE: usize = 4096;
    let mut at = 0;
    while at + PAGE <= limit
        && a[a.len() - at - PAGE..a.len() - at] == b[b.len() - at - PAGE..b.len() - at]
    {
        at += PAGE;
    }
    at + a[..a.len() - at]
        .iter()
        .rev()
        .zip(b[..b.len() - at].iter().rev())
        .take(limit - at)
        .take_while(|(x, y)| x == y)
        .count()
}

/// Checks text after text, re-checking only the units whose text changed since the last check.
/// The page keeps one in its worker; each check replaces what the session remembers.
#[derive(Debug, Default, Clone)]
pub struct Session {
    units: HashMap<UnitKey, Arc<CheckedUnit>>,
    /// The last text, its normalised lines and their classes: a line that did not change is
    /// not read again.
    text: String,
    lines: Vec<String>,
    classes: Vec<LineClass>,
    /// The byte length of each raw line of the last text (its end of line not counted).
    raw: Vec<usize>,
    tables: TableCache,
    /// What reading the last text found (columns inferred, a PDF's blank pages).
    reading: model::Reading,
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
        let (lines, classes) = self.source_lines(text);
        let plan = model::plan(&lines, &classes).with_reading(&self.reading);
        on(Event::Read {
            encoding,
            units: plan.units.len(),
        });
        let mut kept: HashMap<UnitKey, Arc<CheckedUnit>> = HashMap::with_capacity(plan.units.len());
        for (index, planned) in plan.units.iter().enumerate() {
            let key = unit_key(&lines, planned, plan.doc_year);
            let known = kept.get(&key).or_else(|| self.units.get(&key)).cloned();
            let reused = known.is_some();
            let unit = match known {
                Some(u) => {
                    self.tables.keep(&u.table_keys);
                    u
                }
                None => Arc::new(check_planned(
                    &lines,
                    planned,
                    plan.doc_year,
                    Some(&mut self.tables),
                )),
            };
            on(Event::Unit {
                index,
                key,
                unit: &unit,
                reused,
            });
            kept.insert(key, unit);
        }
        self.units = kept;
        self.tables.finish();
        self.text = text.to_owned();
        self.lines = lines;
        self.classes = classes;
    }

    /// [`crate::source_lines`] and their classes, taking the lines an edit did not touch (and
    /// their classes) from the last text: the text before the first changed byte and after the
    /// last one is the same, so are the lines wholly inside it, wherever they now stand.
    fn source_lines(&mut self, text: &str) -> (Vec<String>, Vec<LineClass>) {
        // Whole-text readings: a web page, and columns aligned with spaces (inferred per table).
        let html = |t: &str| {
            crate::html::looks_like_html(t)
                || crate::aligned::infers_columns(t.split('\n'), t.contains('\u{c}'))
        };
        let known = self.lines.len() == self.classes.len() && self.lines.len() == self.raw.len();
        if self.lines.is_empty() || !known || html(text) || html(&self.text) {
            self.raw = text.split('\n').map(str::len).collect();
            let (lines, reading) = crate::read_lines(text);
            self.reading = reading;
            let classes = LineClass::all(&lines);
            return (lines, classes);
        }
        let (old, new) = (self.text.as_bytes(), text.as_bytes());
        let prefix = common_prefix(old, new);
        let suffix = common_suffix(old, new, old.len().min(new.len()) - prefix);
        // Unchanged: the lines whose end of line lies in the common prefix, and those whose
        // preceding end of line lies in the common suffix.
        let (mut head, mut head_bytes) = (0, 0);
        while head < self.raw.len() && head_bytes + self.raw[head] < prefix {
            head_bytes += self.raw[head] + 1;
            head += 1;
        }
        let (mut tail, mut tail_bytes) = (0, 0);
        while tail < self.raw.len() - head
            && tail_bytes + self.raw[self.raw.len() - 1 - tail] < suffix
        {
            tail_bytes += self.raw[self.raw.len() - 1 - tail] + 1;
            tail += 1;
        }
        let middle_raw = text
            .get(head_bytes..new.len() - tail_bytes)
            .unwrap_or_default();
        // With nothing left between them, the middle is still one (empty) line.
        let middle_raw: Vec<&str> = middle_raw.split('\n').collect();
        let (mut lines, mut classes, mut raw) = (
            std::mem::take(&mut self.lines),
            std::mem::take(&mut self.classes),
            std::mem::take(&mut self.raw),
        );
        let lines_end = keep_ends(&mut lines, head, tail);
        let classes_end = keep_ends(&mut classes, head, tail);
        let raw_end = keep_ends(&mut raw, head, tail);
        for r in &middle_raw {
            let line = crate::normalize::normalize_line(r);
            classes.push(LineClass::of(&line));
            lines.push(line);
            raw.push(r.len());
        }
        lines.extend(lines_end);
        classes.extend(classes_end);
        raw.extend(raw_end);
        self.raw = raw;
        (lines, classes)
    }

    /// The last text with the bytes `from..to` replaced by `insert`, if the last text is the one
    /// `base` fingerprints (see [`fingerprint`]) and the range falls on its char boundaries.
    pub fn edited(&self, base: &str, from: usize, to: usize, insert: &str) -> Option<String> {
        let last = &self.text;
        let fits = from <= to && last.is_char_boundary(from) && last.is_char_boundary(to);
        if !fits || fingerprint(last) != base {
            return None;
        }
        let mut text = String::with_capacity(last.len() - (to - from) + insert.len());
        text.push_str(&last[..from]);
        text.push_str(insert);
        text.push_str(&last[to..]);
        Some(text)
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

    /// The tables a session over a text returns as not understood, with their titles' lines
    /// and reasons; each as its report says.
    fn doubted(text: &str) -> Vec<(crate::TableKind, usize, String)> {
        let mut out = Vec::new();
        Session::new().check_text(text, Encoding::Utf8, |e| {
            if let Event::Unit { unit, .. } = e {
                assert_eq!(unit.tables.len(), unit.report.tables.len());
                for (table, checked) in unit.tables.iter().zip(&unit.report.tables) {
                    assert_eq!(table.not_understood, checked.not_understood);
                    if let Some(why) = &table.not_understood {
                        out.push((table.kind, table.title_line, why.clone()));
                    }
                }
            }
        });
        out
    }

    /// Corpus 05's text export: its last project form, read label by label from the export's
    /// spaces as its copy reads it, requests less for the year than one of its sources — an
    /// error (PERF-004) the copy and the PDF give. From spaces, the form is not understood
    /// instead, naming the check; the other four forms and every other table stand.
    #[test]
    fn a_form_read_from_spaces_that_the_rules_fault_is_not_understood() {
        let text = crate::rules::testing::corpus_layout("05");
        let found = doubted(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        let (kind, line, why) = &found[0];
        assert_eq!(*kind, crate::TableKind::ProjectPerformance);
        let last_form = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim() == "财政项目支出绩效目标填报表")
            .map(|(i, _)| i + 1)
            .last();
        assert_eq!(Some(*line), last_form);
        assert!(
            why.contains(crate::rules::performance::AnnualFunds::DOC.code),
            "{why}"
        );
    }

    #[test]
    fn a_table_doubted_under_inferred_columns_is_shown_not_understood() {
        // Corpus 13's text export: TXT-013 points into its 财政拨款收入支出决算总表, so that
        // table is not understood under the inferred columns; the page shows the tables the
        // session returns, which must say so too.
        let text = crate::rules::testing::corpus_layout("13");
        let found = doubted(&text);
        let kinds: Vec<crate::TableKind> = found.iter().map(|d| d.0).collect();
        let reasons: Vec<&String> = found.iter().map(|d| &d.2).collect();
        assert_eq!(kinds, [crate::TableKind::FinalFiscalSummary]);
        // The reason names the check that found fault with it.
        let statement = crate::rules::text::FinalStatement::DOC.code;
        assert!(reasons.iter().all(|r| r.contains(statement)), "{reasons:?}");
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
        let mid = text.floor_char_boundary(text.len() / 2);
        for edited in [
            text.replacen("合计", "合 计", 1),
            format!("x\r\n{text}"),
            text[..mid].to_owned(),
            format!("{}\n\n新的一行\n{}", &text[..mid], &text[mid..]),
            format!(
                "{}{}",
                &text[..mid],
                &text[text.floor_char_boundary(mid + 500)..]
            ),
            format!("{text}\n"),
            format!("\n{text}"),
            text.replacen('\n', "", 3),
            "a\nb".to_owned(),
            "a\nb\n".to_owned(),
            "\na\nb".to_owned(),
            String::new(),
            "<table><tr><td>1</td></tr></table>".to_owned(),
            text.clone(),
            text.clone(),
        ] {
            let fresh = crate::source_lines(&edited);
            let classes = LineClass::all(&fresh);
            assert_eq!(session.source_lines(&edited), (fresh, classes));
            run(&mut session, &edited);
        }
    }

    #[test]
    fn an_edit_in_one_table_rebuilds_that_table_only() {
        let text = seed("004");
        let mut session = Session::new();
        run(&mut session, &text);
        assert_eq!(session.tables.len(), 15, "seed 004 has 15 tables");
        assert_eq!(session.tables.built(), 15);
        let edited = text.replacen(
            "30231\t公务用车运行维护费\t\t5.00",
            "30231\t公务用车运行维护费\t\t6.00",
            1,
        );
        assert_ne!(edited, text);
        let checked = run(&mut session, &edited);
        // The same 15 tables are kept; the session built one of them again.
        assert_eq!(session.tables.len(), 15);
        assert_eq!(session.tables.built(), 1);
        assert_eq!(
            checked[0].2,
            check_text("x", &edited, Encoding::Utf8).units[0]
        );
    }

    #[test]
    fn an_edit_applies_to_the_text_it_was_made_on() {
        let mut session = Session::new();
        run(&mut session, "收入合计 10 万元");
        let base = fingerprint("收入合计 10 万元");
        let edited = session.edited(&base, 14, 15, "2").unwrap();
        assert_eq!(edited, "收入合计 12 万元");
        assert_eq!(session.edited(&fingerprint("别的"), 13, 14, "2"), None);
        assert_eq!(
            session.edited(&base, 1, 2, "x"),
            None,
            "not a char boundary"
        );
        assert_eq!(session.edited(&base, 5, 99, "x"), None);
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, .. Default::default() })]

        /// Any edit — characters or lines inserted or deleted anywhere — gives the same lines and
        /// the same reports as reading the edited text afresh.
        #[test]
        fn edits_give_what_a_fresh_check_gives(
            at in 0.0f64..1.0,
            cut in 0usize..300,
            insert in "[\\n\\t0-9.合计一二三表、]{0,12}",
            seed_ix in 0usize..5,
        ) {
            let text = seed(["000", "001", "002", "003", "004"][seed_ix]);
            let start = text.floor_char_boundary((text.len() as f64 * at) as usize);
            let end = text.floor_char_boundary((start + cut).min(text.len()));
            let edited = format!("{}{insert}{}", &text[..start], &text[end..]);
            let mut session = Session::new();
            run(&mut session, &text);
            let fresh = crate::source_lines(&edited);
            let classes = LineClass::all(&fresh);
            let mut probe = session.clone();
            proptest::prop_assert_eq!(probe.source_lines(&edited), (fresh, classes));
            let reports: Vec<UnitReport> = run(&mut session, &edited).into_iter().map(|u| u.2).collect();
            proptest::prop_assert_eq!(reports, check_text("x", &edited, Encoding::Utf8).units);
        }
    }
}
