/*!
The indirect reseller of each customer (CSP two-tier) and trial
subscriptions, read from every format that carries them.

Reseller columns: `ResellerMpnId` and `Tier2MpnId` in the reconciliation
file (and the API's `tier2MpnId`), `IndirectResellerMpnId` in the bulk
migration tool's export, `Reseller` in Partner Center's "Export
subscriptions". Blank and `0` are no reseller.

Trials: `IsTrial` (PowerShell), `isTrial` (REST), CIPP's
`TermInfo.IsTrial` (a column or inside its `TermInfo` JSON), and "Trial"
as a word in the offer or SKU name.
*/
#![cfg(not(target_arch = "wasm32"))]

use kaizala_engine::import::{import, Field, Import, ImportOptions, ImportOutcome};
use kaizala_engine::model::Subscription;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn options(name: &str) -> ImportOptions {
    ImportOptions {
        file_name: Some(name.to_string()),
        ..ImportOptions::default()
    }
}

fn ready(bytes: &[u8], name: &str) -> Import {
    match import(bytes, &options(name)) {
        Ok(ImportOutcome::Ready(i)) => {
            assert!(i.report.is_balanced(), "{name}: {:?}", i.report);
            i
        }
        other => panic!("{name}: expected Ready, got {other:?}"),
    }
}

fn sub<'a>(i: &'a Import, id: &str) -> &'a Subscription {
    i.subscriptions
        .iter()
        .find(|s| &*s.id == id)
        .unwrap_or_else(|| panic!("no subscription {id}"))
}

fn reseller(s: &Subscription) -> Option<&str> {
    s.customer.reseller_mpn_id.as_deref()
}

#[test]
fn reconciliation_reseller_mpn_id() {
    let i = ready(&fixture("recon_legacy.csv"), "recon_legacy.csv");
    assert!(!i.subscriptions.is_empty());
    for s in &i.subscriptions {
        assert_eq!(reseller(s), Some("4512345"), "{}", s.id);
    }
    // The partner's own `MpnId` is never taken for the reseller's.
    assert!(i
        .subscriptions
        .iter()
        .all(|s| reseller(s) != Some("1234567")));
}

#[test]
fn reconciliation_tier2_mpn_id() {
    let i = ready(&fixture("recon_tier2.csv"), "recon_tier2.csv");
    let s = sub(&i, "a3c5e7f9-1b2d-4f6a-8c0e-2b4d6f8a0c1e");
    assert_eq!(reseller(s), Some("4512345"));
}

#[test]
fn bulk_migration_indirect_reseller_mpn_id() {
    let i = ready(&fixture("bam_subscriptions.csv"), "bam_subscriptions.csv");
    let s = sub(&i, "c2b5f34b-f6a7-44ee-83f9-be025f907100");
    assert_eq!(reseller(s), Some("4512345"));
    assert_eq!(s.customer.name.as_deref(), Some("Contoso Taiwan Ltd."));
}

#[test]
fn partner_center_export_reseller_column_blank_is_none() {
    let i = ready(&fixture("pc_subscriptions_export.csv"), "Contoso Ltd.csv");
    let direct = sub(&i, "3f2c6a52-7d1e-4c55-9a60-2b1f6c0d8e11");
    assert_eq!(reseller(direct), None);
    let indirect = sub(&i, "4a3d7b63-8e2f-4d66-8b71-3c2a7d1e9f22");
    assert_eq!(reseller(indirect), Some("4512345"));
    // The customer is still the one the file is named after.
    assert_eq!(indirect.customer.name.as_deref(), Some("Contoso Ltd"));
}

#[test]
fn rest_tier2_mpn_id_and_zero_means_none() {
    let csv = "id,offerName,quantity,status,autoRenewEnabled,commitmentEndDate,customerCompanyName,tier2MpnId\n\
               a1,Microsoft Kaizala Pro,5,active,false,2020-08-15T00:00:00Z,Contoso,4512345\n\
               a2,Microsoft Kaizala Pro,5,active,false,2020-08-15T00:00:00Z,Fabrikam,0\n\
               a3,Microsoft Kaizala Pro,5,active,false,2020-08-15T00:00:00Z,Tailspin, \n";
    let i = ready(csv.as_bytes(), "api.csv");
    assert_eq!(reseller(sub(&i, "a1")), Some("4512345"));
    assert_eq!(reseller(sub(&i, "a2")), None);
    assert_eq!(reseller(sub(&i, "a3")), None);
}

#[test]
fn the_reseller_column_can_be_chosen_by_hand() {
    let csv = "Subscription ID,Offer,Customer,Vendor\n\
               a1,Microsoft Kaizala Pro,Contoso,7654321\n";
    let opts = ImportOptions {
        mapping: vec![(Field::ResellerMpnId, "Vendor".into())],
        ..options("x.csv")
    };
    let Ok(ImportOutcome::Ready(i)) = import(csv.as_bytes(), &opts) else {
        panic!()
    };
    assert_eq!(reseller(&i.subscriptions[0]), Some("7654321"));
    assert_eq!(
        serde_json::to_value(Field::ResellerMpnId).unwrap(),
        "reseller_mpn_id"
    );
    assert_eq!(serde_json::to_value(Field::Trial).unwrap(), "trial");
}

