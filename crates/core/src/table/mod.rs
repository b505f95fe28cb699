//! Rebuilding tables from pasted lines, stage by stage: [`detect`] finds each table's title and
//! lines, [`merge`] joins pages and wrapped rows ([`bands`] the rows a text export prints as
//! bands of lines), [`pages`] sorts lines into headers and data,
//! [`header`] names the columns, [`mapping`] settles the column mapping against the table's own
//! arithmetic, and [`rows`] types the cells.

mod align;
mod bands;
pub mod detect;
pub mod exactness;
mod groups;
pub mod header;
pub mod kind;
mod mapping;
mod merge;
mod pages;
mod rows;
pub mod sides;
mod understanding;

use crate::amount::{Amount, Interval};
use crate::layout::{self, AmountUnit, Meta};
pub use detect::{Block, LineClass};
pub use header::{Column, Identity, Role, Scope};
pub use kind::TableKind;
use mapping::{choose_mapping, effective_width, row_cells, TableMapping};
use merge::{
    is_continuation, is_low_total_label, is_marked_line, is_orphan_amounts, is_shadow_line,
    merge_into, settle_figures_off_their_rows, sums_break,
};
use pages::{first_row, header_rows, split_pages};
pub(crate) use pages::{is_form_label, is_kv_layout};
use rows::{build_row, Origin};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
    /// The unit the table's figures are printed in (its preamble's, else the unit's usual
    /// one). Cell amounts are held in 万元 whatever this is; cell texts stay as printed.
    pub unit: AmountUnit,
    /// Its figures are exact, not rounded (whole-元 tables whose sums all hold; see
    /// [`exactness`]): a blank cell is then exactly zero too.
    #[serde(default)]
    pub exact: bool,
    /// Why the parser did not understand the table well enough to check it; `None` when it
    /// did. Rules never check a table that is not understood.
    pub not_understood: Option<String>,
}

impl Table {
    /// Whether the parser understood the table well enough to check it.
    pub fn understood(&self) -> bool {
        self.not_understood.is_none()
    }

    /// The interval a blank money cell stands for, in 万元: exactly zero in an exact table, else
    /// zero at two decimals of a 万元 table or a whole figure of a smaller unit (a 元 table's
    /// blank is not ±50 元).
    pub fn blank(&self) -> Interval {
        let half = match (self.exact, self.unit) {
            (true, _) => Decimal::ZERO,
            (false, AmountUnit::WanYuan) => Decimal::new(5, 3),
            (false, unit) => unit
                .to_wan(Amount::new(Decimal::ZERO, 0))
                .map_or(Decimal::new(5, 3), |a| a.half_step()),
        };
        Interval {
            lo: -half,
            hi: half,
        }
    }

    /// The indices of the money columns, left to right.
    pub fn money_columns(&self) -> Vec<usize> {
        self.columns
            .iter()
            .filter(|c| c.role.is_money())
            .map(|c| c.index)
            .collect()
    }

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

    /// Holds the figures, printed in `unit`, in 万元 (exactly, precision carried along). A
    /// figure 万元 cannot state at its printed precision (亿元, too few decimals) is dropped.
    pub fn express_in_wan(&mut self, unit: AmountUnit) {
        self.unit = unit;
        if unit == AmountUnit::WanYuan {
            return;
        }
        let mut lost = false;
        for cell in self.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
            let converted = cell.amount.and_then(|a| unit.to_wan(a));
            lost |= cell.amount.is_some() && converted.is_none();
            cell.amount = converted;
        }
        if lost && self.not_understood.is_none() {
            self.not_understood = Some(format!(
                "金额单位为{}而小数位不足，无法换算为万元核对",
                unit.zh()
            ));
        }
    }

    pub fn declared_empty(&self) -> bool {
        self.notes.iter().any(|n| layout::mentions_empty(&n.text))
    }
}

// ---------------------------------------------------------------------------------------------

/// Finds and rebuilds every table in the document's lines.
pub fn find_tables(lines: &[String]) -> Vec<Table> {
    build_tables(lines, &detect::detect_blocks(lines, &LineClass::all(lines)))
}

/// Rebuilds the tables of these blocks (one unit's, say), in order.
pub fn build_tables(lines: &[String], blocks: &[Block]) -> Vec<Table> {
    build_tables_with(lines, blocks, None).0
}

