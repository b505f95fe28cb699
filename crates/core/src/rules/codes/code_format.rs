//! Functional and economic classification codes are well formed.

use super::{code_problem, coded_tables};
use crate::rules::support::prelude::*;

declare_rule! {
    /// 科目编码格式正确.
    pub CodeFormat => check,
    RuleDoc {
        code: "CLS-002",
        family: Family::Codes,
        severity: Severity::Warning,
        title: "科目编码格式正确",
        title_en: "Classification codes are well formed",
        doc_en: "Checks that classification codes are well formed: functional codes have 3 (class), 5 (section) or 7 (item) digits, start with 2 and use a current class (201-234, without 218, 225, 226, 228); departmental economic codes have 3 or 5 digits in classes 301, 302, 303, 307, 309-313 and 399; government economic codes start with 5. A malformed code cannot be reconciled across tables and usually marks a typing or conversion error. Example: '210150 1', split across a line in a Hebei 2026 expenditure summary, is rejoined as 2101501 and passes.",
        what: "功能分类科目编码为 3 位（类）、5 位（款）或 7 位（项），以 2 开头且类码是现行的类（201～234，无 218、225、226、228）；部门预算经济分类编码为 3 位或 5 位，类为 301、302、303、307、309～313、399；政府预算经济分类以 5 开头。",
        why: "位数不对或类码不存在的编码，多半是录入时丢了一位或串了一位，会让逐级核对和跨表对应全部失效。",
        example: "“210150 1”在河北 2026 年的支出总表里被断开，读入后合并为 2101501，格式正确。",
        basis: "《政府收支分类科目》；规则参考 §3、E-1。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let mut any = false;
    for t in coded_tables(cx) {
        for r in &t.rows {
            let Some(code) = &r.code else { continue };
            any = true;
            let problem = code_problem(t.kind, code).or_else(|| {
                r.gov_code
                    .as_ref()
                    .filter(|g| !g.starts_with('5') || !matches!(g.len(), 3 | 5))
                    .map(|g| format!("政府预算经济分类编码“{g}”应以 5 开头、3 或 5 位"))
            });
            if let Some(p) = problem {
                let f = out
                    .finding(
                        format!("《{}》第{}行：{p}", t.title, r.line),
                        format!("Malformed classification code {code}"),
                    )
                    .line(r.line)
                    .actual(code.clone());
                out.push(f);
            }
        }
    }
    if any {
        Applies::Yes
    } else {
        Applies::No("没有带科目编码的表".into())
    }
}

#[cfg(test)]
mod tests {
    use super::CodeFormat as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn malformed_codes() {
        silent_on_seeds(&Rule);
        let anchor = "2101599\t其他医疗保障管理事务支出\t742.63\t392.00";
        let text = edit_line(&seed("000"), anchor, "2101599", "210159");
        assert_fires(&Rule, &text, Severity::Warning, line_of(&text, "210159\t"));
        let text = edit(&seed("000"), "30201\t办公费\t8.40", "32201\t办公费\t8.40");
        assert_fires(&Rule, &text, Severity::Warning, line_of(&text, "32201"));
    }
}
