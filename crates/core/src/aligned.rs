//! Space-aligned text — a `pdftotext -layout` export, a copy from a PDF viewer, or the lines a
//! PDF's glyphs are laid out into — turned into the tab-separated cells the table parser reads.
//!
//! A table's columns are found from its data rows: every token of a row with a figure covers a
//! span of positions, and spans that overlap from row to row are one column; a label over no data
//! (a column left empty in every row) becomes a column of its own. The header is then set back
//! into the rows of merged cells it was drawn with (`header`: group labels in their group's first
//! column, as a ruled merged cell holds its text), and wrapped names placed in the column they
//! overlap. A table's later pages, each laid out on a grid of its own, are read in its first
//! page's columns (`grid`). Lines outside tables keep their words, runs of spaces becoming one
//! tab. Line `n` stays line `n`.

use crate::amount::Amount;
use crate::layout;

mod form;
mod grid;
mod header;

/// A run of text on a line and the positions it covers, `[start, end)`: character columns for
/// text, scaled page coordinates for a PDF's glyphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub text: String,
}

/// Whether a text's tables look aligned with spaces rather than separated by tabs: many lines
/// carry figures after runs of spaces, few carry tabs.
pub fn looks_aligned<'a>(lines: impl IntoIterator<Item = &'a str>) -> bool {
    infers_columns(lines, false)
}

/// Whether the columns of a text's lines without tabs are to be inferred: [`looks_aligned`];
/// or, in a PDF's reading (`paged`: pages separated by form feeds), whose ruled tables come
/// tab-separated (see `pdf::ruled`), wherever a line is aligned — its other tables, laid out
/// as `pdftotext -layout` would.
pub fn infers_columns<'a>(lines: impl IntoIterator<Item = &'a str>, paged: bool) -> bool {
    let (mut tabbed, mut aligned) = (0usize, 0usize);
    for l in lines {
        if layout::has_tab(l) {
            tabbed += 1;
        } else if l.trim().contains("  ") && l.split_whitespace().any(is_figure) {
            aligned += 1;
        }
    }
    (paged && aligned > 0) || (aligned >= 10 && tabbed * 10 < aligned)
}

/// The tokens of a space-aligned line: text split at runs of two or more spaces, and at a
/// single space beside a figure (`31,214,205.80 一、一般公共服务支出`: pdftotext leaves one space
/// where two cells nearly touch). Positions are character columns.
pub fn tokens(line: &str) -> Vec<Token> {
    let mut words: Vec<(u32, u32, &str)> = Vec::new();
    let mut start: Option<(u32, usize)> = None;
    let mut col = 0u32;
    for (at, ch) in line.char_indices() {
        match (ch == ' ', start) {
            (true, Some((s, b))) => {
                words.push((s, col, &line[b..at]));
                start = None;
            }
            (false, None) => start = Some((col, at)),
            _ => {}
        }
        col += 1;
    }
    if let Some((s, b)) = start {
        words.push((s, col, &line[b..]));
    }
    let mut out: Vec<Token> = Vec::new();
    for (s, e, w) in words {
        let joined = out.last_mut().filter(|last| {
            s.saturating_sub(last.end) == 1 && !is_figure(w) && !is_figure(last_word(&last.text))
        });
        match joined {
            Some(last) => {
                last.text.push(' ');
                last.text.push_str(w);
                last.end = e;
            }
            None => out.push(Token {
                start: s,
                end: e,
                text: w.to_owned(),
            }),
        }
    }
    join_letter_spaced(out)
}

/// Table words a template sets with spaces between their two characters (`合   计`, `金   额`):
/// read as one word, not as two labels.
const LETTER_SPACED: [&str; 7] = ["合计", "总计", "小计", "金额", "项目", "科目", "名称"];

/// Single characters a few places apart that spell a [`LETTER_SPACED`] word, joined (with one
/// space, as a copy prints them). Single characters spelling nothing are kept apart: `类  款  项`
/// heads three columns.
fn join_letter_spaced(tokens: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for t in tokens {
        let spelled = out.last().is_some_and(|last| {
            let word: String = last.text.chars().chain(t.text.chars()).collect();
            last.text.chars().count() == 1
                && t.text.chars().count() == 1
                && t.start.saturating_sub(last.end) <= 4
                && LETTER_SPACED.contains(&word.as_str())
        });
        match out.last_mut() {
            Some(last) if spelled => {
                last.text.push(' ');
                last.text.push_str(&t.text);
                last.end = t.end;
            }
            _ => out.push(t),
        }
    }
    out
}

fn last_word(s: &str) -> &str {
    s.rsplit(' ').next().unwrap_or(s)
}

/// A figure as tables print it: digits with separators or decimals (`1,234.50`, `0.00`, `12`).
fn is_figure(w: &str) -> bool {
    w.bytes().any(|b| b.is_ascii_digit()) && Amount::parse(w).is_some()
}

/// Rewrites space-aligned lines as tab-separated ones, in place: table blocks by their inferred
/// columns, other lines with each run of spaces as one tab. Lines already tab-separated stay
/// as they are (and end a block, as a blank line does).
pub fn tabulate_text(lines: &mut [String]) {
    let toks: Vec<Vec<Token>> = lines
        .iter()
        .map(|l| {
            if layout::has_tab(l) {
                Vec::new()
            } else {
                tokens(l)
            }
        })
        .collect();
    for (i, row) in tabulate(&toks).into_iter().enumerate() {
        if let (Some(row), false) = (row, layout::has_tab(&lines[i])) {
            lines[i] = row;
        }
    }
}

/// The tab-separated form of each line (`None`: keep the line as it is).
pub fn tabulate(lines: &[Vec<Token>]) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = lines.iter().map(|t| plain(t)).collect();
    let mut lines = lines.to_vec();
    // Forms first: read label by label, their lines are then left out of the grids.
    for i in form::extents(&lines).into_iter().flatten() {
        out[i] = form::row(&lines[i]);
        lines[i] = Vec::new();
    }
    for block in blocks(&lines) {
        let mut first: Option<grid::Grid> = None;
        for section in sections(&lines, block.clone()) {
            trace!("block {:?} section {:?}", block, section);
            split_joined(&mut lines, section.clone());
            let grid = tabulate_section(&lines, section, first.as_ref(), &mut out);
            first = first.or(grid);
        }
    }
    out
}

/// Words one space apart in a data row that fall in two columns of its section are two cells
/// (`便携式计算机（20万以下） 分散自行组织`: the export leaves one space where a long name nearly
/// touches the next cell): split where the section's other cells, none holding such a space,
/// stand in different columns on either side. Each part keeps two characters at least, so
/// text set with spaces between its characters (`合 计`) stays whole.
fn split_joined(lines: &mut [Vec<Token>], section: std::ops::Range<usize>) {
    let atoms = merged(
        lines[section.clone()]
            .iter()
            .filter(|t| is_data(t))
            .flatten()
            .filter(|t| !t.text.contains(' '))
            .map(span),
    );
    for i in section {
        if is_data(&lines[i]) && lines[i].iter().any(|t| t.text.contains(' ')) {
            let row = std::mem::take(&mut lines[i]);
            lines[i] = row
                .into_iter()
                .flat_map(|t| split_token(t, &atoms))
                .collect();
        }
    }
}

/// A token's words grouped by the column (of `atoms`) each overlaps, a word over none staying
/// with the one before; the token itself when it lies in one column or a part would be short.
fn split_token(t: Token, atoms: &[Span]) -> Vec<Token> {
    let mut groups: Vec<(Option<usize>, Token)> = Vec::new();
    let mut col = t.start;
    for w in t.text.split(' ') {
        let end = col + w.chars().count() as u32;
        let word = Token {
            start: col,
            end,
            text: w.to_owned(),
        };
        let at = atoms
            .iter()
            .position(|a| a.overlap(&word) > 0 && a.overlap(&word) * 2 >= end - col);
        match groups.last_mut() {
            Some((c, g)) if at.is_none() || *c == at || c.is_none() => {
                *c = c.or(at);
                g.text.push(' ');
                g.text.push_str(w);
                g.end = end;
            }
            _ => groups.push((at, word)),
        }
        col = end + 1;
    }
    if groups.len() < 2 || groups.iter().any(|(_, g)| g.text.chars().count() < 2) {
        return vec![t];
    }
    groups.into_iter().map(|(_, g)| g).collect()
}

