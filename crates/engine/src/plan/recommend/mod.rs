/*!
The per-customer recommendation: which replacement plan to buy, how many,
and why. `docs/rules.md` states each rule with its source.

# The seats to buy

The user's "seats to cover" when set; otherwise the Kaizala Pro seats of
the subscriptions still to migrate (not inactive, not trials unless the
user includes them) minus the seats of the customer's plans that include
Kaizala and count as coverage (active, paid, for people: see
`plan/assemble.rs`). Subtracting assumes every seat of those plans
belongs to a Kaizala Pro user; the plan says so per subscription, so the
user can correct it. Unknown seat counts make the quantity unknown.

# The plan

First match wins (the `family` word in parentheses):

0. (`override`) the user chose a plan for this customer;
1. (`existing`) the customer's plans that include Kaizala cover every
   Kaizala Pro seat: buy nothing;
2. otherwise the lowest-priced plan that includes Kaizala and fits the
   customer, for the seats not covered ([`pick::cheapest`]): Business
   plans while that plan's seats (held and bought) stay within 300,
   enterprise plans always, education plans for an education customer
   ([`education::education_of`]), frontline plans for a customer marked
   frontline. The family is the chosen plan's group: `education` (Office
   365 A1), `frontline` (Office 365 F3), `business` (Business Basic, with
   its caveat) or `enterprise` (Office 365 E1).

When the plan to buy is one the customer already holds, the
recommendation names the subscription whose quantity to raise
([`Recommendation::raise`]); topping up any other plan the customer
holds is offered as an alternative.
*/

mod education;
mod pick;

pub use education::detect_education;

use crate::catalog::{Inclusion, PlanId, Suite};
use crate::i18n::Lang;
use crate::model::SharedText;

use super::customer::{Alternative, Coverage, Raise, Recommendation};
use super::kinds::Family;
use super::meaning::{AltWhy, Assumption, Caveat, EducationSignal, Reason, Said};
use super::settings::CustomerSettings;
use super::users::UsersPlan;

/// The inputs of one customer's recommendation.
pub(crate) struct Facts<'a> {
    /// What [`detect_education`] says of the customer.
    pub(crate) detected: &'a Option<EducationSignal>,
    /// The export's qualification column for the customer.
    pub(crate) qualification: Option<&'a str>,
    pub(crate) settings: &'a CustomerSettings,
    /// Seats of the Kaizala Pro subscriptions to migrate (known ones).
    pub(crate) kaizala_seats: u32,
    /// Every such subscription has a seat count.
    pub(crate) seats_known: bool,
    /// Seats of Kaizala Pro trials (known ones), whether or not counted.
    pub(crate) trial_seats: u32,
    /// The customer's plans that include Kaizala and count as coverage.
    pub(crate) coverage: &'a [Coverage],
    /// Coverage-like subscriptions not counted (ambiguous names).
    pub(crate) ambiguous: &'a [SharedText],
    /// The customer's users, when a users file for its tenant is in the
    /// workspace: then they, not the seats, say how many to buy.
    pub(crate) users: Option<&'a UsersPlan>,
}

impl Facts<'_> {
    /// The seats the customer holds of `plan` (counted coverage only).
    fn held(&self, plan: PlanId) -> u32 {
        self.coverage
            .iter()
            .filter(|c| c.plan_id == Some(plan))
            .filter_map(|c| c.seats)
            .fold(0u32, u32::saturating_add)
    }

    /// The customer's subscription of `plan` to raise: the one with the
    /// most seats, then the least id, so row order never decides.
    fn main_subscription(&self, plan: PlanId) -> Option<&Coverage> {
        self.coverage
            .iter()
            .filter(|c| c.plan_id == Some(plan))
            .max_by(|a, b| {
                a.seats
                    .unwrap_or(0)
                    .cmp(&b.seats.unwrap_or(0))
                    .then_with(|| b.id.cmp(&a.id))
            })
    }
}

