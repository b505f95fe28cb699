//! Multi-row table headers → named column roles, and the sum identities those roles imply.

use crate::normalize::{compact, fold_punct};
use serde::{Deserialize, Serialize};

/// Which part of a header a column sits under, when the same role appears more than once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Top level of the header.
    Root,
    /// 本年收入 / 本年拨款 — this year's money.
    ThisYear,
    /// 上年结转(结余) / 财政拨款结转结余 — money carried over.
    CarryOver,
    /// A "合计" group broken down by fund type (Henan 收入预算表): a parallel view of the total.
    Combined,
    /// Left half of a two-sided summary table (收入).
    Income,
    /// Right half of a two-sided summary table (支出).
    Expenditure,
    /// 预算数: what the budget allowed (final accounts print it beside 决算数).
    Budgeted,
    /// 决算数: what was actually spent, beside its 预算数.
    Actual,
}

/// What a column holds. Money roles take part in sum identities; the rest describe rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    // Row description.
    /// 序号 / 栏次.
    RowNo,
    /// 科目编码 (whole code in one cell).
    Code,
    /// 类 — first part of a code split over columns.
    CodeClass,
    /// 款.
    CodeSection,
    /// 项.
    CodeItem,
    /// 科目名称 / 项目名称 / 项目.
    Name,
    /// 单位代码 / 部门代码.
    UnitCode,
    /// 政府预算经济分类 code (5xxxx), whole.
    GovCode,
    /// 政府预算经济分类 类 part.
    GovCodeClass,
    /// 政府预算经济分类 款 part.
    GovCodeSection,
    /// 政府预算经济分类 name.
    GovName,
    /// 项目类型 (其他运转类/特定目标类).
    ProjectType,
    /// 项目单位.
    ProjectUnit,
    /// 采购物品名称.
    ItemName,
    /// 政府采购目录序号.
    CatalogNo,
    /// 计量单位.
    MeasureUnit,
    /// 数量 (a count, not money).
    Quantity,
    /// 单价.
    UnitPrice,
    /// 预算资金: the project's budget quoted beside each procurement line.
    ProjectBudget,
    /// 预留中小微企业份额: a share of the total, not an addend.
    Reserved,
    /// 绩效指标 text.
    Indicator,
    /// Text we do not interpret.
    Text,
    // Money.
    /// 合计 / 总计 / 小计 of the scope it sits in.
    Total,
    /// 预算数 / 金额 of a summary table side; 价值 of the assets table.
    Amount,
    /// 基本支出 (basic spending).
    Basic,
    /// 人员经费 (personnel).
    Personnel,
    /// 公用经费 (public-use / running costs).
    Public,
    /// 工资福利支出.
    Wages,
    /// 对个人和家庭的补助.
    Individuals,
    /// 商品和服务支出.
    Goods,
    /// 资本性支出.
    Capital,
    /// 项目支出 (project spending).
    Project,
    /// 其他运转类 projects.
    OtherOperation,
    /// 特定目标类 projects.
    SpecificTarget,
    /// 经营支出.
    OperatingExpense,
    /// 上解上级支出.
    RemitToSuperior,
    /// 对附属单位补助支出.
    SubsidyToAffiliated,
    /// 一般公共预算.
    GeneralBudget,
    /// 其中：财政拨款 — a part of 一般公共预算, never an addend.
    GeneralBudgetFiscal,
    /// 其中：上级专项转移支付 — a part, never an addend.
    TransferPayment,
    /// 政府性基金预算.
    GovFund,
    /// 国有资本经营预算.
    StateCapital,
    /// 财政专户管理资金.
    SpecialAccount,
    /// 单位资金.
    UnitFunds,
    /// 财政拨款(收入).
    FiscalAppropriation,
    /// 事业收入.
    BusinessIncome,
    /// (事业单位)经营收入.
    OperatingIncome,
    /// 上级补助收入.
    SuperiorSubsidy,
    /// 附属单位上缴收入.
    AffiliatedRemit,
    /// 其他收入.
    OtherIncome,
    /// 上年结转(结余) as a single column.
    CarryOver,
    /// 非财政拨款结余.
    NonFiscalBalance,
    /// 因公出国(境)费.
    Abroad,
    /// 公务用车购置及运行(维护)费.
    Vehicle,
    /// 公务用车购置费.
    VehiclePurchase,
    /// 公务用车运行(维护)费.
    VehicleOperation,
    /// 公务接待费.
    Reception,
    /// The “三公”经费 subtotal of a table that also lists other items (会议费, 培训费) or
    /// operating costs beside it.
    ThreePublicTotal,
    /// 会议费.
    Meeting,
    /// 培训费.
    Training,
    /// 机关运行经费: shown beside the 三公 (Shanghai) or as its own table's amount; never added
    /// into the 三公 total.
    RunningCosts,
    /// 单位预留机动经费 (Jiangsu): a use of the year's money besides 基本 and 项目.
    Reserve,
    /// 结转下年资金: money carried to next year, a use of this year's total.
    CarryForward,
    /// 年初结转和结余 (final accounts): the balance brought in; with this year's income it
    /// equals this year's spending plus the closing balance.
    OpeningBalance,
    /// 本年收入 beside an opening and a closing balance (final accounts).
    YearIncome,
    /// 年末结转和结余 (final accounts): the balance carried out.
    ClosingBalance,
}

