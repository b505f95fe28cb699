//! `yusuan`: check budget disclosures from the command line.
//!
//! ```text
//! yusuan check [--format text|json] [--fail-on error|warning|never] [--jobs N] FILE|DIR...   (- reads stdin)
//! ```
//! A directory stands for every `.txt`/`.html`/`.htm` file under it. Files are checked in
//! parallel; with more than one, a summary line follows (on stderr for JSON).
//! Exit status: 0 nothing at or above the fail level, 1 something was, 2 unusable input or usage.

use std::io::{Read, Write};
use std::process::ExitCode;
use yusuan_core::{Report, Severity};

mod batch;
mod text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

#[derive(Debug)]
struct CheckArgs {
    format: Format,
    fail_on: Option<Severity>,
    /// Threads; `None` = as many as the machine has.
    jobs: Option<usize>,
    paths: Vec<String>,
}

const USAGE: &str = "用法 usage: yusuan check [--format text|json] [--fail-on error|warning|never] [--jobs N] FILE|DIR...  (- = stdin)\n           yusuan rules [CODE]";

/// `yusuan rules`: every rule with its code, severity and title; `yusuan rules CODE`: its doc.
fn rules(code: Option<&str>) -> ExitCode {
    use yusuan_core::rules::{find, REGISTRY};
    match code {
        None => {
            for r in REGISTRY {
                let d = r.doc();
                println!(
                    "{:<9} {:<7} {:<10} {}",
                    d.code,
                    d.severity.name(),
                    d.family.zh(),
                    d.title
                );
            }
            ExitCode::SUCCESS
        }
        Some(code) => match find(&code.to_uppercase()) {
            Some(r) => {
                let d = r.doc();
                println!(
                    "{} {}（{}，{}）\n{}\n",
                    d.code,
                    d.title,
                    d.family.zh(),
                    d.severity.zh(),
                    d.title_en
                );
                println!(
                    "检查内容：{}\n\n为何重要：{}\n\n示例：{}\n\n依据：{}\n\n{}",
                    d.what, d.why, d.example, d.basis, d.doc_en
                );
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("没有这条规则 (no such rule): {code}");
                ExitCode::from(2)
            }
        },
    }
}

fn parse_args(args: &[String]) -> Result<CheckArgs, String> {
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

fn read_input(path: &str) -> Result<Vec<u8>, String> {
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

fn check(args: &CheckArgs) -> ExitCode {
    let inputs = batch::expand(&args.paths);
    let threads = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let files = batch::check_all(&inputs, threads, read_input);
    let summary = (files.len() > 1).then(|| batch::summary(&files));
    let report = Report { files };
    let mut stdout = std::io::stdout().lock();
    let written = match args.format {
        Format::Json => serde_json::to_writer_pretty(&mut stdout, &report)
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(stdout)),
        Format::Text => stdout.write_all(text::render(&report).as_bytes()),
    }
    .and_then(|_| match (&summary, args.format) {
        (Some(line), Format::Text) => writeln!(stdout, "\n{line}"),
        (Some(line), Format::Json) => {
            eprintln!("{line}");
            Ok(())
        }
        (None, _) => Ok(()),
    });
    if written.is_err() {
        return ExitCode::from(2);
    }
    if report.files.iter().any(|f| f.error.is_some()) {
        return ExitCode::from(2);
    }
    let failed = args.fail_on.is_some_and(|level| {
        report
            .files
            .iter()
            .flat_map(|f| f.findings())
            .any(|x| x.severity >= level)
    });
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => match parse_args(&args[1..]) {
            Ok(a) => check(&a),
            Err(e) => {
                eprintln!("{e}\n{USAGE}");
                ExitCode::from(2)
            }
        },
        Some("rules") => rules(args.get(1).map(String::as_str)),
        Some("--help") | Some("-h") | Some("help") => {
            println!("yusuan — 预算公开检查器 (budget disclosure checker)\n{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
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
