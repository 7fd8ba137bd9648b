/*!
The sixteen replacement plans the Kaizala retirement article offers, each
with its SKU part number (`String_Id`), its GUID (`skuId`), the Kaizala
service plan inside it and its seat cap, and the ids ([`PlanId`]) by
which the JSON plan, share links and the CLI name them.

The identifiers are those of Microsoft's SKU list (`skus.csv`); a test
checks that each plan agrees with its row there.
*/

use serde::{Deserialize, Serialize};

use super::squash;
use super::KaizalaPlan;

/// The article's four groups of replacement plans.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Suite {
    /// Microsoft 365 for Business: Business Basic, Standard and Premium.
    Business,
    /// Microsoft 365 for Frontline: Microsoft 365 F3 and Office 365 F3.
    Frontline,
    /// Microsoft 365 for Enterprise: Office 365 E1, the E3 and E5 plans.
    Enterprise,
    /// Microsoft 365 for Education: the A1, A3 and A5 plans.
    Education,
}

/// One of the sixteen replacement plans, by a stable id.
///
/// The id's text form (`business-basic`, `o365-e1`, ...) is what the JSON
/// plan, share links and `--plan CUSTOMER=PLAN` use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanId {
    /// Microsoft 365 Business Basic (`O365_BUSINESS_ESSENTIALS`).
    BusinessBasic,
    /// Microsoft 365 Business Standard (`O365_BUSINESS_PREMIUM`).
    BusinessStandard,
    /// Microsoft 365 Business Premium (`SPB`).
    BusinessPremium,
    /// Microsoft 365 F3 (`SPE_F1`), formerly Microsoft 365 F1.
    M365F3,
    /// Office 365 F3 (`DESKLESSPACK`).
    O365F3,
    /// Office 365 E1 (`STANDARDPACK`).
    O365E1,
    /// Microsoft 365 E3 (`SPE_E3`).
    M365E3,
    /// Office 365 E3 (`ENTERPRISEPACK`).
    O365E3,
    /// Microsoft 365 E5 (`SPE_E5`).
    M365E5,
    /// Office 365 E5 (`ENTERPRISEPREMIUM`).
    O365E5,
    /// Microsoft 365 A1 (`M365EDU_A1`).
    M365A1,
    /// Office 365 A1 (`STANDARDWOFFPACK_FACULTY`, `_STUDENT`).
    O365A1,
    /// Microsoft 365 A3 (`M365EDU_A3_FACULTY`, `_STUDENT`).
    M365A3,
    /// Office 365 A3 (`ENTERPRISEPACKPLUS_FACULTY`, `_STUDENT`).
    O365A3,
    /// Microsoft 365 A5 (`M365EDU_A5_FACULTY`, `_STUDENT`).
    M365A5,
    /// Office 365 A5 (`ENTERPRISEPREMIUM_FACULTY`, `_STUDENT`).
    O365A5,
}

impl PlanId {
    /// Every plan, in the article's order.
    pub const ALL: [PlanId; 16] = [
        PlanId::BusinessBasic,
        PlanId::BusinessStandard,
        PlanId::BusinessPremium,
        PlanId::M365F3,
        PlanId::O365F3,
        PlanId::O365E1,
        PlanId::M365E3,
        PlanId::O365E3,
        PlanId::M365E5,
        PlanId::O365E5,
        PlanId::M365A1,
        PlanId::O365A1,
        PlanId::M365A3,
        PlanId::O365A3,
        PlanId::M365A5,
        PlanId::O365A5,
    ];

