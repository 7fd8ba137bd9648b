/*!
The command-line planner's logic: argument parsing and the run from file
bytes to export bytes. The binary (`src/bin/kaizala-plan.rs`) only reads
the file, the clock and the arguments, and writes the result; everything
here is pure and tested.

Arguments are parsed by hand (no argument-parsing dependency): options may
be written `--as-of 2020-06-01` or `--as-of=2020-06-01`, in any order
around the one FILE argument (`-` reads standard input).

Exit codes: `0` success, `1` bad input (unreadable file, columns to map,
unknown customer in the data), `2` bad usage.
*/

use chrono::NaiveDate;

use kaizala_engine::catalog::PlanId;
use kaizala_engine::export::{self, ExportFormat};
use kaizala_engine::import::{
    self, DateOrder, Field, Import, ImportOptions, ImportOutcome, MappingRequest,
};
use kaizala_engine::plan::{build_plan, Lang, Settings};

/// The usage text.
pub const USAGE: &str = "\
usage: kaizala-plan FILE [options]

Reads a Partner Center subscription export (FILE, or - for standard input)
and writes the Kaizala Pro migration plan.

options:
  --as-of DATE            plan as of this day (YYYY-MM-DD; default: today, UTC)
  --cutoff DATE           when Kaizala Pro sales ended (default: 2020-07-01)
  --format FORMAT         json, csv, md or ics (default: json)
  --out FILE              write to FILE instead of standard output
  --lang LANG             en or zh-TW (default: en)
  --map FIELD=COLUMN      read FIELD from the column named COLUMN; FIELD is one of
                          customer_id, customer_name, customer_domain, qualification,
                          subscription_id, offer, friendly_name, sku, seats, status,
                          auto_renew, end_date, term
  --date-order ORDER      month-first or day-first, for dates like 3/4/2020
  --frontline CUSTOMER    recommend frontline (F3) plans for this customer
  --education CUSTOMER    treat this customer as an education customer
  --not-education CUSTOMER
                          do not treat this customer as an education customer
  --plan CUSTOMER=PLAN    recommend PLAN for this customer (an id such as o365-e1,
                          a name such as \"Office 365 E1\", or a SKU such as STANDARDPACK)
  --seats CUSTOMER=N      buy N seats for this customer
  -h, --help              show this help
  -V, --version           show the version

CUSTOMER is a tenant id, a domain or a company name as the export gives it.
Options that name customers may be repeated.
";

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Run(Args),
    Help,
    Version,
}

/// The options of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Args {
    pub file: String,
    pub as_of: Option<NaiveDate>,
    pub cutoff: Option<NaiveDate>,
    pub format: ExportFormat,
    pub out: Option<String>,
    pub lang: Lang,
    pub mapping: Vec<(Field, String)>,
    pub date_order: Option<DateOrder>,
    pub frontline: Vec<String>,
    pub education: Vec<(String, bool)>,
    pub plans: Vec<(String, PlanId)>,
    pub seats: Vec<(String, u32)>,
}

/// A failed run: what to tell the user and the exit code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub code: i32,
    pub message: String,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
        }
    }
    fn input(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// A successful run: the export's bytes and a one-line summary for
/// standard error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    pub bytes: Vec<u8>,
    pub summary: String,
}

fn parse_date(option: &str, value: &str) -> Result<NaiveDate, Failure> {
    value.trim().parse::<NaiveDate>().map_err(|_| {
        Failure::usage(format!(
            "{option} wants a date as YYYY-MM-DD, such as 2020-07-01; got \"{value}\""
        ))
    })
}

