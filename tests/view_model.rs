/*!
What the components show, natively: the customer table's rows, the words
and numbers of both languages, the labels of the engine's values, the
timeline's arithmetic and file names.
*/

mod support;

use std::rc::Rc;

use kaizala_engine::model::{AutoRenew, EndDate, Status};
use kaizala_engine::plan::{Family, Lang};
use kaizala_planner::i18n::{date, days, lang_from_browser_tag, month, number, opt_date};
use kaizala_planner::state::{Action, SortKey, State};
use kaizala_planner::view_model::chart::{month_index, parse_month, px};
use kaizala_planner::view_model::labels::{
    auto_renew_label, end_date_label, family_label, status_label,
};
use kaizala_planner::view_model::slug::slug;
use kaizala_planner::view_model::table::{rows_shown, visible_customers, PAGE_ROWS};

const CSV: &str = "id,offerName,quantity,status,autoRenewEnabled,commitmentEndDate,termDuration,customerTenantId,customerCompanyName,customerDomain\n\
    s1,Microsoft Kaizala Pro,20,active,false,2020-09-01T00:00:00Z,P1Y,t1,Contoso,contoso.com\n\
    s2,Microsoft Kaizala Pro,400,active,false,2020-12-01T00:00:00Z,P1Y,t2,Fabrikam,fabrikam.com\n\
    s3,Microsoft Kaizala Pro,5,active,false,2020-07-15T00:00:00Z,P1Y,t3,Adatum,adatum.com\n";

use support::d;

fn ready() -> Rc<State> {
    support::ready(CSV)
}

fn names(s: &State) -> Vec<String> {
    visible_customers(s.workspace().unwrap())
        .iter()
        .map(|c| c.display_name.clone())
        .collect()
}

#[test]
fn the_table_sorts_by_urgency_then_by_the_chosen_column() {
    let s = ready();
    // Adatum's service stops first, Fabrikam's last.
    assert_eq!(names(&s), ["Adatum", "Contoso", "Fabrikam"]);
    let s = s.reduce(Action::SortBy(SortKey::Seats));
    assert_eq!(names(&s), ["Fabrikam", "Contoso", "Adatum"]);
    let s = s.reduce(Action::SortBy(SortKey::Seats));
    assert_eq!(names(&s), ["Adatum", "Contoso", "Fabrikam"]);
    let s = s.reduce(Action::SortBy(SortKey::Customer));
    assert_eq!(names(&s), ["Adatum", "Contoso", "Fabrikam"]);
    let s = s.reduce(Action::SortBy(SortKey::Customer));
    assert_eq!(names(&s), ["Fabrikam", "Contoso", "Adatum"]);
}

#[test]
fn the_table_sorts_by_checklist_progress() {
    let s = ready();
    let w = s.workspace().unwrap();
    let contoso = w
        .plan
        .customers
        .iter()
        .find(|c| c.display_name == "Contoso");
    let contoso = contoso.unwrap().key.clone();
    let first_step = kaizala_engine::checklist::build(
        w.plan.customer(&contoso).unwrap(),
        w.plan.as_of,
        w.plan.lang,
    )
    .steps[0]
        .step
        .clone();
    let s = s
        .reduce(Action::Tick {
            customer: contoso,
            step: first_step,
            done: true,
        })
        .reduce(Action::SortBy(SortKey::Progress));
    assert_eq!(names(&s)[0], "Contoso", "most done first");
}

