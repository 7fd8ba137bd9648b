/*!
The per-customer A/B/C migration checklist.

One checklist covers all of a customer's Kaizala Pro subscriptions:

- **A** buy the recommended plan (or, when a plan the customer already has
  covers everyone, check it instead),
- **B** move each Kaizala Pro user's license to it,
- **C** suspend each old subscription, one step per subscription (`C`, or
  `C1`, `C2`, ... when there are several), each with its own date.

# Due dates

Every due date is on or before the `migrate_by` it serves, never after:

- A is due `BUY_LEAD_DAYS` (14) days before the earliest `migrate_by` of
  the subscriptions still running (of the ended ones if none is): a
  purchase may wait for the customer's approval, and the new licenses must
  be active before anyone can be moved;
- B is due `MOVE_LEAD_DAYS` (7) days before it: a week to move users in
  batches and to check that each one can sign in to Kaizala with the new
  license while the old one still works;
- each C step is due on its subscription's own `migrate_by`, the last day
  that subscription serves users (its end date is exclusive).

When the lead time no longer fits (the as-of date is already past
`migrate_by − 14`), a step is due on the as-of date itself, but still not
after `migrate_by`; when `migrate_by` has passed, steps are due on it and
show as overdue. Subscriptions whose end date is unknown get a C step
without a date that says how to find it.

C also gives the date by which Microsoft deprovisions the suspended
subscription's data: at most `DEPROVISION_DAYS` (120) days after
suspension, counted from C's due date.
*/

mod build;
pub(crate) mod step;

pub use build::{build, step_ids};
pub use step::{Checklist, Step, StepAction};
