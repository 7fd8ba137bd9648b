/*!
Drafts: the subscriptions being assembled from rows ([`Draft`]), the
reconciliation charge that gives one its seats ([`Pick`]), and finding a
subscription's first draft by its id without a second copy of every id
([`IdIndex`]).
*/

use std::collections::hash_map::Entry;
use std::hash::BuildHasher as _;

use chrono::NaiveDate;

use crate::import::values::DateCell;
use crate::model::Subscription;

/// The first draft of each subscription id, found without a copy of the
/// id: the map holds a hash of the id, and the draft holds the id itself,
/// which a lookup compares. Ids whose hash another id already holds (rare:
/// 64 bits) are kept in full in `clashes`. One string fewer per
/// subscription matters in wasm, where allocation is slow.
#[derive(Debug)]
pub(super) struct IdIndex {
    pub(super) by_hash: FxMap<u64, usize>,
    pub(super) clashes: FxMap<String, usize>,
    pub(super) hash: fn(&str) -> u64,
}

impl Default for IdIndex {
    fn default() -> Self {
        IdIndex {
            by_hash: FxMap::default(),
            clashes: FxMap::default(),
            hash: |id| rustc_hash::FxBuildHasher.hash_one(id),
        }
    }
}

impl IdIndex {
    pub(super) fn get(&self, id: &str, drafts: &[Draft]) -> Option<usize> {
        match self.by_hash.get(&(self.hash)(id)) {
            Some(&i) if drafts.get(i).is_some_and(|d| *d.sub.id == *id) => Some(i),
            Some(_) => self.clashes.get(id).copied(),
            None => None,
        }
    }

    /// Records `draft` as the first of `id`, which [`IdIndex::get`] has
    /// not found.
    pub(super) fn insert(&mut self, id: &str, draft: usize, drafts: &[Draft]) {
        match self.by_hash.entry((self.hash)(id)) {
            Entry::Vacant(e) => {
                e.insert(draft);
            }
            Entry::Occupied(e) if drafts.get(*e.get()).is_some_and(|d| *d.sub.id != *id) => {
                self.clashes.entry(id.to_string()).or_insert(draft);
            }
            Entry::Occupied(_) => {}
        }
    }
}

/// Maps looked up once per row, so with a fast hasher.
pub(super) use rustc_hash::FxHashMap as FxMap;

/// A subscription being assembled, with each line's end-date cell kept
/// until the column's order is known: its first line's here, the lines
/// merged into it later in [`Builder::more_ends`] (one list for all drafts,
/// so a draft costs no allocation of its own). `finish` makes `sub.lines`
/// of those it keeps, in input order.
#[derive(Debug)]
pub(super) struct Draft {
    pub(super) sub: Subscription,
    pub(super) first_end: (u64, DateCell),
    pub(super) pick: Option<Pick>,
}

/// The reconciliation charge whose quantity is the seat count so far.
#[derive(Clone, Copy, Debug)]
pub(super) struct Pick {
    pub(super) rank: u8,
    pub(super) start: Option<NaiveDate>,
    pub(super) line: u64,
    pub(super) seats: Option<i64>,
}

impl Pick {
    pub(super) fn better_than(&self, other: &Pick) -> bool {
        (self.rank, self.start, self.line) > (other.rank, other.start, other.line)
    }
}
