//! Where a rule puts its findings. A sink belongs to one rule: every finding built through it
//! (or through the rule's [`RuleDoc::finding`]) carries that rule's code and default severity.

use super::arith::{self, Comparison, Fig, Verdict};
use crate::diagnostic::{CellRef, Finding, Severity};
use crate::rules::RuleDoc;

/// A finding under construction, stamped with its rule.
#[derive(Debug, Clone)]
#[must_use = "push the finding into the rule's sink"]
pub struct FindingBuilder(Finding);

impl FindingBuilder {
    pub(crate) fn new(rule: &'static RuleDoc, message: String, message_en: String) -> Self {
        FindingBuilder(Finding {
            cells: Vec::new(),
            rule: rule.rule_code(),
            severity: rule.severity,
            message,
            message_en,
            lines: Vec::new(),
            pages: Vec::new(),
            expected: None,
            actual: None,
        })
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.0.severity = severity;
        self
    }

    pub fn lines(mut self, lines: impl IntoIterator<Item = usize>) -> Self {
        self.0.lines.extend(lines);
        self
    }

    pub fn line(self, line: usize) -> Self {
        self.lines([line])
    }

    pub fn cells(mut self, cells: impl IntoIterator<Item = CellRef>) -> Self {
        self.0.cells.extend(cells);
        self
    }

    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.0.expected = Some(expected.into());
        self
    }

    pub fn actual(mut self, actual: impl Into<String>) -> Self {
        self.0.actual = Some(actual.into());
        self
    }

    pub fn build(self) -> Finding {
        self.0
    }
}

/// The findings of one rule on one unit.
pub struct Sink {
    rule: &'static RuleDoc,
    findings: Vec<Finding>,
}

impl Sink {
    pub fn new(rule: &'static RuleDoc) -> Self {
        Sink {
            rule,
            findings: Vec::new(),
        }
    }

    /// The rule this sink collects for.
    pub fn rule(&self) -> &'static RuleDoc {
        self.rule
    }

    /// A finding of this sink's rule at its default severity.
    pub fn finding(
        &self,
        message: impl Into<String>,
        message_en: impl Into<String>,
    ) -> FindingBuilder {
        self.rule.finding(message, message_en)
    }

    pub fn push(&mut self, finding: FindingBuilder) {
        self.findings.push(finding.build());
    }

    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }

    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }

    /// `total = Σ parts`: pushes a finding unless exact (the rule's severity when broken, `info`
    /// for a gap rounding explains). `None` when every figure is blank.
    pub fn sum(&mut self, what: &str, total: &Fig, parts: &[Fig]) -> Option<Verdict> {
        let c = arith::sum(total, parts)?;
        self.comparison(&c, what, total, parts);
        Some(c.verdict)
    }

    /// `a = b`, the one-part case of [`Sink::sum`].
    pub fn equal(&mut self, what: &str, a: &Fig, b: &Fig) -> Option<Verdict> {
        self.sum(what, a, std::slice::from_ref(b))
    }

    /// Pushes the finding for a comparison already made, unless it is exact.
    pub fn comparison(&mut self, c: &Comparison, what: &str, reported: &Fig, parts: &[Fig]) {
        if let Some(f) = arith::finding(self.rule, c, what, reported, parts) {
            self.push(f);
        }
    }

    /// Where the findings pushed from now on start, for [`Sink::group_rounding`].
    pub fn mark(&self) -> usize {
        self.findings.len()
    }

    /// Rounding gaps of one rule in one place are one finding, not ten: the `info` findings
    /// pushed since `mark` become one that lists every line, after the others.
    pub fn group_rounding(&mut self, mark: usize, scope: &str) {
        let recent = self.findings.split_off(mark.min(self.findings.len()));
        let (infos, rest): (Vec<Finding>, Vec<Finding>) = recent
            .into_iter()
            .partition(|f| f.severity == Severity::Info);
        self.findings.extend(rest);
        if infos.len() <= 1 {
            self.findings.extend(infos);
            return;
        }
        let mut lines: Vec<usize> = infos.iter().flat_map(|f| f.lines.iter().copied()).collect();
        lines.sort_unstable();
        lines.dedup();
        let mut cells: Vec<CellRef> = infos.iter().flat_map(|f| f.cells.iter().copied()).collect();
        cells.sort_unstable();
        cells.dedup();
        let details: Vec<&str> = infos.iter().map(|f| f.message.as_str()).collect();
        let merged = self
            .finding(
                format!(
                    "{scope}：{} 处尾数差，均在四舍五入误差范围内。{}",
                    infos.len(),
                    details.join("；")
                ),
                format!(
                    "{scope}: {} rounding gaps, each explained by rounding",
                    infos.len()
                ),
            )
            .severity(Severity::Info)
            .lines(lines)
            .cells(cells);
        self.push(merged);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amount::Amount;
    use crate::diagnostic::Family;

    static DOC: RuleDoc = RuleDoc {
        code: "TST-001",
        family: Family::Table,
        severity: Severity::Error,
        title: "",
        title_en: "",
        doc_en: "",
        what: "",
        why: "",
        example: "",
        basis: "",
    };

    fn fig(s: &str, line: usize) -> Fig {
        Fig::new(Amount::parse(s), line, "x")
    }

    #[test]
    fn findings_carry_the_rule_and_rounding_gaps_are_grouped() {
        let mut out = Sink::new(&DOC);
        let mark = out.mark();
        out.sum("a", &fig("1.01", 1), &[fig("0.50", 1), fig("0.50", 1)]);
        out.sum("b", &fig("2.00", 2), &[fig("1.00", 2), fig("0.50", 2)]);
        out.sum("c", &fig("1.01", 3), &[fig("0.50", 3), fig("0.50", 3)]);
        out.group_rounding(mark, "表");
        let f = out.into_findings();
        assert_eq!(f.len(), 2);
        assert_eq!(
            (f[0].severity, f[0].lines.as_slice()),
            (Severity::Error, &[2][..])
        );
        assert_eq!(f[1].severity, Severity::Info);
        assert_eq!(f[1].lines, vec![1, 3]);
        assert!(f.iter().all(|x| x.rule == "TST-001"));
    }
}
