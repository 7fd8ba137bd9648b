/*!
The replacement plan catalog and the "does this product include Kaizala?"
lookup.

Two curated tables live here, both taken from Microsoft's "Product names
and service plan identifiers for licensing" list (the 2025-12 copy, which
agrees with the 2023-07 one; see `kaizala-skus.csv` in the reference
folder):

- [`REPLACEMENT_PLANS`]: the sixteen plans the Kaizala retirement article
  offers as replacements, each with its SKU part number (`String_Id`), its
  GUID (`skuId`) and the Kaizala service plan inside it.
- the SKU table: every product whose SKU carries a `KAIZALA_*` service
  plan, plus the few products that look like they should and do not
  (Business Basic, Microsoft 365 A1, the *new* Microsoft 365 F1).

The tables are compiled in, never read at run time, because Microsoft's
list changes between versions (the 2022 copy lacks several Kaizala rows)
and the planner must give the same answer for the same file every time.

Kaizala Pro *standalone* subscriptions are recognised by
[`is_kaizala_pro_standalone`]; everything that merely includes a Kaizala
service plan is coverage ([`kaizala_inclusion`]).
*/

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The Kaizala service plan a SKU carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KaizalaPlan {
    /// `KAIZALA_O365_P1`: the frontline (F3) SKUs.
    #[serde(rename = "KAIZALA_O365_P1")]
    P1,
    /// `KAIZALA_O365_P2`: Business Standard/Premium, E1, A1.
    #[serde(rename = "KAIZALA_O365_P2")]
    P2,
    /// `KAIZALA_O365_P3`: E3 and A3.
    #[serde(rename = "KAIZALA_O365_P3")]
    P3,
    /// `KAIZALA_STANDALONE`: the service plan inside E5 and A5 (and the
    /// one the standalone Kaizala Pro product delivers).
    #[serde(rename = "KAIZALA_STANDALONE")]
    Standalone,
}

impl KaizalaPlan {
    /// The service plan name (`Service_Plan_Name`).
    pub fn name(self) -> &'static str {
        match self {
            KaizalaPlan::P1 => "KAIZALA_O365_P1",
            KaizalaPlan::P2 => "KAIZALA_O365_P2",
            KaizalaPlan::P3 => "KAIZALA_O365_P3",
            KaizalaPlan::Standalone => "KAIZALA_STANDALONE",
        }
    }

    /// The service plan id (`Service_Plan_Id`).
    pub fn id(self) -> &'static str {
        match self {
            KaizalaPlan::P1 => "73b2a583-6a59-42e3-8e83-54db46bc3278",
            KaizalaPlan::P2 => "54fc630f-5a40-48ee-8965-af0503c1386e",
            KaizalaPlan::P3 => "aebd3021-9f8f-4bf8-bbe3-0ed2f4f047a1",
            KaizalaPlan::Standalone => "0898bdbb-73b0-471a-81e5-20f1fe4dd66e",
        }
    }
}

/// The article's four groups of replacement plans.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Suite {
    Business,
    Frontline,
    Enterprise,
    Education,
}

