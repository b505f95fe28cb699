//! A PDF as published, read from its text layer: every glyph with its position (the file parsed
//! by `lopdf`; fonts, ToUnicode maps and the text state read by [`content`], each font once per
//! document), glyphs gathered into lines
//! by baseline and into words by the gaps between them, and each line laid out on a character
//! grid as `pdftotext -layout` does — so the text is what a PDF viewer's copy or a text export
//! gives, and the tables' columns are then inferred from the alignment ([`crate::aligned`])
//! like any space-aligned text. Pages are kept: each page after the first starts with a form
//! feed, which [`page_of_lines`] counts.
//!
//! Untrusted input: a size and a page limit, an encrypted, scanned (no text layer) or damaged
//! file each named in the message, and a panic inside the PDF library caught and reported as
//! a damaged file (the CLI builds with unwinding for this).

use std::fmt;

/// The largest PDF read (a disclosure is a few MB; the limit keeps a browser tab responsive).
pub const MAX_BYTES: usize = 64 << 20;
/// The most pages read.
pub const MAX_PAGES: usize = 600;

/// Why a PDF gave no text to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfProblem {
    /// Password-protected, and not with the empty password many publishers use.
    Encrypted,
    /// Pages without a text layer: scanned images.
    Scanned,
    /// Not readable as a PDF (truncated, corrupted, or not a PDF under a `.pdf` name).
    Damaged(String),
    TooLarge(usize),
    TooManyPages(usize),
}

impl fmt::Display for PdfProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfProblem::Encrypted => f.write_str("此 PDF 已加密，需要密码才能读取文字，无法检查 (this PDF is encrypted: its text cannot be read without the password)"),
            PdfProblem::Scanned => f.write_str("此 PDF 是扫描件，没有文字层，无法检查：请使用发布单位提供的文字版 PDF 或网页版 (this PDF is a scan with no text layer, so it cannot be checked: use a text PDF or the web version)"),
            PdfProblem::Damaged(why) => write!(f, "此 PDF 已损坏或不是有效的 PDF 文件，无法读取（{why}）(this PDF is damaged or not a valid PDF)"),
            PdfProblem::TooLarge(n) => write!(f, "此 PDF 有 {} MB，超过 {} MB 的上限 (this PDF is {} MB, over the {} MB limit)", n >> 20, MAX_BYTES >> 20, n >> 20, MAX_BYTES >> 20),
            PdfProblem::TooManyPages(n) => write!(f, "此 PDF 有 {n} 页，超过 {MAX_PAGES} 页的上限 (this PDF has {n} pages, over the {MAX_PAGES}-page limit)"),
        }
    }
}

