//! The document model: a paste holds one or more units (单位/部门), each with tables and prose.

use crate::decode::Encoding;
use crate::facts::{self, Fact};
use crate::layout::{self, AmountUnit};
use crate::normalize::fold_punct;
use crate::table::{self, Block, LineClass, Table, TableKind, TableMeta};
use crate::template::{self, Conventions, TemplateMatch};
use serde::{Deserialize, Serialize};

/// Whose budget the disclosure is: a department's (部门预算, its units consolidated) or one
/// unit's (单位预算).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisclosureScope {
    Department,
    Unit,
}

/// What the disclosure is: a budget (预算) or final accounts (决算).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisclosureKind {
    Budget,
    FinalAccounts,
}

impl DisclosureKind {
    pub fn zh(self) -> &'static str {
        match self {
            DisclosureKind::Budget => "预算",
            DisclosureKind::FinalAccounts => "决算",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            DisclosureKind::Budget => "budget",
            DisclosureKind::FinalAccounts => "final accounts",
        }
    }
}

impl DisclosureScope {
    pub fn zh(self) -> &'static str {
        match self {
            DisclosureScope::Department => "部门",
            DisclosureScope::Unit => "单位",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            DisclosureScope::Department => "department",
            DisclosureScope::Unit => "unit",
        }
    }
}

/// One budget unit or department and everything disclosed about it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Unit {
    pub code: Option<String>,
    pub name: Option<String>,
    pub year: Option<u16>,
    pub scope: Option<DisclosureScope>,
    pub kind: DisclosureKind,
    pub amount_unit: AmountUnit,
    pub template: TemplateMatch,
    /// First and last source lines (1-based).
    pub lines: (usize, usize),
    pub tables: Vec<Table>,
    pub facts: Vec<Fact>,
    /// Its tables' columns were inferred from text aligned with spaces ([`crate::aligned`]):
    /// a table the rules find fault with is then not understood rather than reported
    /// (see [`crate::check::check_unit`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub columns_inferred: bool,
    /// The blank pages of a PDF within the unit: (page, its first line).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blank_pages: Vec<(u32, usize)>,
    /// Read from text with pages (a PDF's).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub paged: bool,
}

impl Unit {
    /// The first table of this kind the parser understood. Rules read tables only through
    /// this and [`Unit::tables_of`] / [`Unit::understood_tables`]: a table that was not
    /// understood is never checked.
    pub fn table(&self, kind: TableKind) -> Option<&Table> {
        self.understood_tables().find(|t| t.kind == kind)
    }

    /// The understood tables of this kind.
    pub fn tables_of(&self, kind: TableKind) -> impl Iterator<Item = &Table> {
        self.understood_tables().filter(move |t| t.kind == kind)
    }

    /// Every table the parser understood.
    pub fn understood_tables(&self) -> impl Iterator<Item = &Table> {
        self.tables.iter().filter(|t| t.understood())
    }

    /// Where every table stands (first and last line), understood or not: what rules reading
    /// the prose leave out.
    pub fn table_spans(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.tables.iter().map(|t| t.lines)
    }

    /// The first table of this kind the disclosure publishes, understood or not.
    pub fn published(&self, kind: TableKind) -> Option<&Table> {
        self.tables.iter().find(|t| t.kind == kind)
    }

    /// The conventions of the unit's template (the generic ones when detection is unsure).
    pub fn conventions(&self) -> &'static Conventions {
        self.template.conventions()
    }

    /// The tables this unit's disclosure must publish: a budget's by its template, final
    /// accounts' the national nine.
    pub fn required_tables(&self) -> &'static [TableKind] {
        match self.kind {
            DisclosureKind::Budget => self.template.profile().required,
            DisclosureKind::FinalAccounts => &TableKind::REQUIRED_FINAL,
        }
    }

    /// The required tables the unit does not publish.
    pub fn missing_tables(&self) -> Vec<TableKind> {
        self.required_tables()
            .iter()
            .copied()
            .filter(|k| self.published(*k).is_none())
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

    /// What each table's reading amounts to, unit by unit: for comparing two readings of one
    /// document (a tab-separated copy, its `pdftotext -layout` export, its PDF).
    pub fn signatures(&self) -> Vec<TableSignature> {
        self.units
            .iter()
            .flat_map(|u| &u.tables)
            .map(TableSignature::of)
            .collect()
    }
}

