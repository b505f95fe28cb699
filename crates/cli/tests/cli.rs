//! The `yusuan` binary: its JSON contract, stdin, and exit statuses.

use std::io::Write;
use std::process::{Command, Stdio};

fn fixture(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    let name = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with(prefix))
        .unwrap();
    format!("{dir}/{name}")
}

fn yusuan(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_yusuan"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn json_report_keeps_the_contract_fields() {
    let path = fixture("002");
    let (code, out, _) = yusuan(&["check", "--format", "json", &path], None);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let file = &v["files"][0];
    assert_eq!(file["path"], path.as_str());
    assert_eq!(file["encoding"], "utf-8");
    let units = file["units"].as_array().unwrap();
    assert_eq!(units.len(), 2);
    assert_eq!(units[1]["code"], "450003");
    assert_eq!(units[1]["name"], "青龙满族自治县医疗保险基金服务中心");
    assert_eq!(units[1]["year"], 2025);
    let t = &units[1]["tables"][0];
    assert_eq!(t["kind"], "budget_summary");
    assert_eq!(t["title"], "单位预算收支总表");
    assert_eq!(t["lines"], serde_json::json!([619, 672]));
    assert_eq!(t["rows"], 34);
    assert_eq!(t["empty"], false);
    assert!(units[1]["findings"].is_array());
}

#[test]
fn reads_stdin_and_reports_gbk() {
    let text = std::fs::read_to_string(fixture("003")).unwrap();
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    let (code, out, _) = yusuan(&["check", "--format", "json", "-"], Some(&gbk));
    // Seed 003's spending plans never reach 100%: errors, so exit status 1.
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["files"][0]["path"], "-");
    assert_eq!(v["files"][0]["encoding"], "gb18030");
    assert_eq!(v["files"][0]["units"][0]["name"], "巨鹿县医疗保障局");
}

#[test]
fn fail_on_sets_the_exit_status() {
    // Seed 002 has no error, one warning (a paragraph without its full stop) and rounding gaps:
    // 0 by default, 1 at warning, 0 at never.
    let clean = fixture("002");
    assert_eq!(yusuan(&["check", &clean], None).0, 0);
    assert_eq!(
        yusuan(&["check", "--fail-on", "warning", &clean], None).0,
        1
    );
    assert_eq!(yusuan(&["check", "--fail-on", "never", &clean], None).0, 0);
    // Seed 001 has errors and warnings.
    let flawed = fixture("001");
    assert_eq!(yusuan(&["check", &flawed], None).0, 1);
    assert_eq!(yusuan(&["check", "--fail-on", "never", &flawed], None).0, 0);
}

#[test]
fn unusable_input_exits_2_with_a_message() {
    let (code, out, _) = yusuan(&["check", "-"], Some(&[0x89, b'P', b'N', b'G', 0, 0, 0, 0]));
    assert_eq!(code, 2);
    assert!(out.contains("二进制"), "{out}");
    let (code, _, err) = yusuan(&["check", "/nonexistent/file.txt"], None);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = yusuan(&["check", "--format", "xml", "x"], None);
    assert_eq!(code, 2);
    assert!(
        err.contains("invalid value 'xml'")
            && err.contains("[possible values: text, json, checklist-csv, checklist-xlsx]"),
        "{err}"
    );
}

#[test]
fn text_report_names_units_and_tables() {
    let (code, out, _) = yusuan(&["check", &fixture("004")], None);
    assert_eq!(code, 1);
    let split = yusuan_core::rules::cross::BasicVsBasicDetail::DOC.code;
    assert!(out.contains(split), "{out}");
    assert!(
        out.contains("单位 - 温县医疗保障局 · 2024年 · 部门 · 模板：河南（把握：高） · 15 张表"),
        "{out}"
    );
    assert!(out.contains("operating_cost"));
    assert!(out.contains("修正: 第550–560行"));
}

#[test]
fn rules_lists_every_rule_and_shows_one() {
    let (code, out, _) = yusuan(&["rules"], None);
    assert_eq!(code, 0);
    assert!(out.lines().count() >= 30, "{out}");
    let plan = yusuan_core::rules::performance::SpendingPlan::DOC.code;
    assert!(out.contains(plan) && out.contains("资金支出计划"));
    // Codes are matched whatever their case.
    let planned = yusuan_core::rules::text::PlannedAssetsVsProcurement::DOC.code;
    let (code, out, _) = yusuan(&["rules", &planned.to_lowercase()], None);
    assert_eq!(code, 0);
    assert!(out.contains("检查内容") && out.contains("依据") && out.contains("拟购置固定资产"));
    assert_eq!(yusuan(&["rules", "NOPE-1"], None).0, 2);
}

#[test]
fn a_directory_is_checked_file_by_file_with_a_summary_line() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    let (code, out, _) = yusuan(&["check", "--jobs", "2", dir], None);
    // Seeds 000, 001, 003 and 004 hold errors, so the batch fails at the default level.
    assert_eq!(code, 1);
    let last = out.lines().rev().nth(1).unwrap();
    assert!(
        last.starts_with("共 6 个文件（0 个无法检查）· 7 个单位 · 错误 "),
        "{last}"
    );
    // JSON keeps its schema on stdout (one entry per file, in path order); the summary goes to stderr.
    let (code, json, err) = yusuan(&["check", "-f", "json", dir], None);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let paths: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 6);
    assert!(paths.windows(2).all(|w| w[0] < w[1]), "{paths:?}");
    assert!(err.starts_with("共 6 个文件"), "{err}");
    // A single file prints no summary.
    let (_, one, _) = yusuan(&["check", &format!("{dir}/002_ccde78b5c97680c0.txt")], None);
    assert!(!one.contains("个文件"));
}

