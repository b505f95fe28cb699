//! The rules: every check the checker makes, one file per rule under its family, all listed in
//! one registry.
//!
//! A rule is a small unit like a ruff or clippy lint: a stable code, a family, a default
//! severity, a doc (what it checks, why it matters, an example, its basis; Chinese and English)
//! and a check over one parsed unit. It is declared once with [`declare_rule!`]; its findings
//! are built through the [`Sink`] it is handed, which stamps them with the rule's code, so the
//! code is written in exactly one place. Adding a rule: its file, one line in its family's
//! `mod.rs`, one line in the `registry!` list ([`REGISTRY`]) (see CONTRIBUTING.md).

/// Declares a rule: a unit struct, its doc, and the function that checks it.
///
/// ```text
/// declare_rule! {
///     /// What the rule checks, in a line.
///     pub IncomeStatement => check,
///     RuleDoc { code: "TXT-0NN", family: Family::Text, severity: Severity::Error, … }
///     // optional: `, reads_figures: false` for a rule whose findings no column can make.
/// }
/// fn check(cx: &Cx, out: &mut Sink) -> Applies { … }
/// ```
macro_rules! declare_rule {
    ($(#[$meta:meta])* pub $name:ident => $check:path, $doc:expr $(, reads_figures: $figures:expr)? $(,)?) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;

        impl $name {
            pub const DOC: $crate::rules::RuleDoc = $doc;
        }

        impl $crate::rules::Rule for $name {
            fn doc(&self) -> &'static $crate::rules::RuleDoc {
                &Self::DOC
            }
            fn check(
                &self,
                cx: &$crate::rules::Cx,
                out: &mut $crate::rules::Sink,
            ) -> $crate::rules::Applies {
                $check(cx, out)
            }
            fn reads_figures(&self) -> bool {
                true $(&& $figures)?
            }
        }
    };
}

pub mod balance;
pub mod codes;
pub mod completeness;
pub mod cross;
pub mod performance;
pub mod support;
pub mod table;
pub mod text;
pub mod wording;

#[cfg(test)]
pub(crate) mod testing;

pub use crate::diagnostic::{Family, Finding, Outcome, RuleCode, Severity, Status};
use crate::model::Unit;
use serde::Serialize;
pub use support::sink::{FindingBuilder, Sink};

/// What a rule is, for users: shown by `yusuan rules` and one click away in the page.
#[derive(Debug, Clone, Serialize)]
pub struct RuleDoc {
    pub code: &'static str,
    pub family: Family,
    pub severity: Severity,
    pub title: &'static str,
    pub title_en: &'static str,
    /// The whole doc in one English paragraph: what, why (where not evident) and an example.
    pub doc_en: &'static str,
    /// 检查内容: what it checks.
    pub what: &'static str,
    /// 为何重要: why it matters.
    pub why: &'static str,
    /// 示例: an example.
    pub example: &'static str,
    /// 依据: the basis (regulation, table definition, or observed template convention).
    pub basis: &'static str,
}

impl RuleDoc {
    pub fn title_en(&self) -> &'static str {
        self.title_en
    }

    pub fn rule_code(&'static self) -> RuleCode {
        RuleCode::new(self.code)
    }

    /// A finding of this rule at its default severity.
    pub fn finding(
        &'static self,
        message: impl Into<String>,
        message_en: impl Into<String>,
    ) -> FindingBuilder {
        FindingBuilder::new(self, message.into(), message_en.into())
    }
}

/// Whether a rule could be applied to a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applies {
    Yes,
    /// Not applicable, and why (a table is missing, it holds no data …).
    No(String),
}

/// Everything a rule may look at: the unit, and the source lines it cites.
pub struct Cx<'a> {
    pub lines: &'a [String],
    pub unit: &'a Unit,
}

impl Cx<'_> {
    /// Source line `n` (1-based), normalised; empty past the end.
    pub fn line(&self, n: usize) -> &str {
        n.checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .map_or("", String::as_str)
    }
}

/// A check over one unit.
pub trait Rule: Sync {
    fn doc(&self) -> &'static RuleDoc;
    fn check(&self, cx: &Cx, out: &mut Sink) -> Applies;
    /// Whether its findings rest on a table's figures or on which column a cell is in: true
    /// unless declared otherwise (`reads_figures: false`, a rule reading words a misplaced
    /// column cannot make, such as a retired class name). Where columns were inferred from
    /// spaces, a table such a finding points into is not understood instead (`check`).
    fn reads_figures(&self) -> bool;
}

