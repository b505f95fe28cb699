//! Developer aid: `cargo run -p yusuan-core --example lines -- FILE [FROM TO]` prints the source
//! lines the parser reads (tabs shown as `|`): what space-aligned columns were inferred as.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: lines FILE [FROM TO]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).expect("read file");
    let (text, _) = yusuan_core::decode::decode(&bytes).expect("decode");
    if std::env::var_os("RAW").is_some() {
        // The decoded text itself (a PDF's laid-out text layer), before columns are inferred.
        print!("{text}");
        return;
    }
    let lines = yusuan_core::source_lines(&text);
    let from: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1);
    let to: usize = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(lines.len());
    for (i, l) in lines.iter().enumerate().take(to).skip(from - 1) {
        println!("{:>5} {}", i + 1, l.replace('\t', " | "));
    }
}
