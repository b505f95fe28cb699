//! `cargo bench -p yusuan-core --features pdf --bench pdf`: a PDF as published, checked, against
//! poppler's `pdftotext -layout` on the same file (only extracting its text).
//!
//! - `pdf/yusuan/NN`: the PDF's bytes → laid-out text → tables → every rule → report, in-process;
//! - `pdf/pdftotext/NN`: `pdftotext -layout FILE -` run as a process (when it is installed).
//!
//! Then it prints, for each corpus PDF, the ratio of the two (best of five runs each): below 1
//! means the whole check takes less time than pdftotext takes to extract the text.

use criterion::{criterion_group, Criterion};
use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

fn corpus_pdfs() -> Vec<(String, PathBuf)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .expect("../shared/corpus")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy();
            let id = stem.split('_').next().unwrap_or("?").to_owned();
            let part = if stem.ends_with("part1") {
                "a"
            } else if stem.ends_with("part2") {
                "b"
            } else {
                ""
            };
            (format!("{id}{part}"), p)
        })
        .collect();
    out.sort();
    out
}

fn check_pdf(bytes: &[u8]) -> usize {
    yusuan_core::check_bytes("bench.pdf", bytes)
        .findings()
        .count()
}

fn pdftotext(path: &PathBuf) -> Option<usize> {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .ok()?;
    out.status.success().then_some(out.stdout.len())
}

fn benches(c: &mut Criterion) {
    let mut g = c.benchmark_group("pdf");
    g.sample_size(10).measurement_time(Duration::from_secs(3));
    let have_pdftotext = pdftotext(&corpus_pdfs()[0].1).is_some();
    for (id, path) in corpus_pdfs() {
        let bytes = std::fs::read(&path).expect("pdf");
        g.bench_function(format!("yusuan/{id}"), |b| {
            b.iter(|| check_pdf(black_box(&bytes)))
        });
        if have_pdftotext {
            g.bench_function(format!("pdftotext/{id}"), |b| {
                b.iter(|| pdftotext(black_box(&path)))
            });
        }
    }
    g.finish();
}

/// Best of five wall-clock runs.
fn best(mut f: impl FnMut()) -> Duration {
    (0..5)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn ratios() {
    if pdftotext(&corpus_pdfs()[0].1).is_none() {
        println!("pdftotext not installed: no ratio");
        return;
    }
    println!(
        "{:<6} {:>6} {:>12} {:>12} {:>7}",
        "pdf", "pages", "yusuan ms", "pdftotext ms", "ratio"
    );
    let (mut ours, mut theirs) = (Duration::ZERO, Duration::ZERO);
    for (id, path) in corpus_pdfs() {
        let bytes = std::fs::read(&path).expect("pdf");
        let pages = yusuan_core::pdf::to_text(&bytes).map_or(0, |t| t.matches('\u{c}').count() + 1);
        let a = best(|| {
            black_box(check_pdf(&bytes));
        });
        let b = best(|| {
            black_box(pdftotext(&path));
        });
        ours += a;
        theirs += b;
        println!(
            "{id:<6} {pages:>6} {:>12.1} {:>12.1} {:>7.2}",
            a.as_secs_f64() * 1e3,
            b.as_secs_f64() * 1e3,
            a.as_secs_f64() / b.as_secs_f64()
        );
    }
    println!(
        "all    {:>6} {:>12.1} {:>12.1} {:>7.2}  (yusuan: PDF → report; pdftotext -layout: PDF → text)",
        "",
        ours.as_secs_f64() * 1e3,
        theirs.as_secs_f64() * 1e3,
        ours.as_secs_f64() / theirs.as_secs_f64()
    );
}

criterion_group!(pdf, benches);

fn main() {
    pdf();
    Criterion::default().configure_from_args().final_summary();
    ratios();
}
