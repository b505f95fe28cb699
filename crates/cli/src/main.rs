//! `yusuan`: check budget disclosures from the command line (`yusuan --help`).
//!
//! Exit status: 0 nothing at or above the fail level, 1 something was, 2 unusable input or usage.

use clap::{CommandFactory, Parser};
use std::io::Write;
use std::process::ExitCode;
use yusuan_cli::{read_input, run_check, CheckArgs, Cli, Command, Format};
use yusuan_core::rules::{find, REGISTRY};

/// `yusuan rules`: every rule with its code, severity and title; `yusuan rules CODE`: its doc.
fn rules(code: Option<&str>) -> ExitCode {
    let Some(code) = code else {
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
        return ExitCode::SUCCESS;
    };
    let Some(r) = find(&code.to_uppercase()) else {
        eprintln!(
            "没有这条规则 (no such rule): {code}\n（yusuan rules 列出全部规则 lists every rule）"
        );
        return ExitCode::from(2);
    };
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

fn check(args: &CheckArgs) -> ExitCode {
    let (report, rendered, summary) = run_check(args, read_input);
    let rendered = match rendered {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("无法生成报告 (cannot write the report): {e}");
            return ExitCode::from(2);
        }
    };
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(&rendered)
        .and_then(|_| match args.format {
            Format::Json => writeln!(stdout),
            _ => Ok(()),
        })
        .and_then(|_| match (&summary, args.format) {
            (Some(line), Format::Text) => writeln!(stdout, "\n{line}"),
            // Machine formats keep stdout to themselves.
            (Some(line), _) => {
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
    let failed = args.fail_on.level().is_some_and(|level| {
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
    // clap prints --help/--version and exits 0, and exits 2 on a usage error.
    match Cli::parse().command {
        Command::Check(args) => check(&args),
        Command::Rules { code } => rules(code.as_deref()),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "yusuan", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
    }
}
