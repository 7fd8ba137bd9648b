/*!
Does this product include Kaizala? [`kaizala_inclusion`] reads an offer
name or SKU against the SKU table (`skus`) and the names partners used
before Microsoft renamed its products (`ALIASES`).

The table says which Kaizala service plan a SKU carries; what that means
for a migration is read here: Business Basic includes Kaizala by its
service description though its SKU lists no Kaizala plan
([`Inclusion::DescriptionOnly`]), and "Microsoft 365 F1" names two
products, one with Kaizala and one without ([`Inclusion::Ambiguous`]).
*/

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::{skus, squash, KaizalaPlan, PlanId, SkuEntry};

/// What an offer name means when it is not a current product name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Alias {
    /// An older or shorter name of the product with this SKU part number.
    Sku(&'static str),
    /// A product known to carry no Kaizala.
    NoKaizala,
    /// A name two different products have carried.
    Ambiguous,
}

/// Names a 2020-era partner export uses for products of the SKU table,
/// and names of look-alike products without Kaizala. Checked before the
/// product names, so that an ambiguous name is never read as one of them.
const ALIASES: &[(&str, Alias)] = &[
    // Renamed on 21 April 2020; exports from before keep the old names.
    (
        "Office 365 Business Essentials",
        Alias::Sku("O365_BUSINESS_ESSENTIALS"),
    ),
    (
        "Office 365 Business Premium",
        Alias::Sku("O365_BUSINESS_PREMIUM"),
    ),
    ("Microsoft 365 Business", Alias::Sku("SPB")),
    ("Office 365 Enterprise E1", Alias::Sku("STANDARDPACK")),
    ("Office 365 Enterprise E3", Alias::Sku("ENTERPRISEPACK")),
    ("Office 365 Enterprise E5", Alias::Sku("ENTERPRISEPREMIUM")),
    // DESKLESSPACK was "Office 365 (Enterprise) F1" before it became F3.
    ("Office 365 F1", Alias::Sku("DESKLESSPACK")),
    ("Office 365 Enterprise F1", Alias::Sku("DESKLESSPACK")),
    ("Office 365 Enterprise F3", Alias::Sku("DESKLESSPACK")),
    ("Microsoft 365 E3", Alias::Sku("SPE_E3")),
    ("Microsoft 365 E5", Alias::Sku("SPE_E5")),
    // Education plans named without "for faculty / for students".
    ("Office 365 A1", Alias::Sku("STANDARDWOFFPACK_FACULTY")),
    (
        "Office 365 A1 Plus",
        Alias::Sku("STANDARDWOFFPACK_IW_FACULTY"),
    ),
    ("Office 365 A3", Alias::Sku("ENTERPRISEPACKPLUS_FACULTY")),
    ("Office 365 A5", Alias::Sku("ENTERPRISEPREMIUM_FACULTY")),
    ("Microsoft 365 A3", Alias::Sku("M365EDU_A3_FACULTY")),
    ("Microsoft 365 A5", Alias::Sku("M365EDU_A5_FACULTY")),
    // Before April 2020 this was SPE_F1 (now Microsoft 365 F3, with
    // Kaizala); since then it is the new M365_F1 (without). Only a SKU
    // tells them apart.
    ("Microsoft 365 F1", Alias::Ambiguous),
    // Look-alikes without Kaizala (service description: "No").
    ("Office 365 Business", Alias::NoKaizala),
    ("Microsoft 365 Apps for business", Alias::NoKaizala),
    ("Microsoft 365 Apps for enterprise", Alias::NoKaizala),
    ("Office 365 ProPlus", Alias::NoKaizala),
];

/// How a product relates to Kaizala.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "plan")]
pub enum Inclusion {
    /// The SKU carries this Kaizala service plan.
    Listed(KaizalaPlan),
    /// Business Basic: its service description includes Kaizala, its SKU
    /// lists no Kaizala plan.
    DescriptionOnly,
    /// A known product without Kaizala.
    No,
    /// The name fits a product with Kaizala and one without (Microsoft 365
    /// F1); treated as no Kaizala until a SKU says otherwise.
    Ambiguous,
}

impl Inclusion {
    /// Whether users of the product can be counted on to have Kaizala.
    pub(crate) fn includes_kaizala(self) -> bool {
        matches!(self, Inclusion::Listed(_) | Inclusion::DescriptionOnly)
    }
}

/// A product recognised by [`kaizala_inclusion`]: a product of the SKU
/// table, a former name of one, or a Kaizala service plan's name or id
/// (the Kaizala part of a bundle, with no `sku`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KnownProduct {
    /// How the product relates to Kaizala.
    pub inclusion: Inclusion,
    /// The product's name in Microsoft's SKU list, or the name matched.
    pub product: &'static str,
    /// Its SKU part number (`String_Id`); `None` for a name that is no
    /// one product of the SKU table.
    pub sku: Option<&'static str>,
    /// Its `GUID` (skuId), when `sku` is known.
    pub guid: Option<&'static str>,
    /// The replacement plan this product is, when it is one.
    pub plan: Option<PlanId>,
}

