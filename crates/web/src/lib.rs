//! The checker page. Everything runs in the browser; nothing is uploaded.

pub mod export;
pub mod input;
pub mod pdf;
pub mod run;
pub mod samples;
pub mod worker;

use leptos::prelude::*;
use run::{Checker, UnitEntry};
use std::sync::Arc;
use std::time::Duration;
use yusuan_core::checklist::Verdict;
use yusuan_core::report::{Finding, Severity};
use yusuan_core::rules::{self, Family};
use yusuan_protocol::{RowShown, TableShown, UnitShown};

const DRAFT_KEY: &str = "yusuan.draft";
const LANG_KEY: &str = "yusuan.lang";
/// Typing pauses this long before the text is re-checked.
const DEBOUNCE: Duration = Duration::from_millis(250);
/// A text longer than this (bytes) is checked but not put into the text area: a browser takes
/// seconds to lay out megabytes of text in an editable box, freezing the page.
const SHOW_LIMIT: usize = 1 << 20;

/// `10.2 MB, 210,345 lines` for a text held out of the text area.
fn size_note(l: Lang, text: &str) -> String {
    let mb = text.len() as f64 / 1_000_000.0;
    let lines = text.lines().count();
    match l {
        Lang::Zh => format!("已载入 {mb:.1} MB、{lines} 行的文本。文本较大，为保持页面流畅不在编辑框中显示；检查使用全文。"),
        Lang::En => format!("Loaded {mb:.1} MB, {lines} lines. The text is too large to show in the editing box without slowing the page; the check uses all of it."),
    }
}

/// A text kept in the browser's local storage. (As plain text: gloo's typed `get`/`set` encode
/// values as JSON, which would link serde_json for nothing and re-encode a megabyte draft.)
fn stored(key: &str) -> Option<String> {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::raw()
        .get_item(key)
        .ok()
        .flatten()
}

/// Keeps a text in local storage; false when the browser refuses (over its quota).
fn store(key: &str, value: &str) -> bool {
    use gloo_storage::Storage;
    let kept = gloo_storage::LocalStorage::raw()
        .set_item(key, value)
        .is_ok();
    if !kept {
        gloo_storage::LocalStorage::delete(key);
    }
    kept
}

/// The page's language: Chinese first, English on request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

fn lang() -> ReadSignal<Lang> {
    use_context::<ReadSignal<Lang>>().unwrap_or_else(|| signal(Lang::Zh).0)
}

fn severity_name(l: Lang, s: Severity) -> &'static str {
    l.pick(s.zh(), s.en())
}

fn family_name(l: Lang, f: Family) -> &'static str {
    l.pick(f.zh(), f.en())
}

