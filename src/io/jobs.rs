/*!
The background jobs behind a read: the import and the plan, run a slice at
a time with a yield to the browser between slices, so the page never
freezes, the progress bar moves and Cancel stays clickable. A newer read or
Cancel stops a running job (its generation is no longer current). A job
ends by dispatching `Imported`; the reducer decides what becomes of it.
*/

use std::cell::Cell;
use std::rc::Rc;

use chrono::NaiveDate;
use gloo::timers::future::TimeoutFuture;
use yew::UseReducerDispatcher;

use super::browser::{browser_big5, mark, now_ms};
use crate::state::{
    Action, Arrived, PlanDefaults, Planned, Restored, Source, State, StoredFile, Workspace,
};
use crate::storage;
use kaizala_engine::import::{
    Big5Decoder, ByteCheck, ImportError, ImportJob, ImportOptions, ImportOutcome, ImportProgress,
};
use kaizala_engine::model::Import;
use kaizala_engine::plan::{Plan, PlanJob, PlanProgress, Settings};
use kaizala_engine::progress::{legacy_fingerprint, Fingerprinter};
use kaizala_engine::workspace::ChangesJob;

/// Rows the job reads between two looks at the clock.
const ROWS_PER_STEP: usize = 1000;

/// How long a slice of the import may run before it yields to the
/// browser. Each yield costs a few milliseconds of idle time, so slices
/// are as long as they may be and still end under the 50 ms that makes a
/// long task (issue 20), the step that overruns the clock included.
pub(super) const SLICE_MS: f64 = 30.0;

/// Customers planned between two looks at the clock (most have no Kaizala
/// Pro and cost next to nothing).
const CUSTOMERS_PER_STEP: usize = 500;

/// Subscriptions compared per step when a file joins the workspace.
const SUBSCRIPTIONS_PER_STEP: usize = 5000;

/// Bytes of the file fingerprinted per step, beside the import's rows.
const HASH_BYTES_PER_STEP: usize = 1024 * 1024;

thread_local! {
    /// Bumped by every new read and by Cancel; a running import stops
    /// when the number it started with is no longer current.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
}

/// A new generation; a job running in the import worker stops with the
/// one it was started by.
fn next_generation() -> u64 {
    super::worker::stop();
    GENERATION.with(|g| {
        g.set(g.get() + 1);
        g.get()
    })
}

pub(super) fn is_current(generation: u64) -> bool {
    GENERATION.with(|g| g.get() == generation)
}

/// Starts a new read: any running import stops, and the page shows the
/// progress of this one. Returns the read's generation.
pub(super) fn begin_reading(file_name: &str, dispatch: &UseReducerDispatcher<State>) -> u64 {
    let generation = next_generation();
    dispatch.dispatch(Action::Reading {
        file_name: file_name.to_string(),
    });
    generation
}

/// Stops a running import.
pub(crate) fn cancel_import() {
    next_generation();
}

/// What was done to a file's bytes while they arrived: their fingerprint
/// (of all of them, to be finished) and their check as UTF-8.
pub(super) struct Early {
    pub(super) fingerprinter: Fingerprinter,
    pub(super) check: ByteCheck,
}

/// Hashes the next piece of the file into the fingerprint.
fn hash_slice(fingerprinter: &mut Fingerprinter, bytes: &[u8], hashed: &mut usize) {
    let upto = (*hashed + HASH_BYTES_PER_STEP).min(bytes.len());
    fingerprinter.update(bytes.get(*hashed..upto).unwrap_or_default());
    *hashed = upto;
}

/// Yields to the browser; false when the read this belongs to was
/// cancelled or replaced meanwhile.
pub(super) async fn still_current(generation: u64) -> bool {
    TimeoutFuture::new(0).await;
    is_current(generation)
}

