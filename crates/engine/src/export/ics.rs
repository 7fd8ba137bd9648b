/*!
The iCalendar (RFC 5545) export: one all-day event per Kaizala Pro
subscription still to migrate, on its `migrate_by` date, with a display
alarm 14 days before; and one per purchase and move step (A, B, and the
later waves' add-seats and move steps) on its due date, with an alarm 3
days before, so the partner's calendar holds the days work is due, not
only the last day.

- `UID` is derived from the customer key and the subscription id, so
  importing a newer export updates the same events instead of adding
  copies.
- `DTSTAMP` should be "when the object was created"; using the clock would
  make two runs differ, so it is the plan's as-of date at 00:00 UTC.
- Text values escape `\`, `;`, `,` and newlines (§3.3.11); lines end in
  CRLF and are folded so that no line exceeds 75 octets, never inside a
  UTF-8 character (§3.1).
- Subscriptions that have ended, are inactive or have no known end date
  get no event, nor do steps due before the as-of date: a reminder for a
  past or unknown day helps nobody.
- The description carries what the screen shows with the checklist: the
  recommendation's caveats and assumptions, who prepared the plan, and
  which steps are done (with their day) when the caller knows.
*/

use std::fmt::{self, Write as _};

use chrono::{Datelike, Days, NaiveDate};

use crate::checklist::{self, Step, StepAction};
use crate::export::Extras;
use crate::handout::Handout;
use crate::i18n::export::{
    done_suffix, due_suffix, labelled, last_day_title, prepared_by, step_event_title, step_line,
    stops_line, Label,
};
use crate::plan::{Category, Lang, Plan};

/// Escapes a TEXT value.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let _ = escape_into(&mut out, s, false);
    out
}

/// The bytes [`escape_into`] looks at: those it escapes, the C0 controls
/// and DEL it drops, and 0xC2, which opens a C1 control (dropped too) or
/// a plain character from U+00A0 to U+00BF. A table, so that runs of
/// plain text are scanned with no branch per byte.
const TEXT_SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[0x7F] = true;
    t[b'\\' as usize] = true;
    t[b';' as usize] = true;
    t[b',' as usize] = true;
    t[0xC2] = true;
    t
};

/// [`escape_text`] of `s`, written to `out`: an event's description is
/// escaped as it is written, its lines never joined first. `after_cr`
/// says the text written before `s` ended in a CR, so that a line feed
/// opening `s` ends the same line break; the answer says the same of `s`.
/// Runs of plain text are written whole.
fn escape_into(out: &mut impl fmt::Write, s: &str, mut after_cr: bool) -> Result<bool, fmt::Error> {
    let bytes = s.as_bytes();
    // `run`: the plain text not written yet starts there; `from`: the
    // next byte to look at.
    let (mut run, mut from) = (0, 0);
    while let Some(k) = bytes[from..]
        .iter()
        .position(|&b| TEXT_SPECIAL[usize::from(b)])
    {
        let i = from + k;
        if k > 0 {
            after_cr = false;
        }
        let b = bytes[i];
        let (len, escaped) = match b {
            b'\\' => (1, "\\\\"),
            b';' => (1, "\\;"),
            b',' => (1, "\\,"),
            b'\r' => (1, "\\n"),
            b'\n' if after_cr => (1, ""),
            b'\n' => (1, "\\n"),
            0xC2 if matches!(bytes.get(i + 1), Some(0x80..=0x9F)) => (2, ""),
            // A plain character from U+00A0 to U+00BF.
            0xC2 => {
                after_cr = false;
                from = i + 1;
                continue;
            }
            // The other control characters, C0 and DEL, are dropped.
            _ => (1, ""),
        };
        if run < i {
            out.write_str(&s[run..i])?;
        }
        if !escaped.is_empty() {
            out.write_str(escaped)?;
        }
        after_cr = b == b'\r';
        run = i + len;
        from = run;
    }
    if from < bytes.len() {
        after_cr = false;
    }
    if run < bytes.len() {
        out.write_str(&s[run..])?;
    }
    Ok(after_cr)
}

/// Folds one content line to 75 octets per line, continuation lines
/// starting with a space, and ends it with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let _ = Folded::line(&mut out, |f| f.write_str(line));
    out
}

/// One content line being written: what is written to it is folded at 75
/// octets as it goes, so a line is never built whole before it is folded.
struct Folded<'a> {
    out: &'a mut dyn fmt::Write,
    used: usize,
}

impl Folded<'_> {
    /// Writes one line with `body`, then its CRLF.
    fn line(
        out: &mut dyn fmt::Write,
        body: impl FnOnce(&mut Folded<'_>) -> fmt::Result,
    ) -> fmt::Result {
        let mut f = Folded { out, used: 0 };
        body(&mut f)?;
        f.out.write_str("\r\n")
    }
}