#[component]
pub fn App() -> impl IntoView {
    let saved_lang = stored(LANG_KEY);
    let (lang, set_lang) = signal(if saved_lang.as_deref() == Some("en") {
        Lang::En
    } else {
        Lang::Zh
    });
    provide_context(lang);
    Effect::new(move |_| {
        let l = lang.get();
        store(LANG_KEY, l.pick("zh", "en"));
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", l.pick("zh-CN", "en"));
        }
    });

    // `draft` is the text area's content (kept across reloads, so nothing typed is lost);
    // `text` is what was last checked; `shown` is written into the text area only when the text
    // comes from elsewhere (a file, a sample, a table paste) — writing back what the user just
    // typed or pasted would make the browser lay out a large text a second time.
    let saved = stored(DRAFT_KEY).unwrap_or_default();
    let big = saved.len() > SHOW_LIMIT;
    let (draft, set_draft) = signal(saved.clone());
    let (shown, set_shown) = signal(if big { String::new() } else { saved.clone() });
    // The text is too large for the text area and is kept beside it.
    let (held, set_held) = signal(big);
    let (text, set_text) = signal(saved);
    // Browsers keep about 5 MB per site; a larger draft cannot be saved, and the user is told.
    let (draft_kept, set_draft_kept) = signal(true);
    Effect::new(move |_| {
        set_draft_kept.set(store(DRAFT_KEY, &draft.get()));
    });
    // The typing pause: dropping the timeout cancels it.
    let pending = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
    let set_now = move |t: String| {
        pending.set_value(None);
        set_draft.set(t.clone());
        set_text.set(t);
    };
    let replace = move |t: String| {
        let big = t.len() > SHOW_LIMIT;
        set_held.set(big);
        set_shown.set(if big { String::new() } else { t.clone() });
        set_now(t);
    };
    let typed = move |t: String| {
        set_draft.set(t.clone());
        let wait = DEBOUNCE.as_millis() as u32;
        pending.set_value(Some(gloo_timers::callback::Timeout::new(wait, move || {
            set_text.set(t)
        })));
    };
    // Every change of the text to check starts a check (off the main thread) that supersedes
    // the one still running.
    let checker = Checker::new();
    checker.warm_up();
    Effect::new(move |_| {
        let t = text.get();
        if t.trim().is_empty() {
            checker.clear()
        } else {
            checker.start(t)
        }
    });
    let results = checker.results;
    let outcome = Memo::new(move |_| {
        results.checked.with(|c| match c {
            None => Outcome::Nothing,
            Some(c) if c.error.is_some() => Outcome::Unusable,
            Some(c) if c.units == 0 && !c.cancelled => Outcome::NoUnits,
            Some(_) => Outcome::Units,
        })
    });
    let state = move || {
        if results.progress.with(Option::is_some) {
            "running"
        } else {
            match results.checked.with(|c| c.as_ref().map(|c| c.cancelled)) {
                None => "idle",
                Some(true) => "cancelled",
                Some(false) => "done",
            }
        }
    };

    // What the last opened, dropped or pasted input was (or why it could not be used).
    let (status, set_status) = signal(None::<(bool, String)>);
    // Several files (a district's departments) are checked as one text, each file's units in
    // turn; files that cannot be used are named with why, the others still read.
    let load = move |files: Vec<web_sys::File>| {
        leptos::task::spawn_local(async move {
            let l = lang.get_untracked();
            let mut texts = Vec::new();
            let mut read = Vec::new();
            let mut unusable = Vec::new();
            for file in files {
                // A PDF takes a moment (its reader loads, then its pages are read): say so.
                let name = file.name();
                if name.to_ascii_lowercase().ends_with(".pdf") || file.type_() == "application/pdf"
                {
                    set_status.set(Some((
                        true,
                        l.pick(
                            &format!("正在读取 PDF“{name}”……"),
                            &format!("Reading the PDF “{name}”…"),
                        )
                        .to_owned(),
                    )));
                }
                let progress = {
                    let name = name.clone();
                    move |page: u32, pages: u32| {
                        set_status.set(Some((
                            true,
                            l.pick(
                                &format!("正在读取 PDF“{name}”：第 {page} / {pages} 页"),
                                &format!("Reading the PDF “{name}”: page {page} of {pages}"),
                            )
                            .to_owned(),
                        )))
                    }
                };
                match input::read_file(file, progress).await {
                    input::Loaded::Text {
                        name,
                        encoding,
                        text,
                    } => {
                        // Each file after the first opens with its mark: a hard edge between
                        // units, so no file's prose is read as its neighbour's.
                        if !texts.is_empty() {
                            texts.push(yusuan_core::model::file_mark(&name));
                        }
                        read.push((name, encoding));
                        texts.push(text);
                    }
                    input::Loaded::Unusable { name, why } => unusable.push((name, why)),
                }
            }
            let skipped: Vec<String> = unusable
                .iter()
                .map(|(name, why)| {
                    l.pick(
                        &format!("无法使用文件“{name}”：{why}"),
                        &format!("Cannot use “{name}”: {why}"),
                    )
                    .to_owned()
                })
                .collect();
            let message = match read.as_slice() {
                [] => None,
                [(name, encoding)] => Some(
                    l.pick(
                        &format!("已读取文件“{name}”（{encoding}）"),
                        &format!("Read “{name}” ({encoding})"),
                    )
                    .to_owned(),
                ),
                many => Some(
                    l.pick(
                        &format!("已读取 {} 个文件", many.len()),
                        &format!("Read {} files", many.len()),
                    )
                    .to_owned(),
                ),
            };
            let ok = message.is_some();
            let shown: Vec<String> = message.into_iter().chain(skipped).collect();
            set_status.set(Some((ok, shown.join(l.pick("；", "; ")))));
            if ok {
                replace(texts.join("\n"));
            }
        });
    };
    view! {
        <header class="top">
            <div class="title-row">
                <h1>{move || lang.get().pick("预算公开检查器", "Budget disclosure checker")}</h1>
                <button class="lang" data-testid="lang-switch" on:click=move |_| set_lang.update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh })>
                    {move || lang.get().pick("English", "中文")}
                </button>
            </div>
            <p class="sub">{move || lang.get().pick(
                "粘贴部门预算公开文本，页面在本地重建表格并核对每一处勾稽关系。所有内容只在您的浏览器中处理，不会上传。",
                "Paste a department budget disclosure: the page rebuilds its tables and checks every relationship between the numbers. Everything stays in your browser; nothing is uploaded.",
            )}</p>
        </header>
        <main class="layout">
            <section class="input">
                <div class="input-head">
                    <label for="paste">{move || lang.get().pick("预算公开文本", "Disclosure text")}</label>
                    <label class="open-file">{move || lang.get().pick("打开文件（PDF/文本/网页）", "Open (PDF/text/HTML)")}
                        <input type="file" multiple accept=".txt,.html,.htm,.pdf,text/plain,text/html,application/pdf" data-testid="file-input"
                            on:change=move |ev| load(input::all_files(input::input_files(&ev)))/>
                    </label>
                </div>
                <textarea
                    id="paste"
                    data-testid="input"
                    placeholder=move || if held.get() {
                        lang.get().pick("文本已载入（见下方说明）。在此粘贴或拖入文件将替换它。", "The text is loaded (see below). Paste or drop here to replace it.")
                    } else {
                        lang.get().pick("在此粘贴从政府网站复制的部门预算公开内容，或把 .txt / .html 文件拖到这里……", "Paste the disclosure copied from a government site here, or drop a .txt / .html file…")
                    }
                    on:input=move |ev: web_sys::Event| {
                        // A paste or drop is one discrete action: check at once. Typing waits for a pause.
                        use wasm_bindgen::JsCast;
                        let discrete = ev.dyn_ref::<web_sys::InputEvent>().is_some_and(|i| i.input_type().starts_with("insertFrom"));
                        let value = event_target_value(&ev);
                        if discrete { set_now(value) } else { typed(value) }
                    }
                    on:paste=move |ev: web_sys::ClipboardEvent| {
                        // A web page's table arrives as HTML: keep its rows and columns.
                        if let Some(html) = input::pasted_table_html(&ev) {
                            ev.prevent_default();
                            set_status.set(Some((true, lang.get_untracked().pick("已从网页表格粘贴（保留行列结构）", "Pasted from a web page; table rows and columns kept").to_owned())));
                            replace(yusuan_core::html::to_text(&html));
                        } else if let Some(t) = input::pasted_text(&ev).filter(|t| held.get_untracked() || t.len() > SHOW_LIMIT) {
                            // A very large paste (or any paste over a held text) replaces the text
                            // without passing through the text area.
                            ev.prevent_default();
                            replace(t);
                        }
                    }
                    on:dragover=move |ev: web_sys::DragEvent| ev.prevent_default()
                    on:drop=move |ev: web_sys::DragEvent| {
                        ev.prevent_default();
                        load(input::all_files(ev.data_transfer().and_then(|d| d.files())))
                    }
                    prop:value=shown
                    readonly=held
                ></textarea>
                {move || held.get().then(|| {
                    let l = lang.get();
                    view! {
                        <p class="status held" data-testid="held" role="status">
                            {size_note(l, &draft.get_untracked())}
                            <button data-testid="show-held" on:click=move |_| { set_shown.set(draft.get_untracked()); set_held.set(false); }>
                                {l.pick("仍在编辑框中显示（较慢）", "Show it in the box anyway (slow)")}
                            </button>
                            <button data-testid="clear-text" on:click=move |_| replace(String::new())>{l.pick("清除", "Clear")}</button>
                        </p>
                    }
                })}
                <div class="samples" role="group" aria-label=move || lang.get().pick("示例", "Samples")>
                    <span>{move || lang.get().pick("示例：", "Samples:")}</span>
                    {samples::SAMPLES.iter().map(|s| {
                        let file = s.file;
                        view! {
                            <button class="sample" data-testid="sample" data-file=file on:click=move |_| {
                                leptos::task::spawn_local(async move {
                                    match samples::fetch(file).await {
                                        Ok(t) => {
                                            set_status.set(Some((true, lang.get_untracked().pick(&format!("已载入示例 {file}"), &format!("Loaded sample {file}")).to_owned())));
                                            replace(t);
                                        }
                                        Err(e) => set_status.set(Some((false, e))),
                                    }
                                });
                            }>{s.label}</button>
                        }
                    }).collect_view()}
                </div>
                {move || (!draft_kept.get()).then(|| view! {
                    <p class="status error" data-testid="draft-not-kept" role="alert">{lang.get().pick(
                        "文本太大，浏览器无法保存草稿：重新加载页面后需要重新粘贴。",
                        "The text is too large for the browser to keep as a draft: after a reload, paste it again.",
                    )}</p>
                })}
                {move || status.get().map(|(ok, msg)| view! {
                    <p class=if ok { "status" } else { "status error" } data-testid="input-status" role=if ok { "status" } else { "alert" }>{msg}</p>
                })}
            </section>
            <section class="results" data-testid="results" aria-live="polite" data-state=state
                data-runs-in=move || results.in_worker.get().map(|w| if w { "worker" } else { "page" })
                data-check-ms=move || results.last_ms.get()
                data-fresh=move || results.fresh.get()>
                <ProgressView checker=checker/>
                {move || {
                    // Rebuilt only when the kind of outcome changes: a re-check that still finds
                    // units keeps the summary, and the unchanged units' views with it.
                    let l = lang.get();
                    match outcome.get() {
                        Outcome::Nothing if results.progress.with(Option::is_some) => ().into_any(),
                        Outcome::Nothing => view! { <p class="hint">{l.pick("尚未输入内容。", "Nothing to check yet.")}</p> }.into_any(),
                        Outcome::Unusable => {
                            let err = results.checked.with_untracked(|c| c.as_ref().and_then(|c| c.error.clone()));
                            view! { <p class="error" data-testid="error" role="alert">{err}</p> }.into_any()
                        }
                        Outcome::NoUnits => {
                            let note = results.checked.with_untracked(|c| c.as_ref().and_then(|c| c.note.clone()));
                            view! {
                                <p class="hint" data-testid="no-units">{l.pick(
                                    "没有找到预算表。请粘贴包含“收支总表”等表格的公开文本。",
                                    "No budget tables found. Paste a disclosure that contains tables such as the 收支总表.",
                                )}</p>
                                {note.map(|n| view! { <p class="hint" data-testid="no-units-note">{n}</p> })}
                            }.into_any()
                        }
                        Outcome::Units => view! { <Summary checker=checker/> }.into_any(),
                    }
                }}
            </section>
        </main>
    }
}

