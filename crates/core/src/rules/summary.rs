//! 平衡: the two-sided summary tables and the 三公 table's structure.

use super::arith::{check_equal, check_sum, group_rounding, Fig};
use super::{Applies, Cx, Family, Rule, RuleDoc};
use crate::header::{Role, Scope};
use crate::kind::TableKind;
use crate::normalize::{compact, fold_punct};
use crate::report::{Finding, Severity};
use crate::table::{Row, Table};

/// What a label on one side of a summary table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    /// 本年收入合计 / 一、本年收入.
    ThisYear,
    /// 上年结转结余 / 年初财政拨款结转和结余 / 二、上年结转 (and the year-end ones on the right).
    Carry,
    /// 收入总计 / 支出总计 (Henan 财政拨款表: 收入合计 / 支出合计).
    Grand,
    /// 一、… / （一）…: a line that adds into the current block.
    Item,
    /// 其中 and unnumbered sub-lines: not added.
    Other,
}

fn classify(label: &str) -> Line {
    let l = fold_punct(label).trim_end_matches(':').to_owned();
    let numbered = crate::layout::is_heading(&l);
    if l.contains("本年收入") || l.contains("本年支出") {
        return Line::ThisYear;
    }
    if l.contains("结转") || l.contains("结余") {
        return Line::Carry;
    }
    if l.contains("总计") || l == "收入合计" || l == "支出合计" {
        return Line::Grand;
    }
    if numbered && !l.starts_with("其中") {
        Line::Item
    } else {
        Line::Other
    }
}

/// One side of a summary table, read top to bottom.
struct Side<'a> {
    this_year: Option<&'a Row>,
    carry: Option<&'a Row>,
    grand: Option<&'a Row>,
    items: Vec<&'a Row>,
    carry_items: Vec<&'a Row>,
}

fn side<'a>(t: &'a Table, scope: Scope) -> Option<(Side<'a>, usize)> {
    let name_col = t.column(scope, Role::Name)?;
    let mut s = Side {
        this_year: None,
        carry: None,
        grand: None,
        items: Vec::new(),
        carry_items: Vec::new(),
    };
    let mut in_carry = false;
    for r in &t.rows {
        let label = r.text(name_col);
        if label.is_empty() {
            continue;
        }
        match classify(label) {
            Line::ThisYear => s.this_year = Some(r),
            Line::Carry => {
                s.carry = Some(r);
                in_carry = true;
            }
            Line::Grand => s.grand = Some(r),
            Line::Item if in_carry => s.carry_items.push(r),
            Line::Item => s.items.push(r),
            Line::Other => {}
        }
    }
    Some((s, name_col))
}

fn fig(t: &Table, r: &Row, name_col: usize, col: usize) -> Fig {
    let line = r.cell(col).map_or(r.line, |c| c.line);
    let label = compact(r.text(name_col));
    let col_label = t.columns.get(col).map(|c| c.label()).unwrap_or_default();
    Fig::new(
        r.amount(col),
        line,
        if col_label.ends_with("合计")
            || col_label.ends_with("金额")
            || col_label.ends_with("预算数")
        {
            label
        } else {
            format!("{label}（{col_label}）")
        },
    )
    .at(line, col)
}

fn check_side(
    rule: &RuleDoc,
    t: &Table,
    scope: Scope,
    cols: &[usize],
    out: &mut Vec<Finding>,
) -> Option<(Fig, usize)> {
    let (s, name_col) = side(t, scope)?;
    let side_zh = if scope == Scope::Income {
        "收入"
    } else {
        "支出"
    };
    let mut grand_fig = None;
    for &col in cols {
        let f = |r: &Row| fig(t, r, name_col, col);
        if let (Some(ty), false) = (s.this_year, s.items.is_empty()) {
            let parts: Vec<Fig> = s.items.iter().map(|r| f(r)).collect();
            check_sum(
                rule,
                &format!("{}{side_zh}：本年合计 = 各项之和", t.title),
                &f(ty),
                &parts,
                out,
            );
        }
        if let (Some(c), false) = (s.carry, s.carry_items.is_empty()) {
            let parts: Vec<Fig> = s.carry_items.iter().map(|r| f(r)).collect();
            check_sum(
                rule,
                &format!("{}{side_zh}：结转结余 = 各项之和", t.title),
                &f(c),
                &parts,
                out,
            );
        }
        if let (Some(g), Some(ty)) = (s.grand, s.this_year) {
            let mut parts = vec![f(ty)];
            parts.extend(s.carry.map(&f));
            check_sum(
                rule,
                &format!("{}{side_zh}：总计 = 本年合计 + 结转结余", t.title),
                &f(g),
                &parts,
                out,
            );
        }
        if grand_fig.is_none() {
            grand_fig = s.grand.map(|g| (f(g), col));
        }
    }
    grand_fig
}

