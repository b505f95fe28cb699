//! A blank page in a PDF as published: a page with nothing on it (a page number at most).

use crate::rules::support::prelude::*;

declare_rule! {
    /// PDF 中没有空白页.
    pub BlankPages => check,
    RuleDoc {
        code: "DIS-007",
        family: Family::Completeness,
        severity: Severity::Warning,
        title: "PDF 中没有空白页",
        title_en: "No blank page in the PDF",
        doc_en: "Reads a PDF as published page by page and finds a page with nothing on it but, at most, its page number. Text pasted or converted carries no pages, so the rule applies to PDFs only. Example: page 14 of a final-accounts PDF left blank between the fiscal summary (pages 12-13) and the general-budget table (page 15).",
        what: "按页读取公开的 PDF，找出除页码外没有任何内容的页面。粘贴或转换后的文本不带页面信息，本规则只用于 PDF。",
        why: "空白页是公开形式上的缺陷，也常是漏印了一张表或一段说明：检查把空白页、空表页列为公开完整性问题。",
        example: "某部门决算 PDF 第 14 页为空白页，夹在财政拨款收入支出决算总表（第 12–13 页）与一般公共预算财政拨款支出决算表（第 15 页）之间。",
        basis: "《地方预决算公开操作规程》（财预〔2016〕143号）；预决算公开检查的完整性项。",
    }
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    if !cx.unit.paged {
        return Applies::No("没有页面信息（不是 PDF）".into());
    }
    for &(page, line) in &cx.unit.blank_pages {
        let f = out
            .finding(
                format!("第 {page} 页是空白页（第{line}行起）"),
                format!("Page {page} is blank (from line {line})"),
            )
            .line(line);
        out.push(f);
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::BlankPages as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn a_page_with_nothing_on_it() {
        silent_on_seeds(&Rule);
        for id in CORPUS {
            assert_silent(&Rule, &corpus(id));
        }
        // Corpus 13 read as pages (form feeds), one of them with its page number alone.
        let paged = corpus("13").replacen("\n第二部分", "\n\u{c}- 99 -\n\u{c}第二部分", 1);
        let blank = line_of(&paged, "- 99 -");
        let f = assert_fires(&Rule, &paged, Severity::Warning, blank);
        assert!(f.message.contains("第 2 页是空白页"), "{}", f.message);
        assert_eq!(serious(&Rule, &paged).len(), 1);
    }

    /// Corpus 13's PDF as published: its page 14 is blank (pdftotext prints nothing for it,
    /// and it holds no image), between the fiscal summary and the general-budget table.
    #[cfg(feature = "pdf")]
    #[test]
    fn corpus_13s_blank_page() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/");
        let bytes = std::fs::read(format!("{dir}13_sh_putuo_czj_2024_dept_final.pdf")).unwrap();
        let text = crate::pdf::to_text(&bytes).unwrap();
        let doc = crate::parse_text(&text, crate::Encoding::Pdf);
        assert_eq!(doc.units[0].blank_pages.len(), 1);
        assert_eq!(doc.units[0].blank_pages[0].0, 14);
        let f = serious(&Rule, &text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("第 14 页"));
    }
}