/// Sixty customers whose seats and end dates tie often, some with no end
/// date: the table's number sorts must order them as a stable sort of the
/// plan's (name) order would, ties in name order either way round.
#[test]
fn the_number_sorts_keep_ties_in_name_order_either_way_round() {
    let mut csv = String::from(
        "id,offerName,quantity,status,autoRenewEnabled,commitmentEndDate,termDuration,customerTenantId,customerCompanyName,customerDomain\n",
    );
    for i in 0..60u32 {
        let end = match i % 7 {
            0 => String::new(),
            k => format!("2020-{:02}-{:02}T00:00:00Z", 6 + k % 4, 1 + (i % 3) * 10),
        };
        let seats = [5, 20, 5, 400, 20][i as usize % 5];
        csv.push_str(&format!(
            "s{i},Microsoft Kaizala Pro,{seats},active,false,{end},P1Y,t{i},Customer {:02},c{i}.com\n",
            (i * 37) % 60
        ));
    }
    let s = support::ready(&csv);
    let urgency =
        |c: &kaizala_engine::plan::CustomerPlan| (c.urgency, c.migrate_by.is_none(), c.migrate_by);
    for (key, clicks) in [
        (SortKey::Urgency, 0),
        (SortKey::Urgency, 1),
        (SortKey::Seats, 1),
        (SortKey::Seats, 2),
    ] {
        let mut t = s.clone();
        for _ in 0..clicks {
            t = t.reduce(Action::SortBy(key));
        }
        let w = t.workspace().unwrap();
        let mut expected: Vec<_> = w.plan.customers.iter().collect();
        expected.sort_by(|a, b| {
            let o = match key {
                SortKey::Seats => a.kaizala_seats.cmp(&b.kaizala_seats),
                _ => urgency(a).cmp(&urgency(b)),
            };
            if w.table.descending {
                o.reverse()
            } else {
                o
            }
        });
        let expected: Vec<&str> = expected.iter().map(|c| c.key.as_str()).collect();
        let shown: Vec<&str> = visible_customers(w)
            .iter()
            .map(|c| c.key.as_str())
            .collect();
        assert_eq!(
            shown, expected,
            "{key:?}, descending {}",
            w.table.descending
        );
    }
}

#[test]
fn the_search_looks_in_names_domains_ids_and_plans() {
    let s = ready();
    let search = |text: &str| names(&s.clone().reduce(Action::Search(text.into())));
    assert_eq!(search("  FABRI "), ["Fabrikam"]);
    assert_eq!(search("contoso.com"), ["Contoso"]);
    assert_eq!(search("t3"), ["Adatum"]);
    assert!(search("no such customer").is_empty());
    let plan = s.workspace().unwrap().plan.customers[0]
        .recommendation
        .plan
        .to_string();
    assert!(search(&plan).contains(&s.workspace().unwrap().plan.customers[0].display_name));
}

#[test]
fn the_urgency_filter_keeps_that_urgency_only() {
    let s = ready();
    let w = s.workspace().unwrap();
    let adatum = w.plan.customers.iter().find(|c| c.display_name == "Adatum");
    let urgency = adatum.unwrap().urgency;
    let s = s.reduce(Action::FilterUrgency(Some(urgency)));
    let w = s.workspace().unwrap();
    let shown = visible_customers(w);
    assert!(shown.iter().any(|c| c.display_name == "Adatum"));
    assert!(shown.iter().all(|c| c.urgency == urgency));
}

#[test]
fn the_table_shows_a_page_of_rows_at_a_time() {
    assert_eq!(PAGE_ROWS, 100);
    assert_eq!(rows_shown(0, 1), 0);
    assert_eq!(rows_shown(42, 1), 42);
    assert_eq!(rows_shown(250, 1), 100);
    assert_eq!(rows_shown(250, 2), 200);
    assert_eq!(rows_shown(250, 3), 250);
}

#[test]
fn numbers_dates_and_days_in_both_languages() {
    assert_eq!(number(0), "0");
    assert_eq!(number(999), "999");
    assert_eq!(number(1000), "1,000");
    assert_eq!(number(1_234_567), "1,234,567");
    assert_eq!(date(Lang::En, d(2020, 9, 1)), "1 Sep 2020");
    assert_eq!(date(Lang::ZhTw, d(2020, 9, 1)), "2020年9月1日");
    assert_eq!(opt_date(Lang::En, None), "—");
    assert_eq!(opt_date(Lang::En, Some(d(2021, 1, 31))), "31 Jan 2021");
    assert_eq!(month(Lang::En, 2020, 12), "Dec 2020");
    assert_eq!(month(Lang::ZhTw, 2020, 12), "2020年12月");
    assert_eq!(month(Lang::En, 2020, 13), "? 2020");
    assert_eq!(days(Lang::En, 0), "today");
    assert_eq!(days(Lang::En, 1), "tomorrow");
    assert_eq!(days(Lang::En, -1), "yesterday");
    assert_eq!(days(Lang::En, 1500), "in 1,500 days");
    assert_eq!(days(Lang::En, -3), "3 days ago");
    assert_eq!(days(Lang::ZhTw, 0), "今天");
    assert_eq!(days(Lang::ZhTw, 12), "12 天後");
    assert_eq!(days(Lang::ZhTw, -12), "12 天前");
}

