//! Down each column: the total row adds up the top-level rows, each classification code adds up
//! its sub-codes (类 = Σ款, 款 = Σ项, 301 = Σ301xx), each unit row adds up its rows.

use crate::rules::support::prelude::*;
use std::collections::HashMap;

declare_rule! {
    /// 合计行与科目层级逐级相加.
    pub CodeLevels => check,
    RuleDoc {
        code: "TAB-002",
        family: Family::Table,
        severity: Severity::Error,
        title: "合计行与科目层级逐级相加",
        title_en: "Totals and code levels add up down each column",
        doc_en: "Checks every amount column top to bottom: the total row = the sum of the classes (or top-level codes, units, projects); a functional class = its sections, a section = its items; an economic class (301) = its sections (30101...); a unit row = its codes or projects. Example: income summary: 21015 medical security management 1890.26 = 987.63 + 160.00 + 742.63.",
        what: "每个金额列自上而下逐级相加：合计行 = 各类（或最上层科目、各单位、各项目）之和；功能分类的类 = 其下各款之和，款 = 其下各项之和；经济分类的类（301）= 其下各款（30101…）之和；单位行 = 其下科目或项目之和。",
        why: "层级不平意味着某个科目的金额没有计入上级或合计，或被重复计入，是最常见的编制差错。",
        example: "收入总表：21015 医疗保障管理事务 1890.26 = 2101501 行政运行 987.63 + 2101506 160.00 + 2101599 742.63。",
        basis: "《政府收支分类科目》类/款/项与经济分类类/款的包含关系；勾稽关系目录 I-7、I-13、I-16～I-18。",
    }
}

/// How a row takes part in the column sums.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    Total,
    /// A unit row; depth 0 for a department, 1 for its units.
    Unit(usize),
    /// A classification code.
    Code(String),
    /// An item of a list (a project, a 明细 line).
    Leaf,
    Other,
}

fn coded_kind(kind: TableKind) -> Option<char> {
    use TableKind::*;
    match kind {
        IncomeSummary
        | ExpenditureSummary
        | GeneralBudgetExpenditure
        | FiscalExpenditure
        | GovFundExpenditure
        | StateCapitalExpenditure
        | FinalIncome
        | FinalExpenditure
        | FinalGeneralBudgetExpenditure
        | FinalGovFund
        | FinalStateCapital => Some('2'),
        GeneralBudgetBasic
        | FiscalBasic
        | EconomicSummary
        | OperatingCost
        | FinalGeneralBudgetBasic => Some('3'),
        _ => None,
    }
}

fn list_kind(kind: TableKind) -> bool {
    matches!(
        kind,
        TableKind::ProjectExpenditure | TableKind::BasicDetail | TableKind::ProjectPerformance
    )
}