impl Role {
    /// Money columns take part in sums.
    pub fn is_money(self) -> bool {
        self >= Role::Total
    }

    /// A classification code, whole or one of its parts (类 / 款 / 项).
    pub fn is_code(self) -> bool {
        matches!(
            self,
            Role::Code | Role::CodeClass | Role::CodeSection | Role::CodeItem
        )
    }

    /// `其中` parts: shown for information, never added into a total.
    pub fn is_part_of(self) -> bool {
        matches!(self, Role::GeneralBudgetFiscal | Role::TransferPayment)
    }

    /// The role this one adds up into, within the same scope (before scopes roll up).
    fn parent(self) -> Option<Role> {
        use Role::*;
        Some(match self {
            Wages | Individuals => Personnel,
            Goods | Capital => Public,
            Personnel | Public => Basic,
            OtherOperation | SpecificTarget => Project,
            VehiclePurchase | VehicleOperation => Vehicle,
            Abroad | Vehicle | Reception => ThreePublicTotal,
            Total | GeneralBudgetFiscal | TransferPayment | Amount | RunningCosts
            | OpeningBalance | YearIncome | ClosingBalance => return None,
            _ => Total,
        })
    }

    /// Canonical left-to-right order of roles within a scope (subtotal before its parts).
    fn order(self) -> u32 {
        use Role::*;
        match self {
            Total => 0,
            Basic => 10,
            Personnel => 11,
            Wages => 12,
            Individuals => 13,
            Public => 14,
            Goods => 15,
            Capital => 16,
            Project => 20,
            OtherOperation => 21,
            SpecificTarget => 22,
            OperatingExpense => 30,
            RemitToSuperior => 31,
            SubsidyToAffiliated => 32,
            Abroad => 40,
            Vehicle => 41,
            VehiclePurchase => 42,
            VehicleOperation => 43,
            Reception => 44,
            ThreePublicTotal => 39,
            Meeting => 45,
            Training => 46,
            RunningCosts => 47,
            Reserve => 23,
            CarryForward => 24,
            OpeningBalance => 60,
            YearIncome => 61,
            ClosingBalance => 62,
            _ => 100 + self as u32,
        }
    }
}

/// A column of a rebuilt table.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Column {
    /// 0-based position among the cells of a row.
    pub index: usize,
    /// Header labels from the top row down, white space removed.
    pub path: Vec<String>,
    pub scope: Scope,
    pub role: Role,
}

impl Column {
    pub fn label(&self) -> String {
        self.path.join("/")
    }

    pub fn key(&self) -> (Scope, Role) {
        (self.scope, self.role)
    }
}

/// A total's label (`合计`, `公用经费合计`), not a part's (`其中：…`).
pub(super) fn is_total_label(label: &str) -> bool {
    let l = compact(label);
    !l.starts_with("其中") && (l == "合计" || l == "小计" || l == "总计" || l.ends_with("合计"))
}

