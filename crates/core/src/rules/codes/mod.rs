//! 科目编码: classification codes and names.

mod code_format;
mod same_code_same_name;
mod stale_class_names;

pub use code_format::CodeFormat;
pub use same_code_same_name::SameCodeSameName;
pub use stale_class_names::StaleClassNames;

use crate::rules::support::prelude::*;

const FUNCTIONAL_CLASSES: [u32; 30] = [
    201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 219, 220,
    221, 222, 223, 224, 227, 229, 230, 231, 232, 233, 234,
];
const ECONOMIC_CLASSES: [u32; 10] = [301, 302, 303, 307, 309, 310, 311, 312, 313, 399];

pub(super) fn functional_table(k: TableKind) -> bool {
    use TableKind::*;
    matches!(
        k,
        IncomeSummary
            | ExpenditureSummary
            | GeneralBudgetExpenditure
            | GovFundExpenditure
            | StateCapitalExpenditure
    )
}

pub(super) fn economic_table(k: TableKind) -> bool {
    use TableKind::*;
    matches!(k, GeneralBudgetBasic | EconomicSummary | OperatingCost)
}

pub(super) fn code_problem(kind: TableKind, code: &str) -> Option<String> {
    let class: u32 = code.get(..3)?.parse().ok()?;
    if functional_table(kind) {
        if !matches!(code.len(), 3 | 5 | 7) {
            return Some(format!(
                "功能分类编码应为 3、5 或 7 位，“{code}”是 {} 位",
                code.len()
            ));
        }
        if !FUNCTIONAL_CLASSES.contains(&class) {
            return Some(format!("“{code}”的类 {class} 不是现行功能分类的类"));
        }
    } else if economic_table(kind) {
        if !code.starts_with('3') {
            return None; // a unit row
        }
        if !matches!(code.len(), 3 | 5) {
            return Some(format!(
                "经济分类编码应为 3 或 5 位，“{code}”是 {} 位",
                code.len()
            ));
        }
        if !ECONOMIC_CLASSES.contains(&class) {
            return Some(format!("“{code}”的类 {class} 不是部门预算经济分类的类"));
        }
    }
    None
}

/// The unit's tables whose rows carry classification codes (functional or economic).
pub(super) fn coded_tables<'a>(cx: &'a Cx) -> impl Iterator<Item = &'a Table> + 'a {
    cx.unit
        .understood_tables()
        .filter(|t| functional_table(t.kind) || economic_table(t.kind))
}
