//! Henan: the basic-spending detail table against the basic-spending table, in total and split.

use super::{basic_total, need};
use crate::rules::support::arith::{self, Comparison};
use crate::rules::support::prelude::*;
use rust_decimal::Decimal;

declare_rule! {
    /// 基本支出明细表与基本支出表一致.
    pub BasicVsBasicDetail => check,
    RuleDoc {
        code: "XT-008",
        family: Family::Cross,
        severity: Severity::Error,
        title: "基本支出明细表与基本支出表一致",
        title_en: "The basic-spending detail table agrees with the basic-spending table",
        doc_en: "Henan template: the basic-expenditure detail table's total equals the basic-expenditure table's total, its personnel rows add up to personnel costs and its public-expense rows to public expenses. A shift between the two shows that a line was booked under the wrong heading in one table. Example: Wen County 2024: public-expense rows sum to 29.30 against 28.30 in the basic table, personnel rows to 412.69 against 413.69.",
        what: "河南模板的一般公共预算基本支出明细表：合计 = 基本支出表合计；“人员类”各行之和 = 基本支出表人员经费合计；“公用经费”各行之和 = 公用经费合计。",
        why: "明细表逐项列出基本支出的构成，人员与公用的划分必须与基本支出表相同，否则人员经费或公用经费被错报。",
        example: "温县医疗保障局 2024：明细表“公用经费”各行之和 29.30，基本支出表公用经费 28.30，相差 1.00；人员类 412.69 与 413.69 相差 −1.00。",
        basis: "勾稽关系目录 I-33（T6 合计 = H2 合计）及表格定义。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let [t6, h2] = match need(cx, [TableKind::GeneralBudgetBasic, TableKind::BasicDetail]) {
        Ok(v) => v,
        Err(a) => return a,
    };
    let (Some(total), Some(h2_col)) = (basic_total(t6), h2.column(Scope::Root, Role::Total)) else {
        return Applies::No("基本支出表或明细表没有合计列".into());
    };
    let mark = out.mark();
    if let Some(b) = table_total(h2, Scope::Root, Role::Total) {
        out.equal("基本支出明细表合计与基本支出表合计", &b, &total);
    }
    let (personnel, public) = detail_groups(h2, h2_col);
    let mut split: Vec<Split> = Vec::new();
    for (parts, role, zh) in [
        (personnel, Role::Personnel, "人员经费"),
        (public, Role::Public, "公用经费"),
    ] {
        if let (false, Some(t)) = (parts.is_empty(), table_total(t6, Scope::Root, role)) {
            let mut label = t.clone();
            label.label = format!("基本支出表{zh}合计");
            if let Some(c) = arith::sum(&label, &parts) {
                split.push(Split {
                    zh,
                    total: label,
                    parts,
                    comparison: c,
                });
            }
        }
    }
    // Both halves off by the same amount in opposite directions: one misfiled line, one finding.
    let broken: Vec<&Split> = split
        .iter()
        .filter(|s| s.comparison.verdict == Verdict::Broken)
        .collect();
    if let [a, b] = broken.as_slice() {
        let (da, db) = (a.comparison.difference(), b.comparison.difference());
        if (da + db).abs() <= Decimal::new(1, 2) {
            misfiled(a, b, out);
            out.group_rounding(mark, "基本支出明细表与基本支出表");
            return Applies::Yes;
        }
    }
    for s in &split {
        out.sum(
            &format!("明细表“{}”各行之和与基本支出表{}", s.zh, s.zh),
            &s.total,
            &s.parts,
        );
    }
    out.group_rounding(mark, "基本支出明细表与基本支出表");
    Applies::Yes
}

/// One half of the basic-spending split: the 基本支出表 total and the detail rows of that group.
struct Split {
    zh: &'static str,
    total: Fig,
    parts: Vec<Fig>,
    comparison: Comparison,
}

/// The detail rows of the 人员 and the 公用 groups. The 类型 column names a group on its first
/// row only; later rows inherit it.
fn detail_groups(h2: &Table, col: usize) -> (Vec<Fig>, Vec<Fig>) {
    let type_col = h2.column_any(Role::ProjectType);
    let mut group = String::new();
    let (mut personnel, mut public) = (Vec::new(), Vec::new());
    for r in &h2.rows {
        if let Some(c) = type_col {
            let t = fold_punct(r.text(c));
            if t.contains("人员") || t.contains("公用") {
                group = t;
            }
        }
        if r.name.as_deref().is_some_and(|n| n.contains("合计"))
            || r.code.is_some()
            || r.unit_code.is_some()
        {
            continue;
        }
        let f = cell(
            h2,
            r,
            col,
            &format!("·{}", r.name.clone().unwrap_or_default()),
        );
        if group.contains("人员") {
            personnel.push(f);
        } else if group.contains("公用") {
            public.push(f);
        }
    }
    (personnel, public)
}

fn english_part(zh: &str) -> &'static str {
    if zh == "人员经费" {
        "personnel"
    } else {
        "public costs"
    }
}

/// The two halves disagree by the same amount in opposite directions.
fn misfiled(a: &Split, b: &Split, out: &mut Sink) {
    let (ca, cb) = (&a.comparison, &b.comparison);
    let both = [a, b];
    let lines: Vec<usize> = both
        .iter()
        .flat_map(|s| std::iter::once(s.total.line).chain(s.parts.iter().map(|p| p.line)))
        .collect();
    let cells: Vec<_> = both
        .iter()
        .flat_map(|s| std::iter::once(&s.total).chain(s.parts.iter()))
        .filter_map(|f| f.at)
        .collect();
    let f = out
        .finding(
            format!(
                "基本支出明细表的人员/公用划分与基本支出表不一致：明细表“{}”合计 {}，基本支出表 {}（相差 {}）；“{}”合计 {}，基本支出表 {}（相差 {}）。总数相同，应是有 {} 万元的明细行被划错了类别",
                a.zh, ca.computed, a.total.printed(), -ca.difference(), b.zh, cb.computed, b.total.printed(), -cb.difference(), ca.difference().abs()
            ),
            format!(
                "The detail table splits basic spending differently from the basic-spending table: {} {} against {} (difference {}), {} {} against {} (difference {}); the totals agree, so lines worth {} are filed under the wrong heading",
                english_part(a.zh), ca.computed, a.total.printed(), -ca.difference(),
                english_part(b.zh), cb.computed, b.total.printed(), -cb.difference(),
                ca.difference().abs()
            ),
        )
        .lines(lines)
        .cells(cells)
        .expected(format!("{} / {}", a.total.printed(), b.total.printed()))
        .actual(format!("{} / {}", ca.computed, cb.computed));
    out.push(f);
}

#[cfg(test)]
mod tests {
    use super::BasicVsBasicDetail as Rule;
    use crate::rules::testing::*;

    #[test]
    fn fires_on_seed_004_as_one_finding() {
        let f = serious(&Rule, &seed("004"));
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("412.69") && f[0].message.contains("29.30"),
            "{}",
            f[0].message
        );
        // With the 基本支出表 split moved by 1.00 the two tables agree.
        let text = edit(
            &seed("004"),
            "441.99\t413.69\t28.30",
            "441.99\t412.69\t29.30",
        );
        assert_silent(&Rule, &text);
    }
}
