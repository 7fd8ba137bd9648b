/*!
One customer's plan as a standalone HTML page, for the partner to save,
print or send. Everything it needs is inline (the style sheet included):
it is a downloaded file, not part of the app, so the app's content
security policy does not apply to it. It has no script.

Every text is HTML-escaped, values from the export and our own texts
alike.
*/

use std::fmt::Write as _;

use crate::checklist;
use crate::i18n::date_or_dash;
use crate::i18n::export::{to_buy, Label};
use crate::plan::{Lang, Plan};

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
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}\
.caveat{border-left:4px solid #c80;background:#fff8e6;padding:.5rem 1rem}\
ul.checklist{list-style:none;padding:0}ul.checklist li{margin:.6rem 0}\
.due{color:#555;white-space:nowrap}@media print{body{margin:0}}";

/// One customer's plan as an HTML document; `None` when no customer has
/// this key.
pub fn customer_html(plan: &Plan, key: &str, lang: Lang) -> Option<String> {
    let plan = plan.in_lang(lang);
    let c = plan.customer(key)?;
    let r = &c.recommendation;
    let mut o = String::new();
    let html_lang = Label::HtmlLang.text(lang);
    let title = format!("{} — {}", Label::MigrationTitle.text(lang), c.display_name);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&title)
    );
    let _ = writeln!(o, "<h1>{}</h1>", escape(&title));
    let _ = writeln!(
        o,
        "<p>{} {} · {} {} · {}: {}</p>",
        Label::AsOf.text(lang),
        plan.as_of,
        Label::Cutoff.text(lang),
        plan.cutoff,
        Label::UrgencyField.text(lang),
        escape(c.urgency.label(lang))
    );
    let _ = writeln!(o, "<h2>{}</h2>", Label::Recommendation.text(lang));
    let qty = r.quantity.map(|q| to_buy(q, lang));
    let _ = writeln!(
        o,
        "<p><strong>{}</strong>{}{}</p>\n<p>{}</p>",
        escape(&r.plan),
        r.sku
            .as_deref()
            .map(|s| format!(" ({})", escape(s)))
            .unwrap_or_default(),
        escape(&qty.unwrap_or_default()),
        escape(&r.reason)
    );
    for cv in &r.caveats {
        let _ = writeln!(o, "<p class=\"caveat\">{}</p>", escape(&cv.text));
    }
    if !r.assumptions.is_empty() {
        o.push_str("<ul>\n");
        for a in &r.assumptions {
            let _ = writeln!(o, "<li>{}</li>", escape(&a.text));
        }
        o.push_str("</ul>\n");
    }
    let _ = writeln!(o, "<h2>{}</h2>", Label::KaizalaSubscriptions.text(lang));
    let _ = writeln!(
        o,
        "<table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
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
            s.seats.map(|n| n.to_string()).unwrap_or_else(|| "?".into()),
            date_or_dash(s.expires_on),
            date_or_dash(s.migrate_by),
            escape(s.category.label(lang)),
        );
    }
    o.push_str("</table>\n");
    let notes: Vec<String> = c
        .subscriptions
        .iter()
        .flat_map(|s| s.notes.iter().map(move |n| format!("{}: {}", s.id, n.text)))
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
        "<h2>{}</h2>\n<ul class=\"checklist\">",
        Label::Checklist.text(lang)
    );
    for step in &checklist::build(c, plan.as_of, plan.lang).steps {
        let due = step
            .due
            .map(|d| {
                format!(
                    " <span class=\"due\">({} {})</span>",
                    Label::Due.text(lang),
                    d
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "<li><label><input type=\"checkbox\"> <strong>{}. {}</strong>{}</label><br>{}</li>",
            escape(&step.step),
            escape(&step.title),
            due,
            escape(&step.text)
        );
    }
    o.push_str("</ul>\n</body>\n</html>\n");
    Some(o)
}
