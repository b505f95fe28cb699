//! The figures the prose states, as rules compare them.

use super::arith::Fig;
use crate::facts::{Fact, FactUnit, Measure, Subject};
use crate::layout::AmountUnit;
use crate::model::Unit;
use crate::rules::Applies;

/// A stated figure as a comparable figure, in 万元 (a figure stated in 元 converted exactly).
pub fn stated(f: &Fact) -> Fig {
    let label = format!("说明“{}”", f.text);
    match f.unit {
        FactUnit::Yuan => Fig::new(
            f.value.and_then(|v| AmountUnit::Yuan.to_wan(v)),
            f.line,
            label,
        )
        .in_unit(AmountUnit::Yuan),
        _ => Fig::new(f.value, f.line, label),
    }
}

/// This year's amounts (in 万元) the prose states about `subject`.
pub fn amounts<'a>(unit: &'a Unit, subject: &'a Subject) -> impl Iterator<Item = &'a Fact> + 'a {
    unit.facts.iter().filter(move |f| {
        &f.subject == subject
            && f.measure == Measure::Amount
            && matches!(f.unit, FactUnit::WanYuan | FactUnit::Yuan)
            && f.value.is_some()
    })
}

/// Not applicable: the prose states no figure about `what`.
pub fn no_facts(what: &str) -> Applies {
    Applies::No(format!("说明中没有{what}的数字"))
}
