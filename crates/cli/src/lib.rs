//! The `yusuan` command line as a library: argument parsing, batch checking and the text
//! report, so the binary stays thin and the fuzz target can drive the same file path.

use std::io::Read;
use yusuan_core::{Report, Severity};

pub mod batch;
pub mod text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug)]
pub struct CheckArgs {
    pub format: Format,
    pub fail_on: Option<Severity>,
    /// Threads; `None` = as many as the machine has.
    pub jobs: Option<usize>,
    pub paths: Vec<String>,
}

pub const USAGE: &str = "用法 usage: yusuan check [--format text|json] [--fail-on error|warning|never] [--jobs N] FILE|DIR...  (- = stdin)\n           yusuan rules [CODE]";

/// Reads `check`'s options and paths.
pub fn parse_args(args: &[String]) -> Result<CheckArgs, String> {
    let mut out = CheckArgs {
        format: Format::Text,
        fail_on: Some(Severity::Error),
        jobs: None,
        paths: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} 需要一个值 (needs a value)"))
        };
        match a.as_str() {
            "--format" | "-f" => {
                out.format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => return Err(format!("未知格式 unknown format: {other}")),
                }
            }
            "--fail-on" => {
                out.fail_on = match value("--fail-on")?.as_str() {
                    "error" => Some(Severity::Error),
                    "warning" => Some(Severity::Warning),
                    "never" => None,
                    other => return Err(format!("未知级别 unknown level: {other}")),
                }
            }
            "--jobs" | "-j" => {
                out.jobs = match value("--jobs")?.parse::<usize>() {
                    Ok(n) if n > 0 => Some(n),
                    _ => return Err("--jobs 需要正整数 (needs a positive number)".into()),
                }
            }
            s if s.starts_with("--format=") => {
                return parse_args(
                    &[
                        vec!["--format".into(), s["--format=".len()..].into()],
                        it.cloned().collect(),
                    ]
                    .concat(),
                )
                .map(|mut r| {
                    r.paths.splice(0..0, out.paths.clone());
                    r
                });
            }
            "-" => out.paths.push("-".into()),
            s if s.starts_with('-') => return Err(format!("未知选项 unknown option: {s}")),
            s => out.paths.push(s.into()),
        }
    }
    if out.paths.is_empty() {
        return Err("没有输入文件 (no input file)".into());
    }
    Ok(out)
}

/// A file's bytes, or stdin's for `-`.
pub fn read_input(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("无法读取标准输入 (cannot read stdin): {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| format!("无法读取文件 (cannot read file): {e}"))
    }
}

/// Checks the inputs and renders the report as the CLI prints it (the summary line is separate).
pub fn run_check(
    args: &CheckArgs,
    read: impl Fn(&str) -> Result<Vec<u8>, String> + Sync,
) -> (Report, String, Option<String>) {
    let inputs = batch::expand(&args.paths);
    let threads = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let files = batch::check_all(&inputs, threads, read);
    let summary = (files.len() > 1).then(|| batch::summary(&files));
    let report = Report { files };
    let rendered = match args.format {
        Format::Json => serde_json::to_string_pretty(&report).unwrap_or_default(),
        Format::Text => text::render(&report),
    };
    (report, rendered, summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn parses_options() {
        let a = parse_args(&s(&[
            "--format",
            "json",
            "--fail-on",
            "warning",
            "a.txt",
            "-",
        ]))
        .unwrap();
        assert_eq!(a.format, Format::Json);
        assert_eq!(a.fail_on, Some(Severity::Warning));
        assert_eq!(a.paths, vec!["a.txt", "-"]);
        assert!(parse_args(&s(&["--format", "xml", "a"])).is_err());
        assert!(parse_args(&s(&[])).is_err());
        assert_eq!(
            parse_args(&s(&["--fail-on", "never", "a"]))
                .unwrap()
                .fail_on,
            None
        );
    }
}
