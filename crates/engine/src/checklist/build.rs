/*!
Builds a customer's checklist from its plan: which steps, in which order,
wave by wave, due on which day (see the [module's rules](crate::checklist)).
*/

use chrono::{Days, NaiveDate};

use crate::i18n::checklist::{step_text, step_title, StepContext};
use crate::i18n::Lang;
use crate::plan::{Category, CustomerPlan, Family, KaizalaSubscription};

use super::step::{
    Checklist, Step, StepAction, BUY_LEAD_DAYS, DEPROVISION_DAYS, MOVE_LEAD_DAYS, WAVE_DAYS,
};
use super::waves::{quantities, wave_users, waves};

/// `deadline − lead`, but not before `as_of` unless the deadline itself is,
/// and never after the deadline.
fn due_before(deadline: NaiveDate, lead: u64, as_of: NaiveDate) -> NaiveDate {
    let early = deadline
        .checked_sub_days(Days::new(lead))
        .unwrap_or(deadline);
    early.max(as_of.min(deadline))
}

/// The ids of the steps [`build`] gives the customer, in order, without
/// writing their texts: what ticking progress is counted on. None when
/// nothing is to move, else per wave its purchase step, its move and one
/// step per subscription: `A`, `B`, `C` (or `C1`, `C2`, ... when there
/// are several) for the first wave, the same prefixed with `W2`, `W3`,
/// ... for later ones, so that a customer with one wave keeps the ids of
/// progress ticked before waves existed.
pub fn step_ids(customer: &CustomerPlan) -> Vec<String> {
    let mut ids = Vec::new();
    for (i, w) in waves(customer).iter().enumerate() {
        let prefix = wave_prefix(i);
        ids.push(format!("{prefix}A"));
        ids.push(format!("{prefix}B"));
        let n = w.subscriptions.len();
        ids.extend((1..=n).map(|k| format!("{prefix}{}", c_id(k, n))));
    }
    ids
}

/// `""` for the first wave (index 0), `W2` for the second, ...
pub(super) fn wave_prefix(index: usize) -> String {
    if index == 0 {
        String::new()
    } else {
        format!("W{}", index + 1)
    }
}

pub(super) fn c_id(i: usize, of: usize) -> String {
    if of > 1 {
        format!("C{i}")
    } else {
        "C".to_string()
    }
}

/// The customer's checklist, its dates counted from `as_of` and its texts
/// in `lang` (a plan's own date and language: `plan.as_of`, `plan.lang`).
/// Its Kaizala Pro subscriptions are taken in plan order, wave by wave;
/// inactive ones need no step and are left out, and so are trials unless
/// the user chose to plan for them.
///
/// Built on demand rather than stored in the plan: a plan of thousands
/// of customers is shown one customer at a time, and writing every
/// step's text up front was a third of the time planning took.
pub fn build(customer: &CustomerPlan, as_of: NaiveDate, lang: Lang) -> Checklist {
    build_steps(customer, as_of, Some(lang))
}

/// [`build`] without the steps' titles and texts (left empty), for the
/// CSV export, which writes only the steps' ids, waves and dates: writing
/// every text was most of the checklist's cost there.
pub(crate) fn build_untitled(customer: &CustomerPlan, as_of: NaiveDate) -> Checklist {
    build_steps(customer, as_of, None)
}

/// The steps, their texts written in `lang` when given.
fn build_steps(customer: &CustomerPlan, as_of: NaiveDate, lang: Option<Lang>) -> Checklist {
    let waves = waves(customer);
    let mut buys = quantities(&waves, customer.recommendation.quantity);
    let movers = wave_users(customer, &waves);
    // When the users said the quantity, each wave buys for its own users
    // who need a license.
    if let (Some(movers), Some(_)) = (&movers, &customer.recommendation.users) {
        for (buy, users) in buys.iter_mut().zip(movers) {
            *buy = Some(users.iter().filter(|u| u.needs_license).count() as u32);
        }
    }
    let mut steps = Vec::new();
    // Licenses bought or raised by the waves before, when known.
    let mut bought_before = Some(0u32);
    let count = u32::try_from(waves.len()).unwrap_or(u32::MAX);
    for (i, (wave, &quantity)) in waves.iter().zip(&buys).enumerate() {
        let ctx = StepContext {
            customer: customer.display_name.as_str(),
            wave: u32::try_from(i + 1).unwrap_or(u32::MAX),
            waves: count,
        };
        let prefix = wave_prefix(i);
        let push = |steps: &mut Vec<Step>, id: String, action: StepAction, due| {
            steps.push(Step {
                step: id,
                title: lang.map_or_else(String::new, |l| step_title(&action, ctx, l)),
                text: lang.map_or_else(String::new, |l| step_text(&action, ctx, l)),
                due,
                wave: ctx.wave,
                action,
            })
        };

        let purchase = purchase(customer, i, count > 1, quantity, bought_before);
        bought_before = bought_before.and_then(|b| quantity.map(|q| b.saturating_add(q)));
        let due_a = wave.deadline.map(|d| due_before(d, BUY_LEAD_DAYS, as_of));
        push(&mut steps, format!("{prefix}A"), purchase, due_a);

        let due_b = wave.deadline.map(|d| due_before(d, MOVE_LEAD_DAYS, as_of));
        let mv = StepAction::MoveUsers {
            plan: customer.recommendation.plan.to_string(),
            seats: wave.seats(),
            subscription_ids: wave.subscriptions.iter().map(|s| s.id.clone()).collect(),
            stops_on: wave.stops_on(),
            users: movers.as_ref().and_then(|m| m.get(i)).cloned(),
        };
        push(&mut steps, format!("{prefix}B"), mv, due_b);

        let n = wave.subscriptions.len();
        for (k, s) in wave.subscriptions.iter().enumerate() {
            let (action, due) = retire(s, due_b, as_of);
            push(
                &mut steps,
                format!("{prefix}{}", c_id(k + 1, n)),
                action,
                due,
            );
        }
    }
    Checklist { steps }
}

