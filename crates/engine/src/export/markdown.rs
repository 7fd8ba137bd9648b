/*!
The Markdown export: a readable plan with `- [ ]` checkboxes, for a
ticket, a wiki page or an e-mail. [`to_markdown`] writes the whole plan,
[`customer_markdown`] one customer's part, ready to send to that customer.
The `_with` variants add who prepared the plan and which steps are done
(with their day), as the printed checklist shows them; a done step whose
facts changed since it was ticked says what changed.

Every value from the export (names, ids, offers) and every text is
escaped, so a customer called `*ACME* | Ltd` cannot break a table or
inject a link.
*/

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use crate::checklist::{self, Checklist, FactChange, StepAction};
use crate::export::Extras;
use crate::handout::{Handout, Partner};
use crate::i18n::export::{
    alternative_item, done_suffix, due_suffix, labelled, overview_line, prepared_by, rejected_item,
    source_line, to_buy, wave_heading, Label,
};
use crate::i18n::progress::changed_suffix;
use crate::i18n::{date_cell, num, DateCell};
use crate::i18n::{format_name, Render};
use crate::plan::{CustomerPlan, Lang, Plan};
use crate::progress::Progress;

/// The bytes [`escape`] changes, as a table: values are scanned with no
/// branch per byte.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let special = b"\\`*_[]<>|#\r\n";
    let mut i = 0;
    while i < special.len() {
        t[special[i] as usize] = true;
        i += 1;
    }
    t
};

/// Escapes Markdown's special characters (and turns newlines into spaces,
/// so a value stays in its table cell or list item). Most values need
/// nothing escaped and are returned as they are; the others are copied
/// in runs between the (ASCII) characters to escape.
pub(crate) fn escape(s: &str) -> Cow<'_, str> {
    let special = |b: &u8| SPECIAL[usize::from(*b)];
    if !s.as_bytes().iter().any(special) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut run = 0;
    for (i, b) in s.bytes().enumerate().filter(|(_, b)| special(b)) {
        out.push_str(&s[run..i]);
        match b {
            b'\r' | b'\n' => out.push(' '),
            b => {
                out.push('\\');
                out.push(char::from(b));
            }
        }
        run = i + 1;
    }
    out.push_str(&s[run..]);
    Cow::Owned(out)
}

/// [`escape`] as it is written: the runs between special characters go
/// straight to the output, so a value is never copied into a `String` of
/// its own on the way.
pub(crate) struct Escaped<'a>(pub(crate) &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let mut run = 0;
        for (i, b) in s
            .bytes()
            .enumerate()
            .filter(|(_, b)| SPECIAL[usize::from(*b)])
        {
            f.write_str(&s[run..i])?;
            match b {
                b'\r' | b'\n' => f.write_char(' ')?,
                b => {
                    f.write_char('\\')?;
                    f.write_char(char::from(b))?;
                }
            }
            run = i + 1;
        }
        f.write_str(&s[run..])
    }
}

fn header(out: &mut dyn fmt::Write, plan: &Plan, partner: Option<&Partner>, lang: Lang) {
    let _ = writeln!(
        out,
        "{} {} · {} {}",
        Label::AsOf.text(lang),
        date_cell(plan.as_of, lang),
        Label::Cutoff.text(lang),
        date_cell(plan.cutoff, lang),
    );
    if let Some(p) = partner.filter(|p| !p.is_empty()) {
        let _ = writeln!(
            out,
            "\n{}",
            prepared_by(&escape(p.name.trim()), &escape(p.contact.trim()), lang)
        );
    }
}

/// The whole plan as Markdown.
pub fn to_markdown(plan: &Plan, lang: Lang) -> String {
    to_markdown_with(plan, lang, Extras::default())
}

/// The whole plan as Markdown, with the partner and the done steps.
pub fn to_markdown_with(plan: &Plan, lang: Lang, extras: Extras<'_>) -> String {
    let mut out = String::new();
    let _ = write_markdown(&mut out, plan, lang, extras);
    out
}

