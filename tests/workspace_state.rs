/*!
The workspace through the reducer: a newer export replaces the one it
covers and keeps ticks and notes, another customer's export joins, what
changed is kept, a read that fails or is cancelled returns to the
workspace, a workspace file merges in, and the stored record reads back.
*/

mod support;

use std::rc::Rc;

use kaizala_engine::progress::Progress;
use kaizala_planner::state::{
    Action, Arrived, Phase, Restored, State, StoredWorkspace, View, Workspace,
};

const HEAD: &str = "id,offerName,quantity,status,autoRenewEnabled,commitmentEndDate,termDuration,customerTenantId,customerCompanyName,customerDomain\n";
const CONTOSO: &str =
    "s1,Microsoft Kaizala Pro,20,active,false,2020-09-01T00:00:00Z,P1Y,t1,Contoso,contoso.com\n";
const FABRIKAM: &str =
    "s2,Microsoft Kaizala Pro,40,active,false,2020-12-01T00:00:00Z,P1Y,t2,Fabrikam,fabrikam.com\n";
const FABRIKAM_MOVED: &str =
    "s2,Microsoft Kaizala Pro,40,active,false,2021-01-15T00:00:00Z,P1Y,t2,Fabrikam,fabrikam.com\n";
const FABRIKAM_MORE: &str =
    "s9,Microsoft Kaizala Pro,10,active,false,2020-12-10T00:00:00Z,P1Y,t2,Fabrikam,fabrikam.com\n";
const ADATUM: &str =
    "s3,Microsoft Kaizala Pro,5,active,false,2020-07-15T00:00:00Z,P1Y,t3,Adatum,adatum.com\n";

fn csv(rows: &[&str]) -> String {
    let mut s = HEAD.to_string();
    for r in rows {
        s.push_str(r);
    }
    s
}

/// `state` after the file `name` holding `text` was read.
fn read(state: Rc<State>, name: &str, text: &str) -> Rc<State> {
    let mut action = support::imported(text, None, None);
    if let Action::Imported {
        file_name,
        fingerprint,
        ..
    } = &mut action
    {
        *file_name = name.into();
        *fingerprint = kaizala_engine::progress::fingerprint(text.as_bytes());
    }
    state
        .reduce(Action::Reading {
            file_name: name.into(),
        })
        .reduce(action)
}

fn ws(state: &State) -> &Workspace {
    state.workspace().expect("a workspace")
}

fn tick(state: Rc<State>, customer: &str, step: &str) -> Rc<State> {
    state.reduce(Action::Tick {
        customer: customer.into(),
        step: step.into(),
        done: true,
    })
}

#[test]
fn a_newer_export_replaces_the_older_and_keeps_ticks_and_notes() {
    let v1 = csv(&[CONTOSO, FABRIKAM]);
    let state = read(
        Rc::new(State::new(
            kaizala_engine::plan::Lang::En,
            support::d(2020, 6, 1),
        )),
        "export.csv",
        &v1,
    );
    let state = tick(state, "id:t2", "A");
    let state = tick(state, "id:t2", "C");
    let state = state.reduce(Action::Note {
        customer: "id:t2".into(),
        text: "PO 4711".into(),
    });
    assert_eq!(
        ws(&state)
            .steps_done(ws(&state).plan.customer("id:t2").unwrap())
            .0,
        2
    );

    // A week later: Fabrikam's end date moved and it has one more
    // subscription, listed first.
    let v2 = csv(&[FABRIKAM_MORE, CONTOSO, FABRIKAM_MOVED]);
    let state = read(state, "export (1).csv", &v2);
    let w = ws(&state);
    assert_eq!(w.sources.len(), 1, "the newer export replaced the older");
    assert_eq!(w.sources[0].name, "export (1).csv");
    let arrival = w.arrival.as_ref().expect("what changed is kept");
    assert_eq!(arrival.replaced, vec!["export.csv".to_string()]);
    let counts = arrival.changes.counts();
    assert_eq!(
        (counts.subscriptions_added, counts.subscriptions_changed),
        (1, 1)
    );
    assert!(
        arrival.changes.for_customer("id:t1").is_empty(),
        "Contoso did not change"
    );
    assert!(!arrival.changes.for_customer("id:t2").is_empty());

    // The ticks followed subscription s2: its end date moved more than a
    // month past the new s9's, so it now moves in a second wave, and the
    // ticks are on that wave's steps, flagged with the move.
    let fabrikam = w.plan.customer("id:t2").unwrap();
    let states = w.progress.states(fabrikam);
    let ids: Vec<&str> = states.keys().map(String::as_str).collect();
    assert_eq!(ids, ["W2A", "W2C"], "{states:?}");
    for s in states.values() {
        assert_eq!(s.on, Some(support::d(2020, 6, 1)));
        assert!(!s.changes.is_empty(), "flagged: {states:?}");
    }
    assert_eq!(w.progress.note("id:t2"), "PO 4711");
    assert!(w.revision > 0, "the new data is kept");
}

