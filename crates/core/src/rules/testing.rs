//! Test helpers for rules: real fixture text, edited and located by content (never by line
//! number, so editing a fixture elsewhere breaks no test), and assertions about one rule.
#![cfg(test)]

use super::{apply, Cx, Rule};
use crate::diagnostic::{Finding, Severity};

pub const SEEDS: [&str; 5] = ["000", "001", "002", "003", "004"];

/// The seed fixture whose file name starts with `prefix`.
pub fn seed(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/");
    let path = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|f| f.to_string_lossy().starts_with(prefix))
        })
        .expect("fixture");
    std::fs::read_to_string(path).expect("read fixture")
}

/// The corpus documents (`../shared/corpus/`, read in place, never copied), by id prefix.
pub const CORPUS: [&str; 8] = ["02", "05", "09", "12", "13", "16", "19", "22"];

/// The tab-separated text of the corpus document whose name starts with `prefix`.
pub fn corpus(prefix: &str) -> String {
    corpus_text(prefix, false)
}

/// The `pdftotext -layout` export (`.layout.txt`) of the corpus document `prefix`.
pub fn corpus_layout(prefix: &str) -> String {
    corpus_text(prefix, true)
}

fn corpus_text(prefix: &str, layout: bool) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/");
    let path = std::fs::read_dir(dir)
        .expect("../shared/corpus beside the project")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with(&format!("{prefix}_"))
                && name.ends_with(".txt")
                && name.ends_with(".layout.txt") == layout
        })
        .expect("corpus document");
    std::fs::read_to_string(path).expect("read corpus document")
}

/// The 1-based numbers of every line that contains `needle`.
pub fn lines_of(text: &str, needle: &str) -> Vec<usize> {
    text.split('\n')
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
        .collect()
}

/// The 1-based number of the one line that contains `needle`.
pub fn line_of(text: &str, needle: &str) -> usize {
    let hits = lines_of(text, needle);
    assert_eq!(hits.len(), 1, "{needle:?} is on lines {hits:?}, not on one");
    hits[0]
}

/// `text` with its one occurrence of `from` replaced by `to`.
pub fn edit(text: &str, from: &str, to: &str) -> String {
    let n = text.matches(from).count();
    assert_eq!(n, 1, "{from:?} occurs {n} times, not once");
    text.replacen(from, to, 1)
}

/// `text` with the first `from` on the one line containing `anchor` replaced by `to`.
pub fn edit_line(text: &str, anchor: &str, from: &str, to: &str) -> String {
    let at = line_of(text, anchor) - 1;
    let mut lines: Vec<&str> = text.split('\n').collect();
    assert!(lines[at].contains(from), "{:?} lacks {from:?}", lines[at]);
    let edited = lines[at].replacen(from, to, 1);
    lines[at] = &edited;
    lines.join("\n")
}

/// The 1-based number of the first line containing `needle` after the one line that reads
/// `marker` (a table's title, say): for figures that recur elsewhere in the document.
pub fn line_after(text: &str, marker: &str, needle: &str) -> usize {
    let start = whole_line(text, marker);
    text.split('\n')
        .enumerate()
        .skip(start)
        .find(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
        .unwrap_or_else(|| panic!("no {needle:?} after {marker:?}"))
}

/// `text` with the first `from` after the one line containing `marker` replaced by `to`.
pub fn edit_after(text: &str, marker: &str, from: &str, to: &str) -> String {
    let at = line_after(text, marker, from) - 1;
    let mut lines: Vec<&str> = text.split('\n').collect();
    let edited = lines[at].replacen(from, to, 1);
    lines[at] = &edited;
    lines.join("\n")
}

/// The 1-based number of the one line that reads `line` (trimmed), such as a table's title.
pub fn whole_line(text: &str, line: &str) -> usize {
    let hits: Vec<usize> = text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| l.trim() == line)
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(hits.len(), 1, "{line:?} is the whole of lines {hits:?}");
    hits[0]
}

/// `text` with the one line that reads `line` (trimmed) replaced by `to`.
pub fn replace_line(text: &str, line: &str, to: &str) -> String {
    let at = whole_line(text, line) - 1;
    let mut lines: Vec<&str> = text.split('\n').collect();
    lines[at] = to;
    lines.join("\n")
}

/// Every finding of one rule over all units of the text.
pub fn run(rule: &dyn Rule, text: &str) -> Vec<Finding> {
    let doc = crate::parse_bytes(text.as_bytes()).expect("decodes");
    doc.units
        .iter()
        .flat_map(|unit| {
            let cx = Cx {
                lines: &doc.lines,
                unit,
            };
            apply(rule, &cx).1
        })
        .collect()
}

/// Findings at warning or error level.
pub fn serious(rule: &dyn Rule, text: &str) -> Vec<Finding> {
    run(rule, text)
        .into_iter()
        .filter(|f| f.severity >= Severity::Warning)
        .collect()
}

/// Asserts the rule stays silent (nothing above info) on the text.
pub fn assert_silent(rule: &dyn Rule, text: &str) {
    let f = serious(rule, text);
    assert!(f.is_empty(), "{} should be silent: {f:#?}", rule.doc().code);
}

/// Asserts the rule stays silent on every seed.
pub fn silent_on_seeds(rule: &dyn Rule) {
    for s in SEEDS {
        assert_silent(rule, &seed(s));
    }
}

/// Asserts the rule fires at `severity` with a finding on `line`; returns that finding.
pub fn assert_fires(rule: &dyn Rule, text: &str, severity: Severity, line: usize) -> Finding {
    let f = serious(rule, text);
    f.iter()
        .find(|x| x.severity == severity && x.lines.contains(&line))
        .cloned()
        .unwrap_or_else(|| {
            panic!(
                "{} should fire at {severity:?} on line {line}: {f:#?}",
                rule.doc().code
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_are_located_by_content() {
        let text = "a\tb\nc 12.00\nd";
        assert_eq!(line_of(text, "12.00"), 2);
        assert_eq!(edit(text, "12.00", "13.00"), "a\tb\nc 13.00\nd");
        assert_eq!(edit_line(text, "c ", "1", "2"), "a\tb\nc 22.00\nd");
        assert_eq!(line_after("x\n1\nT\n1", "T", "1"), 4);
        assert_eq!(edit_after("x\n1\nT\n1", "T", "1", "2"), "x\n1\nT\n2");
    }

    #[test]
    fn the_corpus_is_read_in_place() {
        for id in CORPUS {
            let text = corpus(id);
            assert!(text.lines().count() > 200, "corpus {id} is too short");
        }
    }
}
