/*!
Builds a customer's checklist from its plan: which steps, in which order,
due on which day (see the [module's rules](crate::checklist)).
*/

use chrono::{Days, NaiveDate};

use crate::i18n::checklist::{step_text, step_title};
use crate::i18n::Lang;
use crate::plan::{customer_urgency, Category, CustomerPlan, Family, KaizalaSubscription};

use super::step::{Checklist, Step, StepAction, BUY_LEAD_DAYS, DEPROVISION_DAYS, MOVE_LEAD_DAYS};

/// A step with its texts written in `lang` for the customer named
/// `customer`.
fn step(
    id: String,
    action: StepAction,
    due: Option<NaiveDate>,
    lang: Lang,
    customer: &str,
) -> Step {
    Step {
        step: id,
        title: step_title(&action, lang),
        text: step_text(&action, lang, customer),
        due,
        wave: 1,
        action,
    }
}

/// `deadline − lead`, but not before `as_of` unless the deadline itself is,
/// and never after the deadline.
fn due_before(deadline: NaiveDate, lead: u64, as_of: NaiveDate) -> NaiveDate {
    let early = deadline
        .checked_sub_days(Days::new(lead))
        .unwrap_or(deadline);
    early.max(as_of.min(deadline))
}

/// The subscriptions that get a C step: all but the inactive ones.
fn live(subscriptions: &[KaizalaSubscription]) -> impl Iterator<Item = &KaizalaSubscription> {
    subscriptions
        .iter()
        .filter(|s| s.category != Category::Inactive)
}

/// The ids of the steps [`build`] gives the customer, in order, without
/// writing their texts: what ticking progress is counted on. None when
/// every subscription is inactive, else `A`, `B` and one `C` (or `C1`,
/// `C2`, ... when there are several).
pub fn step_ids(customer: &CustomerPlan) -> Vec<String> {
    let n = live(&customer.subscriptions).count();
    if n == 0 {
        return Vec::new();
    }
    let mut ids = vec!["A".to_string(), "B".to_string()];
    ids.extend((1..=n).map(|i| c_id(i, n)));
    ids
}

fn c_id(i: usize, of: usize) -> String {
    if of > 1 {
        format!("C{i}")
    } else {
        "C".to_string()
    }
}

/// The customer's checklist, its dates counted from `as_of` and its texts
/// in `lang` (a plan's own date and language: `plan.as_of`, `plan.lang`).
/// Its Kaizala Pro subscriptions are taken in plan order; inactive ones
/// need no step and are left out.
///
/// Built on demand rather than stored in the plan: a plan of thousands
/// of customers is shown one customer at a time, and writing every
/// step's text up front was a third of the time planning took.
pub fn build(customer: &CustomerPlan, as_of: NaiveDate, lang: Lang) -> Checklist {
    let subscriptions = &customer.subscriptions;
    let rec = &customer.recommendation;
    let kaizala_seats = customer.seats_known.then_some(customer.kaizala_seats);
    let name = customer.display_name.as_str();
    let live: Vec<&KaizalaSubscription> = live(subscriptions).collect();
    if live.is_empty() {
        return Checklist::default();
    }
    let (_, earliest) = customer_urgency(subscriptions);
    let mut steps = Vec::new();

    let buy = match rec.quantity {
        Some(0) if rec.family == Family::Existing => StepAction::NoPurchase {
            plan: rec.plan.to_string(),
        },
        quantity => StepAction::Buy {
            plan: rec.plan.to_string(),
            sku: rec.sku.as_deref().map(str::to_string),
            quantity,
        },
    };
    let due_a = earliest.map(|d| due_before(d, BUY_LEAD_DAYS, as_of));
    steps.push(step("A".into(), buy, due_a, lang, name));

    let due_b = earliest.map(|d| due_before(d, MOVE_LEAD_DAYS, as_of));
    let mv = StepAction::MoveUsers {
        plan: rec.plan.to_string(),
        seats: kaizala_seats,
    };
    steps.push(step("B".into(), mv, due_b, lang, name));

    for (i, s) in live.iter().enumerate() {
        let id = c_id(i + 1, live.len());
        let (action, due) = match (s.category, s.migrate_by) {
            (Category::AlreadyEnded, _) => (
                StepAction::CheckEnded {
                    subscription_id: s.id.clone(),
                    offer: s.offer.clone(),
                    ended_on: s.expires_on,
                },
                None,
            ),
            (_, Some(mb)) => {
                let due = due_before(mb, 0, as_of);
                (
                    StepAction::Suspend {
                        subscription_id: s.id.clone(),
                        offer: s.offer.clone(),
                        seats: s.seats,
                        expires_on: s.expires_on,
                        deprovisioned_by: due.checked_add_days(Days::new(DEPROVISION_DAYS)),
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
        };
        steps.push(step(id, action, due, lang, name));
    }
    Checklist { steps }
}