#[test]
fn browser_languages_map_to_the_app_s() {
    assert_eq!(lang_from_browser_tag("en"), Some(Lang::En));
    assert_eq!(lang_from_browser_tag("EN-gb"), Some(Lang::En));
    assert_eq!(lang_from_browser_tag("zh-TW"), Some(Lang::ZhTw));
    assert_eq!(lang_from_browser_tag("zh-Hant-HK"), Some(Lang::ZhTw));
    assert_eq!(lang_from_browser_tag("zh"), Some(Lang::ZhTw));
    assert_eq!(lang_from_browser_tag("zh-CN"), None);
    assert_eq!(lang_from_browser_tag("zh-Hans-SG"), None);
    assert_eq!(lang_from_browser_tag("fr-FR"), None);
    assert_eq!(lang_from_browser_tag("english"), None);
}

#[test]
fn labels_of_the_engine_s_values() {
    assert_eq!(
        family_label(Lang::En, Family::Business),
        "Business (up to 300 seats)"
    );
    assert_eq!(family_label(Lang::ZhTw, Family::Override), "您自行選擇");
    assert_eq!(
        status_label(Lang::En, Status::Warning),
        "expired, in grace period"
    );
    assert_eq!(status_label(Lang::ZhTw, Status::Active), "使用中");
    assert_eq!(auto_renew_label(Lang::En, AutoRenew::Off), "off");
    assert_eq!(
        auto_renew_label(Lang::En, AutoRenew::Unknown),
        "not in the export"
    );
    assert_eq!(
        end_date_label(Lang::En, EndDate::On(d(2020, 9, 1))),
        "1 Sep 2020"
    );
    assert_eq!(end_date_label(Lang::En, EndDate::Never), "does not expire");
    assert_eq!(end_date_label(Lang::ZhTw, EndDate::Unknown), "匯出檔未提供");
}

#[test]
fn timeline_months_and_coordinates() {
    assert_eq!(parse_month("2020-09"), Some((2020, 9)));
    assert_eq!(parse_month("2020-13"), None);
    assert_eq!(parse_month("2020-00"), None);
    assert_eq!(parse_month("2020"), None);
    assert_eq!(parse_month("Sep 2020"), None);
    assert_eq!(month_index(2020, 1) - month_index(2019, 12), 1);
    assert_eq!(month_index(2021, 3) - month_index(2020, 3), 12);
    assert_eq!(px(0.0), "0.0");
    assert_eq!(px(760.0), "760.0");
    assert_eq!(px(12.34), "12.3");
    assert_eq!(px(12.36), "12.4");
    assert_eq!(px(-3.06), "-3.1");
    assert_eq!(px(-0.04), "0.0");
}

#[test]
fn slugs_are_safe_in_file_names_and_ids() {
    assert_eq!(slug("Contoso Ltd."), "contoso-ltd");
    assert_eq!(slug("  A & B  Co "), "a-b-co");
    assert_eq!(slug("台北 School"), "台北-school");
    assert_eq!(slug("!!!"), "customer");
    assert_eq!(slug(""), "customer");
    let long = slug(&"ab ".repeat(40));
    assert!(long.chars().count() <= 60, "{long}");
    assert!(!long.ends_with('-'), "{long}");
}

mod paper {
    //! Prints and downloads: one reseller's part, the customers a print
    //! shows, waves, done days and the stop time on the reader's clock.

    use std::rc::Rc;

    use kaizala_engine::checklist::{self, Step, StepAction};
    use kaizala_engine::export::ExportFormat;
    use kaizala_engine::plan::Lang;
    use kaizala_planner::state::{Action, Phase, PrintMode, State, View};
    use kaizala_planner::view_model::paper::{
        by_wave, done_on, output_file_name, output_plan, printed_customers, reseller_label,
        stop_notes, stop_time_note, LocalTime,
    };
    use kaizala_planner::view_model::table::visible_customers;

    use super::{d, names, ready};

    /// The state with the named customers sold through resellers (the
    /// importer fills this from the export's reseller column).
    fn with_resellers(s: &State, resellers: &[(&str, &str)]) -> Rc<State> {
        let mut w = s.workspace().unwrap().clone();
        let mut plan = (*w.plan).clone();
        for c in &mut plan.customers {
            if let Some((_, r)) = resellers.iter().find(|(n, _)| c.display_name == *n) {
                c.customer.reseller_mpn_id = Some((*r).into());
            }
        }
        w.plan = Rc::new(plan);
        let mut next = s.clone();
        next.phase = Phase::Ready(Rc::new(w));
        Rc::new(next)
    }

