//! A table page published empty: a table's title among the tables with nothing under it.

use crate::rules::support::prelude::*;
use crate::template::title_kind;

declare_rule! {
    /// 表格页只有标题.
    pub EmptyTablePages => check,
    RuleDoc {
        code: "DIS-006",
        family: Family::Completeness,
        severity: Severity::Warning,
        title: "表格页只有标题",
        title_en: "No table page printed with its title alone",
        doc_en: "Finds a table's title standing among the published tables (after the first table begins and before the last one ends, outside every table) with no header, no rows and no note under it: the page of that table was published empty. A list of contents before the tables is not such a title. Example: the title of the 'three public' final accounts table followed directly by the next table's title.",
        what: "在各张表之间（第一张表开始之后、最后一张表结束之前，且不在任何表内）出现某张表的标题，其下没有表头、数据或说明：这张表的页面是空白公开的。表格之前的目录不在此列。",
        why: "空白的表格页等于没有公开这张表，还让读者以为表在那里；检查把空白页、空表页列为公开完整性问题。",
        example: "“财政拨款“三公”经费支出决算表”标题之下直接是下一张表的标题。",
        basis: "《地方预决算公开操作规程》（财预〔2016〕143号）；预决算公开检查的完整性项。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let spans: Vec<(usize, usize)> = cx.unit.table_spans().collect();
    let (Some(first), Some(last)) = (
        spans.iter().map(|s| s.0).min(),
        spans.iter().map(|s| s.1).max(),
    ) else {
        return Applies::No("没有表格".into());
    };
    for n in first..=last {
        if spans.iter().any(|&(a, b)| (a..=b).contains(&n)) {
            continue;
        }
        let line = cx.line(n).trim();
        if line.is_empty() || crate::layout::is_tabular(line) {
            continue;
        }
        // The standard money tables only, and not a heading that repeats the title just below.
        let standard = title_kind(line).is_some_and(|k| {
            TableKind::REQUIRED.contains(&k) || TableKind::REQUIRED_FINAL.contains(&k)
        });
        let repeated = (n + 1..=last)
            .map(|m| cx.line(m).trim())
            .find(|l| !l.is_empty())
            .is_some_and(|next| next == line);
        if !standard || repeated {
            continue;
        }
        let f = out
            .finding(
                format!("第{n}行《{line}》只有标题，其下没有表格内容"),
                format!("Line {n}: a table title with nothing under it"),
            )
            .line(n);
        out.push(f);
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::EmptyTablePages as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn a_title_with_nothing_under_it() {
        silent_on_seeds(&Rule);
        for id in CORPUS {
            assert_silent(&Rule, &corpus(id));
        }
        // Corpus 13 with its 三公 table's page left empty: the title, then the next table.
        let doc = corpus("13");
        let start = doc
            .find("“\t”\n单位：万元\n财政拨款“三公”经费")
            .expect("the 三公 table");
        let end = doc[start..]
            .find("\n\n")
            .map(|e| start + e)
            .expect("its end");
        let text = format!("{}{}", &doc[..start], &doc[end..]);
        assert_fires(
            &Rule,
            &text,
            Severity::Warning,
            line_of(&text, "财政拨款 三公 经费支出决算表"),
        );
    }
}
