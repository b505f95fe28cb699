//! A page's content stream run for its text: every glyph shown, with where it starts and how
//! far it advances, in the text's own direction (so a page set sideways — a landscape table
//! rotated onto a portrait page — reads as a page set straight).
//!
//! Only what places text is followed: the graphics state's matrix (`q`, `Q`, `cm`), the text
//! state and matrices (`BT` … `ET`, `Tf`, `Tc`, `Tw`, `Tz`, `TL`, `Ts`, `Td`, `TD`, `Tm`, `T*`),
//! the text-showing operators (`Tj`, `TJ`, `'`, `"`) and form XObjects (`Do`), which are run in
//! place with their own matrix and resources — and, for the tables' ruling lines, the paths
//! painted (`re`, `m`, `l`, `h` then `S`, `f`, `B` and their variants): every straight
//! horizontal or vertical line stroked, and every thin rectangle filled, as a [`Rule`].

use super::font::{get, number, Font};
use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId};
use rustc_hash::FxHashMap;
use std::rc::Rc;

/// One glyph: where it starts (x along its line, y down the page from line to line), how far
/// it advances, how large it is.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub size: f64,
    pub text: String,
}

/// A ruling line, in the same frame as the page's glyphs: horizontal (`y0 == y1`) or vertical
/// (`x0 == x1`), `x0 <= x1` and `y0 <= y1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rule {
    pub fn horizontal(&self) -> bool {
        self.y0 == self.y1
    }
}

/// A page as read: its glyphs and its ruling lines.
#[derive(Debug, Default)]
pub struct Page {
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
}

/// What one document's reading keeps from page to page: the fonts read so far (each is read
/// once), and how much work and how many glyphs are left to it.
pub struct PerDocument {
    read: FxHashMap<FontKey, Rc<Font>>,
    /// Forms' content streams, decoded once however often they are drawn.
    forms: FxHashMap<ObjectId, Rc<Vec<Operation>>>,
    operations_left: usize,
    glyphs_left: usize,
    rules_left: usize,
}

/// A font's identity in the document: its object, or — for a font dictionary written inside a
/// page's resources — where that dictionary sits in the loaded document (which does not move
/// while it is read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum FontKey {
    Object(ObjectId),
    Inline(usize),
}

impl Default for PerDocument {
    fn default() -> PerDocument {
        PerDocument {
            read: FxHashMap::default(),
            forms: FxHashMap::default(),
            operations_left: MAX_OPERATIONS,
            glyphs_left: MAX_GLYPHS,
            rules_left: MAX_RULES,
        }
    }
}

/// Forms nested deeper than this are not followed (real ones nest one or two levels).
const MAX_FORM_DEPTH: usize = 8;
/// The most content operations run for one document, forms included: a form drawn a thousand
/// times by a form drawn a thousand times… would otherwise never end. Real disclosures run a
/// few hundred thousand.
const MAX_OPERATIONS: usize = 20_000_000;
/// The most glyphs kept for one document (a few hundred thousand in a long disclosure).
const MAX_GLYPHS: usize = 2_000_000;
/// The most ruling lines kept for one document (tens of thousands in a long one).
const MAX_RULES: usize = 1_000_000;
/// The most pieces one path holds (a table's borders are a few hundred).
const MAX_PATH: usize = 100_000;
/// A filled rectangle thinner than this (in points) is a line.
const THIN: f64 = 2.5;

/// A page's glyphs, in the order they are shown, and its ruling lines.
pub fn read_page(doc: &Document, page: ObjectId, kept: &mut PerDocument) -> Page {
    let Ok(bytes) = doc.get_page_content(page) else {
        return Page::default();
    };
    let Some(resources) = page_resources(doc, page) else {
        return Page::default();
    };
    let mut run = Run {
        doc,
        kept,
        glyphs: Vec::new(),
        forms: Vec::new(),
        path: Path::default(),
        lines: Vec::new(),
        directions: Vec::new(),
    };
    run.stream(&bytes, resources, Matrix::IDENTITY);
    let rules = run.rules();
    Page {
        glyphs: run.glyphs,
        rules,
    }
}