impl fmt::Write for Folded<'_> {
    /// Writes what fits on the line, then folds and goes on: a piece is
    /// cut only between characters.
    fn write_str(&mut self, mut s: &str) -> fmt::Result {
        while self.used + s.len() > 75 {
            let mut cut = 75 - self.used;
            while !s.is_char_boundary(cut) {
                cut -= 1;
            }
            self.out.write_str(&s[..cut])?;
            self.out.write_str("\r\n ")?;
            self.used = 1;
            s = &s[cut..];
        }
        self.used += s.len();
        self.out.write_str(s)
    }
}

/// An id made safe and unique inside a UID: letters, digits, `.` and `-`
/// stay, every other byte becomes `_XX` (hex).
struct UidPart<'a>(&'a str);

impl fmt::Display for UidPart<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut run = 0;
        for (i, c) in self.0.char_indices() {
            if !(c.is_ascii_alphanumeric() || c == '.' || c == '-') {
                f.write_str(&self.0[run..i])?;
                for b in c.encode_utf8(&mut [0; 4]).bytes() {
                    write!(f, "_{b:02X}")?;
                }
                run = i + c.len_utf8();
            }
        }
        f.write_str(&self.0[run..])
    }
}

fn ymd(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// The plan as an iCalendar file.
pub fn to_ics(plan: &Plan, lang: Lang) -> String {
    to_ics_with(plan, lang, Extras::default())
}

/// The plan as an iCalendar file, with the partner and the done steps in
/// each event's description.
pub fn to_ics_with(plan: &Plan, lang: Lang, extras: Extras<'_>) -> String {
    let mut out = String::new();
    let _ = write_ics(&mut out, plan, lang, extras);
    out
}

/// [`to_ics_with`], written as it goes: each event goes straight to
/// `out`. Stops at the first refused write.
pub(crate) fn write_ics(
    out: &mut dyn fmt::Write,
    plan: &Plan,
    lang: Lang,
    extras: Extras<'_>,
) -> fmt::Result {
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        concat!(
            "PRODID:-//Kaizala Migration Planner//kaizala-planner ",
            env!("CARGO_PKG_VERSION"),
            "//EN"
        ),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        Folded::line(out, |f| f.write_str(l))?;
    }
    let stamp = format!("DTSTAMP:{}T000000Z", ymd(plan.as_of));
    for c in plan.customers_in(lang) {
        let c = &*c;
        let handout = extras.handout(c);
        let steps = checklist::build(c, plan.as_of, lang).steps;
        let r = &c.recommendation;
        // The lines every event of the customer shares, written once.
        let lines = CustomerLines {
            caveats: r
                .caveats
                .iter()
                .map(|cv| labelled(Label::Caveat, &cv.text, lang))
                .chain(
                    r.assumptions
                        .iter()
                        .map(|a| labelled(Label::Assumption, &a.text, lang)),
                )
                .collect(),
            prepared: handout
                .partner
                .as_ref()
                .map(|p| prepared_by(p.name.trim(), p.contact.trim(), lang)),
        };
        let last_days = c.subscriptions.iter().filter_map(|s| {
            let ended = matches!(s.category, Category::AlreadyEnded | Category::Inactive);
            s.migrate_by.filter(|_| !ended).map(|mb| (s, mb))
        });
        // The checklist as the last days' events list it, made only for a
        // customer that has one.
        let mut checklist_lines = Vec::new();
        for (i, (s, mb)) in last_days.enumerate() {
            if i == 0 {
                checklist_lines = steps
                    .iter()
                    .map(|step| checklist_line(step, &handout, lang))
                    .collect();
            }
            let summary = last_day_title(&c.display_name, &s.id, lang);
            let stops = stops_line(&s.id, &s.offer, s.expires_on, &r.plan, lang);
            let mut desc = vec![stops.as_str(), &r.reason];
            desc.extend(lines.caveats.iter().map(String::as_str));
            desc.extend(checklist_lines.iter().map(String::as_str));
            desc.extend(lines.prepared.as_deref());
            let event = Event {
                uid: (&c.key, "-", &s.id),
                day: mb,
                summary: &summary,
                desc: &desc,
                alarm_days: 14,
            };
            event.write(out, &stamp)?;
        }
        for step in steps.iter().filter(|s| is_purchase_or_move(s)) {
            let Some(due) = step.due.filter(|d| *d >= plan.as_of) else {
                continue;
            };
            step_event(out, &stamp, c, step, due, (&handout, &lines), lang)?;
        }
    }
    Folded::line(out, |f| f.write_str("END:VCALENDAR"))
}

