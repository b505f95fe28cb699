//! 表内: arithmetic inside one table — across each row, and down each column.

use super::arith::{check_sum, group_rounding, Fig};
use super::{Applies, Cx, Family, Rule, RuleDoc};
use crate::kind::TableKind;
use crate::report::{Finding, Severity};
use crate::table::{Row, Table};

/// TAB-001.
pub struct RowIdentities;

static ROW_IDENTITIES: RuleDoc = RuleDoc {
    code: "TAB-001",
    family: Family::Table,
    severity: Severity::Error,
    title: "行内合计等于各分项之和",
    title_en: "Row totals equal the sum of their parts",
    doc_en: "Checks every row of every table: each total column named by the header equals the sum of its part columns (total = basic + project; basic = personnel + public expenses; total = current-year income + carry-over; total = general budget + funds + state capital, and so on). The parts are derived from the header's levels. Example: expenditure summary line 121: total 160.00 against basic (blank) + project 150.00, a gap of 10.00.",
    what: "每张表的每一行里，表头规定的合计列等于其分项列之和：合计 = 基本支出 + 项目支出，基本支出 = 人员经费 + 公用经费，合计 = 本年收入 + 上年结转，合计 = 一般公共预算 + 政府性基金 + 国有资本经营 等。分项按表头的层级自动推出。",
    why: "行内不平说明该行至少有一个数字录错或抄错；按行定位能直接指出是哪一个科目、哪一列。",
    example: "支出总表第 121 行：合计 160.00 ≠ 基本支出 空白 + 项目支出 150.00，相差 10.00。",
    basis: "表格定义（表头“合计/小计”与分项的包含关系）；勾稽关系目录 I-6、I-8、I-12、I-13、I-16。",
};

impl Rule for RowIdentities {
    fn doc(&self) -> &'static RuleDoc {
        &ROW_IDENTITIES
    }

    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) -> Applies {
        let mut any = false;
        for t in cx.unit.tables.iter().filter(|t| !t.key_value && !t.empty) {
            let ids = t.identities();
            if ids.is_empty() {
                continue;
            }
            any = true;
            let mut found = Vec::new();
            for r in &t.rows {
                for id in &ids {
                    let total = fig(t, r, id.total);
                    let parts: Vec<Fig> = id.parts.iter().map(|&p| fig(t, r, p)).collect();
                    let what = format!(
                        "{}第{}行（{}）",
                        t.title,
                        r.line,
                        r.name.as_deref().unwrap_or("").trim()
                    );
                    check_sum(&ROW_IDENTITIES, &what, &total, &parts, &mut found);
                }
            }
            out.extend(group_rounding(found, &format!("{}（行内合计）", t.title)));
        }
        if any {
            Applies::Yes
        } else {
            Applies::No("没有可按表头核对行内合计的表".into())
        }
    }
}

fn col_label(t: &Table, col: usize) -> String {
    t.columns
        .get(col)
        .map(|c| c.label())
        .unwrap_or_else(|| format!("第{}列", col + 1))
}

fn fig(t: &Table, r: &Row, col: usize) -> Fig {
    let line = r.cell(col).map_or(r.line, |c| c.line);
    Fig::new(r.amount(col), line, col_label(t, col)).at(line, col)
}

/// TAB-002.
pub struct CodeHierarchy;

static CODE_HIERARCHY: RuleDoc = RuleDoc {
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
};

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
        | GovFundExpenditure
        | StateCapitalExpenditure => Some('2'),
        GeneralBudgetBasic | EconomicSummary | OperatingCost => Some('3'),
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
            .column_any(crate::header::Role::ProjectType)
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

impl Rule for CodeHierarchy {
    fn doc(&self) -> &'static RuleDoc {
        &CODE_HIERARCHY
    }

    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) -> Applies {
        let mut any = false;
        for t in cx.unit.tables.iter().filter(|t| !t.key_value && !t.empty) {
            if coded_kind(t.kind).is_none() && !list_kind(t.kind) {
                continue;
            }
            let nodes: Vec<Node> = t.rows.iter().map(|r| node(t, r)).collect();
            let money: Vec<usize> = t
                .columns
                .iter()
                .filter(|c| c.role.is_money())
                .map(|c| c.index)
                .collect();
            if money.is_empty() {
                continue;
            }
            any = true;
            let mut found = Vec::new();
            for &col in &money {
                check_column(t, &nodes, col, &mut found);
            }
            out.extend(group_rounding(found, &format!("{}（逐级合计）", t.title)));
        }
        if any {
            Applies::Yes
        } else {
            Applies::No("没有按科目或项目分行的表".into())
        }
    }
}

