/*!
Checklist progress: which steps are ticked and the notes written, per import.

Progress is keyed by a fingerprint of the imported file's bytes, so the
ticks of one export are never applied to another, even one with the same
name. It is stored by the web app (localStorage) as JSON; reading it back
treats the stored text as untrusted and drops what does not fit.
*/

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The longest note kept per customer; longer notes are cut at a character
/// boundary.
pub(crate) const MAX_NOTE_CHARS: usize = 4000;

/// Ticks and notes of one import.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// `customer key` + `/` + `step id`, for each ticked step.
    #[serde(default)]
    pub ticked: BTreeSet<String>,
    /// Free-text note per customer key.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    /// The day each ticked step was ticked, by the same key as `ticked`;
    /// progress stored before dates were kept has none.
    #[serde(default)]
    pub ticked_on: BTreeMap<String, NaiveDate>,
}

impl Progress {
    fn tick_key(customer: &str, step: &str) -> String {
        format!("{customer}/{step}")
    }

    /// Whether step `step` of the customer with key `customer` is ticked.
    pub fn is_ticked(&self, customer: &str, step: &str) -> bool {
        self.ticked.contains(&Self::tick_key(customer, step))
    }

    /// Ticks (`on`) or unticks a customer's step.
    pub fn set_ticked(&mut self, customer: &str, step: &str, on: bool) {
        let key = Self::tick_key(customer, step);
        if on {
            self.ticked.insert(key);
        } else {
            self.ticked_on.remove(&key);
            self.ticked.remove(&key);
        }
    }

    /// Ticks a customer's step and remembers `day` as the day it was done
    /// (the caller's today: the engine reads no clock).
    pub fn tick_on(&mut self, customer: &str, step: &str, day: NaiveDate) {
        let key = Self::tick_key(customer, step);
        self.ticked_on.insert(key.clone(), day);
        self.ticked.insert(key);
    }

    /// The day a ticked step was done, when it was ticked with a date.
    pub fn ticked_on(&self, customer: &str, step: &str) -> Option<NaiveDate> {
        if !self.is_ticked(customer, step) {
            return None;
        }
        self.ticked_on.get(&Self::tick_key(customer, step)).copied()
    }

    /// The customer's ticked steps, each with the day it was done when
    /// known: what a shared or printed page shows as done.
    pub fn done_steps(&self, customer: &str) -> BTreeMap<String, Option<NaiveDate>> {
        let prefix = format!("{customer}/");
        self.ticked
            .iter()
            .filter_map(|k| k.strip_prefix(&prefix).map(|step| (k, step)))
            .map(|(k, step)| (step.to_string(), self.ticked_on.get(k).copied()))
            .collect()
    }

    /// The customer's note; empty when there is none.
    pub fn note(&self, customer: &str) -> &str {
        self.notes.get(customer).map(String::as_str).unwrap_or("")
    }

    /// Sets the customer's note, cut to 4000 characters; a blank note is
    /// removed rather than stored.
    pub fn set_note(&mut self, customer: &str, text: &str) {
        let text: String = text.chars().take(MAX_NOTE_CHARS).collect();
        if text.trim().is_empty() {
            self.notes.remove(customer);
        } else {
            self.notes.insert(customer.to_string(), text);
        }
    }

    /// Number of ticked steps among `steps` of a customer.
    pub fn done(&self, customer: &str, steps: &[&str]) -> usize {
        steps.iter().filter(|s| self.is_ticked(customer, s)).count()
    }

    /// The JSON that [`Progress::from_json`] reads back.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string())
    }

    /// Reads stored progress; `None` when the text is not progress at all
    /// (corrupted storage), so the caller can say so instead of guessing.
    pub fn from_json(text: &str) -> Option<Progress> {
        // Progress is stored as an object; serde would also take the
        // members in a list (`[]` as empty progress), which only damaged
        // storage holds.
        if !text.trim_start().starts_with('{') {
            return None;
        }
        let mut p: Progress = serde_json::from_str(text).ok()?;
        let ticked = &p.ticked;
        p.ticked_on.retain(|k, _| ticked.contains(k));
        p.notes.retain(|_, v| !v.trim().is_empty());
        for v in p.notes.values_mut() {
            if v.chars().count() > MAX_NOTE_CHARS {
                *v = v.chars().take(MAX_NOTE_CHARS).collect();
            }
        }
        Some(p)
    }
}

/// A stable fingerprint of an import's bytes, used as the storage key: a
/// 64-bit hash in hex, then the length, as `2.<hash>-<length>`. Not a
/// security measure: it only tells files apart.
///
/// The hash reads the bytes a word at a time in four independent lanes,
/// so a 50 MB file takes milliseconds in wasm, where the byte-at-a-time
/// FNV-1a of the first version ([`legacy_fingerprint`]) took about 60 ms.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut f = Fingerprinter::default();
    f.update(bytes);
    f.finish()
}

/// The fingerprint the first version stored progress under (64-bit FNV-1a
/// in hex, then the length). Only computed to carry progress stored under
/// it over to [`fingerprint`] (see the web app's storage).
pub fn legacy_fingerprint(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}-{}", bytes.len())
}

