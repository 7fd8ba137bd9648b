/*!
The per-customer recommendation: which replacement plan to buy, how many,
and why.

The default rules, first match wins (the `family` word in parentheses):

0. (`override`) the user chose a plan for this customer;
1. (`existing`) the customer already has an active plan that includes
   Kaizala: keep using it, remove the standalone licenses, and buy more of
   it only for the Kaizala Pro seats it does not cover;
2. (`education`) an education customer (see [`detect_education`], or the
   user says so): Office 365 A1, free for verified schools;
3. (`frontline`) the user marked the customer as frontline: Microsoft 365
   F3;
4. (`enterprise`) more than 300 Kaizala Pro seats, more than a Business
   plan may hold: Office 365 E1;
5. (`business`) otherwise Microsoft 365 Business Basic, with its caveat
   (Microsoft's SKU list shows no Kaizala plan in it, its service
   description says it includes Kaizala) and Business Standard, whose SKU
   lists Kaizala, as the first alternative.

# Quantity

The quantity to buy is the user's "seats to cover" when set; otherwise the
Kaizala Pro seats of the subscriptions still to migrate (all but the
inactive ones) minus the seats of the customer's active plans that include
Kaizala. Subtracting assumes every seat of those plans belongs to a
Kaizala Pro user; the assumption is written into the plan so the user can
correct it. Unknown seat counts make the quantity unknown.
*/

use crate::catalog::Inclusion;
use crate::catalog::{PlanId, Suite};
use crate::i18n::{Lang, Render};
use crate::model::Customer;
use crate::model::SharedText;

use super::customer::{Alternative, Coverage, Recommendation};
use super::kinds::Family;
use super::meaning::{AltWhy, Assumption, Caveat, EducationSignal, Reason, Said};
use super::settings::CustomerSettings;

/// More Kaizala Pro seats than this make a customer `enterprise`: a
/// Business plan holds at most 300 seats per customer.
pub(crate) const BUSINESS_SEAT_CAP: u32 = 300;

/// Why this customer looks like an education customer, if it does:
///
/// - the qualification column says `Education` (not "Not an education
///   customer", not "In review");
/// - the domain's last labels are `edu` (`mit.edu`), `edu.xx`
///   (`ntu.edu.tw`) or `ac.xx` (`ox.ac.uk`);
/// - the name contains school, university, college, academy or "institute
///   of technology" as words, or 大學, 學院, 學校, 高中, 中學, 國中, 小學,
///   國小 (also in simplified forms).
///
/// ```
/// use kaizala_engine::model::Customer;
/// use kaizala_engine::plan::detect_education;
/// let c = |d: &str| Customer { domain: Some(d.into()), ..Customer::default() };
/// assert!(detect_education(&c("ntu.edu.tw")).is_some());
/// assert!(detect_education(&c("ox.ac.uk")).is_some());
/// assert!(detect_education(&c("education.com")).is_none());
/// ```
pub fn detect_education(customer: &Customer) -> Option<EducationSignal> {
    if let Some(q) = customer.qualification.as_deref() {
        if q.trim().eq_ignore_ascii_case("education") {
            return Some(EducationSignal::Qualification);
        }
    }
    if let Some(domain) = customer.domain.as_deref() {
        // Compared without lower-casing a copy: this runs for every customer.
        let trimmed = domain.trim().trim_end_matches('.');
        let mut labels = trimmed.rsplit('.');
        let last = labels.next().unwrap_or("");
        let second = labels.next();
        let third = labels.next();
        let is = |l: Option<&str>, w: &str| l.is_some_and(|l| l.eq_ignore_ascii_case(w));
        let is_edu = (last.eq_ignore_ascii_case("edu") && second.is_some_and(|s| !s.is_empty()))
            || (third.is_some_and(|s| !s.is_empty())
                && (is(second, "edu") || is(second, "ac"))
                && last.len() == 2
                && last.chars().all(|c| c.is_ascii_alphabetic()));
        if is_edu {
            return Some(EducationSignal::Domain {
                domain: domain.trim().to_string(),
            });
        }
    }
    if let Some(name) = customer.name.as_deref() {
        // The words are ASCII, so an ASCII case-insensitive match is the
        // same as lower-casing every word first (which would allocate).
        const WORDS: &[&str] = &[
            "school",
            "schools",
            "university",
            "universities",
            "college",
            "academy",
        ];
        // One pass over the words, keeping the two before each; a school
        // word anywhere is named before "institute of technology".
        let (mut a, mut b) = ("", "");
        let mut institute = false;
        for w in name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if let Some(k) = WORDS.iter().find(|k| w.eq_ignore_ascii_case(k)) {
                return Some(EducationSignal::Name {
                    word: (*k).to_string(),
                });
            }
            institute |= a.eq_ignore_ascii_case("institute")
                && b.eq_ignore_ascii_case("of")
                && w.eq_ignore_ascii_case("technology");
            (a, b) = (b, w);
        }
        if institute {
            return Some(EducationSignal::Name {
                word: "institute of technology".into(),
            });
        }
        const CJK: &[&str] = &[
            "大學", "学院", "學院", "學校", "学校", "高中", "中學", "中学", "國中", "國小", "小學",
            "小学", "大学",
        ];
        if let Some(w) = CJK.iter().find(|w| !name.is_ascii() && name.contains(*w)) {
            return Some(EducationSignal::Name {
                word: (*w).to_string(),
            });
        }
    }
    None
}

