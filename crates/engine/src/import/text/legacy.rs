/*!
The encodings that are not UTF-8: UTF-16 with or without a byte-order
mark, and the Windows code pages Excel's plain "CSV" writes (Big5 on
Traditional Chinese Windows, Windows-1252 on Western ones).
*/

use crate::model::source::{ImportNote, LegacyEncoding};

/// Decodes Big5 bytes strictly: `None` if any byte sequence is not Big5.
///
/// The engine decodes UTF-8, UTF-16 and Windows-1252 itself. Big5 needs a
/// table of some 14,000 characters: natively the engine uses encoding_rs;
/// in the browser, whose own `TextDecoder` has the table, the app passes
/// one in (`ImportOptions::big5_decoder`), which keeps every legacy
/// encoding table out of the page's WebAssembly.
#[derive(Clone, Copy)]
pub struct Big5Decoder(pub fn(&[u8]) -> Option<String>);

// A decoder is a capability of the place the engine runs in, not part of
// what was asked: any two compare equal, so options compare by their data.
impl PartialEq for Big5Decoder {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Big5Decoder {}

impl std::fmt::Debug for Big5Decoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Big5Decoder")
    }
}

/// Big5 with encoding_rs, the default outside the browser.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn default_big5(b: &[u8]) -> Option<String> {
    encoding_rs::BIG5
        .decode_without_bom_handling_and_without_replacement(b)
        .map(std::borrow::Cow::into_owned)
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Utf16 {
    Le,
    Be,
}

impl Utf16 {
    pub(super) fn name(self) -> &'static str {
        match self {
            Utf16::Le => "UTF-16LE",
            Utf16::Be => "UTF-16BE",
        }
    }
}

pub(super) fn utf16(b: &[u8], enc: Utf16, notes: &mut Vec<ImportNote>) -> Vec<u8> {
    let units = b.chunks_exact(2).map(|p| match enc {
        Utf16::Le => u16::from_le_bytes([p[0], p[1]]),
        Utf16::Be => u16::from_be_bytes([p[0], p[1]]),
    });
    let mut had_errors = false;
    let mut text = String::with_capacity(b.len() / 2 + b.len() / 8);
    for c in char::decode_utf16(units) {
        text.push(c.unwrap_or_else(|_| {
            had_errors = true;
            char::REPLACEMENT_CHARACTER
        }));
    }
    if had_errors {
        notes.push(ImportNote::InvalidUtf16 {
            encoding: enc.name(),
        });
    }
    if b.len() % 2 == 1 {
        notes.push(ImportNote::HalfUtf16Character);
    }
    text.into_bytes()
}

/// Windows-1252: Latin-1 but for 0x80–0x9F, which hold typographic
/// characters (the five unassigned bytes map to the C1 controls of the
/// same value, as browsers do).
pub(super) fn windows_1252(b: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    b.iter()
        .map(|&c| match c {
            0x80..=0x9F => HIGH[usize::from(c - 0x80)],
            _ => char::from(c),
        })
        .collect()
}

/// UTF-16 without a BOM: in ASCII-heavy text every other byte is NUL.
pub(super) fn bom_less_utf16(b: &[u8]) -> Option<Utf16> {
    let sample = &b[..b.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|c| **c == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|c| **c == 0)
        .count();
    if odd_nul * 10 >= pairs * 4 && even_nul * 20 <= pairs {
        Some(Utf16::Le)
    } else if even_nul * 10 >= pairs * 4 && odd_nul * 20 <= pairs {
        Some(Utf16::Be)
    } else {
        None
    }
}

/// Not UTF-8: Excel's plain "CSV" writes the Windows code page. Big5 on
/// Traditional Chinese Windows, Windows-1252 on Western ones. Big5 is
/// chosen only when it decodes cleanly and the high bytes come in pairs
/// (as double-byte characters do); a lone `é` or `ü` between ASCII
/// letters is Windows-1252.
pub(super) fn fallback(
    b: &[u8],
    valid_up_to: usize,
    big5: Option<Big5Decoder>,
    notes: &mut Vec<ImportNote>,
) -> (Vec<u8>, usize, &'static str) {
    let line = 1 + b[..valid_up_to.min(b.len())]
        .iter()
        .filter(|c| **c == b'\n')
        .count();
    // Double-byte characters: a lead byte 0x81-0xFE and a trail byte.
    // Chinese text has them in runs (names are two or more characters);
    // a Western accent is a lone "pair" between ASCII letters.
    let (mut in_runs, mut isolated, mut run) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while i < b.len() {
        let lead = b[i];
        let trail = b.get(i + 1).copied().unwrap_or(0);
        if (0x81..=0xFE).contains(&lead)
            && ((0x40..=0x7E).contains(&trail) || (0xA1..=0xFE).contains(&trail))
        {
            run += 1;
            i += 2;
            continue;
        }
        match run {
            0 => {}
            1 => isolated += 1,
            n => in_runs += n,
        }
        run = 0;
        i += 1;
    }
    match run {
        0 => {}
        1 => isolated += 1,
        n => in_runs += n,
    }
    let looks_big5 = in_runs > 0 && in_runs * 10 >= (in_runs + isolated) * 7;
    #[cfg(not(target_arch = "wasm32"))]
    let big5 = big5.or(Some(Big5Decoder(default_big5)));
    let big5_text = if looks_big5 {
        big5.and_then(|decode| (decode.0)(b))
    } else {
        None
    };
    if looks_big5 && big5.is_none() {
        notes.push(ImportNote::Big5Unavailable);
    }
    let (label, encoding) = if big5_text.is_some() {
        ("Big5", LegacyEncoding::Big5)
    } else {
        ("windows-1252", LegacyEncoding::Windows1252)
    };
    notes.push(ImportNote::NotUtf8 {
        line: line as u64,
        encoding,
    });
    let text = big5_text.unwrap_or_else(|| windows_1252(b));
    (text.into_bytes(), 0, label)
}
