//! The page's PDF reader, a wasm module of its own: the page's main module carries no PDF code
//! (it stays small for the first load) and starts this one in a Web Worker only when a PDF is
//! opened or dropped — so a PDF that takes too long can be stopped by ending the worker.
//!
//! One call: a PDF's bytes in, its text layer laid out with aligned columns out
//! ([`yusuan_core::pdf::to_text`]), or the reason it has none (encrypted, scanned, damaged).

use wasm_bindgen::prelude::*;

/// The PDF's text (pages after the first opening with a form feed), or why there is none, in
/// Chinese and English. `progress(pages_read, pages)` is called after each page.
#[wasm_bindgen]
pub fn pdf_to_text(bytes: &[u8], progress: &js_sys::Function) -> Result<String, String> {
    let mut tell = |read: usize, pages: usize| {
        let _ = progress.call2(
            &JsValue::NULL,
            &(read as u32).into(),
            &(pages as u32).into(),
        );
    };
    yusuan_core::pdf::to_text_with_progress(bytes, &mut tell).map_err(|p| p.to_string())
}