/// Where each of a later page's columns falls among the first page's (`first`), when each
/// lies over or nearest a different one, in order: the page is the same table laid out on
/// another grid, its rows read in the table's columns (a page listing one side's names and
/// amounts, the header's other columns left empty).
fn embedding(own: &[Span], first: &[Span]) -> Option<Vec<usize>> {
    let map: Vec<usize> = own
        .iter()
        .map(|s| {
            let t = Token {
                start: s.start,
                end: s.end,
                text: String::new(),
            };
            column_of(&t, first)
        })
        .collect::<Option<_>>()?;
    map.windows(2).all(|w| w[0] < w[1]).then_some(map)
}

/// One section's lines in their columns; the table's header (the lines above its first data
/// row, when the section opens the block) set back into its rows of merged cells. A later
/// section (`first`: the block's first section's grid) is read in the first one's columns:
/// set on its grid when it fits ([`grid::Grid::place`]), else where its own columns embed in
/// them. Returns the section's grid.
fn tabulate_section(
    lines: &[Vec<Token>],
    section: std::ops::Range<usize>,
    first: Option<&grid::Grid>,
    out: &mut [Option<String>],
) -> Option<grid::Grid> {
    if let Some(placed) = first.and_then(|g| g.place(lines, section.clone())) {
        for (i, cells) in section.clone().zip(placed) {
            if let Some(cells) =
                cells.filter(|_| !is_preamble(&lines[i]) && !page_number_at(lines, i))
            {
                out[i] = Some(cells.join("\t"));
            }
        }
        return None;
    }
    let columns = columns(lines, section.clone())?;
    // A table published empty has its total row alone (`合计`) under the header; a first
    // row's figure may be printed alone a line above it (`2,940.05` / `一、一般公共预算财政拨款`).
    let first_data = section
        .clone()
        .find(|&i| is_data(&lines[i]) || is_total_fragment(&lines[i]) || is_lone_amount(&lines[i]));
    let header: Vec<usize> = section
        .clone()
        .take_while(|&i| Some(i) != first_data && first.is_none())
        .filter(|&i| !lines[i].is_empty() && !is_preamble(&lines[i]))
        .collect();
    for (i, row) in header::rows(lines, &header, &columns) {
        out[i] = Some(row);
    }
    let figures = figure_extents(lines, section.clone(), &columns);
    let map = first.and_then(|f| embedding(&columns, &f.spans).map(|m| (m, f.spans.len())));
    for i in section.clone().filter(|i| !header.contains(i)) {
        if lines[i].is_empty() || is_preamble(&lines[i]) || page_number_at(lines, i) {
            continue;
        }
        let cells = body_cells(&lines[i], &columns, &figures);
        let cells = match &map {
            Some((map, width)) => {
                let mut wide = vec![String::new(); *width];
                for (cell, &m) in cells.into_iter().zip(map) {
                    wide[m] = cell;
                }
                wide
            }
            None => cells,
        };
        out[i] = Some(cells.join("\t"));
    }
    Some(grid::Grid::of(lines, section, &columns, &figures))
}

/// A line outside any table: each run of spaces one tab, a single space kept (prose set with
/// spaces between its characters, `财 政 业 务 费 10.00 万 元`, stays one run of text).
fn plain(tokens: &[Token]) -> Option<String> {
    let mut out = String::new();
    let mut last_end = None;
    for t in tokens {
        match last_end {
            Some(e) if t.start.saturating_sub(e) == 1 => out.push(' '),
            Some(_) => out.push('\t'),
            None => {}
        }
        out.push_str(&t.text);
        last_end = Some(t.end);
    }
    Some(out)
}

/// A table's preamble (`单位：万元`) or its form number (`公开 10 表`): not a row.
fn is_preamble(tokens: &[Token]) -> bool {
    plain(tokens).is_some_and(|l| layout::is_preamble(&l))
}

/// A data row: several tokens, one of them a figure.
fn is_data(tokens: &[Token]) -> bool {
    tokens.len() >= 2 && tokens.iter().any(|t| is_figure(&t.text)) && !is_preamble(tokens)
}

/// A line of one amount alone (`2,940.05`: decimals or thousands, not a column's number).
fn is_lone_amount(tokens: &[Token]) -> bool {
    matches!(tokens, [one] if is_figure(&one.text) && one.text.contains(['.', ',']))
}

/// A line of cells: two tokens at least, set apart by a run of spaces somewhere (not only a
/// year in a sentence, `第三部分 江苏省高级人民法院 2018 年度…`).
fn is_row(tokens: &[Token]) -> bool {
    tokens
        .windows(2)
        .any(|w| w[1].start.saturating_sub(w[0].end) >= 2)
}

/// A line of running text: a sentence's full stop, or a long clause, in it (a cell may hold a
/// short remark: `预算不单列，并入本级`).
fn is_prose(tokens: &[Token]) -> bool {
    let clause = |w: &str| w.contains('。') || w.contains(['，', '；']) && w.chars().count() > 16;
    tokens.iter().any(|t| t.text.split(' ').any(clause))
}

/// A single short token that may sit inside a table: a header word, a wrapped name's tail.
fn is_fragment(tokens: &[Token]) -> bool {
    match tokens {
        [one] => {
            let t = one.text.trim();
            t.chars().count() <= 16
                && !t.ends_with('表')
                && !t.contains(['。', '，', '；'])
                && !layout::is_page_number(t)
        }
        _ => false,
    }
}

/// Runs of lines that hold a table: from a line of several tokens to the last such line,
/// through blank lines and short fragments; with two data rows at least, or under a table's
/// title (a table with one row, or published empty).
fn blocks(lines: &[Vec<Token>]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_row(&lines[i]) || is_preamble(&lines[i]) {
            i += 1;
            continue;
        }
        let start = header_top(lines, i);
        let mut last = i;
        let mut j = i + 1;
        while j < lines.len() {
            let t = &lines[j];
            if plain(t).is_some_and(|l| layout::is_part_heading(&l)) {
                break;
            }
            // A row, or cells a single space apart (`1 上海市普陀区财政局（本级）`).
            if is_row(t) || is_total_fragment(t) || t.len() >= 2 && !is_prose(t) {
                last = j;
            } else if !(t.is_empty()
                || is_fragment(t)
                || is_cell_number(lines, j)
                || page_break(lines, j))
            {
                break;
            }
            j += 1;
        }
        last = trailing_labels(lines, start..last + 1);
        let data = (start..=last).filter(|&k| is_data(&lines[k])).count();
        if data >= 2 || (last > start && titled(lines, start)) {
            out.push(start..last + 1);
        }
        i = last + 1;
    }
    out
}

/// A page number on a line of its own.
fn is_page_number(tokens: &[Token]) -> bool {
    matches!(tokens, [one] if layout::is_page_number(&one.text))
}

/// How far from a number alone on its line a row printing the same number in the same place
/// may stand, in lines.
const CELL_REACH: usize = 60;

/// A number alone on line `at` that is a cell of a row printed over several lines, not page
/// furniture: the same number printed in the same place in a row of cells nearby (a 类 code
/// over its row's other cells, `310` / `01  房屋建筑物购建`), where a page's number would
/// differ from page to page; or text on the lines just above and below it, where a page sets
/// its number apart, and a row of cells nearby with a cell starting or ending where it does
/// (a 款 code between its row's 类 code and its name's tail, `302` / `99` / `出`, in the 款
/// column).
fn is_cell_number(lines: &[Vec<Token>], at: usize) -> bool {
    let [one] = lines[at].as_slice() else {
        return false;
    };
    let text = |j: Option<usize>| j.and_then(|j| lines.get(j)).is_some_and(|t| !t.is_empty());
    let sandwiched = text(at.checked_sub(1)) && text(Some(at + 1));
    let near = at.saturating_sub(CELL_REACH)..(at + CELL_REACH + 1).min(lines.len());
    let in_rows = |same: &dyn Fn(&Token) -> bool| {
        lines[near.clone()]
            .iter()
            .any(|t| t.len() >= 2 && t.iter().any(same))
    };
    let repeated = || in_rows(&|o| o.text == one.text && o.start == one.start && o.end == one.end);
    let aligned = || in_rows(&|o| o.start == one.start || o.end == one.end);
    layout::is_page_number(&one.text) && (repeated() || sandwiched && aligned())
}

/// A page number on a line of its own, set apart from the text around it.
fn page_number_at(lines: &[Vec<Token>], at: usize) -> bool {
    is_page_number(&lines[at]) && !is_cell_number(lines, at)
}

/// A page number between two pages of one table: the next line with text is a row with a
/// figure. (A new table opens with its title, perhaps beside its unit; a page repeating the
/// header opens with it and is read as a block of its own; prose runs as sentences.)
fn page_break(lines: &[Vec<Token>], at: usize) -> bool {
    page_number_at(lines, at)
        && lines[at + 1..]
            .iter()
            .find(|t| !t.is_empty())
            .is_some_and(|t| is_data(t))
}

