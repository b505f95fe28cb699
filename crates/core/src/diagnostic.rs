//! Diagnostics: what a check reports and how serious it is. Rules build these; the report and
//! the page read them. Nothing here knows any particular rule.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// Every severity, most serious first.
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    /// The stable name used in JSON and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Severity::Info => "Note",
            Severity::Warning => "Warning",
            Severity::Error => "Error",
        }
    }
}

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
    /// 文字: the wording of the prose (punctuation, template text left in, broken characters).
    Wording,
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
            Family::Wording => "文字质量",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Family::Table => "Within tables",
            Family::Balance => "Balances",
            Family::Cross => "Across tables",
            Family::Text => "Text and tables",
            Family::Performance => "Performance targets",
            Family::Completeness => "Completeness",
            Family::Codes => "Classification codes",
            Family::Wording => "Wording",
        }
    }

    /// The prefix every code of the family carries (`TXT` in `TXT-001`).
    pub fn prefix(self) -> &'static str {
        match self {
            Family::Table => "TAB",
            Family::Balance => "BAL",
            Family::Cross => "XT",
            Family::Text => "TXT",
            Family::Performance => "PERF",
            Family::Completeness => "DIS",
            Family::Codes => "CLS",
            Family::Wording => "WRD",
        }
    }
}

/// A rule's stable code (`BAL-001`). Findings built by a rule borrow the code from the rule's
/// declaration; a report read back from JSON owns it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RuleCode(Cow<'static, str>);

impl RuleCode {
    pub const fn new(code: &'static str) -> Self {
        RuleCode(Cow::Borrowed(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for RuleCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for RuleCode {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for RuleCode {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// A table cell a finding is about: its source line and its column in the rebuilt table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CellRef {
    pub line: usize,
    pub col: usize,
}

/// A place where the numbers or the text do not hold together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The table cells involved, for highlighting (empty when the finding is about prose).
    pub cells: Vec<CellRef>,
    /// The rule that made it.
    pub rule: RuleCode,
    pub severity: Severity,
    /// Chinese message that states the numbers.
    pub message: String,
    /// The same in English.
    pub message_en: String,
    /// Every source line involved (1-based).
    pub lines: Vec<usize>,
    /// The pages of a PDF those lines are on (1-based); empty for text without pages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<u32>,
    pub expected: Option<String>,
    pub actual: Option<String>,
}

impl Finding {
    /// Sorted, deduplicated lines and cells: how every finding leaves its rule.
    pub fn tidy(&mut self) {
        self.lines.sort_unstable();
        self.lines.dedup();
        self.cells.sort_unstable();
        self.cells.dedup();
    }
}

/// How a rule came out on one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status", content = "reason")]
pub enum Status {
    Passed,
    Failed,
    NotApplicable(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub rule: RuleCode,
    #[serde(flatten)]
    pub status: Status,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_equal_the_declared_ones() {
        let declared = RuleCode::new("TST-001");
        let json = serde_json::to_string(&declared).unwrap();
        assert_eq!(json, "\"TST-001\"");
        let read: RuleCode = serde_json::from_str(&json).unwrap();
        assert_eq!(read, declared);
        assert!(read == "TST-001");
    }

    #[test]
    fn outcomes_keep_their_json_shape() {
        let o = Outcome {
            rule: RuleCode::new("X-1"),
            status: Status::NotApplicable("缺表".into()),
        };
        let json = serde_json::to_string(&o).unwrap();
        assert_eq!(
            json,
            r#"{"rule":"X-1","status":"not_applicable","reason":"缺表"}"#
        );
        assert_eq!(serde_json::from_str::<Outcome>(&json).unwrap(), o);
    }
}
