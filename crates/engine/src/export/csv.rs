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
use std::io;

use crate::checklist;
use crate::export::Extras;
use crate::i18n::bulk::yes_no;
use crate::i18n::export::{auto_renew_cell, Label, CSV_HEADERS_ZH};
use crate::i18n::workspace::status_word;
use crate::i18n::{date_cell, tr};
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

fn date(d: Option<chrono::NaiveDate>, lang: Lang) -> String {
    d.map(|d| date_cell(d, lang)).unwrap_or_default()
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
/// writer into `out`.
pub(crate) fn write_csv<W: io::Write>(
    mut out: W,
    plan: &Plan,
    lang: Lang,
    extras: Extras<'_>,
) -> io::Result<()> {
    let plan = plan.in_lang(lang);
    out.write_all(b"\xEF\xBB\xBF")?;
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    out.write_record(headers(lang)).map_err(io_error)?;
    for c in &plan.customers {
        let r = &c.recommendation;
        let join = |v: Vec<&str>| v.join(" ");
        let caveats = join(r.caveats.iter().map(|x| x.text.as_ref()).collect());
        let assumptions = join(r.assumptions.iter().map(|x| x.text.as_ref()).collect());
        let checklist = checklist::build(c, plan.as_of, plan.lang);
        let states = extras.progress.map(|p| p.states(c)).unwrap_or_default();
        let done = extras
            .handout(c)
            .done
            .iter()
            .map(|(step, on)| match on {
                Some(d) => format!("{step} {}", date_cell(*d, lang)),
                None => step.clone(),
            })
            .collect::<Vec<_>>()
            .join(tr(lang, "; ", "；"));
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
            let (due_a, due_b, due_c) = (due(step_a), due(step_b), due(step_c));
            let done_on =
                |st: Option<&checklist::Step>| match st.and_then(|st| states.get(&st.step)) {
                    Some(state) => (yes_no(true, lang).to_string(), date(state.on, lang)),
                    None => (yes_no(false, lang).to_string(), String::new()),
                };
            let ((a_done, a_on), (b_done, b_on), (c_done, c_on)) =
                (done_on(step_a), done_on(step_b), done_on(step_c));
            let text = |v| text_cell(v);
            let auto_renew = auto_renew_cell(s.auto_renew, lang);
            let end_date = match s.end_date {
                crate::model::EndDate::On(d) => date(Some(d), lang),
                crate::model::EndDate::Never => Label::Never.text(lang).to_string(),
                crate::model::EndDate::Unknown => String::new(),
            };
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
            let notes = join(s.notes.iter().map(|n| n.text.as_ref()).collect());
            let record: [Cow<'_, str>; 33] = [
                text(&c.display_name),
                text(c.customer.id.as_deref().unwrap_or("")),
                text(c.customer.domain.as_deref().unwrap_or("")),
                text(&s.id),
                text(&s.offer),
                s.seats.map(|n| n.to_string()).unwrap_or_default().into(),
                status.into(),
                auto_renew.into(),
                end_date.into(),
                date(s.expires_on, lang).into(),
                date(s.migrate_by, lang).into(),
                s.days_left
                    .map(|n| n.to_string())
                    .unwrap_or_default()
                    .into(),
                category.into(),
                urgency.into(),
                family.into(),
                text(&r.plan),
                text(r.sku.as_deref().unwrap_or("")),
                r.quantity.map(|n| n.to_string()).unwrap_or_default().into(),
                text(&r.reason),
                text(&caveats),
                text(&assumptions),
                text(&notes),
                date(due_a, lang).into(),
                date(due_b, lang).into(),
                date(due_c, lang).into(),
                text(c.customer.reseller_mpn_id.as_deref().unwrap_or("")),
                text(&done),
                a_done.into(),
                a_on.into(),
                b_done.into(),
                b_on.into(),
                c_done.into(),
                c_on.into(),
            ];
            out.write_record(record.iter().map(|c| c.as_bytes()))
                .map_err(io_error)?;
        }
    }
    out.flush()
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
