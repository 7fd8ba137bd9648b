/*!
The planning engine: from imported subscriptions to one plan per customer.

[`build_plan`] is a pure function of the import and the [`Settings`]: no
clock (the as-of date is a setting), no randomness, and no dependence on
row order. Customers are grouped by [`Customer::key`] and sorted by name;
subscriptions are sorted by end date and id. [`PlanJob`] does the same
work a slice at a time, for a browser tab that must stay responsive.

Per customer with at least one Kaizala Pro standalone subscription
(see [`crate::catalog::is_kaizala_pro_standalone`]) the plan holds:

- each Kaizala Pro subscription, classified ([`classify`]);
- the customer's other active subscriptions that include Kaizala
  ([`Coverage`]);
- a [`Recommendation`] and its alternatives ([`recommend`](recommend));
- the A/B/C [`Checklist`], built on demand by [`Plan::checklist`];
- its [`Urgency`]: the most pressing of its subscriptions still running,
  or `ended` when all have ended.

Customers without a Kaizala Pro subscription are only counted, in the
[`Summary`].

Everything said to a person is stored twice: as data and as text in the
plan's language; [`Plan::relabel`] rewrites the texts in another language.
The checklist's texts are the exception: they are written when a
customer's checklist is asked for, in the plan's language.
*/

pub(crate) mod classify;
pub(crate) mod recommend;
pub mod text;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// A hash map with a fast hasher: these maps see every row.
type FxMap<K, V> = std::collections::HashMap<K, V, rustc_hash::FxBuildHasher>;
type FxSet<K> = std::collections::HashSet<K, rustc_hash::FxBuildHasher>;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::catalog::{
    is_kaizala_pro_standalone, kaizala_inclusion, Inclusion, KaizalaPlan, KnownProduct, PlanId,
};
use crate::checklist::{self, Checklist};
use crate::model::{AutoRenew, Customer, EndDate, SharedText, Status, Subscription};
use crate::model::{Format, Import, RejectedRow};

pub use classify::{classify, Classification, DEFAULT_TERM_MONTHS};
pub use recommend::{detect_education, BUSINESS_SEAT_CAP};
pub use text::{
    AltWhy, Assumption, Caveat, EducationSignal, Lang, Note, Reason, Render, Said, Text,
};

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
    /// Per customer, by [`Customer::key`].
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
}

/// The category of a Kaizala Pro subscription (see [`classify`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    ExpiresAfterCutoff,
    RenewsOnceThenExpires,
    ExpiresBeforeCutoff,
    AlreadyEnded,
    Inactive,
    UnknownEndDate,
}

impl Category {
    pub const ALL: [Category; 6] = [
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

    /// A short label for people.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Category::ExpiresAfterCutoff, Lang::En) => "ends after the cutoff",
            (Category::RenewsOnceThenExpires, Lang::En) => "renews once, then ends",
            (Category::ExpiresBeforeCutoff, Lang::En) => "ends before the cutoff",
            (Category::AlreadyEnded, Lang::En) => "already ended",
            (Category::Inactive, Lang::En) => "inactive",
            (Category::UnknownEndDate, Lang::En) => "end date unknown",
            (Category::ExpiresAfterCutoff, Lang::ZhTw) => "於截止日後到期",
            (Category::RenewsOnceThenExpires, Lang::ZhTw) => "再續訂一次後到期",
            (Category::ExpiresBeforeCutoff, Lang::ZhTw) => "於截止日前到期",
            (Category::AlreadyEnded, Lang::ZhTw) => "已結束",
            (Category::Inactive, Lang::ZhTw) => "非使用中",
            (Category::UnknownEndDate, Lang::ZhTw) => "到期日不明",
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

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Urgency::Ended, Lang::En) => "ended",
            (Urgency::Within30Days, Lang::En) => "within 30 days",
            (Urgency::Within90Days, Lang::En) => "within 90 days",
            (Urgency::Later, Lang::En) => "later",
            (Urgency::Unknown, Lang::En) => "date unknown",
            (Urgency::NoAction, Lang::En) => "nothing to do",
            (Urgency::Ended, Lang::ZhTw) => "已結束",
            (Urgency::Within30Days, Lang::ZhTw) => "30 天內",
            (Urgency::Within90Days, Lang::ZhTw) => "90 天內",
            (Urgency::Later, Lang::ZhTw) => "較晚",
            (Urgency::Unknown, Lang::ZhTw) => "日期不明",
            (Urgency::NoAction, Lang::ZhTw) => "無需處理",
        }
    }
}