/// The inputs of one customer's recommendation.
pub(crate) struct Facts<'a> {
    /// What [`detect_education`] says of the customer.
    pub(crate) detected: &'a Option<EducationSignal>,
    pub(crate) settings: &'a CustomerSettings,
    /// Seats of the Kaizala Pro subscriptions to migrate (known ones).
    pub(crate) kaizala_seats: u32,
    /// Every such subscription has a seat count.
    pub(crate) seats_known: bool,
    pub(crate) coverage: &'a [Coverage],
    /// Coverage-like subscriptions not counted (ambiguous names).
    pub(crate) ambiguous: &'a [SharedText],
}

/// What the rules pick before the quantity is worked out.
struct Pick {
    family: Family,
    plan: PlanId,
    reason: Reason,
}

fn pick_by_rules(f: &Facts<'_>, education: Option<EducationSignal>) -> Pick {
    if let Some(signal) = education {
        return Pick {
            family: Family::Education,
            plan: PlanId::O365A1,
            reason: Reason::Education { signal },
        };
    }
    if f.settings.frontline {
        return Pick {
            family: Family::Frontline,
            plan: PlanId::M365F3,
            reason: Reason::Frontline,
        };
    }
    // Known seats alone above the cap settle it, even if some are unknown.
    if f.kaizala_seats > BUSINESS_SEAT_CAP {
        return Pick {
            family: Family::Enterprise,
            plan: PlanId::O365E1,
            reason: Reason::Enterprise {
                seats: f.kaizala_seats,
            },
        };
    }
    let seats = f.seats_known.then_some(f.kaizala_seats);
    Pick {
        family: Family::Business,
        plan: PlanId::BusinessBasic,
        reason: Reason::Business { seats },
    }
}

