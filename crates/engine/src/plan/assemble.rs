/*!
One customer's plan from its rows: its Kaizala Pro subscriptions
classified, the plans it has that include Kaizala, the recommendation, and
its urgency. Nothing here depends on the order of the rows: every list is
sorted on all of its values, and every customer field is the least of its
rows'.
*/

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::catalog::{Inclusion, KnownProduct};
use crate::i18n::{Lang, Text};
use crate::model::{
    names_a_trial, Customer, EndDate, Format, SharedText, Status, Subscription, UsersList,
};
use crate::order;

use super::classify::classify;
use super::customer::{customer_urgency, Coverage, CustomerPlan, KaizalaSubscription, NotCounted};
use super::kinds::Category;
use super::meaning::{NotCountedWhy, Said};
use super::recommend::{self, detect_education};
use super::settings::{CustomerSettings, Settings};
use super::users::{plan_users, users_of};

/// Plans one customer from its rows (in `scratch.rows`), if it has a
/// Kaizala Pro subscription. `key` is its [`Customer::key`]; `scratch`
/// holds vectors kept between customers.
pub(crate) fn customer_plan<'a>(
    key: String,
    settings: &Settings,
    format: Option<Format>,
    users: &[UsersList],
    scratch: &mut Scratch<'a>,
) -> Option<CustomerPlan> {
    let lang = settings.lang;
    let Scratch {
        rows,
        kaizala,
        coverage,
    } = scratch;
    kaizala.clear();
    coverage.clear();
    let mut not_counted = Vec::new();
    let mut ambiguous = BTreeSet::new();
    for &(s, is_standalone, known) in rows.iter() {
        if is_standalone {
            kaizala.push(kaizala_subscription(s, settings, format, lang));
            continue;
        }
        let Some(known) = known else { continue };
        if known.inclusion == Inclusion::Ambiguous {
            if is_live(s, settings.as_of) {
                ambiguous.insert(s.offer.clone());
            }
            continue;
        }
        if !known.inclusion.includes_kaizala() {
            continue;
        }
        let cover = Coverage {
            id: s.id.clone(),
            offer: s.offer.clone(),
            product: known.product.into(),
            plan_id: known.plan,
            sku: known.sku.map(Text::from),
            guid: known.guid.map(Text::from),
            kaizala: known.inclusion,
            seats: s.seats,
            status: s.status,
        };
        match not_counted_why(s, &known, settings.as_of) {
            None => coverage.push(cover),
            Some(why) => not_counted.push(left_out(cover, why, lang)),
        }
    }
    // A service plan's row (KAIZALA_STANDALONE, ...) is the Kaizala part
    // of some bundle: when a bundle with that service plan is counted, the
    // row's seats are already in it. Such rows are rare, so the common
    // case allocates nothing here.
    if coverage.iter().any(|c| c.sku.is_none()) {
        let bundles: Vec<Inclusion> = coverage
            .iter()
            .filter(|c| c.sku.is_some())
            .map(|c| c.kaizala)
            .collect();
        let (parts, kept): (Vec<Coverage>, Vec<Coverage>) = coverage
            .drain(..)
            .partition(|c| c.sku.is_none() && bundles.contains(&c.kaizala));
        coverage.extend(kept);
        not_counted.extend(
            parts
                .into_iter()
                .map(|c| left_out(c, NotCountedWhy::PartOfBundle, lang)),
        );
    }
    order::sort_by(&mut not_counted, |a, b| {
        (&a.product, &a.id, a.seats)
            .cmp(&(&b.product, &b.id, b.seats))
            .then_with(|| format!("{a:?}").cmp(&format!("{b:?}")))
    });
    if kaizala.is_empty() {
        return None;
    }
    // Rows of one id with different values tie on `sub_order` up to
    // their lines; every other value breaks the tie first, so the
    // order of the file's rows never decides the order of the plan.
    order::sort_by(kaizala, |a, b| {
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
    order::sort_by(coverage, |a, b| {
        (&a.product, &a.id, a.seats)
            .cmp(&(&b.product, &b.id, b.seats))
            .then_with(|| format!("{a:?}").cmp(&format!("{b:?}")))
    });

    let subscriptions: Vec<&Subscription> = rows.iter().map(|(s, _, _)| *s).collect();
    let customer = merge_customer(&subscriptions);
    let display_name = customer.display_name().to_string();
    let no_settings = CustomerSettings::default();
    let cs = settings.customers.get(&key).unwrap_or(&no_settings);
    let running = || kaizala.iter().filter(|s| s.category != Category::Inactive);
    let to_migrate: Vec<&KaizalaSubscription> = running()
        .filter(|s| cs.include_trials || !s.trial)
        .collect();
    let trial_seats = running()
        .filter(|s| s.trial)
        .filter_map(|s| s.seats)
        .fold(0u32, u32::saturating_add);
    let kaizala_seats = to_migrate
        .iter()
        .filter_map(|s| s.seats)
        .fold(0u32, u32::saturating_add);
    let seats_known = to_migrate.iter().all(|s| s.seats.is_some());
    let ambiguous: Vec<SharedText> = ambiguous.into_iter().collect();
    let education_detected = detect_education(&customer);
    let users = users_of(&key, &customer, users)
        .map(|list| plan_users(list, seats_known.then_some(kaizala_seats)));
    let facts = recommend::Facts {
        detected: &education_detected,
        qualification: customer.qualification.as_deref(),
        settings: cs,
        kaizala_seats,
        seats_known,
        trial_seats,
        coverage,
        ambiguous: &ambiguous,
        users: users.as_ref(),
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
        trial_seats,
        seats_known,
        recommendation,
        alternatives: exact(&mut alternatives),
        subscriptions: exact(kaizala),
        coverage: exact(coverage),
        not_counted,
        users,
    })
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
        trial: is_trial(s),
        if_renewed: c.if_renewed,
        category: c.category,
        expires_on: c.expires_on,
        migrate_by: c.migrate_by,
        days_left: c.days_left,
        urgency: c.urgency,
        notes: c.notes.into_iter().map(|n| Said::new(n, lang)).collect(),
        lines: s.lines.clone(),
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
        reseller_mpn_id: least(rows, |c| c.reseller_mpn_id.as_ref()),
    }
}

