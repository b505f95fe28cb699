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

/// Page furniture: a page number standing alone between paragraphs or table rows (`12`,
/// `- 12 -`, `—12—`, `第 12 页`, `12/33`, `第 3 页 共 12 页`).
pub fn is_page_number(line: &str) -> bool {
    // (A laid-out page centres its number with spaces.)
    if line.trim().len() > 40 || has_tab(line) {
        return false;
    }
    let f = compact(line);
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let bare = f.trim_matches(['-', '—', '–', '－']);
    if digits(bare) {
        return true;
    }
    if let Some((a, b)) = f.split_once('/') {
        return digits(a) && digits(b);
    }
    let page = |s: &str| {
        s.strip_prefix('第')
            .and_then(|r| r.strip_suffix('页'))
            .is_some_and(digits)
    };
    page(&f)
        || f.split_once("页共").is_some_and(|(a, b)| {
            page(&format!("{a}页")) && b.strip_suffix('页').is_some_and(digits)
        })
}

/// The number of a bare page-number line (`12`, `- 12 -`, `—12—`).
fn page_number_value(line: &str) -> Option<u32> {
    if !is_page_number(line) {
        return None;
    }
    compact(line)
        .trim_matches(['-', '—', '–', '－'])
        .parse()
        .ok()
}

/// How far from a glued number its neighbours on the page-number sequence may stand, in lines.
const PAGE_REACH: usize = 120;

/// Page numbers glued to the end of a table row at a page break (an unruled PDF copied out:
/// `30201\t办公费\t158.00\t20`, or `158.00 20` in one cell) are page furniture: the number is
/// taken out when the page before it and the page after it are numbered on lines of their own
/// and the number itself stands on no line of its own between them.
pub fn unglue_page_numbers(lines: &mut [String]) {
    let pages: Vec<(usize, u32)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| page_number_value(l).map(|v| (i, v)))
        .collect();
    if pages.len() < 2 {
        return;
    }
    for (i, line) in lines.iter_mut().enumerate() {
        let Some((v, cut)) = trailing_number(line) else {
            continue;
        };
        let near = |j: usize| j.abs_diff(i) <= PAGE_REACH;
        // The page numbers stand in line order: the neighbours by binary search.
        let k = pages.partition_point(|p| p.0 < i);
        let before = k.checked_sub(1).map(|b| pages[b]).filter(|p| near(p.0));
        let after = pages.get(k).filter(|p| p.0 > i && near(p.0));
        let glued = matches!((before, after), (Some(b), Some(a)) if b.1 + 1 == v && a.1 == v + 1);
        if glued {
            line.truncate(cut);
        }
    }
}

/// A tabular line ending in a small whole number after an amount: the number and the byte
/// offset where it (with its separator) starts.
fn trailing_number(line: &str) -> Option<(u32, usize)> {
    if !has_tab(line) {
        return None;
    }
    let body = line.trim_end_matches(['\t', ' ']);
    let start = body.rfind(['\t', ' '])?;
    let tail = &body[start + 1..];
    if tail.is_empty() || tail.len() > 3 || !tail.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let before = body[..start].trim_end_matches(['\t', ' ']);
    let last = before.rsplit(['\t', ' ']).next().unwrap_or("");
    // Only after an amount with decimals: a count (人数, 台数) stands after text or whole numbers.
    if !is_decimal_amount(last) {
        return None;
    }
    Some((tail.parse().ok()?, before.len()))
}

/// Why a text with no tables found may have them all the same: its columns are aligned with
/// spaces (a `pdftotext -layout` export, a copy from a PDF viewer) and inferring them found no
/// table. Bilingual, for the page and the CLI; `None` when the text does not look so.
pub fn no_tables_note<S: AsRef<str>>(lines: &[S]) -> Option<&'static str> {
    crate::aligned::looks_aligned(lines.iter().map(AsRef::as_ref)).then_some(
        "表格的列似乎是用空格对齐的（例如从 PDF 阅读器复制，或 pdftotext -layout 导出），按对齐推断列后仍未认出预算表：请确认复制了表格的标题，或复制网页版的公开文本、用 WPS、Acrobat 等把 PDF 转为 Excel/Word 后复制其中的表格（列以制表符分隔）(the tables' columns seem aligned with spaces, as in a copy from a PDF viewer; no budget table was recognised in the inferred columns: check that the tables' titles were copied, or copy the web version, or convert the PDF to Excel or Word and copy the tables from there)",
    )
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
    /// 千元.
    QianYuan,
    /// 亿元.
    YiYuan,
}

