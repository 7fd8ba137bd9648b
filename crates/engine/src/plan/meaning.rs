/*!
What the planner means when it says something to a person, as data: why
a plan was chosen ([`Reason`]), what to know before following it
([`Caveat`], [`Assumption`]), a remark on a subscription's dates
([`Note`]), why an alternative is worth a look ([`AltWhy`]) and why a
customer looks like a school ([`EducationSignal`]).

The plan keeps each meaning next to its text in the plan's language
([`Said`]), so the app can write a whole plan again in another language
([`Plan::relabel`](crate::plan::Plan::relabel)) without planning again,
and the JSON export carries both: a program acts on the data, a person
reads the text. The sentences themselves are in the i18n module
(`i18n/plan.rs`), which reads these types; nothing here reads it.
*/

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Render, Text};
use crate::model::Format;

/// A piece of structured meaning and its text in the plan's language.
///
/// Serialised flat: the meaning's `kind` and fields, then `text`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Said<T> {
    /// The meaning.
    #[serde(flatten)]
    pub what: T,
    /// The meaning in words, in the plan's language.
    pub text: Text,
}

impl<T: Render> Said<T> {
    /// The meaning `what` with its text in `lang`.
    pub(crate) fn new(what: T, lang: Lang) -> Self {
        let text = what.render(lang);
        Said { what, text }
    }

    /// Writes the text again in `lang`.
    pub(crate) fn relabel(&mut self, lang: Lang) {
        self.text = self.what.render(lang);
    }
}

/// Why a customer is taken to be an education customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum EducationSignal {
    /// An education domain (`.edu`, `.edu.tw`, `.ac.uk`, ...).
    Domain {
        /// The domain as exported.
        domain: String,
    },
    /// A school word in the name ("University", "大學", ...).
    Name {
        /// The word found.
        word: String,
    },
    /// The export's qualification column says Education.
    Qualification,
    /// The user said so.
    UserChoice,
}

/// Why the recommended plan was chosen (one per family).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Reason {
    /// The customer has `plan` already, on `covered_seats` seats; buy
    /// `quantity` more of it (`None`: unknown).
    Existing {
        /// The plan's name.
        plan: Text,
        /// Its seats.
        covered_seats: u32,
        /// How many more to buy.
        quantity: Option<u32>,
    },
    /// The customer looks like a school, for this reason.
    Education {
        /// Why.
        signal: EducationSignal,
    },
    /// The user marked the customer as frontline.
    Frontline,
    /// More Kaizala Pro seats than a Business plan holds.
    Enterprise {
        /// The Kaizala Pro seats.
        seats: u32,
    },
    /// The default rule; `seats` is `None` when some seat count is unknown.
    Business {
        /// The Kaizala Pro seats.
        seats: Option<u32>,
    },
    /// The user chose `plan`.
    Override {
        /// The plan's name.
        plan: Text,
    },
}

/// Something to know before following the recommendation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Caveat {
    /// Business Basic: SKU list and service description disagree.
    BusinessBasicListing,
    /// Education plans are sold to verified schools only.
    EducationEligibility,
    /// F3 is only for frontline users.
    FrontlineEligibility,
    /// More seats than a Business plan may have.
    BusinessSeatCap {
        /// The Business plan's name.
        plan: Text,
        /// The seats to cover.
        seats: u32,
    },
    /// Microsoft 365 A1 is a device license without Kaizala.
    DeviceLicenseOnly,
}

/// An assumption behind the quantity to buy, which the user can change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Assumption {
    /// Quantity = Kaizala Pro seats minus seats of plans with Kaizala.
    SeatsCovered {
        /// The Kaizala Pro seats to migrate.
        kaizala_seats: u32,
        /// The seats of the plans that include Kaizala.
        covered_seats: u32,
    },
    /// The user set the seats to cover.
    SeatsOverride {
        /// The seats the user set.
        seats: u32,
    },
    /// Some Kaizala Pro subscription has no quantity in the export.
    SeatsUnknown,
    /// A subscription whose name fits a product with Kaizala and one
    /// without; not counted as coverage.
    AmbiguousCoverage {
        /// The offer as exported.
        offer: String,
    },
}

/// A remark on one Kaizala Pro subscription's dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Note {
    /// The export does not say whether it auto-renews, and it ends before
    /// the cutoff: the plan's dates come from the end date in the file;
    /// had it been set to renew, it would serve users until `if_renewed`.
    AutoRenewUnknown {
        /// The day the service would stop if it renewed (00:00 UTC).
        if_renewed: NaiveDate,
    },
    /// The export does not say whether it auto-renews, and its end date
    /// has passed: it ended, unless it was set to renew, in which case it
    /// serves users until `if_renewed`.
    EndedUnlessRenewed {
        /// The day the service would stop if it renewed (00:00 UTC).
        if_renewed: NaiveDate,
    },
    /// Term unknown: one year was assumed.
    TermAssumed,
    /// No end date in this export.
    EndDateMissing {
        /// The export's format, which says where the dates are.
        format: Option<Format>,
    },
    /// The export marks it as never ending.
    EndDateNever,
    /// The export's status is "expired".
    ExpiredStatus,
    /// End date plus term is past the last date the calendar holds.
    TermOverflow,
}

/// Why an alternative plan is worth a look.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum AltWhy {
    /// Its SKU lists a Kaizala plan (the sure choice over Business Basic).
    SkuListsKaizala,
    /// Same Kaizala, more of Microsoft 365 (desktop apps, security, ...).
    FullerSuite,
    /// Office 365 F3: Kaizala for frontline users without Windows and
    /// device management.
    OfficeOnly,
    /// Microsoft 365 A1: per-device, paired with Office 365 A1.
    PairedDevice,
    /// What the default rules pick (shown when the user chose a plan, or
    /// when an existing plan was preferred).
    DefaultRule {
        /// The rule's word ([`Family::as_str`](crate::plan::Family::as_str)).
        family: Text,
    },
}
