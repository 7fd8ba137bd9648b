/*!
Exports of a [`Plan`]: JSON, CSV, Markdown and iCalendar for the whole
plan, Markdown and a standalone HTML page for one customer, and for a
customer whose users are known, the users to move as CSV
([`users_csv`]) and a PowerShell script that moves them
([`move_script`]).

Every export is a pure function of the plan and a [`Lang`]: no clock, no
randomness, so the CLI and the app's download buttons produce the same
bytes for the same plan. [`render`] is the one entry point both use
([`render_to`] writes the same bytes into a writer as they are made);
[`render_with`] adds what the app knows beyond the plan ([`Extras`]: the
partner's name and contact, the steps already done), so a download
carries what the screen shows.
*/

pub(crate) mod change;
pub mod csv;
pub(crate) mod html;
pub mod ics;
pub(crate) mod json;
pub(crate) mod markdown;
pub(crate) mod ps1;
pub(crate) mod sink;
pub(crate) mod users_csv;

use std::io;

use crate::handout::{Handout, Partner};
use crate::plan::{CustomerPlan, Lang, Plan};
use crate::progress::Progress;

use self::sink::FmtIo;

pub use self::change::UserChange;
pub use self::csv::{to_csv, to_csv_with};
pub use self::html::customer_html;
pub use self::ics::{to_ics, to_ics_with};
pub use self::json::{plan_from_json, to_json, to_json_with};
pub use self::markdown::{
    customer_markdown, customer_markdown_with, to_markdown, to_markdown_with,
};
pub use self::ps1::move_script;
pub use self::users_csv::users_csv;

/// A whole-plan export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// The plan as JSON, data and texts ([`to_json`]).
    Json,
    /// One row per Kaizala Pro subscription ([`to_csv`]).
    Csv,
    /// A readable plan with checkboxes ([`to_markdown`]).
    Markdown,
    /// Calendar events on the last days ([`to_ics`]).
    Ics,
}

impl ExportFormat {
    /// Every format, in the order the app offers them.
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Json,
        ExportFormat::Csv,
        ExportFormat::Markdown,
        ExportFormat::Ics,
    ];

    /// Reads `json`, `csv`, `md` / `markdown`, `ics` / `ical`.
    pub fn parse(s: &str) -> Option<ExportFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "json" => Some(ExportFormat::Json),
            "csv" => Some(ExportFormat::Csv),
            "md" | "markdown" => Some(ExportFormat::Markdown),
            "ics" | "ical" | "icalendar" => Some(ExportFormat::Ics),
            _ => None,
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::Markdown => "md",
            ExportFormat::Ics => "ics",
        }
    }

    /// The media type for a download.
    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Json => "application/json",
            ExportFormat::Csv => "text/csv;charset=utf-8",
            ExportFormat::Markdown => "text/markdown;charset=utf-8",
            ExportFormat::Ics => "text/calendar;charset=utf-8",
        }
    }

    /// A file name for the download: `kaizala-plan-2020-06-01.json`.
    pub fn file_name(self, plan: &Plan) -> String {
        format!("kaizala-plan-{}.{}", plan.as_of, self.extension())
    }
}

/// What an export carries besides the plan: who prepared it and which
/// steps are done. Empty by default (the CLI knows neither).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Extras<'a> {
    /// The partner, as they want customers to see them.
    pub partner: Option<&'a Partner>,
    /// Ticks (with their days) of this import.
    pub progress: Option<&'a Progress>,
}

impl Extras<'_> {
    /// What one customer's page carries: the partner (when they said who
    /// they are) and the customer's done steps.
    pub fn handout(&self, customer: &CustomerPlan) -> Handout {
        Handout {
            partner: self.partner.filter(|p| !p.is_empty()).cloned(),
            done: self
                .progress
                .map(|p| p.done_steps(customer))
                .unwrap_or_default(),
            users_done: self
                .progress
                .map(|p| p.users_of(&customer.key))
                .unwrap_or_default(),
        }
    }
}

/// The bytes of an export, exactly as the app downloads them and the CLI
/// writes them.
pub fn render(plan: &Plan, format: ExportFormat, lang: Lang) -> Vec<u8> {
    render_with(plan, format, lang, Extras::default())
}

/// [`render`], with the partner and the done steps in the formats people
/// read (Markdown, iCalendar, CSV), and each step's progress and the
/// customer's notes in the JSON.
pub fn render_with(plan: &Plan, format: ExportFormat, lang: Lang, extras: Extras<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing into memory fails only where memory does (which aborts).
    let _ = render_to(plan, format, lang, extras, &mut out);
    out
}

/// [`render_with`], written as it is made into `out`: no copy of the
/// whole export, nor of one customer's part, is built first. Give it a
/// buffered writer (`std::io::BufWriter`): the exports write in small
/// pieces. The bytes are exactly [`render_with`]'s; the first error of
/// `out` stops the export and is returned (the bytes already written stay
/// written).
pub fn render_to<W: io::Write>(
    plan: &Plan,
    format: ExportFormat,
    lang: Lang,
    extras: Extras<'_>,
    mut out: W,
) -> io::Result<()> {
    match format {
        ExportFormat::Json => json::write_json(&mut out, plan, lang, extras),
        ExportFormat::Csv => csv::write_csv(&mut out, plan, lang, extras),
        ExportFormat::Markdown => {
            let mut sink = FmtIo::new(&mut out);
            let _ = markdown::write_markdown(&mut sink, plan, lang, extras);
            sink.finish()
        }
        ExportFormat::Ics => {
            let mut sink = FmtIo::new(&mut out);
            let _ = ics::write_ics(&mut sink, plan, lang, extras);
            sink.finish()
        }
    }?;
    out.flush()
}
