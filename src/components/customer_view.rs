/*!
One customer's plan, for the partner: its Kaizala Pro subscriptions, the
recommendation and every choice that changes it, the plan catalog, the
interactive checklist with notes (done steps with their day, the stop
time on the reader's clock), and ways to share it with the customer (the
Markdown with the partner and the steps done).
*/

use std::collections::BTreeMap;
use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::checklist_view::ChecklistView;
use crate::components::customer_settings_form::CustomerSettingsForm;
use crate::components::customer_table::urgency_badge;
use crate::components::plan_catalog::PlanCatalog;
use crate::components::recommendation_card::RecommendationCard;
use crate::components::subscription_table::SubscriptionTable;
use crate::components::users_panel::UsersPanel;
use crate::i18n::{aside, date, days, number, opt_date, tr, Lang};
use crate::io;
use crate::state::{Action, SharedPlan, Workspace};
use crate::view_model::labels::fact_change;
use crate::view_model::paper::{done_on, stop_notes};
use crate::view_model::slug::slug;
use kaizala_engine::checklist;
use kaizala_engine::export::{customer_html, customer_markdown_with};
use kaizala_engine::handout::{Handout, Partner};
use kaizala_engine::i18n::Render;

#[derive(Properties, PartialEq)]
pub(crate) struct CustomerViewProps {
    pub(crate) lang: Lang,
    pub(crate) workspace: Rc<Workspace>,
    /// The customer's key.
    pub(crate) customer: String,
    /// Who the partner is, for the share link, the customer's page and
    /// its Markdown.
    pub(crate) partner: Partner,
    pub(crate) onaction: Callback<Action>,
    /// A file chosen on the page (a users export), to add to the workspace.
    pub(crate) onfile: Callback<web_sys::File>,
}

