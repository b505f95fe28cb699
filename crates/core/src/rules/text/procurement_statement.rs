//! The procurement budget the prose states: goods + works + services, and the procurement table.

use crate::facts::{Fact, Subject};
use crate::rules::support::prelude::*;
use crate::rules::support::stated::{amounts, no_facts, stated};

declare_rule! {
    /// 政府采购预算说明自洽并与采购表一致.
    pub ProcurementStatement => check,
    RuleDoc {
        code: "TXT-005",
        family: Family::Text,
        severity: Severity::Error,
        title: "政府采购预算说明自洽并与采购表一致",
        title_en: "The procurement statement adds up and agrees with the table",
        doc_en: "Checks that the procurement budget stated in the text equals goods + works + services, and, when a procurement table is published, that it equals the table's total. Example: Jiyuan 2023: 619.53 = 0.00 + 0.00 + 619.53.",
        what: "说明中的政府采购预算总额 = 货物 + 工程 + 服务；有政府采购预算表时，总额 = 该表合计。",
        why: "143号文要求公开政府采购预算总额及货物、工程、服务的金额；分项加不到总额说明其中一个数字错了。",
        example: "济源示范区医疗保障局 2023：619.53 = 0.00 + 0.00 + 619.53。",
        basis: "财预〔2016〕143号；勾稽关系目录 I-45。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    use Subject::*;
    let totals: Vec<&Fact> = amounts(cx.unit, &Procurement).collect();
    if totals.is_empty() {
        return no_facts("政府采购预算");
    }
    for f in totals {
        let parts: Vec<Fig> = [ProcurementGoods, ProcurementWorks, ProcurementServices]
            .iter()
            .filter_map(|s| amounts(cx.unit, s).find(|g| g.paragraph == f.paragraph))
            .map(stated)
            .collect();
        if parts.len() == 3 {
            out.sum("政府采购预算 = 货物 + 工程 + 服务", &stated(f), &parts);
        }
        if let Some(t) = table(cx.unit, TableKind::Procurement)
            .and_then(|pg| table_total(pg, Scope::Root, Role::Total))
        {
            out.equal("政府采购预算说明与采购表合计", &stated(f), &t);
        }
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::ProcurementStatement as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn goods_works_services_add_up() {
        silent_on_seeds(&Rule);
        let text = edit(
            &seed("001"),
            "政府采购服务预算 619.53",
            "政府采购服务预算 600.00",
        );
        assert_fires(
            &Rule,
            &text,
            Severity::Error,
            line_of(&text, "政府采购服务预算 600.00"),
        );
    }
}
