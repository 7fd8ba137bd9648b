/*!
The app's reducer, natively: every action on `State`, as `io` and the
components dispatch them. The reducer is pure, so these need no browser;
Yew's `use_reducer` drives the same `State::reduce`.
*/

mod support;

use std::rc::Rc;

use kaizala_engine::import::{
    check_mapping, import, Field, FileCustomers, ImportOptions, ImportOutcome, MappingProblem,
};
use kaizala_engine::plan::{build_plan, Category, CustomerSettings, Lang, Plan, Settings};
use kaizala_engine::progress::Progress;
use kaizala_planner::state::{Action, Phase, Planned, SortKey, State, View, Workspace};
use kaizala_planner::storage_health::StorageHealth;

const CSV: &str = "id,offerName,quantity,status,autoRenewEnabled,commitmentEndDate,termDuration,customerTenantId,customerCompanyName,customerDomain\n\
    s1,Microsoft Kaizala Pro,20,active,false,2020-09-01T00:00:00Z,P1Y,t1,Contoso,contoso.com\n\
    s2,Microsoft Kaizala Pro,400,active,false,2020-12-01T00:00:00Z,P1Y,t2,Fabrikam,fabrikam.com\n";

use support::d;

fn imported() -> Action {
    imported_with(None, None)
}

fn imported_with(settings: Option<Settings>, planned: Option<Planned>) -> Action {
    support::imported(CSV, settings, planned)
}

fn ready() -> Rc<State> {
    support::ready(CSV)
}

/// `imported()` with a plan built ahead, as `io` does, with `settings`.
fn imported_with_plan(settings: Settings) -> (Action, Rc<Plan>) {
    let Ok(ImportOutcome::Ready(imp)) = import(CSV.as_bytes(), &ImportOptions::default()) else {
        unreachable!()
    };
    let plan = Rc::new(build_plan(&imp, &settings));
    let planned = Planned::new(plan.clone(), settings);
    let action = imported_with(None, Some(planned));
    (action, plan)
}

#[test]
fn a_plan_built_ahead_is_kept_only_for_the_settings_it_was_built_with() {
    let reading = || {
        Rc::new(State::new(Lang::En, d(2020, 6, 1))).reduce(Action::Reading {
            file_name: "a.csv".into(),
        })
    };
    let same = Settings::new(d(2020, 6, 1));
    let (action, plan) = imported_with_plan(same);
    let s = reading().reduce(action);
    assert!(Rc::ptr_eq(&s.workspace().unwrap().plan, &plan), "reused");

    // Built for another language (the user switched during the import).
    let mut other = Settings::new(d(2020, 6, 1));
    other.lang = Lang::ZhTw;
    let (action, plan) = imported_with_plan(other);
    let s = reading().reduce(action);
    let w = s.workspace().unwrap();
    assert!(!Rc::ptr_eq(&w.plan, &plan), "rebuilt");
    assert_eq!(w.plan.lang, Lang::En);
    assert_eq!(*w.plan, build_plan(&w.import, &w.settings));
}

#[test]
fn an_import_becomes_a_plan_as_of_today() {
    let s = ready();
    let w = s.workspace().expect("a workspace");
    assert_eq!(w.plan.as_of, d(2020, 6, 1));
    assert_eq!(w.plan.customers.len(), 2);
    assert_eq!(
        w.print_selection.len(),
        2,
        "every customer is selected for printing"
    );
}

#[test]
fn an_import_that_arrives_after_start_over_is_dropped() {
    let state = Rc::new(State::new(Lang::En, d(2020, 6, 1)));
    let state = state
        .reduce(Action::Reading {
            file_name: "a.csv".into(),
        })
        .reduce(Action::StartOver);
    let state = state.reduce(imported());
    assert_eq!(state.phase, Phase::Start);
}

