/*!
The planner's entry points: [`build_plan`] for an import,
[`plan_subscriptions`] for subscriptions from elsewhere (a share link), and
[`PlanJob`], the same work a slice at a time.

A job first classifies every subscription against the catalog and groups
them by customer (one pass, no vector per customer); then it plans the
customers with a Kaizala Pro subscription one by one
([`customer_plan`]), and at the end sorts them by name and key and adds
up the summary.
*/

use std::borrow::Cow;

// A fast hasher: these maps see every row.
use rustc_hash::{FxHashMap as FxMap, FxHashSet as FxSet};

use crate::catalog::{is_kaizala_pro_standalone, kaizala_inclusion, KnownProduct};
use crate::model::{Customer, Import, Subscription, UsersList};

use super::assemble::{customer_plan, Classified, Scratch};
use super::customer::CustomerPlan;
use super::output::{Plan, Source, SCHEMA_VERSION};
use super::settings::Settings;
use super::summary::Tally;

/// Builds the plan. Pure and deterministic: the same import and settings
/// give the same plan, whatever the order of the rows. The same as running
/// a [`PlanJob`] to its end.
pub fn build_plan(import: &Import, settings: &Settings) -> Plan {
    PlanJob::new(import, settings).run()
}

/// [`build_plan`] with the customers planned on up to `threads` threads
/// at once (the command line's cores; a browser tab has one). Customers
/// are planned independently and sorted at the end, so the plan is the
/// same as [`build_plan`]'s, whatever the number of threads.
#[cfg(not(target_arch = "wasm32"))]
pub fn build_plan_on(import: &Import, settings: &Settings, threads: usize) -> Plan {
    let mut job = PlanJob::new(import, settings);
    job.plan_all_on(threads);
    job.run()
}

/// Plans `subscriptions` that come without an import, such as a share
/// link's: the same plan [`build_plan`] gives for an import of these
/// subscriptions, no customer list, and `source` as what was read.
pub(crate) fn plan_subscriptions(
    subscriptions: &[Subscription],
    users: &[UsersList],
    source: Source,
    settings: &Settings,
) -> Plan {
    PlanJob::for_subscriptions(subscriptions, &[], users, source, settings).run()
}

/// A customer's key in parts, borrowed from the rows (see [`Customer::key_parts`]).
type KeyParts<'a> = Option<(&'static str, Cow<'a, str>)>;

/// [`build_plan`] a slice at a time, so that a browser tab stays
/// responsive while thousands of customers are planned (as
/// the importer's job does for the import).
///
/// [`PlanJob::new`] classifies and groups the subscriptions (one pass
/// over them); each [`PlanJob::step`] plans a number of customers; the
/// last sorts them and adds up the summary.
///
/// ```
/// use kaizala_engine::import::{import, ImportOptions, ImportOutcome};
/// use kaizala_engine::plan::{build_plan, PlanJob, PlanProgress, Settings};
///
/// let csv = "Subscription ID,Subscription,Quantity,Status\n\
///            3f2c6a52-7d1e-4c55-9a60-2b1f6c0d8e11,Microsoft Kaizala Pro,25,Active\n";
/// let Ok(ImportOutcome::Ready(imp)) = import(csv.as_bytes(), &ImportOptions::default()) else { panic!() };
/// let settings = Settings::new(chrono::NaiveDate::from_ymd_opt(2020, 6, 1).unwrap());
/// let mut job = PlanJob::new(&imp, &settings);
/// let plan = loop {
///     match job.step(100) {
///         // Yield to the event loop here, then step again.
///         PlanProgress::Working { done, total } => assert!(done <= total),
///         PlanProgress::Done(plan) => break plan,
///         PlanProgress::Spent => unreachable!("the plan is given once"),
///     }
/// };
/// assert_eq!(plan, build_plan(&imp, &settings));
/// ```
pub struct PlanJob<'a> {
    settings: &'a Settings,
    /// Every users file's list, for the customers they belong to.
    users: &'a [UsersList],
    /// What was read, as the plan will say.
    source: Source,
    /// Each subscription's group, and what the catalog says of it.
    classified: Vec<(usize, Classified<'a>)>,
    has_kaizala: Vec<bool>,
    /// The subscriptions of group `g` are `order[start[g]..start[g + 1]]`.
    start: Vec<usize>,
    order: Vec<usize>,
    keys: Vec<KeyParts<'a>>,
    customers_in_file: u64,
    /// The next group to plan.
    next: usize,
    customers: Vec<CustomerPlan>,
    tally: Tally,
    spent: bool,
}

