//! Figures stated in the 情况说明 prose, each tied to the line and column it was read from.
//!
//! A sentence names a subject (收入总计, 基本支出, "三公"经费 …) and gives figures about it: the
//! amount, last year's amount, the change (增减额), the rate of change (增减率) or a share (占比).
//! Figures whose label names no known subject are kept as named items (机关运行经费 breakdowns,
//! project lists) under the sentence's topic.

use crate::amount::Amount;
use crate::layout;
use crate::normalize::fold_punct;
use crate::table::Table;
use serde::{Deserialize, Serialize};

/// What a stated figure is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum Subject {
    /// 收入总计 / 收入合计 / 预算收入.
    IncomeTotal,
    /// 一般公共预算收入.
    GeneralBudgetIncome,
    /// (政府性)基金预算收入.
    GovFundIncome,
    /// 国有资本经营预算收入.
    StateCapitalIncome,
    /// 财政专户核拨/管理资金收入.
    SpecialAccountIncome,
    /// 单位资金收入.
    UnitFundsIncome,
    BusinessIncome,
    OperatingIncome,
    SuperiorSubsidyIncome,
    AffiliatedRemitIncome,
    OtherIncome,
    /// 上年结转(结余).
    CarryOverIncome,
    /// 支出总计 / 支出合计 / 支出预算.
    ExpenditureTotal,
    /// 收支总计 / 预算收支安排 — income and expenditure together.
    BudgetTotal,
    /// 基本支出.
    Basic,
    /// 人员经费.
    Personnel,
    /// (日常)公用经费.
    Public,
    /// 项目支出.
    Project,
    /// 一般公共预算(收支/支出).
    GeneralBudget,
    /// 一般公共预算基本支出.
    GeneralBudgetBasic,
    /// 政府性基金(收支/支出).
    GovFund,
    /// 国有资本经营(收支/支出).
    StateCapital,
    /// "三公"经费.
    ThreePublic,
    /// 因公出国(境)费.
    Abroad,
    /// 公务用车购置及运行(维护)费.
    Vehicle,
    /// 公务用车购置费.
    VehiclePurchase,
    /// 公务用车运行维护费.
    VehicleOperation,
    /// 公务接待费.
    Reception,
    /// 机关(机构)运行经费.
    OperatingCost,
    /// 政府采购预算.
    Procurement,
    ProcurementGoods,
    ProcurementWorks,
    ProcurementServices,
    /// 上年末固定资产金额/总额.
    FixedAssets,
    /// 本年度拟购置固定资产总额.
    FixedAssetsPlanned,
    /// 纳入预算绩效管理的支出总额.
    PerformanceTotal,
    /// 填报绩效目标的预算项目 (count).
    ProjectsWithTargets,
    /// 公开绩效目标 (count).
    ProjectsDisclosed,
    /// 涉及项目 (count).
    ProjectCount,
    /// 公开填报绩效目标的项目预算.
    DisclosedProjectBudget,
    /// 车辆 (count).
    Vehicles,
    /// A figure named by its own label, e.g. `办公费` in a 机关运行经费 breakdown.
    Item(String),
}

/// What kind of figure about the subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// This year's amount.
    Amount,
    /// Last year's amount (上年/2023年预算 x 万元).
    Prior,
    /// 增减额.
    Change,
    /// 增减率, in percent.
    Rate,
    /// 占比, in percent.
    Share,
    /// A count (个, 辆, 套).
    Count,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Increase,
    Decrease,
    /// 持平 / 没有增减变化.
    Flat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactUnit {
    WanYuan,
    Yuan,
    Percent,
    Count,
}

/// A figure the prose states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    /// Source line (1-based) of the figure.
    pub line: usize,
    /// Character offset of the figure within its line.
    pub col: usize,
    pub subject: Subject,
    pub measure: Measure,
    /// The figure as printed; `None` for a 持平 statement that gives no number.
    pub value: Option<Amount>,
    pub unit: FactUnit,
    pub direction: Option<Direction>,
    /// For named items: the subject of the sentence they break down.
    pub of: Option<Subject>,
    /// The first subject of the figure's sentence (the previous sentence's, if it names none).
    pub topic: Option<Subject>,
    /// Running numbers of the sentence and paragraph within the unit's prose.
    pub sentence: usize,
    pub paragraph: usize,
    /// The clause the figure was read from.
    pub text: String,
}

