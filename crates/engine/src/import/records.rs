/*!
The records of a decoded file, read where the text lies.

The csv crate's parser (`csv_core`) decides every byte with a state
machine, one byte at a time, and its `Reader` first copies the text into a
buffer of its own. In an export, most records hold no quote and no lone
`\r`: such a record is a line whose fields are the bytes between
delimiters. [`Records`] reads those lines itself, in place (`memchr` finds
the line's end and any quote, and the delimiters are found eight bytes at
a time). A line whose quoted values are simple (a quote at a value's
start, the next quote at its end, then a delimiter or the line's end) is
read in place too: a company name with a comma is the common case. Every
other record goes to `csv_core`,
from the record's first byte: quoting, doubled quotes and line breaks
inside quotes follow the csv crate exactly, and so do the fields of the
plain lines (a test compares the two on every kind of record). It is the
csv crate's reading with `flexible(true)` and no header handling: blank
lines are skipped, a record ends at `\n`, `\r` or `\r\n`.

```text
Subscription ID,Offer,Quantity      <- a plain line: split at each ','
a1,"Contoso, Ltd",5                 <- simple quotes: the value between them
a2,"Say ""hi""",5                   <- a doubled quote: csv_core reads it
```

Why by hand rather than the csv crate's `Reader`: this is the import's
hot path, and reading in place is more than twice as fast here. On the
50,000-subscription benchmark file the crate's reader took about 40 ms of
a 76 ms import; these records take 14.5 ms (`docs/performance.md`, the
`bench-native` example). What keeps it honest is the property test below
(`reads_any_bytes_as_the_csv_crate_does`): on any bytes, it must split
records and fields exactly as the csv crate does.
*/

use std::ops::Range;

use memchr::{memchr, memchr2};

use super::text::{bytes_equal, word};

/// Reads a text's records from an offset to its end. See the module
/// documentation.
pub(crate) struct Records {
    core: csv_core::Reader,
    delimiter: u8,
    pos: usize,
    /// The fields of a record read by `csv_core`, end to end.
    buf: Vec<u8>,
    /// Where each field ends: in `buf`, or in the line for a plain line.
    ends: Vec<usize>,
    /// Where each field starts, for a line with quoted values.
    starts: Vec<usize>,
    /// The delimiters of a line with quotes, some of them inside values.
    delimiters: Vec<usize>,
    done: bool,
    /// No record was read yet.
    first: bool,
}

/// Where a record's fields start in its `data`.
#[derive(Clone, Copy, Debug)]
enum Starts<'r> {
    /// This many bytes after the field before ends: 1 (the delimiter) in
    /// a plain line, 0 from `csv_core`; the first field at 0.
    After(usize),
    /// At these offsets (a line with quoted values).
    At(&'r [usize]),
}

/// One record: its fields, and where it lies in the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Record<'r> {
    /// The record's fields: a plain line as written (fields and the
    /// delimiters between them), or `csv_core`'s fields end to end.
    data: &'r [u8],
    ends: &'r [usize],
    starts: Starts<'r>,
    /// Offset of the record's first byte (after any blank lines).
    pub(crate) start: usize,
    /// Offset after the record's last byte, before the line end.
    pub(crate) body_end: usize,
    /// The line breaks inside the record (in quoted values).
    pub(crate) breaks: u64,
}

impl<'r> Record<'r> {
    /// A record of fields stored end to end in `data`, field `i` ending at
    /// `ends[i]`; placed at `start..body_end` of a text.
    #[cfg(test)]
    pub(crate) fn new(
        data: &'r [u8],
        ends: &'r [usize],
        start: usize,
        body_end: usize,
    ) -> Record<'r> {
        Record {
            data,
            ends,
            starts: Starts::After(0),
            start,
            body_end,
            breaks: 0,
        }
    }

    /// The number of fields.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Where field `i` lies in [`Record::as_slice`].
    pub(crate) fn range(&self, i: usize) -> Option<Range<usize>> {
        let end = *self.ends.get(i)?;
        let start = match (self.starts, i) {
            (Starts::At(starts), _) => *starts.get(i)?,
            (Starts::After(_), 0) => 0,
            (Starts::After(gap), _) => self.ends[i - 1] + gap,
        };
        Some(start..end)
    }

    /// Field `i`.
    pub(crate) fn get(&self, i: usize) -> Option<&'r [u8]> {
        self.range(i).and_then(|r| self.data.get(r))
    }

    /// Every field, in order.
    pub(crate) fn iter(&self) -> impl DoubleEndedIterator<Item = &'r [u8]> + ExactSizeIterator {
        let r = *self;
        (0..r.len()).map(move |i| r.get(i).unwrap_or_default())
    }

    /// The bytes that hold the fields: no field is longer, and a UTF-8
    /// check of them is a check of every field.
    pub(crate) fn as_slice(&self) -> &'r [u8] {
        self.data
    }
}

