/*!
The app's state and its one reducer.

The reducer is pure: it takes the state and an `Action` and returns the next
state. It never reads a clock, storage or the DOM; results of side effects
(a file's bytes read, progress loaded from storage, a share link decoded)
arrive as actions from `io`. Re-planning after a settings change is a call
into the pure engine (`build_plan`), so it happens here, at once.
*/

use std::rc::Rc;

use chrono::NaiveDate;

use crate::storage_health::StorageHealth;
use kaizala_engine::handout::Partner;
use kaizala_engine::import::{ImportError, ImportOptions, ImportOutcome, MappingRequest};
use kaizala_engine::plan::{CustomerSettings, Lang, Settings, Urgency};
use kaizala_engine::progress::Progress;
pub use kaizala_engine::share::SharedPlan;

mod arrival;
pub mod route;
mod sources;
mod stored;
mod workspace;

pub use arrival::{ArrivalWork, Arrived};
pub use sources::{Arrival, Source};
pub use stored::{StoredFile, StoredWorkspace, STORED_VERSION};
use workspace::reduce_workspace;
pub use workspace::{
    OpeningSettings, PlanDefaults, Planned, PrintMode, SortKey, TableState, View, Workspace,
};

/// Where the user is in the flow.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// Nothing loaded yet.
    Start,
    /// A file is being read and imported; `done` is 0.0..=1.0 when known.
    Reading {
        file_name: String,
        done: Option<f64>,
    },
    /// The file could not be read at all.
    Failed { file_name: String, message: String },
    /// The importer needs the user to match columns or to say how dates
    /// are written.
    Mapping(Rc<MappingStep>),
    /// A plan to work on.
    Ready(Rc<Workspace>),
    /// A customer-facing, read-only plan opened from a share link.
    Shared(Rc<SharedPlan>),
    /// A share link that could not be opened.
    SharedFailed { message: String },
}

/// The mapping step: the file, what the importer asked, and what the user
/// has chosen so far.
#[derive(Clone, Debug, PartialEq)]
pub struct MappingStep {
    pub file_name: String,
    pub bytes: Rc<Vec<u8>>,
    pub request: MappingRequest,
    pub options: ImportOptions,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    /// The browser's date when the app started: the default as-of date.
    pub today: NaiveDate,
    pub phase: Phase,
    pub storage: StorageHealth,
    /// Who the partner is, as shown on shared and printed pages; kept in
    /// this browser, not per file.
    pub partner: Partner,
    /// The view an address asked for before there was a workspace to show
    /// it in (a reload, a copied link): applied when the workspace opens.
    pub pending_route: Option<route::Route>,
    /// The open workspace while a file that may join it is read or
    /// mapped: the file arrives in it, and Cancel returns to it.
    pub held: Option<Rc<Workspace>>,
}

/// A workspace read back: from this browser's storage when the app
/// opens, or from a workspace file.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub sources: Vec<Source>,
    /// The dates and choices, when the user had changed them.
    pub settings: Option<Settings>,
    pub progress: Progress,
    /// The partner a workspace file names.
    pub partner: Option<Partner>,
    /// The as-of date the workspace first opened with, when not today.
    pub opened_as_of: Option<NaiveDate>,
    /// The workspace file's name; `None` for the browser's own storage.
    pub from_file: Option<String>,
}

impl State {
    /// What a file imported now would be planned with.
    pub fn plan_defaults(&self) -> PlanDefaults {
        PlanDefaults {
            lang: self.lang,
            today: self.today,
        }
    }

    pub fn new(lang: Lang, today: NaiveDate) -> Self {
        State {
            lang,
            today,
            phase: Phase::Start,
            storage: StorageHealth::Saving,
            partner: Partner::default(),
            pending_route: None,
            held: None,
        }
    }

    pub fn workspace(&self) -> Option<&Workspace> {
        match &self.phase {
            Phase::Ready(w) => Some(w),
            _ => None,
        }
    }

