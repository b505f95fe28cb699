//! The words of the 情况说明: subject keywords per section, direction and "no change" words,
//! and the words around a label that are not part of an item's name.

use super::paragraphs::Section;
use super::{Direction, Subject};
use crate::layout;
use crate::normalize::fold_punct;

/// Subject keywords, longest and most specific first.
pub(super) fn keywords(section: Section) -> Vec<(&'static str, Subject)> {
    use Subject::*;
    let mut k = vec![
        ("纳入预算绩效管理的支出总额", PerformanceTotal),
        ("公开填报绩效目标的项目预算", DisclosedProjectBudget),
        ("填报绩效目标的预算项目", ProjectsWithTargets),
        ("公开绩效目标", ProjectsDisclosed),
        ("涉及项目", ProjectCount),
        ("一般公共预算基本支出", GeneralBudgetBasic),
        ("一般公共预算拨款支出", GeneralBudget),
        ("政府性基金拨款支出", GovFund),
        ("国有资本经营预算拨款支出", StateCapital),
        ("财政拨款支出", FiscalExpenditure),
        ("财政拨款收入", FiscalIncome),
        ("单位预留机动经费", Reserve),
        ("预留机动经费", Reserve),
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

pub(super) fn direction_in(label: &str) -> Option<Direction> {
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

/// A label that names which figure of a thing (budgeted, spent, executed), not a thing.
pub(super) fn is_measure_word(name: &str) -> bool {
    let n = fold_punct(name);
    let n = n.trim_end_matches(['为', '是']);
    [
        "年初预算",
        "预算数",
        "预算",
        "调整预算",
        "决算数",
        "支出决算",
        "决算",
        "执行数",
        "预算执行数",
        "实际支出",
        "完成数",
    ]
    .contains(&n)
}

/// The last direction word anywhere in a label.
pub(super) fn direction_anywhere(label: &str) -> Option<Direction> {
    let last = |words: &[&str]| words.iter().filter_map(|w| label.rfind(w)).max();
    match (
        last(&["增加", "增长", "上升", "提高"]),
        last(&["减少", "下降", "降低", "压减"]),
    ) {
        (Some(i), Some(d)) if i > d => Some(Direction::Increase),
        (Some(_), None) => Some(Direction::Increase),
        (_, Some(_)) => Some(Direction::Decrease),
        (None, None) => None,
    }
}

pub(super) fn says_flat(text: &str) -> bool {
    ["持平", "没有增减", "无增减", "没有变化", "未发生变化"]
        .iter()
        .any(|w| text.contains(w))
}

/// Words around a label that are not part of its name.
pub(super) fn item_name(label: &str) -> String {
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
pub(super) fn fold_label(s: &str) -> String {
    fold_punct(s).replace("\"三公\"", "“三公”")
}

/// The section's keywords, folded (once per section and unit, see [`KeywordCache`]).
pub(super) fn folded_keywords(section: Section) -> Vec<(String, Subject)> {
    keywords(section)
        .into_iter()
        .map(|(w, s)| (fold_label(w), s))
        .collect()
}

pub(super) fn find_subject(label: &str, keys: &[(String, Subject)]) -> Option<(usize, Subject)> {
    let f = fold_label(label);
    // The keyword nearest the figure wins (the latest end); a longer keyword that overlaps it
    // names the thing more precisely (`政府性基金拨款支出` over `支出预算` in
    // `政府性基金拨款支出预算`).
    let hits: Vec<(usize, usize, Subject)> = keys
        .iter()
        .filter_map(|(w, s)| f.rfind(w.as_str()).map(|at| (at, at + w.len(), s.clone())))
        .collect();
    let nearest = hits.iter().max_by_key(|h| (h.1, h.1 - h.0))?;
    hits.iter()
        .filter(|h| h.0 < nearest.1 && nearest.0 < h.1)
        .max_by_key(|h| (h.1 - h.0, h.1))
        .map(|h| (h.1, h.2.clone()))
}

/// Each section's folded keywords, folded the first time a paragraph of it has a figure.
#[derive(Default)]
pub(super) struct KeywordCache(Vec<(Section, Vec<(String, Subject)>)>);

impl KeywordCache {
    pub(super) fn get(&mut self, section: Section) -> &[(String, Subject)] {
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

/// What is left of a change's label once the comparison words are gone: `` for `较2023年预算减少`,
/// a name for `冀财社专款医疗保障服务能力提升资金增加`.
pub(super) fn changed_thing(label: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_and_longest_keyword_names_the_subject() {
        let keys = folded_keywords(Section::Expenditure);
        let subject = |label: &str| find_subject(label, &keys).map(|x| x.1);
        assert_eq!(subject("其中：基本支出"), Some(Subject::Basic));
        assert_eq!(
            subject("一般公共预算基本支出"),
            Some(Subject::GeneralBudgetBasic)
        );
        // The keyword nearest the figure wins.
        assert_eq!(subject("基本支出中的人员经费"), Some(Subject::Personnel));
        assert_eq!(subject("办公费"), None);
        // In the income section, a bare 一般公共预算 is income.
        let income = folded_keywords(Section::Income);
        assert_eq!(
            find_subject("一般公共预算", &income).map(|x| x.1),
            Some(Subject::GeneralBudgetIncome)
        );
    }

    #[test]
    fn directions_names_and_changed_things() {
        assert_eq!(direction_in("较上年减少"), Some(Direction::Decrease));
        assert_eq!(direction_in("比2023年预算增长"), Some(Direction::Increase));
        assert_eq!(direction_in("主要用于"), None);
        assert!(says_flat("与上年持平") && !says_flat("与上年相比"));
        assert_eq!(item_name("，其中：办公费"), "办公费");
        assert_eq!(item_name("一是印刷费"), "印刷费");
        assert_eq!(changed_thing("较2023年预算减少"), "");
        assert_eq!(
            changed_thing("医疗保障服务能力提升资金增加"),
            "医疗保障服务能力提升资金"
        );
    }
}