impl Records {
    /// Records of a text delimited by `delimiter`, from offset `pos`.
    pub(crate) fn new(delimiter: u8, pos: usize) -> Records {
        Records {
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            delimiter,
            pos,
            buf: vec![0; 4096],
            ends: vec![0; 64],
            starts: Vec::new(),
            delimiters: Vec::new(),
            done: false,
            first: true,
        }
    }

    /// Where the next record's search starts: after the last record read
    /// and the line end that closed it (a plain line takes all of a
    /// `\r\n`; `csv_core` stops after its `\r`, and the `\n` is skipped
    /// before the next record).
    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    /// Whether the end of the text was reached.
    pub(crate) fn is_done(&self) -> bool {
        self.done
    }

    /// The next record of `text`, which must be the same text at every
    /// call; `None` at its end.
    pub(crate) fn next<'r>(&'r mut self, text: &'r [u8]) -> Option<Record<'r>> {
        if self.done {
            return None;
        }
        while matches!(text.get(self.pos), Some(b'\r' | b'\n')) {
            self.pos += 1;
        }
        let start = self.pos;
        let rest = text.get(start..).unwrap_or_default();
        // The first record goes to `csv_core`, which drops a byte order
        // mark there (and only there), as the csv crate's reader does.
        let plain = if self.first {
            None
        } else {
            self.plain_line(rest)
        };
        self.first = false;
        if let Some((body, consumed, quoted)) = plain {
            self.pos = start + consumed;
            return Some(Record {
                data: &rest[..body],
                ends: &self.ends,
                starts: if quoted {
                    Starts::At(&self.starts)
                } else {
                    Starts::After(1)
                },
                start,
                body_end: start + body,
                breaks: 0,
            });
        }
        self.by_csv_core(rest, start)
    }

    /// A line with no `\r` but its last byte, and no quote or only simple
    /// quoted values: its length without the line end, with it, and
    /// whether it has quoted values (their starts are in `starts`); the
    /// field ends are in `ends`. `None` for any other record (or none
    /// left).
    fn plain_line(&mut self, rest: &[u8]) -> Option<(usize, usize, bool)> {
        let d = self.delimiter;
        if rest.is_empty() || matches!(d, b'"' | b'\r' | b'\n') {
            return None;
        }
        let (mut body, consumed) = match memchr(b'\n', rest) {
            Some(i) => (i, i + 1),
            None => (rest.len(), rest.len()),
        };
        if body > 0 && rest[body - 1] == b'\r' {
            body -= 1;
        }
        let line = &rest[..body];
        // One search for either byte over the whole line, then one for the
        // delimiter: a search for three bytes stopping at every delimiter
        // was slower.
        match memchr2(b'"', b'\r', line).map(|i| line[i]) {
            None => {
                self.ends.clear();
                push_positions(line, d, &mut self.ends);
                self.ends.push(body);
                Some((body, consumed, false))
            }
            Some(b'"') if memchr(b'\r', line).is_none() => {
                self.quoted_line(line)?;
                Some((body, consumed, true))
            }
            Some(_) => None,
        }
    }

    /// Splits a line with quotes, without `\r`, into `starts` and `ends`,
    /// as `csv_core` would: a quote opens a quoted value only at a value's
    /// start (elsewhere it is a character like any other), and a quoted
    /// value here must end at the next quote, followed by a delimiter or
    /// the line's end. `None` for anything else: a doubled quote, text
    /// after a closing quote, a value that runs past the line.
    fn quoted_line(&mut self, line: &[u8]) -> Option<()> {
        let body = line.len();
        self.delimiters.clear();
        push_positions(line, self.delimiter, &mut self.delimiters);
        self.delimiters.push(body);
        self.starts.clear();
        self.ends.clear();
        // `k`: the first delimiter (or the line's end) at or after `at`.
        let (mut at, mut k) = (0, 0);
        loop {
            let end = if line.get(at) == Some(&b'"') {
                let close = at + 1 + memchr(b'"', &line[at + 1..])?;
                while self.delimiters[k] <= close {
                    k += 1;
                }
                if self.delimiters[k] != close + 1 {
                    return None;
                }
                self.starts.push(at + 1);
                self.ends.push(close);
                close + 1
            } else {
                let end = self.delimiters[k];
                self.starts.push(at);
                self.ends.push(end);
                end
            };
            if end == body {
                return Some(());
            }
            at = end + 1;
            k += 1;
        }
    }

