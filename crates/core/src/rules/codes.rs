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
    doc_en: "Checks that the function-class (lei) names listed in the summary tables are the current names in that year's Government Revenue and Expenditure Classification, not retired or abbreviated ones such as 'Medical, Health and Family Planning' (now 'Health'). An outdated name suggests the table was copied from an old template and may not match the codes used elsewhere. Example: Wen County Medical Security Bureau 2024 lists '(9) Medical, Health and Family Planning' in class 209's place, immediately followed by '(10) Health'.",
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
                cells: Vec::new(),
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

// ------------------------------------------------------------------------------------------

static CLS002: RuleDoc = RuleDoc {
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
};

pub struct CodeFormat;

const FUNCTIONAL_CLASSES: [u32; 30] = [
    201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 219, 220,
    221, 222, 223, 224, 227, 229, 230, 231, 232, 233, 234,
];
const ECONOMIC_CLASSES: [u32; 10] = [301, 302, 303, 307, 309, 310, 311, 312, 313, 399];

fn functional_table(k: TableKind) -> bool {
    use TableKind::*;
    matches!(
        k,
        IncomeSummary
            | ExpenditureSummary
            | GeneralBudgetExpenditure
            | GovFundExpenditure
            | StateCapitalExpenditure
    )
}

fn economic_table(k: TableKind) -> bool {
    use TableKind::*;
    matches!(k, GeneralBudgetBasic | EconomicSummary | OperatingCost)
}

fn code_problem(kind: TableKind, code: &str) -> Option<String> {
    let class: u32 = code.get(..3)?.parse().ok()?;
    if functional_table(kind) {
        if !matches!(code.len(), 3 | 5 | 7) {
            return Some(format!(
                "功能分类编码应为 3、5 或 7 位，“{code}”是 {} 位",
                code.len()
            ));
        }
        if !FUNCTIONAL_CLASSES.contains(&class) {
            return Some(format!("“{code}”的类 {class} 不是现行功能分类的类"));
        }
    } else if economic_table(kind) {
        if !code.starts_with('3') {
            return None; // a unit row
        }
        if !matches!(code.len(), 3 | 5) {
            return Some(format!(
                "经济分类编码应为 3 或 5 位，“{code}”是 {} 位",
                code.len()
            ));
        }
        if !ECONOMIC_CLASSES.contains(&class) {
            return Some(format!("“{code}”的类 {class} 不是部门预算经济分类的类"));
        }
    }
    None
}

/// The unit's tables whose rows carry classification codes (functional or economic).
fn coded_tables<'a>(cx: &'a Cx) -> impl Iterator<Item = &'a crate::Table> + 'a {
    cx.unit
        .tables
        .iter()
        .filter(|t| functional_table(t.kind) || economic_table(t.kind))
}

impl Rule for CodeFormat {
    fn doc(&self) -> &'static RuleDoc {
        &CLS002
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) -> Applies {
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
                    out.push(Finding {
                        cells: Vec::new(),
                        rule: CLS002.code.into(),
                        severity: CLS002.severity,
                        message: format!("《{}》第{}行：{p}", t.title, r.line),
                        message_en: format!("Malformed classification code {code}"),
                        lines: vec![r.line],
                        expected: None,
                        actual: Some(code.clone()),
                    });
                }
            }
        }
        if any {
            Applies::Yes
        } else {
            Applies::No("没有带科目编码的表".into())
        }
    }
}

// ------------------------------------------------------------------------------------------

static CLS003: RuleDoc = RuleDoc {
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
};

pub struct SameCodeSameName;

impl Rule for SameCodeSameName {
    fn doc(&self) -> &'static RuleDoc {
        &CLS003
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) -> Applies {
        let mut seen: Vec<(String, String, usize, String)> = Vec::new();
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
                match seen.iter().find(|s| &s.0 == code) {
                    Some((_, other, line, title)) if *other != folded => out.push(Finding {
                        cells: Vec::new(),
                        rule: CLS003.code.into(),
                        severity: CLS003.severity,
                        message: format!(
                            "科目 {code} 在《{title}》第{line}行叫“{other}”，在《{}》第{}行叫“{}”",
                            t.title,
                            r.line,
                            name.trim()
                        ),
                        message_en: format!("Code {code} is named differently in two tables"),
                        lines: vec![*line, r.line],
                        expected: Some(other.clone()),
                        actual: Some(name.trim().to_owned()),
                    }),
                    Some(_) => {}
                    None => seen.push((code.clone(), folded, r.line, t.title.clone())),
                }
            }
        }
        if seen.is_empty() {
            Applies::No("没有带科目编码的表".into())
        } else {
            Applies::Yes
        }
    }
}

#[cfg(test)]
mod code_tests {
    use crate::report::Severity;
    use crate::rules::testing::*;

    #[test]
    fn cls002_code_format() {
        for s in ["000", "001", "002", "003", "004"] {
            assert_silent(&seed(s), "CLS-002");
        }
        let text = mutate("000", 104, "2101599", "210159");
        assert_fires(&text, "CLS-002", Severity::Warning, 104);
        let text = mutate("000", 233, "30201", "32201");
        assert_fires(&text, "CLS-002", Severity::Warning, 233);
    }

    #[test]
    fn cls003_same_code_same_name() {
        for s in ["000", "001", "002", "003", "004"] {
            assert_silent(&seed(s), "CLS-003");
        }
        let text = mutate("000", 121, "医疗保障经办事务", "医疗保障管理事务");
        assert_fires(&text, "CLS-003", Severity::Warning, 121);
    }
}
