//! Where the checking runs. The checker is a wasm module of its own (crates/check-web, built
//! into `check/` beside the page by scripts/modules.sh), so the page's first load carries none
//! of the core's parsing and rules: the page shows at once, then fetches and compiles the
//! checker once and starts it in a Web Worker. Where no worker can start, the same module runs
//! on the page's thread ([`on_page`]).
//!
//! Its glue code is a classic script (wasm-bindgen's `no-modules` output) defining the global
//! `yusuanCheck`: a worker made from a blob (the page's CSP allows workers from `blob:` only)
//! runs it as its own first part, from a page opened from disk as well. The single-file page
//! carries the glue as an inline script and the wasm in base64 (scripts/postbuild.mjs).
//!
//! gloo-worker does not fit here: it builds the worker from a separate script fetched by URL,
//! which neither a page opened from disk nor the single-file build can offer.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The checker's files, under the page's `check/` directory.
const GLUE_FILE: &str = "yusuan_check_web.js";
const WASM_FILE: &str = "yusuan_check_web_bg.wasm";
/// The global the glue code defines.
const GLOBAL: &str = "yusuanCheck";
/// The single-file page's inline copies (scripts/postbuild.mjs).
const INLINE_GLUE: &str = "yusuan-check-glue";
const INLINE_WASM: &str = "yusuan-check-wasm";

thread_local! {
    /// The checker compiled once, for every worker started and for the page's own thread.
    static COMPILED: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

fn document() -> Result<web_sys::Document, String> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| "no document".to_owned())
}

/// The text of the single-file page's inline element `id`, if this is that page.
fn inline(id: &str) -> Option<String> {
    document().ok()?.get_element_by_id(id)?.text_content()
}

/// The absolute URL of `path`, relative to the page (the checker's and the PDF reader's files).
pub(crate) fn beside_page(path: &str) -> Result<String, String> {
    let base = document()?.base_uri().ok().flatten().ok_or("no page URL")?;
    web_sys::Url::new_with_base(path, &base)
        .map(|u| u.href())
        .map_err(|_| "bad page URL".to_owned())
}

/// The URL of a file under the page's `check/` directory.
fn url(file: &str) -> Result<String, String> {
    beside_page(&format!("check/{file}"))
}

async fn fetch(file: &str) -> Result<web_sys::Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(&url(file)?))
        .await
        .map_err(|_| format!("{file} not fetched"))?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("{file}: HTTP {}", response.status()));
    }
    Ok(response)
}

/// The glue code, as text.
async fn glue() -> Result<String, String> {
    if let Some(text) = inline(INLINE_GLUE) {
        return Ok(text);
    }
    let text = fetch(GLUE_FILE).await?.text().map_err(|_| "no text")?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "glue unreadable".to_owned())
}

/// The checker's wasm bytes: inline in base64, or fetched.
async fn wasm_bytes() -> Result<js_sys::Uint8Array, String> {
    if let Some(base64) = inline(INLINE_WASM) {
        let window = web_sys::window().ok_or("no window")?;
        let binary = window.atob(base64.trim()).map_err(|_| "bad base64")?;
        let bytes: Vec<u8> = binary.chars().map(|c| c as u8).collect();
        return Ok(js_sys::Uint8Array::from(bytes.as_slice()));
    }
    let buffer = fetch(WASM_FILE)
        .await?
        .array_buffer()
        .map_err(|_| "no body")?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| "body unreadable")?;
    Ok(js_sys::Uint8Array::new(&buffer))
}

/// The compiled checker (a `WebAssembly.Module`), compiled on first use.
async fn compiled() -> Result<JsValue, String> {
    let promise = COMPILED.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| {
                wasm_bindgen_futures::future_to_promise(async {
                    let bytes = wasm_bytes().await.map_err(JsValue::from)?;
                    JsFuture::from(js_sys::WebAssembly::compile(&bytes)).await
                })
            })
            .clone()
    });
    let compiled = JsFuture::from(promise).await;
    if compiled.is_err() {
        // Not kept: a later start tries again (the network may be back).
        COMPILED.with(|c| c.borrow_mut().take());
    }
    compiled.map_err(|e| {
        e.as_string()
            .unwrap_or_else(|| "the checker did not compile".into())
    })
}

