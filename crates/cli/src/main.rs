//! `yusuan`: check budget disclosures from the command line.
//!
//! ```text
//! yusuan check [--format text|json] [--fail-on error|warning|never] [--jobs N] FILE|DIR...   (- reads stdin)
//! ```
//! A directory stands for every `.txt`/`.html`/`.htm` file under it. Files are checked in
//! parallel; with more than one, a summary line follows (on stderr for JSON).
//! Exit status: 0 nothing at or above the fail level, 1 something was, 2 unusable input or usage.

use std::io::Write;
use std::process::ExitCode;
use yusuan_cli::{parse_args, read_input, run_check, CheckArgs, Format, USAGE};

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

fn check(args: &CheckArgs) -> ExitCode {
    let (report, rendered, summary) = run_check(args, read_input);
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(rendered.as_bytes())
        .and_then(|_| match args.format {
            Format::Json => writeln!(stdout),
            Format::Text => Ok(()),
        })
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
