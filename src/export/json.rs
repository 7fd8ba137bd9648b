/*!
The JSON export and its reader.

The JSON is the [`Plan`] itself, serialised with serde, texts in the
requested language: data and text side by side. Its schema is documented
in `docs/plan-json.md`; the field `schema` carries its version.
[`plan_from_json`] reads it back into the same plan (share links, tests).
*/

use crate::plan::{Lang, Plan};

/// The plan as pretty-printed JSON, ending with a newline.
pub fn to_json(plan: &Plan, lang: Lang) -> String {
    let plan = plan.in_lang(lang);
    // Serialising these types cannot fail: every map key is a string and
    // no value has a fallible Serialize; keep a readable fallback anyway.
    let mut s = serde_json::to_string_pretty(&plan)
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
    s.push('\n');
    s
}

/// Reads a plan written by [`to_json`].
pub fn plan_from_json(json: &str) -> Result<Plan, serde_json::Error> {
    serde_json::from_str(json)
}