/// A PDF's pages that carry nothing (a page number at most), with each one's first line
/// (1-based); empty for text without pages.
pub fn blank_pages(text: &str) -> Vec<(u32, usize)> {
    if !text.contains('\u{c}') {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut page: Option<(u32, usize, bool)> = None;
    for (i, (line, number)) in text.split('\n').zip(page_of_lines(text)).enumerate() {
        let empty = {
            let t = line.trim_matches(|c: char| c.is_whitespace());
            t.is_empty() || crate::layout::is_page_number(t)
        };
        match page {
            Some((p, first, blank)) if p == number => page = Some((p, first, blank && empty)),
            _ => {
                if let Some((p, first, true)) = page {
                    out.push((p, first));
                }
                page = Some((number, i + 1, empty));
            }
        }
    }
    if let Some((p, first, true)) = page {
        out.push((p, first));
    }
    out
}

/// The page (1-based) each line of a PDF's text comes from: a form feed starts a page.
pub fn page_of_lines(text: &str) -> Vec<u32> {
    let mut page = 1;
    text.split('\n')
        .map(|l| {
            page += l.matches('\u{c}').count() as u32;
            page
        })
        .collect()
}

#[cfg(feature = "pdf")]
pub use reader::{to_text, to_text_with_progress};

#[cfg(feature = "pdf")]
mod content;
#[cfg(feature = "pdf")]
mod font;
#[cfg(feature = "pdf")]
mod ruled;
#[cfg(feature = "pdf")]
mod tounicode;

#[cfg(feature = "pdf")]
mod reader {
    use super::content::{read_page, Glyph, Page, PerDocument};
    use super::{PdfProblem, MAX_BYTES, MAX_PAGES};
    use lopdf::{Document, ObjectId};

    /// The PDF's text, each page laid out on a character grid (columns aligned with spaces),
    /// pages after the first opening with a form feed.
    pub fn to_text(bytes: &[u8]) -> Result<String, PdfProblem> {
        to_text_with_progress(bytes, &mut |_, _| {})
    }

    /// [`to_text`], telling `progress` each page read (pages read, pages in all): the page
    /// shows it while a long PDF is read.
    pub fn to_text_with_progress(
        bytes: &[u8],
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<String, PdfProblem> {
        if bytes.len() > MAX_BYTES {
            return Err(PdfProblem::TooLarge(bytes.len()));
        }
        quiet_library_panics();
        let read =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| glyphs(bytes, progress)));
        let pages = match read {
            Ok(pages) => pages?,
            Err(_) => return Err(PdfProblem::Damaged("读取时出错".into())),
        };
        // Scanned pages carry no text, or a page number or a watermark at most.
        let glyph_count: usize = pages.iter().map(|p| p.glyphs.len()).sum();
        if glyph_count < 5 * pages.len().max(1) {
            return Err(PdfProblem::Scanned);
        }
        let laid: Vec<String> = pages.iter().map(lay_out).collect();
        Ok(laid.join("\n\u{c}"))
    }

    /// A panic inside the PDF library is caught and reported as a damaged file: its message is
    /// not printed (any other panic still is).
    fn quiet_library_panics() {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            let earlier = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                let file = info.location().map_or("", |l| l.file());
                if !file.contains("lopdf") {
                    earlier(info);
                }
            }));
        });
    }

    fn glyphs(
        bytes: &[u8],
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Vec<Page>, PdfProblem> {
        let mut doc =
            Document::load_mem(bytes).map_err(|e| PdfProblem::Damaged(short(&e.to_string())))?;
        if doc.is_encrypted() && doc.decrypt("").is_err() {
            return Err(PdfProblem::Encrypted);
        }
        let pages = doc.get_pages();
        if pages.len() > MAX_PAGES {
            return Err(PdfProblem::TooManyPages(pages.len()));
        }
        // The PDF library follows /Parent links to inherit a page's attributes without
        // looking for a cycle: a page tree that loops would never finish.
        if pages.values().any(|&id| !parents_end(&doc, id)) {
            return Err(PdfProblem::Damaged(
                "页面树循环引用 (page tree loops)".into(),
            ));
        }
        let mut kept = PerDocument::default();
        let mut out = Vec::with_capacity(pages.len());
        for &page in pages.values() {
            out.push(read_page(&doc, page, &mut kept));
            progress(out.len(), pages.len());
        }
        Ok(out)
    }

    /// Whether the chain of /Parent links from a page ends (within the page-tree depth any
    /// real file has).
    fn parents_end(doc: &Document, page: ObjectId) -> bool {
        let mut seen = std::collections::HashSet::new();
        let mut at = page;
        while seen.insert(at) && seen.len() <= 64 {
            let parent = doc
                .get_dictionary(at)
                .ok()
                .and_then(|d| d.get(b"Parent").ok())
                .and_then(|p| p.as_reference().ok());
            match parent {
                Some(p) => at = p,
                None => return true,
            }
        }
        false
    }

    fn short(s: &str) -> String {
        s.chars().take(80).collect()
    }

    /// One page as lines of text: its ruled tables row by row, cells separated by tabs
    /// ([`super::ruled`]); everything else laid out on a character grid, in order down the
    /// page.
    fn lay_out(page: &Page) -> String {
        let mut glyphs: Vec<&Glyph> = page
            .glyphs
            .iter()
            .filter(|g| !g.text.trim().is_empty())
            .collect();
        if glyphs.is_empty() {
            return String::new();
        }
        glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        let left = glyphs.iter().map(|g| g.x).fold(f64::INFINITY, f64::min);
        let cell = grid_width(&lines(&glyphs));
        let ruled = super::ruled::tables(&glyphs, &page.rules);
        let rest: Vec<&Glyph> = glyphs
            .iter()
            .zip(&ruled.used)
            .filter(|(_, used)| !**used)
            .map(|(g, _)| *g)
            .collect();
        // (where down the page, the text, the line's size: none for a table row)
        let mut items: Vec<(f64, String, Option<f64>)> = lines(&rest)
            .into_iter()
            .map(|line| (line[0].y, render(&line, cell, left), Some(line[0].size)))
            .chain(ruled.rows.into_iter().map(|(y, row)| (y, row, None)))
            .collect();
        items.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut out: Vec<String> = Vec::new();
        let mut last_y: Option<f64> = None;
        for (y, text, size) in items {
            // A gap of more than two lines' height: a blank line, as pdftotext leaves one.
            if let (Some(ly), Some(size)) = (last_y, size) {
                if y - ly > size * 2.2 {
                    out.push(String::new());
                }
            }
            last_y = size.map(|_| y);
            out.push(text);
        }
        out.join("\n")
    }

    /// Glyphs sharing a baseline (within a third of their size), each line left to right,
    /// each glyph's width as the page sets it (see [`set_widths`]).
    fn lines(sorted: &[&Glyph]) -> Vec<Vec<Glyph>> {
        let mut out: Vec<Vec<Glyph>> = Vec::new();
        for &g in sorted {
            match out.last_mut() {
                Some(line) if (g.y - line[0].y).abs() <= line[0].size.max(g.size) * 0.35 => {
                    line.push(g.clone())
                }
                _ => out.push(vec![g.clone()]),
            }
        }
        for line in &mut out {
            line.sort_by(|a, b| a.x.total_cmp(&b.x));
            set_widths(line);
        }
        out
    }

    /// A font's widths can be wrong (a CJK font giving its half-width digits a full em): a
    /// glyph the next one starts inside is as wide as the step to it, and the last digit of
    /// a figure as wide as the digit before it — so an amount ends where it is printed.
    fn set_widths(line: &mut [Glyph]) {
        let digit = |g: &Glyph| g.text.len() == 1 && g.text.as_bytes()[0].is_ascii_digit();
        let mut previous: Option<(bool, f64)> = None;
        for i in 0..line.len() {
            let step = line.get(i + 1).map(|n| n.x - line[i].x);
            let width = match (step, previous) {
                (Some(s), _) if s > 0.0 && s < line[i].width => s,
                (_, Some((true, w))) if digit(&line[i]) && w < line[i].width => w,
                _ => line[i].width,
            };
            line[i].width = width;
            previous = Some((digit(&line[i]), width));
        }
    }

    /// The width one character column stands for: a digit's advance (the figures are what
    /// must line up), else half the usual size.
    fn grid_width(lines: &[Vec<Glyph>]) -> f64 {
        let glyphs: Vec<&Glyph> = lines.iter().flatten().collect();
        let mut digits: Vec<f64> = glyphs
            .iter()
            .filter(|g| g.text.chars().all(|c| c.is_ascii_digit()) && g.width > 0.0)
            .map(|g| g.width)
            .collect();
        let mut sizes: Vec<f64> = glyphs.iter().map(|g| g.size).collect();
        let median = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v.get(v.len() / 2).copied()
        };
        median(&mut digits)
            .or_else(|| median(&mut sizes).map(|s| s / 2.0))
            .filter(|w| *w > 0.1)
            .unwrap_or(5.0)
    }

    /// A line's glyphs as text: words (glyphs that touch) placed at the column their left
    /// edge falls on; between two words one space where the gap is a space's width, two at
    /// least where it is wider (two cells, however narrow the grid makes them).
    fn render(line: &[Glyph], cell: f64, left: f64) -> String {
        let mut out = String::new();
        let mut cursor = 0usize;
        let mut last: Option<&Glyph> = None;
        for g in line {
            let gap = last.map(|l| g.x - (l.x + l.width));
            let joined = match (last, gap) {
                (Some(l), Some(gap)) => gap >= -g.size * 0.5 && gap <= touching(l, g),
                _ => false,
            };
            if !joined {
                // A gap narrower than a character is a space in running text (`2018 年度`): one
                // space, wherever the grid would put the word; a wider one is a gap between
                // cells: the word goes to its column, two spaces from the last at least.
                let col = match gap {
                    None => ((g.x - left) / cell).round().max(0.0) as usize,
                    Some(gap) if gap < g.size * 1.1 => cursor + 1,
                    Some(_) => (((g.x - left) / cell).round().max(0.0) as usize).max(cursor + 2),
                };
                out.extend(std::iter::repeat_n(' ', col - cursor));
                cursor = col;
            }
            out.push_str(&g.text);
            cursor += g.text.chars().count();
            last = Some(g);
        }
        out
    }

    /// The widest gap between two glyphs of one word: a fifth of their size; a tenth between
    /// a figure and other text (a right-aligned amount can end just before the next cell's
    /// words: `31,214,205.80 一、一般公共服务支出`).
    fn touching(a: &Glyph, b: &Glyph) -> f64 {
        let figure = |g: &Glyph| {
            g.text
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        };
        let factor = if figure(a) != figure(b) { 0.1 } else { 0.2 };
        b.size * factor
    }
}
