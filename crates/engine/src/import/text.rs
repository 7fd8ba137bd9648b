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

use std::borrow::Cow;

use super::error::{BinaryFormat, ImportError, ImportErrorKind};
use super::MAX_FILE_BYTES;
#[cfg(test)]
use crate::i18n::import::human_size;
use crate::model::source::{ImportNote, LegacyEncoding};

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

/// The length of the UTF-8 byte-order mark `bytes` start with: 3 or 0.
fn utf8_bom_len(bytes: &[u8]) -> usize {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    }
}

/// The check of a UTF-8 file, a piece at a time: is it valid UTF-8, and
/// how many NUL bytes, `\r` and `\r\n` does it hold. Pieces end on
/// character boundaries, and a `\r\n` split between two pieces is counted.
#[derive(Clone, Debug)]
pub(crate) struct Utf8Scan {
    start: usize,
    /// Checked up to here (absolute).
    pos: usize,
    nul: usize,
    cr: usize,
    crlf: usize,
    last_cr: bool,
}

/// Where a [`Utf8Scan`] stands after a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScanStep {
    More,
    Done,
    /// A byte sequence that is not UTF-8: the file is in another encoding.
    NotUtf8,
}

impl Utf8Scan {
    pub(crate) fn new(start: usize) -> Utf8Scan {
        Utf8Scan {
            start,
            pos: start,
            nul: 0,
            cr: 0,
            crlf: 0,
            last_cr: false,
        }
    }

    /// Bytes checked so far (absolute offset).
    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    /// Checks about `max` more bytes of `bytes` (the whole file).
    pub(crate) fn step(&mut self, bytes: &[u8], max: usize) -> ScanStep {
        self.step_in(bytes, max, true)
    }

    /// [`Utf8Scan::step`] over the bytes of a file that has arrived up to
    /// `bytes.len()` (`complete` when that is all of it): a character cut
    /// by the end of what has arrived waits for the rest, and the scan is
    /// never done before the file is complete.
    fn step_in(&mut self, bytes: &[u8], max: usize, complete: bool) -> ScanStep {
        let len = bytes.len();
        if self.pos >= len {
            return if complete {
                ScanStep::Done
            } else {
                ScanStep::More
            };
        }
        // Four bytes hold at least one whole character.
        let mut end = self.pos.saturating_add(max.max(4)).min(len);
        if let Err(e) = std::str::from_utf8(&bytes[self.pos..end]) {
            if e.error_len().is_some() || (end == len && complete) {
                return ScanStep::NotUtf8;
            }
            // A character cut by the end of the piece: stop before it.
            end = self.pos + e.valid_up_to();
        }
        let piece = &bytes[self.pos..end];
        let (nul, cr, crlf) = count_specials(piece);
        self.nul += nul;
        self.cr += cr;
        self.crlf += crlf + usize::from(self.last_cr && piece.first() == Some(&b'\n'));
        self.last_cr = piece.last() == Some(&b'\r');
        self.pos = end;
        if end == len && complete {
            ScanStep::Done
        } else {
            ScanStep::More
        }
    }

    /// Where the check starts: after a UTF-8 BOM, if any.
    pub(crate) fn start(&self) -> usize {
        self.start
    }

    fn counts(&self) -> (usize, usize, usize) {
        (self.nul, self.cr, self.crlf)
    }
}

