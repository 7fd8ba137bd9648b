/*!
The per-customer A/B/C migration checklist, wave by wave.

One checklist covers all of a customer's Kaizala Pro subscriptions:

- **A** buy the recommended plan (raise the quantity of the customer's
  own subscription of it when it has one, or, when plans the customer
  already has cover everyone, check them instead),
- **B** move each Kaizala Pro user's license to it,
- **C** suspend each old subscription, one step per subscription (`C`, or
  `C1`, `C2`, ... when there are several), each with its own date.

# Waves

Subscriptions that end months apart move in waves, so that nobody is
moved months before their subscription ends while the customer pays for
both. Running subscriptions are grouped by `migrate_by`: a wave starts at
the earliest date not yet in one and takes every date up to
`WAVE_DAYS` (31) days after it. Subscriptions that have already ended, or
whose end date is unknown, join the first wave (their users have lost
Kaizala Pro already, or may any day). Inactive subscriptions get no
step, and trials none unless the user chose to plan for them.

Each wave has its own A, B and C steps. The first wave buys (or raises)
the licenses its users need; a later wave adds its licenses to that same
subscription (`add-seats`) before its users move. Seats that plans the
customer already has cover go to the earliest waves first. The first
wave keeps the ids `A`, `B`, `C`/`C1`, ... (so progress ticked on a
customer with one wave still matches); later waves prefix them with
`W2`, `W3`, ...

# Due dates

Every due date is on or before the `migrate_by` it serves, never after.
In each wave, with its deadline the earliest `migrate_by` of its
subscriptions still running (of its ended ones if none is):

- A is due `BUY_LEAD_DAYS` (14) days before it: a purchase may wait for
  the customer's approval, and the new licenses must be active before
  anyone can be moved;
- B is due `MOVE_LEAD_DAYS` (7) days before it: a week to move users in
  batches and to check that each one can sign in to Kaizala with the new
  license while the old one still works;
- each C step is due on its subscription's own `migrate_by`, the last day
  that subscription serves users (its end date is exclusive), but no more
  than `WAVE_DAYS` days after B: a subscription whose users have left is
  not paid for a month longer.

When the lead time no longer fits (the as-of date is already past
`deadline − 14`), a step is due on the as-of date itself, but still not
after the deadline; when the deadline has passed, steps are due on it and
show as overdue. Subscriptions whose end date is unknown get a C step
without a date that says how to find it.

C also gives the date by which Microsoft deprovisions the suspended
subscription: at most `DEPROVISION_DAYS` (120) days after suspension,
counted from C's due date. All times are UTC, as in Partner Center.
*/

mod build;
pub(crate) mod step;
mod subjects;
mod waves;

pub(crate) use build::build_untitled;
pub use build::{build, step_ids};
pub use step::{Checklist, MoveUser, Step, StepAction};
pub use subjects::{subjects, FactChange, StepFacts, StepSubject, SubscriptionFacts};
