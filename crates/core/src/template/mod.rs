//! Template profiles: what one provincial template family prints differently — its table
//! titles, the marks its preambles and headings carry, the tables it must publish and the
//! conventions its tables follow — and detection, which names the template a unit follows and
//! how sure it is. Rules never ask for a template by name: they read [`Conventions`].
//!
//! Adding a template is one file here (a [`Profile`]) listed in [`PROFILES`], plus its test.

mod generic;
mod hebei;
mod henan;
mod jiangsu;
mod shanghai;

use crate::normalize::fold_punct;
use crate::table::TableKind;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// A template family. The snake_case names are part of the JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TemplateId {
    Hebei,
    Henan,
    Shanghai,
    Jiangsu,
    /// No profile matched: the checks any disclosure supports.
    Generic,
}

/// How sure detection is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// No or scant evidence: the generic conventions apply.
    Low,
    /// Some of the template's own titles or marks.
    Medium,
    /// Most tables carry the template's own titles.
    High,
}

impl Confidence {
    pub fn zh(self) -> &'static str {
        match self {
            Confidence::Low => "低",
            Confidence::Medium => "中",
            Confidence::High => "高",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// What the general-budget expenditure table covers, against the fiscal appropriation summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GeneralBudgetCoverage {
    /// All general-budget spending of the year, carry-over included (its total is the summary's
    /// general-budget expenditure).
    AllSpending,
    /// Only this year's appropriations (its total is this year's general-budget income).
    ThisYearAppropriation,
    /// Not known: either reading is accepted.
    Either,
}

/// The conventions rules must respect; a profile states them, detection picks the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conventions {
    pub general_budget_coverage: GeneralBudgetCoverage,
    /// The 收支总表 lists every functional class by an ordinal in classification order
    /// (`八、社会保障和就业` is class 208), so a class missing from the expenditure table can be
    /// found by its number.
    pub summary_ordinal_is_class: bool,
    /// The glossary defines 机关运行经费 as the unit's 公用经费.
    pub operating_cost_is_public_expense: bool,
    /// Every project of the budget has its performance form published (河北 one form per
    /// project, 河南 "公开项目占全部预算项目的 100%"), so the forms add up to project spending;
    /// 上海 publishes forms for the projects it selects.
    pub every_project_has_targets: bool,
}

/// One template family.
#[derive(Debug)]
pub struct Profile {
    pub id: TemplateId,
    pub zh: &'static str,
    pub en: &'static str,
    /// How this template's titles end (after the year, the unit's name and any number), and
    /// the kind each names. The longest ending that fits a title decides its kind.
    pub titles: &'static [(&'static str, TableKind)],
    /// Phrases only (or mostly) this template prints, in preambles, headers or headings
    /// (`编制部门：`, `公开 01 表`), compared without white space.
    pub marks: &'static [&'static str],
    /// The tables a disclosure of this template must publish.
    pub required: &'static [TableKind],
    pub conventions: Conventions,
}

/// Every template with a profile, then the generic fallback.
pub const PROFILES: [&Profile; 5] = [
    &hebei::PROFILE,
    &henan::PROFILE,
    &shanghai::PROFILE,
    &jiangsu::PROFILE,
    &generic::PROFILE,
];

impl TemplateId {
    pub fn profile(self) -> &'static Profile {
        PROFILES
            .iter()
            .copied()
            .find(|p| p.id == self)
            .unwrap_or(&generic::PROFILE)
    }

    pub fn zh(self) -> &'static str {
        self.profile().zh
    }

    pub fn en(self) -> &'static str {
        self.profile().en
    }
}

/// The template a unit follows, how sure detection is, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateMatch {
    pub id: TemplateId,
    pub confidence: Confidence,
    /// What detection saw: the titles and marks of the template found in the unit.
    pub evidence: Vec<String>,
}

impl TemplateMatch {
    pub fn generic() -> Self {
        TemplateMatch {
            id: TemplateId::Generic,
            confidence: Confidence::Low,
            evidence: Vec::new(),
        }
    }

    /// The profile whose conventions apply: the detected one unless detection is unsure.
    pub fn profile(&self) -> &'static Profile {
        if self.confidence >= Confidence::Medium {
            self.id.profile()
        } else {
            &generic::PROFILE
        }
    }

    pub fn conventions(&self) -> &'static Conventions {
        &self.profile().conventions
    }
}

