/*!
Several exports read as one: the subscriptions of every file a workspace
holds, merged by subscription id, with the customers export's names and
domains filled in and a [`Conflict`] for every fact the files disagree on.

Partner Center subscription ids are unique across all tenants, so the id
alone says two rows are the same subscription, whichever customer's
export they came from. Files are given in the order they were added, and a
newer export is added after the one it replaces, so where files disagree
the later one wins.

Two kinds of file have ids that are only unique inside one customer: rows
numbered by the importer (`row-2`, `row-3`, ...) and license reports with
no subscription ids. Their subscriptions are matched by customer and id,
so that two customers' numbered files do not overwrite each other while a
newer copy of the same customer's file still replaces the older.
*/

use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::model::source::ImportNote;
use crate::model::{AutoRenew, Customer, EndDate, Format, Import, ImportReport, Subscription};

/// One file of the workspace, as it was imported.
#[derive(Clone, Copy, Debug)]
pub struct SourceImport<'a> {
    /// The file's name, as conflicts name it.
    pub name: &'a str,
    /// What the file gave.
    pub import: &'a Import,
}

/// The workspace's files as one import, and where they disagreed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// Every subscription once (the latest file's facts), every customer of
    /// the customers exports once, and a report that adds up the files'.
    pub import: Import,
    /// The subscriptions whose facts differ between files, one per fact,
    /// in the order the subscriptions were first seen.
    pub conflicts: Vec<Conflict>,
}

/// A fact of a subscription that two files can state differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ConflictField {
    /// When the term ends.
    EndDate,
    /// The licensed seats.
    Seats,
    /// The lifecycle status.
    Status,
    /// Whether it renews by itself.
    AutoRenew,
    /// The offer's name.
    Offer,
    /// The customer it belongs to (by customer key).
    Customer,
}

/// One fact of one subscription that the files state differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The subscription id.
    pub subscription: String,
    /// The key of the customer the merged subscription belongs to.
    pub customer: String,
    /// Which fact.
    pub field: ConflictField,
    /// Every file that has the subscription, in the order added, with the
    /// value as written by [`fact_value`]: the last one is the one used.
    pub values: Vec<(String, String)>,
}

/// A fact as a conflict writes it: dates `YYYY-MM-DD`, `never` or
/// `unknown`; seats as a number or `unknown`; status and auto-renew as the
/// JSON plan spells them (`active`, `on`...); the offer as exported; the
/// customer as its key.
pub fn fact_value(s: &Subscription, field: ConflictField) -> String {
    match field {
        ConflictField::EndDate => match s.end_date {
            EndDate::On(d) => d.to_string(),
            EndDate::Never => "never".to_string(),
            EndDate::Unknown => "unknown".to_string(),
        },
        ConflictField::Seats => s
            .seats
            .map_or_else(|| "unknown".to_string(), |n| n.to_string()),
        ConflictField::Status => s.status.as_str().to_string(),
        ConflictField::AutoRenew => auto_renew_word(s.auto_renew).to_string(),
        ConflictField::Offer => s.offer.to_string(),
        ConflictField::Customer => s.customer.key(),
    }
}

pub(crate) fn auto_renew_word(a: AutoRenew) -> &'static str {
    match a {
        AutoRenew::On => "on",
        AutoRenew::Off => "off",
        AutoRenew::Unknown => "unknown",
    }
}

const FIELDS: [ConflictField; 6] = [
    ConflictField::EndDate,
    ConflictField::Seats,
    ConflictField::Status,
    ConflictField::AutoRenew,
    ConflictField::Offer,
    ConflictField::Customer,
];

fn same_fact(a: &Subscription, b: &Subscription, field: ConflictField) -> bool {
    match field {
        ConflictField::EndDate => a.end_date == b.end_date,
        ConflictField::Seats => a.seats == b.seats,
        ConflictField::Status => a.status == b.status,
        ConflictField::AutoRenew => a.auto_renew == b.auto_renew,
        ConflictField::Offer => a.offer == b.offer,
        ConflictField::Customer => a.customer.key_parts() == b.customer.key_parts(),
    }
}

