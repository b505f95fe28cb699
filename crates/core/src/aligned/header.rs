//! A table's header in space-aligned text, set back into the rows of merged cells it was drawn
//! with. A text export prints each label at the middle of its cell: a group label somewhere
//! over its group (`本年支出` over 合计, not over the expenditure side's 项目), a label whose cell
//! runs down to the header's last row halfway down it (`项目` on the line of the group labels'
//! children). The table parser reads a header row by row, a label spanning to the next label
//! of its row (`table::header`), so each label is put back where a ruled copy holds it: a
//! group label in the first column of its group, on its own line; any other label on the line
//! where its cell begins, and the tail of a label wrapped over two lines joined to its head.

use super::{column_of, Span, Token};

/// The most lines a header is rebuilt over.
const MAX_LINES: usize = 24;

/// A header label: where it is printed and what it answers for.
struct Label<'a> {
    token: &'a Token,
    /// Position of its line among the header's lines.
    line: usize,
    /// The positions (doubled, as centres are) it answers for: see [`share`].
    share: (u32, u32),
    /// The column its characters fall in.
    own: Option<usize>,
}

/// What a label turned out to be, read from the header's last line up.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// A label of one column, on the header line where its cell begins.
    Leaf { row: usize, column: usize },
    /// A label over the labels of several columns: on its own line, in the first of them.
    Group { row: usize, column: usize },
    /// The tail of a label wrapped over two lines, joined to the label above it.
    Tail,
}

