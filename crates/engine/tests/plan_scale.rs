/*!
A large export is planned in reasonable time and memory: 200,000
subscriptions over 20,000 customers.
*/

mod plan_support;

use kaizala_engine::plan::{build_plan, Settings};
use plan_support::*;

#[test]
fn two_hundred_thousand_rows() {
    let mut subs = Vec::with_capacity(200_000);
    for i in 0..200_000u32 {
        let c = customer(&format!("Customer {}", i % 20_000));
        let offer = match i % 4 {
            0 => "Microsoft Kaizala Pro",
            1 => "Office 365 E3",
            2 => "Azure plan",
            _ => "Microsoft 365 Business Standard",
        };
        subs.push(sub(
            &c,
            &format!("s{i}"),
            offer,
            1 + i % 50,
            d(2020, 1 + i % 12, 1 + i % 28),
        ));
    }
    let start = std::time::Instant::now();
    let plan = build_plan(&import(subs), &Settings::new(d(2020, 6, 1)));
    let took = start.elapsed();
    assert_eq!(plan.summary.customers_in_file, 20_000);
    assert_eq!(plan.summary.kaizala_subscriptions, 50_000);
    // Generous bound for a debug build on a slow machine.
    assert!(took.as_secs() < 60, "took {took:?}");
    eprintln!("planned 200k rows in {took:?}");
}
