//! Rebuilding tables from pasted lines: titles, page continuations, headers, rows.

use crate::amount::Amount;
pub mod header;
pub mod kind;

use crate::layout::{self, AmountUnit, Meta};
use crate::normalize::{compact, fold_punct};
pub use header::{Column, Identity, Role, Scope};
pub use kind::TableKind;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// One cell of a data row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// Index into [`Table::columns`].
    pub col: usize,
    pub text: String,
    /// The figure, when the cell is an amount (blank cells have none: blank is not zero).
    pub amount: Option<Amount>,
    /// Source line (1-based) this cell's text came from.
    pub line: usize,
    /// Position (0-based) of the cell among the tab-separated cells of its source line.
    pub raw: usize,
}

/// A data row, possibly joined from a row wrapped over several source lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// First source line (1-based).
    pub line: usize,
    /// Further source lines merged into this row (wrapped cells, page breaks).
    pub continued: Vec<usize>,
    pub cells: Vec<Cell>,
    /// Classification or project code, digits only (`210150 1` → `2101501`; 类|款|项 joined).
    pub code: Option<String>,
    /// 政府预算经济分类 code paired with the row (Henan).
    pub gov_code: Option<String>,
    /// 单位代码 of the row, when the table lists units.
    pub unit_code: Option<String>,
    /// The row's name or label (科目名称, 项目名称, or the summary-table item).
    pub name: Option<String>,
}

impl Row {
    pub fn cell(&self, col: usize) -> Option<&Cell> {
        self.cells.iter().find(|c| c.col == col)
    }

    pub fn amount(&self, col: usize) -> Option<Amount> {
        self.cell(col).and_then(|c| c.amount)
    }

    pub fn text(&self, col: usize) -> &str {
        self.cell(col).map_or("", |c| c.text.as_str())
    }

    pub fn lines(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.line).chain(self.continued.iter().copied())
    }
}

/// A note printed under a table (`注：…`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub line: usize,
    pub text: String,
}

/// A place where the parser did not take the header at its word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repair {
    pub lines: (usize, usize),
    pub what: String,
}

/// The preamble a table states about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableMeta {
    pub unit_code: Option<String>,
    pub unit_name: Option<String>,
    pub year: Option<u16>,
    pub amount_unit: Option<AmountUnit>,
    pub as_of: Option<String>,
}

/// A rebuilt table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub kind: TableKind,
    pub title: String,
    pub title_line: usize,
    /// First and last source lines (1-based) the table occupies, pages merged.
    pub lines: (usize, usize),
    pub columns: Vec<Column>,
    pub header_lines: Vec<usize>,
    pub rows: Vec<Row>,
    pub notes: Vec<Note>,
    /// No amount anywhere in the data (published as an empty table).
    pub empty: bool,
    pub meta: TableMeta,
    pub repairs: Vec<Repair>,
    /// Key/value layout (Hebei 项目绩效目标表, 整体绩效目标表): rows are not column-aligned.
    pub key_value: bool,
}

impl Table {
    /// The first column with this scope and role.
    pub fn column(&self, scope: Scope, role: Role) -> Option<usize> {
        self.columns
            .iter()
            .find(|c| c.scope == scope && c.role == role)
            .map(|c| c.index)
    }

    /// The first column with this role, whatever its scope.
    pub fn column_any(&self, role: Role) -> Option<usize> {
        self.columns
            .iter()
            .find(|c| c.role == role)
            .map(|c| c.index)
    }

    /// The sum identities the header implies (合计 = 基本 + 项目, …).
    pub fn identities(&self) -> Vec<Identity> {
        header::identities(&self.columns)
    }

    pub fn declared_empty(&self) -> bool {
        self.notes.iter().any(|n| layout::mentions_empty(&n.text))
    }
}

// ---------------------------------------------------------------------------------------------
// Blocks: a title and the lines that belong to it.

#[derive(Debug, Clone)]
struct Block {
    kind: TableKind,
    title: String,
    title_line: usize,
    /// Indices (0-based) of lines in the block after the title, including merged-in titles.
    lines: Vec<usize>,
}

fn title_kind(line: &str) -> Option<TableKind> {
    if line.contains('\t') {
        return None;
    }
    TableKind::from_title(line.trim())
}

