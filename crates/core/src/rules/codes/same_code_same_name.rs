//! One code carries one name in every table of a disclosure.

use super::{code_problem, coded_tables, economic_table};
use crate::rules::support::prelude::*;
use std::collections::HashMap;

declare_rule! {
    /// 同一科目编码各表名称一致.
    pub SameCodeSameName => check,
    RuleDoc {
        code: "CLS-003",
        family: Family::Codes,
        severity: Severity::Warning,
        title: "同一科目编码各表名称一致",
        title_en: "The same code carries the same name in every table",
        doc_en: "Checks that the same functional or economic code carries the same name in every table of one disclosure (ignoring spaces and full/half-width differences). Different names under one code mean either the code or the name is wrong in one of the tables. Example: 2101506 must be 'Medical security handling affairs' in both the income and the expenditure summary.",
        what: "同一份公开中，同一个功能分类或经济分类编码在各表中的科目名称应当相同（忽略空格与全半角差异）。",
        why: "编码相同而名称不同，说明有一处编码或名称抄错了，读者无法确定金额属于哪个科目。",
        example: "2101506 在收入总表和支出总表中都应叫“医疗保障经办事务”。",
        basis: "《政府收支分类科目》；GovBudgetChecker BUD-109 名称对齐。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    // Each code's first name, with where it was seen.
    let mut seen: HashMap<String, (String, usize, String)> = HashMap::new();
    for t in coded_tables(cx) {
        for r in &t.rows {
            let (Some(code), Some(name)) = (&r.code, &r.name) else {
                continue;
            };
            if code_problem(t.kind, code).is_some()
                || (economic_table(t.kind) && !code.starts_with('3'))
            {
                continue;
            }
            let folded = fold_punct(name);
            match seen.get(code) {
                Some((other, line, title)) if *other != folded => {
                    let f = out
                        .finding(
                            format!(
                                "科目 {code} 在《{title}》第{line}行叫“{other}”，在《{}》第{}行叫“{}”",
                                t.title,
                                r.line,
                                name.trim()
                            ),
                            format!("Code {code} is named differently in two tables"),
                        )
                        .lines([*line, r.line])
                        .expected(other.clone())
                        .actual(name.trim());
                    out.push(f);
                }
                Some(_) => {}
                None => {
                    seen.insert(code.clone(), (folded, r.line, t.title.clone()));
                }
            }
        }
    }
    if seen.is_empty() {
        Applies::No("没有带科目编码的表".into())
    } else {
        Applies::Yes
    }
}

#[cfg(test)]
mod tests {
    use super::SameCodeSameName as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn one_name_per_code() {
        silent_on_seeds(&Rule);
        let anchor = "医疗保障经办事务\t160.00\t\t160.00\t";
        let text = edit_line(&seed("000"), anchor, "医疗保障经办事务", "医疗保障管理事务");
        assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "2101506\t医疗保障管理事务\t160.00\t\t160.00\t"),
        );
    }
}
