/*!
One customer's plan, for the partner: its Kaizala Pro subscriptions, the
recommendation and every choice that changes it, the plan catalog, the
interactive checklist with notes, and ways to share it with the customer.
*/

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::checklist_view::ChecklistView;
use crate::components::customer_table::urgency_badge;
use crate::components::plan_details::{RecommendationCard, SubscriptionTable};
use crate::i18n::{days, number, opt_date, tr, Lang};
use crate::io;
use crate::state::{Action, SharedPlan, Workspace};
use kaizala_engine::catalog::PlanId;
use kaizala_engine::checklist;
use kaizala_engine::export::{customer_html, customer_markdown};
use kaizala_engine::plan::{CustomerPlan, CustomerSettings};

#[derive(Properties, PartialEq)]
pub struct CustomerViewProps {
    pub lang: Lang,
    pub workspace: Rc<Workspace>,
    /// The customer's key.
    pub customer: String,
    pub onaction: Callback<Action>,
}

#[component(CustomerView)]
pub fn customer_view(props: &CustomerViewProps) -> Html {
    let lang = props.lang;
    let w = &props.workspace;
    let share_state = use_state_eq(|| None::<Result<String, String>>);
    let Some(c) = w.plan.customer(&props.customer) else {
        return html! {
            <section class="panel error" role="alert">
                <p>{ tr(lang, "This customer is no longer in the plan.", "這位客戶已不在規劃中。") }</p>
            </section>
        };
    };
    let key = c.key.clone();
    let steps = checklist::build(c, w.plan.as_of, w.plan.lang).steps;
    let ticked: Vec<String> = steps
        .iter()
        .filter(|s| w.progress.is_ticked(&key, &s.step))
        .map(|s| s.step.clone())
        .collect();
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
    let onshare = {
        let share_state = share_state.clone();
        let w = props.workspace.clone();
        let key = key.clone();
        // Gathered on click: it scans every imported subscription.
        Callback::from(move |_: MouseEvent| {
            let link = match &SharedPlan::for_customer(&w.import, &w.settings, &key) {
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
    let onmd = {
        let plan = w.plan.clone();
        let key = key.clone();
        let name = format!("{file_stem}.md");
        Callback::from(move |_: MouseEvent| {
            if let Some(md) = customer_markdown(&plan, &key, lang) {
                io::download(&name, "text/markdown;charset=utf-8", md.as_bytes());
            }
        })
    };
    let onhtml = {
        let plan = w.plan.clone();
        let key = key.clone();
        let name = format!("{file_stem}.html");
        Callback::from(move |_: MouseEvent| {
            if let Some(page) = customer_html(&plan, &key, lang) {
                io::download(&name, "text/html;charset=utf-8", page.as_bytes());
            }
        })
    };

    html! {
        <div class="customer-view">
            <section class="panel customer-head">
                <div class="panel-head">
                    <div>
                        <h2 id="customer-name">{ &c.display_name }</h2>
                        <p class="sub">
                            if let Some(d) = &c.customer.domain { { d }{ " · " } }
                            if let Some(id) = &c.customer.id { <code>{ id }</code> }
                        </p>
                    </div>
                    <div class="head-facts">
                        { urgency_badge(lang, c.urgency) }
                        <p>{ tr(lang, "Migrate by ", "移轉期限：") }<strong id="customer-migrate-by">{ opt_date(lang, c.migrate_by) }</strong>
                            if let Some(d) = c.migrate_by { { " (" }{ days(lang, (d - w.plan.as_of).num_days()) }{ ")" } }
                        </p>
                        <p>{ tr(lang, "Kaizala seats: ", "Kaizala 授權數：") }<strong>{ number(u64::from(c.kaizala_seats)) }</strong></p>
                    </div>
                </div>
            </section>
            <div class="two-col">
                <RecommendationCard {lang} customer={c.clone()} />
                <CustomerSettingsForm {lang} customer={c.clone()} onaction={props.onaction.clone()} />
            </div>
            <SubscriptionTable {lang} customer={c.clone()} />
            if !c.coverage.is_empty() {
                <section class="panel coverage">
                    <h3>{ tr(lang, "Plans the customer already has that include Kaizala", "客戶現有且內含 Kaizala 的方案") }</h3>
                    <ul>
                        for cov in c.coverage.iter() {
                            <li>{ &cov.product }{ " · " }{ cov.seats.map(|s| format!("{} {}", number(u64::from(s)), tr(lang, "seats", "個授權"))).unwrap_or_default() }
                                { " · " }<code>{ &cov.id }</code></li>
                        }
                    </ul>
                </section>
            }
            <section class="panel checklist-panel" aria-labelledby="checklist-title">
                <div class="panel-head">
                    <h3 id="checklist-title">{ tr(lang, "Migration checklist", "移轉檢查清單") }</h3>
                    <span class="progress-text">{ format!("{}/{}", ticked.len(), steps.len()) }</span>
                </div>
                <ChecklistView {lang} {steps} as_of={w.plan.as_of} ticked={ticked.clone()}
                               id_prefix={format!("step-{}", slug(&key))} ontick={Some(ontick)} />
                <label for="customer-note" class="note-label">{ tr(lang, "Notes (kept in this browser)", "備註（保存在這個瀏覽器）") }</label>
                <textarea id="customer-note" rows="3" value={w.progress.note(&key).to_string()} oninput={onnote}
                          placeholder={tr(lang, "Contacts, order numbers, anything to remember", "聯絡人、訂單編號等需要記下的事項")} />
            </section>
            <section class="panel share no-print" aria-labelledby="share-title">
                <h3 id="share-title">{ tr(lang, "Share with the customer", "與客戶分享") }</h3>
                <p class="hint">{ tr(lang,
                    "The link holds this customer's plan inside the address itself (after the #, which browsers never send to a server). It opens a read-only view with this customer only.",
                    "連結本身就包含這位客戶的規劃（在 # 之後，瀏覽器不會將這部分傳送到伺服器）。開啟後是只含這位客戶、唯讀的檢視。") }</p>
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

/// A file-name-safe form of a customer name; non-ASCII letters stay.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_alphanumeric() {
            out.extend(ch.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "customer".into()
    } else {
        out
    }
}

#[derive(Properties, PartialEq)]
pub struct CustomerSettingsProps {
    pub lang: Lang,
    pub customer: CustomerPlan,
    pub onaction: Callback<Action>,
}

/// The choices that change this customer's recommendation.
#[component(CustomerSettingsForm)]
pub fn customer_settings_form(props: &CustomerSettingsProps) -> Html {
    let lang = props.lang;
    let c = &props.customer;
    let current = c.settings.clone();
    let emit = {
        let onaction = props.onaction.clone();
        let key = c.key.clone();
        move |settings: CustomerSettings| {
            onaction.emit(Action::SetCustomer {
                key: key.clone(),
                settings,
            })
        }
    };
    let onplan = {
        let emit = emit.clone();
        let current = current.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            emit(CustomerSettings {
                plan_override: PlanId::parse(&select.value()),
                ..current.clone()
            })
        })
    };
    let onfrontline = {
        let emit = emit.clone();
        let current = current.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            emit(CustomerSettings {
                frontline: input.checked(),
                ..current.clone()
            })
        })
    };
    let oneducation = {
        let emit = emit.clone();
        let current = current.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let education = match select.value().as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            };
            emit(CustomerSettings {
                education,
                ..current.clone()
            })
        })
    };
    let onseats = {
        let emit = emit.clone();
        let current = current.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let v = input.value();
            let seats_to_cover = if v.trim().is_empty() {
                None
            } else {
                v.trim().parse::<u32>().ok()
            };
            if v.trim().is_empty() || seats_to_cover.is_some() {
                emit(CustomerSettings {
                    seats_to_cover,
                    ..current.clone()
                })
            }
        })
    };
    let detected = match &c.education_detected {
        Some(_) => tr(
            lang,
            "Detect (looks like a school)",
            "自動判斷（看來是學校）",
        ),
        None => tr(lang, "Detect (not a school)", "自動判斷（不是學校）"),
    };
    html! {
        <section class="panel customer-settings" aria-labelledby="cs-title">
            <h3 id="cs-title">{ tr(lang, "Your choices for this customer", "您對這位客戶的選擇") }</h3>
            <div class="field">
                <label for="plan-override">{ tr(lang, "Replacement plan", "替代方案") }</label>
                <select id="plan-override" onchange={onplan}>
                    <option value="" selected={current.plan_override.is_none()}>{ tr(lang, "Recommended by the rules", "依規則建議") }</option>
                    for id in PlanId::ALL {
                        <option value={id.as_str()} selected={current.plan_override == Some(id)}>{ id.plan().name }</option>
                    }
                </select>
            </div>
            <div class="field check">
                <input type="checkbox" id="frontline" checked={current.frontline} onchange={onfrontline} />
                <label for="frontline">{ tr(lang, "Kaizala users are frontline workers (phone or small tablet, or a shared device)", "Kaizala 使用者是第一線員工（使用手機、小型平板或共用裝置）") }</label>
            </div>
            <div class="field">
                <label for="education">{ tr(lang, "Education customer", "教育機構客戶") }</label>
                <select id="education" onchange={oneducation}>
                    <option value="detect" selected={current.education.is_none()}>{ detected }</option>
                    <option value="yes" selected={current.education == Some(true)}>{ tr(lang, "Yes: a verified academic institution", "是：經驗證的學術機構") }</option>
                    <option value="no" selected={current.education == Some(false)}>{ tr(lang, "No", "否") }</option>
                </select>
            </div>
            <div class="field">
                <label for="seats-to-cover">{ tr(lang, "Licenses to buy", "需購買授權數") }</label>
                <input type="number" id="seats-to-cover" min="0" max="1000000" step="1"
                       value={current.seats_to_cover.map(|n| n.to_string()).unwrap_or_default()}
                       placeholder={c.recommendation.quantity.map(|q| q.to_string()).unwrap_or_default()}
                       onchange={onseats} />
                <p class="hint">{ tr(lang, "Leave empty to use the computed number.", "留空則使用計算出的數量。") }</p>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct PlanCatalogProps {
    pub lang: Lang,
    pub customer: CustomerPlan,
}

/// Every replacement plan and the Kaizala plan it includes, with the
/// recommended one and the alternatives marked.
#[component(PlanCatalog)]
pub fn plan_catalog(props: &PlanCatalogProps) -> Html {
    let lang = props.lang;
    let c = &props.customer;
    html! {
        <section class="panel catalog" aria-labelledby="catalog-title">
            <details>
                <summary id="catalog-title">{ tr(lang, "Alternatives: all replacement plans and the Kaizala they include", "其他選擇：所有替代方案及其內含的 Kaizala") }</summary>
                <div class="table-scroll">
                    <table id="catalog-table">
                        <thead>
                            <tr>
                                <th scope="col">{ tr(lang, "Plan", "方案") }</th>
                                <th scope="col">{ tr(lang, "SKU", "SKU") }</th>
                                <th scope="col">{ tr(lang, "Kaizala service plan", "Kaizala 服務方案") }</th>
                                <th scope="col">{ tr(lang, "Seat limit", "授權上限") }</th>
                                <th scope="col">{ tr(lang, "For this customer", "對這位客戶") }</th>
                            </tr>
                        </thead>
                        <tbody>
                            for id in PlanId::ALL {
                                <CatalogRow {lang} {id} customer={c.clone()} />
                            }
                        </tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CatalogRowProps {
    lang: Lang,
    id: PlanId,
    customer: CustomerPlan,
}

#[component(CatalogRow)]
fn catalog_row(props: &CatalogRowProps) -> Html {
    let lang = props.lang;
    let p = props.id.plan();
    let c = &props.customer;
    let recommended = c.recommendation.plan_id == Some(props.id);
    let why = c
        .alternatives
        .iter()
        .find(|a| a.plan_id == props.id)
        .map(|a| a.why.text.clone());
    let kaizala = match p.kaizala {
        Some(k) => html! { <code>{ k.name() }</code> },
        None if p.includes_kaizala() => {
            html! { <>{ tr(lang, "none listed in the SKU table (the service description includes Kaizala)", "SKU 表未列出（服務說明列為內含 Kaizala）") }</> }
        }
        None => {
            html! { <>{ tr(lang, "none (device license; pair it with Office 365 A1)", "無（裝置授權；請搭配 Office 365 A1）") }</> }
        }
    };
    html! {
        <tr class={classes!(recommended.then_some("recommended"))}>
            <th scope="row">{ p.name }</th>
            <td><code>{ p.sku }</code></td>
            <td>{ kaizala }</td>
            <td>{ p.seat_cap.map(|n| number(u64::from(n))).unwrap_or_else(|| tr(lang, "no limit", "無上限").into()) }</td>
            <td>
                if recommended { <strong>{ tr(lang, "Recommended", "建議") }</strong> }
                else if let Some(why) = why { { why } }
            </td>
        </tr>
    }
}
