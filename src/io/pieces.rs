/*!
A file read as a stream, a piece at a time, by the page (`files`) or by the
import worker (`worker::inside`): the browser hands each piece over as it
reads it, so nothing waits for the whole file and no copy of all of it is
made in JavaScript's memory.
*/

use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::browser::now_ms;
use super::jobs::{is_current, SLICE_MS};

/// How a file's stream is read: into one buffer of ours, used again for
/// every piece, where the browser can (a "BYOB" reader of a byte stream);
/// otherwise in pieces the browser allocates.
pub(super) enum PieceReader {
    /// The browser writes each piece into `buffer`, which it hands back
    /// with the piece.
    Own {
        reader: web_sys::ReadableStreamByobReader,
        buffer: js_sys::ArrayBuffer,
    },
    Browser(web_sys::ReadableStreamDefaultReader),
}

/// The size of [`PieceReader::Own`]'s buffer: larger than the pieces the
/// browser reads a file in (a few hundred kilobytes in Chromium).
const PIECE_BUFFER_BYTES: u32 = 1024 * 1024;

impl PieceReader {
    pub(super) fn new(file: &web_sys::Blob) -> PieceReader {
        let stream = file.stream();
        match web_sys::ReadableStreamByobReader::new(&stream) {
            Ok(reader) => PieceReader::Own {
                reader,
                buffer: js_sys::ArrayBuffer::new(PIECE_BUFFER_BYTES),
            },
            // A browser whose file streams are not byte streams.
            Err(_) => PieceReader::Browser(stream.get_reader().unchecked_into()),
        }
    }

    /// The next piece; `None` at the end of the file.
    pub(super) async fn next(&mut self) -> Result<Option<js_sys::Uint8Array>, JsValue> {
        let read = match self {
            PieceReader::Own { reader, buffer } => {
                reader.read_with_array_buffer_view(&js_sys::Uint8Array::new(buffer))
            }
            PieceReader::Browser(reader) => reader.read(),
        };
        let result: web_sys::ReadableStreamReadResult =
            JsFuture::from(read).await?.unchecked_into();
        if result.get_done().unwrap_or(true) {
            return Ok(None);
        }
        let piece: js_sys::Uint8Array = result.get_value().unchecked_into();
        if let PieceReader::Own { buffer, .. } = self {
            // The buffer passed in is detached; the piece's is the same
            // memory, to be passed in again.
            *buffer = piece.buffer();
        }
        Ok(Some(piece))
    }

    pub(super) fn cancel(&self) {
        let _ = match self {
            PieceReader::Own { reader, .. } => reader.cancel(),
            PieceReader::Browser(reader) => reader.cancel(),
        };
    }
}

/// Reads a whole file into this wasm's memory, a piece at a time, with a
/// yield to the browser every [`SLICE_MS`] so the page stays free.
/// `arrived` sees the bytes so far and where the new piece starts;
/// `yielding` the share read, before each yield. `None` when the read
/// stopped being current.
pub(super) async fn read_all(
    file: &web_sys::Blob,
    generation: u64,
    mut arrived: impl FnMut(&[u8], usize),
    mut yielding: impl FnMut(f64),
) -> Result<Option<Vec<u8>>, JsValue> {
    // Grown as the pieces come, not zeroed at the file's size up front:
    // zeroing is the first touch of all that memory (about 50 ms for
    // 50 MB), in one task before the progress bar can show.
    let mut bytes: Vec<u8> = Vec::with_capacity(file.size() as usize);
    let mut reader = PieceReader::new(file);
    let mut slice_started = now_ms();
    loop {
        let piece = reader.next().await?;
        if now_ms() - slice_started > SLICE_MS {
            yielding(bytes.len() as f64 / bytes.capacity().max(1) as f64);
            TimeoutFuture::new(0).await;
            slice_started = now_ms();
        }
        if !is_current(generation) {
            reader.cancel();
            return Ok(None);
        }
        let Some(piece) = piece else {
            return Ok(Some(bytes));
        };
        let old = bytes.len();
        // Copied out whole and appended, not into zeroed room: zeroing a
        // byte at a time is what the size-built wasm does for `resize`
        // (74 ms of a 49 MB read, more than the copies).
        bytes.extend_from_slice(&piece.to_vec());
        arrived(&bytes, old);
    }
}
