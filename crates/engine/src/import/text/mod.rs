/*!
Stage one: file bytes → UTF-8 text the CSV reader can walk.

In order: refuse files that are too large or empty, recognise binary files
renamed to `.csv` (and say how to get a CSV out of them), decode the text
(UTF-8 with or without BOM, UTF-16 LE/BE with a BOM or obvious from its NUL
bytes, else Big5 or Windows-1252 for files saved by Excel's plain "CSV"),
drop NUL bytes and turn lone carriage returns into line feeds so that
every line break is a `\n` and line numbers mean what an editor shows.

Valid UTF-8 (the common case) is not copied: the original buffer is kept
and the BOM skipped by offset.
*/

mod legacy;
mod scan;
mod specials;

use std::borrow::Cow;

pub use self::legacy::Big5Decoder;
use self::legacy::{bom_less_utf16, fallback, utf16, Utf16};
use self::scan::utf8_bom_len;
pub use self::scan::ByteCheck;
pub(crate) use self::scan::{ScanStep, Utf8Scan};
pub(crate) use self::specials::{bytes_equal, word};
use self::specials::{clean, count_specials};

use super::error::{BinaryFormat, ImportError, ImportErrorKind};
use super::MAX_FILE_BYTES;
use crate::model::source::ImportNote;

/// The decoded text and how it was obtained.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    /// Valid UTF-8 from `start` on, line breaks `\n` or `\r\n`, no NUL.
    /// Borrowed from the input when it was clean UTF-8 already.
    pub(crate) text: Cow<'a, [u8]>,
    /// Where the text starts in `text` (after a UTF-8 BOM).
    pub(crate) start: usize,
    pub(crate) encoding: &'static str,
    pub(crate) notes: Vec<ImportNote>,
}

/// What a file's first bytes say about how to read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Route {
    /// UTF-8 unless its bytes say otherwise: they are checked from `start`
    /// (after a BOM) by a [`Utf8Scan`], a piece at a time if need be.
    Utf8 { start: usize },
    /// UTF-16, by its BOM or its NUL bytes: converted as a whole by [`decode`].
    Utf16,
}

/// Refuses what cannot be a text export (too large, empty, a known binary
/// format) and says how to read the rest.
pub(crate) fn route(bytes: &[u8]) -> Result<Route, ImportError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        }
        .into());
    }
    if bytes.is_empty() {
        return Err(ImportErrorKind::Empty.into());
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(ImportErrorKind::Binary(what).into());
    }
    let bom = utf8_bom_len(bytes);
    Ok(if bom > 0 {
        Route::Utf8 { start: bom }
    } else if bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || bom_less_utf16(bytes).is_some()
    {
        Route::Utf16
    } else {
        Route::Utf8 { start: 0 }
    })
}

/// The text of a UTF-8 file its [`Utf8Scan`] found valid to the end.
pub(crate) fn decoded_utf8<'a>(
    bytes: Cow<'a, [u8]>,
    scan: &Utf8Scan,
) -> Result<Decoded<'a>, ImportError> {
    let (start, encoding) = match scan.start() {
        0 => (0, "UTF-8"),
        s => (s, "UTF-8 (with BOM)"),
    };
    finish(bytes, start, encoding, Vec::new(), Some(scan.counts()))
}

