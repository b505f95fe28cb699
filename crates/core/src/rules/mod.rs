//! The rules: every check the checker makes, listed in one registry.
//!
//! A rule is a small unit like a ruff or clippy lint: a stable code, a family, a default
//! severity, a doc (what it checks, why it matters, an example, its basis) and a check over the
//! parsed unit. Adding a rule means adding its module and one line to [`REGISTRY`].

/// `rule!(Name, DOC, check_fn)`: a rule whose check is a plain function, for the rule modules
/// (defined before them so each can use it).
macro_rules! rule {
    ($name:ident, $doc:ident, $check:ident) => {
        pub struct $name;
        impl Rule for $name {
            fn doc(&self) -> &'static RuleDoc {
                &$doc
            }
            fn check(&self, cx: &Cx, out: &mut Vec<Finding>) -> Applies {
                $check(cx, out)
            }
        }
    };
}

pub mod arith;
mod codes;
mod completeness;
mod cross;
mod lookup;
mod perf;
mod summary;
mod table_rows;
mod text;

use crate::model::{Document, Unit};
use crate::report::{Finding, Severity};
use serde::{Deserialize, Serialize};

/// Rule families, in the order the report shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// 表内: arithmetic inside one table.
    Table,
    /// 平衡: the balance identities of the summary tables.
    Balance,
    /// 表间: one table against another.
    Cross,
    /// 表文: the prose against the tables and against itself.
    Text,
    /// 绩效: performance targets and spending plans.
    Performance,
    /// 完整性: what must be disclosed.
    Completeness,
    /// 科目: classification codes and names.
    Codes,
}

impl Family {
    pub fn zh(self) -> &'static str {
        match self {
            Family::Table => "表内勾稽",
            Family::Balance => "收支平衡",
            Family::Cross => "表间核对",
            Family::Text => "说明与表格",
            Family::Performance => "绩效目标",
            Family::Completeness => "公开完整性",
            Family::Codes => "科目编码",
        }
    }
}

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
}

/// Whether a rule could be applied to a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applies {
    Yes,
    /// Not applicable, and why (a table is missing, it holds no data …).
    No(String),
}

/// Everything a rule may look at.
pub struct Cx<'a> {
    pub doc: &'a Document,
    pub unit: &'a Unit,
}

/// A check over one unit.
pub trait Rule: Sync {
    fn doc(&self) -> &'static RuleDoc;
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) -> Applies;
}

/// Every rule, in report order.
pub static REGISTRY: &[&dyn Rule] = &[
    &table_rows::RowIdentities,
    &table_rows::CodeHierarchy,
    &table_rows::ProcurementLines,
    &summary::BudgetSummaryBalance,
    &summary::FiscalSummaryBalance,
    &summary::ThreePublicStructure,
    &summary::PartLines,
    &cross::SummaryVsIncome,
    &cross::SummaryVsExpenditure,
    &cross::IncomeVsExpenditureByCode,
    &cross::SummaryVsFiscal,
    &cross::FiscalVsGeneralBudget,
    &cross::GeneralBudgetVsBasic,
    &cross::BasicVsThreePublic,
    &cross::BasicVsBasicDetail,
    &cross::ProjectsVsExpenditure,
    &cross::EconomicSummaryVsExpenditure,
    &cross::OperatingCostVsBasic,
    &cross::ProcurementVsPerformance,
    &cross::FiscalPartAcrossTables,
    &text::IncomeStatement,
    &text::ExpenditureStatement,
    &text::ThreePublicStatement,
    &text::OperatingCostStatement,
    &text::ProcurementStatement,
    &text::AssetsStatement,
    &text::PlannedAssetsVsProcurement,
    &text::ChangeArithmetic,
    &text::SubChangesAddUp,
    &text::SharesMatch,
    &text::ItemsAddUp,
    &text::ProjectCounts,
    &perf::SpendingPlan,
    &perf::PerformanceBudgetSplit,
    &perf::PerformanceVsProjects,
    &completeness::RequiredTables,
    &completeness::EmptyTableExplained,
    &completeness::RequiredSections,
    &codes::StaleClassNames,
    &codes::CodeFormat,
    &codes::SameCodeSameName,
];

pub fn find(code: &str) -> Option<&'static dyn Rule> {
    REGISTRY.iter().copied().find(|r| r.doc().code == code)
}

/// How a rule came out on one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status", content = "reason")]
pub enum Status {
    Passed,
    Failed,
    NotApplicable(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub rule: &'static str,
    #[serde(flatten)]
    pub status: Status,
}

/// Reads the rule code back as the registry's own `&'static str`; an unknown code is an error.
impl<'de> Deserialize<'de> for Outcome {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            rule: String,
            #[serde(flatten)]
            status: Status,
        }
        let raw = Raw::deserialize(d)?;
        let rule = find(&raw.rule)
            .map(|r| r.doc().code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown rule {}", raw.rule)))?;
        Ok(Outcome {
            rule,
            status: raw.status,
        })
    }
}

/// Runs every rule on a unit: its findings (sorted by line) and each rule's outcome.
pub fn run(doc: &Document, unit: &Unit) -> (Vec<Finding>, Vec<Outcome>) {
    let cx = Cx { doc, unit };
    let mut findings = Vec::new();
    let mut outcomes = Vec::new();
    for rule in REGISTRY {
        let mut out = Vec::new();
        let applies = rule.check(&cx, &mut out);
        for f in &mut out {
            f.lines.sort_unstable();
            f.lines.dedup();
            f.cells.sort_unstable();
            f.cells.dedup();
        }
        let status = match applies {
            Applies::No(reason) if out.is_empty() => Status::NotApplicable(reason),
            _ if out.iter().any(|f| f.severity >= Severity::Warning) => Status::Failed,
            _ => Status::Passed,
        };
        outcomes.push(Outcome {
            rule: rule.doc().code,
            status,
        });
        findings.extend(out);
    }
    findings.sort_by_key(|f| (f.lines.first().copied().unwrap_or(0), f.rule.clone()));
    (findings, outcomes)
}

/// Test helpers for rules: real fixture text, optionally with one figure changed.
#[cfg(test)]
pub(crate) mod testing {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_codes_are_unique_and_documented() {
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
                ["TAB", "BAL", "XT", "TXT", "PERF", "DIS", "CLS"].contains(&prefix)
                    && num.len() == 3,
                "{}",
                d.code
            );
        }
    }
}
