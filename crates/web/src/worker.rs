//! Checking off the main thread. The page starts its own wasm module a second time inside a Web
//! Worker (the compiled module is handed over, not fetched again), sends it the text, and gets
//! back one message per step: the text read, then each unit checked with its tables. The page
//! stays responsive however large the paste, shows progress, and cancels by ending the worker.
//! Where no worker can be started, the same steps run on the main thread.

use crate::export::{set, to_js};
use crate::shown::UnitShown;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yusuan_core::report::UnitReport;
use yusuan_core::{Encoding, Table};

/// One step of a check, as the worker reports it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// The text was read and its tables rebuilt: `units` units to check next (none when the text
    /// was unusable, with `error` saying why).
    Read {
        encoding: Option<Encoding>,
        units: usize,
        error: Option<String>,
    },
    /// One unit checked, with its rebuilt tables for display.
    Unit {
        index: usize,
        report: Box<UnitReport>,
        tables: Vec<Table>,
    },
    /// Every unit checked.
    Done,
}

/// Checks `text`, handing each step to `emit` as soon as it is known.
pub fn check_in_steps(text: &str, mut emit: impl FnMut(Step)) {
    match yusuan_core::parse_bytes(text.as_bytes()) {
        Err(e) => emit(Step::Read {
            encoding: None,
            units: 0,
            error: Some(e.to_string()),
        }),
        Ok(doc) => {
            emit(Step::Read {
                encoding: Some(doc.encoding),
                units: doc.units.len(),
                error: None,
            });
            for (index, unit) in doc.units.iter().enumerate() {
                emit(Step::Unit {
                    index,
                    report: Box::new(yusuan_core::check::check_unit(&doc.lines, unit)),
                    tables: unit.tables.clone(),
                });
            }
        }
    }
    emit(Step::Done);
}

/// The first step's content, as it crosses to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadStep {
    pub encoding: Option<Encoding>,
    pub units: usize,
    pub error: Option<String>,
}

/// A step as the page receives it: the unit as shown, and its full report as a JavaScript
/// object (only ever exported, so never read back into Rust).
pub enum Arrived {
    Read(ReadStep),
    Unit {
        index: usize,
        shown: Box<UnitShown>,
        report: JsValue,
    },
    Done,
}

/// A step as a plain JavaScript object, to post across the worker boundary.
pub fn to_message(step: &Step) -> JsValue {
    let (name, message) = match step {
        Step::Read {
            encoding,
            units,
            error,
        } => (
            "read",
            to_js(&ReadStep {
                encoding: *encoding,
                units: *units,
                error: error.clone(),
            }),
        ),
        Step::Unit {
            index,
            report,
            tables,
        } => {
            let message: JsValue = js_sys::Object::new().into();
            set(&message, "index", &JsValue::from(*index as u32));
            set(&message, "shown", &to_js(&UnitShown::new(report, tables)));
            set(&message, "report", &to_js(&**report));
            ("unit", message)
        }
        Step::Done => ("done", js_sys::Object::new().into()),
    };
    set(&message, "step", &JsValue::from_str(name));
    message
}

/// Reads a posted step back; `None` for anything else.
pub fn from_message(message: &JsValue) -> Option<Arrived> {
    let get = |key: &str| js_sys::Reflect::get(message, &JsValue::from_str(key)).ok();
    match get("step")?.as_string()?.as_str() {
        "read" => serde_wasm_bindgen::from_value(message.clone())
            .ok()
            .map(Arrived::Read),
        "unit" => Some(Arrived::Unit {
            index: get("index")?.as_f64()? as usize,
            shown: Box::new(serde_wasm_bindgen::from_value(get("shown")?).ok()?),
            report: get("report")?,
        }),
        "done" => Some(Arrived::Done),
        _ => None,
    }
}

/// A step taken on the page itself (no worker): no round trip through JavaScript for the view.
pub fn arrived_here(step: Step) -> Arrived {
    match step {
        Step::Read {
            encoding,
            units,
            error,
        } => Arrived::Read(ReadStep {
            encoding,
            units,
            error,
        }),
        Step::Unit {
            index,
            report,
            tables,
        } => Arrived::Unit {
            index,
            shown: Box::new(UnitShown::new(&report, &tables)),
            report: to_js(&*report),
        },
        Step::Done => Arrived::Done,
    }
}

/// In a worker: answer every text sent with the steps of its check. Returns false on the page.
pub fn serve_if_worker() -> bool {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return false;
    };
    let reply = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if let Some(text) = ev.data().as_string() {
                check_in_steps(&text, |step| {
                    let _ = reply.post_message(&to_message(&step));
                });
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    true
}

