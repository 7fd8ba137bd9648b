/*!
The generic alias table: the names exports give each field, in English,
Traditional and Simplified Chinese, normalised (see `columns`). Also how
many cells of a line are known headers, which finds the header row among
preamble lines.
*/

use crate::import::Field;

/// Normalises a header for comparison (see `columns`).
pub(crate) fn normalise(h: &str) -> String {
    let mut out = String::with_capacity(h.len());
    for c in h.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !c.is_ascii() && c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The generic alias table, best alias first within a field. Entries are
/// already normalised.
pub(super) const ALIASES: &[(Field, &[&str])] = &[
    (
        Field::CustomerId,
        &[
            "customerid",
            "customertenantid",
            "tenantid",
            "microsoftid",
            "customermicrosoftid",
            "客戶識別碼",
            "客戶租用戶識別碼",
            "租用戶識別碼",
            "microsoft識別碼",
            "客戶id",
            "客户id",
            "客户租户id",
            "租户id",
            "microsoftid",
        ],
    ),
    (
        Field::CustomerName,
        &[
            "customername",
            "companyname",
            "customer",
            "client",
            "clientname",
            "customercompanyname",
            "tenantname",
            "organization",
            "organisation",
            "客戶名稱",
            "公司名稱",
            "客戶",
            "組織名稱",
            "客户名称",
            "公司名称",
            "客户",
        ],
    ),
    (
        Field::CustomerDomain,
        &[
            "domainname",
            "customerdomainname",
            "primarydomainname",
            "customerdomain",
            "domain",
            "defaultdomainname",
            "tenantdomain",
            "網域名稱",
            "主要網域名稱",
            "客戶網域名稱",
            "網域",
            "域名",
            "主域名",
            "客户域名",
        ],
    ),
    (
        Field::Qualification,
        &[
            "qualification",
            "specialqualification",
            "qualifications",
            "資格",
            "特殊資格",
            "资格",
        ],
    ),
    (
        Field::SubscriptionId,
        &[
            "syndicationpartnersubscriptionnumber",
            "subscriptionid",
            "legacysubscriptionid",
            "cspsubscriptionid",
            "terminfocspsubscriptionid",
            "訂用帳戶識別碼",
            "訂閱識別碼",
            "訂用帳戶id",
            "訂閱id",
            "订阅id",
            "订阅标识符",
            "订阅编号",
            "id",
        ],
    ),
    (
        Field::Offer,
        &[
            "offername",
            "offer",
            "productname",
            "legacyproductname",
            "product",
            "license",
            "licensename",
            "skuname",
            "plan",
            "planname",
            "productdisplayname",
            "subscription",
            "供應項目名稱",
            "供應項目",
            "產品名稱",
            "產品",
            "訂用帳戶",
            "訂閱",
            "授權",
            "产品名称",
            "产品",
            "订阅",
            "套餐",
        ],
    ),
    (
        Field::FriendlyName,
        &[
            "friendlyname",
            "subscriptionname",
            "nickname",
            "legacysubscriptionname",
            "subscriptionnickname",
            "易記名稱",
            "暱稱",
            "訂用帳戶名稱",
            "訂閱名稱",
            "友好名称",
            "昵称",
            "订阅名称",
        ],
    ),
    (
        Field::Sku,
        &[
            "skupartnumber",
            "sku",
            "skucode",
            "partnumber",
            "sku編號",
            "skupartnumber",
        ],
    ),
    (
        Field::Seats,
        &[
            "quantity",
            "currentseatcount",
            "seats",
            "seatcount",
            "licenses",
            "licensecount",
            "licences",
            "totallicenses",
            "terminfototallicenses",
            "totalunits",
            "prepaidunits",
            "units",
            "數量",
            "授權數量",
            "授權數",
            "席次",
            "数量",
            "许可证数量",
        ],
    ),
    (
        Field::Status,
        &[
            "status",
            "subscriptionstatus",
            "capabilitystatus",
            "terminfostatus",
            "state",
            "狀態",
            "訂用帳戶狀態",
            "訂閱狀態",
            "状态",
            "订阅状态",
        ],
    ),
    (
        Field::AutoRenew,
        &[
            "autorenewenabled",
            "autorenew",
            "autorenewal",
            "isautorenew",
            "renewal",
            "自動續訂",
            "自動續約",
            "自動續訂已啟用",
            "自动续订",
            "自动续费",
        ],
    ),
    (
        Field::EndDate,
        &[
            "commitmentenddate",
            "subscriptionenddate",
            "expirationdate",
            "enddate",
            "expirydate",
            "expiresat",
            "renewaldate",
            "nextlifecycledatetime",
            "terminfonextlifecycle",
            "licenseexpirydatenextlifecycleactivitydate",
            "結束日期",
            "到期日",
            "到期日期",
            "承諾結束日期",
            "訂用帳戶結束日期",
            "訂閱結束日期",
            "结束日期",
            "到期日期",
            "过期日期",
        ],
    ),
    (
        Field::Term,
        &[
            "termduration",
            "term",
            "currentterm",
            "terminfoterm",
            "commitmentterm",
            "期限",
            "合約期限",
            "期間",
            "承諾期限",
            "期限长度",
            "条款期限",
        ],
    ),
    (
        Field::ResellerMpnId,
        &[
            "resellermpnid",
            "tier2mpnid",
            "indirectresellermpnid",
            "reseller",
            "resellerid",
            "indirectreseller",
            "經銷商",
            "轉銷商",
            "經銷商識別碼",
            "間接經銷商",
            "经销商",
            "转销商",
        ],
    ),
    (
        Field::Trial,
        &[
            "istrial",
            "terminfoistrial",
            "trial",
            "是否為試用",
            "試用",
            "试用",
        ],
    ),
];

/// The names users files give their fields (the admin center's *Export
/// users* and the license reports scripts write), best first; our own
/// zh-TW and zh-CN renderings as well. Applied to users files only:
/// `Licenses` is a seat count in a subscription export.
pub(crate) const USER_ALIASES: &[(Field, &[&str])] = &[
    (
        Field::UserPrincipalName,
        &[
            "userprincipalname",
            "upn",
            "signinname",
            "使用者主體名稱",
            "使用者主要名稱",
            "用户主体名称",
        ],
    ),
    (
        Field::DisplayName,
        &["displayname", "user", "顯示名稱", "显示名称"],
    ),
    (
        Field::Licenses,
        &[
            "licenses",
            "licenseplanwithenabledservice",
            "licenseplan",
            "assignedlicenses",
            "accountskuid",
            "授權",
            "許可證",
            "许可证",
        ],
    ),
    (
        Field::ProxyAddresses,
        &["proxyaddresses", "proxy位址", "proxy地址", "代理地址"],
    ),
    (
        Field::BlockCredential,
        &["blockcredential", "封鎖認證", "封鎖登入", "阻止登录"],
    ),
];

/// Users reports: the column that gives the licenses' friendly names
/// beside their SKU part numbers (o365reports, AdminDroid).
pub(crate) const LICENSE_NAME_ALIASES: &[&str] = &[
    "friendlynameoflicenseplan",
    "friendlynameoflicenseplanandenabledservice",
    "licenseplanfriendlyname",
];

/// How many cells of a row are known header aliases: the header row has
/// the most. Used to find the header among preamble lines.
pub(crate) fn alias_hits<'a>(cells: impl Iterator<Item = &'a [u8]>) -> usize {
    cells
        .filter(|c| {
            let Ok(s) = std::str::from_utf8(c) else {
                return false;
            };
            if s.len() > 120 {
                return false;
            }
            let n = normalise(s);
            !n.is_empty()
                && (ALIASES
                    .iter()
                    .chain(USER_ALIASES)
                    .any(|(_, a)| a.contains(&n.as_str()))
                    || EXTRA_KNOWN.contains(&n.as_str())
                    || LICENSE_NAME_ALIASES.contains(&n.as_str()))
        })
        .count()
}

/// Headers of known formats that are no field's alias.
const EXTRA_KNOWN: &[&str] = &[
    "partnerid",
    "mpnid",
    "orderid",
    "offerid",
    "durableofferid",
    "chargetype",
    "chargestartdate",
    "chargeenddate",
    "unitprice",
    "amount",
    "currency",
    "billingcycletype",
    "billingcycle",
    "entitlementid",
    "relationship",
    "tags",
    "skuid",
    "tenant",
    "terminfo",
    "關係",
    "標籤",
];
