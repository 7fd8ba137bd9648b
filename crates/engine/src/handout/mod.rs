/*!
What a page handed to a customer carries besides the plan: who the
partner is, and which steps are already done; and the page itself, written
for the customer ([`CustomerPage`]).

The partner enters their name and contact once; the app keeps them in the
browser and puts them on shared links, printed checklists and the
customer's page, so the customer knows whom to ask.
*/

mod page;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use page::{customer_page, Change, Cost, CustomerPage, Intro, PageStep, Todo};

/// The longest name or contact kept, in characters: a share link is
/// untrusted, and a page header is no place for a letter.
pub(crate) const MAX_PARTNER_CHARS: usize = 200;

/// The partner who prepared the plan, as they want the customer to see
/// them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partner {
    /// The partner's company (or person) name.
    #[serde(default)]
    pub name: String,
    /// How to reach them: e-mail, phone, a web address.
    #[serde(default)]
    pub contact: String,
}

impl Partner {
    /// Whether there is anything to show.
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty() && self.contact.trim().is_empty()
    }

    /// The partner as entered, trimmed, each field cut to 200 characters
    /// on one line: what is kept, put in a link or shown, whatever was
    /// typed or read from a link.
    pub fn tidy(&self) -> Partner {
        fn field(s: &str) -> String {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .take(MAX_PARTNER_CHARS)
                .collect()
        }
        Partner {
            name: field(&self.name),
            contact: field(&self.contact),
        }
    }

    /// The tidied partner, or `None` when there is nothing to show.
    pub fn shown(&self) -> Option<Partner> {
        let p = self.tidy();
        (!p.is_empty()).then_some(p)
    }
}

/// What one customer's page shows besides its plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handout {
    /// The partner, when they have said who they are.
    #[serde(default)]
    pub partner: Option<Partner>,
    /// Steps already done, by step id, with the day when known.
    #[serde(default)]
    pub done: BTreeMap<String, Option<NaiveDate>>,
    /// Users already moved (step B, user by user), by user principal name
    /// lower-cased, with the day when known.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub users_done: BTreeMap<String, Option<NaiveDate>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partner_is_tidied_and_capped() {
        let p = Partner {
            name: "  Fabrikam\n  IT  ".into(),
            contact: "x".repeat(500),
        };
        let t = p.tidy();
        assert_eq!(t.name, "Fabrikam IT");
        assert_eq!(t.contact.chars().count(), MAX_PARTNER_CHARS);
        assert_eq!(Partner::default().shown(), None);
        assert_eq!(
            Partner {
                name: " ".into(),
                contact: "\t".into()
            }
            .shown(),
            None
        );
        assert_eq!(p.shown().unwrap().name, "Fabrikam IT");
    }
}
