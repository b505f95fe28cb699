//! Bytes → text. Government pages come as UTF-8, UTF-16 (Word exports) or GBK/GB18030.

use serde::{Deserialize, Serialize};

/// The character encoding a document was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encoding {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "utf-8-bom")]
    Utf8Bom,
    #[serde(rename = "utf-16le")]
    Utf16Le,
    #[serde(rename = "utf-16be")]
    Utf16Be,
    #[serde(rename = "gb18030")]
    Gb18030,
    /// The text layer of a PDF, laid out with its columns aligned ([`crate::pdf`]).
    #[serde(rename = "pdf")]
    Pdf,
}

impl Encoding {
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
            Encoding::Pdf => "pdf",
        }
    }
}

/// Why bytes could not be turned into a disclosure's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    /// NUL bytes or control characters: a binary file was dropped by mistake.
    Binary,
    /// A PDF (`%PDF-`) where no PDF reader is built in: the page hands it to its PDF module.
    Pdf,
    /// A PDF that gave no text: encrypted, scanned, damaged, too large.
    PdfProblem(crate::pdf::PdfProblem),
    /// A Word or Excel file (a ZIP container: `.docx`, `.xlsx`).
    Office,
    /// Neither valid UTF-8 nor decodable as GB18030 without replacement characters.
    UnknownEncoding,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let DecodeError::PdfProblem(p) = self {
            return p.fmt(f);
        }
        f.write_str(match self {
            DecodeError::PdfProblem(_) => "",
            DecodeError::Empty => "输入为空 (the input is empty)",
            DecodeError::Binary => "输入看起来是二进制文件，而不是文本 (the input looks like a binary file, not text)",
            DecodeError::Pdf => "这是 PDF 文件，此处没有内置 PDF 读取：请在 PDF 阅读器中全选、复制文字后粘贴 (this is a PDF and no PDF reader is built in here: copy its text out of a PDF viewer and paste it)",
            DecodeError::Office => "这是 Word 或 Excel 文件，不能直接读取：请打开后全选、复制表格和文字后粘贴，或另存为网页（.html）(this is a Word or Excel file: copy its text and tables and paste them, or save it as a web page)",
            DecodeError::UnknownEncoding => {
                "无法识别文本编码：既不是 UTF-8/UTF-16，也不是 GBK/GB18030 (unrecognised text encoding)"
            }
        })
    }
}

impl std::error::Error for DecodeError {}

/// Decodes bytes, preferring a BOM, then strict UTF-8, then GB18030.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    decode_with(bytes, decode_gb18030)
}

/// [`decode`] with another strict GB18030 decoder (`None` on any malformed sequence): the page
/// uses the browser's `TextDecoder` and leaves encoding_rs's tables out of the wasm.
pub fn decode_with(
    bytes: &[u8],
    gb18030: impl Fn(&[u8]) -> Option<String>,
) -> Result<(String, Encoding), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        let text = String::from_utf8(rest.to_vec()).map_err(|_| DecodeError::UnknownEncoding)?;
        return checked(text, Encoding::Utf8Bom);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return checked(decode_utf16(rest, u16::from_le_bytes)?, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return checked(decode_utf16(rest, u16::from_be_bytes)?, Encoding::Utf16Be);
    }
    if is_pdf(bytes) {
        return read_pdf(bytes);
    }
    if looks_binary(bytes) {
        return Err(container(bytes).unwrap_or(DecodeError::Binary));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => checked(text.to_owned(), Encoding::Utf8),
        Err(_) => checked(
            gb18030(bytes).ok_or(DecodeError::UnknownEncoding)?,
            Encoding::Gb18030,
        ),
    }
}

#[cfg(feature = "pdf")]
fn read_pdf(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    crate::pdf::to_text(bytes)
        .map(|text| (text, Encoding::Pdf))
        .map_err(DecodeError::PdfProblem)
}

#[cfg(not(feature = "pdf"))]
fn read_pdf(_bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    Err(DecodeError::Pdf)
}

fn decode_utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::UnknownEncoding);
    }
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| DecodeError::UnknownEncoding)
}

#[cfg(feature = "gbk")]
fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    (!had_errors).then(|| text.into_owned())
}

#[cfg(not(feature = "gbk"))]
fn decode_gb18030(_bytes: &[u8]) -> Option<String> {
    None
}

/// Whether the bytes are a PDF (`%PDF-` first, after any white space).
pub fn is_pdf(bytes: &[u8]) -> bool {
    container(bytes) == Some(DecodeError::Pdf)
}

/// A file format people drop by mistake for text, known by its first bytes.
fn container(bytes: &[u8]) -> Option<DecodeError> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let head = &bytes[start..];
    if head.starts_with(b"%PDF-") {
        Some(DecodeError::Pdf)
    } else if head.starts_with(b"PK\x03\x04") {
        Some(DecodeError::Office)
    } else {
        None
    }
}

/// NUL bytes or many C0 controls (other than tab/newline/CR/FF) mean a binary file.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)))
        .count();
    sample.contains(&0) || controls * 100 > sample.len()
}

fn checked(text: String, enc: Encoding) -> Result<(String, Encoding), DecodeError> {
    if text.trim().is_empty() {
        Err(DecodeError::Empty)
    } else if text.contains('\0') {
        Err(DecodeError::Binary)
    } else {
        Ok((text, enc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("收入".as_bytes()).unwrap(),
            ("收入".into(), Encoding::Utf8)
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("收入".as_bytes());
        assert_eq!(decode(&bom).unwrap(), ("收入".into(), Encoding::Utf8Bom));
    }

    #[test]
    fn utf16_both_orders() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("合计".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le).unwrap(), ("合计".into(), Encoding::Utf16Le));
        let mut be = vec![0xFE, 0xFF];
        be.extend("合计".encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode(&be).unwrap(), ("合计".into(), Encoding::Utf16Be));
    }

    #[test]
    fn gbk_bytes() {
        // "部门预算" in GBK.
        let gbk = [0xB2, 0xBF, 0xC3, 0xC5, 0xD4, 0xA4, 0xCB, 0xE3];
        assert_eq!(
            decode(&gbk).unwrap(),
            ("部门预算".into(), Encoding::Gb18030)
        );
    }

    #[test]
    fn another_gb18030_decoder_is_used_only_when_utf8_fails() {
        let gbk = [0xB2, 0xBF, 0xC3, 0xC5];
        let none = |_: &[u8]| None;
        assert_eq!(decode_with(&gbk, none), Err(DecodeError::UnknownEncoding));
        let fixed = |_: &[u8]| Some("部门".to_string());
        assert_eq!(
            decode_with(&gbk, fixed),
            Ok(("部门".into(), Encoding::Gb18030))
        );
        assert_eq!(
            decode_with("收入".as_bytes(), fixed),
            Ok(("收入".into(), Encoding::Utf8))
        );
    }

    #[test]
    fn rejects_binary_and_empty() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"  \n"), Err(DecodeError::Empty));
        assert_eq!(
            decode(&[0x89, b'P', b'N', b'G', 0, 0, 0, 13]),
            Err(DecodeError::Binary)
        );
    }
}
