/*!
The workspace at the top of the overview: the view's heading, the files it
holds (each with the day it was added, and a way to take it out), adding a
file (a newer export replaces the one it covers; another customer's joins),
saving the workspace file that moves it all to another browser, what the
last file changed, and the facts the files disagree on.
*/

use std::rc::Rc;

use yew::prelude::*;

use crate::components::upload::file_chosen;
use crate::i18n::{aside, date, number, tr, Lang};
use crate::io;
use crate::state::{Action, Arrival, Source, Workspace};
use kaizala_engine::handout::Partner;
use kaizala_engine::i18n::Render;
use kaizala_engine::workspace::{write, WorkspaceEntry, WorkspaceFile};

#[derive(Properties, PartialEq)]
pub(crate) struct WorkspacePanelProps {
    pub(crate) lang: Lang,
    pub(crate) workspace: Rc<Workspace>,
    pub(crate) today: chrono::NaiveDate,
    pub(crate) partner: Partner,
    pub(crate) onaction: Callback<Action>,
    /// A file chosen to join the workspace.
    pub(crate) onfile: Callback<web_sys::File>,
}

/// The changes an arrival brought, in words: a summary line, then the
/// customers and subscriptions, each on a line of its own.
fn arrival_view(lang: Lang, w: &Workspace, a: &Arrival, ondismiss: Callback<MouseEvent>) -> Html {
    let c = &a.changes;
    let what = if a.replaced.is_empty() {
        match lang {
            Lang::En => format!("{} was added to the workspace.", a.files.join(", ")),
            Lang::ZhTw => format!("已將「{}」加入工作區。", a.files.join("、")),
        }
    } else if a.files.is_empty() {
        match lang {
            Lang::En => format!("{} was taken out of the workspace.", a.replaced.join(", ")),
            Lang::ZhTw => format!("已將「{}」移出工作區。", a.replaced.join("、")),
        }
    } else if a.replaced == a.files {
        match lang {
            Lang::En => format!(
                "A newer {} replaced the earlier one: it holds all of its customers. Ticks and notes were kept.",
                a.files.join(", ")
            ),
            Lang::ZhTw => format!(
                "較新的「{}」已取代先前的同名檔案：它包含原有的所有客戶。勾選與備註都已保留。",
                a.files.join("、")
            ),
        }
    } else {
        match lang {
            Lang::En => format!(
                "{} replaced {}: it holds all of its customers, so it is taken as the newer export.",
                a.files.join(", "),
                a.replaced.join(", ")
            ),
            Lang::ZhTw => format!(
                "「{}」取代了「{}」：它包含後者的所有客戶，因此視為較新的匯出檔。",
                a.files.join("、"),
                a.replaced.join("、")
            ),
        }
    };
    let n = c.counts();
    let all = n.customers_added
        + n.customers_removed
        + n.subscriptions_added
        + n.subscriptions_removed
        + n.subscriptions_changed;
    // A first import of thousands of customers lists them all as added:
    // the first hundred lines are enough to read, the counts say the rest.
    let shown = lines_shown(c, lang, 100);
    // A users file changes no subscription: say what it brought instead.
    let users_read: usize = w
        .sources
        .iter()
        .filter(|s| a.files.contains(&s.name))
        .flat_map(|s| s.import.users.iter())
        .map(|l| l.users.len())
        .sum();
    html! {
        <section class="arrival" id="arrival" role="status" aria-labelledby="arrival-title">
            <h3 id="arrival-title">{ tr(lang, "What changed", "變更內容") }{ " · " }{ date(lang, a.on) }</h3>
            <p>{ what }</p>
            if all == 0 && users_read > 0 {
                <p class="arrival-counts" id="arrival-counts"><strong>{ match lang {
                    Lang::En => format!("{} users read: the customer's page now plans from who holds Kaizala Pro.", number(users_read as u64)),
                    Lang::ZhTw => format!("已讀取 {} 位使用者：客戶頁面現在依實際持有 Kaizala Pro 的人規劃。", number(users_read as u64)),
                } }</strong></p>
            } else {
                <p class="arrival-counts" id="arrival-counts"><strong>{ c.counts().render(lang) }</strong></p>
            }
            if all > 0 {
                <details open={all <= 20}>
                    <summary>{ match lang {
                        Lang::En => format!("Show the {} change{}", number(all as u64), if all == 1 { "" } else { "s" }),
                        Lang::ZhTw => format!("顯示 {} 項變更", number(all as u64)),
                    } }</summary>
                    <ul class="arrival-list">{ for shown }</ul>
                    if all > 100 {
                        <p class="sub">{ match lang {
                            Lang::En => format!("The first 100 of {} are listed.", number(all as u64)),
                            Lang::ZhTw => format!("只列出 {} 項中的前 100 項。", number(all as u64)),
                        } }</p>
                    }
                </details>
            }
            <button class="button small" id="dismiss-arrival" onclick={ondismiss}>{ tr(lang, "Hide", "隱藏") }</button>
        </section>
    }
}

