//! In-browser tests of a long list drawn a batch per task: the customer
//! table's page of rows and a distributor's resellers in its filter come
//! whole, but only after the first render, which holds the first batch.

use std::rc::Rc;

use chrono::NaiveDate;
use gloo::timers::future::TimeoutFuture;
use kaizala_engine::import::{import, ImportOptions};
use kaizala_engine::plan::Lang;
use kaizala_engine::progress::Progress;
use kaizala_planner::components::customer_table::{CustomerTable, CustomerTableProps};
use kaizala_planner::state::{Action, Phase, State, Workspace};
use kaizala_planner::storage_health::StorageHealth;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

use super::mount_point;

/// `csv` opened through the reducer, with the customers `resellers` names
/// sold through those resellers (as the importer reads them from the export).
pub(super) fn workspace_of(
    csv: &str,
    resellers: &[(&str, &str)],
    actions: Vec<Action>,
) -> Rc<Workspace> {
    let today = NaiveDate::from_ymd_opt(2020, 6, 1).unwrap();
    let s = Rc::new(State::new(Lang::En, today))
        .reduce(Action::Reading {
            file_name: "a.csv".into(),
        })
        .reduce(Action::Imported {
            file_name: "a.csv".into(),
            bytes: Rc::new(csv.as_bytes().to_vec()),
            fingerprint: "f".into(),
            options: ImportOptions::default(),
            outcome: Box::new(import(csv.as_bytes(), &ImportOptions::default())),
            as_of: None,
            progress: Progress::default(),
            settings: None,
            storage: StorageHealth::Saving,
            planned: None,
        });
    let mut w = s.workspace().unwrap().clone();
    let mut plan = (*w.plan).clone();
    for c in &mut plan.customers {
        if let Some((_, r)) = resellers.iter().find(|(n, _)| c.display_name == *n) {
            c.customer.reseller_mpn_id = Some((*r).into());
        }
    }
    w.plan = Rc::new(plan);
    let mut next = (*s).clone();
    next.phase = Phase::Ready(Rc::new(w));
    let s = actions.into_iter().fold(Rc::new(next), |s, a| s.reduce(a));
    Rc::new(s.workspace().unwrap().clone())
}

/// `n` customers with a Kaizala Pro subscription each.
fn many_customers(n: usize) -> String {
    let mut csv = String::from(
        "id,offerName,quantity,status,autoRenewEnabled,commitmentEndDate,termDuration,customerTenantId,customerCompanyName,customerDomain\n",
    );
    for i in 0..n {
        csv.push_str(&format!(
            "s{i},Microsoft Kaizala Pro,10,active,false,2020-09-01T00:00:00Z,P1Y,t{i},Customer {i:03},c{i}.example.com\n"
        ));
    }
    csv
}

fn count(root: &web_sys::Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

/// The customer table of `w`, after its first render.
async fn show_table(w: Rc<Workspace>) -> web_sys::Element {
    let root = mount_point();
    let props = CustomerTableProps {
        lang: Lang::En,
        workspace: w,
        onaction: Callback::noop(),
    };
    yew::Renderer::<CustomerTable>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

/// Lets the timers that draw the next batches fire, and Yew render each.
async fn settle() {
    for _ in 0..20 {
        TimeoutFuture::new(0).await;
        yew::scheduler::flush().await;
    }
}

#[wasm_bindgen_test]
async fn a_page_of_rows_and_many_resellers_come_a_batch_per_task() {
    let names: Vec<String> = (0..90).map(|i| format!("Customer {i:03}")).collect();
    let ids: Vec<String> = (0..90).map(|i| format!("{}", 5_000_000 + i)).collect();
    let resellers: Vec<(&str, &str)> = names
        .iter()
        .zip(&ids)
        .map(|(n, r)| (n.as_str(), r.as_str()))
        .collect();
    let w = workspace_of(&many_customers(90), &resellers, vec![]);
    assert_eq!(w.plan.customers.len(), 90);
    let root = show_table(w).await;
    // The first render: 20 rows, and the reseller filter with "All" and
    // "Sold directly" only (the resellers are listed in a task after it);
    // the count says the whole page.
    assert_eq!(count(&root, "#customer-table tbody tr"), 20);
    assert_eq!(count(&root, "#reseller-filter option"), 2);
    let shown = root.query_selector(".table-count").unwrap().unwrap();
    assert!(shown.text_content().unwrap().starts_with("90 of 90"));
    settle().await;
    assert_eq!(count(&root, "#customer-table tbody tr"), 90);
    assert_eq!(count(&root, "#reseller-filter option"), 92);
}

#[wasm_bindgen_test]
async fn a_short_list_is_drawn_whole_at_once() {
    let w = workspace_of(&many_customers(12), &[("Customer 003", "5000003")], vec![]);
    let root = show_table(w).await;
    assert_eq!(count(&root, "#customer-table tbody tr"), 12);
    settle().await;
    assert_eq!(count(&root, "#reseller-filter option"), 3);
}

#[wasm_bindgen_test]
async fn a_chosen_reseller_is_in_the_filter_from_the_first_render() {
    let w = workspace_of(
        &many_customers(12),
        &[("Customer 003", "5000003"), ("Customer 007", "5000007")],
        vec![Action::FilterReseller(Some("5000007".into()))],
    );
    let root = show_table(w).await;
    let select: web_sys::HtmlSelectElement = root
        .query_selector("#reseller-filter")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(select.value(), "5000007");
    assert_eq!(count(&root, "#customer-table tbody tr"), 1);
    settle().await;
    assert_eq!(count(&root, "#reseller-filter option"), 4);
    assert_eq!(select.value(), "5000007");
}