/// Which rule chose the recommended plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    Existing,
    Education,
    Frontline,
    Enterprise,
    Business,
    Override,
}

impl Family {
    pub const ALL: [Family; 6] = [
        Family::Existing,
        Family::Education,
        Family::Frontline,
        Family::Enterprise,
        Family::Business,
        Family::Override,
    ];

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
}

/// The whole plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Version of this structure (and of the JSON export).
    pub schema: u32,
    pub as_of: NaiveDate,
    pub cutoff: NaiveDate,
    /// The language of every `text`, `title` and `reason`.
    pub lang: Lang,
    pub source: Source,
    /// Customers with at least one Kaizala Pro subscription.
    pub customers: Vec<CustomerPlan>,
    pub summary: Summary,
}

/// The plan's JSON schema version.
pub const SCHEMA_VERSION: u32 = 1;

/// What was read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub format: Option<Format>,
    pub encoding: String,
    pub rows_read: u64,
    pub rows_rejected: Vec<RejectedRow>,
    /// The importer's notes (assumptions, skipped lines).
    pub notes: Vec<crate::model::source::ImportNote>,
}

/// One customer's plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPlan {
    /// [`Customer::key`]: the key of [`Settings::customers`].
    pub key: String,
    /// `id`, `name`, `domain`, `qualification` as the export gives them.
    #[serde(flatten)]
    pub customer: Customer,
    pub display_name: String,
    /// The choices applied (defaults when the user made none).
    pub settings: CustomerSettings,
    /// Why the customer looks like a school, whatever the settings say.
    pub education_detected: Option<EducationSignal>,
    pub urgency: Urgency,
    /// The earliest `migrate_by` of its subscriptions still running (of
    /// its ended ones when none is running).
    pub migrate_by: Option<NaiveDate>,
    /// Seats of its Kaizala Pro subscriptions to migrate (not inactive),
    /// counting only the known ones.
    pub kaizala_seats: u32,
    /// Every subscription to migrate has a seat count.
    pub seats_known: bool,
    pub recommendation: Recommendation,
    pub alternatives: Vec<Alternative>,
    pub subscriptions: Vec<KaizalaSubscription>,
    pub coverage: Vec<Coverage>,
}

impl CustomerPlan {
    /// The customer's checklist, its texts in `lang` (see
    /// [`Plan::checklist`], which passes the plan's own date and language).
    ///
    /// Built on demand rather than stored: a plan of thousands of
    /// customers is shown one customer at a time, and writing every
    /// step's text up front was a third of the time `build_plan` took.
    pub fn checklist(&self, as_of: NaiveDate, lang: Lang) -> Checklist {
        checklist::build(
            &self.display_name,
            &self.recommendation,
            &self.subscriptions,
            self.seats_known.then_some(self.kaizala_seats),
            as_of,
            lang,
        )
    }

    /// The ids of the checklist's steps (`A`, `B`, `C` or `C1`, `C2`...),
    /// without building their texts: what ticking progress is counted on.
    pub fn step_ids(&self) -> Vec<String> {
        checklist::step_ids(&self.subscriptions)
    }
}

/// A classified Kaizala Pro standalone subscription.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KaizalaSubscription {
    pub id: SharedText,
    pub offer: SharedText,
    pub friendly_name: Option<SharedText>,
    pub sku: Option<SharedText>,
    pub seats: Option<u32>,
    pub status: Status,
    /// `true`, `false`, or `null` when the export does not say.
    #[serde(with = "auto_renew_json")]
    pub auto_renew: AutoRenew,
    /// `YYYY-MM-DD`, `"never"`, or `null` when unknown.
    #[serde(with = "end_date_json")]
    pub end_date: EndDate,
    pub term_months: Option<u16>,
    pub category: Category,
    /// The day the service stops (00:00 UTC).
    pub expires_on: Option<NaiveDate>,
    /// The last day users still have Kaizala Pro.
    pub migrate_by: Option<NaiveDate>,
    pub days_left: Option<i64>,
    pub urgency: Urgency,
    pub notes: Vec<Said<Note>>,
    /// Input lines the subscription came from.
    pub lines: Vec<u64>,
}

