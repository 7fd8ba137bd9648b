/*!
The checklist as data: its [`Step`]s, what each asks for
([`StepAction`]), and the lead times its dates are counted with.
*/

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::SharedText;

/// Days before the earliest `migrate_by` that the purchase (A) is due.
pub(crate) const BUY_LEAD_DAYS: u64 = 14;
/// Days before the earliest `migrate_by` that moving users (B) is due.
pub(crate) const MOVE_LEAD_DAYS: u64 = 7;
/// Days after suspension by which Microsoft deprovisions the suspended
/// subscription, at most.
pub(crate) const DEPROVISION_DAYS: u64 = 120;
/// Days within which subscriptions' `migrate_by` dates share a wave, and
/// the most days a wave's subscription is suspended after its users'
/// move is due.
pub(crate) const WAVE_DAYS: u64 = 31;

fn first_wave() -> u32 {
    1
}

/// A customer's migration checklist, in the order to do it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    /// Per wave: A (or its add-seats step), B, then one C step per
    /// subscription to suspend.
    pub steps: Vec<Step>,
}

impl Checklist {
    /// The number of waves (0 when there is nothing to do).
    pub fn waves(&self) -> u32 {
        self.steps.iter().map(|s| s.wave).max().unwrap_or(0)
    }

    /// The steps of wave `wave`, in order: its purchase step (A), its
    /// move (B), then one step per subscription (C).
    pub fn wave_steps(&self, wave: u32) -> impl Iterator<Item = &Step> {
        self.steps.iter().filter(move |s| s.wave == wave)
    }

    /// The wave whose C step deals with the subscription `id`.
    pub fn wave_of(&self, id: &str) -> Option<u32> {
        self.steps
            .iter()
            .find(|s| s.action.subscription_id().is_some_and(|s| &**s == id))
            .map(|s| s.wave)
    }
}

impl StepAction {
    /// The old subscription a C step deals with (suspend, check-ended,
    /// find-end-date); `None` for the other steps.
    pub fn subscription_id(&self) -> Option<&SharedText> {
        match self {
            StepAction::Suspend {
                subscription_id, ..
            }
            | StepAction::CheckEnded {
                subscription_id, ..
            }
            | StepAction::FindEndDate {
                subscription_id, ..
            } => Some(subscription_id),
            _ => None,
        }
    }
}

/// A user step B moves (the JSON's `users` of a move step).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveUser {
    /// The user principal name.
    pub upn: SharedText,
    /// The display name.
    pub display_name: SharedText,
    /// The user has no plan that includes Kaizala and needs a license of
    /// the new plan; otherwise only Kaizala Pro is removed.
    pub needs_license: bool,
}

/// One step of the checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// `A`, `B`, `C`, or `C1`, `C2`, ... for several subscriptions; in
    /// later waves the same prefixed with the wave: `W2A`, `W2B`, `W2C`
    /// or `W2C1`, ...
    pub step: String,
    /// Short title in the plan's language.
    pub title: String,
    /// What to do and where, in the plan's language.
    pub text: String,
    /// Do it by this date (`None` when no date is known).
    pub due: Option<NaiveDate>,
    /// The wave the step belongs to, from 1: subscriptions that end
    /// months apart move in separate waves.
    #[serde(default = "first_wave")]
    pub wave: u32,
    /// The step as data.
    pub action: StepAction,
}

/// What a step asks for, as data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum StepAction {
    /// A: buy `quantity` licenses of the plan (`None`: as many as users).
    Buy {
        /// The plan's name.
        plan: String,
        /// Its SKU part number.
        sku: Option<String>,
        /// Licenses to buy.
        quantity: Option<u32>,
        /// The indirect reseller's MPN ID to name on the order (CSP
        /// two-tier), when the export gives one.
        #[serde(default)]
        reseller_mpn_id: Option<SharedText>,
    },
    /// A, when the customer already holds a subscription of the plan:
    /// raise its quantity by `quantity` instead of buying a new one.
    RaiseQuantity {
        /// The plan's name.
        plan: String,
        /// Its SKU part number.
        sku: Option<String>,
        /// The subscription to raise, as exported.
        subscription_id: SharedText,
        /// Its quantity before the raise, when the export says.
        seats_before: Option<u32>,
        /// Licenses to add (`None`: as many as users).
        quantity: Option<u32>,
        /// The indirect reseller's MPN ID to name on the order.
        #[serde(default)]
        reseller_mpn_id: Option<SharedText>,
    },
    /// A of a later wave: add `quantity` licenses to the subscription of
    /// the plan that an earlier wave bought or raised.
    AddSeats {
        /// The plan's name.
        plan: String,
        /// Licenses to add (`None`: as many as the wave's users).
        quantity: Option<u32>,
        /// The subscription to add them to, when it is one the customer
        /// already held (see [`StepAction::RaiseQuantity`]); `None`: the
        /// one bought in step A.
        subscription_id: Option<SharedText>,
        /// Its quantity before this wave's licenses, when known.
        seats_before: Option<u32>,
        /// The indirect reseller's MPN ID to name on the order.
        #[serde(default)]
        reseller_mpn_id: Option<SharedText>,
    },
    /// A, when plans the customer has already cover the seats of the
    /// wave (of every wave when there is one).
    NoPurchase {
        /// The plan's name.
        plan: String,
    },
    /// B: move the users of `seats` Kaizala Pro seats to the plan.
    MoveUsers {
        /// The plan's name.
        plan: String,
        /// The Kaizala Pro seats of the wave, when known.
        seats: Option<u32>,
        /// The wave's Kaizala Pro subscriptions, as exported.
        #[serde(default)]
        subscription_ids: Vec<SharedText>,
        /// The first day (00:00 UTC) one of them stops serving users,
        /// when one of them is still running.
        #[serde(default)]
        stops_on: Option<NaiveDate>,
        /// The wave's users to move, when a users file for the tenant is
        /// in the workspace; `None` when who they are is not known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        users: Option<Vec<MoveUser>>,
    },
    /// C: suspend a subscription.
    Suspend {
        /// The subscription's id as exported.
        subscription_id: SharedText,
        /// Its offer as exported.
        offer: SharedText,
        /// Its seats, when known.
        seats: Option<u32>,
        /// The day the service stops (00:00 UTC).
        expires_on: Option<NaiveDate>,
        /// At most 120 days after suspending on the due date.
        deprovisioned_by: Option<NaiveDate>,
        /// When the export does not say whether it auto-renews: the day
        /// it would stop if it was set to renew.
        #[serde(default)]
        if_renewed: Option<NaiveDate>,
    },
    /// C, for a subscription that has already ended.
    CheckEnded {
        /// The subscription's id as exported.
        subscription_id: SharedText,
        /// Its offer as exported.
        offer: SharedText,
        /// The day its service stopped, when known.
        ended_on: Option<NaiveDate>,
        /// When the export does not say whether it auto-renewed: the day
        /// it would stop if it renewed, while that is still to come.
        #[serde(default)]
        if_renewed: Option<NaiveDate>,
    },
    /// C, for a subscription without a known end date.
    FindEndDate {
        /// The subscription's id as exported.
        subscription_id: SharedText,
        /// Its offer as exported.
        offer: SharedText,
    },
}
