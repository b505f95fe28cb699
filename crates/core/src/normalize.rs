//! Text clean-up before parsing: full-width forms, odd spaces and converter debris.
//!
//! Every transformation keeps the line count, so source line numbers stay true.

/// Normalises one whole document, line by line, then takes page numbers glued to table rows
/// back out (`layout::unglue_page_numbers`).
pub fn normalize_text(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.split('\n').map(normalize_line).collect();
    crate::layout::unglue_page_numbers(&mut lines);
    lines
}

/// Normalises one source line: tabs (cell separators) are kept.
pub fn normalize_line(raw: &str) -> String {
    let line = raw.strip_suffix('\r').unwrap_or(raw);
    let out = rewrite(
        line,
        |b| matches!(b, 0xC2 | 0xE2 | 0xE3 | 0xEF | b'\r' | 0x0C),
        replacement,
    );
    if out.bytes().any(|b| b == b'$' || b == b'*') || out.starts_with("- ") {
        strip_debris(&out)
    } else {
        out
    }
}

/// `s` with each char `map`ped (`None`: kept, `Some(None)`: dropped, `Some(Some(c))`: replaced
/// by `c`). Only a char whose first byte `may_change` is looked at; the rest of the text is
/// scanned byte by byte and copied in runs, which keeps the per-line passes cheap.
fn rewrite(
    s: &str,
    may_change: impl Fn(u8) -> bool,
    map: impl Fn(char) -> Option<Option<char>>,
) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let (mut at, mut kept) = (0, 0);
    while at < bytes.len() {
        let lead = bytes[at];
        if may_change(lead) {
            if let Some(ch) = s[at..].chars().next() {
                if let Some(to) = map(ch) {
                    out.push_str(&s[kept..at]);
                    out.extend(to);
                    kept = at + ch.len_utf8();
                }
                at += ch.len_utf8();
                continue;
            }
        }
        // From one char's first byte to the next: continuation bytes are never looked at.
        at += match lead {
            0..=0x7F => 1,
            0x80..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
    }
    out.push_str(&s[kept.min(s.len())..]);
    out
}

/// The first byte of every char `char::is_whitespace` accepts: ASCII controls and space, and
/// U+0085, U+00A0 (C2), U+1680 (E1), U+2000–U+205F (E2), U+3000 (E3).
fn may_be_whitespace(b: u8) -> bool {
    b <= b' ' || matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)
}

/// What a character becomes: `None` to keep it, `Some(None)` to drop it.
fn replacement(ch: char) -> Option<Option<char>> {
    Some(match ch {
        // Full-width digits and ASCII letters → half-width (FF10–FF5A).
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(ch as u32 - 0xFEE0),
        '．' => Some('.'),
        '％' => Some('%'),
        '＋' => Some('+'),
        '－' | '−' => Some('-'),
        '\u{00A0}' | '\u{2002}' | '\u{2003}' | '\u{2009}' | '\u{3000}' | '\u{200B}'
        | '\u{FEFF}' => Some(' '),
        '\r' | '\u{000C}' => None,
        _ => return None,
    })
}

/// Removes what PDF/Markdown converters leave behind: `$\geq 90\%$`, `**bold**`, a leading `- `.
fn strip_debris(line: &str) -> String {
    let mut s = line.to_owned();
    if s.contains('$') {
        s = s
            .replace("$\\geq", "≥")
            .replace("$\\leq", "≤")
            .replace("\\geq", "≥")
            .replace("\\leq", "≤")
            .replace("\\%", "%")
            .replace('$', "");
        s = collapse_after_comparator(&s);
    }
    if s.contains("**") {
        s = s.replace("**", "");
    }
    if let Some(rest) = s.strip_prefix("- ") {
        s = rest.to_owned();
    }
    s
}

/// `≥ 90%` (from `$\geq 90\%$`) → `≥90%`, the form the rest of the document uses.
fn collapse_after_comparator(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '≥' || c == '≤' {
            while chars.peek() == Some(&' ') {
                chars.next();
            }
        }
    }
    out
}

/// Removes all white space inside a label: PDF extraction breaks `合 计` and `单位 代码`.
pub fn compact(s: &str) -> String {
    rewrite(s, may_be_whitespace, |c| c.is_whitespace().then_some(None))
}

/// Maps full-width brackets and colons to one form, for comparing labels and titles.
pub fn fold_punct(s: &str) -> String {
    rewrite(
        s,
        |b| may_be_whitespace(b) || b == b'"' || b == 0xEF,
        |c| match c {
            '（' => Some(Some('(')),
            '）' => Some(Some(')')),
            '：' => Some(Some(':')),
            '【' | '〔' => Some(Some('[')),
            '】' | '〕' => Some(Some(']')),
            '“' | '”' | '＂' => Some(Some('"')),
            c if c.is_whitespace() => Some(None),
            _ => None,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_and_spaces() {
        assert_eq!(
            normalize_line("合计\t１２３．４５\u{00A0}万元\r"),
            "合计\t123.45 万元"
        );
    }

    #[test]
    fn latex_debris_from_pdf_converters() {
        assert_eq!(
            normalize_line("\t政策知晓率\t$\\geq 90\\%$\t依据"),
            "\t政策知晓率\t≥90%\t依据"
        );
    }

    #[test]
    fn markdown_bold_and_list_markers() {
        assert_eq!(
            normalize_line("- 1、**财政拨款收入**：指"),
            "1、财政拨款收入：指"
        );
        assert_eq!(
            normalize_line("（二）公务用车 **公务用车购置费** 0万元"),
            "（二）公务用车 公务用车购置费 0万元"
        );
    }

    #[test]
    fn folding_and_compacting_match_a_char_by_char_pass() {
        let samples = [
            "（一） 部门 名称：温县\u{3000}医保\u{00A0}局 “三公” 【2024】〔5〕\u{2028}x\u{1680}y\u{000B}z",
            "",
            "plain ascii\tand  spaces",
            "全角：（）＂引号＂",
        ];
        for s in samples {
            let compacted: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(compact(s), compacted, "{s:?}");
            let folded: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| match c {
                    '（' => '(',
                    '）' => ')',
                    '：' => ':',
                    '【' | '〔' => '[',
                    '】' | '〕' => ']',
                    '“' | '”' | '"' | '＂' => '"',
                    _ => c,
                })
                .collect();
            assert_eq!(fold_punct(s), folded, "{s:?}");
        }
    }

    #[test]
    fn keeps_line_count() {
        assert_eq!(normalize_text("a\r\nb\n\nc").len(), 4);
    }
}
