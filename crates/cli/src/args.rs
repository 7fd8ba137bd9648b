/*!
The command line: what `kaizala-plan` accepts, parsed by clap into
[`Args`].

clap reads the shape of the line (options written `--as-of 2020-06-01` or
`--as-of=2020-06-01`, in any order around the one FILE, `--` before a FILE
that starts with `-`, `-` for standard input); the value parsers here read
each value the way the engine spells it, and say what was wrong in the
same words as the help.

The help is [`USAGE`], written for people (clap's generated help would
list the options alphabetically and in `--as-of <DATE>` notation); a test
holds it to the options clap knows.
*/

use chrono::NaiveDate;
use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser};
use serde::de::{self, IntoDeserializer, Visitor};
use serde::Deserialize;

use kaizala_engine::catalog::PlanId;
use kaizala_engine::export::ExportFormat;
use kaizala_engine::import::{DateOrder, Field};
use kaizala_engine::plan::Lang;

use crate::words::{self, ArgProblem};
use crate::Failure;

/// The usage text.
pub const USAGE: &str = "\
usage: kaizala-plan FILE [options]

Reads a Partner Center subscription export (FILE, or - for standard input)
and writes the Kaizala Pro migration plan.

options:
  --as-of DATE            plan as of this day (YYYY-MM-DD; default: today, UTC)
  --cutoff DATE           when Kaizala Pro sales ended (default: 2020-07-01)
  --format FORMAT         json, csv, md or ics (default: json); or, for the one customer
                          that --customer names, ps1 (a PowerShell script that moves
                          its users' licenses) or users-csv (its users to move)
  --customer CUSTOMER     the customer a ps1 or users-csv is written for
  --out FILE              write to FILE instead of standard output
  --lang LANG             en or zh-TW (default: en)
  --map FIELD=COLUMN      read FIELD from the column named COLUMN; FIELD is one of
                          customer_id, customer_name, customer_domain, qualification,
                          subscription_id, offer, friendly_name, sku, seats, status,
                          auto_renew, end_date, term, reseller_mpn_id, trial, and for
                          a users file user_principal_name, display_name, licenses,
                          proxy_addresses, block_credential
  --date-order ORDER      month-first or day-first, for dates like 3/4/2020
  --customer-name NAME    the file has no customer column and holds one customer:
                          this one (a file with several maps one with --map)
  --number-rows           the file has no subscription id column: number its rows
                          (row-2, row-3, ...)
  --frontline CUSTOMER    recommend frontline (F3) plans for this customer
  --education CUSTOMER    treat this customer as an education customer
  --not-education CUSTOMER
                          do not treat this customer as an education customer
  --plan CUSTOMER=PLAN    recommend PLAN for this customer (an id such as o365-e1,
                          a name such as \"Office 365 E1\", or a SKU such as STANDARDPACK)
  --seats CUSTOMER=N      buy N seats for this customer
  --include-trials CUSTOMER
                          plan licenses for this customer's Kaizala Pro trials too
  --reseller MPN          write only the customers sold through the indirect reseller
                          with this MPN ID (\"direct\" for those with none)
  --progress FILE         the ticked steps, their days and the notes to write with the plan:
                          the app's progress JSON or a workspace file (which also gives
                          the partner and the choices made per customer)
  --users FILE            a users export of one customer's tenant (the admin center's
                          Export users, or a license report): it belongs to the customer
                          whose domain it shows; --users \"CUSTOMER=FILE\" names the customer
  -h, --help              show this help
  -V, --version           show the version

CUSTOMER is a tenant id, a domain or a company name as the export gives it.
Options that name customers may be repeated.

FILE may also be a workspace file saved by the app: then each of its exports is
read with the options it was saved with (so --map, --date-order, --customer-name
and --number-rows are not used), they are planned as one, and its progress,
partner and per-customer choices come along (options given here win).
";

/// What the command line asks for.
// Made once per run.
#[allow(clippy::large_enum_variant)]
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
    pub include_trials: Vec<String>,
    /// `--education` (true) and `--not-education` (false) in the order
    /// given, so the last one said about a customer wins.
    pub education: Vec<(String, bool)>,
    pub plans: Vec<(String, PlanId)>,
    pub seats: Vec<(String, u32)>,
    /// `--customer-name`: the one customer of a file with no customer column.
    pub customer_name: Option<String>,
    /// `--number-rows`: the file has no subscription id column.
    pub number_rows: bool,
    /// `--reseller`: only the customers of this indirect reseller (MPN
    /// ID), or `Some("")` for those sold directly.
    pub reseller: Option<String>,
    /// `--progress`: a progress JSON or a workspace file to take the
    /// ticks, days and notes (and a workspace's partner and choices) from.
    pub progress: Option<String>,
    /// `--format ps1` or `users-csv`: a file for one customer instead of
    /// the plan (then `format` is unused).
    pub customer_export: Option<CustomerExport>,
    /// `--customer`: the customer of a `customer_export`.
    pub customer: Option<String>,
    /// `--users`: users files, each `FILE` or `CUSTOMER=FILE` as given.
    pub users: Vec<String>,
}

