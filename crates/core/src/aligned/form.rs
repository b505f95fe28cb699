//! Forms in space-aligned text. A project's 绩效目标填报表 is a form of labels and values, not a
//! grid: its rows hold different cells, some of them paragraphs (项目总目标, 年度总体目标) that
//! an export prints as two interleaved columns of running text, so no columns can be inferred
//! from its figures. It needs none: a form is read label by label (the value after each
//! label), as its tab-separated copy is. From its first row (`项目名称  新建…  项目性质 …`, a
//! form's opening row under a table's title) to the next title or heading, each line is a row
//! whose tokens are its cells.

use super::{is_page_number, is_preamble, plain, Token};
use crate::layout;
use crate::table::{is_form_label, is_kv_layout};
use std::ops::Range;

/// The lines each form in the text covers: from its first row, before the next table title,
/// heading, preamble or contents, to its last row of cells and the lines of one cell printed
/// right under it (a label's tail, `指标`) — not a lone line after a blank one, which may open
/// what follows (the cover of the next document in a paste).
pub(super) fn extents(lines: &[Vec<Token>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !opens_form(lines, i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < lines.len() && !ends_form(&lines[end]) {
            end += 1;
        }
        let mut last = (i..end).rev().find(|&k| lines[k].len() >= 2).unwrap_or(i);
        while last + 1 < end && lines[last + 1].len() == 1 && !is_page_number(&lines[last + 1]) {
            last += 1;
        }
        out.push(i..last + 1);
        i = end;
    }
    out
}

/// A form's first row, a table's title above it (its year or unit line between).
fn opens_form(lines: &[Vec<Token>], at: usize) -> bool {
    let texts: Vec<&str> = lines[at].iter().map(|t| t.text.as_str()).collect();
    if texts.len() < 2 || !is_kv_layout(&texts) {
        return false;
    }
    let above = lines[..at]
        .iter()
        .rev()
        .filter(|t| !t.is_empty() && !is_preamble(t) && !is_period(t))
        .take(1)
        .next();
    // A title may hold a year (`5、提前下达 2024 年…绩效目标表`), which splits it into tokens.
    above
        .and_then(|t| plain(t))
        .is_some_and(|title| title.trim_end().ends_with('表') && !title.contains('\t'))
}

/// The period a form is for, alone under its title: `（2023年度）`.
fn is_period(tokens: &[Token]) -> bool {
    matches!(tokens, [one] if {
        let t = crate::normalize::fold_punct(&one.text);
        t.starts_with('(') && t.ends_with(')') && layout::year_in(&t).is_some()
    })
}

/// What follows a form: a table's title, a heading of the prose, a part of the document, a
/// preamble (`预算主管部门：…`), a table of contents, the mark between files.
fn ends_form(tokens: &[Token]) -> bool {
    plain(tokens).is_some_and(|l| {
        let l = l.trim();
        !l.is_empty()
            && (crate::template::title_kind(l).is_some()
                || layout::is_heading(l)
                || layout::is_part_heading(l)
                || layout::is_preamble(l)
                || crate::model::is_contents_heading(l)
                || crate::model::is_file_mark(l))
    })
}

/// A form's line as a row of cells: its tokens, a form's label run into the token before it
/// by a single space (`阶段性项目 项目类别`) set apart; a line of one cell ends with a tab so
/// it stays a row of the form. A page number stays a line of its own.
pub(super) fn row(tokens: &[Token]) -> Option<String> {
    if tokens.is_empty() || is_page_number(tokens) {
        return plain(tokens);
    }
    let joined = join_dates(tokens);
    let cells: Vec<&str> = joined.iter().flat_map(|t| split_labels(t)).collect();
    let mut row = cells.join("\t");
    if cells.len() == 1 {
        row.push('\t');
    }
    Some(row)
}

/// The tokens' texts, a number joined again to the date word it was split from at a single
/// space (`3 月底`, `2024 年`: [`super::tokens`] splits at a space beside a figure).
fn join_dates(tokens: &[Token]) -> Vec<String> {
    let mut out: Vec<(u32, String)> = Vec::new();
    for t in tokens {
        let date_word = t.text.starts_with(['年', '月', '日', '号']);
        match out.last_mut() {
            Some((end, prev))
                if date_word
                    && t.start == *end + 1
                    && prev.len() <= 4
                    && prev.bytes().all(|b| b.is_ascii_digit()) =>
            {
                prev.push(' ');
                prev.push_str(&t.text);
                *end = t.end;
            }
            _ => out.push((t.end, t.text.clone())),
        }
    }
    out.into_iter().map(|(_, text)| text).collect()
}

/// A token's text split before each word that is a form's label.
fn split_labels(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(' ') {
        let next = text[at + 1..].split(' ').next().unwrap_or("");
        if is_form_label(next) {
            out.push(text[start..at].trim());
            start = at + 1;
        }
    }
    out.push(text[start..].trim());
    out.retain(|c| !c.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aligned::tokens;

    fn toks(text: &str) -> Vec<Vec<Token>> {
        text.lines().map(tokens).collect()
    }

    #[test]
    fn a_form_runs_from_its_first_row_to_the_next_title() {
        let text = "\
                    财政项目支出绩效目标填报表
                            （2023年度）

   项目名称       新建服务中心             项目性质        阶段性项目 项目类别       特定目标类

              项目资金总额                 4,100,000.00 年度资金申请总额          4,100,000.00
      建成后作为社区事务受理 、社区管理场所 。更
      有效的整合社区公共服务资源 。

                    财政项目支出绩效目标填报表
   项目名称       就业援助基地补贴           项目性质        经常性项目 项目类别       特定目标类
";
        let lines = toks(text);
        assert_eq!(extents(&lines), vec![3..8, 10..11]);
        assert_eq!(
            row(&lines[3]).unwrap(),
            "项目名称\t新建服务中心\t项目性质\t阶段性项目\t项目类别\t特定目标类"
        );
        assert_eq!(
            row(&lines[5]).unwrap(),
            "项目资金总额\t4,100,000.00\t年度资金申请总额\t4,100,000.00"
        );
        assert_eq!(row(&lines[7]).unwrap(), "有效的整合社区公共服务资源 。\t");
    }

    #[test]
    fn a_number_split_from_its_date_word_is_joined_again() {
        let line =
            tokens("资金支出计划（%）   3 月底       6 月底     12 月底   392.00 其中：财政资金");
        assert_eq!(
            row(&line).unwrap(),
            "资金支出计划（%）\t3 月底\t6 月底\t12 月底\t392.00\t其中：财政资金"
        );
    }

    #[test]
    fn a_form_ends_before_what_opens_the_next_document() {
        // Its last row, a label's tail right under it; then, after a blank line, the next
        // document's cover and preamble.
        let text = "\
                    财政项目支出绩效目标填报表
   项目名称       各类工作经费           项目性质        经常性项目
       满意度指标        居民满意度         满意度
                  指标

                 上海市普陀区2023年区级部门预算
      预算主管部门：上海市普陀区人民政府万里街道办事处
";
        assert_eq!(extents(&toks(text)), vec![1..4]);
    }

    #[test]
    fn a_grid_headed_by_project_names_is_no_form() {
        // A header row of labels side by side, and a row without a title above it.
        let text = "\
                    项目支出预算表
   项目名称       项目性质       项目类别      预算数
   办公经费       经常性项目     其他运转类    12.00

   项目名称       办公经费       项目性质        经常性项目
";
        assert!(extents(&toks(text)).is_empty());
    }
}
