/*!
One customer's plan: its Kaizala Pro subscriptions, classified; the plans
it already has that include Kaizala; the recommended replacement and its
alternatives; and how soon it must move.
*/

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::catalog::{Inclusion, KaizalaPlan, PlanId};
use crate::i18n::{Lang, Text};
use crate::model::{AutoRenew, Customer, EndDate, SharedText, Status};

use super::kinds::{Category, Family, Urgency};
use super::meaning::{
    AltWhy, Assumption, Caveat, EducationSignal, NotCountedWhy, Note, Reason, Said,
};
use super::settings::CustomerSettings;

/// One customer's plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPlan {
    /// [`Customer::key`]: the key of
    /// [`Settings::customers`](crate::plan::Settings::customers).
    pub key: String,
    /// `id`, `name`, `domain`, `qualification` as the export gives them.
    #[serde(flatten)]
    pub customer: Customer,
    /// The name to show: the customer's name, else its domain or id.
    pub display_name: String,
    /// The choices applied (defaults when the user made none).
    pub settings: CustomerSettings,
    /// Why the customer looks like a school, whatever the settings say.
    pub education_detected: Option<EducationSignal>,
    /// How soon the customer must move: its most pressing subscription
    /// still running (`ended` when all have ended).
    pub urgency: Urgency,
    /// The earliest `migrate_by` of its subscriptions still running (of
    /// its ended ones when none is running).
    pub migrate_by: Option<NaiveDate>,
    /// Seats of its Kaizala Pro subscriptions to migrate (not inactive;
    /// trials only when the user includes them), counting only the known
    /// ones.
    pub kaizala_seats: u32,
    /// Seats of its Kaizala Pro trials (not inactive, known ones), counted
    /// in `kaizala_seats` only when the user includes trials.
    #[serde(default)]
    pub trial_seats: u32,
    /// Every subscription to migrate has a seat count.
    pub seats_known: bool,
    /// The replacement to buy.
    pub recommendation: Recommendation,
    /// Other plans worth a look.
    pub alternatives: Vec<Alternative>,
    /// Its Kaizala Pro subscriptions, by the day they stop, then id.
    pub subscriptions: Vec<KaizalaSubscription>,
    /// Its active, paid plans for people that include Kaizala: the seats
    /// subtracted from those to buy.
    pub coverage: Vec<Coverage>,
    /// Its plans that include Kaizala but are not counted as coverage
    /// (trials, unattended licenses, student use benefits, inactive or
    /// ended ones), each with why.
    #[serde(default)]
    pub not_counted: Vec<NotCounted>,
    /// Who exactly moves, when a users file for the customer's tenant is
    /// in the workspace: its counts, its users who hold Kaizala Pro and
    /// the licenses it names that the catalog does not know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users: Option<super::users::UsersPlan>,
}

/// A subscription of a plan that includes Kaizala, not counted as
/// coverage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotCounted {
    /// The subscription's id as exported.
    pub id: SharedText,
    /// The offer as exported.
    pub offer: SharedText,
    /// The product it was recognised as.
    pub product: Text,
    /// Its seats, when the export says.
    pub seats: Option<u32>,
    /// Why it is not counted.
    pub why: Said<NotCountedWhy>,
}

/// A classified Kaizala Pro standalone subscription.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KaizalaSubscription {
    /// The subscription's id as exported.
    pub id: SharedText,
    /// The offer's name as exported.
    pub offer: SharedText,
    /// The subscription's nickname, if the export has one.
    pub friendly_name: Option<SharedText>,
    /// The SKU part number, if the export has one.
    pub sku: Option<SharedText>,
    /// Its seats (quantity), when the export says.
    pub seats: Option<u32>,
    /// Its status as exported.
    pub status: Status,
    /// `true`, `false`, or `null` when the export does not say.
    #[serde(with = "auto_renew_json")]
    pub auto_renew: AutoRenew,
    /// `YYYY-MM-DD`, `"never"`, or `null` when unknown.
    #[serde(with = "end_date_json")]
    pub end_date: EndDate,
    /// The term's length in months, when the export says.
    pub term_months: Option<u16>,
    /// A trial subscription: listed apart, nothing bought for its seats
    /// unless the user chooses.
    #[serde(default)]
    pub trial: bool,
    /// When the export does not say whether it auto-renews: the day it
    /// would stop if it was set to renew. Dates and urgency come from the
    /// file's end date; this later date is only shown beside it.
    #[serde(default)]
    pub if_renewed: Option<NaiveDate>,
    /// What classification found (see [`classify`](crate::plan::classify())).
    pub category: Category,
    /// The day the service stops (00:00 UTC).
    pub expires_on: Option<NaiveDate>,
    /// The last day users still have Kaizala Pro.
    pub migrate_by: Option<NaiveDate>,
    /// `migrate_by − as_of` in days.
    pub days_left: Option<i64>,
    /// How soon it must be migrated.
    pub urgency: Urgency,
    /// Remarks on its dates (assumptions made, dates missing).
    pub notes: Vec<Said<Note>>,
    /// Input lines the subscription came from.
    pub lines: Vec<u64>,
}

