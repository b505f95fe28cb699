//! Pasted text is untrusted: whatever comes in, the core returns an error or a model — it never
//! panics — and everything it reports points at lines that exist.

mod common;

use proptest::prelude::*;
use yusuan_core::{parse_bytes, DecodeError, Document};

fn fixtures() -> Vec<Vec<u8>> {
    common::seeds().into_iter().map(|(_, b)| b).collect()
}

/// Every line number the model reports lies inside the document.
fn assert_in_bounds(doc: &Document) {
    let n = doc.lines.len();
    for u in &doc.units {
        assert!(
            1 <= u.lines.0 && u.lines.0 <= u.lines.1.max(1) && u.lines.1 <= n.max(1),
            "unit {:?} of {n}",
            u.lines
        );
        for t in &u.tables {
            assert!(
                t.lines.0 >= 1 && t.lines.1 <= n && t.lines.0 <= t.lines.1,
                "table {:?} of {n}",
                t.lines
            );
            for r in &t.rows {
                assert!(r.lines().all(|l| l >= 1 && l <= n));
                assert!(r.cells.iter().all(|c| c.line >= 1 && c.line <= n));
            }
        }
        for f in &u.facts {
            assert!(f.line >= 1 && f.line <= n, "fact at {} of {n}", f.line);
            assert!(f.col < doc.line(f.line).chars().count());
        }
    }
}

fn check(bytes: &[u8]) {
    match parse_bytes(bytes) {
        Ok(doc) => assert_in_bounds(&doc),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        check(&bytes);
    }

    #[test]
    fn arbitrary_text(text in "[\\t\\n 0-9.,合计一二三、（）()万元%其中：:年预算收入支出基本项目-]{0,2000}") {
        check(text.as_bytes());
    }

    #[test]
    fn truncated_seeds(seed in 0usize..5, cut in 0.0f64..1.0) {
        let f = &fixtures()[seed];
        let at = (f.len() as f64 * cut) as usize;
        // Cutting inside a UTF-8 sequence must be survivable too.
        check(&f[..at]);
    }

    #[test]
    fn shuffled_seed_lines(seed in 0usize..5, perm in proptest::collection::vec(any::<usize>(), 1..400)) {
        let text = String::from_utf8(fixtures()[seed].clone()).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        for (i, &p) in perm.iter().enumerate() {
            let a = i % lines.len();
            let b = p % lines.len();
            lines.swap(a, b);
        }
        check(lines.join("\n").as_bytes());
    }

    #[test]
    fn seeds_with_cells_mangled(seed in 0usize..5, edits in proptest::collection::vec((any::<usize>(), 0u8..5), 1..200)) {
        let text = String::from_utf8(fixtures()[seed].clone()).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        for (at, op) in edits {
            let i = at % lines.len();
            match op {
                0 => lines[i].push('\t'),
                1 => lines[i] = lines[i].replace('\t', ""),
                2 => lines[i].insert_str(0, "\t\t"),
                3 => lines[i] = lines[i].replace('.', ""),
                _ => lines.insert(i, "合计\t1.00\t2.00".into()),
            }
        }
        check(lines.join("\n").as_bytes());
    }
}

/// Found by the long property run: a wrapped table title whose first half the previous table
/// had claimed made two blocks overlap (seed 004, lines shuffled).
#[test]
fn regression_overlapping_wrapped_title() {
    let perm: [u64; 88] = [
        0,
        57,
        1478404542970399,
        554536879372730,
        0,
        497445427235015396,
        0,
        4603872963388189823,
        0,
        10761507340483119,
        0,
        8761627621292306,
        49907007287,
        0,
        488902031,
        0,
        6190295,
        17350786939,
        1852524410228819867,
        0,
        262412,
        527,
        0,
        0,
        1937310395,
        4627853237,
        0,
        125006360525,
        1541696307828951749,
        0,
        0,
        0,
        0,
        452741444084,
        339849268536746,
        62414689916,
        15498289853,
        0,
        0,
        0,
        18398754056190788,
        0,
        0,
        0,
        15603348979617809,
        89908824,
        2611267794963731,
        2689277432108,
        8020838,
        0,
        56882,
        0,
        0,
        1853,
        5035571521523069,
        0,
        5871752429788433262,
        542997349048802,
        0,
        3161721984764276,
        8836584733949408,
        602303949598085,
        287824611412051877,
        4505,
        5212004783135,
        0,
        2676532261459078757,
        3170,
        0,
        0,
        120510886718372,
        0,
        4194397612763,
        1479576206286030191,
        234212536136,
        0,
        2673840094131343430,
        0,
        2873759578459368281,
        3837079656212542052,
        83498561855924,
        91790864661074,
        36569877936443,
        0,
        13869398814122,
        0,
        133595027,
        4721146194798417446,
    ];
    let text = String::from_utf8(fixtures()[4].clone()).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    for (i, &p) in perm.iter().enumerate() {
        let n = lines.len();
        lines.swap(i % n, (p % n as u64) as usize);
    }
    check(lines.join("\n").as_bytes());
}