/// The path being built: its straight segments and rectangles on the page (device space), the
/// current point and where the subpath started.
#[derive(Default)]
struct Path {
    segments: Vec<[(f64, f64); 2]>,
    rectangles: Vec<[(f64, f64); 4]>,
    current: Option<(f64, f64)>,
    start: Option<(f64, f64)>,
}

/// A page's resources, inherited from the page tree when the page has none of its own.
fn page_resources(doc: &Document, page: ObjectId) -> Option<&Dictionary> {
    let mut node = doc.get_dictionary(page).ok()?;
    for _ in 0..64 {
        if let Some(r) = get(doc, node, b"Resources").and_then(|o| o.as_dict().ok()) {
            return Some(r);
        }
        node = get(doc, node, b"Parent")?.as_dict().ok()?;
    }
    None
}

/// A point through a matrix.
fn apply(m: Matrix, x: f64, y: f64) -> (f64, f64) {
    let [a, b, c, d, e, f] = m.0;
    (x * a + y * c + e, x * b + y * d + f)
}

fn fmin(v: &[f64; 4]) -> f64 {
    v.iter().copied().fold(f64::INFINITY, f64::min)
}

fn fmax(v: &[f64; 4]) -> f64 {
    v.iter().copied().fold(f64::NEG_INFINITY, f64::max)
}

impl Path {
    fn room(&self) -> bool {
        self.segments.len() + self.rectangles.len() < MAX_PATH
    }

    fn close(&mut self) {
        if let (Some(from), Some(to)) = (self.current, self.start) {
            if from != to && self.room() {
                self.segments.push([from, to]);
            }
            self.current = Some(to);
        }
    }
}

/// An affine matrix `[a b c d e f]`, applied to row vectors as PDF does.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f64; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(x: f64, y: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self` then `then`.
    fn then(self, then: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [p, q, r, s, t, u] = then.0;
        Matrix([
            a * p + b * r,
            a * q + b * s,
            c * p + d * r,
            c * q + d * s,
            e * p + f * r + t,
            e * q + f * s + u,
        ])
    }

    fn from_operands(operands: &[Object]) -> Option<Matrix> {
        let n: Vec<f64> = operands.iter().filter_map(number).collect();
        <[f64; 6]>::try_from(n).ok().map(Matrix)
    }
}

/// The graphics and text state that `q`/`Q` save and restore.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    horizontal_scale: f64,
    leading: f64,
    rise: f64,
}

struct Run<'d, 'f> {
    doc: &'d Document,
    kept: &'f mut PerDocument,
    glyphs: Vec<Glyph>,
    /// The forms being run (a form that shows itself is not run again).
    forms: Vec<ObjectId>,
    path: Path,
    /// Lines painted, on the page (device space).
    lines: Vec<[(f64, f64); 2]>,
    /// How often each text direction (a unit vector, rounded) was shown: the rules are turned
    /// into the frame of the page's usual one.
    directions: Vec<((i8, i8), usize)>,
}

