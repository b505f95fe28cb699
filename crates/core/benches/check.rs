//! `cargo bench -p yusuan-core --bench check`: how fast the checker is, native.
//!
//! - `seed/NNN`: one seed, decode → parse → every rule on every unit;
//! - `concat/x10`, `concat/x100`: all five seeds concatenated 10 and 100 times (throughput);
//! - `edit/1MB`: a full check of a 1 MB input after a one-character edit;
//! - `recheck/1MB`: the same edit through a [`Session`] that checked the text before it: only the
//!   edited unit is checked again (what the page does while the user types);
//! - `rows/N`: one generated 支出总表 of N coded rows whose levels do not add up (every check
//!   fires), to show each stage grows linearly with the table.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;
use yusuan_core::check::Session;
use yusuan_core::Encoding;

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

/// About 1 MB of seeds, and the same text with one digit past the middle changed.
fn one_megabyte_edited() -> (String, String) {
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
    (text, edited)
}

fn edit(c: &mut Criterion) {
    let (_, edited) = one_megabyte_edited();
    let mut g = c.benchmark_group("edit");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(edited.len() as u64));
    g.bench_function("1MB", |b| b.iter(|| check(black_box(edited.as_bytes()))));
    g.finish();
}

fn recheck(c: &mut Criterion) {
    let (text, edited) = one_megabyte_edited();
    let mut warm = Session::new();
    warm.check_text(&text, Encoding::Utf8, |_| {});
    let mut g = c.benchmark_group("recheck");
    g.throughput(Throughput::Bytes(edited.len() as u64));
    g.bench_function("1MB", |b| {
        b.iter_batched(
            || warm.clone(),
            |mut session| {
                let mut fresh = 0;
                session.check_text(black_box(&edited), Encoding::Utf8, |e| {
                    if let yusuan_core::check::Event::Unit { reused: false, .. } = e {
                        fresh += 1;
                    }
                });
                assert_eq!(fresh, 1, "one edited unit is checked again");
                session
            },
            criterion::BatchSize::SmallInput,
        )
    });
    g.finish();
}

/// A 支出总表 of `rows` coded rows (classes, sections, items) whose levels do not add up.
fn generated_table(rows: usize) -> String {
    let mut out = String::from(
        "部门预算支出总表\n417 某某局\n预算年度：2024\n单位：万元\n\
         序号\t功能分类科目\t\t合计\t基本支出\t项目支出\n\t科目编码\t科目名称\t\t\t\n\
         栏次\t1\t2\t3\t4\t5\n1\t\t合计\t1.00\t1.00\t\n",
    );
    let mut n = 0;
    'classes: for class in 201.. {
        for section in 0..100 {
            for item in 0..100 {
                if n == rows {
                    break 'classes;
                }
                let code = match (section, item) {
                    (0, 0) => format!("{class}"),
                    (_, 0) => format!("{class}{section:02}"),
                    (0, _) => continue,
                    _ => format!("{class}{section:02}{item:02}"),
                };
                let v = n % 97 + 1;
                out.push_str(&format!(
                    "{}\t{code}\t科目{code}\t{v}.00\t{v}.00\t\n",
                    n + 2
                ));
                n += 1;
            }
        }
    }
    out
}

fn rows(c: &mut Criterion) {
    let mut g = c.benchmark_group("rows");
    g.sample_size(10);
    for n in [2_500, 5_000, 10_000, 20_000] {
        let bytes = generated_table(n).into_bytes();
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &bytes, |b, bytes| {
            b.iter(|| check(black_box(bytes)))
        });
    }
    g.finish();
}

criterion_group!(benches, per_seed, large, edit, recheck, rows);
criterion_main!(benches);
