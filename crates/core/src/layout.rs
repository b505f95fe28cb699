//! Line-level reading: which lines are table cells, table preambles, notes, or prose.

use crate::amount::Amount;
use crate::normalize::{compact, fold_punct};

/// The cells of a tab-separated line, trimmed.
pub fn cells(line: &str) -> Vec<&str> {
    line.split('\t').map(str::trim).collect()
}

/// Whether the line has a cell separator (a byte search: this runs on every line several times).
pub fn has_tab(line: &str) -> bool {
    line.as_bytes().contains(&b'\t')
}

pub fn is_blank(line: &str) -> bool {
    match line.as_bytes().first() {
        None => true,
        // Starts with a printable ASCII char or a CJK ideograph (lead bytes E4–E9): not blank.
        Some(&b) if (b'!'..=b'~').contains(&b) || (0xE4..=0xE9).contains(&b) => false,
        _ => line.trim().is_empty(),
    }
}

/// A line copied from a table row: it has a tab separator and some content.
pub fn is_tabular(line: &str) -> bool {
    has_tab(line) && !is_blank(line)
}

/// The currency unit a table or document states (单位：万元).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountUnit {
    /// 万元 — ten thousand yuan, the usual unit.
    WanYuan,
    /// 元.
    Yuan,
    /// 亿元.
    YiYuan,
}

impl AmountUnit {
    pub fn zh(self) -> &'static str {
        match self {
            AmountUnit::WanYuan => "万元",
            AmountUnit::Yuan => "元",
            AmountUnit::YiYuan => "亿元",
        }
    }
}

/// A table preamble line: repeated at the top of every page of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meta {
    /// `417 邢台市医疗保障局`: unit code and name (Hebei).
    UnitCode { code: String, name: String },
    /// `部门名称：温县医疗保障局` (Henan).
    UnitName(String),
    /// `预算年度：2024`.
    Year(u16),
    /// `(2023 年度)`.
    YearLabel(u16),
    /// `单位：万元`.
    Unit(AmountUnit),
    /// `截止时间：2023-12-31`.
    AsOf(String),
    /// `预算01表`: a form number.
    FormNo,
}

/// Recognises a preamble line. Only single-cell lines qualify.
pub fn meta(line: &str) -> Option<Meta> {
    // Preambles are short; a long line is prose.
    if line.len() > 240 || has_tab(line) {
        return None;
    }
    let t = line.trim();
    // Every preamble starts with one of these (or with a unit code's digit).
    let first = t.chars().next()?;
    if !(first.is_ascii_digit() || "预单金部截(（".contains(first)) {
        return None;
    }
    let f = fold_punct(t);
    if let Some(rest) = f.strip_prefix("预算年度:") {
        return year_in(rest).map(Meta::Year);
    }
    for prefix in ["单位:", "金额单位:", "单位名称:"] {
        if let Some(rest) = f.strip_prefix(prefix) {
            if let Some(u) = amount_unit(rest) {
                return Some(Meta::Unit(u));
            }
            if prefix == "单位名称:" && !rest.is_empty() {
                return Some(Meta::UnitName(rest.to_owned()));
            }
        }
    }
    if let Some(rest) = f.strip_prefix("部门名称:") {
        return (!rest.is_empty()).then(|| Meta::UnitName(rest.to_owned()));
    }
    if f.starts_with("截止时间:") || f.starts_with("截止日期:") {
        return Some(Meta::AsOf(
            f.split_once(':').map(|x| x.1).unwrap_or("").to_owned(),
        ));
    }
    if f.starts_with('(') && f.ends_with("年度)") && f.chars().count() <= 10 {
        return year_in(&f).map(Meta::YearLabel);
    }
    if f.starts_with("预算")
        && f.ends_with('表')
        && f.chars().count() <= 6
        && f.chars().any(|c| c.is_ascii_digit())
    {
        return Some(Meta::FormNo);
    }
    unit_code_line(t)
}

fn amount_unit(s: &str) -> Option<AmountUnit> {
    match s.trim_end_matches(')') {
        "万元" => Some(AmountUnit::WanYuan),
        "元" => Some(AmountUnit::Yuan),
        "亿元" => Some(AmountUnit::YiYuan),
        _ => None,
    }
}

