/*!
Where a streamed export writes: the Markdown and iCalendar exports are
written with `fmt::Write` (their texts are `str`), and [`FmtIo`] hands
what they write straight to an `io::Write` (the CLI's buffered stdout or
file, or the app's growing `Vec`), so no copy of the whole export, nor of
one customer's part, is built first.
*/

use std::fmt;
use std::io;

/// `fmt::Write` over an `io::Write`. `fmt::Error` carries nothing, so the
/// first I/O error is kept here; later writes are refused at once, and
/// [`FmtIo::finish`] returns the error.
pub(crate) struct FmtIo<W> {
    inner: W,
    error: Option<io::Error>,
}

impl<W: io::Write> FmtIo<W> {
    pub(crate) fn new(inner: W) -> Self {
        FmtIo { inner, error: None }
    }

    /// The I/O error that stopped the writing, if any.
    pub(crate) fn finish(self) -> io::Result<()> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

impl<W: io::Write> fmt::Write for FmtIo<W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if self.error.is_some() {
            return Err(fmt::Error);
        }
        self.inner.write_all(s.as_bytes()).map_err(|e| {
            self.error = Some(e);
            fmt::Error
        })
    }
}
