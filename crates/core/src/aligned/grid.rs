//! A later page of a table read in its first page's columns. A text export lays each page out
//! on a grid of its own: a page without the header repeated may have its text set a few places
//! left and its figures a few places right of where the first page had them, and a page that
//! lists few rows gives too few cells to tell its columns apart by their spans alone (`经济科目`
//! and `采购物品名称` overlap). Each column keeps the edge its cells are set flush to — text the
//! left, figures the right — and the whole page is moved by the one stretch and shift that
//! sets its cells best on the first page's edges; every cell then goes to the column whose
//! edge it stands nearest.

use super::{is_anchor, is_data, is_figure, Span, Token};

/// How far (character columns) a page may stand from where the first page set it: about a
/// column's width.
const MAX_SHIFT: i64 = 16;

/// Stretches are counted in twentieths: a later page is laid out between 0.8 and 1.25 times
/// as wide as the first.
const SCALE: i64 = 20;
const MIN_STRETCH: i64 = 16;
const MAX_STRETCH: i64 = 25;

/// How far a cell may stand from its column's edge once its page is moved: beyond that the
/// page is not laid out as the first one is (another table, a different grid), and is read on
/// its own.
const MAX_MISS: i64 = 4;

/// The edge each column's cells are set flush to on a table's first page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    /// Text: where its cells start.
    Start(i64),
    /// Figures: where they end.
    End(i64),
    /// A column empty on the first page (only its label stands over it): where its label
    /// starts and ends, for text or figures.
    Open(i64, i64),
}

/// A table's columns as its first page sets them.
#[derive(Debug, Clone)]
pub(super) struct Grid {
    pub spans: Vec<Span>,
    edges: Vec<Edge>,
}

impl Grid {
    /// The first page's grid: a column of amounts (`figures[c]`) by where its amounts end, any
    /// other by where most of its data rows' cells start (its span's start if it holds none).
    pub fn of(
        lines: &[Vec<Token>],
        section: std::ops::Range<usize>,
        spans: &[Span],
        figures: &[Option<Span>],
    ) -> Grid {
        let edges = (0..spans.len())
            .map(|c| match figures[c] {
                Some(f) => Edge::End(i64::from(f.end)),
                None => {
                    let starts = section
                        .clone()
                        .filter(|&i| is_data(&lines[i]))
                        .flat_map(|i| &lines[i])
                        .filter(|t| super::column_of(t, spans) == Some(c))
                        .map(|t| i64::from(t.start));
                    most_common(starts).map_or(
                        Edge::Open(i64::from(spans[c].start), i64::from(spans[c].end)),
                        Edge::Start,
                    )
                }
            })
            .collect();
        Grid {
            spans: spans.to_vec(),
            edges,
        }
    }

    /// The cells of a later page's lines (`section`, header-less) in the grid's columns, line
    /// by line (`None` for blank lines); `None` when the page does not fit the grid: a cell
    /// far from every edge, or two cells of one data row in one column.
    pub fn place(
        &self,
        lines: &[Vec<Token>],
        section: std::ops::Range<usize>,
    ) -> Option<Vec<Option<Vec<String>>>> {
        let data: Vec<&Token> = section
            .clone()
            .filter(|&i| is_data(&lines[i]))
            .flat_map(|i| &lines[i])
            .collect();
        let fit = self.fit(&data);
        let mut out = Vec::with_capacity(section.len());
        for i in section {
            let row = &lines[i];
            if row.is_empty() {
                out.push(None);
                continue;
            }
            let mut cells = vec![String::new(); self.spans.len()];
            let mut taken = vec![false; self.spans.len()];
            for t in row {
                let (c, miss) = self.column(Mark::of(t), fit)?;
                if miss > MAX_MISS * SCALE || (is_data(row) && taken[c]) {
                    trace!(
                        "grid misses line {}: {:?} in column {c} by {miss}/{SCALE} ({fit:?}; edges {:?})",
                        i + 1,
                        t.text,
                        self.edges
                    );
                    return None;
                }
                taken[c] = true;
                if !cells[c].is_empty() {
                    cells[c].push(' ');
                }
                cells[c].push_str(&t.text);
            }
            out.push(Some(cells));
        }
        Some(out)
    }

    /// The one stretch and shift that set the page's data cells nearest the grid's edges of
    /// their kind, text and figures together: a page laid out narrower or wider than the
    /// first (its columns closer together, its figures further right) is one move of the
    /// whole page, and a page moved by a whole column would set its figures off their column.
    /// The least move among equally good ones.
    fn fit(&self, data: &[&Token]) -> Fit {
        // Each kind of cell at each place once, with how many stand there: a page's cells
        // stand at a few places, and every stretch and shift is tried on them.
        let mut marks = std::collections::BTreeMap::new();
        for t in data {
            *marks.entry(Mark::of(t)).or_insert(0i64) += 1;
        }
        let cost = |fit: Fit| -> i64 {
            marks
                .iter()
                .filter_map(|(m, n)| self.column(*m, fit).map(|(_, miss)| miss * n))
                .sum()
        };
        let fits = (MIN_STRETCH..=MAX_STRETCH)
            .flat_map(|stretch| (-MAX_SHIFT..=MAX_SHIFT).map(move |shift| Fit { stretch, shift }));
        fits.min_by_key(|&f| (cost(f), (f.stretch - SCALE).abs(), f.shift.abs()))
            .unwrap_or(Fit {
                stretch: SCALE,
                shift: 0,
            })
    }