/// The check's progress, and the way to stop it. Hidden for the first moments (CSS), so quick
/// re-checks while typing do not flash it.
#[component]
fn ProgressView(checker: Checker) -> impl IntoView {
    let l = move || lang().get();
    let progress = checker.results.progress;
    let label = move || match progress.get() {
        Some(p) if p.total > 0 => l()
            .pick(
                &format!("正在核对：第 {} / {} 个单位", p.done, p.total),
                &format!("Checking: unit {} of {}", p.done, p.total),
            )
            .to_owned(),
        _ => l()
            .pick(
                "正在读取文本、重建表格……",
                "Reading the text and rebuilding its tables…",
            )
            .to_owned(),
    };
    view! {
        <Show when=move || progress.with(Option::is_some)>
            <div class="progress" data-testid="progress" role="status">
                <progress
                    max=move || progress.get().map_or(1, |p| p.total.max(1))
                    value=move || progress.get().filter(|p| p.total > 0).map(|p| p.done)
                    data-done=move || progress.get().map_or(0, |p| p.done)
                    data-total=move || progress.get().map_or(0, |p| p.total)
                ></progress>
                <span>{label}</span>
                <button data-testid="cancel" on:click=move |_| checker.cancel()>{move || l().pick("取消", "Cancel")}</button>
            </div>
        </Show>
    }
}

