//! Mutation test: add 1.00 to each amount of the standard tables of every seed, one at a time,
//! and require that a new error appears on that line. Prints the detection rate.

mod common;

use std::collections::HashSet;
use yusuan_core::{Severity, TableKind};

fn fixtures() -> Vec<(String, String)> {
    common::seeds()
        .into_iter()
        .map(|(n, b)| (n, String::from_utf8(b).expect("seeds are UTF-8")))
        .collect()
}

/// The standard tables: the nine every disclosure must publish, and the Henan template's four
/// other money tables.
fn standard(kind: TableKind) -> bool {
    TableKind::REQUIRED.contains(&kind)
        || matches!(
            kind,
            TableKind::BasicDetail
                | TableKind::EconomicSummary
                | TableKind::ProjectExpenditure
                | TableKind::OperatingCost
        )
}

/// (rule, message) of every error, for telling new errors from old ones.
fn errors(text: &str) -> HashSet<(String, String, Vec<usize>)> {
    let report = yusuan_core::check_bytes("m", text.as_bytes());
    report
        .units
        .iter()
        .flat_map(|u| u.findings.iter())
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.rule.to_string(), f.message.clone(), f.lines.clone()))
        .collect()
}

fn plus_one(text: &str) -> Option<String> {
    let a = yusuan_core::Amount::parse(text)?;
    let v = a.value + rust_decimal::Decimal::ONE;
    Some(format!("{:.*}", a.decimals as usize, v))
}

/// What a mutation run found: mutations tried, caught on their line, and the ones missed.
#[derive(Default)]
struct Detection {
    total: usize,
    caught: usize,
    missed: Vec<String>,
}

impl Detection {
    fn rate(&self) -> f64 {
        self.caught as f64 / self.total.max(1) as f64
    }

    fn print(&self, what: &str) {
        println!(
            "mutation detection ({what}): {}/{} = {:.1}%",
            self.caught,
            self.total,
            self.rate() * 100.0
        );
        for m in &self.missed {
            println!("  missed {m}");
        }
    }
}

/// Adds 1 (in the table's own unit) to every money cell of the chosen tables, one at a time
/// (every `stride`-th), and counts the mutations that raise a new error on their line.
fn mutate(
    docs: &[(String, String)],
    chosen: impl Fn(&yusuan_core::Table) -> bool,
    stride: usize,
) -> Detection {
    let mut seen = 0usize;
    let mut d = Detection::default();
    for (name, text) in docs {
        let base = errors(text);
        let doc = yusuan_core::parse_bytes(text.as_bytes()).unwrap();
        let lines: Vec<&str> = text.split('\n').collect();
        for unit in &doc.units {
            for t in unit.tables.iter().filter(|t| chosen(t)) {
                for r in &t.rows {
                    for c in &r.cells {
                        let money = t.columns.get(c.col).is_some_and(|col| col.role.is_money());
                        let Some(new) = c.amount.and(plus_one(&c.text)).filter(|_| money) else {
                            continue;
                        };
                        let mut cells: Vec<String> =
                            lines[c.line - 1].split('\t').map(str::to_owned).collect();
                        if cells.get(c.raw).map(|x| x.trim()) != Some(c.text.as_str()) {
                            continue;
                        }
                        seen += 1;
                        if !seen.is_multiple_of(stride) {
                            continue;
                        }
                        cells[c.raw] = new.clone();
                        let mut mutated: Vec<String> =
                            lines.iter().map(|l| l.to_string()).collect();
                        mutated[c.line - 1] = cells.join("\t");
                        d.total += 1;
                        let after = errors(&mutated.join("\n"));
                        if after
                            .iter()
                            .any(|e| !base.contains(e) && e.2.contains(&c.line))
                        {
                            d.caught += 1;
                        } else {
                            d.missed
                                .push(format!("{name}:{} {:?} {} → {new}", c.line, t.kind, c.text));
                        }
                    }
                }
            }
        }
    }
    d
}

/// Every cell in release builds (`make test` runs them so); every 7th in quick debug runs.
fn stride() -> usize {
    if cfg!(debug_assertions) {
        7
    } else {
        1
    }
}

#[test]
fn adding_one_to_any_standard_amount_raises_a_new_error_on_its_line() {
    let d = mutate(&fixtures(), |t| standard(t.kind), stride());
    d.print("seeds");
    assert!(d.total * stride() > 1500, "too few mutations: {}", d.total);
    assert!(
        d.rate() >= 0.97,
        "detection rate {:.1}% below 97%; missed:\n{}",
        d.rate() * 100.0,
        d.missed.join("\n")
    );
}

#[test]
fn adding_one_to_any_amount_of_a_corpus_table_raises_a_new_error_on_its_line() {
    let d = mutate(
        &common::corpus(),
        |t| t.understood() && !t.empty && t.kind != TableKind::Other,
        stride(),
    );
    d.print("corpus");
    assert!(d.total * stride() > 1500, "too few mutations: {}", d.total);
    assert!(
        d.rate() >= 0.97,
        "detection rate {:.1}% below 97%; missed:\n{}",
        d.rate() * 100.0,
        d.missed.join("\n")
    );
}

/// The final accounts (决算) on their own: every figure of their nine tables, one at a time.
#[test]
fn adding_one_to_any_amount_of_the_final_accounts_tables_raises_a_new_error_on_its_line() {
    let finals: Vec<(String, String)> = common::corpus()
        .into_iter()
        .filter(|(_, text)| {
            yusuan_core::parse_bytes(text.as_bytes()).is_ok_and(|d| {
                d.units
                    .iter()
                    .any(|u| u.kind == yusuan_core::DisclosureKind::FinalAccounts)
            })
        })
        .collect();
    assert!(!finals.is_empty(), "the corpus holds a 决算");
    let d = mutate(
        &finals,
        |t| t.understood() && !t.empty && t.kind.is_final(),
        1,
    );
    d.print("final accounts");
    assert!(d.total > 150, "too few mutations: {}", d.total);
    assert!(
        d.rate() >= 0.97,
        "detection rate {:.1}% below 97%; missed:\n{}",
        d.rate() * 100.0,
        d.missed.join("\n")
    );
}
