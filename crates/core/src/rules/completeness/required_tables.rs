//! The disclosure publishes every table it must.

use crate::rules::support::prelude::*;

declare_rule! {
    /// 公开表格齐全.
    pub RequiredTables => check,
    RuleDoc {
        code: "DIS-001",
        family: Family::Completeness,
        severity: Severity::Warning,
        title: "公开表格齐全",
        title_en: "All required tables are published",
        doc_en: "Checks that the disclosure publishes the required tables: the budget, income and expenditure summaries, the fiscal appropriation summary, the general-budget expenditure and basic-expenditure tables, the 'three public' expenses table, the government-fund expenditure table (the eight of Cai Yu [2016] No. 143) and the state-capital expenditure table of the current templates. A missing table means a kind of money goes unpublished. Example: a disclosure with only the budget and expenditure summaries lacks seven tables, the fiscal appropriation summary among them.",
        what: "部门（单位）预算公开至少包括：收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出表、一般公共预算“三公”经费支出表、政府性基金预算支出表，以及现行模板的国有资本经营预算支出表。",
        why: "143号文规定公开的 8 张表是最低要求；缺表意味着某类资金没有公开。",
        example: "一份只有收支总表和支出总表的公开，缺少财政拨款收支总表等 7 张表。",
        basis: "《地方预决算公开操作规程》（财预〔2016〕143号）；规则参考 §1.1。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let missing = cx.unit.missing_tables();
    if !missing.is_empty() {
        let zh: Vec<&str> = missing.iter().map(|k| k.zh()).collect();
        let en: Vec<&str> = missing.iter().map(|k| k.en()).collect();
        let f = out
            .finding(
                format!("缺少 {} 张必须公开的表：{}", missing.len(), zh.join("、")),
                format!(
                    "{} required table(s) are missing: {}",
                    missing.len(),
                    en.join(", ")
                ),
            )
            .line(cx.unit.lines.0);
        out.push(f);
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::RequiredTables as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn a_missing_table_is_named() {
        silent_on_seeds(&Rule);
        let text = replace_line(&seed("000"), "部门预算财政拨款“三公”经费支出表", "附表");
        let f = assert_fires(&Rule, &text, Severity::Warning, 1);
        assert!(f.message.contains("“三公”经费支出表"), "{}", f.message);
        assert!(
            f.message_en.contains("\"three public\" expenses table"),
            "{}",
            f.message_en
        );
    }
}