    /// The workspace a file read now joins: the one open, or the one kept
    /// behind a failed read or the mapping step.
    pub fn open_workspace(&self) -> Option<Rc<Workspace>> {
        match &self.phase {
            Phase::Ready(w) => Some(w.clone()),
            _ => self.held.clone(),
        }
    }
}

/// Everything that can happen to the state.
// `Imported` carries the import options with the user's mapping answers;
// an action is made once per event, so its size costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Action {
    SetLang(Lang),
    /// The partner's name and contact were entered (or read from storage).
    SetPartner(Partner),
    /// A file was chosen, dropped or pasted; reading starts.
    Reading {
        file_name: String,
    },
    /// How far the import is.
    ReadProgress(f64),
    /// The importer finished. `as_of` overrides today (the bundled sample
    /// describes June 2020); `progress` and `storage` are what storage held
    /// for this file.
    Imported {
        file_name: String,
        bytes: Rc<Vec<u8>>,
        fingerprint: String,
        options: ImportOptions,
        // Boxed: an import outcome is far larger than any other action.
        outcome: Box<Result<ImportOutcome, ImportError>>,
        as_of: Option<NaiveDate>,
        progress: Progress,
        /// The settings saved for this file on an earlier visit.
        settings: Option<Settings>,
        storage: StorageHealth,
        /// The plan, built ahead in its own task; `None` for other outcomes.
        planned: Option<Planned>,
    },
    /// A file read while a workspace was open, with its arrival in that
    /// workspace worked out (see [`Arrived`]); boxed for its size.
    Arrived {
        arrived: Box<Arrived>,
        /// What the file's old per-file storage said.
        storage: StorageHealth,
    },
    /// A workspace was read back (see [`Restored`]); boxed for its size.
    Restored(Box<Restored>),
    /// Stop reading a file: back to the workspace, if one is open.
    CancelRead,
    /// Forget the workspace: back to the first screen (storage is cleared
    /// by the caller).
    Forget,
    /// Take one file out of the workspace, by fingerprint.
    RemoveSource(String),
    /// Hide the summary of what the last file changed.
    DismissArrival,
    /// The browser could not read the file, or the user cancelled.
    ReadFailed {
        file_name: String,
        message: String,
    },
    SetAsOf(NaiveDate),
    SetCutoff(NaiveDate),
    SetCustomer {
        key: String,
        settings: CustomerSettings,
    },
    /// Back to the settings a fresh import starts with.
    ResetSettings,
    Open(View),
    /// A step ticked (done on the state's `today`) or unticked.
    Tick {
        customer: String,
        step: String,
        done: bool,
    },
    Note {
        customer: String,
        text: String,
    },
    /// A user of step B marked as moved (on the state's `today`) or not.
    TickUser {
        customer: String,
        upn: String,
        done: bool,
    },
    /// Say which customer a users file belongs to (by the file's
    /// fingerprint; `None`: by its domains again).
    AssignUsers {
        fingerprint: String,
        customer: Option<String>,
    },
    /// Clear every tick and note of this import.
    ResetProgress,
    SortBy(SortKey),
    /// One more page of the customer table.
    ShowMore,
    /// The address changed (Back, Forward, a link or a reload): show its
    /// view and table state.
    Navigate(route::Route),
    Search(String),
    FilterUrgency(Option<Urgency>),
    SelectForPrint {
        customer: String,
        selected: bool,
    },
    SelectAllForPrint(bool),
    SetPrintMode(PrintMode),
    /// The browser finished printing: the print layout goes away, so a
    /// later print from the browser's menu prints the screen.
    PrintFinished,
    FilterReseller(Option<String>),
    GroupByReseller(bool),
    Storage(StorageHealth),
    OpenShared(Result<SharedPlan, String>),
    StartOver,
}

