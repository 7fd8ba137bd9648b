/*!
The CSV export: one row per Kaizala Pro subscription, with its customer
and the customer's recommendation, made to open cleanly in Excel.

- UTF-8 with a byte order mark (Excel otherwise reads UTF-8 as the local
  ANSI code page and garbles Chinese names), CRLF line ends, commas.
- The csv crate's writer does the quoting: a cell is quoted only when it
  holds a comma, a quote, a carriage return or a line feed, and its quotes
  are doubled. It is as fast as the hand-written writer it replaced
  (`benches/export.rs`), but its run-time quoting styles link core's float
  parser (for `QuoteStyle::NonNumeric`) into the web app: about 18 KB more
  gzipped wasm, measured before wasm-opt.
- In English the headers and the words (status, category, urgency, rule,
  `true`/`false`, `yes`/`no`) are the plan's own, stable for programs
  ([`HEADERS`]); dates are ISO. In zh-TW the file is written for people:
  headers and words in Traditional Chinese ([`headers`]), dates
  `2020/07/01`. The columns and their order are the same in both, and
  numbers carry no separators in either, so a spreadsheet reads them as
  numbers. The texts (reason, caveats, notes) follow the language.
- Formula injection: a *text* cell that starts with `=`, `+`, `-`, `@`, a
  tab or a carriage return gets a leading `'`, so a spreadsheet shows it
  as text instead of running it. Number cells the planner writes itself
  (seats, days left, which can be negative such as `-12`) are written
  as-is: they are plain integers, never formulas.
- The customer's indirect reseller (`reseller_mpn_id`) and the steps done
  (`steps_done`, `A 2020-06-03; B` with [`to_csv_with`]) come after the
  plan's columns, and last the row's own steps done: its wave's purchase
  (`a_done`, `a_done_on`), its wave's move (`b_done`, `b_done_on`) and
  its own suspension (`c_done`, `c_done_on`), each `yes` or `no` and the
  day when known. New columns go at the end, so programs that read the
  earlier columns by position still find them.
*/

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;

use crate::checklist;
use crate::export::Extras;
use crate::i18n::bulk::yes_no;
use crate::i18n::export::{auto_renew_cell, Label, CSV_HEADERS_ZH};
use crate::i18n::workspace::status_word;
use crate::i18n::{tr, write_date_cell};
use crate::plan::{Lang, Plan};

/// Columns, in order.
pub const HEADERS: [&str; 33] = [
    "customer_name",
    "customer_id",
    "customer_domain",
    "subscription_id",
    "offer",
    "seats",
    "status",
    "auto_renew",
    "end_date",
    "expires_on",
    "migrate_by",
    "days_left",
    "category",
    "urgency",
    "recommendation_family",
    "recommended_plan",
    "recommended_sku",
    "quantity_to_buy",
    "reason",
    "caveats",
    "assumptions",
    "notes",
    "due_a",
    "due_b",
    "due_c",
    "reseller_mpn_id",
    "steps_done",
    "a_done",
    "a_done_on",
    "b_done",
    "b_done_on",
    "c_done",
    "c_done_on",
];

/// The column headers in `lang`: [`HEADERS`] in English, their zh-TW
/// names in zh-TW, in the same order.
pub fn headers(lang: Lang) -> [&'static str; 33] {
    match lang {
        Lang::En => HEADERS,
        Lang::ZhTw => CSV_HEADERS_ZH,
    }
}