#[test]
fn settings_re_plan_at_once() {
    let s = ready().reduce(Action::SetAsOf(d(2020, 10, 1)));
    let w = s.workspace().unwrap();
    let ended = w
        .plan
        .customers
        .iter()
        .flat_map(|c| &c.subscriptions)
        .filter(|s| s.category == Category::AlreadyEnded)
        .count();
    assert_eq!(ended, 1, "Contoso's subscription ended on 1 Sep 2020");

    let key = w
        .plan
        .customers
        .iter()
        .find(|c| c.display_name == "Contoso")
        .unwrap()
        .key
        .clone();
    let s = s.reduce(Action::SetCustomer {
        key: key.clone(),
        settings: CustomerSettings {
            frontline: true,
            ..Default::default()
        },
    });
    let c = s.workspace().unwrap().plan.customer(&key).unwrap().clone();
    assert_eq!(c.recommendation.family.as_str(), "frontline");
}

#[test]
fn saved_settings_are_restored_and_can_be_reset() {
    let s = ready().reduce(Action::SetAsOf(d(2020, 10, 1)));
    let w = s.workspace().unwrap();
    assert!(w.settings_changed);
    let saved = w.settings.clone();
    let again = Rc::new(State::new(Lang::En, d(2020, 6, 1)))
        .reduce(Action::Reading {
            file_name: "a.csv".into(),
        })
        .reduce(imported_with(Some(saved), None));
    let w = again.workspace().unwrap();
    assert!(w.settings_restored && !w.settings_changed);
    assert_eq!(w.plan.as_of, d(2020, 10, 1));
    let reset = again.reduce(Action::ResetSettings);
    assert_eq!(reset.workspace().unwrap().plan.as_of, d(2020, 6, 1));
}

#[test]
fn ticks_mark_progress_as_changed_and_sorting_toggles() {
    let s = ready();
    assert_eq!(s.workspace().unwrap().revision, 0, "nothing changed yet");
    let key = key_of(&s, "Contoso");
    let s = s.reduce(Action::Tick {
        customer: key.clone(),
        step: "A".into(),
        done: true,
    });
    let w = s.workspace().unwrap();
    assert!(w.revision > 0 && support::is_ticked(w, &key, "A"));
    let s = s.reduce(Action::SortBy(SortKey::Seats));
    assert!(
        s.workspace().unwrap().table.descending,
        "seats sort biggest first"
    );
    let s = s.reduce(Action::SortBy(SortKey::Seats));
    assert!(!s.workspace().unwrap().table.descending);
}

#[test]
fn a_language_change_rewrites_the_plan_texts() {
    let s = ready();
    let title = |w: &Workspace| {
        kaizala_engine::checklist::build(&w.plan.customers[0], w.plan.as_of, w.plan.lang).steps[0]
            .title
            .clone()
    };
    let before = title(s.workspace().unwrap());
    let s = s.reduce(Action::SetLang(Lang::ZhTw));
    let w = s.workspace().unwrap();
    assert_eq!(w.plan.lang, Lang::ZhTw);
    assert_ne!(title(w), before);
    let s = s.reduce(Action::Open(View::Overview));
    assert!(
        Rc::ptr_eq(&s, &s.clone().reduce(Action::Open(View::Overview))),
        "a no-op returns the same state"
    );
}

// ---- actions the tests above do not reach --------------------------------

use kaizala_engine::plan::Urgency;
use kaizala_planner::state::{PrintMode, SharedPlan};

/// What `io` dispatches when `bytes`, read as `file_name`, were imported.
fn imported_from(file_name: &str, bytes: &[u8], storage: StorageHealth) -> Action {
    Action::Imported {
        file_name: file_name.into(),
        bytes: Rc::new(bytes.to_vec()),
        fingerprint: "f".into(),
        options: ImportOptions::default(),
        outcome: Box::new(import(bytes, &ImportOptions::default())),
        as_of: None,
        progress: Progress::default(),
        settings: None,
        storage,
        planned: None,
    }
}

fn reading(file_name: &str) -> Rc<State> {
    Rc::new(State::new(Lang::En, d(2020, 6, 1))).reduce(Action::Reading {
        file_name: file_name.into(),
    })
}

