/*!
The customer table's rows: the customers that match the search, the
urgency and the reseller filters, in the order of the sort column (within
each reseller when grouped by reseller), a page at a time.
*/

use chrono::NaiveDate;

use crate::state::{SortKey, Workspace};
use kaizala_engine::order;
use kaizala_engine::plan::{CustomerPlan, Urgency};

/// Rows shown per page of the table.
pub const PAGE_ROWS: usize = 100;

/// Rows shown of `total` once `pages` pages were asked for: thousands of
/// customers do not mean thousands of rows in the page at once.
pub fn rows_shown(total: usize, pages: usize) -> usize {
    total.min(pages * PAGE_ROWS)
}

/// The customers the table shows, in its order.
pub fn visible_customers(w: &Workspace) -> Vec<&CustomerPlan> {
    visible_positions(w)
        .into_iter()
        .filter_map(|i| w.plan.customers.get(i))
        .collect()
}

/// Where in the plan's list the customers the table shows are, in the
/// table's order: what a table drawn in several renders keeps between
/// them (sorting 12,000 customers costs about 18 ms each time).
pub fn visible_positions(w: &Workspace) -> Vec<usize> {
    let needle = w.table.search.trim().to_lowercase();
    let rows = w
        .plan
        .customers
        .iter()
        .enumerate()
        .filter(|(_, c)| w.table.urgency.is_none_or(|u| c.urgency == u))
        .filter(|(_, c)| crate::view_model::paper::in_reseller(w, c))
        .filter(|(_, c)| {
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
        });
    // Each row's sort value is computed once, not at every comparison
    // (a name lower-cased, checklist progress counted). The sort is stable
    // and the plan lists customers by name, so rows that tie stay in name
    // order, either way round.
    let mut keyed: Vec<(SortValue<'_>, usize, &CustomerPlan)> =
        rows.map(|(i, c)| (sort_value(w, c), i, c)).collect();
    order::sort_by(&mut keyed, |(a, ..), (b, ..)| {
        let o = a.cmp(b);
        if w.table.descending {
            o.reverse()
        } else {
            o
        }
    });
    let mut rows: Vec<(usize, &CustomerPlan)> = keyed.into_iter().map(|(_, i, c)| (i, c)).collect();
    if w.table.by_reseller {
        // Stable: the sort order holds within each reseller; customers
        // sold directly come last.
        order::sort_by(&mut rows, |(_, a), (_, b)| {
            let (a, b) = (
                a.customer.reseller_mpn_id.as_deref(),
                b.customer.reseller_mpn_id.as_deref(),
            );
            (a.is_none(), a).cmp(&(b.is_none(), b))
        });
    }
    rows.into_iter().map(|(i, _)| i).collect()
}

/// What a row is sorted by, for the table's sort column.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum SortValue<'a> {
    /// Urgency, then dated before undated, then the date.
    Urgency(Urgency, bool, Option<NaiveDate>),
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