/// Builds columns from header rows: a label spans rightwards to the next label of its row,
/// never beyond the span of the label above it.
pub fn columns_from_header(rows: &[Vec<String>], width: usize) -> Vec<Column> {
    let mut spans: Vec<Vec<(usize, usize, String)>> = Vec::new();
    // Every label start in a row above is a boundary no lower label may span across.
    let mut boundaries: Vec<usize> = Vec::new();
    for row in rows {
        let labels: Vec<(usize, String)> = row
            .iter()
            .enumerate()
            // Marks alone (a title's quotes come loose: `“ | ”`) label nothing.
            .filter(|(_, c)| c.chars().any(char::is_alphanumeric))
            .map(|(i, c)| (i, fold_punct(c)))
            .collect();
        let mut row_spans = Vec::new();
        for (k, (start, text)) in labels.iter().enumerate() {
            let next_in_row = labels.get(k + 1).map_or(width, |n| n.0);
            let next_above = boundaries
                .iter()
                .copied()
                .filter(|&b| b > *start)
                .min()
                .unwrap_or(width);
            let end = next_in_row.min(next_above).max(start + 1);
            row_spans.push((*start, end, text.clone()));
        }
        boundaries.extend(labels.iter().map(|l| l.0));
        spans.push(row_spans);
    }
    let mut paths: Vec<Vec<String>> = (0..width)
        .map(|c| {
            spans
                .iter()
                .filter_map(|row| {
                    row.iter()
                        .find(|s| s.0 <= c && c < s.1)
                        .map(|s| s.2.clone())
                })
                .collect()
        })
        .collect();
    relocate_orphans(&mut paths);
    let sides = two_sided(&paths);
    let mut columns: Vec<Column> = paths
        .into_iter()
        .enumerate()
        .map(|(c, path)| {
            let (mut scope, role) = classify(&path);
            if let (Some(side), true) = (path.first().and_then(|l| side_of(l)), sides) {
                scope = side;
            }
            Column {
                index: c,
                path,
                scope,
                role,
            }
        })
        .collect();
    if sides {
        reanchor_income_amounts(&mut columns);
        reanchor_expenditure_names(&mut columns);
    }
    balance_income(&mut columns);
    columns
}

/// A `科目编码` label spanning two or three columns whose `类 | 款 | 项` sub-labels were printed
/// elsewhere (in the 合计 row), when the data bear it out (`201 | 06 | 01`): the columns are the
/// code's class, section and item. `split(i)` says whether the data split a code at column `i`.
/// A column without a label just before such a span is its first part when the data split the
/// code there (a text export centres `科目编码` over the span's last two columns).
pub fn split_code_span(columns: &mut [Column], split: impl Fn(usize) -> bool) {
    let mut i = 0;
    while i < columns.len() {
        let unlabelled = |c: &Column| c.role == Role::Text && c.path.is_empty();
        let lead = usize::from(
            unlabelled(&columns[i])
                && columns.get(i + 1).is_some_and(|c| c.role == Role::Code)
                && split(i),
        );
        let run = columns[i + lead..]
            .iter()
            .take_while(|c| c.role == Role::Code && c.path == columns[i + lead].path)
            .count();
        let span = lead + run;
        if run > 0 && (2..=3).contains(&span) && split(i) {
            let path = columns[i + lead].path.clone();
            let parts = [Role::CodeClass, Role::CodeSection, Role::CodeItem];
            for (c, role) in columns[i..i + span].iter_mut().zip(parts) {
                c.role = role;
                c.path.clone_from(&path);
            }
        }
        i += span.max(1);
    }
}

/// In a table of balances (年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余) the `本年收入`
/// column is the year's income beside the balances, not the row's total.
fn balance_income(columns: &mut [Column]) {
    let balances = columns
        .iter()
        .any(|c| matches!(c.role, Role::OpeningBalance | Role::ClosingBalance));
    if !balances {
        return;
    }
    for c in columns.iter_mut() {
        let leaf = c.path.last().map(|l| compact(l)).unwrap_or_default();
        if c.role == Role::Total && c.path.len() == 1 && leaf.contains("本年收入") {
            c.role = Role::YearIncome;
        }
    }
}

/// Each side of a two-sided table lists item names, then their amounts. A centred `支出` top
/// label can sit over the income side's last column (Jiangsu's 财政拨款收支预算总表): when the
/// income side has names but no amounts and the expenditure side opens with amounts before any
/// name, those amounts are the income side's.
fn reanchor_income_amounts(columns: &mut [Column]) {
    let income_has_names = columns
        .iter()
        .any(|c| on_side(c, Scope::Income) && c.role == Role::Name);
    let income_has_money = columns
        .iter()
        .any(|c| on_side(c, Scope::Income) && c.role.is_money());
    if !income_has_names || income_has_money {
        return;
    }
    let Some(first) = columns.iter().position(|c| on_side(c, Scope::Expenditure)) else {
        return;
    };
    let leading = columns[first..]
        .iter()
        .take_while(|c| on_side(c, Scope::Expenditure) && c.role.is_money())
        .count();
    let names_follow = columns[first + leading..]
        .iter()
        .any(|c| on_side(c, Scope::Expenditure) && c.role == Role::Name);
    if leading == 0 || !names_follow {
        return;
    }
    let income_label = columns
        .iter()
        .find(|c| on_side(c, Scope::Income))
        .and_then(|c| c.path.first().cloned())
        .unwrap_or_default();
    for c in &mut columns[first..first + leading] {
        c.scope = Scope::Income;
        c.path[0] = income_label.clone();
    }
}

