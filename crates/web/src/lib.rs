//! The checker page. Everything runs in the browser; nothing is uploaded.

use leptos::prelude::*;
use yusuan_core::report::{FileReport, UnitReport};

/// Checks the pasted text with the same core as the CLI.
fn check(text: &str) -> FileReport {
    yusuan_core::check_bytes("粘贴内容", text.as_bytes())
}

#[component]
pub fn App() -> impl IntoView {
    let (text, set_text) = signal(String::new());
    let report = Memo::new(move |_| {
        let t = text.get();
        (!t.trim().is_empty()).then(|| check(&t))
    });
    view! {
        <header class="top">
            <h1>"预算公开检查器"</h1>
            <p class="sub">"粘贴部门预算公开文本，页面在本地重建表格。所有内容只在您的浏览器中处理，不会上传。"</p>
        </header>
        <main class="layout">
            <section class="input">
                <label for="paste">"预算公开文本"</label>
                <textarea
                    id="paste"
                    data-testid="input"
                    placeholder="在此粘贴从政府网站复制的部门预算公开内容……"
                    on:input=move |ev| set_text.set(event_target_value(&ev))
                    prop:value=text
                ></textarea>
            </section>
            <section class="results" data-testid="results" aria-live="polite">
                {move || match report.get() {
                    None => view! { <p class="hint">"尚未输入内容。"</p> }.into_any(),
                    Some(r) => view! { <Summary report=r/> }.into_any(),
                }}
            </section>
        </main>
    }
}

#[component]
fn Summary(report: FileReport) -> impl IntoView {
    if let Some(err) = report.error {
        return view! { <p class="error" data-testid="error" role="alert">{err}</p> }.into_any();
    }
    if report.units.is_empty() {
        return view! { <p class="hint" data-testid="no-units">"没有找到预算表。请粘贴包含“收支总表”等表格的公开文本。"</p> }
            .into_any();
    }
    view! {
        <div data-testid="summary">
            {report.units.into_iter().map(|u| view! { <UnitView unit=u/> }).collect_view()}
        </div>
    }
    .into_any()
}

#[component]
fn UnitView(unit: UnitReport) -> impl IntoView {
    let title = format!(
        "{} {} · {}年",
        unit.code.clone().unwrap_or_default(),
        unit.name.clone().unwrap_or_else(|| "（未识别单位）".into()),
        unit.year
            .map(|y| y.to_string())
            .unwrap_or_else(|| "?".into())
    );
    let count = unit.tables.len();
    view! {
        <article class="unit" data-testid="unit">
            <h2>{title}</h2>
            <p>{format!("找到 {count} 张表，说明中 {} 个数字。", unit.facts.len())}</p>
            <table class="inventory">
                <thead><tr><th>"表"</th><th>"类型"</th><th>"行"</th><th>"数据行"</th></tr></thead>
                <tbody>
                    {unit.tables.into_iter().map(|t| view! {
                        <tr data-testid="table-row" data-kind=t.kind.name()>
                            <td>{t.title.clone()}</td>
                            <td>{t.kind.zh()}</td>
                            <td class="num">{format!("{}–{}", t.lines[0], t.lines[1])}</td>
                            <td class="num">{if t.empty { "空表".to_string() } else { t.rows.to_string() }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </article>
    }
}
