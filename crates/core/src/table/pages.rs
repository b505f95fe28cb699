//! A table's lines sorted into pages: preamble lines, header lines and data lines, and the notes
//! printed under it.

use super::detect::{is_short_fragment, title_kind, Block};
use super::{Note, TableKind};
use crate::amount::Amount;
use crate::layout;
use crate::normalize::{compact, fold_punct};
use std::collections::HashSet;

#[derive(Debug, Default, Clone)]
pub(super) struct Page {
    pub(super) header: Vec<usize>,
    pub(super) data: Vec<usize>,
}

pub(super) fn is_repeated_title(kind: TableKind, title: &str, line: &str) -> bool {
    title_kind(line) == Some(kind) && fold_punct(line) == fold_punct(title)
}

/// Whether a table's first row of cells opens a form of labels and values rather than a grid's
/// header: `项目编码 | … | 项目名称 | …` (河北), `部门(单位)名称 | …`, or `项目名称 | 新建… | 项目性质
/// | …` (上海's 财政项目支出绩效目标填报表: the name's value, then another of a project form's
/// labels on the same row — a grid's header would set its labels side by side).
pub(crate) fn is_kv_layout(first_row: &[&str]) -> bool {
    let mut filled = first_row
        .iter()
        .map(|c| fold_punct(c))
        .filter(|c| !c.trim().is_empty());
    let first = filled.next().unwrap_or_default();
    let mut project_form = || {
        let value = filled.next();
        value.is_some_and(|v| !is_form_label(&v)) && filled.any(|c| is_form_label(&c))
    };
    first == "项目编码"
        || first.starts_with("部门(单位)名称")
        || first.starts_with("单位名称") && first.len() > 12
        || first == "项目名称" && project_form()
}

/// A label of a project's form, beside its name: what kind of project, whose, since when.
pub(crate) fn is_form_label(cell: &str) -> bool {
    const LABELS: [&str; 8] = [
        "项目性质",
        "项目类别",
        "项目类型",
        "主管部门",
        "实施单位",
        "项目负责人",
        "项目期限",
        "项目编码",
    ];
    let c = compact(cell);
    LABELS.contains(&c.as_str())
}

/// The first row of a block's lines with two cells filled at least (a year alone under the
/// title, `（2023年度）`, is no row), as cells.
pub(crate) fn first_row<'a>(lines: &'a [String], block: &Block) -> Option<Vec<&'a str>> {
    block
        .lines
        .iter()
        .map(|&i| lines[i].as_str())
        .filter(|l| layout::is_tabular(l))
        .map(layout::cells)
        .find(|cells| cells.iter().filter(|c| !c.trim().is_empty()).count() >= 2)
}

/// Cells that can only be a data row: an amount, a code, a 合计/ordinal label.
pub(super) fn data_like(cells: &[&str]) -> bool {
    if cells.iter().any(|c| layout::is_decimal_amount(c)) {
        return true;
    }
    let mut it = cells.iter().filter(|c| !c.is_empty());
    let Some(mut first) = it.next().copied() else {
        return false;
    };
    let f = fold_punct(first);
    if f.starts_with("栏次") || f.starts_with("序号") {
        return false;
    }
    if f.len() <= 3 && f.chars().all(|c| c.is_ascii_digit()) {
        match it.next() {
            Some(next) => first = next,
            None => return false,
        }
    }
    let f = fold_punct(first);
    // A header may begin with 合计 too; a 合计 row has no further labels, only figures or blanks.
    let rest_is_labels = it.any(|c| Amount::parse(c).is_none());
    layout::code_digits(first).is_some_and(|d| d.len() >= 3)
        || ((f == "合计" || f == "总计") && !rest_is_labels)
        || f == "资产总额"
        || f.starts_with("其中")
        || is_ordinal_label(&f)
}

/// `一、…`, `(一)…`, `1、…`: labelled rows of summary tables.
pub(super) fn is_ordinal_label(f: &str) -> bool {
    if layout::is_heading(f) {
        return true;
    }
    let digits = f.chars().take_while(|c| c.is_ascii_digit()).count();
    digits > 0 && f.chars().nth(digits) == Some('、')
}

/// A header cell's label for comparing headers across pages: column numbers fused into labels
/// (`项目 1`, `预算数 2`) do not make a different header.
pub(super) fn header_label(c: &str) -> String {
    let mut label = String::with_capacity(c.len());
    label.extend(
        c.chars()
            .filter(|ch| !ch.is_whitespace() && !ch.is_ascii_digit()),
    );
    label
}

/// A later page's header: every label already appeared in the first page's header
/// (the repeat may drop empty trailing columns or a label). `seen`: the labels seen so far.
pub(super) fn repeats_header(cells: &[&str], seen: &HashSet<String>) -> bool {
    let mut filled = cells.iter().filter(|c| !c.is_empty());
    let Some(first) = filled.next() else {
        return false;
    };
    let first = header_label(first);
    if first.starts_with("栏次") || first.starts_with("序号") {
        return true;
    }
    // Most lines are data rows: an amount settles it before any label is compared.
    if cells
        .iter()
        .any(|c| !c.is_empty() && Amount::parse(c).is_some())
    {
        return false;
    }
    let known = |l: &str| !l.is_empty() && seen.contains(l);
    known(&first) && filled.all(|c| known(&header_label(c)))
}