impl AmountUnit {
    pub fn zh(self) -> &'static str {
        match self {
            AmountUnit::WanYuan => "万元",
            AmountUnit::Yuan => "元",
            AmountUnit::QianYuan => "千元",
            AmountUnit::YiYuan => "亿元",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            AmountUnit::WanYuan => "10k yuan",
            AmountUnit::Yuan => "yuan",
            AmountUnit::QianYuan => "1k yuan",
            AmountUnit::YiYuan => "100M yuan",
        }
    }

    /// A figure printed in this unit, in 万元: exactly, its printed precision carried along so
    /// that its rounding interval stays what was printed (`13500` 元 → `1.3500` 万元, ±0.5 元).
    /// `None` for 亿元 figures printed with fewer than four decimals, whose interval 万元 cannot
    /// state.
    pub fn to_wan(self, a: crate::amount::Amount) -> Option<crate::amount::Amount> {
        use crate::amount::Amount;
        use rust_decimal::Decimal;
        Some(match self {
            AmountUnit::WanYuan => a,
            AmountUnit::Yuan => Amount::new(a.value / Decimal::from(10_000), a.decimals + 4),
            AmountUnit::QianYuan => Amount::new(a.value / Decimal::from(10), a.decimals + 1),
            AmountUnit::YiYuan => {
                Amount::new(a.value * Decimal::from(10_000), a.decimals.checked_sub(4)?)
            }
        })
    }

    /// The inverse of [`AmountUnit::to_wan`], for showing a figure in this unit.
    pub fn from_wan(self, value: rust_decimal::Decimal) -> rust_decimal::Decimal {
        use rust_decimal::Decimal;
        match self {
            AmountUnit::WanYuan => value,
            AmountUnit::Yuan => value * Decimal::from(10_000),
            AmountUnit::QianYuan => value * Decimal::from(10),
            AmountUnit::YiYuan => value / Decimal::from(10_000),
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

/// What a preamble key introduces.
#[derive(Clone, Copy)]
enum Key {
    Name,
    Year,
    Unit,
    /// `单位：` is the amount unit, or (rarely) the unit's name.
    UnitOrName,
    AsOf,
}

/// The keys a preamble states its facts under, longest first (matched after folding).
const KEYS: [(&str, Key); 14] = [
    ("预算主管部门", Key::Name),
    ("编制部门", Key::Name),
    ("编制单位", Key::Name),
    ("部门名称", Key::Name),
    ("单位名称", Key::Name),
    ("预算单位", Key::Name),
    ("填报单位", Key::Name),
    ("主管部门", Key::Name),
    ("预算年度", Key::Year),
    ("金额单位", Key::Unit),
    ("截止时间", Key::AsOf),
    ("截止日期", Key::AsOf),
    ("部门", Key::Name),
    ("单位", Key::UnitOrName),
];

/// The facts a preamble line states: one (`单位：万元`) or several on one line, between tabs or
/// spaces (`编制部门：上海市普陀区财政局\t单位：元`, `部门：中共江苏省委办公厅 单位：万元`);
/// empty when the line is anything else. Every part of the line must be such a fact.
pub fn preamble(line: &str) -> Vec<Meta> {
    // Preambles are short; a long line is prose.
    if line.len() > 240 {
        return Vec::new();
    }
    let t = line.trim();
    // Every preamble starts with one of these (or with a unit code's digit).
    let Some(first) = t.chars().next() else {
        return Vec::new();
    };
    if !(first.is_ascii_digit() || "预单金部截编填主公附表(（".contains(first)) {
        return Vec::new();
    }
    let mut segments: Vec<(Key, String)> = Vec::new();
    for token in t
        .split(|c: char| c.is_whitespace())
        .filter(|s| !s.is_empty())
    {
        let f = fold_punct(token);
        let key = KEYS.iter().find_map(|(k, key)| {
            f.strip_prefix(k)
                .and_then(|rest| rest.strip_prefix(':'))
                .map(|rest| (*key, rest.to_owned()))
        });
        match (key, segments.last_mut()) {
            (Some(seg), _) => segments.push(seg),
            // `部门名称： 江苏省人民检察院`: the value in the token after its key.
            (None, Some(last)) if last.1.is_empty() => last.1 = f,
            (None, Some(_)) => return Vec::new(),
            (None, None) => return whole_line(line).into_iter().collect(),
        }
    }
    segments
        .into_iter()
        .map(|(key, value)| fact(key, &value))
        .collect::<Option<Vec<Meta>>>()
        .unwrap_or_default()
}

/// Whether the line is a table preamble.
pub fn is_preamble(line: &str) -> bool {
    !preamble(line).is_empty()
}

/// The first fact a preamble line states.
pub fn meta(line: &str) -> Option<Meta> {
    preamble(line).into_iter().next()
}

/// One `key：value` of a preamble; `None` when the value is not what the key announces.
fn fact(key: Key, value: &str) -> Option<Meta> {
    let name = || {
        let n = value.chars().count();
        let prose = value.contains(['，', ',', '。', '；', ';', '、']);
        let figure = Amount::parse(value).is_some();
        ((2..=40).contains(&n) && !prose && !figure).then(|| Meta::UnitName(value.to_owned()))
    };
    match key {
        Key::Name => name(),
        Key::Year => year_in(value).map(Meta::Year),
        Key::Unit => amount_unit(value).map(Meta::Unit),
        Key::UnitOrName => amount_unit(value).map(Meta::Unit).or_else(name),
        Key::AsOf => Some(Meta::AsOf(value.to_owned())),
    }
}

/// Preambles that are a whole line without a key: a form number (`预算01表`, `公开 05 表`), a
/// year label (`(2023 年度)`), a unit code and name (`417 邢台市医疗保障局`).
fn whole_line(line: &str) -> Option<Meta> {
    if has_tab(line) {
        return None;
    }
    let t = line.trim();
    let f = fold_punct(t);
    if f.starts_with('(') && f.ends_with("年度)") && f.chars().count() <= 10 {
        return year_in(&f).map(Meta::YearLabel);
    }
    if is_form_number(&f) {
        return Some(Meta::FormNo);
    }
    unit_code_line(t)
}

/// `预算01表`, `公开05表`, `表1`, `附表3`, `表一`: a table's form number.
fn is_form_number(f: &str) -> bool {
    let rest = ["预算", "公开", "附件", "附"]
        .iter()
        .find_map(|p| f.strip_prefix(p))
        .unwrap_or(f);
    let number = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || is_cn_numeral(c) || c == '-')
    };
    f.chars().count() <= 10
        && (rest.strip_suffix('表').is_some_and(number)
            || rest.strip_prefix('表').is_some_and(number))
}

