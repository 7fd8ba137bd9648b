/*!
Headers → fields: the alias table, format detection and the user's mapping.

A header is compared in a normalised form: ASCII letters lower-cased, every
character that is not a letter or digit dropped (spaces, `_`, `.`, `/`,
full-width punctuation, a stray BOM), so `Subscription ID`,
`subscription_id`, `SubscriptionId` and `TermInfo.SubscriptionId`'s tail
compare alike, and `訂閱 識別碼` equals `訂閱識別碼`.

Known formats are recognised by headers only they have, then mapped by a
table of their own (the reconciliation file's `SubscriptionId` is *not*
the Partner Center subscription id; its `SyndicationPartnerSubscriptionNumber`
is). What a format table leaves unmapped goes through the generic alias
table, and the user's mapping overrides both.

The zh-TW aliases follow Partner Center's Traditional Chinese UI terms
(訂用帳戶 for subscription, 客戶, 數量, 狀態, 自動續訂, 網域); the simplified
Chinese ones follow its zh-CN UI. They are our own renderings: the exact
strings of localised exports are not documented.

The alias tables themselves are in `aliases`; `candidates` ranks the
columns that might hold a field no header names; `users` tells a users
file (the admin center's *Export users*, a license report) from a
subscription list and maps its columns by the users table alone.
*/

mod aliases;
mod candidates;
mod users;

pub(crate) use self::aliases::alias_hits;
pub(crate) use self::aliases::normalise;
use self::aliases::ALIASES;
pub(crate) use self::candidates::candidates;
pub use self::users::USER_FIELDS;
use super::choices::{push_same_columns, CUSTOMER_FIELDS};
use super::file_name::file_stem;
use super::{CustomerQuestion, Field, FileCustomers, Format, ImportOptions, MappingProblem};
use crate::model::source::ImportNote;

/// Every field, in the order missing fields are reported.
pub const FIELDS: [Field; 15] = [
    Field::CustomerId,
    Field::CustomerName,
    Field::CustomerDomain,
    Field::Qualification,
    Field::ResellerMpnId,
    Field::SubscriptionId,
    Field::Offer,
    Field::FriendlyName,
    Field::Sku,
    Field::Seats,
    Field::Status,
    Field::AutoRenew,
    Field::EndDate,
    Field::Term,
    Field::Trial,
];

/// Subscription fields, then user fields: what a [`Mapping`] holds.
const ALL_FIELDS: [Field; FIELDS.len() + USER_FIELDS.len()] = {
    let mut all = [Field::CustomerId; FIELDS.len() + USER_FIELDS.len()];
    let mut i = 0;
    while i < all.len() {
        all[i] = if i < FIELDS.len() {
            FIELDS[i]
        } else {
            USER_FIELDS[i - FIELDS.len()]
        };
        i += 1;
    }
    all
};

pub(crate) fn field_index(f: Field) -> usize {
    ALL_FIELDS.iter().position(|x| *x == f).unwrap_or(0)
}

/// Column roles that are not model fields but that formats need.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Aux {
    /// Reconciliation: `ChargeType`.
    pub(crate) charge_type: Option<usize>,
    /// Reconciliation: `ChargeStartDate`.
    pub(crate) charge_start: Option<usize>,
    /// CIPP: `TermInfo.SubscriptionId`, used when the CSP id is blank.
    pub(crate) fallback_id: Option<usize>,
    /// CIPP all-tenants: the `TermInfo` JSON column.
    pub(crate) term_info_json: Option<usize>,
    /// o365reports: `Friendly Expiry Date` ("Will expire in 30 days").
    pub(crate) friendly_status: Option<usize>,
    /// A per-SKU total used when the per-subscription one is blank (CIPP).
    pub(crate) fallback_seats: Option<usize>,
    /// Users reports: the licenses' friendly names beside their SKU part
    /// numbers (o365reports, AdminDroid).
    pub(crate) license_names: Option<usize>,
}

/// The columns chosen for each field, and what was found.
#[derive(Clone, Debug, Default)]
pub(crate) struct Mapping {
    pub(crate) format: Option<Format>,
    /// Column index per field, indexed by [`field_index`].
    pub(crate) columns: [Option<usize>; ALL_FIELDS.len()],
    pub(crate) aux: Aux,
    pub(crate) missing: Vec<Field>,
    pub(crate) notes: Vec<ImportNote>,
    /// What is wrong with the user's choices.
    pub(crate) problems: Vec<MappingProblem>,
    /// Asked when a file with no customer column has no answer yet.
    pub(crate) customer_question: Option<CustomerQuestion>,
}

