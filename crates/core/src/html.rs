//! HTML (a saved page, or rich text from the clipboard) → the tab-separated text the parser reads.
//!
//! Tables become one line per row with cells separated by tabs; `colspan` repeats empty cells
//! and `rowspan` reserves the cell's columns in the rows below, so columns stay aligned as they
//! do when a table is copied as text. Other block elements become lines. Scripts, styles and
//! comments are dropped: nothing in the input is ever run.

/// Whether text looks like HTML rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    let t = head.trim_start();
    t.starts_with('<')
        && (head.contains("<table")
            || head.contains("<html")
            || head.contains("<body")
            || head.contains("<p")
            || head.contains("<div"))
        || head.contains("<table")
}

#[derive(Debug)]
enum Token<'a> {
    Open { name: String, attrs: &'a str },
    Close(String),
    Text(&'a str),
}

fn tokens(html: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(0) => {
                if let Some(body) = rest.strip_prefix("<!--") {
                    rest = body.find("-->").map_or("", |e| &body[e + 3..]);
                    continue;
                }
                let Some(end) = rest.find('>') else {
                    out.push(Token::Text(rest));
                    break;
                };
                let inner = &rest[1..end];
                rest = &rest[end + 1..];
                if let Some(name) = inner.strip_prefix('/') {
                    out.push(Token::Close(name.trim().to_ascii_lowercase()));
                    continue;
                }
                let split = inner
                    .find(|c: char| c.is_whitespace() || c == '/')
                    .unwrap_or(inner.len());
                let name = inner[..split].to_ascii_lowercase();
                if name.starts_with('!') || name.starts_with('?') {
                    continue;
                }
                // Raw-text elements: skip their content entirely.
                if name == "script" || name == "style" || name == "template" {
                    let close = format!("</{name}");
                    let lower = rest.to_ascii_lowercase();
                    rest = lower.find(&close).map_or("", |i| {
                        let after = &rest[i..];
                        after.find('>').map_or("", |e| &after[e + 1..])
                    });
                    continue;
                }
                out.push(Token::Open {
                    name,
                    attrs: &inner[split..],
                });
            }
            Some(i) => {
                out.push(Token::Text(&rest[..i]));
                rest = &rest[i..];
            }
            None => {
                out.push(Token::Text(rest));
                break;
            }
        }
    }
    out
}

