//! 政府收支分类科目: the classes of the functional classification (2xx) and of the two economic
//! classifications (部门预算 3xx, 政府预算 5xx), with the years their names changed, so that a
//! code is read in its own classification and a name against the edition of the document's year.

use crate::normalize::fold_punct;

/// Which classification a code belongs to, by its leading digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Classification {
    /// 支出功能分类 (2xx).
    Functional,
    /// 部门预算支出经济分类 (3xx).
    DepartmentEconomic,
    /// 政府预算支出经济分类 (5xx).
    GovernmentEconomic,
}

impl Classification {
    /// The classification a code's digits belong to.
    pub fn of(code: &str) -> Option<Classification> {
        match code.as_bytes().first()? {
            b'2' => Some(Classification::Functional),
            b'3' => Some(Classification::DepartmentEconomic),
            b'5' => Some(Classification::GovernmentEconomic),
            _ => None,
        }
    }

    /// The valid class codes (the first three digits).
    pub fn classes(self) -> &'static [u16] {
        match self {
            Classification::Functional => &FUNCTIONAL_CLASSES,
            Classification::DepartmentEconomic => {
                &[301, 302, 303, 307, 309, 310, 311, 312, 313, 399]
            }
            Classification::GovernmentEconomic => &[
                501, 502, 503, 504, 505, 506, 507, 508, 509, 510, 511, 512, 513, 514, 599,
            ],
        }
    }

    /// The lengths a code of this classification has (class, 款, 项).
    pub fn lengths(self) -> &'static [usize] {
        match self {
            Classification::Functional => &[3, 5, 7],
            Classification::DepartmentEconomic | Classification::GovernmentEconomic => &[3, 5],
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Classification::Functional => "支出功能分类",
            Classification::DepartmentEconomic => "部门预算支出经济分类",
            Classification::GovernmentEconomic => "政府预算支出经济分类",
        }
    }
}

const FUNCTIONAL_CLASSES: [u16; 30] = [
    201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 219, 220,
    221, 222, 223, 224, 227, 229, 230, 231, 232, 233, 234,
];

/// The current names of the functional classes.
const FUNCTIONAL_NAMES: [(u16, &str); 30] = [
    (201, "一般公共服务支出"),
    (202, "外交支出"),
    (203, "国防支出"),
    (204, "公共安全支出"),
    (205, "教育支出"),
    (206, "科学技术支出"),
    (207, "文化旅游体育与传媒支出"),
    (208, "社会保障和就业支出"),
    (209, "社会保险基金支出"),
    (210, "卫生健康支出"),
    (211, "节能环保支出"),
    (212, "城乡社区支出"),
    (213, "农林水支出"),
    (214, "交通运输支出"),
    (215, "资源勘探工业信息等支出"),
    (216, "商业服务业等支出"),
    (217, "金融支出"),
    (219, "援助其他地区支出"),
    (220, "自然资源海洋气象等支出"),
    (221, "住房保障支出"),
    (222, "粮油物资储备支出"),
    (223, "国有资本经营预算支出"),
    (224, "灾害防治及应急管理支出"),
    (227, "预备费"),
    (229, "其他支出"),
    (230, "转移性支出"),
    (231, "债务还本支出"),
    (232, "债务付息支出"),
    (233, "债务发行费用支出"),
    (234, "抗疫特别国债安排的支出"),
];

/// Former names of functional classes and the first year of the edition that replaced them
/// (`None`: a variant no edition ever used). The 2019 edition followed the 2018 reform of the
/// State Council's bodies; the corpus bears the years out (2018 documents print the old names,
/// 2019 ones the new, 资源勘探信息等 lasts through 2019).
const FORMER_NAMES: [(u16, &str, Option<u16>); 9] = [
    (207, "文化体育与传媒支出", Some(2019)),
    (210, "医疗卫生与计划生育支出", Some(2019)),
    (220, "国土海洋气象等支出", Some(2019)),
    (215, "资源勘探信息等支出", Some(2020)),
    (215, "资源勘探电力信息等支出", Some(2015)),
    (212, "城乡社区事务", Some(2014)),
    (213, "农林水事务", Some(2014)),
    (222, "粮油物资储备事务", Some(2015)),
    (207, "文化体育旅游与传媒支出", None),
];

/// How a class name stands in the edition of a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameStatus {
    /// The name of that year's edition (or a short form of it: `社会保障和就业`).
    Current,
    /// A former name, replaced by `current` before that year.
    Former { current: &'static str },
}

/// A functional class label (ordinal stripped) read against the edition of `year`: its class
/// code and whether the name is that edition's. `None` when the label names no class.
pub fn functional_class(label: &str, year: Option<u16>) -> Option<(u16, NameStatus)> {
    let key = stem(label);
    if key.is_empty() {
        return None;
    }
    let exact = |name: &str| stem(name) == key;
    // A short form: the label is the start of a name (`资源勘探信息等`).
    let short = |name: &str| key.chars().count() >= 4 && stem(name).starts_with(&key);
    for fits in [&exact as &dyn Fn(&str) -> bool, &short] {
        if let Some(&(code, _)) = FUNCTIONAL_NAMES.iter().find(|(_, name)| fits(name)) {
            return Some((code, NameStatus::Current));
        }
        if let Some(&(code, _, replaced_in)) = FORMER_NAMES.iter().find(|f| fits(f.1)) {
            let current = FUNCTIONAL_NAMES
                .iter()
                .find(|c| c.0 == code)
                .map_or("", |c| c.1);
            let stale = match (replaced_in, year) {
                (None, _) => true,
                (Some(from), Some(y)) => y >= from,
                // Without a year, only what no recent edition uses is stale.
                (Some(from), None) => from <= 2015,
            };
            let status = if stale {
                NameStatus::Former { current }
            } else {
                NameStatus::Current
            };
            return Some((code, status));
        }
    }
    None
}

/// A class name without its trailing 支出 (Henan prints `社会保障和就业`).
fn stem(name: &str) -> String {
    let f = fold_punct(name);
    f.strip_suffix("支出").unwrap_or(&f).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_against_their_year() {
        assert_eq!(
            functional_class("医疗卫生与计划生育支出", Some(2018)),
            Some((210, NameStatus::Current))
        );
        assert_eq!(
            functional_class("医疗卫生与计划生育支出", Some(2024)),
            Some((
                210,
                NameStatus::Former {
                    current: "卫生健康支出"
                }
            ))
        );
        assert_eq!(
            functional_class("资源勘探信息等支出", Some(2019)),
            Some((215, NameStatus::Current))
        );
        assert_eq!(
            functional_class("社会保障和就业", Some(2023)),
            Some((208, NameStatus::Current))
        );
        assert_eq!(functional_class("一般公共预算", Some(2023)), None);
    }

    #[test]
    fn codes_belong_to_their_classification() {
        assert_eq!(
            Classification::of("30101"),
            Some(Classification::DepartmentEconomic)
        );
        assert_eq!(
            Classification::of("2080505"),
            Some(Classification::Functional)
        );
        assert!(Classification::Functional.classes().contains(&224));
        assert!(!Classification::DepartmentEconomic.classes().contains(&208));
    }
}
