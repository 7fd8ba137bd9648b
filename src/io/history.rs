/*!
The address bar and the browser's history, at the edge: the view's
address is written into the fragment as the state changes (a new entry
for a new view, the same entry rewritten for a new search or sort), and
Back, Forward and a link pasted into an open tab come back as actions.
Focus and scroll follow every change of view, so a keyboard or screen
reader user lands on the new view's heading, not on `<body>` or the
middle of the page.
*/

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

use crate::state::route::Route;

/// The fragment of the page's address, `#` included (empty when none).
pub(crate) fn fragment() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// The view the page's address names, if it names one.
pub(crate) fn location_route() -> Option<Route> {
    Route::parse(&fragment())
}

/// Writes `fragment` into the address: a new history entry when `push`
/// (a new view: Back returns to the one before), else the current entry
/// rewritten (typing in the search box is not a history of its own).
pub(crate) fn set_fragment(fragment: &str, push: bool) {
    if self::fragment() == fragment {
        return;
    }
    let window = gloo::utils::window();
    let Ok(history) = window.history() else {
        return;
    };
    let null = wasm_bindgen::JsValue::NULL;
    let _ = if push {
        history.push_state_with_url(&null, "", Some(fragment))
    } else {
        history.replace_state_with_url(&null, "", Some(fragment))
    };
}

/// Calls `on_change` with the new fragment when the user moves through
/// history (Back, Forward) or edits the fragment; dropping the listeners
/// stops them.
pub(crate) fn listen(on_change: impl Fn(String) + Clone + 'static) -> [EventListener; 2] {
    let window = gloo::utils::window();
    let again = on_change.clone();
    [
        EventListener::new(&window, "popstate", move |_| on_change(fragment())),
        // A fragment pasted into the address of an open tab fires only
        // this one.
        EventListener::new(&window, "hashchange", move |_| again(fragment())),
    ]
}

/// Moves keyboard focus to the shown view's heading (marked
/// `.view-heading`, with `tabindex="-1"`) and scrolls to the top.
pub(crate) fn focus_view_heading() {
    let window = gloo::utils::window();
    window.scroll_to_with_x_and_y(0.0, 0.0);
    let heading = gloo::utils::document()
        .query_selector("main .view-heading")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(h) = heading {
        let _ = h.focus();
    }
}
