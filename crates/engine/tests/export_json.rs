/*!
The JSON export: the fields the issue requires, date and word formats,
and a round trip through serde back to the same plan, in both languages.
*/

mod plan_support;

use kaizala_engine::export::{plan_from_json, to_json};
use kaizala_engine::plan::{build_plan, Lang, Settings};
use plan_support::*;
use serde_json::Value;

fn plan(lang: Lang) -> kaizala_engine::Plan {
    let mut s = Settings::new(d(2020, 6, 1));
    s.lang = lang;
    build_plan(&sample_import(), &s)
}

#[test]
fn round_trip() {
    for lang in [Lang::En, Lang::ZhTw] {
        let p = plan(Lang::En);
        let json = to_json(&p, lang);
        let back = plan_from_json(&json).expect("parses");
        assert_eq!(back, p.in_lang(lang));
        // And writing it again gives the same bytes.
        assert_eq!(to_json(&back, lang), json);
    }
}

#[test]
fn has_the_required_schema() {
    let json = to_json(&plan(Lang::En), Lang::En);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["as_of"], "2020-06-01");
    assert_eq!(v["cutoff"], "2020-07-01");
    assert_eq!(v["source"]["format"], "rest-api");
    assert_eq!(v["source"]["rows_read"], 12);
    assert_eq!(v["source"]["rows_rejected"][0]["line"], 7);
    assert!(v["source"]["rows_rejected"][0]["reason"].is_string());
    let customers = v["customers"].as_array().unwrap();
    assert_eq!(customers.len(), 4);
    let families = [
        "existing",
        "education",
        "frontline",
        "enterprise",
        "business",
        "override",
    ];
    let categories = [
        "expires-after-cutoff",
        "renews-once-then-expires",
        "expires-before-cutoff",
        "already-ended",
        "inactive",
        "unknown-end-date",
    ];
    let is_date = |v: &Value| {
        v.is_null()
            || v.as_str().is_some_and(|s| {
                chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() && s.len() == 10
            })
    };
    let mut seen = std::collections::BTreeSet::new();
    for c in customers {
        assert!(c["name"].is_string());
        assert!(c["id"].is_string());
        let r = &c["recommendation"];
        assert!(families.contains(&r["family"].as_str().unwrap()));
        assert!(r["plan"].is_string() && r["sku"].is_string() && r["reason"].is_string());
        for s in c["subscriptions"].as_array().unwrap() {
            for k in ["id", "offer", "status", "category"] {
                assert!(s[k].is_string(), "{k}");
            }
            assert!(s["seats"].is_u64());
            assert!(s["auto_renew"].is_boolean() || s["auto_renew"].is_null());
            assert!(is_date(&s["end_date"]) || s["end_date"] == "never");
            assert!(is_date(&s["expires_on"]) && is_date(&s["migrate_by"]));
            let cat = s["category"].as_str().unwrap();
            assert!(categories.contains(&cat), "{cat}");
            seen.insert(cat.to_string());
        }
        for step in c["checklist"].as_array().unwrap() {
            assert!(step["step"].is_string() && step["text"].is_string());
            assert!(is_date(&step["due"]));
        }
    }
    // The sample has every category.
    assert_eq!(seen.len(), categories.len(), "{seen:?}");
    let contoso = customers
        .iter()
        .find(|c| c["name"] == "Contoso, Ltd; \"HQ\"")
        .unwrap();
    let renews = contoso["subscriptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "c-renews")
        .unwrap();
    assert_eq!(renews["end_date"], "2020-02-29");
    assert_eq!(renews["expires_on"], "2021-02-28");
    assert_eq!(renews["migrate_by"], "2021-02-27");
    assert_eq!(renews["auto_renew"], true);
    assert_eq!(renews["category"], "renews-once-then-expires");
}

#[test]
fn rejects_garbage() {
    assert!(plan_from_json("").is_err());
    assert!(plan_from_json("{\"as_of\": \"2020-13-01\"}").is_err());
    let json = to_json(&plan(Lang::En), Lang::En).replace("\"2020-02-29\"", "\"29/02/2020\"");
    assert!(plan_from_json(&json).is_err());
}

/// Progress leaves the browser: each step says whether it is done and
/// since when, and each customer carries its notes; without progress every
/// step is not done and there are no notes.
#[test]
fn steps_carry_their_progress_and_customers_their_notes() {
    use kaizala_engine::export::{to_json_with, Extras};
    use kaizala_engine::progress::Progress;
    let p = plan(Lang::En);
    let key = p.customers[0].key.clone();
    let mut progress = Progress::default();
    let c = p.customer(&key).unwrap();
    assert!(progress.tick_step(c, "A", d(2020, 6, 3)));
    assert!(progress.tick_step(c, "B", d(2020, 6, 4)));
    assert!(!progress.tick_step(c, "Z", d(2020, 6, 4)));
    progress.set_note(&key, "PO 4711 sent");
    let extras = Extras {
        partner: None,
        progress: Some(&progress),
    };
    let v: Value = serde_json::from_str(&to_json_with(&p, Lang::En, extras)).unwrap();
    let c = &v["customers"][0];
    let step = |id: &str| {
        c["checklist"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["step"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(step("A")["done"], true);
    assert_eq!(step("A")["done_on"], "2020-06-03");
    assert_eq!(step("B")["done"], true);
    assert_eq!(step("B")["done_on"], "2020-06-04");
    assert_eq!(c["notes"], "PO 4711 sent");
    let others = c["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["step"] != "A" && s["step"] != "B");
    assert!(others.into_iter().all(|s| s["done"] == false));

    let plain: Value = serde_json::from_str(&to_json(&p, Lang::En)).unwrap();
    assert_eq!(plain["customers"][0]["checklist"][0]["done"], false);
    assert!(plain["customers"][0]["notes"].is_null());
    // The plan reads back the same, whatever progress was written with it.
    let back = plan_from_json(&to_json_with(&p, Lang::En, extras)).unwrap();
    assert_eq!(back, p);
}
