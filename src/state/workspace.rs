/*!
An imported file's workspace: its plan, its settings, its progress, the
table's sort and filters, and what a print shows; and the reducer's part
that changes a workspace.
*/

use std::collections::BTreeSet;
use std::rc::Rc;

use chrono::NaiveDate;

use super::sources::{merged, Arrival, Source};
use super::Action;
use kaizala_engine::model::Import;
use kaizala_engine::plan::{
    build_plan, CustomerPlan, CustomerSettings, Lang, Plan, Settings, Urgency,
};
use kaizala_engine::progress::Progress;
use kaizala_engine::workspace::Conflict;

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
    /// Pages of rows shown ("Show more" adds one); at least 1.
    pub pages: usize,
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
            pages: 1,
        }
    }
}

/// The imported files and everything decided about them.
#[derive(Clone, Debug, PartialEq)]
pub struct Workspace {
    /// The files, in the order they were added (later files win where
    /// they disagree).
    pub sources: Vec<Source>,
    /// The files' data as one import.
    pub import: Rc<Import>,
    /// Facts the files disagree on, with the file each came from.
    pub conflicts: Rc<Vec<Conflict>>,
    /// What the last file to arrive changed.
    pub arrival: Option<Rc<Arrival>>,
    /// Bumped by every change that is kept in storage (files, settings,
    /// progress), so that saving follows one number.
    pub revision: u64,
    pub settings: Settings,
    /// The settings a fresh import of this file starts with.
    pub default_settings: Settings,
    /// Whether the user changed the settings (only then are they saved).
    pub settings_changed: bool,
    /// Whether the settings were restored from an earlier visit.
    pub settings_restored: bool,
    pub plan: Rc<Plan>,
    pub progress: Progress,
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
    /// Every customer's key: what the print selection starts as, made with
    /// the plan rather than in the task that shows it (12 ms for 12,000
    /// customers in the browser).
    every_customer: BTreeSet<String>,
}

impl Planned {
    pub fn new(plan: Rc<Plan>, settings: Settings) -> Planned {
        Planned {
            every_customer: all_customers(&plan),
            settings,
            plan,
        }
    }
}