/// What one step of a job says.
pub(super) enum Step<T> {
    /// Not done: another step may follow in the same slice.
    More,
    /// Not done, and the next step is a long one: it starts a slice of
    /// its own, so that the two do not add up to a long task.
    Pause,
    Done(T),
}

/// Calls `step` until it gives a result, in slices of about [`SLICE_MS`]
/// with a yield to the browser before each; `after_slice` runs at the end
/// of each slice that did not finish. `None` when the read stopped being
/// current.
pub(super) async fn in_slices<T>(
    generation: u64,
    mut step: impl FnMut() -> Step<T>,
    mut after_slice: impl FnMut(),
) -> Option<T> {
    loop {
        if !still_current(generation).await {
            return None;
        }
        let started = now_ms();
        while now_ms() - started < SLICE_MS {
            match step() {
                Step::More => {}
                Step::Pause => break,
                Step::Done(result) => return Some(result),
            }
        }
        after_slice();
    }
}

/// One read of a file: its generation, its name, what its plan starts
/// from, and the workspace that was open when it was chosen (the file
/// joins it).
pub(super) struct Read {
    pub(super) generation: u64,
    pub(super) file_name: String,
    pub(super) defaults: PlanDefaults,
    pub(super) into: Option<Rc<Workspace>>,
}

/// `make()`, a call known to be long, in a slice of its own. `None` when
/// the read stopped being current.
pub(super) async fn in_own_slice<T>(generation: u64, make: impl FnOnce() -> T) -> Option<T> {
    let mut make = Some(make);
    in_slices(generation, || Step::Done(make.take().map(|f| f())), || {})
        .await
        .flatten()
}

/// Plans `import` with `settings` in slices, after a yield of its own (the
/// grouping in `PlanJob::new` is long too). `None` when the read stopped
/// being current.
async fn plan_in_slices(generation: u64, import: &Import, settings: &Settings) -> Option<Plan> {
    if !still_current(generation).await {
        return None;
    }
    let mut job = PlanJob::new(import, settings);
    let step = || match job.step(CUSTOMERS_PER_STEP) {
        // The last step sorts every customer planned (about 30 ms for
        // 12,000 in the browser): a slice of its own.
        PlanProgress::Working { done, total } if done == total => Step::Pause,
        PlanProgress::Working { .. } => Step::More,
        PlanProgress::Done(plan) => Step::Done(Some(plan)),
        // `Done` ends the slices, so a spent job is not met.
        PlanProgress::Spent => Step::Done(None),
    };
    in_slices(generation, step, || {}).await.flatten()
}