/// An active subscription of the customer that includes Kaizala.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    /// The subscription's id as exported.
    pub id: SharedText,
    /// The offer as exported.
    pub offer: SharedText,
    /// The product it was recognised as.
    pub product: Text,
    /// The catalog plan, when the product is one.
    pub plan_id: Option<PlanId>,
    /// The product's SKU part number, when known.
    pub sku: Option<Text>,
    /// The product's skuId GUID, when known.
    pub guid: Option<Text>,
    /// How it includes Kaizala.
    pub kaizala: Inclusion,
    /// Its seats, when the export says.
    pub seats: Option<u32>,
    /// Its status as exported.
    pub status: Status,
}

/// The recommended replacement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendation {
    /// Which rule chose it.
    pub family: Family,
    /// The catalog plan; `None` for an existing plan outside the catalog
    /// (such as an EEA "no Teams" edition).
    pub plan_id: Option<PlanId>,
    /// The plan's name.
    pub plan: Text,
    /// SKU part number.
    pub sku: Option<Text>,
    /// skuId GUID.
    pub guid: Option<Text>,
    /// The Kaizala service plan it carries.
    pub kaizala_plan: Option<KaizalaPlan>,
    /// Licenses to buy; `None` when the export gives no seat count.
    pub quantity: Option<u32>,
    /// One sentence, in the plan's language.
    pub reason: Text,
    /// The reason as data.
    pub basis: Reason,
    /// What to know before following it.
    pub caveats: Vec<Said<Caveat>>,
    /// What its quantity assumes.
    pub assumptions: Vec<Said<Assumption>>,
    /// When the recommended plan is one the customer already holds: the
    /// subscription whose quantity to raise, instead of buying a new one.
    #[serde(default)]
    pub raise: Option<Raise>,
    /// The users' counts the quantity and the reason come from, when a
    /// users file for the tenant is in the workspace (and the user did
    /// not set the seats to cover).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users: Option<super::users::UsersSummary>,
}

/// A subscription the customer already holds, whose quantity step A
/// raises.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Raise {
    /// The subscription's id as exported.
    pub subscription_id: SharedText,
    /// Its seats now, when the export says.
    pub seats: Option<u32>,
}

/// Another plan worth a look.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alternative {
    /// The catalog plan.
    pub plan_id: PlanId,
    /// Its name.
    pub plan: Text,
    /// Its SKU part number.
    pub sku: Text,
    /// Its skuId GUID.
    pub guid: Text,
    /// Why it is worth a look.
    pub why: Said<AltWhy>,
}

impl CustomerPlan {
    /// Rewrites every text in `lang`; the data is untouched.
    pub(crate) fn relabel(&mut self, lang: Lang) {
        let r = &mut self.recommendation;
        r.reason = crate::i18n::plan::reason_text(&r.basis, r.users.as_ref(), lang);
        r.caveats.iter_mut().for_each(|c| c.relabel(lang));
        r.assumptions.iter_mut().for_each(|a| a.relabel(lang));
        self.alternatives
            .iter_mut()
            .for_each(|a| a.why.relabel(lang));
        for s in &mut self.subscriptions {
            s.notes.iter_mut().for_each(|n| n.relabel(lang));
        }
        self.not_counted
            .iter_mut()
            .for_each(|n| n.why.relabel(lang));
    }
}

/// The customer's urgency and `migrate_by`: those of its most pressing
/// subscription still running. A subscription that has already ended
/// decides only when nothing else is left, so one long-gone subscription
/// does not make every date of a customer overdue.
pub(crate) fn customer_urgency(subs: &[KaizalaSubscription]) -> (Urgency, Option<NaiveDate>) {
    let running = || {
        subs.iter()
            .filter(|s| !matches!(s.category, Category::Inactive | Category::AlreadyEnded))
    };
    if let Some(u) = running().map(|s| s.urgency).min() {
        return (u, running().filter_map(|s| s.migrate_by).min());
    }
    let ended = || subs.iter().filter(|s| s.category == Category::AlreadyEnded);
    match ended().next() {
        Some(_) => (Urgency::Ended, ended().filter_map(|s| s.migrate_by).min()),
        None => (Urgency::NoAction, None),
    }
}

/// `auto_renew` in JSON: `true`, `false` or `null`.
mod auto_renew_json {
    use super::AutoRenew;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(v: &AutoRenew, s: S) -> Result<S::Ok, S::Error> {
        match v {
            AutoRenew::On => s.serialize_bool(true),
            AutoRenew::Off => s.serialize_bool(false),
            AutoRenew::Unknown => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<AutoRenew, D::Error> {
        Ok(match Option::<bool>::deserialize(d)? {
            Some(true) => AutoRenew::On,
            Some(false) => AutoRenew::Off,
            None => AutoRenew::Unknown,
        })
    }
}

/// `end_date` in JSON: `"YYYY-MM-DD"`, `"never"` or `null`.
mod end_date_json {
    use super::EndDate;
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(v: &EndDate, s: S) -> Result<S::Ok, S::Error> {
        match v {
            EndDate::On(d) => s.collect_str(&d),
            EndDate::Never => s.serialize_str("never"),
            EndDate::Unknown => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<EndDate, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(EndDate::Unknown),
            Some(s) if s == "never" => Ok(EndDate::Never),
            Some(s) => s
                .parse::<NaiveDate>()
                .map(EndDate::On)
                .map_err(D::Error::custom),
        }
    }
}