fn node(t: &Table, r: &Row) -> Node {
    let name = r
        .name
        .as_deref()
        .map(crate::normalize::compact)
        .unwrap_or_default();
    let first = r
        .cells
        .first()
        .map(|c| crate::normalize::compact(&c.text))
        .unwrap_or_default();
    if name == "合计"
        || name == "总计"
        || first == "合计"
        || r.cells
            .iter()
            .any(|c| c.amount.is_none() && crate::normalize::compact(&c.text) == "合计")
    {
        return Node::Total;
    }
    if let Some(lead) = coded_kind(t.kind) {
        return match &r.code {
            Some(c) if c.starts_with(lead) && matches!(c.len(), 3 | 5 | 7) => Node::Code(c.clone()),
            Some(c) => Node::Unit(c.len().saturating_sub(3) / 3),
            None => match &r.unit_code {
                Some(u) => Node::Unit(u.len().saturating_sub(3) / 3),
                None => Node::Other,
            },
        };
    }
    if list_kind(t.kind) {
        let has_type = t
            .column_any(crate::table::Role::ProjectType)
            .is_some_and(|c| {
                !r.text(c).is_empty() && crate::layout::code_digits(r.text(c)).is_none()
            });
        let unitish = r
            .code
            .as_deref()
            .or(r.unit_code.as_deref())
            .filter(|c| c.len() <= 6 && !has_type);
        // Henan 基本支出明细表 marks its unit row by putting the unit code in the 类型 column.
        // Henan marks unit rows by a unit code in whatever text column is free (类型, 项目名称).
        let type_code = r
            .cells
            .iter()
            .filter(|c| {
                c.amount.is_none() && t.columns.get(c.col).is_none_or(|col| !col.role.is_money())
            })
            .find_map(|c| {
                crate::layout::code_digits(&c.text).filter(|d| (3..=6).contains(&d.len()))
            })
            .filter(|_| !has_type);
        return match unitish.map(str::to_owned).or(type_code) {
            Some(u) => Node::Unit(u.len().saturating_sub(3) / 3),
            None if r.cells.iter().any(|c| c.amount.is_some()) => Node::Leaf,
            None => Node::Other,
        };
    }
    Node::Other
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let mut any = false;
    for t in cx
        .unit
        .understood_tables()
        .filter(|t| !t.key_value && !t.empty)
    {
        if coded_kind(t.kind).is_none() && !list_kind(t.kind) {
            continue;
        }
        let money = t.money_columns();
        if money.is_empty() {
            continue;
        }
        any = true;
        let levels = Levels::new(t);
        let mark = out.mark();
        for &col in &money {
            levels.check_column(t, col, out);
        }
        out.group_rounding(mark, &format!("{}（逐级合计）", t.title));
    }
    if any {
        Applies::Yes
    } else {
        Applies::No("没有按科目或项目分行的表".into())
    }
}

/// How a table's rows nest: each row's node, and each code row's parent and children. Found
/// once per table, in linear time (codes are looked up by their prefixes).
struct Levels {
    nodes: Vec<Node>,
    /// Code rows, in order.
    codes: Vec<usize>,
    /// The nearest coded ancestor present in the table, for each row.
    parent: Vec<Option<usize>>,
    /// The code rows whose parent is each row, in order.
    children: Vec<Vec<usize>>,
}

impl Levels {
    fn new(t: &Table) -> Self {
        let nodes: Vec<Node> = t.rows.iter().map(|r| node(t, r)).collect();
        let codes: Vec<usize> = (0..nodes.len())
            .filter(|&i| matches!(nodes[i], Node::Code(_)))
            .collect();
        // The last row carrying each code (a code may repeat, one row per 政府经济分类).
        let mut last: HashMap<&str, usize> = HashMap::with_capacity(codes.len());
        for &i in &codes {
            if let Node::Code(c) = &nodes[i] {
                last.insert(c.as_str(), i);
            }
        }
        let mut parent: Vec<Option<usize>> = vec![None; nodes.len()];
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
        for &i in &codes {
            let Node::Code(code) = &nodes[i] else {
                continue;
            };
            // The longest shorter prefix that is itself a code of the table.
            parent[i] = (1..code.len())
                .rev()
                .filter_map(|n| code.get(..n))
                .find_map(|prefix| last.get(prefix).copied());
            if let Some(p) = parent[i].filter(|&p| p != i) {
                children[p].push(i);
            }
        }
        Levels {
            nodes,
            codes,
            parent,
            children,
        }
    }

    fn is_top(&self, i: usize) -> bool {
        match &self.nodes[i] {
            Node::Code(_) => self.parent[i].is_none(),
            Node::Leaf => true,
            _ => false,
        }
    }

