//! The number of projects the prose gives equals the projects the tables list.

use crate::facts::{Measure, Subject};
use crate::rules::support::prelude::*;
use crate::rules::support::stated::no_facts;
use rust_decimal::Decimal;

declare_rule! {
    /// 项目个数与项目表一致.
    pub ProjectCounts => check,
    RuleDoc {
        code: "TXT-012",
        family: Family::Text,
        severity: Severity::Error,
        title: "项目个数与项目表一致",
        title_en: "Project counts agree with the project tables",
        doc_en: "Checks that the number of projects the text mentions (projects with performance targets, projects published, projects involved) equals the number of projects the project table (or the performance table) actually lists. Example: Wen County 2024: '10 projects', and the project table lists 10.",
        what: "说明所称的填报绩效目标项目数、公开项目数、涉及项目个数，等于项目支出预算表（或绩效目标表）实际列出的项目个数。",
        why: "项目个数对不上，说明有项目没有列入公开表格，或说明的数字是旧的。",
        example: "温县医疗保障局 2024：“涉及项目 10 个”，项目支出预算表列出 10 个项目。",
        basis: "勾稽关系目录 I-47。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    use Subject::*;
    let listed = match table(cx.unit, TableKind::ProjectExpenditure) {
        Some(h3) => {
            let ty = h3.column_any(Role::ProjectType);
            ty.map(|c| h3.rows.iter().filter(|r| r.text(c).contains("类")).count())
        }
        None => {
            let n = cx
                .unit
                .tables_of(TableKind::ProjectPerformance)
                .filter(|t| t.key_value)
                .count();
            (n > 0).then_some(n)
        }
    };
    let Some(listed) = listed else {
        return Applies::No("没有可数项目的表".into());
    };
    let mut any = false;
    for f in cx.unit.facts.iter().filter(|f| {
        matches!(
            f.subject,
            ProjectsWithTargets | ProjectsDisclosed | ProjectCount
        ) && f.measure == Measure::Count
    }) {
        let Some(v) = f.value else { continue };
        any = true;
        if v.value != Decimal::from(listed as u64) {
            let finding = out
                .finding(
                    format!(
                        "说明第{}行“{}”，但项目表列出 {listed} 个项目",
                        f.line, f.text
                    ),
                    format!("The prose states {v} projects; the project table lists {listed}"),
                )
                .line(f.line)
                .expected(listed.to_string())
                .actual(v.printed());
            out.push(finding);
        }
    }
    if any {
        Applies::Yes
    } else {
        no_facts("项目个数")
    }
}

#[cfg(test)]
mod tests {
    use super::ProjectCounts as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn counts_agree() {
        silent_on_seeds(&Rule);
        let text = edit(&seed("004"), "涉及项目10个", "涉及项目11个");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "涉及项目11个"),
        );
    }
}
