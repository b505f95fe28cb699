//! A disclosure copied from a web page arrives as HTML tables: rebuilt to the same model as the
//! plain-text copy of the same document.

mod common;

use yusuan_core::Document;

fn fixture(prefix: &str) -> String {
    common::seed_text(prefix)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The seed as a web page: runs of tab lines become <table>s, other lines <p>s, with a
/// colspan where the text has an empty cell after a group label.
fn as_html(text: &str) -> String {
    let mut out = String::from(
        "<html><head><meta charset=\"utf-8\"><script>document.title='x'</script></head><body>\n",
    );
    let mut in_table = false;
    for line in text.split('\n') {
        if line.contains('\t') {
            if !in_table {
                out.push_str("<table border=1>\n");
                in_table = true;
            }
            out.push_str("<tr>");
            for c in line.split('\t') {
                out.push_str(&format!("<td>{}</td>", escape(c)));
            }
            out.push_str("</tr>\n");
        } else {
            if in_table && !line.trim().is_empty() {
                out.push_str("</table>\n");
                in_table = false;
            }
            if !line.trim().is_empty() {
                if in_table {
                    out.push_str("</table>\n");
                    in_table = false;
                }
                out.push_str(&format!("<p>{}</p>\n", escape(line)));
            }
        }
    }
    if in_table {
        out.push_str("</table>\n");
    }
    out.push_str("</body></html>\n");
    out
}

fn inventory(d: &Document) -> Vec<(String, usize, bool)> {
    d.units
        .iter()
        .flat_map(|u| {
            u.tables
                .iter()
                .map(|t| (t.title.clone(), t.rows.len(), t.empty))
        })
        .collect()
}

#[test]
fn html_copy_of_each_seed_rebuilds_the_same_tables_and_findings() {
    for seed in ["000", "001", "002", "003", "004"] {
        let text = fixture(seed);
        let plain = yusuan_core::parse_bytes(text.as_bytes()).unwrap();
        let html = as_html(&text);
        let rich = yusuan_core::parse_bytes(html.as_bytes()).unwrap();
        assert_eq!(inventory(&plain), inventory(&rich), "seed {seed}");
        let rules = |bytes: &[u8]| -> Vec<(String, String)> {
            let r = yusuan_core::check_bytes("x", bytes);
            let mut v: Vec<(String, String)> = r
                .units
                .iter()
                .flat_map(|u| {
                    u.findings
                        .iter()
                        .map(|f| (f.rule.to_string(), f.severity.name().to_owned()))
                })
                .collect();
            v.sort();
            v
        };
        assert_eq!(
            rules(text.as_bytes()),
            rules(html.as_bytes()),
            "seed {seed}"
        );
    }
}

#[test]
fn rowspan_and_colspan_headers_align_with_their_data() {
    let html = r#"<p>部门预算支出总表</p><p>417 某局</p><p>单位：万元</p><table>
<tr><td rowspan=2>序号</td><td colspan=2>功能分类科目</td><td rowspan=2>合计</td><td rowspan=2>基本支出</td><td rowspan=2>项目支出</td></tr>
<tr><td>科目编码</td><td>科目名称</td></tr>
<tr><td>1</td><td></td><td>合计</td><td>10.00</td><td>4.00</td><td>6.00</td></tr>
<tr><td>2</td><td>210</td><td>卫生健康支出</td><td>10.00</td><td>4.00</td><td>6.00</td></tr>
</table>"#;
    let doc = yusuan_core::parse_bytes(html.as_bytes()).unwrap();
    let t = &doc.units[0].tables[0];
    let basic = t
        .column(yusuan_core::Scope::Root, yusuan_core::Role::Basic)
        .unwrap();
    assert_eq!(t.rows[1].code.as_deref(), Some("210"));
    assert_eq!(t.rows[1].amount(basic).unwrap().printed(), "4.00");
}