/// Runs the import a slice at a time, yielding to the browser between
/// slices so the progress bar moves and Cancel stays clickable.
pub(super) async fn run_import(
    read: Read,
    bytes: Rc<Vec<u8>>,
    early: Option<Early>,
    options: ImportOptions,
    as_of: Option<NaiveDate>,
    dispatch: UseReducerDispatcher<State>,
) {
    let generation = read.generation;
    let options = ImportOptions {
        big5_decoder: Some(Big5Decoder(browser_big5)),
        ..options
    };
    // The allocator grows wasm memory a few pages at a time as it runs
    // out, and V8 makes each grow costly (a new ArrayBuffer for the
    // memory): hundreds of grows over a large import and plan. They need
    // about the file's size again, so memory grows once, here, and the
    // freed block serves them (49 MB file: build_plan in wasm 113-134 ms
    // -> 69-79 ms). The grow is a task of its own, not added to the read's
    // last one.
    if !still_current(generation).await {
        return;
    }
    drop(std::hint::black_box(Vec::<u8>::with_capacity(bytes.len())));
    // Unless it was hashed as the file arrived, the fingerprint is hashed a
    // piece per slice too: over a 50 MB file it is a task of its own of
    // about 100 ms in wasm.
    let (mut fingerprinter, mut hashed, check) = match early {
        Some(Early {
            fingerprinter,
            check,
        }) => (fingerprinter, bytes.len(), check),
        None => (Fingerprinter::default(), 0, ByteCheck::default()),
    };
    // The job borrows the bytes (valid UTF-8 is read in place), so a large
    // file is not copied a second time in wasm memory.
    let mut job = ImportJob::checked(bytes.as_slice(), options.clone(), check);
    let done = Cell::new(0.0);
    let mut before = 0;
    let step = || {
        hash_slice(&mut fingerprinter, &bytes, &mut hashed);
        match job.step(ROWS_PER_STEP) {
            ImportProgress::Working {
                bytes_done,
                bytes_total,
                ..
            } => {
                if bytes_total > 0 {
                    done.set(bytes_done as f64 / bytes_total as f64);
                }
                // The step that reaches the end also gathers the rows into
                // subscriptions and customers (about 40 ms for 100,000
                // rows): when what is left fits in one more step, that
                // step starts a slice of its own.
                let last = bytes_done.saturating_sub(before);
                before = bytes_done;
                if bytes_total.saturating_sub(bytes_done) <= last {
                    Step::Pause
                } else {
                    Step::More
                }
            }
            ImportProgress::Done(result) => Step::Done(result),
        }
    };
    let progress = || dispatch.dispatch(Action::ReadProgress(done.get()));
    let Some(outcome) = in_slices(generation, step, progress).await else {
        return;
    };
    mark("kaizala:imported");
    drop(job);
    if hashed < bytes.len() {
        let rest = || {
            hash_slice(&mut fingerprinter, &bytes, &mut hashed);
            if hashed >= bytes.len() {
                Step::Done(())
            } else {
                Step::More
            }
        };
        if in_slices(generation, rest, || {}).await.is_none() {
            return;
        }
    }
    let fingerprint = fingerprinter.finish();
    let imported = Imported {
        bytes,
        fingerprint,
        options,
        outcome,
    };
    after_import(read, imported, as_of, dispatch).await
}

/// A file imported, in the page or in the import worker: its bytes, their
/// fingerprint, the options it was read with, and what became of it.
pub(super) struct Imported {
    pub(super) bytes: Rc<Vec<u8>>,
    pub(super) fingerprint: String,
    pub(super) options: ImportOptions,
    pub(super) outcome: Result<ImportOutcome, ImportError>,
}

/// What follows an import wherever it ran: the file's saved progress and
/// settings looked up, then either its arrival in the open workspace or
/// its plan, each in slices, and the result dispatched.
pub(super) async fn after_import(
    read: Read,
    imported: Imported,
    as_of: Option<NaiveDate>,
    dispatch: UseReducerDispatcher<State>,
) {
    let Read {
        generation,
        file_name,
        defaults,
        into,
    } = read;
    let Imported {
        bytes,
        fingerprint,
        options,
        outcome,
    } = imported;
    if !still_current(generation).await {
        return;
    }
    storage::adopt_legacy(&fingerprint, bytes.len() as u64, || {
        legacy_fingerprint(&bytes)
    });
    let (progress, storage) = storage::load_progress(&fingerprint);
    let settings = storage::load_settings(&fingerprint);
    let outcome = match (outcome, into) {
        (Ok(ImportOutcome::Ready(import)), Some(into)) => {
            let source = Source {
                name: file_name,
                fingerprint,
                added_on: defaults.today,
                options: ImportOptions {
                    big5_decoder: None,
                    ..options
                },
                bytes,
                import: Rc::new(import),
            };
            if let Some(arrived) = run_arrival(generation, into, source, defaults.today).await {
                let arrived = Box::new(arrived);
                dispatch.dispatch(Action::Arrived { arrived, storage });
            }
            return;
        }
        (outcome, _) => outcome,
    };
    // The plan is built here, in slices like the import, rather than by
    // the reducer in the task that also renders it: with thousands of
    // customers either would be a long task, and both together longer.
    let planned = match &outcome {
        Ok(ImportOutcome::Ready(import)) => {
            let settings = defaults.settings(as_of, settings.clone()).current;
            let Some(plan) = plan_in_slices(generation, import, &settings).await else {
                return;
            };
            // What the workspace keeps beside the plan is made in a slice
            // of its own, not in the task that shows the plan.
            let with_keys = || Planned::new(Rc::new(plan), settings);
            let Some(planned) = in_own_slice(generation, with_keys).await else {
                return;
            };
            mark("kaizala:planned");
            if !still_current(generation).await {
                return;
            }
            Some(planned)
        }
        _ => None,
    };
    dispatch.dispatch(Action::Imported {
        file_name,
        bytes,
        fingerprint,
        options,
        outcome: Box::new(outcome),
        as_of,
        progress,
        settings,
        storage,
        planned,
    });
}