impl Workspace {
    pub(super) fn new(
        sources: Vec<Source>,
        opening: OpeningSettings,
        planned: Option<Planned>,
        progress: Progress,
    ) -> Self {
        let OpeningSettings {
            defaults: default_settings,
            current: settings,
            restored: settings_restored,
        } = opening;
        let (import, conflicts) = merged(&sources);
        let (plan, print_selection) = match planned {
            Some(p) if p.settings == settings && sources.len() == 1 => (p.plan, p.every_customer),
            _ => {
                let plan = Rc::new(build_plan(&import, &settings));
                let every = all_customers(&plan);
                (plan, every)
            }
        };
        Workspace {
            sources,
            import,
            conflicts: Rc::new(conflicts),
            arrival: None,
            revision: 0,
            settings,
            default_settings,
            settings_changed: false,
            settings_restored,
            plan,
            progress,
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

    /// The files' names, as one line.
    pub fn file_name(&self) -> String {
        let names: Vec<&str> = self.sources.iter().map(|s| s.name.as_str()).collect();
        names.join(", ")
    }

    /// Takes a file out of the workspace (a file added by mistake).
    pub(super) fn remove_source(&mut self, fingerprint: &str, on: NaiveDate) -> bool {
        let Some(at) = self
            .sources
            .iter()
            .position(|s| s.fingerprint == fingerprint)
        else {
            return false;
        };
        if self.sources.len() == 1 {
            return false;
        }
        let gone = self.sources.remove(at);
        self.remerge(Vec::new(), vec![gone.name], on);
        true
    }

    /// Says which customer a users file belongs to: kept in its import
    /// options (so a reload reads it so again) and in its users lists.
    pub(super) fn assign_users(
        &mut self,
        fingerprint: &str,
        customer: Option<String>,
        on: NaiveDate,
    ) -> bool {
        let Some(source) = self
            .sources
            .iter_mut()
            .find(|s| s.fingerprint == fingerprint && !s.import.users.is_empty())
        else {
            return false;
        };
        if source.options.users_customer == customer {
            return false;
        }
        source.options.users_customer = customer.clone();
        let mut import = (*source.import).clone();
        for list in &mut import.users {
            list.customer = customer.clone();
        }
        source.import = Rc::new(import);
        self.remerge(Vec::new(), Vec::new(), on);
        true
    }

    /// The files merged again after a change to them, and planned again.
    fn remerge(&mut self, files: Vec<String>, replaced: Vec<String>, on: NaiveDate) {
        let sources = std::mem::take(&mut self.sources);
        let work = self.merge_again(sources, files, replaced, on);
        self.replace_data(work);
    }

    /// The planned customers a users file may belong to: the one named for
    /// it, else those whose domain it shows.
    pub fn users_customers(&self, list: &kaizala_engine::model::UsersList) -> Vec<String> {
        kaizala_engine::plan::matching_customers(
            list,
            self.plan
                .customers
                .iter()
                .map(|c| (c.key.as_str(), &c.customer)),
        )
    }

    /// Steps ticked and steps in all, for a customer.
    pub fn steps_done(&self, customer: &CustomerPlan) -> (usize, usize) {
        self.progress.done(customer)
    }
}

/// Applies a workspace action; false when nothing changed. A tick keeps
/// `today` as the day the step was done.
pub(super) fn reduce_workspace(w: &mut Workspace, action: Action, today: NaiveDate) -> bool {
    match action {
        Action::SetAsOf(d) => {
            if w.settings.as_of == d {
                return false;
            }
            w.settings.as_of = d;
            w.settings_changed = true;
            w.revision += 1;
            w.replan();
        }
        Action::SetCutoff(d) => {
            if w.settings.cutoff == d {
                return false;
            }
            w.settings.cutoff = d;
            w.settings_changed = true;
            w.revision += 1;
            w.replan();
        }
        Action::SetCustomer { key, settings } => {
            if settings == CustomerSettings::default() {
                w.settings.customers.remove(&key);
            } else {
                w.settings.customers.insert(key, settings);
            }
            w.settings_changed = true;
            w.revision += 1;
            w.replan();
        }
        Action::ResetSettings => {
            w.settings = Settings {
                lang: w.settings.lang,
                ..w.default_settings.clone()
            };
            w.settings_changed = true;
            w.revision += 1;
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
            // Ticks are kept against the step's subscriptions, with the
            // facts it was ticked on; ticking a ticked step again takes
            // the facts of now (the partner checked what changed).
            let Some(c) = w.plan.customer(&customer) else {
                return false;
            };
            let changed = if done {
                w.progress.tick_step(c, &step, today)
            } else {
                w.progress.untick_step(c, &step)
            };
            if !changed {
                return false;
            }
            w.revision += 1;
        }
        Action::Note { customer, text } => {
            w.progress.set_note(&customer, &text);
            w.revision += 1;
        }
        Action::TickUser {
            customer,
            upn,
            done,
        } => {
            let before = w.progress.user_done(&customer, &upn).is_some();
            if before == done {
                return false;
            }
            if done {
                w.progress.tick_user(&customer, &upn, today);
            } else {
                w.progress.untick_user(&customer, &upn);
            }
            w.revision += 1;
        }
        Action::AssignUsers {
            fingerprint,
            customer,
        } => return w.assign_users(&fingerprint, customer, today),
        Action::ResetProgress => {
            w.progress = Progress::default();
            w.revision += 1;
        }
        Action::SortBy(key) => {
            w.table.pages = 1;
            if w.table.sort == key {
                w.table.descending = !w.table.descending;
            } else {
                w.table.sort = key;
                w.table.descending = matches!(key, SortKey::Seats | SortKey::Progress);
            }
        }
        Action::Search(text) => {
            w.table.search = text;
            w.table.pages = 1;
        }
        Action::FilterUrgency(u) => {
            w.table.urgency = u;
            w.table.pages = 1;
        }
        Action::FilterReseller(r) => {
            w.table.reseller = r;
            w.table.pages = 1;
        }
        Action::GroupByReseller(on) => w.table.by_reseller = on,
        Action::ShowMore => w.table.pages += 1,
        Action::RemoveSource(fingerprint) => return w.remove_source(&fingerprint, today),
        Action::DismissArrival => {
            if w.arrival.is_none() {
                return false;
            }
            w.arrival = None;
        }
        Action::Navigate(route) => {
            if w.view == route.view && w.table == route.table {
                return false;
            }
            w.view = route.view;
            w.table = route.table;
        }
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
pub(crate) fn all_customers(plan: &Plan) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    keys.extend(plan.customers.iter().map(|c| c.key.clone()));
    keys
}