impl Fact {
    /// In the same paragraph or within the next few (三公 items are often one per paragraph).
    pub fn paragraph_near(&self, other: &Fact) -> bool {
        self.paragraph >= other.paragraph && self.paragraph <= other.paragraph + 4
    }
}

/// Which part of the 情况说明 a paragraph sits in; it settles ambiguous labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Other,
    Income,
    Expenditure,
    ThreePublic,
    OperatingCost,
    Procurement,
    Assets,
    Performance,
}

fn section_of(heading: &str) -> Option<Section> {
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

/// Subject keywords, longest and most specific first.
fn keywords(section: Section) -> Vec<(&'static str, Subject)> {
    use Subject::*;
    let mut k = vec![
        ("纳入预算绩效管理的支出总额", PerformanceTotal),
        ("公开填报绩效目标的项目预算", DisclosedProjectBudget),
        ("填报绩效目标的预算项目", ProjectsWithTargets),
        ("公开绩效目标", ProjectsDisclosed),
        ("涉及项目", ProjectCount),
        ("一般公共预算基本支出", GeneralBudgetBasic),
        ("一般公共预算收支", GeneralBudget),
        ("一般公共预算支出", GeneralBudget),
        ("政府性基金收支", GovFund),
        ("政府性基金预算支出", GovFund),
        ("国有资本经营收支", StateCapital),
        ("国有资本经营预算支出", StateCapital),
        ("一般公共预算拨款收入", GeneralBudgetIncome),
        ("一般公共预算收入", GeneralBudgetIncome),
        ("政府性基金预算拨款收入", GovFundIncome),
        ("政府性基金预算收入", GovFundIncome),
        ("基金预算收入", GovFundIncome),
        ("国有资本经营预算拨款收入", StateCapitalIncome),
        ("国有资本经营预算收入", StateCapitalIncome),
        ("财政专户核拨收入", SpecialAccountIncome),
        ("财政专户管理资金收入", SpecialAccountIncome),
        ("单位资金收入", UnitFundsIncome),
        ("事业单位经营收入", OperatingIncome),
        ("事业收入", BusinessIncome),
        ("上级补助收入", SuperiorSubsidyIncome),
        ("附属单位上缴收入", AffiliatedRemitIncome),
        ("其他收入", OtherIncome),
        ("上年结转结余", CarryOverIncome),
        ("上年结转", CarryOverIncome),
        ("收入总计", IncomeTotal),
        ("收入合计", IncomeTotal),
        ("预算收入", IncomeTotal),
        ("支出总计", ExpenditureTotal),
        ("支出合计", ExpenditureTotal),
        ("支出预算", ExpenditureTotal),
        ("收、支总计", BudgetTotal),
        ("收支总计", BudgetTotal),
        ("预算收支安排", BudgetTotal),
        ("收支安排", BudgetTotal),
        ("“三公”经费支出预算", ThreePublic),
        ("三公经费支出预算", ThreePublic),
        ("“三公”经费", ThreePublic),
        ("\"三公\"经费", ThreePublic),
        ("三公经费", ThreePublic),
        ("因公出国(境)费", Abroad),
        ("因公出国", Abroad),
        ("公务用车购置及运维费", Vehicle),
        ("公务用车购置及运行费", Vehicle),
        ("公务用车购置及运行维护费", Vehicle),
        ("公务用车购置费", VehiclePurchase),
        ("公务用车运行维护费", VehicleOperation),
        ("公务用车运维费", VehicleOperation),
        ("公务用车运行费", VehicleOperation),
        ("公务接待费", Reception),
        ("运行经费支出预算", OperatingCost),
        ("运行经费支出", OperatingCost),
        ("机关(机构)运行经费", OperatingCost),
        ("机关运行经费", OperatingCost),
        ("运行经费", OperatingCost),
        ("政府采购货物预算", ProcurementGoods),
        ("政府采购工程预算", ProcurementWorks),
        ("政府采购服务预算", ProcurementServices),
        ("政府采购预算", Procurement),
        ("拟购置固定资产总额", FixedAssetsPlanned),
        ("固定资产金额", FixedAssets),
        ("固定资产总额", FixedAssets),
        ("共有车辆", Vehicles),
        ("车辆共有", Vehicles),
        ("基本支出", Basic),
        ("人员经费", Personnel),
        ("日常公用经费", Public),
        ("公用经费", Public),
        ("项目支出", Project),
    ];
    match section {
        // In the income paragraph, `一般公共预算 7895.93 万元` is income by source.
        Section::Income => k.push(("一般公共预算", GeneralBudgetIncome)),
        Section::ThreePublic => k.push(("招待费", Reception)),
        _ => {}
    }
    k.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
    k
}

/// A paragraph of prose joined from wrapped lines, with each char's source position.
struct Paragraph {
    text: Vec<char>,
    /// (line, column) of each char.
    pos: Vec<(usize, usize)>,
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['。', '；', ';', '：', ':', '！', '？', '”', '）', ')'])
}