/// Reads a field name as `--map` takes it.
pub fn parse_field(s: &str) -> Option<Field> {
    let s = s.trim().to_ascii_lowercase().replace('-', "_");
    Some(match s.as_str() {
        "customer_id" => Field::CustomerId,
        "customer_name" => Field::CustomerName,
        "customer_domain" => Field::CustomerDomain,
        "qualification" => Field::Qualification,
        "subscription_id" => Field::SubscriptionId,
        "offer" => Field::Offer,
        "friendly_name" => Field::FriendlyName,
        "sku" => Field::Sku,
        "seats" => Field::Seats,
        "status" => Field::Status,
        "auto_renew" => Field::AutoRenew,
        "end_date" => Field::EndDate,
        "term" => Field::Term,
        _ => return None,
    })
}

/// The name `--map` uses for a field.
pub fn field_name(f: Field) -> &'static str {
    match f {
        Field::CustomerId => "customer_id",
        Field::CustomerName => "customer_name",
        Field::CustomerDomain => "customer_domain",
        Field::Qualification => "qualification",
        Field::SubscriptionId => "subscription_id",
        Field::Offer => "offer",
        Field::FriendlyName => "friendly_name",
        Field::Sku => "sku",
        Field::Seats => "seats",
        Field::Status => "status",
        Field::AutoRenew => "auto_renew",
        Field::EndDate => "end_date",
        Field::Term => "term",
    }
}

fn split_pair<'a>(option: &str, value: &'a str, what: &str) -> Result<(&'a str, &'a str), Failure> {
    match value.split_once('=') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => Ok((a.trim(), b.trim())),
        _ => Err(Failure::usage(format!(
            "{option} wants {what}; got \"{value}\""
        ))),
    }
}

/// Parses the arguments after the program name.
///
/// ```
/// use kaizala_cli::{parse_args, Command};
/// let cmd = parse_args(["subs.csv", "--format=md", "--as-of", "2020-06-01"].map(String::from)).unwrap();
/// let Command::Run(args) = cmd else { panic!() };
/// assert_eq!(args.file, "subs.csv");
/// ```
pub fn parse_args<I: IntoIterator<Item = String>>(args: I) -> Result<Command, Failure> {
    let mut it = args.into_iter();
    let mut file = None;
    let mut a = Args {
        file: String::new(),
        as_of: None,
        cutoff: None,
        format: ExportFormat::Json,
        out: None,
        lang: Lang::En,
        mapping: Vec::new(),
        date_order: None,
        frontline: Vec::new(),
        education: Vec::new(),
        plans: Vec::new(),
        seats: Vec::new(),
    };
    let mut only_files = false;
    while let Some(arg) = it.next() {
        if only_files || arg == "-" || !arg.starts_with('-') {
            if let Some(first) = &file {
                return Err(Failure::usage(format!(
                    "one FILE at a time; got \"{first}\" and \"{arg}\""
                )));
            }
            file = Some(arg);
            continue;
        }
        if arg == "--" {
            only_files = true;
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        match name.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            _ => {}
        }
        let takes_value = matches!(
            name.as_str(),
            "--as-of"
                | "--cutoff"
                | "--format"
                | "--out"
                | "--lang"
                | "--map"
                | "--date-order"
                | "--frontline"
                | "--education"
                | "--not-education"
                | "--plan"
                | "--seats"
        );
        if !takes_value {
            return Err(Failure::usage(format!("unknown option \"{name}\"")));
        }
        let value = match inline {
            Some(v) => v,
            None => it
                .next()
                .ok_or_else(|| Failure::usage(format!("{name} needs a value")))?,
        };
        match name.as_str() {
            "--as-of" => a.as_of = Some(parse_date(&name, &value)?),
            "--cutoff" => a.cutoff = Some(parse_date(&name, &value)?),
            "--format" => {
                a.format = ExportFormat::parse(&value).ok_or_else(|| {
                    Failure::usage(format!("--format is json, csv, md or ics; got \"{value}\""))
                })?
            }
            "--out" => a.out = Some(value),
            "--lang" => {
                a.lang = Lang::parse(&value).ok_or_else(|| {
                    Failure::usage(format!("--lang is en or zh-TW; got \"{value}\""))
                })?
            }
            "--map" => {
                let (field, column) = split_pair(
                    &name,
                    &value,
                    "FIELD=COLUMN, such as end_date=\"Expiry Date\"",
                )?;
                let field = parse_field(field).ok_or_else(|| {
                    Failure::usage(format!(
                        "--map: \"{field}\" is not a field; see --help for the list"
                    ))
                })?;
                a.mapping.push((field, column.to_string()));
            }
            "--date-order" => {
                a.date_order = Some(match value.trim().to_ascii_lowercase().as_str() {
                    "month-first" | "mdy" => DateOrder::MonthFirst,
                    "day-first" | "dmy" => DateOrder::DayFirst,
                    _ => {
                        return Err(Failure::usage(format!(
                            "--date-order is month-first or day-first; got \"{value}\""
                        )))
                    }
                })
            }
            "--frontline" => a.frontline.push(value),
            "--education" => a.education.push((value, true)),
            "--not-education" => a.education.push((value, false)),
            "--plan" => {
                let (customer, plan) =
                    split_pair(&name, &value, "CUSTOMER=PLAN, such as contoso.com=o365-e1")?;
                let id = PlanId::parse(plan).ok_or_else(|| {
                    let ids: Vec<&str> = PlanId::ALL.iter().map(|p| p.as_str()).collect();
                    Failure::usage(format!(
                        "--plan: \"{plan}\" is not a replacement plan; use one of {}",
                        ids.join(", ")
                    ))
                })?;
                a.plans.push((customer.to_string(), id));
            }
            "--seats" => {
                let (customer, n) =
                    split_pair(&name, &value, "CUSTOMER=N, such as contoso.com=25")?;
                let n: u32 = n.parse().map_err(|_| {
                    Failure::usage(format!("--seats: \"{n}\" is not a whole number of seats"))
                })?;
                a.seats.push((customer.to_string(), n));
            }
            _ => unreachable!("every option taking a value is handled above"),
        }
    }
    a.file = file.ok_or_else(|| Failure::usage("no FILE given"))?;
    Ok(Command::Run(a))
}

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

