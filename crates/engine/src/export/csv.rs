/*!
The CSV export: one row per Kaizala Pro subscription, with its customer
and the customer's recommendation, made to open cleanly in Excel.

- UTF-8 with a byte order mark (Excel otherwise reads UTF-8 as the local
  ANSI code page and garbles Chinese names), CRLF line ends, commas.
- Header names are English and stable in every language, so the file can
  be read back by programs; the texts (reason, caveats, notes, checklist)
  follow the requested language.
- Formula injection: a *text* cell that starts with `=`, `+`, `-`, `@`, a
  tab or a carriage return gets a leading `'`, so a spreadsheet shows it
  as text instead of running it. Number cells the planner writes itself
  (seats, days left, which can be negative such as `-12`) are written
  as-is: they are plain integers, never formulas.
*/

use crate::checklist;
use crate::plan::{Lang, Plan};

/// Columns, in order.
pub const HEADERS: [&str; 25] = [
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
];

/// Makes a text cell safe to open in a spreadsheet.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// The plan as CSV bytes.
pub fn to_csv(plan: &Plan, lang: Lang) -> Vec<u8> {
    let plan = plan.in_lang(lang);
    let mut out = Vec::from(&b"\xEF\xBB\xBF"[..]);
    write_record(&mut out, &HEADERS);
    for c in &plan.customers {
        let r = &c.recommendation;
        let join = |v: Vec<&str>| v.join(" ");
        let caveats = join(r.caveats.iter().map(|x| x.text.as_ref()).collect());
        let assumptions = join(r.assumptions.iter().map(|x| x.text.as_ref()).collect());
        let checklist = checklist::build(c, plan.as_of, plan.lang);
        let due = |p: &str| {
            checklist
                .steps
                .iter()
                .find(|s| s.step == p)
                .and_then(|s| s.due)
        };
        for s in &c.subscriptions {
            let due_c = checklist
                .steps
                .iter()
                .find(|st| match &st.action {
                    crate::checklist::StepAction::Suspend {
                        subscription_id, ..
                    } => *subscription_id == s.id,
                    _ => false,
                })
                .and_then(|st| st.due);
            let text = |v: &str| neutralise(v);
            let auto_renew = match s.auto_renew {
                crate::model::AutoRenew::On => "true",
                crate::model::AutoRenew::Off => "false",
                crate::model::AutoRenew::Unknown => "",
            };
            let end_date = match s.end_date {
                crate::model::EndDate::On(d) => date(Some(d)),
                crate::model::EndDate::Never => "never".to_string(),
                crate::model::EndDate::Unknown => String::new(),
            };
            let record: [String; 25] = [
                text(&c.display_name),
                text(c.customer.id.as_deref().unwrap_or("")),
                text(c.customer.domain.as_deref().unwrap_or("")),
                text(&s.id),
                text(&s.offer),
                s.seats.map(|n| n.to_string()).unwrap_or_default(),
                s.status.as_str().to_string(),
                auto_renew.to_string(),
                end_date,
                date(s.expires_on),
                date(s.migrate_by),
                s.days_left.map(|n| n.to_string()).unwrap_or_default(),
                s.category.as_str().to_string(),
                s.urgency.as_str().to_string(),
                r.family.as_str().to_string(),
                text(&r.plan),
                text(r.sku.as_deref().unwrap_or("")),
                r.quantity.map(|n| n.to_string()).unwrap_or_default(),
                text(&r.reason),
                text(&caveats),
                text(&assumptions),
                text(&join(s.notes.iter().map(|n| n.text.as_ref()).collect())),
                date(due("A")),
                date(due("B")),
                date(due_c),
            ];
            write_record(&mut out, &record);
        }
    }
    out
}

/// Appends one record the way the csv crate's default writer does (with a
/// CRLF terminator): a cell is quoted when it holds a comma, a quote, a
/// carriage return or a line feed, and its quotes are doubled. Written by
/// hand because the csv writer's run-time quoting styles link a float
/// parser (for `QuoteStyle::NonNumeric`) into the web app; the test below
/// compares the bytes with the csv crate's.
fn write_record<S: AsRef<str>>(out: &mut Vec<u8>, record: &[S]) {
    for (i, cell) in record.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let cell = cell.as_ref().as_bytes();
        if cell
            .iter()
            .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
        {
            out.push(b'"');
            for &b in cell {
                if b == b'"' {
                    out.push(b'"');
                }
                out.push(b);
            }
            out.push(b'"');
        } else {
            out.extend_from_slice(cell);
        }
    }
    out.extend_from_slice(b"\r\n");
}

#[cfg(test)]
mod tests {
    use super::write_record;

    /// The same bytes as the csv crate's writer, cell by cell.
    #[test]
    fn records_match_the_csv_crate() {
        let cells = [
            "",
            "plain",
            "a,b",
            "say \"hi\"",
            "\"",
            "line\nbreak",
            "cr\ronly",
            "crlf\r\n",
            " spaced ",
            "'=1+1",
            "台灣，客戶",
            "semi;colon\ttab",
            "#hash",
        ];
        let records: Vec<Vec<&str>> = vec![
            cells.to_vec(),
            vec!["", ""],
            vec!["only"],
            cells.iter().rev().copied().collect(),
        ];
        let mut ours = Vec::new();
        let mut theirs = Vec::new();
        {
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .flexible(true)
                .from_writer(&mut theirs);
            for r in &records {
                w.write_record(r).unwrap();
            }
            w.flush().unwrap();
        }
        for r in &records {
            write_record(&mut ours, r);
        }
        // (A record of one empty cell differs: the csv crate writes `""`
        // so the row is not read as a blank line. Ours always have 25.)
        assert_eq!(String::from_utf8(ours), String::from_utf8(theirs));
    }
}
