//! The page's side of a check: starts it in the checker's worker (or on the main thread where
//! no worker can run), follows its steps, publishes the results, and cancels it on request or
//! when newer text supersedes it.
//!
//! The page keeps the units of the last check by key and tells the worker which it holds: an
//! edit in one unit of a large paste brings back that one unit, and the others keep their place
//! on the page untouched. Results are published all at once when a check is quick, so
//! re-checking while typing does not flicker; a check that takes longer than
//! [`PROGRESSIVE_AFTER_MS`] shows each unit as it arrives.

use crate::worker;
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use std::collections::VecDeque;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yusuan_core::report::{FileReport, Report};
use yusuan_core::Encoding;
use yusuan_protocol::{from_js, key_of, to_js, FromWorker, Preserved, Text, ToWorker, UnitShown};

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
    pub index: usize,
    /// The unit's key: a unit whose text did not change keeps its key, and its view.
    pub key: u64,
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
    /// What the text looks like when it was read but holds no unit.
    pub note: Option<String>,
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
    /// Milliseconds from sending the last text to showing its results.
    pub last_ms: RwSignal<Option<u32>>,
    /// Units of the last check that were checked again (not kept from the check before).
    pub fresh: RwSignal<usize>,
}

/// The running check's state, kept on the main thread.
#[derive(Default)]
struct Runner {
    check: u64,
    worker: Option<web_sys::Worker>,
    /// Which worker is current: messages from an ended one are ignored.
    worker_id: u64,
    listeners: Vec<EventListener>,
    spawning: bool,
    /// Set when a worker could not be started: check on the main thread from then on, with
    /// this checker (see [`worker::on_page`]); `starting_here` while it loads.
    here: Option<JsValue>,
    starting_here: bool,
    busy: bool,
    text: Arc<str>,
    started_ms: f64,
    progressive: bool,
    header: Option<Checked>,
    pending: Vec<UnitEntry>,
    fresh: usize,
    /// The units the page shows, by key: what the worker leaves out is taken from here. (A
    /// paste holds tens of units, a few hundred at most: a list searched in order will do.)
    held: Vec<(u64, Arc<UnitShown>)>,
    /// Each held or arriving unit's full report (the CLI's JSON, as a JavaScript value), for export.
    reports: Vec<(u64, Preserved)>,
    /// Messages from the worker not yet handled, and whether a slice to handle them is due.
    inbox: VecDeque<JsValue>,
    draining: bool,
    /// The last text posted, and to which worker: the next text goes as an edit of it.
    posted: Option<(u64, Arc<str>)>,
}

