/*!
Progress as stored: the JSON written, and the reading of what storage (or
a colleague's file) holds, which is untrusted.

The stored shape (version 2):

```json
{"version": 2,
 "ticks": {"id:c1": {"C:sub-1": {"on": "2020-08-03", "facts": {...}}}},
 "legacy": {"id:c1": {"A": null}},
 "notes": {"id:c1": "call Monday"},
 "users": {"id:c1": {"alice@contoso.com": "2020-08-03"}}}
```

The first shape (`ticked`: a list of `"<customer>/<step id>"`,
`ticked_on`: their days, `notes`) is read too: its ticks become legacy
ticks, by display id.
*/

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{split_key, Progress, Tick, MAX_NOTE_CHARS};

/// The version of the shape [`Progress::to_json`] writes.
const VERSION: u32 = 2;

#[derive(Serialize)]
struct Stored<'a> {
    version: u32,
    ticks: &'a BTreeMap<String, BTreeMap<String, Tick>>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    legacy: &'a BTreeMap<String, BTreeMap<String, Option<NaiveDate>>>,
    notes: &'a BTreeMap<String, String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    users: &'a BTreeMap<String, BTreeMap<String, Option<NaiveDate>>>,
}

/// A member that must be an object: `Ok(None)` when absent or null, `Err`
/// when it is something else (the text is not progress).
fn object<'a>(
    obj: &'a Map<String, Value>,
    name: &str,
) -> Result<Option<&'a Map<String, Value>>, ()> {
    match obj.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(m)) => Ok(Some(m)),
        Some(_) => Err(()),
    }
}

fn day(v: &Value) -> Option<NaiveDate> {
    NaiveDate::deserialize(v).ok()
}

impl Progress {
    /// The JSON that [`Progress::from_json`] reads back.
    pub fn to_json(&self) -> String {
        let stored = Stored {
            version: VERSION,
            ticks: &self.ticks,
            legacy: &self.legacy,
            notes: &self.notes,
            users: &self.users,
        };
        serde_json::to_string(&stored).unwrap_or_else(|_| "{}".to_string())
    }

    /// Reads stored progress, in this shape or the first one; `None` when
    /// the text is not progress at all (not a JSON object, or one of its
    /// members of the wrong kind: corrupted storage), so the caller can
    /// say so instead of guessing. Inside, whatever does not fit (a tick
    /// under an unknown key, facts of the wrong form, a note that is not
    /// text) is dropped, and notes are cut to 4000 characters. Never
    /// panics.
    pub fn from_json(text: &str) -> Option<Progress> {
        // serde would also take the members in a list (`[]` as empty
        // progress), which only damaged storage holds.
        if !text.trim_start().starts_with('{') {
            return None;
        }
        let value: Value = serde_json::from_str(text).ok()?;
        Progress::from_value(&value)
    }

    /// [`Progress::from_json`] of JSON already parsed.
    fn from_value(value: &Value) -> Option<Progress> {
        let obj = value.as_object()?;
        let mut p = Progress::default();

        for (customer, steps) in object(obj, "ticks").ok()?.into_iter().flatten() {
            let Value::Object(steps) = steps else {
                continue;
            };
            // Extend, not collect: collecting into a map sorts first, with
            // its own copy of the standard sort.
            let mut kept = BTreeMap::new();
            kept.extend(
                steps
                    .iter()
                    .filter(|(key, _)| split_key(key).is_some())
                    .filter_map(|(key, t)| Some((key.clone(), Tick::deserialize(t).ok()?))),
            );
            if !kept.is_empty() {
                p.ticks.insert(customer.clone(), kept);
            }
        }

        for (customer, ids) in object(obj, "legacy").ok()?.into_iter().flatten() {
            let Value::Object(ids) = ids else { continue };
            for (id, on) in ids {
                if !id.is_empty() && (on.is_null() || day(on).is_some()) {
                    p.legacy
                        .entry(customer.clone())
                        .or_default()
                        .insert(id.clone(), day(on));
                }
            }
        }

        // The first shape.
        let ticked_on = object(obj, "ticked_on").ok()?;
        match obj.get("ticked") {
            None | Some(Value::Null) => {}
            Some(Value::Array(ticked)) => {
                for entry in ticked.iter().filter_map(Value::as_str) {
                    let Some((customer, id)) = entry.rsplit_once('/') else {
                        continue;
                    };
                    if id.is_empty() {
                        continue;
                    }
                    let on = ticked_on.and_then(|m| m.get(entry)).and_then(day);
                    p.legacy
                        .entry(customer.to_string())
                        .or_default()
                        .insert(id.to_string(), on);
                }
            }
            Some(_) => return None,
        }

        for (customer, note) in object(obj, "notes").ok()?.into_iter().flatten() {
            if let Value::String(note) = note {
                if !note.trim().is_empty() {
                    let note: String = note.chars().take(MAX_NOTE_CHARS).collect();
                    p.notes.insert(customer.clone(), note);
                }
            }
        }
        for (customer, upns) in object(obj, "users").ok()?.into_iter().flatten() {
            let Value::Object(upns) = upns else { continue };
            for (upn, on) in upns {
                if upn.contains('@') && (on.is_null() || day(on).is_some()) {
                    p.users
                        .entry(customer.clone())
                        .or_default()
                        .insert(upn.to_lowercase(), day(on));
                }
            }
        }
        Some(p)
    }
}

/// Progress inside other JSON (the app's stored workspace, the workspace
/// file) is written and read as [`Progress::to_json`] and
/// [`Progress::from_json`] do: what does not fit is dropped, and text that
/// is not progress is an error.
impl Serialize for Progress {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Stored {
            version: VERSION,
            ticks: &self.ticks,
            legacy: &self.legacy,
            notes: &self.notes,
            users: &self.users,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Progress {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Progress::from_value(&value)
            .ok_or_else(|| <D::Error as serde::de::Error>::custom("not checklist progress"))
    }
}
