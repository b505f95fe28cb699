//! The disclosure publishes every table it must.

use crate::rules::support::prelude::*;
use crate::template::Confidence;

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
    let required = cx.unit.required_tables();
    if required.is_empty() {
        return Applies::No(format!("{}公开的必备表尚未纳入检查", cx.unit.kind.zh()));
    }
    let named = NamedTables::of(cx);
    let confident = cx.unit.template.confidence >= Confidence::Medium;
    let absent = |k: &TableKind| cx.unit.published(*k).is_none() && !named.in_body.contains(k);
    // The contents list a table the text does not have: whatever the template, a finding.
    let listed: Vec<TableKind> = named.in_contents.iter().copied().filter(absent).collect();
    // Required by the template and named nowhere: a finding where the template is known.
    let unnamed: Vec<TableKind> = required
        .iter()
        .copied()
        .filter(|k| confident && absent(k) && !listed.contains(k))
        .collect();
    let missing: Vec<TableKind> = listed.iter().chain(&unnamed).copied().collect();
    if !missing.is_empty() {
        let zh: Vec<&str> = missing.iter().map(|k| k.zh()).collect();
        let en: Vec<&str> = missing.iter().map(|k| k.en()).collect();
        let listed_note = if listed.is_empty() {
            String::new()
        } else {
            let l: Vec<&str> = listed.iter().map(|k| k.zh()).collect();
            format!("（其中{}列在目录中）", l.join("、"))
        };
        let f = out
            .finding(
                format!(
                    "缺少 {} 张必须公开的表：{}{listed_note}",
                    missing.len(),
                    zh.join("、")
                ),
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

/// The table kinds the unit's text names: in its list of contents, and as a title in the body
/// that no table was rebuilt under (the parser could not read the table; it is not missing).
struct NamedTables {
    in_contents: Vec<TableKind>,
    in_body: Vec<TableKind>,
}

impl NamedTables {
    fn of(cx: &Cx) -> Self {
        let (first, last) = cx.unit.lines;
        let first_table = cx.unit.tables.first().map_or(last + 1, |t| t.title_line);
        let mut contents_from = None;
        let mut named = NamedTables {
            in_contents: Vec::new(),
            in_body: Vec::new(),
        };
        for n in first..=last.min(cx.lines.len()) {
            let line = cx.line(n);
            if is_contents_heading(line) {
                contents_from.get_or_insert(n);
                continue;
            }
            let Some(kind) = entry_kind(line).filter(|k| *k != TableKind::Other) else {
                continue;
            };
            let in_contents = contents_from.is_some() && n < first_table;
            // A contents entry names a table only when it says 表: `部门职责及机构设置情况`
            // is a section of the prose.
            if in_contents && !line.contains('表') {
                continue;
            }
            let list = if in_contents {
                &mut named.in_contents
            } else if cx.unit.tables.iter().any(|t| t.title_line == n) {
                continue;
            } else {
                &mut named.in_body
            };
            if !list.contains(&kind) {
                list.push(kind);
            }
        }
        named
    }
}

fn is_contents_heading(line: &str) -> bool {
    let c = compact(line);
    c == "目录" || (c.ends_with("目录") && c.chars().count() <= 30)
}

/// The kind a contents entry or a title line names: `五、财政拨款支出预算表`,
/// `3. 2025年部门支出预算总表 ……… 5`, `部门预算收支总表\t1`.
fn entry_kind(line: &str) -> Option<TableKind> {
    let first = line.split('\t').map(str::trim).find(|c| !c.is_empty())?;
    let text = first
        .trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
        .trim_end_matches(['…', '.', '·', ' ', '　'])
        .trim();
    crate::template::title_kind(text)
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
        assert!(f.message.contains("列在目录中"), "{}", f.message);
    }

    #[test]
    fn tables_of_the_template_are_found_and_unread_ones_are_not_missing() {
        // Shanghai's nine and Jiangsu's twelve tables, by their own titles.
        for id in ["02", "05", "09", "12", "16", "19", "22"] {
            assert_silent(&Rule, &corpus(id));
        }
        // A table the parser cannot read (its lines gone, its title left) is not missing.
        let text = corpus("16");
        let title = "一般公共预算机关运行经费支出预算表";
        let at = whole_line(&text, title);
        let lines: Vec<&str> = text.split('\n').collect();
        let kept: Vec<&str> = lines[..at]
            .iter()
            .chain(lines[at..].iter().skip_while(|l| !l.is_empty()))
            .copied()
            .collect();
        assert_silent(&Rule, &kept.join("\n"));
        // A table the contents list but the text lacks is a finding (19 lists all twelve).
        let text = corpus("19");
        let gone = whole_line(&text, "“三公”经费、会议费、培训费支出预算表");
        let lines: Vec<&str> = text.split('\n').collect();
        let cut: Vec<&str> = lines[..gone - 1]
            .iter()
            .chain(lines[gone + 5..].iter())
            .copied()
            .collect();
        let f = assert_fires(&Rule, &cut.join("\n"), Severity::Warning, 1);
        assert!(f.message.contains("列在目录中"), "{}", f.message);
    }
}
