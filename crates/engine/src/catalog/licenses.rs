/*!
What a license a user holds is, for a Kaizala migration: [`license_kind`]
reads one license name from a users file (a display name, a SKU part
number, a skuId GUID or MSOnline's `tenant:SKU`) against the SKU table
(`recognise`) and the standalone Kaizala Pro names (`standalone`).

Users files also name products that have nothing to do with Kaizala
(`Enterprise Mobility + Security E5`, `Microsoft Power Automate Free`).
The few common ones are listed here (`OTHER_PRODUCTS`), so that they
read as "no Kaizala" rather than unknown, and so that a `+` inside such
a name is not taken for the admin center's `+` between licenses. Their
names and SKU part numbers are those of Microsoft's "Product names and
service plan identifiers for licensing" list; none lists a Kaizala
service plan there (the SKU table holds every product that does).

A Kaizala *service plan* (`KAIZALA_STANDALONE`, `KAIZALA_O365_P3`) found
where a license is expected is read as [`LicenseKind::Unknown`]: it
names the Kaizala part of some product the file does not name, so the
planner can count it neither as coverage nor as the standalone product,
and the user sees it listed instead of a guess.
*/

use super::{is_kaizala_pro_standalone, kaizala_inclusion, squash, Inclusion};
use crate::model::users::LicenseKind;

/// Common products without Kaizala: display name, SKU part number.
const OTHER_PRODUCTS: &[(&str, &str)] = &[
    ("Enterprise Mobility + Security E3", "EMS"),
    ("Enterprise Mobility + Security E5", "EMSPREMIUM"),
    ("Microsoft Power Automate Free", "FLOW_FREE"),
    ("Power BI (free)", "POWER_BI_STANDARD"),
    ("Power BI Pro", "POWER_BI_PRO"),
    ("Microsoft Teams Exploratory", "TEAMS_EXPLORATORY"),
    ("Exchange Online (Plan 1)", "EXCHANGESTANDARD"),
    ("Exchange Online (Plan 2)", "EXCHANGEENTERPRISE"),
    ("Microsoft 365 Apps for business", "O365_BUSINESS"),
    ("Microsoft 365 Apps for enterprise", "OFFICESUBSCRIPTION"),
    ("Microsoft Entra ID P1", "AAD_PREMIUM"),
    ("Azure Active Directory Premium P1", "AAD_PREMIUM"),
    ("Microsoft Entra ID P2", "AAD_PREMIUM_P2"),
    ("Microsoft Intune Plan 1", "INTUNE_A"),
    ("Visio Plan 2", "VISIOCLIENT"),
    ("Project Plan 3", "PROJECTPROFESSIONAL"),
    (
        "Microsoft Defender for Office 365 (Plan 1)",
        "ATP_ENTERPRISE",
    ),
];

/// What the license `name` is. See the module documentation.
///
/// ```
/// use kaizala_engine::catalog::{license_kind, KaizalaPlan};
/// use kaizala_engine::model::LicenseKind;
/// assert_eq!(license_kind("Microsoft Kaizala Pro"), LicenseKind::KaizalaPro);
/// assert_eq!(license_kind("Office 365 E1"), LicenseKind::IncludesKaizala(Some(KaizalaPlan::P2)));
/// assert_eq!(license_kind("contoso:ENTERPRISEPACK"), LicenseKind::IncludesKaizala(Some(KaizalaPlan::P3)));
/// assert_eq!(license_kind("Enterprise Mobility + Security E5"), LicenseKind::NoKaizala);
/// assert_eq!(license_kind("KAIZALA_STANDALONE"), LicenseKind::Unknown);
/// assert_eq!(license_kind("Contoso Widget Plan"), LicenseKind::Unknown);
/// ```
pub fn license_kind(name: &str) -> LicenseKind {
    let name = sku_of(name.trim());
    if name.is_empty() {
        return LicenseKind::Unknown;
    }
    if let Some(known) = kaizala_inclusion(name, Some(name)) {
        if known.is_service_plan() {
            return LicenseKind::Unknown;
        }
        return match known.inclusion {
            Inclusion::Listed(k) => LicenseKind::IncludesKaizala(Some(k)),
            Inclusion::DescriptionOnly => LicenseKind::IncludesKaizala(None),
            Inclusion::No | Inclusion::Ambiguous => LicenseKind::NoKaizala,
        };
    }
    if is_kaizala_pro_standalone(name, None, None) {
        return LicenseKind::KaizalaPro;
    }
    let squashed = squash(name);
    if OTHER_PRODUCTS
        .iter()
        .any(|(n, sku)| squash(n) == squashed || squash(sku) == squashed)
    {
        return LicenseKind::NoKaizala;
    }
    LicenseKind::Unknown
}

/// Whether `name`, of the kind [`license_kind`] gave, is one whole license
/// name, for splitting names joined with `+`: the standalone product is
/// told by a few words anywhere in a name (`Kaizala Pro (legacy)`), so a
/// name with a `+` in it is taken for it only by the tables.
pub(crate) fn is_whole_license(name: &str, kind: LicenseKind) -> bool {
    match kind {
        LicenseKind::Unknown => false,
        LicenseKind::KaizalaPro => !name.contains('+'),
        _ => true,
    }
}

/// Whether the catalog knows `name` as one whole license name (see
/// [`is_whole_license`]).
pub(crate) fn is_known_license(name: &str) -> bool {
    is_whole_license(name, license_kind(name))
}

/// MSOnline's `tenant:SKU` (`contoso:ENTERPRISEPACK`) is the SKU; any other
/// name is itself.
fn sku_of(name: &str) -> &str {
    match name.split_once(':') {
        Some((tenant, sku))
            if !tenant.is_empty()
                && !sku.trim().is_empty()
                && !tenant.contains(char::is_whitespace)
                && !sku.trim().contains(char::is_whitespace) =>
        {
            sku.trim()
        }
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::KaizalaPlan;

    #[test]
    fn kinds() {
        let table: &[(&str, LicenseKind)] = &[
            ("Microsoft Kaizala Pro", LicenseKind::KaizalaPro),
            ("Kaizala Pro", LicenseKind::KaizalaPro),
            (
                "Office 365 E1",
                LicenseKind::IncludesKaizala(Some(KaizalaPlan::P2)),
            ),
            (
                "STANDARDPACK",
                LicenseKind::IncludesKaizala(Some(KaizalaPlan::P2)),
            ),
            (
                "litwareinc:ENTERPRISEPACK",
                LicenseKind::IncludesKaizala(Some(KaizalaPlan::P3)),
            ),
            (
                "Microsoft 365 Business Basic",
                LicenseKind::IncludesKaizala(None),
            ),
            ("Microsoft 365 F1", LicenseKind::NoKaizala),
            ("M365EDU_A1", LicenseKind::NoKaizala),
            ("EMSPREMIUM", LicenseKind::NoKaizala),
            ("Microsoft Power Automate Free", LicenseKind::NoKaizala),
            ("KAIZALA_O365_P3", LicenseKind::Unknown),
            ("KAIZALA_STANDALONE", LicenseKind::Unknown),
            ("Unlicensed", LicenseKind::Unknown),
            ("", LicenseKind::Unknown),
            ("Fabrikam Widget Suite", LicenseKind::Unknown),
        ];
        for (name, kind) in table {
            assert_eq!(license_kind(name), *kind, "{name}");
        }
    }
}