/// The mirror case: a centred `支出` top label right of the expenditure side's first column (a
/// text export sets it over the 合计 column, `财政拨款收入 | | | 财政拨款支出`). When the
/// expenditure side opens with amounts and has no name column, while the income side ends with
/// a name column after its amounts, that name column opens the expenditure side: each side
/// lists names, then their amounts.
fn reanchor_expenditure_names(columns: &mut [Column]) {
    let Some(first) = columns.iter().position(|c| on_side(c, Scope::Expenditure)) else {
        return;
    };
    let spending_has_names = columns
        .iter()
        .any(|c| on_side(c, Scope::Expenditure) && c.role == Role::Name);
    if spending_has_names || !columns[first].role.is_money() {
        return;
    }
    // The income side's trailing name column (a label spanning cells gives several).
    let names = columns[..first]
        .iter()
        .rev()
        .take_while(|c| on_side(c, Scope::Income) && c.role == Role::Name)
        .count();
    let before = first - names;
    let income_money_before = columns[..before]
        .iter()
        .any(|c| on_side(c, Scope::Income) && c.role.is_money());
    if names == 0 || !income_money_before {
        return;
    }
    let spending_label = columns[first].path[0].clone();
    for c in &mut columns[before..first] {
        c.scope = Scope::Expenditure;
        c.path[0] = spending_label.clone();
    }
}

/// Whether a column is on side `s`, its top label naming that side.
fn on_side(c: &Column, s: Scope) -> bool {
    c.scope == s && c.path.first().and_then(|l| side_of(l)) == Some(s)
}

/// The side a top label names in a two-sided table (`收入`, `本年收入`, `财政拨款支出`).
fn side_of(label: &str) -> Option<Scope> {
    let l = compact(label);
    if is_total_label(&l) || l.starts_with("其中") || l.chars().count() > 8 {
        return None;
    }
    if l.ends_with("收入") {
        Some(Scope::Income)
    } else if l.ends_with("支出") {
        Some(Scope::Expenditure)
    } else {
        None
    }
}

/// A two-sided table (收支总表): its top labels name an income side, then an expenditure side,
/// and each side has labels below it.
fn two_sided(paths: &[Vec<String>]) -> bool {
    let tops: Vec<(Scope, usize)> = paths
        .iter()
        .filter_map(|p| p.first().and_then(|l| side_of(l)).map(|s| (s, p.len())))
        .collect();
    let income = tops.iter().position(|t| t.0 == Scope::Income);
    let spending = tops.iter().rposition(|t| t.0 == Scope::Expenditure);
    matches!((income, spending), (Some(i), Some(e)) if i < e) && tops.iter().all(|t| t.1 > 1)
}

/// Money sub-labels printed under a text column (`单位代码/工资福利支出`) belong to the first
/// money group further right that has exactly as many columns without a sub-label.
fn relocate_orphans(paths: &mut [Vec<String>]) {
    let is_text_label = |l: &str| !classify(&[l.to_owned()]).1.is_money();
    let orphans: Vec<usize> = (0..paths.len())
        .filter(|&c| {
            let p = &paths[c];
            p.len() >= 2
                && classify(&p[p.len() - 1..]).1.is_money()
                && is_text_label(&p[p.len() - 2])
        })
        .collect();
    // A subtotal under a group label that has more columns (`“三公”经费 / 小计`, then its
    // parts) is the group's own, not an orphan.
    let orphans: Vec<usize> = orphans
        .iter()
        .copied()
        .filter(|&c| {
            let parent = &paths[c][..paths[c].len() - 1];
            !(0..paths.len()).any(|d| {
                !orphans.contains(&d)
                    && paths[d].len() > parent.len()
                    && paths[d].starts_with(parent)
            })
        })
        .collect();
    if orphans.is_empty() {
        return;
    }
    let start = orphans.last().copied().unwrap_or(0) + 1;
    let mut c = start;
    while c < paths.len() {
        let group = paths[c].clone();
        let run = (c..paths.len()).take_while(|&d| paths[d] == group).count();
        if run == orphans.len() && group.len() >= 2 && classify(&group).1.is_money() {
            for (k, &o) in orphans.iter().enumerate() {
                let label = paths[o].pop().unwrap_or_default();
                paths[c + k].push(label);
            }
            return;
        }
        c += run.max(1);
    }
}