/// The last line of a block whose last rows hold a label alone (Jiangsu's 收入预算总表 ends
/// `其他收入`, `债务资金(银行贷款)`, `小计` under the item names): a short label starting where
/// a text cell of the block's body (its rows from the first with a figure) starts is one more
/// row; anything else (a heading, a note) ends the block. A table without figures takes the
/// line saying it is empty.
fn trailing_labels(lines: &[Vec<Token>], block: std::ops::Range<usize>) -> usize {
    let body = block
        .clone()
        .find(|&k| is_data(&lines[k]))
        .unwrap_or(block.end);
    let starts: Vec<u32> = lines[body..block.end]
        .iter()
        .filter(|t| t.len() >= 2)
        .flatten()
        .filter(|t| !is_figure(&t.text))
        .map(|t| t.start)
        .collect();
    let mut last = block.end - 1;
    for (k, t) in lines.iter().enumerate().skip(block.end) {
        match t.as_slice() {
            [] => continue,
            [one] if is_fragment(t) && starts.iter().any(|s| s.abs_diff(one.start) <= 1) => {
                last = k;
            }
            // A table published empty says so on a line of its own (`此表为空`).
            [one] if body == block.end && is_fragment(t) && layout::mentions_empty(&one.text) => {
                last = k;
                break;
            }
            _ => break,
        }
    }
    last
}

/// Where a table's header begins, given its first line of several tokens at `first`: up over
/// the header words stacked above it (short fragments, a blank line between them at most).
fn header_top(lines: &[Vec<Token>], first: usize) -> usize {
    let mut top = first;
    loop {
        let above = |k: usize| top.checked_sub(k).map(|j| &lines[j]);
        match (above(1), above(2)) {
            (Some(a), _) if is_fragment(a) => top -= 1,
            (Some(a), Some(b)) if a.is_empty() && is_fragment(b) => top -= 2,
            _ => return top,
        }
    }
}

/// A total's label (`合计`, `当年支出小计`, `收入总计`).
fn is_total_label(text: &str) -> bool {
    let t = crate::normalize::compact(text);
    ["合计", "小计", "总计"].iter().any(|w| t.ends_with(w))
}

/// A total row's label alone (`合计` in a table published empty): the table's last row.
fn is_total_fragment(tokens: &[Token]) -> bool {
    matches!(tokens, [one] if {
        let t = crate::normalize::compact(&one.text);
        t.ends_with("合计") || t.ends_with("总计")
    })
}

/// Whether a table's title stands just above line `at` (preamble and blank lines between).
fn titled(lines: &[Vec<Token>], at: usize) -> bool {
    let above = lines[..at]
        .iter()
        .rev()
        .find(|t| !t.is_empty() && !is_preamble(t));
    matches!(above.map(Vec::as_slice), Some([title]) if title.text.trim_end().ends_with('表'))
}

/// A column: the span its data cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    fn overlap(&self, t: &Token) -> u32 {
        self.end.min(t.end).saturating_sub(self.start.max(t.start))
    }
}

/// A block's sections, page by page (pdftotext lays each page out on its own grid): a header
/// row after data rows starts a new page, and so does a data row none of whose amounts ends
/// where an amount of the page so far ends (right-aligned figures all moved at once).
fn sections(lines: &[Vec<Token>], block: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut seen_data) = (block.start, false);
    // Where the page's amounts end, and where its data rows start their text cells (codes,
    // names): sets of positions, as many as a line is wide at most.
    let mut edges: Positions = Positions::new();
    let mut starts: Positions = Positions::new();
    let ends =
        |t: &[Token]| -> Vec<u32> { t.iter().filter(|t| is_anchor(t)).map(|t| t.end).collect() };
    let off = |own: &[u32], edges: &Positions| {
        !edges.is_empty() && !own.is_empty() && !own.iter().any(|e| near(edges, *e, 2))
    };
    let texts = |t: &[Token]| -> Vec<u32> {
        t.iter()
            .filter(|t| !is_figure(&t.text))
            .map(|t| t.start)
            .collect()
    };
    // A page laid out on a grid shifted by about a column's width, one of its amounts ending
    // where another column's did by chance: an amount ends off the grid left of its last
    // column, and no text cell starts where the page's text cells start.
    let shifted = |t: &[Token], edges: &Positions, starts: &Positions| {
        let last = edges.last().copied().unwrap_or(0);
        let stray = ends(t).iter().any(|e| *e < last && !near(edges, *e, 2));
        let own = texts(t);
        stray && !starts.is_empty() && !own.is_empty() && !own.iter().any(|s| starts.contains(s))
    };
    // Where the page's cells other than amounts start (codes, names), from the rows on its
    // grid; and the first of the rows without amounts since the last row on it whose cells
    // all start off it but one at most (a page set a few places left: `303   05   302` under
    // `303    04 … 302`, only the code at the margin staying).
    let mut cell_starts: Positions = Positions::new();
    let mut off_grid_from: Option<usize> = None;
    for i in block.clone() {
        let t = &lines[i];
        if is_data(t) {
            let own = ends(t);
            let moved =
                |j: usize| off(&ends(&lines[j]), &edges) || shifted(&lines[j], &edges, &starts);
            // A row set a few places off alone (the export rounds a short figure's position
            // differently) is not a new page when the next data row is back on the grid.
            let next = (i + 1..block.end).find(|&j| is_data(&lines[j]));
            let back = next.is_some_and(|j| !moved(j));
            let cells = cell_positions(t);
            let fitting = cells.iter().filter(|s| cell_starts.contains(s)).count();
            // A row whose amounts stand on the grid is on the page: any shift comes after it.
            let on_grid = !own.is_empty() && !moved(i);
            if cell_starts.is_empty() || fitting * 2 > cells.len() || on_grid {
                off_grid_from = None;
                cell_starts.extend(&cells);
            } else if cells.len() >= 2 && fitting <= 1 {
                off_grid_from.get_or_insert(i);
            }
            // Rows of codes and names without amounts set off the grid since `k`, two at
            // least: the page begins there, before the first row whose amounts show the
            // shift; that shows it even where a later row's amounts fall back near the grid
            // by chance (a total's wider figure).
            let from = off_grid_from.filter(|&k| {
                k > start
                    && (k..i)
                        .filter(|&j| is_data(&lines[j]) && cell_positions(&lines[j]).len() >= 2)
                        .count()
                        >= 2
            });
            if moved(i) && (!back || from.is_some()) {
                let at = from.unwrap_or(i);
                out.push(start..at);
                start = at;
                edges.clear();
                starts.clear();
                cell_starts.clear();
                off_grid_from = None;
                for k in (at..i).filter(|&k| is_data(&lines[k])) {
                    edges.extend(ends(&lines[k]));
                    starts.extend(texts(&lines[k]));
                    cell_starts.extend(cell_positions(&lines[k]));
                }
                cell_starts.extend(&cells);
            }
            edges.extend(own);
            starts.extend(texts(t));
            seen_data = true;
        } else if seen_data && page_number_at(lines, i) {
            // A page number: the next page is laid out on a grid of its own.
            out.push(start..i + 1);
            (start, seen_data) = (i + 1, false);
            edges.clear();
            starts.clear();
            cell_starts.clear();
            off_grid_from = None;
        } else if seen_data
            && is_row(t)
            && !is_preamble(t)
            && !body_labels(t, &starts)
            && repeats_header(t, &lines[block.clone()])
        {
            out.push(start..i);
            (start, seen_data) = (i, false);
            edges.clear();
            starts.clear();
            cell_starts.clear();
            off_grid_from = None;
        }
    }
    out.push(start..block.end);
    out
}

/// Where a row's cells other than amounts start (codes, names, row numbers).
fn cell_positions(tokens: &[Token]) -> Vec<u32> {
    tokens
        .iter()
        .filter(|t| !is_anchor(t))
        .map(|t| t.start)
        .collect()
}

/// A line that may open a new page's header: one of its labels is a label of the block's
/// header (the lines above its first data row), as a page repeating the header prints it; or
/// the block has no header to repeat. A row of names without figures (`信息网络建设维护  信息
/// 网络及软件`, a name's first line) repeats none.
fn repeats_header(tokens: &[Token], block: &[Vec<Token>]) -> bool {
    let header: Vec<&str> = block
        .iter()
        .take_while(|t| !is_data(t))
        .filter(|t| !is_preamble(t))
        .flatten()
        .map(|t| t.text.as_str())
        .collect();
    header.is_empty() || tokens.iter().any(|t| header.contains(&t.text.as_str()))
}

