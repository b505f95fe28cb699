//! Getting text in: rich-text paste (HTML tables kept) and opened or dropped files in UTF-8 or
//! GBK/GB18030. Everything is read in the browser.

use wasm_bindgen::JsCast;
use yusuan_core::decode;

/// The HTML a paste carries, when it carries a table worth keeping.
pub fn pasted_table_html(ev: &web_sys::ClipboardEvent) -> Option<String> {
    let html = ev.clipboard_data()?.get_data("text/html").ok()?;
    html.to_ascii_lowercase().contains("<table").then_some(html)
}

/// The plain text a paste carries.
pub fn pasted_text(ev: &web_sys::ClipboardEvent) -> Option<String> {
    ev.clipboard_data()?.get_data("text/plain").ok()
}

/// What an opened or dropped file became: the text to check, or why it cannot be used.
pub enum Loaded {
    Text {
        name: String,
        encoding: &'static str,
        text: String,
    },
    Unusable {
        name: String,
        why: String,
    },
}

/// GB18030 by the browser's own decoder, strict: the page carries no encoding tables of its own.
fn browser_gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    web_sys::TextDecoder::new_with_label_and_options("gb18030", &options)
        .ok()?
        .decode_with_u8_array(bytes)
        .ok()
}

/// Decodes a file's bytes like the CLI does; HTML becomes tab-separated tables.
pub fn from_bytes(name: String, bytes: &[u8]) -> Loaded {
    match decode::decode_with(bytes, browser_gb18030) {
        Ok((text, enc)) => {
            let text = if yusuan_core::html::looks_like_html(&text) {
                yusuan_core::html::to_text(&text)
            } else {
                text
            };
            Loaded::Text {
                name,
                encoding: enc.label(),
                text,
            }
        }
        Err(e) => Loaded::Unusable {
            name,
            why: e.to_string(),
        },
    }
}

/// Reads a browser File; a PDF's pages read are told to `progress(page, pages)`.
pub async fn read_file(file: web_sys::File, progress: impl Fn(u32, u32) + 'static) -> Loaded {
    let file = gloo_file::File::from(file);
    let name = file.name();
    match gloo_file::futures::read_as_bytes(&file).await {
        // A PDF goes to the PDF reader, which is loaded now (see `crate::pdf`).
        Ok(bytes) if decode::is_pdf(&bytes) => match crate::pdf::read(&bytes, progress).await {
            Ok(text) => Loaded::Text {
                name,
                encoding: "pdf",
                text,
            },
            Err(why) => Loaded::Unusable { name, why },
        },
        Ok(bytes) => from_bytes(name, &bytes),
        Err(e) => Loaded::Unusable {
            name,
            why: format!("浏览器无法读取这个文件 (the browser could not read the file: {e})"),
        },
    }
}

/// Every file of an input's or a drop's list, in order.
pub fn all_files(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map_or_else(Vec::new, |l| {
        (0..l.length()).filter_map(|k| l.get(k)).collect()
    })
}

pub fn input_files(ev: &web_sys::Event) -> Option<web_sys::FileList> {
    ev.target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .files()
}
