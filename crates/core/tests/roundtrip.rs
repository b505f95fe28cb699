//! Re-serialising what was parsed and parsing it again gives the same model.
//!
//! - The normalised text the model is built on (what the page shows as source lines) parses
//!   to the same units, tables, facts and findings as the original paste, whatever was done to it.
//! - A rebuilt table written back out on its own — its title, header and rows, nothing around
//!   it — parses to the same table: a reviewer who pastes one table gets the same reading.

mod common;

use proptest::prelude::*;
use yusuan_core::{parse_text, Document, Encoding, Table};

fn model(doc: &Document) -> serde_json::Value {
    serde_json::to_value(&doc.units).expect("units serialise")
}

fn reparse_normalised(bytes: &[u8]) {
    let Ok(first) = yusuan_core::parse_bytes(bytes) else {
        return;
    };
    let again = parse_text(&first.lines.join("\n"), Encoding::Utf8);
    assert_eq!(
        again.lines, first.lines,
        "normalising twice changes nothing"
    );
    assert_eq!(model(&again), model(&first));
    assert_eq!(
        yusuan_core::check::check_document("x", &again).units,
        yusuan_core::check::check_document("x", &first).units
    );
}

#[test]
fn every_seed_reparses_from_its_normalised_text() {
    for (_, bytes) in common::seeds() {
        reparse_normalised(&bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn mangled_seeds_reparse_from_their_normalised_text(
        seed in 0usize..5,
        edits in proptest::collection::vec((any::<usize>(), 0u8..6), 1..60),
    ) {
        let (_, bytes) = &common::seeds()[seed];
        let text = String::from_utf8(bytes.clone()).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        for (at, op) in edits {
            let i = at % lines.len();
            match op {
                0 => lines[i].push('\t'),
                1 => lines[i] = lines[i].replace('\t', "  "),
                2 => lines[i] = lines[i].replace('.', "．"),
                3 => lines[i].insert(0, '\u{3000}'),
                4 => lines[i] = format!("{}\r", lines[i]),
                _ => { lines.remove(i); }
            }
        }
        reparse_normalised(lines.join("\n").as_bytes());
    }
}

/// A table written out alone: the source lines from its title to its last row.
fn written_alone(doc: &Document, t: &Table) -> String {
    (t.title_line..=t.lines.1)
        .map(|n| doc.line(n))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The table's reading, with its line numbers made relative to its title.
fn reading(t: &Table) -> serde_json::Value {
    let mut v = serde_json::to_value(t).expect("table serialises");
    shift_lines(&mut v, t.title_line - 1);
    v
}

fn shift_lines(v: &mut serde_json::Value, by: usize) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match (key.as_str(), &mut *value) {
                    // A repair's note cites its lines (`第622–631行`): compare it without them.
                    ("what", Value::String(text)) => {
                        *value = Value::from(
                            text.chars()
                                .filter(|c| !c.is_ascii_digit())
                                .collect::<String>(),
                        )
                    }
                    ("line" | "title_line", Value::Number(n)) => {
                        *value = Value::from(n.as_u64().unwrap_or(0) as usize - by)
                    }
                    ("lines" | "continued" | "header_lines", Value::Array(items)) => {
                        for x in items.iter_mut() {
                            if let Some(n) = x.as_u64() {
                                *x = Value::from(n as usize - by);
                            }
                        }
                    }
                    _ => shift_lines(value, by),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|x| shift_lines(x, by)),
        _ => {}
    }
}

/// Where two readings first differ, for the failure message.
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, at: String) -> String {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => x
            .iter()
            .find(|(k, v)| y.get(*k) != Some(*v))
            .map(|(k, v)| {
                first_difference(v, y.get(k).unwrap_or(&Value::Null), format!("{at}.{k}"))
            })
            .unwrap_or(at),
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .position(|(p, q)| p != q)
            .map(|i| first_difference(&x[i], &y[i], format!("{at}[{i}]")))
            .unwrap_or(at),
        _ => format!("{at}: alone {a} / in the document {b}"),
    }
}

#[test]
fn every_table_written_alone_reads_the_same() {
    let (mut checked, mut borrowed) = (0, 0);
    for (name, bytes) in common::seeds() {
        let doc = yusuan_core::parse_bytes(&bytes).expect("seeds decode");
        for unit in &doc.units {
            for t in &unit.tables {
                let alone = parse_text(&written_alone(&doc, t), Encoding::Utf8);
                let tables: Vec<&Table> = alone.units.iter().flat_map(|u| &u.tables).collect();
                assert_eq!(
                    tables.len(),
                    1,
                    "{name} {}: {} tables",
                    t.title,
                    tables.len()
                );
                let mut expected = reading(t);
                let mut got = reading(tables[0]);
                // What the preamble does not state, the document around the table supplied.
                for v in [&mut expected, &mut got] {
                    v["meta"]["year"] = serde_json::Value::Null;
                }
                if borrowed_header(t) {
                    // Read with a same-layout sibling's header (as its repair note says): alone,
                    // it has only its own. The rows and their figures must still be the same.
                    assert_eq!(tables[0].kind, t.kind);
                    assert_eq!(row_figures(tables[0]), row_figures(t), "{name} {}", t.title);
                    borrowed += 1;
                } else {
                    assert!(
                        got == expected,
                        "{name} {}: {}",
                        t.title,
                        first_difference(&got, &expected, String::new())
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 90, "{checked} tables");
    assert!(
        borrowed <= 2,
        "{borrowed} tables read with a sibling's header"
    );
}

fn borrowed_header(t: &Table) -> bool {
    t.repairs
        .iter()
        .any(|r| r.what.contains("采用同类表的表头"))
}

/// Each row's first line (relative to the title) and its figures, in order.
fn row_figures(t: &Table) -> Vec<(usize, Vec<String>)> {
    t.rows
        .iter()
        .map(|r| {
            let figures = r
                .cells
                .iter()
                .filter_map(|c| c.amount.map(|a| a.value.to_string()))
                .collect();
            (r.line - t.title_line, figures)
        })
        .collect()
}
