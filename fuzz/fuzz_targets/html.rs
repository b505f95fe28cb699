//! Any text as a saved web page or rich paste: HTML → tab-separated text → check.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let converted = yusuan_core::html::to_text(text);
    let doc = yusuan_core::parse_text(&converted, yusuan_core::Encoding::Utf8);
    let report = yusuan_core::check::check_document("fuzz.html", &doc);
    serde_json::to_string(&report).expect("report serialises");
});
