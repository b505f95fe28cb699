//! CMaps read with a small tokenizer of our own: a font's ToUnicode map (code → text) and an
//! embedded encoding CMap's code space (how many bytes a code takes).

use std::collections::BTreeMap;

/// A range wider than any code space (4 bytes would be billions of entries).
const MAX_RANGE: u32 = 1 << 16;
/// More entries than any font has.
const CAPACITY: usize = 1 << 18;

/// One token of a CMap: a string (hexadecimal or literal), an array's bounds, or a word
/// (operator, number, name: only `beginbf…`/`endbf…` matter).
#[derive(Debug, PartialEq)]
enum Token<'a> {
    Bytes(Vec<u8>),
    ArrayStart,
    ArrayEnd,
    Word(&'a [u8]),
}

struct Tokens<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let b = *self.bytes.get(self.at)?;
            match b {
                b'%' => self.skip_while(|b| b != b'\n' && b != b'\r'),
                b'[' | b']' => {
                    self.at += 1;
                    return Some(if b == b'[' {
                        Token::ArrayStart
                    } else {
                        Token::ArrayEnd
                    });
                }
                b'<' if self.bytes.get(self.at + 1) == Some(&b'<') => self.at += 2,
                b'>' if self.bytes.get(self.at + 1) == Some(&b'>') => self.at += 2,
                b'<' => return Some(Token::Bytes(self.hex())),
                b'(' => return Some(Token::Bytes(self.literal())),
                _ if is_delimiter(b) => self.at += 1,
                _ => {
                    let start = self.at;
                    self.skip_while(|b| !is_delimiter(b));
                    return Some(Token::Word(&self.bytes[start..self.at]));
                }
            }
        }
    }
}

impl Tokens<'_> {
    fn skip_while(&mut self, keep: impl Fn(u8) -> bool) {
        while self.bytes.get(self.at).is_some_and(|&b| keep(b)) {
            self.at += 1;
        }
    }

    /// `<4E2D 6587>` → its bytes (an odd last digit is followed by 0, as the format says).
    fn hex(&mut self) -> Vec<u8> {
        self.at += 1;
        let mut digits = Vec::new();
        while let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            match b {
                b'>' => break,
                _ => {
                    if let Some(d) = (b as char).to_digit(16) {
                        digits.push(d as u8);
                    }
                }
            }
        }
        if digits.len() % 2 == 1 {
            digits.push(0);
        }
        digits.chunks(2).map(|d| d[0] << 4 | d[1]).collect()
    }

    /// `(…)` with nested parentheses and backslash escapes → its bytes.
    fn literal(&mut self) -> Vec<u8> {
        self.at += 1;
        let mut out = Vec::new();
        let mut depth = 0usize;
        while let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            match b {
                b'\\' => {
                    let Some(&e) = self.bytes.get(self.at) else {
                        break;
                    };
                    self.at += 1;
                    out.push(match e {
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'b' => 8,
                        b'f' => 12,
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.bytes.get(self.at) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.at += 1;
                                    }
                                    _ => break,
                                }
                            }
                            v as u8
                        }
                        other => other,
                    });
                }
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' if depth == 0 => break,
                b')' => {
                    depth -= 1;
                    out.push(b);
                }
                _ => out.push(b),
            }
        }
        out
    }
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t'
            | b'\n'
            | b'\r'
            | 0
            | 12
            | b'('
            | b')'
            | b'<'
            | b'>'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'/'
            | b'%'
    )
}

/// A ToUnicode CMap's entries, code → text. `None` for a range wider than any code space or
/// more entries than can be carried.
pub fn parse(bytes: &[u8]) -> Option<BTreeMap<u32, String>> {
    let mut tokens = Tokens { bytes, at: 0 };
    let mut raw: BTreeMap<u32, Vec<u8>> = BTreeMap::new();
    while let Some(token) = tokens.next() {
        match token {
            Token::Word(b"beginbfchar") => bfchar(&mut tokens, &mut raw),
            Token::Word(b"beginbfrange") => bfrange(&mut tokens, &mut raw)?,
            _ => {}
        }
    }
    Some(
        raw.into_iter()
            .filter_map(|(code, utf16be)| Some((code, text_of(&utf16be)?)))
            .collect(),
    )
}

/// An encoding CMap's code space: (bytes, first code, last code) for each range.
pub fn code_space(bytes: &[u8]) -> Vec<(usize, u32, u32)> {
    let mut tokens = Tokens { bytes, at: 0 };
    let mut out = Vec::new();
    while let Some(token) = tokens.next() {
        if token != Token::Word(b"begincodespacerange") {
            continue;
        }
        while let (Some(Token::Bytes(lo)), Some(Token::Bytes(hi))) = (tokens.next(), tokens.next())
        {
            if (1..=4).contains(&lo.len()) && lo.len() == hi.len() {
                out.push((lo.len(), code_of(&lo), code_of(&hi)));
            }
        }
    }
    out
}

