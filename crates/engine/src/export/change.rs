/*!
What changes for one user who holds Kaizala Pro, as data: the users CSV
writes it in words (`i18n/bulk.rs`). A file of its own, so that the words
can read the type without reading the export that uses them.
*/

use crate::i18n::Text;
use crate::plan::UserMove;

/// What changes for one user: the move list's words for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UserChange {
    /// The user has no plan that includes Kaizala: assign `plan`, then
    /// remove Kaizala Pro.
    AssignAndRemove {
        /// The new plan's name.
        plan: Text,
    },
    /// The user already has a plan that includes Kaizala: only remove
    /// Kaizala Pro.
    Remove,
}

impl UserChange {
    /// What changes for `user` when the customer moves to `plan`.
    pub fn of(user: &UserMove, plan: &str) -> UserChange {
        UserChange::new(user.needs_license, plan)
    }

    /// What changes for a user who needs a license of `plan` or not (a
    /// step's [`MoveUser`](crate::checklist::MoveUser) says which).
    pub fn new(needs_license: bool, plan: &str) -> UserChange {
        if needs_license {
            UserChange::AssignAndRemove {
                plan: Text::from(plan.to_string()),
            }
        } else {
            UserChange::Remove
        }
    }
}