    #[test]
    fn the_table_filters_and_groups_by_reseller_and_outputs_follow_the_filter() {
        let s = with_resellers(&ready(), &[("Contoso", "111"), ("Adatum", "222")]);
        assert_eq!(s.workspace().unwrap().plan.resellers(), ["111", "222"]);
        // Grouped: by reseller, customers sold directly last; the sort
        // (urgency) holds within a group.
        let s = s.reduce(Action::GroupByReseller(true));
        assert_eq!(names(&s), ["Contoso", "Adatum", "Fabrikam"]);
        let s = s.reduce(Action::GroupByReseller(false));
        assert_eq!(names(&s), ["Adatum", "Contoso", "Fabrikam"]);

        let s = s.reduce(Action::FilterReseller(Some("222".into())));
        assert_eq!(names(&s), ["Adatum"]);
        let w = s.workspace().unwrap();
        let out = output_plan(w);
        assert_eq!(out.customers.len(), 1);
        assert_eq!(out.summary.kaizala_seats, 5);
        // Every customer is selected for printing; the print holds the
        // filtered reseller's only.
        let s = s.reduce(Action::SetPrintMode(PrintMode::Checklists));
        let printed: Vec<_> = printed_customers(s.workspace().unwrap())
            .iter()
            .map(|c| c.display_name.clone())
            .collect();
        assert_eq!(printed, ["Adatum"]);

        // "" selects the customers sold directly.
        let s = s.reduce(Action::FilterReseller(Some(String::new())));
        assert_eq!(names(&s), ["Fabrikam"]);
        assert_eq!(
            output_file_name(s.workspace().unwrap(), ExportFormat::Csv),
            "kaizala-plan-2020-06-01-direct.csv"
        );
        let s = s.reduce(Action::FilterReseller(Some("222".into())));
        assert_eq!(
            output_file_name(s.workspace().unwrap(), ExportFormat::Markdown),
            "kaizala-plan-2020-06-01-reseller-222.md"
        );
        let s = s.reduce(Action::FilterReseller(None));
        assert_eq!(
            output_file_name(s.workspace().unwrap(), ExportFormat::Json),
            "kaizala-plan-2020-06-01.json"
        );
        assert_eq!(visible_customers(s.workspace().unwrap()).len(), 3);
        assert!(Rc::ptr_eq(
            &output_plan(s.workspace().unwrap()),
            &s.workspace().unwrap().plan
        ));
    }

    #[test]
    fn a_customer_page_prints_that_customer_alone_and_the_print_goes_away_after() {
        let s = ready();
        let key = s.workspace().unwrap().plan.customers[1].key.clone();
        let name = s.workspace().unwrap().plan.customers[1]
            .display_name
            .clone();
        let s = s
            .reduce(Action::Open(View::Customer(key)))
            .reduce(Action::SetPrintMode(PrintMode::Customer));
        let w = s.workspace().unwrap();
        assert!(w.print_prepared);
        let printed: Vec<_> = printed_customers(w)
            .iter()
            .map(|c| c.display_name.clone())
            .collect();
        assert_eq!(printed, [name]);
        let s = s.reduce(Action::PrintFinished);
        assert!(!s.workspace().unwrap().print_prepared);
        // Nothing left to clear: the same state.
        assert!(Rc::ptr_eq(&s, &s.clone().reduce(Action::PrintFinished)));
        // The overview prints no checklist pages.
        let s = s.reduce(Action::SetPrintMode(PrintMode::Overview));
        assert!(printed_customers(s.workspace().unwrap()).is_empty());
    }

    #[test]
    fn a_tick_keeps_the_day_it_was_done() {
        let s = ready();
        let key = s.workspace().unwrap().plan.customers[0].key.clone();
        let s = s.reduce(Action::Tick {
            customer: key.clone(),
            step: "A".into(),
            done: true,
        });
        let w = s.workspace().unwrap();
        let c = w.plan.customer(&key).unwrap();
        assert_eq!(w.progress.states(c)["A"].on, Some(d(2020, 6, 1)));
        assert_eq!(done_on(&w.progress, c).get("A"), Some(&d(2020, 6, 1)));
        let s = s.reduce(Action::Tick {
            customer: key.clone(),
            step: "A".into(),
            done: false,
        });
        let w = s.workspace().unwrap();
        assert!(done_on(&w.progress, w.plan.customer(&key).unwrap()).is_empty());
    }

    fn step(id: &str, wave: u32) -> Step {
        Step {
            step: id.into(),
            title: id.into(),
            text: String::new(),
            due: None,
            wave,
            action: StepAction::FindEndDate {
                subscription_id: "s".into(),
                offer: "o".into(),
            },
        }
    }