/// A title counts only when a table follows: preamble lines, then a tabular line.
fn confirmed_title(lines: &[String], i: usize) -> Option<TableKind> {
    let kind = title_kind(&lines[i])?;
    let next = lines
        .iter()
        .skip(i + 1)
        .take(12)
        .find(|l| !layout::is_blank(l) && layout::meta(l).is_none())?;
    layout::is_tabular(next).then_some(kind)
}

fn is_short_fragment(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 16 && !t.contains('。') && !layout::is_heading(t)
}

fn detect_blocks(lines: &[String]) -> Vec<Block> {
    let titles: Vec<(usize, TableKind)> = (0..lines.len())
        .filter_map(|i| confirmed_title(lines, i).map(|k| (i, k)))
        .collect();
    let mut blocks = Vec::new();
    for (n, &(start, kind)) in titles.iter().enumerate() {
        let limit = titles.get(n + 1).map_or(lines.len(), |t| t.0);
        let mut body = Vec::new();
        let mut in_note = false;
        let mut i = start + 1;
        while i < limit {
            let line = &lines[i];
            if layout::is_blank(line) {
                i += 1;
                continue;
            }
            if layout::is_tabular(line) || layout::meta(line).is_some() {
                in_note = false;
                body.push(i);
            } else if layout::is_note(line)
                || (in_note && !layout::is_heading(line) && title_kind(line).is_none())
            {
                in_note = true;
                body.push(i);
            } else if title_kind(line).is_none()
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
fn joined_title(lines: &[String], start: usize) -> (usize, String) {
    let title = lines[start].trim();
    let above = (1..=2)
        .filter_map(|d| start.checked_sub(d))
        .find(|&i| !layout::is_blank(&lines[i]));
    if let Some(i) = above {
        let prev = lines[i].trim();
        let numbered =
            prev.chars().take_while(char::is_ascii_digit).count() > 0 && prev.contains('、');
        if numbered
            && !lines[i].contains('\t')
            && title_kind(prev).is_none()
            && !prev.ends_with('。')
        {
            return (i, format!("{prev}{title}"));
        }
    }
    (start, title.to_owned())
}

/// Short stray lines (`投入管理指标`) inside a table, followed by more table rows.
fn fragment_run_then_table(lines: &[String], from: usize, limit: usize) -> bool {
    lines[from..limit]
        .iter()
        .take(24)
        .filter(|l| !layout::is_blank(l))
        .find(|l| !is_short_fragment(l) || layout::is_tabular(l))
        .is_some_and(|l| layout::is_tabular(l))
}

/// The same title repeated on the next page continues the table.
fn merge_continuations(lines: &[String], blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for b in blocks {
        if let Some(prev) = out.last_mut() {
            let prev_end = prev.lines.last().copied().unwrap_or(prev.title_line);
            let gap_blank = lines
                .get(prev_end + 1..b.title_line)
                .is_some_and(|gap| gap.iter().all(|l| layout::is_blank(l)));
            if prev.kind == b.kind && fold_punct(&prev.title) == fold_punct(&b.title) && gap_blank {
                prev.lines.push(b.title_line);
                prev.lines.extend(b.lines);
                continue;
            }
        }
        out.push(b);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Pages: preamble, header lines, data lines.

#[derive(Debug, Default, Clone)]
struct Page {
    header: Vec<usize>,
    data: Vec<usize>,
}

fn is_repeated_title(kind: TableKind, title: &str, line: &str) -> bool {
    title_kind(line) == Some(kind) && fold_punct(line) == fold_punct(title)
}

fn is_kv_layout(first_row: &[&str]) -> bool {
    let first = first_row
        .iter()
        .find(|c| !c.is_empty())
        .map(|c| fold_punct(c))
        .unwrap_or_default();
    first == "项目编码"
        || first.starts_with("部门(单位)名称")
        || first.starts_with("单位名称") && first.len() > 12
}

/// Cells that can only be a data row: an amount, a code, a 合计/ordinal label.
fn data_like(cells: &[&str]) -> bool {
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
fn is_ordinal_label(f: &str) -> bool {
    if layout::is_heading(f) {
        return true;
    }
    let digits = f.chars().take_while(|c| c.is_ascii_digit()).count();
    digits > 0 && f.chars().nth(digits) == Some('、')
}

/// A header cell's label for comparing headers across pages: column numbers fused into labels
/// (`项目 1`, `预算数 2`) do not make a different header.
fn header_label(c: &str) -> String {
    let mut label = String::with_capacity(c.len());
    label.extend(
        c.chars()
            .filter(|ch| !ch.is_whitespace() && !ch.is_ascii_digit()),
    );
    label
}

/// A later page's header: every label already appeared in the first page's header
/// (the repeat may drop empty trailing columns or a label). `seen`: the labels seen so far.
fn repeats_header(cells: &[&str], seen: &HashSet<String>) -> bool {
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

fn split_pages(lines: &[String], block: &Block, kv: bool) -> (Vec<Page>, Vec<Note>, Vec<usize>) {
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
        if is_repeated_title(block.kind, &block.title, line) || layout::meta(line).is_some() {
            if layout::meta(line).is_some() {
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

// ---------------------------------------------------------------------------------------------
// Column mapping: header first, arithmetic decides when the header cannot be trusted.

/// Cells up to the last non-empty one: trailing tabs say nothing about missing columns.
fn effective_width(line: &str) -> usize {
    layout::cells(line)
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |i| i + 1)
}

fn row_cells(line: &str, width: usize, insert_at: Option<usize>) -> Vec<String> {
    let mut cells: Vec<String> = layout::cells(line).into_iter().map(str::to_owned).collect();
    if let Some(k) = insert_at {
        if effective_width(line) < width && k <= cells.len() {
            cells.insert(k, String::new());
        }
    }
    cells
}

/// A data cell parsed once for the mapping search.
struct Parsed {
    amount: Option<Amount>,
    decimal: bool,
    text: bool,
}

/// A page's data rows, parsed once; `width` is the effective width (trailing blanks dropped).
struct PageCells {
    rows: Vec<(Vec<Parsed>, usize)>,
}

impl PageCells {
    fn new(lines: &[String], data: &[usize]) -> Self {
        let rows = data
            .iter()
            .map(|&i| {
                let cells: Vec<Parsed> = layout::cells(&lines[i])
                    .into_iter()
                    .map(|c| {
                        let amount = Amount::parse(c);
                        Parsed {
                            amount,
                            decimal: layout::is_decimal_amount(c),
                            text: !c.is_empty() && amount.is_none(),
                        }
                    })
                    .collect();
                (cells, effective_width(&lines[i]))
            })
            .collect();
        PageCells { rows }
    }

    /// Cell `i` of a row as mapped, with a blank inserted at `insert` into short rows.
    fn get(
        row: &(Vec<Parsed>, usize),
        i: usize,
        insert: Option<usize>,
        width: usize,
    ) -> Option<&Parsed> {
        match insert {
            Some(k) if row.1 < width && k <= row.0.len() => match i.cmp(&k) {
                std::cmp::Ordering::Less => row.0.get(i),
                std::cmp::Ordering::Equal => None,
                std::cmp::Ordering::Greater => row.0.get(i - 1),
            },
            _ => row.0.get(i),
        }
    }
}

/// How well a mapping explains the rows: identities that hold minus those that fail,
/// then how many columns hold the kind of content (money/text) their role says.
fn score(
    columns: &[Column],
    ids: &[Identity],
    insert_at: Option<usize>,
    page: &PageCells,
) -> (i32, i32) {
    let width = columns.len();
    let value = |row: &(Vec<Parsed>, usize), i: usize| {
        PageCells::get(row, i, insert_at, width).and_then(|p| p.amount)
    };
    let mut arith = 0;
    for id in ids {
        for row in &page.rows {
            let total = value(row, id.total);
            let mut any = total.is_some();
            let mut sum = Decimal::ZERO;
            let mut tol = total.map_or(Decimal::new(5, 3), |a| a.half_step());
            for &p in &id.parts {
                match value(row, p) {
                    Some(a) => {
                        any = true;
                        sum += a.value;
                        tol += a.half_step();
                    }
                    None => tol += Decimal::new(5, 3),
                }
            }
            if !any {
                continue;
            }
            let t = total.map_or(Decimal::ZERO, |a| a.value);
            arith += if (t - sum).abs() <= tol { 1 } else { -1 };
        }
    }
    let mut plaus = 0;
    for c in columns {
        let (mut filled, mut decimals, mut texts) = (0usize, 0usize, 0usize);
        for row in &page.rows {
            if let Some(p) = PageCells::get(row, c.index, insert_at, width) {
                if p.amount.is_some() || p.text {
                    filled += 1;
                    decimals += p.decimal as usize;
                    texts += p.text as usize;
                }
            }
        }
        if filled == 0 {
            continue;
        }
        let money_role = c.role.is_money();
        let numeric_ok = matches!(
            c.role,
            Role::Quantity | Role::UnitPrice | Role::ProjectBudget | Role::Reserved | Role::RowNo
        );
        let misplaced_text = money_role && decimals == 0 && texts > 0;
        let misplaced_money = !money_role && !numeric_ok && decimals * 2 > filled;
        plaus += if misplaced_text || misplaced_money {
            -1
        } else {
            1
        };
    }
    (arith, plaus)
}

fn header_rows(lines: &[String], header: &[usize]) -> Vec<Vec<String>> {
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

fn canonical(columns: &[Column]) -> Option<Vec<Column>> {
    let money_idx: Vec<usize> = columns
        .iter()
        .filter(|c| c.role.is_money())
        .map(|c| c.index)
        .collect();
    let mut money: Vec<Column> = columns
        .iter()
        .filter(|c| c.role.is_money())
        .cloned()
        .collect();
    money.sort_by_key(header::canonical_key);
    let mut out = columns.to_vec();
    let mut changed = false;
    for (slot, mut col) in money_idx.into_iter().zip(money) {
        changed |= col.index != slot;
        col.index = slot;
        out[slot] = col;
    }
    changed.then_some(out)
}

const MAX_SEARCH_WIDTH: usize = 48;

/// A header variant to try, with what it changes relative to the base it came from.
struct Variant {
    columns: Vec<Column>,
    changes: Vec<String>,
}

fn variants(base: &[Column]) -> Vec<Variant> {
    let mut out = vec![Variant {
        columns: base.to_vec(),
        changes: Vec::new(),
    }];
    if let Some(c) = canonical(base) {
        out.push(Variant {
            columns: c,
            changes: vec!["按表内勾稽关系将金额列按标准顺序对齐".to_owned()],
        });
    }
    for i in 0..base.len().saturating_sub(1) {
        if base[i].role.is_money() || base[i + 1].role.is_money() {
            let mut swapped = base.to_vec();
            swapped.swap(i, i + 1);
            swapped[i].index = i;
            swapped[i + 1].index = i + 1;
            out.push(Variant {
                columns: swapped,
                changes: vec![format!(
                    "第{}、{}列表头与数据错位，依据数据与勾稽关系互换",
                    i + 1,
                    i + 2
                )],
            });
        }
    }
    out
}

fn pad(mut cols: Vec<Column>, width: usize) -> Vec<Column> {
    while cols.len() < width {
        let index = cols.len();
        cols.push(Column {
            index,
            path: Vec::new(),
            scope: Scope::Root,
            role: Role::Text,
        });
    }
    cols
}

fn same_roles(a: &[Column], b: &[Column]) -> bool {
    let key = |cols: &[Column]| -> Vec<(Scope, Role)> {
        let mut k: Vec<(Scope, Role)> = cols.iter().map(Column::key).collect();
        while k.last().is_some_and(|x| x.1 == Role::Text) {
            k.pop();
        }
        k
    };
    key(a) == key(b)
}

/// The chosen column mapping of a whole table, and how each page's rows fit it.
struct TableMapping {
    columns: Vec<Column>,
    insert_at: Vec<Option<usize>>,
    repairs: Vec<Repair>,
}

/// One header for the whole table (pages repeat it), scored on every data row: the header as
/// printed first, then alternatives — another page's or a sibling table's header, the canonical
/// order, adjacent swaps — with a blank re-inserted where a page's rows dropped an empty column.
fn choose_mapping(
    lines: &[String],
    pages: &[Page],
    page_headers: &[Vec<Column>],
    siblings: &[Vec<Column>],
) -> TableMapping {
    let mut bases: Vec<Vec<Column>> = Vec::new();
    for h in page_headers.iter().chain(siblings) {
        if !h.is_empty() && !bases.contains(h) {
            bases.push(h.clone());
        }
    }
    let data_width = |p: &Page| {
        p.data
            .iter()
            .map(|&i| effective_width(&lines[i]))
            .max()
            .unwrap_or(0)
    };
    let parsed: Vec<PageCells> = pages
        .iter()
        .map(|p| PageCells::new(lines, &p.data))
        .collect();
    // Computed once: every variant below asks for each page's width.
    let widths: Vec<usize> = pages.iter().map(data_width).collect();
    let max_width = widths.iter().copied().max().unwrap_or(0);
    let debug = std::env::var_os("YUSUAN_DEBUG_MAPPING").is_some();
    // Real budget tables have at most a few dozen columns; beyond that, trust the header.
    let search = max_width <= MAX_SEARCH_WIDTH;
    let mut best: Option<((i32, i32, i32, i32), TableMapping)> = None;
    for (b, base) in bases.iter().enumerate() {
        let from_sibling = b
            >= bases.len()
                - siblings
                    .iter()
                    .filter(|s| !page_headers.contains(s))
                    .count()
                    .min(bases.len());
        let padded = pad(base.clone(), max_width);
        let tried = if search {
            variants(&padded)
        } else {
            vec![Variant {
                columns: padded,
                changes: Vec::new(),
            }]
        };
        for v in tried {
            let width = v.columns.len();
            let ids = header::identities(&v.columns);
            let (mut arith, mut plaus, mut complexity, mut right) =
                (0, 0, v.changes.len() as i32, 0);
            let mut inserts = Vec::new();
            for (p, page) in pages.iter().enumerate() {
                let dw = widths[p];
                let can_insert = search && !page.data.is_empty() && dw < width;
                let options: Vec<Option<usize>> = std::iter::once(None)
                    .chain(can_insert.then(|| (0..dw).map(Some)).into_iter().flatten())
                    .collect();
                // Best score; on a tie no insertion, else the rightmost insertion.
                let (k, (a, pl)) = options
                    .iter()
                    .map(|&k| (k, score(&v.columns, &ids, k, &parsed[p])))
                    .max_by_key(|(k, sc)| (*sc, k.is_none(), k.map_or(0, |k| k as i32)))
                    .unwrap_or((None, (0, 0)));
                arith += a;
                plaus += pl;
                right += k.map_or(0, |k| k as i32);
                complexity += k.is_some() as i32;
                if !page_headers[p].is_empty() && !same_roles(&page_headers[p], &v.columns) {
                    complexity += 1;
                }
                inserts.push(k);
            }
            complexity += from_sibling as i32;
            plaus -= v
                .columns
                .iter()
                .filter(|c| !header::plausible(c.scope, c.role))
                .count() as i32;
            let key = (arith, plaus, -complexity, right);
            if debug {
                eprintln!("base{b} {:?} inserts {:?} => {key:?}", v.changes, inserts);
            }
            if best.as_ref().is_none_or(|(k, _)| key > *k) {
                let repairs = describe(pages, page_headers, &v, &inserts, from_sibling);
                best = Some((
                    key,
                    TableMapping {
                        columns: v.columns,
                        insert_at: inserts,
                        repairs,
                    },
                ));
            }
        }
    }
    best.map(|(_, m)| m).unwrap_or(TableMapping {
        columns: Vec::new(),
        insert_at: vec![None; pages.len()],
        repairs: Vec::new(),
    })
}

fn page_span(page: &Page) -> (usize, usize) {
    let first = page
        .header
        .first()
        .or(page.data.first())
        .map_or(0, |i| i + 1);
    let last = page
        .data
        .last()
        .or(page.header.last())
        .map_or(first, |i| i + 1);
    (first, last)
}

fn describe(
    pages: &[Page],
    headers: &[Vec<Column>],
    v: &Variant,
    inserts: &[Option<usize>],
    sibling: bool,
) -> Vec<Repair> {
    let mut out = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let (first, last) = page_span(page);
        let mut what: Vec<String> = Vec::new();
        let header_differs = !headers[p].is_empty() && !same_roles(&headers[p], &v.columns);
        if header_differs && !page.header.is_empty() {
            if v.changes.is_empty() {
                what.push(if sibling {
                    "本页表头与数据不符，依据数据与勾稽关系采用同类表的表头".to_owned()
                } else {
                    "本页表头与数据不符，依据数据与勾稽关系采用同表其他页的表头".to_owned()
                });
            } else {
                what.extend(v.changes.iter().cloned());
            }
        }
        if let Some(k) = inserts[p] {
            what.push(format!(
                "数据行比表头少一列空列，已在第{}列补回（依据数据与勾稽关系）",
                k + 1
            ));
        }
        if !what.is_empty() {
            out.push(Repair {
                lines: (first, last),
                what: format!("第{first}–{last}行：{}", what.join("；")),
            });
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Rows.

fn join_code(class: &str, section: &str, item: &str) -> Option<String> {
    let parts: Vec<String> = [class, section, item]
        .iter()
        .filter_map(|p| layout::code_digits(p))
        .collect();
    let class_ok = parts.first().is_some_and(|c| c.len() == 3);
    (class_ok && parts.iter().skip(1).all(|p| p.len() == 2)).then(|| parts.concat())
}

/// `inserted`: where a blank was re-inserted into this row, so raw positions shift back by one.
fn build_row(line_no: usize, cells: &[String], columns: &[Column], inserted: Option<usize>) -> Row {
    let role_at = |i: usize| columns.get(i).map_or(Role::Text, |c| c.role);
    let out: Vec<Cell> = cells
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(i, t)| {
            let role = role_at(i);
            let numeric = role.is_money()
                || matches!(
                    role,
                    Role::Quantity | Role::UnitPrice | Role::ProjectBudget | Role::Reserved
                )
                || (role == Role::Text && layout::is_decimal_amount(t));
            Cell {
                col: i,
                text: t.clone(),
                amount: if numeric { Amount::parse(t) } else { None },
                line: line_no,
                raw: match inserted {
                    Some(k) if i > k => i - 1,
                    _ => i,
                },
            }
        })
        .collect();
    let text_of = |role: Role| -> &str {
        columns
            .iter()
            .find(|c| c.role == role)
            .and_then(|c| cells.get(c.index))
            .map_or("", String::as_str)
    };
    let code = layout::code_digits(text_of(Role::Code)).or_else(|| {
        join_code(
            text_of(Role::CodeClass),
            text_of(Role::CodeSection),
            text_of(Role::CodeItem),
        )
    });
    let gov_code = layout::code_digits(text_of(Role::GovCode)).or_else(|| {
        join_code(
            text_of(Role::GovCodeClass),
            text_of(Role::GovCodeSection),
            "",
        )
    });
    let unit_code = layout::code_digits(text_of(Role::UnitCode));
    let name = columns
        .iter()
        .filter(|c| c.role == Role::Name)
        .filter_map(|c| cells.get(c.index))
        .find(|t| !t.is_empty())
        .cloned();
    Row {
        line: line_no,
        continued: Vec::new(),
        cells: out,
        code,
        gov_code,
        unit_code,
        name,
    }
}

/// A wrapped line: no figure, no code, no row number, no label of its own.
fn is_continuation(row: &Row, kind: TableKind) -> bool {
    if matches!(
        kind,
        TableKind::BudgetSummary
            | TableKind::FiscalSummary
            | TableKind::Assets
            | TableKind::OrgStructure
            | TableKind::ThreePublic
    ) {
        return false;
    }
    let first = row
        .cells
        .first()
        .map(|c| fold_punct(&c.text))
        .unwrap_or_default();
    row.cells
        .iter()
        .all(|c| c.amount.is_none() && !layout::is_decimal_amount(&c.text))
        && row.code.is_none()
        && row.unit_code.is_none()
        && layout::code_digits(&first).is_none()
        && !is_ordinal_label(&first)
        && first != "合计"
}

fn merge_into(prev: &mut Row, cont: Row) {
    prev.continued.push(cont.line);
    for cell in cont.cells {
        let target = match prev.cells.iter().position(|c| c.col == cell.col) {
            // A wrapped label that landed in an amount column belongs to the text cell on its left.
            Some(p) if prev.cells[p].amount.is_some() => {
                prev.cells[..p].iter().rposition(|c| c.amount.is_none())
            }
            other => other,
        };
        match target {
            Some(p) => {
                prev.cells[p].text.push_str(&cell.text);
                if prev
                    .name
                    .as_deref()
                    .is_some_and(|n| prev.cells[p].text.starts_with(n))
                {
                    prev.name = Some(prev.cells[p].text.clone());
                }
            }
            None => {
                let at = prev
                    .cells
                    .iter()
                    .position(|c| c.col > cell.col)
                    .unwrap_or(prev.cells.len());
                prev.cells.insert(at, cell);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------

/// Finds and rebuilds every table in the document's lines.
pub fn find_tables(lines: &[String]) -> Vec<Table> {
    let mut tables: Vec<Table> = Vec::new();
    for b in detect_blocks(lines) {
        // Tables of one family share a layout; a sibling's header is one more candidate.
        let siblings: Vec<Vec<Column>> = tables
            .iter()
            .rev()
            .filter(|t| same_layout_family(t.kind, b.kind) && !t.columns.is_empty())
            .map(|t| t.columns.clone())
            .take(3)
            .collect();
        tables.push(build_table(lines, &b, &siblings));
    }
    tables
}

fn same_layout_family(a: TableKind, b: TableKind) -> bool {
    use TableKind::*;
    let spending = |k| {
        matches!(
            k,
            ExpenditureSummary
                | GeneralBudgetExpenditure
                | GovFundExpenditure
                | StateCapitalExpenditure
        )
    };
    spending(a) && spending(b)
}

fn build_table(lines: &[String], block: &Block, siblings: &[Vec<Column>]) -> Table {
    let first_tab = block
        .lines
        .iter()
        .map(|&i| &lines[i])
        .find(|l| layout::is_tabular(l));
    let kv = first_tab.is_some_and(|l| is_kv_layout(&layout::cells(l)));
    let (pages, notes, meta_lines) = split_pages(lines, block, kv);
    let meta = table_meta(lines, &meta_lines);
    let mut repairs = Vec::new();
    let mut header_lines = Vec::new();

    // Each page's own header; pages without one inherit the previous page's.
    let page_headers: Vec<Vec<Column>> = {
        let mut out: Vec<Vec<Column>> = Vec::new();
        for p in &pages {
            let rows = header_rows(lines, &p.header);
            if rows.is_empty() {
                let inherited = out.last().cloned().unwrap_or_default();
                out.push(inherited);
            } else {
                let width = rows
                    .iter()
                    .map(|r| {
                        r.iter()
                            .rposition(|c| !c.trim().is_empty())
                            .map_or(0, |i| i + 1)
                    })
                    .max()
                    .unwrap_or(0);
                out.push(header::columns_from_header(&rows, width));
            }
        }
        out
    };
    let mapping = if kv {
        TableMapping {
            columns: Vec::new(),
            insert_at: vec![None; pages.len()],
            repairs: Vec::new(),
        }
    } else {
        choose_mapping(lines, &pages, &page_headers, siblings)
    };
    repairs.extend(mapping.repairs.iter().cloned());
    let table_cols = mapping.columns.clone();
    let width = table_cols.len();
    let mut rows: Vec<Row> = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        header_lines.extend(page.header.iter().map(|i| i + 1));
        for &i in &page.data {
            let cells = row_cells(&lines[i], width, mapping.insert_at[n]);
            let inserted = mapping.insert_at[n].filter(|_| effective_width(&lines[i]) < width);
            let row = build_row(i + 1, &cells, &table_cols, inserted);
            match rows.last_mut() {
                Some(prev) if !kv && is_continuation(&row, block.kind) => merge_into(prev, row),
                _ => rows.push(row),
            }
        }
    }
    let holds_money = !matches!(block.kind, TableKind::OrgStructure);
    let empty = if !holds_money {
        rows.is_empty()
    } else {
        !rows.iter().any(|r| {
            r.cells.iter().any(|c| {
                c.amount.is_some()
                    && table_cols
                        .get(c.col)
                        .is_none_or(|tc| tc.role.is_money() || tc.role == Role::Text)
            })
        })
    };
    let last_line = block
        .lines
        .last()
        .map_or(block.title_line + 1, |i| i + 1)
        .max(notes.last().map_or(0, |n| n.line));
    Table {
        kind: block.kind,
        title: block.title.clone(),
        title_line: block.title_line + 1,
        lines: (block.title_line + 1, last_line),
        columns: table_cols,
        header_lines,
        rows,
        notes,
        empty,
        meta,
        repairs,
        key_value: kv,
    }
}

fn table_meta(lines: &[String], meta_lines: &[usize]) -> TableMeta {
    let mut m = TableMeta::default();
    for &i in meta_lines {
        match layout::meta(&lines[i]) {
            Some(Meta::UnitCode { code, name }) => {
                m.unit_code.get_or_insert(code);
                m.unit_name.get_or_insert(name);
            }
            Some(Meta::UnitName(name)) => {
                m.unit_name.get_or_insert(name);
            }
            Some(Meta::Year(y)) | Some(Meta::YearLabel(y)) => {
                m.year.get_or_insert(y);
            }
            Some(Meta::Unit(u)) => {
                m.amount_unit.get_or_insert(u);
            }
            Some(Meta::AsOf(s)) => {
                m.as_of.get_or_insert(s);
            }
            Some(Meta::FormNo) | None => {}
        }
    }
    m
}