/// An active subscription of the customer that includes Kaizala.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    pub id: SharedText,
    /// The offer as exported.
    pub offer: SharedText,
    /// The product it was recognised as.
    pub product: Text,
    pub plan_id: Option<PlanId>,
    pub sku: Option<Text>,
    pub guid: Option<Text>,
    pub kaizala: Inclusion,
    pub seats: Option<u32>,
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
    pub caveats: Vec<Said<Caveat>>,
    pub assumptions: Vec<Said<Assumption>>,
}

/// Another plan worth a look.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alternative {
    pub plan_id: PlanId,
    pub plan: Text,
    pub sku: Text,
    pub guid: Text,
    pub why: Said<AltWhy>,
}

/// Figures for the overview.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Distinct customers in the file (subscriptions and customer list).
    pub customers_in_file: u64,
    pub customers_with_kaizala: u64,
    pub customers_without_kaizala: u64,
    pub kaizala_subscriptions: u64,
    /// Seats of all Kaizala Pro subscriptions (known ones).
    pub kaizala_seats: u64,
    /// Every category, in a fixed order, zeros included.
    pub by_category: Vec<CategoryTotal>,
    /// Customers per urgency, every urgency in order.
    pub by_urgency: Vec<UrgencyTotal>,
    /// Customers and licenses to buy per family.
    pub by_family: Vec<FamilyTotal>,
    /// Seats whose service stops in each month (`YYYY-MM`), for a
    /// timeline: every subscription with a known stop date but the
    /// inactive ones, including those that stopped before the as-of date
    /// (the timeline marks the as-of date, so they read as past).
    pub ending_by_month: Vec<MonthTotal>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryTotal {
    pub category: Category,
    pub subscriptions: u64,
    pub seats: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UrgencyTotal {
    pub urgency: Urgency,
    pub customers: u64,
    pub subscriptions: u64,
    pub seats: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyTotal {
    pub family: Family,
    pub customers: u64,
    /// Licenses to buy, where known.
    pub quantity: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthTotal {
    /// `YYYY-MM`.
    pub month: String,
    pub subscriptions: u64,
    pub seats: u64,
}

impl Plan {
    /// Rewrites every text in `lang`; the data is untouched.
    pub fn relabel(&mut self, lang: Lang) {
        self.lang = lang;
        for c in &mut self.customers {
            c.relabel(lang);
        }
    }

    /// A copy with every text in `lang`.
    pub fn in_lang(&self, lang: Lang) -> Plan {
        let mut p = self.clone();
        if p.lang != lang {
            p.relabel(lang);
        }
        p
    }

    /// A customer's checklist, dated from the plan's as-of date, in the
    /// plan's language.
    pub fn checklist(&self, customer: &CustomerPlan) -> Checklist {
        customer.checklist(self.as_of, self.lang)
    }

    /// The customer with this key.
    pub fn customer(&self, key: &str) -> Option<&CustomerPlan> {
        self.customers.iter().find(|c| c.key == key)
    }
}

impl CustomerPlan {
    fn relabel(&mut self, lang: Lang) {
        let r = &mut self.recommendation;
        r.reason = r.basis.render(lang);
        r.caveats.iter_mut().for_each(|c| c.relabel(lang));
        r.assumptions.iter_mut().for_each(|a| a.relabel(lang));
        self.alternatives
            .iter_mut()
            .for_each(|a| a.why.relabel(lang));
        for s in &mut self.subscriptions {
            s.notes.iter_mut().for_each(|n| n.relabel(lang));
        }
    }
}

/// The smallest non-empty value of a field across a customer's rows, so
/// that the shown name does not depend on row order.
fn merge_customer(rows: &[&Subscription]) -> Customer {
    fn least(
        rows: &[&Subscription],
        f: impl Fn(&Customer) -> Option<&SharedText>,
    ) -> Option<SharedText> {
        let (least, text) = rows
            .iter()
            .filter_map(|s| f(&s.customer))
            .map(|v| (v.trim(), v))
            .filter(|(v, _)| !v.is_empty())
            .min_by(|a, b| a.0.cmp(b.0))?;
        // Imported values are trimmed already, and then shared, not copied.
        Some(if least.len() == text.len() {
            text.clone()
        } else {
            least.into()
        })
    }
    Customer {
        id: least(rows, |c| c.id.as_ref()),
        name: least(rows, |c| c.name.as_ref()),
        domain: least(rows, |c| c.domain.as_ref()),
        qualification: least(rows, |c| c.qualification.as_ref()),
    }
}

/// Whether a non-Kaizala-Pro subscription still serves users on `as_of`.
fn is_live(s: &Subscription, as_of: NaiveDate) -> bool {
    if s.status.is_inactive() || s.status == Status::Expired {
        return false;
    }
    match s.end_date {
        EndDate::On(d) => d > as_of,
        EndDate::Never | EndDate::Unknown => true,
    }
}

fn sub_order(s: &KaizalaSubscription) -> impl Ord + '_ {
    (
        s.expires_on.is_none(),
        s.expires_on,
        &s.id,
        &s.offer,
        s.seats,
    )
}

/// A subscription with what the catalog says of it: is it Kaizala Pro
/// standalone, and which known product is it.
type Classified<'a> = (&'a Subscription, bool, Option<KnownProduct>);

/// The elements of `v`, moved into a vector of their exact length; `v`
/// keeps its room for the next customer (which `mem::take`, clippy's
/// advice, would hand to the plan instead).
#[allow(clippy::drain_collect)]
fn exact<T>(v: &mut Vec<T>) -> Vec<T> {
    v.drain(..).collect()
}

/// Vectors `PlanJob::plan_group` fills for each customer and empties
/// again, so that they are allocated once per slice.
#[derive(Default)]
struct Scratch<'a> {
    rows: Vec<Classified<'a>>,
    kaizala: Vec<KaizalaSubscription>,
    coverage: Vec<Coverage>,
}

