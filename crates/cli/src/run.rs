/*!
The run from file bytes to export bytes: import, resolve the customers the
options name, plan, render. Pure (no file, clock or terminal), so the
tests drive it directly and the output is what the app downloads.
*/

use std::io;

use chrono::NaiveDate;

use kaizala_engine::export::{self, ExportFormat, Extras};
use kaizala_engine::handout::Partner;
use kaizala_engine::i18n::{rejected_row_source, Lang, Render};
use kaizala_engine::import::{self, FileCustomers, Import, ImportOptions, ImportOutcome};
use kaizala_engine::plan::Plan;
use kaizala_engine::plan::{build_plan_on, Settings};
use kaizala_engine::progress::Progress;
use kaizala_engine::workspace::{is_workspace_file, Conflict};

use crate::inputs::{attach_users, import_workspace, read_progress, Carried, UsersFile};
use crate::mapping::describe_mapping;
use crate::words::{self, PlanCounts};
use crate::{Args, CustomerExport, Failure, Output};

/// Finds the key of the customer a user named: its tenant id, domain or
/// name (case-insensitive), or the key itself.
fn resolve(import: &Import, who: &str, lang: Lang) -> Result<String, Failure> {
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
        0 => Err(Failure::input(words::no_such_customer(lang, who))),
        _ => Err(Failure::input(words::ambiguous_customer(lang, who, &keys))),
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
            .entry(resolve(import, who, args.lang)?)
            .or_default()
            .frontline = true;
    }
    for who in &args.include_trials {
        s.customers
            .entry(resolve(import, who, args.lang)?)
            .or_default()
            .include_trials = true;
    }
    for (who, yes) in &args.education {
        s.customers
            .entry(resolve(import, who, args.lang)?)
            .or_default()
            .education = Some(*yes);
    }
    for (who, plan) in &args.plans {
        s.customers
            .entry(resolve(import, who, args.lang)?)
            .or_default()
            .plan_override = Some(*plan);
    }
    for (who, n) in &args.seats {
        s.customers
            .entry(resolve(import, who, args.lang)?)
            .or_default()
            .seats_to_cover = Some(*n);
    }
    Ok(s)
}

/// Plans an import outcome and renders the requested export.
pub fn plan_outcome(
    args: &Args,
    outcome: ImportOutcome,
    today: NaiveDate,
) -> Result<Output, Failure> {
    plan_outcome_with(args, outcome, Carried::default(), &[], today).map(Prepared::into_output)
}

/// The file `--format ps1` or `users-csv` writes for `--customer`.
fn customer_export(
    args: &Args,
    import: &Import,
    plan: &kaizala_engine::Plan,
    kind: CustomerExport,
) -> Result<Output, Failure> {
    let Some(who) = args.customer.as_deref() else {
        return Err(Failure::input(words::customer_export_needs_customer(
            args.lang,
        )));
    };
    let key = resolve(import, who, args.lang)?;
    let Some(customer) = plan.customer(&key) else {
        return Err(Failure::input(words::no_kaizala(args.lang, who)));
    };
    let Some(users) = &customer.users else {
        return Err(Failure::input(words::no_users_file(args.lang, who)));
    };
    let text = match kind {
        CustomerExport::Script => export::move_script(customer, args.lang),
        CustomerExport::UsersCsv => export::users_csv(customer, args.lang),
    }
    .unwrap_or_default();
    let s = users.summary;
    Ok(Output {
        bytes: text.into_bytes(),
        summary: words::users_summary(
            args.lang,
            &customer.display_name,
            s.holders,
            s.to_license,
            s.covered,
        ),
    })
}

fn plan_outcome_with(
    args: &Args,
    outcome: ImportOutcome,
    carried: Carried,
    users: &[UsersFile],
    today: NaiveDate,
) -> Result<Prepared, Failure> {
    let mut import = match outcome {
        ImportOutcome::Ready(i) => i,
        ImportOutcome::NeedsMapping(req) => {
            return Err(Failure::input(
                describe_mapping(&req, args.lang).trim_end().to_string(),
            ))
        }
    };
    attach_users(&mut import, users, args.lang, |i, who| {
        resolve(i, who, args.lang)
    })?;
    let settings = settings_for(args, &import, &carried, today)?;
    // Customers are planned on every core (1,000,000 rows: the plan's
    // part of the run about halves on two cores, docs/performance.md).
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let mut plan = build_plan_on(&import, &settings, cores);
    if let Some(kind) = args.customer_export {
        return customer_export(args, &import, &plan, kind).map(Prepared::from);
    }
    if let Some(mpn) = &args.reseller {
        let known = plan.resellers();
        if !mpn.is_empty() && !known.contains(mpn) {
            return Err(Failure::input(words::no_such_reseller(
                args.lang, mpn, &known,
            )));
        }
        plan = plan.for_reseller(mpn);
    }
    let s = &plan.summary;
    let mut summary = match &carried.workspace {
        Some((name, files)) => words::workspace_prefix(args.lang, name, *files),
        None => String::new(),
    };
    summary.push_str(&words::plan_summary(
        args.lang,
        &PlanCounts {
            rows: plan.source.rows_read,
            rejected: plan.source.rows_rejected.len() as u64,
            with_kaizala: s.customers_with_kaizala,
            customers: s.customers_in_file,
            subscriptions: s.kaizala_subscriptions,
            seats: s.kaizala_seats,
        },
    ));
    summary.push_str(&rejected_rows(&import, args.lang));
    summary.push_str(&conflicts(&carried.conflicts, args.lang));
    Ok(Prepared {
        body: Body::Plan {
            plan: Box::new(plan),
            format: args.format,
            lang: args.lang,
            partner: carried.partner,
            progress: carried.progress,
        },
        summary,
    })
}

