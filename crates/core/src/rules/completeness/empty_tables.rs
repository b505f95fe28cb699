//! A table published empty carries a note saying why, about its own kind of money.

use crate::layout::mentions_empty;
use crate::rules::support::prelude::*;
use TableKind::*;

declare_rule! {
    /// 空表须说明原因.
    pub EmptyTableExplained => check,
    RuleDoc {
        code: "DIS-002",
        family: Family::Completeness,
        severity: Severity::Warning,
        title: "空表须说明原因",
        title_en: "An empty table says why it is empty",
        doc_en: "Checks that a table without data (government funds, state capital, procurement and the like) is still published and carries a note saying why, and that the note speaks of this table's kind of money rather than repeating another table's note. An empty table without a word leaves the reader unable to tell 'none' from 'omitted'. Example: Jiyuan Medical Security Bureau 2023 prints its state-capital expenditure table with only an empty total row and no note.",
        what: "没有数据的表（政府性基金、国有资本经营预算支出表、政府采购预算表等）应列出空表并加注说明，且说明应针对这张表的资金类型，而不是照抄其他表的注释。",
        why: "“没有数据的表格应当列出空表并说明”；没有说明的空表让读者无法判断是没有这类资金还是漏填。",
        example: "济源示范区医疗保障局 2023 的国有资本经营预算支出预算表只有空的合计行，没有任何说明。",
        basis: "财预〔2016〕143号“没有数据的表格应当列出空表并说明”；GovBudgetChecker BUD-106。",
    },
    // An empty table and its note are the document's, whatever the columns.
    reads_figures: false
}

/// Words a note on an empty table of this kind should mention.
fn fund_words(kind: TableKind) -> &'static [&'static str] {
    match kind {
        GovFundExpenditure => &["基金"],
        StateCapitalExpenditure => &["国有资本"],
        Procurement => &["采购"],
        ThreePublic => &["三公"],
        _ => &[],
    }
}

/// Every kind's words, to tell a note copied from another table.
const ALL_FUNDS: [&str; 4] = ["基金", "国有资本", "采购", "三公"];

/// A note that says the table is empty: `空表`, `本部门无相关收支项目`, `没有…`.
fn says_empty(text: &str) -> bool {
    let note = compact(text);
    mentions_empty(text)
        || note.contains("没有")
        || note.starts_with("注:无")
        || note.starts_with("注：无")
        || (note.contains('无')
            && ["收支", "收入", "支出", "预算", "项目"]
                .iter()
                .any(|w| note.contains(w)))
}

/// The prose says there is none of this table's money: a clause naming it with 无 or 没有
/// (`省检察院无政府性基金预算相关收支项目`). A bare `支出 0 万元` states a figure, not why the
/// table is empty.
fn prose_says_none(cx: &Cx, words: &[&str]) -> bool {
    if words.is_empty() {
        return false;
    }
    let (first, last) = cx.unit.lines;
    let in_table = |n: usize| {
        cx.unit
            .tables
            .iter()
            .any(|t| t.lines.0 <= n && n <= t.lines.1)
    };
    let prose: String = (first..=last.min(cx.lines.len()))
        .filter(|&n| !in_table(n))
        .map(|n| compact(cx.line(n)))
        .collect();
    prose
        .split(['。', '，', '；', ',', ';'])
        .filter(|clause| words.iter().any(|w| clause.contains(w)))
        .any(|clause| clause.contains('无') || clause.contains("没有"))
}

fn check(cx: &Cx, out: &mut Sink) -> Applies {
    let empties: Vec<&Table> = cx
        .unit
        .tables
        .iter()
        .filter(|t| t.empty && !matches!(t.kind, OrgStructure))
        .collect();
    if empties.is_empty() {
        return Applies::No("没有空表".into());
    }
    for t in empties {
        let words = fund_words(t.kind);
        // A note under the table, a line inside it (`此表为空`), or the prose about its money.
        let explained = t.notes.iter().any(|n| says_empty(&n.text))
            || t.rows
                .iter()
                .flat_map(|r| r.cells.iter())
                .any(|c| mentions_empty(&c.text))
            || prose_says_none(cx, words);
        // A note that names another table's money but not this one's was copied.
        let own = |text: &str| words.iter().any(|w| compact(text).contains(w));
        let other = |text: &str| {
            ALL_FUNDS
                .iter()
                .filter(|w| !words.contains(w))
                .any(|w| compact(text).contains(w))
        };
        let copied =
            t.notes.iter().any(|n| other(&n.text)) && !t.notes.iter().any(|n| own(&n.text));
        let (message, message_en) = if !explained {
            (
                format!("《{}》没有数据，但没有说明为什么是空表", t.title),
                format!(
                    "The table “{}” has no data and no note saying why it is empty",
                    t.title
                ),
            )
        } else if !words.is_empty() && copied {
            (
                format!(
                    "《{}》的空表说明没有提到本表的资金类型（{}），可能是从其他表照抄的",
                    t.title,
                    words.join("、")
                ),
                format!(
                    "The note on the empty table “{}” does not name this table's kind of money; it may have been copied from another table",
                    t.title
                ),
            )
        } else {
            continue;
        };
        let f = out.finding(message, message_en).line(t.title_line);
        out.push(f);
    }
    Applies::Yes
}

#[cfg(test)]
mod tests {
    use super::EmptyTableExplained as Rule;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;

    #[test]
    fn empty_tables_need_their_own_note() {
        let text = seed("001");
        let title = whole_line(&text, "2023 年国有资本经营预算支出预算表");
        assert_fires(&Rule, &text, Severity::Warning, title);
        for s in ["000", "002", "003", "004"] {
            assert_silent(&Rule, &seed(s));
        }
        // A note copied from the 国有资本 table onto the 政府性基金 table.
        let text = edit(
            &seed("000"),
            "无政府基金预算财政拨款预算",
            "无国有资本经营预算财政拨款预算",
        );
        let title = whole_line(&text, "部门预算政府性基金预算财政拨款支出表");
        let f = assert_fires(&Rule, &text, Severity::Warning, title);
        assert!(f.message.contains("照抄"), "{}", f.message);
    }

    #[test]
    fn notes_rows_and_prose_explain_an_empty_table() {
        // 16: 注：本部门无相关收支项目; 19: 此表为空 inside the table, and the prose says 无.
        for id in ["16", "19"] {
            assert_silent(&Rule, &corpus(id));
        }
        let text = edit(&corpus("19"), "此表为空", "");
        assert_silent(&Rule, &text);
        let text = edit(&text, "省检察院无政府性基金预算相关收支项目", "见上表");
        let title = whole_line(&text, "政府性基金预算财政拨款支出预算表");
        assert_fires(&Rule, &text, Severity::Warning, title);
        // 02's 国有资本 table carries the 政府性基金 table's note.
        let text = corpus("02");
        let title = whole_line(&text, "2025年部门国有资本经营预算支出功能分类预算表");
        let f = assert_fires(&Rule, &text, Severity::Warning, title);
        assert!(f.message.contains("照抄"), "{}", f.message);
        // 22 states a figure (支出 0 万元), as seed 001 does for its 国有资本 table: a figure
        // says nothing of why the table is empty.
        let text = corpus("22");
        let title = whole_line(
            &text,
            "十、2018 年度江苏省高级人民法院政府性基金预算财政拨款支出预算表",
        );
        assert_fires(&Rule, &text, Severity::Warning, title);
    }
}
