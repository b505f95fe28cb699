//! The human-readable report.

use std::fmt::Write;
use yusuan_core::Report;

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.files {
        let enc = f.encoding.map_or("-", |e| e.label());
        let _ = writeln!(out, "{} ({enc})", f.path);
        if let Some(err) = &f.error {
            let _ = writeln!(out, "  无法检查 (unusable): {err}");
            continue;
        }
        if f.units.is_empty() {
            let _ = writeln!(out, "  未找到预算表 (no budget tables found)");
            if let Some(note) = &f.note {
                let _ = writeln!(out, "  {note}");
            }
        }
        for u in &f.units {
            let _ = writeln!(
                out,
                "  单位 {} {} · {}年{} · 模板：{}（把握：{}） · {} 张表 · 行 {}–{}",
                u.code.as_deref().unwrap_or("-"),
                u.name.as_deref().unwrap_or("(未命名)"),
                u.year.map_or("?".to_string(), |y| y.to_string()),
                u.scope.map_or(String::new(), |s| format!(" · {}", s.zh())),
                u.template.id.zh(),
                u.template.confidence.zh(),
                u.tables.len(),
                u.lines[0],
                u.lines[1]
            );
            for t in &u.tables {
                let _ = writeln!(
                    out,
                    "    {:<28} 行 {:>4}–{:<4} {:>3} 行数据 {:<4}{}  {}",
                    t.kind.name(),
                    t.lines[0],
                    t.lines[1],
                    t.rows,
                    t.amount_unit.zh(),
                    if t.empty { " (空表)" } else { "" },
                    t.title
                );
                if let Some(why) = &t.not_understood {
                    let _ = writeln!(out, "      未能理解，不做检查: {why}");
                }
                for r in &t.repairs {
                    let _ = writeln!(out, "      修正: {}", r.what);
                }
            }
            let _ = writeln!(out, "    说明中的数字 (stated figures): {}", u.facts.len());
            if u.findings.is_empty() {
                let _ = writeln!(out, "    未发现问题 (no findings)");
            }
            for x in &u.findings {
                // A PDF's findings also name their pages.
                let pages = match x.pages.as_slice() {
                    [] => String::new(),
                    [p] => format!("，第 {p} 页"),
                    many => format!(
                        "，第 {} 页",
                        many.iter()
                            .map(u32::to_string)
                            .collect::<Vec<_>>()
                            .join("、")
                    ),
                };
                let _ = writeln!(
                    out,
                    "    [{}] {} {} (行 {:?}{pages})",
                    x.severity.zh(),
                    x.rule,
                    x.message,
                    x.lines
                );
            }
        }
    }
    out
}
