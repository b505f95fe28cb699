//! The document model: a paste holds one or more units (单位/部门), each with tables and prose.

use crate::decode::Encoding;
use crate::facts::{self, Fact};
use crate::layout::{self, AmountUnit};
use crate::normalize::fold_punct;
use crate::table::{self, Block, LineClass, Table, TableKind, TableMeta};
use serde::{Deserialize, Serialize};

/// Which provincial template the disclosure follows; rules respect each one's conventions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Template {
    /// 河北: 部门预算收支总表 …, 序号/栏次 columns, a unit-code line on every page.
    Hebei,
    /// 河南: 部门收支预算表 …, 部门名称 lines, codes split into 类/款/项.
    Henan,
    Unknown,
}

/// One budget unit or department and everything disclosed about it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Unit {
    pub code: Option<String>,
    pub name: Option<String>,
    pub year: Option<u16>,
    pub amount_unit: AmountUnit,
    pub template: Template,
    /// First and last source lines (1-based).
    pub lines: (usize, usize),
    pub tables: Vec<Table>,
    pub facts: Vec<Fact>,
}

impl Unit {
    pub fn table(&self, kind: TableKind) -> Option<&Table> {
        self.tables.iter().find(|t| t.kind == kind)
    }

    pub fn tables_of(&self, kind: TableKind) -> impl Iterator<Item = &Table> {
        self.tables.iter().filter(move |t| t.kind == kind)
    }

    /// The tables this unit's disclosure must publish.
    pub fn required_tables(&self) -> &'static [TableKind] {
        &TableKind::REQUIRED
    }

    /// The required tables the unit does not publish.
    pub fn missing_tables(&self) -> Vec<TableKind> {
        self.required_tables()
            .iter()
            .copied()
            .filter(|k| self.table(*k).is_none())
            .collect()
    }
}

/// A parsed paste.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    pub encoding: Encoding,
    /// The normalised source lines; index `n - 1` is source line `n`.
    #[serde(skip)]
    pub lines: Vec<String>,
    pub units: Vec<Unit>,
}

impl Document {
    pub fn line(&self, n: usize) -> &str {
        n.checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .map_or("", String::as_str)
    }
}

/// Where the units of a paste lie, found before any table is rebuilt: the table blocks grouped
/// by the unit their preambles name, and each unit's span of lines. Building a unit needs only
/// its plan and the lines, so units can be built (and re-checked) one at a time.
#[derive(Debug, Clone)]
pub struct Plan {
    pub units: Vec<UnitPlan>,
    /// The year the document's opening lines name, for units whose tables name none.
    pub doc_year: Option<u16>,
}

/// One unit's share of the text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnitPlan {
    /// First and last source lines (1-based).
    pub span: (usize, usize),
    pub blocks: Vec<Block>,
}

impl UnitPlan {
    /// The source lines (1-based, inclusive) building this unit reads: its span and its tables.
    pub fn reads(&self) -> (usize, usize) {
        let first = self
            .blocks
            .first()
            .map_or(self.span.0, |b| b.title_line + 1);
        let last = self.blocks.iter().map(Block::last_line).max().unwrap_or(0);
        (self.span.0.min(first), self.span.1.max(last))
    }
}

fn unit_key(meta: &TableMeta) -> Option<String> {
    meta.unit_code
        .clone()
        .or_else(|| meta.unit_name.as_deref().map(fold_punct))
}

/// Finds the tables and splits them into units where the unit named in their preambles changes;
/// `classes` are the lines' classes ([`LineClass::all`]).
pub fn plan(lines: &[String], classes: &[LineClass]) -> Plan {
    let mut groups: Vec<(Option<String>, Vec<Block>)> = Vec::new();
    for b in table::detect::detect_blocks(lines, classes) {
        let key = unit_key(&table::block_meta(classes, &b));
        let starts_new = match (groups.last(), &key) {
            (None, _) => true,
            // A unit named again after another one starts a new unit (a paste can hold the
            // same disclosure twice); tables with no unit line stay with the current one.
            (Some((Some(cur), _)), Some(k)) => cur != k,
            _ => false,
        };
        if starts_new {
            groups.push((key, vec![b]));
        } else if let Some(g) = groups.last_mut() {
            if g.0.is_none() {
                g.0 = key;
            }
            g.1.push(b);
        }
    }
    let starts: Vec<usize> = groups
        .iter()
        .enumerate()
        .map(|(n, g)| match n.checked_sub(1).map(|p| &groups[p].1) {
            None => 1,
            Some(previous) => {
                let previous_end = previous.iter().map(Block::last_line).max().unwrap_or(0);
                let title_line = g.1[0].title_line + 1;
                document_start(lines, previous_end, title_line)
                    .unwrap_or_else(|| unit_start(lines, title_line))
            }
        })
        .collect();
    let units = groups
        .into_iter()
        .enumerate()
        .map(|(n, (_, blocks))| UnitPlan {
            span: (starts[n], starts.get(n + 1).map_or(lines.len(), |s| s - 1)),
            blocks,
        })
        .collect();
    Plan {
        units,
        doc_year: lines.iter().take(40).find_map(|l| layout::year_in(l)),
    }
}