#[test]
fn reordered_rows_change_nothing() {
    let state = support::ready(&csv(&[CONTOSO, FABRIKAM, ADATUM]));
    let state = read(state, "b.csv", &csv(&[ADATUM, FABRIKAM, CONTOSO]));
    let w = ws(&state);
    assert_eq!(w.sources.len(), 1);
    assert!(w.arrival.as_ref().unwrap().changes.is_empty());
}

#[test]
fn another_customers_export_joins_and_can_be_taken_out() {
    let state = support::ready(&csv(&[CONTOSO]));
    let state = tick(state, "id:t1", "A");
    let state = read(state, "fabrikam.csv", &csv(&[FABRIKAM]));
    let w = ws(&state);
    assert_eq!(w.sources.len(), 2, "a file about other customers joins");
    assert_eq!(w.plan.customers.len(), 2);
    assert_eq!(
        w.arrival.as_ref().unwrap().changes.counts().customers_added,
        1
    );
    assert!(
        w.print_selection.contains("id:t2"),
        "a new customer is selected for printing"
    );
    assert_eq!(w.steps_done(w.plan.customer("id:t1").unwrap()).0, 1);

    let fp = w.sources[1].fingerprint.clone();
    let state = state.reduce(Action::RemoveSource(fp));
    let w = ws(&state);
    assert_eq!(w.sources.len(), 1);
    assert_eq!(w.plan.customers.len(), 1);
    assert_eq!(
        w.arrival
            .as_ref()
            .unwrap()
            .changes
            .counts()
            .customers_removed,
        1
    );
    // The last file stays: forgetting is how a workspace is emptied.
    let fp = w.sources[0].fingerprint.clone();
    let same = state.clone().reduce(Action::RemoveSource(fp));
    assert!(Rc::ptr_eq(&state, &same));
}

#[test]
fn a_cancelled_or_failed_read_returns_to_the_workspace() {
    let state = support::ready(&csv(&[CONTOSO]));
    let reading = state.clone().reduce(Action::Reading {
        file_name: "b.csv".into(),
    });
    assert!(matches!(reading.phase, Phase::Reading { .. }));
    let back = reading.clone().reduce(Action::CancelRead);
    assert_eq!(ws(&back).sources.len(), 1);
    let failed = reading.reduce(Action::ReadFailed {
        file_name: "b.csv".into(),
        message: "gone".into(),
    });
    assert!(failed.held.is_some());
    let back = failed.reduce(Action::CancelRead);
    assert!(back.workspace().is_some());

    let forgotten = back.reduce(Action::Forget);
    assert!(matches!(forgotten.phase, Phase::Start));
    assert!(forgotten.held.is_none());
}

#[test]
fn a_workspace_file_restores_or_merges() {
    // Restored into an empty planner: everything as it was.
    let mut progress = Progress::default();
    progress.set_note("id:t1", "from a colleague");
    let empty = Rc::new(State::new(
        kaizala_engine::plan::Lang::En,
        support::d(2020, 6, 1),
    ));
    let state = empty.reduce(Action::Restored(Box::new(Restored {
        sources: vec![support::source("theirs.csv", &csv(&[CONTOSO]))],
        settings: None,
        progress: progress.clone(),
        partner: None,
        opened_as_of: None,
        from_file: Some("workspace.json".into()),
    })));
    assert_eq!(ws(&state).progress.note("id:t1"), "from a colleague");
    assert_eq!(ws(&state).view, View::Overview);

    // Merged into an open workspace: both files' customers, both notes.
    let mine = support::ready(&csv(&[FABRIKAM])).reduce(Action::Note {
        customer: "id:t2".into(),
        text: "mine".into(),
    });
    let merged = mine.reduce(Action::Restored(Box::new(Restored {
        sources: vec![support::source("theirs.csv", &csv(&[CONTOSO]))],
        settings: None,
        progress,
        partner: None,
        opened_as_of: None,
        from_file: Some("workspace.json".into()),
    })));
    let w = ws(&merged);
    assert_eq!(w.plan.customers.len(), 2);
    assert_eq!(w.progress.note("id:t2"), "mine");
    assert_eq!(w.progress.note("id:t1"), "from a colleague");
    assert_eq!(
        w.arrival.as_ref().unwrap().files,
        vec!["theirs.csv".to_string()]
    );
}