/// A file written for one customer rather than for the whole plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CustomerExport {
    /// The PowerShell script that moves the customer's users.
    Script,
    /// The customer's users to move, as CSV.
    UsersCsv,
}

/// What `--format` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OutputFormat {
    Plan(ExportFormat),
    Customer(CustomerExport),
}

/// The command line as clap reads it. Every option takes a value, and
/// that value may start with `-` (`--out -` writes to a file named `-`),
/// as options always did here; a repeated single option keeps its last
/// value.
#[derive(Parser, Debug)]
#[command(
    name = "kaizala-plan",
    version,
    override_help = USAGE,
    override_usage = "kaizala-plan FILE [options]",
    args_override_self = true
)]
struct Cli {
    #[arg(value_name = "FILE")]
    file: String,
    #[arg(long, value_name = "DATE", allow_hyphen_values = true,
          value_parser = |v: &str| parse_date("--as-of", v))]
    as_of: Option<NaiveDate>,
    #[arg(long, value_name = "DATE", allow_hyphen_values = true,
          value_parser = |v: &str| parse_date("--cutoff", v))]
    cutoff: Option<NaiveDate>,
    #[arg(long, value_name = "FORMAT", allow_hyphen_values = true,
          default_value = "json", value_parser = parse_format)]
    format: OutputFormat,
    #[arg(long, value_name = "FILE", allow_hyphen_values = true)]
    out: Option<String>,
    #[arg(long, value_name = "LANG", allow_hyphen_values = true,
          default_value = "en", value_parser = parse_lang)]
    lang: Lang,
    #[arg(long = "map", value_name = "FIELD=COLUMN", allow_hyphen_values = true,
          value_parser = parse_map)]
    mapping: Vec<(Field, String)>,
    #[arg(long, value_name = "ORDER", allow_hyphen_values = true,
          value_parser = parse_date_order)]
    date_order: Option<DateOrder>,
    #[arg(long, value_name = "CUSTOMER", allow_hyphen_values = true)]
    frontline: Vec<String>,
    #[arg(long, value_name = "CUSTOMER", allow_hyphen_values = true)]
    include_trials: Vec<String>,
    #[arg(long, value_name = "CUSTOMER", allow_hyphen_values = true)]
    education: Vec<String>,
    #[arg(long, value_name = "CUSTOMER", allow_hyphen_values = true)]
    not_education: Vec<String>,
    #[arg(long = "plan", value_name = "CUSTOMER=PLAN", allow_hyphen_values = true,
          value_parser = parse_plan)]
    plans: Vec<(String, PlanId)>,
    #[arg(long, value_name = "CUSTOMER=N", allow_hyphen_values = true,
          value_parser = parse_seats)]
    seats: Vec<(String, u32)>,
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    customer_name: Option<String>,
    #[arg(long, action = clap::ArgAction::SetTrue)]
    number_rows: bool,
    #[arg(long, value_name = "MPN", allow_hyphen_values = true)]
    reseller: Option<String>,
    #[arg(long, value_name = "FILE", allow_hyphen_values = true)]
    progress: Option<String>,
    #[arg(long, value_name = "CUSTOMER", allow_hyphen_values = true)]
    customer: Option<String>,
    #[arg(long, value_name = "FILE", allow_hyphen_values = true)]
    users: Vec<String>,
}

fn parse_date(option: &'static str, value: &str) -> Result<NaiveDate, ArgProblem> {
    value
        .trim()
        .parse::<NaiveDate>()
        .map_err(|_| ArgProblem::Date {
            option,
            value: value.to_string(),
        })
}

fn parse_format(value: &str) -> Result<OutputFormat, ArgProblem> {
    match value.trim().to_ascii_lowercase().as_str() {
        "ps1" | "powershell" => Ok(OutputFormat::Customer(CustomerExport::Script)),
        "users-csv" => Ok(OutputFormat::Customer(CustomerExport::UsersCsv)),
        _ => ExportFormat::parse(value)
            .map(OutputFormat::Plan)
            .ok_or_else(|| ArgProblem::Format {
                value: value.to_string(),
            }),
    }
}

fn parse_lang(value: &str) -> Result<Lang, ArgProblem> {
    Lang::parse(value).ok_or_else(|| ArgProblem::Lang {
        value: value.to_string(),
    })
}