/// [`to_markdown_with`], written as it goes: each customer's part goes
/// straight to `out`. Stops at the first refused write.
pub(crate) fn write_markdown(
    out: &mut dyn fmt::Write,
    plan: &Plan,
    lang: Lang,
    extras: Extras<'_>,
) -> fmt::Result {
    writeln!(out, "# {}\n", Label::PlanTitle.text(lang))?;
    header(out, plan, extras.partner, lang);
    let _ = out.write_char('\n');
    let src = &plan.source;
    let format = src
        .format
        .map(|f| format_name(f, lang))
        .unwrap_or(Label::File.text(lang));
    let source = source_line(
        &escape(format),
        src.rows_read,
        src.rows_rejected.len(),
        lang,
    );
    let _ = writeln!(out, "{source}\n");

    let s = &plan.summary;
    let _ = writeln!(out, "## {}\n", Label::Overview.text(lang));
    let overview = overview_line(
        s.customers_with_kaizala,
        s.customers_in_file,
        s.kaizala_subscriptions,
        s.kaizala_seats,
        lang,
    );
    let _ = writeln!(out, "{overview}\n");
    let _ = writeln!(
        out,
        "| {} | {} | {} |\n|---|---:|---:|",
        Label::Category.text(lang),
        Label::Subscriptions.text(lang),
        Label::Seats.text(lang)
    );
    for c in &s.by_category {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            c.category.label(lang),
            num(c.subscriptions),
            num(c.seats)
        );
    }
    let _ = out.write_char('\n');
    let _ = writeln!(
        out,
        "| {} | {} |\n|---|---:|",
        Label::Urgency.text(lang),
        Label::Customers.text(lang)
    );
    for u in &s.by_urgency {
        let _ = writeln!(out, "| {} | {} |", u.urgency.label(lang), num(u.customers));
    }
    let _ = out.write_char('\n');

    for c in plan.customers_in(lang) {
        let c = &*c;
        let changed = extras
            .progress
            .map(|p| changed_steps(p, c))
            .unwrap_or_default();
        customer_section(
            out,
            c,
            &checklist::build(c, plan.as_of, lang),
            (&extras.handout(c), &changed),
            lang,
            2,
        );
        // A refused write (a closed pipe, a full disk) stops the export
        // here instead of formatting every customer for nothing.
        out.write_str("")?;
    }

    if !src.rows_rejected.is_empty() {
        let _ = writeln!(out, "## {}\n", Label::RejectedRows.text(lang));
        for r in &src.rows_rejected {
            let _ = writeln!(
                out,
                "{}",
                rejected_item(r.line, &escape(&r.render(lang)), lang)
            );
        }
        let _ = out.write_char('\n');
    }
    out.write_str("")
}

/// One customer's plan as a Markdown document; `None` when no customer
/// has this key.
pub fn customer_markdown(plan: &Plan, key: &str, lang: Lang) -> Option<String> {
    customer_markdown_with(plan, key, lang, &Handout::default())
}

/// One customer's plan as Markdown, with the partner and the done steps
/// of `handout`; `None` when no customer has this key.
pub fn customer_markdown_with(
    plan: &Plan,
    key: &str,
    lang: Lang,
    handout: &Handout,
) -> Option<String> {
    let plan = plan.in_lang(lang);
    let c = plan.customer(key)?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} — {}\n",
        Label::MigrationTitle.text(lang),
        Escaped(&c.display_name)
    );
    header(&mut out, &plan, handout.partner.as_ref(), lang);
    let _ = out.write_char('\n');
    customer_section(
        &mut out,
        c,
        &checklist::build(c, plan.as_of, plan.lang),
        (handout, &BTreeMap::new()),
        lang,
        1,
    );
    Some(out)
}

/// The customer's done steps whose facts changed since they were ticked,
/// by display id, with the changes.
fn changed_steps(progress: &Progress, c: &CustomerPlan) -> BTreeMap<String, Vec<FactChange>> {
    // Extend, not collect: collecting into a map sorts first, with its own
    // copy of the standard sort.
    let mut changed = BTreeMap::new();
    changed.extend(
        progress
            .states(c)
            .into_iter()
            .filter(|(_, s)| !s.changes.is_empty())
            .map(|(id, s)| (id, s.changes)),
    );
    changed
}