#[component(CustomerView)]
pub(crate) fn customer_view(props: &CustomerViewProps) -> Html {
    let lang = props.lang;
    let w = &props.workspace;
    let share_state = use_state_eq(|| None::<Result<String, String>>);
    // User lists are personal data: a link carries them only when asked.
    let include_users = use_state_eq(|| false);
    let Some(c) = w.plan.customer(&props.customer) else {
        return html! {
            <section class="panel error" role="alert">
                <p>{ tr(lang, "This customer is no longer in the plan.", "這位客戶已不在規劃中。") }</p>
            </section>
        };
    };
    let key = c.key.clone();
    let steps = checklist::build(c, w.plan.as_of, w.plan.lang).steps;
    // Ticks follow the customer's subscriptions, not the file: a step
    // whose facts changed since it was ticked carries what changed.
    let states = w.progress.states(c);
    let ticked: Vec<String> = steps
        .iter()
        .filter(|s| states.contains_key(&s.step))
        .map(|s| s.step.clone())
        .collect();
    // Extend, not collect: collecting into a map sorts first, with its own
    // copy of the standard sort.
    let mut flags: BTreeMap<String, Vec<String>> = BTreeMap::new();
    flags.extend(
        states
            .iter()
            .filter(|(_, s)| !s.changes.is_empty())
            .map(|(id, s)| {
                let said = s.changes.iter().map(|f| fact_change(lang, f));
                (id.clone(), said.collect())
            }),
    );
    // Ticks kept for subscriptions no longer in the files (a subscription
    // that ended and left the export): shown, never silently dropped.
    let orphans = w.progress.orphans(&key, &checklist::subjects(c));
    let own_changes = w
        .arrival
        .as_ref()
        .map(|a| (a.on, a.changes.for_customer(&key)))
        .filter(|(_, c)| !c.is_empty());
    let ontick = {
        let key = key.clone();
        props
            .onaction
            .reform(move |(step, done): (String, bool)| Action::Tick {
                customer: key.clone(),
                step,
                done,
            })
    };
    let ontick_user = {
        let key = key.clone();
        props
            .onaction
            .reform(move |(upn, done): (String, bool)| Action::TickUser {
                customer: key.clone(),
                upn,
                done,
            })
    };
    let onnote = {
        let key = key.clone();
        props.onaction.reform(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            Action::Note {
                customer: key.clone(),
                text: area.value(),
            }
        })
    };
    // What the customer's page shows besides the plan: the partner and
    // the steps done, with their days.
    let handout = Handout {
        partner: props.partner.shown(),
        done: w.progress.done_steps(c),
        users_done: w.progress.users_of(&c.key),
    };
    let onshare = {
        let share_state = share_state.clone();
        let w = props.workspace.clone();
        let key = key.clone();
        let handout = handout.clone();
        let include_users = *include_users;
        // Gathered on click: it scans every imported subscription.
        Callback::from(move |_: MouseEvent| {
            let shared = SharedPlan::for_customer(&w.import, &w.settings, &key)
                .map(|s| s.with_handout(handout.clone()))
                .map(|s| {
                    if include_users {
                        s.with_users(&w.import, &handout)
                    } else {
                        s
                    }
                });
            let link = match &shared {
                Some(shared) => io::share_link(shared),
                None => Err(tr(
                    lang,
                    "This customer has nothing to share.",
                    "這位客戶沒有可分享的內容。",
                )
                .to_string()),
            };
            share_state.set(Some(link.clone()));
            if let Ok(link) = link {
                spawn_local(async move {
                    io::copy_text(&link).await;
                });
            }
        })
    };
    let file_stem = format!("kaizala-plan-{}", slug(&c.display_name));
    let done_on = done_on(&w.progress, c);
    let stop_notes = stop_notes(lang, c, io::local_midnight_utc);
    let onmd = {
        let w = w.clone();
        let handout = handout.clone();
        let key = key.clone();
        let name = format!("{file_stem}.md");
        Callback::from(move |_: MouseEvent| {
            if let Some(md) = customer_markdown_with(&w.plan, &key, lang, &handout) {
                io::download(&name, "text/markdown;charset=utf-8", md.as_bytes());
            }
        })
    };
    let onhtml = {
        let plan = w.plan.clone();
        let key = key.clone();
        let name = format!("{file_stem}.html");
        Callback::from(move |_: MouseEvent| {
            if let Some(page) = customer_html(&plan, &key, lang, &handout) {
                io::download(&name, "text/html;charset=utf-8", page.as_bytes());
            }
        })
    };

    html! {
        <div class="customer-view">
            <section class="panel customer-head">
                <div class="panel-head">
                    <div>
                        <h2 id="customer-name" class="view-heading" tabindex="-1">{ &c.display_name }</h2>
                        <p class="sub">
                            if let Some(d) = &c.customer.domain { { d }{ " · " } }
                            if let Some(id) = &c.customer.id { <code>{ id }</code> }
                        </p>
                    </div>
                    <div class="head-facts">
                        { urgency_badge(lang, c.urgency) }
                        <p>{ tr(lang, "Migrate by ", "移轉期限：") }<strong id="customer-migrate-by">{ opt_date(lang, c.migrate_by) }</strong>
                            if let Some(d) = c.migrate_by { { aside(lang, &days(lang, (d - w.plan.as_of).num_days())) } }
                        </p>
                        <p>{ tr(lang, "Kaizala seats: ", "Kaizala 授權數：") }<strong>{ number(u64::from(c.kaizala_seats)) }</strong></p>
                    </div>
                </div>
            </section>
            if let Some((on, changes)) = own_changes {
                <section class="panel notice customer-changes" id="customer-changes" aria-labelledby="customer-changes-title">
                    <h3 id="customer-changes-title">{ tr(lang, "Changed in the last import", "上次匯入後的變更") }{ " · " }{ date(lang, on) }</h3>
                    <ul>
                        if changes.added { <li>{ tr(lang, "This customer is new in the workspace.", "這是工作區中新增的客戶。") }</li> }
                        for s in changes.subscriptions_added.iter() {
                            <li>{ tr(lang, "Subscription added: ", "新增訂閱：") }<code>{ &s.id }</code>{ aside(lang, &s.offer) }</li>
                        }
                        for s in changes.subscriptions_removed.iter() {
                            <li>{ tr(lang, "Subscription no longer in the files: ", "已不在檔案中的訂閱：") }<code>{ &s.id }</code>{ aside(lang, &s.offer) }</li>
                        }
                        for s in changes.subscriptions_changed.iter() {
                            <li>{ s.render(lang) }</li>
                        }
                    </ul>
                </section>
            }
            if !orphans.is_empty() {
                <section class="panel notice" id="orphan-ticks">
                    <h3>{ tr(lang, "Ticks for subscriptions no longer in the files", "已不在檔案中的訂閱，其勾選仍保留") }</h3>
                    <ul>
                        for o in orphans.iter() {
                            <li>
                                { o.facts.as_ref().map(|f| f.subscriptions.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", ")).unwrap_or_else(|| o.step.clone()) }
                                if let Some(on) = o.on { { tr(lang, " · done on ", " · 完成於 ") }{ date(lang, on) } }
                            </li>
                        }
                    </ul>
                </section>
            }
            <div class="two-col">
                <RecommendationCard {lang} customer={c.clone()} />
                <CustomerSettingsForm {lang} customer={c.clone()} onaction={props.onaction.clone()} />
            </div>
            <SubscriptionTable {lang} customer={c.clone()} />
            if !c.coverage.is_empty() || !c.not_counted.is_empty() {
                <section class="panel coverage">
                    <h3>{ tr(lang, "Plans the customer already has that include Kaizala", "客戶現有且內含 Kaizala 的方案") }</h3>
                    if !c.coverage.is_empty() {
                        <ul>
                            for cov in c.coverage.iter() {
                                <li>{ &cov.product }{ " · " }{ cov.seats.map(|s| format!("{} {}", number(u64::from(s)), tr(lang, "seats", "個授權"))).unwrap_or_default() }
                                    { " · " }<code>{ &cov.id }</code></li>
                            }
                        </ul>
                    }
                    if !c.not_counted.is_empty() {
                        <h4>{ tr(lang, "Not counted as coverage", "不計入涵蓋的訂閱") }</h4>
                        <ul id="not-counted">
                            for n in c.not_counted.iter() {
                                <li>{ &n.product }{ " · " }{ n.seats.map(|s| format!("{} {}", number(u64::from(s)), tr(lang, "seats", "個授權"))).unwrap_or_default() }
                                    { " · " }<code>{ &n.id }</code>{ tr(lang, ": ", "：") }{ &*n.why.text }</li>
                            }
                        </ul>
                    }
                </section>
            }
            <UsersPanel {lang} workspace={w.clone()} customer={c.clone()} onaction={props.onaction.clone()} onfile={props.onfile.clone()} />
            <section class="panel checklist-panel" aria-labelledby="checklist-title">
                <div class="panel-head">
                    <h3 id="checklist-title">{ tr(lang, "Migration checklist", "移轉檢查清單") }</h3>
                    <span class="progress-text">{ format!("{}/{}", ticked.len(), steps.len()) }</span>
                </div>
                <ChecklistView {lang} {steps} as_of={w.plan.as_of} ticked={ticked.clone()} {done_on} {stop_notes} {flags}
                               id_prefix={format!("step-{}", slug(&key))} ontick={Some(ontick)}
                               users_done={Rc::new(w.progress.users_of(&key))} ontick_user={Some(ontick_user)} />
                <label for="customer-note" class="note-label">{ tr(lang, "Notes (kept in this browser)", "備註（保存在這個瀏覽器）") }</label>
                <textarea id="customer-note" rows="3" value={w.progress.note(&key).to_string()} oninput={onnote}
                          placeholder={tr(lang, "Contacts, order numbers, anything to remember", "聯絡人、訂單編號等需要記下的事項")} />
            </section>
            <section class="panel share no-print" aria-labelledby="share-title">
                <h3 id="share-title">{ tr(lang, "Share with the customer", "與客戶分享") }</h3>
                <p class="hint">{ tr(lang,
                    "The link holds this customer's plan inside the address itself (after the #, which browsers never send to a server). It opens a read-only view with this customer only.",
                    "連結本身就包含這位客戶的規劃（在 # 之後，瀏覽器不會將這部分傳送到伺服器）。開啟後是只含這位客戶、唯讀的檢視。") }</p>
                if c.users.is_some() {
                    <label class="check-row" for="share-users">
                        <input type="checkbox" id="share-users" checked={*include_users} onchange={{
                            let include_users = include_users.clone();
                            let share_state = share_state.clone();
                            Callback::from(move |_: Event| { include_users.set(!*include_users); share_state.set(None); })
                        }} />
                        { tr(lang, "Include the user list (names and addresses: personal data, and a much longer link)",
                                   "包含使用者名單（姓名與電子郵件地址屬於個人資料，且連結會長很多）") }
                    </label>
                }
                <div class="actions">
                    <button class="button primary" id="share-link" onclick={onshare}>{ tr(lang, "Create and copy link", "建立並複製連結") }</button>
                    <button class="button" id="download-customer-md" onclick={onmd}>{ tr(lang, "Download Markdown", "下載 Markdown") }</button>
                    <button class="button" id="download-customer-html" onclick={onhtml}>{ tr(lang, "Download web page", "下載網頁") }</button>
                </div>
                {
                    match &*share_state {
                        Some(Ok(link)) => html! {
                            <div class="share-result">
                                <label for="share-url">{ tr(lang, "Link (copied to the clipboard if the browser allowed it)", "連結（若瀏覽器允許，已複製到剪貼簿）") }</label>
                                <input id="share-url" type="text" readonly=true value={link.clone()} />
                                if *include_users {
                                    <p class="message warning" id="share-users-warning">{ match lang {
                                        Lang::En => format!("This link holds the customer's user list and is {} characters long. Send it only to the customer; some mail and chat apps cut links longer than about 2,000 characters, so a file (Download web page) may travel better.", number(link.len() as u64)),
                                        Lang::ZhTw => format!("此連結包含客戶的使用者名單，長度為 {} 個字元。請只傳給客戶；部分郵件與聊天軟體會截斷超過約 2,000 個字元的連結，改用檔案（下載網頁）可能較穩妥。", number(link.len() as u64)),
                                    } }</p>
                                }
                            </div>
                        },
                        Some(Err(e)) => html! { <p class="message error">{ e }</p> },
                        None => html! {},
                    }
                }
            </section>
            <PlanCatalog {lang} customer={c.clone()} />
        </div>
    }
}