impl Mapping {
    pub(crate) fn get(&self, f: Field) -> Option<usize> {
        self.columns[field_index(f)]
    }

    /// Whether the user must answer something before rows are read.
    pub(crate) fn needs_user(&self) -> bool {
        !self.missing.is_empty() || !self.problems.is_empty() || self.customer_question.is_some()
    }

    /// Whether the file lists users rather than subscriptions.
    pub(crate) fn is_users(&self) -> bool {
        matches!(
            self.format,
            Some(Format::AdminCenterUsers | Format::UserLicenseReport)
        )
    }

    /// The recognised fields with their column's header.
    pub(crate) fn mapped(&self, headers: &[String]) -> Vec<(Field, String)> {
        ALL_FIELDS
            .iter()
            .filter_map(|f| {
                self.get(*f)
                    .and_then(|i| headers.get(i))
                    .map(|h| (*f, h.clone()))
            })
            .collect()
    }

    fn set(&mut self, f: Field, col: Option<usize>) {
        if let Some(c) = col {
            if self.columns[field_index(f)].is_none() {
                self.columns[field_index(f)] = Some(c);
            }
        }
    }
}

struct Headers<'a> {
    raw: &'a [String],
    norm: Vec<String>,
}

impl Headers<'_> {
    fn find(&self, alias: &str) -> Option<usize> {
        self.norm.iter().position(|h| h == alias)
    }
    fn any(&self, aliases: &[&str]) -> Option<usize> {
        aliases.iter().find_map(|a| self.find(a))
    }
    fn has(&self, alias: &str) -> bool {
        self.find(alias).is_some()
    }
    fn has_raw(&self, exact: &str) -> bool {
        self.raw.iter().any(|h| h.trim() == exact)
    }
}

/// Recognises a format by headers characteristic of it.
fn detect(h: &Headers) -> Format {
    if h.has("syndicationpartnersubscriptionnumber") && h.has("chargetype") {
        return Format::Reconciliation;
    }
    if h.has("legacysubscriptionid") && (h.has("legacyproductname") || h.has("currentseatcount")) {
        return Format::BulkMigration;
    }
    let pc_customer = h.any(&["microsoftid", "microsoft識別碼"]).is_some()
        && h.any(&["companyname", "公司名稱", "公司名称"]).is_some();
    if pc_customer
        && h.any(&[
            "subscriptionid",
            "訂閱識別碼",
            "訂用帳戶識別碼",
            "offername",
        ])
        .is_none()
    {
        return Format::PartnerCenterCustomers;
    }
    if h.has("licenseexpirydatenextlifecycleactivitydate")
        || (h.has("friendlysubscriptionname") && h.has("subscriptionname"))
    {
        return Format::LicenseExpiryReport;
    }
    if h.has("skupartnumber")
        && h.has("tenant")
        && (h.has("license") || h.has("terminfo") || h.has("terminfostatus"))
    {
        return Format::CippLicenseReport;
    }
    let api_like = h.has("offername") && (h.has("commitmentenddate") || h.has("autorenewenabled"));
    if api_like && h.has("id") && !h.has("subscriptionid") {
        return Format::RestApi;
    }
    // Export-Csv of a PSSubscription writes all its properties; a file with
    // several of those that only it has is PowerShell's, whatever the case.
    const PS_ONLY: [&str; 12] = [
        "actiontaken",
        "attentionneeded",
        "billingtype",
        "entitlementid",
        "haspurchasableaddons",
        "ismicrosoftproduct",
        "istrial",
        "parentsubscriptionid",
        "publishername",
        "refundoptions",
        "suspensionreasons",
        "unittype",
    ];
    if api_like && h.has("subscriptionid") && PS_ONLY.iter().filter(|p| h.has(p)).count() >= 3 {
        return if h.has_raw("offerName") && !h.has_raw("OfferName") {
            Format::RestApi
        } else {
            Format::PowerShell
        };
    }
    let pc_sub_id = h
        .any(&[
            "subscriptionid",
            "訂閱識別碼",
            "訂用帳戶識別碼",
            "訂閱id",
            "訂用帳戶id",
        ])
        .is_some();
    let pc_sub = h.any(&["subscription", "訂閱", "訂用帳戶"]).is_some();
    let pc_qty = h.any(&["quantity", "數量"]).is_some();
    let pc_status = h.any(&["status", "狀態"]).is_some();
    if pc_sub_id && pc_sub && pc_qty && pc_status && !h.has("offername") {
        return Format::PartnerCenterSubscriptions;
    }
    Format::Generic
}