/// `(handout, changed)`: the done steps and, of those, the ones whose
/// facts changed since they were ticked.
type Done<'a> = (&'a Handout, &'a BTreeMap<String, Vec<FactChange>>);

fn customer_section(
    out: &mut dyn fmt::Write,
    c: &CustomerPlan,
    checklist: &Checklist,
    (handout, changed): Done<'_>,
    lang: Lang,
    level: usize,
) {
    let h = &"######"[..(level + 1).min(6)];
    if level >= 2 {
        let _ = writeln!(out, "{} {}\n", &h[1..], Escaped(&c.display_name));
    }
    // The facts known, one after the other, separated by " · ".
    let mut sep = "";
    let mut fact = |args: fmt::Arguments<'_>| {
        let _ = write!(out, "{sep}{args}");
        sep = " · ";
    };
    if let Some(id) = &c.customer.id {
        fact(format_args!("{} {}", Label::Tenant.text(lang), Escaped(id)));
    }
    if let Some(d) = &c.customer.domain {
        fact(format_args!("{} {}", Label::Domain.text(lang), Escaped(d)));
    }
    if let Some(r) = &c.customer.reseller_mpn_id {
        fact(format_args!(
            "{} {}",
            Label::Reseller.text(lang),
            Escaped(r)
        ));
    }
    fact(format_args!(
        "{}{}{}",
        Label::UrgencyField.text(lang),
        Label::Colon.text(lang),
        c.urgency.label(lang)
    ));
    if let Some(mb) = c.migrate_by {
        fact(format_args!(
            "{} {}",
            Label::MigrateByField.text(lang),
            DateCell(mb, lang)
        ));
    }
    let _ = out.write_str("\n\n");

    let r = &c.recommendation;
    let _ = writeln!(out, "{} {}\n", h, Label::Recommendation.text(lang));
    let _ = write!(out, "**{}**", Escaped(&r.plan));
    let _ = match (r.sku.as_deref(), lang) {
        (Some(s), Lang::En) => write!(out, " ({})", Escaped(s)),
        (Some(s), Lang::ZhTw) => write!(out, "（{}）", Escaped(s)),
        (None, _) => Ok(()),
    };
    if let Some(q) = r.quantity {
        let _ = out.write_str(&to_buy(q, lang));
    }
    let _ = write!(out, " · {}", Label::Rule.text(lang));
    // The rule by its id in English, where docs/rules.md names it; in
    // words in zh-TW.
    let _ = match lang {
        Lang::En => write!(out, "`{}`\n\n", r.family.as_str()),
        Lang::ZhTw => write!(out, "{}\n\n", r.family.label(lang)),
    };
    let _ = writeln!(out, "{}\n", Escaped(&r.reason));
    for cv in &r.caveats {
        let _ = writeln!(
            out,
            "> **{}** {}\n",
            Label::Caveat.text(lang),
            Escaped(&cv.text)
        );
    }
    for a in &r.assumptions {
        let _ = writeln!(
            out,
            "- {}",
            labelled(Label::Assumption, &escape(&a.text), lang)
        );
    }
    if !r.assumptions.is_empty() {
        let _ = out.write_char('\n');
    }
    if !c.alternatives.is_empty() {
        let _ = writeln!(out, "{}\n", Label::Alternatives.text(lang));
        for a in &c.alternatives {
            let item = alternative_item(
                &escape(&a.plan),
                &escape(&a.sku),
                &escape(&a.why.text),
                lang,
            );
            let _ = writeln!(out, "{item}");
        }
        let _ = out.write_char('\n');
    }
    if !c.coverage.is_empty() {
        let _ = writeln!(out, "{}\n", Label::AlreadyCovered.text(lang));
        for cv in &c.coverage {
            let seats = cv.seats.map(num).unwrap_or_else(|| "?".into());
            let _ = writeln!(
                out,
                "- {} · {} · {} {}",
                Escaped(&cv.product),
                Escaped(&cv.id),
                seats,
                Label::SeatsUnit.text(lang)
            );
        }
        let _ = out.write_char('\n');
    }

    let _ = writeln!(out, "{} {}\n", h, Label::KaizalaSubscriptions.text(lang));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---:|---|---|---|---|",
        Label::Subscription.text(lang),
        Label::Offer.text(lang),
        Label::Seats.text(lang),
        Label::EndDate.text(lang),
        Label::ServiceStops.text(lang),
        Label::MigrateBy.text(lang),
        Label::Category.text(lang),
    );
    for s in &c.subscriptions {
        let _ = write!(out, "| {} | {} | ", Escaped(&s.id), Escaped(&s.offer));
        let _ = match s.seats {
            Some(n) => out.write_str(&num(n)),
            None => out.write_str("?"),
        };
        let _ = match s.end_date {
            crate::model::EndDate::On(d) => write!(out, " | {}", DateCell(d, lang)),
            crate::model::EndDate::Never => write!(out, " | {}", Label::Never.text(lang)),
            crate::model::EndDate::Unknown => out.write_str(" | —"),
        };
        for d in [s.expires_on, s.migrate_by] {
            let _ = match d {
                Some(d) => write!(out, " | {}", DateCell(d, lang)),
                None => out.write_str(" | —"),
            };
        }
        let _ = writeln!(out, " | {} |", s.category.label(lang));
    }
    let _ = out.write_char('\n');
    for s in &c.subscriptions {
        for n in &s.notes {
            let _ = writeln!(
                out,
                "- {}{}{}",
                Escaped(&s.id),
                Label::Colon.text(lang),
                Escaped(&n.text)
            );
        }
    }
    if c.subscriptions.iter().any(|s| !s.notes.is_empty()) {
        let _ = out.write_char('\n');
    }

    let _ = writeln!(out, "{} {}\n", h, Label::Checklist.text(lang));
    if checklist.steps.is_empty() {
        let _ = writeln!(out, "{}\n", Label::NothingToDo.text(lang));
    }
    let waves = checklist.steps.iter().map(|s| s.wave).max().unwrap_or(1);
    let mut wave = 0;
    for step in &checklist.steps {
        if waves > 1 && step.wave != wave {
            if wave != 0 {
                let _ = out.write_char('\n');
            }
            wave = step.wave;
            let _ = writeln!(out, "{}# {}\n", h, wave_heading(wave, lang));
        }
        let due = step.due.map(|d| due_suffix(d, lang)).unwrap_or_default();
        let (mark, done) = match handout.done.get(&step.step) {
            Some(on) => {
                let changes = changed.get(&step.step).map(Vec::as_slice).unwrap_or(&[]);
                let flag = changed_suffix(changes, lang);
                ("x", format!("{}{}", done_suffix(*on, lang), Escaped(&flag)))
            }
            None => (" ", String::new()),
        };
        let _ = writeln!(
            out,
            "- [{mark}] **{}. {}**{}{}{}{}",
            step.step,
            Escaped(&step.title),
            due,
            done,
            Label::Colon.text(lang),
            Escaped(&step.text)
        );
        if let StepAction::MoveUsers {
            users: Some(users),
            plan,
            ..
        } = &step.action
        {
            for u in users {
                let mark = match handout.users_done.get(&u.upn.to_lowercase()) {
                    Some(_) => "x",
                    None => " ",
                };
                let change = crate::export::UserChange::new(u.needs_license, plan).render(lang);
                let (open, close) = match lang {
                    Lang::En => (" (", ")"),
                    Lang::ZhTw => ("（", "）"),
                };
                let _ = writeln!(
                    out,
                    "  - [{mark}] {}{open}`{}`{close}{}{}",
                    Escaped(&u.display_name),
                    u.upn.replace('`', "'"),
                    Label::Colon.text(lang),
                    Escaped(&change)
                );
            }
        }
    }
    let _ = out.write_char('\n');
}

#[cfg(test)]
mod tests {
    use super::{escape, Escaped};
    use proptest::prelude::*;

    proptest! {
        /// What is written straight to the output is what `escape` returns,
        /// for text made mostly of the characters it changes.
        #[test]
        fn escaped_as_written_is_escape(s in "[a-z\\\\`*_\\[\\]<>|#\r\n 臺-]{0,40}") {
            prop_assert_eq!(Escaped(&s).to_string(), escape(&s).into_owned());
        }
    }
}
