/*!
The fingerprint of an imported file's bytes: the key progress and
settings are stored under in the browser, so the ticks of one export are
never applied to a different file by mistake.
*/

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
