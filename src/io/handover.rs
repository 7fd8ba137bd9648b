/*!
A read through the import worker (`worker`), made the page's own: the
worker's progress shown, the file read into this wasm's memory by the
page at the same time (the page keeps the bytes, to store the workspace
and to read the file again with the user's choices), and the worker's
packed result read back in slices. Nothing here takes a long task,
whatever the file's size.
*/

use std::rc::Rc;

use kaizala_engine::import::packed::Unpacker;
use kaizala_engine::import::ImportOptions;
use yew::UseReducerDispatcher;

use futures_util::future::join;

use super::browser::{error_reason, mark, mark_with};
use super::jobs::{in_own_slice, in_slices, is_current, Imported, Step};
use super::pieces::read_all;
use super::worker::{Given, Job, Reply};
use crate::state::{Action, State};

/// Subscriptions read back per step.
const SUBSCRIPTIONS_PER_STEP: usize = 2000;

/// Bytes copied into wasm memory per step.
const COPY_BYTES_PER_STEP: u32 = 2 * 1024 * 1024;

/// What became of a read through the worker.
pub(super) enum Through {
    Imported(Box<Imported>),
    /// The file is a saved workspace.
    Workspace(Vec<u8>),
    /// The browser could not read the file: its reason, if it gave one.
    Unreadable(Option<String>),
    /// Cancelled or replaced by a newer read.
    Stopped,
    /// No worker could do it: the page imports the file itself, from its
    /// bytes when it has read them already.
    NoWorker(Option<Rc<Vec<u8>>>),
}

/// Imports `given` in the worker.
pub(super) async fn through_worker(
    generation: u64,
    given: &Given,
    options: &ImportOptions,
    dispatch: &UseReducerDispatcher<State>,
) -> Through {
    let job = Job::start(given, options);
    // The page reads the file too, into its own memory, while the worker
    // imports it: it keeps the bytes to store the workspace and to read
    // the file again with the user's choices.
    let (bytes, answer) = match given {
        Given::Bytes(held) => (
            Ok(Some(Rc::clone(held))),
            answer(generation, job, dispatch).await,
        ),
        Given::File(file) => {
            let read = async {
                read_all(file, generation, |_, _| {}, |_| {})
                    .await
                    .map(|b| b.map(Rc::new))
            };
            join(read, answer(generation, job, dispatch)).await
        }
    };
    let (fingerprint, packed) = match answer {
        Answer::Imported {
            fingerprint,
            packed,
        } => (fingerprint, packed),
        Answer::Workspace => {
            return match bytes {
                Ok(Some(bytes)) => Through::Workspace(Rc::unwrap_or_clone(bytes)),
                Ok(None) => Through::Stopped,
                Err(e) => Through::Unreadable(error_reason(&e)),
            }
        }
        Answer::Other(through) => {
            return match *through {
                Through::NoWorker(_) => Through::NoWorker(bytes.ok().flatten()),
                through => through,
            }
        }
    };
    let bytes = match bytes {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Through::Stopped,
        Err(e) => return Through::Unreadable(error_reason(&e)),
    };
    mark("kaizala:read");
    read_back(generation, bytes, fingerprint, options, &packed)
        .await
        .unwrap_or(Through::Stopped)
}

/// The worker's last word.
enum Answer {
    Imported {
        fingerprint: String,
        packed: js_sys::Uint8Array,
    },
    /// The file is a saved workspace (the page holds its bytes).
    Workspace,
    Other(Box<Through>),
}

/// Awaits the worker's replies, showing its progress, until its last.
async fn answer(generation: u64, mut job: Job, dispatch: &UseReducerDispatcher<State>) -> Answer {
    loop {
        let reply = job.next().await;
        if !is_current(generation) {
            return Answer::Other(Box::new(Through::Stopped));
        }
        let through = match reply {
            Reply::Progress(done) => {
                dispatch.dispatch(Action::ReadProgress(done));
                continue;
            }
            Reply::Imported {
                fingerprint,
                packed,
                memory,
            } => {
                mark_with("kaizala:worker-answered", "memory", memory);
                return Answer::Imported {
                    fingerprint,
                    packed,
                };
            }
            Reply::Workspace => return Answer::Workspace,
            Reply::Unreadable(reason) => Through::Unreadable(reason),
            Reply::Stopped => Through::Stopped,
            Reply::Broken => Through::NoWorker(None),
        };
        return Answer::Other(Box::new(through));
    }
}

/// The worker's packed result read back in slices. `None` when the read
/// stopped being current.
async fn read_back(
    generation: u64,
    file_bytes: Rc<Vec<u8>>,
    fingerprint: String,
    options: &ImportOptions,
    packed: &js_sys::Uint8Array,
) -> Option<Through> {
    // As in the page's own import: memory grown once, in a task of its
    // own, for the many small blocks the model and its plan take, rather
    // than a few pages at a time as they come.
    let grow = || {
        drop(std::hint::black_box(Vec::<u8>::with_capacity(
            file_bytes.len(),
        )))
    };
    in_own_slice(generation, grow).await?;
    let packed = copy_in_slices(generation, packed).await?;
    let mut unpacker = Unpacker::new(&packed);
    let step = || match unpacker.step(SUBSCRIPTIONS_PER_STEP) {
        Some(result) => Step::Done(result),
        None => Step::More,
    };
    let unpacked = in_slices(generation, step, || {}).await?;
    mark("kaizala:imported");
    Some(match unpacked {
        Ok(outcome) => Through::Imported(Box::new(Imported {
            bytes: file_bytes,
            fingerprint,
            options: options.clone(),
            outcome,
        })),
        // Not this build's packing: cannot happen between a page and its
        // own worker, but the page can still import the file itself.
        Err(_) => Through::NoWorker(Some(file_bytes)),
    })
}

/// Copies bytes from JavaScript's memory into this wasm's, a piece per
/// step. `None` when the read stopped being current.
async fn copy_in_slices(generation: u64, from: &js_sys::Uint8Array) -> Option<Vec<u8>> {
    let total = from.length();
    let mut bytes = Vec::with_capacity(total as usize);
    let mut at: u32 = 0;
    let step = || {
        let end = total.min(at.saturating_add(COPY_BYTES_PER_STEP));
        bytes.extend_from_slice(&from.subarray(at, end).to_vec());
        at = end;
        if at >= total {
            Step::Done(())
        } else {
            Step::More
        }
    };
    in_slices(generation, step, || {}).await?;
    Some(bytes)
}