    /// The column a cell goes to and how far (in `1/SCALE` places) it stands from that
    /// column's edge once moved by `fit`: text by its start, an amount by its end, a bare
    /// number (a code, a whole figure) by whichever edge it stands nearer.
    fn column(&self, m: Mark, fit: Fit) -> Option<(usize, i64)> {
        let start = fit.at(m.start);
        let end = fit.at(m.end);
        self.edges
            .iter()
            .enumerate()
            .filter_map(|(c, e)| match *e {
                Edge::Start(s) | Edge::Open(s, _) if m.text => Some((c, (start - s * SCALE).abs())),
                Edge::End(s) | Edge::Open(_, s) if m.figure => Some((c, (end - s * SCALE).abs())),
                _ => None,
            })
            .min_by_key(|&(c, miss)| (miss, c))
    }
}

/// Where a cell stands and what it may be: text (set flush left), a figure (flush right), or
/// a bare number that may be either.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Mark {
    start: u32,
    end: u32,
    text: bool,
    figure: bool,
}

impl Mark {
    fn of(t: &Token) -> Mark {
        Mark {
            start: t.start,
            end: t.end,
            text: !is_anchor(t),
            figure: is_figure(&t.text),
        }
    }
}

/// How a later page's positions are moved onto the first page's: stretched by
/// `stretch / SCALE`, then shifted by `shift` places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fit {
    stretch: i64,
    shift: i64,
}

impl Fit {
    /// A position moved, in `1/SCALE` places.
    fn at(self, position: u32) -> i64 {
        i64::from(position) * self.stretch + self.shift * SCALE
    }
}

/// The value met most often (the smallest of those met equally often).
fn most_common(values: impl Iterator<Item = i64>) -> Option<i64> {
    let mut counts = std::collections::BTreeMap::new();
    for v in values {
        *counts.entry(v).or_insert(0usize) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(v, n)| (n, std::cmp::Reverse(v)))
        .map(|(v, _)| v)
}

#[cfg(test)]
mod tests {
    use super::super::tests::tabulated;

    fn cells(line: &str) -> Vec<&str> {
        line.split('\t').collect()
    }

    #[test]
    fn a_later_page_laid_out_narrower_is_read_in_the_first_pages_columns() {
        // After the page number, the export lays the next page out narrower: its text starts
        // further left and its figures end further right than the first page's did, and its
        // few rows overlap 经济科目 and 采购物品名称. Read in the first page's columns, each
        // cell is where the header puts it, the figures under 总计.
        let text = [
            "采购品目大类    专项名称      经济科目        采购物品名称       采购组织形式             总计",
            "合计                                                          500.00",
            "一、货物 A                                                      300.00",
            "          办公设备购置    办公设备购置                                  100.00",
            "                                台式计算机        分散自行组织         100.00",
            "          专用设备经费    专用设备购置                                  200.00",
            "                                其他专用设备       部门集中采购         200.00",
            "",
            "                              12",
            "",
            "二、服务 C                                            200.00",
            "      培训专项经费   培训费                                200.00",
            "                        专业技能培训服务  分散自行组织          200.00",
        ];
        let lines = tabulated(&text);
        assert_eq!(
            cells(&lines[4]),
            ["", "", "", "台式计算机", "分散自行组织", "100.00"],
            "{lines:#?}"
        );
        assert_eq!(lines[8], "12", "the page number is no row");
        assert_eq!(
            cells(&lines[10]),
            ["二、服务 C", "", "", "", "", "200.00"],
            "{lines:#?}"
        );
        assert_eq!(
            cells(&lines[11]),
            ["", "培训专项经费", "培训费", "", "", "200.00"],
            "{lines:#?}"
        );
        assert_eq!(
            cells(&lines[12]),
            ["", "", "", "专业技能培训服务", "分散自行组织", "200.00"],
            "{lines:#?}"
        );
    }

    #[test]
    fn a_page_that_fits_no_stretch_of_the_grid_is_not_forced_into_it() {
        // The next page holds another table's rows (its names far from every column of the
        // first): they are not set in the first page's columns.
        let text = [
            "项目名称                 金额",
            "一、财政拨款            300.00",
            "二、事业收入            200.00",
            "                 12",
            "                                                  人员经费   工资福利支出   150.00",
            "                                                  公用经费   商品和服务支出  50.00",
        ];
        let lines = tabulated(&text);
        assert_eq!(cells(&lines[1]), ["一、财政拨款", "300.00"], "{lines:#?}");
        assert!(cells(&lines[4]).contains(&"工资福利支出"), "{lines:#?}");
        assert_ne!(cells(&lines[4]).len(), 2, "{lines:#?}");
    }

    #[test]
    fn a_page_opening_with_a_header_keeps_its_own_columns() {
        // After the page number a page opens with a header (a new table whose title closed
        // the page before, or a table's header repeated): it is read as a table of its own,
        // its header heading its own columns, not as rows in the columns above.
        let text = [
            "项目名称                 金额",
            "一、财政拨款            300.00",
            "二、事业收入            200.00",
            "                 12",
            "   科目编码      科目名称              合计      基本支出",
            "   201          一般公共服务支出      100.00    100.00",
            "   205          教育支出               50.00     50.00",
        ];
        let lines = tabulated(&text);
        assert_eq!(
            cells(&lines[4]),
            ["科目编码", "科目名称", "合计", "基本支出"],
            "{lines:#?}"
        );
        assert_eq!(
            cells(&lines[5]),
            ["201", "一般公共服务支出", "100.00", "100.00"],
            "{lines:#?}"
        );
    }
}