/// `预算数` / `决算数` (and their variants) name which figure of an item a column holds.
fn budget_or_actual(label: &str) -> Option<Scope> {
    let l = compact(label);
    match l.as_str() {
        "预算数" | "年初预算数" | "全年预算数" | "调整预算数" => {
            Some(Scope::Budgeted)
        }
        "决算数" | "实际数" | "执行数" => Some(Scope::Actual),
        _ => None,
    }
}

/// Names a column from its header path.
pub fn classify(path: &[String]) -> (Scope, Role) {
    // `公务接待费 / 决算数`, `预算数 / 合计`: the item's role, in the figure's scope.
    if path.len() > 1 {
        if let Some(k) = path.iter().position(|l| budget_or_actual(l).is_some()) {
            let rest: Vec<String> = path
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != k)
                .map(|(_, l)| l.clone())
                .collect();
            let (_, role) = classify(&rest);
            if role.is_money() && role != Role::Amount {
                return (budget_or_actual(&path[k]).unwrap_or(Scope::Root), role);
            }
        }
    }
    let scope = scope_of(path);
    let Some(leaf) = path.last() else {
        return (scope, Role::Text);
    };
    if is_total_label(leaf) {
        let parent = path.iter().rev().nth(1).map(String::as_str).unwrap_or("");
        return (scope, total_role(leaf, parent));
    }
    let role = role_of_label(leaf, path);
    if role != Role::Text {
        return (scope, role);
    }
    // `公务用车购置及运行费 / 购置费 | 运行费`.
    if path.iter().any(|p| p.contains("公务用车")) {
        if leaf.contains("购置") {
            return (scope, Role::VehiclePurchase);
        }
        if leaf.contains("运行") || leaf.contains("维护") {
            return (scope, Role::VehicleOperation);
        }
    }
    // A label wrapped over header rows (`因公出` / `国（境）` / `费`) names its column whole.
    for k in 2..=path.len().min(3) {
        let joined: String = path[path.len() - k..].concat();
        let role = role_of_label(&joined, path);
        if role != Role::Text {
            return (scope, role);
        }
    }
    (scope, Role::Text)
}

fn total_role(leaf: &str, parent: &str) -> Role {
    let has = |s: &str| parent.contains(s);
    if leaf.contains("三公") {
        return Role::Total;
    }
    // `“三公”经费 / 小计` beside 会议费 and 培训费 (Jiangsu), `“三公”经费预算数 / 合计` beside
    // 机关运行经费 (Shanghai).
    if has("三公") {
        return Role::ThreePublicTotal;
    }
    if has("基本支出") {
        Role::Basic
    } else if has("项目支出") {
        Role::Project
    } else if has("人员经费") {
        Role::Personnel
    } else if has("公用经费") {
        Role::Public
    } else if has("一般公共预算") && !has("基本") {
        Role::GeneralBudget
    } else if has("公务用车") {
        Role::Vehicle
    } else {
        Role::Total
    }
}

fn scope_of(path: &[String]) -> Scope {
    let first = path.first().map(String::as_str).unwrap_or("");
    if path.len() > 1 && first == "收入" {
        return Scope::Income;
    }
    if path.len() > 1 && first == "支出" {
        return Scope::Expenditure;
    }
    if path.len() > 1 && is_total_label(first) {
        return Scope::Combined;
    }
    for label in &path[..path.len().saturating_sub(1)] {
        if label.contains("本年收入") || label.contains("本年拨款") {
            return Scope::ThisYear;
        }
        if label.contains("结转") {
            return Scope::CarryOver;
        }
    }
    Scope::Root
}