/// Marks where the single-file page's inline script stops being wasm-bindgen's glue code
/// (written by scripts/postbuild.mjs).
pub const GLUE_END: &str = "/*yusuan:glue-end*/";

/// wasm-bindgen's glue code, which the worker needs to start the module: inline in the
/// single-file page, or the script file the hosted page preloads.
async fn glue_source() -> Result<String, String> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let scripts = doc
        .query_selector_all("script[type=module]")
        .map_err(|_| "no scripts")?;
    for i in 0..scripts.length() {
        let text = scripts
            .get(i)
            .and_then(|s| s.text_content())
            .unwrap_or_default();
        if let Some(end) = text.find(GLUE_END) {
            return Ok(text[..end].to_owned());
        }
    }
    let link = doc
        .query_selector("link[rel=modulepreload]")
        .ok()
        .flatten()
        .and_then(|l| l.dyn_into::<web_sys::HtmlLinkElement>().ok())
        .ok_or("no glue script")?;
    let response = wasm_bindgen_futures::JsFuture::from(
        web_sys::window()
            .ok_or("no window")?
            .fetch_with_str(&link.href()),
    )
    .await
    .map_err(|_| "glue script not fetched")?;
    let text = response
        .dyn_into::<web_sys::Response>()
        .map_err(|_| "not a response")?
        .text()
        .map_err(|_| "no text")?;
    wasm_bindgen_futures::JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "glue script unreadable".into())
}

/// The glue as a classic worker script: `export`s dropped, `import.meta.url` (only used to find
/// the wasm file, which the worker never fetches) replaced. A classic worker also starts from
/// a page opened from disk, where a module worker is refused.
fn as_classic_script(glue: &str) -> String {
    let body = match glue.rfind("export {") {
        Some(i) => &glue[..i],
        None => glue,
    };
    let body = body.strip_prefix("export ").unwrap_or(body);
    body.replace("\nexport class ", "\nclass ")
        .replace("\nexport function ", "\nfunction ")
        .replace("import.meta.url", "self.location.href")
}

/// Starts a worker running this page's own module.
pub async fn spawn() -> Result<web_sys::Worker, String> {
    let glue = glue_source().await?;
    let script = format!(
        "{}\nself.onmessage = (e) => {{ self.onmessage = null; initSync({{ module: e.data }}); }};\n",
        as_classic_script(&glue)
    );
    let parts = js_sys::Array::of1(&JsValue::from_str(&script));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "no blob")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "no object URL")?;
    let worker = web_sys::Worker::new(&url).map_err(|e| format!("worker refused: {e:?}"))?;
    let _ = web_sys::Url::revoke_object_url(&url);
    worker
        .post_message(&wasm_bindgen::module())
        .map_err(|_| "module not sent")?;
    Ok(worker)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glue_becomes_a_classic_script() {
        let glue = "export class A {}\nexport class B {}\nfunction initSync(){}\n\
                    let u = new URL('x_bg.wasm', import.meta.url);\n\
                    export { initSync, __wbg_init as default };\n";
        assert_eq!(
            as_classic_script(glue),
            "class A {}\nclass B {}\nfunction initSync(){}\n\
             let u = new URL('x_bg.wasm', self.location.href);\n"
        );
        assert_eq!(as_classic_script("no exports"), "no exports");
    }

    #[test]
    fn steps_of_a_seed_cover_every_unit_in_order() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/002_ccde78b5c97680c0.txt"
        ))
        .expect("fixture");
        let mut steps = Vec::new();
        check_in_steps(&text, |s| steps.push(s));
        assert!(matches!(
            steps[0],
            Step::Read {
                units: 2,
                error: None,
                ..
            }
        ));
        let units: Vec<(usize, Option<String>, usize)> = steps
            .iter()
            .filter_map(|s| match s {
                Step::Unit {
                    index,
                    report,
                    tables,
                } => Some((*index, report.code.clone(), tables.len())),
                _ => None,
            })
            .collect();
        assert_eq!(
            units,
            vec![
                (0, Some("450001".into()), 19),
                (1, Some("450003".into()), 25)
            ]
        );
        assert!(matches!(steps.last(), Some(Step::Done)));
    }

    #[test]
    fn unusable_text_is_one_read_step_with_the_reason() {
        let mut steps = Vec::new();
        check_in_steps("   ", |s| steps.push(s));
        assert!(
            matches!(&steps[0], Step::Read { units: 0, error: Some(e), .. } if e.contains("输入为空"))
        );
        assert!(matches!(steps[1], Step::Done));
    }
}
