/*!
The shared cold-path sort (`kaizala_engine::order`) gives exactly what the
standard sorts it replaced give, ties included: pairs are sorted by their
first element only, so a sort that loses the input order of equal items
shows it in the second.
*/
#![cfg(not(target_arch = "wasm32"))]
// The reference is `sort_by` itself, the call the helper replaces.
#![allow(clippy::unnecessary_sort_by)]

use kaizala_engine::order;
use proptest::prelude::*;

/// Lists with many ties (few distinct first elements) as well as few.
fn pairs() -> impl Strategy<Value = Vec<(u8, u16)>> {
    prop_oneof![
        prop::collection::vec((0u8..4, any::<u16>()), 0..80),
        prop::collection::vec((any::<u8>(), any::<u16>()), 0..300),
    ]
}

proptest! {
    #[test]
    fn sort_by_is_the_standard_stable_sort(v in pairs()) {
        let mut ours = v.clone();
        order::sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut std = v;
        std.sort_by(|a, b| a.0.cmp(&b.0));
        prop_assert_eq!(ours, std);
    }

    #[test]
    fn sort_by_descending_is_the_standard_one(v in pairs()) {
        let mut ours = v.clone();
        order::sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
        let mut std = v;
        std.sort_by(|a, b| b.0.cmp(&a.0));
        prop_assert_eq!(ours, std);
    }

    #[test]
    fn sort_by_cached_key_is_the_standard_one(v in pairs()) {
        let mut ours = v.clone();
        order::sort_by_cached_key(&mut ours, |p| p.0.to_string());
        let mut std = v;
        std.sort_by_cached_key(|p| p.0.to_string());
        prop_assert_eq!(ours, std);
    }

    #[test]
    fn owned_items_move_whole(v in prop::collection::vec(
        (0u8..3, prop::collection::vec(any::<char>(), 0..4)), 0..40)) {
        let mut ours: Vec<(u8, String)> =
            v.iter().map(|(k, s)| (*k, s.iter().collect())).collect();
        let mut std = ours.clone();
        order::sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        std.sort_by(|a, b| a.0.cmp(&b.0));
        prop_assert_eq!(ours, std);
    }
}

/// Table of the edges: empty, one item, already sorted, reversed, all
/// equal, and one long cycle of the permutation.
#[test]
fn edges() {
    let cases: Vec<Vec<(u8, u16)>> = vec![
        vec![],
        vec![(1, 0)],
        vec![(0, 0), (1, 1), (2, 2)],
        vec![(2, 0), (1, 1), (0, 2)],
        vec![(5, 0), (5, 1), (5, 2), (5, 3)],
        vec![(1, 0), (2, 1), (3, 2), (4, 3), (0, 4)],
        vec![(3, 0), (0, 1), (3, 2), (0, 3), (1, 4), (3, 5)],
    ];
    for v in cases {
        let mut ours = v.clone();
        order::sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut std = v.clone();
        std.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(ours, std, "from {v:?}");
    }
}
