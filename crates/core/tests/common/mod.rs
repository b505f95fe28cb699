//! The seed disclosures in `tests/fixtures/` and the corpus in `../shared/corpus/`, shared by
//! the integration tests.
#![allow(dead_code)] // each test file uses the helpers it needs

use std::path::PathBuf;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/");

/// The `.txt` files of `dir` that `keep` accepts, as (file name, bytes), in file-name order.
fn txt_files(dir: &str, keep: impl Fn(&str) -> bool) -> Vec<(String, Vec<u8>)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p.to_string_lossy();
            name.ends_with(".txt") && keep(&name)
        })
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, bytes)
        })
        .collect()
}

/// Every seed (`tests/fixtures/*.txt`), as (file name, bytes), in file-name order.
pub fn seeds() -> Vec<(String, Vec<u8>)> {
    txt_files(DIR, |_| true)
}

/// The seed whose file name starts with `prefix` (`"002"`).
pub fn seed(prefix: &str) -> Vec<u8> {
    seeds()
        .into_iter()
        .find(|(name, _)| name.starts_with(prefix))
        .unwrap_or_else(|| panic!("no fixture {prefix}"))
        .1
}

/// The seed as text (the seeds are UTF-8).
pub fn seed_text(prefix: &str) -> String {
    String::from_utf8(seed(prefix)).expect("seeds are UTF-8")
}

/// The seed parsed.
pub fn parsed(prefix: &str) -> yusuan_core::Document {
    yusuan_core::parse_bytes(&seed(prefix)).expect("seeds decode")
}

const CORPUS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/");

/// Every corpus document's tab-separated text (`../shared/corpus/*.txt`, not the `.layout.txt`
/// exports), read in place and never copied, as (file name, text), in file-name order.
pub fn corpus() -> Vec<(String, String)> {
    txt_files(CORPUS_DIR, |name| !name.ends_with(".layout.txt"))
        .into_iter()
        .map(|(name, bytes)| {
            let text = String::from_utf8(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, text)
        })
        .collect()
}

/// Every corpus document's `pdftotext -layout` export (`*.layout.txt`: columns aligned with
/// spaces), as (file name, text), in file-name order.
pub fn corpus_layouts() -> Vec<(String, String)> {
    txt_files(CORPUS_DIR, |name| name.ends_with(".layout.txt"))
        .into_iter()
        .map(|(name, bytes)| {
            let text = String::from_utf8(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, text)
        })
        .collect()
}

/// The text export (`.layout.txt`) of the corpus document whose file name starts with `prefix`.
pub fn corpus_layout(prefix: &str) -> String {
    corpus_layouts()
        .into_iter()
        .find(|(name, _)| name.starts_with(&format!("{prefix}_")))
        .map(|(_, text)| text)
        .unwrap_or_else(|| panic!("no corpus export {prefix}"))
}

/// The corpus document whose file name starts with `prefix` (`"05"`), as (file name, text).
pub fn corpus_doc(prefix: &str) -> (String, String) {
    corpus()
        .into_iter()
        .find(|(name, _)| name.starts_with(&format!("{prefix}_")))
        .unwrap_or_else(|| panic!("no corpus document {prefix}"))
}

/// How another reading of a corpus document (its layout export, its PDF) compares with its
/// tab-separated copy: it gives the same one unit (name, year, kind); how many tables it reads
/// exactly alike (kind, title, every row's code and figures); and the rules whose errors or
/// warnings only it gives, and only the copy gives.
pub struct Comparison {
    pub same_tables: usize,
    pub only_other: Vec<String>,
    pub only_copy: Vec<String>,
}

pub fn compare_readings(
    name: &str,
    tabbed: &str,
    other: &str,
    encoding: yusuan_core::Encoding,
) -> Comparison {
    let (a, b) = (
        yusuan_core::parse_text(tabbed, yusuan_core::Encoding::Utf8),
        yusuan_core::parse_text(other, encoding),
    );
    assert_eq!(b.units.len(), 1, "{name}");
    assert_eq!(
        (&b.units[0].name, b.units[0].year, b.units[0].kind),
        (&a.units[0].name, a.units[0].year, a.units[0].kind),
        "{name}"
    );
    let (sa, sb) = (a.signatures(), b.signatures());
    let serious = |text: &str| {
        let mut codes: Vec<String> = yusuan_core::check_bytes(name, text.as_bytes()).units[0]
            .findings
            .iter()
            .filter(|f| f.severity >= yusuan_core::Severity::Warning)
            .map(|f| f.rule.to_string())
            .collect();
        codes.sort();
        codes
    };
    let (fa, fb) = (serious(tabbed), serious(other));
    let only = |x: &[String], y: &[String]| -> Vec<String> {
        x.iter().filter(|c| !y.contains(c)).cloned().collect()
    };
    Comparison {
        same_tables: sa.iter().filter(|x| sb.contains(x)).count(),
        only_other: only(&fb, &fa),
        only_copy: only(&fa, &fb),
    }
}
