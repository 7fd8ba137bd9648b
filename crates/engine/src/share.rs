/*!
Share links: a customer's plan carried in a URL fragment.

The fragment never reaches a server, so the link shares the plan without
the planner ever seeing it. The payload is JSON, deflated (zlib, whose
Adler-32 trailer catches a damaged or edited link), base64url-encoded and
prefixed with a version: `v1.<base64url>`.

Decoding treats the text as hostile: it caps the encoded length and the
inflated size (a tiny link must not inflate to gigabytes), and every
failure is a `ShareError` with a message a person understands.

# Example

```
use kaizala_engine::share::{decode, encode};
let link = encode(&vec!["Contoso".to_string()]).unwrap();
assert!(link.starts_with("v1."));
let back: Vec<String> = decode(&link).unwrap();
assert_eq!(back, vec!["Contoso".to_string()]);
```
*/

use std::collections::BTreeMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::handout::{Handout, Partner};
use crate::model::{Format, Import};
use crate::model::{Subscription, User, UsersList};
use crate::plan::users::users_of;
use crate::plan::{plan_subscriptions, CustomerPlan, CustomerSettings, Lang, Settings, Source};

/// Longest fragment accepted (browsers accept far longer URLs, but a plan
/// of one customer is a few kilobytes).
pub(crate) const MAX_ENCODED: usize = 256 * 1024;
/// Largest payload a link may inflate to.
pub(crate) const MAX_INFLATED: usize = 4 * 1024 * 1024;

const VERSION: &str = "v1.";
/// miniz's best compression: links are short either way (one customer's
/// plan is a few kilobytes of JSON), so the shortest link wins.
const COMPRESSION: u8 = 9;

/// What a share link carries: one customer's subscriptions as imported
/// (the Kaizala Pro ones and the plans that may cover them), the choices
/// made for that customer, the plan's dates, the partner who made it and
/// the steps done. Nothing of other customers travels.
///
/// The link carries the plan's inputs, not its texts: the reader's planner
/// plans them again, in the reader's language, with its own wording. So a
/// link cannot make the page say anything the planner would not say, and
/// it stays small.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedPlan {
    /// The plan's "today" ([`Settings::as_of`](crate::plan::Settings::as_of)).
    pub as_of: NaiveDate,
    /// When sales ended ([`Settings::cutoff`](crate::plan::Settings::cutoff)).
    pub cutoff: NaiveDate,
    /// The format of the export the subscriptions came from, when known.
    pub format: Option<Format>,
    /// The customer's key ([`crate::model::Customer::key`]).
    pub customer: String,
    /// What the user decided for this customer.
    #[serde(default)]
    pub settings: CustomerSettings,
    /// The customer's subscriptions, as imported.
    pub subscriptions: Vec<Subscription>,
    /// The partner who made the link, when they said who they are. Links
    /// made before partners were named have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<Partner>,
    /// The customer's steps done when the link was made, by step id, with
    /// the day when known. Links made before have none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub done: BTreeMap<String, Option<NaiveDate>>,
    /// The customer's users, only when the partner chose to include them
    /// ([`SharedPlan::with_users`]): personal data, so never by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users: Option<UsersList>,
    /// With the users: those marked as moved, by user principal name
    /// lower-cased.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub users_done: BTreeMap<String, Option<NaiveDate>>,
}

impl SharedPlan {
    /// The shareable part of `import` for one customer, or `None` when the
    /// customer has no subscription in it.
    pub fn for_customer(import: &Import, settings: &Settings, key: &str) -> Option<SharedPlan> {
        let subscriptions: Vec<Subscription> = import
            .subscriptions
            .iter()
            .filter(|s| s.customer.key() == key)
            // Line numbers say nothing to the customer.
            .map(|s| Subscription {
                lines: Vec::new(),
                ..s.clone()
            })
            .collect();
        if subscriptions.is_empty() {
            return None;
        }
        Some(SharedPlan {
            as_of: settings.as_of,
            cutoff: settings.cutoff,
            format: import.report.format,
            customer: key.to_string(),
            settings: settings.customers.get(key).cloned().unwrap_or_default(),
            subscriptions,
            partner: None,
            done: BTreeMap::new(),
            users: None,
            users_done: BTreeMap::new(),
        })
    }