/// The header lines (`header`: indices into `lines`, top to bottom) rewritten as cells under
/// `spans`: each line's new tab-separated text (empty where all its labels moved).
///
/// Read from the last line up, each column's topmost label so far and the row its cell begins
/// in are kept. A label over a column that has one heads the columns around, within its share,
/// whose topmost labels begin below it and no higher than that one (a leaf beside a nested
/// group begins lower than the group: `小计` beside 公务用车购置及运行维护费): over two or more it
/// is a group label; over its own alone, or over a leaf whose cell begins on its line or
/// above, it is the head of a wrapped label (`因公出` / `国（境）` / `费`). A label over a
/// column without one is a leaf, risen to its cell's top row.
pub(super) fn rows(lines: &[Vec<Token>], header: &[usize], spans: &[Span]) -> Vec<(usize, String)> {
    // A header is a few lines; a longer run before the first figure is not one to rebuild.
    if header.len() > MAX_LINES {
        return header
            .iter()
            .map(|&i| (i, super::cells(&lines[i], spans).join("\t")))
            .collect();
    }
    // Columns no header token stands over: a label whose cell nearly touches its neighbour's
    // may be printed one space after it (`基本支出 项目支出` over 基本支出's figures alone).
    let unlabelled: Vec<bool> = spans
        .iter()
        .map(|s| {
            !header
                .iter()
                .flat_map(|&i| &lines[i])
                .any(|t| s.overlap(t) > 0)
        })
        .collect();
    let printed: Vec<Vec<Token>> = header
        .iter()
        .map(|&i| {
            lines[i]
                .iter()
                .flat_map(|t| split(t, spans, &unlabelled))
                .collect()
        })
        .collect();
    let labels: Vec<Label> = printed
        .iter()
        .enumerate()
        .flat_map(|(p, line)| {
            let printed = &printed;
            line.iter().enumerate().map(move |(k, token)| Label {
                token,
                line: p,
                share: share(&printed[..=p], k),
                own: column_of(token, spans),
            })
        })
        .collect();
    let bottom = header.last().copied().unwrap_or(0);
    // The header line a leaf printed over lines `from..=to` begins on: its cell runs down to
    // the bottom line, and the label is printed halfway (a tie: the lower line).
    let top_row = |from: usize, to: usize| {
        let top = (header[from] + header[to]).saturating_sub(bottom);
        (0..=to)
            .min_by_key(|&q| (header[q].abs_diff(top), std::cmp::Reverse(q)))
            .unwrap_or(to)
    };
    let in_share = |l: &Label, c: usize| {
        let centre = spans[c].start + spans[c].end;
        (l.share.0..l.share.1).contains(&centre)
    };
    let mut places: Vec<Option<Place>> = vec![None; labels.len()];
    let mut texts: Vec<String> = labels.iter().map(|l| l.token.text.clone()).collect();
    // The last line each label is printed on (a wrapped label's tail's).
    let mut last_line: Vec<usize> = labels.iter().map(|l| l.line).collect();
    // Each column's topmost label so far: (label, the row its cell begins in).
    let mut tops: Vec<Option<(usize, usize)>> = vec![None; spans.len()];
    for p in (0..header.len()).rev() {
        let mut claimed: Vec<(std::ops::RangeInclusive<usize>, usize, usize)> = Vec::new();
        for n in (0..labels.len()).filter(|&n| labels[n].line == p) {
            let l = &labels[n];
            let Some(c) = l.own else {
                continue;
            };
            let leaf = Place::Leaf {
                row: top_row(p, p),
                column: c,
            };
            let (place, columns) = match tops[c] {
                None => (leaf, c..=c),
                Some((under, row)) => {
                    // The columns around, in the label's share, it may head.
                    // (A top one line higher, on the very next printed line, is a sibling
                    // printed a line off: `小计` beside `公务用车购置费`.)
                    let level =
                        |r: usize| r >= row || (r + 1 == row && header[r] + 1 == header[row]);
                    let same = |k: usize| {
                        in_share(l, k) && tops[k].is_some_and(|(_, r)| r > p && level(r))
                    };
                    let lo = (0..c).rev().take_while(|&k| same(k)).last().unwrap_or(c);
                    let hi = (c + 1..spans.len())
                        .take_while(|&k| same(k))
                        .last()
                        .unwrap_or(c);
                    let leaf_under = matches!(places[under], Some(Place::Leaf { .. }));
                    let (near, nearest) = centred_run(l.token, c, lo..=hi, spans, &tops);
                    // A label centred over no run around it, printed on the lines just above
                    // a leaf's (no blank line between) that is no longer than it, is that
                    // leaf's head (`本年支出合` / `计`, though `科目名称` beside begins no
                    // higher): a wrapped label fills its first line.
                    let close = header[labels[under].line] - header[p] == labels[under].line - p;
                    let chars = |k: usize| texts[k].chars().count();
                    let off_centre = near.is_none() && close && chars(under) <= chars(n);
                    // (A leaf below whose cell begins on this line or above is part of it.)
                    let turns = alternates(&labels, n, under, header, spans);
                    if leaf_under && (lo == hi || row <= p || off_centre || turns) {
                        // The head of a wrapped label: the tail joins it, the two lines
                        // printed about the cell's middle.
                        let tail = std::mem::take(&mut texts[under]);
                        join(&mut texts[n], &tail);
                        places[under] = Some(Place::Tail);
                        last_line[n] = last_line[under];
                        let head = Place::Leaf {
                            row: top_row(p, last_line[n]),
                            column: c,
                        };
                        (head, c..=c)
                    } else {
                        let (lo, hi) = near.unwrap_or(nearest);
                        (Place::Group { row: p, column: lo }, lo..=hi)
                    }
                }
            };
            let (Place::Leaf { row, .. } | Place::Group { row, .. }) = place else {
                continue;
            };
            places[n] = Some(place);
            claimed.push((columns, n, row));
        }
        // A line's labels all read the columns as the lines below left them.
        for (columns, n, row) in claimed {
            for k in columns {
                tops[k] = Some((n, row));
            }
        }
    }
    let mut cells: Vec<Vec<String>> = vec![vec![String::new(); spans.len()]; header.len()];
    for (n, place) in places.iter().enumerate() {
        if let Some(Place::Leaf { row, column } | Place::Group { row, column }) = *place {
            join(&mut cells[row][column], &texts[n]);
        }
    }
    header
        .iter()
        .zip(cells)
        .map(|(&i, row)| {
            let text = if row.iter().all(String::is_empty) {
                String::new()
            } else {
                row.join("\t")
            };
            (i, text)
        })
        .collect()
}