/// Positions on a line, each once.
type Positions = std::collections::BTreeSet<u32>;

/// Whether a position within `by` of `at` is in the set.
fn near(set: &Positions, at: u32, by: u32) -> bool {
    set.range(at.saturating_sub(by)..=at.saturating_add(by))
        .next()
        .is_some()
}

/// A line of labels each starting where a text cell of the page's data rows starts: a row
/// without figures or the heads of wrapped labels (`2.政府性基金预` … `三、单位预留机动经`),
/// not a new page's header, whose labels stand centred over their columns.
fn body_labels(tokens: &[Token], starts: &Positions) -> bool {
    tokens.iter().all(|t| near(starts, t.start, 1))
}

/// A figure that can only be an amount (decimals or separators): the anchors columns are found
/// from, as tables right-align them in their cells.
fn is_anchor(t: &Token) -> bool {
    layout::is_decimal_amount(&t.text)
}

fn span(t: &Token) -> Span {
    Span {
        start: t.start,
        end: t.end,
    }
}

/// A section's columns, left to right. The amounts' spans, merged where they overlap, are
/// columns; the other tokens of the data rows, between two such columns, are clustered the
/// same way, and neighbouring clusters no row fills both of are one column (a label centred
/// in its cell: `收入总计` under `一、财政拨款收入`). Header tokens over no column add columns of
/// their own (a column empty in every row). `None` when two tokens of one data row fall into
/// one column: the alignment does not separate the cells.
fn columns(lines: &[Vec<Token>], section: std::ops::Range<usize>) -> Option<Vec<Span>> {
    let rows: Vec<&Vec<Token>> = section
        .clone()
        .map(|i| &lines[i])
        .filter(|t| is_data(t))
        .collect();
    let anchors = merged(
        rows.iter()
            .flat_map(|t| t.iter())
            .filter(|t| is_anchor(t))
            .map(span),
    );
    let header: Vec<&Vec<Token>> = section
        .clone()
        .map(|i| &lines[i])
        .filter(|t| !is_data(t) && !is_preamble(t))
        .collect();
    let mut spans = anchors.clone();
    for gap in 0..=anchors.len() {
        let lo = gap.checked_sub(1).map_or(0, |g| anchors[g].end);
        let hi = anchors.get(gap).map_or(u32::MAX, |s| s.start);
        let inside = |t: &Token| !is_anchor(t) && t.start >= lo && t.end <= hi;
        // The spans of the data rows' tokens in the gap that `keep` keeps, merged.
        let clustered = |keep: &dyn Fn(&Token) -> bool| {
            merged(
                rows.iter()
                    .flat_map(|r| r.iter())
                    .filter(|t| inside(t) && keep(t))
                    .map(span),
            )
        };
        let mut clusters = clustered(&|_| true);
        let mut k = 0;
        while k + 1 < clusters.len() {
            let (a, b) = (clusters[k], clusters[k + 1]);
            let both = rows.iter().any(|r| {
                r.iter().any(|t| inside(t) && a.overlap(t) > 0)
                    && r.iter().any(|t| inside(t) && b.overlap(t) > 0)
            });
            // Two sparse columns the header labels apart (`采购品目大类`, `专项名称`: no row
            // fills both, each row its group's or its item's) — not a total's label centred
            // beside a column (`当年支出小计`).
            let totals_only = |c: Span| {
                rows.iter()
                    .flat_map(|r| r.iter())
                    .filter(|t| inside(t) && c.overlap(t) > 0)
                    .all(|t| is_total_label(&t.text))
            };
            let labels = header.iter().flat_map(|l| l.iter());
            let over = |c: Span, o: Span| {
                labels
                    .clone()
                    .any(|t| c.overlap(t) > 0 && o.overlap(t) == 0)
            };
            let labelled_apart = !totals_only(a) && !totals_only(b) && over(a, b) && over(b, a);
            if both || labelled_apart {
                k += 1;
            } else {
                clusters[k].end = b.end;
                clusters.remove(k + 1);
            }
        }
        // A total's label centred in a cell merged over a list's name and amount columns
        // (`当年支出小计`) widens the names' column only where no header line labels the
        // widened part apart from the names (`功能科目名称  金额`).
        let core = clustered(&|t| !is_total_label(&t.text));
        for c in clusters.iter_mut() {
            let inner = core.iter().filter(|k| k.start >= c.start && k.end <= c.end);
            let kept = inner.fold(None, |acc: Option<Span>, k| {
                Some(acc.map_or(*k, |a| Span {
                    start: a.start.min(k.start),
                    end: a.end.max(k.end),
                }))
            });
            let Some(kept) = kept.filter(|k| k != c) else {
                continue;
            };
            let apart = header.iter().any(|l| {
                l.iter().any(|t| kept.overlap(t) > 0)
                    && l.iter().any(|t| kept.overlap(t) == 0 && c.overlap(t) > 0)
            });
            if apart {
                *c = kept;
            }
        }
        spans.extend(clusters);
    }
    spans.sort_by_key(|s| s.start);
    let extra = merged(
        header
            .iter()
            .flat_map(|t| t.iter())
            .filter(|t| spans.iter().all(|s| s.overlap(t) == 0) && !is_group_label(t, &header))
            .map(span),
    );
    // Columns of figures set flush right, ending where their cells end (not codes set flush
    // left: `302`, `30201` start together).
    let figures: Vec<Span> = spans
        .iter()
        .copied()
        .filter(|s| {
            let cells: Vec<&Token> = rows
                .iter()
                .flat_map(|r| r.iter())
                .filter(|t| s.overlap(t) > 0)
                .collect();
            let flush_left = cells.windows(2).all(|w| w[0].start == w[1].start)
                && cells.windows(2).any(|w| w[0].end != w[1].end);
            cells.iter().all(|t| is_figure(&t.text)) && !flush_left
        })
        .collect();
    let spans = fold(spans, &figures, extra, &header);
    let clash = rows.iter().any(|row| {
        let mut cols: Vec<usize> = row.iter().filter_map(|t| column_of(t, &spans)).collect();
        let n = cols.len();
        cols.dedup();
        cols.len() < n
    });
    trace!(
        "aligned section {:?}: spans {:?} clash {clash}",
        (section.start + 1, section.end),
        spans
    );
    (!clash).then_some(spans)
}

/// A label over several labels of another header line (`功能分类科目编码` over `类 款 项`): it
/// spans their columns and makes none of its own.
fn is_group_label(t: &Token, header: &[&Vec<Token>]) -> bool {
    let s = span(t);
    header
        .iter()
        .any(|l| !l.contains(t) && l.iter().filter(|o| s.overlap(o) > 0).count() >= 2)
}

/// Data columns and the spans only header labels cover, left to right. A label span is folded
/// into a neighbouring data column when no header line has labels over both (a label set off
/// centre: `项目` beside its column, a group label between its columns), else it is a column of
/// its own (one empty in every row, whose label stands beside its neighbours' labels). Never
/// into a column of figures it stands right of: figures end where their cell ends (`小计`
/// right of 公务接待费's figures heads a column of its own, left empty).
fn fold(data: Vec<Span>, figures: &[Span], labels: Vec<Span>, header: &[&Vec<Token>]) -> Vec<Span> {
    let mut all: Vec<(Span, bool)> = data.into_iter().map(|s| (s, true)).collect();
    all.extend(labels.into_iter().map(|s| (s, false)));
    all.sort_by_key(|(s, _)| s.start);
    // A line with a label over each (not one label over both: a group label spans its columns).
    let shares = |a: Span, b: Span| {
        header.iter().any(|l| {
            l.iter().any(|t| a.overlap(t) > 0 && b.overlap(t) == 0)
                && l.iter().any(|t| b.overlap(t) > 0 && a.overlap(t) == 0)
        })
    };
    // Labels over each printed on interleaved lines (`附属单` / `其他收` / `位上` / `入` /
    // `缴收入`): two cells' labels, each wrapped and centred on its own, not one cell's.
    let lines_over = |a: Span, b: Span| -> Vec<usize> {
        (0..header.len())
            .filter(|&k| {
                header[k]
                    .iter()
                    .any(|t| a.overlap(t) > 0 && b.overlap(t) == 0 && !is_group_label(t, header))
            })
            .collect()
    };
    let interleaved = |a: Span, b: Span| {
        let (la, lb) = (lines_over(a, b), lines_over(b, a));
        let mut all: Vec<(usize, bool)> = la.iter().map(|&k| (k, true)).collect();
        all.extend(lb.iter().map(|&k| (k, false)));
        all.sort_unstable();
        // Line after line, each label's lines and the other's by turns.
        all.len() >= 3
            && all
                .windows(2)
                .all(|w| w[1].0 == w[0].0 + 1 && w[1].1 != w[0].1)
    };
    // (A column of figures keeps its right edge: nothing right of it is folded in.)
    let right_of_amounts =
        |a: Span, x: Span| x.start >= a.end && figures.iter().any(|o| o.end == a.end);
    let mut i = 0;
    while i < all.len() {
        let (x, is_data) = all[i];
        if is_data {
            i += 1;
            continue;
        }
        let near = |j: usize| {
            let (s, d) = all[j];
            let gap = if s.start >= x.end {
                s.start - x.end
            } else {
                x.start.saturating_sub(s.end)
            };
            (d && !shares(s, x) && !interleaved(s, x) && !right_of_amounts(s, x))
                .then_some((j, gap))
        };
        let left = i.checked_sub(1).and_then(near);
        let right = (i + 1 < all.len()).then(|| near(i + 1)).flatten();
        match [left, right].into_iter().flatten().min_by_key(|&(_, g)| g) {
            Some((j, _)) => {
                let target = &mut all[j].0;
                target.start = target.start.min(x.start);
                target.end = target.end.max(x.end);
                all.remove(i);
            }
            None => i += 1,
        }
    }
    all.into_iter().map(|(s, _)| s).collect()
}