/// The worker's script: the glue, then, on the first message (the compiled module), start the
/// module and serve; every later message is a request.
fn worker_source(glue: &str) -> String {
    format!(
        "{glue}\nself.onmessage = (e) => {{ self.onmessage = null; {GLOBAL}.initSync({{ module: e.data }}); {GLOBAL}.serve(); }};\n"
    )
}

/// Starts a worker running the checker.
pub async fn spawn() -> Result<web_sys::Worker, String> {
    let (glue, module) = (glue().await?, compiled().await?);
    let blob =
        gloo_file::Blob::new_with_options(worker_source(&glue).as_str(), Some("text/javascript"));
    let url = gloo_file::ObjectUrl::from(blob);
    let worker = web_sys::Worker::new(&url).map_err(|e| format!("worker refused: {e:?}"))?;
    worker
        .post_message(&module)
        .map_err(|_| "module not sent")?;
    Ok(worker)
}

/// The glue's global on the page's own thread, its script added (from `check/`) the first time.
async fn global() -> Result<JsValue, String> {
    let window = web_sys::window().ok_or("no window")?;
    // The global is a function (wasm-bindgen's init) carrying the exports.
    let get = || {
        js_sys::Reflect::get(&window, &GLOBAL.into())
            .ok()
            .filter(|g| g.is_function())
    };
    if let Some(api) = get() {
        return Ok(api);
    }
    let script = document()?
        .create_element("script")
        .map_err(|_| "no script element")?;
    script
        .set_attribute("src", &url(GLUE_FILE)?)
        .map_err(|_| "no src")?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = script.add_event_listener_with_callback("load", &resolve);
        let _ = script.add_event_listener_with_callback("error", &reject);
    });
    document()?
        .head()
        .ok_or("no head")?
        .append_child(&script)
        .map_err(|_| "script not added")?;
    JsFuture::from(loaded)
        .await
        .map_err(|_| format!("{GLUE_FILE} not loaded"))?;
    get().ok_or_else(|| format!("{GLUE_FILE} defines no {GLOBAL}"))
}

/// The checker started on the page's own thread (once; later calls find it started).
async fn started_on_page() -> Result<JsValue, String> {
    let (api, module) = (global().await?, compiled().await?);
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"module".into(), &module).map_err(|_| "options")?;
    method(&api, "initSync")?
        .call1(&api, &options)
        .map_err(|e| format!("the checker did not start: {e:?}"))?;
    Ok(api)
}

fn method(object: &JsValue, name: &str) -> Result<js_sys::Function, String> {
    js_sys::Reflect::get(object, &name.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| format!("the checker has no {name}"))
}

/// A checker on the page's own thread: an object whose `answer(request, send)` calls `send`
/// with each message a worker would post.
pub async fn on_page() -> Result<JsValue, String> {
    let api = started_on_page().await?;
    let class = method(&api, "Checker")?;
    js_sys::Reflect::construct(&class, &js_sys::Array::new())
        .map_err(|e| format!("the checker did not start: {e:?}"))
}

/// Answers `request` with the checker `on_page` gave; the messages, in order.
pub fn answer_on_page(checker: &JsValue, request: &JsValue) -> Result<Vec<JsValue>, String> {
    let messages = js_sys::Array::new();
    let send = Closure::<dyn FnMut(JsValue)>::new({
        let messages = messages.clone();
        move |m: JsValue| {
            messages.push(&m);
        }
    });
    method(checker, "answer")?
        .call2(checker, request, send.as_ref().unchecked_ref())
        .map_err(|e| format!("the check failed: {e:?}"))?;
    Ok(messages.iter().collect())
}

/// The CLI's report of `text` (`window.yusuan.check`), checked on the page's own thread.
pub async fn report(text: String) -> Result<JsValue, String> {
    let api = started_on_page().await?;
    method(&api, "report")?
        .call1(&api, &text.into())
        .map_err(|e| format!("the check failed: {e:?}"))
}