/// What makes two subscriptions the same: the id, and for files whose
/// ids are only unique per customer, the customer too; the n-th
/// subscription with that id in one file matches the n-th in another, so
/// that a file's own repeated ids are all kept.
#[derive(Clone, PartialEq, Eq, Hash)]
struct MatchKey {
    id: Arc<str>,
    customer: Option<String>,
    nth: u32,
}

/// Whether a file's subscription ids are made up by the importer and so
/// only unique inside one customer.
fn ids_are_local(import: &Import) -> bool {
    import
        .report
        .notes
        .iter()
        .any(|n| matches!(n, ImportNote::RowsNumbered | ImportNote::NoSubscriptionIds))
}

/// Merges the files' imports, `files` in the order they were added.
pub fn merge(files: &[SourceImport<'_>]) -> Merged {
    let names = customer_names(files);
    let mut index: FxHashMap<MatchKey, usize> = FxHashMap::default();
    // Per merged subscription: the file and subscription of every
    // sighting, in file order; the last is the one kept.
    let mut seen: Vec<Vec<(usize, &Subscription)>> = Vec::new();
    for (f, file) in files.iter().enumerate() {
        let local = ids_are_local(file.import);
        let mut nth: FxHashMap<(Arc<str>, Option<String>), u32> = FxHashMap::default();
        for sub in &file.import.subscriptions {
            let customer = local.then(|| sub.customer.key());
            let n = nth.entry((sub.id.clone(), customer.clone())).or_insert(0);
            let key = MatchKey {
                id: sub.id.clone(),
                customer,
                nth: *n,
            };
            *n += 1;
            let at = *index.entry(key).or_insert_with(|| {
                seen.push(Vec::new());
                seen.len() - 1
            });
            seen[at].push((f, sub));
        }
    }

    let mut subscriptions = Vec::with_capacity(seen.len());
    let mut conflicts = Vec::new();
    for sightings in &seen {
        let Some(&(_, latest)) = sightings.last() else {
            continue;
        };
        let mut sub = latest.clone();
        fill_customer(&mut sub.customer, &names);
        if sightings.len() > 1 {
            for field in FIELDS {
                if sightings.iter().all(|(_, s)| same_fact(s, latest, field)) {
                    continue;
                }
                conflicts.push(Conflict {
                    subscription: sub.id.to_string(),
                    customer: sub.customer.key(),
                    field,
                    values: sightings
                        .iter()
                        .map(|(f, s)| (files[*f].name.to_string(), fact_value(s, field)))
                        .collect(),
                });
            }
        }
        subscriptions.push(sub);
    }

    let customers = merged_customers(files);
    let read: usize = files.iter().map(|f| f.import.subscriptions.len()).sum();
    let report = merged_report(files, read.saturating_sub(subscriptions.len()) as u64);
    Merged {
        import: Import {
            subscriptions,
            customers,
            // Every file's users, in file order: the plan takes a
            // customer's latest list.
            users: files
                .iter()
                .flat_map(|f| f.import.users.iter().cloned())
                .collect(),
            report,
        },
        conflicts,
    }
}

/// Every customer a customers export names that has a tenant id, by its
/// id (case-folded, as keys fold it); a later file's entry wins.
fn customer_names<'a>(files: &[SourceImport<'a>]) -> FxHashMap<String, &'a Customer> {
    let mut by_id = FxHashMap::default();
    for file in files {
        for c in &file.import.customers {
            if let Some(id) = c.id.as_deref().filter(|id| !id.is_empty()) {
                by_id.insert(id.to_lowercase(), c);
            }
        }
    }
    by_id
}

