//! `cargo bench -p yusuan-core --bench check`: how fast the checker is, native.
//!
//! - `seed/NNN`: one seed, decode → parse → every rule on every unit;
//! - `concat/x10`, `concat/x100`: all five seeds concatenated 10 and 100 times (throughput);
//! - `edit/1MB`: re-check of a 1 MB input after a one-character edit (the page re-checks the
//!   whole text, so this is the latency a user typing into a large paste sees).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy()[..3].to_owned();
            (name, std::fs::read(&p).expect("seed"))
        })
        .collect();
    out.sort();
    out
}

fn check(bytes: &[u8]) -> usize {
    let report = yusuan_core::check_bytes("bench", bytes);
    report.findings().count()
}

fn per_seed(c: &mut Criterion) {
    let mut g = c.benchmark_group("seed");
    for (name, bytes) in seeds() {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(&name), &bytes, |b, bytes| {
            b.iter(|| check(black_box(bytes)))
        });
    }
    g.finish();
}

fn concatenated(times: usize) -> Vec<u8> {
    let one: Vec<u8> = seeds()
        .into_iter()
        .flat_map(|(_, mut b)| {
            b.push(b'\n');
            b
        })
        .collect();
    one.repeat(times)
}

fn large(c: &mut Criterion) {
    let mut g = c.benchmark_group("concat");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    for times in [10, 100] {
        let bytes = concatenated(times);
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(
            BenchmarkId::from_parameter(format!("x{times}")),
            &bytes,
            |b, bytes| b.iter(|| check(black_box(bytes))),
        );
    }
    g.finish();
}

fn edit(c: &mut Criterion) {
    let mut text = String::from_utf8(concatenated(4)).expect("seeds are UTF-8");
    text.truncate(text.floor_char_boundary(1 << 20));
    // The one-character edit: the first digit past the middle becomes another digit.
    let mid = text.floor_char_boundary(text.len() / 2);
    let at = text[mid..]
        .find(|c: char| c.is_ascii_digit())
        .map(|i| i + mid)
        .expect("a digit");
    let edited = format!(
        "{}{}{}",
        &text[..at],
        if &text[at..at + 1] == "7" { "8" } else { "7" },
        &text[at + 1..]
    );
    let mut g = c.benchmark_group("edit");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(edited.len() as u64));
    g.bench_function("1MB", |b| b.iter(|| check(black_box(edited.as_bytes()))));
    g.finish();
}

criterion_group!(benches, per_seed, large, edit);
criterion_main!(benches);
