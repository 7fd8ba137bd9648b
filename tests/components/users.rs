//! In-browser tests of step B's users: each user a row with its own box,
//! the count of those moved, and a tick reported by user principal name.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::NaiveDate;
use kaizala_engine::checklist::MoveUser;
use kaizala_planner::components::user_list::{UserList, UserListProps};
use kaizala_planner::i18n::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

use super::mount_point;

fn user(upn: &str, name: &str, needs_license: bool) -> MoveUser {
    MoveUser {
        upn: upn.into(),
        display_name: name.into(),
        needs_license,
    }
}

#[wasm_bindgen_test]
async fn each_user_has_a_box_and_says_what_changes() {
    let root = mount_point();
    let got: Rc<RefCell<Vec<(String, bool)>>> = Rc::default();
    let g = got.clone();
    let done: BTreeMap<String, Option<NaiveDate>> = [(
        "ben@contoso.com.tw".to_string(),
        NaiveDate::from_ymd_opt(2020, 8, 3),
    )]
    .into();
    let props = UserListProps {
        lang: Lang::En,
        users: vec![
            user("Amy@contoso.com.tw", "Amy Lin", true),
            user("ben@contoso.com.tw", "<b>Ben</b>", false),
        ],
        plan: "Office 365 E1".into(),
        done: Rc::new(done),
        id_prefix: "u".into(),
        ontick: Some(Callback::from(move |x| g.borrow_mut().push(x))),
        for_print: false,
    };
    yew::Renderer::<UserList>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let rows = root.query_selector_all(".users-table tbody tr").unwrap();
    assert_eq!(rows.length(), 2);
    let text = root.text_content().unwrap();
    assert!(text.contains("2 users to move · 1 moved"), "{text}");
    assert!(
        text.contains("assign Office 365 E1, remove Kaizala Pro"),
        "{text}"
    );
    // A name is text, never markup.
    assert!(text.contains("<b>Ben</b>"), "{text}");
    let boxes = root
        .query_selector_all(".users-table input[type=checkbox]")
        .unwrap();
    let second: web_sys::HtmlInputElement = boxes.get(1).unwrap().unchecked_into();
    assert!(second.checked(), "a moved user's box is ticked");
    let first: web_sys::HtmlInputElement = boxes.get(0).unwrap().unchecked_into();
    first.click();
    yew::scheduler::flush().await;
    assert_eq!(
        *got.borrow(),
        vec![("Amy@contoso.com.tw".to_string(), true)]
    );
}
