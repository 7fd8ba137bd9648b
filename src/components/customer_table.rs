/*!
The customers with Kaizala Pro subscriptions: sortable, filterable, with
checklist progress and the boxes that choose what gets printed. Long lists
are shown a page at a time, so thousands of customers do not mean thousands
of rows in the page at once.
*/

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::{number, opt_date, tr, Lang};
use crate::state::{Action, SortKey, View, Workspace};
use kaizala_engine::plan::{CustomerPlan, Urgency};

/// Rows shown per page of the table.
pub const PAGE_ROWS: usize = 100;

#[derive(Properties, PartialEq)]
pub struct CustomerTableProps {
    pub lang: Lang,
    pub workspace: Rc<Workspace>,
    pub onaction: Callback<Action>,
}

/// An urgency as a small coloured badge.
pub fn urgency_badge(lang: Lang, u: Urgency) -> Html {
    html! { <span class={classes!("badge", format!("urgency-{}", u.as_str()))}>{ u.label(lang) }</span> }
}

/// The customers the table shows, in its order.
pub fn visible_customers(w: &Workspace) -> Vec<&CustomerPlan> {
    let needle = w.table.search.trim().to_lowercase();
    let rows: Vec<&CustomerPlan> = w
        .plan
        .customers
        .iter()
        .filter(|c| w.table.urgency.is_none_or(|u| c.urgency == u))
        .filter(|c| {
            needle.is_empty()
                || c.display_name.to_lowercase().contains(&needle)
                || c.customer
                    .domain
                    .as_deref()
                    .is_some_and(|d| d.to_lowercase().contains(&needle))
                || c.customer
                    .id
                    .as_deref()
                    .is_some_and(|d| d.to_lowercase().contains(&needle))
                || c.recommendation.plan.to_lowercase().contains(&needle)
        })
        .collect();
    // Each row's sort value is computed once, not at every comparison
    // (a name lower-cased, checklist progress counted). The sort is stable
    // and the plan lists customers by name, so rows that tie stay in name
    // order, either way round.
    let mut keyed: Vec<(SortValue<'_>, &CustomerPlan)> =
        rows.into_iter().map(|c| (sort_value(w, c), c)).collect();
    keyed.sort_by(|(a, _), (b, _)| {
        let o = a.cmp(b);
        if w.table.descending {
            o.reverse()
        } else {
            o
        }
    });
    keyed.into_iter().map(|(_, c)| c).collect()
}

/// What a row is sorted by, for the table's sort column.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum SortValue<'a> {
    /// Urgency, then dated before undated, then the date.
    Urgency(Urgency, bool, Option<chrono::NaiveDate>),
    Name(String),
    Seats(u32),
    Plan(&'a str),
    /// Ticked steps as parts per million of all steps.
    Progress(u64),
}

fn sort_value<'a>(w: &Workspace, c: &'a CustomerPlan) -> SortValue<'a> {
    match w.table.sort {
        SortKey::Urgency => SortValue::Urgency(c.urgency, c.migrate_by.is_none(), c.migrate_by),
        SortKey::Customer => SortValue::Name(c.display_name.to_lowercase()),
        SortKey::Seats => SortValue::Seats(c.kaizala_seats),
        SortKey::Plan => SortValue::Plan(&c.recommendation.plan),
        SortKey::Progress => {
            let (done, all) = w.steps_done(c);
            SortValue::Progress(if all == 0 {
                0
            } else {
                done as u64 * 1_000_000 / all as u64
            })
        }
    }
}

#[component(CustomerTable)]
pub fn customer_table(props: &CustomerTableProps) -> Html {
    let lang = props.lang;
    let w = &props.workspace;
    let pages = use_state_eq(|| 1usize);
    let rows = visible_customers(w);
    let shown = rows.len().min(*pages * PAGE_ROWS);

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
    let onmore = {
        let pages = pages.clone();
        Callback::from(move |_: MouseEvent| pages.set(*pages + 1))
    };

    let body = rows.iter().take(shown).map(|c| {
        let (done, all) = w.steps_done(c);
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
        html! {
            <tr key={c.key.clone()}>
                <td class="select no-print"><input type="checkbox" checked={selected} onchange={onselect} aria-label={select_label} /></td>
                <th scope="row"><button class="link-button customer-link" onclick={open}>{ &c.display_name }</button>
                    if let Some(d) = &c.customer.domain { <div class="sub">{ d }</div> }
                </th>
                <td>{ urgency_badge(lang, c.urgency) }</td>
                <td class="num">{ opt_date(lang, c.migrate_by) }</td>
                <td class="num">{ number(u64::from(c.kaizala_seats)) }</td>
                <td>{ &*c.recommendation.plan }</td>
                <td class="num"><span class={classes!("progress-text", (all > 0 && done == all).then_some("complete"))}>{ format!("{done}/{all}") }</span></td>
            </tr>
        }
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
                </div>
            </div>
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
                                    <input type="checkbox" checked={all_selected} onchange={onselect_all}
                                           aria-label={tr(lang, "Select every customer for printing", "選取所有客戶以列印")} />
                                </th>
                                { header(SortKey::Customer, tr(lang, "Customer", "客戶"), "") }
                                { header(SortKey::Urgency, tr(lang, "Urgency", "緊急程度"), "") }
                                <th scope="col" class="num">{ tr(lang, "Migrate by", "移轉期限") }</th>
                                { header(SortKey::Seats, tr(lang, "Kaizala seats", "Kaizala 授權數"), "num") }
                                { header(SortKey::Plan, tr(lang, "Recommended plan", "建議方案"), "") }
                                { header(SortKey::Progress, tr(lang, "Checklist", "檢查清單"), "num") }
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