fn education_of(f: &Facts<'_>) -> Option<EducationSignal> {
    match f.settings.education {
        Some(true) => Some(f.detected.clone().unwrap_or(EducationSignal::UserChoice)),
        Some(false) => None,
        None => f.detected.clone(),
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

/// Recommends a plan and its alternatives for one customer.
pub(crate) fn recommend(f: &Facts<'_>, lang: Lang) -> (Recommendation, Vec<Alternative>) {
    let covered: u32 = f
        .coverage
        .iter()
        .filter_map(|c| c.seats)
        .fold(0u32, u32::saturating_add);
    let mut assumptions = Vec::new();
    let quantity = match f.settings.seats_to_cover {
        Some(n) => {
            assumptions.push(Assumption::SeatsOverride { seats: n });
            Some(n)
        }
        None if !f.seats_known => {
            assumptions.push(Assumption::SeatsUnknown);
            None
        }
        None => {
            if !f.coverage.is_empty() {
                assumptions.push(Assumption::SeatsCovered {
                    kaizala_seats: f.kaizala_seats,
                    covered_seats: covered,
                });
            }
            Some(f.kaizala_seats.saturating_sub(covered))
        }
    };
    for offer in f.ambiguous {
        assumptions.push(Assumption::AmbiguousCoverage {
            offer: offer.to_string(),
        });
    }

    let education = education_of(f);
    let by_rules = pick_by_rules(f, education.clone());
    // The covering plan with the most seats; ties go to the product name,
    // then the subscription id, so the choice never depends on row order.
    let main_cover = f.coverage.iter().max_by(|a, b| {
        a.seats
            .unwrap_or(0)
            .cmp(&b.seats.unwrap_or(0))
            .then_with(|| b.product.cmp(&a.product))
            .then_with(|| b.id.cmp(&a.id))
    });

    let mut caveats = Vec::new();
    let mut alternatives = Vec::new();
    let (family, plan_id, plan, sku, guid, reason) = if let Some(id) = f.settings.plan_override {
        let p = id.plan();
        alternatives.push(alternative(
            by_rules.plan,
            AltWhy::DefaultRule {
                family: by_rules.family.as_str().into(),
            },
            lang,
        ));
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
    } else if let Some(cover) = main_cover {
        alternatives.push(alternative(
            by_rules.plan,
            AltWhy::DefaultRule {
                family: by_rules.family.as_str().into(),
            },
            lang,
        ));
        let reason = Reason::Existing {
            plan: cover.product.clone(),
            covered_seats: covered,
            quantity,
        };
        (
            Family::Existing,
            cover.plan_id,
            cover.product.clone(),
            cover.sku.clone(),
            cover.guid.clone(),
            reason,
        )
    } else {
        let p = by_rules.plan.plan();
        match by_rules.family {
            Family::Business => {
                alternatives.push(alternative(
                    PlanId::BusinessStandard,
                    AltWhy::SkuListsKaizala,
                    lang,
                ));
                alternatives.push(alternative(
                    PlanId::BusinessPremium,
                    AltWhy::FullerSuite,
                    lang,
                ));
            }
            Family::Enterprise => {
                alternatives.push(alternative(PlanId::M365E3, AltWhy::FullerSuite, lang));
                alternatives.push(alternative(PlanId::O365E3, AltWhy::FullerSuite, lang));
            }
            Family::Frontline => {
                alternatives.push(alternative(PlanId::O365F3, AltWhy::OfficeOnly, lang))
            }
            Family::Education => {
                alternatives.push(alternative(PlanId::M365A1, AltWhy::PairedDevice, lang));
                alternatives.push(alternative(PlanId::O365A3, AltWhy::FullerSuite, lang));
            }
            Family::Existing | Family::Override => {}
        }
        (
            by_rules.family,
            Some(by_rules.plan),
            p.name.into(),
            Some(p.sku.into()),
            Some(p.guid.into()),
            by_rules.reason,
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
            let held = if family == Family::Existing {
                covered
            } else {
                0
            };
            let total = held.saturating_add(quantity.unwrap_or(0));
            if total > cap {
                caveats.push(Caveat::BusinessSeatCap {
                    plan: p.name.into(),
                    seats: total,
                });
            }
        }
    }

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
        reason: reason.render(lang),
        basis: reason,
        caveats: caveats.into_iter().map(|c| Said::new(c, lang)).collect(),
        assumptions: assumptions
            .into_iter()
            .map(|a| Said::new(a, lang))
            .collect(),
        raise: None,
    };
    (rec, alternatives)
}