impl State {
    /// The state after `action`: the same `Rc` when nothing changed, so
    /// that nothing re-renders.
    pub fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => {
                if lang == self.lang {
                    return self;
                }
                next.lang = lang;
            }
            Action::SetPartner(partner) => {
                // Trimmed and capped as it is kept, shown and shared.
                let partner = partner.tidy();
                if partner == self.partner {
                    return self;
                }
                next.partner = partner;
            }
            Action::Reading { file_name } => {
                if let Phase::Ready(w) = &self.phase {
                    next.held = Some(w.clone());
                }
                next.phase = Phase::Reading {
                    file_name,
                    done: None,
                }
            }
            Action::ReadProgress(done) => match &self.phase {
                Phase::Reading { file_name, .. } => {
                    next.phase = Phase::Reading {
                        file_name: file_name.clone(),
                        done: Some(done.clamp(0.0, 1.0)),
                    }
                }
                _ => return self,
            },
            Action::Imported {
                file_name,
                bytes,
                fingerprint,
                options,
                outcome,
                as_of,
                progress,
                settings: stored,
                storage,
                planned,
            } => {
                // A read that finishes after the user cancelled or started over
                // is dropped; a new file always starts with `Reading`.
                let current = match &self.phase {
                    Phase::Reading { file_name, .. } => file_name,
                    Phase::Mapping(step) => &step.file_name,
                    _ => return self,
                };
                if *current != file_name {
                    return self;
                }
                next.phase = match *outcome {
                    Ok(ImportOutcome::Ready(import)) => {
                        let source = Source {
                            name: file_name,
                            fingerprint,
                            added_on: self.today,
                            options: ImportOptions {
                                big5_decoder: None,
                                ..options
                            },
                            bytes,
                            import: Rc::new(import),
                        };
                        // What the file's old per-file storage said, unless
                        // the workspace's storage has already said worse.
                        if storage != StorageHealth::Saving {
                            next.storage = storage;
                        }
                        if let Some(held) = next.held.take() {
                            let mut w = (*held).clone();
                            w.arrive(vec![source], self.today);
                            next.phase = Phase::Ready(Rc::new(w));
                            return Rc::new(next);
                        }
                        let opening = self.plan_defaults().settings(as_of, stored);
                        let mut w = Workspace::new(vec![source], opening, planned, progress);
                        // Progress an earlier version kept for this file, by
                        // step id, is carried over to the steps' own keys.
                        if w.progress.has_legacy() {
                            w.progress.adopt_legacy(&w.plan);
                            w.revision += 1;
                        }
                        // An address from before is about the workspace that was
                        // kept, not about a file opened now.
                        next.pending_route = None;
                        Phase::Ready(Rc::new(w))
                    }
                    Ok(ImportOutcome::NeedsMapping(request)) => {
                        Phase::Mapping(Rc::new(MappingStep {
                            file_name,
                            bytes,
                            request,
                            options,
                        }))
                    }
                    Err(e) => Phase::Failed {
                        file_name,
                        message: kaizala_engine::i18n::Render::render(&e, self.lang).into_owned(),
                    },
                };
            }
            Action::Arrived { arrived, storage } => {
                match &self.phase {
                    Phase::Reading { file_name, .. } if file_name == arrived.file_name() => {}
                    _ => return self,
                }
                if storage != StorageHealth::Saving {
                    next.storage = storage;
                }
                let today = self.today;
                let w = match next.held.take() {
                    Some(held) if arrived.is_for(&held) => {
                        let mut w = (*held).clone();
                        w.arrived(*arrived);
                        w
                    }
                    // The workspace changed since the file was read: the
                    // arrival is worked out again, here.
                    Some(held) => {
                        let mut w = (*held).clone();
                        w.arrive(vec![arrived.into_source()], today);
                        w
                    }
                    None => {
                        let opening = self.plan_defaults().settings(None, None);
                        let source = arrived.into_source();
                        Workspace::new(vec![source], opening, None, Progress::default())
                    }
                };
                next.phase = Phase::Ready(Rc::new(w));
            }
            Action::ReadFailed { file_name, message } => {
                next.phase = Phase::Failed { file_name, message }
            }
            Action::Restored(restored) => return self.restored(*restored),
            Action::CancelRead => {
                next.phase = match next.held.take() {
                    Some(w) => Phase::Ready(w),
                    None => Phase::Start,
                }
            }
            Action::Forget => {
                next.phase = Phase::Start;
                next.held = None;
                next.pending_route = None;
            }
            Action::Storage(health) => {
                // "Could not be read" stays up once said: a later save
                // that works must not hide it before it was read.
                let sticky =
                    self.storage == StorageHealth::Corrupted && health == StorageHealth::Saving;
                if health == self.storage || sticky {
                    return self;
                }
                next.storage = health;
            }
            Action::OpenShared(Ok(shared)) => next.phase = Phase::Shared(Rc::new(shared)),
            Action::OpenShared(Err(message)) => next.phase = Phase::SharedFailed { message },
            Action::StartOver => {
                next.phase = Phase::Start;
                next.held = None;
            }
            Action::Navigate(route) if self.workspace().is_none() => {
                next.pending_route = Some(route);
            }
            other => {
                let Phase::Ready(w) = &self.phase else {
                    return self;
                };
                let mut w = (**w).clone();
                if !reduce_workspace(&mut w, other, self.today) {
                    return self;
                }
                next.phase = Phase::Ready(Rc::new(w));
            }
        }
        if next.lang != self.lang {
            if let Phase::Ready(w) = &next.phase {
                let mut w = (**w).clone();
                w.settings.lang = next.lang;
                w.plan = Rc::new(w.plan.in_lang(next.lang));
                next.phase = Phase::Ready(Rc::new(w));
            }
        }
        Rc::new(next)
    }
}