/// A title's comparable form: punctuation folded, quotes and white space dropped.
fn title_key(s: &str) -> String {
    fold_punct(s).replace('"', "")
}

/// Every profile's title endings, keyed, longest first.
fn endings() -> &'static [(String, TableKind, TemplateId)] {
    static ENDINGS: OnceLock<Vec<(String, TableKind, TemplateId)>> = OnceLock::new();
    ENDINGS.get_or_init(|| {
        let mut v: Vec<(String, TableKind, TemplateId)> = PROFILES
            .iter()
            .flat_map(|p| p.titles.iter().map(|(t, k)| (title_key(t), *k, p.id)))
            .collect();
        v.sort_by_key(|e| std::cmp::Reverse(e.0.chars().count()));
        v
    })
}

/// The longest profile title ending this title has, and every template sharing that ending.
fn ending_of(title: &str) -> Option<(TableKind, Vec<TemplateId>)> {
    let key = title_key(title);
    let all = endings();
    let first = all.iter().position(|e| key.ends_with(e.0.as_str()))?;
    let (ending, kind) = (&all[first].0, all[first].1);
    let ids = all[first..]
        .iter()
        .take_while(|e| e.0.chars().count() == ending.chars().count())
        .filter(|e| e.0 == *ending && e.1 == kind)
        .map(|e| e.2)
        .collect();
    Some((kind, ids))
}

/// The kind of table a title names: a profile's own ending first, then the generic vocabulary
/// (so titles of templates without a profile are still recognised). `None` for prose.
pub fn title_kind(title: &str) -> Option<TableKind> {
    if !generic::may_be_title(title) {
        return None;
    }
    generic::title_like(title)?;
    ending_of(title)
        .map(|(k, _)| k)
        .or_else(|| generic::kind_of(title))
}

/// What detection reads of a unit: its tables' titles and its lines.
pub struct Evidence<'a> {
    pub titles: Vec<&'a str>,
    pub lines: &'a [String],
}