/// Works out, a slice at a time, what a file that joins the open
/// workspace does to it: the files merged again and compared (a slice of
/// their own), the workspace planned again in slices, the print selection
/// made. `None` when the read was cancelled or replaced meanwhile.
async fn run_arrival(
    generation: u64,
    into: Rc<Workspace>,
    source: Source,
    today: NaiveDate,
) -> Option<Arrived> {
    let arriving = source.clone();
    let mut work = in_own_slice(generation, || into.begin_arrival(vec![arriving], today)).await?;
    let import = work.import().clone();
    let mut compare = ChangesJob::new(&into.import.subscriptions, &import.subscriptions);
    let step = || match compare.step(SUBSCRIPTIONS_PER_STEP) {
        Some(changes) => Step::Done(changes),
        None => Step::More,
    };
    work.set_changes(in_slices(generation, step, || {}).await?);
    drop(compare);
    let plan = plan_in_slices(generation, &import, &into.settings).await?;
    let finish = || Arrived::new(into.clone(), source, work, Rc::new(plan));
    let arrived = in_own_slice(generation, finish).await?;
    mark("kaizala:planned");
    still_current(generation).await.then_some(arrived)
}

/// Imports the files of a workspace read back (from this browser's
/// storage or a workspace file) again, each a slice at a time with its
/// saved options, and opens the workspace. A file that no longer imports
/// as it did (it cannot, short of a damaged store) is left out.
pub(super) async fn run_restore(
    generation: u64,
    files: Vec<(StoredFile, Rc<Vec<u8>>)>,
    restored: Restored,
    dispatch: UseReducerDispatcher<State>,
) {
    let total: usize = files.iter().map(|(_, b)| b.len()).sum::<usize>().max(1);
    let mut before = 0usize;
    let mut sources = Vec::with_capacity(files.len());
    for (file, bytes) in files {
        let options = ImportOptions {
            big5_decoder: Some(Big5Decoder(browser_big5)),
            ..file.options.clone()
        };
        let mut job = ImportJob::new(bytes.as_slice(), options);
        let done = Cell::new(0.0);
        let step = || match job.step(ROWS_PER_STEP) {
            ImportProgress::Working { bytes_done, .. } => {
                done.set((before + bytes_done as usize) as f64 / total as f64);
                Step::More
            }
            ImportProgress::Done(result) => Step::Done(result),
        };
        let progress = || dispatch.dispatch(Action::ReadProgress(done.get()));
        let Some(outcome) = in_slices(generation, step, progress).await else {
            return;
        };
        drop(job);
        before += bytes.len();
        if let Ok(ImportOutcome::Ready(import)) = outcome {
            sources.push(Source {
                name: file.name,
                fingerprint: file.fingerprint,
                added_on: file.added_on,
                options: file.options,
                bytes,
                import: Rc::new(import),
            });
        }
    }
    if !still_current(generation).await {
        return;
    }
    mark("kaizala:imported");
    dispatch.dispatch(Action::Restored(Box::new(Restored {
        sources,
        ..restored
    })));
}
