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

mod workspace;

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
    pub pending_route: Option<crate::view_model::route::Route>,
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
        }
    }

    pub fn workspace(&self) -> Option<&Workspace> {
        match &self.phase {
            Phase::Ready(w) => Some(w),
            _ => None,
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
    /// Clear every tick and note of this import.
    ResetProgress,
    SortBy(SortKey),
    /// One more page of the customer table.
    ShowMore,
    /// The address changed (Back, Forward, a link or a reload): show its
    /// view and table state.
    Navigate(crate::view_model::route::Route),
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
                        let opening = self.plan_defaults().settings(as_of, stored);
                        next.storage = storage;
                        let mut w = Workspace::new(
                            file_name,
                            fingerprint,
                            import,
                            opening,
                            planned,
                            progress,
                        );
                        if let Some(route) = next.pending_route.take() {
                            w.view = route.view;
                            w.table = route.table;
                        }
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
            Action::ReadFailed { file_name, message } => {
                next.phase = Phase::Failed { file_name, message }
            }
            Action::Storage(health) => {
                if health == self.storage {
                    return self;
                }
                next.storage = health;
            }
            Action::OpenShared(Ok(shared)) => next.phase = Phase::Shared(Rc::new(shared)),
            Action::OpenShared(Err(message)) => next.phase = Phase::SharedFailed { message },
            Action::StartOver => next.phase = Phase::Start,
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

/// Yew's `use_reducer` runs the same reducer.
#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        State::reduce(self, action)
    }
}