/// Whether label `n` and the label `under` it, two lines lower in the same column, are lines of
/// one wrapped label printed by turns with a neighbouring column's (`附属单` / `其他收` / `位上`
/// / `入` / `缴收入`; `国有资本经营` / `政府性基金预` / `预`): the line between holds a label of
/// the next column over and none of theirs, that column's label is wrapped too, and the two
/// columns' labels, every other line each, are centred on the same line, as cells of one header
/// row are (`收入预算` over `事业收入`, beside `事业单位` / `经营收入`, is centred a line
/// higher: a group over a leaf). And `n` stands over its own column alone.
fn alternates(labels: &[Label], n: usize, under: usize, header: &[usize], spans: &[Span]) -> bool {
    let (p, q) = (labels[n].line, labels[under].line);
    let Some(c) = labels[n].own else {
        return false;
    };
    // Whether source line `at` holds a label over column `k`.
    let holds = |at: usize, k: usize| {
        labels
            .iter()
            .any(|m| header[m.line] == at && m.own == Some(k))
    };
    // The first and last of the lines every other one from `at` holding labels over `k`.
    let chain = |at: usize, k: usize| {
        let mut first = at;
        while first >= 2 && holds(first - 2, k) && !holds(first - 1, k) {
            first -= 2;
        }
        let mut last = at;
        while holds(last + 2, k) && !holds(last + 1, k) {
            last += 2;
        }
        (first, last)
    };
    let line = header[p];
    let own = chain(line, c);
    let by_turns = |k: usize| {
        let other = chain(line + 1, k);
        holds(line + 1, k)
            && other.0 < other.1
            && own.0.abs_diff(other.0) == 1
            && own.1.abs_diff(other.1) == 1
            && own.0 + own.1 == other.0 + other.1
    };
    let alone = (0..spans.len()).all(|k| k == c || spans[k].overlap(labels[n].token) == 0);
    header[q] == line + 2
        && alone
        && !holds(line + 1, c)
        && (by_turns(c + 1) || c.checked_sub(1).is_some_and(by_turns))
}

/// The columns, of `range` (all holding `own`), a group label is centred over: whole groups of
/// the labels below (`tops`), two columns at least, the widest whose middle stands near the
/// label's (`小计` over its 预算数 and 决算数, not over 因公出国（境）费's as well, though
/// nothing else stands between them), if any; and the nearest. Near: within a tenth of the
/// run's width and a column, as an export sets a wide character in one column, so a label of
/// a few of them is printed narrower than the cell it is centred in.
fn centred_run(
    label: &Token,
    own: usize,
    range: std::ops::RangeInclusive<usize>,
    spans: &[Span],
    tops: &[Option<(usize, usize)>],
) -> (Option<(usize, usize)>, (usize, usize)) {
    let (lo, hi) = (*range.start(), *range.end());
    let group = |k: usize| tops[k].map(|(n, _)| n);
    let starts = (lo..=own).filter(|&a| a == lo || group(a - 1) != group(a));
    let runs: Vec<(usize, usize)> = starts
        .flat_map(|a| {
            (own..=hi)
                .filter(|&b| b == hi || group(b) != group(b + 1))
                .filter(move |&b| b > a)
                .map(move |b| (a, b))
        })
        .collect();
    // Doubled positions, as centres are.
    let centre = label.start + label.end;
    let off = |&(a, b): &(usize, usize)| (spans[a].start + spans[b].end).abs_diff(centre);
    let near = |r: &(usize, usize)| {
        let width = 2 * spans[r.1].end.saturating_sub(spans[r.0].start);
        off(r) <= width / 10 + 2
    };
    let centred = runs
        .iter()
        .filter(|r| near(r))
        .max_by_key(|r| (r.1 - r.0, std::cmp::Reverse(off(r))))
        .copied();
    let nearest = runs.iter().min_by_key(|r| off(r)).copied();
    (centred, nearest.unwrap_or((lo, hi)))
}