fn parse_date_order(value: &str) -> Result<DateOrder, ArgProblem> {
    match value.trim().to_ascii_lowercase().as_str() {
        "month-first" | "mdy" => Ok(DateOrder::MonthFirst),
        "day-first" | "dmy" => Ok(DateOrder::DayFirst),
        _ => Err(ArgProblem::DateOrder {
            value: value.to_string(),
        }),
    }
}

fn split_pair<'a>(
    option: &'static str,
    value: &'a str,
    shape: &'static str,
    example: &'static str,
) -> Result<(&'a str, &'a str), ArgProblem> {
    match value.split_once('=') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => Ok((a.trim(), b.trim())),
        _ => Err(ArgProblem::Pair {
            option,
            shape,
            example,
            value: value.to_string(),
        }),
    }
}

fn parse_map(value: &str) -> Result<(Field, String), ArgProblem> {
    let (field, column) = split_pair("--map", value, "FIELD=COLUMN", "end_date=\"Expiry Date\"")?;
    let field = parse_field(field).ok_or_else(|| ArgProblem::NotField {
        field: field.to_string(),
        fields: field_names().join(", "),
    })?;
    Ok((field, column.to_string()))
}

fn parse_plan(value: &str) -> Result<(String, PlanId), ArgProblem> {
    let (customer, plan) = split_pair("--plan", value, "CUSTOMER=PLAN", "contoso.com=o365-e1")?;
    let id = PlanId::parse(plan).ok_or_else(|| {
        let ids: Vec<&str> = PlanId::ALL.iter().map(|p| p.as_str()).collect();
        ArgProblem::NotPlan {
            plan: plan.to_string(),
            ids: ids.join(", "),
        }
    })?;
    Ok((customer.to_string(), id))
}

fn parse_seats(value: &str) -> Result<(String, u32), ArgProblem> {
    let (customer, n) = split_pair("--seats", value, "CUSTOMER=N", "contoso.com=25")?;
    let n: u32 = n.parse().map_err(|_| ArgProblem::NotSeats {
        value: n.to_string(),
    })?;
    Ok((customer.to_string(), n))
}

/// Reads a field name as `--map` takes it: serde's name of the field, in
/// any case and with `-` for `_`.
pub(crate) fn parse_field(s: &str) -> Option<Field> {
    let s = s.trim().to_ascii_lowercase().replace('-', "_");
    let de: de::value::StrDeserializer<de::value::Error> = s.as_str().into_deserializer();
    Field::deserialize(de).ok()
}

/// The name `--map` uses for a field: serde's, as the engine's JSON
/// spells it.
pub(crate) fn field_name(f: Field) -> &'static str {
    field_names()
        .iter()
        .copied()
        .find(|name| parse_field(name) == Some(f))
        .unwrap_or_default()
}

/// Every field's name, in the order the model declares them, as serde
/// spells them. serde hands the list to `deserialize_enum`; this
/// deserializer keeps it and stops there.
pub fn field_names() -> &'static [&'static str] {
    struct VariantNames<'a>(&'a mut &'static [&'static str]);

    impl<'de> de::Deserializer<'de> for VariantNames<'_> {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("only an enum's variant names are read"))
        }

        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _name: &'static str,
            variants: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = variants;
            Err(de::Error::custom("only an enum's variant names are read"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map struct identifier ignored_any
        }
    }

    let mut names: &'static [&'static str] = &[];
    // The error is the point: the names are what it leaves behind.
    let _ = Field::deserialize(VariantNames(&mut names));
    names
}

fn usage_failure(kind: ErrorKind, message: impl Into<String>) -> Failure {
    Failure {
        code: 2,
        usage: Some(kind),
        message: message.into(),
    }
}

