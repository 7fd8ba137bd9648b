/*!
One sort for the cold paths: a customer's few subscriptions, coverage
rows and waves, the plan's customers, the customer table.

Every `sort_by` with its own closure type, and every `collect()` into a
`BTreeMap` or `BTreeSet`, compiles its own copy of the standard sort
(3–5 KB of wasm each). Here the standard sort is compiled once, on
indices, behind a `dyn` comparison; the generic part left per call site
is a closure and a loop of swaps. The importer's passes over every row
keep the standard sorts: there the indirection would cost time.
*/

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably: what `v.sort_by(cmp)` gives, equal items
/// kept in the order they came in.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut idx: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut idx, &|a, b| cmp(&v[a], &v[b]));
    permute(&mut idx, &mut |a, b| v.swap(a, b));
}

/// Sorts `v` by the key `key` gives, computed once per item: what
/// `v.sort_by_cached_key(key)` gives (stable as well).
pub fn sort_by_cached_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    if v.len() < 2 {
        return;
    }
    let keys: Vec<K> = v.iter().map(key).collect();
    let mut idx: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut idx, &|a, b| keys[a].cmp(&keys[b]));
    permute(&mut idx, &mut |a, b| v.swap(a, b));
}

/// The one instantiation of the standard (stable) sort: ties keep the
/// lower index first, so sorting indices is as stable as sorting items.
#[inline(never)]
fn sort_indices(idx: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    idx.sort_by(|&a, &b| cmp(a, b));
}

/// Moves the item at `idx[k]` to `k` for every `k`, by swaps along the
/// permutation's cycles; leaves `idx` as `0..n`.
#[inline(never)]
fn permute(idx: &mut [usize], swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..idx.len() {
        let mut at = start;
        loop {
            let from = idx[at];
            idx[at] = at;
            if from == start {
                break;
            }
            swap(at, from);
            at = from;
        }
    }
}