fn key_of(s: &State, name: &str) -> String {
    let w = s.workspace().unwrap();
    let c = w.plan.customers.iter().find(|c| c.display_name == name);
    c.unwrap().key.clone()
}

#[test]
fn read_progress_is_clamped_and_only_moves_a_read_under_way() {
    let done = |s: &State| match &s.phase {
        Phase::Reading { done, .. } => *done,
        other => panic!("not reading: {other:?}"),
    };
    let s = reading("a.csv");
    assert_eq!(done(&s), None);
    let s = s.reduce(Action::ReadProgress(0.25));
    assert_eq!(done(&s), Some(0.25));
    assert_eq!(
        done(&s.clone().reduce(Action::ReadProgress(1.5))),
        Some(1.0)
    );
    assert_eq!(done(&s.reduce(Action::ReadProgress(-0.5))), Some(0.0));

    let s = ready();
    assert!(Rc::ptr_eq(&s, &s.clone().reduce(Action::ReadProgress(0.5))));
}

#[test]
fn an_import_of_another_file_than_the_one_being_read_is_dropped() {
    let s = reading("b.csv");
    assert!(Rc::ptr_eq(&s, &s.clone().reduce(imported())));
}

#[test]
fn the_import_keeps_what_storage_said_and_plans_as_of_the_sample_date() {
    let s = reading("a.csv").reduce(imported_from(
        "a.csv",
        CSV.as_bytes(),
        StorageHealth::Corrupted,
    ));
    assert_eq!(s.storage, StorageHealth::Corrupted);

    let Action::Imported {
        file_name,
        bytes,
        fingerprint,
        options,
        outcome,
        progress,
        settings,
        storage,
        planned,
        ..
    } = imported()
    else {
        unreachable!()
    };
    let s = reading("a.csv").reduce(Action::Imported {
        file_name,
        bytes,
        fingerprint,
        options,
        outcome,
        as_of: Some(d(2020, 6, 15)),
        progress,
        settings,
        storage,
        planned,
    });
    let w = s.workspace().unwrap();
    assert_eq!(w.plan.as_of, d(2020, 6, 15));
    assert_eq!(w.default_settings.as_of, d(2020, 6, 15));
}

#[test]
fn a_language_chosen_during_the_read_is_the_plans() {
    let s = reading("a.csv")
        .reduce(Action::SetLang(Lang::ZhTw))
        .reduce(imported());
    let w = s.workspace().unwrap();
    assert_eq!(w.settings.lang, Lang::ZhTw);
    assert_eq!(w.plan.lang, Lang::ZhTw);
}

#[test]
fn the_same_language_again_changes_nothing() {
    let s = ready();
    assert!(Rc::ptr_eq(&s, &s.clone().reduce(Action::SetLang(Lang::En))));
}

#[test]
fn a_file_whose_columns_are_unclear_asks_for_a_mapping_then_imports() {
    const UNCLEAR: &str = "Kunde,Produkt,Anzahl\nContoso,Microsoft Kaizala Pro,20\n";
    let outcome = import(UNCLEAR.as_bytes(), &ImportOptions::default());
    assert!(
        matches!(outcome, Ok(ImportOutcome::NeedsMapping(_))),
        "{outcome:?}"
    );
    let s = reading("u.csv").reduce(imported_from(
        "u.csv",
        UNCLEAR.as_bytes(),
        StorageHealth::Saving,
    ));
    let Phase::Mapping(step) = &s.phase else {
        panic!("not mapping: {:?}", s.phase)
    };
    assert_eq!(step.file_name, "u.csv");
    assert_eq!(*step.bytes, UNCLEAR.as_bytes());
    assert!(!step.request.missing.is_empty());

    // The mapped import of the same file, without a new `Reading`, is kept.
    let s = s.reduce(imported_from(
        "u.csv",
        CSV.as_bytes(),
        StorageHealth::Saving,
    ));
    assert!(s.workspace().is_some());
}