fn role_of_label(leaf: &str, path: &[String]) -> Role {
    use Role::*;
    let l = leaf;
    let has = |s: &str| l.contains(s);
    let gov = path
        .iter()
        .any(|p| p.contains("政府预算") && p.contains("经济分类"));
    let govern = |r: Role| -> Role {
        match (gov, r) {
            (true, Code) => GovCode,
            (true, CodeClass) => GovCodeClass,
            (true, CodeSection) => GovCodeSection,
            (true, Name) => GovName,
            _ => r,
        }
    };
    if has("其中") {
        return if has("转移支付") {
            TransferPayment
        } else {
            GeneralBudgetFiscal
        };
    }
    if l == "序号" || l == "栏次" || l == "行次" || l.starts_with("序号") {
        return RowNo;
    }
    if l == "类" {
        return govern(CodeClass);
    }
    if l == "款" {
        return govern(CodeSection);
    }
    if l == "项" {
        return CodeItem;
    }
    let table: &[(&str, Role)] = &[
        ("单位编码", Code),
        ("科目编码", Code),
        ("科目代码", Code),
        ("项目编码", Code),
        ("单位代码", UnitCode),
        ("部门代码", UnitCode),
        ("(单位)代码", UnitCode),
        ("科目名称", Name),
        ("项目名称", Name),
        ("部门名称", Name),
        ("单位名称", Name),
        ("项目类型", ProjectType),
        ("类型", ProjectType),
        ("项目单位", ProjectUnit),
        ("采购物品", ItemName),
        ("目录序号", CatalogNo),
        ("计量单位", MeasureUnit),
        ("单价", UnitPrice),
        ("数量", Quantity),
        ("政府预算资金", FiscalAppropriation),
        ("预算资金", ProjectBudget),
        ("预留机动", Reserve),
        ("预留", Reserved),
        ("份额", Reserved),
        ("指标", Indicator),
        ("工资福利", Wages),
        ("对个人和家庭", Individuals),
        ("商品和服务", Goods),
        ("资本性支出", Capital),
        ("人员经费", Personnel),
        ("公用经费", Public),
        ("基本支出", Basic),
        ("项目支出", Project),
        ("其他运转", OtherOperation),
        ("特定目标", SpecificTarget),
        ("经营支出", OperatingExpense),
        ("上解上级", RemitToSuperior),
        ("上缴上级", RemitToSuperior),
        ("对附属单位", SubsidyToAffiliated),
        ("因公出国", Abroad),
        ("公务用车购置及", Vehicle),
        ("公务用车购置费", VehiclePurchase),
        ("公务用车运行", VehicleOperation),
        ("公务接待", Reception),
        ("会议费", Meeting),
        ("培训费", Training),
        ("机关运行经费", RunningCosts),
        ("结转下年", CarryForward),
        ("年初结转", OpeningBalance),
        ("年末结转", ClosingBalance),
        ("非财政拨款结余", NonFiscalBalance),
        ("结转", CarryOver),
        ("一般公共预算", GeneralBudget),
        ("政府性基金", GovFund),
        ("基金预算", GovFund),
        ("国有资本", StateCapital),
        ("国有资产经营", StateCapital),
        ("财政专户", SpecialAccount),
        ("单位资金", UnitFunds),
        ("财政拨款", FiscalAppropriation),
        ("资金总额", Total),
        ("事业单位经营", OperatingIncome),
        ("经营收入", OperatingIncome),
        ("事业收入", BusinessIncome),
        ("上级补助", SuperiorSubsidy),
        ("附属单位上缴", AffiliatedRemit),
        ("其他收入", OtherIncome),
        ("预算数", Amount),
        ("决算数", Amount),
        ("金额", Amount),
        ("价值", Amount),
        ("本年收入", Total),
        ("项目", Name),
    ];
    table
        .iter()
        .find(|(k, _)| l.contains(k))
        .map(|&(_, r)| govern(r))
        .unwrap_or(Text)
}

/// One sum identity among the columns of a row: `total = Σ parts`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub total: usize,
    pub parts: Vec<usize>,
}

impl Identity {
    /// Whether the sum holds on a row whose cells `amount` gives, a blank cell standing for
    /// `blank`: the total's interval meets the sum of the parts' (`None` when every cell of it
    /// is blank, nothing to check).
    pub fn holds(
        &self,
        amount: impl Fn(usize) -> Option<crate::amount::Amount>,
        blank: crate::amount::Interval,
    ) -> Option<bool> {
        let total = amount(self.total);
        let parts: Vec<_> = self.parts.iter().map(|&p| amount(p)).collect();
        if total.is_none() && parts.iter().all(Option::is_none) {
            return None;
        }
        let sum = parts
            .iter()
            .map(|p| p.map_or(blank, |a| a.interval()))
            .fold(
                crate::amount::Interval::point(rust_decimal::Decimal::ZERO),
                |a, b| a + b,
            );
        Some(total.map_or(blank, |a| a.interval()).intersects(sum))
    }
}

