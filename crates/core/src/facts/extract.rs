//! Figures read from a paragraph: each number with its unit, the label before it, the subject
//! that label names, and what kind of figure it is (amount, last year's, change, rate, share).

use super::paragraphs::{Paragraph, Section};
use super::vocabulary::{
    changed_thing, direction_in, find_subject, item_name, says_flat, KeywordCache,
};
use super::{Direction, Fact, FactUnit, Measure, Subject};
use crate::amount::Amount;

/// A number followed by a unit, found in a paragraph.
pub(super) struct Figure {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) amount: Amount,
    pub(super) unit: FactUnit,
}

pub(super) fn figures(text: &[char]) -> Vec<Figure> {
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

pub(super) fn extract_paragraph(
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
    let mut list_whole: Option<Subject> = None;
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
                recent = scope_of_sentence(&p.text[sentence_start..f.start], keys);
                list_whole = None;
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
        // In a sentence giving reasons, `基本支出增加养老保险缴费等 1447.63 万元` is a change,
        // its direction word away from the figure.
        let in_reason = p.text[sentence_start..f.start]
            .iter()
            .collect::<String>()
            .contains("原因");
        let direction = direction_in(&label).or_else(|| {
            in_reason
                .then(|| super::vocabulary::direction_anywhere(&label))
                .flatten()
        });
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
        // `收入预算 X，其中：财政拨款收入 a；事业收入 b；其他收入 c`: after 其中 the figures of
        // the sentence are parts of what came before it, siblings of one another, until a colon
        // opens a list of the latest of them (`项目支出 187 万元，主要用于：…`).
        let gap: String = p.text[prev_end.max(sentence_start)..f.start]
            .iter()
            .collect();
        if gap.contains("其中") {
            list_whole = recent.clone().or_else(|| topic.clone());
        } else if list_whole.is_some()
            && (gap.contains(['：', ':'])
                || ["主要为", "主要用于", "主要是", "包括", "具体为", "用于"]
                    .iter()
                    .any(|w| gap.contains(w)))
        {
            list_whole = recent.clone();
        }
        let context = list_whole
            .clone()
            .or_else(|| recent.clone())
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
                // `年初预算为 A，支出决算为 B`: two figures of one thing, not two parts.
                let measure_word = super::vocabulary::is_measure_word(&name);
                (!name.is_empty() && name.chars().count() <= 60 && !measure_word)
                    .then_some(Subject::Item(name))
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

/// `财政拨款支出预算中，一般公共预算…`: a sentence that opens by naming what it breaks down
/// lists parts of that, not of the sentence before.
fn scope_of_sentence(head: &[char], keys: &[(String, Subject)]) -> Option<Subject> {
    let text: String = head.iter().collect();
    let clause = text.trim_start().split(['，', ',', '：', ':']).next()?;
    if clause.len() == text.trim_start().len() {
        return None; // no clause break before the figure: nothing is scoped
    }
    let scope = clause.strip_suffix('中')?;
    let n = scope.chars().count();
    if !(2..=20).contains(&n) {
        return None;
    }
    // A keyword that is the whole scope names a subject; anything else is an item.
    let folded = super::vocabulary::fold_label(scope);
    keys.iter()
        .find(|(w, _)| *w == folded)
        .map(|(_, s)| s.clone())
        .or_else(|| Some(Subject::Item(item_name(scope))))
}

/// `与2023年预算2.8万元相比` / `2023年预算执行数为54.60万元` / `上年 x 万元`: last year's
/// figure. The earlier year must name the figure itself: in `纳入2018年预算管理的700万元`
/// it names when something was managed.
pub(super) fn is_prior(label: &str, year: Option<u16>) -> bool {
    let earlier_year = years_named(label)
        .into_iter()
        .zip(std::iter::repeat(year))
        .any(|(y, cur)| cur.is_some_and(|c| y < c));
    let names_the_figure = label.rsplit('年').next().is_some_and(|rest| {
        let rest: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
        let mut rest = rest
            .trim_start_matches('度')
            .trim_end_matches(['为', '是', '的']);
        // Only words that say which figure of that year: 当年预算执行数, 预算安排, 决算数 …
        while let Some(w) = ["当年", "预算", "执行", "决算", "实际", "同期", "安排", "数"]
            .iter()
            .find(|w| rest.starts_with(**w))
        {
            rest = &rest[w.len()..];
        }
        rest.is_empty()
    });
    (earlier_year && names_the_figure) || label.contains("上年预算") || label.contains("上年数")
}

/// Years written as a year (`2024 年`, `2024年`), not document numbers like `[2025]128 号`.
pub(super) fn years_named(label: &str) -> Vec<u16> {
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

/// `持平` / `没有增减变化` statements between figures: a change of zero without a number.
/// The statement is about the last figure's subject, or — when a new sentence begins before it
/// (`…0.16万元。2025年与上年持平`) — about the sentence topic.
pub(super) fn flat_statements(
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

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(text: &str) -> Vec<(String, FactUnit)> {
        let chars: Vec<char> = text.chars().collect();
        figures(&chars)
            .into_iter()
            .map(|f| (f.amount.printed(), f.unit))
            .collect()
    }

    #[test]
    fn figures_with_their_units_not_thresholds() {
        assert_eq!(
            figs("收入 1,539.63 万元，增长 3.5%，共 3 个项目，车辆 2 辆"),
            vec![
                ("1539.63".into(), FactUnit::WanYuan),
                ("3.5".into(), FactUnit::Percent),
                ("3".into(), FactUnit::Count),
                ("2".into(), FactUnit::Count),
            ]
        );
        assert_eq!(
            figs("单价 50 万元以上的设备"),
            vec![],
            "a threshold is no figure"
        );
        assert_eq!(figs("冀财社[2024]158 号"), vec![]);
    }

    #[test]
    fn last_years_figures_are_told_by_their_year() {
        assert_eq!(years_named("与2023 年预算相比"), vec![2023]);
        assert_eq!(years_named("冀财社[2025]128 号"), Vec::<u16>::new());
        assert!(is_prior("与2023年预算", Some(2024)));
        assert!(
            is_prior("2023年当年预算执行数为", Some(2024))
                || is_prior("2023年预算执行数为", Some(2024))
        );
        assert!(
            !is_prior("二是纳入2018年预算管理的", Some(2019)),
            "the year names when, not the figure"
        );
        assert!(!is_prior("2024年预算", Some(2024)));
        assert!(is_prior("上年预算数", None));
    }
}
