//! Checking off the main thread. The page starts its own wasm module a second time inside a Web
//! Worker (the compiled module is handed over, not fetched again), sends it the text, and gets
//! back one message per step ([`crate::protocol`]): the text read, then each unit checked. The
//! page stays responsive however large the paste, shows progress, and cancels by ending the
//! worker. Where no worker can be started, the same steps run on the main thread.
//!
//! gloo-worker does not fit here: it builds the worker from a separate script fetched by URL,
//! which neither a page opened from disk nor the single-file build can offer.

use crate::protocol::{answer, from_js, preserve, to_js, ToWorker};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use yusuan_core::check::Session;

/// In a worker: answer every request with the steps of its check, from one session that keeps
/// the units of the last text (so an edit re-checks only its unit). Returns false on the page.
pub fn serve_if_worker() -> bool {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return false;
    };
    let reply = scope.clone();
    let session = RefCell::new(Session::new());
    let listener = gloo_events::EventListener::new(&scope, "message", move |ev| {
        let Some(request) = ev
            .dyn_ref::<web_sys::MessageEvent>()
            .and_then(|m| from_js::<ToWorker>(m.data()))
        else {
            return;
        };
        let Ok(mut session) = session.try_borrow_mut() else {
            return;
        };
        answer(&mut session, request, preserve, |message| {
            let _ = reply.post_message(&to_js(&message));
        });
    });
    // The listener lives as long as the worker.
    listener.forget();
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
pub(crate) fn as_classic_script(glue: &str) -> String {
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
    let blob = gloo_file::Blob::new_with_options(script.as_str(), Some("text/javascript"));
    let url = gloo_file::ObjectUrl::from(blob);
    let worker = web_sys::Worker::new(&url).map_err(|e| format!("worker refused: {e:?}"))?;
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
}