    /// The same link with the customer's users (its users file in
    /// `import`, when there is one) and those marked as moved in
    /// `handout`. Only the partner's explicit choice calls this: user
    /// lists are personal data, and they make the link much longer.
    pub fn with_users(self, import: &Import, handout: &Handout) -> SharedPlan {
        let Some(customer) = self.subscriptions.first().map(|s| s.customer.clone()) else {
            return self;
        };
        let users = users_of(&self.customer, &customer, &import.users).map(|l| UsersList {
            file_name: None,
            customer: Some(self.customer.clone()),
            domains: Vec::new(),
            // Line numbers say nothing to the customer.
            users: l
                .users
                .iter()
                .map(|u| User {
                    lines: Vec::new(),
                    ..u.clone()
                })
                .collect(),
        });
        SharedPlan {
            users_done: if users.is_some() {
                handout.users_done.clone()
            } else {
                BTreeMap::new()
            },
            users,
            ..self
        }
    }

    /// The same link with the partner and the steps done of `handout`
    /// (a partner with nothing to show is left out).
    pub fn with_handout(self, handout: Handout) -> SharedPlan {
        SharedPlan {
            partner: handout.partner.as_ref().and_then(Partner::shown),
            done: handout.done,
            ..self
        }
    }

    /// What the customer's page shows besides the plan: the partner and
    /// the steps done.
    pub fn handout(&self) -> Handout {
        Handout {
            partner: self.partner.as_ref().and_then(Partner::shown),
            done: self.done.clone(),
            users_done: self.users_done.clone(),
        }
    }

    /// The customer's plan, planned again in `lang`; `None` when the link's
    /// subscriptions hold no Kaizala Pro subscription of that customer.
    pub fn customer_plan(&self, lang: Lang) -> Option<CustomerPlan> {
        // Insert, not `BTreeMap::from([..])`: that sorts the array with
        // its own copy of the standard sort.
        let mut customers = BTreeMap::new();
        customers.insert(self.customer.clone(), self.settings.clone());
        let settings = Settings {
            as_of: self.as_of,
            cutoff: self.cutoff,
            lang,
            customers,
        };
        let source = Source {
            format: self.format,
            ..Source::default()
        };
        plan_subscriptions(
            &self.subscriptions,
            self.users.as_slice(),
            source,
            &settings,
        )
        .customers
        .into_iter()
        .find(|c| c.key == self.customer)
    }
}

/// Why a share link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The link has no text after `#` (or `share=`).
    Empty,
    /// The link text is longer than a link may be.
    TooLong {
        /// The text's length in bytes.
        len: usize,
    },
    /// The text does not start with the `v1.` this planner writes.
    UnknownVersion,
    /// The text is not canonical unpadded base64url.
    NotBase64,
    /// The bytes do not inflate as zlib.
    Damaged,
    /// The data inflates to more than a plan can be.
    TooLarge,
    /// The data is not a plan this planner reads; the JSON parser's message.
    NotAPlan(String),
    /// A value could not be written as a link; why.
    Encode(String),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::Empty => f.write_str("The link carries no plan."),
            ShareError::TooLong { len } => write!(
                f,
                "The link is too long to be a plan ({len} characters; at most {MAX_ENCODED})."
            ),
            ShareError::UnknownVersion => f.write_str(
                "The link was not made by this planner, or by a version that this one cannot read.",
            ),
            ShareError::NotBase64 | ShareError::Damaged => f.write_str(
                "The link is damaged or was changed after it was made. Ask for the link again, \
                 and copy it whole.",
            ),
            ShareError::TooLarge => f.write_str("The link holds more data than a plan can."),
            ShareError::NotAPlan(_) => f.write_str(
                "The link opened, but what it holds is not a plan this planner understands.",
            ),
            ShareError::Encode(e) => write!(f, "The plan could not be put in a link: {e}"),
        }
    }
}

impl std::error::Error for ShareError {}

