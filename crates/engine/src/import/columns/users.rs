/*!
Is this a users file, and which of its columns are the user's fields?

A file whose headers match no subscription format is a users file when a
column is named as a user principal name or as licenses (the users alias
table, `aliases::USER_ALIASES`) and none as a subscription id, an offer
or a SKU; or, when no header says either, when a column's first values
are mostly e-mail addresses. Choices the user made in the mapping step
settle it: a user field chosen makes it a users file, a subscription
field chosen makes it a subscription file.

The admin center's *Export users* is told from the scripts' reports by
columns only it has (`Block credential`, `Proxy addresses`, `Object Id`,
…); everything else that lists users is a [`Format::UserLicenseReport`].
*/

use super::aliases::{ALIASES, LICENSE_NAME_ALIASES, USER_ALIASES};
use super::{field_index, Mapping};
use crate::import::{Field, Format, ImportOptions};

/// The fields of a users file, in the order they are listed to a user.
pub const USER_FIELDS: [Field; 5] = [
    Field::UserPrincipalName,
    Field::DisplayName,
    Field::Licenses,
    Field::ProxyAddresses,
    Field::BlockCredential,
];

/// Fields that make a file a subscription list.
const SUBSCRIPTION_LIKE: [Field; 3] = [Field::SubscriptionId, Field::Offer, Field::Sku];

/// Headers (normalised) only the admin center's *Export users* has, among
/// the files that list users; two of them make a file that export.
const ADMIN_CENTER_ONLY: &[&str] = &[
    "blockcredential",
    "proxyaddresses",
    "licenseassignmentdetails",
    "objectid",
    "usagelocation",
    "passwordneverexpires",
    "dirsyncenabled",
    "lastdirsynctime",
    "softdeletiontimestamp",
    "preferreddatalocation",
    "lastpasswordchangetimestamp",
    "whencreated",
    "封鎖認證",
    "封鎖登入",
    "proxy位址",
    "物件識別碼",
    "使用位置",
];

/// The users format of a file whose headers match no subscription format,
/// or `None` when it is not a users file.
pub(super) fn detect(
    norm: &[String],
    sample: &[Vec<String>],
    options: &ImportOptions,
) -> Option<Format> {
    let chosen = |fields: &[Field]| {
        options
            .mapping
            .iter()
            .any(|(f, c)| fields.contains(f) && !c.trim().is_empty())
    };
    if chosen(&SUBSCRIPTION_LIKE) {
        return None;
    }
    let named = |table: &[(Field, &[&str])], fields: &[Field]| {
        table
            .iter()
            .filter(|(f, _)| fields.contains(f))
            .any(|(_, aliases)| norm.iter().any(|n| aliases.contains(&n.as_str())))
    };
    let subscription_like = named(ALIASES, &SUBSCRIPTION_LIKE);
    // `授權` (license) names an offer as well: a UPN column outweighs it.
    let id_or_sku = named(ALIASES, &[Field::SubscriptionId, Field::Sku]);
    let users = chosen(&USER_FIELDS)
        || (named(USER_ALIASES, &[Field::UserPrincipalName]) && !id_or_sku)
        || (named(USER_ALIASES, &[Field::Licenses]) && !subscription_like)
        || (!subscription_like && email_column(sample).is_some());
    if !users {
        return None;
    }
    let admin = norm
        .iter()
        .filter(|n| ADMIN_CENTER_ONLY.contains(&n.as_str()))
        .count();
    Some(if admin >= 2 {
        Format::AdminCenterUsers
    } else {
        Format::UserLicenseReport
    })
}

/// Maps a users file's columns by the users alias table.
pub(super) fn map_columns(m: &mut Mapping, norm: &[String]) {
    for (field, aliases) in USER_ALIASES {
        let col = aliases.iter().find_map(|a| {
            norm.iter()
                .enumerate()
                .position(|(i, n)| n == a && !m.columns.contains(&Some(i)))
        });
        if m.get(*field).is_none() {
            m.columns[field_index(*field)] = col;
        }
    }
    m.aux.license_names = LICENSE_NAME_ALIASES
        .iter()
        .find_map(|a| norm.iter().position(|n| n == a));
}

/// The user fields without which a users file cannot be read.
pub(super) fn required(m: &Mapping) -> Vec<Field> {
    [Field::UserPrincipalName, Field::Licenses]
        .into_iter()
        .filter(|f| m.get(*f).is_none())
        .collect()
}

/// The first column whose sample values are mostly e-mail addresses.
pub(crate) fn email_column(sample: &[Vec<String>]) -> Option<usize> {
    let width = sample.iter().map(Vec::len).max().unwrap_or(0);
    (0..width).find(|&i| {
        let values: Vec<&str> = sample
            .iter()
            .filter_map(|r| r.get(i))
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .collect();
        let emails = values.iter().filter(|v| looks_like_email(v)).count();
        emails > 0 && emails * 2 > values.len()
    })
}

/// `name@domain.tld` with no spaces: what a user principal name looks like.
pub(crate) fn looks_like_email(v: &str) -> bool {
    let Some((local, domain)) = v.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && !v.contains(char::is_whitespace)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}
