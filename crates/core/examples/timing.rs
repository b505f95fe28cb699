//! Developer aid: `cargo run --release -p yusuan-core --example timing` — parse and rule time
//! per seed (median of 50 runs). The benchmarks proper live in `benches/` (issue 5).

use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for p in paths {
        let bytes = std::fs::read(&p).unwrap();
        let (mut parse, mut rules) = (Vec::new(), Vec::new());
        for _ in 0..50 {
            let t = Instant::now();
            let doc = yusuan_core::parse_bytes(&bytes).unwrap();
            parse.push(t.elapsed().as_secs_f64() * 1e3);
            let t = Instant::now();
            for u in &doc.units {
                std::hint::black_box(yusuan_core::rules::run(&doc.lines, u));
            }
            rules.push(t.elapsed().as_secs_f64() * 1e3);
        }
        println!(
            "{}: parse {:.2} ms, rules {:.2} ms",
            p.file_name().unwrap().to_string_lossy(),
            median(parse),
            median(rules)
        );
    }
}
