/*!
A record's cells as trimmed text, read once per record ([`Cells`]), and
the sharing of texts that repeat from row to row ([`RecentTexts`]).
*/

use crate::import::records::Record;
use crate::model::names_a_trial;
use crate::model::SharedText;

/// The last few distinct texts of a column made, to share rather than
/// copy (see [`SharedText`]): an export repeats a handful of offers,
/// nicknames and SKUs. A short list compared in turn costs less than a
/// hash of every value, which measured slower than the copies it saved.
#[derive(Debug, Default)]
pub(super) struct RecentTexts {
    /// Each text with whether it names a trial, found once when it is made.
    texts: Vec<(SharedText, bool)>,
    /// Where the next new text goes once the list is full.
    next: usize,
}

impl RecentTexts {
    const LEN: usize = 16;

    pub(super) fn share(&mut self, text: &str) -> SharedText {
        self.share_flagged(text).0
    }

    /// The shared text and whether it names a trial ([`names_a_trial`]):
    /// an offer's name is searched once, not on every row.
    pub(super) fn share_flagged(&mut self, text: &str) -> (SharedText, bool) {
        if let Some((t, trial)) = self.texts.iter().find(|(t, _)| **t == *text) {
            return (t.clone(), *trial);
        }
        let made = (SharedText::from(text), names_a_trial(text));
        if self.texts.len() < Self::LEN {
            self.texts.push(made.clone());
        } else {
            self.texts[self.next] = made.clone();
            self.next = (self.next + 1) % Self::LEN;
        }
        made
    }
}

/// `text` as the last row had it (shared), else made anew; `None` when empty.
pub(super) fn same_or_new(last: &Option<SharedText>, text: &str) -> Option<SharedText> {
    match last {
        _ if text.is_empty() => None,
        Some(t) if **t == *text => Some(t.clone()),
        _ => Some(text.into()),
    }
}

/// A record's cells as trimmed text.
///
/// The decoded file is valid UTF-8 and [`Records`](crate::import::records::Records)
/// splits it only at ASCII bytes (delimiters, quotes, line ends), so a record's fields are
/// UTF-8 together and each on its own. Checking the record once, rather
/// than each cell asked for, is one call instead of ten on short strings:
/// it was a tenth of the import's time.
#[derive(Clone, Copy)]
pub(super) struct Cells<'r> {
    pub(super) rec: Record<'r>,
    /// The record's fields, end to end, when they are UTF-8.
    pub(super) text: Option<&'r str>,
}

impl<'r> Cells<'r> {
    pub(super) fn new(rec: Record<'r>) -> Cells<'r> {
        Cells {
            rec,
            text: std::str::from_utf8(rec.as_slice()).ok(),
        }
    }

    /// The cell in column `col`, trimmed; empty when the column is not
    /// mapped, the row is too short, or the cell is not UTF-8.
    pub(super) fn cell(self, col: Option<usize>) -> &'r str {
        let Some(c) = col else { return "" };
        let text = match self.text {
            Some(t) => self.rec.range(c).and_then(|r| t.get(r)),
            None => self.rec.get(c).and_then(|b| std::str::from_utf8(b).ok()),
        };
        text.map_or("", trim)
    }
}

/// `str::trim`, which tests each end's characters for Unicode white space;
/// most cells start and end with a visible ASCII byte and need no trim.
pub(super) fn trim(s: &str) -> &str {
    match s.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => s,
        [only] if only.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}
