/*!
The customers with Kaizala Pro subscriptions: sortable, filterable, with
checklist progress and the boxes that choose what gets printed. When the
file names indirect resellers, a reseller column, a filter (which prints
and downloads follow) and grouping by reseller. Long lists are shown a
page at a time, so thousands of customers do not mean thousands of rows in
the page at once. Names and column headers are buttons on screen and
plain text on paper.
*/

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::long_list::{use_drawn, use_later};
use crate::i18n::{number, opt_table_date, tr, Lang};
use crate::state::{Action, SortKey, View, Workspace};
use crate::view_model::paper::reseller_label;
use crate::view_model::table::{rows_shown, visible_positions};
use kaizala_engine::plan::{CustomerPlan, Plan, Urgency};

#[derive(Properties, PartialEq)]
pub struct CustomerTableProps {
    pub lang: Lang,
    pub workspace: Rc<Workspace>,
    pub onaction: Callback<Action>,
}

/// An urgency as a small coloured badge.
pub(crate) fn urgency_badge(lang: Lang, u: Urgency) -> Html {
    html! { <span class={classes!("badge", format!("urgency-{}", u.as_str()))}>{ u.label(lang) }</span> }
}

/// Rows drawn with the rest of the page (a laptop's screenful), and in
/// each task after it until the page is whole.
const ROWS_PER_TASK: usize = 20;

/// Resellers the filter lists at once; a distributor's thousands come a
/// batch per task after the page.
const RESELLERS_FIRST: usize = 50;
const RESELLERS_PER_TASK: usize = 250;

/// A plan, equal only to itself: comparing two plans' contents would cost
/// more than what is kept by knowing they are the same.
#[derive(Clone)]
struct SamePlan(Rc<Plan>);

