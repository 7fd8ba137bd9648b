/*!
The JSON export and its reader.

The JSON is the [`Plan`] serialised with serde, texts in the requested
language: data and text side by side, plus each customer's checklist,
which the plan builds on demand ([`Plan::checklist`]). Its schema is
documented in `docs/plan-json.md`; the field `schema` carries its version.
[`plan_from_json`] reads it back into the same plan (share links, tests).
*/

use chrono::NaiveDate;
use serde::Serialize;

use crate::checklist::Step;
use crate::plan::{CustomerPlan, Lang, Plan, Source, Summary};

/// [`Plan`] as written: its fields in order, each customer with its steps.
/// A field added to `Plan` but not here fails the read-back tests.
#[derive(Serialize)]
struct PlanJson<'a> {
    schema: u32,
    as_of: NaiveDate,
    cutoff: NaiveDate,
    lang: Lang,
    source: &'a Source,
    customers: Vec<CustomerJson<'a>>,
    summary: &'a Summary,
}

#[derive(Serialize)]
struct CustomerJson<'a> {
    #[serde(flatten)]
    customer: &'a CustomerPlan,
    checklist: Vec<Step>,
}

/// The plan as pretty-printed JSON, ending with a newline.
pub fn to_json(plan: &Plan, lang: Lang) -> String {
    let plan = plan.in_lang(lang);
    let json = PlanJson {
        schema: plan.schema,
        as_of: plan.as_of,
        cutoff: plan.cutoff,
        lang: plan.lang,
        source: &plan.source,
        customers: plan
            .customers
            .iter()
            .map(|c| CustomerJson {
                customer: c,
                checklist: plan.checklist(c).steps,
            })
            .collect(),
        summary: &plan.summary,
    };
    // Serialising these types cannot fail: every map key is a string and
    // no value has a fallible Serialize; keep a readable fallback anyway.
    let mut s = serde_json::to_string_pretty(&json)
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
    s.push('\n');
    s
}

/// Reads a plan written by [`to_json`].
pub fn plan_from_json(json: &str) -> Result<Plan, serde_json::Error> {
    serde_json::from_str(json)
}
