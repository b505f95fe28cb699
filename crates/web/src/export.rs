//! Exports: the CLI's JSON report, a CSV of findings, and downloading them — all in the browser.

use crate::run::UnitEntry;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use yusuan_core::checklist::csv_field;
use yusuan_core::report::Report;
use yusuan_protocol::to_js;

/// A report as indented JSON text, serialised from the core's own types (the CLI's schema).
pub fn to_json<U: Serialize>(report: &Report<U>) -> String {
    js_sys::JSON::stringify_with_replacer_and_space(&to_js(report), &JsValue::NULL, &2.into())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// One line per finding: unit, rule, severity, lines, expected, actual, message.
/// The reviewer's checklist: one row per unit, one column per inspection item.
pub fn to_checklist_csv(units: &[UnitEntry], source: &str) -> String {
    yusuan_core::checklist::csv(checklist_rows(units, source))
}

/// The same checklist as an Excel workbook; `None` where the writer failed.
pub fn to_checklist_xlsx(units: &[UnitEntry], source: &str) -> Option<Vec<u8>> {
    yusuan_core::checklist::xlsx::workbook(&checklist_rows(units, source)).ok()
}

/// One checklist row per unit, cells in the checklist's header order.
fn checklist_rows(units: &[UnitEntry], source: &str) -> Vec<Vec<String>> {
    units
        .iter()
        .map(|e| {
            std::iter::once(source.to_owned())
                .chain(e.unit.checklist_unit.iter().cloned())
                .chain(e.unit.checklist.iter().map(|c| c.2.clone()))
                .collect()
        })
        .collect()
}

pub fn to_csv(units: &[UnitEntry]) -> String {
    let mut out = String::from("\u{FEFF}单位,规则,严重程度,行,应为,实为,说明\n");
    for u in units.iter().map(|e| &e.unit) {
        let unit = format!(
            "{} {}",
            u.code.as_deref().unwrap_or(""),
            u.name.as_deref().unwrap_or("")
        )
        .trim()
        .to_owned();
        for f in &u.findings {
            let lines: Vec<String> = f.lines.iter().map(usize::to_string).collect();
            let row = [
                unit.as_str(),
                f.rule.as_str(),
                f.severity.zh(),
                &lines.join(" "),
                f.expected.as_deref().unwrap_or(""),
                f.actual.as_deref().unwrap_or(""),
                f.message.as_str(),
            ];
            out.push_str(
                &row.iter()
                    .map(|x| csv_field(x))
                    .collect::<Vec<_>>()
                    .join(","),
            );
            out.push('\n');
        }
    }
    out
}

/// Saves text as a file through a temporary object URL (nothing leaves the browser).
pub fn download(name: &str, mime: &str, text: &str) {
    save(name, gloo_file::Blob::new_with_options(text, Some(mime)));
}

/// Offers bytes (a workbook) as a file download.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) {
    save(name, gloo_file::Blob::new_with_options(bytes, Some(mime)));
}

fn save(name: &str, blob: gloo_file::Blob) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let url = gloo_file::ObjectUrl::from(blob);
    if let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
}

/// `window.yusuan.check(text)`: lets other pages embed the checker; it returns a promise of
/// the CLI's report (the checker module is started on the page's thread the first time).
pub fn install_js_api() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let check =
        wasm_bindgen::closure::Closure::<dyn Fn(String) -> js_sys::Promise>::new(|text: String| {
            wasm_bindgen_futures::future_to_promise(async move {
                crate::worker::report(text).await.map_err(JsValue::from)
            })
        });
    let api = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&api, &key.into(), value).is_ok();
    let ready = set("check", check.as_ref().unchecked_ref())
        && set("version", &env!("CARGO_PKG_VERSION").into());
    if ready {
        let _ = js_sys::Reflect::set(&window, &"yusuan".into(), &api);
    }
    // The API lives as long as the page.
    check.forget();
}
