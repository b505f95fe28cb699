//! Any bytes, as a dropped file: decode → lines → tables → rules → report → JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match yusuan_core::parse_bytes(data) {
        Ok(doc) => {
            let report = yusuan_core::check::check_document("fuzz", &doc);
            // The page shows each cited line: it must exist.
            let last = doc.lines.len();
            for f in report.findings() {
                for &n in f.lines.iter().chain(f.cells.iter().map(|c| &c.line)) {
                    assert!((1..=last).contains(&n), "{} cites line {n} of {last}", f.rule);
                }
            }
            serde_json::to_string(&report).expect("report serialises");
        }
        Err(e) => assert!(!e.to_string().is_empty(), "an unusable input gets a message"),
    }
});
