/*!
The customer-facing view opened from a share link: one customer's plan,
read-only, with nothing else of the partner's import, written for the
customer (the engine's `CustomerPage`, the same page the HTML download
shows): who prepared it, what changes for their users and when, what they
need to do, what it costs, and what is done. The partner's details are in
a collapsed "For your partner" section. Everything shown was decoded from
the link and is rendered as text, never as markup.
*/

use std::rc::Rc;

use yew::prelude::*;

use crate::components::checklist_view::ChecklistView;
use crate::components::subscription_table::SubscriptionTable;
use crate::i18n::{tr, Lang};
use crate::io;
use crate::state::SharedPlan;
use kaizala_engine::handout::customer_page;
use kaizala_engine::i18n::handout::{long_date, prepared_by, PageLabel};
use kaizala_engine::plan::{CustomerPlan, Said};

#[derive(Properties, PartialEq)]
pub(crate) struct SharedViewProps {
    pub(crate) lang: Lang,
    pub(crate) shared: Rc<SharedPlan>,
}

/// A heading and its list, when there is anything to list.
fn section(heading: &str, id: &str, class: &str, items: Vec<String>) -> Html {
    if items.is_empty() {
        return html! {};
    }
    html! {
        <>
            <h3>{ heading }</h3>
            <ul id={id.to_string()} class={class.to_string()}>
                for item in items { <li>{ item }</li> }
            </ul>
        </>
    }
}

/// The recommendation as the partner works from it: the plan, its ids
/// (each labelled: the GUID is the license's SKU id, not an offer id), why,
/// and the caveats and assumptions in the partner's words.
fn partner_recommendation(lang: Lang, c: &CustomerPlan) -> Html {
    let r = &c.recommendation;
    let ids = [
        (PageLabel::SkuPartNumber, r.sku.as_deref()),
        (PageLabel::LicenseSkuId, r.guid.as_deref()),
        (
            PageLabel::KaizalaServicePlan,
            r.kaizala_plan.map(|k| k.name()),
        ),
    ];
    html! {
        <section class="partner-recommendation">
            <h3 class="rec-plan">{ &*r.plan }</h3>
            <ul class="partner-ids">
                for (label, value) in ids.into_iter().filter_map(|(l, v)| v.map(|v| (l, v))) {
                    <li>{ label.text(lang) }{ tr(lang, ": ", "：") }<code>{ value }</code></li>
                }
                if let Some(q) = r.quantity {
                    <li>{ tr(lang, "Licenses to buy: ", "需購買授權數：") }<strong>{ q }</strong></li>
                }
            </ul>
            <p>{ &*r.reason }</p>
            if !r.caveats.is_empty() || !r.assumptions.is_empty() {
                <ul class="caveats">
                    for cv in r.caveats.iter() { <li class="caveat">{ &*cv.text }</li> }
                    for a in r.assumptions.iter() { <li>{ &*a.text }</li> }
                </ul>
            }
        </section>
    }
}

fn texts<T>(items: &[Said<T>]) -> Vec<String> {
    items.iter().map(|i| i.text.to_string()).collect()
}

#[component(SharedView)]
pub(crate) fn shared_view(props: &SharedViewProps) -> Html {
    let lang = props.lang;
    let s = &props.shared;
    // The link carries the inputs; the plan and its page are made here,
    // in the reader's language.
    let planned = use_memo((s.clone(), lang), |(s, lang)| {
        s.customer_plan(*lang).map(|c| {
            let page = customer_page(&c, s.as_of, *lang, &s.handout());
            (c, page)
        })
    });
    let Some((c, page)) = planned.as_ref() else {
        return html! {
            <section class="panel error" role="alert">
                <h2>{ tr(lang, "This shared plan could not be opened", "無法開啟這份分享的規劃") }</h2>
                <p class="message">{ tr(lang, "The link holds no Kaizala Pro subscription to plan.", "連結中沒有可規劃的 Kaizala Pro 訂閱。") }</p>
            </section>
        };
    };
    let onprint = Callback::from(|_: MouseEvent| io::print_soon());
    let ticked: Vec<String> = page
        .steps
        .iter()
        .filter(|st| st.done)
        .map(|st| st.step.clone())
        .collect();
    html! {
        <div class="shared-view">
            <section class="panel customer-head">
                <p class="eyebrow">{ PageLabel::Title.text(lang) }</p>
                <h2 id="customer-name">{ &c.display_name }</h2>
                if let Some(p) = &page.partner {
                    <p class="prepared" id="prepared-by">{ prepared_by(p, lang) }</p>
                }
                <p class="sub">{ PageLabel::AsOf.text(lang) }{ " " }{ long_date(s.as_of, lang) }{ tr(lang, " (UTC)", "（UTC）") }</p>
                <p class="intro" id="page-intro">{ &*page.intro.text }</p>
                <button class="button no-print" onclick={onprint}>{ tr(lang, "Print", "列印") }</button>
            </section>
            <section class="panel customer-page">
                { section(PageLabel::Changes.text(lang), "page-changes", "page-list", texts(&page.changes)) }
                { section(PageLabel::Todo.text(lang), "page-todo", "page-list", texts(&page.todo)) }
                { section(PageLabel::Costs.text(lang), "page-costs", "page-list", texts(&page.costs)) }
                { section(PageLabel::GoodToKnow.text(lang), "page-caveats", "caveats",
                          page.good_to_know.iter().map(|t| t.to_string()).collect()) }
            </section>
            if !page.steps.is_empty() {
                <section class="panel page-progress">
                    <h3>{ PageLabel::Progress.text(lang) }</h3>
                    <ul class="page-steps" id="page-steps">
                        for st in page.steps.iter() {
                            <li class={classes!(if st.done { "done" } else { "todo" })}>
                                <span class="mark" aria-hidden="true">{ if st.done { "✓" } else { "○" } }</span>
                                <span class="step-name">{ &*st.title }</span>
                                <span class="status">{ &*st.status }</span>
                            </li>
                        }
                    </ul>
                </section>
            }
            <details class="panel for-partner" id="for-partner">
                <summary>{ PageLabel::ForPartner.text(lang) }</summary>
                <p class="hint">{ PageLabel::ForPartnerHint.text(lang) }</p>
                { partner_recommendation(lang, c) }
                <SubscriptionTable {lang} customer={c.clone()} />
                <section class="checklist-panel">
                    <h3>{ PageLabel::PartnerSteps.text(lang) }</h3>
                    <ChecklistView {lang} steps={page.checklist.steps.clone()} as_of={s.as_of} {ticked} id_prefix="shared"
                                   users_done={std::rc::Rc::new(s.users_done.clone())} />
                </section>
            </details>
            <p class="hint utc" id="page-utc">{ PageLabel::Utc.text(lang) }</p>
        </div>
    }
}
