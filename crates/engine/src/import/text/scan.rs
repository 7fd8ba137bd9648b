/*!
Checking UTF-8 a piece at a time, as a file arrives: is it valid, and how
many NUL bytes, `\r` and `\r\n` does it hold ([`Utf8Scan`], and
[`ByteCheck`] for the app's reads in slices).
*/

use super::specials::count_specials;

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
    pub(super) fn step_in(&mut self, bytes: &[u8], max: usize, complete: bool) -> ScanStep {
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

    pub(super) fn counts(&self) -> (usize, usize, usize) {
        (self.nul, self.cr, self.crlf)
    }
}

/// The check of a UTF-8 file's bytes while they arrive, so that an import
/// of a file read as a stream can start with its bytes already checked:
/// the browser reads a large file in pieces over a tenth of a second or
/// more, time in which the page is otherwise idle.
///
/// Give [`ByteCheck::update`] the bytes that have arrived each time more
/// have, then hand the check to [`ImportJob::checked`](crate::import::ImportJob::checked)
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

/// The length of the UTF-8 byte-order mark `bytes` start with: 3 or 0.
pub(super) fn utf8_bom_len(bytes: &[u8]) -> usize {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    }
}
