/*!
NUL bytes and line ends: counting them fast (most files have neither NUL
nor lone `\r`), and cleaning them so that every line break is a `\n`.
*/

use std::borrow::Cow;

use crate::model::source::ImportNote;

/// Drops NUL bytes and turns lone `\r` into `\n`, given the body's counts
/// of NUL, `\r` and `\r\n`. Copies only if needed.
pub(super) fn clean<'a>(
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
pub(super) fn count_specials(b: &[u8]) -> (usize, usize, usize) {
    if cfg!(target_arch = "wasm32") {
        count_specials_by_words(b)
    } else {
        count_specials_by_memchr(b)
    }
}

pub(super) fn count_specials_by_memchr(b: &[u8]) -> (usize, usize, usize) {
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
pub(super) fn count_specials_by_words(b: &[u8]) -> (usize, usize, usize) {
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