/// Maps the columns of `raw` headers for the detected format, then the
/// aliases, then the user's choices. Records what is missing. `sample`
/// (the first data rows) tells a users file with unknown headers by its
/// e-mail addresses.
pub(crate) fn map_headers(
    raw: &[String],
    options: &ImportOptions,
    sample: &[Vec<String>],
) -> Mapping {
    let h = Headers {
        raw,
        norm: raw.iter().map(|s| normalise(s)).collect(),
    };
    let mut format = detect(&h);
    if format == Format::Generic {
        format = users::detect(&h.norm, sample, options).unwrap_or(format);
    }
    let mut m = Mapping {
        format: Some(format),
        ..Mapping::default()
    };
    match format {
        Format::Reconciliation => {
            m.set(
                Field::SubscriptionId,
                h.find("syndicationpartnersubscriptionnumber"),
            );
            m.set(Field::Offer, h.find("offername"));
            m.set(Field::FriendlyName, h.find("subscriptionname"));
            m.set(Field::Seats, h.find("quantity"));
            m.set(Field::EndDate, h.find("subscriptionenddate"));
            m.set(Field::CustomerDomain, h.find("domainname"));
            m.aux.charge_type = h.find("chargetype");
            m.aux.charge_start = h.find("chargestartdate");
            // Nothing else in this file is a status, an auto-renew flag or a
            // term; keep the alias table from finding one by accident.
            for f in [Field::Status, Field::AutoRenew, Field::Term, Field::Sku] {
                m.columns[field_index(f)] = Some(usize::MAX);
            }
        }
        Format::BulkMigration => {
            m.set(Field::SubscriptionId, h.find("legacysubscriptionid"));
            m.set(Field::Offer, h.find("legacyproductname"));
            m.set(Field::FriendlyName, h.find("legacysubscriptionname"));
            m.set(Field::Seats, h.find("currentseatcount"));
            m.set(Field::EndDate, h.find("expirationdate"));
            m.set(Field::Term, h.find("currentterm"));
            m.set(Field::CustomerId, h.find("customertenantid"));
        }
        Format::RestApi => {
            m.set(Field::SubscriptionId, h.find("id"));
        }
        Format::LicenseExpiryReport => {
            m.set(Field::Sku, h.find("subscriptionname"));
            m.set(Field::Offer, h.find("friendlysubscriptionname"));
            m.set(Field::Seats, h.find("totalunits"));
            m.set(
                Field::EndDate,
                h.find("licenseexpirydatenextlifecycleactivitydate"),
            );
            m.aux.friendly_status = h.find("friendlyexpirydate");
            m.columns[field_index(Field::FriendlyName)] = Some(usize::MAX);
        }
        Format::CippLicenseReport => {
            m.set(Field::Offer, h.find("license"));
            m.set(Field::Sku, h.find("skupartnumber"));
            m.set(Field::CustomerDomain, h.find("tenant"));
            m.set(Field::Seats, h.find("terminfototallicenses"));
            m.aux.fallback_seats = h.find("totallicenses");
            m.set(Field::Status, h.find("terminfostatus"));
            m.set(Field::EndDate, h.find("terminfonextlifecycle"));
            m.set(Field::Term, h.find("terminfoterm"));
            m.set(Field::SubscriptionId, h.find("terminfocspsubscriptionid"));
            m.aux.fallback_id = h.find("terminfosubscriptionid");
            m.aux.term_info_json = h.find("terminfo");
            // `TotalLicenses` is the SKU total; only the per-term count is
            // the subscription's.
            if m.get(Field::Seats).is_none() && m.aux.term_info_json.is_none() {
                m.set(Field::Seats, m.aux.fallback_seats);
            }
            if m.get(Field::Seats).is_none() {
                m.columns[field_index(Field::Seats)] = Some(usize::MAX);
            }
            m.columns[field_index(Field::CustomerName)] = Some(usize::MAX);
        }
        Format::PartnerCenterSubscriptions => {
            m.set(Field::Offer, h.any(&["subscription", "訂用帳戶", "訂閱"]));
        }
        Format::PartnerCenterCustomers => {
            m.set(
                Field::CustomerId,
                h.any(&["microsoftid", "microsoft識別碼"]),
            );
            m.set(
                Field::CustomerName,
                h.any(&["companyname", "公司名稱", "公司名称"]),
            );
            m.set(
                Field::CustomerDomain,
                h.any(&["primarydomainname", "主要網域名稱", "主域名"]),
            );
        }
        Format::AdminCenterUsers | Format::UserLicenseReport => users::map_columns(&mut m, &h.norm),
        Format::PowerShell | Format::Generic => {}
    }
    if format != Format::PartnerCenterCustomers && !m.is_users() {
        for (field, aliases) in ALIASES {
            if m.get(*field).is_some() {
                continue;
            }
            // The best alias wins, wherever its column is.
            let col = aliases.iter().find_map(|a| {
                h.norm
                    .iter()
                    .enumerate()
                    .position(|(i, n)| n == a && !m.columns.contains(&Some(i)))
            });
            m.set(*field, col);
        }
    }
    // Placeholders that blocked the alias table are "not in this file".
    for c in m.columns.iter_mut() {
        if *c == Some(usize::MAX) {
            *c = None;
        }
    }
    // The user's choices override everything; an empty header means "not
    // in this file". A column taken from a field recognised in it leaves
    // that field without one.
    let recognised = m.columns;
    let mut chosen: Vec<(Field, &str)> = Vec::new();
    for (field, header) in &options.mapping {
        let want = header.trim();
        if want.is_empty() {
            m.columns[field_index(*field)] = None;
            continue;
        }
        let col = raw
            .iter()
            .position(|r| r.trim() == want)
            .or_else(|| raw.iter().position(|r| normalise(r) == normalise(want)));
        match col {
            Some(c) => {
                for other in m.columns.iter_mut() {
                    if *other == Some(c) {
                        *other = None;
                    }
                }
                m.columns[field_index(*field)] = Some(c);
                chosen.push((*field, raw[c].as_str()));
            }
            None => {
                m.notes.push(ImportNote::ChosenColumnMissing {
                    field: *field,
                    header: want.to_string(),
                });
                m.problems.push(MappingProblem::NoSuchColumn {
                    field: *field,
                    column: want.to_string(),
                });
            }
        }
    }
    push_same_columns(&chosen, &mut m.problems);
    m.missing = required(format, &m, options);
    // A required field asked for again because its column was chosen for
    // another field: say so, or the user sees the same question again.
    for field in &m.missing {
        let stolen = recognised[field_index(*field)]
            .and_then(|c| raw.get(c))
            .and_then(|h| chosen.iter().find(|(_, x)| *x == h.as_str()));
        if let Some((second, column)) = stolen {
            if !options.mapping.iter().any(|(f, _)| f == field) {
                m.problems.push(MappingProblem::SameColumn {
                    column: column.to_string(),
                    first: *field,
                    second: *second,
                });
            }
        }
    }
    customers_answer(format, &mut m, options);
    m
}