/// The sum identities a set of columns implies, by role: 合计 = Σ sources, 基本 = 人员 + 公用, …
pub fn identities(columns: &[Column]) -> Vec<Identity> {
    let money: Vec<&Column> = columns
        .iter()
        .filter(|c| c.role.is_money() && !c.role.is_part_of())
        .collect();
    let find = |scope: Scope, role: Role| {
        money
            .iter()
            .find(|c| c.scope == scope && c.role == role)
            .map(|c| c.index)
    };
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    let push = |total: usize, part: usize, groups: &mut Vec<(usize, Vec<usize>)>| match groups
        .iter_mut()
        .find(|g| g.0 == total)
    {
        Some(g) => g.1.push(part),
        None => groups.push((total, vec![part])),
    };
    for c in &money {
        if c.scope == Scope::Combined || c.role == Role::Amount {
            continue;
        }
        // Walk up the role hierarchy until a role present in this scope, then up the scopes.
        let mut role = c.role;
        let mut target = None;
        while let Some(p) = role.parent() {
            if let Some(t) = find(c.scope, p) {
                target = Some(t);
                break;
            }
            role = p;
        }
        if target.is_none()
            && c.role == Role::Total
            && matches!(c.scope, Scope::ThisYear | Scope::CarryOver)
        {
            target = find(Scope::Root, Role::Total);
        }
        if target.is_none()
            && c.role != Role::Total
            && matches!(c.scope, Scope::ThisYear | Scope::CarryOver)
        {
            target =
                find(Scope::Root, Role::Total).filter(|_| find(c.scope, Role::Total).is_none());
        }
        if let Some(t) = target.filter(|&t| t != c.index) {
            push(t, c.index, &mut groups);
        }
    }
    // The Combined view (by fund type) also adds up to the grand total.
    if let Some(t) = find(Scope::Root, Role::Total) {
        let parts: Vec<usize> = money
            .iter()
            .filter(|c| c.scope == Scope::Combined)
            .map(|c| c.index)
            .collect();
        if !parts.is_empty() {
            groups.push((t, parts));
        }
    }
    groups
        .into_iter()
        .filter(|g| !g.1.is_empty())
        .map(|(total, parts)| Identity { total, parts })
        .collect()
}

/// Income-type sources (事业收入, 其他收入, …) are never split out of a carry-over group.
pub fn plausible(scope: Scope, role: Role) -> bool {
    use Role::*;
    !(scope == Scope::CarryOver
        && matches!(
            role,
            BusinessIncome | OperatingIncome | SuperiorSubsidy | AffiliatedRemit | OtherIncome
        ))
}