impl KnownProduct {
    /// A Kaizala service plan's name or id rather than a product: the
    /// Kaizala part of some bundle.
    pub fn is_service_plan(&self) -> bool {
        self.sku.is_none() && matches!(self.inclusion, Inclusion::Listed(_))
    }

    fn from_entry(e: &'static SkuEntry) -> KnownProduct {
        let inclusion = match e.kaizala {
            Some(k) => Inclusion::Listed(k),
            None if e.sku == "O365_BUSINESS_ESSENTIALS" => Inclusion::DescriptionOnly,
            None => Inclusion::No,
        };
        let plan = PlanId::ALL.into_iter().find(|id| {
            let p = id.plan();
            p.sku == e.sku || p.other_skus.iter().any(|(s, _, _)| *s == e.sku)
        });
        KnownProduct {
            inclusion,
            product: &e.product,
            sku: Some(&e.sku),
            guid: Some(&e.guid),
            plan,
        }
    }
}

/// Does this product include Kaizala? Looks the SKU part number (or skuId
/// GUID) up first, then the offer name, current or former, ignoring case,
/// spaces and punctuation; a trailing note in parentheses such as
/// "(Nonprofit Staff Pricing)" is ignored when the full name is unknown,
/// and so is the word "Trial".
/// `None` when the product is in neither table.
///
/// ```
/// use kaizala_engine::catalog::{kaizala_inclusion, Inclusion, KaizalaPlan};
/// let e3 = kaizala_inclusion("Office 365 E3", None).unwrap();
/// assert_eq!(e3.inclusion, Inclusion::Listed(KaizalaPlan::P3));
/// // SPE_F1 is Microsoft 365 F3, whatever the offer says.
/// let f3 = kaizala_inclusion("", Some("SPE_F1")).unwrap();
/// assert_eq!(f3.product, "Microsoft 365 F3");
/// // O365_BUSINESS_PREMIUM is Business Standard.
/// let bs = kaizala_inclusion("", Some("O365_BUSINESS_PREMIUM")).unwrap();
/// assert_eq!(bs.product, "Microsoft 365 Business Standard");
/// assert_eq!(kaizala_inclusion("", Some("M365_F1")).unwrap().inclusion, Inclusion::No);
/// assert!(kaizala_inclusion("Azure plan", None).is_none());
/// ```
pub fn kaizala_inclusion(offer: &str, sku: Option<&str>) -> Option<KnownProduct> {
    let index = index();
    if let Some(sku) = sku.map(squash).filter(|s| !s.is_empty()) {
        if let Some(known) = index.by_sku.get(&sku) {
            return Some(*known);
        }
    }
    let name = squash(offer);
    if name.is_empty() {
        return None;
    }
    if let Some(known) = index.by_name.get(&name) {
        return Some(*known);
    }
    let stripped = squash(&strip_parenthesised(offer));
    if !stripped.is_empty() && stripped != name {
        if let Some(known) = index.by_name.get(&stripped) {
            return Some(*known);
        }
    }
    // "Office 365 E3 Trial" is a trial of Office 365 E3: the planner
    // needs the product to list it apart (it is no coverage).
    let without_trial: String = strip_parenthesised(offer)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.eq_ignore_ascii_case("trial"))
        .map(squash)
        .collect();
    if without_trial.is_empty() || without_trial == name {
        return None;
    }
    index.by_name.get(&without_trial).copied()
}

/// The tables keyed by squashed SKU, GUID and name, built once: the
/// lookup runs for every row of files with many thousand rows.
struct Index {
    by_sku: HashMap<String, KnownProduct>,
    by_name: HashMap<String, KnownProduct>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut by_sku = HashMap::new();
        let mut by_name = HashMap::new();
        // Earlier rows win, as in the table's order.
        for e in skus() {
            let known = KnownProduct::from_entry(e);
            by_sku.entry(squash(&e.sku)).or_insert(known);
            by_sku.entry(squash(&e.guid)).or_insert(known);
            by_name.entry(squash(&e.product)).or_insert(known);
            by_name.entry(squash(&e.sku)).or_insert(known);
        }
        // A Kaizala service plan's name or id in an offer or SKU column is
        // a license-report line of a bundle (E3, E5, A5, ...): Microsoft's
        // list gives "Microsoft Kaizala Pro" as the friendly name of
        // KAIZALA_STANDALONE and KAIZALA_O365_P3 inside those products, so
        // such a row is coverage, never the standalone product.
        for k in KaizalaPlan::ALL {
            let known = KnownProduct {
                inclusion: Inclusion::Listed(k),
                product: k.name(),
                sku: None,
                guid: None,
                plan: None,
            };
            by_sku.entry(squash(k.name())).or_insert(known);
            by_sku.entry(squash(k.id())).or_insert(known);
            by_name.entry(squash(k.name())).or_insert(known);
            by_name.entry(squash(k.id())).or_insert(known);
        }
        // Aliases win over product names, so an ambiguous name is never
        // read as one of its products.
        for (alias, target) in ALIASES {
            let known = match target {
                Alias::Sku(sku) => match skus().iter().find(|e| e.sku == *sku) {
                    Some(e) => KnownProduct::from_entry(e),
                    None => continue,
                },
                Alias::NoKaizala => KnownProduct {
                    inclusion: Inclusion::No,
                    product: alias,
                    sku: None,
                    guid: None,
                    plan: None,
                },
                Alias::Ambiguous => KnownProduct {
                    inclusion: Inclusion::Ambiguous,
                    product: alias,
                    sku: None,
                    guid: None,
                    plan: None,
                },
            };
            by_name.insert(squash(alias), known);
        }
        Index { by_sku, by_name }
    })
}