/// One of the sixteen replacement plans, by a stable id.
///
/// The id's text form (`business-basic`, `o365-e1`, ...) is what the JSON
/// plan, share links and `--plan CUSTOMER=PLAN` use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanId {
    BusinessBasic,
    BusinessStandard,
    BusinessPremium,
    M365F3,
    O365F3,
    O365E1,
    M365E3,
    O365E3,
    M365E5,
    O365E5,
    M365A1,
    O365A1,
    M365A3,
    O365A3,
    M365A5,
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
    pub id: PlanId,
    /// The product name as Microsoft's SKU list shows it.
    pub name: &'static str,
    pub suite: Suite,
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
    pub other_skus: &'static [(&'static str, &'static str, &'static str)],
    /// Most seats one customer may hold of this plan, when capped.
    pub seat_cap: Option<u32>,
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
pub const REPLACEMENT_PLANS: [ReplacementPlan; 16] = [
    ReplacementPlan {
        id: PlanId::BusinessBasic,
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

/// One row of the curated SKU table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SkuEntry {
    /// `Product_Display_Name`.
    pub product: &'static str,
    /// `String_Id` (SKU part number).
    pub sku: &'static str,
    /// `GUID` (skuId).
    pub guid: &'static str,
    /// The Kaizala service plan in it, if any.
    pub kaizala: Option<KaizalaPlan>,
}

/// Every product of `kaizala-skus.csv` (the 2025-12 SKU list's Kaizala
/// rows, plus Business Basic and Microsoft 365 A1), then the traps: the new
/// Microsoft 365 F1 SKUs, which carry no Kaizala.
pub const SKUS: &[SkuEntry] = &[
    SkuEntry {
        product: "Microsoft 365 A3 for Faculty",
        sku: "M365EDU_A3_FACULTY",
        guid: "4b590615-0888-425a-a965-b3bf7789848d",
        kaizala: Some(KaizalaPlan::P3),
    },
    SkuEntry {
        product: "Microsoft 365 A3 for Students",
        sku: "M365EDU_A3_STUDENT",
        guid: "7cfd9a2b-e110-4c39-bf20-c6a3f36a3121",
        kaizala: Some(KaizalaPlan::P3),
    },
    SkuEntry {
        product: "Microsoft 365 A3 for students use benefit",
        sku: "M365EDU_A3_STUUSEBNFT",
        guid: "18250162-5d87-4436-a834-d795c15c80f3",
        kaizala: Some(KaizalaPlan::P3),
    },
    SkuEntry {
        product: "Microsoft 365 A3 - Unattended License for students use benefit",
        sku: "M365EDU_A3_STUUSEBNFT_RPA1",
        guid: "1aa94593-ca12-4254-a738-81a5972958e8",
        kaizala: Some(KaizalaPlan::P3),
    },
    SkuEntry {
        product: "Microsoft 365 A5 for Faculty",
        sku: "M365EDU_A5_FACULTY",
        guid: "e97c048c-37a4-45fb-ab50-922fbf07a370",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Microsoft 365 A5 for Students",
        sku: "M365EDU_A5_STUDENT",
        guid: "46c119d4-0379-4a9d-85e4-97c66d3f909e",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Microsoft 365 A5 for students use benefit",
        sku: "M365EDU_A5_STUUSEBNFT",
        guid: "31d57bc7-3a05-4867-ab53-97a17835a411",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Microsoft 365 A5 without Audio Conferencing for students use benefit",
        sku: "M365EDU_A5_NOPSTNCONF_STUUSEBNFT",
        guid: "81441ae1-0b31-4185-a6c0-32b6b84d419f",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Microsoft 365 Business Basic (no Teams)",
        sku: "Microsoft_365_Business_Basic_(no Teams)",
        guid: "21502a13-c8dc-4744-be9c-177fd9d2eafc",
        kaizala: Some(KaizalaPlan::P2),
    },
    SkuEntry {
        product: "Microsoft 365 Business Basic EEA (no Teams)",
        sku: "Microsoft_365_Business_Basic_EEA_(no_Teams)",
        guid: "b1f3042b-a390-4b56-ab61-b88e7e767a97",
        kaizala: Some(KaizalaPlan::P2),
    },
    SkuEntry {
        product: "Microsoft 365 Business Standard",
        sku: "O365_BUSINESS_PREMIUM",
        guid: "f245ecc8-75af-4f8e-b61f-27d8114de5f3",
        kaizala: Some(KaizalaPlan::P2),
    },
    SkuEntry {
        product: "Microsoft 365 Business Standard EEA (no Teams)",
        sku: "Office_365_w/o_Teams_Bundle_Business_Standard",
        guid: "c1f79c29-5d7a-4bec-a2c1-1a76774864c0",
        kaizala: Some(KaizalaPlan::P2),
    },
    SkuEntry {
        product: "Microsoft 365 Business Standard EEA (no Teams)",
        sku: "Microsoft_365_Business_Standard_EEA_(no_Teams)",
        guid: "ffa3a2a0-3820-462a-aa81-8a4d741f0cba",
        kaizala: Some(KaizalaPlan::P2),
    },
    SkuEntry {
        product: "Microsoft 365 Business Premium",
        sku: "SPB",
        guid: "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46",
        kaizala: Some(KaizalaPlan::P2),
    },
    SkuEntry {
        product: "Microsoft 365 Business Premium (no Teams)",
        sku: "Microsoft_365_ Business_ Premium_(no Teams)",
        guid: "00e1ec7b-e4a3-40d1-9441-b69b597ab222",
        kaizala: Some(KaizalaPlan::P2),
    },
    SkuEntry {
        product: "Microsoft 365 Business Premium Donation",
        sku: "Microsoft_365_Business_Premium_Donation_(Non_Profit_Pricing)",
        guid: "24c35284-d768-4e53-84d9-b7ae73dddf69",
        kaizala: Some(KaizalaPlan::P2),
    },
    SkuEntry {
        product: "Microsoft 365 Business Premium EEA (no Teams)",
        sku: "Office_365_w/o_Teams_Bundle_Business_Premium",
        guid: "a3f586b6-8cce-4d9b-99d6-55238397f77a",
        kaizala: Some(KaizalaPlan::P2),
    },
    SkuEntry {
        product: "Microsoft 365 E3",
        sku: "SPE_E3",
        guid: "05e9a617-0261-4cee-bb44-138d3ef5d965",
        kaizala: Some(KaizalaPlan::P3),
    },
    SkuEntry {
        product: "Microsoft 365 E3 (no Teams)",
        sku: "Microsoft_365_E3_(no_Teams)",
        guid: "dcf0408c-aaec-446c-afd4-43e3683943ea",
        kaizala: Some(KaizalaPlan::P3),
    },
    SkuEntry {
        product: "Microsoft 365 E3 EEA (no Teams)",
        sku: "O365_w/o Teams Bundle_M3",
        guid: "c2fe850d-fbbb-4858-b67d-bd0c6e746da3",
        kaizala: Some(KaizalaPlan::P3),
    },
    SkuEntry {
        product: "Microsoft 365 E3 EEA (no Teams) - Unattended License",
        sku: "Microsoft_365_E3_EEA_(no_Teams)_Unattended_License",
        guid: "a23dbafb-3396-48b3-ad9c-a304fe206043",
        kaizala: Some(KaizalaPlan::P3),
    },
    SkuEntry {
        product: "Microsoft 365 E3 - Unattended License",
        sku: "SPE_E3_RPA1",
        guid: "c2ac2ee4-9bb1-47e4-8541-d689c7e83371",
        kaizala: Some(KaizalaPlan::P3),
    },
    SkuEntry {
        product: "Microsoft 365 E3 (500 seats min)_HUB",
        sku: "Microsoft_365_E3",
        guid: "0c21030a-7e60-4ec7-9a0f-0042e0e0211a",
        kaizala: Some(KaizalaPlan::P3),
    },
    SkuEntry {
        product: "Microsoft 365 E3 EEA (no Teams) (500 seats min)_HUB",
        sku: "O365_w/o Teams Bundle_M3_(500_seats_min)_HUB",
        guid: "602e6573-55a3-46b1-a1a0-cc267991501a",
        kaizala: Some(KaizalaPlan::P3),
    },
    SkuEntry {
        product: "Microsoft 365 E5",
        sku: "SPE_E5",
        guid: "06ebc4ee-1bb5-47dd-8120-11324bc54e06",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Microsoft 365 E5 EEA (no Teams) with Calling Minutes",
        sku: "Microsoft_365_E5_EEA_(no_Teams)_with_Calling_Minutes",
        guid: "6ee4114a-9b2d-4577-9e7a-49fa43d222d3",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Microsoft 365 E5 EEA (no Teams) without Audio Conferencing",
        sku: "Microsoft_365_E5_EEA_(no_Teams)_without_Audio_Conferencing",
        guid: "90277bc7-a6fe-4181-99d8-712b08b8d32b",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Microsoft 365 E5 (500 seats min)_HUB",
        sku: "Microsoft_365_E5",
        guid: "db684ac5-c0e7-4f92-8284-ef9ebde75d33",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Microsoft 365 E5 EEA (no Teams)",
        sku: "O365_w/o_Teams_Bundle_M5",
        guid: "3271cf8e-2be5-4a09-a549-70fd05baaa17",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Microsoft 365 E5 with Calling Minutes",
        sku: "SPE_E5_CALLINGMINUTES",
        guid: "a91fc4e0-65e5-4266-aa76-4037509c1626",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Microsoft 365 E5 without Audio Conferencing",
        sku: "SPE_E5_NOPSTNCONF",
        guid: "cd2925a3-5076-4233-8931-638a8c94f773",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Microsoft 365 E5 without Audio Conferencing (500 seats min)_HUB",
        sku: "Microsoft_365_E5_without_Audio_Conferencing",
        guid: "2113661c-6509-4034-98bb-9c47bd28d63c",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Microsoft 365 E5 EEA (no Teams) (500 seats min)_HUB",
        sku: "O365_w/o_Teams_Bundle_M5_(500_seats_min)_HUB",
        guid: "1e988bf3-8b7c-4731-bec0-4e2a2946600c",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Microsoft 365 E5 EEA (no Teams) without Audio Conferencing (500 seats min)_HUB",
        sku: "Microsoft_365_E5_EEA_(no_Teams)_without_Audio_Conferencing_(500_seats_min)_HUB",
        guid: "a640eead-25f6-4bec-97e3-23cfd382d7c2",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Microsoft 365 F3",
        sku: "SPE_F1",
        guid: "66b55226-6b4f-492c-910c-a3b7a3c9d993",
        kaizala: Some(KaizalaPlan::P1),
    },
    SkuEntry {
        product: "Microsoft 365 F3 EEA (no Teams)",
        sku: "Microsoft_365_F3_EEA_(no_Teams)",
        guid: "f7ee79a7-7aec-4ca4-9fb9-34d6b930ad87",
        kaizala: Some(KaizalaPlan::P1),
    },
    SkuEntry {
        product: "Office 365 A1 for faculty",
        sku: "STANDARDWOFFPACK_FACULTY",
        guid: "94763226-9b3c-4e75-a931-5c89701abe66",
        kaizala: Some(KaizalaPlan::P2),
    },
    SkuEntry {
        product: "Office 365 A1 Plus for faculty",
        sku: "STANDARDWOFFPACK_IW_FACULTY",
        guid: "78e66a63-337a-4a9a-8959-41c6654dfb56",
        kaizala: Some(KaizalaPlan::P2),
    },
    SkuEntry {
        product: "Office 365 A1 for students",
        sku: "STANDARDWOFFPACK_STUDENT",
        guid: "314c4481-f395-4525-be8b-2ec4bb1e9d91",
        kaizala: Some(KaizalaPlan::P2),
    },
    SkuEntry {
        product: "Office 365 A1 Plus for students",
        sku: "STANDARDWOFFPACK_IW_STUDENT",
        guid: "e82ae690-a2d5-4d76-8d30-7c6e01e6022e",
        kaizala: Some(KaizalaPlan::P2),
    },
    SkuEntry {
        product: "Office 365 A3 for faculty",
        sku: "ENTERPRISEPACKPLUS_FACULTY",
        guid: "e578b273-6db4-4691-bba0-8d691f4da603",
        kaizala: Some(KaizalaPlan::P3),
    },
    SkuEntry {
        product: "Office 365 A3 for students",
        sku: "ENTERPRISEPACKPLUS_STUDENT",
        guid: "98b6e773-24d4-4c0d-a968-6e787a1f8204",
        kaizala: Some(KaizalaPlan::P3),
    },
    SkuEntry {
        product: "Office 365 A5 for faculty",
        sku: "ENTERPRISEPREMIUM_FACULTY",
        guid: "a4585165-0533-458a-97e3-c400570268c4",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Office 365 A5 for students",
        sku: "ENTERPRISEPREMIUM_STUDENT",
        guid: "ee656612-49fa-43e5-b67e-cb1fdf7699df",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Office 365 E1",
        sku: "STANDARDPACK",
        guid: "18181a46-0d4e-45cd-891e-60aabd171b4e",
        kaizala: Some(KaizalaPlan::P2),
    },
    SkuEntry {
        product: "Office 365 E1 EEA (no Teams)",
        sku: "Office_365_w/o_Teams_Bundle_E1",
        guid: "b57282e3-65bd-4252-9502-c0eae1e5ab7f",
        kaizala: Some(KaizalaPlan::P2),
    },
    SkuEntry {
        product: "Office 365 E3",
        sku: "ENTERPRISEPACK",
        guid: "6fd2c87f-b296-42f0-b197-1e91e994b900",
        kaizala: Some(KaizalaPlan::P3),
    },
    SkuEntry {
        product: "Office 365 E3 (no Teams)",
        sku: "Office_365_E3_(no_Teams)",
        guid: "46c3a859-c90d-40b3-9551-6178a48d5c18",
        kaizala: Some(KaizalaPlan::P3),
    },
    SkuEntry {
        product: "Office 365 E3 EEA (no Teams)",
        sku: "O365_w/o_Teams_Bundle_E3",
        guid: "d711d25a-a21c-492f-bd19-aae1e8ebaf30",
        kaizala: Some(KaizalaPlan::P3),
    },
    SkuEntry {
        product: "Office 365 E5",
        sku: "ENTERPRISEPREMIUM",
        guid: "c7df2760-2c81-4ef7-b578-5b5392b571df",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Office 365 E5 EEA (no Teams)",
        sku: "Office_365_w/o_Teams_Bundle_E5",
        guid: "cf50bae9-29e8-4775-b07c-56ee10e3776d",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Office 365 E5 EEA (no Teams) without Audio Conferencing",
        sku: "Office_365_E5_EEA_(no_Teams)_without_Audio_Conferencing",
        guid: "71772aeb-4bb8-4f74-9dd4-36c7a9b5ca74",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Office 365 E5 Without Audio Conferencing",
        sku: "ENTERPRISEPREMIUM_NOPSTNCONF",
        guid: "26d45bd9-adf1-46cd-a9e1-51e9a5524128",
        kaizala: Some(KaizalaPlan::Standalone),
    },
    SkuEntry {
        product: "Office 365 F3",
        sku: "DESKLESSPACK",
        guid: "4b585984-651b-448a-9e53-3b10f069cf7f",
        kaizala: Some(KaizalaPlan::P1),
    },
    SkuEntry {
        product: "Office 365 F3 EEA (no Teams)",
        sku: "Office_365_F3_EEA_(no_Teams)",
        guid: "d1f0495b-cb7b-4e11-8b85-daee7e7e5664",
        kaizala: Some(KaizalaPlan::P1),
    },
    SkuEntry {
        product: "Microsoft 365 Business Basic",
        sku: "O365_BUSINESS_ESSENTIALS",
        guid: "3b555118-da6a-4418-894f-7df1e2096870",
        kaizala: None,
    },
    SkuEntry {
        product: "Microsoft 365 A1",
        sku: "M365EDU_A1",
        guid: "b17653a4-2443-4e8c-a550-18249dda78bb",
        kaizala: None,
    },
    // The traps: the *new* Microsoft 365 F1 carries no Kaizala, while the
    // old "Microsoft 365 F1" was renamed Microsoft 365 F3 (SPE_F1).
    SkuEntry {
        product: "Microsoft 365 F1",
        sku: "M365_F1",
        guid: "44575883-256e-4a79-9da4-ebe9acabe2b2",
        kaizala: None,
    },
    SkuEntry {
        product: "Microsoft 365 F1",
        sku: "M365_F1_COMM",
        guid: "50f60901-3181-4b75-8a2c-4c8e4c1d5a72",
        kaizala: None,
    },
];

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
    pub fn includes_kaizala(self) -> bool {
        matches!(self, Inclusion::Listed(_) | Inclusion::DescriptionOnly)
    }
}

