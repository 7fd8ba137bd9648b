/*!
A small zlib (RFC 1950) compressor for share links: LZ77 with hash chains
and one-step lazy matching, written with DEFLATE's fixed Huffman codes
(RFC 1951 §3.2.6).

A general compressor (miniz_oxide's deflate, with dynamic Huffman codes,
several strategies and levels) was the largest single part of the web
app's share code, for payloads of one to a few kilobytes. Fixed codes
spare building code tables per block; on share payloads they make links
about a sixth longer than miniz at level 9 (a few hundred characters at
most). Any inflater reads the result; the tests read it back with
miniz_oxide's, which the app also uses to open links.
*/

/// Longest distance DEFLATE can refer back.
const WINDOW: usize = 32 * 1024;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
/// Candidates looked at per position: plenty for payloads of kilobytes.
const MAX_CHAIN: usize = 256;
const HASH_BITS: u32 = 15;
const NONE: u32 = u32::MAX;

const LEN_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LEN_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];

/// `data` as a zlib stream: header, one fixed-Huffman block, Adler-32.
pub(crate) fn compress_zlib(data: &[u8]) -> Vec<u8> {
    let mut w = BitWriter {
        // CMF 0x78: deflate with a 32 KB window; FLG 0xDA: "maximum
        // compression", and the header is a multiple of 31.
        out: vec![0x78, 0xDA],
        bits: 0,
        count: 0,
    };
    // BFINAL = 1, BTYPE = 01 (fixed codes).
    w.put(0b011, 3);
    let mut m = Matcher {
        data,
        head: vec![NONE; 1 << HASH_BITS],
        prev: vec![NONE; data.len()],
        inserted: 0,
    };
    let mut i = 0;
    while i < data.len() {
        let (len, dist) = m.find(i);
        if (MIN_MATCH..MAX_MATCH).contains(&len) {
            // Lazy: a longer match one byte on is worth a literal first.
            let (next, _) = m.find(i + 1);
            if next > len {
                w.literal(data[i]);
                i += 1;
                continue;
            }
        }
        if len >= MIN_MATCH {
            w.copy(len, dist);
            i += len;
        } else {
            w.literal(data[i]);
            i += 1;
        }
    }
    w.symbol(256);
    w.flush();
    w.out.extend_from_slice(&adler32(data).to_be_bytes());
    w.out
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    // 5552 bytes is the most that cannot overflow before the modulo.
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += u32::from(x);
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    (b << 16) | a
}

struct Matcher<'a> {
    data: &'a [u8],
    /// The latest position of each hash of three bytes.
    head: Vec<u32>,
    /// The previous position with the same hash, per position.
    prev: Vec<u32>,
    /// Positions below this one are in the chains.
    inserted: usize,
}

impl Matcher<'_> {
    fn hash(&self, p: usize) -> Option<usize> {
        let b = self.data.get(p..p + MIN_MATCH)?;
        let x = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        Some((x.wrapping_mul(0x9E37_79B1) >> (32 - HASH_BITS)) as usize)
    }

    /// The longest earlier match for the bytes at `i`: (length, distance),
    /// length 0 if none. Adds every position before `i` to the chains.
    fn find(&mut self, i: usize) -> (usize, usize) {
        while self.inserted < i {
            let p = self.inserted;
            if let Some(h) = self.hash(p) {
                self.prev[p] = self.head[h];
                self.head[h] = p as u32;
            }
            self.inserted += 1;
        }
        let Some(h) = self.hash(i) else {
            return (0, 0);
        };
        let max = (self.data.len() - i).min(MAX_MATCH);
        let (mut best, mut dist) = (0, 0);
        let mut cand = self.head[h];
        let mut chain = MAX_CHAIN;
        while cand != NONE && chain > 0 {
            let c = cand as usize;
            if i - c > WINDOW {
                break;
            }
            let len = self.data[c..]
                .iter()
                .zip(&self.data[i..i + max])
                .take_while(|(a, b)| a == b)
                .count();
            if len > best {
                best = len;
                dist = i - c;
                if len == max {
                    break;
                }
            }
            cand = self.prev[c];
            chain -= 1;
        }
        (best, dist)
    }
}

struct BitWriter {
    out: Vec<u8>,
    bits: u64,
    count: u32,
}

impl BitWriter {
    /// Appends the `n` low bits of `v`, least significant first.
    fn put(&mut self, v: u32, n: u32) {
        self.bits |= u64::from(v) << self.count;
        self.count += n;
        while self.count >= 8 {
            self.out.push(self.bits as u8);
            self.bits >>= 8;
            self.count -= 8;
        }
    }

    /// A Huffman code: written from its most significant bit.
    fn code(&mut self, code: u32, len: u32) {
        self.put(code.reverse_bits() >> (32 - len), len);
    }