/// Spans merged where they overlap, sorted.
fn merged(spans: impl Iterator<Item = Span>) -> Vec<Span> {
    let mut all: Vec<Span> = spans.collect();
    all.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<Span> = Vec::new();
    for s in all {
        match out.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// The column a token belongs to: the one it overlaps most (a name that starts just before the
/// previous column's widest amount ends lies in its own column; a group label goes where
/// `header` puts it), else the nearest.
fn column_of(t: &Token, spans: &[Span]) -> Option<usize> {
    let most = (0..spans.len())
        .filter(|&i| spans[i].overlap(t) > 0)
        .max_by_key(|&i| (spans[i].overlap(t), std::cmp::Reverse(i)));
    most.or_else(|| nearest(t, spans, |_| true))
}

/// The column nearest a token's middle among those `eligible`.
fn nearest(t: &Token, spans: &[Span], eligible: impl Fn(usize) -> bool) -> Option<usize> {
    let mid = (t.start + t.end) / 2;
    (0..spans.len()).filter(|&i| eligible(i)).min_by_key(|&i| {
        let s = spans[i];
        s.start.saturating_sub(mid).max(mid.saturating_sub(s.end))
    })
}

/// Where each column's amounts stand in the section's data rows, for a column of amounts: no
/// other token in its data rows over them (`None`: a column of text or codes, or empty).
fn figure_extents(
    lines: &[Vec<Token>],
    section: std::ops::Range<usize>,
    spans: &[Span],
) -> Vec<Option<Span>> {
    let tokens = || {
        section
            .clone()
            .filter(|&i| is_data(&lines[i]))
            .flat_map(|i| &lines[i])
    };
    let mut extents: Vec<Option<Span>> = vec![None; spans.len()];
    for t in tokens().filter(|t| is_anchor(t)) {
        if let Some(c) = column_of(t, spans) {
            extents[c] = Some(extents[c].map_or(span(t), |e| Span {
                start: e.start.min(t.start),
                end: e.end.max(t.end),
            }));
        }
    }
    for t in tokens().filter(|t| !is_anchor(t)) {
        if let Some(c) = column_of(t, spans) {
            if extents[c].is_some_and(|e| e.overlap(t) > 0) {
                extents[c] = None;
            }
        }
    }
    extents
}

/// A body line's cells: as [`cells`], but a total's label standing clear of a column's amounts
/// (`figures`) is not that column's — centred in a cell merged over a list's names and amounts
/// (`当年支出小计`), it goes to the nearest other column, as a copy puts it in the first.
fn body_cells(tokens: &[Token], spans: &[Span], figures: &[Option<Span>]) -> Vec<String> {
    cells_by(tokens, spans, |t, c| {
        let clear = figures[c].is_some_and(|f| f.overlap(t) == 0);
        if is_total_label(&t.text) && clear {
            nearest(t, spans, |i| figures[i].is_none()).unwrap_or(c)
        } else {
            c
        }
    })
}

/// A line's tokens in their columns, one cell per column, every column kept (a row with one
/// label is still a row of the table); tokens sharing a column joined by a space.
fn cells(tokens: &[Token], spans: &[Span]) -> Vec<String> {
    cells_by(tokens, spans, |_, c| c)
}

/// [`cells`], each token's column (by [`column_of`]) passed through `place`.
fn cells_by(
    tokens: &[Token],
    spans: &[Span],
    place: impl Fn(&Token, usize) -> usize,
) -> Vec<String> {
    let mut cells: Vec<String> = vec![String::new(); spans.len()];
    for t in tokens {
        let Some(c) = column_of(t, spans).map(|c| place(t, c)) else {
            continue;
        };
        if !cells[c].is_empty() {
            cells[c].push(' ');
        }
        cells[c].push_str(&t.text);
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Space-aligned lines as the parser reads them.
    pub(super) fn tabulated(text: &[&str]) -> Vec<String> {
        let mut lines: Vec<String> = text.iter().map(|s| s.to_string()).collect();
        tabulate_text(&mut lines);
        lines
    }

    fn texts(line: &str) -> Vec<String> {
        tokens(line).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn tokens_split_at_runs_of_spaces_and_beside_figures() {
        assert_eq!(
            texts("一、一般公共预算资金        31,214,205.80 一、一般公共服务支出  1.00"),
            [
                "一、一般公共预算资金",
                "31,214,205.80",
                "一、一般公共服务支出",
                "1.00"
            ]
        );
        assert_eq!(
            texts("  1. 一般公共预算资金   5.00"),
            ["1. 一般公共预算资金", "5.00"]
        );
        let t = tokens("ab  cd");
        assert_eq!((t[1].start, t[1].end), (4, 6));
    }

    #[test]
    fn columns_come_from_the_data_rows_and_labels_take_their_place() {
        let text = [
            "                项目                      一般公共预算支出",
            "类     款    项    科目名称              合计           基本支出         项目支出      政府性基金",
            "201             一般公共服务支出       22,186.80    16,093.00     6,093.80",
            "201   06   01   行政运行              100.00                    100.00",
            "                合计             22,286.80    16,093.00     6,193.80",
        ];
        let lines = tabulated(&text);
        assert_eq!(
            lines[2],
            "201\t\t\t一般公共服务支出\t22,186.80\t16,093.00\t6,093.80\t"
        );
        assert_eq!(lines[3], "201\t06\t01\t行政运行\t100.00\t\t100.00\t");
        assert_eq!(lines[4], "\t\t\t合计\t22,286.80\t16,093.00\t6,193.80\t");
        // Labels in the column they overlap; 政府性基金, over no data, is a column of its own.
        assert_eq!(
            lines[1],
            "类\t款\t项\t科目名称\t合计\t基本支出\t项目支出\t政府性基金"
        );
    }

    /// A final-accounts income table as a text export prints it: every label of the header
    /// wrapped and centred on its own (`附属单` / `位上` / `缴收入` on the lines between `其他收`
    /// and `入`), `科目编码` centred over the code's last two parts, the total's figures a line
    /// above `类 款 项` and its label a line below.
    const FINAL_INCOME: [&str; 22] = [
        "上海市某区某局2024年度部门决算",
        "                                   收入决算表",
        "                                                                          单位：万元",
        "                项目                                                          附属单",
        "                               本年收入合        财政拨款收        上级补助   事业收   经营收         其他收",
        "  支出功能分类                                                                    位上",
        "                     科目名称        计            入           收入     入     入           入",
        "   科目编码                                                                     缴收入",
        "",
        "                                 3,000.00    2,990.00                              10.00",
        " 类   款  项",
        "                     合计",
        "",
        "201             一般公共服务支出         2,500.00     2,490.00                             10.00",
        "201   06        财政事务             2,500.00   2,490.00                               10.00",
        "201   06   01   行政运行           2,500.00     2,490.00                               10.00",
        "201   06   02   一般行政管理事务        0.00         0.00",
        "208             社会保障和就业支出        500.00       500.00",
        "208   05        行政事业单位养老支出       500.00       500.00",
        "208   05   01   行政单位离退休           100.00       100.00",
        "208   05   05   机关事业单位基本养老保险缴费支出   300.00       300.00",
        "208   05   06   机关事业单位职业年金缴费支出    100.00       100.00",
    ];

    #[test]
    fn labels_wrapped_on_interleaved_lines_head_two_columns() {
        // `附属单位上缴收入` and `其他收入` are printed line by line in turn: two cells, the
        // first a column of its own though no row fills it.
        let lines = tabulated(&FINAL_INCOME);
        assert_eq!(
            lines[13], "201\t\t\t一般公共服务支出\t2,500.00\t2,490.00\t\t\t\t\t10.00",
            "{lines:#?}"
        );
    }

    #[test]
    fn a_final_accounts_table_exported_with_its_labels_off_their_rows_reads_whole() {
        let doc = crate::parse_text(&FINAL_INCOME.join("\n"), crate::Encoding::Utf8);
        let table = doc
            .units
            .iter()
            .flat_map(|u| &u.tables)
            .find(|t| t.kind == crate::TableKind::FinalIncome)
            .unwrap_or_else(|| panic!("{:#?}", doc.units));
        let row = |k: usize| {
            let r = &table.rows[k];
            let figures: Vec<String> = r
                .cells
                .iter()
                .filter_map(|c| c.amount.map(|_| c.text.clone()))
                .collect();
            (r.code.clone(), r.name.clone(), figures)
        };
        // The total: its label a line below its figures, and `类 款 项` between.
        assert_eq!(table.rows.len(), 10, "{:#?}", table.rows);
        assert_eq!(
            row(0),
            (
                None,
                Some("合计".into()),
                vec!["3,000.00".into(), "2,990.00".into(), "10.00".into()]
            )
        );
        // The code's three parts, the first under no label: one code.
        assert_eq!(row(3).0.as_deref(), Some("2010601"));
        assert_eq!(row(8).0.as_deref(), Some("2080505"));
        // Each wrapped label whole, its lines printed by turns with its neighbour's.
        let role = |r: crate::Role| table.columns.iter().position(|c| c.role == r);
        assert_eq!(
            role(crate::Role::OtherIncome),
            Some(10),
            "{:#?}",
            table.columns
        );
        assert_eq!(role(crate::Role::AffiliatedRemit), Some(9));
    }

    /// A final-accounts two-sided summary as a text export prints it: each side's group label
    /// off the middle of its group, the expenditure side's labels wrapped in narrow cells and
    /// printed by turns, a row's figures a line above its labels, a wrapped income label's
    /// head alone on its line and its tail beside the next expenditure label.
    const FINAL_FISCAL: [&str; 33] = [
        "上海市某区某局2024年度部门决算",
        "              财政拨款收入支出决算总表",
        "                                                                              单位：万元",
        "",
        "          收入                                        支出",
        "                                                                             国有资本经营",
        "                                                    一般公共预算          政府性基金预",
        "                                                                               预",
        "     项目         决算数            项目         合计          财               算",
        "                                                                              算财政拨",
        "                                                    政拨款             财政拨款",
        "                                                                              款",
        "               1,200.00",
        "一、一般公共预算财政拨款              一、一般公共服务支出     1,000.00        1,000.00",
        "二、政府性基金预算财政拨",
        "                          二、外交支出",
        "款",
        "三、国有资本经营预算财政",
        "                          三、国防支出",
        "拨款",
        "                          四、公共安全支出",
        "                          五、教育支出",
        "                          八、社会保障和就业支出     100.00          100.00",
        "                          九、卫生健康支出         50.00           50.00",
        "                          十一、城乡社区支出        30.00           30.00",
        "                          十九、住房保障支出        15.00      15.00",
        "                          二十三、其他支出         5.00       5.00",
        "                          二十六、抗疫特别国债安排",
        "                          的支出",
        "               1,200.00                  1,200.00",
        "   本年收入合计                    本年支出合计                  1,200.00",
        "年初财政拨款结转和结余     10.00     年末财政拨款结转和结余     10.00        10.00",
        "     总计        1,210.00        总计         1,210.00     1,210.00",
    ];

    /// A final-accounts basic-expenditure table as a text export prints it: two lists side by
    /// side (人员经费 | 公用经费), each row a band of lines set apart by blank lines — its
    /// figures a line above its codes, its name a line below, the right list's 款 code on the
    /// names' line, a long name's tail below that; the last page set a few places left with no
    /// page number between, its right list running on alone (a 款 code `99` alone between its
    /// row's lines, a 类 code `310` alone under a blank line); two rows in one band where a
    /// wrapped name's tail runs into the next row's code; the totals' figures just under the
    /// last row, their labels below them.
    const FINAL_BASIC: [&str; 68] = [
        "上海市某区某局2024年度部门决算",
        "                    一般公共预算财政拨款基本支出决算表",
        "                                                                 单位：万元",
        "",
        "    经济分类                                   经济分类",
        "    科目编码                                   科目编码",
        "                   科目名称      决算数                         科目名称        决算数",
        "        款                                      款",
        "类                                      类",
        "",
        "                              300.00                                 40.00",
        "301                                    302",
        "            工资福利支出                                 商品和服务支出",
        "",
        "                              100.00                                 10.00",
        "301    01                              302",
        "            基本工资                              01   办公费",
        "",
        "                              150.00",
        "301    02                              302",
        "            津贴补贴                              02   印刷费",
        "",
        "                               50.00                                  5.00",
        "301    08   机关事业单位基本养老保险缴              302         因公出国（境）费",
        "                                              12   用",
        "            费",
        "",
        "                               20.00",
        "303                                    302",
        "            对个人和家庭的补助                         16   培训费",
        "",
        "                               20.00",
        "303    02                              302",
        "            退休费                               18   专用材料费",
        "",
        "                                                                  15.00",
        "303   05                            302",
        "           生活补助                           25    专用燃料费",
        "",
        "303   99                            302",
        "           其他对个人和家庭的补助                    39    其他交通费用",
        "",
        "                                    302",
        "                                          40    税金及附加费用",
        "",
        "                                                                  10.00",
        "                                    302         其他商品和服务支",
        "                                          99",
        "                                                出",
        "",
        "                                                                   6.00",
        "                                    310",
        "                                                资本性支出",
        "",
        "                                    310",
        "                                          01    房屋建筑物购建",
        "",
        "                                                                   6.00",
        "                                    310",
        "                                          02    办公设备购置",
        "",
        "                                    310         信息网络及软件购置更",
        "                                          07",
        "                                                新",
        "                                    310",
        "                                          13    公务用车购置",
        "                         320.00                                   46.00",
        "           人员经费合计                              公用经费合计",
    ];

    #[test]
    fn a_number_alone_is_a_cell_where_the_rows_around_it_show_its_column() {
        let toks = |text: &[&str]| -> Vec<Vec<Token>> { text.iter().map(|l| tokens(l)).collect() };
        // `99` between its row's class code and its name's tail, in the 款 column.
        let rows = toks(&[
            "                                    302",
            "                                          40    税金及附加费用",
            "",
            "                                    302         其他商品和服务支",
            "                                          99",
            "                                                出",
        ]);
        assert!(is_cell_number(&rows, 4) && !page_number_at(&rows, 4));
        // `302` alone under a blank line: its rows print it there.
        assert!(is_cell_number(&rows, 0));
        // A page's number, set apart by blank lines, or between rows but under no column.
        let pages = toks(&[
            "201   06   01   行政运行           2,500.00     2,490.00",
            "",
            "                        7",
            "",
            "201   06   02   一般行政管理事务        10.00        10.00",
            "                        8",
            "201   06   03   机关服务        10.00        10.00",
        ]);
        assert!(page_number_at(&pages, 2) && !is_cell_number(&pages, 2));
        assert!(page_number_at(&pages, 5) && !is_cell_number(&pages, 5));
    }

    #[test]
    fn a_table_printed_in_bands_on_a_shifted_page_reads_row_by_row() {
        let doc = crate::parse_text(&FINAL_BASIC.join("\n"), crate::Encoding::Utf8);
        let table = doc
            .units
            .iter()
            .flat_map(|u| &u.tables)
            .find(|t| t.kind == crate::TableKind::FinalGeneralBudgetBasic)
            .unwrap_or_else(|| panic!("{:#?}", doc.units));
        assert!(table.understood(), "{:?}", table.not_understood);
        let rows: Vec<(String, String, Vec<&str>)> = table
            .rows
            .iter()
            .map(|r| {
                let figures = r
                    .cells
                    .iter()
                    .filter(|c| c.amount.is_some())
                    .map(|c| c.text.as_str())
                    .collect();
                (
                    r.code.clone().unwrap_or_default(),
                    r.name.clone().unwrap_or_default(),
                    figures,
                )
            })
            .collect();
        fn row<'a>(code: &str, name: &str, figures: &[&'a str]) -> (String, String, Vec<&'a str>) {
            (code.to_owned(), name.to_owned(), figures.to_vec())
        }
        assert_eq!(rows.len(), 25, "{rows:#?}");
        // Figures a line above their codes, names below.
        assert_eq!(rows[1], row("30101", "基本工资", &["100.00"]));
        assert_eq!(rows[10], row("30201", "办公费", &["10.00"]));
        // A name's tail below the names' line; a name's head on the code line.
        assert_eq!(
            rows[3],
            row("30108", "机关事业单位基本养老保险缴费", &["50.00"])
        );
        assert_eq!(rows[12], row("30212", "因公出国（境）费用", &["5.00"]));
        // The left list's figure on a line of its own, the right list's row without one.
        assert_eq!(rows[5], row("30302", "退休费", &["20.00"]));
        assert_eq!(rows[14], row("30218", "专用材料费", &[]));
        // The shifted page: each list's codes in their columns.
        assert_eq!(rows[6], row("30305", "生活补助", &[]));
        assert_eq!(rows[15], row("30225", "专用燃料费", &["15.00"]));
        // The right list alone: `99` a code between its row's lines, `310` alone its class.
        assert_eq!(rows[18], row("30299", "其他商品和服务支出", &["10.00"]));
        assert_eq!(rows[19], row("310", "资本性支出", &["6.00"]));
        // Two rows in one band: the tail `新` is the first's.
        assert_eq!(rows[22], row("31007", "信息网络及软件购置更新", &[]));
        assert_eq!(rows[23], row("31013", "公务用车购置", &[]));
        // The totals: figures just under the last row, labels below them.
        assert_eq!(rows[8], row("", "人员经费合计", &["320.00"]));
        assert_eq!(rows[24], row("", "公用经费合计", &["46.00"]));
        assert!(
            table.repairs.iter().any(|r| r.what.contains("行带")),
            "{:#?}",
            table.repairs
        );
    }

    #[test]
    fn a_final_accounts_summary_exported_off_its_rows_reads_as_a_ruled_copy() {
        let doc = crate::parse_text(&FINAL_FISCAL.join("\n"), crate::Encoding::Utf8);
        let table = doc
            .units
            .iter()
            .flat_map(|u| &u.tables)
            .find(|t| t.kind == crate::TableKind::FinalFiscalSummary)
            .unwrap_or_else(|| panic!("{:#?}", doc.units));
        use crate::{Role, Scope};
        let columns: Vec<(Scope, Role)> = table.columns.iter().map(|c| (c.scope, c.role)).collect();
        assert_eq!(
            columns,
            [
                (Scope::Income, Role::Name),
                (Scope::Income, Role::Amount),
                (Scope::Expenditure, Role::Name),
                (Scope::Expenditure, Role::Total),
                (Scope::Expenditure, Role::GeneralBudget),
                (Scope::Expenditure, Role::GovFund),
                (Scope::Expenditure, Role::StateCapital),
            ]
        );
        let texts =
            |k: usize| -> Vec<&str> { table.rows[k].cells.iter().map(|c| c.text.trim()).collect() };
        assert_eq!(table.rows.len(), 14, "{:#?}", table.rows);
        assert_eq!(
            texts(0),
            [
                "一、一般公共预算财政拨款",
                "1,200.00",
                "一、一般公共服务支出",
                "1,000.00",
                "1,000.00"
            ]
        );
        assert_eq!(texts(1), ["二、政府性基金预算财政拨款", "二、外交支出"]);
        // The repair names the line the tail is printed on.
        let tail = FINAL_FISCAL.iter().rposition(|l| l.trim() == "款").unwrap() + 1;
        assert!(
            table
                .repairs
                .iter()
                .any(|r| r.lines == (tail, tail) && r.what.contains("“款”")),
            "{:#?}",
            table.repairs
        );
        // (Not the figures of the label above them, whose sums they would break.)
        assert_eq!(texts(10), ["二十六、抗疫特别国债安排的支出"]);
        assert_eq!(
            texts(11),
            [
                "本年收入合计",
                "1,200.00",
                "本年支出合计",
                "1,200.00",
                "1,200.00"
            ]
        );
    }

    #[test]
    fn a_page_laid_out_on_another_grid_is_read_on_its_own() {
        // pdftotext sets each page on its own character grid: the amounts move all at once.
        let text = [
            "201   06   01   行政运行              100.00      60.00      40.00",
            "201   06   02   一般行政管理事务      200.00                200.00",
            "201   06   03   机关服务        300.00     300.00",
            "201   06   04   专项业务        400.00     100.00     300.00",
        ];
        let lines = tabulated(&text);
        assert_eq!(lines[1], "201\t06\t02\t一般行政管理事务\t200.00\t\t200.00");
        assert_eq!(lines[2], "201\t06\t03\t机关服务\t300.00\t300.00\t");
    }

    #[test]
    fn a_row_set_off_alone_is_not_a_new_page() {
        // The export sets one short figure three places right of its column; the next row is
        // back on the grid, so the row is read with its table, not as a page of its own.
        let text = [
            "收入                                  支出",
            "项目名称                金额              项目名称                    金额",
            "一、一般公共预算                   100.00   一、基本支出                  60.00",
            "二、政府性基金预算                           二、项目支出                  30.00",
            "                                    三、单位预留机动经费                 10.00",
            "    收入合计                   100.00       支出合计               100.00",
        ];
        let lines = tabulated(&text);
        assert_eq!(lines[4], "\t\t三、单位预留机动经费\t10.00", "{lines:#?}");
        assert_eq!(lines[5], "收入合计\t100.00\t支出合计\t100.00");
    }

    #[test]
    fn a_name_starting_where_the_widest_amount_ends_is_in_its_own_column() {
        // `一、一般公共服务支出` starts under the last digit of the total above it: it overlaps
        // its own column most, so the row does not read as two cells in one column.
        let text = [
            "       财政拨款收入                                     财政拨款支出",
            "     项目         预算数               项目           合计         一般公共预算",
            "一、一般公共预算资金 91,016,775.35 一、一般公共服务支出      82,096,797.42   82,096,797.42",
            "二、政府性基金                      二、社会保障和就业支出  4,213,779.28    4,213,779.28",
            "   收入总计      95,230,554.70      支出总计     86,310,576.70   86,310,576.70",
        ];
        let lines = tabulated(&text);
        assert_eq!(
            lines[2],
            "一、一般公共预算资金\t91,016,775.35\t一、一般公共服务支出\t82,096,797.42\t82,096,797.42",
            "{lines:#?}"
        );
        assert_eq!(lines[0], "财政拨款收入\t\t财政拨款支出\t\t");
    }

    #[test]
    fn a_later_page_on_its_own_grid_is_read_in_the_tables_columns() {
        // The next page lists the expenditure side alone, laid out on a narrower grid: its
        // names and amounts go to the expenditure side's columns, the income side left empty.
        let text = [
            "         收入                                  支出",
            "  项目名称         金额            功能科目名称            金额",
            "一、财政拨款           300.00   一、一般公共服务支出          100.00",
            " 1.一般公共预算        300.00   二、公共安全支出             50.00",
            "",
            "                          三、社会保障和就业支出  120.00",
            "                          四、住房保障支出      30.00",
        ];
        let lines = tabulated(&text);
        assert_eq!(
            lines[2],
            "一、财政拨款\t300.00\t一、一般公共服务支出\t100.00"
        );
        assert_eq!(lines[5], "\t\t三、社会保障和就业支出\t120.00", "{lines:#?}");
        assert_eq!(lines[6], "\t\t四、住房保障支出\t30.00");
    }

    #[test]
    fn a_tables_last_rows_with_a_label_alone_are_rows_of_it() {
        // The item names end the table, one to a line; a centred heading after them does not
        // start where any of the table's text cells does, and is not a row.
        let text = [
            "    项目名称                                                              金额",
            "",
            "                            收入总计                                          500.00",
            "",
            "  一般公共预算资金                 公共财政拨款(补助)资金                                   500.00",
            "",
            "    其他资金                     经营收入",
            "",
            "                             其他收入",
            "",
            "                             小计",
            "",
            "                    名词解释",
        ];
        let lines = tabulated(&text);
        assert_eq!(lines[8], "\t其他收入\t", "{lines:#?}");
        assert_eq!(lines[10], "\t小计\t");
        assert_eq!(lines[12], "名词解释");
    }

    #[test]
    fn prose_keeps_its_words() {
        let mut lines = vec![
            "一、部门主要职能  （一）负责".to_string(),
            "正文".to_string(),
            "元 ， 财 政 业 务 费 10.00 万 元 ，".to_string(),
        ];
        tabulate_text(&mut lines);
        assert_eq!(
            lines,
            [
                "一、部门主要职能\t（一）负责",
                "正文",
                "元 ， 财 政 业 务 费 10.00 万 元 ，"
            ]
        );
    }

    #[test]
    fn words_one_space_apart_in_two_columns_are_two_cells() {
        let lines = tabulated(&[
            "采购品目大类     专项名称        经济科目      采购物品名称          组织形式     总计",
            "合计                                                                 1,422.50",
            "          业务费          办公设备购置                                  30.00",
            "                                    PC服务器              分散自行组织     3.00",
            "                                    台式计算机（20万以下）  分散自行组织     4.00",
            "                                    便携式计算机（20万以下） 分散自行组织     3.50",
        ]);
        let cells = |l: &str| l.split('\t').map(str::to_owned).collect::<Vec<_>>();
        let (above, joined) = (cells(&lines[4]), cells(&lines[5]));
        assert_eq!(joined.len(), above.len(), "{lines:?}");
        let at = |row: &[String], text: &str| row.iter().position(|c| c == text);
        assert_eq!(
            at(&joined, "便携式计算机（20万以下）"),
            at(&above, "台式计算机（20万以下）")
        );
        assert_eq!(at(&joined, "分散自行组织"), at(&above, "分散自行组织"));
        // Text set with spaces between its characters stays whole.
        let t = Token {
            start: 0,
            end: 3,
            text: "合 计".into(),
        };
        let atoms = [Span { start: 0, end: 1 }, Span { start: 2, end: 3 }];
        assert_eq!(split_token(t.clone(), &atoms), vec![t]);
    }

    #[test]
    fn letter_spaced_words_are_one_and_an_empty_table_keeps_its_saying_so() {
        assert_eq!(texts("合   计      金   额"), ["合 计", "金 额"]);
        assert_eq!(texts("类   款   项"), ["类", "款", "项"], "three labels");
        let lines = tabulated(&[
            "政府性基金预算财政拨款支出预算表",
            "          功能科目编码                     功能科目名称                    金   额",
            "                         合   计",
            "  此表为空",
            "",
            "注：“科目编码”和“科目名称”为必填项",
        ]);
        assert!(lines[1].contains("金 额"), "{lines:?}");
        assert_eq!(lines[2].trim_matches('\t'), "合 计", "{lines:?}");
        // A row of the table (its cells tab-separated), not a line after it.
        assert!(lines[3].starts_with("此表为空\t"), "{lines:?}");
    }

    #[test]
    fn a_later_page_shifted_by_a_column_is_a_page_of_its_own() {
        // The next page sets every column about a column's width to the left, and its 公用经费
        // amounts end by chance where the first page's 人员经费 amounts end: its rows start
        // their codes and names elsewhere, so it is a page of its own, read on its own grid
        // (the table parser then places its cells under the header), not in the first page's
        // columns with 公用经费's amounts under 人员经费.
        let text = [
            " 类     款    经济分类科目名称           合计     人员经费       公用经费",
            " 301         工资福利支出           83,847,385   83,847,385",
            "",
            " 301   01    基本工资              5,668,416    5,668,416",
            "",
            " 302         商品和服务支出          15,381,432                 15,381,432",
            "",
            " 302   01    办公费               5,811,753                  5,811,753",
            "",
            "302   06   电费       710,000                   710,000",
            "",
            "302   07   邮电费      390,000                   390,000",
        ];
        let lines = tabulated(&text);
        assert_eq!(
            lines[7], "302\t01\t办公费\t5,811,753\t\t5,811,753",
            "{lines:#?}"
        );
        assert_eq!(lines[9], "302\t06\t电费\t710,000\t710,000", "{lines:#?}");
        assert_eq!(lines[11], "302\t07\t邮电费\t390,000\t390,000", "{lines:#?}");
    }

    #[test]
    fn wrapped_label_heads_and_a_centred_total_keep_the_tables_columns() {
        // Three lists side by side. A line holding only the heads of wrapped labels, each
        // starting where the rows' text cells start, is a row of the page, not a new page's
        // header; the centred `当年支出小计` widens the names' column no further than the
        // header's `金额` beside `功能科目名称`, which heads the amounts; and stands in the
        // names' column, not the amounts' it reaches into.
        let text = [
            "                  收入                                        支出",
            "                                                          功能分类                                      支出用途",
            "          项目名称             金额",
            "                                             功能科目名称                 金额                          项目名称            金额",
            "一、财政拨款                            300.00 一、一般公共服务支出                                 200.00    一、基本支出            250.00",
            " 1.一般公共预算                         300.00 二、外交支出                                               二、项目支出             50.00",
            " 2.政府性基金预                                                                                     三、单位预留机动经",
            "                                         三、国防支出                                                                  40.00",
            "算                                                                                             费",
            "二、财政专户管理资",
            "                                         四、公共安全支出                                   100.00",
            "金",
            "三、其他资金                                   五、教育支出",
            "         当年收入小计                   300.00                       当年支出小计                                           300.00",
        ];
        let lines = tabulated(&text);
        let cells = |l: &str| l.split('\t').map(str::to_owned).collect::<Vec<_>>();
        let body = cells(&lines[4]);
        assert_eq!(body.len(), 6, "{lines:#?}");
        let header = cells(&lines[3]);
        assert_eq!(header[2], "功能科目名称", "{lines:#?}");
        assert_eq!(header[3], "金额", "{lines:#?}");
        assert_eq!(
            cells(&lines[7])[2..],
            ["三、国防支出", "", "", "40.00"],
            "{lines:#?}"
        );
        assert_eq!(
            cells(&lines[10])[2..4],
            ["四、公共安全支出", "100.00"],
            "{lines:#?}"
        );
        let total = cells(&lines[13]);
        assert_eq!(
            (total[1].as_str(), total[2].as_str(), total[5].as_str()),
            ("300.00", "当年支出小计", "300.00"),
            "the label in the names' column, as a copy puts it: {lines:#?}"
        );
    }

    #[test]
    fn sparse_columns_the_header_labels_apart_stay_apart() {
        // No row fills both the category's column and the project's: each row is a category's
        // or an item's. The header labels them apart (the category's label wrapped over two
        // lines), so they are two columns, not one label centred in its cell.
        let text = [
            "采购品目大",
            "           专项名称            经济科目           采购组织形式            总计",
            "   类",
            "一、货物 A                                                    303.40",
            "          办公设备购置          办公设备购置                            9.00",
            "                                          分散自行组织            9.00",
        ];
        let lines = tabulated(&text);
        let cells = |l: &str| l.split('\t').map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(cells(&lines[3])[0], "一、货物 A", "{lines:#?}");
        let item = cells(&lines[4]);
        assert_eq!(
            item[..3],
            ["", "办公设备购置", "办公设备购置"],
            "{lines:#?}"
        );
        assert_eq!(item.last().map(String::as_str), Some("9.00"), "{lines:#?}");
    }

    #[test]
    fn a_row_of_names_without_figures_is_no_new_pages_header() {
        // Under the totals (合计, 一、货物 A), a wrapped name's first line holds names and no
        // figure: none of its words is a header label, so it is a row of the table, not a new
        // page's header — the header's six labels stay over the six columns. The part heading
        // after the table is no row of it.
        let text = [
            "采购品目                                        采购组织形",
            "              专项名称    经济科目         采购物品名称            总计",
            "  大类                                          式",
            "合计                                                   1,200.00",
            "一、货物 A                                                800.00",
            "         业务装备购置      专用设备购置",
            "                                                      800.00",
            "         经费          费",
            "                               其他专用设备       部门集中采购    800.00",
            "二、服务 C                                                400.00",
            "         会议经费        会议费                              400.00",
            "                               会议服务         分散自行组织    400.00",
            "",
            "         第三部分            部门预算情况说明",
        ];
        let lines = tabulated(&text);
        let cells = |l: &str| l.split('\t').map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(
            cells(&lines[0]),
            [
                "采购品目大类",
                "专项名称",
                "经济科目",
                "采购物品名称",
                "采购组织形式",
                "总计"
            ],
            "{lines:#?}"
        );
        assert_eq!(
            cells(&lines[8]),
            ["", "", "", "其他专用设备", "部门集中采购", "800.00"],
            "{lines:#?}"
        );
        assert_eq!(
            cells(&lines[10])[..3],
            ["", "会议经费", "会议费"],
            "{lines:#?}"
        );
        assert_eq!(lines[13], "第三部分\t部门预算情况说明", "{lines:#?}");
    }
}