/// Whether `key` has the form of a [`legacy_fingerprint`] of `len` bytes.
pub fn is_legacy_fingerprint(key: &str, len: u64) -> bool {
    key.split_once('-').is_some_and(|(hash, n)| {
        hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) && n == len.to_string()
    })
}

const BLOCK: usize = 32;
/// An odd constant with well-mixed bits (2^64 / golden ratio).
const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// [`fingerprint`] a piece at a time, so that hashing a large file can be
/// spread over several slices of work in the browser. Gives the same
/// string as `fingerprint` over the pieces joined.
#[derive(Clone, Debug)]
pub struct Fingerprinter {
    lanes: [u64; 4],
    /// Bytes not yet making a whole block.
    tail: [u8; BLOCK],
    tail_len: usize,
    len: u64,
}

impl Default for Fingerprinter {
    fn default() -> Self {
        Fingerprinter {
            lanes: [K, K.rotate_left(16), K.rotate_left(32), K.rotate_left(48)],
            tail: [0; BLOCK],
            tail_len: 0,
            len: 0,
        }
    }
}

impl Fingerprinter {
    // Each word is built from its eight bytes at fixed offsets of the
    // block, which compiles to one load: the 8-byte `copy_from_slice` and
    // the zipped iterators were calls of their own in the size-optimised
    // wasm, where this runs over every byte of a file.
    #[inline(always)]
    fn block(&mut self, block: &[u8; BLOCK]) {
        for (i, lane) in self.lanes.iter_mut().enumerate() {
            let b = i * 8;
            let w = u64::from_le_bytes([
                block[b],
                block[b + 1],
                block[b + 2],
                block[b + 3],
                block[b + 4],
                block[b + 5],
                block[b + 6],
                block[b + 7],
            ]);
            *lane = (*lane ^ w).wrapping_mul(K).rotate_left(29);
        }
    }

    /// Hashes the next piece of the file.
    pub fn update(&mut self, mut bytes: &[u8]) {
        self.len += bytes.len() as u64;
        if self.tail_len > 0 {
            let take = (BLOCK - self.tail_len).min(bytes.len());
            self.tail[self.tail_len..self.tail_len + take].copy_from_slice(&bytes[..take]);
            self.tail_len += take;
            bytes = &bytes[take..];
            if self.tail_len < BLOCK {
                return;
            }
            let tail = self.tail;
            self.block(&tail);
            self.tail_len = 0;
        }
        let mut blocks = bytes.chunks_exact(BLOCK);
        for b in &mut blocks {
            if let Ok(b) = b.try_into() {
                self.block(b);
            }
        }
        let rest = blocks.remainder();
        self.tail[..rest.len()].copy_from_slice(rest);
        self.tail_len = rest.len();
    }

    /// The fingerprint of every byte given so far: `2.` + 16 hex digits +
    /// `-` + the length in bytes.
    pub fn finish(&self) -> String {
        format!("2.{:016x}-{}", self.finish_hash(), self.len)
    }

