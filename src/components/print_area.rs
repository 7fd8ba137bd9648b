/*!
What a print shows, and nothing else: the selected customers' checklists
(or the open customer's alone), one customer per page with real boxes,
dates, the recommendation's caveats and assumptions, the partner and the
steps done; or the overview. Prints follow the table's reseller filter.
Hidden on screen; the print stylesheet swaps it in. It is rendered only
once a Print button asked for it, and goes away when the browser has
printed, so a later print from the browser's menu prints the screen.
*/

use std::rc::Rc;

use yew::prelude::*;

use crate::components::checklist_view::ChecklistView;
use crate::components::timeline::Timeline;
use crate::components::totals::Totals;
use crate::i18n::{date, number, opt_date, opt_table_date, tr, Lang};
use crate::io;
use crate::state::{Action, PrintMode, Workspace};
use crate::view_model::paper::{
    done_on, output_plan, printed_customers, reseller_label, stop_notes,
};
use kaizala_engine::checklist;
use kaizala_engine::handout::Partner;
use kaizala_engine::plan::CustomerPlan;

#[derive(Properties, PartialEq)]
pub struct PrintAreaProps {
    pub lang: Lang,
    pub workspace: Rc<Workspace>,
    /// Who prepared the plan, on every page.
    #[prop_or_default]
    pub partner: Partner,
    pub onaction: Callback<Action>,
}