    /// The id's text form.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanId::BusinessBasic => "business-basic",
            PlanId::BusinessStandard => "business-standard",
            PlanId::BusinessPremium => "business-premium",
            PlanId::M365F3 => "m365-f3",
            PlanId::O365F3 => "o365-f3",
            PlanId::O365E1 => "o365-e1",
            PlanId::M365E3 => "m365-e3",
            PlanId::O365E3 => "o365-e3",
            PlanId::M365E5 => "m365-e5",
            PlanId::O365E5 => "o365-e5",
            PlanId::M365A1 => "m365-a1",
            PlanId::O365A1 => "o365-a1",
            PlanId::M365A3 => "m365-a3",
            PlanId::O365A3 => "o365-a3",
            PlanId::M365A5 => "m365-a5",
            PlanId::O365A5 => "o365-a5",
        }
    }

    /// The catalog entry.
    pub fn plan(self) -> &'static ReplacementPlan {
        // Every PlanId has exactly one entry; the index mirrors `ALL`.
        &REPLACEMENT_PLANS[self as usize]
    }

    /// Reads a plan the way a person types it: the id (`o365-e1`), the
    /// display name (`Office 365 E1`), or the SKU part number
    /// (`STANDARDPACK`, or a student SKU). Case, spaces and punctuation
    /// do not matter.
    ///
    /// ```
    /// use kaizala_engine::catalog::PlanId;
    /// assert_eq!(PlanId::parse("Office 365 E1"), Some(PlanId::O365E1));
    /// assert_eq!(PlanId::parse("SPE_F1"), Some(PlanId::M365F3));
    /// assert_eq!(PlanId::parse("business-standard"), Some(PlanId::BusinessStandard));
    /// assert_eq!(PlanId::parse("Microsoft 365 F1"), None);
    /// ```
    pub fn parse(text: &str) -> Option<PlanId> {
        let wanted = squash(text);
        if wanted.is_empty() {
            return None;
        }
        PlanId::ALL.into_iter().find(|id| {
            let p = id.plan();
            squash(id.as_str()) == wanted
                || squash(p.name) == wanted
                || squash(p.sku) == wanted
                || p.other_skus.iter().any(|(sku, _, _)| squash(sku) == wanted)
        })
    }
}

impl std::fmt::Display for PlanId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A replacement plan from the article, with its identifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReplacementPlan {
    /// The plan's id; `REPLACEMENT_PLANS[id as usize]` is this plan.
    pub id: PlanId,
    /// The product name as Microsoft's SKU list shows it.
    pub name: &'static str,
    /// The article's group the plan is listed in.
    pub(crate) suite: Suite,
    /// SKU part number (`String_Id`, Graph `skuPartNumber`). For education
    /// plans, the faculty SKU.
    pub sku: &'static str,
    /// `GUID` (Graph `skuId`) of `sku`.
    pub guid: &'static str,
    /// The Kaizala service plan in `sku`; `None` when Microsoft's SKU list
    /// shows none (Business Basic, Microsoft 365 A1).
    pub kaizala: Option<KaizalaPlan>,
    /// Sibling SKUs of the same plan: `(sku, guid, product name)`, such as
    /// the student SKU of an education plan.
    pub(crate) other_skus: &'static [(&'static str, &'static str, &'static str)],
    /// Most seats one customer may hold of this plan, when capped.
    pub seat_cap: Option<u32>,
    /// Where the plan stands in price, lowest first: for commercial plans
    /// the 2020 US list price in cents per user and month (annual
    /// commitment) from Microsoft's comparison pages that the Kaizala
    /// article links to; Office 365 A1 is free, and the other education
    /// plans only need to come after it. Used to order plans, never
    /// shown: the partner's price list in Partner Center decides.
    pub(crate) price_order: u32,
}

impl ReplacementPlan {
    /// Whether users of this plan get Kaizala. Business Basic counts: its
    /// service description says so even though its SKU lists no Kaizala
    /// plan (the planner shows a caveat wherever that matters).
    pub fn includes_kaizala(&self) -> bool {
        self.kaizala.is_some() || self.id == PlanId::BusinessBasic
    }
}

const BUSINESS_CAP: Option<u32> = Some(300);

