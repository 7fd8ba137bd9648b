/*!
One customer's users to move, as CSV: a row per user who holds Kaizala
Pro, in the order of the plan's move list, with what changes for them.

Made to open in Excel like the plan's CSV (`export::csv`): UTF-8 with a
byte order mark, CRLF line ends, quoting by the csv crate's writer, and
every text cell that could start a formula neutralised. Unlike that
export, the headers follow the language: this file is for people sorting
out who moves, not for programs.
*/

use crate::export::change::UserChange;
use crate::export::csv::neutralise;
use crate::i18n::bulk::{users_headers, yes_no};
use crate::i18n::{Lang, Render};
use crate::plan::CustomerPlan;

/// The customer's users to move as CSV text (with a leading byte order
/// mark); `None` when the plan has no users file for the customer.
pub fn users_csv(customer: &CustomerPlan, lang: Lang) -> Option<String> {
    let users = customer.users.as_ref()?;
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::from("\u{FEFF}".as_bytes()));
    write(out.write_record(users_headers(lang)));
    let plan = &customer.recommendation.plan;
    for m in &users.moves {
        let licenses = m
            .licenses
            .iter()
            .map(|l| l.as_ref())
            .collect::<Vec<_>>()
            .join(" + ");
        let record: [String; 7] = [
            neutralise(&m.display_name),
            neutralise(&m.upn),
            neutralise(&licenses),
            yes_no(m.needs_license, lang).to_string(),
            neutralise(&UserChange::of(m, plan).render(lang)),
            neutralise(m.covered_by.as_deref().unwrap_or("")),
            yes_no(m.blocked, lang).to_string(),
        ];
        write(out.write_record(&record));
    }
    let bytes = match out.into_inner() {
        Ok(bytes) => bytes,
        Err(_) => unreachable!("flushing the users CSV into memory failed"),
    };
    // Every cell is a `&str`, so the bytes are UTF-8.
    Some(String::from_utf8(bytes).unwrap_or_default())
}

/// The writer's sink is a `Vec` and every record has seven cells, so it
/// cannot refuse one.
fn write(written: csv::Result<()>) {
    if written.is_err() {
        unreachable!("a record of the users CSV was refused");
    }
}