/// Declares [`REGISTRY`] and [`DOCS`] from one list: the docs apart from the rules, so a
/// module that only shows findings (the page) links the docs without any rule's checking.
macro_rules! registry {
    ($($rule:path),* $(,)?) => {
        /// Every rule, in report order.
        pub static REGISTRY: &[&dyn Rule] = &[$(&$rule),*];
        /// Every rule's doc, in the same order.
        pub static DOCS: &[&RuleDoc] = &[$(&<$rule>::DOC),*];
    };
}

registry![
    table::RowTotals,
    table::CodeLevels,
    table::ProcurementLines,
    table::OutlineLevels,
    balance::BudgetSummaryBalance,
    balance::FiscalSummaryBalance,
    balance::ThreePublicRows,
    balance::PartLines,
    balance::FinalSummaryBalance,
    balance::FinalFiscalSummaryBalance,
    balance::CarriedBalances,
    balance::FinalBasicTotals,
    cross::SummaryVsIncome,
    cross::SummaryVsExpenditure,
    cross::IncomeVsExpenditureByCode,
    cross::SummaryVsFiscal,
    cross::FiscalVsGeneralBudget,
    cross::GeneralBudgetVsBasic,
    cross::BasicVsThreePublic,
    cross::BasicVsBasicDetail,
    cross::ProjectsVsExpenditure,
    cross::EconomicSummaryVsExpenditure,
    cross::OperatingCostVsBasic,
    cross::ProcurementVsPerformance,
    cross::FiscalPartAcrossTables,
    cross::FinalSummaryVsTables,
    cross::FinalFiscalVsGeneralBudget,
    text::IncomeStatement,
    text::ExpenditureStatement,
    text::FinalStatement,
    text::CompletionRate,
    text::RepeatedFigures,
    text::RateOnZeroBase,
    text::YearOnYear,
    text::ThreePublicStatement,
    text::OperatingCostStatement,
    text::ProcurementStatement,
    text::AssetsStatement,
    text::PlannedAssetsVsProcurement,
    text::ChangeArithmetic,
    text::SubChangesAddUp,
    text::SharesMatch,
    text::ItemsAddUp,
    text::ProjectCounts,
    performance::SpendingPlan,
    performance::BudgetSplit,
    performance::ProjectsVsSpending,
    performance::AnnualFunds,
    completeness::RequiredTables,
    completeness::EmptyTableExplained,
    completeness::RequiredSections,
    completeness::DocumentParts,
    completeness::ThreePublicDetails,
    completeness::EmptyTablePages,
    completeness::BlankPages,
    codes::StaleClassNames,
    codes::CodeFormat,
    codes::SameCodeSameName,
    codes::OperatingCostCodes,
    codes::ProseClassNames,
    wording::DoubledPunctuation,
    wording::TemplateAlternatives,
    wording::BrokenCharacters,
    wording::UnfinishedSentences,
    wording::ComparisonYear,
    wording::UnbalancedBrackets,
    wording::TemplateInstructions,
    wording::MissingFullStop,
];

/// The rule with this code (`yusuan rules CODE`).
pub fn find(code: &str) -> Option<&'static dyn Rule> {
    REGISTRY.iter().copied().find(|r| r.doc().code == code)
}

/// The doc of the rule with this code (the page's rule docs, the checklist's families).
pub fn doc(code: &str) -> Option<&'static RuleDoc> {
    DOCS.iter().copied().find(|d| d.code == code)
}

/// Runs every rule on a unit: its findings (sorted by line) and each rule's outcome.
pub fn run(lines: &[String], unit: &Unit) -> (Vec<Finding>, Vec<Outcome>) {
    let cx = Cx { lines, unit };
    let mut findings = Vec::new();
    let mut outcomes = Vec::with_capacity(REGISTRY.len());
    for rule in REGISTRY {
        let (status, out) = apply(*rule, &cx);
        outcomes.push(Outcome {
            rule: rule.doc().rule_code(),
            status,
        });
        findings.extend(out);
    }
    findings.sort_by(|a, b| {
        let line = |f: &Finding| f.lines.first().copied().unwrap_or(0);
        line(a).cmp(&line(b)).then_with(|| a.rule.cmp(&b.rule))
    });
    (findings, outcomes)
}

