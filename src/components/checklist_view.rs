/*!
A customer's A/B/C checklist: each step with its box, due date and text.
Interactive in the planner, read-only in a shared or printed plan. Steps
are grouped by wave, with a heading each, when the plan moves in more
than one; a done step says on which day it was done; a step due on the
last day of service says when the service stops on the reader's clock; a
done step whose facts changed since it was ticked says what changed.
*/

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::components::user_list::UserList;
use crate::i18n::{date, tr, Lang};
use crate::view_model::paper::by_wave;
use kaizala_engine::checklist::{Step, StepAction};

#[derive(Properties, PartialEq)]
pub struct ChecklistViewProps {
    pub lang: Lang,
    pub steps: Vec<Step>,
    pub as_of: NaiveDate,
    /// Ids of the ticked steps.
    pub ticked: Vec<String>,
    /// Where the boxes' ids start, so two checklists on a page never clash.
    pub id_prefix: String,
    /// `None`: read-only.
    #[prop_or_default]
    pub ontick: Option<Callback<(String, bool)>>,
    /// On paper: boxes drawn plainly (a disabled box prints greyed out).
    #[prop_or_default]
    pub for_print: bool,
    /// The day each done step was done, when known.
    #[prop_or_default]
    pub done_on: BTreeMap<String, NaiveDate>,
    /// By the last day of service (a migrate-by day): when the service
    /// stops on the reader's clock.
    #[prop_or_default]
    pub stop_notes: Vec<(NaiveDate, String)>,
    /// Done steps whose facts changed since they were ticked (a newer
    /// export moved an end date, say), with what changed in words.
    #[prop_or_default]
    pub flags: BTreeMap<String, Vec<String>>,
    /// Users of the move steps marked as moved, by user principal name
    /// lower-cased.
    #[prop_or_default]
    pub users_done: Rc<BTreeMap<String, Option<NaiveDate>>>,
    /// A user of a move step marked as moved or not; `None`: read-only.
    #[prop_or_default]
    pub ontick_user: Option<Callback<(String, bool)>>,
}

#[component(ChecklistView)]
pub fn checklist_view(props: &ChecklistViewProps) -> Html {
    let lang = props.lang;
    let item = |step: &Step| {
        let done = props.ticked.contains(&step.step);
        let overdue = !done && step.due.is_some_and(|d| d < props.as_of);
        let id = format!("{}-{}", props.id_prefix, step.step);
        let onchange = props.ontick.clone().map(|ontick| {
            let s = step.step.clone();
            Callback::from(move |_: Event| ontick.emit((s.clone(), !done)))
        });
        let readonly = props.ontick.is_none() && !props.for_print;
        let onclick = (props.ontick.is_none() && props.for_print)
            .then(|| Callback::from(|e: MouseEvent| e.prevent_default()));
        let done_on = done.then(|| props.done_on.get(&step.step)).flatten();
        let flag = done.then(|| props.flags.get(&step.step)).flatten();
        // Ticking again keeps the step done with the facts of now.
        let onconfirm = flag.and(props.ontick.clone()).map(|ontick| {
            let s = step.step.clone();
            Callback::from(move |_: MouseEvent| ontick.emit((s.clone(), true)))
        });
        let stop_note = step
            .due
            .and_then(|due| props.stop_notes.iter().find(|(d, _)| *d == due))
            .map(|(_, note)| note.clone());
        html! {
            <li class={classes!("checklist-item", done.then_some("done"), overdue.then_some("overdue"))}>
                <input type="checkbox" id={id.clone()} checked={done} disabled={readonly} onchange={onchange} {onclick}
                       tabindex={props.for_print.then_some("-1")} />
                <div class="step-body">
                    <label for={id} class="step-title">
                        <span class="step-id">{ &step.step }</span>{ " " }{ &step.title }
                    </label>
                    <p class="step-due">
                        { tr(lang, "Due ", "期限：") }
                        <strong>{ step.due.map(|d| date(lang, d)).unwrap_or_else(|| undated(lang, &step.action).to_string()) }</strong>
                        if overdue { <span class="badge urgency-ended">{ tr(lang, "overdue", "已逾期") }</span> }
                        if done {
                            <span class="step-done">{
                                match done_on {
                                    Some(d) => format!("{}{}", tr(lang, " · done on ", " · 完成於 "), date(lang, *d)),
                                    None => tr(lang, " · done", " · 已完成").to_string(),
                                }
                            }</span>
                        }
                    </p>
                    if let Some(note) = stop_note { <p class="step-stop">{ note }</p> }
                    if let Some(changes) = flag {
                        <div class="step-flag" role="note">
                            <p><strong>{ tr(lang, "Changed since you ticked it:", "勾選後已有變更：") }</strong></p>
                            <ul>{ for changes.iter().map(|c| html! { <li>{ c }</li> }) }</ul>
                            if let Some(onconfirm) = onconfirm {
                                <button class="button small" onclick={onconfirm}>{ tr(lang, "Checked: still done", "已確認：仍為完成") }</button>
                            }
                        </div>
                    }
                    <p class="step-text">{ &step.text }</p>
                    if let StepAction::MoveUsers { users: Some(users), plan, .. } = &step.action {
                        <UserList {lang} users={users.clone()} plan={plan.clone()} done={props.users_done.clone()}
                                  id_prefix={format!("{}-{}", props.id_prefix, step.step)} ontick={props.ontick_user.clone()}
                                  for_print={props.for_print} />
                    }
                </div>
            </li>
        }
    };
    let waves = by_wave(&props.steps);
    if waves.len() <= 1 {
        return html! { <ol class="checklist">{ for props.steps.iter().map(item) }</ol> };
    }
    html! {
        <div class="checklist-waves">
            for (n, steps) in waves.iter() {
                <section class="wave">
                    <h4 class="wave-title">{ wave_title(lang, *n) }</h4>
                    <ol class="checklist">{ for steps.iter().map(|s| item(s)) }</ol>
                </section>
            }
        </div>
    }
}

/// A wave's heading.
fn wave_title(lang: Lang, n: u32) -> String {
    match lang {
        Lang::En => format!("Wave {n}"),
        Lang::ZhTw => format!("第 {n} 梯次"),
    }
}

/// What a step without a due date says instead: an ended subscription is
/// checked now; any other step waits for an end date to be found.
fn undated(lang: Lang, action: &StepAction) -> &'static str {
    match action {
        StepAction::CheckEnded { .. } => tr(lang, "now: it has already ended", "立即（已結束）"),
        _ => tr(lang, "when the end date is known", "查明到期日後"),
    }
}