/// Encodes a value into link text (`v1.` + base64url of zlib(JSON)).
pub fn encode<T: Serialize>(value: &T) -> Result<String, ShareError> {
    let json = serde_json::to_vec(value).map_err(|e| ShareError::Encode(e.to_string()))?;
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&json, COMPRESSION);
    let mut out = String::with_capacity(VERSION.len() + packed.len() * 4 / 3 + 4);
    out.push_str(VERSION);
    URL_SAFE_NO_PAD.encode_string(&packed, &mut out);
    if out.len() > MAX_ENCODED {
        return Err(ShareError::Encode(format!(
            "the link would be {} characters long, more than the {MAX_ENCODED} it may have",
            out.len()
        )));
    }
    Ok(out)
}

/// Decodes link text made by `encode`. Never panics, whatever the text.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, ShareError> {
    let json = unpack(text)?;
    serde_json::from_slice(&json).map_err(|e| ShareError::NotAPlan(e.to_string()))
}

/// The JSON inside link text: version, base64url and zlib undone, with
/// the caps on length and size.
fn unpack(text: &str) -> Result<Vec<u8>, ShareError> {
    let text = text.trim().trim_start_matches('#');
    let text = text.strip_prefix("share=").unwrap_or(text);
    if text.is_empty() {
        return Err(ShareError::Empty);
    }
    if text.len() > MAX_ENCODED {
        return Err(ShareError::TooLong { len: text.len() });
    }
    let body = text
        .strip_prefix(VERSION)
        .ok_or(ShareError::UnknownVersion)?;
    // Unpadded, canonical base64url only, as links have always been
    // written: this engine refuses padding and stray bits past the last
    // byte, so a link is read one way only.
    let packed = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|_| ShareError::NotBase64)?;
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_INFLATED).map_err(|e| {
        match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            _ => ShareError::Damaged,
        }
    })
}

