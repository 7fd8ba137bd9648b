/*!
Fuzz target: share-link decoding on arbitrary text must return an error
or a plan, never panic; and a plan it returns must survive another
encode/decode unchanged.

The web app reads a `share::SharedPlan` (one customer's subscriptions and
choices) with `SharedPlan::from_link` and plans it again, so one read that
way is also planned here in both languages; serde's `decode` of the whole
`Plan`, a `CustomerPlan` and a `SharedPlan` is tried too.
Each input is tried twice: as
the link text itself (reaches the version, base64 and checksum checks),
and as the JSON inside a well-formed link (reaches the deserialiser,
which a random link almost never does because of the checksum).
*/
#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use kaizala_engine::plan::{CustomerPlan, Lang, Plan};
use kaizala_engine::share::{decode, encode, SharedPlan};
use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;
use serde::Serialize;

fn check<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(link: &str) {
    if let Ok(value) = decode::<T>(link) {
        // A plan too large for a link may decode (the inflated limit is
        // larger than the encoded one) but not encode again: that is fine.
        if let Ok(again) = encode(&value) {
            assert_eq!(decode::<T>(&again).as_ref(), Ok(&value));
        }
    }
}

fn all(link: &str) {
    check::<Plan>(link);
    check::<CustomerPlan>(link);
    check::<SharedPlan>(link);
    // What the shared view does with a link: open it as a shared plan,
    // then plan it, whatever it holds.
    if let Ok(shared) = SharedPlan::from_link(link) {
        if let Ok(again) = encode(&shared) {
            assert_eq!(SharedPlan::from_link(&again).as_ref(), Ok(&shared));
        }
        let _ = shared.customer_plan(Lang::En);
        let _ = shared.customer_plan(Lang::ZhTw);
    }
}

fuzz_target!(|data: &[u8]| {
    all(&String::from_utf8_lossy(data));
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(data, 1);
    all(&format!("v1.{}", URL_SAFE_NO_PAD.encode(packed)));
});