/// Makes a text cell safe to open in a spreadsheet.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// [`neutralise`], copying only the cells it changes.
fn text_cell(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// The plan as CSV bytes.
pub fn to_csv(plan: &Plan, lang: Lang) -> Vec<u8> {
    to_csv_with(plan, lang, Extras::default())
}

/// The plan as CSV bytes, with the steps done of each customer.
pub fn to_csv_with(plan: &Plan, lang: Lang, extras: Extras<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    if write_csv(&mut out, plan, lang, extras).is_err() {
        unreachable!("a record of the CSV export was refused");
    }
    out
}

/// [`to_csv_with`], written as it goes through the csv crate's buffered
/// writer into `out`, cell by cell from the plan's own texts.
pub(crate) fn write_csv<W: io::Write>(
    mut out: W,
    plan: &Plan,
    lang: Lang,
    extras: Extras<'_>,
) -> io::Result<()> {
    out.write_all(b"\xEF\xBB\xBF")?;
    let mut out = Cells {
        out: csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out),
        cell: String::new(),
        lang,
    };
    out.out.write_record(headers(lang)).map_err(io_error)?;
    // A customer's cells shared by its rows, kept from one customer to the
    // next so that their room is reused.
    let (mut caveats, mut assumptions, mut done) = (String::new(), String::new(), String::new());
    for c in plan.customers_in(lang) {
        let r = &c.recommendation;
        join(&mut caveats, r.caveats.iter().map(|x| x.text.as_ref()), " ");
        join(
            &mut assumptions,
            r.assumptions.iter().map(|x| x.text.as_ref()),
            " ",
        );
        // Only the steps' ids, waves and days are written: not their texts.
        let checklist = checklist::build_untitled(&c, plan.as_of);
        let states = extras.progress.map(|p| p.states(&c)).unwrap_or_default();
        done.clear();
        for (i, (step, state)) in states.iter().enumerate() {
            if i > 0 {
                done.push_str(tr(lang, "; ", "；"));
            }
            done.push_str(step);
            if let Some(d) = state.on {
                done.push(' ');
                let _ = write_date_cell(&mut done, d, lang);
            }
        }
        for s in &c.subscriptions {
            // A subscription's purchase and move are those of its own
            // wave: the first two steps of that wave (A, B or W2A, W2B...).
            let wave = checklist.wave_of(&s.id).unwrap_or(1);
            let mut steps = checklist.wave_steps(wave);
            let (step_a, step_b) = (steps.next(), steps.next());
            let step_c = checklist
                .steps
                .iter()
                .find(|st| st.action.subscription_id().is_some_and(|id| *id == s.id));
            let due = |st: Option<&checklist::Step>| st.and_then(|st| st.due);
            // Programs read the English words; people the zh-TW ones.
            let (status, category, urgency, family) = match lang {
                Lang::En => (
                    s.status.as_str(),
                    s.category.as_str(),
                    s.urgency.as_str(),
                    r.family.as_str(),
                ),
                Lang::ZhTw => (
                    status_word(s.status, lang),
                    s.category.label(lang),
                    s.urgency.label(lang),
                    r.family.label(lang),
                ),
            };
            out.text(&c.display_name)?;
            out.text(c.customer.id.as_deref().unwrap_or(""))?;
            out.text(c.customer.domain.as_deref().unwrap_or(""))?;
            out.text(&s.id)?;
            out.text(&s.offer)?;
            out.number(s.seats)?;
            out.word(status)?;
            out.word(auto_renew_cell(s.auto_renew, lang))?;
            match s.end_date {
                crate::model::EndDate::On(d) => out.date(Some(d))?,
                crate::model::EndDate::Never => out.word(Label::Never.text(lang))?,
                crate::model::EndDate::Unknown => out.word("")?,
            }
            out.date(s.expires_on)?;
            out.date(s.migrate_by)?;
            out.number(s.days_left)?;
            out.word(category)?;
            out.word(urgency)?;
            out.word(family)?;
            out.text(&r.plan)?;
            out.text(r.sku.as_deref().unwrap_or(""))?;
            out.number(r.quantity)?;
            out.text(&r.reason)?;
            out.text(&caveats)?;
            out.text(&assumptions)?;
            out.notes(s.notes.iter().map(|n| n.text.as_ref()))?;
            out.date(due(step_a))?;
            out.date(due(step_b))?;
            out.date(due(step_c))?;
            out.text(c.customer.reseller_mpn_id.as_deref().unwrap_or(""))?;
            out.text(&done)?;
            for st in [step_a, step_b, step_c] {
                let state = st.and_then(|st| states.get(&st.step));
                out.word(yes_no(state.is_some(), lang))?;
                out.date(state.and_then(|state| state.on))?;
            }
            out.out.write_record(None::<&[u8]>).map_err(io_error)?;
        }
    }
    out.out.flush()
}

/// `parts` joined by `by`, written over `into`.
fn join<'a>(into: &mut String, parts: impl Iterator<Item = &'a str>, by: &str) {
    into.clear();
    for (i, p) in parts.enumerate() {
        if i > 0 {
            into.push_str(by);
        }
        into.push_str(p);
    }
}

/// The row being written, one cell at a time. The numbers and dates are
/// written into `cell`, one scratch string for every such cell.
struct Cells<W: io::Write> {
    out: csv::Writer<W>,
    cell: String,
    lang: Lang,
}

impl<W: io::Write> Cells<W> {
    /// A text from the plan, made safe for a spreadsheet.
    fn text(&mut self, v: &str) -> io::Result<()> {
        self.word(&text_cell(v))
    }

    /// A word or cell the planner writes itself.
    fn word(&mut self, v: &str) -> io::Result<()> {
        self.out.write_field(v).map_err(io_error)
    }

    /// A subscription's notes, joined by spaces.
    fn notes<'a>(&mut self, notes: impl Iterator<Item = &'a str>) -> io::Result<()> {
        let mut cell = std::mem::take(&mut self.cell);
        join(&mut cell, notes, " ");
        let written = self.text(&cell);
        self.cell = cell;
        written
    }

    /// A day in the language's cell format, or an empty cell.
    fn date(&mut self, d: Option<chrono::NaiveDate>) -> io::Result<()> {
        self.cell.clear();
        if let Some(d) = d {
            let _ = write_date_cell(&mut self.cell, d, self.lang);
        }
        self.out.write_field(&self.cell).map_err(io_error)
    }

    /// A plain number, or an empty cell.
    fn number(&mut self, n: Option<impl std::fmt::Display>) -> io::Result<()> {
        self.cell.clear();
        if let Some(n) = n {
            let _ = write!(self.cell, "{n}");
        }
        self.out.write_field(&self.cell).map_err(io_error)
    }
}

/// The writer's errors are I/O errors and records of unequal length, and
/// every record has the [`HEADERS`]' 33 cells. (Any other error is not
/// formatted: that would link its `Display` into the app.)
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        _ => io::ErrorKind::InvalidData.into(),
    }
}