/// The purchase step of the wave at `index` (of `several` waves, or of
/// the only one), which buys `quantity` licenses after `bought_before`
/// were bought by the waves before it.
fn purchase(
    customer: &CustomerPlan,
    index: usize,
    several: bool,
    quantity: Option<u32>,
    bought_before: Option<u32>,
) -> StepAction {
    let rec = &customer.recommendation;
    let plan = rec.plan.to_string();
    let reseller_mpn_id = customer.customer.reseller_mpn_id.clone();
    // With the users known, a wave none of whose users needs a license
    // buys nothing, whatever plan the rules named.
    if quantity == Some(0) && (rec.family == Family::Existing || several || rec.users.is_some()) {
        return StepAction::NoPurchase { plan };
    }
    match &rec.raise {
        Some(raise) => {
            let seats_before = raise
                .seats
                .and_then(|n| bought_before.map(|b| n.saturating_add(b)));
            if index == 0 {
                StepAction::RaiseQuantity {
                    plan,
                    sku: rec.sku.as_deref().map(str::to_string),
                    subscription_id: raise.subscription_id.clone(),
                    seats_before,
                    quantity,
                    reseller_mpn_id,
                }
            } else {
                StepAction::AddSeats {
                    plan,
                    quantity,
                    subscription_id: Some(raise.subscription_id.clone()),
                    seats_before,
                    reseller_mpn_id,
                }
            }
        }
        // Nothing bought yet (earlier waves were covered): this wave buys
        // the new subscription.
        None if index == 0 || bought_before == Some(0) => StepAction::Buy {
            plan,
            sku: rec.sku.as_deref().map(str::to_string),
            quantity,
            reseller_mpn_id,
        },
        None => StepAction::AddSeats {
            plan,
            quantity,
            subscription_id: None,
            seats_before: bought_before,
            reseller_mpn_id,
        },
    }
}

/// The step that retires one old subscription, and its due date: on its
/// own `migrate_by`, but no more than `WAVE_DAYS` after its wave's move
/// is due (`due_b`), so that nobody pays for a subscription whose users
/// left a month ago.
fn retire(
    s: &KaizalaSubscription,
    due_b: Option<NaiveDate>,
    as_of: NaiveDate,
) -> (StepAction, Option<NaiveDate>) {
    match (s.category, s.migrate_by) {
        (Category::AlreadyEnded, _) => (
            StepAction::CheckEnded {
                subscription_id: s.id.clone(),
                offer: s.offer.clone(),
                ended_on: s.expires_on,
                if_renewed: s.if_renewed.filter(|&d| d > as_of),
            },
            None,
        ),
        (_, Some(mb)) => {
            let cap = due_b.and_then(|b| b.checked_add_days(Days::new(WAVE_DAYS)));
            let due = match cap {
                Some(cap) => due_before(mb, 0, as_of).min(cap),
                None => due_before(mb, 0, as_of),
            };
            (
                StepAction::Suspend {
                    subscription_id: s.id.clone(),
                    offer: s.offer.clone(),
                    seats: s.seats,
                    expires_on: s.expires_on,
                    deprovisioned_by: due.checked_add_days(Days::new(DEPROVISION_DAYS)),
                    if_renewed: s.if_renewed,
                },
                Some(due),
            )
        }
        (_, None) => (
            StepAction::FindEndDate {
                subscription_id: s.id.clone(),
                offer: s.offer.clone(),
            },
            None,
        ),
    }
}
