//! The JSON report and the rebuilt tables read back into the same values: the page's worker
//! sends them across as JSON, and other programs can load the CLI's output.

mod common;

use yusuan_core::{FileReport, Table};

#[test]
fn every_seed_report_reads_back_equal() {
    for (name, bytes) in common::seeds() {
        let doc = yusuan_core::parse_bytes(&bytes).expect("seeds decode");
        let report = FileReport::from_document(&name, &doc);
        let json = serde_json::to_string(&report).expect("serialise");
        let back: FileReport = serde_json::from_str(&json).expect("deserialise");
        assert_eq!(back, report, "{name}");
        assert!(
            back.findings().count() > 0,
            "{name}: the round trip covers findings"
        );
        for unit in &doc.units {
            let json = serde_json::to_string(&unit.tables).expect("serialise tables");
            let tables: Vec<Table> = serde_json::from_str(&json).expect("deserialise tables");
            assert_eq!(tables, unit.tables, "{name}");
        }
    }
}

#[test]
fn an_unknown_rule_code_is_refused() {
    let json = r#"{"rule":"XX-999","status":"passed"}"#;
    let err = serde_json::from_str::<yusuan_core::rules::Outcome>(json).unwrap_err();
    assert!(err.to_string().contains("XX-999"), "{err}");
    let ok: yusuan_core::rules::Outcome =
        serde_json::from_str(r#"{"rule":"BAL-001","status":"not_applicable","reason":"无"}"#)
            .expect("known rule");
    assert_eq!(ok.rule, "BAL-001");
}
