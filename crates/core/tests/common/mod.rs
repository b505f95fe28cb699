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

/// The corpus document whose file name starts with `prefix` (`"05"`), as (file name, text).
pub fn corpus_doc(prefix: &str) -> (String, String) {
    corpus()
        .into_iter()
        .find(|(name, _)| name.starts_with(&format!("{prefix}_")))
        .unwrap_or_else(|| panic!("no corpus document {prefix}"))
}
