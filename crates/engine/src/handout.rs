/*!
What a page handed to a customer carries besides the plan: who the
partner is, and which steps are already done.

The partner enters their name and contact once; the app keeps them in the
browser and puts them on shared links, printed checklists and the
customer's page, so the customer knows whom to ask.
*/

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
}
