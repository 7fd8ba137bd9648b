/*!
In-browser component tests (wasm-bindgen-test in headless Chromium).

Run by `scripts/test.sh` as
`CHROMEDRIVER=$(which chromedriver) cargo test --target wasm32-unknown-unknown --test components`.
Each test mounts a component on a fresh element, lets Yew finish rendering
with `scheduler::flush()`, and reads the DOM.
*/
#![cfg(target_arch = "wasm32")]

use kaizala_planner::import::{Format, ImportReport, RejectedRow};
use kaizala_planner::web::components::header::Header;
use kaizala_planner::web::components::import_report::{ImportReportProps, ImportReportView};
use kaizala_planner::web::components::upload::{Upload, UploadProps};
use kaizala_planner::web::i18n::Lang;
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
    let props = UploadProps { lang: Lang::En, onfile: Callback::noop(), onsample: Callback::noop() };
    yew::Renderer::<Upload>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let input = root.query_selector("input[type=file]").unwrap().expect("a file input");
    assert_eq!(input.get_attribute("accept").unwrap(), ".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values");
    let sample = root.query_selector("#try-sample").unwrap().expect("the sample button");
    assert_eq!(sample.text_content().unwrap(), "Try with sample data");
}

#[wasm_bindgen_test]
async fn upload_speaks_traditional_chinese() {
    let root = mount_point();
    let props = UploadProps { lang: Lang::ZhTw, onfile: Callback::noop(), onsample: Callback::noop() };
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
        rejected: vec![RejectedRow { line: 9, reason: "has 3 fields, the header has 28".into() }],
        ..Default::default()
    };
    let props = ImportReportProps { lang: Lang::En, report, subscriptions: 5 };
    yew::Renderer::<ImportReportView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let text = |sel: &str| root.query_selector(sel).unwrap().unwrap().text_content().unwrap();
    assert_eq!(text("#report-rows"), "12");
    assert_eq!(text("#report-subscriptions"), "5");
    assert_eq!(text("#report-rejected"), "1");
    let rejected = text("details.rejected tbody");
    assert!(rejected.contains('9') && rejected.contains("has 3 fields"), "{rejected}");
}

#[wasm_bindgen_test]
async fn header_language_switch_reports_the_choice() {
    use std::cell::RefCell;
    use std::rc::Rc;
    let chosen: Rc<RefCell<Option<Lang>>> = Rc::default();
    let root = mount_point();
    let c = chosen.clone();
    let props = kaizala_planner::web::components::header::HeaderProps {
        lang: Lang::En,
        onlang: Callback::from(move |l| *c.borrow_mut() = Some(l)),
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
