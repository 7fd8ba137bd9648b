/*!
The lowest-priced plan that includes Kaizala and fits the customer, and
the alternatives shown beside it.

Plans are ordered by `price_order` (the 2020 US list price per user and
month; the partner's Partner Center price list is what counts, so the
order is never shown as a price). A plan fits when it includes Kaizala
and its group allows the customer: Business plans up to 300 seats per
plan (the seats the customer holds of it and those to buy), enterprise
plans always, education plans for an education customer, frontline
plans for a customer marked frontline.
*/

use crate::catalog::{PlanId, Suite};
use crate::i18n::Lang;

use super::super::customer::Alternative;
use super::super::meaning::AltWhy;
use super::{alternative, Facts};

/// Whether `plan` may be recommended to this customer for `need` more
/// seats.
fn fits(f: &Facts<'_>, plan: PlanId, need: u32, education: bool) -> bool {
    let p = plan.plan();
    let group = match p.suite {
        Suite::Education => education,
        Suite::Frontline => f.settings.frontline,
        Suite::Business | Suite::Enterprise => true,
    };
    group && has_room(f, plan, need)
}

/// Whether `plan` includes Kaizala and can hold `need` more seats.
fn has_room(f: &Facts<'_>, plan: PlanId, need: u32) -> bool {
    let p = plan.plan();
    let room = p
        .seat_cap
        .is_none_or(|cap| f.held(plan).saturating_add(need) <= cap);
    p.includes_kaizala() && room
}

/// The lowest-priced plan that fits; on equal price a plan the customer
/// holds, then the catalog's order. Office 365 E1 always fits, so there
/// is always one.
pub(super) fn cheapest(f: &Facts<'_>, need: u32, education: bool) -> PlanId {
    PlanId::ALL
        .into_iter()
        .filter(|&id| fits(f, id, need, education))
        .min_by_key(|&id| (id.plan().price_order, f.held(id) == 0, id))
        .unwrap_or(PlanId::O365E1)
}

/// The alternatives to `chosen`: topping up each other plan the customer
/// holds (when it still fits), then the usual alternatives of the
/// chosen plan's group. Never the chosen plan, never one plan twice.
pub(super) fn alternatives(
    f: &Facts<'_>,
    chosen: PlanId,
    quantity: Option<u32>,
    need: u32,
    lang: Lang,
    out: &mut Vec<Alternative>,
) {
    let mut held: Vec<PlanId> = f.coverage.iter().filter_map(|c| c.plan_id).collect();
    let by_price = |&id: &PlanId| (id.plan().price_order, id);
    crate::order::sort_by(&mut held, |a, b| by_price(a).cmp(&by_price(b)));
    held.dedup();
    // A plan the customer holds fits its group already (Microsoft sold
    // it to them); only its cap still matters.
    for id in held {
        if id == chosen || !has_room(f, id, need) {
            continue;
        }
        if let Some(c) = f.main_subscription(id) {
            let why = AltWhy::TopUp {
                plan: id.plan().name.into(),
                subscription_id: c.id.clone(),
                seats: quantity,
            };
            out.push(alternative(id, why, lang));
        }
    }
    let usual: &[(PlanId, AltWhy)] = match chosen {
        PlanId::BusinessBasic => &[
            (PlanId::O365E1, AltWhy::CheapestListed),
            (PlanId::BusinessStandard, AltWhy::SkuListsKaizala),
            (PlanId::BusinessPremium, AltWhy::FullerSuite),
        ],
        PlanId::O365E1 => &[
            (PlanId::O365E3, AltWhy::FullerSuite),
            (PlanId::M365E3, AltWhy::FullerSuite),
        ],
        PlanId::O365F3 => &[(PlanId::M365F3, AltWhy::FrontlineSuite)],
        PlanId::O365A1 => &[
            (PlanId::M365A1, AltWhy::PairedDevice),
            (PlanId::O365A3, AltWhy::FullerSuite),
        ],
        _ => &[],
    };
    for (id, why) in usual {
        if *id != chosen && !out.iter().any(|a| a.plan_id == *id) {
            out.push(alternative(*id, why.clone(), lang));
        }
    }
}