/// The import of `bytes` with the user's mapping `options`, as the app
/// dispatches it after Continue.
fn imported_mapped(file_name: &str, bytes: &[u8], options: ImportOptions) -> Action {
    Action::Imported {
        file_name: file_name.into(),
        bytes: Rc::new(bytes.to_vec()),
        fingerprint: "f".into(),
        outcome: Box::new(import(bytes, &options)),
        options,
        as_of: None,
        progress: Progress::default(),
        settings: None,
        storage: StorageHealth::Saving,
        planned: None,
    }
}

#[test]
fn a_mapping_that_names_one_column_twice_stays_in_the_step_and_says_why() {
    const UNCLEAR: &str = "Kunde,Produkt,Anzahl\nContoso,Microsoft Kaizala Pro,20\n";
    let s = reading("u.csv").reduce(imported_from(
        "u.csv",
        UNCLEAR.as_bytes(),
        StorageHealth::Saving,
    ));
    let Phase::Mapping(step) = &s.phase else {
        panic!("not mapping: {:?}", s.phase)
    };
    // No id, no offer, no customer column: all asked at once.
    assert!(step.request.missing.contains(&Field::SubscriptionId));
    assert!(step.request.customer_question.is_some());
    let twice = ImportOptions {
        mapping: vec![
            (Field::SubscriptionId, "Produkt".into()),
            (Field::Offer, "Produkt".into()),
        ],
        customers: Some(FileCustomers::One {
            name: "Contoso".into(),
        }),
        ..step.options.clone()
    };
    let same = MappingProblem::SameColumn {
        column: "Produkt".into(),
        first: Field::SubscriptionId,
        second: Field::Offer,
    };
    // Continue checks first, and refuses with the column and both fields.
    assert_eq!(check_mapping(&step.request, &twice), vec![same.clone()]);
    // Imported anyway, the step comes back with the problem and the
    // user's choices, never the same question in silence.
    let s = s.reduce(imported_mapped("u.csv", UNCLEAR.as_bytes(), twice.clone()));
    let Phase::Mapping(again) = &s.phase else {
        panic!("not mapping: {:?}", s.phase)
    };
    assert_eq!(again.request.problems, vec![same]);
    assert_eq!(again.options, twice);
    // Answered right (no id column: rows numbered), it imports.
    let right = ImportOptions {
        mapping: vec![(Field::Offer, "Produkt".into())],
        number_rows: true,
        ..twice
    };
    assert!(check_mapping(&again.request, &right).is_empty());
    let s = s.reduce(imported_mapped("u.csv", UNCLEAR.as_bytes(), right));
    let w = s.workspace().expect("imported");
    assert_eq!(&*w.import.subscriptions[0].id, "row-2");
    assert_eq!(w.plan.customers[0].display_name, "Contoso");
}

#[test]
fn a_file_that_cannot_be_read_fails_with_its_name() {
    let outcome = import(b"", &ImportOptions::default());
    assert!(outcome.is_err(), "{outcome:?}");
    let s = reading("empty.csv").reduce(imported_from("empty.csv", b"", StorageHealth::Saving));
    assert!(
        matches!(&s.phase, Phase::Failed { file_name, .. } if file_name == "empty.csv"),
        "{:?}",
        s.phase
    );

    let s = reading("gone.csv").reduce(Action::ReadFailed {
        file_name: "gone.csv".into(),
        message: "The file could not be read: moved.".into(),
    });
    assert!(
        matches!(&s.phase, Phase::Failed { file_name, .. } if file_name == "gone.csv"),
        "{:?}",
        s.phase
    );
}

#[test]
fn dates_re_plan_only_when_they_change() {
    let s = ready();
    assert!(Rc::ptr_eq(
        &s,
        &s.clone().reduce(Action::SetAsOf(d(2020, 6, 1)))
    ));
    let cutoff = s.workspace().unwrap().settings.cutoff;
    assert!(Rc::ptr_eq(&s, &s.clone().reduce(Action::SetCutoff(cutoff))));

    let s = s.reduce(Action::SetCutoff(d(2020, 8, 1)));
    let w = s.workspace().unwrap();
    assert!(w.settings_changed);
    assert_eq!(w.settings.cutoff, d(2020, 8, 1));
    assert_eq!(w.plan.cutoff, d(2020, 8, 1));
    assert_eq!(*w.plan, build_plan(&w.import, &w.settings));
}