/// A table as read, without where it stood: kind, title, whether understood, and each row's
/// code and figures by column role. Two readings of one table agree when these are equal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSignature {
    pub kind: &'static str,
    pub title: String,
    pub understood: bool,
    pub rows: Vec<RowSignature>,
    /// A form's (a key/value table's) amounts, each with its label, in label order: a form's
    /// lines break differently from one reading to another (a label printed above its
    /// neighbour's), its labelled values do not. Its `rows` are left empty.
    pub fields: Vec<(String, rust_decimal::Decimal)>,
}

/// A row's code and figures (scope, role, value in 万元), blank cells left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowSignature {
    pub code: Option<String>,
    pub figures: Vec<(crate::Scope, crate::Role, rust_decimal::Decimal)>,
}

impl TableSignature {
    fn of(t: &crate::Table) -> Self {
        if t.key_value {
            return TableSignature {
                kind: t.kind.name(),
                title: crate::normalize::compact(&t.title),
                understood: t.understood(),
                rows: Vec::new(),
                fields: form_fields(t),
            };
        }
        let rows = t
            .rows
            .iter()
            .map(|r| RowSignature {
                code: r.code.clone(),
                figures: r
                    .cells
                    .iter()
                    .filter_map(|c| {
                        let col = t.columns.get(c.col)?;
                        Some((col.scope, col.role, c.amount?.value.normalize()))
                    })
                    .collect(),
            })
            .collect();
        TableSignature {
            kind: t.kind.name(),
            title: crate::normalize::compact(&t.title),
            understood: t.understood(),
            rows,
            fields: Vec::new(),
        }
    }
}

/// A form's amounts, each with the label before it on its row (the nearest cell with text and
/// no figure; none for a figure under its label), sorted.
fn form_fields(t: &crate::Table) -> Vec<(String, rust_decimal::Decimal)> {
    let mut out = Vec::new();
    for r in &t.rows {
        for (k, c) in r.cells.iter().enumerate() {
            let Some(a) = c.amount else { continue };
            let label = r.cells[..k]
                .iter()
                .rev()
                .find(|p| !p.text.trim().is_empty())
                .filter(|p| p.amount.is_none())
                .map(|p| crate::normalize::compact(&p.text))
                .unwrap_or_default();
            out.push((label, a.value.normalize()));
        }
    }
    out.sort();
    out
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

/// What reading the text found that its normalised lines no longer show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Reading {
    /// The columns were inferred from text aligned with spaces ([`crate::aligned`]).
    pub columns_inferred: bool,
    /// A PDF's pages with nothing on them (a page number at most): (page, its first line).
    pub blank_pages: Vec<(u32, usize)>,
    /// The text has pages (form feeds: a PDF's).
    pub paged: bool,
}

impl Plan {
    /// Gives every unit what the reading found: the columns' source, and the blank pages
    /// within its span (the pages before the first unit go to the first).
    pub fn with_reading(mut self, reading: &Reading) -> Self {
        for (k, u) in self.units.iter_mut().enumerate() {
            u.columns_inferred = reading.columns_inferred;
            u.paged = reading.paged;
            let from = if k == 0 { 1 } else { u.span.0 };
            u.blank_pages = reading
                .blank_pages
                .iter()
                .filter(|(_, line)| (from..=u.span.1).contains(line))
                .copied()
                .collect();
        }
        self
    }
}

