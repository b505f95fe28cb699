//! The 三公 figures the prose states against the 三公 table.

use crate::facts::Subject;
use crate::rules::support::prelude::*;
use crate::rules::support::stated::{amounts, no_facts, stated};

declare_rule! {
    /// “三公”经费说明与“三公”经费表一致.
    pub ThreePublicStatement => check,
    RuleDoc {
        code: "TXT-003",
        family: Family::Text,
        severity: Severity::Error,
        title: "“三公”经费说明与“三公”经费表一致",
        title_en: "The \"three public\" statement agrees with its table",
        doc_en: "Checks that the 'three public' figures in the text (total, travel abroad, vehicle purchase and operation, reception) equal the same items in the 'three public' table. Example: Xingtai 2024: the text's 2.8 (2.75 to 2.85) agrees with the table's 2.80.",
        what: "说明中的“三公”经费合计及因公出国（境）费、公务用车购置及运维费（购置费、运行维护费）、公务接待费，与“三公”经费表的同项金额相等。",
        why: "“三公”经费是公众最关心的数字之一，143号文要求单独说明；说明与表格不一致是明显的公开质量问题。",
        example: "邢台市医疗保障局 2024：说明“三公”经费 2.8 万元（代表 2.75～2.85）与表中 2.80 一致。",
        basis: "财预〔2016〕143号；勾稽关系目录 I-44（OBL-SG-TABLE-TEXT）。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    use Subject::*;
    let Some(t9) = table(cx.unit, TableKind::ThreePublic) else {
        return absent(cx.unit, TableKind::ThreePublic);
    };
    let mut any = false;
    let mark = out.mark();
    for subject in [
        ThreePublic,
        Abroad,
        Vehicle,
        VehiclePurchase,
        VehicleOperation,
        Reception,
    ] {
        for f in amounts(cx.unit, &subject) {
            let Some(t) = three_public_fig(t9, &subject) else {
                continue;
            };
            any = true;
            out.equal("“三公”经费说明与表格", &stated(f), &t);
        }
    }
    out.group_rounding(mark, "“三公”经费说明与表格");
    if any {
        Applies::Yes
    } else {
        no_facts("“三公”经费")
    }
}

/// The 三公 table's figure for a subject: by row label (Hebei) or by column (Henan).
fn three_public_fig(t9: &Table, subject: &Subject) -> Option<Fig> {
    use Subject::*;
    if let Some(name_col) = t9.column(Scope::Root, Role::Name) {
        let col = t9.column(Scope::Root, Role::Total)?;
        let pick: &dyn Fn(&str) -> bool = match subject {
            ThreePublic => &|l| l.contains("小计") || l == "合计",
            Abroad => {
                &|l| l.contains("因公出国") && !l.starts_with("其中") && !l.starts_with("其他")
            }
            Vehicle => &|l| l.contains("购置及运"),
            VehiclePurchase => &|l| l.contains("公务用车购置费"),
            VehicleOperation => &|l| l.contains("运行维护费") && !l.contains("购置及"),
            Reception => &|l| l.contains("公务接待"),
            _ => return None,
        };
        let r = t9
            .rows
            .iter()
            .find(|r| pick(&fold_punct(r.text(name_col))))?;
        return Some(cell(t9, r, col, &format!("·{}", r.text(name_col))));
    }
    let role = match subject {
        ThreePublic => Role::Total,
        Abroad => Role::Abroad,
        Vehicle => Role::Vehicle,
        VehiclePurchase => Role::VehiclePurchase,
        VehicleOperation => Role::VehicleOperation,
        Reception => Role::Reception,
        _ => return None,
    };
    table_total(t9, Scope::Root, role)
}

#[cfg(test)]
mod tests {
    use super::ThreePublicStatement as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn stated_items_agree() {
        silent_on_seeds(&Rule);
        let text = edit_line(
            &seed("000"),
            "公务接待费0.8万元",
            "公务接待费0.8万元",
            "公务接待费1.8万元",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "公务接待费1.8万元"),
        );
    }
}
