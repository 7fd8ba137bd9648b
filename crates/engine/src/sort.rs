/*!
One stable sort for the whole crate, generated once.

The standard library's sorts are generic over the element type and the
comparison, so every `sort_by` of a different type or closure adds its own
copy of the sorting code (4 to 8 KB of wasm each). The planner sorts
about ten different things; in the web app those copies were the largest
single kind of code. Here the sorting itself works on positions through a
`dyn` comparison and is compiled once; what is generic per call is a short
comparison shim and the moving of elements into their sorted places.

It is a natural merge sort: it finds the runs already in order and merges
them, so input in order or nearly in order (line numbers, rows in file
order) costs one pass. Stable: equal elements keep their order.

# Example

```
let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
kaizala_engine::sort::sort_by(&mut v, |x, y| x.0.cmp(&y.0));
assert_eq!(v, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
```
*/

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let mut order = sorted_positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, &mut order);
}

/// Sorts `v` by the key `key` gives each element, computed once per
/// element (as `slice::sort_by_cached_key`), stably.
///
/// The elements are moved twice each, into their sorted places in a new
/// vector, rather than swapped along the cycles of the permutation: for
/// large elements (a customer's plan is hundreds of bytes) the swaps'
/// three copies, scattered in memory, cost more than the sort.
pub fn sort_by_cached_key<T, K: Ord>(v: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = sorted_positions(v.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    drop(keys);
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.reserve_exact(order.len());
    v.extend(order.iter().filter_map(|&i| slots[i].take()));
}

/// Sorts `v` in ascending order, stably.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Items grouped by a small key (a counting sort): for items whose keys are
/// `keys` (each below `groups`), returns `start` and `order`, where
/// `order[start[g]..start[g + 1]]` are the positions of group `g`'s items in
/// their input order. Linear, with no vector per group, which matters when
/// there are tens of thousands of groups.
///
/// ```
/// let (start, order) = kaizala_engine::sort::group_positions(3, [2, 0, 2, 1, 0]);
/// assert_eq!(start, [0, 2, 3, 5]);
/// assert_eq!(order, [1, 4, 3, 0, 2]);
/// ```
pub fn group_positions<I>(groups: usize, keys: I) -> (Vec<usize>, Vec<usize>)
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

/// The positions `0..n` in the order `cmp` sorts them, stably.
fn sorted_positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    // Ends of the runs already in order (non-descending).
    let mut runs = Vec::new();
    let mut i = 1;
    while i < n {
        if cmp(i - 1, i) == Ordering::Greater {
            runs.push(i);
        }
        i += 1;
    }
    runs.push(n);
    let mut to = vec![0; n];
    while runs.len() > 1 {
        let mut merged = Vec::with_capacity(runs.len() / 2 + 1);
        let mut start = 0;
        for pair in runs.chunks(2) {
            let (mid, end) = match *pair {
                [mid, end] => (mid, end),
                [end] => (end, end),
                _ => break,
            };
            let (mut a, mut b) = (start, mid);
            for slot in &mut to[start..end] {
                // The left run wins ties: that is what keeps it stable.
                let take_left = a < mid && (b >= end || cmp(from[b], from[a]) != Ordering::Less);
                if take_left {
                    *slot = from[a];
                    a += 1;
                } else {
                    *slot = from[b];
                    b += 1;
                }
            }
            merged.push(end);
            start = end;
        }
        runs = merged;
        std::mem::swap(&mut from, &mut to);
    }
    from
}

/// Puts `v[order[k]]` at `k` for every `k`, following each cycle of the
/// permutation once (`order` is used up as the marks of where it has been).
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut k = start;
        while order[k] != DONE {
            let src = order[k];
            order[k] = DONE;
            if src == start {
                break;
            }
            v.swap(k, src);
            k = src;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn small_cases() {
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec![5];
        sort(&mut one);
        assert_eq!(one, [5]);
        let mut v = vec![3, 1, 2, 3, 0, 9, 9, 8];
        sort(&mut v);
        assert_eq!(v, [0, 1, 2, 3, 3, 8, 9, 9]);
        let mut desc: Vec<u32> = (0..1000).rev().collect();
        sort(&mut desc);
        assert!(desc.iter().copied().eq(0..1000));
    }

    #[test]
    fn cached_keys_are_computed_once() {
        let mut calls = 0;
        let mut v = vec!["b", "A", "c", "a"];
        sort_by_cached_key(&mut v, |s| {
            calls += 1;
            s.to_lowercase()
        });
        assert_eq!(v, ["A", "a", "b", "c"]);
        assert_eq!(calls, 4);
    }

    proptest! {
        /// The same order as the standard library's stable sort, equal
        /// keys included (the second field tells equal keys apart).
        #[test]
        fn as_the_standard_stable_sort(keys in prop::collection::vec(0u8..8, 0..300), sorted_prefix in 0usize..300) {
            let mut v: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let p = sorted_prefix.min(v.len());
            v[..p].sort();
            let mut expected = v.clone();
            expected.sort_by_key(|e| e.0);
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(&ours, &expected);
            let mut cached = v;
            sort_by_cached_key(&mut cached, |e| e.0);
            prop_assert_eq!(cached, expected);
        }
    }
}
