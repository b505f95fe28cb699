//! A font as the text layer needs it: how a string's bytes split into character codes, and
//! each code's text and width. Read once per font object and kept for every page that uses it
//! (reading each font's ToUnicode map again on every page was most of a PDF's reading time).

use super::tounicode::{self, code_of};
use lopdf::{Dictionary, Document, Object};
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// How a string's bytes are cut into codes.
#[derive(Debug, Clone, PartialEq)]
enum Codes {
    OneByte,
    TwoBytes,
    /// GBK-style: a byte below 0x81 alone, two bytes otherwise.
    Gbk,
    /// An embedded CMap's code space: (bytes, first, last).
    Ranges(Vec<(usize, u32, u32)>),
}

/// Where a code's text comes from when the ToUnicode map has none.
#[derive(Debug, Clone, PartialEq)]
enum Fallback {
    None,
    /// A simple font's encoding: the text of each byte.
    Table(Vec<String>),
    /// The code is UTF-16 (the UniGB-UCS2/UTF16 CMaps).
    Ucs2,
    /// The code is GBK (the GB/GBK EUC CMaps).
    Gbk,
}

#[derive(Debug, Clone)]
pub struct Font {
    codes: Codes,
    to_unicode: FxHashMap<u32, String>,
    fallback: Fallback,
    widths: FxHashMap<u32, f64>,
    default_width: f64,
    /// Glyph units to text space: a thousandth, or a Type 3 font's matrix.
    scale: f64,
}

impl Font {
    pub fn new(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = name(doc, dict, b"Subtype").unwrap_or_default();
        let to_unicode = get(doc, dict, b"ToUnicode")
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| s.decompressed_content().ok())
            .and_then(|bytes| tounicode::parse(&bytes))
            .map(|map| map.into_iter().collect())
            .unwrap_or_default();
        if subtype == b"Type0" {
            Font::composite(doc, dict, to_unicode)
        } else {
            Font::simple(doc, dict, &subtype, to_unicode)
        }
    }

    fn composite(doc: &Document, dict: &Dictionary, to_unicode: FxHashMap<u32, String>) -> Font {
        let (codes, fallback) = match get(doc, dict, b"Encoding") {
            Some(Object::Name(n)) => named_cmap(n),
            Some(Object::Stream(s)) => {
                let ranges = s
                    .decompressed_content()
                    .map(|b| tounicode::code_space(&b))
                    .unwrap_or_default();
                let codes = if ranges.is_empty() {
                    Codes::TwoBytes
                } else {
                    Codes::Ranges(ranges)
                };
                (codes, Fallback::None)
            }
            _ => (Codes::TwoBytes, Fallback::None),
        };
        let descendant = get(doc, dict, b"DescendantFonts")
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, o).as_dict().ok());
        let (widths, default_width) = descendant.map_or((FxHashMap::default(), 1000.0), |d| {
            let default = get(doc, d, b"DW").and_then(number).unwrap_or(1000.0);
            (cid_widths(doc, d), default)
        });
        Font {
            codes,
            to_unicode,
            fallback,
            widths,
            default_width,
            scale: 0.001,
        }
    }

    fn simple(
        doc: &Document,
        dict: &Dictionary,
        subtype: &[u8],
        to_unicode: FxHashMap<u32, String>,
    ) -> Font {
        let first = get(doc, dict, b"FirstChar").and_then(number).unwrap_or(0.0) as u32;
        let widths: FxHashMap<u32, f64> = get(doc, dict, b"Widths")
            .and_then(|o| o.as_array().ok())
            .map(|ws| {
                ws.iter()
                    .enumerate()
                    .filter_map(|(i, w)| Some((first + i as u32, number(deref(doc, w))?)))
                    .collect()
            })
            .unwrap_or_default();
        let missing = get(doc, dict, b"FontDescriptor")
            .and_then(|o| o.as_dict().ok())
            .and_then(|d| get(doc, d, b"MissingWidth"))
            .and_then(number);
        // A standard font without widths: an average advance (the figures are what matter).
        let base = name(doc, dict, b"BaseFont").unwrap_or_default();
        let default_width =
            missing
                .filter(|w| *w > 0.0)
                .unwrap_or(if base.starts_with(b"Courier") {
                    600.0
                } else if widths.is_empty() {
                    500.0
                } else {
                    0.0
                });
        let scale = if subtype == b"Type3" {
            get(doc, dict, b"FontMatrix")
                .and_then(|o| o.as_array().ok())
                .and_then(|m| m.first())
                .and_then(number)
                .filter(|s| s.is_finite() && *s != 0.0)
                .unwrap_or(0.001)
        } else {
            0.001
        };
        Font {
            codes: Codes::OneByte,
            to_unicode,
            fallback: Fallback::Table(byte_texts(doc, dict)),
            widths,
            default_width,
            scale,
        }
    }

    /// The codes of a shown string, each with its length in bytes.
    pub fn split<'b>(&'b self, bytes: &'b [u8]) -> impl Iterator<Item = (u32, usize)> + 'b {
        let mut at = 0;
        std::iter::from_fn(move || {
            let rest = bytes.get(at..).filter(|r| !r.is_empty())?;
            let len = match &self.codes {
                Codes::OneByte => 1,
                Codes::TwoBytes => 2,
                Codes::Gbk => 1 + usize::from(rest[0] >= 0x81),
                Codes::Ranges(ranges) => (1..=4)
                    .find(|&n| {
                        rest.len() >= n && {
                            let v = code_of(&rest[..n]);
                            ranges
                                .iter()
                                .any(|&(len, lo, hi)| len == n && (lo..=hi).contains(&v))
                        }
                    })
                    .unwrap_or(1),
            }
            .min(rest.len());
            at += len;
            Some((code_of(&rest[..len]), len))
        })
    }

    /// The text a code stands for ("" when the font does not say).
    pub fn text(&self, code: u32, len: usize) -> Cow<'_, str> {
        if let Some(t) = self.to_unicode.get(&code) {
            return Cow::Borrowed(t);
        }
        match &self.fallback {
            Fallback::Table(t) => t
                .get(code as usize)
                .map_or(Cow::Borrowed(""), |s| Cow::Borrowed(s)),
            Fallback::Ucs2 => {
                Cow::Owned(char::from_u32(code).map(String::from).unwrap_or_default())
            }
            Fallback::Gbk => {
                let bytes = code.to_be_bytes();
                let (text, _, bad) = encoding_rs::GBK.decode(&bytes[4 - len.min(4)..]);
                Cow::Owned(if bad {
                    String::new()
                } else {
                    text.into_owned()
                })
            }
            Fallback::None => Cow::Borrowed(""),
        }
    }

    /// A code's advance, in text space units for a font size of 1.
    pub fn width(&self, code: u32) -> f64 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
            * self.scale
    }
}

