//! Tables read by their ruling lines. A page's horizontal and vertical lines that cross one
//! another make a table; its columns are every vertical line's position and its rows every
//! horizontal line's. Each glyph inside belongs to the cell the lines around it close — a
//! merged cell spans several columns or rows, and its text goes to its first (top-left) one,
//! as a spreadsheet or a ruled-cell conversion holds it. Each row becomes one line of
//! tab-separated cells: the same text a tab-separated copy of the table gives, however its
//! labels are centred or stacked.

use super::content::{Glyph, Rule};

/// Lines closer than this (points) are one.
const SNAP: f64 = 1.5;
/// A page with more lines than this is not read by them (no real page has a tenth of it).
const MAX_LINES: usize = 4_000;
/// Nor one whose glyphs times lines pass this (each glyph looks for the lines around it; a
/// real page is under a million).
const MAX_WORK: usize = 20_000_000;

/// A horizontal line: `at` down the page, from `from` to `to` across.
#[derive(Debug, Clone, Copy)]
struct Line {
    at: f64,
    from: f64,
    to: f64,
}

/// A table's rows, each a line of tab-separated cells with where it sits on the page; and which
/// of the page's glyphs they hold.
#[derive(Debug, Default)]
pub struct Ruled {
    pub rows: Vec<(f64, String)>,
    pub used: Vec<bool>,
}

/// The ruled tables on a page of `glyphs` (sorted by line, then across) and `rules`.
pub fn tables(glyphs: &[&Glyph], rules: &[Rule]) -> Ruled {
    let mut out = Ruled {
        rows: Vec::new(),
        used: vec![false; glyphs.len()],
    };
    let across = merged(
        rules
            .iter()
            .filter(|r| r.horizontal())
            .map(|r| Line {
                at: r.y0,
                from: r.x0,
                to: r.x1,
            })
            .collect(),
    );
    let down = merged(
        rules
            .iter()
            .filter(|r| !r.horizontal())
            .map(|r| Line {
                at: r.x0,
                from: r.y0,
                to: r.y1,
            })
            .collect(),
    );
    let lines = across.len() + down.len();
    if lines > MAX_LINES || glyphs.len().saturating_mul(lines) > MAX_WORK {
        return out;
    }
    for (across, down) in components(&across, &down) {
        table(glyphs, &across, &down, &mut out);
    }
    out
}

/// Collinear pieces that touch or overlap, joined: a border drawn cell by cell is one line.
fn merged(mut lines: Vec<Line>) -> Vec<Line> {
    lines.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.from.total_cmp(&b.from)));
    let mut out: Vec<Line> = Vec::new();
    for l in lines {
        // The lines at (about) this position, the last one drawn further along.
        let joined = out
            .iter_mut()
            .rev()
            .take_while(|o| l.at - o.at <= SNAP)
            .find(|o| l.from <= o.to + SNAP);
        match joined {
            Some(o) => o.to = o.to.max(l.to),
            None => out.push(l),
        }
    }
    out
}

/// Whether a horizontal and a vertical line meet.
fn meet(h: &Line, v: &Line) -> bool {
    v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP
}

/// The groups of lines that meet one another (each a table), those with a cell at least.
fn components(across: &[Line], down: &[Line]) -> Vec<(Vec<Line>, Vec<Line>)> {
    let n = across.len() + down.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (i, h) in across.iter().enumerate() {
        for (j, v) in down.iter().enumerate() {
            if meet(h, v) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, across.len() + j));
                parent[a] = b;
            }
        }
    }
    let mut groups: Vec<(usize, Vec<Line>, Vec<Line>)> = Vec::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        let at = match groups.iter().position(|g| g.0 == r) {
            Some(at) => at,
            None => {
                groups.push((r, Vec::new(), Vec::new()));
                groups.len() - 1
            }
        };
        match i.checked_sub(across.len()) {
            None => groups[at].1.push(across[i]),
            Some(j) => groups[at].2.push(down[j]),
        }
    }
    groups
        .into_iter()
        .filter(|(_, a, d)| a.len() >= 2 && d.len() >= 2)
        .map(|(_, a, d)| (a, d))
        .collect()
}

/// Distinct positions, sorted (positions closer than [`SNAP`] are one).
fn positions(lines: &[Line]) -> Vec<f64> {
    let mut at: Vec<f64> = lines.iter().map(|l| l.at).collect();
    at.sort_by(f64::total_cmp);
    at.dedup_by(|b, a| *b - *a <= SNAP);
    at
}

