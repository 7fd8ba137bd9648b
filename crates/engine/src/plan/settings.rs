/*!
What the user decides: the as-of date, the cutoff, the language and the
choices made per customer. Everything the rules assume can be changed here.
*/

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::catalog::PlanId;
use crate::i18n::Lang;

/// The day Microsoft stopped selling Kaizala Pro: 1 July 2020.
pub fn default_cutoff() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 7, 1).unwrap_or(NaiveDate::MIN)
}

/// What the user decides; everything the rules assume can be changed here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// "Today" for the plan; passed in, never read from a clock.
    pub as_of: NaiveDate,
    /// When sales ended (default 2020-07-01).
    pub cutoff: NaiveDate,
    /// The language of the plan's texts.
    #[serde(default)]
    pub lang: Lang,
    /// Per customer, by [`Customer::key`](crate::model::Customer::key).
    #[serde(default)]
    pub customers: BTreeMap<String, CustomerSettings>,
}

impl Settings {
    /// Settings for `as_of` with the default cutoff, English, no
    /// per-customer choices.
    pub fn new(as_of: NaiveDate) -> Settings {
        Settings {
            as_of,
            cutoff: default_cutoff(),
            lang: Lang::En,
            customers: BTreeMap::new(),
        }
    }
}

/// What the user decided for one customer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerSettings {
    /// A plan chosen by the user, which beats every rule.
    #[serde(default)]
    pub plan_override: Option<PlanId>,
    /// The customer's Kaizala users are frontline workers.
    #[serde(default)]
    pub frontline: bool,
    /// Is it an education customer? `None` = detect.
    #[serde(default)]
    pub education: Option<bool>,
    /// How many seats to buy, instead of the computed number.
    #[serde(default)]
    pub seats_to_cover: Option<u32>,
    /// Plan replacements for the seats of Kaizala Pro trials too (by
    /// default nothing is bought for a trial).
    #[serde(default)]
    pub include_trials: bool,
}
