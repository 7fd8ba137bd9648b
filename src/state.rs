/*!
The app's state and its one reducer.

The reducer is pure: it takes the state and an `Action` and returns the next
state. It never reads a clock, storage or the DOM; results of side effects
(a file's bytes read, progress loaded from storage, a share link decoded)
arrive as actions from `io`. Re-planning after a settings change is a call
into the pure engine (`build_plan`), so it happens here, at once.
*/

use std::collections::BTreeSet;
use std::rc::Rc;

use chrono::NaiveDate;

use crate::storage_health::StorageHealth;
use kaizala_engine::handout::Partner;
use kaizala_engine::import::{Import, ImportError, ImportOptions, ImportOutcome, MappingRequest};
use kaizala_engine::plan::{
    build_plan, CustomerPlan, CustomerSettings, Lang, Plan, Settings, Urgency,
};
use kaizala_engine::progress::Progress;
pub use kaizala_engine::share::SharedPlan;

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

/// Which screen of a plan is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    Overview,
    Customer(String),
}

/// What a print shows: the overview, the selected customers' checklists
/// one per page, or the open customer's checklist alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintMode {
    Overview,
    Checklists,
    Customer,
}

/// Columns the customer table sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Urgency,
    Customer,
    Seats,
    Plan,
    Progress,
}

/// The customer table's sort and filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableState {
    pub sort: SortKey,
    pub descending: bool,
    pub search: String,
    pub urgency: Option<Urgency>,
    /// Only the customers of this reseller MPN ID (`""`: those sold
    /// directly); prints and downloads follow it.
    pub reseller: Option<String>,
    /// Rows grouped by reseller.
    pub by_reseller: bool,
}

impl Default for TableState {
    fn default() -> Self {
        TableState {
            sort: SortKey::Urgency,
            descending: false,
            search: String::new(),
            urgency: None,
            reseller: None,
            by_reseller: false,
        }
    }
}

/// An imported file and everything decided about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Workspace {
    pub file_name: String,
    /// Fingerprint of the file's bytes: the key of its stored progress.
    pub fingerprint: String,
    pub import: Rc<Import>,
    pub settings: Settings,
    /// The settings a fresh import of this file starts with.
    pub default_settings: Settings,
    /// Whether the user changed the settings (only then are they saved).
    pub settings_changed: bool,
    /// Whether the settings were restored from an earlier visit.
    pub settings_restored: bool,
    pub plan: Rc<Plan>,
    pub progress: Progress,
    /// Whether the user changed the progress since it was loaded: only then
    /// is it written back, so a stored copy that could not be read is not
    /// overwritten by merely opening the file.
    pub progress_changed: bool,
    pub view: View,
    pub table: TableState,
    /// Customers selected for printing, by key.
    pub print_selection: BTreeSet<String>,
    pub print_mode: PrintMode,
    /// Whether the print layout has been asked for. Until then it is not
    /// rendered at all: with thousands of customers it would be thousands
    /// of checklists in the page on every change.
    pub print_prepared: bool,
}

/// What the plan of a newly imported file starts from: the interface's
/// language and today's date (or the date a bundled sample is set on).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanDefaults {
    pub lang: Lang,
    pub today: NaiveDate,
}

/// A file's settings when it is opened.
#[derive(Clone, Debug, PartialEq)]
pub struct OpeningSettings {
    /// What a fresh import of the file starts with.
    pub defaults: Settings,
    /// What the plan is built with: the stored settings, if any, in the
    /// interface's language.
    pub current: Settings,
    /// Whether stored settings differ from the defaults.
    pub restored: bool,
}

impl PlanDefaults {
    /// The settings a file opens with, given those stored for it.
    pub fn settings(self, as_of: Option<NaiveDate>, stored: Option<Settings>) -> OpeningSettings {
        let defaults = Settings {
            lang: self.lang,
            ..Settings::new(as_of.unwrap_or(self.today))
        };
        let restored = stored.as_ref().is_some_and(|s| *s != defaults);
        let current = match stored {
            Some(s) => Settings {
                lang: defaults.lang,
                ..s
            },
            None => defaults.clone(),
        };
        OpeningSettings {
            defaults,
            current,
            restored,
        }
    }
}

/// A plan built ahead of the `Imported` action (see `io`), with the
/// settings it was built with: the reducer keeps it only if they are
/// still the settings the file opens with.
#[derive(Clone, Debug, PartialEq)]
pub struct Planned {
    pub settings: Settings,
    pub plan: Rc<Plan>,
}

