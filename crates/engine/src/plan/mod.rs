/*!
The planning engine: from the model's subscriptions to one plan per
customer.

[`build_plan`] is a pure function of the import and the [`Settings`]: no
clock (the as-of date is a setting), no randomness, and no dependence on
row order. Customers are grouped by [`Customer::key`] and sorted by name;
subscriptions are sorted by end date and id. [`PlanJob`] does the same
work a slice at a time, for a browser tab that must stay responsive;
`plan_subscriptions` plans subscriptions that come without an import
(a share link's: [`SharedPlan::customer_plan`](crate::share::SharedPlan::customer_plan)).

Per customer with at least one Kaizala Pro standalone subscription
(see [`crate::catalog::is_kaizala_pro_standalone`]) the plan holds:

- each Kaizala Pro subscription, classified ([`classify`]);
- the customer's other active, paid subscriptions for people that
  include Kaizala ([`Coverage`]), and those left out ([`NotCounted`]);
- a [`Recommendation`] and its alternatives (the rules are in
  `plan/recommend/` and `docs/rules.md`; see [`detect_education`] and `BUSINESS_SEAT_CAP`);
- its [`Urgency`]: the most pressing of its subscriptions still running,
  or `ended` when all have ended.

Customers without a Kaizala Pro subscription are only counted, in the
[`Summary`]. The A/B/C checklist is the next stage: it is built from a
customer's plan on demand, and nothing here reads it.

Everything said to a person is stored twice: as data ([`Reason`], [`Caveat`], [`Note`], ...) and as
text in the plan's language, written by the [`Render`] impls of the i18n
module (`i18n/plan.rs`); [`Plan::in_lang`] gives them in another
language.

[`Customer::key`]: crate::model::Customer::key
*/

mod assemble;
pub(crate) mod classify;
mod customer;
mod job;
mod kinds;
pub(crate) mod meaning;
mod output;
pub(crate) mod recommend;
mod settings;
mod summary;
pub(crate) mod users;

pub use crate::i18n::{Lang, Render, Text};
pub use classify::{classify, Classification};
pub use customer::{
    Alternative, Coverage, CustomerPlan, KaizalaSubscription, NotCounted, Raise, Recommendation,
};
#[cfg(not(target_arch = "wasm32"))]
pub use job::build_plan_on;
pub(crate) use job::plan_subscriptions;
pub use job::{build_plan, PlanJob, PlanProgress};
pub use kinds::{Category, Family, Urgency};
pub use meaning::{AltWhy, Assumption, Caveat, EducationSignal, NotCountedWhy, Note, Reason, Said};
pub use output::{Plan, Source};
pub use recommend::detect_education;
pub use settings::{default_cutoff, CustomerSettings, Settings};
pub use summary::{CategoryTotal, MonthTotal, Summary, UrgencyTotal};
pub use users::{matching_customers, UserMove, UsersPlan, UsersSummary};