    fn finish_hash(&self) -> u64 {
        let mut h = self.len;
        for &b in &self.tail[..self.tail_len] {
            h = (h ^ u64::from(b)).wrapping_mul(K);
        }
        for lane in self.lanes {
            h = (h ^ lane).wrapping_mul(K).rotate_left(31);
        }
        // splitmix64's finaliser: every input bit reaches every output bit.
        h ^= h >> 30;
        h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h ^= h >> 27;
        h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^ (h >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_in_pieces_is_the_same() {
        let bytes: Vec<u8> = (0..10_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let whole = fingerprint(&bytes);
        assert_eq!(whole, fingerprint(&bytes.clone()));
        assert_ne!(whole, fingerprint(&bytes[1..]));
        for piece in [1, 3, 31, 32, 33, 4096, 9_999, 20_000] {
            let mut f = Fingerprinter::default();
            for chunk in bytes.chunks(piece) {
                f.update(chunk);
            }
            assert_eq!(f.finish(), whole, "pieces of {piece}");
        }
        // Pinned: stored progress is keyed by these strings.
        assert_eq!(legacy_fingerprint(b""), "cbf29ce484222325-0");
        assert_eq!(legacy_fingerprint(b"a"), "af63dc4c8601ec8c-1");
        assert!(is_legacy_fingerprint("af63dc4c8601ec8c-1", 1));
        assert!(!is_legacy_fingerprint("af63dc4c8601ec8c-1", 2));
        assert!(!is_legacy_fingerprint(&fingerprint(b"a"), 1));
        assert!(fingerprint(b"a").starts_with("2.") && fingerprint(b"a").ends_with("-1"));
        // Every byte and every position counts, in the tail and in blocks.
        let mut seen = std::collections::BTreeSet::new();
        for n in 0..70 {
            let zeros = vec![0u8; n];
            assert!(seen.insert(fingerprint(&zeros)), "length {n}");
            for at in 0..n {
                let mut one = zeros.clone();
                one[at] = 1;
                assert!(seen.insert(fingerprint(&one)), "length {n}, byte {at}");
            }
        }
    }

    #[test]
    fn ticks_and_notes() {
        let mut p = Progress::default();
        p.set_ticked("id:1", "A", true);
        p.set_ticked("id:1", "C", true);
        p.set_ticked("id:1", "C", false);
        assert!(p.is_ticked("id:1", "A"));
        assert!(!p.is_ticked("id:2", "A"));
        assert_eq!(p.done("id:1", &["A", "B", "C"]), 1);
        p.set_note("id:1", "call Monday");
        p.set_note("id:2", "   ");
        assert_eq!(p.note("id:1"), "call Monday");
        assert_eq!(p.notes.len(), 1);
        assert_eq!(Progress::from_json(&p.to_json()), Some(p));
    }

    #[test]
    fn ticking_on_a_day_keeps_the_day_until_unticked() {
        let day = NaiveDate::from_ymd_opt(2020, 8, 3).unwrap();
        let mut p = Progress::default();
        p.tick_on("c1", "A", day);
        p.set_ticked("c1", "B", true);
        p.tick_on("c2", "A", day.succ_opt().unwrap());
        assert!(p.is_ticked("c1", "A"));
        assert_eq!(p.ticked_on("c1", "A"), Some(day));
        assert_eq!(p.ticked_on("c1", "B"), None, "ticked without a day");
        assert_eq!(p.ticked_on("c1", "C"), None, "not ticked");
        assert_eq!(
            p.done_steps("c1"),
            BTreeMap::from([("A".to_string(), Some(day)), ("B".to_string(), None)]),
            "only this customer's steps"
        );
        // A customer key that is a prefix of another's shares nothing.
        p.tick_on("c", "A", day);
        assert_eq!(p.done_steps("c").len(), 1);
        // Unticking forgets the day; ticking again keeps the new one.
        p.set_ticked("c1", "A", false);
        assert_eq!(p.ticked_on("c1", "A"), None);
        assert!(!p.done_steps("c1").contains_key("A"));
        p.tick_on("c1", "A", day.succ_opt().unwrap());
        assert_eq!(p.ticked_on("c1", "A"), day.succ_opt());
        // The days survive storage; a day without a tick is dropped.
        let back = Progress::from_json(&p.to_json()).unwrap();
        assert_eq!(back, p);
        let stray = r#"{"ticked":[],"ticked_on":{"c1/A":"2020-08-03"}}"#;
        assert!(Progress::from_json(stray).unwrap().ticked_on.is_empty());
        // Progress stored before days were kept still reads.
        let old = Progress::from_json(r#"{"ticked":["c1/A"],"notes":{}}"#).unwrap();
        assert_eq!(
            old.done_steps("c1"),
            BTreeMap::from([("A".to_string(), None)])
        );
    }

    #[test]
    fn notes_are_capped_on_a_char_boundary() {
        let mut p = Progress::default();
        p.set_note("k", &"臺".repeat(MAX_NOTE_CHARS + 10));
        assert_eq!(p.note("k").chars().count(), MAX_NOTE_CHARS);
    }

    #[test]
    fn corrupted_storage_is_recognised() {
        for bad in ["", "{", "[1,2]", "null", "{\"ticked\": 5}", "\u{0}"] {
            assert_eq!(Progress::from_json(bad), None, "{bad:?}");
        }
        assert_eq!(Progress::from_json("{}"), Some(Progress::default()));
        // Read as serde reads it.
        for text in [
            r#"{"ticked":["id:1/A","id:1/A"],"notes":{"id:1":"x","id:2":"  "}}"#,
            r#"{"ticked":null}"#,
            r#"{"notes":{"k":5}}"#,
            r#"{"ticked":[],"other":1}"#,
        ] {
            let theirs = serde_json::from_str::<Progress>(text).ok().map(|mut p| {
                p.notes.retain(|_, v| !v.trim().is_empty());
                p
            });
            assert_eq!(Progress::from_json(text), theirs, "{text}");
        }
    }

    /// Stored progress and settings are keyed by these strings, so the
    /// hash must never change: pinned for the tail alone, whole blocks and
    /// both.
    #[test]
    fn fingerprints_are_pinned() {
        assert_eq!(fingerprint(b""), "2.80be403d568885c0-0");
        assert_eq!(fingerprint(b"a"), "2.a57f461c14c3ed43-1");
        let bytes: Vec<u8> = (0..100u8).collect();
        assert_eq!(fingerprint(&bytes), "2.e8c421f80fd504d2-100");
        let bytes: Vec<u8> = (0..10_000u32).map(|i| (i * 7 % 251) as u8).collect();
        assert_eq!(fingerprint(&bytes), "2.99ae92195aa1d53e-10000");
    }

    #[test]
    fn fingerprints_tell_files_apart() {
        assert_eq!(fingerprint(b"abc"), fingerprint(b"abc"));
        assert_ne!(fingerprint(b"abc"), fingerprint(b"abd"));
        assert_ne!(fingerprint(b""), fingerprint(b"\0"));
        assert_eq!(
            fingerprint(b""),
            format!("2.{:016x}-0", Fingerprinter::default().finish_hash())
        );
    }
}