/// `450001 青龙满族自治县医疗保障局本级`: a code of 3+ digits, a space, a name.
fn unit_code_line(t: &str) -> Option<Meta> {
    let (code, name) = t.split_once(|c: char| c.is_whitespace())?;
    let name = name.trim();
    let ok = code.len() >= 3
        && code.len() <= 12
        && code.chars().all(|c| c.is_ascii_digit())
        && name.chars().count() >= 2
        && name.chars().count() <= 40
        && !name.starts_with(['年', '月', '日', '号'])
        && !name
            .chars()
            .any(|c| c.is_ascii_digit() || "，。；：,".contains(c));
    ok.then(|| Meta::UnitCode {
        code: code.to_owned(),
        name: name.to_owned(),
    })
}

/// The first four-digit year (1990–2099) in a string.
pub fn year_in(s: &str) -> Option<u16> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        let w = &b[i..i + 4];
        let before_ok = i == 0 || !b[i - 1].is_ascii_digit();
        let after_ok = i + 4 == b.len() || !b[i + 4].is_ascii_digit();
        if w.iter().all(u8::is_ascii_digit) && before_ok && after_ok {
            let y: u16 = s[i..i + 4].parse().ok()?;
            if (1990..2100).contains(&y) {
                return Some(y);
            }
        }
        i += 1;
    }
    None
}

/// A note under a table: `注：…`, `备注：…`, or an "empty table" statement.
pub fn is_note(line: &str) -> bool {
    let f = fold_punct(line);
    f.starts_with("注") || f.starts_with("备注") || mentions_empty(&f) || f.starts_with("本表")
}

/// Says the table is published empty (空表列示 / 本表无数据 / 无…预算).
pub fn mentions_empty(text: &str) -> bool {
    let f = compact(text);
    f.contains("空表") || f.contains("无数据") || f.contains("本表无")
}

/// A heading or numbered item of the prose (`九、国有资产信息`, `（二）…`).
pub fn is_heading(line: &str) -> bool {
    let f = fold_punct(line);
    let mut chars = f.chars();
    let first = chars.next();
    if f.starts_with("第") && f.contains("部分") {
        return true;
    }
    match first {
        Some('(') => f.chars().nth(1).is_some_and(is_cn_numeral),
        Some(c) if is_cn_numeral(c) => {
            f.chars().take_while(|c| is_cn_numeral(*c)).count() < f.chars().count()
                && f.chars().find(|c| !is_cn_numeral(*c)) == Some('、')
        }
        _ => false,
    }
}

pub fn is_cn_numeral(c: char) -> bool {
    "一二三四五六七八九十百零〇".contains(c)
}

/// A cell that is a classification or unit code: digits, maybe split by spaces (`210150 1`).
pub fn code_digits(cell: &str) -> Option<String> {
    let d: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    (d.len() >= 2 && d.len() <= 24 && d.chars().all(|c| c.is_ascii_digit())).then_some(d)
}

/// A cell holding a figure printed with decimals or separators — certainly an amount.
pub fn is_decimal_amount(cell: &str) -> bool {
    Amount::parse(cell).is_some_and(|a| a.decimals > 0 || cell.contains(','))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preambles() {
        assert_eq!(
            meta("417 邢台市医疗保障局"),
            Some(Meta::UnitCode {
                code: "417".into(),
                name: "邢台市医疗保障局".into()
            })
        );
        assert_eq!(meta("预算年度：2024"), Some(Meta::Year(2024)));
        assert_eq!(meta("单位：万元"), Some(Meta::Unit(AmountUnit::WanYuan)));
        assert_eq!(meta("单位: 万元"), Some(Meta::Unit(AmountUnit::WanYuan)));
        assert_eq!(
            meta("部门名称：温县医疗保障局"),
            Some(Meta::UnitName("温县医疗保障局".into()))
        );
        assert_eq!(meta("(2023 年度)"), Some(Meta::YearLabel(2023)));
        assert_eq!(meta("预算01表"), Some(Meta::FormNo));
        assert_eq!(meta("2024 年部门预算信息公开目录"), None);
        assert_eq!(meta("2023 年 2 月 16 日"), None);
        assert_eq!(meta("单位名称\t单位性质"), None);
    }

    #[test]
    fn headings() {
        assert!(is_heading("九、国有资产信息"));
        assert!(is_heading("（二）政府采购支出情况"));
        assert!(is_heading("第三部分 名词解释"));
        assert!(!is_heading(
            "本部门2024年度没有政府性基金预算支出，故本表无数据。"
        ));
        assert!(!is_heading("2. 按照党中央、国务院有关规定"));
    }

    #[test]
    fn codes_survive_split_digits() {
        assert_eq!(code_digits("210150 1").as_deref(), Some("2101501"));
        assert_eq!(
            code_digits("41082524000 0000004019").as_deref(),
            Some("410825240000000004019")
        );
        assert_eq!(code_digits("A02010105"), None);
    }
}