/// Builds the plan. Pure and deterministic: the same import and settings
/// give the same plan, whatever the order of the rows. The same as running
/// a [`PlanJob`] to its end.
pub fn build_plan(import: &Import, settings: &Settings) -> Plan {
    PlanJob::new(import, settings).run()
}

/// A customer's key in parts, borrowed from the rows (see [`Customer::key_parts`]).
type KeyParts<'a> = Option<(&'static str, Cow<'a, str>)>;

/// [`build_plan`] a slice at a time, so that a browser tab stays
/// responsive while thousands of customers are planned (as
/// [`ImportJob`](crate::import::ImportJob) does for the import).
///
/// [`PlanJob::new`] classifies and groups the subscriptions (one pass
/// over them); each [`PlanJob::step`] plans a number of customers; the
/// last sorts them and adds up the summary.
///
/// ```
/// use kaizala_engine::import::{import, ImportOptions, ImportOutcome};
/// use kaizala_engine::plan::{build_plan, PlanJob, PlanProgress, Settings};
///
/// let csv = "Subscription ID,Subscription,Quantity,Status\n\
///            3f2c6a52-7d1e-4c55-9a60-2b1f6c0d8e11,Microsoft Kaizala Pro,25,Active\n";
/// let Ok(ImportOutcome::Ready(imp)) = import(csv.as_bytes(), &ImportOptions::default()) else { panic!() };
/// let settings = Settings::new(chrono::NaiveDate::from_ymd_opt(2020, 6, 1).unwrap());
/// let mut job = PlanJob::new(&imp, &settings);
/// let plan = loop {
///     match job.step(100) {
///         // Yield to the event loop here, then step again.
///         PlanProgress::Working { done, total } => assert!(done <= total),
///         PlanProgress::Done(plan) => break plan,
///         PlanProgress::Spent => unreachable!("the plan is given once"),
///     }
/// };
/// assert_eq!(plan, build_plan(&imp, &settings));
/// ```
pub struct PlanJob<'a> {
    import: &'a Import,
    settings: &'a Settings,
    /// Each subscription's group, and what the catalog says of it.
    classified: Vec<(usize, Classified<'a>)>,
    has_kaizala: Vec<bool>,
    /// The subscriptions of group `g` are `order[start[g]..start[g + 1]]`.
    start: Vec<usize>,
    order: Vec<usize>,
    keys: Vec<KeyParts<'a>>,
    customers_in_file: u64,
    /// The next group to plan.
    next: usize,
    customers: Vec<CustomerPlan>,
    tally: Tally,
    spent: bool,
}