/// `<code> <text>` pairs up to `endbfchar`.
fn bfchar(tokens: &mut Tokens, raw: &mut BTreeMap<u32, Vec<u8>>) {
    while let Some(Token::Bytes(code)) = tokens.next() {
        let Some(Token::Bytes(text)) = tokens.next() else {
            return;
        };
        raw.insert(code_of(&code), text);
    }
}

/// `<first> <last> <text of first>` (the next codes' texts counting up from it) or
/// `<first> <last> [<text> …]` triples up to `endbfrange`.
fn bfrange(tokens: &mut Tokens, raw: &mut BTreeMap<u32, Vec<u8>>) -> Option<()> {
    loop {
        let Some(Token::Bytes(first)) = tokens.next() else {
            return Some(());
        };
        let Some(Token::Bytes(last)) = tokens.next() else {
            return Some(());
        };
        let (first, last) = (code_of(&first), code_of(&last));
        if last.saturating_sub(first) >= MAX_RANGE {
            return None;
        }
        match tokens.next() {
            Some(Token::Bytes(start)) => {
                for (step, code) in (first..=last).enumerate() {
                    raw.insert(code, counted(&start, step as u32));
                }
            }
            Some(Token::ArrayStart) => {
                let mut code = first;
                while let Some(Token::Bytes(text)) = tokens.next() {
                    if code <= last {
                        raw.insert(code, text);
                    }
                    code = code.saturating_add(1);
                }
            }
            _ => return Some(()),
        }
        if raw.len() > CAPACITY {
            return None;
        }
    }
}

/// A code's bytes as a number, big-endian.
pub fn code_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .fold(0, |code, &b| code.wrapping_shl(8) | u32::from(b))
}

/// The text `step` codes after `start`: two or four bytes count as one number (as the PDF
/// library counts), a longer text counts in its last two bytes.
fn counted(start: &[u8], step: u32) -> Vec<u8> {
    match start.len() {
        0 => Vec::new(),
        1 => vec![start[0].wrapping_add(step as u8)],
        2 => (code_of(start) as u16)
            .wrapping_add(step as u16)
            .to_be_bytes()
            .to_vec(),
        4 => code_of(start).wrapping_add(step).to_be_bytes().to_vec(),
        n => {
            let mut out = start.to_vec();
            let tail = (code_of(&start[n - 2..]) as u16).wrapping_add(step as u16);
            out[n - 2..].copy_from_slice(&tail.to_be_bytes());
            out
        }
    }
}

/// UTF-16BE → text; a lone surrogate stands for nothing (as the PDF library has it).
fn text_of(utf16be: &[u8]) -> Option<String> {
    let units: Vec<u16> = utf16be
        .chunks_exact(2)
        .map(|p| u16::from_be_bytes([p[0], p[1]]))
        .collect();
    if let [0xD800..=0xDFFF] = units[..] {
        return None;
    }
    Some(String::from_utf16_lossy(&units))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CMAP: &[u8] = b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
        /CMapName /Adobe-Identity-UCS def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n\
        % a comment <0009> <0041>\n\
        3 beginbfchar\n<0003> <0020>\n<0010><4E2D>\n<0011> <D835DC00>\nendbfchar\n\
        2 beginbfrange\n<0020> <0022> <0030>\n<0030> <0031> [<9884> <7B97>]\nendbfrange\n\
        endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn reads_chars_ranges_and_arrays() {
        let map = parse(CMAP).unwrap();
        let got: Vec<(u32, &str)> = map.iter().map(|(c, t)| (*c, t.as_str())).collect();
        assert_eq!(
            got,
            [
                (3, " "),
                (0x10, "中"),
                (0x11, "\u{1D400}"),
                (0x20, "0"),
                (0x21, "1"),
                (0x22, "2"),
                (0x30, "预"),
                (0x31, "算"),
            ]
        );
    }

    #[test]
    fn a_range_of_billions_is_refused() {
        assert_eq!(
            parse(b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange"),
            None
        );
    }

    #[test]
    fn garbage_gives_no_entries_and_no_panic() {
        for bytes in [
            &b"beginbfchar <01"[..],
            b"beginbfrange <01> <02>",
            b"(((\\",
            b"<<>>[[]",
        ] {
            assert!(parse(bytes).is_some_and(|m| m.len() <= 1), "{bytes:?}");
        }
    }

    #[test]
    fn reads_a_code_space() {
        let cmap = b"2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange";
        assert_eq!(code_space(cmap), [(1, 0, 0x80), (2, 0x8140, 0xFEFE)]);
    }
}