/// Joins prose lines into paragraphs; a line not ending a sentence continues on the next one.
fn paragraphs(
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
        if layout::is_blank(raw) {
            continue;
        }
        let prose = !in_table(n) && !raw.contains('\t') && layout::meta(raw).is_none();
        let heading = prose && (layout::is_heading(raw.trim()) || is_numbered_heading(raw.trim()));
        if !prose || heading {
            if let Some(p) = cur.take() {
                out.push((p, section));
            }
            if heading {
                if let Some(s) = section_of(raw) {
                    section = s;
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

/// `1、收入说明`: Hebei numbers its sub-headings with Arabic numerals.
fn is_numbered_heading(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && line.chars().nth(digits) == Some('、')
        && line.chars().count() <= 20
        && !line.contains("万元")
}

/// A number followed by a unit, found in a paragraph.
struct Figure {
    start: usize,
    end: usize,
    amount: Amount,
    unit: FactUnit,
}

fn figures(text: &[char]) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        let prev_ok = i == 0
            || !(text[i - 1].is_ascii_digit()
                || text[i - 1] == '.'
                || text[i - 1].is_ascii_alphabetic());
        if c.is_ascii_digit() && prev_ok {
            let mut j = i;
            while j < text.len() && (text[j].is_ascii_digit() || text[j] == '.' || text[j] == ',') {
                j += 1;
            }
            let num: String = text[i..j]
                .iter()
                .collect::<String>()
                .trim_end_matches([',', '.'])
                .to_owned();
            let end_num = i + num.chars().count();
            let mut k = end_num;
            while k < text.len() && text[k] == ' ' {
                k += 1;
            }
            let rest: String = text[k..text.len().min(k + 2)].iter().collect();
            let unit = if rest.starts_with("万元") {
                Some((FactUnit::WanYuan, 2))
            } else if rest.starts_with('%') {
                Some((FactUnit::Percent, 1))
            } else if rest.starts_with('元') {
                Some((FactUnit::Yuan, 1))
            } else if rest.starts_with(['个', '辆', '套', '项']) {
                Some((FactUnit::Count, 1))
            } else {
                None
            };
            let unit_len = unit.map_or(0, |u| u.1);
            let after: String = text
                [(k + unit_len).min(text.len())..text.len().min(k + unit_len + 2)]
                .iter()
                .collect();
            // `单价 50 万元以上` is a threshold, not a figure.
            let threshold = ["以上", "以下", "以内"].contains(&after.as_str());
            if let (Some((unit, len)), Some(amount), false) = (unit, Amount::parse(&num), threshold)
            {
                out.push(Figure {
                    start: i,
                    end: k + len,
                    amount,
                    unit,
                });
                i = k + len;
                continue;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

fn direction_in(label: &str) -> Option<Direction> {
    let tail: String = label
        .chars()
        .rev()
        .take(6)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if ["增加", "增长", "上升", "提高"]
        .iter()
        .any(|w| tail.contains(w))
    {
        Some(Direction::Increase)
    } else if ["减少", "下降", "降低", "压减"]
        .iter()
        .any(|w| tail.contains(w))
    {
        Some(Direction::Decrease)
    } else {
        None
    }
}

fn says_flat(text: &str) -> bool {
    ["持平", "没有增减", "无增减", "没有变化", "未发生变化"]
        .iter()
        .any(|w| text.contains(w))
}

/// Words around a label that are not part of its name.
fn item_name(label: &str) -> String {
    let mut s = label
        .trim()
        .trim_start_matches(['，', ',', '；', ';', '、', '：', ':', '（', '(', ' ', '。'])
        .to_owned();
    for p in [
        "其中",
        "包括",
        "主要为",
        "主要用于",
        "主要是",
        "用于",
        "共计",
        "另外",
        "及",
        "和",
    ] {
        if let Some(r) = s.strip_prefix(p) {
            s = r.trim_start_matches(['：', ':', ' ', '，']).to_owned();
        }
    }
    // `一是…`, `二是…`: enumerations.
    let mut cs = s.chars();
    if let (Some(a), Some('是')) = (cs.next(), cs.next()) {
        if layout::is_cn_numeral(a) {
            s = cs.collect();
        }
    }
    for p in ["共计安排", "安排", "为", "共"] {
        if let Some(r) = s.strip_suffix(p) {
            s = r.to_owned();
        }
    }
    s.trim().to_owned()
}

/// Labels and keywords are compared with punctuation folded (and the quoted 三公 unified).
fn fold_label(s: &str) -> String {
    fold_punct(s).replace("\"三公\"", "“三公”")
}

/// The section's keywords, folded (once per section and unit, see [`KeywordCache`]).
fn folded_keywords(section: Section) -> Vec<(String, Subject)> {
    keywords(section)
        .into_iter()
        .map(|(w, s)| (fold_label(w), s))
        .collect()
}

fn find_subject(label: &str, keys: &[(String, Subject)]) -> Option<(usize, Subject)> {
    let f = fold_label(label);
    // The keyword nearest the figure wins: the latest end, then the longest.
    keys.iter()
        .filter_map(|(w, s)| {
            f.rfind(w.as_str())
                .map(|at| (at + w.len(), w.len(), s.clone()))
        })
        .max_by_key(|(end, len, _)| (*end, *len))
        .map(|(end, _, s)| (end, s))
}

/// Extracts the stated figures of one unit's prose.
pub fn extract(lines: &[String], span: (usize, usize), tables: &[Table]) -> Vec<Fact> {
    let year = tables
        .iter()
        .find_map(|t| t.meta.year)
        .or_else(|| tables.iter().find_map(|t| layout::year_in(&t.title)));
    let mut out = Vec::new();
    let mut counters = (0usize, 0usize);
    let mut keys = KeywordCache::default();
    for (p, section) in paragraphs(lines, span, tables) {
        counters.0 += 1;
        counters.1 += 1;
        if section == Section::Performance && !p.text.iter().collect::<String>().contains("项目")
        {
            continue;
        }
        extract_paragraph(&p, section, year, &mut keys, &mut counters, &mut out);
    }
    out
}

/// Each section's folded keywords, folded the first time a paragraph of it has a figure.
#[derive(Default)]
struct KeywordCache(Vec<(Section, Vec<(String, Subject)>)>);

impl KeywordCache {
    fn get(&mut self, section: Section) -> &[(String, Subject)] {
        let at = match self.0.iter().position(|(s, _)| *s == section) {
            Some(at) => at,
            None => {
                self.0.push((section, folded_keywords(section)));
                self.0.len() - 1
            }
        };
        &self.0[at].1
    }
}

fn extract_paragraph(
    p: &Paragraph,
    section: Section,
    year: Option<u16>,
    keys: &mut KeywordCache,
    counters: &mut (usize, usize),
    out: &mut Vec<Fact>,
) {
    let figs = figures(&p.text);
    let keys = if figs.is_empty() {
        &[][..]
    } else {
        keys.get(section)
    };
    // A sentence ends at 。; its topic is the first subject it names; `last` is the subject of
    // the latest figure (a share or rate without a label of its own is about that).
    let mut topic: Option<Subject> = None;
    let mut prev_topic: Option<Subject> = None;
    let mut recent: Option<Subject> = None;
    let mut last: Option<Subject> = None;
    let mut prev_end = 0;
    let mut sentence_start = 0;
    for f in &figs {
        let mut new_sentence = false;
        if let Some(stop) = p.text[prev_end..f.start].iter().rposition(|&c| c == '。') {
            sentence_start = prev_end + stop + 1;
            counters.0 += 1;
            // `…6536.40 万元。其中：基本支出…` continues the sentence before it.
            let continues = p.text[sentence_start..f.start]
                .iter()
                .collect::<String>()
                .trim_start()
                .starts_with("其中");
            if !continues {
                prev_topic = topic.take().or(prev_topic);
                recent = None;
                last = None;
                new_sentence = true;
            }
        }
        let floor = prev_end.max(sentence_start);
        let label_start = p.text[floor..f.start]
            .iter()
            .rposition(|&c| matches!(c, '，' | ',' | '；' | ';' | '。' | '：' | ':'))
            .map_or(floor, |k| floor + k + 1);
        let label: String = p.text[label_start..f.start].iter().collect();
        let last_fact = out.last().map(|x| x.subject.clone());
        let sentence_topic = if new_sentence {
            prev_topic.clone()
        } else {
            topic.clone()
        };
        flat_statements(p, prev_end, label_start, last_fact, sentence_topic, out);
        let direction = direction_in(&label);
        let measure = match f.unit {
            FactUnit::Percent if direction.is_some() => Measure::Rate,
            FactUnit::Percent if label.contains('占') => Measure::Share,
            FactUnit::Percent => {
                prev_end = f.end;
                continue;
            }
            FactUnit::Count => Measure::Count,
            _ if direction.is_some() => Measure::Change,
            _ if is_prior(&label, year) => Measure::Prior,
            _ => Measure::Amount,
        };
        let found = find_subject(&label, keys).map(|x| x.1);
        let context = recent
            .clone()
            .or_else(|| topic.clone())
            .or_else(|| prev_topic.clone());
        let subject = match (found, measure) {
            // Parts of 机关运行经费 are items of it, even when they are also "三公" headings.
            (Some(s), Measure::Amount)
                if section == Section::OperatingCost
                    && s != Subject::OperatingCost
                    && context.is_some() =>
            {
                Some(Subject::Item(item_name(&label)))
            }
            (Some(s), _) => Some(s),
            (None, Measure::Change | Measure::Rate) if f.unit != FactUnit::Count => {
                let thing = changed_thing(&label);
                if thing.chars().count() >= 3 {
                    Some(Subject::Item(thing))
                } else {
                    last.clone().or_else(|| prev_topic.clone())
                }
            }
            (None, Measure::Share | Measure::Prior) if f.unit != FactUnit::Count => {
                last.clone().or_else(|| prev_topic.clone())
            }
            (None, Measure::Amount) if section != Section::Performance && context.is_some() => {
                let name = item_name(&label);
                (!name.is_empty() && name.chars().count() <= 60).then_some(Subject::Item(name))
            }
            _ => None,
        };
        let Some(subject) = subject else {
            prev_end = f.end;
            continue;
        };
        let is_item = matches!(subject, Subject::Item(_));
        let of = if is_item { context } else { None };
        let (line, col) = p.pos[f.start];
        let text: String = p.text[label_start..f.end].iter().collect();
        out.push(Fact {
            line,
            col,
            subject: subject.clone(),
            measure,
            value: Some(f.amount),
            unit: f.unit,
            direction,
            of,
            topic: topic
                .clone()
                .or_else(|| Some(subject.clone()).filter(|_| !is_item))
                .or_else(|| prev_topic.clone()),
            sentence: counters.0,
            paragraph: counters.1,
            text: text.trim().to_owned(),
        });
        if !is_item {
            topic.get_or_insert(subject.clone());
            recent = Some(subject.clone());
        }
        last = Some(subject);
        prev_end = f.end;
    }
    let last_fact = out.last().map(|x| x.subject.clone());
    flat_statements(
        p,
        prev_end,
        p.text.len(),
        last_fact,
        topic.or(prev_topic),
        out,
    );
    // Statements of no change carry the numbers of where they were found.
    for f in out.iter_mut().filter(|f| f.paragraph == 0) {
        f.sentence = counters.0;
        f.paragraph = counters.1;
    }
}

/// `与2023年预算2.8万元相比` / `上年 x 万元`: last year's figure.
fn is_prior(label: &str, year: Option<u16>) -> bool {
    let earlier_year = years_named(label)
        .into_iter()
        .zip(std::iter::repeat(year))
        .any(|(y, cur)| cur.is_some_and(|c| y < c));
    earlier_year || label.contains("上年预算") || label.contains("上年数")
}

/// Years written as a year (`2024 年`, `2024年`), not document numbers like `[2025]128 号`.
fn years_named(label: &str) -> Vec<u16> {
    let chars: Vec<char> = label.chars().collect();
    let mut out = Vec::new();
    for i in 0..chars.len().saturating_sub(3) {
        let w: String = chars[i..i + 4].iter().collect();
        let bounded = i == 0 || !chars[i - 1].is_ascii_digit();
        let mut j = i + 4;
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        if bounded
            && w.chars().all(|c| c.is_ascii_digit())
            && chars.get(j) == Some(&'年')
            && chars.get(i + 4) != Some(&']')
        {
            if let Ok(y) = w.parse() {
                out.push(y);
            }
        }
    }
    out
}

/// What is left of a change's label once the comparison words are gone: `` for `较2023年预算减少`,
/// a name for `冀财社专款医疗保障服务能力提升资金增加`.
fn changed_thing(label: &str) -> String {
    let mut s = item_name(label);
    for w in [
        "增加",
        "增长",
        "上升",
        "提高",
        "减少",
        "下降",
        "降低",
        "压减",
        "同比",
        "与上年相比",
        "相比",
        "比上年",
        "较上年",
        "预算数",
        "预算",
        "上年",
        "各",
        "了",
        "比",
        "较",
        "与",
        "主要是",
        "主要为",
    ] {
        s = s.replace(w, "");
    }
    // Drop written years (`2023 年`) but keep words like 下年.
    let chars: Vec<char> = s.chars().collect();
    let mut kept = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == ' ') {
                i += 1;
            }
            if chars.get(i) == Some(&'年') {
                i += 1;
            }
            continue;
        }
        if chars[i] != ' ' {
            kept.push(chars[i]);
        }
        i += 1;
    }
    let s = kept;
    s.trim_matches(['，', ',', '。', '、', '(', ')', '（', '）'])
        .to_owned()
}

/// `持平` / `没有增减变化` statements between figures: a change of zero without a number.
/// The statement is about the last figure's subject, or — when a new sentence begins before it
/// (`…0.16万元。2025年与上年持平`) — about the sentence topic.
fn flat_statements(
    p: &Paragraph,
    from: usize,
    to: usize,
    last: Option<Subject>,
    topic: Option<Subject>,
    out: &mut Vec<Fact>,
) {
    if from >= to {
        return;
    }
    let text: String = p.text[from..to].iter().collect();
    if !says_flat(&text) {
        return;
    }
    let at = (from..to)
        .find(|&i| says_flat(&p.text[i..to].iter().take(8).collect::<String>()))
        .unwrap_or(from);
    let new_sentence = p.text[from..at].contains(&'。');
    let subject = if new_sentence { topic } else { last };
    let Some(subject) = subject.filter(|s| !matches!(s, Subject::Item(_))) else {
        return;
    };
    let (line, col) = p.pos[at.min(p.pos.len() - 1)];
    out.push(Fact {
        line,
        col,
        subject,
        measure: Measure::Change,
        value: None,
        unit: FactUnit::WanYuan,
        direction: Some(Direction::Flat),
        of: None,
        topic: None,
        sentence: 0,
        paragraph: 0,
        text: text
            .trim()
            .trim_start_matches(['，', ',', '；', '。'])
            .to_owned(),
    });
}