/// A run planned but not yet written: the command line writes its export
/// straight into its file or standard output ([`Prepared::write_to`]),
/// so a large plan's export is never held whole in memory.
#[derive(Debug)]
pub struct Prepared {
    body: Body,
    /// The one-line summary for standard error.
    pub summary: String,
}

#[derive(Debug)]
enum Body {
    /// A customer's script or users file, already made (they are small).
    Bytes(Vec<u8>),
    /// The whole plan, rendered as it is written.
    Plan {
        plan: Box<Plan>,
        format: ExportFormat,
        lang: Lang,
        partner: Option<Partner>,
        progress: Option<Progress>,
    },
}

impl Prepared {
    /// Writes the export into `out` (give it a `BufWriter`), then
    /// flushes it: the same bytes as [`Output::bytes`].
    pub fn write_to<W: io::Write>(&self, mut out: W) -> io::Result<()> {
        match &self.body {
            Body::Bytes(bytes) => out.write_all(bytes).and_then(|()| out.flush()),
            Body::Plan {
                plan,
                format,
                lang,
                partner,
                progress,
            } => {
                let extras = Extras {
                    partner: partner.as_ref(),
                    progress: progress.as_ref(),
                };
                export::render_to(plan, *format, *lang, extras, out)
            }
        }
    }

    /// The export's bytes in memory, with the summary.
    pub fn into_output(self) -> Output {
        let mut bytes = Vec::new();
        if let Body::Bytes(b) = self.body {
            bytes = b;
        } else {
            // Writing into memory fails only where memory does.
            let _ = self.write_to(&mut bytes);
        }
        Output {
            bytes,
            summary: self.summary,
        }
    }
}

impl From<Output> for Prepared {
    fn from(o: Output) -> Prepared {
        Prepared {
            body: Body::Bytes(o.bytes),
            summary: o.summary,
        }
    }
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
            out.push_str(&words::row_source(lang, &source));
        }
    }
    if rejected.len() > REJECTED_LISTED {
        out.push_str("\n  ");
        out.push_str(&words::more_rejected(
            lang,
            rejected.len() - REJECTED_LISTED,
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
        out.push_str("\n  ");
        out.push_str(&words::more_conflicts(
            lang,
            conflicts.len() - REJECTED_LISTED,
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
    run_users(args, bytes, progress, &[], today)
}

/// [`run_with`], with the users files given by `--users` (read by the
/// caller, each split with [`UsersFile::split`]).
pub fn run_users(
    args: &Args,
    bytes: &[u8],
    progress: Option<&[u8]>,
    users: &[UsersFile],
    today: NaiveDate,
) -> Result<Output, Failure> {
    prepare(args, bytes, progress, users, today).map(Prepared::into_output)
}

/// [`run_users`], stopping before the export is written: the command line
/// then writes it with [`Prepared::write_to`].
pub fn prepare(
    args: &Args,
    bytes: &[u8],
    progress: Option<&[u8]>,
    users: &[UsersFile],
    today: NaiveDate,
) -> Result<Prepared, Failure> {
    read_input(args, bytes, progress)?.plan(args, users, today)
}

/// FILE read, before it is planned: what [`prepare`] does first. The
/// command line frees FILE's bytes between the two, so that they, the
/// import and the plan are never all held at once.
#[derive(Debug)]
pub struct ReadInput {
    outcome: ImportOutcome,
    carried: Carried,
}

impl ReadInput {
    /// The plan, ready to write: what [`prepare`] does second.
    pub fn plan(
        self,
        args: &Args,
        users: &[UsersFile],
        today: NaiveDate,
    ) -> Result<Prepared, Failure> {
        plan_outcome_with(args, self.outcome, self.carried, users, today)
    }
}

/// Reads FILE (an export or a workspace file) and the progress file.
pub fn read_input(
    args: &Args,
    bytes: &[u8],
    progress: Option<&[u8]>,
) -> Result<ReadInput, Failure> {
    let from_progress = match (progress, &args.progress) {
        (Some(p), path) => Some(read_progress(
            path.as_deref().unwrap_or("--progress"),
            p,
            args.lang,
        )?),
        (None, _) => None,
    };
    let (outcome, carried) = if is_workspace_file(bytes) {
        let (import, carried) = import_workspace(&args.file, bytes, args.lang)?;
        (ImportOutcome::Ready(import), carried)
    } else {
        (import_export(args, bytes)?, Carried::default())
    };
    let carried = match from_progress {
        Some(p) => carried.with_progress_file(p),
        None => carried,
    };
    Ok(ReadInput { outcome, carried })
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
        users_customer: None,
        customers: args
            .customer_name
            .clone()
            .map(|name| FileCustomers::One { name }),
    };
    import::import(bytes, &options).map_err(|e| {
        Failure::input(words::cannot_read(
            args.lang,
            &args.file,
            &e.render(args.lang),
        ))
    })
}
