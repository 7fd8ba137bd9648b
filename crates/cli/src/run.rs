/*!
The run from file bytes to export bytes: import, resolve the customers the
options name, plan, render. Pure (no file, clock or terminal), so the
tests drive it directly and the output is what the app downloads.
*/

use chrono::NaiveDate;

use kaizala_engine::export::{self, Extras};
use kaizala_engine::i18n::{rejected_row_source, Lang, Render};
use kaizala_engine::import::{
    self, Field, FileCustomers, Import, ImportOptions, ImportOutcome, MappingRequest,
};
use kaizala_engine::plan::{build_plan, Settings};
use kaizala_engine::workspace::{is_workspace_file, Conflict};

use crate::args::field_name;
use crate::inputs::{import_workspace, read_progress, Carried};
use crate::{Args, Failure, Output};

/// Finds the key of the customer a user named: its tenant id, domain or
/// name (case-insensitive), or the key itself.
fn resolve(import: &Import, who: &str) -> Result<String, Failure> {
    let wanted = who.trim().to_lowercase();
    let mut keys: Vec<String> = import
        .subscriptions
        .iter()
        .map(|s| &s.customer)
        .chain(import.customers.iter())
        .filter(|c| {
            c.key() == who
                || [&c.id, &c.domain, &c.name].iter().any(|v| {
                    v.as_deref()
                        .is_some_and(|v| v.trim().to_lowercase() == wanted)
                })
        })
        .map(|c| c.key())
        .collect();
    keys.sort();
    keys.dedup();
    match keys.len() {
        1 => Ok(keys.remove(0)),
        0 => Err(Failure::input(format!(
            "no customer in the file is called \"{who}\" (give its tenant id, domain or name)"
        ))),
        _ => Err(Failure::input(format!(
            "\"{who}\" names {} customers; give the tenant id or domain instead ({})",
            keys.len(),
            keys.join(", ")
        ))),
    }
}

/// The planner settings the arguments ask for, over the choices a
/// workspace file carries.
pub(crate) fn settings_for(
    args: &Args,
    import: &Import,
    carried: &Carried,
    today: NaiveDate,
) -> Result<Settings, Failure> {
    let mut s = Settings::new(args.as_of.unwrap_or(today));
    if let Some(c) = args.cutoff.or(carried.cutoff) {
        s.cutoff = c;
    }
    s.customers = carried.customers.clone();
    s.lang = args.lang;
    for who in &args.frontline {
        s.customers
            .entry(resolve(import, who)?)
            .or_default()
            .frontline = true;
    }
    for who in &args.include_trials {
        s.customers
            .entry(resolve(import, who)?)
            .or_default()
            .include_trials = true;
    }
    for (who, yes) in &args.education {
        s.customers
            .entry(resolve(import, who)?)
            .or_default()
            .education = Some(*yes);
    }
    for (who, plan) in &args.plans {
        s.customers
            .entry(resolve(import, who)?)
            .or_default()
            .plan_override = Some(*plan);
    }
    for (who, n) in &args.seats {
        s.customers
            .entry(resolve(import, who)?)
            .or_default()
            .seats_to_cover = Some(*n);
    }
    Ok(s)
}

/// Explains what to map when the importer could not match every column.
pub(crate) fn describe_mapping(req: &MappingRequest) -> String {
    let mut out = String::new();
    if !req.missing.is_empty() {
        out.push_str("The file's columns could not all be matched to what the planner needs.\n");
        let mut example = None;
        for field in &req.missing {
            let name = field_name(*field);
            let candidates = req
                .candidates
                .iter()
                .find(|(f, _)| f == field)
                .map(|(_, c)| c.as_slice())
                .unwrap_or(&[]);
            if let Some(best) = candidates.first() {
                let list: Vec<String> = candidates.iter().map(|c| format!("\"{c}\"")).collect();
                out.push_str(&format!("  {name}: perhaps {}\n", list.join(", ")));
                example.get_or_insert_with(|| format!("--map {name}=\"{best}\""));
            } else {
                out.push_str(&format!("  {name}: no column looks like it\n"));
            }
        }
        let headers: Vec<String> = req.headers.iter().map(|h| format!("\"{h}\"")).collect();
        out.push_str(&format!("Columns in the file: {}\n", headers.join(", ")));
        let example = example.unwrap_or_else(|| {
            let field = req
                .missing
                .first()
                .map(|f| field_name(*f))
                .unwrap_or("end_date");
            format!("--map {field}=\"COLUMN\"")
        });
        out.push_str(&format!(
            "Run again with --map FIELD=COLUMN for each, for example: {example}\n"
        ));
    }
    for problem in &req.problems {
        out.push_str(&problem.render(Lang::En));
        out.push('\n');
    }
    if req.missing.contains(&Field::SubscriptionId) {
        out.push_str(
            "If the file has no subscription id column, add --number-rows to number its rows.\n",
        );
    }
    if let Some(question) = &req.customer_question {
        let name = question.suggested_name.as_deref().unwrap_or("NAME");
        out.push_str(&format!(
            "The file has no customer column. If it holds one customer, add --customer-name \"{name}\"; \
             if it holds several, add --map customer_name=COLUMN.\n"
        ));
    }
    if let Some(question) = &req.ambiguous_dates {
        let col = &question.column;
        out.push_str(&format!(
            "The dates in column \"{col}\" could be month-first or day-first (such as 3/4/2020); add --date-order month-first or --date-order day-first.\n"
        ));
    }
    out
}