/// The check of a UTF-8 file's bytes while they arrive, so that an import
/// of a file read as a stream can start with its bytes already checked:
/// the browser reads a large file in pieces over a tenth of a second or
/// more, time in which the page is otherwise idle.
///
/// Give [`ByteCheck::update`] the bytes that have arrived each time more
/// have, then hand the check to [`ImportJob::checked`](super::ImportJob::checked)
/// with the whole file. The job trusts it only for a file it would read as
/// UTF-8 from the same offset; anything else is checked again.
///
/// ```
/// use kaizala_engine::import::{ByteCheck, ImportJob, ImportOptions};
///
/// let file = "Subscription ID,Subscription,Quantity\na1,Microsoft Kaizala Pro,5\n臺北,x,1\n".as_bytes();
/// let mut check = ByteCheck::default();
/// let mut arrived = Vec::new();
/// for piece in file.chunks(7) {
///     arrived.extend_from_slice(piece);
///     check.update(&arrived);
/// }
/// assert_eq!(check.checked(), file.len());
/// let job = ImportJob::checked(arrived, ImportOptions::default(), check);
/// assert!(job.run().is_ok());
/// ```
#[derive(Clone, Debug, Default)]
pub struct ByteCheck {
    scan: Option<Utf8Scan>,
    /// A byte sequence that is not UTF-8 was met: nothing more to check.
    not_utf8: bool,
}

impl ByteCheck {
    /// Checks the bytes past those checked by earlier calls; `bytes` are
    /// all that have arrived, from the file's first byte.
    pub fn update(&mut self, bytes: &[u8]) {
        if self.not_utf8 {
            return;
        }
        let scan = match &mut self.scan {
            Some(scan) => scan,
            // The first three bytes say whether a BOM comes first.
            None if bytes.len() < 3 => return,
            None => self.scan.insert(Utf8Scan::new(utf8_bom_len(bytes))),
        };
        self.not_utf8 = scan.step_in(bytes, usize::MAX, false) == ScanStep::NotUtf8;
    }

    /// How many bytes from the file's start are checked (0 until three
    /// have arrived, and after a sequence that is not UTF-8).
    pub fn checked(&self) -> usize {
        match &self.scan {
            Some(scan) if !self.not_utf8 => scan.pos(),
            _ => 0,
        }
    }

    /// The scan to carry on from, if it can be for a file read as UTF-8
    /// from `start` of `len` bytes.
    pub(crate) fn into_scan(self, start: usize, len: usize) -> Option<Utf8Scan> {
        self.scan
            .filter(|s| !self.not_utf8 && s.start() == start && s.pos() <= len)
    }
}

/// The text of a UTF-8 file its [`Utf8Scan`] found valid to the end.
pub(crate) fn decoded_utf8<'a>(
    bytes: Cow<'a, [u8]>,
    scan: &Utf8Scan,
) -> Result<Decoded<'a>, ImportError> {
    let (start, encoding) = match scan.start {
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
enum Utf16 {
    Le,
    Be,
}

impl Utf16 {
    fn name(self) -> &'static str {
        match self {
            Utf16::Le => "UTF-16LE",
            Utf16::Be => "UTF-16BE",
        }
    }
}