#[test]
fn a_customer_set_back_to_the_defaults_is_forgotten() {
    let s = ready();
    let key = key_of(&s, "Fabrikam");
    let s = s.reduce(Action::SetCustomer {
        key: key.clone(),
        settings: CustomerSettings {
            seats_to_cover: Some(50),
            ..Default::default()
        },
    });
    let w = s.workspace().unwrap();
    assert!(w.settings.customers.contains_key(&key));
    assert_eq!(
        w.plan.customer(&key).unwrap().settings.seats_to_cover,
        Some(50)
    );

    let s = s.reduce(Action::SetCustomer {
        key: key.clone(),
        settings: CustomerSettings::default(),
    });
    let w = s.workspace().unwrap();
    assert!(!w.settings.customers.contains_key(&key));
    assert!(w.settings_changed);
    assert_eq!(*w.plan, build_plan(&w.import, &w.settings));
}

#[test]
fn opening_a_customer_shows_its_page() {
    let s = ready();
    let key = key_of(&s, "Contoso");
    let s = s.reduce(Action::Open(View::Customer(key.clone())));
    assert_eq!(s.workspace().unwrap().view, View::Customer(key));
    let s = s.reduce(Action::Open(View::Overview));
    assert_eq!(s.workspace().unwrap().view, View::Overview);
}

#[test]
fn notes_are_progress_and_resetting_clears_ticks_and_notes() {
    let s = ready();
    let k = key_of(&s, "Contoso");
    let s = s
        .reduce(Action::Note {
            customer: k.clone(),
            text: "call Ann".into(),
        })
        .reduce(Action::Tick {
            customer: k.clone(),
            step: "A".into(),
            done: true,
        });
    let w = s.workspace().unwrap();
    assert!(w.revision > 0, "the change is to be kept");
    assert_eq!(w.progress.note(&k), "call Ann");
    assert!(support::is_ticked(w, &k, "A"));

    let s = s.reduce(Action::Tick {
        customer: k.clone(),
        step: "A".into(),
        done: false,
    });
    assert!(!support::is_ticked(s.workspace().unwrap(), &k, "A"));

    let before = s.workspace().unwrap().revision;
    let s = s.reduce(Action::ResetProgress);
    let w = s.workspace().unwrap();
    assert_eq!(w.progress, Progress::default());
    assert!(w.revision > before, "the reset is to be kept");
}

#[test]
fn a_new_sort_column_starts_in_its_natural_order() {
    let s = ready();
    let table = |s: &State| s.workspace().unwrap().table.clone();
    assert_eq!(table(&s).sort, SortKey::Urgency);
    assert!(!table(&s).descending);
    let s = s.reduce(Action::SortBy(SortKey::Customer));
    assert_eq!(
        (table(&s).sort, table(&s).descending),
        (SortKey::Customer, false)
    );
    let s = s.reduce(Action::SortBy(SortKey::Progress));
    assert_eq!(
        (table(&s).sort, table(&s).descending),
        (SortKey::Progress, true)
    );
    let s = s.reduce(Action::SortBy(SortKey::Plan));
    assert_eq!(
        (table(&s).sort, table(&s).descending),
        (SortKey::Plan, false)
    );
    let s = s.reduce(Action::SortBy(SortKey::Plan));
    assert_eq!(
        (table(&s).sort, table(&s).descending),
        (SortKey::Plan, true)
    );
}

#[test]
fn search_and_urgency_filter_are_kept_for_the_table() {
    let s = ready()
        .reduce(Action::Search("fab".into()))
        .reduce(Action::FilterUrgency(Some(Urgency::ALL[0])));
    let t = &s.workspace().unwrap().table;
    assert_eq!(t.search, "fab");
    assert_eq!(t.urgency, Some(Urgency::ALL[0]));
    let s = s.reduce(Action::FilterUrgency(None));
    assert_eq!(s.workspace().unwrap().table.urgency, None);
}