#[component(PrintArea)]
pub fn print_area(props: &PrintAreaProps) -> Html {
    let lang = props.lang;
    let w = &props.workspace;
    {
        let onaction = props.onaction.clone();
        use_effect_with((), move |_| {
            let listener = io::on_after_print(move || onaction.emit(Action::PrintFinished));
            move || drop(listener)
        });
    }
    let plan = output_plan(w);
    let stamp = format!(
        "{} {} · {} {}",
        tr(lang, "Plan as of", "規劃基準日"),
        date(lang, plan.as_of),
        tr(lang, "from", "來源"),
        w.file_name()
    );
    let partner = (!props.partner.is_empty()).then(|| {
        let p = &props.partner;
        let who = [p.name.trim(), p.contact.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        html! { <p class="print-partner">{ tr(lang, "Prepared by: ", "規劃提供者：") }<strong>{ who }</strong></p> }
    });
    let reseller = w.table.reseller.as_deref().map(|r| {
        html! { <p class="print-reseller">{ reseller_label(lang, Some(r)) }</p> }
    });
    // Rendered with every overview: a look for one, not the sorted list.
    let has_resellers = w
        .plan
        .customers
        .iter()
        .any(|c| c.customer.reseller_mpn_id.is_some());
    let body = match w.print_mode {
        PrintMode::Overview => html! {
            <div class="print-page print-overview">
                <h2>{ tr(lang, "Kaizala Pro migration: overview", "Kaizala Pro 移轉：總覽") }</h2>
                <p class="sub">{ &stamp }</p>
                { reseller.clone() }
                { partner.clone() }
                <Totals {lang} plan={plan.clone()} one_reseller={w.table.reseller.is_some()} />
                <Timeline {lang} months={plan.summary.ending_by_month.clone()} as_of={plan.as_of} cutoff={plan.cutoff} />
                <table>
                    <thead>
                        <tr>
                            <th>{ tr(lang, "Customer", "客戶") }</th>
                            if has_resellers { <th>{ tr(lang, "Reseller MPN ID", "經銷商 MPN ID") }</th> }
                            <th>{ tr(lang, "Urgency", "緊急程度") }</th>
                            <th>{ tr(lang, "Migrate by", "移轉期限") }</th>
                            <th class="num">{ tr(lang, "Seats", "授權數") }</th>
                            <th>{ tr(lang, "Recommended plan", "建議方案") }</th>
                            <th class="num">{ tr(lang, "Done", "完成") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for c in plan.customers.iter() {
                            <tr>
                                <td>{ &c.display_name }</td>
                                if has_resellers { <td>{ c.customer.reseller_mpn_id.as_deref().unwrap_or("—") }</td> }
                                <td>{ c.urgency.label(lang) }</td>
                                <td>{ opt_table_date(lang, c.migrate_by) }</td>
                                <td class="num">{ number(u64::from(c.kaizala_seats)) }</td>
                                <td>{ &*c.recommendation.plan }</td>
                                <td class="num">{ { let (d, a) = w.steps_done(c); format!("{d}/{a}") } }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        },
        PrintMode::Checklists | PrintMode::Customer => {
            let customers = printed_customers(w);
            let count = customers.len();
            let pages = customers
                .into_iter()
                .map(|c| customer_page(lang, w, c, &stamp, partner.clone()));
            html! {
                <>
                    if count == 0 {
                        <p>{ tr(lang, "No customer is selected for printing: tick customers in the table first.", "尚未選取要列印的客戶：請先在表格中勾選客戶。") }</p>
                    }
                    { for pages }
                </>
            }
        }
    };
    html! { <div class="print-area" id="print-area" aria-hidden="true">{ body }</div> }
}

/// One customer's printed page: what the screen shows of the
/// recommendation (with its caveats and assumptions) and the checklist,
/// with the steps done and their days, and the customer's note.
fn customer_page(
    lang: Lang,
    w: &Workspace,
    c: &CustomerPlan,
    stamp: &str,
    partner: Option<Html>,
) -> Html {
    let plan = &w.plan;
    let steps = checklist::build(c, plan.as_of, plan.lang).steps;
    let done = w.progress.done_steps(c);
    let ticked: Vec<String> = steps
        .iter()
        .filter(|s| done.contains_key(&s.step))
        .map(|s| s.step.clone())
        .collect();
    let done_on = done_on(&w.progress, c);
    let stop_notes = stop_notes(lang, c, io::local_midnight_utc);
    let note = w.progress.note(&c.key).to_string();
    let r = &c.recommendation;
    html! {
        <section class="print-page print-customer">
            <h2>{ &c.display_name }</h2>
            <p class="sub">
                if let Some(d) = &c.customer.domain { { d }{ " · " } }
                if let Some(r) = &c.customer.reseller_mpn_id { { reseller_label(lang, Some(r)) }{ " · " } }
                { stamp }
            </p>
            { partner }
            <p>
                { tr(lang, "Migrate by ", "移轉期限：") }<strong>{ opt_date(lang, c.migrate_by) }</strong>
                { " · " }{ tr(lang, "Replacement: ", "替代方案：") }<strong>{ &*r.plan }</strong>
                if let Some(q) = r.quantity { { format!(" × {}", number(u64::from(q))) } }
                if let Some(sku) = &r.sku { { " · " }<code>{ &**sku }</code> }
            </p>
            <p class="rec-reason">{ &*r.reason }</p>
            if !r.caveats.is_empty() {
                <ul class="caveats">
                    for cv in r.caveats.iter() { <li class="caveat">{ &*cv.text }</li> }
                </ul>
            }
            if !r.assumptions.is_empty() {
                <ul class="assumptions">
                    for a in r.assumptions.iter() { <li class="assumption">{ &*a.text }</li> }
                </ul>
            }
            <p class="hint print-utc">{ tr(lang, "Dates are UTC days: a service stops at 00:00 UTC on its stop day.", "日期以 UTC 為準：服務在停止日 00:00 UTC（台灣時間 08:00）停止。") }</p>
            <ChecklistView {lang} {steps} as_of={plan.as_of} ticked={ticked} {done_on} {stop_notes}
                           id_prefix={format!("print-{}", c.key)} for_print=true />
            if !note.is_empty() {
                <div class="print-note"><h4>{ tr(lang, "Notes", "備註") }</h4><p>{ note }</p></div>
            }
        </section>
    }
}
