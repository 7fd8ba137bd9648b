/*!
What changed between the workspace's previous data and its new data (a
newer export added, a file removed): customers and subscriptions that came
and went, and the facts that changed, typed so that the words are
`i18n::workspace`'s.

Subscriptions are matched by customer and id (the n-th subscription with
that id and customer matches the n-th), so rows in another order are no
change, and a subscription that moved to another customer leaves one
customer and joins the other. Maps keyed by id keep this linear: a
workspace of 100,000 subscriptions compares in milliseconds.
*/

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{AutoRenew, Customer, EndDate, Status, Subscription};

/// A customer, by its key, with the name to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerRef {
    /// [`Customer::key`](crate::model::Customer::key).
    pub key: String,
    /// Its name (else domain, else tenant id) as the data gives it.
    pub name: String,
}

/// A subscription, by its id, with its customer's key and its offer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubscriptionRef {
    /// The subscription id.
    pub id: String,
    /// Its customer's key.
    pub customer: String,
    /// The offer's name.
    pub offer: String,
}

/// One fact of a subscription that changed, from its old value to its new.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldChange {
    /// The term's end.
    EndDate {
        /// Before.
        from: EndDate,
        /// Now.
        to: EndDate,
    },
    /// The licensed seats (`None`: not stated).
    Seats {
        /// Before.
        from: Option<u32>,
        /// Now.
        to: Option<u32>,
    },
    /// The lifecycle status.
    Status {
        /// Before.
        from: Status,
        /// Now.
        to: Status,
    },
    /// Whether it renews by itself.
    AutoRenew {
        /// Before.
        from: AutoRenew,
        /// Now.
        to: AutoRenew,
    },
    /// The offer's name.
    Offer {
        /// Before.
        from: String,
        /// Now.
        to: String,
    },
}

/// A subscription in both, with what changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubscriptionChange {
    /// The subscription as it is now.
    pub subscription: SubscriptionRef,
    /// Each fact that changed, in the order of [`FieldChange`]'s variants.
    pub changes: Vec<FieldChange>,
}

/// Everything that changed. Lists are in the data's order: added and
/// changed subscriptions in the new data's, removed ones in the old's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Customers with subscriptions now and none before.
    pub customers_added: Vec<CustomerRef>,
    /// Customers with subscriptions before and none now.
    pub customers_removed: Vec<CustomerRef>,
    /// Subscriptions only in the new data.
    pub subscriptions_added: Vec<SubscriptionRef>,
    /// Subscriptions only in the old data.
    pub subscriptions_removed: Vec<SubscriptionRef>,
    /// Subscriptions in both whose facts changed.
    pub subscriptions_changed: Vec<SubscriptionChange>,
}

/// One customer's part of [`Changes`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CustomerChanges {
    /// The customer is new.
    pub added: bool,
    /// The customer is gone.
    pub removed: bool,
    /// Its subscriptions only in the new data.
    pub subscriptions_added: Vec<SubscriptionRef>,
    /// Its subscriptions only in the old data.
    pub subscriptions_removed: Vec<SubscriptionRef>,
    /// Its subscriptions whose facts changed.
    pub subscriptions_changed: Vec<SubscriptionChange>,
}

impl CustomerChanges {
    /// Nothing changed for this customer.
    pub fn is_empty(&self) -> bool {
        !self.added
            && !self.removed
            && self.subscriptions_added.is_empty()
            && self.subscriptions_removed.is_empty()
            && self.subscriptions_changed.is_empty()
    }
}

/// How many of each change, for a one-line summary
/// (`i18n::workspace` renders it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChangeCounts {
    /// Customers added.
    pub customers_added: usize,
    /// Customers removed.
    pub customers_removed: usize,
    /// Subscriptions added.
    pub subscriptions_added: usize,
    /// Subscriptions removed.
    pub subscriptions_removed: usize,
    /// Subscriptions changed.
    pub subscriptions_changed: usize,
}

impl ChangeCounts {
    /// No change at all.
    pub fn is_empty(&self) -> bool {
        *self == ChangeCounts::default()
    }
}

impl Changes {
    /// Nothing changed.
    pub fn is_empty(&self) -> bool {
        self.counts().is_empty()
    }