/// Where a [`PlanJob`] stands after a step.
// Returned once per slice; boxing the plan would only add an unwrap.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum PlanProgress {
    /// More to do: `done` of `total` customers (with or without Kaizala
    /// Pro) looked at.
    Working { done: usize, total: usize },
    /// The plan, as [`build_plan`] gives it; given once.
    Done(Plan),
    /// The job gave its plan at an earlier step.
    Spent,
}

impl<'a> PlanJob<'a> {
    /// Classifies and groups the subscriptions; nothing is planned yet.
    pub fn new(import: &'a Import, settings: &'a Settings) -> PlanJob<'a> {
        // An export repeats a handful of products over thousands of rows, so
        // each (offer, SKU) is looked up once, and each (offer, nickname, SKU)
        // of an unknown product is tested for "Kaizala Pro" once. The same
        // answers as calling the catalog per row: a known product is never
        // standalone (see `is_kaizala_pro_standalone`).
        let mut known_products: FxMap<(&str, Option<&str>), Option<KnownProduct>> =
            FxMap::default();
        let mut standalone: FxMap<(&str, Option<&str>, Option<&str>), bool> = FxMap::default();
        // Grouped by key in first-seen order; the order does not show, since
        // customers are sorted by name and key at the end. The key is kept in
        // parts, borrowed from the rows, and written out only for customers
        // that are planned.
        let mut group_of: FxMap<KeyParts<'a>, usize> = FxMap::default();
        // Each subscription's group, then the subscriptions in group order (a
        // counting sort): no vector per customer, of which there are tens of
        // thousands in a large export.
        let mut classified: Vec<(usize, Classified)> =
            Vec::with_capacity(import.subscriptions.len());
        let mut has_kaizala: Vec<bool> = Vec::new();
        // Consecutive rows mostly repeat one product.
        let mut last: Option<(&Subscription, bool, Option<KnownProduct>)> = None;
        for s in &import.subscriptions {
            let (offer, friendly, sku) = (&*s.offer, s.friendly_name.as_deref(), s.sku.as_deref());
            let (is_standalone, known) = match last {
                Some((p, st, k))
                    if p.offer == s.offer
                        && p.friendly_name == s.friendly_name
                        && p.sku == s.sku =>
                {
                    (st, k)
                }
                _ => {
                    let known = *known_products
                        .entry((offer, sku))
                        .or_insert_with(|| kaizala_inclusion(offer, sku));
                    let is_standalone = known.is_none()
                        && *standalone
                            .entry((offer, friendly, sku))
                            .or_insert_with(|| is_kaizala_pro_standalone(offer, friendly, sku));
                    (is_standalone, known)
                }
            };
            // A customer's rows are mostly consecutive: the same customer as
            // the row before is the same group, without hashing its key.
            let g = match (last, classified.last()) {
                (Some((p, _, _)), Some(&(g, _))) if p.customer == s.customer => g,
                _ => *group_of.entry(s.customer.key_parts()).or_insert_with(|| {
                    has_kaizala.push(false);
                    has_kaizala.len() - 1
                }),
            };
            last = Some((s, is_standalone, known));
            has_kaizala[g] |= is_standalone;
            classified.push((g, (s, is_standalone, known)));
        }
        let groups = has_kaizala.len();
        let (start, order) =
            crate::sort::group_positions(groups, classified.iter().map(|&(g, _)| g));
        // Distinct keys of listed customers without subscriptions (filled by
        // `extend`: `collect` into a B-tree would link a sort; see `sort`).
        let mut listed_only: FxSet<KeyParts> = FxSet::default();
        listed_only.extend(
            import
                .customers
                .iter()
                .map(Customer::key_parts)
                .filter(|k| !group_of.contains_key(k)),
        );
        let customers_in_file = (groups + listed_only.len()) as u64;
        let mut keys: Vec<KeyParts<'a>> = vec![None; groups];
        for (k, g) in group_of {
            keys[g] = k;
        }
        PlanJob {
            import,
            settings,
            classified,
            has_kaizala,
            start,
            order,
            keys,
            customers_in_file,
            next: 0,
            customers: Vec::new(),
            tally: Tally::new(),
            spent: false,
        }
    }

    /// Plans up to `max_customers` more customers (at least one) of those
    /// in the file, or, once all are planned, sorts them and sums up.
    pub fn step(&mut self, max_customers: usize) -> PlanProgress {
        if self.spent {
            return PlanProgress::Spent;
        }
        let total = self.keys.len();
        let end = self.next.saturating_add(max_customers.max(1)).min(total);
        if self.next < total {
            let mut scratch = Scratch::default();
            for g in self.next..end {
                if let Some(c) = self.plan_group(g, &mut scratch) {
                    self.tally.add(&c);
                    self.customers.push(c);
                }
            }
            self.next = end;
            return PlanProgress::Working { done: end, total };
        }
        self.spent = true;
        let mut customers = std::mem::take(&mut self.customers);
        // Lower-cased once per customer, not once per comparison.
        crate::sort::sort_by_cached_key(&mut customers, |c| {
            (c.display_name.to_lowercase(), c.key.clone())
        });
        let tally = std::mem::replace(&mut self.tally, Tally::new());
        let summary = tally.summary(customers.len() as u64, self.customers_in_file);
        let (import, settings) = (self.import, self.settings);
        PlanProgress::Done(Plan {
            schema: SCHEMA_VERSION,
            as_of: settings.as_of,
            cutoff: settings.cutoff,
            lang: settings.lang,
            source: Source {
                format: import.report.format,
                encoding: import.report.encoding.clone(),
                rows_read: import.report.rows_read,
                rows_rejected: import.report.rejected.clone(),
                notes: import.report.notes.clone(),
            },
            customers,
            summary,
        })
    }

    /// Runs the job to its end.
    pub fn run(mut self) -> Plan {
        loop {
            if let PlanProgress::Done(plan) = self.step(usize::MAX) {
                return plan;
            }
        }
    }

    /// Plans group `g`, if it has a Kaizala Pro subscription. `scratch`
    /// holds vectors kept between calls.
    fn plan_group(&self, g: usize, scratch: &mut Scratch<'a>) -> Option<CustomerPlan> {
        // Most customers of a large export have no Kaizala Pro at all.
        if !self.has_kaizala[g] {
            return None;
        }
        let (settings, format, lang) =
            (self.settings, self.import.report.format, self.settings.lang);
        let Scratch {
            rows,
            kaizala,
            coverage,
        } = scratch;
        rows.clear();
        rows.extend(
            self.order[self.start[g]..self.start[g + 1]]
                .iter()
                .map(|&i| self.classified[i].1),
        );
        let key = match &self.keys[g] {
            Some((kind, folded)) => format!("{kind}:{folded}"),
            None => "unknown".to_string(),
        };
        kaizala.clear();
        coverage.clear();
        let mut ambiguous = BTreeSet::new();
        for &(s, is_standalone, known) in rows.iter() {
            if is_standalone {
                kaizala.push(kaizala_subscription(s, settings, format, lang));
                continue;
            }
            let Some(known) = known else { continue };
            if !is_live(s, settings.as_of) {
                continue;
            }
            if known.inclusion == Inclusion::Ambiguous {
                ambiguous.insert(s.offer.clone());
            } else if known.inclusion.includes_kaizala() {
                coverage.push(Coverage {
                    id: s.id.clone(),
                    offer: s.offer.clone(),
                    product: known.product.into(),
                    plan_id: known.plan,
                    sku: known.sku.map(Text::from),
                    guid: known.guid.map(Text::from),
                    kaizala: known.inclusion,
                    seats: s.seats,
                    status: s.status,
                });
            }
        }
        if kaizala.is_empty() {
            return None;
        }
        // Rows of one id with different values tie on `sub_order` up to
        // their lines; every other value breaks the tie first, so the
        // order of the file's rows never decides the order of the plan.
        crate::sort::sort_by(kaizala, |a, b| {
            sub_order(a).cmp(&sub_order(b)).then_with(|| {
                let values = |s: &KaizalaSubscription| {
                    format!(
                        "{:?}",
                        KaizalaSubscription {
                            lines: Vec::new(),
                            ..s.clone()
                        }
                    )
                };
                values(a)
                    .cmp(&values(b))
                    .then_with(|| a.lines.cmp(&b.lines))
            })
        });
        // Ties (one id on rows with other values) fall to every value, so
        // that the rows' order never shows.
        crate::sort::sort_by(coverage, |a, b| {
            (&a.product, &a.id, a.seats)
                .cmp(&(&b.product, &b.id, b.seats))
                .then_with(|| format!("{a:?}").cmp(&format!("{b:?}")))
        });

        let subscriptions: Vec<&Subscription> = rows.iter().map(|(s, _, _)| *s).collect();
        let customer = merge_customer(&subscriptions);
        let display_name = customer.display_name().to_string();
        let no_settings = CustomerSettings::default();
        let cs = settings.customers.get(&key).unwrap_or(&no_settings);
        let to_migrate: Vec<&KaizalaSubscription> = kaizala
            .iter()
            .filter(|s| s.category != Category::Inactive)
            .collect();
        let kaizala_seats = to_migrate
            .iter()
            .filter_map(|s| s.seats)
            .fold(0u32, u32::saturating_add);
        let seats_known = to_migrate.iter().all(|s| s.seats.is_some());
        let ambiguous: Vec<SharedText> = ambiguous.into_iter().collect();
        let education_detected = detect_education(&customer);
        let facts = recommend::Facts {
            detected: &education_detected,
            settings: cs,
            kaizala_seats,
            seats_known,
            coverage,
            ambiguous: &ambiguous,
        };
        let (recommendation, mut alternatives) = recommend::recommend(&facts, lang);
        let (urgency, migrate_by) = customer_urgency(kaizala);
        // A vector grows to room for four on its first push, and most
        // customers have one or two of each: with 12,220 customers the
        // spare room was 12 of the plan's 32 MB. Each list is moved out at
        // its length: the subscriptions and coverage from the scratch
        // vectors, the alternatives from the vector `recommend` grew
        // (shrinking each in place instead cost 4 ms of 27 natively).
        Some(CustomerPlan {
            key,
            education_detected,
            customer,
            display_name,
            settings: cs.clone(),
            urgency,
            migrate_by,
            kaizala_seats,
            seats_known,
            recommendation,
            alternatives: exact(&mut alternatives),
            subscriptions: exact(kaizala),
            coverage: exact(coverage),
        })
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

fn kaizala_subscription(
    s: &Subscription,
    settings: &Settings,
    format: Option<Format>,
    lang: Lang,
) -> KaizalaSubscription {
    let c = classify(s, settings.as_of, settings.cutoff, format);
    KaizalaSubscription {
        id: s.id.clone(),
        offer: s.offer.clone(),
        friendly_name: s.friendly_name.clone(),
        sku: s.sku.clone(),
        seats: s.seats,
        status: s.status,
        auto_renew: s.auto_renew,
        end_date: s.end_date,
        term_months: s.term_months,
        category: c.category,
        expires_on: c.expires_on,
        migrate_by: c.migrate_by,
        days_left: c.days_left,
        urgency: c.urgency,
        notes: c.notes.into_iter().map(|n| Said::new(n, lang)).collect(),
        lines: s.lines.clone(),
    }
}

/// The plan's totals, counted as each customer is planned, while its
/// plan is still in the cache: a pass over all plans at the end reached
/// for memory scattered over megabytes.
struct Tally {
    by_category: BTreeMap<Category, (u64, u64)>,
    by_urgency: BTreeMap<Urgency, (u64, u64, u64)>,
    by_family: BTreeMap<Family, (u64, u64)>,
    by_month: BTreeMap<(i32, u32), (u64, u64)>,
    subscriptions: u64,
    seats: u64,
}

impl Tally {
    fn new() -> Tally {
        // Filled by extend (one insert each): collecting into a BTreeMap
        // sorts first, with a copy of the standard sort per key type in
        // the wasm.
        let mut by_category = BTreeMap::new();
        by_category.extend(Category::ALL.map(|c| (c, (0, 0))));
        let mut by_urgency = BTreeMap::new();
        by_urgency.extend(Urgency::ALL.map(|u| (u, (0, 0, 0))));
        let mut by_family = BTreeMap::new();
        by_family.extend(Family::ALL.map(|f| (f, (0, 0))));
        Tally {
            by_category,
            by_urgency,
            by_family,
            by_month: BTreeMap::new(),
            subscriptions: 0,
            seats: 0,
        }
    }

    fn add(&mut self, c: &CustomerPlan) {
        let u = self.by_urgency.entry(c.urgency).or_default();
        u.0 += 1;
        let f = self.by_family.entry(c.recommendation.family).or_default();
        f.0 += 1;
        f.1 += u64::from(c.recommendation.quantity.unwrap_or(0));
        for s in &c.subscriptions {
            let n = u64::from(s.seats.unwrap_or(0));
            self.subscriptions += 1;
            self.seats += n;
            let e = self.by_category.entry(s.category).or_default();
            e.0 += 1;
            e.1 += n;
            let u = self.by_urgency.entry(s.urgency).or_default();
            u.1 += 1;
            u.2 += n;
            let charted = s.category != Category::Inactive;
            if let (true, Some(d)) = (charted, s.expires_on) {
                let m = self.by_month.entry((d.year(), d.month())).or_default();
                m.0 += 1;
                m.1 += n;
            }
        }
    }

    fn summary(self, customers_with_kaizala: u64, customers_in_file: u64) -> Summary {
        Summary {
            customers_in_file,
            customers_with_kaizala,
            customers_without_kaizala: customers_in_file.saturating_sub(customers_with_kaizala),
            kaizala_subscriptions: self.subscriptions,
            kaizala_seats: self.seats,
            by_category: self
                .by_category
                .into_iter()
                .map(|(category, (subscriptions, seats))| CategoryTotal {
                    category,
                    subscriptions,
                    seats,
                })
                .collect(),
            by_urgency: self
                .by_urgency
                .into_iter()
                .map(
                    |(urgency, (customers, subscriptions, seats))| UrgencyTotal {
                        urgency,
                        customers,
                        subscriptions,
                        seats,
                    },
                )
                .collect(),
            by_family: self
                .by_family
                .into_iter()
                .map(|(family, (customers, quantity))| FamilyTotal {
                    family,
                    customers,
                    quantity,
                })
                .collect(),
            ending_by_month: self
                .by_month
                .into_iter()
                .map(|((y, m), (subscriptions, seats))| MonthTotal {
                    month: format!("{y:04}-{m:02}"),
                    subscriptions,
                    seats,
                })
                .collect(),
        }
    }
}

/// `auto_renew` in JSON: `true`, `false` or `null`.
mod auto_renew_json {
    use super::AutoRenew;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &AutoRenew, s: S) -> Result<S::Ok, S::Error> {
        match v {
            AutoRenew::On => s.serialize_bool(true),
            AutoRenew::Off => s.serialize_bool(false),
            AutoRenew::Unknown => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<AutoRenew, D::Error> {
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

    pub fn serialize<S: Serializer>(v: &EndDate, s: S) -> Result<S::Ok, S::Error> {
        match v {
            EndDate::On(d) => s.collect_str(&d),
            EndDate::Never => s.serialize_str("never"),
            EndDate::Unknown => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<EndDate, D::Error> {
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
