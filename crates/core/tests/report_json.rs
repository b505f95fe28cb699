//! The JSON report and the rebuilt tables read back into the same values: the page's worker
//! sends them across as JSON, and other programs can load the CLI's output.

mod common;

use yusuan_core::{FileReport, Table};

#[test]
fn every_seed_report_reads_back_equal() {
    for (name, bytes) in common::seeds() {
        let doc = yusuan_core::parse_bytes(&bytes).expect("seeds decode");
        let report = yusuan_core::check::check_document(&name, &doc);
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
fn outcomes_read_back_with_their_rule_codes() {
    use yusuan_core::rules::{Outcome, Status, REGISTRY};
    for rule in REGISTRY {
        let code = rule.doc().code;
        let json = format!(r#"{{"rule":"{code}","status":"not_applicable","reason":"无"}}"#);
        let back: Outcome = serde_json::from_str(&json).expect("an outcome");
        assert_eq!(back.rule, code);
        assert_eq!(back.status, Status::NotApplicable("无".into()));
    }
}