#[test]
fn customers_of_one_reseller_share_its_text() {
    let csv = "id,offerName,quantity,customerCompanyName,tier2MpnId\n\
               a1,Microsoft Kaizala Pro,5,Contoso,4512345\n\
               a2,Office 365 E3,5,Contoso,4512345\n";
    let i = ready(csv.as_bytes(), "api.csv");
    let (a, b) = (&i.subscriptions[0], &i.subscriptions[1]);
    let (ra, rb) = (
        a.customer.reseller_mpn_id.as_ref().unwrap(),
        b.customer.reseller_mpn_id.as_ref().unwrap(),
    );
    assert!(
        std::sync::Arc::ptr_eq(ra, rb),
        "one text, not a copy per row"
    );
}

#[test]
fn powershell_is_trial_column() {
    let i = ready(&fixture("powershell_enus.csv"), "powershell_enus.csv");
    // The fixture's IsTrial cells are all False.
    assert!(i.subscriptions.iter().all(|s| !s.trial));
    let csv = "\"CustomerName\",\"AutoRenewEnabled\",\"CommitmentEndDate\",\"EntitlementId\",\"IsTrial\",\"OfferName\",\"Quantity\",\"Status\",\"SubscriptionId\",\"UnitType\",\"ActionTaken\"\n\
               \"Contoso\",\"False\",\"7/1/2020 12:00:00 AM\",\"e1\",\"True\",\"Microsoft 365 E5\",\"25\",\"Active\",\"s1\",\"Licenses\",\"\"\n\
               \"Contoso\",\"False\",\"7/1/2020 12:00:00 AM\",\"e2\",\"False\",\"Microsoft Kaizala Pro\",\"25\",\"Active\",\"s2\",\"Licenses\",\"\"\n";
    let i = ready(csv.as_bytes(), "ps.csv");
    assert!(sub(&i, "s1").trial);
    assert!(!sub(&i, "s2").trial);
}

#[test]
fn rest_is_trial_column() {
    let csv = "id,offerName,quantity,status,isTrial,commitmentEndDate,customerCompanyName\n\
               a1,Microsoft 365 E3,25,active,true,2020-08-15T00:00:00Z,Contoso\n\
               a2,Microsoft 365 E3,25,active,false,2020-08-15T00:00:00Z,Contoso\n";
    let i = ready(csv.as_bytes(), "api.csv");
    assert!(sub(&i, "a1").trial);
    assert!(!sub(&i, "a2").trial);
}

#[test]
fn cipp_term_info_is_trial_column_and_json() {
    let i = ready(&fixture("cipp.csv"), "cipp.csv");
    assert!(i.subscriptions.iter().all(|s| !s.trial));
    let csv = "Tenant,License,skuPartNumber,TermInfo.Status,TermInfo.TotalLicenses,TermInfo.NextLifecycle,TermInfo.IsTrial,TermInfo.CSPSubscriptionId\n\
               contoso.onmicrosoft.com,Microsoft 365 E5,SPE_E5,Enabled,25,2020-10-01T00:00:00Z,True,c1\n";
    let i = ready(csv.as_bytes(), "cipp.csv");
    assert!(sub(&i, "c1").trial);
    let json = r#"[{""CSPSubscriptionId"":""c2"",""Status"":""Enabled"",""TotalLicenses"":25,""IsTrial"":true},{""CSPSubscriptionId"":""c3"",""Status"":""Enabled"",""TotalLicenses"":5,""IsTrial"":false}]"#;
    let csv = format!(
        "Tenant,License,skuPartNumber,TotalLicenses,TermInfo\n\
         contoso.onmicrosoft.com,Microsoft 365 E5,SPE_E5,30,\"{json}\"\n"
    );
    let i = ready(csv.as_bytes(), "cipp.csv");
    assert!(sub(&i, "c2").trial);
    assert!(!sub(&i, "c3").trial);
}

#[test]
fn trial_as_a_word_in_the_offer_or_sku() {
    let table = [
        ("Microsoft 365 E5 Trial", "", true),
        ("Office 365 E3 (trial)", "", true),
        ("Microsoft 365 Business Premium", "SPB_TRIAL", true),
        ("Microsoft 365 E3 試用版", "", true),
        ("Industrial Solutions Pack", "", false),
        ("Trials Manager", "", false),
        ("Microsoft Kaizala Pro", "KAIZALA_STANDALONE", false),
    ];
    for (offer, sku, want) in table {
        let csv = format!("Subscription ID,Offer,SKU,Seats,Customer\na1,{offer},{sku},5,Contoso\n");
        let i = ready(csv.as_bytes(), "x.csv");
        assert_eq!(i.subscriptions[0].trial, want, "{offer} / {sku}");
    }
    // The reconciliation file has no trial column: the offer says it.
    let i = ready(&fixture("recon_tier2.csv"), "recon_tier2.csv");
    assert!(i.subscriptions.iter().all(|s| !s.trial));
}