#[test]
fn customers_are_selected_for_printing_one_by_one_or_all_at_once() {
    let s = ready();
    let contoso = key_of(&s, "Contoso");
    let selection = |s: &State| s.workspace().unwrap().print_selection.clone();
    let s = s.reduce(Action::SelectForPrint {
        customer: contoso.clone(),
        selected: false,
    });
    assert_eq!(selection(&s).len(), 1);
    assert!(!selection(&s).contains(&contoso));
    let s = s.reduce(Action::SelectForPrint {
        customer: contoso.clone(),
        selected: true,
    });
    assert!(selection(&s).contains(&contoso));
    let s = s.reduce(Action::SelectAllForPrint(false));
    assert!(selection(&s).is_empty());
    let s = s.reduce(Action::SelectAllForPrint(true));
    assert_eq!(selection(&s).len(), 2);
}

#[test]
fn the_print_layout_is_prepared_when_a_print_is_asked_for() {
    let s = ready();
    let w = s.workspace().unwrap();
    assert!(!w.print_prepared);
    assert_eq!(w.print_mode, PrintMode::Checklists);

    let s = s.reduce(Action::SetPrintMode(PrintMode::Checklists));
    assert!(s.workspace().unwrap().print_prepared);
    assert!(Rc::ptr_eq(
        &s,
        &s.clone()
            .reduce(Action::SetPrintMode(PrintMode::Checklists))
    ));
    let s = s.reduce(Action::SetPrintMode(PrintMode::Overview));
    let w = s.workspace().unwrap();
    assert_eq!(w.print_mode, PrintMode::Overview);
    assert!(w.print_prepared);
}

#[test]
fn storage_health_is_replaced_only_when_it_changes() {
    let s = ready();
    assert_eq!(s.storage, StorageHealth::Saving);
    assert!(Rc::ptr_eq(
        &s,
        &s.clone().reduce(Action::Storage(StorageHealth::Saving))
    ));
    let s = s.reduce(Action::Storage(StorageHealth::Full));
    assert_eq!(s.storage, StorageHealth::Full);
    assert!(s.workspace().is_some(), "the plan stays");
}

#[test]
fn a_share_link_opens_the_shared_plan_or_says_why_not() {
    let s = ready();
    let w = s.workspace().unwrap();
    let key = key_of(&s, "Contoso");
    let shared = SharedPlan::for_customer(&w.import, &w.settings, &key).unwrap();
    let opened =
        Rc::new(State::new(Lang::En, d(2020, 6, 1))).reduce(Action::OpenShared(Ok(shared.clone())));
    assert_eq!(opened.phase, Phase::Shared(Rc::new(shared)));

    let failed = Rc::new(State::new(Lang::En, d(2020, 6, 1)))
        .reduce(Action::OpenShared(Err("the link is cut short".into())));
    assert_eq!(
        failed.phase,
        Phase::SharedFailed {
            message: "the link is cut short".into()
        }
    );
    assert_eq!(failed.reduce(Action::StartOver).phase, Phase::Start);
}

/// One of each action that works on a plan.
fn plan_actions() -> Vec<Action> {
    vec![
        Action::SetAsOf(d(2020, 10, 1)),
        Action::SetCutoff(d(2020, 8, 1)),
        Action::SetCustomer {
            key: "k".into(),
            settings: CustomerSettings::default(),
        },
        Action::ResetSettings,
        Action::Open(View::Overview),
        Action::Tick {
            customer: "k".into(),
            step: "A".into(),
            done: true,
        },
        Action::Note {
            customer: "k".into(),
            text: "x".into(),
        },
        Action::ResetProgress,
        Action::SortBy(SortKey::Seats),
        Action::Search("x".into()),
        Action::FilterUrgency(None),
        Action::SelectForPrint {
            customer: "k".into(),
            selected: true,
        },
        Action::SelectAllForPrint(true),
        Action::SetPrintMode(PrintMode::Overview),
    ]
}

