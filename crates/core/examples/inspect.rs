//! Developer aid: `cargo run -p yusuan-core --example inspect -- FILE [--cols]` prints what the
//! parser rebuilt — units, tables, column roles, repairs, and rows whose identities fail.

use rust_decimal::Decimal;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: inspect FILE [--cols]");
        std::process::exit(2);
    };
    let show_cols = args.iter().any(|a| a == "--cols");
    let bytes = std::fs::read(path).expect("read file");
    let doc = yusuan_core::parse_bytes(&bytes).expect("decode");
    for u in &doc.units {
        println!(
            "UNIT code={:?} name={:?} year={:?} template={:?} lines={:?} facts={}",
            u.code,
            u.name,
            u.year,
            u.template,
            u.lines,
            u.facts.len()
        );
        if std::env::var_os("FACTS").is_some() {
            for f in &u.facts {
                println!(
                    "  FACT {:>4}:{:<3} {:?} {:?} {} {:?} {:?} of={:?} | {}",
                    f.line,
                    f.col,
                    f.subject,
                    f.measure,
                    f.value.map_or("-".into(), |a| a.printed()),
                    f.unit,
                    f.direction,
                    f.of,
                    f.text
                );
            }
        }
        for t in &u.tables {
            println!(
                "  {:<28} {:?} rows={} empty={} kv={} notes={} title={}",
                t.kind.name(),
                t.lines,
                t.rows.len(),
                t.empty,
                t.key_value,
                t.notes.len(),
                t.title
            );
            if std::env::var_os("ROWS").is_some() {
                println!("      header {:?}", t.header_lines);
                println!(
                    "      rows {:?}",
                    t.rows.iter().map(|r| r.line).collect::<Vec<_>>()
                );
            }
            if std::env::var_os("CELLS").is_some() {
                for r in &t.rows {
                    let cells: Vec<String> = r
                        .cells
                        .iter()
                        .map(|c| format!("{}={}", c.col, c.text))
                        .collect();
                    println!("      {:>5} {}", r.line, cells.join(" | "));
                }
            }
            for r in &t.repairs {
                println!("      REPAIR {:?} {}", r.lines, r.what);
            }
            if show_cols {
                for c in &t.columns {
                    println!(
                        "      col {:>2} {:?}/{:?} {}",
                        c.index,
                        c.scope,
                        c.role,
                        c.label()
                    );
                }
            }
            for id in t.identities() {
                for row in &t.rows {
                    let total = row.amount(id.total);
                    let parts: Vec<_> = id.parts.iter().map(|&p| row.amount(p)).collect();
                    if total.is_none() && parts.iter().all(Option::is_none) {
                        continue;
                    }
                    let sum: Decimal = parts.iter().flatten().map(|a| a.value).sum();
                    let t0 = total.map_or(Decimal::ZERO, |a| a.value);
                    if (t0 - sum).abs() > Decimal::new(5, 3) * Decimal::from(parts.len() as u32 + 1)
                    {
                        println!(
                            "      FAIL line {} col {} = {} vs Σ{:?} = {}",
                            row.line, id.total, t0, id.parts, sum
                        );
                    }
                }
            }
        }
    }
}
