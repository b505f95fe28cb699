//! The page's side of a check: starts it in the worker (or on the main thread where no worker
//! can run), follows its steps, publishes the results, and cancels it on request or when newer
//! text supersedes it.
//!
//! Results are published all at once when a check is quick, so re-checking while typing does not
//! flicker; a check that takes longer than [`PROGRESSIVE_AFTER_MS`] shows each unit as it arrives.

use crate::export::{set, to_js};
use crate::shown::UnitShown;
use crate::worker::{self, Arrived};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yusuan_core::Encoding;

/// A check slower than this shows its units as they come.
const PROGRESSIVE_AFTER_MS: f64 = 150.0;
/// Arrived units are read and rendered in slices of about this long, so the page keeps
/// answering input while a large paste's hundreds of units come in.
const SLICE_MS: f64 = 12.0;
/// After checking a text larger than this, the worker is replaced to give its memory back.
const RETIRE_AFTER_BYTES: usize = 4 << 20;
/// The name the report gives the pasted text (the CLI gives the file's path).
pub const PASTE_NAME: &str = "粘贴内容";

/// One checked unit, shared by the views without copying.
#[derive(Clone)]
pub struct UnitEntry {
    /// Which check it belongs to: a new check's units are new views.
    pub check: u64,
    pub index: usize,
    pub unit: Arc<UnitShown>,
}

/// What the results panel describes: the checked text and what reading it gave.
#[derive(Clone)]
pub struct Checked {
    pub check: u64,
    /// The text as checked (findings cite its lines), not the draft being edited.
    pub text: Arc<str>,
    pub encoding: Option<Encoding>,
    pub error: Option<String>,
    /// Units the text holds (they may still be arriving).
    pub units: usize,
    pub cancelled: bool,
}

/// How far the running check has got: units checked of units found (0 of 0 while reading).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// The signals the page reads.
#[derive(Clone, Copy)]
pub struct Results {
    pub checked: RwSignal<Option<Checked>>,
    pub units: RwSignal<Vec<UnitEntry>>,
    pub progress: RwSignal<Option<Progress>>,
    /// Where the last check ran: `Some(true)` in the worker, `Some(false)` on the page.
    pub in_worker: RwSignal<Option<bool>>,
}

/// The running check's state, kept on the main thread.
#[derive(Default)]
struct Runner {
    check: u64,
    worker: Option<web_sys::Worker>,
    /// Which worker is current: messages from an ended one are ignored.
    worker_id: u64,
    spawning: bool,
    /// Set when a worker could not be started: check on the main thread from then on.
    no_worker: bool,
    busy: bool,
    text: Arc<str>,
    started_ms: f64,
    progressive: bool,
    header: Option<Checked>,
    pending: Vec<UnitEntry>,
    /// Each unit's full report (the CLI's JSON), for export: pending, then published.
    pending_reports: Vec<JsValue>,
    reports: Vec<JsValue>,
    handlers: Vec<Closure<dyn FnMut(web_sys::MessageEvent)>>,
    /// Messages from the worker not yet handled, and whether a slice to handle them is due.
    inbox: std::collections::VecDeque<JsValue>,
    draining: bool,
}

impl Runner {
    /// Ends the current worker; whatever it still sends is ignored.
    fn end_worker(&mut self) {
        if let Some(w) = self.worker.take() {
            w.terminate();
        }
        self.handlers.clear();
        self.worker_id += 1;
        self.inbox.clear();
    }
}

/// Starts checks and receives their steps.
#[derive(Clone, Copy)]
pub struct Checker {
    runner: StoredValue<Runner, LocalStorage>,
    pub results: Results,
}

impl Checker {
    pub fn new() -> Self {
        Checker {
            runner: StoredValue::new_local(Runner::default()),
            results: Results {
                checked: RwSignal::new(None),
                units: RwSignal::new(Vec::new()),
                progress: RwSignal::new(None),
                in_worker: RwSignal::new(None),
            },
        }
    }

    /// Checks `text`, superseding any check still running.
    pub fn start(self, text: String) {
        self.stop_worker_if_busy();
        let text: Arc<str> = text.into();
        self.runner.update_value(|r| {
            r.check += 1;
            r.busy = true;
            r.text = text.clone();
            r.started_ms = js_sys::Date::now();
            r.progressive = false;
            r.header = None;
            r.pending.clear();
            r.pending_reports.clear();
            r.inbox.clear();
        });
        self.results
            .progress
            .set(Some(Progress { done: 0, total: 0 }));
        self.dispatch();
    }