#[test]
fn empty_and_binary_input_get_a_clear_error() {
    assert_eq!(parse_bytes(b"").unwrap_err(), DecodeError::Empty);
    assert_eq!(parse_bytes(b" \n\t\n").unwrap_err(), DecodeError::Empty);
    let png = [
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
    ];
    assert_eq!(parse_bytes(&png).unwrap_err(), DecodeError::Binary);
    assert!(parse_bytes(&png)
        .unwrap_err()
        .to_string()
        .contains("二进制"));
}

/// Without the PDF reader (the page's main module): a PDF is named as such.
#[cfg(not(feature = "pdf"))]
#[test]
fn a_pdf_or_an_office_file_is_named_with_what_to_do() {
    // The corpus PDFs as published.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/");
    let pdfs: Vec<_> = std::fs::read_dir(dir)
        .expect("../shared/corpus")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    assert!(pdfs.len() >= 8);
    for p in pdfs {
        let err = parse_bytes(&std::fs::read(&p).unwrap()).unwrap_err();
        assert_eq!(err, DecodeError::Pdf, "{}", p.display());
        assert!(err.to_string().contains("复制文字"), "{err}");
    }
}

#[test]
fn an_office_file_is_named_with_what_to_do() {
    // A .docx/.xlsx is a ZIP container.
    let mut zip = b"PK\x03\x04".to_vec();
    zip.extend([0u8; 40]);
    assert_eq!(parse_bytes(&zip).unwrap_err(), DecodeError::Office);
}

#[test]
fn prose_without_tables_is_a_model_with_no_units() {
    let doc = parse_bytes("这是一段没有表格的文字。\n收入合计 100 万元。".as_bytes()).unwrap();
    assert!(doc.units.is_empty());
}

#[test]
fn line_endings_and_bom_do_not_change_the_model() {
    for f in fixtures() {
        let lf = parse_bytes(&f).unwrap();
        let crlf_text = String::from_utf8(f.clone()).unwrap().replace('\n', "\r\n");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(crlf_text.as_bytes());
        let crlf = parse_bytes(&bom).unwrap();
        let inv = |d: &Document| -> Vec<_> {
            d.units
                .iter()
                .flat_map(|u| {
                    u.tables
                        .iter()
                        .map(|t| (t.kind, t.lines, t.rows.clone(), t.empty))
                })
                .collect()
        };
        assert_eq!(inv(&lf), inv(&crlf));
        let facts =
            |d: &Document| -> Vec<_> { d.units.iter().flat_map(|u| u.facts.clone()).collect() };
        assert_eq!(facts(&lf), facts(&crlf));
    }
}

#[test]
fn gbk_encoded_seed_reads_like_utf8() {
    let utf8 = &fixtures()[0];
    let text = String::from_utf8(utf8.clone()).unwrap();
    let (gbk, _, lossy) = encoding_rs::GB18030.encode(&text);
    assert!(!lossy);
    let a = parse_bytes(utf8).unwrap();
    let b = parse_bytes(&gbk).unwrap();
    assert_eq!(b.encoding, yusuan_core::Encoding::Gb18030);
    assert_eq!(a.units.len(), b.units.len());
    assert_eq!(a.units[0].tables.len(), b.units[0].tables.len());
    assert_eq!(a.units[0].facts, b.units[0].facts);
}

#[test]
fn a_text_aligned_with_spaces_is_told_why_no_table_was_found() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/");
    let mut seen = 0;
    for e in std::fs::read_dir(dir)
        .expect("../shared/corpus")
        .filter_map(Result::ok)
    {
        let p = e.path();
        let name = p.to_string_lossy().into_owned();
        if !name.ends_with(".txt") {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        let report = yusuan_core::check_bytes(&name, text.as_bytes());
        assert!(report.note.is_none(), "{name}");
        if name.ends_with(".layout.txt") {
            // pdftotext -layout exports are read by their alignment; copied without the tables'
            // titles, nothing is recognised and the report says why.
            seen += 1;
            assert_eq!(report.units.len(), 1, "{name}");
            let untitled: Vec<&str> = text.lines().filter(|l| !l.contains("表")).collect();
            let report = yusuan_core::check_bytes(&name, untitled.join("\n").as_bytes());
            assert!(report.units.is_empty(), "{name}");
            assert!(
                report
                    .note
                    .as_deref()
                    .is_some_and(|n| n.contains("空格对齐")),
                "{name}"
            );
        }
    }
    assert_eq!(seen, 8);
}
