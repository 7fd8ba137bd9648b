/*!
The customer table's rows: the customers that match the search, the
urgency and the reseller filters, in the order of the sort column (within
each reseller when grouped by reseller), a page at a time.
*/

use chrono::Datelike;

use crate::state::{SortKey, Workspace};
use kaizala_engine::order;
use kaizala_engine::plan::CustomerPlan;

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
    let rows: Vec<(usize, &CustomerPlan)> = rows.collect();
    let flip = if w.table.descending { u32::MAX } else { 0 };
    // The column's value in the high half, the row's place in the low.
    let numbered: Option<Vec<u64>> = rows
        .iter()
        .map(|&(i, c)| number_key(w, c).map(|k| u64::from(k ^ flip) << 32 | i as u64))
        .collect();
    let mut rows: Vec<(usize, &CustomerPlan)> = match numbered {
        // Numbers that hold the row's place, sorted unstably, order the
        // rows as the stable sort would (the place breaks every tie) at a
        // fraction of its cost: the table's first sort is part of the task
        // that shows a new plan (12,000 customers: 13 ms with the
        // comparison sort in the browser). Plain `u64`s share the
        // importer's sort in the wasm rather than add one.
        Some(mut keyed) => {
            keyed.sort_unstable();
            keyed
                .into_iter()
                .map(|k| (k & u64::from(u32::MAX)) as usize)
                .filter_map(|i| w.plan.customers.get(i).map(|c| (i, c)))
                .collect()
        }
        None => {
            let mut keyed: Vec<(TextKey<'_>, usize, &CustomerPlan)> = rows
                .into_iter()
                .map(|(i, c)| (text_key(w, c), i, c))
                .collect();
            order::sort_by(&mut keyed, |(a, ..), (b, ..)| {
                let o = a.cmp(b);
                if w.table.descending {
                    o.reverse()
                } else {
                    o
                }
            });
            keyed.into_iter().map(|(_, i, c)| (i, c)).collect()
        }
    };
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

/// The sort column's value as a number, in the column's order; `None` for
/// the columns of text.
fn number_key(w: &Workspace, c: &CustomerPlan) -> Option<u32> {
    match w.table.sort {
        // Urgency, then dated before undated, then the day.
        SortKey::Urgency => {
            let day = c.migrate_by.map_or(0, |d| {
                d.num_days_from_ce().clamp(0, (1 << 27) - 1).unsigned_abs()
            });
            Some((c.urgency as u32) << 28 | u32::from(c.migrate_by.is_none()) << 27 | day)
        }
        SortKey::Seats => Some(c.kaizala_seats),
        SortKey::Progress => Some(progress_key(w, c)),
        SortKey::Customer | SortKey::Plan => None,
    }
}

/// Ticked steps as parts per million of all steps.
fn progress_key(w: &Workspace, c: &CustomerPlan) -> u32 {
    let (done, all) = w.steps_done(c);
    if all == 0 {
        0
    } else {
        (done as u64 * 1_000_000 / all as u64) as u32
    }
}

/// What a row is sorted by, for the sort columns that are text.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum TextKey<'a> {
    Name(String),
    Plan(&'a str),
}

fn text_key<'a>(w: &Workspace, c: &'a CustomerPlan) -> TextKey<'a> {
    match w.table.sort {
        SortKey::Plan => TextKey::Plan(&c.recommendation.plan),
        _ => TextKey::Name(c.display_name.to_lowercase()),
    }
}