#[test]
fn the_stored_record_reads_back_and_refuses_what_is_not_ours() {
    let state = support::ready(&csv(&[CONTOSO, FABRIKAM]));
    let state = tick(state, "id:t1", "A").reduce(Action::SetAsOf(support::d(2020, 7, 1)));
    let w = ws(&state);
    let record = StoredWorkspace::of(w, support::d(2020, 6, 1));
    assert_eq!(record.files.len(), 1);
    assert!(record.settings.is_some(), "changed settings are kept");
    let back = StoredWorkspace::from_json(&record.to_json()).expect("reads back");
    assert_eq!(back, record);

    // Untouched settings are not kept: next week's plan follows next week.
    let fresh = support::ready(&csv(&[CONTOSO]));
    assert_eq!(
        StoredWorkspace::of(ws(&fresh), support::d(2020, 6, 1)).settings,
        None
    );

    for text in [
        "",
        "[[[garbage",
        "{}",
        "null",
        r#"{"version":99,"files":[]}"#,
        r#"{"version":1,"files":"x"}"#,
    ] {
        assert_eq!(StoredWorkspace::from_json(text), None, "{text:?}");
    }
}

/// The arrival `io` works out while the file is read, given to the reducer
/// as `Arrived`: the same workspace as the reducer's own, and worked out
/// again if the workspace it was made for is no longer the one kept.
#[test]
fn an_arrival_worked_out_ahead_is_the_reducers_own() {
    let before = tick(support::ready(&csv(&[CONTOSO, FABRIKAM])), "id:t1", "A");
    let before = before.reduce(Action::SelectForPrint {
        customer: "id:t2".into(),
        selected: false,
    });
    let newer = csv(&[CONTOSO, FABRIKAM_MOVED, FABRIKAM_MORE, ADATUM]);
    let expected = read(before.clone(), "newer.csv", &newer);

    let reading = before.clone().reduce(Action::Reading {
        file_name: "newer.csv".into(),
    });
    let held = reading
        .held
        .clone()
        .expect("the workspace is kept while reading");
    let source = kaizala_planner::state::Source {
        name: "newer.csv".into(),
        ..support::source("newer.csv", &newer)
    };
    let ahead = |into: Rc<Workspace>| {
        let mut work = into.begin_arrival(vec![source.clone()], support::d(2020, 6, 1));
        // Compared ahead, as `io` does it.
        let before = &into.import.subscriptions;
        work.set_changes(kaizala_engine::workspace::changes(
            before,
            &work.import().subscriptions,
        ));
        let plan = Rc::new(kaizala_engine::build_plan(work.import(), &into.settings));
        Box::new(Arrived::new(into, source.clone(), work, plan))
    };
    let arrived = |into| Action::Arrived {
        arrived: ahead(into),
        storage: kaizala_planner::storage_health::StorageHealth::Saving,
    };
    let got = reading.clone().reduce(arrived(held.clone()));
    assert_eq!(ws(&got), ws(&expected));
    assert!(
        ws(&got).print_selection.contains("id:t3"),
        "a new customer is selected"
    );
    assert!(
        !ws(&got).print_selection.contains("id:t2"),
        "a box cleared stays cleared"
    );

    // Worked out for another workspace: the reducer works it out again.
    let other = Rc::new((*held).clone());
    let got = reading.clone().reduce(arrived(other));
    assert_eq!(ws(&got), ws(&expected));
    // A read that was cancelled meanwhile is dropped.
    let cancelled = reading.reduce(Action::CancelRead);
    assert!(Rc::ptr_eq(
        &cancelled.clone().reduce(arrived(held)),
        &cancelled
    ));
}
