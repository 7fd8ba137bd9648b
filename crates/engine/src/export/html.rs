/*!
One customer's plan as a standalone HTML page, written for the customer
(the [`CustomerPage`]): who prepared it, what changes for their users and
when, what they need to do, what it costs, and what is done. The partner's
details (license ids, how the numbers were counted, the Partner Center
steps) are in a collapsed "For your partner" section.

Everything it needs is inline (the style sheet included): it is a
downloaded file, not part of the app, so the app's content security policy
does not apply to it. It has no script.

Every text is HTML-escaped, values from the export and our own texts
alike.
*/

use std::fmt::Write as _;

use crate::checklist::StepAction;
use crate::handout::{customer_page, CustomerPage, Handout};
use crate::i18n::export::{due_suffix, to_buy, Label};
use crate::i18n::handout::{long_date, prepared_by, PageLabel};
use crate::i18n::{date_cell_or_dash, num, Render};
use crate::plan::{CustomerPlan, Lang, Plan};

/// Escapes `& < > " '`.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,\"Segoe UI\",\"Microsoft JhengHei\",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.5}\
h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1.05rem;margin-top:1.5rem}\
.prepared{font-size:1.05rem;margin:.25rem 0}.meta,.utc,.hint{color:#555}.intro{font-size:1.05rem}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}\
.table-wrap{overflow-x:auto}code{overflow-wrap:anywhere}\
.caveat{border-left:4px solid #c80;background:#fff8e6;padding:.5rem 1rem;list-style:none;margin:.4rem 0}ul.caveats{padding:0}\
ul.steps,ul.checklist{list-style:none;padding:0}ul.steps li,ul.checklist li{margin:.6rem 0}\
.mark{display:inline-block;width:1.4rem;font-weight:bold}.done .mark{color:#107c10}.status{color:#555}.done .status{color:#107c10;font-weight:600}\
details{margin-top:2rem;border:1px solid #ccc;border-radius:6px;padding:.5rem 1rem}summary{font-weight:600;cursor:pointer}\
.due{color:#555;white-space:nowrap}@media print{body{margin:0}}";

/// One customer's page as an HTML document, written for the customer,
/// with the partner and the steps done from `handout`; `None` when no
/// customer has this key.
pub fn customer_html(plan: &Plan, key: &str, lang: Lang, handout: &Handout) -> Option<String> {
    let plan = plan.in_lang(lang);
    let c = plan.customer(key)?;
    let page = customer_page(c, plan.as_of, lang, handout);
    let mut o = String::new();
    let html_lang = Label::HtmlLang.text(lang);
    let title = format!("{} — {}", PageLabel::Title.text(lang), c.display_name);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&title)
    );
    let _ = writeln!(o, "<h1>{}</h1>", escape(&title));
    if let Some(p) = &page.partner {
        let _ = writeln!(
            o,
            "<p class=\"prepared\">{}</p>",
            escape(&prepared_by(p, lang))
        );
    }
    let meta = match lang {
        Lang::En => format!(
            "{} {} (UTC)",
            PageLabel::AsOf.text(lang),
            long_date(plan.as_of, lang)
        ),
        Lang::ZhTw => format!(
            "{}：{}（UTC）",
            PageLabel::AsOf.text(lang),
            long_date(plan.as_of, lang)
        ),
    };
    let _ = writeln!(o, "<p class=\"meta\">{}</p>", escape(&meta));
    let _ = writeln!(o, "<p class=\"intro\">{}</p>", escape(&page.intro.text));
    customer_part(&mut o, &page, lang);
    o.push_str("<details class=\"for-partner\">\n");
    let _ = writeln!(
        o,
        "<summary>{}</summary>\n<p class=\"hint\">{}</p>",
        PageLabel::ForPartner.text(lang),
        PageLabel::ForPartnerHint.text(lang)
    );
    partner_part(&mut o, c, &page, handout, lang);
    o.push_str("</details>\n");
    let _ = writeln!(o, "<p class=\"utc\">{}</p>", PageLabel::Utc.text(lang));
    o.push_str("</body>\n</html>\n");
    Some(o)
}

/// A heading and a list of texts, when there are any.
fn list<'a>(o: &mut String, heading: &str, class: &str, items: impl Iterator<Item = &'a str>) {
    let items: Vec<&str> = items.collect();
    if items.is_empty() {
        return;
    }
    let _ = writeln!(o, "<h2>{heading}</h2>\n<ul class=\"{class}\">");
    for i in items {
        let _ = writeln!(o, "<li>{}</li>", escape(i));
    }
    o.push_str("</ul>\n");
}

/// What the customer reads: changes, what to do, costs, caveats, progress.
fn customer_part(o: &mut String, page: &CustomerPage, lang: Lang) {
    list(
        o,
        PageLabel::Changes.text(lang),
        "changes",
        page.changes.iter().map(|s| &*s.text),
    );
    list(
        o,
        PageLabel::Todo.text(lang),
        "todo",
        page.todo.iter().map(|s| &*s.text),
    );
    list(
        o,
        PageLabel::Costs.text(lang),
        "costs",
        page.costs.iter().map(|s| &*s.text),
    );
    if !page.good_to_know.is_empty() {
        let _ = writeln!(
            o,
            "<h2>{}</h2>\n<ul class=\"caveats\">",
            PageLabel::GoodToKnow.text(lang)
        );
        for t in &page.good_to_know {
            let _ = writeln!(o, "<li class=\"caveat\">{}</li>", escape(t));
        }
        o.push_str("</ul>\n");
    }
    if !page.steps.is_empty() {
        let _ = writeln!(
            o,
            "<h2>{}</h2>\n<ul class=\"steps\">",
            PageLabel::Progress.text(lang)
        );
        for s in &page.steps {
            let _ = writeln!(
                o,
                "<li class=\"{}\"><span class=\"mark\">{}</span>{} <span class=\"status\">— {}</span></li>",
                if s.done { "done" } else { "todo" },
                if s.done { "✓" } else { "○" },
                escape(&s.title),
                escape(&s.status)
            );
        }
        o.push_str("</ul>\n");
    }
}

/// What the partner works from: the plan's ids, the reasons and
/// assumptions in their words, the subscriptions and the steps.
fn partner_part(
    o: &mut String,
    c: &CustomerPlan,
    page: &CustomerPage,
    handout: &Handout,
    lang: Lang,
) {
    let r = &c.recommendation;
    let _ = writeln!(o, "<h3>{}</h3>", Label::Recommendation.text(lang));
    let qty = r.quantity.map(|q| to_buy(q, lang));
    let _ = writeln!(
        o,
        "<p><strong>{}</strong>{}</p>",
        escape(&r.plan),
        escape(&qty.unwrap_or_default())
    );
    let ids: Vec<(PageLabel, &str)> = [
        (PageLabel::SkuPartNumber, r.sku.as_deref()),
        (PageLabel::LicenseSkuId, r.guid.as_deref()),
        (
            PageLabel::KaizalaServicePlan,
            r.kaizala_plan.map(|k| k.name()),
        ),
    ]
    .into_iter()
    .filter_map(|(l, v)| v.map(|v| (l, v)))
    .collect();
    if !ids.is_empty() {
        o.push_str("<ul>\n");
        for (label, v) in ids {
            let _ = writeln!(
                o,
                "<li>{}{}<code>{}</code></li>",
                label.text(lang),
                Label::Colon.text(lang),
                escape(v)
            );
        }
        o.push_str("</ul>\n");
    }
    let _ = writeln!(o, "<p>{}</p>", escape(&r.reason));
    if !r.caveats.is_empty() || !r.assumptions.is_empty() {
        let _ = writeln!(o, "<h3>{}</h3>", PageLabel::PartnerCaveats.text(lang));
        o.push_str("<ul class=\"caveats\">\n");
        for cv in &r.caveats {
            let _ = writeln!(o, "<li class=\"caveat\">{}</li>", escape(&cv.text));
        }
        for a in &r.assumptions {
            let _ = writeln!(o, "<li class=\"caveat\">{}</li>", escape(&a.text));
        }
        o.push_str("</ul>\n");
    }
    let _ = writeln!(o, "<h3>{}</h3>", Label::KaizalaSubscriptions.text(lang));
    let _ = writeln!(
        o,
        "<div class=\"table-wrap\"><table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        Label::Subscription.text(lang),
        Label::Offer.text(lang),
        Label::Seats.text(lang),
        Label::ServiceStops.text(lang),
        Label::MigrateBy.text(lang),
        Label::Category.text(lang),
    );
    for s in &c.subscriptions {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&s.id),
            escape(&s.offer),
            s.seats.map(num).unwrap_or_else(|| "?".into()),
            date_cell_or_dash(s.expires_on, lang),
            date_cell_or_dash(s.migrate_by, lang),
            escape(s.category.label(lang)),
        );
    }
    o.push_str("</table></div>\n");
    let notes: Vec<String> = c
        .subscriptions
        .iter()
        .flat_map(|s| {
            s.notes
                .iter()
                .map(move |n| format!("{}{}{}", s.id, Label::Colon.text(lang), n.text))
        })
        .collect();
    if !notes.is_empty() {
        o.push_str("<ul>\n");
        for n in notes {
            let _ = writeln!(o, "<li>{}</li>", escape(&n));
        }
        o.push_str("</ul>\n");
    }
    let _ = writeln!(
        o,
        "<h3>{}</h3>\n<ul class=\"checklist\">",
        PageLabel::PartnerSteps.text(lang)
    );
    for (step, shown) in page.checklist.steps.iter().zip(&page.steps) {
        let due = step
            .due
            .map(|d| {
                let due = match lang {
                    Lang::En => format!("({} {})", Label::Due.text(lang), d),
                    Lang::ZhTw => due_suffix(d, lang),
                };
                format!(" <span class=\"due\">{due}</span>")
            })
            .unwrap_or_default();
        let done = match (shown.done, shown.done_on) {
            (true, Some(d)) => format!(
                " <span class=\"due\">✓ {} {}</span>",
                PageLabel::DoneOn.text(lang),
                crate::i18n::date_text(d, lang)
            ),
            _ => String::new(),
        };
        let _ = writeln!(
            o,
            "<li><label><input type=\"checkbox\"{}> <strong>{}. {}</strong>{}{}</label><br>{}</li>",
            if shown.done { " checked" } else { "" },
            escape(&step.step),
            escape(&step.title),
            due,
            done,
            escape(&step.text)
        );
        // Step B's users, a box each, ticked as the partner ticked them.
        if let StepAction::MoveUsers {
            users: Some(users),
            plan,
            ..
        } = &step.action
        {
            o.push_str("<ul class=\"checklist users\">\n");
            for u in users {
                let moved = handout.users_done.contains_key(&u.upn.to_lowercase());
                let _ = writeln!(
                    o,
                    "<li><label><input type=\"checkbox\"{}> {} (<code>{}</code>){}{}</label></li>",
                    if moved { " checked" } else { "" },
                    escape(&u.display_name),
                    escape(&u.upn),
                    Label::Colon.text(lang),
                    escape(&crate::export::UserChange::new(u.needs_license, plan).render(lang))
                );
            }
            o.push_str("</ul>\n");
        }
    }
    o.push_str("</ul>\n");
}