#[test]
fn plan_actions_without_a_plan_change_nothing() {
    let start = Rc::new(State::new(Lang::En, d(2020, 6, 1)));
    for s in [start.clone(), reading("a.csv")] {
        for action in plan_actions() {
            let what = format!("{action:?}");
            assert!(Rc::ptr_eq(&s, &s.clone().reduce(action)), "{what}");
        }
    }
    assert!(Rc::ptr_eq(
        &start,
        &start.clone().reduce(Action::ReadProgress(0.5))
    ));
}

#[test]
fn the_partner_is_kept_tidied_and_the_same_partner_changes_nothing() {
    use kaizala_engine::handout::Partner;
    let s = Rc::new(State::new(Lang::En, d(2020, 6, 1)));
    assert!(s.partner.is_empty());
    let s = s.reduce(Action::SetPartner(Partner {
        name: "  Fabrikam   Cloud ".into(),
        contact: "help@fabrikam.example\n".into(),
    }));
    assert_eq!(
        s.partner,
        Partner {
            name: "Fabrikam Cloud".into(),
            contact: "help@fabrikam.example".into(),
        }
    );
    let again = s.clone().reduce(Action::SetPartner(Partner {
        name: "Fabrikam Cloud ".into(),
        contact: "help@fabrikam.example".into(),
    }));
    assert!(Rc::ptr_eq(&s, &again), "nothing re-renders");
    // The partner is the browser's, not the file's: it stays across files.
    let s = s.reduce(Action::Reading {
        file_name: "a.csv".into(),
    });
    assert_eq!(s.partner.name, "Fabrikam Cloud");
    let s = s.reduce(Action::StartOver);
    assert_eq!(s.partner.name, "Fabrikam Cloud");
}

#[test]
fn ticking_records_the_day_it_was_done() {
    // `ready` starts on 2020-06-01, the app's today; the plan's as-of
    // date is another thing and is not the day of a tick.
    let s = ready();
    let key = key_of(&s, "Contoso");
    let s = s.reduce(Action::SetAsOf(d(2020, 5, 1)));
    let s = s.reduce(Action::Tick {
        customer: key.clone(),
        step: "A".into(),
        done: true,
    });
    let w = s.workspace().unwrap();
    assert_eq!(support::ticked_on(w, &key, "A"), Some(d(2020, 6, 1)));
    assert_eq!(
        support::done_steps(w, &key),
        std::collections::BTreeMap::from([("A".to_string(), Some(d(2020, 6, 1)))])
    );
    let s = s.reduce(Action::Tick {
        customer: key.clone(),
        step: "A".into(),
        done: false,
    });
    let w = s.workspace().unwrap();
    assert!(!support::is_ticked(w, &key, "A"));
    assert!(w.progress.is_empty(), "the day goes with the tick");
}

#[test]
fn a_share_link_carries_the_partner_and_the_days_steps_were_done() {
    use kaizala_engine::handout::{Handout, Partner};
    let s = ready().reduce(Action::SetPartner(Partner {
        name: "Fabrikam Cloud".into(),
        contact: String::new(),
    }));
    let key = key_of(&s, "Contoso");
    let s = s.reduce(Action::Tick {
        customer: key.clone(),
        step: "B".into(),
        done: true,
    });
    let w = s.workspace().unwrap();
    let handout = Handout {
        partner: s.partner.shown(),
        done: support::done_steps(w, &key),
        users_done: Default::default(),
    };
    let shared = SharedPlan::for_customer(&w.import, &w.settings, &key)
        .unwrap()
        .with_handout(handout.clone());
    let opened = Rc::new(State::new(Lang::ZhTw, d(2021, 1, 1)))
        .reduce(Action::OpenShared(Ok(shared.clone())));
    let Phase::Shared(back) = &opened.phase else {
        panic!("the shared view opens")
    };
    assert_eq!(back.handout(), handout);
    assert_eq!(back.done.get("B"), Some(&Some(d(2020, 6, 1))));
    assert!(
        opened.partner.is_empty(),
        "the reader's own partner is not the link's"
    );
}