    fn check_column(&self, t: &Table, col: usize, out: &mut Sink) {
        let col_name = t.columns.get(col).map(|c| c.label()).unwrap_or_default();
        let nodes = &self.nodes;
        // Code levels: each code = Σ its direct children.
        for &i in &self.codes {
            let children = &self.children[i];
            if children.is_empty() {
                continue;
            }
            let Node::Code(code) = &nodes[i] else {
                continue;
            };
            let total = row_fig(t, &t.rows[i], col);
            let parts: Vec<Fig> = children
                .iter()
                .map(|&j| row_fig(t, &t.rows[j], col))
                .collect();
            let what = format!(
                "{}「{}」列：{} {} = 下级科目之和",
                t.title,
                col_name,
                code,
                t.rows[i].name.as_deref().unwrap_or("")
            );
            out.sum(&what, &total, &parts);
        }
        let is_top = |i: usize| self.is_top(i);
        // Totals and unit rows = Σ what they cover.
        for (i, n) in nodes.iter().enumerate() {
            if !matches!(n, Node::Total | Node::Unit(_)) {
                continue;
            }
            let mut parts_idx = covered(nodes, i, &is_top);
            if parts_idx.is_empty() {
                // A list of units only (Henan 收入预算表): the total covers the next level of units.
                let level = match n {
                    Node::Unit(d) => *d as i64,
                    _ => -1,
                };
                let next = nodes.iter().skip(i + 1).find_map(|m| match m {
                    Node::Unit(d) if (*d as i64) > level => Some(*d),
                    _ => None,
                });
                if let Some(d) = next {
                    parts_idx = covered(nodes, i, &|j| nodes[j] == Node::Unit(d));
                }
            }
            if parts_idx.is_empty() {
                continue;
            }
            let total = row_fig(t, &t.rows[i], col);
            let parts: Vec<Fig> = parts_idx
                .iter()
                .map(|&j| row_fig(t, &t.rows[j], col))
                .collect();
            let what = format!(
                "{}「{}」列：{} = 所列各行之和",
                t.title, col_name, total.label
            );
            out.sum(&what, &total, &parts);
        }
    }
}

fn row_fig(t: &Table, r: &Row, col: usize) -> Fig {
    let label = match (&r.code, &r.name) {
        (Some(c), Some(n)) => format!("{c} {n}"),
        (None, Some(n)) => n.clone(),
        (Some(c), None) => c.clone(),
        (None, None) => format!("第{}行", r.line),
    };
    let line = r.cell(col).map_or(r.line, |c| c.line);
    Fig::new(r.amount(col), line, label)
        .at(line, col)
        .of_table(t)
}

/// The rows a total or unit row covers: the leaves (or top codes) after it, until the next row
/// of the same or a higher level.
fn covered(nodes: &[Node], at: usize, top: &dyn Fn(usize) -> bool) -> Vec<usize> {
    let level = match &nodes[at] {
        Node::Total => -1i64,
        Node::Unit(d) => *d as i64,
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    for (i, n) in nodes.iter().enumerate().skip(at + 1) {
        match n {
            Node::Total if level >= -1 => break,
            Node::Unit(d) if (*d as i64) <= level => break,
            _ if top(i) => out.push(i),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::CodeLevels as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn silent_on_seeds_and_fires_on_a_broken_level() {
        silent_on_seeds(&Rule);
        // 收入总表: 2101501 行政运行 987.63 → 987.00 in every column; 21015 no longer adds up.
        let row = "2101501\t行政运行\t987.63\t987.63\t987.63";
        let text = edit(
            &seed("000"),
            row,
            "2101501\t行政运行\t987.00\t987.00\t987.00",
        );
        let f = assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "行政运行\t987.00"),
        );
        assert!(f.message.contains("21015"), "{}", f.message);
        // Henan: a project amount in 项目支出预算表 no longer adds up to 合计.
        let row = "医疗保障能力建设\t温县医疗保障局\t14.28\t14.28";
        let text = edit(
            &seed("004"),
            row,
            "医疗保障能力建设\t温县医疗保障局\t15.28\t15.28",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "温县医疗保障局\t15.28"),
        );
    }
}
