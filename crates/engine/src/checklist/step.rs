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
/// Days after suspension by which Microsoft deprovisions the data, at most.
pub(crate) const DEPROVISION_DAYS: u64 = 120;

fn first_wave() -> u32 {
    1
}

/// A customer's migration checklist, in the order to do it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    /// A, B, then one C step per subscription to suspend.
    pub steps: Vec<Step>,
}

/// One step of the checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// `A`, `B`, `C`, or `C1`, `C2`, ... for several subscriptions.
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
    },
    /// A, when a plan the customer has already covers every seat.
    NoPurchase {
        /// The plan's name.
        plan: String,
    },
    /// B: move the users of `seats` Kaizala Pro seats to the plan.
    MoveUsers {
        /// The plan's name.
        plan: String,
        /// The Kaizala Pro seats, when known.
        seats: Option<u32>,
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
    },
    /// C, for a subscription that has already ended.
    CheckEnded {
        /// The subscription's id as exported.
        subscription_id: SharedText,
        /// Its offer as exported.
        offer: SharedText,
        /// The day its service stopped, when known.
        ended_on: Option<NaiveDate>,
    },
    /// C, for a subscription without a known end date.
    FindEndDate {
        /// The subscription's id as exported.
        subscription_id: SharedText,
        /// Its offer as exported.
        offer: SharedText,
    },
}