    /// The record at `rest` (offset `start`), read by `csv_core` as the csv
    /// crate's reader reads it.
    fn by_csv_core<'r>(&'r mut self, rest: &[u8], start: usize) -> Option<Record<'r>> {
        use csv_core::ReadRecordResult as R;
        if self.ends.len() < 64 {
            self.ends.resize(64, 0);
        }
        let (mut nin, mut nout, mut nend) = (0, 0, 0);
        loop {
            let (res, i, o, e) =
                self.core
                    .read_record(&rest[nin..], &mut self.buf[nout..], &mut self.ends[nend..]);
            nin += i;
            nout += o;
            nend += e;
            match res {
                R::InputEmpty => {}
                R::OutputFull => self.buf.resize(self.buf.len() * 2, 0),
                R::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                R::Record => {
                    self.pos = start + nin;
                    let mut body = &rest[..nin];
                    while let [inner @ .., b'\r' | b'\n'] = body {
                        body = inner;
                    }
                    return Some(Record {
                        data: &self.buf[..nout],
                        ends: &self.ends[..nend],
                        starts: Starts::After(0),
                        start,
                        body_end: start + body.len(),
                        breaks: count_newlines(body),
                    });
                }
                R::End => {
                    self.pos = start + nin;
                    self.done = true;
                    return None;
                }
            }
        }
    }
}

/// Pushes the offset of every `byte` in `line`, eight bytes at a time.
/// A line has a delimiter every twenty bytes or so: a search per
/// delimiter (`memchr_iter`) spent more on starting each search than on
/// searching, natively and in wasm.
fn push_positions(line: &[u8], byte: u8, out: &mut Vec<usize>) {
    let mut words = line.chunks_exact(8);
    let mut at = 0;
    for w in &mut words {
        let mut found = bytes_equal(word(w), byte);
        while found != 0 {
            out.push(at + found.trailing_zeros() as usize / 8);
            found &= found - 1;
        }
        at += 8;
    }
    for (i, b) in words.remainder().iter().enumerate() {
        if *b == byte {
            out.push(at + i);
        }
    }
}

