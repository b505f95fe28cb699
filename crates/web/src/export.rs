//! Exports: the CLI's JSON report, a CSV of findings, and downloading them — all in the browser.

use crate::run::UnitEntry;
use wasm_bindgen::{JsCast, JsValue};
use yusuan_core::report::{FileReport, Report};

/// The report as a plain JavaScript object (the CLI's JSON schema).
pub fn to_js(report: &FileReport) -> JsValue {
    let full = Report {
        files: vec![report.clone()],
    };
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&full, &serializer).unwrap_or(JsValue::NULL)
}

/// A report object as indented JSON text.
pub fn to_json(report: &JsValue) -> String {
    js_sys::JSON::stringify_with_replacer_and_space(report, &JsValue::NULL, &JsValue::from(2))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// One line per finding: unit, rule, severity, lines, expected, actual, message.
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
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// `window.yusuan.check(text)`: lets other pages embed the checker.
pub fn install_js_api() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let check = wasm_bindgen::closure::Closure::<dyn Fn(String) -> JsValue>::new(|text: String| {
        to_js(&yusuan_core::check_bytes("text", text.as_bytes()))
    });
    let api = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &api,
        &JsValue::from_str("check"),
        check.as_ref().unchecked_ref(),
    );
    let _ = js_sys::Reflect::set(
        &api,
        &JsValue::from_str("version"),
        &JsValue::from_str(env!("CARGO_PKG_VERSION")),
    );
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str("yusuan"), &api);
    // The API lives as long as the page.
    check.forget();
}