fn money_cols(t: &Table, scope: Scope) -> Vec<usize> {
    t.columns
        .iter()
        .filter(|c| c.scope == scope && c.role.is_money())
        .map(|c| c.index)
        .collect()
}

fn balance(rule: &RuleDoc, t: &Table, out: &mut Vec<Finding>) -> Applies {
    let mut found = Vec::new();
    let income = check_side(
        rule,
        t,
        Scope::Income,
        &money_cols(t, Scope::Income),
        &mut found,
    );
    let spend_cols = money_cols(t, Scope::Expenditure);
    let spending = check_side(rule, t, Scope::Expenditure, &spend_cols, &mut found);
    if let (Some((i, _)), Some((e, _))) = (&income, &spending) {
        check_equal(
            rule,
            &format!("{}：收入总计 = 支出总计", t.title),
            i,
            e,
            &mut found,
        );
    }
    if income.is_none() && spending.is_none() {
        return Applies::No(format!("{}没有可识别的合计行", t.title));
    }
    out.extend(group_rounding(found, &t.title));
    Applies::Yes
}

/// BAL-001.
pub struct BudgetSummaryBalance;

static BUDGET_SUMMARY: RuleDoc = RuleDoc {
    code: "BAL-001",
    family: Family::Balance,
    severity: Severity::Error,
    title: "收支总表收支平衡",
    title_en: "The budget summary balances",
    doc_en: "Checks the budget summary's balance: current-year income = the sum of the income lines ('of which' lines excluded); current-year expenditure = the sum of the classes; income grand total = current-year income + carry-over; expenditure grand total = current-year expenditure + year-end carry-over; and the two grand totals are equal. Example: Xingtai 2024: 1890.26 = 1539.63 + 350.63, equal to the expenditure grand total 1890.26.",
    what: "收支总表中：本年收入合计 = 各项收入之和（“其中”行不计入）；本年支出合计 = 各类支出之和；收入总计 = 本年收入合计 + 上年结转结余；支出总计 = 本年支出合计 + 年终结转结余；收入总计 = 支出总计。",
    why: "收支总表是整套公开表的总账，收支不平或合计不等于分项，其余各表都失去了核对的基准。",
    example: "邢台市医疗保障局 2024：收入总计 1890.26 = 本年收入合计 1539.63 + 上年结转结余 350.63，与支出总计 1890.26 相等。",
    basis: "表格定义；勾稽关系目录 I-1～I-5（GovBudgetChecker BUD-101）。",
};

impl Rule for BudgetSummaryBalance {
    fn doc(&self) -> &'static RuleDoc {
        &BUDGET_SUMMARY
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) -> Applies {
        match cx.unit.table(TableKind::BudgetSummary) {
            Some(t) if !t.empty => balance(&BUDGET_SUMMARY, t, out),
            Some(_) => Applies::No("收支总表没有数据".into()),
            None => Applies::No("缺少收支总表".into()),
        }
    }
}

/// BAL-002.
pub struct FiscalSummaryBalance;

