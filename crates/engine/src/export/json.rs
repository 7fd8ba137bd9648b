/*!
The JSON export and its reader.

The JSON is the [`Plan`] serialised with serde, texts in the requested
language: data and text side by side, plus each customer's checklist,
which the checklist stage builds from the plan
([`checklist::build`]), each step with whether it is done and since when,
and the customer's notes ([`to_json_with`]; none without progress). Its
schema is
documented in `docs/plan-json.md`; the field `schema` carries its version.
[`plan_from_json`] reads it back into the same plan (share links, tests).
*/

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;

use crate::checklist::{self, Step};
use crate::export::Extras;
use crate::i18n::{Render, Text};
use crate::model::Format;
use crate::plan::{CustomerPlan, Lang, Plan, Summary, UsersSummary};

/// [`Plan`] as written: its fields in order, each customer with its steps.
/// A field added to `Plan` but not here fails the read-back tests.
#[derive(Serialize)]
struct PlanJson<'a> {
    schema: u32,
    as_of: NaiveDate,
    cutoff: NaiveDate,
    lang: Lang,
    source: SourceJson<'a>,
    customers: CustomersJson<'a>,
    summary: &'a Summary,
}

/// [`crate::plan::Source`] as written: the same fields, with the
/// importer's notes and the rejected rows' reasons in the plan's language
/// (serialised on their own, they say their English).
#[derive(Serialize)]
struct SourceJson<'a> {
    format: Option<Format>,
    encoding: &'a str,
    rows_read: u64,
    rows_rejected: Vec<RejectedJson<'a>>,
    notes: Vec<Text>,
}

/// A rejected row as written, its reason in the plan's language.
#[derive(Serialize)]
struct RejectedJson<'a> {
    line: u64,
    reason: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    customer: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subscription_id: Option<&'a str>,
}

#[derive(Serialize)]
struct CustomerJson<'a> {
    #[serde(flatten)]
    customer: Cow<'a, CustomerPlan>,
    checklist: Vec<StepJson>,
    /// The partner's note on the customer; `null` when there is none.
    notes: Option<&'a str>,
    /// What the customer's users file counted; left out without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    users_summary: Option<UsersSummary>,
}

/// A step and its progress.
#[derive(Serialize)]
struct StepJson {
    #[serde(flatten)]
    step: Step,
    /// Ticked as done.
    done: bool,
    /// The day it was ticked, when known.
    done_on: Option<NaiveDate>,
}

/// The plan as pretty-printed JSON, ending with a newline.
pub fn to_json(plan: &Plan, lang: Lang) -> String {
    to_json_with(plan, lang, Extras::default())
}

/// [`to_json`], with each step's progress (`done`, `done_on`) and each
/// customer's `notes` from the caller's progress.
pub fn to_json_with(plan: &Plan, lang: Lang, extras: Extras<'_>) -> String {
    let mut out = Vec::new();
    // Serialising these types into memory cannot fail: every map key is a
    // string and no value has a fallible Serialize; keep a readable
    // fallback anyway.
    match write_json(&mut out, plan, lang, extras) {
        Ok(()) => String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => format!("{{\"error\":{:?}}}", e.to_string()),
    }
}

/// [`to_json_with`], serialised by serde straight into `out` in its
/// pretty layout (two spaces), then a newline.
pub(crate) fn write_json<W: std::io::Write>(
    mut out: W,
    plan: &Plan,
    lang: Lang,
    extras: Extras<'_>,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut out, &view(plan, lang, extras))?;
    out.write_all(b"\n")
}

fn view<'a>(plan: &'a Plan, lang: Lang, extras: Extras<'a>) -> PlanJson<'a> {
    PlanJson {
        schema: plan.schema,
        as_of: plan.as_of,
        cutoff: plan.cutoff,
        lang,
        source: SourceJson {
            format: plan.source.format,
            encoding: &plan.source.encoding,
            rows_read: plan.source.rows_read,
            rows_rejected: plan
                .source
                .rows_rejected
                .iter()
                .map(|r| RejectedJson {
                    line: r.line,
                    reason: r.render(lang),
                    customer: r.customer.as_deref(),
                    subscription_id: r.subscription_id.as_deref(),
                })
                .collect(),
            notes: plan.source.notes.iter().map(|n| n.render(lang)).collect(),
        },
        customers: CustomersJson { plan, lang, extras },
        summary: &plan.summary,
    }
}

/// The plan's customers as written, each made (in the language, with its
/// checklist) as serde reaches it rather than all of them first.
struct CustomersJson<'a> {
    plan: &'a Plan,
    lang: Lang,
    extras: Extras<'a>,
}

impl Serialize for CustomersJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (plan, lang, progress) = (self.plan, self.lang, self.extras.progress);
        serializer.collect_seq(plan.customers_in(lang).map(|c| {
            let steps = checklist::build(&c, plan.as_of, lang).steps;
            let done = progress.map(|p| p.done_steps(&c)).unwrap_or_default();
            CustomerJson {
                checklist: steps
                    .into_iter()
                    .map(|step| StepJson {
                        done: done.contains_key(&step.step),
                        done_on: done.get(&step.step).copied().flatten(),
                        step,
                    })
                    .collect(),
                notes: progress.map(|p| p.note(&c.key)).filter(|n| !n.is_empty()),
                users_summary: c.users.as_ref().map(|u| u.summary),
                customer: c,
            }
        }))
    }
}

/// Reads a plan written by [`to_json`].
pub fn plan_from_json(json: &str) -> Result<Plan, serde_json::Error> {
    serde_json::from_str(json)
}

#[cfg(test)]
mod tests {
    use super::{to_json, view};
    use crate::import::{import, ImportOptions, ImportOutcome};
    use crate::plan::{build_plan, Lang, Settings};

    #[test]
    fn a_whole_plan_is_laid_out_as_serde_json_pretty_does() {
        let csv = "id,offerName,quantity,status,autoRenewEnabled,commitmentEndDate,customerTenantId,customerCompanyName\n\
                   s1,Microsoft Kaizala Pro,20,active,false,2020-09-01T00:00:00Z,t1,\"Contoso \"\"HQ\"\", {Ltd} [x] \\ 臺北\"\n\
                   s2,Office 365 E3,5,active,true,2021-01-01T00:00:00Z,t1,Contoso\n\
                   s3,Microsoft Kaizala Pro,9,suspended,false,2020-10-01T00:00:00Z,t2,Other: Co\n";
        let Ok(ImportOutcome::Ready(imp)) = import(csv.as_bytes(), &ImportOptions::default())
        else {
            panic!("not imported")
        };
        for lang in [Lang::En, Lang::ZhTw] {
            let mut settings = Settings::new(chrono::NaiveDate::from_ymd_opt(2020, 6, 1).unwrap());
            settings.lang = lang;
            let plan = build_plan(&imp, &settings);
            let pretty =
                serde_json::to_string_pretty(&view(&plan, lang, crate::export::Extras::default()))
                    .unwrap();
            assert_eq!(to_json(&plan, lang), pretty + "\n");
        }
    }
}
