//! The prose as rules read it across wrapped lines: paragraphs of characters, each character
//! tied to its source line, and the figures printed after given words.

use crate::amount::Amount;
use crate::rules::Cx;

/// A prose paragraph: its characters and the line each came from.
pub struct Paragraph {
    pub text: Vec<char>,
    pub lines: Vec<usize>,
}

impl Paragraph {
    pub fn line_at(&self, at: usize) -> usize {
        self.lines
            .get(at)
            .or(self.lines.last())
            .copied()
            .unwrap_or(0)
    }
}

/// The prose outside the tables, wrapped lines joined, split at blank lines.
pub fn paragraphs(cx: &Cx) -> Vec<Paragraph> {
    let (first, last) = cx.unit.lines;
    let mut out = Vec::new();
    let mut cur = Paragraph {
        text: Vec::new(),
        lines: Vec::new(),
    };
    for n in first..=last {
        let in_table = cx.unit.table_spans().any(|(a, b)| (a..=b).contains(&n));
        let line = cx.line(n).trim();
        if in_table || line.is_empty() || crate::layout::is_tabular(line) {
            if !cur.text.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Paragraph {
                        text: Vec::new(),
                        lines: Vec::new(),
                    },
                ));
            }
            continue;
        }
        for c in line.chars().filter(|c| !c.is_whitespace()) {
            cur.text.push(c);
            cur.lines.push(n);
        }
    }
    if !cur.text.is_empty() {
        out.push(cur);
    }
    out
}

/// The figures printed right after any of these words (`预算为 2993.92 万元`), with where each ends.
pub fn figures_after(text: &[char], words: &[&str]) -> Vec<(usize, Amount)> {
    let mut out = Vec::new();
    for w in words {
        let w: Vec<char> = w.chars().collect();
        let mut i = 0;
        while i + w.len() <= text.len() {
            if text[i..i + w.len()] == w[..] {
                let from = i + w.len();
                let len = text[from..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit() || **c == '.' || **c == ',')
                    .count();
                let figure: String = text[from..from + len].iter().collect();
                if let Some(a) = Amount::parse(&figure) {
                    out.push((from + len, a));
                }
                i = from;
            } else {
                i += 1;
            }
        }
    }
    out.sort_by_key(|f| f.0);
    out
}
