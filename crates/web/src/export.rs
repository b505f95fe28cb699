//! Exports: the CLI's JSON report, a CSV of findings, and downloading them — all in the browser.

use crate::run::UnitEntry;
use wasm_bindgen::{JsCast, JsValue};
use yusuan_core::report::{FileReport, Report};

/// A value as a plain JavaScript object, shaped as its JSON would be.
pub fn to_js<T: serde::Serialize>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// `target[key] = value`.
pub fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

/// The report of one input as the CLI writes it (`{"files": [report]}`).
pub fn report_to_js(report: &FileReport) -> JsValue {
    to_js(&Report {
        files: vec![report.clone()],
    })
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
        report_to_js(&yusuan_core::check_bytes("text", text.as_bytes()))
    });
    let api: JsValue = js_sys::Object::new().into();
    set(&api, "check", check.as_ref().unchecked_ref());
    set(
        &api,
        "version",
        &JsValue::from_str(env!("CARGO_PKG_VERSION")),
    );
    set(&window, "yusuan", &api);
    // The API lives as long as the page.
    check.forget();
}
