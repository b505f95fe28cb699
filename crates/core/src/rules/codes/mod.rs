//! 科目编码: classification codes and names.

mod code_format;
mod operating_cost_codes;
mod prose_class_names;
mod same_code_same_name;
mod stale_class_names;

pub use code_format::CodeFormat;
pub use operating_cost_codes::OperatingCostCodes;
pub use prose_class_names::ProseClassNames;
pub use same_code_same_name::SameCodeSameName;
pub use stale_class_names::StaleClassNames;

use crate::classification::Classification;
use crate::rules::support::prelude::*;

pub(super) fn functional_table(k: TableKind) -> bool {
    use TableKind::*;
    matches!(
        k,
        IncomeSummary
            | ExpenditureSummary
            | GeneralBudgetExpenditure
            | FiscalExpenditure
            | GovFundExpenditure
            | StateCapitalExpenditure
            | FinalIncome
            | FinalExpenditure
            | FinalGeneralBudgetExpenditure
            | FinalGovFund
            | FinalStateCapital
    )
}

pub(super) fn economic_table(k: TableKind) -> bool {
    use TableKind::*;
    matches!(
        k,
        GeneralBudgetBasic
            | FiscalBasic
            | BasicDetail
            | EconomicSummary
            | OperatingCost
            | FinalGeneralBudgetBasic
    )
}

/// What is wrong with a code, read in its own classification (an economic code is never read
/// as a functional one, whatever the table).
pub(super) fn code_problem(kind: TableKind, code: &str) -> Option<String> {
    let class: u16 = code.get(..3)?.parse().ok()?;
    let cls = match Classification::of(code) {
        Some(c) => c,
        None if functional_table(kind) => {
            return Some(format!("“{code}”的类 {class} 不是现行功能分类的类"))
        }
        // A unit's code in a table that lists units.
        None => return None,
    };
    let lengths = cls.lengths();
    if !lengths.contains(&code.len()) {
        let allowed: Vec<String> = lengths.iter().map(usize::to_string).collect();
        return Some(format!(
            "{}编码应为 {} 位，“{code}”是 {} 位",
            cls.zh(),
            allowed.join("、"),
            code.len()
        ));
    }
    if !cls.classes().contains(&class) {
        return Some(format!("“{code}”的类 {class} 不是{}的类", cls.zh()));
    }
    None
}

/// The unit's tables whose rows carry classification codes (functional or economic).
pub(super) fn coded_tables<'a>(cx: &'a Cx) -> impl Iterator<Item = &'a Table> + 'a {
    cx.unit
        .understood_tables()
        .filter(|t| functional_table(t.kind) || economic_table(t.kind))
}