    /// How many of each change.
    pub fn counts(&self) -> ChangeCounts {
        ChangeCounts {
            customers_added: self.customers_added.len(),
            customers_removed: self.customers_removed.len(),
            subscriptions_added: self.subscriptions_added.len(),
            subscriptions_removed: self.subscriptions_removed.len(),
            subscriptions_changed: self.subscriptions_changed.len(),
        }
    }

    /// The changes of the customer with key `key`.
    pub fn for_customer(&self, key: &str) -> CustomerChanges {
        let mine = |s: &&SubscriptionRef| s.customer == key;
        CustomerChanges {
            added: self.customers_added.iter().any(|c| c.key == key),
            removed: self.customers_removed.iter().any(|c| c.key == key),
            subscriptions_added: self
                .subscriptions_added
                .iter()
                .filter(mine)
                .cloned()
                .collect(),
            subscriptions_removed: self
                .subscriptions_removed
                .iter()
                .filter(mine)
                .cloned()
                .collect(),
            subscriptions_changed: self
                .subscriptions_changed
                .iter()
                .filter(|c| c.subscription.customer == key)
                .cloned()
                .collect(),
        }
    }
}

/// A customer key's parts, borrowed where folding changes nothing.
type CustomerParts<'a> = Option<(&'static str, Cow<'a, str>)>;

/// Match keys: (customer key, id, how many before it had both).
type Key<'a> = (CustomerParts<'a>, &'a str, u32);

/// Each subscription's match key; `nth` counts the (customer, id) pairs
/// seen so far, so the keys of a slice can be made a part at a time.
fn keyed_into<'a>(
    subs: &'a [Subscription],
    nth: &mut FxHashMap<(CustomerParts<'a>, &'a str), u32>,
    out: &mut Vec<Key<'a>>,
) {
    // A customer's rows mostly come together: its key is made once.
    let mut last: Option<(&Customer, CustomerParts<'a>)> = None;
    for s in subs {
        let customer = match &last {
            Some((c, parts)) if **c == s.customer => parts.clone(),
            _ => {
                let parts = s.customer.key_parts();
                last = Some((&s.customer, parts.clone()));
                parts
            }
        };
        let n = nth.entry((customer.clone(), &s.id)).or_insert(0);
        out.push((customer, &*s.id, *n));
        *n += 1;
    }
}

fn sub_ref(s: &Subscription) -> SubscriptionRef {
    SubscriptionRef {
        id: s.id.to_string(),
        customer: s.customer.key(),
        offer: s.offer.to_string(),
    }
}

fn field_changes(old: &Subscription, new: &Subscription) -> Vec<FieldChange> {
    let mut out = Vec::new();
    if old.end_date != new.end_date {
        out.push(FieldChange::EndDate {
            from: old.end_date,
            to: new.end_date,
        });
    }
    if old.seats != new.seats {
        out.push(FieldChange::Seats {
            from: old.seats,
            to: new.seats,
        });
    }
    if old.status != new.status {
        out.push(FieldChange::Status {
            from: old.status,
            to: new.status,
        });
    }
    if old.auto_renew != new.auto_renew {
        out.push(FieldChange::AutoRenew {
            from: old.auto_renew,
            to: new.auto_renew,
        });
    }
    if old.offer != new.offer {
        out.push(FieldChange::Offer {
            from: old.offer.to_string(),
            to: new.offer.to_string(),
        });
    }
    out
}

/// Customers in first-seen order, once each.
fn customers(subs: &[Subscription]) -> Vec<CustomerRef> {
    let mut seen = FxHashSet::default();
    let mut last: Option<&Customer> = None;
    subs.iter()
        .filter(|s| {
            // A customer's rows mostly come together: looked up once.
            let again = last == Some(&s.customer);
            last = Some(&s.customer);
            !again && seen.insert(s.customer.key_parts())
        })
        .map(|s| CustomerRef {
            key: s.customer.key(),
            name: s.customer.display_name().to_string(),
        })
        .collect()
}

/// What changed from `old` to `new` (the merged subscriptions of the
/// workspace before and after).
pub fn changes(old: &[Subscription], new: &[Subscription]) -> Changes {
    let mut job = ChangesJob::new(old, new);
    loop {
        if let Some(changes) = job.step(usize::MAX) {
            return changes;
        }
    }
}

/// [`changes`] a part at a time, so that a browser tab comparing a weekly
/// export of 100,000 subscriptions with the last stays responsive: each
/// [`ChangesJob::step`] keys, indexes or matches up to `max` subscriptions,
/// and the last gathers the customers that came and went.
pub struct ChangesJob<'a> {
    old: &'a [Subscription],
    new: &'a [Subscription],
    nth_old: FxHashMap<(CustomerParts<'a>, &'a str), u32>,
    nth_new: FxHashMap<(CustomerParts<'a>, &'a str), u32>,
    old_keys: Vec<Key<'a>>,
    new_keys: Vec<Key<'a>>,
    old_at: FxHashMap<Key<'a>, usize>,
    matched: Vec<bool>,
    /// Subscriptions done in the current stage.
    next: usize,
    stage: u8,
    out: Changes,
}

