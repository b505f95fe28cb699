//! Many inputs at once: directories expanded to the disclosures they hold, files checked in
//! parallel (results kept in the order given), and a one-line summary for the whole batch.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use yusuan_core::{FileReport, Severity};

/// File endings the checker reads when it walks a directory.
const EXTENSIONS: [&str; 4] = ["txt", "html", "htm", "pdf"];

/// One input to check: a file, stdin (`-`), or a directory that holds none (reported as such).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(String),
    EmptyDir(String),
}

/// Expands directories (recursively, sorted by path) into the `.txt`/`.html`/`.htm`/`.pdf` files
/// under them.
pub fn expand(paths: &[String]) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        let path = Path::new(p);
        if p != "-" && path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files);
            files.sort();
            if files.is_empty() {
                out.push(Input::EmptyDir(p.clone()));
            }
            out.extend(
                files
                    .into_iter()
                    .map(|f| Input::File(f.to_string_lossy().into_owned())),
            );
        } else {
            out.push(Input::File(p.clone()));
        }
    }
    out
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let path = e.path();
        if path.is_dir() {
            walk(&path, files);
        } else if path
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
        {
            files.push(path);
        }
    }
}

/// Checks every input on up to `threads` threads; the reports come back in input order.
pub fn check_all(
    inputs: &[Input],
    threads: usize,
    read: impl Fn(&str) -> Result<Vec<u8>, String> + Sync,
) -> Vec<FileReport> {
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<FileReport>>> = inputs.iter().map(|_| Mutex::new(None)).collect();
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(input) = inputs.get(i) else { break };
        let report = match input {
            Input::File(p) => match read(p) {
                Ok(bytes) => yusuan_core::check_bytes(p, &bytes),
                Err(e) => FileReport::unusable(p, e),
            },
            Input::EmptyDir(p) => FileReport::unusable(
                p,
                "目录中没有 .txt/.html 文件 (no .txt or .html file in this directory)".into(),
            ),
        };
        if let Ok(mut slot) = slots[i].lock() {
            *slot = Some(report);
        }
    };
    std::thread::scope(|s| {
        for _ in 1..threads.clamp(1, inputs.len().max(1)) {
            s.spawn(work);
        }
        work();
    });
    slots
        .into_iter()
        .zip(inputs)
        .map(|(slot, input)| {
            let path = match input {
                Input::File(p) | Input::EmptyDir(p) => p,
            };
            slot.into_inner()
                .ok()
                .flatten()
                .unwrap_or_else(|| FileReport::unusable(path, "检查中断 (check aborted)".into()))
        })
        .collect()
}

/// Every input read as one disclosure ([`yusuan_core::check::check_together`]).
pub fn check_as_one(
    inputs: &[Input],
    read: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> FileReport {
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for input in inputs {
        match input {
            Input::File(p) => match read(p) {
                Ok(bytes) => parts.push((p.clone(), bytes)),
                Err(e) => return FileReport::unusable(p, e),
            },
            Input::EmptyDir(p) => {
                return FileReport::unusable(
                    p,
                    "目录中没有可读的文件 (no file to read in this directory)".into(),
                )
            }
        }
    }
    let borrowed: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    yusuan_core::check::check_together(&borrowed)
}

/// Files that are one disclosure's parts joined: a file that gave no unit but names the next
/// file's department and year in its opening is that disclosure's prose (Jiangsu publishes the
/// 公开文件 and the 公开表格 as two PDFs).
pub fn join_parts(
    inputs: &[Input],
    files: Vec<FileReport>,
    read: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Vec<FileReport> {
    let mut out: Vec<FileReport> = Vec::new();
    let mut i = 0;
    while i < files.len() {
        let joined = match (&inputs[i], inputs.get(i + 1), files.get(i + 1)) {
            (Input::File(a), Some(Input::File(b)), Some(next))
                if files[i].units.is_empty()
                    && files[i].error.is_none()
                    && next.units.len() == 1 =>
            {
                read(a)
                    .ok()
                    .and_then(|bytes| yusuan_core::decode::decode(&bytes).ok())
                    .filter(|(prose, _)| yusuan_core::check::belongs_before(prose, &next.units[0]))
                    .map(|_| check_as_one(&[inputs[i].clone(), Input::File(b.clone())], &read))
            }
            _ => None,
        };
        match joined {
            Some(report) => {
                out.push(report);
                i += 2;
            }
            None => {
                out.push(files[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// `共 3 个文件（1 个无法检查）· 4 个单位 · 错误 2 · 警告 1 · 提示 5`, and the same in English.
pub fn summary(files: &[FileReport]) -> String {
    let unusable = files.iter().filter(|f| f.error.is_some()).count();
    let units: usize = files.iter().map(|f| f.units.len()).sum();
    let count = |s: Severity| {
        files
            .iter()
            .flat_map(|f| f.findings())
            .filter(|x| x.severity == s)
            .count()
    };
    let (e, w, i) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    format!(
        "共 {} 个文件（{unusable} 个无法检查）· {units} 个单位 · 错误 {e} · 警告 {w} · 提示 {i}\n\
         {} file(s) ({unusable} unusable) · {units} unit(s) · {e} error(s) · {w} warning(s) · {i} note(s)",
        files.len(),
        files.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixtures() -> String {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures").into()
    }

    #[test]
    fn a_directory_expands_to_its_disclosures_recursively_and_sorted() {
        let inputs = expand(&[fixtures()]);
        let names: Vec<String> = inputs
            .iter()
            .map(|i| match i {
                Input::File(p) => Path::new(p).file_name().unwrap().to_string_lossy().into(),
                Input::EmptyDir(p) => p.clone(),
            })
            .collect();
        // The five seeds, then the encoding samples one directory down.
        assert_eq!(
            &names[..5].iter().map(|n| &n[..3]).collect::<Vec<_>>(),
            &["000", "001", "002", "003", "004"]
        );
        assert!(names[5..].iter().any(|n| n == "003-gb18030.txt"));
        assert_eq!(expand(&["-".into()]), vec![Input::File("-".into())]);
    }

    #[test]
    fn parallel_results_keep_input_order_and_match_serial() {
        let inputs = expand(&[fixtures()]);
        let read = |p: &str| std::fs::read(p).map_err(|e| e.to_string());
        let serial = check_all(&inputs, 1, read);
        let parallel = check_all(&inputs, 4, read);
        assert_eq!(serial.len(), inputs.len());
        let paths = |r: &[FileReport]| r.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&serial), paths(&parallel));
        assert_eq!(
            serde_json::to_string(&serial).unwrap(),
            serde_json::to_string(&parallel).unwrap()
        );
    }

    #[test]
    fn summary_counts_files_units_and_findings() {
        let inputs = vec![
            Input::File(format!("{}/002_ccde78b5c97680c0.txt", fixtures())),
            Input::File("/nonexistent/x.txt".into()),
        ];
        let files = check_all(&inputs, 2, |p| std::fs::read(p).map_err(|e| e.to_string()));
        let line = summary(&files);
        let count =
            |s: yusuan_core::Severity| files[0].findings().filter(|f| f.severity == s).count();
        let (warnings, infos) = (
            count(yusuan_core::Severity::Warning),
            count(yusuan_core::Severity::Info),
        );
        // Seed 002: no error, one warning (WRD-008, a paragraph without its full stop), notes.
        assert_eq!(warnings, 1);
        assert!(infos > 0);
        assert!(
            line.starts_with(&format!(
                "共 2 个文件（1 个无法检查）· 2 个单位 · 错误 0 · 警告 {warnings} · 提示 {infos}"
            )),
            "{line}"
        );
    }
}