/// A product recognised by [`kaizala_inclusion`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KnownProduct {
    pub inclusion: Inclusion,
    /// The product's name in Microsoft's SKU list, or the name matched.
    pub product: &'static str,
    pub sku: Option<&'static str>,
    pub guid: Option<&'static str>,
    /// The replacement plan this product is, when it is one.
    pub plan: Option<PlanId>,
}

impl KnownProduct {
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
            product: e.product,
            sku: Some(e.sku),
            guid: Some(e.guid),
            plan,
        }
    }
}

/// Does this product include Kaizala? Looks the SKU part number (or skuId
/// GUID) up first, then the offer name, current or former, ignoring case,
/// spaces and punctuation; a trailing note in parentheses such as
/// "(Nonprofit Staff Pricing)" is ignored when the full name is unknown.
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
    if stripped.is_empty() || stripped == name {
        return None;
    }
    index.by_name.get(&stripped).copied()
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
        for e in SKUS {
            let known = KnownProduct::from_entry(e);
            by_sku.entry(squash(e.sku)).or_insert(known);
            by_sku.entry(squash(e.guid)).or_insert(known);
            by_name.entry(squash(e.product)).or_insert(known);
            by_name.entry(squash(e.sku)).or_insert(known);
        }
        // Aliases win over product names, so an ambiguous name is never
        // read as one of its products.
        for (alias, target) in ALIASES {
            let known = match target {
                Alias::Sku(sku) => match SKUS.iter().find(|e| e.sku == *sku) {
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

/// Is this a Kaizala Pro *standalone* subscription?
///
/// The standalone product has no row in Microsoft's SKU list, so it is
/// recognised by name: the offer, the SKU or the friendly name says
/// "Kaizala Pro" (any case, spacing or punctuation, `KaizalaPro`, a
/// localized "Kaizala 專業版"), or names the `KAIZALA_STANDALONE` product.
///
/// Not standalone:
/// - any product of the SKU table or its aliases (E3, F3, Business
///   Standard, ...), whatever its nickname says: those are coverage;
/// - service plan names: "Microsoft Kaizala Pro Plan 1/2/3" and
///   `KAIZALA_O365_P1/P2/P3` name the Kaizala part *inside* another
///   product. Subscription exports list products, not service plans, so a
///   row carrying such a name is a license report line for a bundle, and
///   counting it as a standalone subscription would send the partner to
///   suspend an E3;
/// - plain "Microsoft Kaizala", the free app and the E5 service plan's
///   friendly name.
///
/// The friendly name (a partner-chosen nickname) counts only when the offer
/// and SKU are not a known product, because Graph-based reports put the
/// product's friendly name there and an unknown SKU in the offer column.
///
/// ```
/// use kaizala_engine::catalog::is_kaizala_pro_standalone as is_pro;
/// assert!(is_pro("Microsoft Kaizala Pro", None, None));
/// assert!(is_pro("MICROSOFT KAIZALA PRO", None, None));
/// assert!(is_pro("Kaizala-Pro (legacy)", None, None));
/// assert!(is_pro("Kaizala Pro 專業版", None, None));
/// assert!(is_pro("", None, Some("KAIZALA_STANDALONE")));
/// assert!(!is_pro("Microsoft Kaizala Pro Plan 2", None, None));
/// assert!(!is_pro("Office 365 E3", Some("Kaizala Pro team"), None));
/// ```
pub fn is_kaizala_pro_standalone(
    offer: &str,
    friendly_name: Option<&str>,
    sku: Option<&str>,
) -> bool {
    if kaizala_inclusion(offer, sku).is_some() {
        return false;
    }
    names_kaizala_pro(offer)
        || sku.is_some_and(names_kaizala_pro)
        || friendly_name.is_some_and(names_kaizala_pro)
}

fn names_kaizala_pro(text: &str) -> bool {
    let t = tokens(text);
    // A service plan suffix ("Plan 2", "P1") after the name means the
    // Kaizala part of a bundle, not the product.
    let product_ends_here = |j: usize| match t.get(j).map(String::as_str) {
        None => true,
        Some("plan") => false,
        Some(p) => {
            !(p.len() >= 2 && p.starts_with('p') && p[1..].bytes().all(|b| b.is_ascii_digit()))
        }
    };
    (0..t.len()).any(|i| match t[i].as_str() {
        "kaizalapro" => product_ends_here(i + 1),
        "kaizala" => match t.get(i + 1).map(String::as_str) {
            Some("pro") => product_ends_here(i + 2),
            Some("standalone") => true,
            Some(next) => next.starts_with("專業") || next.starts_with("专业"),
            None => false,
        },
        _ => false,
    })
}

/// Lower-case words: runs of letters and digits, split where the script
/// changes between ASCII and other letters (so "Kaizala專業版" is two).
fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_ascii = true;
    for c in s.chars() {
        if c.is_alphanumeric() {
            let ascii = c.is_ascii();
            if !cur.is_empty() && ascii != cur_ascii {
                out.push(std::mem::take(&mut cur));
            }
            cur_ascii = ascii;
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Lower-cases and keeps letters and digits only, for name comparison.
pub(crate) fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_is_indexed_by_plan_id() {
        for id in PlanId::ALL {
            assert_eq!(id.plan().id, id);
            assert_eq!(PlanId::parse(id.as_str()), Some(id));
        }
    }

    #[test]
    fn catalog_matches_sku_table() {
        for p in &REPLACEMENT_PLANS {
            let e = SKUS.iter().find(|e| e.sku == p.sku).expect(p.sku);
            assert_eq!(e.guid, p.guid, "{}", p.sku);
            assert_eq!(e.kaizala, p.kaizala, "{}", p.sku);
            for (sku, guid, _) in p.other_skus {
                let e = SKUS.iter().find(|e| e.sku == *sku).expect(sku);
                assert_eq!(e.guid, *guid);
            }
        }
    }

    #[test]
    fn aliases_point_into_the_table() {
        for (name, alias) in ALIASES {
            if let Alias::Sku(sku) = alias {
                assert!(SKUS.iter().any(|e| e.sku == *sku), "{name}");
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

    #[test]
    fn standalone_recognition() {
        let yes = [
            "Microsoft Kaizala Pro",
            "Kaizala Pro",
            "kaizala pro",
            "KAIZALA_PRO",
            "KaizalaPro",
            "Microsoft Kaizala Pro (Legacy)",
            "Kaizala Pro 專業版",
            "Microsoft Kaizala 專業版",
            "Kaizala專業版",
            "KAIZALA_STANDALONE",
            "Kaizala Pro Standalone",
            "Microsoft Kaizala Pro Trial",
        ];
        for name in yes {
            assert!(is_kaizala_pro_standalone(name, None, None), "{name}");
        }
        let no = [
            "Microsoft Kaizala Pro Plan 2",
            "Microsoft Kaizala Pro Plan 1",
            "KAIZALA_O365_P3",
            "Kaizala Pro P2",
            "Microsoft Kaizala",
            "Office 365 E3",
            "Exchange Online (Plan 1)",
            "",
            "Kaizalas Protector",
        ];
        for name in no {
            assert!(!is_kaizala_pro_standalone(name, None, None), "{name}");
        }
        // A nickname counts when the offer is unknown, not on a known bundle.
        assert!(is_kaizala_pro_standalone(
            "9a1b2c3d",
            Some("Microsoft Kaizala Pro"),
            None
        ));
        assert!(!is_kaizala_pro_standalone(
            "Microsoft 365 E3",
            Some("Kaizala Pro"),
            None
        ));
        assert!(!is_kaizala_pro_standalone(
            "Kaizala Pro",
            None,
            Some("SPE_E3")
        ));
    }
}
