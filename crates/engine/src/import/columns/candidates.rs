/*!
The columns that might hold a field no header was recognised as, best
first, for the user to choose from: by words in the header, then by
whether the preview values look the part.
*/

use super::aliases::normalise;
use super::users::looks_like_email;
use crate::catalog::is_known_license;
use crate::import::values::{parse_bool, parse_date};
use crate::import::Field;

/// Words that hint a header may hold a field, for ranking candidates.
fn hint_words(f: Field) -> &'static [&'static str] {
    match f {
        Field::SubscriptionId => &[
            "subscription",
            "id",
            "number",
            "識別碼",
            "訂",
            "编号",
            "guid",
        ],
        Field::Offer => &[
            "offer",
            "product",
            "name",
            "sku",
            "license",
            "plan",
            "subscription",
            "產品",
            "訂",
            "授權",
            "产品",
        ],
        Field::CustomerName => &[
            "customer", "company", "tenant", "name", "客戶", "公司", "客户",
        ],
        Field::CustomerId => &["customer", "tenant", "id", "客戶", "租用戶"],
        Field::CustomerDomain => &["domain", "網域", "域名"],
        Field::EndDate => &["end", "expir", "date", "renew", "日期", "到期"],
        Field::Seats => &[
            "quantity", "seat", "licen", "count", "units", "數量", "数量",
        ],
        Field::Status => &["status", "state", "狀態", "状态"],
        Field::AutoRenew => &["renew", "續", "续"],
        Field::Term => &["term", "duration", "期"],
        Field::FriendlyName => &["nick", "friendly", "name", "名稱"],
        Field::Sku => &["sku", "part"],
        Field::Qualification => &["qualif", "資格"],
        Field::ResellerMpnId => &["reseller", "mpn", "tier2", "經銷", "经销"],
        Field::Trial => &["trial", "試用", "试用"],
        Field::UserPrincipalName => &[
            "principal",
            "upn",
            "user",
            "mail",
            "signin",
            "使用者",
            "用户",
            "帳戶",
        ],
        Field::DisplayName => &["display", "name", "名稱", "名称"],
        Field::Licenses => &[
            "licen", "sku", "plan", "product", "授權", "许可", "產品", "产品",
        ],
        Field::ProxyAddresses => &["proxy", "smtp", "address", "位址", "地址"],
        Field::BlockCredential => &["block", "credential", "封鎖", "阻止"],
    }
}

/// Ranks the headers that might hold `f`, best first: by words in the
/// header, then by whether the preview values look the part. Headers with
/// no sign at all are left out; if none has one, every header is offered
/// in file order.
pub(crate) fn candidates(
    f: Field,
    headers: &[String],
    preview: &[Vec<String>],
    taken: &[Option<usize>],
) -> Vec<String> {
    let mut scored: Vec<(i32, usize)> = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        if taken.contains(&Some(i)) {
            continue;
        }
        let n = normalise(h);
        let mut score = 0i32;
        for w in hint_words(f) {
            if n.contains(w) {
                score += 2;
            }
        }
        let values: Vec<&str> = preview
            .iter()
            .filter_map(|r| r.get(i))
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        if !values.is_empty() {
            let all = |p: &dyn Fn(&str) -> bool| values.iter().all(|v| p(v));
            score += match f {
                // An id column holds distinct codes, never dates ("Valid
                // until" contains "id" but holds dates).
                Field::SubscriptionId => {
                    let dates = all(&|v| parse_date(v).is_ok());
                    let codes = all(&|v| {
                        !v.contains(' ') && v.bytes().any(|b| b.is_ascii_digit()) && v.len() >= 4
                    });
                    let mut distinct = values.clone();
                    // Once per column, not per row: the shared cold-path sort.
                    crate::order::sort_by(&mut distinct, |a, b| a.cmp(b));
                    distinct.dedup();
                    i32::from(all(&|v| looks_like_guid(v))) * 3
                        + i32::from(codes && distinct.len() == values.len()) * 2
                        - i32::from(dates) * 4
                }
                Field::Offer | Field::CustomerName | Field::FriendlyName => i32::from(all(&|v| {
                    v.chars().any(char::is_alphabetic) && !looks_like_guid(v)
                })),
                Field::Seats => i32::from(all(&|v| v.bytes().all(|b| b.is_ascii_digit()))) * 2,
                Field::EndDate => i32::from(all(&|v| parse_date(v).is_ok())) * 2,
                Field::UserPrincipalName => i32::from(all(&|v| looks_like_email(v))) * 3,
                Field::Licenses => i32::from(all(&|v| looks_like_licenses(v))) * 3,
                Field::ProxyAddresses => {
                    i32::from(all(&|v| v.to_ascii_lowercase().contains("smtp:"))) * 3
                }
                Field::BlockCredential => i32::from(all(&|v| parse_bool(v).is_some())),
                _ => 0,
            };
        }
        if score > 0 {
            scored.push((score, i));
        }
    }
    if scored.is_empty() {
        return headers
            .iter()
            .enumerate()
            .filter(|(i, _)| !taken.contains(&Some(*i)))
            .map(|(_, h)| h.clone())
            .collect();
    }
    // Columns are distinct, so no two entries tie and any sort agrees.
    crate::order::sort_by(&mut scored, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .map(|(_, i)| headers[i].clone())
        .collect()
}

fn looks_like_guid(v: &str) -> bool {
    v.len() == 36
        && v.bytes().enumerate().all(|(i, b)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                b == b'-'
            } else {
                b.is_ascii_hexdigit()
            }
        })
}

/// A licenses cell: names joined with `+`, `Unlicensed`, or a product the
/// catalog knows.
fn looks_like_licenses(v: &str) -> bool {
    v.contains('+')
        || v.eq_ignore_ascii_case("unlicensed")
        || v.split([',', ';']).any(|p| is_known_license(p.trim()))
}
