/*!
The figures of the plan's overview ([`Summary`]): customers, subscriptions
and seats per category, urgency, family and month, counted as the
customers are planned ([`Tally`]).
*/

use std::collections::BTreeMap;

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use super::customer::CustomerPlan;
use super::kinds::{Category, Family, Urgency};

/// Figures for the overview.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Distinct customers in the file (subscriptions and customer list).
    pub customers_in_file: u64,
    /// Customers with at least one Kaizala Pro subscription (the plan's).
    pub customers_with_kaizala: u64,
    /// The others.
    pub customers_without_kaizala: u64,
    /// Kaizala Pro standalone subscriptions, of every category.
    pub kaizala_subscriptions: u64,
    /// Seats of all Kaizala Pro subscriptions (known ones).
    pub kaizala_seats: u64,
    /// Every category, in a fixed order, zeros included.
    pub by_category: Vec<CategoryTotal>,
    /// Customers per urgency, every urgency in order.
    pub by_urgency: Vec<UrgencyTotal>,
    /// Customers and licenses to buy per family.
    pub(crate) by_family: Vec<FamilyTotal>,
    /// Seats whose service stops in each month (`YYYY-MM`), for a
    /// timeline: every subscription with a known stop date but the
    /// inactive ones, including those that stopped before the as-of date
    /// (the timeline marks the as-of date, so they read as past).
    pub ending_by_month: Vec<MonthTotal>,
}

/// Kaizala Pro subscriptions and their seats in one category.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryTotal {
    /// The category.
    pub category: Category,
    /// Its subscriptions.
    pub subscriptions: u64,
    /// Their seats (known ones).
    pub seats: u64,
}

/// Customers, subscriptions and seats of one urgency (a customer counts
/// at its own urgency, each subscription at its own).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UrgencyTotal {
    /// The urgency.
    pub urgency: Urgency,
    /// Customers whose urgency it is.
    pub customers: u64,
    /// Subscriptions whose urgency it is.
    pub subscriptions: u64,
    /// Their seats (known ones).
    pub seats: u64,
}

/// Customers whose replacement one rule chose, and what they buy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct FamilyTotal {
    /// The rule.
    pub(crate) family: Family,
    /// Customers it chose for.
    pub(crate) customers: u64,
    /// Licenses to buy, where known.
    pub(crate) quantity: u64,
}

/// Subscriptions whose service stops in one month, and their seats.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthTotal {
    /// `YYYY-MM`.
    pub month: String,
    /// Subscriptions that stop that month.
    pub subscriptions: u64,
    /// Their seats (known ones).
    pub seats: u64,
}

/// The plan's totals, counted as each customer is planned, while its
/// plan is still in the cache: a pass over all plans at the end reached
/// for memory scattered over megabytes.
pub(crate) struct Tally {
    by_category: BTreeMap<Category, (u64, u64)>,
    by_urgency: BTreeMap<Urgency, (u64, u64, u64)>,
    by_family: BTreeMap<Family, (u64, u64)>,
    by_month: BTreeMap<(i32, u32), (u64, u64)>,
    subscriptions: u64,
    seats: u64,
}

impl Tally {
    pub(crate) fn new() -> Tally {
        // Filled by extend (one insert each): collecting into a BTreeMap
        // sorts first, with a copy of the standard sort per key type in
        // the wasm.
        let mut by_category = BTreeMap::new();
        by_category.extend(Category::ALL.map(|c| (c, (0, 0))));
        let mut by_urgency = BTreeMap::new();
        by_urgency.extend(Urgency::ALL.map(|u| (u, (0, 0, 0))));
        let mut by_family = BTreeMap::new();
        by_family.extend(Family::ALL.map(|f| (f, (0, 0))));
        Tally {
            by_category,
            by_urgency,
            by_family,
            by_month: BTreeMap::new(),
            subscriptions: 0,
            seats: 0,
        }
    }

    /// Counts one customer's plan.
    pub(crate) fn add(&mut self, c: &CustomerPlan) {
        let u = self.by_urgency.entry(c.urgency).or_default();
        u.0 += 1;
        let f = self.by_family.entry(c.recommendation.family).or_default();
        f.0 += 1;
        f.1 += u64::from(c.recommendation.quantity.unwrap_or(0));
        for s in &c.subscriptions {
            let n = u64::from(s.seats.unwrap_or(0));
            self.subscriptions += 1;
            self.seats += n;
            let e = self.by_category.entry(s.category).or_default();
            e.0 += 1;
            e.1 += n;
            let u = self.by_urgency.entry(s.urgency).or_default();
            u.1 += 1;
            u.2 += n;
            let charted = s.category != Category::Inactive;
            if let (true, Some(d)) = (charted, s.expires_on) {
                let m = self.by_month.entry((d.year(), d.month())).or_default();
                m.0 += 1;
                m.1 += n;
            }
        }
    }

    /// The totals, for `customers_with_kaizala` customers planned of the
    /// `customers_in_file` in the file.
    pub(crate) fn summary(self, customers_with_kaizala: u64, customers_in_file: u64) -> Summary {
        Summary {
            customers_in_file,
            customers_with_kaizala,
            customers_without_kaizala: customers_in_file.saturating_sub(customers_with_kaizala),
            kaizala_subscriptions: self.subscriptions,
            kaizala_seats: self.seats,
            by_category: self
                .by_category
                .into_iter()
                .map(|(category, (subscriptions, seats))| CategoryTotal {
                    category,
                    subscriptions,
                    seats,
                })
                .collect(),
            by_urgency: self
                .by_urgency
                .into_iter()
                .map(
                    |(urgency, (customers, subscriptions, seats))| UrgencyTotal {
                        urgency,
                        customers,
                        subscriptions,
                        seats,
                    },
                )
                .collect(),
            by_family: self
                .by_family
                .into_iter()
                .map(|(family, (customers, quantity))| FamilyTotal {
                    family,
                    customers,
                    quantity,
                })
                .collect(),
            ending_by_month: self
                .by_month
                .into_iter()
                .map(|((y, m), (subscriptions, seats))| MonthTotal {
                    month: format!("{y:04}-{m:02}"),
                    subscriptions,
                    seats,
                })
                .collect(),
        }
    }
}