#[test]
fn help_version_and_completions_follow_convention() {
    let (code, out, _) = yusuan(&["--help"], None);
    assert_eq!(code, 0);
    assert!(
        out.contains("Usage: yusuan <COMMAND>") && out.contains("completions"),
        "{out}"
    );
    let (code, out, _) = yusuan(&["check", "--help"], None);
    assert_eq!(code, 0);
    assert!(out.contains("--fail-on") && out.contains("--jobs"), "{out}");
    let (code, out, _) = yusuan(&["--version"], None);
    assert_eq!(
        (code, out.trim()),
        (0, concat!("yusuan ", env!("CARGO_PKG_VERSION")))
    );
    let (code, out, _) = yusuan(&["completions", "bash"], None);
    assert_eq!(code, 0);
    assert!(
        out.contains("_yusuan()") && out.contains("--fail-on"),
        "{out}"
    );
    // A usage error: no command, an unknown option.
    assert_eq!(yusuan(&[], None).0, 2);
    assert_eq!(yusuan(&["check", "--nope", "x"], None).0, 2);
}

#[test]
fn a_district_checklist_has_one_row_per_unit() {
    // The eight corpus documents as one district's batch.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
    let (code, csv, err) = yusuan(&["check", "--format", "checklist-csv", dir], None);
    assert_eq!(code, 1, "13 and 19 hold errors");
    let rows: Vec<&str> = csv.trim_end().split('\n').collect();
    assert_eq!(
        rows[0],
        "\u{FEFF}文件,单位编码,单位,年度,类型,模板,及时性,完整性,细化程度,真实性,文字与形式"
    );
    // Eight tab-separated documents, their eight layout exports and their PDFs give a unit
    // each: 16's two PDFs (its prose, then its tables) found to be one disclosure.
    assert_eq!(rows.len(), 1 + 24, "{csv}");
    assert!(
        rows.iter()
            .any(|r| r.contains("_part1.pdf + ") && r.contains("_part2.pdf,")),
        "{csv}"
    );
    let row = rows
        .iter()
        .find(|r| r.contains("江苏省人民检察院"))
        .unwrap();
    assert!(row.contains(",部门预算,江苏,"), "{row}");
    assert!(row.contains("不符合：[错误] TXT-008"), "{row}");
    // The summary line stays off the CSV.
    assert!(err.contains("个单位"), "{err}");
}

#[test]
fn the_checklist_workbook_reads_back_as_the_checklist() {
    use calamine::{Reader, Xlsx};
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
    let out = Command::new(env!("CARGO_BIN_EXE_yusuan"))
        .args(["check", "--format", "checklist-xlsx", dir])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(out.stdout)).unwrap();
    let sheet = book.worksheet_range("检查清单").unwrap();
    let cells: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    // The same rows as the core's checklist of the same files, header first.
    let args = yusuan_cli::CheckArgs {
        format: yusuan_cli::Format::ChecklistCsv,
        fail_on: yusuan_cli::FailOn::Never,
        jobs: Some(1),
        together: false,
        paths: vec![dir.into()],
    };
    let (report, _, _) =
        yusuan_cli::run_check(&args, |p| std::fs::read(p).map_err(|e| e.to_string()));
    let mut expected = vec![yusuan_core::checklist::header()
        .iter()
        .map(|h| h.to_string())
        .collect::<Vec<_>>()];
    expected.extend(yusuan_core::checklist::rows(&report.files));
    assert_eq!(cells, expected);
    assert_eq!(cells.len(), 1 + 24);
}

#[test]
fn a_disclosure_in_two_pdfs_is_checked_as_one() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/");
    let part = |n: u8| format!("{dir}16_js_swbgt_2019_dept_budget_part{n}.pdf");
    let (a, b) = (part(1), part(2));
    // Asked for: the prose and the tables as one unit, its sections found in the prose.
    let (code, out, _) = yusuan(&["check", "--together", "--format", "json", &a, &b], None);
    assert_eq!(code, 0, "{out}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    let unit = &files[0]["units"][0];
    assert_eq!(unit["name"], "中共江苏省委办公厅");
    assert_eq!(unit["tables"].as_array().unwrap().len(), 12);
    let rules: Vec<&str> = unit["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    let parts = yusuan_core::rules::completeness::DocumentParts::DOC.code;
    assert!(!rules.contains(&parts), "{rules:?}");
    // Found without asking: the prose file names the tables' department and year.
    let (_, detected, _) = yusuan(&["check", "--format", "json", &a, &b], None);
    let detected: serde_json::Value = serde_json::from_str(&detected).unwrap();
    assert_eq!(detected["files"], report["files"]);
    // The tables alone lack the prose's sections.
    let (_, alone, _) = yusuan(&["check", "--format", "json", &b], None);
    assert!(alone.contains(parts));
}
