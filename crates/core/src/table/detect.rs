//! Finding tables: a title (confirmed by the table lines that follow it) and the lines that
//! belong to it, up to the next title.

use super::merge::merge_continuations;
use super::TableKind;
use crate::layout;

/// A table found in the text: its kind, its title and the lines that belong to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Block {
    pub kind: TableKind,
    pub title: String,
    /// Index (0-based) of the title's line.
    pub title_line: usize,
    /// Indices (0-based) of the lines after the title that belong to the table (preamble,
    /// headers, rows, notes), including the titles of pages merged in.
    pub lines: Vec<usize>,
}

impl Block {
    /// The last source line (1-based) the block occupies.
    pub fn last_line(&self) -> usize {
        self.lines.last().map_or(self.title_line, |&i| i) + 1
    }
}

/// What the table finder needs to know of a source line, found once per line (a session keeps
/// the classes of the lines an edit did not touch).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineClass {
    /// Blank, or page furniture (a page number on a line of its own).
    pub blank: bool,
    /// Has a cell separator and some content, and is no preamble.
    pub tabular: bool,
    /// The kind of table the line names, when it reads as a table's title.
    pub title: Option<TableKind>,
    /// The preamble facts the line states (单位：万元, 编制部门：…, 预算年度：2024 …).
    pub preamble: Vec<layout::Meta>,
    /// A tabular line with a figure that reads as money (decimals or thousands separators).
    pub money: bool,
    /// A tabular line that is a sentence with a stray tab (`…减少 12.14\t%。`).
    pub sentence: bool,
}

impl LineClass {
    pub fn of(line: &str) -> Self {
        let blank = layout::is_blank(line) || layout::is_page_number(line);
        let preamble = layout::preamble(line);
        let title = if blank { None } else { title_kind(line) };
        let tabular = layout::has_tab(line) && !blank && preamble.is_empty() && title.is_none();
        LineClass {
            blank,
            tabular,
            title,
            preamble,
            money: tabular
                && layout::cells(line)
                    .iter()
                    .any(|c| layout::is_decimal_amount(c)),
            sentence: tabular && is_sentence(line),
        }
    }

    pub fn is_preamble(&self) -> bool {
        !self.preamble.is_empty()
    }

    /// The classes of every line.
    pub fn all(lines: &[String]) -> Vec<LineClass> {
        lines.iter().map(|l| LineClass::of(l)).collect()
    }
}

/// A line of prose that happens to hold a tab: its text runs as a sentence (a clause break and
/// a full stop or clause break at its end).
fn is_sentence(line: &str) -> bool {
    let t = line.trim_end();
    let joined: String = layout::cells(t).concat();
    joined.chars().count() > 12 && joined.contains(['，', '。']) && t.ends_with(['。', '，', '；'])
}

/// The kind of table a line names; a title may sit alone in one cell of a tabular line.
pub(super) fn title_kind(line: &str) -> Option<TableKind> {
    if !layout::has_tab(line) {
        return crate::template::title_kind(line);
    }
    let mut cells = layout::cells(line)
        .into_iter()
        .filter(|c| !c.trim().is_empty());
    match (cells.next(), cells.next()) {
        (Some(only), None) => crate::template::title_kind(only),
        _ => None,
    }
}

/// A title counts only when a table follows: preamble lines, then a tabular line. A title of
/// no known kind needs money in the lines that follow (a list of contents has page numbers).
pub(super) fn confirmed_title(classes: &[LineClass], i: usize) -> Option<TableKind> {
    let kind = classes[i].title?;
    let mut after = classes
        .iter()
        .skip(i + 1)
        .take(24)
        .filter(|c| !c.blank && !c.is_preamble());
    let first = after.next()?;
    if !first.tabular || first.sentence {
        return None;
    }
    if kind == TableKind::Other && !after.take_while(|c| c.title.is_none()).any(|c| c.money) {
        return None;
    }
    Some(kind)
}

pub(super) fn is_short_fragment(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 16 && !t.contains('。') && !layout::is_heading(t)
}

/// Every table's block; `classes` are the lines' classes ([`LineClass::all`]).
pub fn detect_blocks(lines: &[String], classes: &[LineClass]) -> Vec<Block> {
    let titles: Vec<(usize, TableKind)> = (0..classes.len().min(lines.len()))
        .filter_map(|i| confirmed_title(classes, i).map(|k| (i, k)))
        .collect();
    let mut blocks = Vec::new();
    for (n, &(start, kind)) in titles.iter().enumerate() {
        let limit = titles.get(n + 1).map_or(lines.len(), |t| t.0);
        let mut body = Vec::new();
        let mut in_note = false;
        let mut i = start + 1;
        while i < limit {
            let (line, class) = (&lines[i], &classes[i]);
            if class.blank {
                i += 1;
                continue;
            }
            if class.tabular && layout::is_part_heading(line) {
                break;
            }
            if class.tabular || class.is_preamble() {
                in_note = false;
                body.push(i);
            } else if layout::is_note(line)
                || (in_note && !layout::is_heading(line) && class.title.is_none())
            {
                in_note = true;
                body.push(i);
            } else if class.title.is_none()
                && is_short_fragment(line)
                && fragment_run_then_table(lines, i, limit)
            {
                body.push(i);
            } else {
                break;
            }
            i += 1;
        }
        let (title_line, title) = joined_title(lines, start);
        // The first half of a wrapped title belongs to this table, not the one before.
        if let Some(prev) = blocks.last_mut() {
            let prev: &mut Block = prev;
            prev.lines.retain(|&i| i < title_line);
        }
        blocks.push(Block {
            kind,
            title,
            title_line,
            lines: body,
        });
    }
    merge_continuations(lines, blocks)
}

