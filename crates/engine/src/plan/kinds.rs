/*!
The kinds the planner sorts subscriptions and customers into: a
subscription's [`Category`], how pressing it is ([`Urgency`]) and which
rule chose a customer's replacement ([`Family`]).

Each kind has a fixed word for the exports (`as_str`); its label for
people is wording, written with the rest of the plan's wording in the
i18n module (`i18n/plan.rs`).
*/

use serde::{Deserialize, Serialize};

/// The category of a Kaizala Pro subscription, as classification finds
/// it (the rules are in `plan/classify.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Its end date is on or after the cutoff: it cannot renew.
    ExpiresAfterCutoff,
    /// It ends before the cutoff with auto-renew on: it renews one last
    /// time, then ends.
    RenewsOnceThenExpires,
    /// It ends before the cutoff with auto-renew off.
    ExpiresBeforeCutoff,
    /// It no longer serves users on the as-of date.
    AlreadyEnded,
    /// Suspended, deleted, disabled or locked out: nothing to migrate.
    Inactive,
    /// The export gives no end date (or says "never").
    UnknownEndDate,
}

impl Category {
    /// Every category, in the order of the plan's summary.
    pub(crate) const ALL: [Category; 6] = [
        Category::ExpiresAfterCutoff,
        Category::RenewsOnceThenExpires,
        Category::ExpiresBeforeCutoff,
        Category::AlreadyEnded,
        Category::Inactive,
        Category::UnknownEndDate,
    ];

    /// The word used in the JSON and CSV exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::ExpiresAfterCutoff => "expires-after-cutoff",
            Category::RenewsOnceThenExpires => "renews-once-then-expires",
            Category::ExpiresBeforeCutoff => "expires-before-cutoff",
            Category::AlreadyEnded => "already-ended",
            Category::Inactive => "inactive",
            Category::UnknownEndDate => "unknown-end-date",
        }
    }
}

/// How soon a subscription (or customer) must be migrated. Ordered from
/// most to least pressing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    /// `migrate_by` has passed: users have lost, or are losing, Kaizala Pro.
    Ended,
    /// 0 to 30 days left.
    #[serde(rename = "within-30-days")]
    Within30Days,
    /// 31 to 90 days left.
    #[serde(rename = "within-90-days")]
    Within90Days,
    /// More than 90 days left.
    Later,
    /// No end date known.
    Unknown,
    /// Nothing to migrate (inactive).
    NoAction,
}

impl Urgency {
    /// Every urgency, most pressing first.
    pub const ALL: [Urgency; 6] = [
        Urgency::Ended,
        Urgency::Within30Days,
        Urgency::Within90Days,
        Urgency::Later,
        Urgency::Unknown,
        Urgency::NoAction,
    ];

    /// Buckets `migrate_by − as_of`.
    pub fn from_days(days: i64) -> Urgency {
        match days {
            d if d < 0 => Urgency::Ended,
            0..=30 => Urgency::Within30Days,
            31..=90 => Urgency::Within90Days,
            _ => Urgency::Later,
        }
    }

    /// The word used in the exports and the app's style classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::Ended => "ended",
            Urgency::Within30Days => "within-30-days",
            Urgency::Within90Days => "within-90-days",
            Urgency::Later => "later",
            Urgency::Unknown => "unknown",
            Urgency::NoAction => "no-action",
        }
    }
}

/// Which rule chose the recommended plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// The customer's plans that include Kaizala cover every Kaizala Pro
    /// seat: buy nothing.
    Existing,
    /// The lowest-priced plan that fits is an education plan (Office 365
    /// A1) for an education customer.
    Education,
    /// The lowest-priced plan that fits is a frontline plan (Office 365
    /// F3) for a customer marked frontline.
    Frontline,
    /// The lowest-priced plan that fits is an enterprise plan (Office 365
    /// E1): Business Basic would hold more than 300 seats.
    Enterprise,
    /// The default, the lowest-priced plan that fits: Microsoft 365
    /// Business Basic.
    Business,
    /// The user chose the plan.
    Override,
}

impl Family {
    /// Every family, in the order of the plan's summary.
    pub(crate) const ALL: [Family; 6] = [
        Family::Existing,
        Family::Education,
        Family::Frontline,
        Family::Enterprise,
        Family::Business,
        Family::Override,
    ];

    /// The word used in the exports (the "rule" of a recommendation).
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Existing => "existing",
            Family::Education => "education",
            Family::Frontline => "frontline",
            Family::Enterprise => "enterprise",
            Family::Business => "business",
            Family::Override => "override",
        }
    }

    /// The anchor of this rule in `docs/rules.md` (`rules.md#<anchor>`).
    pub fn rule_anchor(self) -> &'static str {
        match self {
            Family::Existing => "family-existing",
            Family::Education => "family-education",
            Family::Frontline => "family-frontline",
            Family::Enterprise => "family-enterprise",
            Family::Business => "family-business",
            Family::Override => "family-override",
        }
    }
}