/// The predefined CMaps Chinese PDFs use: how they cut codes and what a code is.
fn named_cmap(name: &[u8]) -> (Codes, Fallback) {
    let name = String::from_utf8_lossy(name);
    if name.starts_with("UniGB-UCS2") || name.starts_with("UniGB-UTF16") {
        (Codes::TwoBytes, Fallback::Ucs2)
    } else if name.starts_with("GB") && (name.contains("EUC") || name.starts_with("GBK2K")) {
        (Codes::Gbk, Fallback::Gbk)
    } else {
        // Identity-H/V and the rest: two-byte codes, text from ToUnicode only.
        (Codes::TwoBytes, Fallback::None)
    }
}

/// A CID font's /W: `c [w1 w2 …]` (widths from c on) or `c_first c_last w`.
fn cid_widths(doc: &Document, descendant: &Dictionary) -> FxHashMap<u32, f64> {
    let mut out = FxHashMap::default();
    let Some(w) = get(doc, descendant, b"W").and_then(|o| o.as_array().ok()) else {
        return out;
    };
    // However the array is made, no more widths than any font has (a range per entry of a
    // hostile array would otherwise loop billions of times).
    let mut budget: usize = 1 << 18;
    let mut i = 0;
    while i + 1 < w.len() && budget > 0 {
        let Some(first) = number(deref(doc, &w[i])) else {
            break;
        };
        let first = first as u32;
        match deref(doc, &w[i + 1]) {
            Object::Array(ws) => {
                for (j, width) in ws.iter().enumerate().take(budget) {
                    if let Some(width) = number(deref(doc, width)) {
                        out.insert(first.saturating_add(j as u32), width);
                    }
                }
                budget = budget.saturating_sub(ws.len());
                i += 2;
            }
            last => {
                let (Some(last), Some(width)) = (
                    number(last),
                    w.get(i + 2).and_then(|o| number(deref(doc, o))),
                ) else {
                    break;
                };
                // A range wider than any code space is not a font's.
                let last = (last as u32).min(first.saturating_add(0xFFFF));
                for code in (first..=last).take(budget) {
                    out.insert(code, width);
                }
                budget = budget.saturating_sub((last.saturating_sub(first) as usize) + 1);
                i += 3;
            }
        }
    }
    out
}