/// What a label answers for: halfway to each of its neighbours on its line, within the share of
/// the label it sits under on every header line above that has several (`金额` under `收入`
/// heads nothing of the expenditure side). `lines` ends with the label's own line.
fn share(lines: &[Vec<Token>], k: usize) -> (u32, u32) {
    let own = |line: &[Token], k: usize| {
        let t = &line[k];
        let lo = k.checked_sub(1).map_or(0, |p| line[p].end + t.start);
        let hi = line.get(k + 1).map_or(u32::MAX, |n| t.end + n.start);
        (lo, hi)
    };
    let Some((line, above)) = lines.split_last() else {
        return (0, u32::MAX);
    };
    let centre = line[k].start + line[k].end;
    let (mut lo, mut hi) = own(line, k);
    for l in above.iter().filter(|l| l.len() >= 2) {
        if let Some((a, b)) = (0..l.len())
            .map(|p| own(l, p))
            .find(|(a, b)| (*a..*b).contains(&centre))
        {
            (lo, hi) = (lo.max(a), hi.min(b));
        }
    }
    (lo, hi)
}

/// A header token of words a single space apart that fall in different columns is several
/// labels (`公务用车购置 公务用车运行`, two cells nearly touching); each word's place is its
/// share of the token's positions. Two words over one column, the next column over to the
/// right `unlabelled`, are its label and the next column's (`基本支出 项目支出`).
fn split(t: &Token, spans: &[Span], unlabelled: &[bool]) -> Vec<Token> {
    let total = t.text.chars().count().max(1) as u64;
    let width = u64::from(t.end.saturating_sub(t.start));
    // Positions `offset` characters in (never past the token's end).
    let at = |offset: u64| t.start + (width * offset.min(total) / total) as u32;
    let mut words = Vec::new();
    let mut offset = 0u64;
    for w in t.text.split(' ') {
        let n = w.chars().count() as u64;
        words.push(Token {
            start: at(offset),
            end: at(offset + n),
            text: w.to_owned(),
        });
        offset += n + 1;
    }
    let mut columns: Vec<Option<usize>> = words.iter().map(|w| column_of(w, spans)).collect();
    if let [Some(a), Some(b)] = columns[..] {
        if a == b && unlabelled.get(b + 1) == Some(&true) {
            let next = spans[b + 1];
            (words[1].start, words[1].end) = (next.start, next.end);
            columns[1] = Some(b + 1);
        }
    }
    columns.dedup();
    if words.len() > 1 && columns.len() == words.len() {
        words
    } else {
        vec![t.clone()]
    }
}

/// Adds a label to a cell: a wrapped label's tail joins its head (`机关运行经费预算` + `数`),
/// words apart stay apart.
fn join(cell: &mut String, text: &str) {
    let wide = |c: Option<char>| c.is_some_and(|c| !c.is_ascii());
    let run_on = wide(cell.chars().last()) && wide(text.chars().next());
    if !cell.is_empty() && !run_on {
        cell.push(' ');
    }
    cell.push_str(text);
}

#[cfg(test)]
mod tests {
    use crate::aligned::tests::tabulated;

    /// A Shanghai three-public table as a text export prints it, over one data row.
    fn three_public(data: &str) -> Vec<String> {
        let mut text: Vec<&str> = vec![
            "                    “三公”经费和机关运行经费预算表",
            "                            “三公”经费预算数",
            "",
            "                                                             机关运行经费预算",
            "                                          公务用车购置及运行费",
            "                                                                 数",
            "   合计           因公出国(境)费   公务接待费",
            "                                     小计       购置费       运行费",
            "",
        ];
        text.push(data);
        tabulated(&text)
    }

