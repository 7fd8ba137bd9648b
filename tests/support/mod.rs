/*!
What the app's native tests share: a date, and a file imported and opened
through the reducer exactly as `io` dispatches it.
*/
#![allow(dead_code)]

use std::rc::Rc;

use chrono::NaiveDate;
use kaizala_engine::import::{import, ImportOptions};
use kaizala_engine::plan::{Lang, Settings};
use kaizala_engine::progress::Progress;
use kaizala_planner::state::{Action, Planned, State};
use kaizala_planner::storage_health::StorageHealth;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The import of `csv` (as `a.csv`) as `io` dispatches it, with the
/// settings stored for the file and a plan built ahead.
pub fn imported(csv: &str, settings: Option<Settings>, planned: Option<Planned>) -> Action {
    Action::Imported {
        file_name: "a.csv".into(),
        bytes: Rc::new(csv.as_bytes().to_vec()),
        fingerprint: "f".into(),
        options: ImportOptions::default(),
        outcome: Box::new(import(csv.as_bytes(), &ImportOptions::default())),
        as_of: None,
        progress: Progress::default(),
        settings,
        storage: StorageHealth::Saving,
        planned,
    }
}

/// A state with `csv` read and imported, on 1 June 2020, in English.
pub fn ready(csv: &str) -> Rc<State> {
    Rc::new(State::new(Lang::En, d(2020, 6, 1)))
        .reduce(Action::Reading {
            file_name: "a.csv".into(),
        })
        .reduce(imported(csv, None, None))
}

/// `csv` as a file of a workspace, named `name`, added on 1 June 2020.
pub fn source(name: &str, csv: &str) -> kaizala_planner::state::Source {
    use kaizala_engine::import::ImportOutcome;
    let Ok(ImportOutcome::Ready(import)) = import(csv.as_bytes(), &ImportOptions::default()) else {
        panic!("{name} does not import");
    };
    kaizala_planner::state::Source {
        name: name.into(),
        fingerprint: kaizala_engine::progress::fingerprint(csv.as_bytes()),
        added_on: d(2020, 6, 1),
        options: ImportOptions::default(),
        bytes: Rc::new(csv.as_bytes().to_vec()),
        import: Rc::new(import),
    }
}

/// A workspace read back from storage, holding `csv` as `a.csv`.
pub fn restored(csv: &str, progress: Progress) -> Action {
    Action::Restored(Box::new(kaizala_planner::state::Restored {
        sources: vec![source("a.csv", csv)],
        settings: None,
        progress,
        partner: None,
        opened_as_of: None,
        from_file: None,
    }))
}

/// Whether the customer `key`'s step `step` is ticked in `w`.
pub fn is_ticked(w: &kaizala_planner::state::Workspace, key: &str, step: &str) -> bool {
    w.plan
        .customer(key)
        .is_some_and(|c| w.progress.states(c).contains_key(step))
}

/// The day the customer `key`'s step `step` was done, when ticked with one.
pub fn ticked_on(
    w: &kaizala_planner::state::Workspace,
    key: &str,
    step: &str,
) -> Option<NaiveDate> {
    let c = w.plan.customer(key)?;
    w.progress.states(c).get(step)?.on
}

/// The customer `key`'s done steps with their days.
pub fn done_steps(
    w: &kaizala_planner::state::Workspace,
    key: &str,
) -> std::collections::BTreeMap<String, Option<NaiveDate>> {
    w.plan
        .customer(key)
        .map(|c| w.progress.done_steps(c))
        .unwrap_or_default()
}
