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