    /// Forgets the results (the text was cleared).
    pub fn clear(self) {
        self.stop_worker_if_busy();
        self.runner.update_value(|r| {
            r.check += 1;
            r.busy = false;
        });
        self.results.progress.set(None);
        self.results.checked.set(None);
        self.results.units.set(Vec::new());
        self.runner.update_value(|r| r.reports.clear());
    }

    /// Stops the running check; what was checked so far stays on show, marked as cancelled.
    pub fn cancel(self) {
        if !self.runner.with_value(|r| r.busy) {
            return;
        }
        self.stop_worker_if_busy();
        let text = self.runner.with_value(|r| r.text.clone());
        let check = self.runner.with_value(|r| r.check);
        self.runner.update_value(|r| {
            r.busy = false;
            if r.header.is_none() {
                r.header = Some(Checked {
                    check,
                    text,
                    encoding: None,
                    error: None,
                    units: 0,
                    cancelled: false,
                });
            }
            if let Some(h) = r.header.as_mut() {
                h.cancelled = true;
            }
        });
        self.publish_all();
        self.results.progress.set(None);
    }

    fn stop_worker_if_busy(self) {
        self.runner.update_value(|r| {
            if r.busy {
                r.end_worker();
            }
        });
    }

    /// Sends the current text to the worker, starting one if needed.
    fn dispatch(self) {
        let (no_worker, spawning, worker, text) = self
            .runner
            .with_value(|r| (r.no_worker, r.spawning, r.worker.clone(), r.text.clone()));
        if no_worker {
            return self.check_here();
        }
        if let Some(w) = worker {
            if w.post_message(&JsValue::from_str(&text)).is_err() {
                self.fall_back();
            }
            return;
        }
        if !spawning {
            self.start_worker(); // it takes the newest text when it is ready
        }
    }

    /// Starts the worker before there is anything to check, so the first check does not wait
    /// for it.
    pub fn warm_up(self) {
        let idle = self
            .runner
            .with_value(|r| !r.no_worker && !r.spawning && r.worker.is_none());
        if idle {
            self.start_worker();
        }
    }

    fn start_worker(self) {
        self.runner.update_value(|r| r.spawning = true);
        leptos::task::spawn_local(async move {
            let spawned = worker::spawn().await;
            self.runner.update_value(|r| r.spawning = false);
            match spawned {
                Ok(w) => {
                    self.adopt(w);
                    if self.runner.with_value(|r| r.busy) {
                        self.dispatch();
                    }
                }
                Err(why) => {
                    web_sys::console::warn_1(
                        &format!("yusuan: checking on the main thread ({why})").into(),
                    );
                    self.fall_back();
                }
            }
        });
    }