/// The planner settings the arguments ask for.
pub fn settings_for(args: &Args, import: &Import, today: NaiveDate) -> Result<Settings, Failure> {
    let mut s = Settings::new(args.as_of.unwrap_or(today));
    if let Some(c) = args.cutoff {
        s.cutoff = c;
    }
    s.lang = args.lang;
    for who in &args.frontline {
        s.customers
            .entry(resolve(import, who)?)
            .or_default()
            .frontline = true;
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
pub fn describe_mapping(req: &MappingRequest) -> String {
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
    if let Some(col) = &req.ambiguous_dates {
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
    let import = match outcome {
        ImportOutcome::Ready(i) => i,
        ImportOutcome::NeedsMapping(req) => {
            return Err(Failure::input(
                describe_mapping(&req).trim_end().to_string(),
            ))
        }
    };
    let settings = settings_for(args, &import, today)?;
    let plan = build_plan(&import, &settings);
    let bytes = export::render(&plan, args.format, args.lang);
    let s = &plan.summary;
    let summary = format!(
        "{} rows read, {} rejected; {} of {} customers have Kaizala Pro ({} subscriptions, {} seats).",
        plan.source.rows_read,
        plan.source.rows_rejected.len(),
        s.customers_with_kaizala,
        s.customers_in_file,
        s.kaizala_subscriptions,
        s.kaizala_seats
    );
    Ok(Output { bytes, summary })
}

/// Imports `bytes` and plans them: the whole run but for reading and
/// writing files.
pub fn run(args: &Args, bytes: &[u8], today: NaiveDate) -> Result<Output, Failure> {
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
    };
    let outcome = import::import(bytes, &options)
        .map_err(|e| Failure::input(format!("cannot read {}: {e}", args.file)))?;
    plan_outcome(args, outcome, today)
}