impl<'a> ChangesJob<'a> {
    /// A comparison of `old` with `new`; nothing is done until a step.
    pub fn new(old: &'a [Subscription], new: &'a [Subscription]) -> ChangesJob<'a> {
        ChangesJob {
            old,
            new,
            nth_old: FxHashMap::default(),
            nth_new: FxHashMap::default(),
            old_keys: Vec::with_capacity(old.len()),
            new_keys: Vec::with_capacity(new.len()),
            old_at: FxHashMap::default(),
            matched: vec![false; old.len()],
            next: 0,
            stage: 0,
            out: Changes::default(),
        }
    }

    /// Does up to `max` subscriptions' work (at least one); the changes
    /// once all is done, and `Changes::default()` if asked again after.
    pub fn step(&mut self, max: usize) -> Option<Changes> {
        let max = max.max(1);
        let (old, new) = (self.old, self.new);
        let upto = |len: usize, next: usize| next.saturating_add(max).min(len);
        match self.stage {
            0 => {
                let end = upto(old.len(), self.next);
                keyed_into(&old[self.next..end], &mut self.nth_old, &mut self.old_keys);
                self.advance(end, old.len());
            }
            1 => {
                let end = upto(new.len(), self.next);
                keyed_into(&new[self.next..end], &mut self.nth_new, &mut self.new_keys);
                self.advance(end, new.len());
            }
            2 => {
                let end = upto(old.len(), self.next);
                for i in self.next..end {
                    self.old_at.insert(self.old_keys[i].clone(), i);
                }
                self.advance(end, old.len());
            }
            3 => {
                let end = upto(new.len(), self.next);
                for (s, key) in new[self.next..end]
                    .iter()
                    .zip(&self.new_keys[self.next..end])
                {
                    match self.old_at.get(key) {
                        Some(&i) => {
                            self.matched[i] = true;
                            let changes = field_changes(&old[i], s);
                            if !changes.is_empty() {
                                self.out.subscriptions_changed.push(SubscriptionChange {
                                    subscription: sub_ref(s),
                                    changes,
                                });
                            }
                        }
                        None => self.out.subscriptions_added.push(sub_ref(s)),
                    }
                }
                self.advance(end, new.len());
            }
            4 => {
                let mut out = std::mem::take(&mut self.out);
                out.subscriptions_removed = old
                    .iter()
                    .zip(&self.matched)
                    .filter(|(_, m)| !**m)
                    .map(|(s, _)| sub_ref(s))
                    .collect();
                let old_customers = customers(old);
                let new_customers = customers(new);
                let old_set: FxHashSet<&str> =
                    old_customers.iter().map(|c| c.key.as_str()).collect();
                let new_set: FxHashSet<&str> =
                    new_customers.iter().map(|c| c.key.as_str()).collect();
                out.customers_added = new_customers
                    .iter()
                    .filter(|c| !old_set.contains(c.key.as_str()))
                    .cloned()
                    .collect();
                out.customers_removed = old_customers
                    .iter()
                    .filter(|c| !new_set.contains(c.key.as_str()))
                    .cloned()
                    .collect();
                self.stage = 5;
                return Some(out);
            }
            _ => return Some(Changes::default()),
        }
        None
    }

    /// The current stage reached `end` of `len`: on to the next stage.
    fn advance(&mut self, end: usize, len: usize) {
        self.next = end;
        if end >= len {
            self.next = 0;
            self.stage += 1;
        }
    }
}