    /// Makes `w` the current worker and listens to it.
    fn adopt(self, w: web_sys::Worker) {
        let id = self.runner.with_value(|r| r.worker_id) + 1;
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                if self.runner.with_value(|r| r.worker_id) != id {
                    return;
                }
                self.runner.update_value(|r| r.inbox.push_back(ev.data()));
                self.drain_soon();
            });
        // A worker that cannot run (a host's policy forbids it): check on the main thread.
        let on_error = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| {
            if self.runner.with_value(|r| r.worker_id) == id {
                web_sys::console::warn_1(
                    &"yusuan: the worker failed; checking on the main thread".into(),
                );
                self.fall_back();
            }
        });
        w.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        w.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.runner.update_value(|r| {
            r.worker_id = id;
            r.worker = Some(w);
            r.handlers = vec![on_message, on_error];
        });
    }

    fn drain_soon(self) {
        let due = self
            .runner
            .try_update_value(|r| !std::mem::replace(&mut r.draining, true));
        if due == Some(true) {
            set_timeout(move || self.drain(), std::time::Duration::ZERO);
        }
    }

    /// Handles arrived messages for one slice, then yields to the browser.
    fn drain(self) {
        let start = js_sys::Date::now();
        loop {
            let Some(message) = self
                .runner
                .try_update_value(|r| r.inbox.pop_front())
                .flatten()
            else {
                self.runner.update_value(|r| r.draining = false);
                return;
            };
            if let Some(step) = worker::from_message(&message) {
                self.results.in_worker.set(Some(true));
                self.on_step(step);
            }
            if js_sys::Date::now() - start > SLICE_MS {
                set_timeout(move || self.drain(), std::time::Duration::ZERO);
                return;
            }
        }
    }

    /// Wasm memory never shrinks: after a very large text the worker would keep hundreds of MB
    /// for the page's lifetime. A fresh worker takes its place (its start is about 0.1 s).
    fn retire_worker_after_large_check(self) {
        let retire = self
            .runner
            .with_value(|r| r.text.len() > RETIRE_AFTER_BYTES && r.worker.is_some());
        if !retire {
            return;
        }
        self.runner.update_value(Runner::end_worker);
        self.warm_up();
    }

    fn fall_back(self) {
        self.runner.update_value(|r| {
            r.end_worker();
            r.no_worker = true;
        });
        if self.runner.with_value(|r| r.busy) {
            self.check_here();
        }
    }

    /// The same steps on the main thread.
    fn check_here(self) {
        let text = self.runner.with_value(|r| r.text.clone());
        self.results.in_worker.set(Some(false));
        worker::check_in_steps(&text, |step| self.on_step(worker::arrived_here(step)));
    }

    fn on_step(self, step: Arrived) {
        let check = self.runner.with_value(|r| r.check);
        match step {
            Arrived::Read(read) => {
                self.runner.update_value(|r| {
                    r.header = Some(Checked {
                        check,
                        text: r.text.clone(),
                        encoding: read.encoding,
                        error: read.error,
                        units: read.units,
                        cancelled: false,
                    });
                });
                self.results.progress.set(Some(Progress {
                    done: 0,
                    total: read.units,
                }));
            }
            Arrived::Unit {
                index,
                shown,
                report,
            } => {
                let entry = UnitEntry {
                    check,
                    index,
                    unit: Arc::from(shown),
                };
                let total = self
                    .runner
                    .with_value(|r| r.header.as_ref().map_or(0, |h| h.units));
                self.results.progress.set(Some(Progress {
                    done: index + 1,
                    total,
                }));
                self.runner.update_value(|r| r.pending_reports.push(report));
                if self.runner.with_value(|r| r.progressive) {
                    self.runner
                        .update_value(|r| r.reports.append(&mut r.pending_reports));
                    self.results.units.update(|v| v.push(entry));
                } else {
                    self.runner.update_value(|r| r.pending.push(entry));
                    let slow = js_sys::Date::now() - self.runner.with_value(|r| r.started_ms)
                        > PROGRESSIVE_AFTER_MS;
                    if slow {
                        self.runner.update_value(|r| r.progressive = true);
                        self.publish_all();
                    }
                }
            }
            Arrived::Done => {
                self.runner.update_value(|r| r.busy = false);
                self.publish_all();
                self.results.progress.set(None);
                self.retire_worker_after_large_check();
            }
        }
    }

    /// The report of what is shown, as the CLI writes it (`{"files": [{…}]}`), for export.
    pub fn report_js(self) -> JsValue {
        let file: JsValue = js_sys::Object::new().into();
        let checked = self.results.checked.get_untracked();
        set(&file, "path", &JsValue::from_str(PASTE_NAME));
        let encoding = checked.as_ref().and_then(|c| c.encoding);
        set(&file, "encoding", &to_js(&encoding));
        let units = js_sys::Array::new();
        self.runner.with_value(|r| {
            for report in &r.reports {
                units.push(report);
            }
        });
        set(&file, "units", &units);
        if let Some(error) = checked.and_then(|c| c.error) {
            set(&file, "error", &JsValue::from_str(&error));
        }
        let report: JsValue = js_sys::Object::new().into();
        set(&report, "files", &js_sys::Array::of1(&file));
        report
    }

    /// Shows the buffered header and units, replacing the previous check's.
    fn publish_all(self) {
        let (header, pending, reports, progressive) = self
            .runner
            .try_update_value(|r| {
                (
                    r.header.clone(),
                    std::mem::take(&mut r.pending),
                    std::mem::take(&mut r.pending_reports),
                    r.progressive,
                )
            })
            .unwrap_or_default();
        let Some(header) = header else { return };
        let shown = self
            .results
            .checked
            .with_untracked(|c| c.as_ref().map(|c| (c.check, c.cancelled)));
        let same_check = shown.is_some_and(|(check, _)| check == header.check);
        // Re-rendering the summary only when it changes keeps arriving units cheap.
        if shown != Some((header.check, header.cancelled)) {
            self.results.checked.set(Some(header));
        }
        if same_check && progressive {
            self.runner.update_value(|r| r.reports.extend(reports));
            self.results.units.update(|v| v.extend(pending));
        } else {
            self.runner.update_value(|r| r.reports = reports);
            self.results.units.set(pending);
        }
    }
}

impl Default for Checker {
    fn default() -> Self {
        Self::new()
    }
}