/// Gives a subscription's customer the name and domain a customers export
/// has for its tenant id, where the subscription's own export left them
/// out. Only a known tenant id matches, so the customer's key never
/// changes (a key is the id when there is one).
fn fill_customer(customer: &mut Customer, names: &FxHashMap<String, &Customer>) {
    let empty = |v: &Option<Arc<str>>| v.as_deref().is_none_or(str::is_empty);
    if names.is_empty() || !(empty(&customer.name) || empty(&customer.domain)) {
        return;
    }
    let Some(id) = customer.id.as_deref().filter(|id| !id.is_empty()) else {
        return;
    };
    let Some(known) = names.get(&id.to_lowercase()) else {
        return;
    };
    if empty(&customer.name) && !empty(&known.name) {
        customer.name = known.name.clone();
    }
    if empty(&customer.domain) && !empty(&known.domain) {
        customer.domain = known.domain.clone();
    }
}

/// The customers of every customers export once, by key, in first-seen
/// order, each as the latest file states it.
fn merged_customers(files: &[SourceImport<'_>]) -> Vec<Customer> {
    let mut at: FxHashMap<String, usize> = FxHashMap::default();
    let mut out: Vec<Customer> = Vec::new();
    for file in files {
        for c in &file.import.customers {
            match at.get(&c.key()) {
                Some(&i) => out[i] = c.clone(),
                None => {
                    at.insert(c.key(), out.len());
                    out.push(c.clone());
                }
            }
        }
    }
    out
}

/// The files' reports added up. A subscription that a later file states
/// again is counted once: the earlier file's row moves from "became a
/// subscription" to "merged into one", so every row is still accounted
/// for exactly once (balanced when each file's report is). How the file
/// was read (format, encoding, delimiter, header line) is the first
/// subscription-bearing file's; the rejected rows and notes are every
/// file's in turn, and each file's own report says which file they are in.
fn merged_report(files: &[SourceImport<'_>], replaced: u64) -> ImportReport {
    let first = files
        .iter()
        .find(|f| {
            !f.import.subscriptions.is_empty()
                && f.import.report.format != Some(Format::PartnerCenterCustomers)
        })
        .or_else(|| files.first());
    let mut report = first.map_or_else(ImportReport::default, |f| ImportReport {
        rejected: Vec::new(),
        notes: Vec::new(),
        ..f.import.report.clone()
    });
    report.rows_read = 0;
    report.rows_as_subscriptions = 0;
    report.rows_merged = 0;
    report.rows_as_customers = 0;
    report.rows_as_users = 0;
    for file in files {
        let r = &file.import.report;
        report.rows_read += r.rows_read;
        report.rows_as_subscriptions += r.rows_as_subscriptions;
        report.rows_merged += r.rows_merged;
        report.rows_as_customers += r.rows_as_customers;
        report.rows_as_users += r.rows_as_users;
        report.rejected.extend(r.rejected.iter().cloned());
        report.notes.extend(r.notes.iter().cloned());
    }
    let moved = replaced.min(report.rows_as_subscriptions);
    report.rows_as_subscriptions -= moved;
    report.rows_merged += moved;
    report
}

/// Whether `new` is about every customer `old` is about (and `old` about
/// at least one), by [`Customer::key`]: of their subscriptions, or of their
/// customer lists when they have none. What tells a newer export of the
/// same customers, which replaces the older one, from another customer's
/// export, which joins it.
pub fn covers_customers(new: &Import, old: &Import) -> bool {
    fn customers(import: &Import) -> impl Iterator<Item = &Customer> {
        let listed: &[Customer] = if import.subscriptions.is_empty() {
            &import.customers
        } else {
            &[]
        };
        listed
            .iter()
            .chain(import.subscriptions.iter().map(|s| &s.customer))
    }
    // Borrowed keys, and a customer's consecutive rows looked up once: a
    // weekly export of 100,000 rows is not 200,000 keys made and hashed.
    let mut in_new = rustc_hash::FxHashSet::default();
    let mut last: Option<&Customer> = None;
    for c in customers(new) {
        if last != Some(c) {
            in_new.insert(c.key_parts());
            last = Some(c);
        }
    }
    let mut any = false;
    let mut last: Option<&Customer> = None;
    for c in customers(old) {
        if last == Some(c) {
            continue;
        }
        last = Some(c);
        if !in_new.contains(&c.key_parts()) {
            return false;
        }
        any = true;
    }
    any
}