/// Rebuilds a document: every unit of the plan.
pub fn build(lines: Vec<String>, encoding: Encoding) -> Document {
    let plan = plan(&lines, &LineClass::all(&lines));
    let units = plan
        .units
        .iter()
        .map(|u| build_unit(&lines, u, plan.doc_year))
        .collect();
    Document {
        encoding,
        lines,
        units,
    }
}

/// Where a new disclosure begins between the previous unit's last table and this unit's first
/// title: its table of contents (`目 录`, `2024 年部门预算信息公开目录`) and the title lines just
/// above it. Without this, a paste of several documents gives each one's opening prose (its
/// 部门概况 and 情况说明) to the unit before it.
fn document_start(lines: &[String], previous_end: usize, title_line: usize) -> Option<usize> {
    let toc = (previous_end + 1..title_line).find(|&n| is_contents_heading(&lines[n - 1]))?;
    let mut start = toc;
    let mut n = toc;
    // Up over the cover: short title lines and blanks, never into the previous document's text.
    while n > previous_end + 1 && toc - n < 8 {
        let above = lines[n - 2].trim();
        if above.is_empty() {
            n -= 1;
            continue;
        }
        let cover = above.chars().count() <= 40
            && !layout::has_tab(above)
            && !above.ends_with(['。', '；', ';', '：', ':']);
        if !cover {
            break;
        }
        n -= 1;
        start = n;
    }
    Some(start)
}

/// `目 录`, or a title that ends in 目录 (`2025年单位预算信息公开目录`).
fn is_contents_heading(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact == "目录" || (compact.ends_with("公开目录") && compact.chars().count() <= 30)
}

/// A unit's section begins at its heading (`二、…中心收支预算`) just above its first table.
fn unit_start(lines: &[String], title_line: usize) -> usize {
    let mut i = title_line - 1; // 0-based index of the title
    while i > 0 && layout::is_blank(&lines[i - 1]) {
        i -= 1;
    }
    if i > 0 && layout::is_heading(&lines[i - 1]) && !layout::has_tab(&lines[i - 1]) {
        i -= 1;
    }
    i + 1
}

/// Rebuilds one unit from its plan: its tables, who and when, and the figures its prose states.
pub fn build_unit(lines: &[String], plan: &UnitPlan, doc_year: Option<u16>) -> Unit {
    let tables = table::build_tables(lines, &plan.blocks);
    with_tables(lines, plan, doc_year, tables)
}

/// A unit from its plan and its tables already rebuilt (by [`table::build_tables_with`]).
pub fn with_tables(
    lines: &[String],
    plan: &UnitPlan,
    doc_year: Option<u16>,
    tables: Vec<Table>,
) -> Unit {
    let span = plan.span;
    let code = tables.iter().find_map(|t| t.meta.unit_code.clone());
    let name = tables.iter().find_map(|t| t.meta.unit_name.clone());
    let year = tables
        .iter()
        .find_map(|t| t.meta.year)
        .or_else(|| tables.iter().find_map(|t| layout::year_in(&t.title)))
        .or(doc_year);
    let amount_unit = tables
        .iter()
        .find_map(|t| t.meta.amount_unit)
        .unwrap_or(AmountUnit::WanYuan);
    let template = match tables.iter().find(|t| t.kind == TableKind::BudgetSummary) {
        Some(t) if t.title.contains("收支总表") => Template::Hebei,
        Some(t) if t.title.contains("收支预算表") => Template::Henan,
        _ => Template::Unknown,
    };
    let facts = facts::extract(lines, span, &tables);
    Unit {
        code,
        name,
        year,
        amount_unit,
        template,
        lines: span,
        tables,
        facts,
    }
}
