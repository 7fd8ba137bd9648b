/*!
The fields' names in the importer's sentences, English and Traditional
Chinese (the glossary's terms; the mapping step's labels say the same).
*/

use crate::model::source::Field;

/// A field's name in the importer's English sentences.
pub(crate) fn field_label(f: Field) -> &'static str {
    match f {
        Field::CustomerId => "customer id",
        Field::CustomerName => "customer name",
        Field::CustomerDomain => "customer domain",
        Field::Qualification => "customer qualification",
        Field::SubscriptionId => "subscription id",
        Field::Offer => "offer or product name",
        Field::FriendlyName => "subscription nickname",
        Field::Sku => "SKU part number",
        Field::Seats => "seat count (quantity)",
        Field::Status => "status",
        Field::AutoRenew => "auto-renew",
        Field::EndDate => "end date",
        Field::Term => "term",
        Field::ResellerMpnId => "reseller MPN ID",
        Field::Trial => "trial flag",
        Field::UserPrincipalName => "user principal name",
        Field::DisplayName => "display name",
        Field::Licenses => "licenses",
        Field::ProxyAddresses => "proxy addresses",
        Field::BlockCredential => "blocked sign-in",
    }
}

/// A field's name in the importer's Traditional Chinese sentences, in the
/// glossary's terms (the mapping step's labels say the same).
pub(crate) fn field_label_zh(f: Field) -> &'static str {
    match f {
        Field::CustomerId => "客戶識別碼",
        Field::CustomerName => "客戶名稱",
        Field::CustomerDomain => "客戶網域",
        Field::Qualification => "特殊資格",
        Field::SubscriptionId => "訂閱識別碼",
        Field::Offer => "供應項目或產品名稱",
        Field::FriendlyName => "訂閱暱稱",
        Field::Sku => "SKU 料號",
        Field::Seats => "授權數量",
        Field::Status => "狀態",
        Field::AutoRenew => "自動續訂",
        Field::EndDate => "到期日",
        Field::Term => "訂閱期間",
        Field::ResellerMpnId => "經銷商 MPN 識別碼",
        Field::Trial => "試用版標記",
        Field::UserPrincipalName => "使用者主體名稱",
        Field::DisplayName => "顯示名稱",
        Field::Licenses => "授權",
        Field::ProxyAddresses => "Proxy 位址",
        Field::BlockCredential => "封鎖登入",
    }
}
