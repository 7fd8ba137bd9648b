/*!
Step B user by user: which of a customer's users the partner has moved,
kept by user principal name (case ignored), so a newer users file finds
them again whatever its order.
*/

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{earlier, Progress};

impl Progress {
    /// Marks the customer's user `upn` as moved on `day` (the caller's
    /// today); a user already marked keeps the day first given.
    pub fn tick_user(&mut self, customer: &str, upn: &str, day: NaiveDate) {
        self.users
            .entry(customer.to_string())
            .or_default()
            .entry(upn.to_lowercase())
            .or_insert(Some(day));
    }

    /// Takes the mark off the customer's user `upn`.
    pub fn untick_user(&mut self, customer: &str, upn: &str) {
        if let Some(m) = self.users.get_mut(customer) {
            m.remove(&upn.to_lowercase());
            if m.is_empty() {
                self.users.remove(customer);
            }
        }
    }

    /// Whether the customer's user `upn` is marked as moved, and on which
    /// day when known.
    pub fn user_done(&self, customer: &str, upn: &str) -> Option<Option<NaiveDate>> {
        self.users.get(customer)?.get(&upn.to_lowercase()).copied()
    }

    /// How many of `upns` (a customer's users) are marked as moved.
    pub fn users_done<'a>(&self, customer: &str, upns: impl IntoIterator<Item = &'a str>) -> usize {
        let Some(m) = self.users.get(customer) else {
            return 0;
        };
        upns.into_iter()
            .filter(|u| m.contains_key(&u.to_lowercase()))
            .count()
    }

    /// The customer's users marked as moved, by user principal name
    /// lower-cased.
    pub fn users_of(&self, customer: &str) -> BTreeMap<String, Option<NaiveDate>> {
        self.users.get(customer).cloned().unwrap_or_default()
    }

    /// Brings in a colleague's users marked as moved (the earlier day wins);
    /// returns how many we did not have.
    pub(super) fn merge_users(&mut self, other: &Progress) -> usize {
        let mut added = 0;
        for (customer, theirs) in &other.users {
            let ours = self.users.entry(customer.clone()).or_default();
            for (upn, &on) in theirs {
                match ours.get_mut(upn) {
                    None => {
                        ours.insert(upn.clone(), on);
                        added += 1;
                    }
                    Some(mine) if earlier(on, *mine) => *mine = on,
                    Some(_) => {}
                }
            }
        }
        self.users.retain(|_, m| !m.is_empty());
        added
    }
}