static FISCAL_SUMMARY: RuleDoc = RuleDoc {
    code: "BAL-002",
    family: Family::Balance,
    severity: Severity::Error,
    title: "财政拨款收支总表收支平衡",
    title_en: "The fiscal appropriation summary balances",
    doc_en: "Checks the fiscal appropriation summary's balance: current-year income = general budget + government funds + state capital; carry-over = its parts; income grand total = current-year income + carry-over; for every fund column, current-year expenditure = the sum of the classes and the grand total = current-year expenditure + year-end carry-over; income grand total = expenditure grand total. Example: Xingtai 2024: 1890.26 = 1539.63 + 350.63 = 1890.26.",
    what: "财政拨款收支总表中，收入方：本年收入 = 一般公共预算 + 政府性基金 + 国有资本经营拨款，年初结转结余 = 其下各项之和，收入总计 = 本年收入 + 年初结转；支出方每个资金列：本年支出合计 = 各类支出之和，支出总计 = 本年支出 + 年末结转；收入总计 = 支出总计。",
    why: "财政拨款是社会最关注的资金；这张表不平，说明财政拨款的来源与去向对不上。",
    example: "邢台市医疗保障局 2024：收入总计 1890.26 = 本年 1539.63 + 年初结转 350.63 = 支出总计 1890.26。",
    basis: "表格定义；勾稽关系目录 I-9～I-11（OBL-CROSS-FISCAL-TOTAL / D-004）。",
};

impl Rule for FiscalSummaryBalance {
    fn doc(&self) -> &'static RuleDoc {
        &FISCAL_SUMMARY
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) -> Applies {
        match cx.unit.table(TableKind::FiscalSummary) {
            Some(t) if !t.empty => balance(&FISCAL_SUMMARY, t, out),
            Some(_) => Applies::No("财政拨款收支总表没有数据".into()),
            None => Applies::No("缺少财政拨款收支总表".into()),
        }
    }
}

/// BAL-003.
pub struct ThreePublicStructure;

static THREE_PUBLIC: RuleDoc = RuleDoc {
    code: "BAL-003",
    family: Family::Balance,
    severity: Severity::Error,
    title: "“三公”经费表结构",
    title_en: "The \"three public\" table adds up",
    doc_en: "Checks the 'three public' table laid out in rows (Hebei template): total = subtotal = travel abroad + vehicles + reception; travel abroad = teaching and research staff + other; vehicles = purchase + operation. The column layout of the Henan template is checked by TAB-001 from its header. Example: Xingtai 2024: 2.80 = 0 + 2.00 + 0.80; vehicles 2.00 = 0 + 2.00.",
    what: "“三公”经费表（按行排列的河北模板）：合计 = “三公”经费小计 = 因公出国（境）费 + 公务用车购置及运维费 + 公务接待费；因公出国（境）费 = 教学科研人员 + 其他因公出国（境）费；公务用车购置及运维费 = 购置费 + 运行维护费。按列排列的河南模板由 TAB-001 按表头核对。",
    why: "财预〔2016〕143号要求单列“三公”经费并把公务用车购置费与运行费分开公开；分项与小计不符，公开的数字就不可信。",
    example: "邢台市医疗保障局 2024：2.80 = 0 + 2.00 + 0.80；公务用车 2.00 = 购置 0 + 运行维护 2.00。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）；勾稽关系目录 I-15。",
};

