/*!
Users files → a [`UsersList`]: the admin center's *Export users* and the
license reports scripts write (`Format::AdminCenterUsers`,
`Format::UserLicenseReport`).

The file is read like a subscription export, with the same dialect
handling and the same slices (`rows::Builder` checks each record and
hands its cells here); columns come from `columns::users`. Each row is
one user, or another license of a user met before (o365reports' detailed
report has a row per service plan): rows are grouped by user principal
name, ignoring case, and a user's licenses kept once each. Every license
is read by [`catalog::license_kind`](crate::catalog::license_kind); the
names it does not know are noted, never guessed.

The tenant's domains are the `*.onmicrosoft.com` addresses among the
proxy addresses (`SMTP:`/`smtp:` entries joined with `+`), then the user
principal names' domains, most used first.
*/

mod licenses;

use std::collections::{HashMap, HashSet};

use self::licenses::split_licenses;
use super::columns::Mapping;
use super::values::parse_bool;
use super::{Field, MappingRequest, RejectedRow, FIELDS, USER_FIELDS};
use crate::catalog::{is_whole_license, license_kind};
use crate::model::source::{Format, ImportNote, RejectReason};
use crate::model::{License, LicenseKind, SharedText, User, UsersList};

/// The fields the mapping step offers for `request`: the user fields for a
/// users file, the subscription fields otherwise.
pub fn mapping_fields(request: &MappingRequest) -> &'static [Field] {
    let users_format = matches!(
        request.report.format,
        Some(Format::AdminCenterUsers | Format::UserLicenseReport)
    );
    if users_format || request.missing.iter().any(|f| USER_FIELDS.contains(f)) {
        &USER_FIELDS
    } else {
        &FIELDS
    }
}

/// How many distinct names the reader keeps the catalog's answer for.
const KIND_CACHE: usize = 4096;
/// How many unknown license names a note lists.
const UNKNOWN_LISTED: usize = 10;

/// Reads a users file's rows, one at a time.
pub(crate) struct UsersReader {
    upn: Option<usize>,
    display: Option<usize>,
    license_col: Option<usize>,
    names: Option<usize>,
    proxy: Option<usize>,
    block: Option<usize>,
    upn_header: String,
    users: Vec<User>,
    by_upn: HashMap<String, usize>,
    pub(crate) rows_as_users: u64,
    joined: u64,
    pub(crate) rejected: Vec<RejectedRow>,
    tenant_domains: Vec<String>,
    /// UPN domains: (domain, users), in the order first met.
    upn_domains: Vec<(String, u64)>,
    upn_domain_index: HashMap<String, usize>,
    kinds: HashMap<String, (SharedText, LicenseKind)>,
    unknown: Vec<String>,
    unknown_seen: HashSet<String>,
}

/// What a users file gave.
pub(crate) struct UsersRead {
    pub(crate) list: UsersList,
    pub(crate) rows_as_users: u64,
    pub(crate) rejected: Vec<RejectedRow>,
    pub(crate) notes: Vec<ImportNote>,
}

impl UsersReader {
    pub(crate) fn new(map: &Mapping, headers: &[String]) -> UsersReader {
        let upn = map.get(Field::UserPrincipalName);
        UsersReader {
            upn,
            display: map.get(Field::DisplayName),
            license_col: map.get(Field::Licenses),
            names: map.aux.license_names,
            proxy: map.get(Field::ProxyAddresses),
            block: map.get(Field::BlockCredential),
            upn_header: upn
                .and_then(|c| headers.get(c))
                .cloned()
                .unwrap_or_default(),
            users: Vec::new(),
            by_upn: HashMap::new(),
            rows_as_users: 0,
            joined: 0,
            rejected: Vec::new(),
            tenant_domains: Vec::new(),
            upn_domains: Vec::new(),
            upn_domain_index: HashMap::new(),
            kinds: HashMap::new(),
            unknown: Vec::new(),
            unknown_seen: HashSet::new(),
        }
    }

