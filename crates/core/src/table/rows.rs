//! Data rows: cells typed by their column's role, codes joined from split cells.

use super::header::{Column, Role};
use super::{Cell, Row};
use crate::amount::Amount;
use crate::layout;

pub(super) fn join_code(class: &str, section: &str, item: &str) -> Option<String> {
    let parts: Vec<String> = [class, section, item]
        .iter()
        .filter_map(|p| layout::code_digits(p))
        .collect();
    let class_ok = parts.first().is_some_and(|c| c.len() == 3);
    (class_ok && parts.iter().skip(1).all(|p| p.len() == 2)).then(|| parts.concat())
}

/// `inserted`: where a blank was re-inserted into this row, so raw positions shift back by one.
pub(super) fn build_row(
    line_no: usize,
    cells: &[String],
    columns: &[Column],
    inserted: Option<usize>,
) -> Row {
    let role_at = |i: usize| columns.get(i).map_or(Role::Text, |c| c.role);
    let out: Vec<Cell> = cells
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(i, t)| {
            let role = role_at(i);
            let numeric = role.is_money()
                || matches!(
                    role,
                    Role::Quantity | Role::UnitPrice | Role::ProjectBudget | Role::Reserved
                )
                || (role == Role::Text && layout::is_decimal_amount(t));
            Cell {
                col: i,
                text: t.clone(),
                amount: if numeric { Amount::parse(t) } else { None },
                line: line_no,
                raw: match inserted {
                    Some(k) if i > k => i - 1,
                    _ => i,
                },
            }
        })
        .collect();
    let text_of = |role: Role| -> &str {
        columns
            .iter()
            .find(|c| c.role == role)
            .and_then(|c| cells.get(c.index))
            .map_or("", String::as_str)
    };
    let code = layout::code_digits(text_of(Role::Code)).or_else(|| {
        join_code(
            text_of(Role::CodeClass),
            text_of(Role::CodeSection),
            text_of(Role::CodeItem),
        )
    });
    let gov_code = layout::code_digits(text_of(Role::GovCode)).or_else(|| {
        join_code(
            text_of(Role::GovCodeClass),
            text_of(Role::GovCodeSection),
            "",
        )
    });
    let unit_code = layout::code_digits(text_of(Role::UnitCode));
    let name = columns
        .iter()
        .filter(|c| c.role == Role::Name)
        .filter_map(|c| cells.get(c.index))
        .find(|t| !t.is_empty())
        .cloned();
    Row {
        line: line_no,
        continued: Vec::new(),
        cells: out,
        code,
        gov_code,
        unit_code,
        name,
    }
}