impl Workspace {
    fn new(
        file_name: String,
        fingerprint: String,
        import: Import,
        opening: OpeningSettings,
        planned: Option<Planned>,
        progress: Progress,
    ) -> Self {
        let OpeningSettings {
            defaults: default_settings,
            current: settings,
            restored: settings_restored,
        } = opening;
        let plan = match planned {
            Some(p) if p.settings == settings => p.plan,
            _ => Rc::new(build_plan(&import, &settings)),
        };
        let print_selection = all_customers(&plan);
        Workspace {
            file_name,
            fingerprint,
            import: Rc::new(import),
            settings,
            default_settings,
            settings_changed: false,
            settings_restored,
            plan,
            progress,
            progress_changed: false,
            view: View::Overview,
            table: TableState::default(),
            print_selection,
            print_mode: PrintMode::Checklists,
            print_prepared: false,
        }
    }

    fn replan(&mut self) {
        self.plan = Rc::new(build_plan(&self.import, &self.settings));
    }

    /// Steps ticked and steps in all, for a customer.
    pub fn steps_done(&self, customer: &CustomerPlan) -> (usize, usize) {
        let ids = kaizala_engine::checklist::step_ids(customer);
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        (self.progress.done(&customer.key, &ids), ids.len())
    }
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
                        Phase::Ready(Rc::new(Workspace::new(
                            file_name,
                            fingerprint,
                            import,
                            opening,
                            planned,
                            progress,
                        )))
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

/// Applies a workspace action; false when nothing changed. A tick keeps
/// `today` as the day the step was done.
fn reduce_workspace(w: &mut Workspace, action: Action, today: NaiveDate) -> bool {
    match action {
        Action::SetAsOf(d) => {
            if w.settings.as_of == d {
                return false;
            }
            w.settings.as_of = d;
            w.settings_changed = true;
            w.replan();
        }
        Action::SetCutoff(d) => {
            if w.settings.cutoff == d {
                return false;
            }
            w.settings.cutoff = d;
            w.settings_changed = true;
            w.replan();
        }
        Action::SetCustomer { key, settings } => {
            if settings == CustomerSettings::default() {
                w.settings.customers.remove(&key);
            } else {
                w.settings.customers.insert(key, settings);
            }
            w.settings_changed = true;
            w.replan();
        }
        Action::ResetSettings => {
            w.settings = Settings {
                lang: w.settings.lang,
                ..w.default_settings.clone()
            };
            w.settings_changed = true;
            w.settings_restored = false;
            w.replan();
        }
        Action::Open(view) => {
            if w.view == view {
                return false;
            }
            w.view = view;
        }
        Action::Tick {
            customer,
            step,
            done,
        } => {
            if done {
                w.progress.tick_on(&customer, &step, today);
            } else {
                w.progress.set_ticked(&customer, &step, false);
            }
            w.progress_changed = true;
        }
        Action::Note { customer, text } => {
            w.progress.set_note(&customer, &text);
            w.progress_changed = true;
        }
        Action::ResetProgress => {
            w.progress = Progress::default();
            w.progress_changed = true;
        }
        Action::SortBy(key) => {
            if w.table.sort == key {
                w.table.descending = !w.table.descending;
            } else {
                w.table.sort = key;
                w.table.descending = matches!(key, SortKey::Seats | SortKey::Progress);
            }
        }
        Action::Search(text) => w.table.search = text,
        Action::FilterUrgency(u) => w.table.urgency = u,
        Action::FilterReseller(r) => w.table.reseller = r,
        Action::GroupByReseller(on) => w.table.by_reseller = on,
        Action::PrintFinished => {
            if !w.print_prepared {
                return false;
            }
            w.print_prepared = false;
        }
        Action::SelectForPrint { customer, selected } => {
            if selected {
                w.print_selection.insert(customer);
            } else {
                w.print_selection.remove(&customer);
            }
        }
        Action::SelectAllForPrint(all) => {
            w.print_selection = if all {
                all_customers(&w.plan)
            } else {
                BTreeSet::new()
            };
        }
        Action::SetPrintMode(mode) => {
            if w.print_mode == mode && w.print_prepared {
                return false;
            }
            w.print_mode = mode;
            w.print_prepared = true;
        }
        _ => return false,
    }
    true
}

/// Every customer's key. Filled by extend (one insert each): collecting
/// into a BTreeSet sorts first, with its own copy of the standard sort.
fn all_customers(plan: &Plan) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    keys.extend(plan.customers.iter().map(|c| c.key.clone()));
    keys
}