fn index_of(positions: &[f64], at: f64) -> Option<usize> {
    positions.iter().position(|p| (p - at).abs() <= SNAP)
}

/// The nearest line before `at` and the nearest after it among those spanning `across`.
fn bounds(lines: &[Line], at: f64, across: f64) -> Option<(f64, f64)> {
    let spanning = lines
        .iter()
        .filter(|l| l.from - SNAP <= across && across <= l.to + SNAP);
    let (mut before, mut after) = (None::<f64>, None::<f64>);
    for l in spanning {
        if l.at <= at {
            before = Some(before.map_or(l.at, |b| b.max(l.at)));
        } else {
            after = Some(after.map_or(l.at, |a| a.min(l.at)));
        }
    }
    before.zip(after)
}

/// The lines across a table implies without drawing them: where a line down ends between two
/// lines across, the cell it splits begins (or ends) there — a header of two rows drawn with
/// no line under its group labels (`功能分类` over `功能科目名称 | 金额`, the line between those
/// two starting halfway down). Each spans from the nearest line down on the left to the nearest
/// on the right at that height.
fn implied(across: &[Line], down: &[Line]) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for v in down {
        // Each end, and a height just beyond it, in the cell left whole.
        for (end, beyond) in [(v.from, v.from - 2.0 * SNAP), (v.to, v.to + 2.0 * SNAP)] {
            let drawn = across.iter().any(|h| {
                (h.at - end).abs() <= SNAP && h.from - SNAP <= v.at && v.at <= h.to + SNAP
            });
            let inside = across.iter().any(|h| h.at < end - SNAP)
                && across.iter().any(|h| h.at > end + SNAP);
            if drawn || !inside {
                continue;
            }
            let spans = |o: &&Line| o.from - SNAP <= beyond && beyond <= o.to + SNAP;
            let left = down
                .iter()
                .filter(|o| o.at < v.at - SNAP)
                .filter(spans)
                .map(|o| o.at)
                .reduce(f64::max);
            let right = down
                .iter()
                .filter(|o| o.at > v.at + SNAP)
                .filter(spans)
                .map(|o| o.at)
                .reduce(f64::min);
            if let (Some(from), Some(to)) = (left, right) {
                trace!("  implied across at {end:.1} from {from:.1} to {to:.1}");
                out.push(Line { at: end, from, to });
            }
        }
    }
    out
}

/// A table's lines with its outer border closed: where the lines down reach past the first or
/// last line across (a table continued from the page before, its top border not drawn), or the
/// lines across past the first or last line down (open sides), a line there.
fn closed(across: &[Line], down: &[Line]) -> (Vec<Line>, Vec<Line>) {
    let with_border = |lines: &[Line], crossing: &[Line]| {
        let mut out = lines.to_vec();
        out.extend(border(lines, crossing));
        out
    };
    (with_border(across, down), with_border(down, across))
}

/// The lines of one direction missing at the ends `crossing` lines reach, each spanning the
/// table.
fn border(lines: &[Line], crossing: &[Line]) -> Vec<Line> {
    let min = |v: &mut dyn Iterator<Item = f64>| v.fold(f64::INFINITY, f64::min);
    let max = |v: &mut dyn Iterator<Item = f64>| v.fold(f64::NEG_INFINITY, f64::max);
    let (first, last) = (
        min(&mut lines.iter().map(|l| l.at)),
        max(&mut lines.iter().map(|l| l.at)),
    );
    let (reach_before, reach_after) = (
        min(&mut crossing.iter().map(|l| l.from)),
        max(&mut crossing.iter().map(|l| l.to)),
    );
    let from = min(&mut crossing.iter().map(|l| l.at)).min(min(&mut lines.iter().map(|l| l.from)));
    let to = max(&mut crossing.iter().map(|l| l.at)).max(max(&mut lines.iter().map(|l| l.to)));
    [
        (reach_before, reach_before < first - SNAP),
        (reach_after, reach_after > last + SNAP),
    ]
    .into_iter()
    .filter(|(_, beyond)| *beyond)
    .map(|(at, _)| Line { at, from, to })
    .collect()
}