fn attr_number(attrs: &str, name: &str) -> usize {
    let lower = attrs.to_ascii_lowercase();
    let Some(at) = lower.find(name) else { return 1 };
    let digits: String = lower[at + name.len()..]
        .chars()
        .skip_while(|c| *c == '=' || *c == '"' || *c == '\'' || c.is_whitespace())
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=64).contains(n))
        .unwrap_or(1)
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let Some(end) = end else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let ch = match entity {
            "nbsp" | "ensp" | "emsp" => Some(' '),
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "ldquo" => Some('“'),
            "rdquo" => Some('”'),
            e if e.starts_with("#x") || e.starts_with("#X") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse::<u32>().ok().and_then(char::from_u32),
            _ => None,
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Collapses white space the way a browser renders it; tabs and newlines inside a cell become
/// spaces so they cannot break the row apart.
fn clean(text: &str) -> String {
    decode_entities(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Default)]
struct TableState {
    rows: Vec<Vec<String>>,
    /// Columns reserved by a rowspan: (column, rows still to cover).
    carried: Vec<(usize, usize)>,
    cell: Option<(String, usize, usize)>,
}

impl TableState {
    fn start_row(&mut self) {
        self.rows.push(Vec::new());
    }

    fn place(&mut self, text: String, colspan: usize, rowspan: usize) {
        if self.rows.is_empty() {
            self.start_row();
        }
        let row_index = self.rows.len() - 1;
        let row = &mut self.rows[row_index];
        // Skip columns a cell above still spans.
        loop {
            let col = row.len();
            if let Some(slot) = self.carried.iter_mut().find(|(c, n)| *c == col && *n > 0) {
                slot.1 -= 1;
                row.push(String::new());
            } else {
                break;
            }
        }
        let col = row.len();
        row.push(text);
        for _ in 1..colspan {
            row.push(String::new());
        }
        if rowspan > 1 {
            for c in col..col + colspan {
                self.carried.retain(|(x, _)| *x != c);
                self.carried.push((c, rowspan - 1));
            }
        }
    }

    fn end_row(&mut self) {
        // Columns spanned at the end of a row still occupy their place.
        if let Some(row) = self.rows.last_mut() {
            let mut tail: Vec<usize> = self
                .carried
                .iter()
                .filter(|(c, n)| *c >= row.len() && *n > 0)
                .map(|(c, _)| *c)
                .collect();
            tail.sort_unstable();
            for c in tail {
                while row.len() <= c {
                    row.push(String::new());
                }
                if let Some(slot) = self.carried.iter_mut().find(|(x, _)| *x == c) {
                    slot.1 -= 1;
                }
            }
        }
        self.carried.retain(|(_, n)| *n > 0);
    }
}

const BLOCKS: [&str; 14] = [
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "caption",
    "hr",
];

/// Converts HTML to the plain, tab-separated text the parser reads.
pub fn to_text(html: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut tables: Vec<TableState> = Vec::new();
    let flush = |current: &mut String, lines: &mut Vec<String>| {
        let t = current.trim();
        if !t.is_empty() {
            lines.push(t.to_owned());
            lines.push(String::new());
        }
        current.clear();
    };
    for tok in tokens(html) {
        match tok {
            Token::Text(t) => {
                let outside = tables.is_empty();
                match tables.last_mut().and_then(|s| s.cell.as_mut()) {
                    Some((text, _, _)) => text.push_str(t),
                    None if outside => current.push_str(t),
                    None => {}
                }
            }
            Token::Open { name, attrs } => match name.as_str() {
                "table" => {
                    flush(&mut current, &mut lines);
                    tables.push(TableState::default());
                }
                "tr" => {
                    if let Some(s) = tables.last_mut() {
                        s.start_row();
                    }
                }
                "td" | "th" => {
                    if let Some(s) = tables.last_mut() {
                        if let Some((text, c, r)) = s.cell.take() {
                            s.place(clean(&text), c, r);
                        }
                        s.cell = Some((
                            String::new(),
                            attr_number(attrs, "colspan"),
                            attr_number(attrs, "rowspan"),
                        ));
                    }
                }
                "br" | "p" | "div" => {
                    let outside = tables.is_empty();
                    match tables.last_mut().and_then(|s| s.cell.as_mut()) {
                        Some((text, _, _)) => text.push(' '),
                        None if outside => flush(&mut current, &mut lines),
                        None => {}
                    }
                }
                n if BLOCKS.contains(&n) && tables.is_empty() => flush(&mut current, &mut lines),
                _ => {}
            },
            Token::Close(name) => match name.as_str() {
                "td" | "th" => {
                    if let Some(s) = tables.last_mut() {
                        if let Some((text, c, r)) = s.cell.take() {
                            s.place(clean(&text), c, r);
                        }
                    }
                }
                "tr" => {
                    if let Some(s) = tables.last_mut() {
                        if let Some((text, c, r)) = s.cell.take() {
                            s.place(clean(&text), c, r);
                        }
                        s.end_row();
                    }
                }
                "table" => {
                    if let Some(mut s) = tables.pop() {
                        if let Some((text, c, r)) = s.cell.take() {
                            s.place(clean(&text), c, r);
                        }
                        let rows: Vec<String> = s
                            .rows
                            .iter()
                            .filter(|r| !r.is_empty())
                            .map(|r| r.join("\t"))
                            .collect();
                        match tables.last_mut().and_then(|o| o.cell.as_mut()) {
                            // A table nested in a cell keeps only its text.
                            Some((text, _, _)) => text.push_str(&rows.join(" ")),
                            None => {
                                lines.extend(rows);
                                lines.push(String::new());
                            }
                        }
                    }
                }
                n if BLOCKS.contains(&n) && tables.is_empty() => flush(&mut current, &mut lines),
                _ => {}
            },
        }
    }
    flush(&mut current, &mut lines);
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
        .iter()
        .map(|l| {
            if l.contains('\t') {
                decode_entities(l)
            } else {
                clean(l)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_keep_columns_through_spans() {
        let html = r#"<p>部门预算收支总表</p><p>单位：万元</p>
<table>
<tr><td rowspan="2">序号</td><td colspan="2">收入</td><td colspan="2">支出</td></tr>
<tr><td>项目</td><td>预算数</td><td>项目</td><td>预算数</td></tr>
<tr><td>1</td><td>一、一般公共预算拨款收入</td><td>1539.63</td><td>一、一般公共服务支出</td><td></td></tr>
</table>"#;
        let text = to_text(html);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.contains(&"部门预算收支总表"));
        assert!(lines.contains(&"序号\t收入\t\t支出\t"), "{lines:?}");
        assert!(lines.contains(&"\t项目\t预算数\t项目\t预算数"), "{lines:?}");
        assert!(
            lines.contains(&"1\t一、一般公共预算拨款收入\t1539.63\t一、一般公共服务支出\t"),
            "{lines:?}"
        );
    }

    #[test]
    fn scripts_styles_and_entities() {
        let html = "<style>td{}</style><script>alert('x')</script><p>合计&nbsp;1,890.26&amp;<b>元</b></p><!-- <table> -->";
        assert_eq!(to_text(html), "合计 1,890.26&元");
    }

    #[test]
    fn survives_broken_markup() {
        for s in [
            "<table><tr><td>1",
            "<td colspan=999>x</td>",
            "<<<>>>",
            "&#xFFFFFFF;&",
            "<table><table></tr></td>",
        ] {
            let _ = to_text(s);
        }
        assert_eq!(attr_number(" colspan=999", "colspan"), 1);
    }
}