impl Runner {
    /// Ends the current worker; whatever it still sends is ignored.
    fn end_worker(&mut self) {
        if let Some(w) = self.worker.take() {
            w.terminate();
        }
        self.listeners.clear();
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
                last_ms: RwSignal::new(None),
                fresh: RwSignal::new(0),
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
            r.fresh = 0;
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
            r.held.clear();
            r.reports.clear();
        });
        self.results.progress.set(None);
        self.results.checked.set(None);
        self.results.units.set(Vec::new());
    }

    /// Stops the running check; what was checked so far stays on show, marked as cancelled.
    pub fn cancel(self) {
        if !self.runner.with_value(|r| r.busy) {
            return;
        }
        self.stop_worker_if_busy();
        self.runner.update_value(|r| {
            r.busy = false;
            let (check, text) = (r.check, r.text.clone());
            let header = r.header.get_or_insert(Checked {
                check,
                text,
                encoding: None,
                error: None,
                note: None,
                units: 0,
                cancelled: false,
            });
            header.cancelled = true;
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

    /// The request for the current text: the keys the page holds need not come back. To the
    /// worker that was sent the last text, the text goes as an edit of that one.
    fn request(self, edit: bool) -> ToWorker {
        self.runner.with_value(|r| {
            let last = r.posted.as_ref().filter(|(w, _)| *w == r.worker_id && edit);
            ToWorker::Check {
                text: match last {
                    Some((_, last)) => Text::edit(last, &r.text),
                    None => Text::Whole(r.text.to_string()),
                },
                known: r.held.iter().map(|(k, _)| format!("{k:016x}")).collect(),
            }
        })
    }

    /// Posts the current text to the worker (as an edit when it can).
    fn post(self, w: &web_sys::Worker, edit: bool) -> bool {
        let sent = w.post_message(&to_js(&self.request(edit))).is_ok();
        self.runner
            .update_value(|r| r.posted = Some((r.worker_id, r.text.clone())));
        sent
    }

    /// Sends the current text to the worker, starting one if needed.
    fn dispatch(self) {
        let (here, spawning, worker) = self
            .runner
            .with_value(|r| (r.here.is_some(), r.spawning, r.worker.clone()));
        if here {
            return self.check_here();
        }
        if let Some(w) = worker {
            if !self.post(&w, true) {
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
            .with_value(|r| r.here.is_none() && !r.spawning && r.worker.is_none());
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
        let current = move || self.runner.with_value(|r| r.worker_id) == id;
        let on_message = EventListener::new(&w, "message", move |ev| {
            if let (true, Some(m)) = (current(), ev.dyn_ref::<web_sys::MessageEvent>()) {
                self.runner.update_value(|r| r.inbox.push_back(m.data()));
                self.drain_soon();
            }
        });
        // A worker that cannot run (a host's policy forbids it): check on the main thread.
        let on_error = EventListener::new(&w, "error", move |_| {
            if current() {
                web_sys::console::warn_1(
                    &"yusuan: the worker failed; checking on the main thread".into(),
                );
                self.fall_back();
            }
        });
        self.runner.update_value(|r| {
            r.worker_id = id;
            r.worker = Some(w);
            r.listeners = vec![on_message, on_error];
        });
    }

    fn drain_soon(self) {
        let due = self
            .runner
            .try_update_value(|r| !std::mem::replace(&mut r.draining, true));
        if due == Some(true) {
            Timeout::new(0, move || self.drain()).forget();
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
            if let Some(step) = from_js::<FromWorker>(message) {
                self.results.in_worker.set(Some(true));
                self.on_step(step);
            }
            if js_sys::Date::now() - start > SLICE_MS {
                Timeout::new(0, move || self.drain()).forget();
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

    /// No worker: the checker on the main thread, started once.
    fn fall_back(self) {
        let start = self.runner.try_update_value(|r| {
            r.end_worker();
            r.here.is_none() && !std::mem::replace(&mut r.starting_here, true)
        });
        if start != Some(true) {
            return self.check_here();
        }
        leptos::task::spawn_local(async move {
            let started = worker::on_page().await;
            self.runner.update_value(|r| r.starting_here = false);
            match started {
                Ok(checker) => {
                    self.runner.update_value(|r| r.here = Some(checker));
                    self.check_here();
                }
                Err(why) => self.cannot_check(why),
            }
        });
    }

    /// Neither a worker nor the main thread could start the checker: the check ends with why.
    fn cannot_check(self, why: String) {
        web_sys::console::error_1(&format!("yusuan: {why}").into());
        let check = self.runner.with_value(|r| r.check);
        self.on_step(FromWorker::Read {
            encoding: None,
            units: 0,
            error: Some(format!(
                "检查模块无法加载（{why}）：请刷新页面重试 (the checker could not be loaded; reload the page)"
            )),
            note: None,
        });
        if self.runner.with_value(|r| r.check) == check {
            self.on_step(FromWorker::Done);
        }
    }

    /// The same steps on the main thread (once its checker has started).
    fn check_here(self) {
        let Some(checker) = self
            .runner
            .with_value(|r| r.busy.then(|| r.here.clone()).flatten())
        else {
            return;
        };
        let request = to_js(&self.request(false));
        self.results.in_worker.set(Some(false));
        match worker::answer_on_page(&checker, &request) {
            Ok(messages) => {
                for step in messages.into_iter().filter_map(from_js::<FromWorker>) {
                    self.on_step(step);
                }
            }
            Err(why) => self.cannot_check(why),
        }
    }

    fn on_step(self, step: FromWorker) {
        let check = self.runner.with_value(|r| r.check);
        match step {
            FromWorker::Read {
                encoding,
                units,
                error,
                note,
            } => {
                self.runner.update_value(|r| {
                    r.header = Some(Checked {
                        check,
                        text: r.text.clone(),
                        encoding,
                        error,
                        note,
                        units,
                        cancelled: false,
                    });
                });
                self.results.progress.set(Some(Progress {
                    done: 0,
                    total: units,
                }));
            }
            FromWorker::Resend => {
                let worker = self.runner.with_value(|r| r.worker.clone());
                if let Some(w) = worker {
                    if !self.post(&w, false) {
                        self.fall_back();
                    }
                }
            }
            FromWorker::Unit { index, key, unit } => {
                if let Some(key) = key_of(&key) {
                    self.on_unit(index, key, unit)
                }
            }
            FromWorker::Done => {
                self.runner.update_value(|r| r.busy = false);
                self.publish_all();
                self.results.progress.set(None);
                self.retire_worker_after_large_check();
            }
        }
    }

    fn on_unit(self, index: usize, key: u64, unit: Option<Box<(UnitShown, Preserved)>>) {
        let unit = match unit {
            Some(u) => {
                let (shown, report) = *u;
                self.runner.update_value(|r| {
                    r.fresh += 1;
                    r.reports.push((key, report));
                });
                Some(Arc::new(shown))
            }
            None => self.runner.with_value(|r| {
                r.held
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, u)| u.clone())
            }),
        };
        let Some(unit) = unit else {
            // The page no longer holds what it said it did (it cannot happen); check afresh.
            let text = self.runner.with_value(|r| r.text.to_string());
            self.runner.update_value(|r| r.held.clear());
            return self.start(text);
        };
        let total = self
            .runner
            .with_value(|r| r.header.as_ref().map_or(0, |h| h.units));
        self.results.progress.set(Some(Progress {
            done: index + 1,
            total,
        }));
        let entry = UnitEntry { index, key, unit };
        if self.runner.with_value(|r| r.progressive) {
            self.runner.update_value(|r| {
                if !r.held.iter().any(|(k, _)| *k == entry.key) {
                    r.held.push((entry.key, entry.unit.clone()));
                }
            });
            self.results.units.update(|v| v.push(entry));
            return;
        }
        self.runner.update_value(|r| r.pending.push(entry));
        let slow =
            js_sys::Date::now() - self.runner.with_value(|r| r.started_ms) > PROGRESSIVE_AFTER_MS;
        if slow {
            self.runner.update_value(|r| r.progressive = true);
            self.publish_all();
        }
    }

    /// The report of what is shown, as the CLI writes it (`{"files": [{…}]}`), for export: the
    /// core's report types, each unit's report as the worker serialised it.
    pub fn report(self) -> Report<Preserved> {
        let checked = self.results.checked.get_untracked();
        let keys: Vec<u64> = self
            .results
            .units
            .with_untracked(|u| u.iter().map(|e| e.key).collect());
        let units: Vec<_> = self.runner.with_value(|r| {
            keys.iter()
                .filter_map(|k| r.reports.iter().find(|(key, _)| key == k))
                .map(|(_, report)| report.clone())
                .collect()
        });
        let none = units.is_empty();
        Report {
            files: vec![FileReport {
                path: PASTE_NAME.to_owned(),
                encoding: checked.as_ref().and_then(|c| c.encoding),
                units,
                note: checked
                    .as_ref()
                    .filter(|_| none)
                    .and_then(|c| c.note.clone()),
                error: checked.and_then(|c| c.error),
            }],
        }
    }

    /// Shows the buffered header and units, replacing the previous check's.
    fn publish_all(self) {
        let (header, pending, progressive, busy, fresh) = self
            .runner
            .try_update_value(|r| {
                (
                    r.header.clone(),
                    std::mem::take(&mut r.pending),
                    r.progressive,
                    r.busy,
                    r.fresh,
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
            self.results.units.update(|v| v.extend(pending));
        } else {
            self.results.units.set(pending);
        }
        // The page holds what it shows (and, while a check runs, what it showed before).
        let shown: Vec<(u64, Arc<UnitShown>)> = self
            .results
            .units
            .with_untracked(|u| u.iter().map(|e| (e.key, e.unit.clone())).collect());
        self.runner.update_value(|r| {
            if busy {
                for (key, unit) in shown {
                    if !r.held.iter().any(|(k, _)| *k == key) {
                        r.held.push((key, unit));
                    }
                }
            } else {
                r.held = shown;
                let held = &r.held;
                r.reports.retain(|(k, _)| held.iter().any(|(h, _)| h == k));
            }
        });
        if !busy {
            let started = self.runner.with_value(|r| r.started_ms);
            let elapsed = (js_sys::Date::now() - started).max(0.0);
            self.results.last_ms.set(Some(elapsed as u32));
            self.results.fresh.set(fresh);
        }
    }
}

impl Default for Checker {
    fn default() -> Self {
        Self::new()
    }
}
