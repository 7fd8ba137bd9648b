/*!
How a long list is drawn: its first items with the rest of the page, the
others a batch per task after it. Creating a DOM node costs Yew a few calls
into the browser, so a page of 100 table rows and a reseller filter of
3,000 options drawn in one go made a task of about 150 ms when a plan
opened; issue 20 asks for no task over 50 ms, and the first rows matter
most. What such a list is made of may wait for a task after the page too
(`use_later`).
*/

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// How many of `total` items to draw now: `first` in the first render, and
/// `per_task` more in each task after it, each in a render of its own,
/// until all are drawn. A list that grows later (a next page of rows)
/// grows the same way; one drawn whole stays whole.
#[hook]
pub(crate) fn use_drawn(total: usize, first: usize, per_task: usize) -> usize {
    let drawn = use_state_eq(|| first);
    {
        let drawn = drawn.clone();
        use_effect_with((*drawn, total), move |&(now, total)| {
            // A timer, not an animation frame: the browser may paint and
            // answer clicks before it fires.
            let more = (now < total).then(|| Timeout::new(0, move || drawn.set(now + per_task)));
            move || drop(more)
        });
    }
    total.min(*drawn)
}

/// `make(&deps)`, made in a task after the render that first asks for it
/// (and again after each change of `deps`), so that it does not lengthen
/// that render's task: `None` until then. A value made for other `deps` is
/// never returned.
#[hook]
pub(crate) fn use_later<D, T, F>(deps: D, make: F) -> Option<Rc<(D, T)>>
where
    D: PartialEq + Clone + 'static,
    T: 'static,
    F: FnOnce(&D) -> T + 'static,
{
    let made = use_state(|| None::<Rc<(D, T)>>);
    {
        let made = made.clone();
        use_effect_with(deps.clone(), move |deps| {
            let deps = deps.clone();
            let later = Timeout::new(0, move || {
                let value = make(&deps);
                made.set(Some(Rc::new((deps, value))));
            });
            move || drop(later)
        });
    }
    (*made).clone().filter(|m| m.0 == deps)
}