    /// Reads one data row that passed the record checks; `cell` gives a
    /// column's trimmed text.
    pub(crate) fn row<'r>(&mut self, line: u64, cell: impl Fn(Option<usize>) -> &'r str) {
        let upn = cell(self.upn);
        if upn.is_empty() {
            self.rejected.push(RejectedRow::new(
                line,
                RejectReason::NoUserPrincipalName {
                    header: self.upn_header.clone(),
                },
            ));
            return;
        }
        self.rows_as_users += 1;
        let licenses = self.licenses(cell(self.license_col), cell(self.names));
        self.proxies(cell(self.proxy));
        let blocked = matches!(parse_bool(cell(self.block)), Some(Some(true)));
        let display = cell(self.display);
        let key = upn.to_lowercase();
        if let Some(&i) = self.by_upn.get(&key) {
            self.joined += 1;
            let user = &mut self.users[i];
            user.lines.push(line);
            user.blocked |= blocked;
            if user.display_name.is_none() && !display.is_empty() {
                user.display_name = Some(display.into());
            }
            for l in licenses {
                if !user
                    .licenses
                    .iter()
                    .any(|h| h.name.eq_ignore_ascii_case(&l.name))
                {
                    user.licenses.push(l);
                }
            }
            return;
        }
        if let Some((_, domain)) = upn.rsplit_once('@') {
            let domain = domain.trim().to_lowercase();
            if !domain.is_empty() {
                match self.upn_domain_index.get(&domain) {
                    Some(&i) => self.upn_domains[i].1 += 1,
                    None => {
                        self.upn_domain_index
                            .insert(domain.clone(), self.upn_domains.len());
                        self.upn_domains.push((domain, 1));
                    }
                }
            }
        }
        self.by_upn.insert(key, self.users.len());
        self.users.push(User {
            upn: upn.into(),
            display_name: (!display.is_empty()).then(|| display.into()),
            licenses,
            blocked,
            lines: vec![line],
        });
    }

    /// The licenses of a cell, with their friendly names (from a report's
    /// second column) when both list as many.
    fn licenses(&mut self, cell: &str, names_cell: &str) -> Vec<License> {
        let mut ids = split_licenses(cell, &mut |n| self.is_whole(n));
        ids.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        let names = if names_cell.is_empty() {
            Vec::new()
        } else {
            split_licenses(names_cell, &mut |n| self.is_whole(n))
        };
        let paired = names.len() == ids.len();
        let mut out: Vec<License> = Vec::with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            let (mut name, mut kind) = self.kind(id);
            if paired {
                let (friendly, friendly_kind) = self.kind(&names[i]);
                name = friendly;
                if kind == LicenseKind::Unknown {
                    kind = friendly_kind;
                }
            }
            if kind == LicenseKind::Unknown && self.unknown_seen.insert(name.to_lowercase()) {
                self.unknown.push(name.to_string());
            }
            out.push(License { name, kind });
        }
        out
    }

    fn is_whole(&mut self, name: &str) -> bool {
        is_whole_license(name, self.kind(name).1)
    }

    /// The catalog's answer for `name`, with the name shared.
    fn kind(&mut self, name: &str) -> (SharedText, LicenseKind) {
        if let Some(k) = self.kinds.get(name) {
            return k.clone();
        }
        let made = (SharedText::from(name), license_kind(name));
        if self.kinds.len() < KIND_CACHE {
            self.kinds.insert(name.to_string(), made.clone());
        }
        made
    }

    /// Keeps the `*.onmicrosoft.com` domains of a proxy addresses cell.
    fn proxies(&mut self, cell: &str) {
        for entry in cell.split(['+', ';', ',', ' ']) {
            let entry = entry.trim();
            let Some((scheme, address)) = entry.split_once(':') else {
                continue;
            };
            if !scheme.eq_ignore_ascii_case("smtp") {
                continue;
            }
            let Some((_, domain)) = address.rsplit_once('@') else {
                continue;
            };
            let domain = domain.to_lowercase();
            if domain.ends_with(".onmicrosoft.com") && !self.tenant_domains.contains(&domain) {
                self.tenant_domains.push(domain);
            }
        }
    }

    pub(crate) fn finish(self, file_name: Option<String>, customer: Option<String>) -> UsersRead {
        let mut notes = Vec::new();
        if !self.unknown.is_empty() {
            let more = self.unknown.len().saturating_sub(UNKNOWN_LISTED) as u64;
            notes.push(ImportNote::UnknownLicenses {
                names: self.unknown.into_iter().take(UNKNOWN_LISTED).collect(),
                more,
            });
        }
        if self.joined > 0 {
            notes.push(ImportNote::UserRowsJoined { count: self.joined });
        }
        let mut upn_domains = self.upn_domains;
        // Stable: domains used as often keep the order first met.
        crate::order::sort_by(&mut upn_domains, |a, b| b.1.cmp(&a.1));
        let mut domains: Vec<SharedText> = Vec::new();
        for d in self
            .tenant_domains
            .into_iter()
            .chain(upn_domains.into_iter().map(|(d, _)| d))
        {
            if !domains.iter().any(|x| **x == *d) {
                domains.push(d.into());
            }
        }
        UsersRead {
            list: UsersList {
                file_name,
                customer: customer
                    .map(|c| c.trim().to_string())
                    .filter(|c| !c.is_empty()),
                domains,
                users: self.users,
            },
            rows_as_users: self.rows_as_users,
            rejected: self.rejected,
            notes,
        }
    }
}