impl<'d> Run<'d, '_> {
    fn stream(&mut self, bytes: &[u8], resources: &'d Dictionary, ctm: Matrix) {
        if let Ok(content) = Content::decode(bytes) {
            self.operations(&content.operations, resources, ctm);
        }
    }

    fn operations(&mut self, operations: &[Operation], resources: &'d Dictionary, ctm: Matrix) {
        let mut state = State {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let mut saved: Vec<State> = Vec::new();
        let (mut tm, mut tlm) = (Matrix::IDENTITY, Matrix::IDENTITY);
        for Operation { operator, operands } in operations {
            if self.kept.operations_left == 0 {
                return;
            }
            self.kept.operations_left -= 1;
            let num = |i: usize| operands.get(i).and_then(number);
            match operator.as_str() {
                "q" if saved.len() < 256 => saved.push(state.clone()),
                "Q" => state = saved.pop().unwrap_or(state),
                "cm" => {
                    if let Some(m) = Matrix::from_operands(operands) {
                        state.ctm = m.then(state.ctm);
                    }
                }
                "BT" => (tm, tlm) = (Matrix::IDENTITY, Matrix::IDENTITY),
                "Tf" => {
                    state.font = operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| self.font(resources, name));
                    state.size = num(1).unwrap_or(0.0);
                }
                "Tc" => state.char_spacing = num(0).unwrap_or(0.0),
                "Tw" => state.word_spacing = num(0).unwrap_or(0.0),
                "Tz" => state.horizontal_scale = num(0).unwrap_or(100.0) / 100.0,
                "TL" => state.leading = num(0).unwrap_or(0.0),
                "Ts" => state.rise = num(0).unwrap_or(0.0),
                "Td" | "TD" => {
                    let (x, y) = (num(0).unwrap_or(0.0), num(1).unwrap_or(0.0));
                    if operator == "TD" {
                        state.leading = -y;
                    }
                    tlm = Matrix::translate(x, y).then(tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = Matrix::from_operands(operands) {
                        (tm, tlm) = (m, m);
                    }
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -state.leading).then(tlm);
                    tm = tlm;
                }
                "Tj" => {
                    if let Some(Object::String(s, _)) = operands.first() {
                        self.show(&state, &mut tm, s);
                    }
                }
                "'" | "\"" => {
                    if operator == "\"" {
                        state.word_spacing = num(0).unwrap_or(state.word_spacing);
                        state.char_spacing = num(1).unwrap_or(state.char_spacing);
                    }
                    tlm = Matrix::translate(0.0, -state.leading).then(tlm);
                    tm = tlm;
                    if let Some(Object::String(s, _)) = operands.last() {
                        self.show(&state, &mut tm, s);
                    }
                }
                "TJ" => {
                    let Some(Object::Array(items)) = operands.first() else {
                        continue;
                    };
                    for item in items {
                        match item {
                            Object::String(s, _) => self.show(&state, &mut tm, s),
                            other => {
                                let adjust = number(other).unwrap_or(0.0);
                                let tx = -adjust / 1000.0 * state.size * state.horizontal_scale;
                                tm = Matrix::translate(tx, 0.0).then(tm);
                            }
                        }
                    }
                }
                "Do" => {
                    if let Some(name) = operands.first().and_then(|o| o.as_name().ok()) {
                        self.form(resources, name, state.ctm);
                    }
                }
                "re" => {
                    if let (Some(x), Some(y), Some(w), Some(h)) = (num(0), num(1), num(2), num(3)) {
                        let at = |px: f64, py: f64| apply(state.ctm, px, py);
                        let corners = [at(x, y), at(x + w, y), at(x + w, y + h), at(x, y + h)];
                        if self.path.room() {
                            self.path.rectangles.push(corners);
                        }
                        self.path.current = Some(corners[0]);
                        self.path.start = Some(corners[0]);
                    }
                }
                "m" => {
                    if let (Some(x), Some(y)) = (num(0), num(1)) {
                        let p = apply(state.ctm, x, y);
                        (self.path.current, self.path.start) = (Some(p), Some(p));
                    }
                }
                "l" => {
                    if let (Some(x), Some(y)) = (num(0), num(1)) {
                        let p = apply(state.ctm, x, y);
                        if let (Some(from), true) = (self.path.current, self.path.room()) {
                            self.path.segments.push([from, p]);
                        }
                        self.path.current = Some(p);
                    }
                }
                // A curve is no ruling line: only where it ends matters.
                "c" | "v" | "y" => {
                    let n = operands.len();
                    if let (Some(x), Some(y)) = (n.checked_sub(2).and_then(num), num(n.max(1) - 1))
                    {
                        self.path.current = Some(apply(state.ctm, x, y));
                    }
                }
                "h" => self.path.close(),
                "S" | "s" | "B" | "B*" | "b" | "b*" => {
                    if operator.starts_with('s') || operator.starts_with('b') {
                        self.path.close();
                    }
                    self.stroke();
                }
                "f" | "F" | "f*" => self.fill(),
                "n" => self.path = Path::default(),
                _ => {}
            }
        }
    }

    /// A stroked path: its segments and its rectangles' sides are lines.
    fn stroke(&mut self) {
        let path = std::mem::take(&mut self.path);
        let sides = path
            .rectangles
            .iter()
            .flat_map(|r| (0..4).map(move |i| [r[i], r[(i + 1) % 4]]));
        for segment in path.segments.into_iter().chain(sides) {
            self.line(segment);
        }
    }

    /// A filled path: a thin rectangle is a line along its middle (how many PDF writers draw
    /// a table's borders).
    fn fill(&mut self) {
        let path = std::mem::take(&mut self.path);
        for r in path.rectangles {
            let (xs, ys) = (r.map(|p| p.0), r.map(|p| p.1));
            let (x0, x1) = (fmin(&xs), fmax(&xs));
            let (y0, y1) = (fmin(&ys), fmax(&ys));
            if x1 - x0 < THIN && y1 - y0 > x1 - x0 {
                let x = (x0 + x1) / 2.0;
                self.line([(x, y0), (x, y1)]);
            } else if y1 - y0 < THIN && x1 - x0 > y1 - y0 {
                let y = (y0 + y1) / 2.0;
                self.line([(x0, y), (x1, y)]);
            }
        }
    }

    fn line(&mut self, segment: [(f64, f64); 2]) {
        let finite = segment.iter().all(|p| p.0.is_finite() && p.1.is_finite());
        if finite && self.kept.rules_left > 0 {
            self.kept.rules_left -= 1;
            self.lines.push(segment);
        }
    }

    /// The lines painted that run straight across or down, in the frame of the page's usual
    /// text direction (the glyphs' frame).
    fn rules(&self) -> Vec<Rule> {
        let Some(&((dx, dy), _)) = self.directions.iter().max_by_key(|(_, n)| *n) else {
            return Vec::new();
        };
        let (ux, uy) = (f64::from(dx), f64::from(dy));
        let frame = |(px, py): (f64, f64)| (px * ux + py * uy, px * uy - py * ux);
        let mut out = Vec::new();
        for [a, b] in &self.lines {
            let ((x0, y0), (x1, y1)) = (frame(*a), frame(*b));
            let (x0, x1) = (x0.min(x1), x0.max(x1));
            let (y0, y1) = (y0.min(y1), y0.max(y1));
            if y1 - y0 < 0.5 && x1 - x0 >= 1.0 {
                let y = (y0 + y1) / 2.0;
                out.push(Rule {
                    x0,
                    y0: y,
                    x1,
                    y1: y,
                });
            } else if x1 - x0 < 0.5 && y1 - y0 >= 1.0 {
                let x = (x0 + x1) / 2.0;
                out.push(Rule {
                    x0: x,
                    y0,
                    x1: x,
                    y1,
                });
            }
        }
        out
    }

    /// The font a resource name stands for, read once per font.
    fn font(&mut self, resources: &'d Dictionary, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = get(self.doc, resources, b"Font")?.as_dict().ok()?;
        let (key, dict) = match fonts.get(name).ok()? {
            Object::Reference(id) => (FontKey::Object(*id), self.doc.get_dictionary(*id).ok()?),
            Object::Dictionary(dict) => (FontKey::Inline(std::ptr::from_ref(dict) as usize), dict),
            _ => return None,
        };
        let doc = self.doc;
        let font = self
            .kept
            .read
            .entry(key)
            .or_insert_with(|| Rc::new(Font::new(doc, dict)));
        Some(font.clone())
    }

    /// Runs a form XObject in place (an image shows no text).
    fn form(&mut self, resources: &'d Dictionary, name: &[u8], ctm: Matrix) {
        let doc = self.doc;
        let Some(xobjects) = get(doc, resources, b"XObject").and_then(|o| o.as_dict().ok()) else {
            return;
        };
        let Ok(Object::Reference(id)) = xobjects.get(name) else {
            return;
        };
        let Ok(Object::Stream(form)) = doc.get_object(*id) else {
            return;
        };
        let is_form =
            get(doc, &form.dict, b"Subtype").and_then(|o| o.as_name().ok()) == Some(b"Form");
        if !is_form
            || self.forms.contains(id)
            || self.forms.len() >= MAX_FORM_DEPTH
            || self.kept.operations_left == 0
        {
            return;
        }
        let matrix = get(doc, &form.dict, b"Matrix")
            .and_then(|o| o.as_array().ok())
            .and_then(|m| Matrix::from_operands(m))
            .unwrap_or(Matrix::IDENTITY);
        let own = get(doc, &form.dict, b"Resources").and_then(|o| o.as_dict().ok());
        let operations = match self.kept.forms.get(id) {
            Some(ops) => ops.clone(),
            None => {
                let bytes = form
                    .decompressed_content()
                    .unwrap_or_else(|_| form.content.clone());
                let decoded = Content::decode(&bytes).map(|c| c.operations);
                let ops = Rc::new(decoded.unwrap_or_default());
                self.kept.forms.insert(*id, ops.clone());
                ops
            }
        };
        self.forms.push(*id);
        self.operations(&operations, own.unwrap_or(resources), matrix.then(ctm));
        self.forms.pop();
    }

    /// Shows a string: each code's glyph placed, the text matrix moved past it.
    fn show(&mut self, state: &State, tm: &mut Matrix, bytes: &[u8]) {
        let Some(font) = state.font.clone() else {
            return;
        };
        let text_space = Matrix([state.horizontal_scale, 0.0, 0.0, 1.0, 0.0, state.rise]);
        for (code, len) in font.split(bytes) {
            let w0 = font.width(code);
            let mut spacing = state.char_spacing;
            // Word spacing applies to the single-byte code 32 only.
            if code == 32 && len == 1 {
                spacing += state.word_spacing;
            }
            let trm = text_space.then(*tm).then(state.ctm);
            let text = font.text(code, len);
            self.place(trm, w0, spacing, state.size, &text);
            let tx = state.horizontal_scale * (w0 * state.size + spacing);
            *tm = Matrix::translate(tx, 0.0).then(*tm);
        }
    }

    fn tally(&mut self, direction: (i8, i8)) {
        match self.directions.iter_mut().find(|(d, _)| *d == direction) {
            Some((_, n)) => *n += 1,
            None => self.directions.push((direction, 1)),
        }
    }

    /// A glyph in the text's own direction: x along the line, y down the page.
    fn place(&mut self, trm: Matrix, w0: f64, spacing: f64, font_size: f64, text: &str) {
        let [a, b, _, _, e, f] = trm.0;
        let scale = (a * a + b * b).sqrt();
        if scale <= f64::EPSILON {
            return;
        }
        let (ux, uy) = (a / scale, b / scale);
        self.tally((ux.round() as i8, uy.round() as i8));
        let x = e * ux + f * uy;
        let y = e * uy - f * ux;
        let size = font_size * scale;
        // The advance on the page: the glyph's width and the character spacing (Tc, Tw) that
        // justified text spreads its glyphs with.
        let advance = (w0 * font_size + spacing) * scale;
        if self.kept.glyphs_left == 0 {
            return;
        }
        if x.is_finite() && y.is_finite() && size.is_finite() && advance.is_finite() {
            self.kept.glyphs_left -= 1;
            self.glyphs.push(Glyph {
                x,
                y,
                width: advance,
                size,
                text: text.to_owned(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_as_pdf_applies_them() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let moved = Matrix::translate(10.0, 5.0);
        // Scale first, then move: the origin lands on (10, 5).
        assert_eq!(scale.then(moved).0, [2.0, 0.0, 0.0, 2.0, 10.0, 5.0]);
        // Move first, then scale: on (20, 10).
        assert_eq!(moved.then(scale).0, [2.0, 0.0, 0.0, 2.0, 20.0, 10.0]);
    }
}