impl Rule for ThreePublicStructure {
    fn doc(&self) -> &'static RuleDoc {
        &THREE_PUBLIC
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) -> Applies {
        let Some(t) = cx.unit.table(TableKind::ThreePublic) else {
            return Applies::No("缺少“三公”经费表".into());
        };
        let Some(name_col) = t.column(Scope::Root, Role::Name) else {
            return Applies::No("“三公”经费表按列排列，由 TAB-001 核对".into());
        };
        let find = |pred: &dyn Fn(&str) -> bool| {
            t.rows.iter().find(|r| pred(&fold_punct(r.text(name_col))))
        };
        let total = find(&|l| l == "合计");
        let subtotal = find(&|l| l.contains("小计"));
        let abroad =
            find(&|l| l.contains("因公出国") && !l.starts_with("其中") && !l.starts_with("其他"));
        let abroad_edu = find(&|l| l.contains("教学科研"));
        let abroad_other = find(&|l| l.starts_with("其他因公出国"));
        let vehicle = find(&|l| l.contains("购置及运"));
        let purchase = find(&|l| l.contains("公务用车购置费"));
        let operation = find(&|l| l.contains("运行维护费") && !l.contains("购置及"));
        let reception = find(&|l| l.contains("公务接待"));
        let mut found = Vec::new();
        for col in money_cols(t, Scope::Root) {
            let f = |r: &Row| fig(t, r, name_col, col);
            let sub = subtotal.or(total);
            if let (Some(a), Some(b)) = (total, subtotal) {
                check_equal(
                    &THREE_PUBLIC,
                    "“三公”经费表：合计 = 小计",
                    &f(a),
                    &f(b),
                    &mut found,
                );
            }
            if let Some(s) = sub {
                let parts: Vec<Fig> = [abroad, vehicle, reception]
                    .iter()
                    .flatten()
                    .map(|r| f(r))
                    .collect();
                if !parts.is_empty() {
                    check_sum(
                        &THREE_PUBLIC,
                        "“三公”经费表：小计 = 因公出国 + 公务用车 + 公务接待",
                        &f(s),
                        &parts,
                        &mut found,
                    );
                }
            }
            if let (Some(a), Some(e), Some(o)) = (abroad, abroad_edu, abroad_other) {
                check_sum(
                    &THREE_PUBLIC,
                    "“三公”经费表：因公出国（境）费 = 教学科研人员 + 其他",
                    &f(a),
                    &[f(e), f(o)],
                    &mut found,
                );
            }
            if let (Some(v), Some(p), Some(o)) = (vehicle, purchase, operation) {
                check_sum(
                    &THREE_PUBLIC,
                    "“三公”经费表：公务用车购置及运维费 = 购置费 + 运行维护费",
                    &f(v),
                    &[f(p), f(o)],
                    &mut found,
                );
            }
        }
        out.extend(group_rounding(found, &t.title));
        Applies::Yes
    }
}

#[cfg(test)]
mod tests {
    use crate::report::Severity;
    use crate::rules::testing::*;

    #[test]
    fn bal001_budget_summary() {
        for s in ["000", "001", "002", "003", "004"] {
            assert_silent(&seed(s), "BAL-001");
        }
        let text = mutate("000", 85, "350.63", "350.60");
        assert_fires(&text, "BAL-001", Severity::Error, 85);
        // Henan: an expenditure class that no longer adds up to 本年支出合计.
        let text = mutate("001", 209, "102.70", "112.70");
        assert_fires(&text, "BAL-001", Severity::Error, 220);
    }

    #[test]
    fn bal002_fiscal_summary() {
        for s in ["000", "001", "002", "003", "004"] {
            assert_silent(&seed(s), "BAL-002");
        }
        // Hebei: 年初结转 350.63 no longer equals its part 一般公共预算 350.00.
        let text = mutate("000", 178, "350.63", "350.00");
        assert_fires(&text, "BAL-002", Severity::Error, 178);
        // Henan: 支出合计 no longer equals 本年支出.
        let text = mutate("001", 328, "支出合计\t6,844.40", "支出合计\t6,944.40");
        assert_fires(&text, "BAL-002", Severity::Error, 328);
    }

    #[test]
    fn bal003_three_public_rows() {
        for s in ["000", "002", "003"] {
            assert_silent(&seed(s), "BAL-003");
        }
        let text = mutate("000", 309, "0.80\t0.80", "0.90\t0.90");
        assert_fires(&text, "BAL-003", Severity::Error, 309);
    }
}

/// BAL-004.
pub struct PartLines;

