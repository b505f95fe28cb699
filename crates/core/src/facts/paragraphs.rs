//! The 情况说明 as paragraphs: prose lines joined where a sentence wraps, each char keeping its
//! source line and column, each paragraph knowing the section (收入, 支出, 三公 …) it sits in.

use crate::layout;
use crate::normalize::fold_punct;
use crate::table::Table;

/// Which part of the 情况说明 a paragraph sits in; it settles ambiguous labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Section {
    Other,
    Income,
    Expenditure,
    ThreePublic,
    OperatingCost,
    Procurement,
    Assets,
    Performance,
}

pub(super) fn section_of(heading: &str) -> Option<Section> {
    let h = fold_punct(heading);
    let has = |s: &str| h.contains(s);
    Some(if has("三公") {
        Section::ThreePublic
    } else if has("运行经费") {
        Section::OperatingCost
    } else if has("政府采购") {
        Section::Procurement
    } else if has("国有资产") || has("资产占用") {
        Section::Assets
    } else if has("绩效") {
        Section::Performance
    } else if has("收入") && !has("支出") {
        Section::Income
    } else if has("支出") || has("增减") {
        Section::Expenditure
    } else if has("名词解释") {
        Section::Other
    } else {
        return None;
    })
}

/// A paragraph of prose joined from wrapped lines, with each char's source position.
pub(super) struct Paragraph {
    pub(super) text: Vec<char>,
    /// (line, column) of each char.
    pub(super) pos: Vec<(usize, usize)>,
}

/// A line that ends a paragraph's sentence. A clause break (`；`) or a list's colon
/// (`其中：`) does not: a list of items runs on over lines and page breaks.
pub(super) fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['。', '！', '？', '”', '）', ')'])
}

/// Joins prose lines into paragraphs; a line not ending a sentence continues on the next one.
pub(super) fn paragraphs(
    lines: &[String],
    span: (usize, usize),
    tables: &[Table],
) -> Vec<(Paragraph, Section)> {
    let mut table_line = vec![false; lines.len() + 2];
    for t in tables {
        let last = t.lines.1.min(lines.len());
        if let Some(span) = table_line.get_mut(t.lines.0..=last) {
            span.fill(true);
        }
    }
    let in_table = |n: usize| table_line.get(n).copied().unwrap_or(false);
    let mut out = Vec::new();
    let mut section = Section::Other;
    let mut cur: Option<Paragraph> = None;
    let (first, last) = (span.0.max(1), span.1.min(lines.len()));
    for n in first..=last {
        let raw = &lines[n - 1];
        if layout::is_blank(raw) || layout::is_page_number(raw) {
            continue;
        }
        let prose = !in_table(n) && !layout::has_tab(raw) && !layout::is_preamble(raw);
        let title = prose && is_title_line(raw.trim());
        let heading =
            prose && (layout::is_heading(raw.trim()) || is_numbered_heading(raw.trim()) || title);
        if !prose || heading {
            if let Some(p) = cur.take() {
                out.push((p, section));
            }
            // A glossary entry (`（四）机关运行经费：指…`) defines a word; it opens no section.
            let definition = raw.contains("：指") || raw.contains(":指");
            if heading && !definition {
                match section_of(raw) {
                    Some(s) => section = s,
                    // A part's own title (`2024年单位预算编制说明`) closes the section before.
                    None if title => section = Section::Other,
                    None => {}
                }
            }
            if !prose {
                continue;
            }
            if heading && raw.chars().count() <= 30 {
                continue;
            }
        }
        let p = cur.get_or_insert_with(|| Paragraph {
            text: Vec::new(),
            pos: Vec::new(),
        });
        for (c, ch) in raw.chars().enumerate() {
            p.text.push(ch);
            p.pos.push((n, c));
        }
        if ends_sentence(raw) {
            if let Some(p) = cur.take() {
                out.push((p, section));
            }
        }
    }
    if let Some(p) = cur.take() {
        out.push((p, section));
    }
    out
}

/// A part's title on a line of its own, unnumbered: `2024年单位预算编制说明`, `其他相关情况说明`.
pub(super) fn is_title_line(line: &str) -> bool {
    let n = line.chars().count();
    (4..=30).contains(&n)
        && !line.contains(['，', '。', '；', '：', ',', ';', ':'])
        && (line.ends_with("说明") || line.ends_with("概况") || line.ends_with("情况"))
}

/// `1、收入说明`: Hebei numbers its sub-headings with Arabic numerals.
pub(super) fn is_numbered_heading(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && line.chars().nth(digits) == Some('、')
        && line.chars().count() <= 20
        && !line.contains("万元")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<(String, Section, usize)> {
        let lines = crate::normalize::normalize_text(text);
        paragraphs(&lines, (1, lines.len()), &[])
            .into_iter()
            .map(|(p, s)| (p.text.iter().collect(), s, p.pos[0].0))
            .collect()
    }

    #[test]
    fn wrapped_lines_join_and_headings_set_the_section() {
        let p = paras(
            "一、收入预算情况\n2024年收入合计100万元，\n比上年增加5万元。\n二、“三公”经费情况\n公务接待费1万元。",
        );
        assert_eq!(
            p,
            vec![
                (
                    "2024年收入合计100万元，比上年增加5万元。".into(),
                    Section::Income,
                    2
                ),
                ("公务接待费1万元。".into(), Section::ThreePublic, 5),
            ]
        );
    }

    #[test]
    fn table_lines_and_preambles_are_not_prose() {
        let p = paras("单位：万元\n科目\t合计\n说明一句。");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].0, "说明一句。");
        assert_eq!(
            section_of("（三）政府采购预算情况"),
            Some(Section::Procurement)
        );
        assert_eq!(section_of("第一部分 部门概况"), None);
        assert!(is_numbered_heading("1、收入说明") && !is_numbered_heading("1、收入 5 万元"));
    }
}
