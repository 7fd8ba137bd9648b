/*!
Exports of a [`Plan`]: JSON, CSV, Markdown and iCalendar for the whole
plan, Markdown and a standalone HTML page for one customer.

Every export is a pure function of the plan and a [`Lang`]: no clock, no
randomness, so the CLI and the app's download buttons produce the same
bytes for the same plan. [`render`] is the one entry point both use.
*/

pub mod csv;
pub(crate) mod html;
pub mod ics;
pub(crate) mod json;
pub(crate) mod markdown;

use crate::plan::{Lang, Plan};

pub use self::csv::to_csv;
pub use self::html::customer_html;
pub use self::ics::to_ics;
pub use self::json::{plan_from_json, to_json};
pub use self::markdown::{customer_markdown, to_markdown};

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

/// The bytes of an export, exactly as the app downloads them and the CLI
/// writes them.
pub fn render(plan: &Plan, format: ExportFormat, lang: Lang) -> Vec<u8> {
    match format {
        ExportFormat::Json => to_json(plan, lang).into_bytes(),
        ExportFormat::Csv => to_csv(plan, lang),
        ExportFormat::Markdown => to_markdown(plan, lang).into_bytes(),
        ExportFormat::Ics => to_ics(plan, lang).into_bytes(),
    }
}