    #[test]
    fn group_labels_go_to_their_groups_first_column_and_leaves_rise_to_their_cells_top() {
        // As a text export prints a two-sided summary: `本年支出` set over 合计, `项目` halfway
        // down its tall cell, `合计` below its siblings' group label.
        let lines = tabulated(&[
            "          本年收入                                           本年支出",
            "",
            "                                                                         预算数",
            "",
            "    项目            预算数                 项目                                   基本支出",
            "                                                    合计                                          项目支出",
            "                                                                    人员经费          公用经费",
            "",
            "一、财政拨款收入                100.00 一、一般公共服务支出             90.00          50.00         10.00         30.00",
            "二、事业收入                   20.00 二、教育支出                 30.00          30.00",
            "   收入总计                 120.00        支出总计           120.00          80.00         10.00         30.00",
        ]);
        // The rows a ruled copy has: 项目 beside 预算数, 合计 beside 基本支出.
        assert_eq!(lines[0], "本年收入\t\t本年支出\t\t\t\t", "{lines:#?}");
        assert_eq!(lines[2], "项目\t预算数\t项目\t预算数\t\t\t");
        assert_eq!(lines[4], "\t\t\t合计\t基本支出\t\t项目支出");
        assert_eq!(lines[5], "");
        assert_eq!(lines[6], "\t\t\t\t人员经费\t公用经费\t");
        assert_eq!(
            lines[8],
            "一、财政拨款收入\t100.00\t一、一般公共服务支出\t90.00\t50.00\t10.00\t30.00"
        );
    }

    #[test]
    fn a_wrapped_label_is_joined_and_a_label_at_a_lines_end_heads_nothing_beyond_it() {
        let lines = three_public(
            "       12.00          2.00    4.00   6.00     1.00      5.00       30.00",
        );
        // A label over the whole header's height (机关运行经费预算数, wrapped) rises to its top;
        // 公务接待费 at its line's end heads nothing to its right.
        assert_eq!(
            lines[1], "“三公”经费预算数\t\t\t\t\t\t机关运行经费预算数",
            "{lines:#?}"
        );
        assert_eq!(lines[4], "\t\t\t公务用车购置及运行费\t\t\t");
        assert_eq!(lines[5], "合计\t因公出国(境)费\t公务接待费\t\t\t\t");
        assert_eq!(lines[7], "\t\t\t小计\t购置费\t运行费\t");
        assert_eq!(lines[9], "12.00\t2.00\t4.00\t6.00\t1.00\t5.00\t30.00");
    }

    #[test]
    fn labels_over_columns_left_empty_in_every_row_are_columns_of_their_own() {
        // One data row filling three of seven columns (no car bought, none run): the labels
        // under 公务用车购置及运行费 are columns all the same, not folded into 公务接待费's.
        let lines = three_public(
            "        0.95                  0.95                                229.43",
        );
        assert_eq!(
            lines[5], "合计\t因公出国(境)费\t公务接待费\t\t\t\t",
            "{lines:#?}"
        );
        assert_eq!(lines[7], "\t\t\t小计\t购置费\t运行费\t");
        assert_eq!(lines[9], "0.95\t\t0.95\t\t\t\t229.43");
    }

    #[test]
    fn labels_wrapped_over_three_lines_and_a_subtotal_beside_a_nested_group() {
        // As Jiangsu's three-public table exports: labels wrapped in narrow cells, the group's
        // subtotal (小计) printed lower than the nested group beside it, two labels a single
        // space apart where their cells nearly touch.
        let lines = tabulated(&[
            "          “三公”经费、会议费、培训费支出预算表",
            "                                   “三公”经费",
            "                                   公务用车购置及运行维护费",
            "  合计                因公出                                           会议费      培训费",
            "                    国（境）             公务用车购 公务用车运  公务接待费",
            "            小计       费       小计",
            "                                       置费     行维护费",
            "",
            "  100.5     60.25   10        30               30      20.25    15.25     25",
        ]);
        assert_eq!(
            lines[1], "合计\t“三公”经费\t\t\t\t\t\t会议费\t培训费",
            "{lines:#?}"
        );
        assert_eq!(
            lines[2], "\t\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t\t",
            "{lines:#?}"
        );
        assert_eq!(
            lines[4],
            "\t小计\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t"
        );
        assert_eq!(lines[8], "100.5\t60.25\t10\t30\t\t30\t20.25\t15.25\t25");
    }

