//! Final accounts' fund tables, row by row: what was brought in and received was spent or
//! carried out (年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余).

use crate::amount::Interval;
use crate::rules::support::prelude::*;

declare_rule! {
    /// 结转结余逐行平衡.
    pub CarriedBalances => check,
    RuleDoc {
        code: "BAL-007",
        family: Family::Balance,
        severity: Severity::Error,
        title: "结转结余逐行平衡",
        title_en: "Balances brought in and carried out agree, row by row",
        doc_en: "Final accounts: in every table that prints a balance brought forward, this year's income, this year's expenditure and a balance carried forward (the government-fund and state-capital appropriation tables), each row must close: brought forward + income = expenditure + carried forward. Example: a fund row 10.00 + 5.00 = 12.00 + 3.00; printed with a carried-forward balance of 4.00 it is off by 1.00.",
        what: "部门决算中列有年初结转和结余、本年收入、本年支出、年末结转和结余的表（政府性基金、国有资本经营预算财政拨款收入支出决算表等），每一行都应平衡：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余。",
        why: "钱从哪里来、花到哪里去、剩下多少，三者必须对得上；某一行不平，说明结转结余或收支至少有一处填错。",
        example: "某基金科目：年初结转和结余 10.00 + 本年收入 5.00 = 本年支出 12.00 + 年末结转和结余 3.00；若年末写成 4.00，相差 1.00。",
        basis: "财政部部门决算公开表式（政府性基金、国有资本经营预算财政拨款收入支出决算表）；会计恒等式。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let mut any = false;
    for t in cx.unit.understood_tables().filter(|t| !t.empty) {
        let (Some(open), Some(income), Some(spent), Some(close)) = (
            t.column_any(Role::OpeningBalance),
            t.column_any(Role::YearIncome),
            t.column(Scope::Root, Role::Total),
            t.column_any(Role::ClosingBalance),
        ) else {
            continue;
        };
        any = true;
        let mark = out.mark();
        for r in &t.rows {
            let fig = |col: usize| cell(t, r, col, "");
            let (o, i, s, c) = (fig(open), fig(income), fig(spent), fig(close));
            if [&o, &i, &s, &c].iter().all(|f| f.amount.is_none()) {
                continue;
            }
            close_row(out, t, r, [&o, &i], [&s, &c]);
        }
        out.group_rounding(mark, &format!("{}（结转结余）", t.title));
    }
    if any {
        Applies::Yes
    } else {
        Applies::No("没有列出年初、年末结转和结余的表".into())
    }
}

/// `brought + income = spent + carried` for one row: an error when no rounding explains the
/// gap, `info` when rounding does.
fn close_row(out: &mut Sink, t: &Table, r: &Row, inflow: [&Fig; 2], outflow: [&Fig; 2]) {
    let value = |f: [&Fig; 2]| f[0].value() + f[1].value();
    let span = |f: [&Fig; 2]| f[0].interval() + f[1].interval();
    let (a, b) = (value(inflow), value(outflow));
    if a == b {
        return;
    }
    let (ia, ib): (Interval, Interval) = (span(inflow), span(outflow));
    let rounding = ia.intersects(ib);
    let gap = (a - b).normalize();
    let name = r.name.as_deref().unwrap_or("").trim();
    let text = |f: [&Fig; 2]| format!("{} + {}", f[0].printed(), f[1].printed());
    let message = format!(
        "{}第{}行（{}）：年初结转和结余 + 本年收入 = {} = {}，本年支出 + 年末结转和结余 = {} = {}，相差 {}{}",
        t.title,
        r.line,
        name,
        text(inflow),
        a.normalize(),
        text(outflow),
        b.normalize(),
        gap,
        if rounding {
            "，在四舍五入误差范围内（尾数差）".to_owned()
        } else {
            format!("（区间 {ia} 与 {ib} 不相交，不是四舍五入造成的）")
        }
    );
    let message_en = format!(
        "{} line {}: brought forward + income = {}, expenditure + carried forward = {}, off by {}",
        t.kind.en(),
        r.line,
        a.normalize(),
        b.normalize(),
        gap
    );
    let mut f = out
        .finding(message, message_en)
        .lines([r.line])
        .expected(b.normalize().to_string())
        .actual(a.normalize().to_string());
    if rounding {
        f = f.severity(Severity::Info);
    }
    out.push(f);
}

#[cfg(test)]
mod tests {
    use super::CarriedBalances as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    /// Corpus 13's government-fund table, published empty, filled with one class.
    fn filled(closing: &str) -> String {
        let doc = corpus("13");
        let anchor = "注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。";
        let row =
            format!("212\t\t\t城乡社区支出\t10.00\t5.00\t12.00\t12.00\t\t{closing}\n{anchor}");
        edit(&doc, anchor, &row)
    }

    #[test]
    fn each_row_closes() {
        assert_silent(&Rule, &corpus("13"));
        silent_on_seeds(&Rule);
        assert_silent(&Rule, &filled("3.00"));
        let text = filled("4.00");
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "城乡社区支出\t10.00"),
        );
    }
}