/// The fields without which a row cannot become a subscription: the
/// subscription id and the offer (a SKU part number stands in for the
/// offer). Graph license reports carry no Partner Center subscription id,
/// so only the product is needed there; a customer list needs a customer.
fn required(format: Format, m: &Mapping, options: &ImportOptions) -> Vec<Field> {
    let mut missing = Vec::new();
    match format {
        Format::AdminCenterUsers | Format::UserLicenseReport => return users::required(m),
        Format::PartnerCenterCustomers => {
            if m.get(Field::CustomerId).is_none() && m.get(Field::CustomerName).is_none() {
                missing.push(Field::CustomerName);
            }
        }
        Format::LicenseExpiryReport | Format::CippLicenseReport => {
            if m.get(Field::Offer).is_none() && m.get(Field::Sku).is_none() {
                missing.push(Field::Offer);
            }
        }
        _ => {
            if m.get(Field::SubscriptionId).is_none() && !options.number_rows {
                missing.push(Field::SubscriptionId);
            }
            if m.get(Field::Offer).is_none() && m.get(Field::Sku).is_none() {
                missing.push(Field::Offer);
            }
        }
    }
    missing
}

/// A file in no known format with no customer column asks whether it
/// holds one customer or many, unless the user has answered. Known formats
/// without one are one customer's export by their nature (Partner Center's
/// per-customer exports, a tenant's license report) and take the customer
/// from the file name, as they always did.
fn customers_answer(format: Format, m: &mut Mapping, options: &ImportOptions) {
    if format != Format::Generic || CUSTOMER_FIELDS.iter().any(|f| m.get(*f).is_some()) {
        return;
    }
    let question = || CustomerQuestion {
        suggested_name: options
            .file_name
            .as_deref()
            .map(file_stem)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
    };
    match &options.customers {
        None => m.customer_question = Some(question()),
        Some(FileCustomers::One { name }) if name.trim().is_empty() => {
            m.customer_question = Some(question());
            m.problems.push(MappingProblem::CustomerNotNamed);
        }
        Some(FileCustomers::One { .. }) => {}
        Some(FileCustomers::Many) => {
            m.customer_question = Some(question());
            m.problems.push(MappingProblem::CustomerColumnNotChosen);
        }
    }
}

#[cfg(test)]
mod tests;