/// Names the template a unit follows. Each table title ending a profile owns counts for that
/// profile (shared endings count a fraction), each of its marks one half.
pub fn detect(ev: &Evidence) -> TemplateMatch {
    let mut scores: Vec<(TemplateId, f32, Vec<String>)> = PROFILES
        .iter()
        .filter(|p| p.id != TemplateId::Generic)
        .map(|p| (p.id, 0.0, Vec::new()))
        .collect();
    for title in &ev.titles {
        if let Some((_, ids)) = ending_of(title) {
            let share = 1.0 / ids.len() as f32;
            for s in scores.iter_mut().filter(|s| ids.contains(&s.0)) {
                s.1 += share;
                s.2.push(format!("《{}》", title.trim()));
            }
        }
    }
    let marks: Vec<(&str, String)> = scores
        .iter()
        .flat_map(|s| s.0.profile().marks.iter().map(|m| (*m, fold_punct(m))))
        .collect();
    let mut seen: Vec<&str> = Vec::new();
    for line in ev.lines {
        if seen.len() == marks.len() {
            break;
        }
        let folded = fold_punct(line);
        for (mark, key) in &marks {
            if !seen.contains(mark) && folded.contains(key.as_str()) {
                seen.push(mark);
            }
        }
    }
    for s in scores.iter_mut() {
        for m in s.0.profile().marks.iter().filter(|m| seen.contains(m)) {
            s.1 += 0.5;
            s.2.push(format!("“{m}”"));
        }
    }
    scores.sort_by(|a, b| b.1.total_cmp(&a.1));
    let best = &scores[0];
    let runner_up = scores.get(1).map_or(0.0, |s| s.1);
    if best.1 == 0.0 {
        return TemplateMatch::generic();
    }
    let titles = ev.titles.len().max(1) as f32;
    let confidence = if best.1 >= 3.0 && best.1 >= 2.0 * runner_up && best.1 >= titles / 3.0 {
        Confidence::High
    } else if best.1 >= 1.5 && best.1 > runner_up {
        Confidence::Medium
    } else {
        Confidence::Low
    };
    TemplateMatch {
        id: best.0,
        confidence,
        evidence: best.2.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TableKind::*;

    #[test]
    fn every_profile_names_its_titles() {
        let cases = [
            ("部门预算收支总表", BudgetSummary),
            ("2023 年部门收支预算表", BudgetSummary),
            ("2025年部门财务收支预算总表", BudgetSummary),
            ("一、2018 年度江苏省高级人民法院收支预算总表", BudgetSummary),
            ("2025年预算单位收入预算总表", IncomeSummary),
            ("2024年预算单位财政拨款收支预算总表", FiscalSummary),
            ("财政拨款收支预算总表", FiscalSummary),
            ("财政拨款支出预算表（功能科目）", FiscalExpenditure),
            (
                "五、2018 年度江苏省高级人民法院财政拨款支出预算表",
                FiscalExpenditure,
            ),
            ("财政拨款基本支出预算表（经济科目）", FiscalBasic),
            (
                "2025年部门一般公共预算支出功能分类预算表",
                GeneralBudgetExpenditure,
            ),
            (
                "一般公共预算支出预算表（功能科目）",
                GeneralBudgetExpenditure,
            ),
            (
                "2025年部门一般公共预算基本支出部门预算经济分类预算表",
                GeneralBudgetBasic,
            ),
            (
                "2025年部门政府性基金预算支出功能分类预算表",
                GovFundExpenditure,
            ),
            ("财政拨款政府性基金支出预算表", GovFundExpenditure),
            ("政府性基金预算财政拨款支出预算表", GovFundExpenditure),
            (
                "2025年部门国有资本经营预算支出功能分类预算表",
                StateCapitalExpenditure,
            ),
            ("2025年部门“三公”经费和机关运行经费预算表", ThreePublic),
            ("“三公”经费、会议费、培训费支出预算表", ThreePublic),
            ("一般公共预算机关运行经费支出预算表", OperatingCost),
            ("政府采购支出预算表", Procurement),
            ("2019年政府采购预算表", Procurement),
            ("财政项目支出绩效目标填报表", ProjectPerformance),
            // The national 决算 set, whatever the template.
            ("2024年度部门收入支出决算总表", FinalSummary),
            ("财政拨款收入支出决算总表", FinalFiscalSummary),
            ("部门决算收支总表", FinalSummary),
            ("收入决算表", FinalIncome),
            ("支出决算表", FinalExpenditure),
            (
                "一般公共预算财政拨款支出决算表",
                FinalGeneralBudgetExpenditure,
            ),
            (
                "一般公共预算财政拨款基本支出决算表",
                FinalGeneralBudgetBasic,
            ),
            ("一般公共预算财政拨款“三公”经费支出决算表", FinalThreePublic),
            ("政府性基金预算财政拨款收入支出决算表", FinalGovFund),
            ("国有资本经营预算财政拨款支出决算表", FinalStateCapital),
        ];
        for (title, kind) in cases {
            assert_eq!(title_kind(title), Some(kind), "{title}");
        }
        for other in [
            "项目支出决算表",
            "机关运行经费支出决算表",
            "政府采购支出决算表",
        ] {
            assert_eq!(title_kind(other), Some(Other), "{other}");
        }
    }

    #[test]
    fn detection_weighs_titles_and_marks() {
        let sh = [
            "2025年部门财务收支预算总表",
            "2025年部门收入预算总表",
            "2025年部门支出预算总表",
            "2025年部门一般公共预算支出功能分类预算表",
            "2025年部门“三公”经费和机关运行经费预算表",
        ];
        let lines = ["编制部门：上海市普陀区财政局\t单位：元".to_owned()];
        let m = detect(&Evidence {
            titles: sh.to_vec(),
            lines: &lines,
        });
        assert_eq!(
            (m.id, m.confidence),
            (TemplateId::Shanghai, Confidence::High)
        );
        assert!(m.evidence.iter().any(|e| e.contains("编制部门")), "{m:?}");
        // Nothing a profile owns: generic, and the generic conventions.
        let m = detect(&Evidence {
            titles: vec!["某某情况表"],
            lines: &[],
        });
        assert_eq!(m.id, TemplateId::Generic);
        assert_eq!(
            m.conventions().general_budget_coverage,
            GeneralBudgetCoverage::Either
        );
    }
}