/// [`build_tables`], taking from `cache` every table whose block, lines and sibling headers
/// are as they were; also returns each table's key.
pub fn build_tables_with(
    lines: &[String],
    blocks: &[Block],
    mut cache: Option<&mut TableCache>,
) -> (Vec<Table>, Vec<TableKey>) {
    let mut tables: Vec<Table> = Vec::new();
    let mut keys = Vec::with_capacity(blocks.len());
    for b in blocks {
        // Tables of one family share a layout; a sibling's header is one more candidate.
        let siblings: Vec<Vec<Column>> = tables
            .iter()
            .rev()
            .filter(|t| same_layout_family(t.kind, b.kind) && !t.columns.is_empty())
            .map(|t| t.columns.clone())
            .take(3)
            .collect();
        let key = table_key(lines, b, &siblings);
        let table = match cache.as_deref_mut() {
            Some(c) => c.get_or_build(key, || build_table(lines, b, &siblings)),
            None => build_table(lines, b, &siblings),
        };
        keys.push(key);
        tables.push(table);
    }
    (tables, keys)
}

/// Identifies a table by everything building it reads: its block, the text of its lines and
/// the headers of the sibling tables it may borrow.
pub type TableKey = u64;

fn table_key(lines: &[String], block: &Block, siblings: &[Vec<Column>]) -> TableKey {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    block.hash(&mut h);
    for &i in &block.lines {
        lines.get(i).hash(&mut h);
    }
    siblings.hash(&mut h);
    h.finish()
}

/// Tables rebuilt by one check, kept for the next: an edit in one table of a unit rebuilds
/// that table only. Each check keeps what it used ([`TableCache::keep`]) and drops the rest
/// when it ends ([`TableCache::finish`]).
#[derive(Debug, Default, Clone)]
pub struct TableCache {
    last: std::collections::HashMap<TableKey, Table>,
    now: std::collections::HashMap<TableKey, Table>,
    /// Tables the current check built, and the last check built.
    building: usize,
    built: usize,
}

impl TableCache {
    fn get_or_build(&mut self, key: TableKey, build: impl FnOnce() -> Table) -> Table {
        let table = match self.now.get(&key).or_else(|| self.last.get(&key)) {
            Some(t) => t.clone(),
            None => {
                self.building += 1;
                build()
            }
        };
        self.now.insert(key, table.clone());
        table
    }

    /// Keeps these tables for the next check though this one did not ask for them (their
    /// unit was reused whole).
    pub fn keep(&mut self, keys: &[TableKey]) {
        for k in keys {
            if let Some(t) = self.last.remove(k) {
                self.now.insert(*k, t);
            }
        }
    }

    /// Ends a check: what it did not use is dropped.
    pub fn finish(&mut self) {
        self.last = std::mem::take(&mut self.now);
        self.built = std::mem::take(&mut self.building);
    }

    /// How many tables the last check had to build.
    pub fn built(&self) -> usize {
        self.built
    }

    /// Tables kept from the last check.
    pub fn len(&self) -> usize {
        self.last.len()
    }