/// A users file in the list: its users, and the customer it belongs to
/// (by its domains, or as the partner said), with a choice to say which
/// customer when its domains match none, or to change it.
fn users_source(lang: Lang, w: &Workspace, s: &Source, onaction: &Callback<Action>) -> Html {
    let users: usize = s.import.users.iter().map(|l| l.users.len()).sum();
    let found = s
        .import
        .users
        .first()
        .map(|l| w.users_customers(l))
        .unwrap_or_default();
    let name_of = |key: &str| {
        w.plan
            .customer(key)
            .map(|c| c.display_name.clone())
            .unwrap_or_else(|| key.to_string())
    };
    let said = match (found.as_slice(), lang) {
        ([one], Lang::En) => format!(
            " · added {} · {} users · for {}",
            date(lang, s.added_on),
            number(users as u64),
            name_of(one)
        ),
        ([one], Lang::ZhTw) => format!(
            " · {} 加入 · {} 位使用者 · 屬於「{}」",
            date(lang, s.added_on),
            number(users as u64),
            name_of(one)
        ),
        (_, Lang::En) => format!(
            " · added {} · {} users · which customer's users are these?",
            date(lang, s.added_on),
            number(users as u64)
        ),
        (_, Lang::ZhTw) => format!(
            " · {} 加入 · {} 位使用者 · 這是哪位客戶的使用者？",
            date(lang, s.added_on),
            number(users as u64)
        ),
    };
    let fingerprint = s.fingerprint.clone();
    let onchange = onaction.reform(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let v = select.value();
        Action::AssignUsers {
            fingerprint: fingerprint.clone(),
            customer: (!v.is_empty()).then_some(v),
        }
    });
    let chosen = s.options.users_customer.clone().unwrap_or_default();
    let id = format!(
        "users-customer-{}",
        &s.fingerprint[..s.fingerprint.len().min(12)]
    );
    html! {
        <>
            <span class="sub">{ said }</span>
            if found.len() != 1 || s.options.users_customer.is_some() {
                <label class="users-customer" for={id.clone()}>
                    <span class="visually-hidden">{ tr(lang, "Customer of this users file", "此使用者檔案所屬的客戶") }</span>
                    <select {id} class="users-customer-select" {onchange}>
                        <option value="" selected={chosen.is_empty()}>{ tr(lang, "By its domains", "依網域判斷") }</option>
                        for c in w.plan.customers.iter() {
                            <option value={c.key.clone()} selected={c.key == chosen}>{ &c.display_name }</option>
                        }
                    </select>
                </label>
            }
        </>
    }
}

fn lines_shown(c: &kaizala_engine::workspace::Changes, lang: Lang, max: usize) -> Vec<Html> {
    let line = |label: &str, text: String| {
        // A full-width colon carries its own space.
        let gap = if label.ends_with('：') { "" } else { " " };
        html! { <li><span class="change-kind">{ label.to_string() }</span>{ gap }{ text }</li> }
    };
    c.customers_added
        .iter()
        .map(|r| line(tr(lang, "Customer added:", "新增客戶："), r.name.clone()))
        .chain(
            c.customers_removed
                .iter()
                .map(|r| line(tr(lang, "Customer removed:", "移除客戶："), r.name.clone())),
        )
        .chain(c.subscriptions_added.iter().map(|s| {
            line(
                tr(lang, "Subscription added:", "新增訂閱："),
                format!("{}{}", s.id, aside(lang, &s.offer)),
            )
        }))
        .chain(c.subscriptions_removed.iter().map(|s| {
            line(
                tr(lang, "Subscription removed:", "移除訂閱："),
                format!("{}{}", s.id, aside(lang, &s.offer)),
            )
        }))
        .chain(
            c.subscriptions_changed
                .iter()
                .map(|s| line(tr(lang, "Changed:", "變更："), s.render(lang).into_owned())),
        )
        .take(max)
        .collect()
}