/// Counts `\n`. Called on every record, which rarely holds one, so a
/// `contains` (a memchr-style search) comes first; the count sums in
/// byte-wide lanes, which vectorise. It lives here, below `dialect`, which
/// counts lines with it too.
pub(crate) fn count_newlines(b: &[u8]) -> u64 {
    if !b.contains(&b'\n') {
        return 0;
    }
    b.chunks(255)
        .map(|c| u64::from(c.iter().fold(0u8, |n, x| n + u8::from(*x == b'\n'))))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The csv crate's reading, as the importer used it: each record's
    /// fields, its first byte (after the blank lines the reader skips) and
    /// the reader's position after it.
    fn by_csv(text: &[u8], d: u8) -> Vec<(Vec<Vec<u8>>, usize, usize)> {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(d)
            .from_reader(text);
        let mut rec = csv::ByteRecord::new();
        let mut out = Vec::new();
        while rdr.read_byte_record(&mut rec).unwrap() {
            let mut start = rec.position().unwrap().byte() as usize;
            while matches!(text.get(start), Some(b'\r' | b'\n')) {
                start += 1;
            }
            let fields = rec.iter().map(<[u8]>::to_vec).collect();
            out.push((fields, start, rdr.position().byte() as usize));
        }
        out
    }

    fn by_records(text: &[u8], d: u8) -> Vec<(Vec<Vec<u8>>, usize, usize)> {
        let mut records = Records::new(d, 0);
        let mut out = Vec::new();
        while let Some(r) = records.next(text) {
            let fields = r.iter().map(<[u8]>::to_vec).collect();
            let start = r.start;
            out.push((fields, start, records.position()));
        }
        assert!(records.is_done());
        assert!(records.next(text).is_none(), "nothing after the end");
        out
    }

    /// Where a plain line's `\r\n` ends a record, the csv crate stops
    /// after the `\r` and skips the `\n` with the next record; `Records`
    /// takes both. The fields and starts must agree; ends may differ by
    /// that `\n` only.
    fn same_reading(text: &[u8], d: u8) -> Result<(), TestCaseError> {
        let (want, got) = (by_csv(text, d), by_records(text, d));
        let mut records = Records::new(d, 0);
        while let Some(r) = records.next(text) {
            let (start, body_end, breaks) = (r.start, r.body_end, r.breaks);
            let mut body = &text[start..records.position()];
            while let [inner @ .., b'\r' | b'\n'] = body {
                body = inner;
            }
            prop_assert_eq!(body_end, start + body.len(), "body of {:?}", text);
            prop_assert_eq!(breaks, count_newlines(body), "breaks in {:?}", text);
        }
        prop_assert_eq!(want.len(), got.len(), "records of {:?}", text);
        for ((wf, ws, we), (gf, gs, ge)) in want.iter().zip(&got) {
            prop_assert_eq!(wf, gf, "fields in {:?}", text);
            prop_assert_eq!(ws, gs, "start in {:?}", text);
            let lf_taken = *ge == we + 1 && text.get(*we) == Some(&b'\n');
            prop_assert!(ge == we || lf_taken, "end {} vs {} in {:?}", ge, we, text);
        }
        Ok(())
    }

    #[test]
    fn reads_records_as_the_csv_crate_does() {
        let cases: &[&[u8]] = &[
            b"",
            b"\n\r\n",
            b"a,b,c\n1,2,3\n",
            b"a,b,c\r\n1,2,3\r\n",
            b"a,b\r1,2\r",
            b"a,b\n\n\n1,2",
            b",,\n,\n",
            b"a,\"b,c\",d\n1,2,3\n",
            b"a,\"b\nc\",d\r\nx,y,z",
            b"a,\"b\"\"c\"\"\",d\n",
            b"a,b\"c,d\n",
            b"a,\"b\"c,d\n",
            b"a,\"never closed\nx,y\n",
            b"\xef\xbb\xbfa,b\n1,\xef\xbb\xbf2\n\xef\xbb\xbf3,4\n",
            "名稱,數量\n康托索,5\n".as_bytes(),
            b"a\0b,c\n",
            // Quotes after the first record, read in place or not.
            b"h,h,h\na,\"b,c\",d\n",
            b"h\n\"\",x,\"\"\n",
            b"h\n\"a\"\"b\",c\n",
            b"h\n\"a\"b,c\n",
            b"h\na,\"b\nc\",d\n",
            b"h\na,b\"c,d\n",
            b"h\n \"a\",b\n",
            b"h\na,\"b\"\r\n",
            b"h\n\"a,b\"",
            b"h\n\"a,b",
            b"h\n\"a\r\",b\n",
        ];
        for text in cases {
            same_reading(text, b',').unwrap();
        }
        // Records larger than the buffers `csv_core` is first given (4 KB
        // of fields, 64 field ends), which then grow.
        let wide = format!(
            "\"q\",{}\n{}\n",
            vec!["x"; 300].join(","),
            vec!["y"; 300].join(",")
        );
        let long = format!("a,\"{}\",b\n{},c\n", "z".repeat(10_000), "w".repeat(9_000));
        for text in [wide, long] {
            same_reading(text.as_bytes(), b',').unwrap();
        }
        same_reading(b"a;b;\"c;d\"\n1;2;3\n", b';').unwrap();
        same_reading(b"a\tb\tc\n1\t\"2\t\"\t3\n", b'\t').unwrap();
    }

    #[test]
    fn a_record_reports_each_field_and_its_place() {
        let text = b"id,name\r\na1,b2\r\nc3,\"Contoso, Ltd\"\n";
        let mut records = Records::new(b',', 0);
        // The first record is csv_core's, which stops after the `\r`.
        let header = records.next(text).unwrap();
        assert_eq!((header.len(), header.start, header.body_end), (2, 0, 7));
        assert_eq!(header.get(1), Some(&b"name"[..]));
        assert_eq!(header.range(1), Some(2..6));
        assert_eq!(header.get(2), None);
        assert_eq!(records.position(), 8);
        // A plain line, split where it lies; it takes its whole `\r\n`.
        let plain = records.next(text).unwrap();
        assert_eq!((plain.start, plain.body_end), (9, 14));
        assert_eq!(plain.get(1), Some(&b"b2"[..]));
        assert_eq!(plain.range(1), Some(3..5));
        assert_eq!(plain.as_slice(), b"a1,b2");
        assert_eq!(records.position(), 16);
        let quoted = records.next(text).unwrap();
        assert_eq!((quoted.start, quoted.body_end), (16, text.len() - 1));
        assert_eq!(quoted.get(1), Some(&b"Contoso, Ltd"[..]));
        assert_eq!(records.position(), text.len());
        assert!(records.next(text).is_none());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn reads_any_bytes_as_the_csv_crate_does(
            text in proptest::collection::vec(
                proptest::sample::select(b"ab,;\"\r\n \xe5\x00".to_vec()), 0..60),
            semicolon in any::<bool>(),
        ) {
            same_reading(&text, if semicolon { b';' } else { b',' })?;
        }
    }
}
