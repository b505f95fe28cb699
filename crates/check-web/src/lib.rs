//! The checker module: the core's parsing and rules, built apart from the page's own module so
//! the page shows at once and this arrives right after (scripts/modules.sh builds it into
//! `check/`; crates/web/src/worker.rs loads it). It runs in a Web Worker, answering each
//! request with the steps of its check ([`serve`]); where no worker can start, the page runs
//! it on its own thread ([`Checker`]); and it gives `window.yusuan.check` its report
//! ([`report`]).

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yusuan_core::check::Session;
use yusuan_core::report::Report;
use yusuan_protocol::{answer, from_js, preserve, to_js, ToWorker};

/// In a worker: answer every request with the steps of its check, from one session that keeps
/// the units of the last text (so an edit re-checks only its unit). Returns false elsewhere.
#[wasm_bindgen]
pub fn serve() -> bool {
    console_error_panic_hook::set_once();
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

/// The same steps on the page's own thread, for a page where no worker can start.
#[wasm_bindgen]
#[derive(Default)]
pub struct Checker {
    session: Session,
}

#[wasm_bindgen]
impl Checker {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Checker {
        console_error_panic_hook::set_once();
        Checker::default()
    }

    /// Answers `request` (a `ToWorker`), calling `send` with each message as a worker would
    /// post it. A request that is not one is ignored.
    pub fn answer(&mut self, request: JsValue, send: &js_sys::Function) {
        let Some(request) = from_js::<ToWorker>(request) else {
            return;
        };
        answer(&mut self.session, request, preserve, |message| {
            let _ = send.call1(&JsValue::NULL, &to_js(&message));
        });
    }
}

/// The report of `text` as the CLI writes it (`{"files": [{…}]}`), as a JavaScript object.
#[wasm_bindgen]
pub fn report(text: &str) -> JsValue {
    console_error_panic_hook::set_once();
    to_js(&Report {
        files: vec![yusuan_core::check_bytes("text", text.as_bytes())],
    })
}
