/*!
What a print shows, and nothing else: either the selected customers'
checklists, one customer per page with real boxes and dates, or the
overview. Hidden on screen; the print stylesheet swaps it in. It is
rendered only once a Print button asked for it; a print started from the
browser's menu before that prints the screen as it is.
*/

use std::rc::Rc;

use yew::prelude::*;

use crate::components::checklist_view::ChecklistView;
use crate::components::timeline::Timeline;
use crate::components::totals::Totals;
use crate::i18n::{date, number, opt_date, tr, Lang};
use crate::state::{PrintMode, Workspace};
use kaizala_engine::checklist;

#[derive(Properties, PartialEq)]
pub(crate) struct PrintAreaProps {
    pub(crate) lang: Lang,
    pub(crate) workspace: Rc<Workspace>,
}

#[component(PrintArea)]
pub(crate) fn print_area(props: &PrintAreaProps) -> Html {
    let lang = props.lang;
    let w = &props.workspace;
    let plan = &w.plan;
    let stamp = format!(
        "{} {} · {} {}",
        tr(lang, "Plan as of", "規劃基準日"),
        date(lang, plan.as_of),
        tr(lang, "from", "來源"),
        w.file_name
    );
    let body = match w.print_mode {
        PrintMode::Overview => html! {
            <div class="print-page print-overview">
                <h2>{ tr(lang, "Kaizala Pro migration: overview", "Kaizala Pro 移轉：總覽") }</h2>
                <p class="sub">{ &stamp }</p>
                <Totals {lang} workspace={w.clone()} />
                <Timeline {lang} months={plan.summary.ending_by_month.clone()} as_of={plan.as_of} cutoff={plan.cutoff} />
                <table>
                    <thead>
                        <tr>
                            <th>{ tr(lang, "Customer", "客戶") }</th>
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
                                <td>{ c.urgency.label(lang) }</td>
                                <td>{ opt_date(lang, c.migrate_by) }</td>
                                <td class="num">{ number(u64::from(c.kaizala_seats)) }</td>
                                <td>{ &*c.recommendation.plan }</td>
                                <td class="num">{ { let (d, a) = w.steps_done(c); format!("{d}/{a}") } }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        },
        PrintMode::Checklists => {
            let pages = plan.customers.iter().filter(|c| w.print_selection.contains(&c.key)).map(|c| {
                let steps = checklist::build(c, plan.as_of, plan.lang).steps;
                let ticked: Vec<String> = steps
                    .iter()
                    .filter(|s| w.progress.is_ticked(&c.key, &s.step))
                    .map(|s| s.step.clone())
                    .collect();
                let note = w.progress.note(&c.key).to_string();
                html! {
                    <section class="print-page print-customer">
                        <h2>{ &c.display_name }</h2>
                        <p class="sub">
                            if let Some(d) = &c.customer.domain { { d }{ " · " } }
                            { &stamp }
                        </p>
                        <p>
                            { tr(lang, "Migrate by ", "移轉期限：") }<strong>{ opt_date(lang, c.migrate_by) }</strong>
                            { " · " }{ tr(lang, "Replacement: ", "替代方案：") }<strong>{ &*c.recommendation.plan }</strong>
                            if let Some(q) = c.recommendation.quantity { { format!(" × {}", number(u64::from(q))) } }
                        </p>
                        <p class="rec-reason">{ &*c.recommendation.reason }</p>
                        <ChecklistView {lang} {steps} as_of={plan.as_of} ticked={ticked}
                                       id_prefix={format!("print-{}", c.key)} for_print=true />
                        if !note.is_empty() {
                            <div class="print-note"><h4>{ tr(lang, "Notes", "備註") }</h4><p>{ note }</p></div>
                        }
                    </section>
                }
            });
            let count = w.print_selection.len();
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