/// One rule on one unit: how it came out and what it found.
pub fn apply(rule: &dyn Rule, cx: &Cx) -> (Status, Vec<Finding>) {
    let mut sink = Sink::new(rule.doc());
    let applies = rule.check(cx, &mut sink);
    let mut out = sink.into_findings();
    for f in &mut out {
        f.tidy();
    }
    let status = match applies {
        Applies::No(reason) if out.is_empty() => Status::NotApplicable(reason),
        _ if out.iter().any(|f| f.severity >= Severity::Warning) => Status::Failed,
        _ => Status::Passed,
    };
    (status, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_codes_are_unique_documented_and_prefixed_by_family() {
        let mut codes: Vec<&str> = REGISTRY.iter().map(|r| r.doc().code).collect();
        let n = codes.len();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), n, "duplicate rule codes");
        for r in REGISTRY {
            let d = r.doc();
            assert!(
                !d.what.is_empty()
                    && !d.why.is_empty()
                    && !d.example.is_empty()
                    && !d.basis.is_empty(),
                "{}",
                d.code
            );
            // The English doc is a translation, not a copy: no Han characters, and it gives an example.
            let han = d
                .doc_en
                .chars()
                .find(|c| ('\u{3400}'..='\u{9fff}').contains(c));
            assert!(han.is_none(), "{}: doc_en contains {han:?}", d.code);
            assert!(
                d.doc_en.contains("Example"),
                "{}: doc_en has no example",
                d.code
            );
            let (prefix, num) = d.code.split_once('-').expect("code like BAL-001");
            assert!(
                prefix == d.family.prefix() && num.len() == 3,
                "{}: prefix of {:?} is {}",
                d.code,
                d.family,
                d.family.prefix()
            );
        }
    }

    /// A rule code is written in exactly one source file: its rule's declaration.
    #[test]
    fn every_rule_code_is_written_in_one_source_file() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        let mut sources = Vec::new();
        for dir in ["crates", "fuzz/fuzz_targets"] {
            collect_rs(&std::path::Path::new(root).join(dir), &mut sources);
        }
        assert!(sources.len() > 40, "found only {} sources", sources.len());
        let texts: Vec<(String, String)> = sources
            .iter()
            .map(|p| {
                (
                    p.display().to_string(),
                    std::fs::read_to_string(p).unwrap_or_default(),
                )
            })
            .collect();
        for r in REGISTRY {
            let code = format!("\"{}\"", r.doc().code);
            let files: Vec<&str> = texts
                .iter()
                .filter(|(_, t)| t.contains(&code))
                .map(|(p, _)| p.as_str())
                .collect();
            assert_eq!(files.len(), 1, "{code} is written in {files:?}");
        }
    }

    /// Rules read tables through `Unit::table`, `tables_of` and `understood_tables`, which
    /// hold only tables the parser understood; only the completeness rules (which ask what
    /// is published, and where the prose is) may read every table.
    #[test]
    fn rules_never_read_a_table_that_was_not_understood() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules"));
        let mut sources = Vec::new();
        collect_rs(dir, &mut sources);
        for p in sources {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            let path = p.display().to_string();
            if path.contains("completeness") || path.ends_with("support/lookup.rs") {
                continue;
            }
            let compact: String = text.split_whitespace().collect();
            // Spelt in pieces so that this test's own source does not match.
            for forbidden in [
                concat!("unit", ".tables."),
                concat!("unit", ".tables)"),
                concat!("unit", ".tables;"),
                concat!(".published", "("),
            ] {
                assert!(!compact.contains(forbidden), "{path} reads {forbidden}");
            }
        }
    }

    fn collect_rs(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() && !p.ends_with("target") {
                collect_rs(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }

    #[test]
    fn there_are_at_least_as_many_rule_files_as_rules() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules");
        let mut files = 0;
        for family in std::fs::read_dir(dir).unwrap().flatten() {
            let name = family.file_name();
            if !family.path().is_dir() || name == "support" {
                continue;
            }
            files += std::fs::read_dir(family.path())
                .unwrap()
                .flatten()
                .filter(|f| f.file_name() != "mod.rs")
                .count();
        }
        assert!(
            files >= REGISTRY.len(),
            "{files} files, {} rules",
            REGISTRY.len()
        );
    }
}