impl State {
    /// A workspace read back: it opens as it was, or, when a workspace
    /// file arrives in an open workspace, its files join this one and
    /// its progress and choices are merged in (ours win where both hold
    /// one).
    fn restored(self: Rc<Self>, r: Restored) -> Rc<Self> {
        let mut next = (*self).clone();
        if let Some(partner) = r.partner.filter(|_| self.partner.is_empty()) {
            next.partner = partner.tidy();
        }
        let open = match (&self.phase, &self.held) {
            (Phase::Ready(w), _) => Some(w.clone()),
            (_, Some(w)) if r.from_file.is_some() => Some(w.clone()),
            _ => None,
        };
        next.held = None;
        if r.sources.is_empty() && open.is_none() {
            next.phase = Phase::Start;
            return Rc::new(next);
        }
        let w = match open.filter(|_| r.from_file.is_some()) {
            Some(open) => {
                let mut w = (*open).clone();
                w.progress.merge(&r.progress);
                if let Some(theirs) = r.settings {
                    for (key, choice) in theirs.customers {
                        w.settings.customers.entry(key).or_insert(choice);
                    }
                }
                w.settings_changed = true;
                w.arrive(r.sources, self.today);
                w
            }
            None => {
                let opening = self.plan_defaults().settings(r.opened_as_of, r.settings);
                let mut w = Workspace::new(r.sources, opening, None, r.progress);
                w.progress.adopt_legacy(&w.plan);
                if let Some(name) = r.from_file {
                    w.arrival = Some(Rc::new(Arrival {
                        files: vec![name],
                        replaced: Vec::new(),
                        changes: sources::compare(&Default::default(), &w.import),
                        on: self.today,
                    }));
                }
                if let Some(route) = next.pending_route.take() {
                    w.view = route.view;
                    w.table = route.table;
                }
                w
            }
        };
        next.phase = Phase::Ready(Rc::new(w));
        Rc::new(next)
    }
}

/// Yew's `use_reducer` runs the same reducer.
#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        State::reduce(self, action)
    }
}
