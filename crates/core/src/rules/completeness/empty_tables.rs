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
    }
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
        let explained = t.notes.iter().any(|n| {
            let note = compact(&n.text);
            mentions_empty(&n.text)
                || note.contains("没有")
                || note.starts_with("注:无")
                || note.starts_with("注：无")
        });
        let words = fund_words(t.kind);
        let names_it = t
            .notes
            .iter()
            .any(|n| words.iter().any(|w| compact(&n.text).contains(w)));
        let (message, message_en) = if !explained {
            (
                format!("《{}》没有数据，但没有说明为什么是空表", t.title),
                format!(
                    "The table “{}” has no data and no note saying why it is empty",
                    t.title
                ),
            )
        } else if !words.is_empty() && !names_it {
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
}
