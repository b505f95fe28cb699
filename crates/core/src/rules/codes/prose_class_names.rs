//! The class names the prose writes (`卫生健康支出（类）`) against the names the tables give the
//! same class code.

use crate::classification::functional_class;
use crate::rules::support::prelude::*;

declare_rule! {
    /// 说明中的类名与表格一致.
    pub ProseClassNames => check,
    RuleDoc {
        code: "CLS-005",
        family: Family::Codes,
        severity: Severity::Warning,
        title: "说明中的类名与表格一致",
        title_en: "Class names in the prose agree with the tables",
        doc_en: "Reads every functional class the prose names with its level mark, such as 'Health (class)', finds its class code from the name (current or former editions of the classification), and checks that the tables name that class the same way; a short form without the trailing 'expenditure' is the same name. Two names of the one class that differ (a retired name in the prose beside the current one in the tables, or the other way round) are flagged; a table name that is no name of that class is left to the rules on codes and names. Example: a 2024 statement writing 'Medical, Health and Family Planning (class)' where its tables print 210 'Health'.",
        what: "说明中带层级标注的功能分类类名（如“卫生健康支出（类）”）按名称（现行或历年版本）找到类编码，与表格中该编码的类名比较：两者都是该类的名称（现行或历年版本）而不一致（如说明用旧名而表格用新名）即提示；省略末尾“支出”的简称视为同名；表格中的名称不是该类的名称时，由编码与名称的规则提示。",
        why: "说明与表格对同一科目用两个名字，读者无法把说明对应到表格；旧名称还说明文字沿用了过时的模板。",
        example: "2024 年说明写“医疗卫生与计划生育支出（类）”，而表格中 210 类名为“卫生健康支出”。",
        basis: "《政府收支分类科目》历年修订；预决算公开检查要求说明与表格口径一致。",
    },
    // Two names of one class: no misplaced column makes a table's name a name of its code.
    reads_figures: false
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let mut any = false;
    for (n, line) in crate::rules::wording::prose_lines(cx) {
        for name in class_names(line) {
            let Some((code, _)) = functional_class(&name, cx.unit.year) else {
                continue;
            };
            let Some((table_name, at, title)) = table_name(cx, code) else {
                continue;
            };
            any = true;
            // Two names of the one class (a retired one too: CLS-001 speaks of the tables then)
            // that differ. A table's name no edition gives this class (a name joined to a
            // wrapped line's words, another class's name: CLS-003 speaks of the table then)
            // says nothing of the prose.
            let of_class =
                functional_class(&table_name, cx.unit.year).is_some_and(|(c, _)| c == code);
            if !of_class || stem(&table_name) == stem(&name) {
                continue;
            }
            let f = out
                .finding(
                    format!(
                        "说明第{n}行的“{name}（类）”，在《{title}》第{at}行 {code} 类名为“{table_name}”"
                    ),
                    format!(
                        "Line {n}: the prose names class {code} differently from the tables (line {at})"
                    ),
                )
                .lines([n, at])
                .expected(table_name.clone())
                .actual(name.clone());
            out.push(f);
        }
    }
    if any {
        Applies::Yes
    } else {
        Applies::No("说明中没有带“（类）”标注、且表格中有其编码的类名".into())
    }
}

/// The names a line marks as classes: the text before each `（类）` back to a punctuation mark,
/// a figure or a list number.
fn class_names(line: &str) -> Vec<String> {
    let folded = fold_punct(line);
    let mut out = Vec::new();
    let mut rest = folded.as_str();
    while let Some(at) = rest.find("(类)") {
        let before = &rest[..at];
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphabetic() || c.is_ascii())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let name = before[start..].trim().to_owned();
        if !name.is_empty() {
            out.push(name);
        }
        rest = &rest[at + "(类)".len()..];
    }
    out
}

/// The class row of `code` in the first understood coded table that has one: its name, line
/// and the table's title.
fn table_name(cx: &Cx, code: u16) -> Option<(String, usize, String)> {
    let code = code.to_string();
    cx.unit.understood_tables().find_map(|t| {
        t.rows
            .iter()
            .find(|r| r.code.as_deref() == Some(code.as_str()))
            .and_then(|r| Some((compact(r.name.as_deref()?), r.line, t.title.clone())))
            .filter(|(name, _, _)| !name.is_empty())
    })
}

/// A class name without its trailing 支出, for comparing a short form.
fn stem(name: &str) -> String {
    let f = compact(&fold_punct(name));
    f.strip_suffix("支出").unwrap_or(&f).to_owned()
}

#[cfg(test)]
mod tests {
    use super::ProseClassNames as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn prose_names_agree_with_the_tables() {
        silent_on_seeds(&Rule);
        for id in CORPUS.iter().filter(|id| **id != "12") {
            assert_silent(&Rule, &corpus(id));
        }
        // Corpus 12 (2024) writes class 210 by its retired name in the prose, where its coded
        // tables print 卫生健康支出 (its PDF reads the same).
        let doc = corpus("12");
        let f = assert_fires(
            &Rule,
            &doc,
            Severity::Warning,
            line_of(&doc, "医疗卫生与计划生育支出（类）"),
        );
        assert!(f.message.contains("卫生健康支出"), "{}", f.message);
        // A table name that is no name of class 210 (a wrapped line's words joined to it, as
        // a misread layout can): the table is CLS-003's concern, the prose is not compared.
        let joined = doc.replace("\t卫生健康支出\t", "\t卫生健康支出 事业单位医疗\t");
        assert_ne!(joined, doc);
        assert_silent(&Rule, &joined);
        // Corpus 13 with the retired name of class 210 in its prose.
        let doc = corpus("13");
        let text = edit(
            &doc,
            "卫生健康支出（类）60.99万元",
            "医疗卫生与计划生育支出（类）60.99万元",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "医疗卫生与计划生育支出（类）60.99万元"),
        );
        // Another class's name where the tables print 221.
        let text = edit(
            &doc,
            "住房保障支出（类）445.69万元",
            "住房改革支出（类）445.69万元",
        );
        assert_silent(&Rule, &text);
    }
}