#[component(WorkspacePanel)]
pub(crate) fn workspace_panel(props: &WorkspacePanelProps) -> Html {
    let lang = props.lang;
    let w = &props.workspace;

    let onadd = file_chosen(props.onfile.clone());
    let onsave = {
        let w = w.clone();
        let today = props.today;
        let partner = props.partner.clone();
        Callback::from(move |_: MouseEvent| {
            let file = WorkspaceFile {
                saved_on: today,
                name: w.file_name(),
                files: w
                    .sources
                    .iter()
                    .map(|s| {
                        WorkspaceEntry::new(
                            &s.name,
                            s.added_on,
                            s.options.clone(),
                            s.bytes.to_vec(),
                        )
                    })
                    .collect(),
                settings: w.settings.clone(),
                progress: w.progress.clone(),
                partner: partner.clone(),
            };
            io::download(
                &format!("kaizala-workspace-{today}.json"),
                "application/json",
                &write(&file),
            );
        })
    };
    let files = w.sources.iter().map(|s| {
        let fingerprint = s.fingerprint.clone();
        let onremove = props
            .onaction
            .reform(move |_: MouseEvent| Action::RemoveSource(fingerprint.clone()));
        html! {
            <li key={s.fingerprint.clone()} class="workspace-file">
                <span class="file-name">{ &s.name }</span>
                if s.import.users.is_empty() {
                    <span class="sub">{ match lang {
                        Lang::En => format!(" · added {} · {} subscriptions", date(lang, s.added_on), number(s.import.subscriptions.len() as u64)),
                        Lang::ZhTw => format!(" · {} 加入 · {} 筆訂閱", date(lang, s.added_on), number(s.import.subscriptions.len() as u64)),
                    } }</span>
                } else {
                    { users_source(lang, w, s, &props.onaction) }
                }
                if w.sources.len() > 1 {
                    <button class="button small link" onclick={onremove}
                            aria-label={match lang { Lang::En => format!("Take {} out of the workspace", s.name), Lang::ZhTw => format!("將「{}」移出工作區", s.name) }}>
                        { tr(lang, "Take out", "移出") }
                    </button>
                }
            </li>
        }
    });
    let ondismiss = props
        .onaction
        .reform(|_: MouseEvent| Action::DismissArrival);
    let conflicts = (!w.conflicts.is_empty()).then(|| {
        html! {
            <details class="conflicts" id="conflicts">
                <summary>{ match lang {
                    Lang::En => format!("The files disagree on {} fact{}", w.conflicts.len(), if w.conflicts.len() == 1 { "" } else { "s" }),
                    Lang::ZhTw => format!("各檔案有 {} 項資料不一致", w.conflicts.len()),
                } }</summary>
                <ul>{ for w.conflicts.iter().take(100).map(|c| html! { <li>{ c.render(lang) }</li> }) }</ul>
            </details>
        }
    });

    html! {
        <section class="panel workspace-panel" aria-labelledby="workspace-title">
            <div class="panel-head">
                <h2 id="workspace-title" class="view-heading" tabindex="-1">{ tr(lang, "Your workspace", "您的工作區") }</h2>
                <div class="workspace-actions">
                    <label class="button small" id="add-file-label">
                        { tr(lang, "Add a file…", "加入檔案…") }
                        <input type="file" id="add-file" class="visually-hidden" accept=".csv,.txt,.tsv,.json,text/csv,application/json" onchange={onadd} />
                    </label>
                    <button class="button small" id="save-workspace" onclick={onsave}>{ tr(lang, "Save workspace file", "儲存工作區檔案") }</button>
                </div>
            </div>
            <p class="sub">{ tr(lang,
                "Kept in this browser: it reopens as you left it. A newer export of the same customers replaces the older one and keeps your ticks and notes; another customer's export joins this one. The workspace file moves it all to another browser or a colleague.",
                "保存在這個瀏覽器中，重新開啟時會維持原樣。相同客戶的較新匯出檔會取代舊檔，並保留您的勾選與備註；其他客戶的匯出檔則會併入。工作區檔案可將全部內容帶到其他瀏覽器或交給同事。") }</p>
            <ul class="workspace-files" id="workspace-files">{ for files }</ul>
            if let Some(a) = &w.arrival {
                { arrival_view(lang, w, a, ondismiss) }
            }
            { conflicts }
        </section>
    }
}