/// Sorts a scope's money roles into the canonical order (subtotal first, then its parts).
pub fn canonical_key(c: &Column) -> (u32, u32) {
    let scope_rank = match c.scope {
        Scope::Root if c.role == Role::Total => 0,
        Scope::Combined => 1,
        Scope::ThisYear => 2,
        Scope::Income | Scope::Expenditure => 2,
        Scope::Root => 3,
        Scope::CarryOver => 4,
        Scope::Budgeted => 5,
        Scope::Actual => 6,
    };
    let root_after = if c.scope == Scope::Root && matches!(c.role, Role::CarryOver) {
        50
    } else {
        0
    };
    (scope_rank * 1000 + root_after, c.role.order())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lines: &[&str]) -> (Vec<Vec<String>>, usize) {
        let rows: Vec<Vec<String>> = lines
            .iter()
            .map(|l| l.split('\t').map(String::from).collect())
            .collect();
        let w = rows.iter().map(Vec::len).max().unwrap_or(0);
        (rows, w)
    }

    #[test]
    fn hebei_income_header() {
        let (r, w) = rows(&[
            "序号\t功能分类科目\t\t合计\t本年收入\t\t\t\t\t\t\t\t上年结转",
            "\t科目编码\t科目名称\t\t小计\t财政拨款收入\t财政专户收入\t事业收入\t经营收入\t上级补助收入\t附属单位上缴收入\t其他收入\t",
        ]);
        let cols = columns_from_header(&r, w);
        let roles: Vec<(Scope, Role)> = cols.iter().map(Column::key).collect();
        assert_eq!(roles[1], (Scope::Root, Role::Code));
        assert_eq!(roles[2], (Scope::Root, Role::Name));
        assert_eq!(roles[3], (Scope::Root, Role::Total));
        assert_eq!(roles[4], (Scope::ThisYear, Role::Total));
        assert_eq!(roles[5], (Scope::ThisYear, Role::FiscalAppropriation));
        assert_eq!(roles[11], (Scope::ThisYear, Role::OtherIncome));
        assert_eq!(roles[12], (Scope::Root, Role::CarryOver));
        let ids = identities(&cols);
        assert!(
            ids.contains(&Identity {
                total: 3,
                parts: vec![4, 12]
            }),
            "{ids:?}"
        );
        assert!(
            ids.contains(&Identity {
                total: 4,
                parts: (5..=11).collect()
            }),
            "{ids:?}"
        );
    }

    #[test]
    fn national_final_three_public_header() {
        // 预算数 and 决算数 as the top groups, the items under each (财政部 部门决算 表式).
        let (r, w) = rows(&[
            "预算数\t\t\t\t\t\t决算数\t\t\t\t\t",
            "合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费",
            "\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t",
        ]);
        let cols = columns_from_header(&r, w);
        let keys: Vec<(Scope, Role)> = cols.iter().map(Column::key).collect();
        assert_eq!(keys[0], (Scope::Budgeted, Role::Total));
        assert_eq!(keys[3], (Scope::Budgeted, Role::VehiclePurchase));
        assert_eq!(keys[6], (Scope::Actual, Role::Total));
        assert_eq!(keys[11], (Scope::Actual, Role::Reception));
        let ids = identities(&cols);
        assert!(
            ids.contains(&Identity {
                total: 0,
                parts: vec![1, 2, 5]
            }),
            "{ids:?}"
        );
        assert!(
            ids.contains(&Identity {
                total: 8,
                parts: vec![9, 10]
            }),
            "{ids:?}"
        );
    }

    #[test]
    fn final_balance_table_header() {
        let (r, w) = rows(&[
            "项目\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余",
            "科目编码\t科目名称\t\t\t小计\t基本支出\t项目支出\t",
        ]);
        let cols = columns_from_header(&r, w);
        let roles: Vec<Role> = cols.iter().map(|c| c.role).collect();
        assert_eq!(
            roles[2..],
            [
                Role::OpeningBalance,
                Role::YearIncome,
                Role::Total,
                Role::Basic,
                Role::Project,
                Role::ClosingBalance
            ]
        );
        // The balances never add into the year's spending.
        assert_eq!(
            identities(&cols),
            vec![Identity {
                total: 4,
                parts: vec![5, 6]
            }]
        );
    }

    #[test]
    fn a_spending_label_set_right_of_its_first_column() {
        // A text export centres `财政拨款支出` over the 合计 column: the name column left of it,
        // after the income side's amounts, opens the expenditure side all the same.
        let (r, w) = rows(&[
            "财政拨款收入\t\t\t财政拨款支出\t\t",
            "项目\t预算数\t项目\t合计\t一般公共预算\t政府性基金预算",
        ]);
        let cols = columns_from_header(&r, w);
        let keys: Vec<(Scope, Role)> = cols.iter().map(Column::key).collect();
        assert_eq!(keys[0], (Scope::Income, Role::Name));
        assert_eq!(keys[2], (Scope::Expenditure, Role::Name));
        assert_eq!(keys[3], (Scope::Expenditure, Role::Total));
        // A side listing twice (Jiangsu: by function, then by use) keeps its second name column.
        let (r, w) = rows(&[
            "收入\t\t支出\t\t\t",
            "项目\t预算数\t项目\t预算数\t项目\t预算数",
        ]);
        let cols = columns_from_header(&r, w);
        assert_eq!(cols[4].key(), (Scope::Expenditure, Role::Name));
        assert_eq!(cols[1].scope, Scope::Income);
    }

    #[test]
    fn a_row_number_column_is_not_money() {
        let (r, w) = rows(&["收入\t\t\t支出\t\t", "项目\t行次\t金额\t项目\t行次\t金额"]);
        let cols = columns_from_header(&r, w);
        assert_eq!(cols[1].role, Role::RowNo);
        assert_eq!(cols[2].key(), (Scope::Income, Role::Amount));
        assert_eq!(cols[5].key(), (Scope::Expenditure, Role::Amount));
    }

    #[test]
    fn henan_expenditure_header() {
        let (r, w) = rows(&[
            "科目编码\t\t\t单位代码\t单位（科目名称）\t合计\t基本支出\t\t\t项目支出\t\t\t",
            "\t\t\t\t\t\t小计\t人员经费\t\t公用经费\t小计\t其他运转类\t特定目标类",
        ]);
        let cols = columns_from_header(&r, w);
        assert_eq!(cols[5].role, Role::Total);
        assert_eq!(cols[6].role, Role::Basic);
        assert_eq!(
            (cols[7].role, cols[8].role),
            (Role::Personnel, Role::Personnel)
        );
        assert_eq!(cols[10].role, Role::Project);
        assert_eq!(cols[12].role, Role::SpecificTarget);
        let ids = identities(&cols);
        assert!(
            ids.contains(&Identity {
                total: 5,
                parts: vec![6, 10]
            }),
            "{ids:?}"
        );
        assert!(
            ids.contains(&Identity {
                total: 10,
                parts: vec![11, 12]
            }),
            "{ids:?}"
        );
    }
}