/// Where a [`PlanJob`] stands after a step.
// Returned once per slice; boxing the plan would only add an unwrap.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum PlanProgress {
    /// More to do: `done` of `total` customers (with or without Kaizala
    /// Pro) looked at.
    Working {
        /// Customers looked at so far.
        done: usize,
        /// Customers in all.
        total: usize,
    },
    /// The plan, as [`build_plan`] gives it; given once.
    Done(Plan),
    /// The job gave its plan at an earlier step.
    Spent,
}

impl<'a> PlanJob<'a> {
    /// Classifies and groups the import's subscriptions; nothing is
    /// planned yet.
    pub fn new(import: &'a Import, settings: &'a Settings) -> PlanJob<'a> {
        PlanJob::for_subscriptions(
            &import.subscriptions,
            &import.customers,
            &import.users,
            Source::from_report(&import.report),
            settings,
        )
    }

    /// Classifies and groups `subscriptions`; nothing is planned yet.
    /// `customers` (a customer list's, possibly empty) only count towards
    /// the customers in the file; `source` is what the plan says was read.
    pub(crate) fn for_subscriptions(
        subscriptions: &'a [Subscription],
        customers: &'a [Customer],
        users: &'a [UsersList],
        source: Source,
        settings: &'a Settings,
    ) -> PlanJob<'a> {
        // An export repeats a handful of products over thousands of rows, so
        // each (offer, SKU) is looked up once, and each (offer, nickname, SKU)
        // of an unknown product is tested for "Kaizala Pro" once. The same
        // answers as calling the catalog per row: a known product is never
        // standalone (see `is_kaizala_pro_standalone`).
        let mut known_products: FxMap<(&str, Option<&str>), Option<KnownProduct>> =
            FxMap::default();
        let mut standalone: FxMap<(&str, Option<&str>, Option<&str>), bool> = FxMap::default();
        // Grouped by key in first-seen order; the order does not show, since
        // customers are sorted by name and key at the end. The key is kept in
        // parts, borrowed from the rows, and written out only for customers
        // that are planned.
        let mut group_of: FxMap<KeyParts<'a>, usize> = FxMap::default();
        // Each subscription's group, then the subscriptions in group order (a
        // counting sort): no vector per customer, of which there are tens of
        // thousands in a large export.
        let mut classified: Vec<(usize, Classified)> = Vec::with_capacity(subscriptions.len());
        let mut has_kaizala: Vec<bool> = Vec::new();
        // Consecutive rows mostly repeat one product.
        let mut last: Option<(&Subscription, bool, Option<KnownProduct>)> = None;
        for s in subscriptions {
            let (offer, friendly, sku) = (&*s.offer, s.friendly_name.as_deref(), s.sku.as_deref());
            let (is_standalone, known) = match last {
                Some((p, st, k))
                    if p.offer == s.offer
                        && p.friendly_name == s.friendly_name
                        && p.sku == s.sku =>
                {
                    (st, k)
                }
                _ => {
                    let known = *known_products
                        .entry((offer, sku))
                        .or_insert_with(|| kaizala_inclusion(offer, sku));
                    let is_standalone = known.is_none()
                        && *standalone
                            .entry((offer, friendly, sku))
                            .or_insert_with(|| is_kaizala_pro_standalone(offer, friendly, sku));
                    (is_standalone, known)
                }
            };
            // A customer's rows are mostly consecutive: the same customer as
            // the row before is the same group, without hashing its key.
            let g = match (last, classified.last()) {
                (Some((p, _, _)), Some(&(g, _))) if p.customer == s.customer => g,
                _ => *group_of.entry(s.customer.key_parts()).or_insert_with(|| {
                    has_kaizala.push(false);
                    has_kaizala.len() - 1
                }),
            };
            last = Some((s, is_standalone, known));
            has_kaizala[g] |= is_standalone;
            classified.push((g, (s, is_standalone, known)));
        }
        let groups = has_kaizala.len();
        let (start, order) = group_positions(groups, classified.iter().map(|&(g, _)| g));
        // Distinct keys of listed customers without subscriptions.
        let mut listed_only: FxSet<KeyParts> = FxSet::default();
        listed_only.extend(
            customers
                .iter()
                .map(Customer::key_parts)
                .filter(|k| !group_of.contains_key(k)),
        );
        let customers_in_file = (groups + listed_only.len()) as u64;
        let mut keys: Vec<KeyParts<'a>> = vec![None; groups];
        for (k, g) in group_of {
            keys[g] = k;
        }
        PlanJob {
            settings,
            users,
            source,
            classified,
            has_kaizala,
            start,
            order,
            keys,
            customers_in_file,
            next: 0,
            customers: Vec::new(),
            tally: Tally::new(),
            spent: false,
        }
    }

    /// Plans up to `max_customers` more customers (at least one) of those
    /// in the file, or, once all are planned, sorts them and sums up.
    pub fn step(&mut self, max_customers: usize) -> PlanProgress {
        if self.spent {
            return PlanProgress::Spent;
        }
        let total = self.keys.len();
        let end = self.next.saturating_add(max_customers.max(1)).min(total);
        if self.next < total {
            let mut scratch = Scratch::default();
            for g in self.next..end {
                if let Some(c) = self.plan_group(g, &mut scratch) {
                    self.tally.add(&c);
                    self.customers.push(c);
                }
            }
            self.next = end;
            return PlanProgress::Working { done: end, total };
        }
        self.spent = true;
        let mut customers = std::mem::take(&mut self.customers);
        // Lower-cased once per customer, not once per comparison. Keys are
        // unique, so no two customers tie.
        crate::order::sort_by_cached_key(&mut customers, |c| {
            (c.display_name.to_lowercase(), c.key.clone())
        });
        let tally = std::mem::replace(&mut self.tally, Tally::new());
        let summary = tally.summary(customers.len() as u64, self.customers_in_file);
        let settings = self.settings;
        PlanProgress::Done(Plan {
            schema: SCHEMA_VERSION,
            as_of: settings.as_of,
            cutoff: settings.cutoff,
            lang: settings.lang,
            source: std::mem::take(&mut self.source),
            customers,
            summary,
        })
    }

    /// Plans every customer not planned yet, a share of them on each of
    /// `threads` threads; the job's next step sorts and sums up.
    #[cfg(not(target_arch = "wasm32"))]
    fn plan_all_on(&mut self, threads: usize) {
        let total = self.keys.len();
        let threads = threads.clamp(1, total.max(1));
        let share = (total - self.next).div_ceil(threads);
        if threads < 2 || share == 0 {
            return;
        }
        let job = &*self;
        let parts: Vec<Vec<CustomerPlan>> = std::thread::scope(|scope| {
            let running: Vec<_> = (0..threads)
                .map(|t| {
                    let from = job.next + t * share;
                    let to = (from + share).min(total);
                    scope.spawn(move || {
                        let mut scratch = Scratch::default();
                        (from..to)
                            .filter_map(|g| job.plan_group(g, &mut scratch))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            running
                .into_iter()
                .map(|t| t.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        for c in parts.into_iter().flatten() {
            self.tally.add(&c);
            self.customers.push(c);
        }
        self.next = total;
    }

    /// Runs the job to its end.
    pub(crate) fn run(mut self) -> Plan {
        loop {
            if let PlanProgress::Done(plan) = self.step(usize::MAX) {
                return plan;
            }
        }
    }

    /// Plans group `g`, if it has a Kaizala Pro subscription. `scratch`
    /// holds vectors kept between calls.
    fn plan_group(&self, g: usize, scratch: &mut Scratch<'a>) -> Option<CustomerPlan> {
        // Most customers of a large export have no Kaizala Pro at all.
        if !self.has_kaizala[g] {
            return None;
        }
        scratch.rows.clear();
        scratch.rows.extend(
            self.order[self.start[g]..self.start[g + 1]]
                .iter()
                .map(|&i| self.classified[i].1),
        );
        let key = match &self.keys[g] {
            Some((kind, folded)) => format!("{kind}:{folded}"),
            None => "unknown".to_string(),
        };
        customer_plan(key, self.settings, self.source.format, self.users, scratch)
    }
}

/// Items grouped by a small key (a counting sort): for items whose keys are
/// `keys` (each below `groups`), returns `start` and `order`, where
/// `order[start[g]..start[g + 1]]` are the positions of group `g`'s items in
/// their input order. Linear, with no vector per group, which matters when
/// there are tens of thousands of groups.
fn group_positions<I>(groups: usize, keys: I) -> (Vec<usize>, Vec<usize>)
where
    I: IntoIterator<Item = usize>,
    I::IntoIter: Clone,
{
    let keys = keys.into_iter();
    let mut start = vec![0usize; groups + 1];
    for g in keys.clone() {
        start[g + 1] += 1;
    }
    for g in 0..groups {
        start[g + 1] += start[g];
    }
    let mut next = start.clone();
    let mut order = vec![0usize; start[groups]];
    for (i, g) in keys.enumerate() {
        order[next[g]] = i;
        next[g] += 1;
    }
    (start, order)
}

#[cfg(test)]
mod tests {
    use super::group_positions;

    #[test]
    fn groups_keep_their_items_in_input_order() {
        let (start, order) = group_positions(3, [2, 0, 2, 1, 0]);
        assert_eq!(start, [0, 2, 3, 5]);
        assert_eq!(order, [1, 4, 3, 0, 2]);
        assert_eq!(group_positions(0, []), (vec![0], vec![]));
    }
}