/// Decodes a whole file. Fails only for files that are not text at all.
pub(crate) fn decode(
    bytes: Cow<'_, [u8]>,
    big5: Option<Big5Decoder>,
) -> Result<Decoded<'_>, ImportError> {
    let mut notes = Vec::new();
    let (text, start, encoding): (Cow<'_, [u8]>, usize, &'static str) = match route(&bytes)? {
        Route::Utf8 { start } => {
            let mut scan = Utf8Scan::new(start);
            if scan.step(&bytes, usize::MAX) == ScanStep::Done {
                return decoded_utf8(bytes, &scan);
            }
            let b = &bytes[start..];
            let valid_up_to = std::str::from_utf8(b)
                .err()
                .map_or(b.len(), |e| e.valid_up_to());
            owned(fallback(b, valid_up_to, big5, &mut notes))
        }
        Route::Utf16 => {
            if bytes.starts_with(&[0xFF, 0xFE]) {
                (
                    Cow::Owned(utf16(&bytes[2..], Utf16::Le, &mut notes)),
                    0,
                    "UTF-16LE",
                )
            } else if bytes.starts_with(&[0xFE, 0xFF]) {
                (
                    Cow::Owned(utf16(&bytes[2..], Utf16::Be, &mut notes)),
                    0,
                    "UTF-16BE",
                )
            } else {
                let enc = bom_less_utf16(&bytes).unwrap_or(Utf16::Le);
                notes.push(ImportNote::Utf16WithoutBom {
                    encoding: enc.name(),
                });
                (Cow::Owned(utf16(&bytes, enc, &mut notes)), 0, enc.name())
            }
        }
    };
    finish(text, start, encoding, notes, None)
}

/// What every decoding ends with: a file of nothing but a BOM, or of
/// control characters, is refused; NUL bytes and lone `\r` are cleaned.
/// `counts` are the text's NUL, `\r` and `\r\n` counts when known.
fn finish<'a>(
    text: Cow<'a, [u8]>,
    start: usize,
    encoding: &'static str,
    mut notes: Vec<ImportNote>,
    counts: Option<(usize, usize, usize)>,
) -> Result<Decoded<'a>, ImportError> {
    let body = text.get(start..).unwrap_or(&[]);
    if body.is_empty() {
        return Err(if start > 0 || encoding.starts_with("UTF-16") {
            ImportErrorKind::OnlyByteOrderMark
        } else {
            ImportErrorKind::NoText
        }
        .into());
    }
    if looks_binary(body) {
        return Err(ImportErrorKind::ControlCharacters.into());
    }
    let counts = counts.unwrap_or_else(|| count_specials(body));
    let (text, start) = clean(text, start, counts, &mut notes);
    Ok(Decoded {
        text,
        start,
        encoding,
        notes,
    })
}

/// The English message for a file of `len` bytes, over [`MAX_FILE_BYTES`].
pub fn size_limit_message(len: u64) -> String {
    ImportErrorKind::TooLarge {
        size: len,
        limit: MAX_FILE_BYTES,
    }
    .to_string()
}

fn owned<'a>(
    (text, start, enc): (Vec<u8>, usize, &'static str),
) -> (Cow<'a, [u8]>, usize, &'static str) {
    (Cow::Owned(text), start, enc)
}

/// Recognises binary formats by their magic numbers.
fn binary_kind(b: &[u8]) -> Option<BinaryFormat> {
    Some(
        if b.starts_with(b"PK\x03\x04") || b.starts_with(b"PK\x05\x06") {
            BinaryFormat::Zip
        } else if b.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            BinaryFormat::OldOffice
        } else if b.starts_with(b"%PDF") {
            BinaryFormat::Pdf
        } else if b.starts_with(b"\x89PNG") {
            BinaryFormat::Png
        } else if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
            BinaryFormat::Jpeg
        } else if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
            BinaryFormat::Gif
        } else if b.starts_with(b"{\\rtf") {
            BinaryFormat::Rtf
        } else {
            return None;
        },
    )
}

