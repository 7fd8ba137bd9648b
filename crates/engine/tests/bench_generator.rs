/*!
The benchmark input generator (`examples/support/recon.rs`) makes what the
benches claim to measure: a reconciliation file the importer recognises,
28 columns on every row, two charge rows merged into each subscription,
the promised mix, and the same bytes for the same seed.
*/

#[path = "../examples/support/recon.rs"]
mod recon;

use kaizala_engine::import::{import, Format, ImportOptions, ImportOutcome};

#[test]
fn generated_file_is_a_reconciliation_export_the_importer_reads_whole() {
    let bytes = recon::generate(600, 7);
    assert_eq!(bytes, recon::generate(600, 7), "same seed, same bytes");
    assert_ne!(bytes, recon::generate(600, 8), "another seed, other bytes");

    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.as_slice());
    let mut records = 0;
    for rec in rdr.byte_records() {
        assert_eq!(rec.expect("well-formed CSV").len(), 28);
        records += 1;
    }
    assert_eq!(records, 1 + 600 * 2);

    let options = ImportOptions {
        file_name: Some("recon.csv".into()),
        ..Default::default()
    };
    let Ok(ImportOutcome::Ready(imported)) = import(&bytes, &options) else {
        panic!("not imported")
    };
    let r = &imported.report;
    assert_eq!(r.format, Some(Format::Reconciliation));
    assert_eq!(r.rows_read, 1200);
    assert_eq!(r.rows_as_subscriptions, 600);
    assert_eq!(r.rows_merged, 600);
    assert!(r.rejected.is_empty(), "{:?}", r.rejected.first());
    assert!(r.is_balanced());

    let subs = &imported.subscriptions;
    let kaizala = subs
        .iter()
        .filter(|s| &*s.offer == "Microsoft Kaizala Pro")
        .count();
    assert!(
        (120..=240).contains(&kaizala),
        "about 30% Kaizala Pro, got {kaizala} of 600"
    );
    assert!(subs.iter().any(|s| s
        .customer
        .domain
        .as_deref()
        .is_some_and(|d| d.ends_with(".edu.tw"))));
    assert!(subs
        .iter()
        .any(|s| s.customer.name.as_deref().is_some_and(|n| !n.is_ascii())));
    assert!(
        subs.iter()
            .any(|s| s.customer.name.as_deref().is_some_and(|n| n.contains(','))),
        "quoted names"
    );
    assert!(subs.iter().all(|s| s.seats.is_some()));
}