    #[test]
    fn steps_are_grouped_by_wave_in_wave_order() {
        let steps = vec![
            step("A", 1),
            step("B", 1),
            step("W2A", 2),
            step("C", 1),
            step("W2B", 2),
        ];
        let waves = by_wave(&steps);
        let ids: Vec<(u32, Vec<&str>)> = waves
            .iter()
            .map(|(n, s)| (*n, s.iter().map(|s| s.step.as_str()).collect()))
            .collect();
        assert_eq!(ids, [(1, vec!["A", "B", "C"]), (2, vec!["W2A", "W2B"])]);
        assert_eq!(by_wave(&steps[..2]).len(), 1);
        assert!(by_wave(&[]).is_empty());
    }

    #[test]
    fn the_stop_time_is_said_on_the_readers_clock() {
        let taipei = LocalTime {
            date: d(2020, 9, 1),
            hour: 8,
            minute: 0,
            zone: Some("Asia/Taipei".into()),
        };
        assert_eq!(
            stop_time_note(Lang::En, d(2020, 9, 1), &taipei),
            "The service stops at 00:00 UTC on 1 Sep 2020: that is 08:00 on 1 Sep 2020 in Asia/Taipei."
        );
        assert_eq!(
            stop_time_note(Lang::ZhTw, d(2020, 9, 1), &taipei),
            "服務在 2020年9月1日 00:00 UTC 停止，也就是台灣時間 2020年9月1日 08:00。"
        );
        let west = LocalTime {
            date: d(2020, 8, 31),
            hour: 17,
            minute: 30,
            zone: None,
        };
        assert!(stop_time_note(Lang::En, d(2020, 9, 1), &west)
            .ends_with("that is 17:30 on 31 Aug 2020 in your time zone."));

        // One note per last day of service, keyed by the migrate-by day
        // that a step falls due on.
        let s = ready();
        let w = s.workspace().unwrap();
        let contoso = w
            .plan
            .customers
            .iter()
            .find(|c| c.display_name == "Contoso")
            .unwrap();
        let notes = stop_notes(Lang::En, contoso, |day| {
            Some(LocalTime {
                date: day,
                hour: 8,
                minute: 0,
                zone: Some("Asia/Taipei".into()),
            })
        });
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].0, d(2020, 8, 31));
        assert!(notes[0].1.contains("00:00 UTC on 1 Sep 2020"));
        let steps = checklist::build(contoso, w.plan.as_of, w.plan.lang).steps;
        assert!(steps.iter().any(|s| s.due == Some(notes[0].0)));
        assert!(stop_notes(Lang::En, contoso, |_| None).is_empty());
        let utc = |day| {
            Some(LocalTime {
                date: day,
                hour: 0,
                minute: 0,
                zone: Some("UTC".into()),
            })
        };
        assert!(stop_notes(Lang::En, contoso, utc).is_empty());
    }

    #[test]
    fn resellers_are_named_by_mpn_id_or_as_sold_directly() {
        assert_eq!(
            reseller_label(Lang::En, Some("4512345")),
            "Reseller MPN ID 4512345"
        );
        assert_eq!(
            reseller_label(Lang::ZhTw, Some("4512345")),
            "經銷商 MPN ID 4512345"
        );
        assert_eq!(
            reseller_label(Lang::En, None),
            "Sold directly (no reseller)"
        );
        assert_eq!(
            reseller_label(Lang::En, Some("")),
            "Sold directly (no reseller)"
        );
        assert_eq!(reseller_label(Lang::ZhTw, None), "直接銷售（無經銷商）");
    }

    #[test]
    fn an_older_export_offers_the_latest_as_of_date_it_supports() {
        let s = ready().reduce(Action::SetAsOf(d(2021, 6, 1)));
        let w = s.workspace().unwrap();
        assert!(w
            .plan
            .customers
            .iter()
            .all(|c| c.urgency == kaizala_engine::plan::Urgency::Ended));
        let latest = w.plan.older_export().expect("every end date has passed");
        // The day before the earliest end date (Adatum's, 15 July 2020).
        assert_eq!(latest, d(2020, 7, 14));
        let s = s.reduce(Action::SetAsOf(latest));
        let w = s.workspace().unwrap();
        assert_eq!(w.plan.older_export(), None);
        assert!(w
            .plan
            .customers
            .iter()
            .all(|c| c.urgency != kaizala_engine::plan::Urgency::Ended));
    }
}