fn looks_binary(b: &[u8]) -> bool {
    let sample = &b[..b.len().min(8192)];
    let control = sample
        .iter()
        .filter(|c| **c < 0x20 && !matches!(**c, b'\t' | b'\n' | b'\r' | 0x0C) && **c != 0)
        .count();
    let nul = sample.iter().filter(|c| **c == 0).count();
    // A sprinkling of odd bytes is a damaged text file; a tenth is binary.
    control * 10 > sample.len() || nul * 4 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::legacy::*;
    use super::specials::*;
    use super::*;
    use crate::model::source::LegacyEncoding;

    fn err(b: &[u8]) -> ImportErrorKind {
        decode(Cow::Borrowed(b), None).unwrap_err().into_kind()
    }

    #[test]
    fn refuses_empty_and_bom_only() {
        assert_eq!(err(b""), ImportErrorKind::Empty);
        assert_eq!(err(&[0xEF, 0xBB, 0xBF]), ImportErrorKind::OnlyByteOrderMark);
        assert_eq!(err(&[0xFF, 0xFE]), ImportErrorKind::OnlyByteOrderMark);
    }

    #[test]
    fn names_binary_formats() {
        let binary = ImportErrorKind::Binary;
        assert_eq!(err(b"PK\x03\x04rest"), binary(BinaryFormat::Zip));
        assert!(err(b"PK\x03\x04rest")
            .to_string()
            .contains("File > Save As"));
        assert_eq!(
            err(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
            binary(BinaryFormat::OldOffice)
        );
        assert_eq!(err(b"%PDF-1.7\n"), binary(BinaryFormat::Pdf));
        assert_eq!(err(b"\x89PNG\r\n\x1a\n"), binary(BinaryFormat::Png));
        assert_eq!(err(&[0xFF, 0xD8, 0xFF, 0xE0]), binary(BinaryFormat::Jpeg));
        assert_eq!(err(b"GIF89a"), binary(BinaryFormat::Gif));
        assert_eq!(err(b"{\\rtf1 x"), binary(BinaryFormat::Rtf));
        assert_eq!(
            err(&[1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3]),
            ImportErrorKind::ControlCharacters
        );
        assert!(err(&[1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3])
            .to_string()
            .contains("does not look like text"));
    }

    #[test]
    fn decodes_utf8_without_copy() {
        let d = decode(Cow::Borrowed(b"\xEF\xBB\xBFa,b\n1,2\n"), None).unwrap();
        assert_eq!(d.start, 3);
        assert_eq!(&d.text[d.start..], b"a,b\n1,2\n");
        assert_eq!(d.encoding, "UTF-8 (with BOM)");
    }

    #[test]
    fn decodes_utf16_with_and_without_bom() {
        let s = "名稱,數量\r\n甲,1\r\n";
        let le: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = s.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let mut le_bom = vec![0xFF, 0xFE];
        le_bom.extend(&le);
        let mut be_bom = vec![0xFE, 0xFF];
        be_bom.extend(&be);
        for (bytes, enc) in [(le_bom, "UTF-16LE"), (be_bom, "UTF-16BE")] {
            let d = decode(Cow::Owned(bytes), None).unwrap();
            assert_eq!(d.encoding, enc);
            assert_eq!(std::str::from_utf8(&d.text[d.start..]).unwrap(), s);
        }
        let ascii = "a,b\r\n1,2\r\n";
        let le: Vec<u8> = ascii.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = decode(Cow::Owned(le), None).unwrap();
        assert_eq!(d.encoding, "UTF-16LE");
        assert_eq!(&d.text[d.start..], ascii.as_bytes());
    }

    // encoding_rs is a native-only dependency.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn falls_back_to_windows_1252_or_big5() {
        let d = decode(Cow::Borrowed(b"name\nM\xfcller GmbH\n"), None).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(&d.text[d.start..], "name\nMüller GmbH\n".as_bytes());
        assert_eq!(
            d.notes[0],
            ImportNote::NotUtf8 {
                line: 2,
                encoding: LegacyEncoding::Windows1252
            }
        );
        let (big5, _, _) = encoding_rs::BIG5.encode("名稱\n國立臺灣大學\n");
        let d = decode(Cow::Owned(big5.into_owned()), None).unwrap();
        assert_eq!(d.encoding, "Big5");
        assert_eq!(&d.text[d.start..], "名稱\n國立臺灣大學\n".as_bytes());
    }

    #[test]
    fn cleans_nul_and_lone_cr() {
        let d = decode(Cow::Borrowed(b"a,b\r1,2\r3,\x004\r"), None).unwrap();
        assert_eq!(&d.text[d.start..], b"a,b\n1,2\n3,4\n");
        assert_eq!(d.notes.len(), 2);
        let d = decode(Cow::Borrowed(b"a,b\r\n1,2\r\n"), None).unwrap();
        assert_eq!(&d.text[d.start..], b"a,b\r\n1,2\r\n");
        assert!(d.notes.is_empty());
    }

    #[test]
    fn counts_specials_across_chunks() {
        let mut b = vec![b'x'; 1000];
        b[254] = b'\r';
        b[255] = b'\n';
        b[600] = b'\r';
        b[700] = 0;
        b[999] = b'\r';
        assert_eq!(count_specials(&b), (1, 3, 1));
        assert_eq!(count_specials(b""), (0, 0, 0));
    }

    proptest::proptest! {
        /// Byte by byte, as the word-wide test must agree with: specials at
        /// every offset of a word, at a word's edge, and in the tail.
        #[test]
        fn counts_specials_as_each_byte_would(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![0u8, b'\r', b'\n', b'x', 0x0C, 0x0E, 0x8D, 0xFF]),
                0..80,
            )
        ) {
            let nul = bytes.iter().filter(|&&b| b == 0).count();
            let cr = bytes.iter().filter(|&&b| b == b'\r').count();
            let crlf = bytes.windows(2).filter(|w| w == b"\r\n").count();
            proptest::prop_assert_eq!(count_specials_by_words(&bytes), (nul, cr, crlf));
            proptest::prop_assert_eq!(count_specials_by_memchr(&bytes), (nul, cr, crlf));
        }
    }

    #[test]
    fn a_scan_in_pieces_sees_what_a_whole_scan_sees() {
        let text = "a,臺北\r\nb,\u{0}x\rc,𝄞\r\n\r".as_bytes().to_vec();
        let mut latin1 = text.clone();
        latin1.insert(7, 0xE9);
        for bytes in [text, latin1] {
            let mut whole = Utf8Scan::new(0);
            let whole_step = whole.step(&bytes, usize::MAX);
            for max in 1..bytes.len() + 2 {
                let mut scan = Utf8Scan::new(0);
                let last = loop {
                    match scan.step(&bytes, max) {
                        ScanStep::More => assert!(scan.pos() < bytes.len()),
                        end => break end,
                    }
                };
                assert_eq!(last, whole_step, "pieces of {max}");
                if last == ScanStep::Done {
                    assert_eq!(scan.counts(), whole.counts(), "pieces of {max}");
                    assert_eq!(scan.counts(), count_specials(&bytes));
                }
            }
        }
    }

    // encoding_rs is a native-only dependency.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn windows_1252_and_utf16_match_encoding_rs() {
        let all: Vec<u8> = (0..=255u8).collect();
        let (expected, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&all);
        assert_eq!(windows_1252(&all), expected);
        let text = "Kaizala 國立臺灣大學 😀\r\n";
        for (enc, rs) in [
            (Utf16::Le, encoding_rs::UTF_16LE),
            (Utf16::Be, encoding_rs::UTF_16BE),
        ] {
            let bytes: Vec<u8> = text
                .encode_utf16()
                .flat_map(|u| {
                    if enc == Utf16::Le {
                        u.to_le_bytes()
                    } else {
                        u.to_be_bytes()
                    }
                })
                .collect();
            let mut notes = Vec::new();
            assert_eq!(
                String::from_utf8(utf16(&bytes, enc, &mut notes)).unwrap(),
                text
            );
            assert!(notes.is_empty());
            // A lone surrogate becomes U+FFFD, as encoding_rs has it.
            let mut bad = bytes.clone();
            bad.extend(if enc == Utf16::Le {
                [0x00, 0xD8]
            } else {
                [0xD8, 0x00]
            });
            let (want, _) = rs.decode_without_bom_handling(&bad);
            assert_eq!(
                String::from_utf8(utf16(&bad, enc, &mut notes)).unwrap(),
                want
            );
        }
    }
}