/// A long title wrapped onto two lines: `4、关于…的通知--` / `冀财社[2024]158 号绩效目标表`.
/// The first half may sit directly above or one blank line above (converters add blank lines).
pub(super) fn joined_title(lines: &[String], start: usize) -> (usize, String) {
    let title = lines[start].trim();
    let above = (1..=2)
        .filter_map(|d| start.checked_sub(d))
        .find(|&i| !layout::is_blank(&lines[i]));
    if let Some(i) = above {
        let prev = lines[i].trim();
        let numbered =
            prev.chars().take_while(char::is_ascii_digit).count() > 0 && prev.contains('、');
        if numbered
            && !layout::has_tab(&lines[i])
            && title_kind(prev).is_none()
            && !prev.ends_with('。')
        {
            return (i, format!("{prev}{title}"));
        }
    }
    (start, title.to_owned())
}

/// Short stray lines (`投入管理指标`) inside a table, followed by more table rows.
pub(super) fn fragment_run_then_table(lines: &[String], from: usize, limit: usize) -> bool {
    lines[from..limit]
        .iter()
        .take(24)
        .filter(|l| !layout::is_blank(l))
        .find(|l| !is_short_fragment(l) || layout::is_tabular(l))
        .is_some_and(|l| layout::is_tabular(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        crate::normalize::normalize_text(text)
    }

    #[test]
    fn a_title_counts_when_a_table_follows_it() {
        let l = lines(
            "部门预算支出总表\n单位：万元\n科目编码\t科目名称\t合计\n210\t卫生健康支出\t5.00",
        );
        let c = LineClass::all(&l);
        assert_eq!(confirmed_title(&c, 0), Some(TableKind::ExpenditureSummary));
        assert_eq!(
            c[1].preamble,
            vec![layout::Meta::Unit(layout::AmountUnit::WanYuan)]
        );
        assert!(c[2].tabular && !c[2].blank && c[2].title.is_none());
        // The same words in prose, or with no table after them, are no title.
        let l = lines("部门预算支出总表\n本表反映部门的支出。");
        assert_eq!(confirmed_title(&LineClass::all(&l), 0), None);
        assert_eq!(title_kind("部门预算支出总表\t4"), None, "a contents line");
    }

    #[test]
    fn blocks_run_to_the_first_line_that_is_not_the_table() {
        let l = lines(
            "部门预算支出总表\n单位：万元\n科目编码\t合计\n210\t5.00\n注：无。\n\n一、说明\n收入 5 万元。\n\
             部门预算收入总表\n科目编码\t合计\n210\t5.00",
        );
        let blocks = detect_blocks(&l, &LineClass::all(&l));
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].kind, TableKind::ExpenditureSummary);
        // Preamble, header, row and note; the heading and prose after them are not the table's.
        assert_eq!(blocks[0].lines, vec![1, 2, 3, 4]);
        assert_eq!((blocks[0].title_line, blocks[0].last_line()), (0, 5));
        assert_eq!(blocks[1].kind, TableKind::IncomeSummary);
    }

    #[test]
    fn a_part_heading_set_out_like_cells_ends_the_table() {
        // A copy or an export may set a part's heading apart from its title like two cells:
        // it opens the next part of the document, never a row of the table above it.
        let l = lines(
            "部门预算支出总表\n科目编码\t合计\n210\t5.00\n第三部分\t部门预算情况说明\n一、收支预算",
        );
        let blocks = detect_blocks(&l, &LineClass::all(&l));
        assert_eq!(blocks[0].lines, vec![1, 2]);
    }

    #[test]
    fn a_title_wrapped_over_two_lines_is_joined() {
        let l = lines("4、关于下达资金的通知--\n冀财社[2024]158 号绩效目标表\n项目名称\t某项目");
        assert_eq!(
            joined_title(&l, 1),
            (
                0,
                "4、关于下达资金的通知--冀财社[2024]158 号绩效目标表".to_owned()
            )
        );
    }

    #[test]
    fn short_fragments_inside_a_table_stay_in_it() {
        let l = lines(
            "项目绩效目标表\n一级指标\t二级指标\n产出指标\t数量\n投入管理指标\n效益指标\t满意度",
        );
        let blocks = detect_blocks(&l, &LineClass::all(&l));
        assert_eq!(blocks[0].lines, vec![1, 2, 3, 4]);
    }
}