/// One unit's share of the text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnitPlan {
    /// First and last source lines (1-based).
    pub span: (usize, usize),
    pub blocks: Vec<Block>,
    /// The text's columns were inferred from spaces (see [`Unit::columns_inferred`]).
    pub columns_inferred: bool,
    /// A PDF's blank pages within the unit (see [`Unit::blank_pages`]).
    pub blank_pages: Vec<(u32, usize)>,
    pub paged: bool,
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
        // A list of contents between the last table and this one opens another document (files
        // of a district pasted or opened together), whatever its tables' preambles say.
        let new_document = groups.last().is_some_and(|(_, blocks)| {
            let previous_end = blocks.iter().map(Block::last_line).max().unwrap_or(0);
            (previous_end + 1..=b.title_line).any(|n| {
                lines
                    .get(n - 1)
                    .is_some_and(|l| is_contents_heading(l) || is_file_mark(l))
            })
        });
        let starts_new = match (groups.last(), &key) {
            (None, _) => true,
            _ if new_document => true,
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
                // A file's mark is a hard edge: the next file starts right after it.
                (previous_end + 1..title_line)
                    .rev()
                    .find(|&n| is_file_mark(&lines[n - 1]))
                    .map(|n| n + 1)
                    .or_else(|| document_start(lines, previous_end, title_line))
                    .unwrap_or_else(|| unit_start(lines, title_line))
            }
        })
        .collect();
    let units = groups
        .into_iter()
        .enumerate()
        .map(|(n, (_, blocks))| UnitPlan {
            columns_inferred: false,
            blank_pages: Vec::new(),
            paged: false,
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
pub fn build(lines: Vec<String>, encoding: Encoding, reading: &Reading) -> Document {
    let plan = plan(&lines, &LineClass::all(&lines)).with_reading(reading);
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

/// The line the page puts between files opened together (`———— 文件：a.txt ————`).
pub fn file_mark(name: &str) -> String {
    format!("———— 文件：{name} ————")
}

pub fn is_file_mark(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("———— 文件：") && t.ends_with("————")
}

/// `目 录`, or a title that ends in 目录 (`2025年单位预算信息公开目录`).
pub(crate) fn is_contents_heading(line: &str) -> bool {
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
    mut tables: Vec<Table>,
) -> Unit {
    let amount_unit = usual_unit(&tables);
    for t in &mut tables {
        t.express_in_wan(t.meta.amount_unit.unwrap_or(amount_unit));
    }
    table::exactness::mark_exact(&mut tables);
    let span = plan.span;
    let (first, last) = plan.reads();
    let unit_lines = &lines[first.saturating_sub(1).min(lines.len())..last.min(lines.len())];
    let opening = opening_lines(lines, span, &tables);
    let code = tables.iter().find_map(|t| t.meta.unit_code.clone());
    let name = tables
        .iter()
        .find_map(|t| t.meta.unit_name.clone())
        .or_else(|| opening.iter().find_map(|l| cover_name(l)))
        .or_else(|| name_in_titles(&tables))
        .or_else(|| opening.iter().find_map(|l| name_before_year(l)));
    let year = tables
        .iter()
        .find_map(|t| t.meta.year)
        .or_else(|| tables.iter().find_map(|t| layout::year_in(&t.title)))
        // The unit's own cover before the document's: files opened together each have theirs.
        .or_else(|| unit_lines.iter().take(40).find_map(|l| layout::year_in(l)))
        .or(doc_year);
    let template = template::detect(&template::Evidence {
        titles: tables.iter().map(|t| t.title.as_str()).collect(),
        lines: unit_lines,
    });
    let scope = scope_of(&opening, &tables);
    let kind = kind_of(&opening, &tables);
    let facts = facts::extract(lines, span, &tables);
    Unit {
        code,
        name,
        year,
        scope,
        kind,
        amount_unit,
        template,
        lines: span,
        tables,
        facts,
        columns_inferred: plan.columns_inferred,
        blank_pages: plan.blank_pages.clone(),
        paged: plan.paged,
    }
}

/// The unit's opening lines, above its first table: the cover, the contents, the first prose.
fn opening_lines<'a>(lines: &'a [String], span: (usize, usize), tables: &[Table]) -> Vec<&'a str> {
    let end = tables
        .first()
        .map_or(span.1, |t| t.title_line.saturating_sub(1))
        .min(span.0 + 60)
        .min(lines.len());
    lines
        .get(span.0.saturating_sub(1)..end)
        .unwrap_or_default()
        .iter()
        .map(String::as_str)
        .filter(|l| !layout::is_blank(l))
        .collect()
}

/// A cover line naming the unit: `预算单位：…`, `预算主管部门：…`.
fn cover_name(line: &str) -> Option<String> {
    layout::preamble(line).into_iter().find_map(|m| match m {
        layout::Meta::UnitName(n) if looks_like_org(&n) => Some(n),
        _ => None,
    })
}

/// Whether a phrase reads as an organisation's name: it ends as names of government bodies do.
fn looks_like_org(name: &str) -> bool {
    const ENDINGS: [&str; 24] = [
        "局", "院", "厅", "室", "委", "会", "处", "所", "站", "中心", "馆", "校", "部", "队", "社",
        "园", "办", "府", "署", "团", "台", "场", "组", "行",
    ];
    let n = name.chars().count();
    (3..=40).contains(&n)
        && ENDINGS.iter().any(|e| name.ends_with(e))
        && !["部门", "单位", "本部门", "本单位"].contains(&name)
        && !name.contains(['，', '。', '：', ':', '、'])
}

/// The name the titles carry between their year and their kind
/// (`2018 年度江苏省高级人民法院收支预算总表`), when two or more titles agree on it.
fn name_in_titles(tables: &[Table]) -> Option<String> {
    let mut names: Vec<String> = tables
        .iter()
        .filter_map(|t| {
            let title = fold_punct(&t.title);
            let after_year = title.split_once('年').map(|(_, r)| r)?;
            let rest = after_year.strip_prefix('度').unwrap_or(after_year);
            let kind_at = [
                "收支",
                "收入",
                "支出",
                "财政拨款",
                "一般公共预算",
                "政府性基金",
            ]
            .iter()
            .filter_map(|k| rest.find(k))
            .min()?;
            let name = &rest[..kind_at];
            looks_like_org(name).then(|| name.to_owned())
        })
        .collect();
    names.sort();
    let mut best: Option<(usize, String)> = None;
    for chunk in names.chunk_by(|a, b| a == b) {
        if chunk.len() >= 2 && best.as_ref().is_none_or(|b| chunk.len() > b.0) {
            best = Some((chunk.len(), chunk[0].clone()));
        }
    }
    best.map(|b| b.1)
}

/// A cover line that is the unit's name, or starts with it before the year
/// (`上海市普陀区财政局`, `上海市普陀区社会福利院2024年单位预算`).
fn name_before_year(line: &str) -> Option<String> {
    let f = fold_punct(line);
    let head = match f.find(|c: char| c.is_ascii_digit()) {
        Some(i) => &f[..i],
        None => f.as_str(),
    };
    looks_like_org(head).then(|| head.to_owned())
}

/// 部门预算 or 单位预算, by the cover's words, else by what most titles say.
fn scope_of(opening: &[&str], tables: &[Table]) -> Option<DisclosureScope> {
    let of = |s: &str| {
        let f = fold_punct(s);
        if f.contains("单位预算")
            || f.contains("预算单位")
            || f.contains("单位决算")
            || f.contains("单位概况")
        {
            Some(DisclosureScope::Unit)
        } else if f.contains("部门预算") || f.contains("部门决算") || f.contains("部门概况")
        {
            Some(DisclosureScope::Department)
        } else {
            None
        }
    };
    if let Some(s) = opening.iter().take(12).find_map(|l| of(l)) {
        return Some(s);
    }
    let title_scope = |t: &Table| {
        let f = fold_punct(&t.title);
        of(&f).or_else(|| {
            let lead = f.trim_start_matches(|c: char| !c.is_alphabetic() || c.is_ascii());
            let lead = lead.split_once('年').map_or(lead, |(_, r)| r);
            if lead.starts_with("部门") {
                Some(DisclosureScope::Department)
            } else if lead.starts_with("单位") {
                Some(DisclosureScope::Unit)
            } else {
                None
            }
        })
    };
    let (mut dept, mut unit) = (0, 0);
    for s in tables.iter().filter_map(title_scope) {
        match s {
            DisclosureScope::Department => dept += 1,
            DisclosureScope::Unit => unit += 1,
        }
    }
    match dept.cmp(&unit) {
        std::cmp::Ordering::Greater => Some(DisclosureScope::Department),
        std::cmp::Ordering::Less => Some(DisclosureScope::Unit),
        std::cmp::Ordering::Equal => None,
    }
}

/// The unit most tables state (万元 when none does): tables that state none print in it.
fn usual_unit(tables: &[Table]) -> AmountUnit {
    let mut counts: Vec<(AmountUnit, usize)> = Vec::new();
    for u in tables.iter().filter_map(|t| t.meta.amount_unit) {
        match counts.iter_mut().find(|c| c.0 == u) {
            Some(c) => c.1 += 1,
            None => counts.push((u, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|c| c.1)
        .map_or(AmountUnit::WanYuan, |c| c.0)
}

/// 决算 when the cover or most titles say so.
fn kind_of(opening: &[&str], tables: &[Table]) -> DisclosureKind {
    let cover = opening.iter().take(12).any(|l| {
        let f = fold_punct(l);
        f.contains("决算") && !f.contains("预算")
    });
    let final_titles = tables.iter().filter(|t| t.title.contains("决算")).count();
    if cover || final_titles * 2 > tables.len() {
        DisclosureKind::FinalAccounts
    } else {
        DisclosureKind::Budget
    }
}