/// A clap error as one line in `lang`: the value parsers' own message when
/// they refused a value, else the mistake in the line's shape (clap's
/// first paragraph on one line in English, without its `error: ` prefix,
/// usage and tips: the binary adds where to find the help).
fn failure_from(e: &clap::Error, lang: Lang) -> Failure {
    use clap::error::ContextKind;
    let source = std::error::Error::source(e);
    if let Some(problem) = source.and_then(|s| s.downcast_ref::<ArgProblem>()) {
        return usage_failure(e.kind(), problem.render(lang));
    }
    if let Some(source) = source {
        return usage_failure(e.kind(), source.to_string());
    }
    let english = {
        let text = e.render().to_string();
        let text = text.strip_prefix("error: ").unwrap_or(&text).to_string();
        let first = text.split("\n\n").next().unwrap_or_default();
        first.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let arg = e.get(ContextKind::InvalidArg).map(|v| v.to_string());
    let message = match (lang, words::shape_problem(lang, e.kind(), arg.as_deref())) {
        (_, Some(said)) => said,
        (Lang::En, None) => english,
        (Lang::ZhTw, None) => format!("命令列有誤：{english}"),
    };
    usage_failure(e.kind(), message)
}

/// The language a command line asks for with `--lang` (the last one
/// given, as clap reads it), so that even a line clap refuses is answered
/// in it; English when none is given or it names no language.
pub fn lang_in_args(args: &[String]) -> Lang {
    let mut lang = Lang::En;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = if a == "--lang" {
            it.next().map(String::as_str)
        } else {
            a.strip_prefix("--lang=")
        };
        if let Some(l) = value.and_then(Lang::parse) {
            lang = l;
        }
    }
    lang
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
    let args: Vec<String> = args.into_iter().collect();
    let lang = lang_in_args(&args);
    let argv = std::iter::once("kaizala-plan".to_string()).chain(args);
    let matches = match Cli::command().try_get_matches_from(argv) {
        Ok(m) => m,
        Err(e) => {
            return match e.kind() {
                ErrorKind::DisplayHelp => Ok(Command::Help),
                ErrorKind::DisplayVersion => Ok(Command::Version),
                _ => Err(failure_from(&e, lang)),
            }
        }
    };
    let cli = Cli::from_arg_matches(&matches).map_err(|e| failure_from(&e, lang))?;
    // Where each `--education` and `--not-education` stood on the line.
    let at = |id: &str| -> Vec<usize> {
        matches
            .indices_of(id)
            .map(|i| i.collect())
            .unwrap_or_default()
    };
    let mut education: Vec<(usize, String, bool)> = at("education")
        .into_iter()
        .zip(cli.education)
        .map(|(i, who)| (i, who, true))
        .chain(
            at("not_education")
                .into_iter()
                .zip(cli.not_education)
                .map(|(i, who)| (i, who, false)),
        )
        .collect();
    education.sort_by_key(|(i, _, _)| *i);
    Ok(Command::Run(Args {
        file: cli.file,
        as_of: cli.as_of,
        cutoff: cli.cutoff,
        format: match cli.format {
            OutputFormat::Plan(f) => f,
            OutputFormat::Customer(_) => ExportFormat::Json,
        },
        customer_export: match cli.format {
            OutputFormat::Customer(c) => Some(c),
            OutputFormat::Plan(_) => None,
        },
        customer: cli.customer,
        users: cli.users,
        out: cli.out,
        lang: cli.lang,
        mapping: cli.mapping,
        date_order: cli.date_order,
        frontline: cli.frontline,
        include_trials: cli.include_trials,
        education: education
            .into_iter()
            .map(|(_, who, yes)| (who, yes))
            .collect(),
        plans: cli.plans,
        seats: cli.seats,
        customer_name: cli.customer_name,
        number_rows: cli.number_rows,
        // The app's word for customers with no reseller is the empty MPN.
        reseller: cli.reseller.map(|r| {
            if r.trim().eq_ignore_ascii_case("direct") {
                String::new()
            } else {
                r.trim().to_string()
            }
        }),
        progress: cli.progress,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The help lists exactly the options clap knows, and the field names
    /// serde knows.
    #[test]
    fn usage_matches_the_parser() {
        let mut cmd = Cli::command();
        cmd.build();
        let mut documented = 0;
        for arg in cmd.get_arguments() {
            if let Some(long) = arg.get_long() {
                assert!(
                    USAGE.contains(&format!("  --{long} "))
                        || USAGE.contains(&format!(", --{long} ")),
                    "--{long} is not in USAGE"
                );
                documented += 1;
            }
        }
        let in_usage = USAGE
            .lines()
            .filter(|l| l.trim_start().starts_with('-'))
            .count();
        assert_eq!(
            in_usage, documented,
            "USAGE lists options clap does not know"
        );
        let fields = USAGE
            .split_once("FIELD is one of")
            .and_then(|(_, rest)| rest.split_once("--date-order"))
            .map(|(list, _)| {
                list.split([',', ' ', '\n'])
                    .filter(|s| {
                        !s.is_empty() && !matches!(*s, "and" | "for" | "a" | "users" | "file")
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap();
        assert_eq!(fields, field_names());
    }

    #[test]
    fn field_names_round_trip() {
        assert_eq!(field_names().len(), 20);
        for name in field_names() {
            let field = parse_field(name).unwrap();
            assert_eq!(field_name(field), *name);
            assert_eq!(serde_json::to_value(field).unwrap(), *name);
        }
        assert_eq!(parse_field(" End-Date "), Some(Field::EndDate));
        assert_eq!(parse_field("expiry"), None);
    }
}