impl PartialEq for SamePlan {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A workspace, equal only to itself: every change to one makes a new one.
struct SameWorkspace(Rc<Workspace>);

impl PartialEq for SameWorkspace {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[component(CustomerTable)]
pub fn customer_table(props: &CustomerTableProps) -> Html {
    let lang = props.lang;
    let w = &props.workspace;
    // Kept between the renders that draw the page a part at a time.
    let positions = use_memo(SameWorkspace(w.clone()), |s| visible_positions(&s.0));
    let rows: Vec<&CustomerPlan> = positions
        .iter()
        .filter_map(|&i| w.plan.customers.get(i))
        .collect();
    let shown = rows_shown(rows.len(), w.table.pages);
    let drawn = use_drawn(shown, ROWS_PER_TASK, ROWS_PER_TASK);

    let header = |key: SortKey, label: &'static str, class: &'static str| {
        let sorted = w.table.sort == key;
        let aria = if !sorted {
            "none"
        } else if w.table.descending {
            "descending"
        } else {
            "ascending"
        };
        let onclick = props
            .onaction
            .reform(move |_: MouseEvent| Action::SortBy(key));
        let arrow = if !sorted {
            ""
        } else if w.table.descending {
            " ▼"
        } else {
            " ▲"
        };
        html! {
            <th scope="col" class={class} aria-sort={aria}>
                <button class="sort" {onclick}>{ label }{ arrow }</button>
            </th>
        }
    };
    let onsearch = props.onaction.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::Search(input.value())
    });
    let onurgency = props.onaction.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Action::FilterUrgency(
            Urgency::ALL
                .into_iter()
                .find(|u| u.as_str() == select.value()),
        )
    });
    let all_selected =
        !w.plan.customers.is_empty() && w.print_selection.len() == w.plan.customers.len();
    let onselect_all = props
        .onaction
        .reform(move |_: Event| Action::SelectAllForPrint(!all_selected));
    // Listed once per plan, and in a task after the first render of a new
    // plan (11 ms for 12,000 customers in the browser): until then the
    // filter lists only the reseller chosen, if any.
    let resellers = use_later(SamePlan(w.plan.clone()), |p| p.0.resellers());
    let has_resellers = w
        .plan
        .customers
        .iter()
        .any(|c| c.customer.reseller_mpn_id.is_some());
    let known: &[String] = resellers.as_ref().map_or(&[], |r| r.1.as_slice());
    let resellers_drawn = use_drawn(known.len(), RESELLERS_FIRST, RESELLERS_PER_TASK);
    let chosen = w.table.reseller.as_deref().filter(|r| !r.is_empty());
    // The one chosen is listed before its batch comes, so the filter shows it.
    let listed: Vec<&str> = if resellers.is_none() {
        chosen.into_iter().collect()
    } else {
        known
            .iter()
            .enumerate()
            .filter(|(i, r)| *i < resellers_drawn || chosen == Some(r.as_str()))
            .map(|(_, r)| r.as_str())
            .collect()
    };
    let onreseller = props.onaction.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let v = select.value();
        // "*": every reseller; "-": customers sold directly.
        Action::FilterReseller(match v.as_str() {
            "*" => None,
            "-" => Some(String::new()),
            _ => Some(v),
        })
    });
    let by_reseller = w.table.by_reseller;
    let ongroup = props
        .onaction
        .reform(move |_: Event| Action::GroupByReseller(!by_reseller));
    let onmore = props.onaction.reform(|_: MouseEvent| Action::ShowMore);

    let columns = if has_resellers { 8 } else { 7 };
    let label_reseller = tr(lang, "Reseller MPN ID", "經銷商 MPN ID");
    let label_urgency = tr(lang, "Urgency", "緊急程度");
    let label_migrate_by = tr(lang, "Migrate by", "移轉期限");
    let label_seats = tr(lang, "Kaizala seats", "Kaizala 授權數");
    let label_plan = tr(lang, "Recommended plan", "建議方案");
    let label_progress = tr(lang, "Checklist", "檢查清單");
    let mut group: Option<Option<&str>> = None;
    // Every row keyed (a group's heading by its reseller), so the rows
    // stay one fully keyed list when grouped.
    let body = rows.iter().take(drawn).flat_map(|c| {
        let reseller = c.customer.reseller_mpn_id.as_deref();
        let heading = (w.table.by_reseller && group != Some(reseller)).then(|| {
            group = Some(reseller);
            html! {
                <tr key={format!("reseller:{}", reseller.unwrap_or(""))} class="group-row">
                    <th scope="colgroup" colspan={columns.to_string()}>{ reseller_label(lang, reseller) }</th>
                </tr>
            }
        });
        let (done, all) = w.steps_done(c);
        // Only the rows shown are looked at: a tick whose facts changed
        // since (a newer export moved an end date) is worth a glance.
        let changed = done > 0 && w.progress.states(c).values().any(|s| !s.changes.is_empty());
        let key = c.key.clone();
        let open = props.onaction.reform({
            let key = key.clone();
            move |_: MouseEvent| Action::Open(View::Customer(key.clone()))
        });
        let selected = w.print_selection.contains(&c.key);
        let onselect = props.onaction.reform({
            let key = key.clone();
            move |_: Event| Action::SelectForPrint { customer: key.clone(), selected: !selected }
        });
        let select_label = format!("{} {}", tr(lang, "Print", "列印"), c.display_name);
        let row = html! {
            <tr key={c.key.clone()}>
                // The label makes the whole cell the box's tap target.
                <td class="select no-print"><label class="select-box"><input type="checkbox" checked={selected} onchange={onselect} aria-label={select_label} /></label></td>
                <th scope="row"><button class="link-button customer-link" onclick={open}>{ &c.display_name }</button>
                    if let Some(d) = &c.customer.domain { <div class="sub">{ d }</div> }
                </th>
                // data-label: the column's name, which a card (the table on
                // a phone, see app.css) shows beside each value.
                if has_resellers { <td class="reseller" data-label={label_reseller}>{ reseller.unwrap_or("—") }</td> }
                <td class="urgency" data-label={label_urgency}>{ urgency_badge(lang, c.urgency) }</td>
                <td class="num" data-label={label_migrate_by}>{ opt_table_date(lang, c.migrate_by) }</td>
                <td class="num" data-label={label_seats}>{ number(u64::from(c.kaizala_seats)) }</td>
                <td data-label={label_plan}>{ &*c.recommendation.plan }</td>
                <td class="num" data-label={label_progress}><span class={classes!("progress-text", (all > 0 && done == all).then_some("complete"))}>{ format!("{done}/{all}") }</span>
                    if changed {
                        <span class="badge changed-since" title={tr(lang, "A ticked step's facts changed since it was ticked", "已勾選的步驟在勾選後有資料變動")}>{ tr(lang, "changed", "已變更") }</span>
                    }</td>
            </tr>
        };
        heading.into_iter().chain(std::iter::once(row))
    });

    html! {
        <section class="panel customers" aria-labelledby="customers-title">
            <div class="panel-head">
                <h3 id="customers-title">{ tr(lang, "Customers", "客戶") }</h3>
                <div class="filters no-print">
                    <label class="field inline">
                        <span>{ tr(lang, "Search", "搜尋") }</span>
                        <input type="search" id="customer-search" value={w.table.search.clone()} oninput={onsearch}
                               placeholder={tr(lang, "name, domain, plan", "名稱、網域、方案")} />
                    </label>
                    <label class="field inline">
                        <span>{ tr(lang, "Urgency", "緊急程度") }</span>
                        <select id="urgency-filter" onchange={onurgency}>
                            <option value="" selected={w.table.urgency.is_none()}>{ tr(lang, "All", "全部") }</option>
                            for u in Urgency::ALL {
                                <option value={u.as_str()} selected={w.table.urgency == Some(u)}>{ u.label(lang) }</option>
                            }
                        </select>
                    </label>
                    if has_resellers {
                        <label class="field inline">
                            <span>{ tr(lang, "Reseller", "經銷商") }</span>
                            <select id="reseller-filter" onchange={onreseller}>
                                <option value="*" selected={w.table.reseller.is_none()}>{ tr(lang, "All", "全部") }</option>
                                for r in listed {
                                    <option value={r.to_string()} selected={chosen == Some(r)}>{ r }</option>
                                }
                                <option value="-" selected={w.table.reseller.as_deref() == Some("")}>{ tr(lang, "Sold directly", "直接銷售") }</option>
                            </select>
                        </label>
                        <label class="field inline check">
                            <input type="checkbox" id="group-by-reseller" checked={by_reseller} onchange={ongroup} />
                            <span>{ tr(lang, "Group by reseller", "依經銷商分組") }</span>
                        </label>
                    }
                </div>
            </div>
            if let Some(r) = &w.table.reseller {
                <p class="hint" id="reseller-scope">{ reseller_label(lang, Some(r)) }{ tr(lang,
                    ": prints and downloads hold this reseller's customers only.",
                    "：列印與下載只包含這個經銷商的客戶。") }</p>
            }
            if rows.is_empty() {
                <p class="hint">{
                    if w.plan.customers.is_empty() {
                        tr(lang, "No customer in this file has a Kaizala Pro subscription.", "這個檔案中沒有任何客戶擁有 Kaizala Pro 訂閱。")
                    } else {
                        tr(lang, "No customer matches the filters.", "沒有符合篩選條件的客戶。")
                    }
                }</p>
            } else {
                <div class="table-scroll">
                    <table id="customer-table">
                        <thead>
                            <tr>
                                <th scope="col" class="select no-print">
                                    <label class="select-all">
                                        <span>{ tr(lang, "Print", "列印") }</span>
                                        <input type="checkbox" checked={all_selected} onchange={onselect_all}
                                               aria-label={tr(lang, "Select every customer for printing", "選取所有客戶以列印")} />
                                    </label>
                                </th>
                                { header(SortKey::Customer, tr(lang, "Customer", "客戶"), "") }
                                if has_resellers { <th scope="col">{ label_reseller }</th> }
                                { header(SortKey::Urgency, label_urgency, "") }
                                <th scope="col" class="num migrate-by">{ label_migrate_by }</th>
                                { header(SortKey::Seats, label_seats, "num") }
                                { header(SortKey::Plan, label_plan, "") }
                                { header(SortKey::Progress, label_progress, "num") }
                            </tr>
                        </thead>
                        <tbody>{ for body }</tbody>
                    </table>
                </div>
                <p class="hint table-count">
                    { format!("{} {} {}", number(shown as u64), tr(lang, "of", "／"), number(rows.len() as u64)) }
                    { tr(lang, " customers shown", " 位客戶") }
                    if shown < rows.len() {
                        { " " }<button class="button small" id="show-more" onclick={onmore}>{ tr(lang, "Show more", "顯示更多") }</button>
                    }
                </p>
            }
        </section>
    }
}
