/*!
A customer's migration waves: which Kaizala Pro subscriptions move
together, by which day, and how many licenses each wave buys (see the
[module's rules](crate::checklist)).
*/

use chrono::{Days, NaiveDate};

use crate::plan::{Category, CustomerPlan, KaizalaSubscription};

use super::step::{MoveUser, WAVE_DAYS};

/// Subscriptions that move together.
pub(crate) struct Wave<'a> {
    /// Its subscriptions, in plan order.
    pub(crate) subscriptions: Vec<&'a KaizalaSubscription>,
    /// The day its users' move is counted back from: the earliest
    /// `migrate_by` of its subscriptions still running, else of its
    /// ended ones; `None` when no date is known.
    pub(crate) deadline: Option<NaiveDate>,
}

impl Wave<'_> {
    /// The wave's seats; `None` when one of its subscriptions has none.
    pub(crate) fn seats(&self) -> Option<u32> {
        self.subscriptions
            .iter()
            .try_fold(0u32, |sum, s| s.seats.map(|n| sum.saturating_add(n)))
    }

    /// The first day one of its running subscriptions stops serving users.
    pub(crate) fn stops_on(&self) -> Option<NaiveDate> {
        self.subscriptions
            .iter()
            .filter(|s| running(s))
            .filter_map(|s| s.expires_on)
            .min()
    }
}

/// Still serving users on the as-of date, with a known day to move by.
fn running(s: &KaizalaSubscription) -> bool {
    s.category != Category::AlreadyEnded && s.migrate_by.is_some()
}

/// The subscriptions that get steps: not inactive, and not trials unless
/// the user chose to plan for them.
fn to_move(customer: &CustomerPlan) -> impl Iterator<Item = &KaizalaSubscription> {
    let trials = customer.settings.include_trials;
    customer
        .subscriptions
        .iter()
        .filter(move |s| s.category != Category::Inactive && (trials || !s.trial))
}

/// The customer's waves, earliest first (none when nothing is to move).
///
/// Running subscriptions are taken by `migrate_by`; a wave starts at the
/// first date not yet in one and takes every date up to `WAVE_DAYS` after
/// it. Subscriptions that have ended, or whose end date is unknown, join
/// the first wave: the first have already left their users without
/// Kaizala Pro, and the second may end any day, so neither can wait.
pub(crate) fn waves(customer: &CustomerPlan) -> Vec<Wave<'_>> {
    let subs: Vec<&KaizalaSubscription> = to_move(customer).collect();
    if subs.is_empty() {
        return Vec::new();
    }
    let mut dates: Vec<NaiveDate> = subs
        .iter()
        .filter(|s| running(s))
        .filter_map(|s| s.migrate_by)
        .collect();
    crate::order::sort_by(&mut dates, NaiveDate::cmp);
    // The first date of each wave after the first.
    let mut starts: Vec<NaiveDate> = Vec::new();
    if let Some(&first) = dates.first() {
        let mut start = first;
        for &date in &dates {
            if date
                > start
                    .checked_add_days(Days::new(WAVE_DAYS))
                    .unwrap_or(start)
            {
                start = date;
                starts.push(date);
            }
        }
    }
    let wave_of = |s: &KaizalaSubscription| match s.migrate_by {
        Some(mb) if running(s) => starts.iter().take_while(|&&d| d <= mb).count(),
        _ => 0,
    };
    let mut waves: Vec<Wave> = (0..=starts.len())
        .map(|_| Wave {
            subscriptions: Vec::new(),
            deadline: None,
        })
        .collect();
    for s in subs {
        if let Some(w) = waves.get_mut(wave_of(s)) {
            w.subscriptions.push(s);
        }
    }
    for w in &mut waves {
        let of = |keep: fn(&KaizalaSubscription) -> bool| {
            w.subscriptions
                .iter()
                .filter(|s| keep(s))
                .filter_map(|s| s.migrate_by)
                .min()
        };
        w.deadline = of(running).or_else(|| of(|s| s.category == Category::AlreadyEnded));
    }
    waves
}

/// Licenses each wave buys, in wave order, adding up to the
/// recommendation's quantity.
///
/// The seats that plans the customer already has cover (the wave seats'
/// total minus the quantity) are given to the earliest waves first: a
/// covered user keeps Kaizala through the plan they hold, so the licenses
/// bought are the ones later waves still need. When a count is unknown,
/// the first wave gets the whole quantity and later waves `None` (count
/// the wave's users) or, with a quantity set, nothing more.
pub(crate) fn quantities(waves: &[Wave<'_>], quantity: Option<u32>) -> Vec<Option<u32>> {
    let seats: Option<Vec<u32>> = waves.iter().map(Wave::seats).collect();
    let (Some(q), Some(seats)) = (quantity, seats) else {
        let later = quantity.map(|_| 0);
        return (0..waves.len())
            .map(|i| if i == 0 { quantity } else { later })
            .collect();
    };
    let total = seats.iter().fold(0u32, |a, &n| a.saturating_add(n));
    let mut covered = total.saturating_sub(q);
    let mut buys: Vec<Option<u32>> = seats
        .iter()
        .map(|&n| {
            let c = covered.min(n);
            covered -= c;
            Some(n - c)
        })
        .collect();
    // A quantity above the seats (set by the user) is bought up front.
    if let Some(Some(first)) = buys.first_mut() {
        *first = first.saturating_add(q.saturating_sub(total));
    }
    buys
}

/// The users each wave moves, in wave order, when the customer's users
/// are known: the users who hold Kaizala Pro, by user principal name,
/// shared out by the waves' seats (a wave takes as many users as it has
/// seats; the last wave, or a wave whose seats are unknown, takes the
/// rest). A users file does not say which subscription a user's license
/// comes from (licenses are counted per product), so any users will do
/// for a wave: the ones who need a new license go first, so that the
/// first purchase serves them.
pub(crate) fn wave_users(
    customer: &CustomerPlan,
    waves: &[Wave<'_>],
) -> Option<Vec<Vec<MoveUser>>> {
    let users = customer.users.as_ref()?;
    let mut queue: Vec<&crate::plan::UserMove> = users.moves.iter().collect();
    // Stable: by name within each group, as the plan sorted them.
    crate::order::sort_by(&mut queue, |a, b| b.needs_license.cmp(&a.needs_license));
    let mut rest = queue.into_iter();
    let last = waves.len().saturating_sub(1);
    Some(
        waves
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let take = match w.seats() {
                    Some(n) if i < last => n as usize,
                    _ => usize::MAX,
                };
                rest.by_ref()
                    .take(take)
                    .map(|u| MoveUser {
                        upn: u.upn.as_ref().into(),
                        display_name: u.display_name.as_ref().into(),
                        needs_license: u.needs_license,
                    })
                    .collect()
            })
            .collect(),
    )
}