/// What the results panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Nothing,
    Unusable,
    NoUnits,
    Units,
}

#[component]
fn Summary(checker: Checker) -> impl IntoView {
    let l = lang().get_untracked();
    let results = checker.results;
    let cancelled = move || {
        let c = results.checked.get().filter(|c| c.cancelled)?;
        let done = results.units.with_untracked(Vec::len);
        let text = c.text.clone();
        Some(view! {
            <p class="status" data-testid="cancelled" role="status">
                {l.pick(
                    &format!("检查已取消：已核对 {done} / {} 个单位。", c.units),
                    &format!("Check cancelled: {done} of {} units checked.", c.units),
                ).to_owned()}
                <button data-testid="recheck" on:click=move |_| checker.start(text.to_string())>{l.pick("重新检查", "Check again")}</button>
            </p>
        })
    };
    // A unit cites lines of the text it was checked in; a unit kept from an earlier check has
    // the same lines in the text now shown.
    let text = move || {
        results
            .checked
            .with_untracked(|c| c.as_ref().map(|c| c.text.clone()))
            .unwrap_or_else(|| Arc::from(""))
    };
    view! {
        {cancelled}
        <div class="exports" role="group" aria-label=l.pick("导出", "Export")>
            <button data-testid="export-json" on:click=move |_| export::download("yusuan-report.json", "application/json", &export::to_json(&checker.report()))>{l.pick("导出 JSON", "Export JSON")}</button>
            <button data-testid="export-csv" on:click=move |_| export::download("yusuan-findings.csv", "text/csv", &export::to_csv(&results.units.get_untracked()))>{l.pick("导出 CSV", "Export CSV")}</button>
            <button data-testid="export-checklist" on:click=move |_| export::download("yusuan-checklist.csv", "text/csv", &export::to_checklist_csv(&results.units.get_untracked(), run::PASTE_NAME))>{l.pick("导出检查清单", "Export checklist")}</button>
            <button data-testid="export-checklist-xlsx" on:click=move |_| {
                if let Some(book) = export::to_checklist_xlsx(&results.units.get_untracked(), run::PASTE_NAME) {
                    export::download_bytes("yusuan-checklist.xlsx", XLSX_MIME, &book);
                }
            }>{l.pick("导出检查清单（Excel）", "Export checklist (Excel)")}</button>
            <button data-testid="print" on:click=move |_| { let _ = web_sys::window().map(|w| w.print()); }>{l.pick("打印报告", "Print report")}</button>
        </div>
        <UnitIndex checker=checker/>
        <div data-testid="summary" class:many=move || results.units.with(|u| u.len() > 8)>
            <For each=move || results.units.get() key=|u| (u.key, u.index) let:entry>
                <UnitView entry=entry text=text()/>
            </For>
        </div>
    }
}