/// The article's replacement plans, in its order. Indexed by `PlanId`.
pub(crate) const REPLACEMENT_PLANS: [ReplacementPlan; 16] = [
    ReplacementPlan {
        id: PlanId::BusinessBasic,
        price_order: 500,
        name: "Microsoft 365 Business Basic",
        suite: Suite::Business,
        sku: "O365_BUSINESS_ESSENTIALS",
        guid: "3b555118-da6a-4418-894f-7df1e2096870",
        kaizala: None,
        other_skus: &[],
        seat_cap: BUSINESS_CAP,
    },
    ReplacementPlan {
        id: PlanId::BusinessStandard,
        price_order: 1250,
        name: "Microsoft 365 Business Standard",
        suite: Suite::Business,
        sku: "O365_BUSINESS_PREMIUM",
        guid: "f245ecc8-75af-4f8e-b61f-27d8114de5f3",
        kaizala: Some(KaizalaPlan::P2),
        other_skus: &[],
        seat_cap: BUSINESS_CAP,
    },
    ReplacementPlan {
        id: PlanId::BusinessPremium,
        price_order: 2000,
        name: "Microsoft 365 Business Premium",
        suite: Suite::Business,
        sku: "SPB",
        guid: "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46",
        kaizala: Some(KaizalaPlan::P2),
        other_skus: &[],
        seat_cap: BUSINESS_CAP,
    },
    ReplacementPlan {
        id: PlanId::M365F3,
        price_order: 800,
        name: "Microsoft 365 F3",
        suite: Suite::Frontline,
        sku: "SPE_F1",
        guid: "66b55226-6b4f-492c-910c-a3b7a3c9d993",
        kaizala: Some(KaizalaPlan::P1),
        other_skus: &[],
        seat_cap: None,
    },
    ReplacementPlan {
        id: PlanId::O365F3,
        price_order: 400,
        name: "Office 365 F3",
        suite: Suite::Frontline,
        sku: "DESKLESSPACK",
        guid: "4b585984-651b-448a-9e53-3b10f069cf7f",
        kaizala: Some(KaizalaPlan::P1),
        other_skus: &[],
        seat_cap: None,
    },
    ReplacementPlan {
        id: PlanId::O365E1,
        price_order: 800,
        name: "Office 365 E1",
        suite: Suite::Enterprise,
        sku: "STANDARDPACK",
        guid: "18181a46-0d4e-45cd-891e-60aabd171b4e",
        kaizala: Some(KaizalaPlan::P2),
        other_skus: &[],
        seat_cap: None,
    },
    ReplacementPlan {
        id: PlanId::M365E3,
        price_order: 3200,
        name: "Microsoft 365 E3",
        suite: Suite::Enterprise,
        sku: "SPE_E3",
        guid: "05e9a617-0261-4cee-bb44-138d3ef5d965",
        kaizala: Some(KaizalaPlan::P3),
        other_skus: &[],
        seat_cap: None,
    },
    ReplacementPlan {
        id: PlanId::O365E3,
        price_order: 2000,
        name: "Office 365 E3",
        suite: Suite::Enterprise,
        sku: "ENTERPRISEPACK",
        guid: "6fd2c87f-b296-42f0-b197-1e91e994b900",
        kaizala: Some(KaizalaPlan::P3),
        other_skus: &[],
        seat_cap: None,
    },
    ReplacementPlan {
        id: PlanId::M365E5,
        price_order: 5700,
        name: "Microsoft 365 E5",
        suite: Suite::Enterprise,
        sku: "SPE_E5",
        guid: "06ebc4ee-1bb5-47dd-8120-11324bc54e06",
        kaizala: Some(KaizalaPlan::Standalone),
        other_skus: &[],
        seat_cap: None,
    },
    ReplacementPlan {
        id: PlanId::O365E5,
        price_order: 3500,
        name: "Office 365 E5",
        suite: Suite::Enterprise,
        sku: "ENTERPRISEPREMIUM",
        guid: "c7df2760-2c81-4ef7-b578-5b5392b571df",
        kaizala: Some(KaizalaPlan::Standalone),
        other_skus: &[],
        seat_cap: None,
    },
    ReplacementPlan {
        id: PlanId::M365A1,
        price_order: 1,
        name: "Microsoft 365 A1",
        suite: Suite::Education,
        sku: "M365EDU_A1",
        guid: "b17653a4-2443-4e8c-a550-18249dda78bb",
        kaizala: None,
        other_skus: &[],
        seat_cap: None,
    },
    ReplacementPlan {
        id: PlanId::O365A1,
        price_order: 0,
        name: "Office 365 A1 for faculty",
        suite: Suite::Education,
        sku: "STANDARDWOFFPACK_FACULTY",
        guid: "94763226-9b3c-4e75-a931-5c89701abe66",
        kaizala: Some(KaizalaPlan::P2),
        other_skus: &[(
            "STANDARDWOFFPACK_STUDENT",
            "314c4481-f395-4525-be8b-2ec4bb1e9d91",
            "Office 365 A1 for students",
        )],
        seat_cap: None,
    },
    ReplacementPlan {
        id: PlanId::M365A3,
        price_order: 3,
        name: "Microsoft 365 A3 for Faculty",
        suite: Suite::Education,
        sku: "M365EDU_A3_FACULTY",
        guid: "4b590615-0888-425a-a965-b3bf7789848d",
        kaizala: Some(KaizalaPlan::P3),
        other_skus: &[(
            "M365EDU_A3_STUDENT",
            "7cfd9a2b-e110-4c39-bf20-c6a3f36a3121",
            "Microsoft 365 A3 for Students",
        )],
        seat_cap: None,
    },
    ReplacementPlan {
        id: PlanId::O365A3,
        price_order: 2,
        name: "Office 365 A3 for faculty",
        suite: Suite::Education,
        sku: "ENTERPRISEPACKPLUS_FACULTY",
        guid: "e578b273-6db4-4691-bba0-8d691f4da603",
        kaizala: Some(KaizalaPlan::P3),
        other_skus: &[(
            "ENTERPRISEPACKPLUS_STUDENT",
            "98b6e773-24d4-4c0d-a968-6e787a1f8204",
            "Office 365 A3 for students",
        )],
        seat_cap: None,
    },
    ReplacementPlan {
        id: PlanId::M365A5,
        price_order: 5,
        name: "Microsoft 365 A5 for Faculty",
        suite: Suite::Education,
        sku: "M365EDU_A5_FACULTY",
        guid: "e97c048c-37a4-45fb-ab50-922fbf07a370",
        kaizala: Some(KaizalaPlan::Standalone),
        other_skus: &[(
            "M365EDU_A5_STUDENT",
            "46c119d4-0379-4a9d-85e4-97c66d3f909e",
            "Microsoft 365 A5 for Students",
        )],
        seat_cap: None,
    },
    ReplacementPlan {
        id: PlanId::O365A5,
        price_order: 4,
        name: "Office 365 A5 for faculty",
        suite: Suite::Education,
        sku: "ENTERPRISEPREMIUM_FACULTY",
        guid: "a4585165-0533-458a-97e3-c400570268c4",
        kaizala: Some(KaizalaPlan::Standalone),
        other_skus: &[(
            "ENTERPRISEPREMIUM_STUDENT",
            "ee656612-49fa-43e5-b67e-cb1fdf7699df",
            "Office 365 A5 for students",
        )],
        seat_cap: None,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::skus;

    #[test]
    fn catalog_is_indexed_by_plan_id() {
        for id in PlanId::ALL {
            assert_eq!(id.plan().id, id);
            assert_eq!(PlanId::parse(id.as_str()), Some(id));
        }
    }

    #[test]
    fn price_order_follows_the_2020_list_prices() {
        use PlanId::*;
        let price = |id: PlanId| id.plan().price_order;
        // Lowest first; equal neighbours cost the same.
        let ladder = [
            O365A1,
            O365F3,
            BusinessBasic,
            O365E1,
            BusinessStandard,
            O365E3,
            M365E3,
            O365E5,
            M365E5,
        ];
        for w in ladder.windows(2) {
            assert!(price(w[0]) < price(w[1]), "{:?} {:?}", w[0], w[1]);
        }
        assert_eq!(price(M365F3), price(O365E1));
        assert_eq!(price(BusinessPremium), price(O365E3));
        for id in [M365A1, M365A3, O365A3, M365A5, O365A5] {
            assert!(price(id) > price(O365A1), "{id:?}");
        }
    }

    #[test]
    fn catalog_matches_sku_table() {
        for p in &REPLACEMENT_PLANS {
            let e = skus().iter().find(|e| e.sku == p.sku).expect(p.sku);
            assert_eq!(e.guid, p.guid, "{}", p.sku);
            assert_eq!(e.kaizala, p.kaizala, "{}", p.sku);
            for (sku, guid, _) in p.other_skus {
                let e = skus().iter().find(|e| e.sku == *sku).expect(sku);
                assert_eq!(e.guid, *guid);
            }
        }
    }
}
