//! The checker page. Everything runs in the browser; nothing is uploaded.

pub mod export;
pub mod input;
pub mod samples;

use leptos::prelude::*;
use std::sync::Arc;
use yusuan_core::report::{FileReport, Finding, Severity, UnitReport};
use yusuan_core::rules::{self, Family, Status};
use yusuan_core::{Document, Table};

const DRAFT_KEY: &str = "yusuan.draft";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// A checked paste: the rebuilt document and its report, shared without copying.
#[derive(Clone)]
struct Checked(Arc<(Option<Document>, FileReport)>);

impl PartialEq for Checked {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Checks the pasted text with the same core as the CLI.
fn check(text: &str) -> Checked {
    let path = "粘贴内容";
    let pair = match yusuan_core::parse_bytes(text.as_bytes()) {
        Ok(doc) => {
            let report = FileReport::from_document(path, &doc);
            (Some(doc), report)
        }
        Err(e) => (None, FileReport::unusable(path, e.to_string())),
    };
    Checked(Arc::new(pair))
}

#[component]
pub fn App() -> impl IntoView {
    // The draft survives reloads: nothing the user pasted is lost.
    let saved = storage()
        .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
        .unwrap_or_default();
    let (text, set_text) = signal(saved);
    Effect::new(move |_| {
        if let Some(s) = storage() {
            let _ = s.set_item(DRAFT_KEY, &text.get());
        }
    });
    let report = Memo::new(move |_| {
        let t = text.get();
        (!t.trim().is_empty()).then(|| check(&t))
    });
    // What the last opened, dropped or pasted input was (or why it could not be used).
    let (status, set_status) = signal(None::<(bool, String)>);
    let load = move |file: web_sys::File| {
        leptos::task::spawn_local(async move {
            match input::read_file(file).await {
                input::Loaded::Text {
                    name,
                    encoding,
                    text,
                } => {
                    set_status.set(Some((true, format!("已读取文件“{name}”（{encoding}）"))));
                    set_text.set(text);
                }
                input::Loaded::Unusable { name, why } => {
                    set_status.set(Some((false, format!("无法使用文件“{name}”：{why}"))))
                }
            }
        });
    };
    view! {
        <header class="top">
            <h1>"预算公开检查器"</h1>
            <p class="sub">"粘贴部门预算公开文本，页面在本地重建表格并核对每一处勾稽关系。所有内容只在您的浏览器中处理，不会上传。"</p>
        </header>
        <main class="layout">
            <section class="input">
                <div class="input-head">
                    <label for="paste">"预算公开文本"</label>
                    <label class="open-file">"打开文件（.txt / .html）"
                        <input type="file" accept=".txt,.html,.htm,text/plain,text/html" data-testid="file-input"
                            on:change=move |ev| { if let Some(f) = input::first_file(input::input_files(&ev)) { load(f) } }/>
                    </label>
                </div>
                <textarea
                    id="paste"
                    data-testid="input"
                    placeholder="在此粘贴从政府网站复制的部门预算公开内容，或把 .txt / .html 文件拖到这里……"
                    on:input=move |ev| set_text.set(event_target_value(&ev))
                    on:paste=move |ev: web_sys::ClipboardEvent| {
                        // A web page's table arrives as HTML: keep its rows and columns.
                        if let Some(html) = input::pasted_table_html(&ev) {
                            ev.prevent_default();
                            set_status.set(Some((true, "已从网页表格粘贴（保留行列结构）".into())));
                            set_text.set(yusuan_core::html::to_text(&html));
                        }
                    }
                    on:dragover=move |ev: web_sys::DragEvent| ev.prevent_default()
                    on:drop=move |ev: web_sys::DragEvent| {
                        ev.prevent_default();
                        if let Some(f) = input::first_file(ev.data_transfer().and_then(|d| d.files())) { load(f) }
                    }
                    prop:value=text
                ></textarea>
                <div class="samples" role="group" aria-label="示例">
                    <span>"示例："</span>
                    {samples::SAMPLES.iter().map(|s| {
                        let file = s.file;
                        view! {
                            <button class="sample" data-testid="sample" data-file=file on:click=move |_| {
                                leptos::task::spawn_local(async move {
                                    match samples::fetch(file).await {
                                        Ok(t) => {
                                            set_status.set(Some((true, format!("已载入示例 {file}"))));
                                            set_text.set(t);
                                        }
                                        Err(e) => set_status.set(Some((false, e))),
                                    }
                                });
                            }>{s.label}</button>
                        }
                    }).collect_view()}
                </div>
                {move || status.get().map(|(ok, msg)| view! {
                    <p class=if ok { "status" } else { "status error" } data-testid="input-status" role=if ok { "status" } else { "alert" }>{msg}</p>
                })}
            </section>
            <section class="results" data-testid="results" aria-live="polite">
                {move || match report.get() {
                    None => view! { <p class="hint">"尚未输入内容。"</p> }.into_any(),
                    Some(c) => view! { <Summary checked=c text=text.get_untracked()/> }.into_any(),
                }}
            </section>
        </main>
    }
}

#[component]
fn Summary(checked: Checked, text: String) -> impl IntoView {
    let report = checked.0 .1.clone();
    let doc = checked.0 .0.clone();
    if let Some(err) = report.error {
        return view! { <p class="error" data-testid="error" role="alert">{err}</p> }.into_any();
    }
    if report.units.is_empty() {
        return view! { <p class="hint" data-testid="no-units">"没有找到预算表。请粘贴包含“收支总表”等表格的公开文本。"</p> }
            .into_any();
    }
    let lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let for_json = report.clone();
    let for_csv = report.clone();
    view! {
        <div class="exports" role="group" aria-label="导出">
            <button data-testid="export-json" on:click=move |_| export::download("yusuan-report.json", "application/json", &export::to_json(&for_json))>"导出 JSON"</button>
            <button data-testid="export-csv" on:click=move |_| export::download("yusuan-findings.csv", "text/csv", &export::to_csv(&for_csv))>"导出 CSV"</button>
            <button data-testid="print" on:click=move |_| { let _ = web_sys::window().map(|w| w.print()); }>"打印报告"</button>
        </div>
        <div data-testid="summary">
            {report.units.into_iter().enumerate().map(|(i, u)| {
                let tables: Vec<Table> = doc.as_ref().and_then(|d| d.units.get(i)).map(|x| x.tables.clone()).unwrap_or_default();
                view! { <UnitView unit=u lines=lines.clone() tables=Arc::new(tables)/> }
            }).collect_view()}
        </div>
    }
    .into_any()
}

fn count(findings: &[Finding], s: Severity) -> usize {
    findings.iter().filter(|f| f.severity == s).count()
}

#[component]
fn UnitView(unit: UnitReport, lines: Vec<String>, tables: Arc<Vec<Table>>) -> impl IntoView {
    let title = format!(
        "{} {} · {}年",
        unit.code.clone().unwrap_or_default(),
        unit.name.clone().unwrap_or_else(|| "（未识别单位）".into()),
        unit.year
            .map(|y| y.to_string())
            .unwrap_or_else(|| "?".into())
    );
    let (errors, warnings, infos) = (
        count(&unit.findings, Severity::Error),
        count(&unit.findings, Severity::Warning),
        count(&unit.findings, Severity::Info),
    );
    let passed = unit
        .rules
        .iter()
        .filter(|o| o.status == Status::Passed)
        .count();
    let failed = unit
        .rules
        .iter()
        .filter(|o| o.status == Status::Failed)
        .count();
    let na = unit.rules.len() - passed - failed;
    let (filter, set_filter) = signal(None::<Severity>);
    // Findings about one table only: (first line, last line) of the chosen table.
    let (table_filter, set_table_filter) = signal(None::<(usize, usize)>);
    let table_options: Vec<(String, usize, usize)> = tables
        .iter()
        .map(|t| (t.title.clone(), t.lines.0, t.lines.1))
        .collect();
    let findings = unit.findings.clone();
    let mut families: Vec<Family> = findings
        .iter()
        .filter_map(|f| rules::find(&f.rule))
        .map(|r| r.doc().family)
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
    view! {
        <article class="unit" data-testid="unit">
            <h2>{title}</h2>
            <p class="stats" data-testid="unit-stats">
                <span class="sev-error">{format!("错误 {errors}")}</span>" · "
                <span class="sev-warning">{format!("警告 {warnings}")}</span>" · "
                <span class="sev-info">{format!("提示 {infos}")}</span>
                {format!("　规则：通过 {passed} · 未通过 {failed} · 不适用 {na}　表格 {} 张 · 说明中的数字 {} 个", unit.tables.len(), unit.facts.len())}
            </p>
            <div class="filters" role="group" aria-label="按严重程度筛选">
                {filter_button("全部", None, findings.len())}
                {filter_button("错误", Some(Severity::Error), errors)}
                {filter_button("警告", Some(Severity::Warning), warnings)}
                {filter_button("提示", Some(Severity::Info), infos)}
                <select data-testid="table-filter" aria-label="按表格筛选" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_table_filter.set(v.split_once('-').and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?))));
                }>
                    <option value="">"全部表格与说明"</option>
                    {table_options.into_iter().map(|(title, a, b)| view! { <option value=format!("{a}-{b}")>{title}</option> }).collect_view()}
                </select>
            </div>
            {if findings.is_empty() {
                view! { <p class="ok" data-testid="no-findings">"没有发现问题：所有适用的规则都通过了。"</p> }.into_any()
            } else {
                families.into_iter().map(|fam| {
                    let items: Vec<Finding> = findings.iter().filter(|f| rules::find(&f.rule).is_some_and(|r| r.doc().family == fam)).cloned().collect();
                    let lines = lines.clone();
                    let tables = tables.clone();
                    view! {
                        <section class="family">
                            <h3>{fam.zh()}</h3>
                            <ul class="findings">
                                {items.into_iter().map(|f| {
                                    let sev = f.severity;
                                    let cited = f.lines.clone();
                                    let lines = lines.clone();
                                    let tables = tables.clone();
                                    let about = move |span: Option<(usize, usize)>| span.is_none_or(|(a, b)| cited.iter().any(|&n| a <= n && n <= b));
                                    view! {
                                        <Show when=move || filter.get().is_none_or(|s| s == sev) && about(table_filter.get())>
                                            <FindingView finding=f.clone() lines=lines.clone() tables=tables.clone()/>
                                        </Show>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    }
                }).collect_view().into_any()
            }}
            <section class="tables">
                <h3>{format!("重建的表格（{} 张）", tables.len())}</h3>
                <ul class="inventory" data-testid="inventory">
                    {tables.iter().cloned().map(|t| view! { <TableEntry table=t/> }).collect_view()}
                </ul>
            </section>
        </article>
    }
}

#[component]
fn FindingView(finding: Finding, lines: Vec<String>, tables: Arc<Vec<Table>>) -> impl IntoView {
    let (open, set_open) = signal(false);
    let doc = rules::find(&finding.rule).map(|r| r.doc());
    let sev = finding.severity;
    let cited: Vec<(usize, String)> = finding
        .lines
        .iter()
        .filter_map(|&n| {
            lines
                .get(n.wrapping_sub(1))
                .map(|l| (n, l.replace('\t', "  │  ")))
        })
        .collect();
    view! {
        <li class=format!("finding sev-{}", sev.name()) data-testid="finding" data-rule=finding.rule.clone() data-severity=sev.name()>
            <button class="finding-head" aria-expanded=move || open.get().to_string() on:click=move |_| set_open.update(|o| *o = !*o)>
                <span class="badge">{sev.zh()}</span>
                <code class="rule">{finding.rule.clone()}</code>
                <span class="message">{finding.message.clone()}</span>
            </button>
            <Show when=move || open.get()>
                <div class="finding-detail" data-testid="finding-detail">
                    {doc.map(|d| view! {
                        <div class="rule-doc" data-testid="rule-doc">
                            <strong>{format!("{} {}", d.code, d.title)}</strong>
                            <p>{d.what}</p>
                            <p class="basis">{format!("依据：{}", d.basis)}</p>
                        </div>
                    })}
                    {
                        // The rebuilt tables the finding cites, with the cited rows highlighted.
                        let cited_lines = finding.lines.clone();
                        tables.iter().filter(|t| cited_lines.iter().any(|&n| t.lines.0 <= n && n <= t.lines.1)).map(|t| {
                            view! { <TableView table=t.clone() highlight=cited_lines.clone()/> }
                        }).collect_view()
                    }
                    <ol class="source" data-testid="source-lines">
                        {cited.clone().into_iter().map(|(n, l)| view! {
                            <li value=n.to_string() data-line=n.to_string()><span class="ln">{format!("第{n}行")}</span><code>{l}</code></li>
                        }).collect_view()}
                    </ol>
                </div>
            </Show>
        </li>
    }
}

/// A rebuilt table: codes merged into one column, amounts right-aligned, cited rows marked.
#[component]
fn TableView(table: Table, highlight: Vec<usize>) -> impl IntoView {
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
    let label = |col: usize| {
        table
            .columns
            .get(col)
            .map(|c| c.path.join(" / "))
            .unwrap_or_default()
    };
    let heads: Vec<String> = used.iter().map(|&c| label(c)).collect();
    let rows = table.rows.clone();
    let hit = move |r: &yusuan_core::Row| r.lines().any(|l| highlight.contains(&l));
    view! {
        <div class="table-wrap">
            <table class="rebuilt" data-testid="rebuilt-table" data-kind=table.kind.name()>
                <caption>{format!("{}（第{}–{}行）", table.title, table.lines.0, table.lines.1)}</caption>
                <thead><tr><th>"行"</th>{heads.into_iter().map(|h| view! { <th>{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let marked = hit(&r);
                        let cells: Vec<_> = used.iter().map(|&c| match r.cell(c) {
                            Some(cell) if cell.amount.is_some() => view! { <td class="num">{cell.text.clone()}</td> }.into_any(),
                            Some(cell) => view! { <td>{cell.text.clone()}</td> }.into_any(),
                            None => view! { <td></td> }.into_any(),
                        }).collect();
                        view! {
                            <tr class:hit=marked data-line=r.line.to_string() data-hit=marked.to_string()>
                                <td class="ln">{r.line}</td>
                                {cells}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// One line of the table inventory; the table itself is rendered when opened.
#[component]
fn TableEntry(table: Table) -> impl IntoView {
    let (open, set_open) = signal(false);
    let summary = format!(
        "{} · {} · 第{}–{}行 · {}",
        table.title,
        table.kind.zh(),
        table.lines.0,
        table.lines.1,
        if table.empty {
            "空表".to_string()
        } else {
            format!("{} 行数据", table.rows.len())
        }
    );
    let repairs: Vec<String> = table.repairs.iter().map(|r| r.what.clone()).collect();
    let kind = table.kind.name();
    view! {
        <li data-testid="table-row" data-kind=kind>
            <button class="table-toggle" aria-expanded=move || open.get().to_string() on:click=move |_| set_open.update(|o| *o = !*o)>{summary}</button>
            {repairs.into_iter().map(|r| view! { <p class="repair">{format!("修正：{r}")}</p> }).collect_view()}
            <Show when=move || open.get()>
                <TableView table=table.clone() highlight=Vec::new()/>
            </Show>
        </li>
    }
}