/// For a paste of several units: one line per unit with its counts, linking to it — a county's
/// forty departments at a glance, the ones with errors first to the eye.
#[component]
fn UnitIndex(checker: Checker) -> impl IntoView {
    let l = lang().get_untracked();
    let units = checker.results.units;
    let totals = move || {
        units.with(|u| {
            let all = u.iter().flat_map(|e| e.unit.findings.iter());
            let (mut errors, mut warnings) = (0, 0);
            for f in all {
                match f.severity {
                    Severity::Error => errors += 1,
                    Severity::Warning => warnings += 1,
                    Severity::Info => {}
                }
            }
            let with_errors = u
                .iter()
                .filter(|e| e.unit.count(Severity::Error) > 0)
                .count();
            match l {
                Lang::Zh => format!(
                    "共 {} 个单位，{with_errors} 个有错误 · 错误 {errors} · 警告 {warnings}",
                    u.len()
                ),
                Lang::En => format!(
                    "Units {} · with errors {with_errors} · Errors {errors} · Warnings {warnings}",
                    u.len()
                ),
            }
        })
    };
    view! {
        <Show when=move || units.with(|u| u.len() > 1)>
            <nav class="unit-index" data-testid="unit-index" aria-label=l.pick("单位一览", "Units")>
                <p class="totals" data-testid="unit-totals">{totals}</p>
                <ol>
                    <For each=move || units.get() key=|u| (u.key, u.index) let:entry>
                        {
                            let e = entry.unit.count(Severity::Error);
                            let w = entry.unit.count(Severity::Warning);
                            let report = &entry.unit;
                            let name = report.name.clone().unwrap_or_else(|| l.pick("（未识别单位）", "(unnamed unit)").into());
                            let label = format!("{} {name}", report.code.clone().unwrap_or_default()).trim().to_owned();
                            let class = if e > 0 { "sev-error" } else if w > 0 { "sev-warning" } else { "sev-info" };
                            // The district table: each unit's verdict on each inspection item.
                            let items = report.checklist.iter().map(|(item, verdict, cell)| view! {
                                <span class="check-item" data-item=format!("{item:?}") data-verdict=verdict_attr(*verdict) title=cell.clone()>
                                    {format!("{}{}", l.pick(item.zh(), item.en()), verdict_mark(*verdict))}
                                </span>
                            }).collect_view();
                            view! {
                                <li data-testid="unit-link" data-errors=e>
                                    <a href=format!("#unit-{}", entry.index + 1)>{label}</a>
                                    <span class=class>
                                        {match l {
                                            Lang::Zh => format!(" 错误 {e} · 警告 {w}"),
                                            Lang::En => format!(" Errors {e} · Warnings {w}"),
                                        }}
                                    </span>
                                    <span class="district-items" data-testid="district-items">{items}</span>
                                </li>
                            }
                        }
                    </For>
                </ol>
            </nav>
        </Show>
    }
}

/// The media type of an Excel workbook.
const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The tables the unit must publish (from its report): how many were found, and which not.
fn required_tables(l: Lang, unit: &UnitShown) -> impl IntoView {
    let required = &unit.required_tables;
    let missing: Vec<&str> = required
        .missing
        .iter()
        .map(|k| l.pick(k.zh(), k.en()))
        .collect();
    let (found, total) = (required.found(), required.expected.len());
    let head = match (l, unit.kind) {
        (Lang::Zh, yusuan_core::DisclosureKind::FinalAccounts) => {
            format!("必须公开的决算表：找到 {found} / {total} 张")
        }
        (Lang::Zh, _) => format!("必须公开的表：找到 {found} / {total} 张"),
        (Lang::En, yusuan_core::DisclosureKind::FinalAccounts) => {
            format!("Required final-accounts tables: {found} of {total} found")
        }
        (Lang::En, _) => format!("Required tables: {found} of {total} found"),
    };
    let tail = if missing.is_empty() {
        String::new()
    } else {
        format!(
            "{}{}",
            l.pick("；缺少：", "; missing: "),
            missing.join(l.pick("、", ", "))
        )
    };
    view! {
        <p class=if missing.is_empty() { "required" } else { "required sev-warning" } data-testid="required-tables"
            data-found=found data-total=total>{head}{tail}</p>
    }
}

/// A verdict as the page's `data-verdict` attribute.
fn verdict_attr(v: Verdict) -> &'static str {
    match v {
        Verdict::Meets => "meets",
        Verdict::Fails => "fails",
        Verdict::CannotTell => "cannot-tell",
    }
}

/// A verdict in a glance: ✓ meets, ✗ fails, ? cannot tell.
fn verdict_mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Meets => "✓",
        Verdict::Fails => "✗",
        Verdict::CannotTell => "?",
    }
}

fn verdict_en(v: Verdict) -> &'static str {
    match v {
        Verdict::Meets => "meets",
        Verdict::Fails => "fails",
        Verdict::CannotTell => "cannot tell",
    }
}

/// What the unit is and how it was read: scope and kind, the template and how sure.
fn about_line(l: Lang, unit: &UnitShown) -> String {
    let kind = match (unit.scope, l) {
        (Some(s), Lang::Zh) => format!("{}{}", s.zh(), unit.kind.zh()),
        (None, Lang::Zh) => unit.kind.zh().to_owned(),
        (Some(s), Lang::En) => format!("{} {}", s.en(), unit.kind.en()),
        (None, Lang::En) => unit.kind.en().to_owned(),
    };
    let t = &unit.template;
    let template = match (t.id == yusuan_core::TemplateId::Generic, l) {
        (true, Lang::Zh) => "未识别出模板，按通用规则检查".to_owned(),
        (true, Lang::En) => "no template recognised; generic checks".to_owned(),
        (false, Lang::Zh) => format!("模板：{}（把握：{}）", t.id.zh(), t.confidence.zh()),
        (false, Lang::En) => format!("template: {} ({} confidence)", t.id.en(), t.confidence.en()),
    };
    format!("{kind} · {template}")
}