/// A trial: the export says so (`IsTrial`), or its offer or nickname has
/// the word "Trial".
fn is_trial(s: &Subscription) -> bool {
    s.trial || names_a_trial(&s.offer) || s.friendly_name.as_deref().is_some_and(names_a_trial)
}

/// Why a subscription of a plan that includes Kaizala does not count as
/// covering Kaizala Pro users; `None` when it counts. Only active, paid
/// licenses for people count: a trial may end before the users move, an
/// unattended (RPA) license is for a bot, and a student use benefit is
/// for students, not the staff who use Kaizala Pro.
fn not_counted_why(
    s: &Subscription,
    known: &KnownProduct,
    as_of: NaiveDate,
) -> Option<NotCountedWhy> {
    if s.status.is_inactive() || s.status == Status::Expired {
        return Some(NotCountedWhy::Inactive);
    }
    if !is_live(s, as_of) {
        return Some(NotCountedWhy::Ended);
    }
    if is_trial(s) {
        return Some(NotCountedWhy::Trial);
    }
    // Every name the row and the catalog give it, in one lower-case text.
    let names = [
        Some(&*s.offer),
        s.sku.as_deref(),
        known.sku,
        Some(known.product),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("\n")
    .to_lowercase();
    if names.contains("_rpa") || names.contains("unattended") {
        Some(NotCountedWhy::Unattended)
    } else if names.contains("stuusebnft")
        || names.contains("students use benefit")
        || names.contains("student use benefit")
    {
        Some(NotCountedWhy::StudentUseBenefit)
    } else {
        None
    }
}

fn left_out(c: Coverage, why: NotCountedWhy, lang: Lang) -> NotCounted {
    NotCounted {
        id: c.id,
        offer: c.offer,
        product: c.product,
        seats: c.seats,
        why: Said::new(why, lang),
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
pub(crate) type Classified<'a> = (&'a Subscription, bool, Option<KnownProduct>);

/// The elements of `v`, moved into a vector of their exact length; `v`
/// keeps its room for the next customer (which `mem::take`, clippy's
/// advice, would hand to the plan instead).
#[allow(clippy::drain_collect)]
fn exact<T>(v: &mut Vec<T>) -> Vec<T> {
    v.drain(..).collect()
}

/// Vectors [`customer_plan`] fills for each customer and empties
/// again, so that they are allocated once per slice.
#[derive(Default)]
pub(crate) struct Scratch<'a> {
    pub(crate) rows: Vec<Classified<'a>>,
    kaizala: Vec<KaizalaSubscription>,
    coverage: Vec<Coverage>,
}