    #[test]
    fn a_group_label_is_centred_over_its_group_and_a_sibling_printed_a_line_low_stays_in_it() {
        // As Shanghai's final-accounts three-public table exports: every label of the group's
        // cell centred on its own, `合计` and `因公出国（境）费` (cells two rows tall) printed
        // below the group beside them, `公务用车购置费` a line below its siblings.
        let lines = tabulated(&[
            "                             财政拨款“三公”经费支出决算表",
            "                                   财政拨款“三公”经费",
            "                                         公务用车购置及运行费",
            "         合计      因公出国（境）费",
            "                                  小计                   公务用车运行费        公务接待费",
            "                                          公务用车购置费",
            "",
            "预算数       决算数   预算数   决算数   预算数    决算数   预算数    决算数   预算数   决算数   预算数      决算数",
            "",
            "  1.50                                                              1.50",
        ]);
        // 小计 over its own two columns, not over 因公出国（境）费's as well; the group over
        // 小计, 购置费 and 运行费, not over 公务接待费.
        assert_eq!(
            lines[2], "\t\t\t\t公务用车购置及运行费\t\t\t\t\t\t\t",
            "{lines:#?}"
        );
        assert_eq!(lines[3], "合计\t\t因公出国（境）费\t\t\t\t\t\t\t\t\t");
        assert_eq!(
            lines[4],
            "\t\t\t\t小计\t\t\t\t公务用车运行费\t\t公务接待费\t"
        );
        assert_eq!(lines[5], "\t\t\t\t\t\t公务用车购置费\t\t\t\t\t");
        assert_eq!(lines[9], "1.50\t\t\t\t\t\t\t\t\t\t1.50\t");
    }

    #[test]
    fn a_label_wrapped_off_its_cells_middle_is_joined_not_made_a_group() {
        // As a final-accounts expenditure table exports: `本年支出合` / `计` printed to the
        // right of its cell's middle, `科目名称` beside it on 计's line.
        let lines = tabulated(&[
            "                                支出决算表",
            "                项目",
            "                                本年支出合                 项目支",
            "   支出功能分类                                  基本支出",
            "                       科目名称       计                    出",
            "    科目编码",
            "201             一般公共服务支出        2,106.66   1,503.52    603.14",
            "201   06        财政事务            2,106.66   1,503.52    603.14",
            "201   06   01   行政运行            1,511.89   1,503.52      8.37",
            "201   06   02   一般行政管理事务          10.00               10.00",
        ]);
        // (`项目` heads `科目名称`, as the copies' 项目 column reads.)
        assert_eq!(
            lines[1], "\t\t\t项目科目名称\t本年支出合计\t基本支出\t项目支出",
            "{lines:#?}"
        );
        assert_eq!(lines[9], "201\t06\t02\t一般行政管理事务\t10.00\t\t10.00");
    }

    #[test]
    fn a_table_published_empty_keeps_its_total_row_out_of_the_header() {
        let lines = tabulated(&[
            "政府性基金预算财政拨款支出预算表",
            "    项目                       本年支出",
            "  科目编码     科目名称      小计   基本支出  项目支出",
            "",
            "        合计",
        ]);
        assert_eq!(lines[4].trim_matches('\t'), "合计");
    }

    #[test]
    fn two_labels_one_space_apart_over_one_column_label_the_next_too() {
        // `项目支出` printed one space after `基本支出`, both over 基本支出's figures: the
        // column right of them, with no label over it, is 项目支出's.
        let lines = tabulated(&[
            "                                      合计      基本支出 项目支出",
            "201               一般公共服务支出          2,106.66  1,503.52    603.14",
            "208               社会保障和就业支出           326.72    326.72",
        ]);
        assert_eq!(lines[0], "\t\t合计\t基本支出\t项目支出", "{lines:#?}");
        assert_eq!(
            lines[1],
            "201\t一般公共服务支出\t2,106.66\t1,503.52\t603.14"
        );
    }
}
