//! PDFs in the page: the PDF reader is a wasm module of its own (crates/pdf-web, built into
//! `pdf/` beside the page), started in a Web Worker only when a PDF is opened or dropped — the
//! first load carries no PDF code, and a PDF that takes too long is stopped by ending the
//! worker. The worker is made from a blob (the page's CSP allows workers from `blob:` only) and
//! imports the module by its absolute URL — or, in the single-file page opened from disk, runs
//! the module's glue code and wasm the file carries inline (written by scripts/postbuild.mjs).

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How long a PDF may take to read before the worker is ended.
const TIMEOUT_MS: i32 = 60_000;

/// The worker's script: load the module, read the bytes it is sent (posting each page read),
/// post the text or why not.
/// Hosted, the module is imported by URL; in the single file its glue code is the script's own
/// first part and its wasm comes with the message, in base64.
fn worker_source(module: &Module) -> String {
    let (prelude, load) = match module {
        Module::Hosted { js, wasm } => (
            String::new(),
            format!("const m = await import({js:?}); await m.default({{ module_or_path: {wasm:?} }}); const read = m.pdf_to_text;"),
        ),
        Module::Inline { glue, .. } => (
            as_classic_script(glue),
            "await __wbg_init({ module_or_path: Uint8Array.from(atob(e.data.wasm64), (c) => c.charCodeAt(0)) }); const read = pdf_to_text;".to_owned(),
        ),
    };
    format!(
        r#"{prelude}
self.onmessage = async (e) => {{
  try {{
    {load}
    const progress = (page, pages) => self.postMessage({{ page, pages }});
    self.postMessage({{ text: read(new Uint8Array(e.data.pdf), progress) }});
  }} catch (err) {{
    self.postMessage({{ error: String((err && err.message) || err) }});
  }}
}};"#
    )
}

/// Where the PDF module comes from.
enum Module {
    /// Beside the page, in `pdf/`.
    Hosted { js: String, wasm: String },
    /// Inside the single-file page: the glue code and the wasm in base64.
    Inline { glue: String, wasm64: String },
}

/// The module the single-file page carries inline, if this is that page.
fn inline_module() -> Option<Module> {
    let doc = web_sys::window()?.document()?;
    let text = |id: &str| doc.get_element_by_id(id).and_then(|e| e.text_content());
    Some(Module::Inline {
        glue: text("yusuan-pdf-glue")?,
        wasm64: text("yusuan-pdf-wasm")?.trim().to_owned(),
    })
}

/// The text of a PDF's bytes, read in a worker; or why it could not be read. `progress(page,
/// pages)` is told each page read.
pub async fn read(bytes: &[u8], progress: impl Fn(u32, u32) + 'static) -> Result<String, String> {
    let unavailable = |e: &str| {
        format!("无法启动 PDF 读取模块（{e}）：请使用托管的网页版，或复制 PDF 中的文字后粘贴 (the PDF reader could not start)")
    };
    let module = match inline_module() {
        Some(m) => m,
        None => Module::Hosted {
            js: crate::worker::beside_page("pdf/yusuan_pdf_web.js").map_err(|e| unavailable(&e))?,
            wasm: crate::worker::beside_page("pdf/yusuan_pdf_web_bg.wasm")
                .map_err(|e| unavailable(&e))?,
        },
    };
    let source = js_sys::Array::of1(&JsValue::from_str(&worker_source(&module)));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&source, &options)
        .map_err(|_| unavailable("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| unavailable("url"))?;
    // Hosted: a module worker, which can import the module by URL; inline: a classic one, as
    // the page's own checking worker (see `crate::worker`).
    let worker_options = web_sys::WorkerOptions::new();
    if matches!(module, Module::Hosted { .. }) {
        worker_options.set_type(web_sys::WorkerType::Module);
    }
    let worker = web_sys::Worker::new_with_options(&url, &worker_options)
        .map_err(|_| unavailable("worker"))?;
    let _ = web_sys::Url::revoke_object_url(&url);
    // The answer settles once: the text, why not, the worker failing, or the time running out.
    let settle: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
    let answer = js_sys::Promise::new(&mut |resolve, _reject| {
        *settle.borrow_mut() = Some(resolve);
    });
    let answer_with = {
        let settle = settle.clone();
        move |reply: &JsValue| {
            if let Some(resolve) = settle.borrow_mut().take() {
                let _ = resolve.call1(&JsValue::NULL, reply);
            }
        }
    };
    let error_reply = |why: &str| {
        let reply = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&reply, &"error".into(), &why.into());
        reply
    };
    // Pages read are told as they come; anything else is the answer.
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new({
        let answer_with = answer_with.clone();
        move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            let number = |k: &str| {
                js_sys::Reflect::get(&data, &k.into())
                    .ok()
                    .and_then(|v| v.as_f64())
            };
            match (number("page"), number("pages")) {
                (Some(page), Some(pages)) => progress(page as u32, pages as u32),
                _ => answer_with(&data),
            }
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker's script failing to start (it never answers then): why, as the answer.
    let failed = Closure::once_into_js({
        let answer_with = answer_with.clone();
        move |ev: JsValue| {
            let detail = js_sys::Reflect::get(&ev, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_default();
            answer_with(&error_reply(&format!(
                "PDF 读取模块出错 (the PDF reader failed) {detail}"
            )));
        }
    });
    worker.set_onerror(Some(failed.unchecked_ref()));
    // Too long: the worker is ended and the answer is why (a later answer is ignored).
    let timed_out = Closure::once_into_js({
        let worker = worker.clone();
        move || {
            worker.terminate();
            answer_with(&error_reply(&format!(
                "读取此 PDF 超过 {} 秒，已停止 (reading this PDF took over {} s and was stopped)",
                TIMEOUT_MS / 1000,
                TIMEOUT_MS / 1000
            )));
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
            timed_out.unchecked_ref(),
            TIMEOUT_MS,
        );
    }
    let message = js_sys::Object::new();
    let data = js_sys::Uint8Array::from(bytes);
    let _ = js_sys::Reflect::set(&message, &"pdf".into(), &data.buffer());
    if let Module::Inline { wasm64, .. } = &module {
        let _ = js_sys::Reflect::set(&message, &"wasm64".into(), &wasm64.into());
    }
    worker
        .post_message(&message)
        .map_err(|_| unavailable("message"))?;
    let reply = wasm_bindgen_futures::JsFuture::from(answer)
        .await
        .map_err(|_| unavailable("reply"))?;
    worker.terminate();
    drop(on_message);
    let field = |k: &str| {
        js_sys::Reflect::get(&reply, &JsValue::from_str(k))
            .ok()
            .and_then(|v| v.as_string())
    };
    match (field("text"), field("error")) {
        (Some(text), _) => Ok(text),
        (_, Some(why)) => Err(why),
        _ => Err(unavailable("no answer")),
    }
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
