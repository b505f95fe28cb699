//! Text clean-up before parsing: full-width forms, odd spaces and converter debris.
//!
//! Every transformation is per line and keeps the line count, so source line numbers stay true.

/// Normalises one whole document, line by line.
pub fn normalize_text(text: &str) -> Vec<String> {
    text.split('\n').map(normalize_line).collect()
}

/// Normalises one source line: tabs (cell separators) are kept.
pub fn normalize_line(raw: &str) -> String {
    let line = raw.strip_suffix('\r').unwrap_or(raw);
    let mut out = String::with_capacity(line.len());
    for ch in line.chars() {
        match ch {
            // Full-width digits and ASCII letters → half-width (FF10–FF5A).
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                out.push(char::from_u32(ch as u32 - 0xFEE0).unwrap_or(ch))
            }
            '．' => out.push('.'),
            '％' => out.push('%'),
            '＋' => out.push('+'),
            '－' | '−' => out.push('-'),
            '\u{00A0}' | '\u{2002}' | '\u{2003}' | '\u{2009}' | '\u{3000}' | '\u{200B}'
            | '\u{FEFF}' => out.push(' '),
            '\r' | '\u{000C}' => {}
            _ => out.push(ch),
        }
    }
    strip_debris(&out)
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
    // Sized up front: collecting a filtered iterator grows the string step by step.
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().filter(|c| !c.is_whitespace()));
    out
}

/// Maps full-width brackets and colons to one form, for comparing labels and titles.
pub fn fold_punct(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().filter(|c| !c.is_whitespace()).map(|c| match c {
        '（' => '(',
        '）' => ')',
        '：' => ':',
        '【' | '〔' => '[',
        '】' | '〕' => ']',
        '“' | '”' | '"' | '＂' => '"',
        _ => c,
    }));
    out
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
    fn keeps_line_count() {
        assert_eq!(normalize_text("a\r\nb\n\nc").len(), 4);
    }
}
