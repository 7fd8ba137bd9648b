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
