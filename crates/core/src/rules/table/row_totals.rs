//! Every row: each total column the header names equals the sum of its part columns.

use crate::rules::support::prelude::*;

declare_rule! {
    /// 行内合计等于各分项之和.
    pub RowTotals => check,
    RuleDoc {
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
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let mut any = false;
    for t in cx
        .unit
        .understood_tables()
        .filter(|t| !t.key_value && !t.empty)
    {
        let ids = t.identities();
        if ids.is_empty() {
            continue;
        }
        any = true;
        let mark = out.mark();
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
                out.sum(&what, &total, &parts);
            }
        }
        out.group_rounding(mark, &format!("{}（行内合计）", t.title));
    }
    if any {
        Applies::Yes
    } else {
        Applies::No("没有可按表头核对行内合计的表".into())
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
    Fig::new(r.amount(col), line, col_label(t, col))
        .at(line, col)
        .of_table(t)
}

#[cfg(test)]
mod tests {
    use super::RowTotals as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn silent_on_seeds_and_fires_on_a_broken_row() {
        silent_on_seeds(&Rule);
        // 支出总表: 医疗保障经办事务 合计 160.00 = 项目 160.00 → 合计 170.00.
        let row = "医疗保障经办事务\t160.00\t\t160.00\t";
        let text = edit_line(&seed("000"), row, "160.00\t\t160.00", "170.00\t\t160.00");
        let f = assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "170.00\t\t160.00"),
        );
        assert!(
            f.message.contains("170.00") && f.message.contains("相差 10"),
            "{}",
            f.message
        );
    }

    #[test]
    fn one_cent_gaps_are_rounding_info() {
        // Seed 002: 8872.17 vs 170.73 + 8701.43, grouped per table.
        let text = seed("002");
        let infos = run(&Rule, &text);
        assert!(infos.iter().all(|f| f.severity == Severity::Info));
        let lines = lines_of(&text, "合计\t8872.17\t170.73\t8701.43");
        assert!(!lines.is_empty());
        assert!(infos
            .iter()
            .any(|f| f.lines.iter().any(|l| lines.contains(l)) && f.message.contains("尾数差")));
    }
}