/// The unit a form's label states in brackets: `项目资金（元）`, `（万元）` alone.
pub fn bracketed_unit(label: &str) -> Option<AmountUnit> {
    let f = fold_punct(label);
    let inner = f.strip_suffix(')')?.rsplit_once('(')?.1;
    amount_unit(inner)
}

fn amount_unit(s: &str) -> Option<AmountUnit> {
    match s.trim_end_matches(')') {
        "万元" => Some(AmountUnit::WanYuan),
        "元" => Some(AmountUnit::Yuan),
        "千元" => Some(AmountUnit::QianYuan),
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
    f.contains("空表") || f.contains("无数据") || f.contains("本表无") || f.ends_with("表为空")
}

/// The heading of one of the disclosure's parts (`第三部分 2019年度部门预算情况说明`), in
/// its first cell: a text export may set its words apart like cells, yet it opens a part of
/// the document, never a row of the table above it.
pub fn is_part_heading(line: &str) -> bool {
    let first = cells(line).into_iter().find(|c| !c.trim().is_empty());
    let f = compact(first.unwrap_or(""));
    f.strip_prefix('第')
        .map(|rest| rest.trim_start_matches(is_cn_numeral))
        .is_some_and(|rest| rest.len() < f.len() - '第'.len_utf8() && rest.starts_with("部分"))
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
    fn units_convert_to_wan_keeping_their_interval() {
        let yuan = AmountUnit::Yuan
            .to_wan(Amount::parse("13500").unwrap())
            .unwrap();
        assert_eq!(yuan.printed(), "1.3500");
        assert_eq!(
            yuan.half_step() * rust_decimal::Decimal::from(10_000),
            "0.5".parse().unwrap()
        );
        let kilo = AmountUnit::QianYuan
            .to_wan(Amount::parse("12.5").unwrap())
            .unwrap();
        assert_eq!(kilo.printed(), "1.25");
        assert_eq!(
            AmountUnit::YiYuan.to_wan(Amount::parse("1.2").unwrap()),
            None
        );
        assert_eq!(
            AmountUnit::Yuan.from_wan(yuan.value),
            rust_decimal::Decimal::from(13_500)
        );
    }

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
        // Several facts on one line, between tabs or spaces (Shanghai, Jiangsu).
        let name = |n: &str| Meta::UnitName(n.to_owned());
        let yuan = Meta::Unit(AmountUnit::Yuan);
        let wan = Meta::Unit(AmountUnit::WanYuan);
        assert_eq!(
            preamble("编制部门：上海市普陀区财政局\t单位：元"),
            vec![name("上海市普陀区财政局"), yuan.clone()]
        );
        assert_eq!(
            preamble("编制单位：上海市普陀区社会福利院\t\t\t\t\t\t单位：元"),
            vec![name("上海市普陀区社会福利院"), yuan]
        );
        assert_eq!(
            preamble("部门：中共江苏省委办公厅 单位：万元"),
            vec![name("中共江苏省委办公厅"), wan.clone()]
        );
        assert_eq!(
            preamble("\t部门：\t\t\t江苏省人民检察院\t\t单位：万元\t"),
            vec![name("江苏省人民检察院"), wan.clone()]
        );
        assert_eq!(
            preamble("部门名称： 江苏省人民检察院\t单位：万元\t单位：万元"),
            vec![name("江苏省人民检察院"), wan.clone(), wan]
        );
        assert_eq!(
            preamble("预算单位：上海市普陀区人民政府办公室"),
            vec![name("上海市普陀区人民政府办公室")]
        );
        for form in ["公开 05 表", "预算01表", "表1", "附表3", "表一"] {
            assert_eq!(meta(form), Some(Meta::FormNo), "{form}");
        }
        // Prose that happens to begin like a preamble is not one.
        assert!(preamble("单位：按照规定，本部门的预算如下。").is_empty());
        assert!(preamble("部门预算公开表").is_empty());
        assert!(preamble("单位：万元\t合计\t12.00").is_empty());
    }

    #[test]
    fn page_numbers_glued_to_a_row_come_out() {
        let mut lines: Vec<String> = [
            "19",
            "30201\t\t办公费\t158.00\t20",
            "30205\t\t水费\t16.79 20",
            "30206\t\t人数\t3\t20",
            "21",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        unglue_page_numbers(&mut lines);
        assert_eq!(lines[1], "30201\t\t办公费\t158.00");
        assert_eq!(lines[2], "30205\t\t水费\t16.79");
        // After a whole number it may be a count: left alone.
        assert_eq!(lines[3], "30206\t\t人数\t3\t20");
        // Without its neighbours on the page sequence it is no page number.
        let mut alone = vec!["30201\t\t办公费\t158.00\t20".to_string()];
        unglue_page_numbers(&mut alone);
        assert_eq!(alone[0], "30201\t\t办公费\t158.00\t20");
    }

    #[test]
    fn a_page_number_glued_into_a_corpus_table_reads_as_before() {
        // Corpus 19: page 18 breaks the basic-expenditure table after 30102 津贴补贴; glue the
        // number to that row, as an unruled PDF copied out does.
        let text = crate::rules::testing::corpus("19");
        let lines: Vec<&str> = text.split('\n').collect();
        let row = (0..lines.len() - 1)
            .find(|&k| lines[k].starts_with("30102") && lines[k + 1].trim() == "18")
            .expect("30102 row before page 18");
        let mut glued: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        glued[row] = format!("{}\t18", lines[row].trim_end_matches('\t'));
        glued[row + 1] = String::new();
        let mut cleaned = glued.clone();
        unglue_page_numbers(&mut cleaned);
        assert!(!cleaned[row].ends_with("18"), "{}", cleaned[row]);
        let before = crate::parse_text(&text, crate::Encoding::Utf8);
        let after = crate::parse_text(&glued.join("\n"), crate::Encoding::Utf8);
        let shape = |d: &crate::Document| -> Vec<(crate::TableKind, usize, bool)> {
            d.units[0]
                .tables
                .iter()
                .map(|t| (t.kind, t.rows.len(), t.understood()))
                .collect()
        };
        assert_eq!(shape(&after), shape(&before));
    }

    #[test]
    fn page_numbers_are_furniture() {
        for p in [
            "12",
            " 3 ",
            "- 12 -",
            "—12—",
            "第 12 页",
            "12/33",
            "第3页共12页",
        ] {
            assert!(is_page_number(p), "{p}");
        }
        for not in [
            "12.00",
            "2024",
            "12345",
            "第一部分",
            "一、12",
            "合计\t12",
            "1、收入",
        ] {
            assert!(!is_page_number(not) || not == "2024", "{not}");
        }
    }

    #[test]
    fn headings() {
        assert!(is_heading("九、国有资产信息"));
        assert!(is_heading("（二）政府采购支出情况"));
        assert!(is_heading("第三部分 名词解释"));
        assert!(is_part_heading("第三部分\t2019年度部门预算情况说明"));
        assert!(is_part_heading("第 四 部 分 名词解释"));
        assert!(!is_part_heading("部分\t12.00"));
        assert!(!is_part_heading("第部分\t12.00"));
        assert!(!is_part_heading("一、部分项目\t12.00"));
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