/// A simple font's text for each byte: its base encoding (WinAnsi, what Word and WPS write,
/// unless it names Standard or MacRoman), then its /Differences by glyph name.
fn byte_texts(doc: &Document, dict: &Dictionary) -> Vec<String> {
    let (base, differences) = match get(doc, dict, b"Encoding") {
        Some(Object::Name(n)) => (n.as_slice(), None),
        Some(Object::Dictionary(e)) => (
            get(doc, e, b"BaseEncoding")
                .and_then(|o| o.as_name().ok())
                .unwrap_or(b""),
            get(doc, e, b"Differences").and_then(|o| o.as_array().ok()),
        ),
        _ => (&b""[..], None),
    };
    let mut table: Vec<String> = (0..=255u8)
        .map(|b| base_char(base, b).map(String::from).unwrap_or_default())
        .collect();
    let mut code = 0usize;
    for item in differences.into_iter().flatten() {
        match deref(doc, item) {
            Object::Integer(i) => code = usize::try_from(*i).unwrap_or(256),
            Object::Name(glyph) => {
                if let Some(slot) = table.get_mut(code) {
                    *slot = glyph_text(glyph).unwrap_or_default();
                }
                code += 1;
            }
            _ => {}
        }
    }
    table
}

/// A byte in a base encoding: ASCII, and above it Latin-1 with WinAnsi's 0x80–0x9F (the
/// Standard encoding's quotes differ; MacRoman's upper half is read as Latin-1 too).
fn base_char(base: &[u8], b: u8) -> Option<char> {
    const WIN_ANSI_80: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8d}Ž\u{8f}\u{90}‘’“”•–—˜™š›œ\u{9d}žŸ";
    match b {
        0..=0x1F => None,
        b'\'' if base == b"StandardEncoding" => Some('’'),
        b'`' if base == b"StandardEncoding" => Some('‘'),
        0x80..=0x9F => WIN_ANSI_80
            .chars()
            .nth(usize::from(b - 0x80))
            .filter(|c| !c.is_control()),
        _ => Some(char::from(b)),
    }
}

/// A glyph name's text: `uniXXXX`/`uXXXX[XX]`, a single character, or one of the names a
/// budget's figures and punctuation use (Adobe Glyph List); other names say nothing.
fn glyph_text(name: &[u8]) -> Option<String> {
    let name = std::str::from_utf8(name).ok()?;
    let name = name.split('.').next().unwrap_or(name);
    let hex = |h: &str| {
        u32::from_str_radix(h, 16)
            .ok()
            .and_then(char::from_u32)
            .map(String::from)
    };
    if let Some(h) = name.strip_prefix("uni").filter(|h| h.len() == 4) {
        return hex(h);
    }
    if let Some(h) = name
        .strip_prefix('u')
        .filter(|h| (4..=6).contains(&h.len()))
    {
        if let Some(t) = hex(h) {
            return Some(t);
        }
    }
    if name.chars().count() == 1 {
        return Some(name.to_owned());
    }
    const NAMES: [(&str, &str); 40] = [
        ("space", " "),
        ("zero", "0"),
        ("one", "1"),
        ("two", "2"),
        ("three", "3"),
        ("four", "4"),
        ("five", "5"),
        ("six", "6"),
        ("seven", "7"),
        ("eight", "8"),
        ("nine", "9"),
        ("period", "."),
        ("comma", ","),
        ("colon", ":"),
        ("semicolon", ";"),
        ("hyphen", "-"),
        ("minus", "−"),
        ("plus", "+"),
        ("percent", "%"),
        ("slash", "/"),
        ("parenleft", "("),
        ("parenright", ")"),
        ("bracketleft", "["),
        ("bracketright", "]"),
        ("quotesingle", "'"),
        ("quotedbl", "\""),
        ("quoteleft", "‘"),
        ("quoteright", "’"),
        ("quotedblleft", "“"),
        ("quotedblright", "”"),
        ("endash", "–"),
        ("emdash", "—"),
        ("ellipsis", "…"),
        ("periodcentered", "·"),
        ("bullet", "•"),
        ("asterisk", "*"),
        ("ampersand", "&"),
        ("equal", "="),
        ("underscore", "_"),
        ("numbersign", "#"),
    ];
    NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| (*t).to_owned())
}