/// One table's cells, written as rows into `out` — if the lines close a cell around every
/// glyph within the table (else it is left to be laid out as text).
fn table(glyphs: &[&Glyph], across: &[Line], down: &[Line], out: &mut Ruled) {
    let (mut across, down) = closed(across, down);
    across.extend(implied(&across, &down));
    let (across, down) = (&across[..], &down[..]);
    let (columns, rows) = (positions(down), positions(across));
    trace!("ruled table columns {columns:?} rows {rows:?}");
    if columns.len() < 3 || rows.len() < 2 {
        return;
    }
    // Each glyph's cell, by its middle: (row, column) of the cell's top-left corner; and the
    // row its middle is in.
    let mut placed: Vec<((usize, usize), usize, usize)> = Vec::new();
    for (i, g) in glyphs.iter().enumerate() {
        if out.used[i] {
            continue;
        }
        let (x, y) = (g.x + g.width / 2.0, g.y - g.size / 3.0);
        let inside = x > columns[0] && x < columns[columns.len() - 1];
        if !inside || y <= rows[0] || y >= rows[rows.len() - 1] {
            continue;
        }
        let cell =
            bounds(down, x, y)
                .zip(bounds(across, y, x))
                .and_then(|((left, _), (top, _))| {
                    Some((index_of(&rows, top)?, index_of(&columns, left)?))
                });
        // Text the lines do not close a cell around: this is not a table read by its lines.
        let Some(cell) = cell else { return };
        let band = rows.iter().take_while(|r| **r < y).count() - 1;
        placed.push((cell, band, i));
    }
    for &(_, _, i) in &placed {
        out.used[i] = true;
    }
    // A cell over several rows holds its text in its first — unless its lines sit each in a
    // row of its own (a writer that left out the lines between two rows' codes and names):
    // then each line is that row's.
    placed.sort_by_key(|&(cell, _, i)| (cell, i));
    let mut cells: Vec<((usize, usize), usize)> = Vec::with_capacity(placed.len());
    for group in placed.chunk_by(|a, b| a.0 == b.0) {
        let split = group.iter().any(|g| g.1 != group[0].1) && lines_keep_to_rows(glyphs, group);
        for &((top, column), band, i) in group {
            cells.push(((if split { band } else { top }, column), i));
        }
    }
    cells.sort_by_key(|&(cell, i)| (cell, i));
    let width = columns.len() - 1;
    let mut row_at: Option<usize> = None;
    let mut line: Vec<Vec<&Glyph>> = Vec::new();
    let flush = |row: Option<usize>, line: &mut Vec<Vec<&Glyph>>, out: &mut Ruled| {
        if let Some(r) = row {
            let text: Vec<String> = line.iter().map(|c| cell_text(c)).collect();
            out.rows.push((rows[r], text.join("\t")));
        }
        line.clear();
    };
    for ((row, column), i) in cells {
        if row_at != Some(row) {
            flush(row_at, &mut line, out);
            row_at = Some(row);
            line.resize(width, Vec::new());
        }
        if let Some(cell) = line.get_mut(column) {
            cell.push(glyphs[i]);
        }
    }
    flush(row_at, &mut line, out);
}

/// Whether each line of text in a cell lies in one row (no line straddles two).
fn lines_keep_to_rows(glyphs: &[&Glyph], group: &[((usize, usize), usize, usize)]) -> bool {
    let mut seen: Vec<(f64, usize)> = Vec::new();
    for &(_, band, i) in group {
        let y = glyphs[i].y;
        match seen
            .iter()
            .find(|(at, _)| (at - y).abs() <= glyphs[i].size * 0.35)
        {
            Some(&(_, b)) if b != band => return false,
            Some(_) => {}
            None => seen.push((y, band)),
        }
    }
    let mut bands: Vec<usize> = seen.iter().map(|s| s.1).collect();
    bands.sort_unstable();
    bands.dedup();
    bands.len() == seen.len()
}

/// A cell's glyphs as text: its lines (by baseline) joined — without a space where the text
/// wraps between Chinese characters, with one between Latin words.
fn cell_text(glyphs: &[&Glyph]) -> String {
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    for &g in glyphs {
        match lines.last_mut() {
            Some(l) if (g.y - l[0].y).abs() <= l[0].size.max(g.size) * 0.35 => l.push(g),
            _ => lines.push(vec![g]),
        }
    }
    let mut out = String::new();
    for mut line in lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if latin(out.chars().last()) && latin(line[0].text.chars().next()) {
            out.push(' ');
        }
        let mut last: Option<&Glyph> = None;
        for g in line {
            if let Some(l) = last {
                // Between Latin words only: Chinese text and figures are set without spaces.
                let words = l.text.is_ascii() && g.text.is_ascii();
                if words && g.x - (l.x + l.width) > g.size * 0.3 {
                    out.push(' ');
                }
            }
            out.push_str(g.text.trim());
            last = Some(g);
        }
    }
    out
}
