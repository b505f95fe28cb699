//! The functional class names in the summary tables are the current ones.

use crate::rules::support::lookup::strip_ordinal;
use crate::rules::support::prelude::*;

declare_rule! {
    /// 使用现行功能分类科目名称.
    pub StaleClassNames => check,
    RuleDoc {
        code: "CLS-001",
        family: Family::Codes,
        severity: Severity::Warning,
        title: "使用现行功能分类科目名称",
        title_en: "Current functional class names are used",
        doc_en: "Checks that the function-class (lei) names listed in the summary tables are the current names in that year's Government Revenue and Expenditure Classification, not retired or abbreviated ones such as 'Medical, Health and Family Planning' (now 'Health'). An outdated name suggests the table was copied from an old template and may not match the codes used elsewhere. Example: Wen County Medical Security Bureau 2024 lists '(9) Medical, Health and Family Planning' in class 209's place, immediately followed by '(10) Health'.",
        what: "收支总表、财政拨款收支总表等列出的功能分类“类”名称应为当年《政府收支分类科目》的现行名称，不应使用已停用或简写的名称，如“医疗卫生与计划生育支出”（现为卫生健康支出）、“城乡社区事务”（城乡社区支出）、“农林水事务”（农林水支出）、“资源勘探信息等”（资源勘探工业信息等支出）、“文化体育与传媒”（文化旅游体育与传媒支出）。",
        why: "旧名称说明表格模板多年未更新，读者也无法与当年科目对照。",
        example: "温县医疗保障局 2024 财政拨款收支预算表在 209 的位置列“（九）医疗卫生与计划生育支出”，紧接着又列“（十）卫生健康支出”。",
        basis: "《政府收支分类科目》历年修订；规则参考 §1.2、E-3。",
    }
}

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

fn check(cx: &Cx, out: &mut Sink) -> Applies {
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
                let label = strip_ordinal(r.text(name_col));
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
        let f = out
            .finding(
                format!(
                    "《{}》使用了已停用或简写的科目名称：{}",
                    t.title,
                    list.join("；")
                ),
                format!(
                    "The {} uses {} outdated class name(s)",
                    kind.en(),
                    hits.len()
                ),
            )
            .lines(hits.iter().map(|h| h.0));
        out.push(f);
    }
    if any {
        Applies::Yes
    } else {
        Applies::No("没有列出功能分类类名称的表".into())
    }
}

#[cfg(test)]
mod tests {
    use super::StaleClassNames as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn stale_names_in_the_henan_seeds() {
        let text = seed("004");
        let line = line_of(&text, "（九）医疗卫生与计划生育支出");
        let f = assert_fires(&Rule, &text, Severity::Warning, line);
        assert!(
            f.message.contains("医疗卫生与计划生育支出") && f.message.contains("卫生健康支出"),
            "{}",
            f.message
        );
        let text = seed("001");
        assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "十二、城乡社区事务"),
        );
        for s in ["000", "002", "003"] {
            assert_silent(&Rule, &seed(s));
        }
    }
}
