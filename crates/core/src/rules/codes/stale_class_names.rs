//! The functional class names in the summary tables are the current ones.

use crate::classification::{functional_class, NameStatus};
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
        doc_en: "Checks that the function-class (lei) names listed in the summary tables are the names of the edition of the Government Revenue and Expenditure Classification for the document's year, not retired ones such as 'Medical, Health and Family Planning' ('Health' from the 2019 edition); a 2018 document that prints the 2018 names is right. An outdated name suggests the table was copied from an old template and may not match the codes used elsewhere. Example: Wen County Medical Security Bureau 2024 lists '(9) Medical, Health and Family Planning' in class 209's place, immediately followed by '(10) Health'.",
        what: "收支总表、财政拨款收支总表等列出的功能分类“类”名称应为文件所属年度《政府收支分类科目》的名称（按年度版本判断：2018 年的文件用 2018 年的名称是对的），不应使用当年已停用的名称，如“医疗卫生与计划生育支出”（现为卫生健康支出）、“城乡社区事务”（城乡社区支出）、“农林水事务”（农林水支出）、“资源勘探信息等”（资源勘探工业信息等支出）、“文化体育与传媒”（文化旅游体育与传媒支出）。",
        why: "旧名称说明表格模板多年未更新，读者也无法与当年科目对照。",
        example: "温县医疗保障局 2024 财政拨款收支预算表在 209 的位置列“（九）医疗卫生与计划生育支出”，紧接着又列“（十）卫生健康支出”。",
        basis: "《政府收支分类科目》历年修订；规则参考 §1.2、E-3。",
    },
    // A retired class name is printed in the document, whatever the columns.
    reads_figures: false
}

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
                match functional_class(&label, cx.unit.year)? {
                    (_, NameStatus::Former { current }) => Some((r.line, label, current)),
                    (_, NameStatus::Current) => None,
                }
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

    #[test]
    fn names_are_read_against_the_edition_of_their_year() {
        // 2018 and 2019 Jiangsu documents print the names of their year's edition.
        for id in ["16", "19", "22"] {
            assert_silent(&Rule, &corpus(id));
        }
        // A 2024 Shanghai unit still prints 医疗卫生与计划生育支出 (卫生健康支出 since 2019).
        let text = corpus("12");
        let f = assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_after(
                &text,
                "2024年预算单位财务收支预算总表",
                "医疗卫生与计划生育支出",
            ),
        );
        assert!(f.message.contains("卫生健康支出"), "{}", f.message);
        // The same 2018 name in a 2024 copy of a Jiangsu table is stale.
        let text = corpus("22").replace("2018 年度", "2024 年度");
        assert!(!serious(&Rule, &text).is_empty());
    }
}