    pub fn is_empty(&self) -> bool {
        self.last.is_empty()
    }
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
    let kv = first_row(lines, block).is_some_and(|cells| is_kv_layout(&cells));
    let (mut pages, notes, meta_lines) = split_pages(lines, block, kv);
    let meta = table_meta(meta_lines.iter().flat_map(|&i| layout::preamble(&lines[i])));
    let mut repairs = drop_shadow_lines(lines, &mut pages);
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
    let mut mapping = mapping;
    header::split_code_span(&mut mapping.columns, |i| {
        split_code_in_data(lines, &pages, i)
    });
    let width = mapping.columns.len();
    // Side by side (人员经费 | 公用经费): each copy of the column group is read as rows of its own.
    let period = repeated_group(&mapping.columns).unwrap_or(width.max(1));
    let copies = if period < width { width / period } else { 1 };
    let table_cols: Vec<Column> = mapping.columns[..period.min(width)].to_vec();
    let mut rows: Vec<Row> = Vec::new();
    let mut realigned_lines: Vec<usize> = Vec::new();
    for page in &pages {
        header_lines.extend(page.header.iter().map(|i| i + 1));
    }
    // A wrapped line held until the next row shows whose it is.
    let mut pending: Option<Row> = None;
    let identities = header::identities(&table_cols);
    for (g, n) in (0..copies).flat_map(|g| (0..pages.len()).map(move |n| (g, n))) {
        let page = &pages[n];
        let mut built: Vec<Row> = Vec::new();
        for &i in &page.data {
            let mut cells = row_cells(&lines[i], width, mapping.insert_at[n]);
            if copies > 1 {
                cells = cells.into_iter().skip(g * period).take(period).collect();
                if cells.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
            }
            let inserted = mapping.insert_at[n].filter(|_| effective_width(&lines[i]) < width);
            // A row the header cannot place is moved under the columns of its cells' kinds.
            let text_table = matches!(
                block.kind,
                TableKind::ProjectPerformance
                    | TableKind::DeptPerformance
                    | TableKind::OrgStructure
            );
            let realigned = (!kv && !text_table && !align::fits_header(&cells, &table_cols))
                .then(|| {
                    align::realign(
                        &layout::cells(&lines[i])
                            .iter()
                            .map(|c| (*c).to_owned())
                            .collect::<Vec<_>>(),
                        &table_cols,
                    )
                })
                .flatten();
            let mut row = match &realigned {
                Some((moved, from)) => {
                    realigned_lines.push(i + 1);
                    build_row(i + 1, moved, &table_cols, Origin::Moved(from))
                }
                None => build_row(i + 1, &cells, &table_cols, Origin::Inserted(inserted)),
            };
            for c in &mut row.cells {
                c.raw += g * period;
            }
            built.push(row);
        }
        if let Some(joined) = (!kv)
            .then(|| bands::join(lines, &built, &table_cols))
            .flatten()
        {
            if let (Some(first), Some(last)) = (built.first(), built.last()) {
                repairs.push(Repair {
                    lines: (first.line, last.line),
                    what: format!(
                        "{} 行文字按空行分隔的行带合并为 {} 行（一行的金额、编码、名称分印在相邻几行）",
                        built.len(),
                        joined.len()
                    ),
                });
            }
            rows.extend(joined);
            continue;
        }
        for mut row in built {
            let money = |c: usize| table_cols.get(c).is_some_and(|tc| tc.role.is_money());
            let wrapped = !kv
                && is_continuation(&row, block.kind)
                && !is_marked_line(&row)
                && rows.last().is_some_and(|prev| !is_marked_line(prev));
            if wrapped {
                // Held a line: it may head the next row's name instead.
                if let (Some(held), Some(prev)) = (pending.take(), rows.last_mut()) {
                    merge_into(prev, held);
                    rows::fill_name(prev, &table_cols);
                }
                pending = Some(row);
                continue;
            }
            if let Some(held) = pending.take() {
                // A name printed around its code line (`机关事业单位基本养老保险` / `30108 … 1,064.46`
                // / `缴费`, unruled): the line just above a coded row without a name heads its
                // name. Not across a blank line: that is the tail of the row above's name,
                // printed below it (`机关事业单位基本养老保险缴` / `费支出`).
                let adjacent = held.lines().max().is_some_and(|l| l + 1 == row.line);
                if row.code.is_some() && row.name.is_none() && adjacent {
                    row.name = Some(held.cells.iter().map(|c| c.text.trim()).collect());
                    merge_into(&mut row, held);
                } else if let Some(prev) = rows.last_mut() {
                    merge_into(prev, held);
                    rows::fill_name(prev, &table_cols);
                }
            }
            match rows.last_mut() {
                // (Not figures that would break the label's row's sums: printed a line above
                // the next row instead, [`settle_figures_off_their_rows`].)
                Some(prev)
                    if !kv
                        && is_orphan_amounts(&row, prev, &money)
                        && !sums_break(&row, prev, &identities) =>
                {
                    merge_into(prev, row)
                }
                Some(prev) if !kv && is_low_total_label(&row, prev) => {
                    prev.name = row.name.clone();
                    merge_into(prev, row);
                }
                _ => rows.push(row),
            }
        }
        if let (Some(held), Some(prev)) = (pending.take(), rows.last_mut()) {
            merge_into(prev, held);
            rows::fill_name(prev, &table_cols);
        }
    }
    if !kv {
        let joined = settle_figures_off_their_rows(&mut rows, &identities);
        if let (Some(&first), Some(&last)) = (joined.first(), joined.last()) {
            repairs.push(Repair {
                lines: (first, last),
                what: format!(
                    "{} 行金额印在所属行的上一行或下一行，依据表内勾稽关系并回所属行",
                    joined.len()
                ),
            });
        }
    }
    for (line, what) in groups::raise(&table_cols, &mut rows) {
        repairs.push(Repair {
            lines: (line, line),
            what,
        });
    }
    if matches!(
        block.kind,
        TableKind::BudgetSummary
            | TableKind::FiscalSummary
            | TableKind::FinalSummary
            | TableKind::FinalFiscalSummary
    ) {
        for (line, what) in sides::repair(&table_cols, &mut rows) {
            repairs.push(Repair {
                lines: (line, line),
                what,
            });
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
    let mut meta = meta;
    if kv && meta.amount_unit.is_none() {
        // A form states its unit in a label: `项目资金（元）`.
        meta.amount_unit = rows
            .iter()
            .flat_map(|r| &r.cells)
            .filter(|c| c.amount.is_none())
            .find_map(|c| layout::bracketed_unit(&c.text));
    }
    let mut table = Table {
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
        unit: AmountUnit::WanYuan,
        exact: false,
        not_understood: None,
    };
    table.not_understood = understanding::assess(&table);
    table
}

/// Whether data rows print a class code at column `i` and its section in the next column
/// (`201 | 06`): a code spread over the columns one `科目编码` label spans.
fn split_code_in_data(lines: &[String], pages: &[pages::Page], i: usize) -> bool {
    let digits = |c: Option<&&str>, n: usize| {
        c.and_then(|c| layout::code_digits(c))
            .is_some_and(|d| d.len() == n)
    };
    pages.iter().flat_map(|p| &p.data).any(|&l| {
        let cells = layout::cells(&lines[l]);
        digits(cells.get(i), 3) && digits(cells.get(i + 1), 2)
    })
}

/// The width of a column group the header repeats side by side (`经济分类科目编码 | 科目名称 |
/// 决算数` twice or three times over), when it does: each copy holds coded rows and figures.
fn repeated_group(columns: &[Column]) -> Option<usize> {
    let n = columns
        .iter()
        .rposition(|c| !(c.role == Role::Text && c.path.is_empty()))
        .map_or(0, |i| i + 1);
    (2..=n / 2).filter(|p| n % p == 0).find(|&p| {
        let group = &columns[..p];
        let coded = group
            .first()
            .is_some_and(|c| matches!(c.role, Role::Code | Role::CodeClass));
        let money = group.iter().any(|c| c.role.is_money());
        coded && money && (p..n).all(|i| columns[i].key() == columns[i % p].key())
    })
}

/// Drops the lines that repeat the data line before them without its words (see
/// [`is_shadow_line`]), before the columns are mapped: a repair for each.
fn drop_shadow_lines(lines: &[String], pages: &mut [pages::Page]) -> Vec<Repair> {
    let mut repairs = Vec::new();
    for page in pages {
        let mut kept: Vec<usize> = Vec::with_capacity(page.data.len());
        for &i in &page.data {
            if kept
                .last()
                .is_some_and(|&p| is_shadow_line(&lines[i], &lines[p]))
            {
                repairs.push(Repair {
                    lines: (i + 1, i + 1),
                    what: "此行重复上一行的编码和金额（转换产生的残影），已略去".into(),
                });
            } else {
                kept.push(i);
            }
        }
        page.data = kept;
    }
    repairs
}

/// What a block's preamble lines say about its table (unit, year, amount unit), read without
/// rebuilding the table.
pub fn block_meta(classes: &[LineClass], block: &Block) -> TableMeta {
    table_meta(
        block
            .lines
            .iter()
            .filter_map(|&i| classes.get(i))
            .flat_map(|c| c.preamble.iter().cloned()),
    )
}

/// The first of each kind of preamble line wins.
fn table_meta(preamble: impl Iterator<Item = Meta>) -> TableMeta {
    let mut m = TableMeta::default();
    for meta in preamble {
        match Some(meta) {
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