fn alternative(plan: PlanId, why: AltWhy, lang: Lang) -> Alternative {
    let p = plan.plan();
    Alternative {
        plan_id: plan,
        plan: p.name.into(),
        sku: p.sku.into(),
        guid: p.guid.into(),
        why: Said::new(why, lang),
    }
}

/// The family of a plan the rules chose by price.
fn family_of(plan: PlanId) -> Family {
    match plan.plan().suite {
        Suite::Business => Family::Business,
        Suite::Enterprise => Family::Enterprise,
        Suite::Frontline => Family::Frontline,
        Suite::Education => Family::Education,
    }
}

/// Recommends a plan and its alternatives for one customer.
pub(crate) fn recommend(f: &Facts<'_>, lang: Lang) -> (Recommendation, Vec<Alternative>) {
    let covered: u32 = f
        .coverage
        .iter()
        .filter_map(|c| c.seats)
        .fold(0u32, u32::saturating_add);
    let mut assumptions = Vec::new();
    let mut caveats_early = Vec::new();
    let quantity = match f.settings.seats_to_cover {
        Some(n) => {
            assumptions.push(Assumption::SeatsOverride { seats: n });
            Some(n)
        }
        None if f.users.is_some() => {
            let u = f.users.map(|u| u.summary).unwrap_or_default();
            assumptions.push(Assumption::FromUsers {
                file: f.users.and_then(|u| u.file_name.clone()),
                holders: u.holders,
                to_license: u.to_license,
            });
            Some(u.to_license)
        }
        None if !f.seats_known => {
            assumptions.push(Assumption::SeatsUnknown);
            None
        }
        None => {
            for c in f.coverage {
                if let Some(seats) = c.seats.filter(|&n| n > 0) {
                    assumptions.push(Assumption::CoverageOverlap {
                        plan: c.product.clone(),
                        subscription_id: c.id.clone(),
                        seats,
                    });
                }
            }
            Some(f.kaizala_seats.saturating_sub(covered))
        }
    };
    if let Some(u) = f.users {
        if let Some(seats) = u.summary.unassigned_seats.filter(|&n| n > 0) {
            caveats_early.push(Caveat::UnassignedSeats {
                seats,
                holders: u.summary.holders,
            });
        }
        if !u.unknown_licenses.is_empty() {
            caveats_early.push(Caveat::UnknownLicenses {
                names: u
                    .unknown_licenses
                    .iter()
                    .map(|(n, _)| n.to_string())
                    .collect(),
            });
        }
    }
    if f.trial_seats > 0 && !f.settings.include_trials {
        assumptions.push(Assumption::TrialSeatsLeftOut {
            seats: f.trial_seats,
        });
    }
    for offer in f.ambiguous {
        assumptions.push(Assumption::AmbiguousCoverage {
            offer: offer.to_string(),
        });
    }
    // The seats a new plan must hold: known ones at least, so that known
    // seats alone above a cap settle it even when some are unknown.
    let need = quantity.unwrap_or_else(|| f.kaizala_seats.saturating_sub(covered));

    let mut caveats = caveats_early;
    let signal = education::education_of(f.detected, f.settings, f.qualification);
    if let (None, Some(EducationSignal::Domain { .. } | EducationSignal::Name { .. })) =
        (&signal, f.detected)
    {
        if let Some(q) = education::explicit_non_education(f.qualification) {
            caveats.push(Caveat::EducationNotVerified {
                qualification: q.to_string(),
            });
        }
    }
    let cheapest = pick::cheapest(f, need, signal.is_some());
    let rule_family = family_of(cheapest);
    let rule_reason = match rule_family {
        Family::Education => Reason::Education {
            signal: signal.clone().unwrap_or(EducationSignal::UserChoice),
        },
        Family::Frontline => Reason::Frontline,
        Family::Enterprise => Reason::Enterprise {
            seats: f.held(PlanId::BusinessBasic).saturating_add(need),
        },
        _ => Reason::Business {
            seats: quantity.map(|q| f.held(PlanId::BusinessBasic).saturating_add(q)),
        },
    };
    // The covering plan with the most seats; ties go to the product name,
    // then the subscription id, so the choice never depends on row order.
    let main_cover = f.coverage.iter().max_by(|a, b| {
        a.seats
            .unwrap_or(0)
            .cmp(&b.seats.unwrap_or(0))
            .then_with(|| b.product.cmp(&a.product))
            .then_with(|| b.id.cmp(&a.id))
    });

    let mut alternatives = Vec::new();
    let covers_all = quantity == Some(0) && main_cover.is_some();
    let (family, plan_id, plan, sku, guid, reason) = if let Some(id) = f.settings.plan_override {
        let p = id.plan();
        // What the rules would say without the user's choice.
        let default = match main_cover.and_then(|c| c.plan_id) {
            Some(held) if covers_all => Some((held, Family::Existing)),
            _ if covers_all => None,
            _ => Some((cheapest, rule_family)),
        };
        if let Some((plan, family)) = default {
            alternatives.push(alternative(
                plan,
                AltWhy::DefaultRule {
                    family: family.as_str().into(),
                },
                lang,
            ));
        }
        (
            Family::Override,
            Some(id),
            p.name.into(),
            Some(p.sku.into()),
            Some(p.guid.into()),
            Reason::Override {
                plan: p.name.into(),
            },
        )
    } else if let (true, Some(cover)) = (covers_all, main_cover) {
        (
            Family::Existing,
            cover.plan_id,
            cover.product.clone(),
            cover.sku.clone(),
            cover.guid.clone(),
            Reason::Existing {
                plan: cover.product.clone(),
                covered_seats: covered,
            },
        )
    } else {
        pick::alternatives(f, cheapest, quantity, need, lang, &mut alternatives);
        let p = cheapest.plan();
        (
            rule_family,
            Some(cheapest),
            p.name.into(),
            Some(p.sku.into()),
            Some(p.guid.into()),
            rule_reason,
        )
    };

    // Caveats follow the plan actually recommended, whichever rule chose it.
    if let Some(id) = plan_id {
        let p = id.plan();
        if id == PlanId::BusinessBasic {
            caveats.push(Caveat::BusinessBasicListing);
        }
        if id == PlanId::M365A1 {
            caveats.push(Caveat::DeviceLicenseOnly);
        }
        match p.suite {
            Suite::Education => caveats.push(Caveat::EducationEligibility),
            Suite::Frontline => caveats.push(Caveat::FrontlineEligibility),
            Suite::Business | Suite::Enterprise => {}
        }
        if let Some(cap) = p.seat_cap {
            // The cap is per plan and customer: seats already held count.
            let total = f.held(id).saturating_add(quantity.unwrap_or(0));
            if total > cap {
                caveats.push(Caveat::BusinessSeatCap {
                    plan: p.name.into(),
                    seats: total,
                });
            }
        }
    }

    // The counts the quantity came from, when the users said it.
    let users = match f.settings.seats_to_cover {
        None => f.users.map(|u| u.summary),
        Some(_) => None,
    };
    // Buying more of a plan the customer holds raises that subscription.
    let raise = match (family, plan_id) {
        (Family::Existing, _) | (_, None) => None,
        (_, Some(id)) if quantity != Some(0) => f.main_subscription(id).map(|c| Raise {
            subscription_id: c.id.clone(),
            seats: c.seats,
        }),
        _ => None,
    };
    let kaizala_plan = match (family, main_cover) {
        (Family::Existing, Some(c)) => match c.kaizala {
            Inclusion::Listed(k) => Some(k),
            _ => None,
        },
        _ => plan_id.and_then(|id| id.plan().kaizala),
    };
    let rec = Recommendation {
        family,
        plan_id,
        plan,
        sku,
        guid,
        kaizala_plan,
        quantity,
        reason: crate::i18n::plan::reason_text(&reason, users.as_ref(), lang),
        basis: reason,
        users,
        caveats: caveats.into_iter().map(|c| Said::new(c, lang)).collect(),
        assumptions: assumptions
            .into_iter()
            .map(|a| Said::new(a, lang))
            .collect(),
        raise,
    };
    (rec, alternatives)
}