/// An object with references followed (a reference to nothing is `null`).
pub fn deref<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    const NULL: &Object = &Object::Null;
    doc.dereference(object).map_or(NULL, |(_, o)| o)
}

/// A dictionary's entry, references followed.
pub fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key)
        .ok()
        .map(|o| deref(doc, o))
        .filter(|o| !matches!(o, Object::Null))
}

fn name(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<Vec<u8>> {
    get(doc, dict, key)
        .and_then(|o| o.as_name().ok())
        .map(<[u8]>::to_vec)
}

pub fn number(object: &Object) -> Option<f64> {
    match *object {
        Object::Integer(i) => Some(i as f64),
        Object::Real(r) => Some(f64::from(r)),
        _ => None,
    }
    .filter(|n| n.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names_give_their_text() {
        assert_eq!(glyph_text(b"uni4E2D").as_deref(), Some("中"));
        assert_eq!(glyph_text(b"u1D400").as_deref(), Some("\u{1D400}"));
        assert_eq!(glyph_text(b"seven").as_deref(), Some("7"));
        assert_eq!(glyph_text(b"period.alt").as_deref(), Some("."));
        assert_eq!(glyph_text(b"Q").as_deref(), Some("Q"));
        assert_eq!(glyph_text(b"g123"), None);
    }

    #[test]
    fn base_encodings_read_bytes() {
        assert_eq!(base_char(b"WinAnsiEncoding", b'7'), Some('7'));
        assert_eq!(base_char(b"WinAnsiEncoding", 0x93), Some('“'));
        assert_eq!(base_char(b"WinAnsiEncoding", 0x81), None);
        assert_eq!(base_char(b"StandardEncoding", b'\''), Some('’'));
        assert_eq!(base_char(b"", 0x0A), None);
    }

    fn font(codes: Codes) -> Font {
        Font {
            codes,
            to_unicode: FxHashMap::default(),
            fallback: Fallback::None,
            widths: FxHashMap::default(),
            default_width: 1000.0,
            scale: 0.001,
        }
    }

    #[test]
    fn strings_split_into_codes_as_the_encoding_says() {
        let split = |f: &Font, b: &[u8]| f.split(b).collect::<Vec<_>>();
        assert_eq!(
            split(&font(Codes::TwoBytes), &[0x4E, 0x2D, 0x00]),
            [(0x4E2D, 2), (0, 1)]
        );
        assert_eq!(
            split(&font(Codes::Gbk), b"1\xD6\xD0"),
            [(0x31, 1), (0xD6D0, 2)]
        );
        let ranges = Codes::Ranges(vec![(1, 0, 0x80), (2, 0x8140, 0xFEFE)]);
        assert_eq!(split(&font(ranges), b"A\xD6\xD0"), [(0x41, 1), (0xD6D0, 2)]);
    }

    #[test]
    fn predefined_chinese_cmaps_give_text_without_a_unicode_map() {
        let (codes, fallback) = named_cmap(b"GBK-EUC-H");
        let gbk = Font {
            fallback,
            ..font(codes)
        };
        assert_eq!(gbk.text(0xD6D0, 2), "中");
        let (codes, fallback) = named_cmap(b"UniGB-UCS2-H");
        let ucs2 = Font {
            fallback,
            ..font(codes)
        };
        assert_eq!(ucs2.text(0x4E2D, 2), "中");
        assert_eq!(named_cmap(b"Identity-H"), (Codes::TwoBytes, Fallback::None));
    }

    #[test]
    fn cid_widths_read_both_forms() {
        let doc = Document::with_version("1.7");
        let mut d = Dictionary::new();
        d.set(
            "W",
            vec![
                1.into(),
                vec![Object::from(500), Object::from(600)].into(),
                10.into(),
                12.into(),
                250.into(),
            ],
        );
        let w = cid_widths(&doc, &d);
        assert_eq!((w[&1], w[&2], w[&10], w[&12]), (500.0, 600.0, 250.0, 250.0));
        assert!(!w.contains_key(&13));
    }
}