/// Plans an import outcome and renders the requested export.
pub fn plan_outcome(
    args: &Args,
    outcome: ImportOutcome,
    today: NaiveDate,
) -> Result<Output, Failure> {
    plan_outcome_with(args, outcome, Carried::default(), today)
}

fn plan_outcome_with(
    args: &Args,
    outcome: ImportOutcome,
    carried: Carried,
    today: NaiveDate,
) -> Result<Output, Failure> {
    let import = match outcome {
        ImportOutcome::Ready(i) => i,
        ImportOutcome::NeedsMapping(req) => {
            return Err(Failure::input(
                describe_mapping(&req).trim_end().to_string(),
            ))
        }
    };
    let settings = settings_for(args, &import, &carried, today)?;
    let mut plan = build_plan(&import, &settings);
    if let Some(mpn) = &args.reseller {
        let known = plan.resellers();
        if !mpn.is_empty() && !known.contains(mpn) {
            return Err(Failure::input(format!(
                "no customer of this file is sold through reseller {mpn}; its resellers: {}",
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            )));
        }
        plan = plan.for_reseller(mpn);
    }
    let extras = Extras {
        partner: carried.partner.as_ref(),
        progress: carried.progress.as_ref(),
    };
    let bytes = export::render_with(&plan, args.format, args.lang, extras);
    let s = &plan.summary;
    let mut summary = match &carried.workspace {
        Some((name, files)) if name.trim().is_empty() => {
            format!("Workspace of {files} files: ")
        }
        Some((name, files)) => format!("Workspace \"{name}\", {files} files: "),
        None => String::new(),
    };
    summary.push_str(&format!(
        "{} rows read, {} rejected; {} of {} customers have Kaizala Pro ({} subscriptions, {} seats).",
        plan.source.rows_read,
        plan.source.rows_rejected.len(),
        s.customers_with_kaizala,
        s.customers_in_file,
        s.kaizala_subscriptions,
        s.kaizala_seats
    ));
    summary.push_str(&rejected_rows(&import, args.lang));
    summary.push_str(&conflicts(&carried.conflicts, args.lang));
    Ok(Output { bytes, summary })
}

/// How many rejected rows the summary lists; the JSON export has them all.
const REJECTED_LISTED: usize = 20;

/// The rejected rows, one a line under the summary, each with the
/// customer and subscription id it names so that it can be found.
fn rejected_rows(import: &Import, lang: Lang) -> String {
    let rejected = &import.report.rejected;
    let mut out = String::new();
    for row in rejected.iter().take(REJECTED_LISTED) {
        out.push_str("\n  ");
        out.push_str(&row.render(lang));
        if let Some(source) = rejected_row_source(row, lang) {
            out.push_str(&format!(" ({source})"));
        }
    }
    if rejected.len() > REJECTED_LISTED {
        out.push_str(&format!(
            "\n  ... and {} more rejected rows (all of them are in the JSON export)",
            rejected.len() - REJECTED_LISTED
        ));
    }
    out
}

/// The facts a workspace's files disagree on, one a line under the
/// summary (the file added last is the one planned).
fn conflicts(conflicts: &[Conflict], lang: Lang) -> String {
    let mut out = String::new();
    for c in conflicts.iter().take(REJECTED_LISTED) {
        out.push_str("\n  ");
        out.push_str(&c.render(lang));
    }
    if conflicts.len() > REJECTED_LISTED {
        out.push_str(&format!(
            "\n  ... and {} more facts the workspace's files disagree on",
            conflicts.len() - REJECTED_LISTED
        ));
    }
    out
}

/// Imports `bytes` and plans them: the whole run but for reading and
/// writing files.
pub fn run(args: &Args, bytes: &[u8], today: NaiveDate) -> Result<Output, Failure> {
    run_with(args, bytes, None, today)
}

/// [`run`], with the bytes of the `--progress` file when one was given.
/// A workspace file as FILE is read as its exports merged, with its
/// progress, partner and choices.
pub fn run_with(
    args: &Args,
    bytes: &[u8],
    progress: Option<&[u8]>,
    today: NaiveDate,
) -> Result<Output, Failure> {
    let from_progress = match (progress, &args.progress) {
        (Some(p), path) => Some(read_progress(path.as_deref().unwrap_or("--progress"), p)?),
        (None, _) => None,
    };
    let (outcome, carried) = if is_workspace_file(bytes) {
        let (import, carried) = import_workspace(&args.file, bytes)?;
        (ImportOutcome::Ready(import), carried)
    } else {
        (import_export(args, bytes)?, Carried::default())
    };
    let carried = match from_progress {
        Some(p) => carried.with_progress_file(p),
        None => carried,
    };
    plan_outcome_with(args, outcome, carried, today)
}

/// Reads FILE as an export, with the options the arguments give.
fn import_export(args: &Args, bytes: &[u8]) -> Result<ImportOutcome, Failure> {
    let file_name = if args.file == "-" {
        None
    } else {
        std::path::Path::new(&args.file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
    };
    let options = ImportOptions {
        file_name,
        mapping: args.mapping.clone(),
        date_order: args.date_order,
        big5_decoder: None,
        number_rows: args.number_rows,
        customers: args
            .customer_name
            .clone()
            .map(|name| FileCustomers::One { name }),
        users_customer: None,
    };
    import::import(bytes, &options)
        .map_err(|e| Failure::input(format!("cannot read {}: {e}", args.file)))
}
