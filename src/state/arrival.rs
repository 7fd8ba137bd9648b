/*!
A file that joins the open workspace, worked out ahead. In the reducer,
an arrival is one task: the files merged again, the data compared with
what it was, the whole workspace planned again and the print selection
made anew (573 ms for a newer 100,000-row export, the partner's weekly
visit). `io` does the same work in slices while the file is read
([`Workspace::begin_arrival`], a `PlanJob`, [`Arrived::new`]), and the
reducer only puts the result in place, if the workspace it was worked out
for is still the one open; otherwise it works the arrival out itself.
*/

use std::collections::BTreeSet;
use std::rc::Rc;

use chrono::NaiveDate;

use super::sources::{add_sources, compare, merged, Arrival, Source};
use super::workspace::{all_customers, Workspace};
use kaizala_engine::model::Import;
use kaizala_engine::plan::{build_plan, Plan};
use kaizala_engine::workspace::{Changes, Conflict};

/// The workspace's files and data after an arrival, all but the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct ArrivalWork {
    sources: Vec<Source>,
    import: Rc<Import>,
    conflicts: Vec<Conflict>,
    files: Vec<String>,
    replaced: Vec<String>,
    on: NaiveDate,
    /// The data compared with the workspace's before: made when the work
    /// is put in place unless made ahead ([`ArrivalWork::set_changes`]).
    changes: Option<Changes>,
}

impl ArrivalWork {
    /// The workspace's data after the arrival: what is planned.
    pub fn import(&self) -> &Rc<Import> {
        &self.import
    }

    /// What changed from the data of the workspace it arrives in, made
    /// ahead (by a `ChangesJob` in `io`'s slices: 100,000 subscriptions
    /// against 100,000 were one task of 215 ms).
    pub fn set_changes(&mut self, changes: Changes) {
        self.changes = Some(changes);
    }
}

/// An arrival worked out ahead of the `Imported` action, with the plan of
/// the workspace after it and the print selection that follows.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrived {
    /// The workspace it was worked out for.
    into: Rc<Workspace>,
    /// The file that arrives, as the workspace keeps it.
    arriving: Source,
    work: ArrivalWork,
    plan: Rc<Plan>,
    print_selection: BTreeSet<String>,
}

impl Arrived {
    /// `arriving` on `into`, worked out as `work` (by
    /// [`Workspace::begin_arrival`]) and planned, with `into`'s settings,
    /// as `plan`.
    pub fn new(
        into: Rc<Workspace>,
        arriving: Source,
        work: ArrivalWork,
        plan: Rc<Plan>,
    ) -> Arrived {
        let print_selection = into.selection_after(&plan);
        Arrived {
            into,
            arriving,
            work,
            plan,
            print_selection,
        }
    }

    /// The name of the file that arrives.
    pub fn file_name(&self) -> &str {
        &self.arriving.name
    }

    /// Whether this was worked out for `w` (the same workspace, unchanged).
    pub(super) fn is_for(&self, w: &Rc<Workspace>) -> bool {
        Rc::ptr_eq(&self.into, w)
    }

    /// The file that arrives, to be worked out again.
    pub(super) fn into_source(self) -> Source {
        self.arriving
    }
}

impl Workspace {
    /// The workspace's files and data once `arriving` arrives on `on`:
    /// each file replaces the earlier files it covers or joins them, and
    /// what changed is kept to be shown.
    pub fn begin_arrival(&self, arriving: Vec<Source>, on: NaiveDate) -> ArrivalWork {
        let files = arriving.iter().map(|s| s.name.clone()).collect();
        let mut sources = self.sources.clone();
        let replaced = add_sources(&mut sources, arriving);
        self.merge_again(sources, files, replaced, on)
    }

    /// `sources` merged again.
    pub(super) fn merge_again(
        &self,
        sources: Vec<Source>,
        files: Vec<String>,
        replaced: Vec<String>,
        on: NaiveDate,
    ) -> ArrivalWork {
        let (import, conflicts) = merged(&sources);
        ArrivalWork {
            sources,
            import,
            conflicts,
            files,
            replaced,
            on,
            changes: None,
        }
    }

    /// The print selection once `plan` replaces the workspace's: customers
    /// new to the plan are selected, as every customer is when a workspace
    /// opens; the others keep their box.
    fn selection_after(&self, plan: &Plan) -> BTreeSet<String> {
        let old_keys = all_customers(&self.plan);
        // Retain, not collect: collecting into a set sorts first, with its
        // own copy of the standard sort.
        let mut selection = all_customers(plan);
        selection.retain(|k| !old_keys.contains(k) || self.print_selection.contains(k));
        selection
    }

    /// Files that arrive in the open workspace: the plan is built again,
    /// and what changed is kept to be shown. Progress and choices stay:
    /// they are keyed by customer and subscription, not by file.
    pub(super) fn arrive(&mut self, arriving: Vec<Source>, on: NaiveDate) {
        let work = self.begin_arrival(arriving, on);
        self.replace_data(work);
    }

    /// Puts an arrival worked out ahead in place.
    pub(super) fn arrived(&mut self, a: Arrived) {
        self.put(a.work, a.plan, a.print_selection);
    }

    /// The workspace's data replaced by `work`'s, planned again here.
    pub(super) fn replace_data(&mut self, work: ArrivalWork) {
        let plan = Rc::new(build_plan(&work.import, &self.settings));
        let selection = self.selection_after(&plan);
        self.put(work, plan, selection);
    }

    fn put(&mut self, work: ArrivalWork, plan: Rc<Plan>, print_selection: BTreeSet<String>) {
        let changes = work
            .changes
            .unwrap_or_else(|| compare(&self.import, &work.import));
        self.arrival = Some(Rc::new(Arrival {
            files: work.files,
            replaced: work.replaced,
            changes,
            on: work.on,
        }));
        self.sources = work.sources;
        self.import = work.import;
        self.conflicts = Rc::new(work.conflicts);
        self.plan = plan;
        self.print_selection = print_selection;
        self.revision += 1;
    }
}