fn row_fig(r: &Row, col: usize) -> Fig {
    let label = match (&r.code, &r.name) {
        (Some(c), Some(n)) => format!("{c} {n}"),
        (None, Some(n)) => n.clone(),
        (Some(c), None) => c.clone(),
        (None, None) => format!("第{}行", r.line),
    };
    let line = r.cell(col).map_or(r.line, |c| c.line);
    Fig::new(r.amount(col), line, label).at(line, col)
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

fn check_column(t: &Table, nodes: &[Node], col: usize, found: &mut Vec<Finding>) {
    let col_name = t.columns.get(col).map(|c| c.label()).unwrap_or_default();
    let codes: Vec<(usize, &str)> = nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| match n {
            Node::Code(c) => Some((i, c.as_str())),
            _ => None,
        })
        .collect();
    // The nearest coded ancestor present in the table, for each row (found once: asking per
    // pair of codes made this cubic in the rows).
    let mut parent: Vec<Option<usize>> = vec![None; nodes.len()];
    for &(i, code) in &codes {
        parent[i] = codes
            .iter()
            .filter(|(_, c)| c.len() < code.len() && code.starts_with(c))
            .max_by_key(|(_, c)| c.len())
            .map(|(j, _)| *j);
    }
    let is_top = |i: usize| -> bool {
        match &nodes[i] {
            Node::Code(_) => parent[i].is_none(),
            Node::Leaf => true,
            _ => false,
        }
    };
    // Code levels: each code = Σ its direct children.
    for &(i, code) in &codes {
        let children: Vec<usize> = codes
            .iter()
            .filter(|(j, _)| parent[*j] == Some(i) && *j != i)
            .map(|(j, _)| *j)
            .collect();
        if children.is_empty() {
            continue;
        }
        let total = row_fig(&t.rows[i], col);
        let parts: Vec<Fig> = children.iter().map(|&j| row_fig(&t.rows[j], col)).collect();
        let what = format!(
            "{}「{}」列：{} {} = 下级科目之和",
            t.title,
            col_name,
            code,
            t.rows[i].name.as_deref().unwrap_or("")
        );
        check_sum(&CODE_HIERARCHY, &what, &total, &parts, found);
    }
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
        let total = row_fig(&t.rows[i], col);
        let parts: Vec<Fig> = parts_idx
            .iter()
            .map(|&j| row_fig(&t.rows[j], col))
            .collect();
        let what = format!(
            "{}「{}」列：{} = 所列各行之和",
            t.title, col_name, total.label
        );
        check_sum(&CODE_HIERARCHY, &what, &total, &parts, found);
    }
}

#[cfg(test)]
mod tests {
    use crate::report::Severity;
    use crate::rules::testing::*;

    #[test]
    fn tab001_silent_on_seeds_and_fires_on_a_broken_row() {
        for s in ["000", "001", "002", "003", "004"] {
            assert_silent(&seed(s), "TAB-001");
        }
        // 支出总表 line 121: 医疗保障经办事务 合计 160.00 = 项目 160.00 → 合计 170.00.
        let text = mutate("000", 121, "160.00\t\t160.00", "170.00\t\t160.00");
        let f = assert_fires(&text, "TAB-001", Severity::Error, 121);
        assert!(
            f.message.contains("170.00") && f.message.contains("相差 10"),
            "{}",
            f.message
        );
    }

    #[test]
    fn tab001_reports_one_cent_gaps_as_rounding_info() {
        // Seed 002: 8872.17 vs 170.73 + 8701.43, grouped per table.
        let infos = run(&seed("002"), "TAB-001");
        assert!(infos.iter().all(|f| f.severity == Severity::Info));
        assert!(infos
            .iter()
            .any(|f| f.lines.contains(&728) && f.message.contains("尾数差")));
    }

    #[test]
    fn tab002_silent_on_seeds_and_fires_on_a_broken_level() {
        for s in ["000", "001", "002", "003", "004"] {
            assert_silent(&seed(s), "TAB-002");
        }
        // 收入总表 line 102: 2101501 行政运行 987.63 → 987.00 in every column; 21015 no longer adds up.
        let text = mutate(
            "000",
            102,
            "987.63\t987.63\t987.63",
            "987.00\t987.00\t987.00",
        );
        let f = assert_fires(&text, "TAB-002", Severity::Error, 102);
        assert!(f.message.contains("21015"), "{}", f.message);
        // Henan: a project amount in 项目支出预算表 no longer adds up to 合计.
        let text = mutate("004", 538, "14.28\t14.28", "15.28\t15.28");
        assert_fires(&text, "TAB-002", Severity::Error, 538);
    }
}

/// TAB-003.
pub struct ProcurementLines;

static PROCUREMENT_LINES: RuleDoc = RuleDoc {
    code: "TAB-003",
    family: Family::Table,
    severity: Severity::Error,
    title: "政府采购明细行自洽",
    title_en: "Procurement lines are consistent",
    doc_en: "Checks every procurement line: amount = quantity x unit price (the unit price is rounded, so the product is an interval); the share reserved for small firms does not exceed the amount; the lines of one project do not exceed the project's budget. Example: Qinglong County 2025: 2 laptops x 0.60 = 1.19 to 1.21, consistent with 1.19 (0.60 stands for 0.595 to 0.605).",
    what: "政府采购预算表每一行：金额合计 = 数量 × 单价（单价是四舍五入后的数，用区间乘法）；预留中小微企业份额不超过合计；同一项目各采购行之和不超过该项目的预算资金。",
    why: "数量乘单价对不上，说明数量、单价或金额有一处填错；采购额超过项目预算则无法执行。",
    example: "青龙县医疗保障局本级 2025：便携式计算机 2 台 × 0.60 = 1.19～1.21，与 1.19 一致（单价 0.60 代表 0.595～0.605）。",
    basis: "政府采购预算表的表格定义；勾稽关系目录 I-19；规则参考 §4.4 第 6 条（区间乘法）。",
};

