/*!
A customer's users and the licenses they hold, as a users export tells
it (the admin center's *Export users*, or a license report a script
wrote).

The importer (`import::users`) fills these; the planner
(`plan::users`) reads them to say who holds Kaizala Pro, who already has
a plan that includes Kaizala, and who needs a license of the new plan.
Each license keeps the name the file gave it beside what the catalog
makes of it: a name the catalog does not know stays `Unknown`, listed to
the user, never guessed.
*/

use serde::{Deserialize, Serialize};

use crate::catalog::KaizalaPlan;

use super::SharedText;

/// What a license a user holds is, for a Kaizala migration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "plan")]
pub enum LicenseKind {
    /// The standalone Kaizala Pro product, whose sale ended.
    KaizalaPro,
    /// A product that includes Kaizala: the Kaizala service plan it lists
    /// (`None` for Business Basic, which includes Kaizala by its service
    /// description only).
    IncludesKaizala(Option<KaizalaPlan>),
    /// A known product without Kaizala.
    NoKaizala,
    /// A name the catalog does not know.
    Unknown,
}

/// One license a user holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct License {
    /// The license as the file names it: a display name (`Office 365 E1`),
    /// a SKU part number (`STANDARDPACK`) or `tenant:SKU`
    /// (`contoso:STANDARDPACK`).
    pub name: SharedText,
    /// What the catalog makes of it.
    pub kind: LicenseKind,
}

/// One user of a customer's tenant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// The user principal name (`alice@contoso.com`), as exported.
    pub upn: SharedText,
    /// The display name, when the file has one.
    pub display_name: Option<SharedText>,
    /// Every license the user holds, in the file's order; empty for an
    /// unlicensed user.
    pub licenses: Vec<License>,
    /// Sign-in is blocked (`Block credential` is true), when the file says.
    #[serde(default)]
    pub blocked: bool,
    /// 1-based lines the user was read from (a license report may give a
    /// user one row per license).
    pub lines: Vec<u64>,
}

impl User {
    /// Holds the standalone Kaizala Pro license.
    pub fn holds_kaizala_pro(&self) -> bool {
        self.licenses
            .iter()
            .any(|l| l.kind == LicenseKind::KaizalaPro)
    }

    /// The licenses that include Kaizala, in the file's order.
    pub fn kaizala_plans(&self) -> impl Iterator<Item = &License> {
        self.licenses
            .iter()
            .filter(|l| matches!(l.kind, LicenseKind::IncludesKaizala(_)))
    }
}

/// The users of one tenant, read from one file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsersList {
    /// The file's name, when known, to name the list to a person.
    pub file_name: Option<String>,
    /// The customer ([`Customer::key`](super::Customer::key)) the user
    /// said the file belongs to; `None`: found by the tenant's domains.
    #[serde(default)]
    pub customer: Option<String>,
    /// The tenant's domains the file shows, lower-cased, each once: the
    /// `*.onmicrosoft.com` addresses among the proxy addresses first, then
    /// the domains of the user principal names, most used first.
    pub domains: Vec<SharedText>,
    /// Every user, in the file's order.
    pub users: Vec<User>,
}