/// Removes text in parentheses; nested or unbalanced parentheses are
/// handled by depth counting, so nothing is sliced mid-character.
fn strip_parenthesised(s: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_point_into_the_table() {
        for (name, alias) in ALIASES {
            if let Alias::Sku(sku) = alias {
                assert!(skus().iter().any(|e| e.sku == *sku), "{name}");
            }
        }
    }

    #[test]
    fn naming_traps() {
        let cases: &[(&str, Option<&str>, &str, Inclusion)] = &[
            (
                "",
                Some("SPE_F1"),
                "Microsoft 365 F3",
                Inclusion::Listed(KaizalaPlan::P1),
            ),
            (
                "",
                Some("O365_BUSINESS_PREMIUM"),
                "Microsoft 365 Business Standard",
                Inclusion::Listed(KaizalaPlan::P2),
            ),
            (
                "",
                Some("SPB"),
                "Microsoft 365 Business Premium",
                Inclusion::Listed(KaizalaPlan::P2),
            ),
            (
                "",
                Some("DESKLESSPACK"),
                "Office 365 F3",
                Inclusion::Listed(KaizalaPlan::P1),
            ),
            (
                "",
                Some("STANDARDPACK"),
                "Office 365 E1",
                Inclusion::Listed(KaizalaPlan::P2),
            ),
            (
                "",
                Some("ENTERPRISEPACK"),
                "Office 365 E3",
                Inclusion::Listed(KaizalaPlan::P3),
            ),
            (
                "",
                Some("ENTERPRISEPREMIUM"),
                "Office 365 E5",
                Inclusion::Listed(KaizalaPlan::Standalone),
            ),
            (
                "",
                Some("O365_BUSINESS_ESSENTIALS"),
                "Microsoft 365 Business Basic",
                Inclusion::DescriptionOnly,
            ),
            ("", Some("M365EDU_A1"), "Microsoft 365 A1", Inclusion::No),
            ("", Some("m365_f1"), "Microsoft 365 F1", Inclusion::No),
            (
                "Microsoft 365 F1",
                None,
                "Microsoft 365 F1",
                Inclusion::Ambiguous,
            ),
            (
                "Office 365 Enterprise F1",
                None,
                "Office 365 F3",
                Inclusion::Listed(KaizalaPlan::P1),
            ),
            (
                "Office 365 Business Premium",
                None,
                "Microsoft 365 Business Standard",
                Inclusion::Listed(KaizalaPlan::P2),
            ),
            (
                "Office 365 Business",
                None,
                "Office 365 Business",
                Inclusion::No,
            ),
            (
                "OFFICE 365 E3",
                None,
                "Office 365 E3",
                Inclusion::Listed(KaizalaPlan::P3),
            ),
            (
                "Office 365 E3 (Nonprofit Staff Pricing)",
                None,
                "Office 365 E3",
                Inclusion::Listed(KaizalaPlan::P3),
            ),
            (
                "Office 365 E3 Trial",
                None,
                "Office 365 E3",
                Inclusion::Listed(KaizalaPlan::P3),
            ),
            (
                "Microsoft 365 Business Basic (no Teams)",
                None,
                "Microsoft 365 Business Basic (no Teams)",
                Inclusion::Listed(KaizalaPlan::P2),
            ),
            (
                "",
                Some("6fd2c87f-b296-42f0-b197-1e91e994b900"),
                "Office 365 E3",
                Inclusion::Listed(KaizalaPlan::P3),
            ),
        ];
        for (offer, sku, product, inclusion) in cases {
            let got = kaizala_inclusion(offer, *sku).unwrap_or_else(|| panic!("{offer} {sku:?}"));
            assert_eq!(got.product, *product, "{offer} {sku:?}");
            assert_eq!(got.inclusion, *inclusion, "{offer} {sku:?}");
        }
    }
}
