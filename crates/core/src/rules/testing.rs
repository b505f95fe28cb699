//! Test helpers for rules: real fixture text, optionally with one figure changed.

use crate::report::{Finding, Severity};

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

/// The seed with `from` replaced by `to` on source line `line` (which must contain it).
pub fn mutate(prefix: &str, line: usize, from: &str, to: &str) -> String {
    let text = seed(prefix);
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    assert!(
        lines[line - 1].contains(from),
        "line {line} of seed {prefix} lacks {from:?}: {:?}",
        lines[line - 1]
    );
    lines[line - 1] = lines[line - 1].replacen(from, to, 1);
    lines.join("\n")
}

/// Every finding of one rule over all units of the text.
pub fn run(text: &str, code: &str) -> Vec<Finding> {
    let doc = crate::parse_bytes(text.as_bytes()).expect("decodes");
    let rule = super::find(code).expect("rule exists");
    let mut out = Vec::new();
    for unit in &doc.units {
        let cx = super::Cx { doc: &doc, unit };
        rule.check(&cx, &mut out);
    }
    out
}

/// Findings at warning or error level.
pub fn serious(text: &str, code: &str) -> Vec<Finding> {
    run(text, code)
        .into_iter()
        .filter(|f| f.severity >= Severity::Warning)
        .collect()
}

/// Asserts the rule stays silent (nothing above info) on the text.
pub fn assert_silent(text: &str, code: &str) {
    let f = serious(text, code);
    assert!(f.is_empty(), "{code} should be silent: {f:#?}");
}

/// Asserts the rule fires at `severity` with a finding on `line`; returns that finding.
pub fn assert_fires(text: &str, code: &str, severity: Severity, line: usize) -> Finding {
    let f = serious(text, code);
    f.iter()
        .find(|x| x.severity == severity && x.lines.contains(&line))
        .cloned()
        .unwrap_or_else(|| panic!("{code} should fire at {severity:?} on line {line}: {f:#?}"))
}
