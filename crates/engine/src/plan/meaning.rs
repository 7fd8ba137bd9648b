/*!
What the planner means when it says something to a person, as data: why
a plan was chosen ([`Reason`]), what to know before following it
([`Caveat`], [`Assumption`]), a remark on a subscription's dates
([`Note`]), why an alternative is worth a look ([`AltWhy`]), why a
customer looks like a school ([`EducationSignal`]) and why a plan that
includes Kaizala was not counted ([`NotCountedWhy`]).

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
use crate::model::{Format, SharedText};

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
    /// The customer's plans that include Kaizala (`plan` the largest of
    /// them) have `covered_seats` seats, enough for every Kaizala Pro
    /// seat: nothing to buy.
    Existing {
        /// The largest covering plan's name.
        plan: Text,
        /// The seats of every covering plan.
        covered_seats: u32,
    },
    /// The customer looks like a school, for this reason.
    Education {
        /// Why.
        signal: EducationSignal,
    },
    /// The user marked the customer as frontline.
    Frontline,
    /// A Business plan would hold `seats` seats (those the customer has of
    /// it and those to buy), more than the 300 it may hold.
    Enterprise {
        /// The seats Business Basic would hold.
        seats: u32,
    },
    /// The default rule: Business Basic would hold `seats` seats (`None`
    /// when some seat count is unknown), within its cap.
    Business {
        /// The seats Business Basic would hold.
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
    /// The customer looks like a school, but the export's qualification
    /// column says `qualification`, not Education: no A plan until
    /// Microsoft verifies it.
    EducationNotVerified {
        /// The qualification as exported ("None", "Commercial", ...).
        qualification: String,
    },
    /// The customer pays for more Kaizala Pro seats than its users hold:
    /// reduce them before the end date where the subscription allows.
    UnassignedSeats {
        /// Seats nobody holds.
        seats: u32,
        /// Users who hold Kaizala Pro.
        holders: u32,
    },
    /// The users file names licenses the catalog does not know: a user
    /// who holds only those is counted as needing a license.
    UnknownLicenses {
        /// The names, as the file gives them.
        names: Vec<String>,
    },
}

impl Caveat {
    /// The anchor of this caveat's rule in `docs/rules.md`
    /// (`rules.md#<anchor>`).
    pub fn rule_anchor(&self) -> &'static str {
        match self {
            Caveat::BusinessBasicListing => "caveat-business-basic",
            Caveat::EducationEligibility => "caveat-education-eligibility",
            Caveat::FrontlineEligibility => "caveat-frontline-eligibility",
            Caveat::BusinessSeatCap { .. } => "caveat-business-seat-cap",
            Caveat::DeviceLicenseOnly => "caveat-device-license",
            Caveat::EducationNotVerified { .. } => "caveat-education-not-verified",
            Caveat::UnassignedSeats { .. } => "users-unassigned-seats",
            Caveat::UnknownLicenses { .. } => "users-unknown-licenses",
        }
    }
}

/// An assumption behind the quantity to buy, which the user can change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Assumption {
    /// The `seats` seats of the customer's `plan` (subscription
    /// `subscription_id`), which includes Kaizala, were taken to belong to
    /// Kaizala Pro users and subtracted from the seats to buy.
    CoverageOverlap {
        /// The covering plan's name.
        plan: Text,
        /// Its subscription id as exported.
        subscription_id: SharedText,
        /// Its seats.
        seats: u32,
    },
    /// `seats` seats of Kaizala Pro trials are left out of the seats to
    /// buy (the user can include them).
    TrialSeatsLeftOut {
        /// The trials' seats.
        seats: u32,
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
    /// The licenses to buy were counted from the customer's users file:
    /// its users who hold Kaizala Pro and no plan that includes Kaizala.
    FromUsers {
        /// The users file's name, when known.
        file: Option<String>,
        /// Users who hold Kaizala Pro.
        holders: u32,
        /// Of those, the users with no plan that includes Kaizala.
        to_license: u32,
    },
}

impl Assumption {
    /// The anchor of this assumption's rule in `docs/rules.md`.
    pub fn rule_anchor(&self) -> &'static str {
        match self {
            Assumption::CoverageOverlap { .. } => "assumption-overlap",
            Assumption::TrialSeatsLeftOut { .. } => "assumption-trial-seats",
            Assumption::SeatsOverride { .. } => "assumption-seats-override",
            Assumption::SeatsUnknown => "assumption-seats-unknown",
            Assumption::AmbiguousCoverage { .. } => "assumption-ambiguous-coverage",
            Assumption::FromUsers { .. } => "users-quantity",
        }
    }
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
    /// Microsoft 365 F3: the frontline plan with Windows and device
    /// management besides Kaizala.
    FrontlineSuite,
    /// Office 365 E1: the lowest-priced plan whose own SKU data lists a
    /// Kaizala service plan (the sure choice over Business Basic).
    CheapestListed,
    /// Add `seats` seats to the customer's subscription `subscription_id`
    /// of `plan` instead of buying another plan.
    TopUp {
        /// The plan's name.
        plan: Text,
        /// The subscription to raise, as exported.
        subscription_id: SharedText,
        /// The seats to add (`None`: unknown).
        seats: Option<u32>,
    },
    /// Microsoft 365 A1: per-device, paired with Office 365 A1.
    PairedDevice,
    /// What the default rules pick (shown when the user chose a plan).
    DefaultRule {
        /// The rule's word ([`Family::as_str`](crate::plan::Family::as_str)).
        family: Text,
    },
}

/// Why a subscription of a plan that includes Kaizala is not counted as
/// covering Kaizala Pro users (see `CustomerPlan::not_counted`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum NotCountedWhy {
    /// A trial: not paid, and it may end before the users move.
    Trial,
    /// An unattended (RPA) license: for a bot, not a person.
    Unattended,
    /// A student use benefit: for students, not the staff who use
    /// Kaizala Pro.
    StudentUseBenefit,
    /// Suspended, deleted, disabled, locked out or expired.
    Inactive,
    /// Its end date is on or before the as-of date.
    Ended,
    /// A Kaizala service plan row of a bundle the export also lists, so
    /// its seats are already counted with the bundle.
    PartOfBundle,
}
