//! Developer aid: `cargo run -p yusuan-core --example compare -- A B` prints where two readings
//! of one document (a `.txt` and its `.layout.txt`, or a PDF) rebuild different tables.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [a, b] = &args[..] else {
        eprintln!("usage: compare A B");
        std::process::exit(2);
    };
    let read =
        |p: &str| yusuan_core::parse_bytes(&std::fs::read(p).expect("read")).expect("decode");
    let (da, db) = (read(a), read(b));
    let sa = da.signatures();
    let sb = db.signatures();
    println!("{} tables vs {} tables", sa.len(), sb.len());
    for (i, x) in sa.iter().enumerate() {
        // Tables sharing a title (one form per project) pair up with their equal first.
        let same = |y: &&yusuan_core::model::TableSignature| y.kind == x.kind && y.title == x.title;
        match sb.iter().find(|y| *y == x).or_else(|| sb.iter().find(same)) {
            None => println!("MISSING in B: {} {}", x.kind, x.title),
            Some(y) if y != x => {
                println!(
                    "DIFF {} {} rows {} vs {}, understood {} vs {}",
                    x.kind,
                    x.title,
                    x.rows.len(),
                    y.rows.len(),
                    x.understood,
                    y.understood
                );
                only("A only", &x.rows, &y.rows);
                only("B only", &y.rows, &x.rows);
                only("A only field", &x.fields, &y.fields);
                only("B only field", &y.fields, &x.fields);
            }
            _ => println!("same #{i} {} ({} rows)", x.kind, x.rows.len()),
        }
    }
    for y in &sb {
        if !sa.iter().any(|x| x.kind == y.kind && x.title == y.title) {
            println!("EXTRA in B: {} {}", y.kind, y.title);
        }
    }
}

/// Prints each item of `a` that `b` lacks.
fn only<T: std::fmt::Debug + PartialEq>(what: &str, a: &[T], b: &[T]) {
    for item in a.iter().filter(|item| !b.contains(item)) {
        println!("   {what} {item:?}");
    }
}
