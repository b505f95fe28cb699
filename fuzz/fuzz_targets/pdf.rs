//! Any bytes as a PDF: the reader returns text or names the problem, never panics out of
//! `pdf::to_text` (a panic inside the PDF library is caught there and named a damaged file),
//! and the text it gives is checked like any other.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // libFuzzer's hook aborts on any panic; the reader contains the PDF library's own, as in
    // the CLI, so only a panic escaping `to_text` (caught by fuzz_target!) is a crash.
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    match yusuan_core::pdf::to_text(data) {
        Ok(text) => {
            let report = yusuan_core::check::check_text("fuzz.pdf", &text, yusuan_core::Encoding::Pdf);
            serde_json::to_string(&report).expect("report serialises");
        }
        Err(problem) => assert!(!problem.to_string().is_empty()),
    }
});
