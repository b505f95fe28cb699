//! Each procurement line: quantity × unit price, the reserved share, and the project's budget.

use crate::amount::{Amount, Interval};
use crate::rules::support::prelude::*;
use rust_decimal::Decimal;

declare_rule! {
    /// 政府采购明细行自洽.
    pub ProcurementLines => check,
    RuleDoc {
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
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
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
    for r in &t.rows {
        let (Some(q), Some(p), Some(sum)) = (r.amount(qty), r.amount(price), r.amount(total))
        else {
            continue;
        };
        // A count is exact; the unit price stands for its rounding interval.
        let piv = p.interval();
        let (lo, hi) = (q.value * piv.lo, q.value * piv.hi);
        let product = Interval {
            lo: lo.min(hi),
            hi: lo.max(hi),
        };
        if !product.intersects(sum.interval()) {
            let range = format!("{}～{}", product.lo.normalize(), product.hi.normalize());
            let f = out
                .finding(
                    format!(
                        "政府采购第{}行“{}”：数量 {q} × 单价 {p} = {range}，与金额 {sum} 不符",
                        r.line,
                        r.text(2),
                    ),
                    format!("Quantity {q} × unit price {p} gives {product}, not {sum}"),
                )
                .line(r.line)
                .expected(range)
                .actual(sum.printed());
            out.push(f);
        }
        if let Some(res) = reserved.and_then(|c| r.amount(c)) {
            if res.interval().lo > sum.interval().hi {
                let f = out
                    .finding(
                        format!(
                            "政府采购第{}行：预留中小微企业份额 {res} 大于金额合计 {sum}",
                            r.line
                        ),
                        format!("Reserved share {res} exceeds the line total {sum}"),
                    )
                    .line(r.line)
                    .expected(format!("≤ {sum}"))
                    .actual(res.printed());
                out.push(f);
            }
        }
    }
    if let (Some(name), Some(budget)) = (
        t.column(Scope::Root, Role::Name),
        t.column_any(Role::ProjectBudget),
    ) {
        project_budgets(t, name, budget, total, out);
    }
    Applies::Yes
}

/// Σ lines of one project ≤ that project's 预算资金 (a project is its name and budget).
fn project_budgets(t: &Table, name: usize, budget: usize, total: usize, out: &mut Sink) {
    let mut projects: Vec<(String, Amount, Vec<usize>, Decimal)> = Vec::new();
    for r in &t.rows {
        let (Some(b), Some(sum)) = (r.amount(budget), r.amount(total)) else {
            continue;
        };
        let key = compact(r.text(name));
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
            let f = out
                .finding(
                    format!(
                        "政府采购项目“{key}”各采购行之和至少 {} 万元，超过该项目预算资金 {b} 万元",
                        lo.normalize()
                    ),
                    format!("Procurement lines of {key} exceed the project budget {b}"),
                )
                .lines(lines)
                .expected(format!("≤ {b}"))
                .actual(lo.normalize().to_string());
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ProcurementLines as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn quantity_times_price_and_the_reserved_share() {
        silent_on_seeds(&Rule);
        // 台式计算机: 3 台 × 0.45 = 1.35 — printed as 1.85.
        let text = edit(
            &seed("000"),
            "台\t3\t0.45\t1.35\t1.35",
            "台\t3\t0.45\t1.85\t1.85",
        );
        let f = assert_fires(&Rule, &text, Severity::Error, line_of(&text, "0.45\t1.85"));
        assert!(f.message.contains("数量 3 × 单价 0.45"), "{}", f.message);
        // 预留 larger than the line.
        let text = edit(&seed("000"), "\t33.28", "\t133.28");
        assert_fires(&Rule, &text, Severity::Error, line_of(&text, "133.28"));
    }
}