fn utf16(b: &[u8], enc: Utf16, notes: &mut Vec<ImportNote>) -> Vec<u8> {
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
fn windows_1252(b: &[u8]) -> String {
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
fn bom_less_utf16(b: &[u8]) -> Option<Utf16> {
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
fn fallback(
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

/// Drops NUL bytes and turns lone `\r` into `\n`, given the body's counts
/// of NUL, `\r` and `\r\n`. Copies only if needed.
fn clean<'a>(
    text: Cow<'a, [u8]>,
    start: usize,
    (nuls, cr, crlf): (usize, usize, usize),
    notes: &mut Vec<ImportNote>,
) -> (Cow<'a, [u8]>, usize) {
    let body = text.get(start..).unwrap_or(&[]);
    let lone_cr = cr - crlf;
    if nuls == 0 && lone_cr == 0 {
        return (text, start);
    }
    if nuls > 0 {
        notes.push(ImportNote::NulBytesRemoved { count: nuls });
    }
    if lone_cr > 0 {
        let lf = body
            .iter()
            .filter(|c| **c == b'\n')
            .count()
            .saturating_sub(crlf);
        notes.push(if crlf == 0 && lf == 0 {
            ImportNote::ClassicMacLineEnds
        } else {
            ImportNote::MixedLineEnds { lone_cr }
        });
    }
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        match c {
            0 => {}
            b'\r' if body.get(i + 1) != Some(&b'\n') => out.push(b'\n'),
            _ => out.push(c),
        }
        i += 1;
    }
    (Cow::Owned(out), 0)
}

/// Counts NUL bytes, `\r` and `\r\n`. Runs over every byte of the file,
/// and most files have neither NUL nor lone `\r`, so it skips ahead to the
/// next special byte many bytes at a time: natively with `memchr` (vector
/// compares); in wasm32, where `memchr` has no SIMD and compares a 32-bit
/// word at a time (a tenth of the import's time there), sixteen bytes at a
/// time as two 64-bit words.
fn count_specials(b: &[u8]) -> (usize, usize, usize) {
    if cfg!(target_arch = "wasm32") {
        count_specials_by_words(b)
    } else {
        count_specials_by_memchr(b)
    }
}

fn count_specials_by_memchr(b: &[u8]) -> (usize, usize, usize) {
    let (mut nul, mut cr, mut crlf) = (0usize, 0usize, 0usize);
    for i in memchr::memchr2_iter(0, b'\r', b) {
        if b[i] == 0 {
            nul += 1;
        } else {
            cr += 1;
            crlf += usize::from(b.get(i + 1) == Some(&b'\n'));
        }
    }
    (nul, cr, crlf)
}

/// The first eight bytes of `b` as a little-endian word. Built byte by
/// byte, which compiles to one load; `copy_from_slice` was a call per word
/// in the size-optimised wasm, and so would a call to this function: it
/// is inlined always.
#[inline(always)]
pub(crate) fn word(b: &[u8]) -> u64 {
    u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
}

/// The high bit of each byte of `w` that equals `byte`, and no other bit:
/// exact, as no borrow runs from one byte into the next. Inlined always,
/// like [`word`].
#[inline(always)]
pub(crate) fn bytes_equal(w: u64, byte: u8) -> u64 {
    const LOWS: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let x = w ^ u64::from_le_bytes([byte; 8]);
    !(((x & LOWS) + LOWS) | x | LOWS)
}

/// Only words that hold a NUL or `\r` are looked at byte by byte.
fn count_specials_by_words(b: &[u8]) -> (usize, usize, usize) {
    let special = |w: u64| bytes_equal(w, 0) | bytes_equal(w, b'\r') != 0;
    let (mut nul, mut cr, mut crlf) = (0usize, 0usize, 0usize);
    let mut bytewise = |from: usize, to: usize| {
        for i in from..to {
            match b[i] {
                0 => nul += 1,
                b'\r' => {
                    cr += 1;
                    crlf += usize::from(b.get(i + 1) == Some(&b'\n'));
                }
                _ => {}
            }
        }
    };
    let whole = b.len() - b.len() % 16;
    let mut at = 0;
    while at < whole {
        if special(word(&b[at..at + 8])) || special(word(&b[at + 8..at + 16])) {
            bytewise(at, at + 16);
        }
        at += 16;
    }
    bytewise(whole, b.len());
    (nul, cr, crlf)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn refuses_huge_files_with_sizes() {
        assert_eq!(human_size(512 * 1024 * 1024), "512.0 MiB");
        assert_eq!(human_size(2048), "2.0 KiB");
        // The same text as `{:.1}`, ties included (1280 bytes is 1.25 KiB).
        for n in (1024..300_000).step_by(7).chain([1280, 1_310_720, 1 << 40]) {
            let expect = if n >= 1024 * 1024 {
                format!("{:.1} MiB", n as f64 / (1024.0 * 1024.0))
            } else {
                format!("{:.1} KiB", n as f64 / 1024.0)
            };
            assert_eq!(human_size(n), expect, "{n}");
        }
        assert!(human_size(u64::MAX).ends_with(" MiB"));
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