impl Rule for ProcurementLines {
    fn doc(&self) -> &'static RuleDoc {
        &PROCUREMENT_LINES
    }

    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) -> Applies {
        use crate::header::{Role, Scope};
        let Some(t) = cx.unit.table(TableKind::Procurement).filter(|t| !t.empty) else {
            return Applies::No("没有政府采购预算明细".into());
        };
        let (Some(qty), Some(price), Some(total)) = (
            t.column_any(Role::Quantity),
            t.column_any(Role::UnitPrice),
            t.column(Scope::Root, Role::Total),
        ) else {
            return Applies::No("采购表没有数量、单价或金额列".into());
        };
        let reserved = t.column_any(Role::Reserved);
        let (name, budget) = (
            t.column(Scope::Root, Role::Name),
            t.column_any(Role::ProjectBudget),
        );
        let issue =
            |message: String, en: String, lines: Vec<usize>, expected: String, actual: String| {
                Finding {
                    cells: Vec::new(),
                    rule: PROCUREMENT_LINES.code.into(),
                    severity: Severity::Error,
                    message,
                    message_en: en,
                    lines,
                    expected: Some(expected),
                    actual: Some(actual),
                }
            };
        for r in &t.rows {
            let (Some(q), Some(p), Some(sum)) = (r.amount(qty), r.amount(price), r.amount(total))
            else {
                continue;
            };
            // A count is exact; the unit price stands for its rounding interval.
            let piv = p.interval();
            let lo = q.value * piv.lo;
            let hi = q.value * piv.hi;
            let product = crate::amount::Interval {
                lo: lo.min(hi),
                hi: lo.max(hi),
            };
            if !product.intersects(sum.interval()) {
                out.push(issue(
                    format!(
                        "政府采购第{}行“{}”：数量 {q} × 单价 {p} = {}～{}，与金额 {sum} 不符",
                        r.line,
                        r.text(2),
                        product.lo.normalize(),
                        product.hi.normalize()
                    ),
                    format!("Quantity {q} × unit price {p} gives {product}, not {sum}"),
                    vec![r.line],
                    format!("{}～{}", product.lo.normalize(), product.hi.normalize()),
                    sum.printed(),
                ));
            }
            if let Some(res) = reserved.and_then(|c| r.amount(c)) {
                if res.interval().lo > sum.interval().hi {
                    out.push(issue(
                        format!(
                            "政府采购第{}行：预留中小微企业份额 {res} 大于金额合计 {sum}",
                            r.line
                        ),
                        format!("Reserved share {res} exceeds the line total {sum}"),
                        vec![r.line],
                        format!("≤ {sum}"),
                        res.printed(),
                    ));
                }
            }
        }
        // Σ lines of one project ≤ that project's 预算资金.
        if let (Some(name), Some(budget)) = (name, budget) {
            let mut projects: Vec<(
                String,
                crate::amount::Amount,
                Vec<usize>,
                rust_decimal::Decimal,
            )> = Vec::new();
            for r in &t.rows {
                let (Some(b), Some(sum)) = (r.amount(budget), r.amount(total)) else {
                    continue;
                };
                let key = crate::normalize::compact(r.text(name));
                match projects.iter_mut().find(|p| p.0 == key && p.1 == b) {
                    Some(p) => {
                        p.2.push(r.line);
                        p.3 += sum.interval().lo;
                    }
                    None => projects.push((key, b, vec![r.line], sum.interval().lo)),
                }
            }
            for (key, b, lines, lo) in projects {
                if lo > b.interval().hi {
                    out.push(issue(
                        format!("政府采购项目“{key}”各采购行之和至少 {} 万元，超过该项目预算资金 {b} 万元", lo.normalize()),
                        format!("Procurement lines of {key} exceed the project budget {b}"),
                        lines,
                        format!("≤ {b}"),
                        lo.normalize().to_string(),
                    ));
                }
            }
        }
        Applies::Yes
    }
}

#[cfg(test)]
mod procurement_tests {
    use crate::report::Severity;
    use crate::rules::testing::*;

    #[test]
    fn tab003_procurement_lines() {
        for s in ["000", "001", "002", "003", "004"] {
            assert_silent(&seed(s), "TAB-003");
        }
        // 3 台 × 0.45 = 1.35 — printed as 1.85.
        let text = mutate("000", 628, "0.45\t1.35\t1.35", "0.45\t1.85\t1.85");
        let f = assert_fires(&text, "TAB-003", Severity::Error, 628);
        assert!(f.message.contains("数量 3 × 单价 0.45"), "{}", f.message);
        // 预留 larger than the line.
        let text = mutate("000", 688, "33.28", "133.28");
        assert_fires(&text, "TAB-003", Severity::Error, 688);
    }
}
