//! The column stage's table tests: aliases, format detection, the user's
//! mapping and candidate ranking.

use super::*;

fn headers(s: &str) -> Vec<String> {
    s.split(',').map(str::to_string).collect()
}

#[test]
fn normalises_headers() {
    let table = [
        ("Subscription ID", "subscriptionid"),
        ("subscription_id", "subscriptionid"),
        ("\u{feff}SubscriptionId", "subscriptionid"),
        ("TermInfo.NextLifecycle", "terminfonextlifecycle"),
        (
            "License Expiry Date/Next LifeCycle Activity Date",
            "licenseexpirydatenextlifecycleactivitydate",
        ),
        ("訂閱 識別碼", "訂閱識別碼"),
        ("Microsoft 識別碼", "microsoft識別碼"),
        ("自動續訂（是/否）", "自動續訂是否"),
    ];
    for (input, want) in table {
        assert_eq!(normalise(input), want, "normalise({input:?})");
    }
}

#[test]
fn aliases_table() {
    let table: &[(&str, Field)] = &[
        ("Customer Name", Field::CustomerName),
        ("客戶名稱", Field::CustomerName),
        ("公司名稱", Field::CustomerName),
        ("訂閱識別碼", Field::SubscriptionId),
        ("訂用帳戶識別碼", Field::SubscriptionId),
        ("訂閱 ID", Field::SubscriptionId),
        ("订阅ID", Field::SubscriptionId),
        ("數量", Field::Seats),
        ("狀態", Field::Status),
        ("結束日期", Field::EndDate),
        ("到期日", Field::EndDate),
        ("自動續訂", Field::AutoRenew),
        ("供應項目名稱", Field::Offer),
        ("網域名稱", Field::CustomerDomain),
        ("Expiration Date", Field::EndDate),
        ("auto_renew", Field::AutoRenew),
        ("SEATS", Field::Seats),
        ("Term Duration", Field::Term),
        ("Friendly Name", Field::FriendlyName),
        ("SKU Part Number", Field::Sku),
    ];
    for (header, field) in table {
        let raw = vec![header.to_string()];
        let m = map_headers(&raw, &ImportOptions::default(), &[]);
        assert_eq!(
            m.get(*field),
            Some(0),
            "alias {header:?} should map to {field:?}"
        );
    }
}

#[test]
fn detects_formats() {
    let table: &[(&str, Format)] = &[
        ("PartnerId,CustomerId,CustomerName,MpnId,ResellerMpnId,OrderId,SubscriptionId,SyndicationPartnerSubscriptionNumber,OfferId,DurableOfferId,OfferName,SubscriptionStartDate,SubscriptionEndDate,ChargeStartDate,ChargeEndDate,ChargeType,UnitPrice,Quantity", Format::Reconciliation),
        ("ActionTaken,AutoRenewEnabled,CommitmentEndDate,EntitlementId,IsTrial,OfferName,Quantity,Status,SubscriptionId,TermDuration,UnitType", Format::PowerShell),
        ("CustomerName,SubscriptionId,OfferName,AutoRenewEnabled,CommitmentEndDate", Format::Generic),
        ("id,offerId,offerName,friendlyName,quantity,status,autoRenewEnabled,commitmentEndDate", Format::RestApi),
        ("PartnerTenantId,CustomerName,CustomerTenantId,LegacySubscriptionId,LegacySubscriptionName,LegacyProductName,ExpirationDate", Format::BulkMigration),
        ("Subscription ID,Subscription,Quantity,Status,Reseller", Format::PartnerCenterSubscriptions),
        ("訂用帳戶識別碼,訂用帳戶,數量,狀態,經銷商", Format::PartnerCenterSubscriptions),
        ("Microsoft ID,Company name,Primary domain name,Relationship,Tags", Format::PartnerCenterCustomers),
        ("Microsoft 識別碼,公司名稱,主要網域名稱,關係", Format::PartnerCenterCustomers),
        ("Subscription Name,Friendly Subscription Name,Subscribed Date,Total Units,Consumed Units,Remaining Units,Subscription Type,License Expiry Date/Next LifeCycle Activity Date,Friendly Expiry Date,Status,SKU Id", Format::LicenseExpiryReport),
        ("Tenant,License,CountUsed,CountAvailable,TotalLicenses,skuId,skuPartNumber,availableUnits,TermInfo.Status", Format::CippLicenseReport),
        ("Customer,Plan,Seats,Ends", Format::Generic),
    ];
    for (h, want) in table {
        let m = map_headers(&headers(h), &ImportOptions::default(), &[]);
        assert_eq!(m.format, Some(*want), "headers {h:?}");
    }
}

#[test]
fn recon_uses_syndication_number_not_subscription_id() {
    let h = headers("CustomerId,SubscriptionId,SyndicationPartnerSubscriptionNumber,OfferName,ChargeType,Quantity,SubscriptionEndDate,SubscriptionName,DomainName");
    let m = map_headers(&h, &ImportOptions::default(), &[]);
    assert_eq!(m.get(Field::SubscriptionId), Some(2));
    assert_eq!(m.get(Field::FriendlyName), Some(7));
    assert_eq!(m.get(Field::Status), None);
    assert!(m.missing.is_empty());
}

#[test]
fn user_mapping_overrides_and_reports_unknown_columns() {
    let h = headers("Ref,Plan,Seats");
    let m = map_headers(&h, &ImportOptions::default(), &[]);
    assert_eq!(m.missing, vec![Field::SubscriptionId]);
    let opts = ImportOptions {
        mapping: vec![
            (Field::SubscriptionId, "Ref".into()),
            (Field::EndDate, "Nope".into()),
        ],
        ..ImportOptions::default()
    };
    let m = map_headers(&h, &opts, &[]);
    assert_eq!(m.get(Field::SubscriptionId), Some(0));
    assert!(m.missing.is_empty());
    assert!(
        matches!(&m.notes[0], ImportNote::ChosenColumnMissing { header, .. } if header == "Nope"),
        "{:?}",
        m.notes
    );
}

#[test]
fn ranks_candidates() {
    let h = headers("Ref,Notes,Subscription Number");
    let preview = vec![vec![
        "x".to_string(),
        "y".to_string(),
        "3f2c6a52-7d1e-4c55-9a60-2b1f6c0d8e11".to_string(),
    ]];
    let c = candidates(Field::SubscriptionId, &h, &preview, &[]);
    assert_eq!(c[0], "Subscription Number");
}

#[test]
fn a_date_column_is_not_an_id_even_if_its_name_contains_id() {
    let h = headers("Client,Ref,Valid until");
    let preview: Vec<Vec<String>> = [
        ["Contoso", "KZ-1001", "2020-09-01"],
        ["Tailspin", "KZ-2001", "2020-08-20"],
    ]
    .iter()
    .map(|r| r.iter().map(|s| s.to_string()).collect())
    .collect();
    let c = candidates(Field::SubscriptionId, &h, &preview, &[]);
    assert_eq!(c[0], "Ref");
    assert!(!c.contains(&"Valid until".to_string()), "{c:?}");
}
