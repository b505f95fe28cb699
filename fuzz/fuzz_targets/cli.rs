//! The CLI's file path: bytes read as a file, checked, and rendered as text and as JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yusuan_cli::{run_check, CheckArgs, FailOn, Format};

fuzz_target!(|data: &[u8]| {
    for format in [Format::Text, Format::Json] {
        let args = CheckArgs {
            format,
            fail_on: FailOn::Never,
            jobs: Some(1),
            together: false,
            paths: vec!["fuzz-input.txt".into()],
        };
        let (report, rendered, _) = run_check(&args, |_| Ok(data.to_vec()));
        assert_eq!(report.files.len(), 1);
        let rendered = String::from_utf8(rendered.expect("text and JSON always render"))
            .expect("text and JSON are UTF-8");
        assert!(rendered.contains("fuzz-input.txt"), "the report names the file");
    }
});