pub(super) fn split_pages(
    lines: &[String],
    block: &Block,
    kv: bool,
) -> (Vec<Page>, Vec<Note>, Vec<usize>) {
    let mut pages: Vec<Page> = vec![Page::default()];
    let mut notes = Vec::new();
    let mut meta_lines = Vec::new();
    let mut header_zone = true;
    let mut seen_headers: Vec<String> = Vec::new();
    let mut seen_labels: HashSet<String> = HashSet::new();
    let max_header = match block.kind {
        TableKind::Assets | TableKind::OrgStructure => 1,
        _ => 6,
    };
    for &i in &block.lines {
        let line = &lines[i];
        let new_page = |pages: &mut Vec<Page>| {
            if pages
                .last()
                .is_some_and(|p| !p.data.is_empty() || !p.header.is_empty())
            {
                pages.push(Page::default());
            }
        };
        let preamble = layout::is_preamble(line);
        if is_repeated_title(block.kind, &block.title, line) || preamble {
            if preamble {
                meta_lines.push(i);
            }
            if pages.last().is_some_and(|p| !p.data.is_empty()) {
                new_page(&mut pages);
            }
            header_zone = true;
            continue;
        }
        if !layout::is_tabular(line) && layout::is_note(line)
            || (!layout::is_tabular(line) && !notes.is_empty() && !is_short_fragment(line))
        {
            notes.push(Note {
                line: i + 1,
                text: line.trim().to_owned(),
            });
            continue;
        }
        let cells = layout::cells(line);
        let key: String = line.split('\t').map(compact).collect::<Vec<_>>().join("\t");
        let first_page = pages.len() == 1;
        let current_headers = pages.last().map_or(0, |p| p.header.len());
        let header_like = if kv {
            fold_punct(cells.iter().find(|c| !c.is_empty()).copied().unwrap_or("")) == "一级指标"
        } else {
            header_zone
                && current_headers < max_header
                && !data_like(&cells)
                // Later pages repeat the first page's header; anything else is data.
                && (seen_headers.is_empty() || first_page || repeats_header(&cells, &seen_labels))
        };
        if !kv && !header_zone && repeats_header(&cells, &seen_labels) {
            // A repeated header without a preamble: a new page.
            new_page(&mut pages);
            if let Some(p) = pages.last_mut() {
                p.header.push(i);
            }
            header_zone = true;
            continue;
        }
        let Some(page) = pages.last_mut() else {
            continue;
        };
        if header_like && !(kv && seen_headers.contains(&key)) {
            page.header.push(i);
            seen_labels.extend(key.split('\t').map(header_label));
            seen_headers.push(key);
        } else if header_like {
            // kv: indicator header repeated on a new page
        } else {
            page.data.push(i);
            header_zone = false;
        }
    }
    pages.retain(|p| !p.header.is_empty() || !p.data.is_empty());
    (pages, notes, meta_lines)
}

pub(super) fn header_rows(lines: &[String], header: &[usize]) -> Vec<Vec<String>> {
    header
        .iter()
        .map(|&i| {
            layout::cells(&lines[i])
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        // The 栏次 row only numbers the columns.
        .filter(|cells| cells.first().is_none_or(|c| fold_punct(c) != "栏次"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_data_notes_and_pages() {
        let l = crate::normalize::normalize_text(
            "支出总表\n单位：万元\n科目编码\t科目名称\t合计\n210\t卫生健康\t5.00\n\
             单位：万元\n科目编码\t科目名称\t合计\n211\t节能环保\t6.00\n注：无其他支出。",
        );
        let block = Block {
            kind: TableKind::ExpenditureSummary,
            title: "支出总表".into(),
            title_line: 0,
            lines: (1..l.len()).collect(),
        };
        let (pages, notes, meta) = split_pages(&l, &block, false);
        assert_eq!(pages.len(), 2);
        assert_eq!(
            (pages[0].header.clone(), pages[0].data.clone()),
            (vec![2], vec![3])
        );
        // The second page repeats the header after its own preamble.
        assert_eq!(
            (pages[1].header.clone(), pages[1].data.clone()),
            (vec![5], vec![6])
        );
        assert_eq!(meta, vec![1, 4]);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].line, 8);
    }

    #[test]
    fn data_rows_are_told_from_headers() {
        assert!(data_like(&["210", "卫生健康支出", "5.00"]));
        assert!(data_like(&["", "合计", "5.00"]));
        assert!(data_like(&["一、一般公共预算拨款", ""]));
        assert!(!data_like(&["科目编码", "科目名称", "合计"]));
        assert!(
            !data_like(&["合计", "基本支出", "项目支出"]),
            "a header may begin with 合计"
        );
        let seen: HashSet<String> = ["科目编码", "合计"].map(String::from).into();
        assert!(repeats_header(&["科目 编码", "合计 3"], &seen));
        assert!(!repeats_header(&["科目编码", "5.00"], &seen));
    }
}
