/*!
Who exactly moves: a customer's plan from its users, when a users export
for its tenant is in the workspace (`docs/rules.md#users`).

A users file belongs to a customer the user named for it, or else to the
customer whose domain is one of the tenant domains the file shows (the
user principal names' domains and the `*.onmicrosoft.com` addresses among
the proxy addresses). With it, the licenses to buy are the users who hold
Kaizala Pro and no plan that includes Kaizala, instead of the purchased
seats less a guess at how many of them other plans already cover.
*/

use serde::{Deserialize, Serialize};

use crate::i18n::Text;
use crate::model::{Customer, LicenseKind, User, UsersList};

/// What a customer's users file says, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsersSummary {
    /// Users in the file.
    pub users: u32,
    /// Users who hold the standalone Kaizala Pro license.
    pub holders: u32,
    /// Of those, users who also hold a plan that includes Kaizala: their
    /// Kaizala Pro license is removed and nothing is bought for them.
    pub covered: u32,
    /// Of those, users with no plan that includes Kaizala: the licenses
    /// to buy.
    pub to_license: u32,
    /// Kaizala Pro seats the customer pays for that no user holds; `None`
    /// when a subscription's seat count is unknown.
    pub unassigned_seats: Option<u32>,
}

/// One user who holds Kaizala Pro, and what changes for them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserMove {
    /// The user principal name.
    pub upn: Text,
    /// The display name (the UPN when the file has none).
    pub display_name: Text,
    /// Every license the user holds now, as the file names them.
    pub licenses: Vec<Text>,
    /// The user has no plan that includes Kaizala: assign the new plan,
    /// then remove Kaizala Pro. Otherwise only remove Kaizala Pro.
    pub needs_license: bool,
    /// The plan that includes Kaizala the user already holds, when one.
    pub covered_by: Option<Text>,
    /// Sign-in is blocked for the user.
    #[serde(default)]
    pub blocked: bool,
}

/// A customer's plan from its users file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsersPlan {
    /// The file's name, when known.
    pub file_name: Option<String>,
    /// The counts.
    pub summary: UsersSummary,
    /// Every user who holds Kaizala Pro, by user principal name.
    pub moves: Vec<UserMove>,
    /// License names the catalog does not know, with how many users hold
    /// each, most held first: listed, never guessed.
    pub unknown_licenses: Vec<(Text, u32)>,
}

/// The customers a users file may belong to: the customer the user named
/// for it, else each customer whose domain is one of the file's tenant
/// domains (case ignored). `customers` are (key, customer) pairs.
pub fn matching_customers<'a>(
    list: &UsersList,
    customers: impl IntoIterator<Item = (&'a str, &'a Customer)>,
) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for (key, customer) in customers {
        let named = list.customer.as_deref() == Some(key);
        if (named || (list.customer.is_none() && domain_matches(list, customer)))
            && !found.iter().any(|k| k == key)
        {
            found.push(key.to_string());
        }
    }
    found
}

fn domain_matches(list: &UsersList, customer: &Customer) -> bool {
    customer
        .domain
        .as_deref()
        .map(|d| d.trim().trim_start_matches('@').to_lowercase())
        .filter(|d| !d.is_empty())
        .is_some_and(|d| list.domains.iter().any(|x| **x == *d))
}

/// The customer's users file: the latest one the user named for this
/// customer, else the latest whose tenant domains hold the customer's
/// domain.
pub(crate) fn users_of<'a>(
    key: &str,
    customer: &Customer,
    lists: &'a [UsersList],
) -> Option<&'a UsersList> {
    lists
        .iter()
        .rev()
        .find(|l| l.customer.as_deref() == Some(key))
        .or_else(|| {
            lists
                .iter()
                .rev()
                .find(|l| l.customer.is_none() && domain_matches(l, customer))
        })
}

/// Plans a customer's users: `seats` are the Kaizala Pro seats of the
/// subscriptions to migrate, `None` when one has no seat count.
pub(crate) fn plan_users(list: &UsersList, seats: Option<u32>) -> UsersPlan {
    let mut moves: Vec<UserMove> = list
        .users
        .iter()
        .filter(|u| u.holds_kaizala_pro())
        .map(user_move)
        .collect();
    crate::order::sort_by_cached_key(&mut moves, |m| (m.upn.to_lowercase(), m.upn.clone()));
    let holders = count(moves.len());
    let covered = count(moves.iter().filter(|m| !m.needs_license).count());
    let mut unknown: Vec<(Text, u32)> = Vec::new();
    for l in list.users.iter().flat_map(|u| &u.licenses) {
        if l.kind != LicenseKind::Unknown {
            continue;
        }
        match unknown.iter_mut().find(|(n, _)| **n == *l.name) {
            Some((_, c)) => *c += 1,
            None => unknown.push((Text::from(l.name.to_string()), 1)),
        }
    }
    crate::order::sort_by(&mut unknown, |a, b| {
        b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
    });
    UsersPlan {
        file_name: list.file_name.clone(),
        summary: UsersSummary {
            users: count(list.users.len()),
            holders,
            covered,
            to_license: holders - covered,
            unassigned_seats: seats.map(|s| s.saturating_sub(holders)),
        },
        moves,
        unknown_licenses: unknown,
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn user_move(u: &User) -> UserMove {
    let covered_by = u
        .kaizala_plans()
        .next()
        .map(|l| Text::from(l.name.to_string()));
    UserMove {
        upn: Text::from(u.upn.to_string()),
        display_name: Text::from(
            u.display_name
                .as_deref()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or(&u.upn)
                .to_string(),
        ),
        licenses: u
            .licenses
            .iter()
            .map(|l| Text::from(l.name.to_string()))
            .collect(),
        needs_license: covered_by.is_none(),
        covered_by,
        blocked: u.blocked,
    }
}
