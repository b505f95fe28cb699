//! The 三公 codes of basic spending (30217, 30231, 30212, 31013) do not exceed the 三公 table.

use super::need;
use crate::rules::support::lookup::code_sum;
use crate::rules::support::prelude::*;

declare_rule! {
    /// 基本支出中的“三公”科目不超过“三公”经费表.
    pub BasicVsThreePublic => check,
    RuleDoc {
        code: "XT-007",
        family: Family::Cross,
        severity: Severity::Error,
        title: "基本支出中的“三公”科目不超过“三公”经费表",
        title_en: "Basic-spending \"three public\" codes do not exceed the three-public table",
        doc_en: "Checks that the basic-expenditure codes for official reception (30217), official vehicle operation (30231), official travel abroad (30212) and vehicle purchase (31013) do not exceed the same items in the 'three public' table, which also counts project spending (hence 'not more than'). Items are matched by code and name; a blank is not read as zero. Example: Xingtai 2024: reception 0.80 <= 0.80; vehicle operation 2.00 <= 2.00.",
        what: "基本支出表中 30217 公务接待费、30231 公务用车运行维护费、30212 因公出国（境）费用、31013 公务用车购置，分别不超过“三公”经费表的同项金额（“三公”表还含项目支出，故为不超过）。按“编码 + 名称”对应，空白不作 0。",
        why: "基本支出里的“三公”支出多于“三公”经费表，说明“三公”经费少报了。",
        example: "邢台市医疗保障局 2024：30217 公务接待费 0.80 ≤ “三公”公务接待费 0.80；30231 2.00 ≤ 2.00。",
        basis: "勾稽关系目录 I-32（V33-CROSS-SAN-GONG-ECON）；经济分类 302-17/302-31/302-12/310-13。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let [t6, t9] = match need(cx, [TableKind::GeneralBudgetBasic, TableKind::ThreePublic]) {
        Ok(v) => v,
        Err(a) => return a,
    };
    let Some(col) = t6
        .column(Scope::Root, Role::Basic)
        .or_else(|| t6.column(Scope::Root, Role::Total))
    else {
        return Applies::No("基本支出表没有合计列".into());
    };
    // Each code with the word its name must have: some templates number their own economic
    // items differently (a 30212 that is 退休人员活动费 is no travel abroad).
    for (code, meaning, role, name) in [
        ("30217", "接待", Role::Reception, "公务接待费"),
        ("30231", "公务用车", Role::VehicleOperation, "运行"),
        ("30212", "出国", Role::Abroad, "因公出国"),
        ("31013", "车", Role::VehiclePurchase, "公务用车购置费"),
    ] {
        let named = t6
            .rows
            .iter()
            .filter(|r| r.code.as_deref() == Some(code))
            .all(|r| r.name.as_deref().is_none_or(|n| n.contains(meaning)));
        if !named {
            continue;
        }
        let (Some(a), Some(b)) = (code_sum(t6, code, col), three_public_item(t9, role, name))
        else {
            continue;
        };
        let (Some(av), bv) = (a.amount, b.value()) else {
            continue;
        };
        if av.value > bv && !a.interval().intersects(b.interval()) {
            let f = out
                .finding(
                    format!(
                        "{} {} 大于{} {}：基本支出中的“三公”支出不能多于“三公”经费表",
                        a.label,
                        a.printed(),
                        b.label,
                        b.printed()
                    ),
                    format!(
                        "Basic spending on {code} ({}) exceeds the three-public table ({})",
                        a.printed(),
                        b.printed()
                    ),
                )
                .lines([a.line, b.line])
                .expected(format!("≤ {}", b.printed()))
                .actual(a.printed());
            out.push(f);
        }
    }
    Applies::Yes
}

/// An item of the 三公 table: by its row label (Hebei, rows) or its column (Henan, columns).
fn three_public_item(t9: &Table, role: Role, name: &str) -> Option<Fig> {
    if let Some(name_col) = t9.column(Scope::Root, Role::Name) {
        let col = t9
            .column(Scope::Root, Role::GeneralBudget)
            .or_else(|| t9.column(Scope::Root, Role::Total))?;
        let r = t9.rows.iter().find(|r| {
            let l = fold_punct(r.text(name_col));
            l.contains(name) && !l.contains("购置及")
        })?;
        return Some(cell(t9, r, col, &format!("·{}", compact(r.text(name_col)))));
    }
    let col = t9.column(Scope::Root, role)?;
    let r = total_row(t9)?;
    Some(cell(t9, r, col, &format!("·{name}")))
}

#[cfg(test)]
mod tests {
    use super::BasicVsThreePublic as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn reception_within_the_three_public_table() {
        silent_on_seeds(&Rule);
        let text = edit(
            &seed("000"),
            "30217\t公务接待费\t0.80\t\t0.80",
            "30217\t公务接待费\t1.80\t\t1.80",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "公务接待费\t1.80"),
        );
    }

    #[test]
    fn tables_in_yuan_against_a_table_in_wan() {
        // Shanghai: the basic table in 元, the 三公 table in 万元 (13500 元 = 1.35 万元).
        for id in ["02", "05", "09", "12"] {
            assert_silent(&Rule, &corpus(id));
        }
        let text = edit(
            &corpus("05"),
            "公务接待费\t13,500\t\t13,500",
            "公务接待费\t23,500\t\t23,500",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "公务接待费\t23,500"),
        );
    }

    #[test]
    fn a_code_is_read_with_its_name() {
        // Doc 12 numbers its own items: its 30212 is 机关事业单位退休人员活动费, no travel abroad.
        let text = corpus("12");
        assert!(text.contains("302\t12\t机关事业单位退休人员活动费\t7,020"));
        assert_silent(&Rule, &text);
    }
}
