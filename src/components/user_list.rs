/*!
The users a move step (B) moves, each with its own box: who they are and
what changes for them (assign the new plan and remove Kaizala Pro, or only
remove Kaizala Pro). Long lists show their first rows and a button for the
rest, so a tenant of thousands stays quick to open.
*/

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::i18n::{tr, Lang};
use kaizala_engine::checklist::MoveUser;
use kaizala_engine::export::UserChange;
use kaizala_engine::i18n::Render;

/// Rows shown before "Show all".
const FIRST_ROWS: usize = 200;

#[derive(Properties, PartialEq)]
pub struct UserListProps {
    pub lang: Lang,
    pub users: Vec<MoveUser>,
    /// The plan the users move to.
    pub plan: String,
    /// Users marked as moved, by user principal name lower-cased.
    pub done: Rc<BTreeMap<String, Option<NaiveDate>>>,
    /// Where the boxes' ids start.
    pub id_prefix: String,
    /// `None`: read-only.
    #[prop_or_default]
    pub ontick: Option<Callback<(String, bool)>>,
    /// On paper: every row, boxes drawn plainly.
    #[prop_or_default]
    pub for_print: bool,
}

#[component(UserList)]
pub fn user_list(props: &UserListProps) -> Html {
    let lang = props.lang;
    let all = use_state_eq(|| false);
    let moved = props
        .users
        .iter()
        .filter(|u| props.done.contains_key(&u.upn.to_lowercase()))
        .count();
    let shown = if *all || props.for_print {
        props.users.len()
    } else {
        props.users.len().min(FIRST_ROWS)
    };
    let row = |(i, u): (usize, &MoveUser)| {
        let done = props.done.contains_key(&u.upn.to_lowercase());
        let id = format!("{}-u{i}", props.id_prefix);
        let onchange = props.ontick.clone().map(|ontick| {
            let upn = u.upn.to_string();
            Callback::from(move |_: Event| ontick.emit((upn.clone(), !done)))
        });
        let readonly = props.ontick.is_none();
        let change = if u.needs_license {
            UserChange::new(true, &props.plan).render(lang).into_owned()
        } else {
            tr(
                lang,
                "remove Kaizala Pro (already has a plan with Kaizala)",
                "移除 Kaizala Pro（已有含 Kaizala 的方案）",
            )
            .to_string()
        };
        html! {
            <tr class={classes!(done.then_some("done"))}>
                <td><input type="checkbox" id={id.clone()} class="user-box" checked={done} disabled={readonly} onchange={onchange}
                           aria-label={format!("{} {}", tr(lang, "Moved:", "已移轉："), u.upn)} /></td>
                <td><label for={id}>{ &*u.display_name }</label></td>
                <td class="upn"><code>{ &*u.upn }</code></td>
                <td class={classes!("change", u.needs_license.then_some("needs-license"))}>{ change }</td>
            </tr>
        }
    };
    let onall = {
        let all = all.clone();
        Callback::from(move |_: MouseEvent| all.set(true))
    };
    html! {
        <div class="user-list">
            <p class="user-list-head">
                <strong>{ match lang {
                    Lang::En => format!("{} users to move · {} moved", props.users.len(), moved),
                    Lang::ZhTw => format!("要移轉 {} 位使用者 · 已移轉 {} 位", props.users.len(), moved),
                } }</strong>
            </p>
            <div class="table-wrap">
                <table class="users-table">
                    <thead><tr>
                        <th scope="col"><span class="visually-hidden">{ tr(lang, "Moved", "已移轉") }</span></th>
                        <th scope="col">{ tr(lang, "Name", "名稱") }</th>
                        <th scope="col">{ tr(lang, "User principal name", "使用者主體名稱") }</th>
                        <th scope="col">{ tr(lang, "What changes", "變更內容") }</th>
                    </tr></thead>
                    <tbody>{ for props.users.iter().take(shown).enumerate().map(row) }</tbody>
                </table>
            </div>
            if shown < props.users.len() {
                <button class="button small show-all-users" onclick={onall}>
                    { match lang {
                        Lang::En => format!("Show all {} users", props.users.len()),
                        Lang::ZhTw => format!("顯示全部 {} 位使用者", props.users.len()),
                    } }
                </button>
            }
        </div>
    }
}
