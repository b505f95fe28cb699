//! 科目: classification codes and names.

use super::{Applies, Cx, Family, Rule, RuleDoc};
use crate::header::{Role, Scope};
use crate::kind::TableKind;
use crate::normalize::fold_punct;
use crate::report::{Finding, Severity};

static CLS001: RuleDoc = RuleDoc {
    code: "CLS-001",
    family: Family::Codes,
    severity: Severity::Warning,
    title: "使用现行功能分类科目名称",
    title_en: "Current functional class names are used",
    what: "收支总表、财政拨款收支总表等列出的功能分类“类”名称应为当年《政府收支分类科目》的现行名称，不应使用已停用或简写的名称，如“医疗卫生与计划生育支出”（现为卫生健康支出）、“城乡社区事务”（城乡社区支出）、“农林水事务”（农林水支出）、“资源勘探信息等”（资源勘探工业信息等支出）、“文化体育与传媒”（文化旅游体育与传媒支出）。",
    why: "旧名称说明表格模板多年未更新，读者也无法与当年科目对照。",
    example: "温县医疗保障局 2024 财政拨款收支预算表在 209 的位置列“（九）医疗卫生与计划生育支出”，紧接着又列“（十）卫生健康支出”。",
    basis: "《政府收支分类科目》历年修订；规则参考 §1.2、E-3。",
};

pub struct StaleClassNames;

/// (outdated or short name, current name).
const STALE: [(&str, &str); 8] = [
    ("医疗卫生与计划生育", "卫生健康支出"),
    ("文化体育与传媒", "文化旅游体育与传媒支出"),
    ("文化体育旅游与传媒", "文化旅游体育与传媒支出"),
    ("国土海洋气象等", "自然资源海洋气象等支出"),
    ("资源勘探信息等", "资源勘探工业信息等支出"),
    ("城乡社区事务", "城乡社区支出"),
    ("农林水事务", "农林水支出"),
    ("资源勘探电力信息等", "资源勘探工业信息等支出"),
];

impl Rule for StaleClassNames {
    fn doc(&self) -> &'static RuleDoc {
        &CLS001
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) -> Applies {
        let mut any = false;
        for kind in [TableKind::BudgetSummary, TableKind::FiscalSummary] {
            let Some(t) = cx.unit.table(kind) else {
                continue;
            };
            let Some(name_col) = t.column(Scope::Expenditure, Role::Name) else {
                continue;
            };
            any = true;
            let hits: Vec<(usize, String, &str)> = t
                .rows
                .iter()
                .filter_map(|r| {
                    let label = super::lookup::strip_ordinal(r.text(name_col));
                    STALE
                        .iter()
                        .find(|(old, _)| label.starts_with(&fold_punct(old)))
                        .map(|(_, new)| (r.line, label, *new))
                })
                .collect();
            if hits.is_empty() {
                continue;
            }
            let list: Vec<String> = hits
                .iter()
                .map(|(l, old, new)| format!("第{l}行“{old}”应为“{new}”"))
                .collect();
            out.push(Finding {
                rule: CLS001.code.into(),
                severity: CLS001.severity,
                message: format!(
                    "《{}》使用了已停用或简写的科目名称：{}",
                    t.title,
                    list.join("；")
                ),
                message_en: format!("{} uses {} outdated class name(s)", kind.name(), hits.len()),
                lines: hits.iter().map(|h| h.0).collect(),
                expected: None,
                actual: None,
            });
        }
        if any {
            Applies::Yes
        } else {
            Applies::No("没有列出功能分类类名称的表".into())
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::report::Severity;
    use crate::rules::testing::*;

    #[test]
    fn cls001_stale_names() {
        let f = assert_fires(&seed("004"), "CLS-001", Severity::Warning, 278);
        assert!(
            f.message.contains("医疗卫生与计划生育支出") && f.message.contains("卫生健康支出"),
            "{}",
            f.message
        );
        assert_fires(&seed("001"), "CLS-001", Severity::Warning, 201);
        for s in ["000", "002", "003"] {
            assert_silent(&seed(s), "CLS-001");
        }
    }
}