#[component]
fn UnitView(entry: UnitEntry, text: Arc<str>) -> impl IntoView {
    let l = lang().get_untracked();
    let shared = entry.unit.clone();
    // A PDF's text: the page each line is on, for the tables' inventory.
    let pages: Option<Arc<Vec<u32>>> = text
        .contains('\u{c}')
        .then(|| Arc::new(yusuan_core::pdf::page_of_lines(&text)));
    let unit: &UnitShown = &entry.unit;
    let report = unit;
    let year = report
        .year
        .map(|y| y.to_string())
        .unwrap_or_else(|| "?".into());
    let name = report
        .name
        .clone()
        .unwrap_or_else(|| l.pick("（未识别单位）", "(unnamed unit)").into());
    let title = format!(
        "{} {} · {}",
        report.code.clone().unwrap_or_default(),
        name,
        l.pick(&format!("{year}年"), &year)
    );
    let about = about_line(l, unit);
    let (errors, warnings, infos) = (
        unit.count(Severity::Error),
        unit.count(Severity::Warning),
        unit.count(Severity::Info),
    );
    let (passed, failed, na) = report.outcomes;
    let required = required_tables(l, unit);
    let (filter, set_filter) = signal(None::<Severity>);
    // Findings about one table only: (first line, last line) of the chosen table.
    let (table_filter, set_table_filter) = signal(None::<(usize, usize)>);
    let table_options: Vec<(String, usize, usize)> = unit
        .tables
        .iter()
        .map(|t| (t.title.clone(), t.lines.0, t.lines.1))
        .collect();
    let findings = report.findings.clone();
    let mut families: Vec<Family> = findings
        .iter()
        .filter_map(|f| rules::doc(f.rule.as_str()))
        .map(|d| d.family)
        .collect();
    families.sort();
    families.dedup();
    let filter_button = move |label: &'static str, value: Option<Severity>, n: usize| {
        view! {
            <button
                class="filter"
                data-testid="severity-filter"
                data-value=value.map_or("all", |s| s.name())
                aria-pressed=move || (filter.get() == value).to_string()
                on:click=move |_| set_filter.set(value)
            >{format!("{label} {n}")}</button>
        }
    };
    let stats = match l {
        Lang::Zh => format!(
            "　规则：通过 {passed} · 未通过 {failed} · 不适用 {na}　表格 {} 张 · 说明中的数字 {} 个",
            unit.tables.len(),
            report.facts
        ),
        Lang::En => format!(
            "   Rules: {passed} passed · {failed} failed · {na} not applicable   {} tables · {} figures in the text",
            unit.tables.len(),
            report.facts
        ),
    };
    view! {
        <article class="unit" data-testid="unit" id=format!("unit-{}", entry.index + 1)>
            <h2>{title}</h2>
            <p class="about" data-testid="unit-about">{about}</p>
            <p class="stats" data-testid="unit-stats">
                <span class="sev-error">{format!("{} {errors}", l.pick("错误", "Errors"))}</span>" · "
                <span class="sev-warning">{format!("{} {warnings}", l.pick("警告", "Warnings"))}</span>" · "
                <span class="sev-info">{format!("{} {infos}", l.pick("提示", "Notes"))}</span>
                {stats}
            </p>
            {required}
            <p class="checklist" data-testid="checklist">
                {l.pick("检查清单：", "Checklist: ")}
                {unit.checklist.iter().map(|(item, verdict, cell)| {
                    view! {
                        <span class="check-item" data-item=format!("{item:?}") data-verdict=verdict_attr(*verdict) title=cell.clone()>
                            {format!("{} {}", l.pick(item.zh(), item.en()), l.pick(verdict.zh(), verdict_en(*verdict)))}
                        </span>
                    }
                }).collect_view()}
            </p>
            <div class="filters" role="group" aria-label=l.pick("按严重程度筛选", "Filter by severity")>
                {filter_button(l.pick("全部", "All"), None, findings.len())}
                {filter_button(l.pick("错误", "Errors"), Some(Severity::Error), errors)}
                {filter_button(l.pick("警告", "Warnings"), Some(Severity::Warning), warnings)}
                {filter_button(l.pick("提示", "Notes"), Some(Severity::Info), infos)}
                <select data-testid="table-filter" aria-label=l.pick("按表格筛选", "Filter by table") on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_table_filter.set(v.split_once('-').and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?))));
                }>
                    <option value="">{l.pick("全部表格与说明", "All tables and text")}</option>
                    {table_options.into_iter().map(|(title, a, b)| view! { <option value=format!("{a}-{b}")>{title}</option> }).collect_view()}
                </select>
            </div>
            {if findings.is_empty() {
                view! { <p class="ok" data-testid="no-findings">{l.pick("没有发现问题：所有适用的规则都通过了。", "No findings: every applicable rule passed.")}</p> }.into_any()
            } else {
                families.into_iter().map(|fam| {
                    let items: Vec<Finding> = findings.iter().filter(|f| rules::doc(f.rule.as_str()).is_some_and(|d| d.family == fam)).cloned().collect();
                    let text = text.clone();
                    let shared = shared.clone();
                    view! {
                        <section class="family">
                            <h3>{family_name(l, fam)}</h3>
                            <ul class="findings">
                                {items.into_iter().map(|f| {
                                    let sev = f.severity;
                                    let cited = f.lines.clone();
                                    let text = text.clone();
                                    let shared = shared.clone();
                                    let about = move |span: Option<(usize, usize)>| span.is_none_or(|(a, b)| cited.iter().any(|&n| a <= n && n <= b));
                                    view! {
                                        <Show when=move || filter.get().is_none_or(|s| s == sev) && about(table_filter.get())>
                                            <FindingView finding=f.clone() text=text.clone() unit=shared.clone()/>
                                        </Show>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    }
                }).collect_view().into_any()
            }}
            <section class="tables">
                <h3>{l.pick(&format!("重建的表格（{} 张）", unit.tables.len()), &format!("Rebuilt tables ({})", unit.tables.len())).to_owned()}</h3>
                <ul class="inventory" data-testid="inventory">
                    {(0..unit.tables.len()).map(|index| view! { <TableEntry unit=shared.clone() index=index pages=pages.clone()/> }).collect_view()}
                </ul>
            </section>
        </article>
    }
}

#[component]
fn FindingView(finding: Finding, text: Arc<str>, unit: Arc<UnitShown>) -> impl IntoView {
    let l = lang().get_untracked();
    let (open, set_open) = signal(false);
    let sev = finding.severity;
    let message = l.pick(&finding.message, &finding.message_en).to_owned();
    let rule = finding.rule.to_string();
    let head_rule = rule.clone();
    // The detail (rule doc, tables, source lines) is built when opened: a large paste has
    // thousands of findings and most are never opened.
    let detail = move || finding_detail(l, &finding, &text, &unit.tables);
    view! {
        <li class=format!("finding sev-{}", sev.name()) data-testid="finding" data-rule=rule data-severity=sev.name()>
            <button class="finding-head" aria-expanded=move || open.get().to_string() on:click=move |_| set_open.update(|o| *o = !*o)>
                <span class="badge">{severity_name(l, sev)}</span>
                <code class="rule">{head_rule}</code>
                <span class="message">{message}</span>
            </button>
            <Show when=move || open.get()>{detail.clone()}</Show>
        </li>
    }
}

/// A finding opened: its rule's doc, the tables it is about with the cells marked, and the
/// source lines it cites.
fn finding_detail(l: Lang, finding: &Finding, text: &str, tables: &[TableShown]) -> impl IntoView {
    let doc = rules::doc(finding.rule.as_str());
    // A PDF's text: each page after the first opens with a form feed; cited lines name theirs.
    let pages = text
        .contains('\u{c}')
        .then(|| yusuan_core::pdf::page_of_lines(text));
    let cited: Vec<(usize, String, Option<u32>)> = text
        .split('\n')
        .enumerate()
        .map(|(i, line)| (i + 1, line))
        .filter(|(n, _)| finding.lines.contains(n))
        .map(|(n, line)| {
            let page = pages.as_ref().and_then(|p| p.get(n - 1).copied());
            (
                n,
                line.replace(['\t', '\u{c}'], "  │  ")
                    .trim_start_matches("  │  ")
                    .to_owned(),
                page,
            )
        })
        .collect();
    let cited_lines = finding.lines.clone();
    let cited_cells: Vec<(usize, usize)> = finding.cells.iter().map(|c| (c.line, c.col)).collect();
    let cited_tables: Vec<TableShown> = tables
        .iter()
        .filter(|t| {
            cited_lines
                .iter()
                .any(|&n| t.lines.0 <= n && n <= t.lines.1)
        })
        .cloned()
        .collect();
    view! {
        <div class="finding-detail" data-testid="finding-detail">
            {doc.map(|d| view! {
                <div class="rule-doc" data-testid="rule-doc">
                    <strong>{format!("{} {}", d.code, l.pick(d.title, d.title_en))}</strong>
                    <p>{l.pick(d.what, d.doc_en)}</p>
                    <p class="basis">{format!("{}{}", l.pick("依据：", "Basis: "), d.basis)}</p>
                </div>
            })}
            {cited_tables.into_iter().map(|t| view! { <TableView table=t highlight=cited_lines.clone() cells=cited_cells.clone()/> }).collect_view()}
            <ol class="source" data-testid="source-lines">
                {cited.into_iter().map(|(n, x, page)| {
                    let place = match page {
                        Some(p) => l.pick(&format!("第{n}行 · 第{p}页"), &format!("line {n} · page {p}")).to_owned(),
                        None => l.pick(&format!("第{n}行"), &format!("line {n}")).to_owned(),
                    };
                    view! {
                        <li value=n.to_string() data-line=n.to_string() data-page=page.map(|p| p.to_string())><span class="ln">{place}</span><code>{x}</code></li>
                    }
                }).collect_view()}
            </ol>
        </div>
    }
}

/// A rebuilt table: codes merged into one column, amounts right-aligned, cited rows marked.
/// `highlight`: source lines whose rows are marked; `cells`: (line, column) of the cells involved.
#[component]
fn TableView(
    table: TableShown,
    highlight: Vec<usize>,
    #[prop(optional)] cells: Vec<(usize, usize)>,
) -> impl IntoView {
    let l = lang().get_untracked();
    let used: Vec<usize> = {
        let mut v: Vec<usize> = table
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().map(|c| c.col))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let label = |col: usize| table.columns.get(col).cloned().unwrap_or_default();
    let heads: Vec<String> = used.iter().map(|&c| label(c)).collect();
    let rows = table.rows.clone();
    let hit = move |r: &RowShown| r.lines().any(|n| highlight.contains(&n));
    let caption = format!(
        "{}{}",
        table.title,
        l.pick(
            &format!("（第{}–{}行）", table.lines.0, table.lines.1),
            &format!(" (lines {}–{})", table.lines.0, table.lines.1)
        )
    );
    view! {
        <div class="table-wrap">
            <table class="rebuilt" data-testid="rebuilt-table" data-kind=table.kind.name()>
                <caption>{caption}</caption>
                <thead><tr><th>{l.pick("行", "Line")}</th>{heads.into_iter().map(|h| view! { <th>{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let marked = hit(&r);
                        let tds: Vec<_> = used.iter().map(|&c| {
                            let hot = r.cell(c).is_some_and(|x| cells.contains(&(x.line, c))) || cells.contains(&(r.line, c));
                            match r.cell(c) {
                                Some(cell) if cell.amount => view! { <td class="num" class:cell-hit=hot data-col=c.to_string() data-cell-hit=hot.to_string()>{cell.text.clone()}</td> }.into_any(),
                                Some(cell) => view! { <td class:cell-hit=hot data-col=c.to_string()>{cell.text.clone()}</td> }.into_any(),
                                None => view! { <td class:cell-hit=hot data-col=c.to_string() data-cell-hit=hot.to_string()></td> }.into_any(),
                            }
                        }).collect();
                        view! {
                            <tr class:hit=marked data-line=r.line.to_string() data-hit=marked.to_string()>
                                <td class="ln">{r.line}</td>
                                {tds}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// One line of the table inventory (with the PDF pages it is on, for a PDF); the table itself is
/// rendered when opened.
#[component]
fn TableEntry(unit: Arc<UnitShown>, index: usize, pages: Option<Arc<Vec<u32>>>) -> impl IntoView {
    let l = lang().get_untracked();
    let Some(table) = unit.tables.get(index) else {
        return ().into_any();
    };
    let (open, set_open) = signal(false);
    let rows = match (table.empty, l) {
        (true, Lang::Zh) => "空表".to_string(),
        (true, Lang::En) => "empty".to_string(),
        (false, Lang::Zh) => format!("{} 行数据", table.rows.len()),
        (false, Lang::En) => format!("{} rows", table.rows.len()),
    };
    let span = l
        .pick(
            &format!("第{}–{}行", table.lines.0, table.lines.1),
            &format!("lines {}–{}", table.lines.0, table.lines.1),
        )
        .to_owned();
    let page_of = |line: usize| {
        pages
            .as_ref()
            .and_then(|p| p.get(line.checked_sub(1)?).copied())
    };
    let on_pages = match (page_of(table.lines.0), page_of(table.lines.1)) {
        (Some(a), Some(b)) if a == b => {
            Some(l.pick(&format!("第{a}页"), &format!("page {a}")).to_owned())
        }
        (Some(a), Some(b)) => Some(
            l.pick(&format!("第{a}–{b}页"), &format!("pages {a}–{b}"))
                .to_owned(),
        ),
        _ => None,
    };
    let span = match &on_pages {
        Some(p) => format!("{span}{}", l.pick(&format!("（{p}）"), &format!(" ({p})"))),
        None => span,
    };
    let summary = format!(
        "{} · {} · {span} · {rows}",
        table.title,
        l.pick(table.kind.zh(), table.kind.name())
    );
    let summary = format!(
        "{summary} · {}",
        l.pick(table.amount_unit.zh(), table.amount_unit.en())
    );
    let repairs: Vec<String> = table.repairs.clone();
    let not_understood = table.not_understood.clone();
    let understood = not_understood.is_none();
    let kind = table.kind.name();
    view! {
        <li data-testid="table-row" data-kind=kind data-understood=understood.to_string() data-pages=on_pages>
            <button class="table-toggle" aria-expanded=move || open.get().to_string() on:click=move |_| set_open.update(|o| *o = !*o)>{summary}</button>
            {not_understood.map(|why| view! {
                <p class="not-understood" data-testid="not-understood">
                    {l.pick("未能理解，不做检查：", "Not understood, not checked: ")}{why}
                </p>
            })}
            {repairs.into_iter().map(|r| view! { <p class="repair">{format!("{}{r}", l.pick("修正：", "Repaired: "))}</p> }).collect_view()}
            <Show when=move || open.get()>
                <TableView table=unit.tables[index].clone() highlight=Vec::new()/>
            </Show>
        </li>
    }
    .into_any()
}
