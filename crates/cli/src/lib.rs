//! The `yusuan` command line as a library: arguments (clap), batch checking and the text
//! report, so the binary stays thin and the fuzz target can drive the same file path.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::Read;
use yusuan_core::{Report, Severity};

pub mod batch;
pub mod text;
mod xlsx;

/// 预算公开检查器 — checks Chinese government budget disclosures (部门/单位预算公开).
#[derive(Debug, Parser)]
#[command(name = "yusuan", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check disclosures: files, directories (every .txt/.html/.htm under them), or - for stdin.
    ///
    /// Exit status: 0 when nothing at or above --fail-on was found, 1 when something was, 2 for
    /// unusable input or a usage error.
    Check(CheckArgs),
    /// List every rule, or show one rule's documentation.
    Rules {
        /// A rule code such as BAL-001 (any case).
        code: Option<String>,
    },
    /// Print a shell completion script (e.g. `yusuan completions bash > /etc/bash_completion.d/yusuan`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A report for people.
    Text,
    /// The JSON report (a contract other tools read).
    Json,
    /// The reviewers' checklist: one row per unit, one column per inspection item (CSV, UTF-8
    /// with a byte-order mark for spreadsheet programs).
    ChecklistCsv,
    /// The same checklist as an Excel workbook (redirect it to a `.xlsx` file).
    ChecklistXlsx,
}

/// The least severe finding that makes the exit status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Never,
}

impl FailOn {
    pub fn level(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// How to print the report.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Exit with status 1 when a finding at or above this level is found.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Files checked at once (default: every core).
    #[arg(short, long, value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Read all the inputs, in the order given, as one disclosure (its prose and its tables
    /// published as separate files). Without it, a file holding only prose is joined to the
    /// next file when it names that file's department and year.
    #[arg(long)]
    pub together: bool,
    /// Files or directories to check; - reads standard input.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub paths: Vec<String>,
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

/// Checks the inputs and renders the report as the CLI prints it (the summary line is separate):
/// the bytes to write, or why they could not be made.
pub fn run_check(
    args: &CheckArgs,
    read: impl Fn(&str) -> Result<Vec<u8>, String> + Sync,
) -> (Report, Result<Vec<u8>, String>, Option<String>) {
    let inputs = batch::expand(&args.paths);
    let threads = args.jobs.map(usize::from).unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let files = if args.together {
        vec![batch::check_as_one(&inputs, &read)]
    } else {
        let files = batch::check_all(&inputs, threads, &read);
        batch::join_parts(&inputs, files, &read)
    };
    let summary = (files.len() > 1).then(|| batch::summary(&files));
    let report = Report { files };
    let rendered = match args.format {
        Format::Json => Ok(serde_json::to_string_pretty(&report)
            .unwrap_or_default()
            .into_bytes()),
        Format::Text => Ok(text::render(&report).into_bytes()),
        Format::ChecklistCsv => Ok(yusuan_core::checklist::to_csv(&report.files).into_bytes()),
        Format::ChecklistXlsx => xlsx::checklist(&report.files),
    };
    (report, rendered, summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("yusuan").chain(args.iter().copied()))
    }

    #[test]
    fn parses_options() {
        let Command::Check(a) = parse(&[
            "check",
            "--format",
            "json",
            "--fail-on",
            "warning",
            "a.txt",
            "-",
        ])
        .unwrap()
        .command
        else {
            panic!("a check")
        };
        assert_eq!(a.format, Format::Json);
        assert_eq!(a.fail_on.level(), Some(Severity::Warning));
        assert_eq!(a.paths, vec!["a.txt", "-"]);
        assert!(parse(&["check", "--format", "xml", "a"]).is_err());
        assert!(parse(&["check"]).is_err(), "a path is required");
        assert!(parse(&["check", "--jobs", "0", "a"]).is_err());
        let Command::Check(a) = parse(&["check", "--format=json", "-j", "2", "a"])
            .unwrap()
            .command
        else {
            panic!("a check")
        };
        assert_eq!((a.format, a.jobs), (Format::Json, Some(2)));
    }

    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