    /// A literal/length symbol in the fixed code.
    fn symbol(&mut self, s: u16) {
        let s = u32::from(s);
        match s {
            0..=143 => self.code(0x30 + s, 8),
            144..=255 => self.code(0x190 + s - 144, 9),
            256..=279 => self.code(s - 256, 7),
            _ => self.code(0xC0 + s - 280, 8),
        }
    }

    fn literal(&mut self, b: u8) {
        self.symbol(u16::from(b));
    }

    fn copy(&mut self, len: usize, dist: usize) {
        let (len, dist) = (len as u16, dist as u16);
        let l = LEN_BASE.iter().rposition(|&b| b <= len).unwrap_or(0);
        self.symbol(257 + l as u16);
        self.put(u32::from(len - LEN_BASE[l]), u32::from(LEN_EXTRA[l]));
        let d = DIST_BASE.iter().rposition(|&b| b <= dist).unwrap_or(0);
        self.code(d as u32, 5);
        self.put(u32::from(dist - DIST_BASE[d]), u32::from(DIST_EXTRA[d]));
    }

    fn flush(&mut self) {
        if self.count > 0 {
            self.out.push(self.bits as u8);
        }
        self.bits = 0;
        self.count = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn inflate(z: &[u8]) -> Vec<u8> {
        miniz_oxide::inflate::decompress_to_vec_zlib(z).expect("a valid zlib stream")
    }

    #[test]
    fn round_trips_through_miniz() {
        let json = br#"{"as_of":"2020-06-01","customer":"id:t1","subscriptions":[{"id":"s1","offer":"Microsoft Kaizala Pro","seats":20},{"id":"s2","offer":"Office 365 E3","seats":5}]}"#;
        let long: Vec<u8> = (0..100_000u32)
            .map(|i| (i % 251) as u8 ^ (i / 7000) as u8)
            .collect();
        let cases: [&[u8]; 8] = [
            b"",
            b"a",
            b"ab",
            b"aaa",
            &[0u8; 1000],
            json,
            "臺北市 Contoso 臺北市 Contoso 臺北市".as_bytes(),
            &long,
        ];
        for data in cases {
            let z = compress_zlib(data);
            assert_eq!(inflate(&z), data, "{} bytes", data.len());
        }
        // It does compress: repeated JSON keys and long runs, within a
        // third of miniz at its best level.
        let subs: Vec<String> = (0..6)
            .map(|i| format!(r#"{{"customer":{{"id":"t-{i}","name":"Contoso {i}"}},"id":"sub-{i}","offer":"Microsoft Kaizala Pro","seats":{},"status":"active","auto_renew":"off","end_date":{{"kind":"on","date":"2020-0{}-01"}},"lines":[]}}"#, i * 7, i + 1))
            .collect();
        let payload = format!(
            r#"{{"as_of":"2020-06-01","subscriptions":[{}]}}"#,
            subs.join(",")
        );
        let ours = compress_zlib(payload.as_bytes()).len();
        let miniz = miniz_oxide::deflate::compress_to_vec_zlib(payload.as_bytes(), 9).len();
        assert!(
            ours < payload.len() / 3 && ours * 3 < miniz * 4,
            "{ours} vs miniz {miniz} of {}",
            payload.len()
        );
        assert!(compress_zlib(&[0u8; 1000]).len() < 30);
    }

    #[test]
    fn matches_reach_the_whole_window_and_no_further() {
        // A block repeated just inside, and just outside, 32 KB.
        let block: Vec<u8> = (0..300u32).map(|i| (i * 7 % 256) as u8).collect();
        for gap in [WINDOW - 300, WINDOW - 299, WINDOW, WINDOW + 1] {
            let mut data = block.clone();
            data.extend((0..gap - 300).map(|i| (i % 13) as u8 + b'a'));
            data.extend(&block);
            assert_eq!(inflate(&compress_zlib(&data)), data, "gap {gap}");
        }
    }

    #[test]
    fn adler32_of_known_texts() {
        assert_eq!(adler32(b""), 1);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
        let big = vec![0xFFu8; 100_000];
        let (mut a, mut b) = (1u64, 0u64);
        for &x in &big {
            a = (a + u64::from(x)) % 65521;
            b = (b + a) % 65521;
        }
        assert_eq!(u64::from(adler32(&big)), (b << 16) | a);
    }

    proptest! {
        #[test]
        fn any_bytes_round_trip(data in prop::collection::vec(any::<u8>(), 0..3000)) {
            prop_assert_eq!(inflate(&compress_zlib(&data)), data);
        }

        #[test]
        fn repetitive_text_round_trips(words in prop::collection::vec("[a-c]{1,4}|\"id\":|臺", 0..800)) {
            let data = words.concat().into_bytes();
            prop_assert_eq!(inflate(&compress_zlib(&data)), data);
        }
    }
}
