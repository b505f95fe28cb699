//! The "三公" table laid out in rows (Hebei): total = subtotal = its three items, each item = its parts.

use super::{fig, money_cols};
use crate::rules::support::prelude::*;

declare_rule! {
    /// “三公”经费表结构.
    pub ThreePublicRows => check,
    RuleDoc {
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
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let Some(t) = table(cx.unit, TableKind::ThreePublic) else {
        return absent(cx.unit, TableKind::ThreePublic);
    };
    let Some(name_col) = t.column(Scope::Root, Role::Name) else {
        return Applies::No("“三公”经费表按列排列，由 TAB-001 核对".into());
    };
    let find =
        |pred: &dyn Fn(&str) -> bool| t.rows.iter().find(|r| pred(&fold_punct(r.text(name_col))));
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
    let mark = out.mark();
    for col in money_cols(t, Scope::Root) {
        let f = |r: &Row| fig(t, r, name_col, col);
        if let (Some(a), Some(b)) = (total, subtotal) {
            out.equal("“三公”经费表：合计 = 小计", &f(a), &f(b));
        }
        if let Some(s) = subtotal.or(total) {
            let parts: Vec<Fig> = [abroad, vehicle, reception]
                .iter()
                .flatten()
                .map(|r| f(r))
                .collect();
            if !parts.is_empty() {
                out.sum(
                    "“三公”经费表：小计 = 因公出国 + 公务用车 + 公务接待",
                    &f(s),
                    &parts,
                );
            }
        }
        if let (Some(a), Some(e), Some(o)) = (abroad, abroad_edu, abroad_other) {
            out.sum(
                "“三公”经费表：因公出国（境）费 = 教学科研人员 + 其他",
                &f(a),
                &[f(e), f(o)],
            );
        }
        if let (Some(v), Some(p), Some(o)) = (vehicle, purchase, operation) {
            out.sum(
                "“三公”经费表：公务用车购置及运维费 = 购置费 + 运行维护费",
                &f(v),
                &[f(p), f(o)],
            );
        }
    }
    out.group_rounding(mark, &t.title);
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::ThreePublicRows as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn rows_add_up() {
        silent_on_seeds(&Rule);
        let text = edit(
            &seed("000"),
            "三、公务接待费\t0.80\t0.80",
            "三、公务接待费\t0.90\t0.90",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "公务接待费\t0.90"),
        );
    }
}
