/*!
In-browser component tests (wasm-bindgen-test in headless Chromium).

Run by `scripts/test.sh` as
`CHROMEDRIVER=$(which chromedriver) cargo test --target wasm32-unknown-unknown --test components`.
Each test mounts a component on a fresh element, lets Yew finish rendering
with `scheduler::flush()`, and reads the DOM. The reducer and what the
components show need no DOM: they are tested natively, in `reducer.rs`
and `view_model.rs`.
*/
#![cfg(target_arch = "wasm32")]

use kaizala_engine::import::{Format, ImportReport, RejectedRow};
use kaizala_planner::components::header::Header;
use kaizala_planner::components::import_report::{ImportReportProps, ImportReportView};
use kaizala_planner::components::upload::{Upload, UploadProps};
use kaizala_planner::i18n::Lang;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_point() -> Element {
    let document = gloo::utils::document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

#[wasm_bindgen_test]
async fn upload_offers_a_file_input_and_the_sample() {
    let root = mount_point();
    let props = UploadProps {
        lang: Lang::En,
        onfile: Callback::noop(),
        onsample: Callback::noop(),
    };
    yew::Renderer::<Upload>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let input = root
        .query_selector("input[type=file]")
        .unwrap()
        .expect("a file input");
    assert_eq!(
        input.get_attribute("accept").unwrap(),
        ".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
    );
    let sample = root
        .query_selector("#try-sample")
        .unwrap()
        .expect("the sample button");
    assert_eq!(sample.text_content().unwrap(), "Try with sample data");
}

#[wasm_bindgen_test]
async fn upload_speaks_traditional_chinese() {
    let root = mount_point();
    let props = UploadProps {
        lang: Lang::ZhTw,
        onfile: Callback::noop(),
        onsample: Callback::noop(),
    };
    yew::Renderer::<Upload>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let sample = root.query_selector("#try-sample").unwrap().unwrap();
    assert_eq!(sample.text_content().unwrap(), "使用範例資料試用");
}

#[wasm_bindgen_test]
async fn sample_button_emits() {
    use std::cell::Cell;
    use std::rc::Rc;
    let clicked = Rc::new(Cell::new(0));
    let root = mount_point();
    let c = clicked.clone();
    let props = UploadProps {
        lang: Lang::En,
        onfile: Callback::noop(),
        onsample: Callback::from(move |_| c.set(c.get() + 1)),
    };
    yew::Renderer::<Upload>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let button: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(root.query_selector("#try-sample").unwrap().unwrap());
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(clicked.get(), 1);
}

#[wasm_bindgen_test]
async fn import_report_shows_counts_and_rejected_lines() {
    let root = mount_point();
    let report = ImportReport {
        format: Some(Format::Reconciliation),
        encoding: "UTF-8".into(),
        delimiter: ',',
        header_line: 1,
        rows_read: 12,
        rows_as_subscriptions: 5,
        rows_merged: 6,
        rejected: vec![RejectedRow {
            customer: Some("Contoso".into()),
            subscription_id: Some("a1".into()),
            ..RejectedRow::new(9, "has 3 fields, the header has 28".into())
        }],
        ..Default::default()
    };
    let props = ImportReportProps {
        lang: Lang::En,
        report,
        subscriptions: 5,
    };
    yew::Renderer::<ImportReportView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let text = |sel: &str| {
        root.query_selector(sel)
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(text("#report-rows"), "12");
    assert_eq!(text("#report-subscriptions"), "5");
    assert_eq!(text("#report-rejected"), "1");
    let rejected = text("details.rejected tbody");
    assert!(
        rejected.contains('9') && rejected.contains("has 3 fields"),
        "{rejected}"
    );
    // The row's customer and subscription id, in their own columns.
    assert_eq!(text("td.rejected-customer"), "Contoso");
    assert_eq!(text("td.rejected-subscription"), "a1");
}

#[wasm_bindgen_test]
async fn header_language_switch_reports_the_choice() {
    use std::cell::RefCell;
    use std::rc::Rc;
    let chosen: Rc<RefCell<Option<Lang>>> = Rc::default();
    let root = mount_point();
    let c = chosen.clone();
    let props = kaizala_planner::components::header::HeaderProps {
        lang: Lang::En,
        onlang: Callback::from(move |l| *c.borrow_mut() = Some(l)),
        partner: Default::default(),
        onpartner: None,
    };
    yew::Renderer::<Header>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let select: web_sys::HtmlSelectElement =
        wasm_bindgen::JsCast::unchecked_into(root.query_selector("select").unwrap().unwrap());
    select.set_value("zh-TW");
    let event = web_sys::Event::new("change").unwrap();
    select.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(*chosen.borrow(), Some(Lang::ZhTw));
}

#[wasm_bindgen_test]
async fn header_partner_panel_saves_the_details_tidied() {
    use kaizala_engine::handout::Partner;
    use std::cell::RefCell;
    use std::rc::Rc;
    let saved: Rc<RefCell<Option<Partner>>> = Rc::default();
    let root = mount_point();
    let s = saved.clone();
    let props = kaizala_planner::components::header::HeaderProps {
        lang: Lang::En,
        onlang: Callback::noop(),
        partner: Partner::default(),
        onpartner: Some(Callback::from(move |p| *s.borrow_mut() = Some(p))),
    };
    yew::Renderer::<Header>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    for (id, value) in [
        ("#partner-name", "  Fabrikam Cloud "),
        ("#partner-contact", "help@fabrikam.example"),
    ] {
        let input: web_sys::HtmlInputElement =
            wasm_bindgen::JsCast::unchecked_into(root.query_selector(id).unwrap().unwrap());
        input.set_value(value);
        input
            .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
            .unwrap();
        yew::scheduler::flush().await;
    }
    let save: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(
        root.query_selector("#partner-save").unwrap().unwrap(),
    );
    save.click();
    yew::scheduler::flush().await;
    assert_eq!(
        *saved.borrow(),
        Some(Partner {
            name: "Fabrikam Cloud".into(),
            contact: "help@fabrikam.example".into(),
        })
    );
    assert!(root
        .text_content()
        .unwrap()
        .contains("Saved in this browser."));
}

// ---- storage and more components -----------------------------------------

mod storage {
    use kaizala_engine::progress::{fingerprint, legacy_fingerprint, Progress};
    use kaizala_planner::storage::{adopt_legacy, load_progress};
    use wasm_bindgen_test::*;

    fn local() -> web_sys::Storage {
        web_sys::window().unwrap().local_storage().unwrap().unwrap()
    }

    #[wasm_bindgen_test]
    fn the_partner_is_kept_in_this_browser() {
        use kaizala_engine::handout::Partner;
        use kaizala_planner::storage::{load_partner, save_partner};
        let p = Partner {
            name: "Fabrikam Cloud".into(),
            contact: "help@fabrikam.example".into(),
        };
        assert!(save_partner(&p));
        assert_eq!(load_partner(), p);
        // Damaged storage reads as no partner.
        local()
            .set_item("kaizala-planner:partner", "[not a partner")
            .unwrap();
        assert_eq!(load_partner(), Partner::default());
        assert!(save_partner(&Partner::default()));
        assert_eq!(local().get_item("kaizala-planner:partner").unwrap(), None);
    }

    #[wasm_bindgen_test]
    fn progress_stored_by_the_first_version_is_carried_over() {
        let bytes = b"Subscription ID,Subscription\ns1,Microsoft Kaizala Pro\n".to_vec();
        let (old, new) = (legacy_fingerprint(&bytes), fingerprint(&bytes));
        // As the first version stored it.
        let stored = r#"{"ticked":["id:t1/A"],"ticked_on":{},"notes":{}}"#;
        let p = Progress::from_json(stored).unwrap();
        local()
            .set_item(&format!("kaizala-planner:progress:{old}"), stored)
            .unwrap();
        let mut asked = 0;
        adopt_legacy(&new, bytes.len() as u64, || {
            asked += 1;
            legacy_fingerprint(&bytes)
        });
        assert_eq!(asked, 1);
        assert_eq!(load_progress(&new).0, p);
        assert_eq!(
            load_progress(&old).0,
            Progress::default(),
            "moved, not copied"
        );

        // Nothing of the old form for a file of this length: the slow
        // fingerprint is not computed.
        let other = b"x".repeat(7);
        adopt_legacy(&fingerprint(&other), 7, || {
            asked += 1;
            legacy_fingerprint(&other)
        });
        assert_eq!(asked, 1);
        local().clear().unwrap();
    }
}

#[path = "components/users.rs"]
mod users;

#[path = "components/long_list.rs"]
mod long_list;

mod views {
    use std::cell::RefCell;
    use std::rc::Rc;

    use chrono::NaiveDate;
    use kaizala_engine::checklist::{Step, StepAction};
    use kaizala_engine::plan::{Lang, MonthTotal};
    use kaizala_planner::components::checklist_view::{ChecklistView, ChecklistViewProps};
    use kaizala_planner::components::timeline::{Timeline, TimelineProps};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;
    use yew::prelude::*;

    use super::mount_point;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn step(id: &str, due: NaiveDate) -> Step {
        Step {
            step: id.into(),
            title: format!("Step {id}"),
            text: "<b>not bold</b>".into(),
            due: Some(due),
            wave: 1,
            action: StepAction::FindEndDate {
                subscription_id: "s".into(),
                offer: "o".into(),
            },
        }
    }

    #[wasm_bindgen_test]
    async fn checklist_ticks_and_flags_overdue_steps() {
        let root = mount_point();
        let got: Rc<RefCell<Vec<(String, bool)>>> = Rc::default();
        let g = got.clone();
        let props = ChecklistViewProps {
            lang: Lang::En,
            steps: vec![step("A", d(2020, 5, 1)), step("B", d(2020, 8, 1))],
            as_of: d(2020, 6, 1),
            ticked: vec![],
            id_prefix: "t".into(),
            ontick: Some(Callback::from(move |x| g.borrow_mut().push(x))),
            for_print: false,
            done_on: Default::default(),
            stop_notes: Vec::new(),
            flags: Default::default(),
            users_done: Default::default(),
            ontick_user: None,
        };
        yew::Renderer::<ChecklistView>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        assert_eq!(
            root.query_selector_all(".checklist-item.overdue")
                .unwrap()
                .length(),
            1
        );
        // Text from data is text, never markup.
        assert!(root.query_selector(".step-text b").unwrap().is_none());
        assert!(root.text_content().unwrap().contains("<b>not bold</b>"));
        let b: web_sys::HtmlInputElement = root
            .query_selector("#t-B")
            .unwrap()
            .unwrap()
            .unchecked_into();
        b.click();
        yew::scheduler::flush().await;
        assert_eq!(*got.borrow(), vec![("B".to_string(), true)]);
    }

    #[wasm_bindgen_test]
    async fn a_done_step_whose_facts_changed_says_so_and_can_be_confirmed() {
        let root = mount_point();
        let got: Rc<RefCell<Vec<(String, bool)>>> = Rc::default();
        let g = got.clone();
        let props = ChecklistViewProps {
            lang: Lang::En,
            steps: vec![step("A", d(2020, 5, 1)), step("B", d(2020, 8, 1))],
            as_of: d(2020, 6, 1),
            ticked: vec!["A".into(), "B".into()],
            id_prefix: "f".into(),
            ontick: Some(Callback::from(move |x| g.borrow_mut().push(x))),
            for_print: false,
            done_on: Default::default(),
            stop_notes: Vec::new(),
            flags: [("A".to_string(), vec!["end date moved to 1 Sep".to_string()])].into(),
            users_done: Default::default(),
            ontick_user: None,
        };
        yew::Renderer::<ChecklistView>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        let flags = root.query_selector_all(".step-flag").unwrap();
        assert_eq!(flags.length(), 1, "only the changed step is flagged");
        assert!(root
            .text_content()
            .unwrap()
            .contains("end date moved to 1 Sep"));
        let confirm: web_sys::HtmlElement = root
            .query_selector(".step-flag button")
            .unwrap()
            .unwrap()
            .unchecked_into();
        confirm.click();
        yew::scheduler::flush().await;
        assert_eq!(*got.borrow(), vec![("A".to_string(), true)], "ticked again");
    }

    #[wasm_bindgen_test]
    async fn steps_without_a_date_say_when_to_do_them() {
        let root = mount_point();
        let undated = |id: &str, action: StepAction| Step {
            step: id.into(),
            title: format!("Step {id}"),
            text: String::new(),
            due: None,
            wave: 1,
            action,
        };
        let props = ChecklistViewProps {
            lang: Lang::En,
            steps: vec![
                undated(
                    "C1",
                    StepAction::CheckEnded {
                        subscription_id: "s1".into(),
                        offer: "o".into(),
                        ended_on: Some(d(2020, 5, 1)),
                        if_renewed: None,
                    },
                ),
                undated(
                    "C2",
                    StepAction::FindEndDate {
                        subscription_id: "s2".into(),
                        offer: "o".into(),
                    },
                ),
            ],
            as_of: d(2020, 6, 1),
            ticked: vec![],
            id_prefix: "u".into(),
            ontick: None,
            for_print: false,
            done_on: Default::default(),
            stop_notes: Vec::new(),
            flags: Default::default(),
            users_done: Default::default(),
            ontick_user: None,
        };
        yew::Renderer::<ChecklistView>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        let dues: Vec<String> = (0..2)
            .map(|i| {
                root.query_selector_all(".step-due")
                    .unwrap()
                    .item(i)
                    .and_then(|n| n.text_content())
                    .unwrap()
            })
            .collect();
        assert_eq!(
            dues,
            [
                "Due now: it has already ended",
                "Due when the end date is known"
            ]
        );
    }

    #[wasm_bindgen_test]
    async fn checklist_groups_waves_and_says_when_steps_were_done() {
        let root = mount_point();
        let mut later = step("W2A", d(2021, 3, 1));
        later.wave = 2;
        let props = ChecklistViewProps {
            lang: Lang::En,
            steps: vec![step("A", d(2020, 7, 1)), step("B", d(2020, 8, 31)), later],
            as_of: d(2020, 6, 1),
            ticked: vec!["A".into(), "B".into()],
            id_prefix: "w".into(),
            ontick: None,
            for_print: true,
            done_on: [("A".to_string(), d(2020, 6, 3))].into_iter().collect(),
            stop_notes: vec![(d(2020, 8, 31), "stops at 08:00 Taipei".into())],
            flags: Default::default(),
            users_done: Default::default(),
            ontick_user: None,
        };
        yew::Renderer::<ChecklistView>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        let titles: Vec<String> = (0..2)
            .map(|i| {
                root.query_selector_all(".wave-title")
                    .unwrap()
                    .item(i)
                    .and_then(|n| n.text_content())
                    .unwrap()
            })
            .collect();
        assert_eq!(titles, ["Wave 1", "Wave 2"]);
        assert_eq!(root.query_selector_all(".wave").unwrap().length(), 2);
        let done: Vec<String> = (0..2)
            .map(|i| {
                root.query_selector_all(".step-done")
                    .unwrap()
                    .item(i)
                    .and_then(|n| n.text_content())
                    .unwrap()
            })
            .collect();
        assert_eq!(done, [" · done on 3 Jun 2020", " · done"]);
        // The stop time shows beside the step due on the last day only.
        let stop = root.query_selector_all(".step-stop").unwrap();
        assert_eq!(stop.length(), 1);
        assert_eq!(
            stop.item(0).and_then(|n| n.text_content()).unwrap(),
            "stops at 08:00 Taipei"
        );
    }

    #[wasm_bindgen_test]
    async fn one_wave_needs_no_heading() {
        let root = mount_point();
        let props = ChecklistViewProps {
            lang: Lang::ZhTw,
            steps: vec![step("A", d(2020, 7, 1))],
            as_of: d(2020, 6, 1),
            ticked: vec![],
            id_prefix: "o".into(),
            ontick: None,
            for_print: false,
            done_on: Default::default(),
            stop_notes: Vec::new(),
            flags: Default::default(),
            users_done: Default::default(),
            ontick_user: None,
        };
        yew::Renderer::<ChecklistView>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        assert!(root.query_selector(".wave-title").unwrap().is_none());
        assert!(root.query_selector(".step-done").unwrap().is_none());
        assert_eq!(
            root.query_selector_all(".checklist-item").unwrap().length(),
            1
        );
    }

    #[wasm_bindgen_test]
    async fn timeline_draws_a_bar_per_month_and_both_markers() {
        let root = mount_point();
        let months = vec![
            MonthTotal {
                month: "2020-07".into(),
                subscriptions: 1,
                seats: 15,
            },
            MonthTotal {
                month: "2020-09".into(),
                subscriptions: 2,
                seats: 325,
            },
        ];
        let props = TimelineProps {
            lang: Lang::En,
            months,
            as_of: d(2020, 6, 15),
            cutoff: d(2020, 7, 1),
            later: false,
        };
        yew::Renderer::<Timeline>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        assert_eq!(root.query_selector_all(".bar").unwrap().length(), 2);
        assert!(root
            .query_selector(".marker.cutoff line")
            .unwrap()
            .is_some());
        assert!(root.query_selector(".marker.as-of line").unwrap().is_some());
        // As of years later: shown as an arrow at the edge, not a giant axis.
        let root2 = mount_point();
        let props = TimelineProps {
            lang: Lang::En,
            months: vec![MonthTotal {
                month: "2020-07".into(),
                subscriptions: 1,
                seats: 15,
            }],
            as_of: d(2026, 11, 25),
            cutoff: d(2020, 7, 1),
            later: true,
        };
        yew::Renderer::<Timeline>::with_root_and_props(root2.clone(), props).render();
        yew::scheduler::flush().await;
        // Drawn later (as the overview asks): the first render is the
        // panel, its title and an empty chart of the same size.
        assert_eq!(root2.query_selector_all(".bar").unwrap().length(), 0);
        assert!(root2.query_selector("#timeline-chart").unwrap().is_some());
        for _ in 0..3 {
            gloo::timers::future::TimeoutFuture::new(0).await;
            yew::scheduler::flush().await;
        }
        assert_eq!(root2.query_selector_all(".bar").unwrap().length(), 1);
        assert!(root2
            .text_content()
            .unwrap()
            .contains("As of 25 Nov 2026 →"));
    }
}

mod plan_views {
    //! Views of an opened file: the customer table with resellers, the
    //! printed checklists, the recommendation card.

    use std::cell::RefCell;
    use std::rc::Rc;

    use kaizala_engine::plan::Lang;
    use kaizala_planner::components::customer_table::{CustomerTable, CustomerTableProps};
    use kaizala_planner::state::{Action, Workspace};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;
    use yew::prelude::*;

    use super::mount_point;

    const CSV: &str = "id,offerName,quantity,status,autoRenewEnabled,commitmentEndDate,termDuration,customerTenantId,customerCompanyName,customerDomain\n\
        s1,Microsoft Kaizala Pro,20,active,false,2020-09-01T00:00:00Z,P1Y,t1,Contoso,contoso.com\n\
        s2,Microsoft Kaizala Pro,400,active,false,2020-12-01T00:00:00Z,P1Y,t2,Fabrikam,fabrikam.com\n\
        s3,Microsoft Kaizala Pro,5,active,false,2020-07-15T00:00:00Z,P1Y,t3,Adatum,adatum.com\n";

    /// The file opened through the reducer, with Contoso and Adatum sold
    /// through resellers (as the importer reads them from the export).
    fn workspace(resellers: &[(&str, &str)], actions: Vec<Action>) -> Rc<Workspace> {
        super::long_list::workspace_of(CSV, resellers, actions)
    }

    fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
        let list = root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i).and_then(|n| n.text_content()))
            .map(|t| t.trim().to_string())
            .collect()
    }

    #[wasm_bindgen_test]
    async fn resellers_get_a_column_a_filter_and_groups() {
        let root = mount_point();
        let got: Rc<RefCell<Vec<String>>> = Rc::default();
        let g = got.clone();
        let props = CustomerTableProps {
            lang: Lang::En,
            workspace: workspace(
                &[("Contoso", "111"), ("Adatum", "222")],
                vec![Action::GroupByReseller(true)],
            ),
            onaction: Callback::from(move |a: Action| g.borrow_mut().push(format!("{a:?}"))),
        };
        yew::Renderer::<CustomerTable>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        let headers = texts(&root, "#customer-table thead th");
        assert_eq!(
            headers[0], "Print",
            "the print boxes' column has a visible header"
        );
        assert!(headers.iter().any(|h| h == "Reseller MPN ID"));
        assert_eq!(
            texts(&root, "tr.group-row"),
            [
                "Reseller MPN ID 111",
                "Reseller MPN ID 222",
                "Sold directly (no reseller)"
            ]
        );
        assert_eq!(texts(&root, "td.reseller"), ["111", "222", "—"]);
        // The filter lists the resellers in a task after the first render.
        for _ in 0..3 {
            gloo::timers::future::TimeoutFuture::new(0).await;
            yew::scheduler::flush().await;
        }
        let select: web_sys::HtmlSelectElement = root
            .query_selector("#reseller-filter")
            .unwrap()
            .unwrap()
            .unchecked_into();
        assert_eq!(select.length(), 4, "all, each reseller, sold directly");
        select.set_value("222");
        select
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        yew::scheduler::flush().await;
        assert_eq!(*got.borrow(), [r#"FilterReseller(Some("222"))"#]);
    }

    #[wasm_bindgen_test]
    async fn a_file_without_resellers_shows_no_reseller_column() {
        let root = mount_point();
        let props = CustomerTableProps {
            lang: Lang::ZhTw,
            workspace: workspace(&[], vec![]),
            onaction: Callback::noop(),
        };
        yew::Renderer::<CustomerTable>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        assert!(root.query_selector("#reseller-filter").unwrap().is_none());
        assert!(root.query_selector("td.reseller").unwrap().is_none());
        assert_eq!(texts(&root, "#customer-table thead th")[0], "列印");
        assert_eq!(
            root.query_selector_all("#customer-table tbody tr")
                .unwrap()
                .length(),
            3
        );
    }

    #[wasm_bindgen_test]
    async fn printed_checklists_carry_partner_caveats_and_done_days_then_go_away() {
        use kaizala_engine::handout::Partner;
        use kaizala_engine::plan::CustomerSettings;
        use kaizala_planner::components::print_area::{PrintArea, PrintAreaProps};
        use kaizala_planner::state::PrintMode;

        let base = workspace(&[], vec![]);
        let adatum = base
            .plan
            .customers
            .iter()
            .find(|c| c.display_name == "Adatum")
            .unwrap()
            .key
            .clone();
        let w = workspace(
            &[],
            vec![
                // An Education customer: its plan carries a caveat.
                Action::SetCustomer {
                    key: adatum.clone(),
                    settings: CustomerSettings {
                        education: Some(true),
                        ..CustomerSettings::default()
                    },
                },
                Action::Tick {
                    customer: adatum.clone(),
                    step: "A".into(),
                    done: true,
                },
                Action::SetPrintMode(PrintMode::Checklists),
            ],
        );
        let caveats: Vec<String> = w
            .plan
            .customer(&adatum)
            .unwrap()
            .recommendation
            .caveats
            .iter()
            .map(|c| c.text.to_string())
            .collect();
        assert!(!caveats.is_empty());
        let root = mount_point();
        let got: Rc<RefCell<Vec<String>>> = Rc::default();
        let g = got.clone();
        let props = PrintAreaProps {
            lang: Lang::En,
            workspace: w,
            partner: Partner {
                name: "Fabrikam Partners".into(),
                contact: "help@fabrikam.example".into(),
            },
            onaction: Callback::from(move |a: Action| g.borrow_mut().push(format!("{a:?}"))),
        };
        yew::Renderer::<PrintArea>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        assert_eq!(
            root.query_selector_all(".print-customer").unwrap().length(),
            3
        );
        assert_eq!(
            texts(&root, ".print-partner"),
            ["Prepared by: Fabrikam Partners · help@fabrikam.example"; 3]
        );
        let printed = texts(&root, ".print-customer .caveat");
        for c in &caveats {
            assert!(printed.contains(c), "{c} is printed");
        }
        assert!(texts(&root, ".step-done").contains(&"· done on 1 Jun 2020".to_string()));
        // The browser has printed: the layout asks to go away.
        gloo::utils::window()
            .dispatch_event(&web_sys::Event::new("afterprint").unwrap())
            .unwrap();
        assert_eq!(*got.borrow(), ["PrintFinished"]);
    }

    #[wasm_bindgen_test]
    async fn the_why_links_to_its_rule_and_the_guid_is_the_sku_id() {
        use kaizala_planner::components::recommendation_card::{
            rule_link, RecommendationCard, RecommendationCardProps,
        };
        let w = workspace(&[], vec![]);
        let customer = w.plan.customers[0].clone();
        let family = customer.recommendation.family;
        let has_guid = customer.recommendation.guid.is_some();
        let alternatives: Vec<String> = customer
            .alternatives
            .iter()
            .map(|a| format!("{} — {}", a.plan, a.why.text))
            .collect();
        let root = mount_point();
        let props = RecommendationCardProps {
            lang: Lang::En,
            customer,
        };
        yew::Renderer::<RecommendationCard>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        let link = root.query_selector("#rec-rule").unwrap().unwrap();
        assert_eq!(
            link.get_attribute("href").unwrap(),
            format!("rules.md#family-{}", family.as_str())
        );
        assert_eq!(
            rule_link(family),
            format!("rules.md#family-{}", family.as_str())
        );
        assert!(has_guid);
        assert_eq!(texts(&root, ".guid-label"), ["SKU id (skuId):"]);
        // The other options (a top-up of a held plan among them) are on
        // the card, each with why it is worth a look.
        assert!(!alternatives.is_empty());
        assert_eq!(texts(&root, ".alternative"), alternatives);
    }
}