/// Steps A and B of each wave: the purchase (or added seats) and the move.
fn is_purchase_or_move(step: &Step) -> bool {
    matches!(
        step.action,
        StepAction::Buy { .. }
            | StepAction::RaiseQuantity { .. }
            | StepAction::AddSeats { .. }
            | StepAction::NoPurchase { .. }
            | StepAction::MoveUsers { .. }
    )
}

/// A customer's lines that its events share: the recommendation's caveats
/// and assumptions, and who prepared the plan.
struct CustomerLines {
    caveats: Vec<String>,
    prepared: Option<String>,
}

/// A step as a last day's event lists it: ticked or not, its due date and
/// done day after its title, then its text.
fn checklist_line(step: &Step, handout: &Handout, lang: Lang) -> String {
    let due = step.due.map(|d| due_suffix(d, lang)).unwrap_or_default();
    let (mark, done) = match handout.done.get(&step.step) {
        Some(on) => ("x", done_suffix(*on, lang)),
        None => (" ", String::new()),
    };
    format!(
        "[{mark}] {}",
        step_line(
            &step.step,
            &step.title,
            &format!("{due}{done}"),
            &step.text,
            lang
        )
    )
}

/// One all-day event on a step's due date: the step's text, and for a
/// purchase the recommendation's caveats and assumptions too.
fn step_event(
    out: &mut dyn fmt::Write,
    stamp: &str,
    c: &crate::plan::CustomerPlan,
    step: &Step,
    due: NaiveDate,
    (handout, lines): (&Handout, &CustomerLines),
    lang: Lang,
) -> fmt::Result {
    let summary = step_event_title(&c.display_name, &step.step, &step.title, lang);
    let mut desc = vec![step.text.as_str()];
    if !matches!(step.action, StepAction::MoveUsers { .. }) {
        desc.extend(lines.caveats.iter().map(String::as_str));
    }
    let done = handout
        .done
        .get(&step.step)
        .map(|on| format!("{}{}", step.step, done_suffix(*on, lang)));
    desc.extend(done.as_deref());
    desc.extend(lines.prepared.as_deref());
    let event = Event {
        uid: (&c.key, "-step-", &step.step),
        day: due,
        summary: &summary,
        desc: &desc,
        alarm_days: 3,
    };
    event.write(out, stamp)
}

/// An all-day event with a reminder `alarm_days` before it.
struct Event<'a> {
    /// What makes the event's UID unique (`kaizala-<uid>@kaizala-planner`):
    /// the customer's key, a separator and the subscription's or step's id.
    uid: (&'a str, &'static str, &'a str),
    day: NaiveDate,
    summary: &'a str,
    desc: &'a [&'a str],
    alarm_days: u32,
}

impl Event<'_> {
    fn write(&self, out: &mut dyn fmt::Write, stamp: &str) -> fmt::Result {
        let end = self.day.checked_add_days(Days::new(1)).unwrap_or(self.day);
        Folded::line(out, |f| f.write_str("BEGIN:VEVENT"))?;
        Folded::line(out, |f| {
            let (key, sep, id) = self.uid;
            write!(
                f,
                "UID:kaizala-{}{sep}{}@kaizala-planner",
                UidPart(key),
                UidPart(id)
            )
        })?;
        Folded::line(out, |f| f.write_str(stamp))?;
        Folded::line(out, |f| write!(f, "DTSTART;VALUE=DATE:{}", ymd(self.day)))?;
        Folded::line(out, |f| write!(f, "DTEND;VALUE=DATE:{}", ymd(end)))?;
        Folded::line(out, |f| {
            f.write_str("SUMMARY:")?;
            escape_into(f, self.summary, false).map(drop)
        })?;
        // Escaped as one text: the lines joined by "\n" (a line ending in
        // CR and the join make one line break, as `escape_text` reads them).
        Folded::line(out, |f| {
            f.write_str("DESCRIPTION:")?;
            let mut after_cr = false;
            for (i, l) in self.desc.iter().enumerate() {
                if i > 0 {
                    after_cr = escape_into(f, "\n", after_cr)?;
                }
                after_cr = escape_into(f, l, after_cr)?;
            }
            Ok(())
        })?;
        for l in ["TRANSP:TRANSPARENT", "BEGIN:VALARM", "ACTION:DISPLAY"] {
            Folded::line(out, |f| f.write_str(l))?;
        }
        Folded::line(out, |f| write!(f, "TRIGGER:-P{}D", self.alarm_days))?;
        Folded::line(out, |f| {
            f.write_str("DESCRIPTION:")?;
            escape_into(f, self.summary, false).map(drop)
        })?;
        Folded::line(out, |f| f.write_str("END:VALARM"))?;
        Folded::line(out, |f| f.write_str("END:VEVENT"))
    }
}