static PART_LINES: RuleDoc = RuleDoc {
    code: "BAL-004",
    family: Family::Balance,
    severity: Severity::Error,
    title: "“其中”分项不超过所属收入项",
    title_en: "\"Of which\" lines do not exceed their parent line",
    doc_en: "Checks that the 'of which' lines under a numbered income line in the budget and fiscal summaries (fiscal appropriation, advanced by the higher level, special income, government-fund money) do not exceed that income line, each and together. Not every part is always listed, so only 'not more than' is checked. Example: Jiyuan 2023: general budget 6536.40 >= 6247.40 + 289.00.",
    what: "收支总表、财政拨款收支总表的收入栏中，编号收入项下的“其中：财政拨款”“上级提前下达”“专项收入”“政府性基金预算资金”等分项行，各自及合计都不超过所属的收入项（分项不一定列全，故只查不超过）。",
    why: "分项大于它所属的收入项，说明分项或收入项有一个数字错了。",
    example: "济源示范区医疗保障局 2023：一般公共预算 6536.40 ≥ 其中财政拨款 6247.40 + 上级提前下达 289.00。",
    basis: "表格定义（“其中”为包含关系）；勾稽关系目录 I-1 注。",
};

impl Rule for PartLines {
    fn doc(&self) -> &'static RuleDoc {
        &PART_LINES
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) -> Applies {
        let mut any = false;
        for kind in [TableKind::BudgetSummary, TableKind::FiscalSummary] {
            let Some(t) = cx.unit.table(kind) else {
                continue;
            };
            let Some(name_col) = t.column(Scope::Income, Role::Name) else {
                continue;
            };
            let Some(col) = money_cols(t, Scope::Income).first().copied() else {
                continue;
            };
            let mut parent: Option<&Row> = None;
            let mut parts: Vec<&Row> = Vec::new();
            let mut flush = |parent: Option<&Row>,
                             parts: &mut Vec<&Row>,
                             out: &mut Vec<Finding>| {
                if let (Some(p), false) = (parent, parts.is_empty()) {
                    let pf = fig(t, p, name_col, col);
                    let figs: Vec<Fig> = parts.iter().map(|r| fig(t, r, name_col, col)).collect();
                    let sum_lo: rust_decimal::Decimal = figs.iter().map(|f| f.interval().lo).sum();
                    if pf.amount.is_some() || figs.iter().any(|f| f.amount.is_some()) {
                        any = true;
                    }
                    if sum_lo > pf.interval().hi {
                        let total: rust_decimal::Decimal = figs.iter().map(Fig::value).sum();
                        let mut lines: Vec<usize> = std::iter::once(pf.line)
                            .chain(figs.iter().map(|f| f.line))
                            .collect();
                        lines.sort_unstable();
                        out.push(Finding {
                            cells: Vec::new(),
                            rule: PART_LINES.code.into(),
                            severity: Severity::Error,
                            message: format!(
                                "{}：“{}” {} 下的分项 {} = {}，超过了所属收入项",
                                t.title,
                                pf.label,
                                pf.printed(),
                                super::arith::expr(&figs),
                                total
                            ),
                            message_en: format!(
                                "Sub-lines add up to {total}, more than their parent line {}",
                                pf.printed()
                            ),
                            lines,
                            expected: Some(format!("≤ {}", pf.printed())),
                            actual: Some(total.to_string()),
                        });
                    }
                }
                parts.clear();
            };
            for r in &t.rows {
                let label = fold_punct(r.text(name_col));
                if label.is_empty() {
                    continue;
                }
                match classify(&label) {
                    Line::Item => {
                        flush(parent, &mut parts, out);
                        parent = Some(r);
                    }
                    Line::Other if parent.is_some() && r.cells.iter().any(|c| c.col == col) => {
                        parts.push(r)
                    }
                    Line::Other => {}
                    _ => {
                        flush(parent, &mut parts, out);
                        parent = None;
                    }
                }
            }
            flush(parent, &mut parts, out);
        }
        if any {
            Applies::Yes
        } else {
            Applies::No("收入栏没有“其中”分项".into())
        }
    }
}

#[cfg(test)]
mod part_tests {
    use crate::report::Severity;
    use crate::rules::testing::*;

    #[test]
    fn bal004_part_lines() {
        for s in ["000", "001", "002", "003", "004"] {
            assert_silent(&seed(s), "BAL-004");
        }
        // 上级提前下达 289.00 → 290.00: 6247.40 + 290.00 exceeds 一般公共预算 6536.40.
        let text = mutate("001", 194, "289.00", "290.00");
        assert_fires(&text, "BAL-004", Severity::Error, 194);
    }
}