impl SharedPlan {
    /// Opens link text made by `encode(&shared_plan)`: what the app does
    /// with a link, the same as `decode::<SharedPlan>`. Never panics,
    /// whatever the text.
    pub fn from_link(text: &str) -> Result<SharedPlan, ShareError> {
        decode(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let v = vec![("臺北".to_string(), 3u32), ("Contoso <b>".to_string(), 0)];
        let link = encode(&v).unwrap();
        assert!(link
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
        assert_eq!(decode::<Vec<(String, u32)>>(&link).unwrap(), v);
        assert_eq!(
            decode::<Vec<(String, u32)>>(&format!("#share={link}")).unwrap(),
            v
        );
    }

    #[test]
    fn rejects_each_kind_of_bad_link() {
        let good = encode(&vec![1u32, 2, 3]).unwrap();
        assert_eq!(decode::<Vec<u32>>(""), Err(ShareError::Empty));
        assert_eq!(
            decode::<Vec<u32>>("v2.AAAA"),
            Err(ShareError::UnknownVersion)
        );
        assert_eq!(decode::<Vec<u32>>("v1.***"), Err(ShareError::NotBase64));
        // One character changed in the middle: the checksum catches it.
        let mut tampered = good.clone().into_bytes();
        let i = tampered.len() / 2 + 2;
        tampered[i] = if tampered[i] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(tampered).unwrap();
        assert!(matches!(
            decode::<Vec<u32>>(&tampered),
            Err(ShareError::Damaged | ShareError::NotBase64 | ShareError::NotAPlan(_))
        ));
        // Truncated.
        assert!(decode::<Vec<u32>>(&good[..good.len() - 3]).is_err());
        // Right shape, wrong type.
        assert!(matches!(
            decode::<Vec<u32>>(&encode(&"text").unwrap()),
            Err(ShareError::NotAPlan(_))
        ));
        assert_eq!(
            decode::<Vec<u32>>(&"v1.".repeat(MAX_ENCODED)),
            Err(ShareError::TooLong {
                len: 3 * MAX_ENCODED
            })
        );
    }

    #[test]
    fn refuses_a_bomb() {
        let zeros = vec![0u8; MAX_INFLATED + 1];
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&zeros, 9);
        let link = format!("{VERSION}{}", URL_SAFE_NO_PAD.encode(packed));
        assert!(link.len() < MAX_ENCODED);
        assert_eq!(decode::<Vec<u32>>(&link), Err(ShareError::TooLarge));
    }

    #[test]
    fn a_shared_plan_carries_one_customer_and_plans_again() {
        use crate::import::{import, ImportOptions, ImportOutcome};
        let csv = "id,offerName,quantity,status,autoRenewEnabled,commitmentEndDate,customerTenantId,customerCompanyName\n\
                   s1,Microsoft Kaizala Pro,20,active,false,2020-09-01T00:00:00Z,t1,Contoso\n\
                   s2,Office 365 E3,5,active,true,2021-01-01T00:00:00Z,t1,Contoso\n\
                   s3,Microsoft Kaizala Pro,9,active,false,2020-10-01T00:00:00Z,t2,Other Co\n";
        let Ok(ImportOutcome::Ready(imp)) = import(csv.as_bytes(), &ImportOptions::default())
        else {
            panic!()
        };
        let settings = Settings::new(NaiveDate::from_ymd_opt(2020, 6, 1).unwrap());
        let plan = crate::plan::build_plan(&imp, &settings);
        let contoso = plan
            .customers
            .iter()
            .find(|c| c.display_name == "Contoso")
            .unwrap();
        let shared = SharedPlan::for_customer(&imp, &settings, &contoso.key).unwrap();
        assert_eq!(
            shared.subscriptions.len(),
            2,
            "its Kaizala Pro and its coverage, nobody else's"
        );
        assert!(shared.subscriptions.iter().all(|s| s.lines.is_empty()));
        let link = encode(&shared).unwrap();
        let back: SharedPlan = decode(&link).unwrap();
        assert_eq!(back, shared);
        assert_eq!(
            SharedPlan::from_link(&format!("#share={link}")),
            Ok(back.clone())
        );
        let replanned = back.customer_plan(Lang::En).unwrap();
        assert_eq!(replanned.recommendation, contoso.recommendation);
        assert_eq!(
            crate::checklist::build(&replanned, back.as_of, Lang::En),
            crate::checklist::build(contoso, plan.as_of, plan.lang)
        );
        assert!(back.customer_plan(Lang::ZhTw).is_some());
        assert!(SharedPlan::for_customer(&imp, &settings, "id:nobody").is_none());
    }

    #[test]
    fn from_link_refuses_what_is_not_a_shared_plan() {
        let not_a_plan = [
            encode(&vec![1u32, 2, 3]).unwrap(),
            encode(&"text").unwrap(),
            {
                let packed = miniz_oxide::deflate::compress_to_vec_zlib(b"\xff{}", 9);
                format!("{VERSION}{}", URL_SAFE_NO_PAD.encode(packed))
            },
        ];
        for link in &not_a_plan {
            assert!(matches!(
                SharedPlan::from_link(link),
                Err(ShareError::NotAPlan(_))
            ));
            assert!(matches!(
                decode::<SharedPlan>(link),
                Err(ShareError::NotAPlan(_))
            ));
        }
        assert_eq!(SharedPlan::from_link(""), Err(ShareError::Empty));
        assert_eq!(
            SharedPlan::from_link("v2.AAAA"),
            Err(ShareError::UnknownVersion)
        );
        assert_eq!(SharedPlan::from_link("v1.***"), Err(ShareError::NotBase64));
    }

    #[test]
    fn a_link_carries_the_partner_and_the_steps_done() {
        use crate::import::{import, ImportOptions, ImportOutcome};
        let csv = "id,offerName,quantity,status,autoRenewEnabled,commitmentEndDate,customerTenantId,customerCompanyName\n\
                   s1,Microsoft Kaizala Pro,20,active,false,2020-09-01T00:00:00Z,t1,Contoso\n";
        let Ok(ImportOutcome::Ready(imp)) = import(csv.as_bytes(), &ImportOptions::default())
        else {
            panic!()
        };
        let settings = Settings::new(NaiveDate::from_ymd_opt(2020, 6, 1).unwrap());
        let bare = SharedPlan::for_customer(&imp, &settings, "id:t1").unwrap();
        assert_eq!(bare.handout(), Handout::default());
        let day = NaiveDate::from_ymd_opt(2020, 8, 3);
        let handout = Handout {
            partner: Some(Partner {
                name: " Fabrikam  IT ".into(),
                contact: "help@fabrikam.example".into(),
            }),
            done: BTreeMap::from([("A".to_string(), day), ("B".to_string(), None)]),
            users_done: BTreeMap::new(),
        };
        let shared = bare.clone().with_handout(handout);
        let back = SharedPlan::from_link(&encode(&shared).unwrap()).unwrap();
        assert_eq!(back, shared);
        let partner = back.partner.as_ref().unwrap();
        assert_eq!(partner.name, "Fabrikam IT", "tidied before it travels");
        assert_eq!(back.done.get("A"), Some(&day));
        assert_eq!(back.handout().done.len(), 2);
        // A partner with nothing to show does not travel.
        let empty = bare.with_handout(Handout {
            partner: Some(Partner::default()),
            done: BTreeMap::new(),
            users_done: BTreeMap::new(),
        });
        assert_eq!(empty.partner, None);
        assert!(
            !String::from_utf8(unpack(&encode(&empty).unwrap()).unwrap())
                .unwrap()
                .contains("partner")
        );
    }

    /// A link made before links carried the partner and the steps done
    /// still opens, with neither.
    #[test]
    fn links_made_before_partners_were_named_still_open() {
        let old = "v1.eNpVUclOAzEM_RWUcysNPYCYK0eExB1VkUkcsJplcJwiGPXfcaYL9GY92W_xmw1UW4IZzWbYDOvhbj3cmpVxTUr4Q--PaCicQBRlrLKGiZbNKiUhK0p-lL5WUYTyezXjbKYI2ZY9MpNHM-YWo_JwyRIpKxAgVlwZ9M2BUMnnlYog1Uqxrh-fUcouNo9WmPTudH3Q7fZWHdPUGRR-nf_ZmtWXmlucZUiqaR5VvtSigC8J6CL62SBSoGsnmhVjRLZpyrZTdVg1F9baWfVTS_5ncqy0QW6egH4gws0Ld5HAhNnHb3uUPwXctausZtwMOgpI09mAE9qjHoM2YRkzfinaO9FnZW89CPZsO8rdh9rVMAt2quyhV6Y2BTnZpIE_6llv-d7l9b2H_rPtYXv4BQH7r-U";
        let shared = SharedPlan::from_link(old).unwrap();
        assert_eq!(shared.customer, "id:t1");
        assert_eq!(shared.partner, None);
        assert!(shared.done.is_empty());
        assert_eq!(shared.handout(), Handout::default());
        assert!(shared.customer_plan(Lang::En).is_some());
    }

    /// A link made before links were compressed with miniz (by a
    /// fixed-code deflater of its own) still opens.
    #[test]
    fn links_made_before_still_open() {
        let old = "v1.eNqLjlZ60b7rac90Bef8vJL84nwlHeNYnWglKE_BJslOSccAi0gsAI4fFBQ";
        assert_eq!(
            decode::<Vec<(String, u32)>>(old).unwrap(),
            vec![
                ("臺北 Contoso".to_string(), 3),
                ("Contoso <b>".to_string(), 0),
                ("Contoso <b>".to_string(), 0),
            ]
        );
    }

    /// Links are unpadded base64url, and only that: padding, the standard
    /// alphabet's `+` and `/`, white space and stray bits past the last
    /// byte are refused, as they always were.
    #[test]
    fn only_canonical_unpadded_base64url_opens() {
        let good = encode(&vec![1u32, 2, 3]).unwrap();
        let body = &good[VERSION.len()..];
        for bad in [
            format!("{good}="),
            format!("{good}=="),
            format!("{VERSION}{}", body.replace('-', "+").replace('_', "/")),
            format!("{VERSION}{} {}", &body[..4], &body[4..]),
            format!("{VERSION}A+B/"),
            format!("{VERSION}A"),
            format!("{VERSION}Zm9vYh"),
        ] {
            if bad != good {
                assert_eq!(
                    decode::<Vec<u32>>(&bad),
                    Err(ShareError::NotBase64),
                    "{bad}"
                );
            }
        }
        assert_eq!(
            decode::<Vec<u32>>(&format!("{good}\n")),
            Ok(vec![1, 2, 3]),
            "the whole text is trimmed first"
        );
    }

    #[test]
    fn every_message_is_a_sentence() {
        for e in [
            ShareError::Empty,
            ShareError::TooLong { len: 9 },
            ShareError::UnknownVersion,
            ShareError::NotBase64,
            ShareError::Damaged,
            ShareError::TooLarge,
            ShareError::NotAPlan("x".into()),
        ] {
            let m = e.to_string();
            assert!(m.ends_with('.') && m.len() > 20, "{m}");
        }
    }
}
