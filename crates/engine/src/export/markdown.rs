/*!
The Markdown export: a readable plan with `- [ ]` checkboxes, for a
ticket, a wiki page or an e-mail. [`to_markdown`] writes the whole plan,
[`customer_markdown`] one customer's part, ready to send to that customer.

Every value from the export (names, ids, offers) and every text is
escaped, so a customer called `*ACME* | Ltd` cannot break a table or
inject a link.
*/

use std::fmt::Write as _;

use crate::checklist::Checklist;
use crate::export::t;
use crate::i18n::{format_name, Render};
use crate::plan::{CustomerPlan, Lang, Plan};

/// Escapes Markdown's special characters (and turns newlines into spaces,
/// so a value stays in its table cell or list item).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "—".to_string())
}

fn header(out: &mut String, plan: &Plan, lang: Lang) {
    let _ = writeln!(
        out,
        "{} {} · {} {}",
        t(lang, "As of", "基準日"),
        plan.as_of,
        t(lang, "cutoff", "截止日"),
        plan.cutoff,
    );
}

/// The whole plan as Markdown.
pub fn to_markdown(plan: &Plan, lang: Lang) -> String {
    let plan = plan.in_lang(lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        t(lang, "Kaizala Pro migration plan", "Kaizala Pro 移轉計畫")
    );
    header(&mut out, &plan, lang);
    out.push('\n');
    let src = &plan.source;
    let format = src
        .format
        .map(|f| format_name(f, lang))
        .unwrap_or(t(lang, "file", "檔案"));
    let _ = match lang {
        Lang::En => writeln!(
            out,
            "Source: {}, {} rows read, {} rejected.\n",
            escape(format),
            src.rows_read,
            src.rows_rejected.len()
        ),
        Lang::ZhTw => writeln!(
            out,
            "來源：{}，讀取 {} 列，拒絕 {} 列。\n",
            escape(format),
            src.rows_read,
            src.rows_rejected.len()
        ),
    };

    let s = &plan.summary;
    let _ = writeln!(out, "## {}\n", t(lang, "Overview", "總覽"));
    let _ = match lang {
        Lang::En => writeln!(
            out,
            "{} of {} customers have Kaizala Pro: {} subscriptions, {} seats.\n",
            s.customers_with_kaizala, s.customers_in_file, s.kaizala_subscriptions, s.kaizala_seats
        ),
        Lang::ZhTw => writeln!(
            out,
            "{} 位客戶中有 {} 位使用 Kaizala Pro：共 {} 個訂閱、{} 個授權。\n",
            s.customers_in_file, s.customers_with_kaizala, s.kaizala_subscriptions, s.kaizala_seats
        ),
    };
    let _ = writeln!(
        out,
        "| {} | {} | {} |\n|---|---:|---:|",
        t(lang, "Category", "類別"),
        t(lang, "Subscriptions", "訂閱"),
        t(lang, "Seats", "授權")
    );
    for c in &s.by_category {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            c.category.label(lang),
            c.subscriptions,
            c.seats
        );
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "| {} | {} |\n|---|---:|",
        t(lang, "Urgency", "急迫程度"),
        t(lang, "Customers", "客戶")
    );
    for u in &s.by_urgency {
        let _ = writeln!(out, "| {} | {} |", u.urgency.label(lang), u.customers);
    }
    out.push('\n');

    for c in &plan.customers {
        customer_section(&mut out, c, &plan.checklist(c), lang, 2);
    }

    if !src.rows_rejected.is_empty() {
        let _ = writeln!(out, "## {}\n", t(lang, "Rejected rows", "被拒絕的列"));
        for r in &src.rows_rejected {
            let _ = match lang {
                Lang::En => writeln!(out, "- Line {}: {}", r.line, escape(&r.render(lang))),
                Lang::ZhTw => writeln!(out, "- 第 {} 列：{}", r.line, escape(&r.render(lang))),
            };
        }
        out.push('\n');
    }
    out
}

/// One customer's plan as a Markdown document; `None` when no customer
/// has this key.
pub fn customer_markdown(plan: &Plan, key: &str, lang: Lang) -> Option<String> {
    let plan = plan.in_lang(lang);
    let c = plan.customer(key)?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} — {}\n",
        t(lang, "Kaizala Pro migration", "Kaizala Pro 移轉"),
        escape(&c.display_name)
    );
    header(&mut out, &plan, lang);
    out.push('\n');
    customer_section(&mut out, c, &plan.checklist(c), lang, 1);
    Some(out)
}

fn customer_section(
    out: &mut String,
    c: &CustomerPlan,
    checklist: &Checklist,
    lang: Lang,
    level: usize,
) {
    let h = "#".repeat(level + 1);
    if level >= 2 {
        let _ = writeln!(out, "{} {}\n", "#".repeat(level), escape(&c.display_name));
    }
    let mut facts = Vec::new();
    if let Some(id) = &c.customer.id {
        facts.push(format!("{} {}", t(lang, "Tenant", "租用戶"), escape(id)));
    }
    if let Some(d) = &c.customer.domain {
        facts.push(format!("{} {}", t(lang, "domain", "網域"), escape(d)));
    }
    facts.push(format!(
        "{}{}{}",
        t(lang, "urgency", "急迫程度"),
        t(lang, ": ", "："),
        c.urgency.label(lang)
    ));
    if let Some(mb) = c.migrate_by {
        facts.push(format!("{} {}", t(lang, "migrate by", "移轉期限"), mb));
    }
    let _ = writeln!(out, "{}\n", facts.join(" · "));

    let r = &c.recommendation;
    let _ = writeln!(out, "{} {}\n", h, t(lang, "Recommendation", "建議方案"));
    let sku = r
        .sku
        .as_deref()
        .map(|s| format!(" ({})", escape(s)))
        .unwrap_or_default();
    let qty = match r.quantity {
        Some(q) => match lang {
            Lang::En => format!(", {q} to buy"),
            Lang::ZhTw => format!("，需購買 {q} 個"),
        },
        None => String::new(),
    };
    let _ = writeln!(
        out,
        "**{}**{}{} · {}`{}`\n",
        escape(&r.plan),
        sku,
        qty,
        t(lang, "rule: ", "規則："),
        r.family.as_str()
    );
    let _ = writeln!(out, "{}\n", escape(&r.reason));
    for cv in &r.caveats {
        let _ = writeln!(
            out,
            "> **{}** {}\n",
            t(lang, "Caveat:", "注意："),
            escape(&cv.text)
        );
    }
    for a in &r.assumptions {
        let _ = writeln!(
            out,
            "- {} {}",
            t(lang, "Assumption:", "假設："),
            escape(&a.text)
        );
    }
    if !r.assumptions.is_empty() {
        out.push('\n');
    }
    if !c.alternatives.is_empty() {
        let _ = writeln!(out, "{}\n", t(lang, "Alternatives:", "其他選擇："));
        for a in &c.alternatives {
            let _ = match lang {
                Lang::En => writeln!(
                    out,
                    "- {} ({}): {}",
                    escape(&a.plan),
                    escape(&a.sku),
                    escape(&a.why.text)
                ),
                Lang::ZhTw => writeln!(
                    out,
                    "- {}（{}）：{}",
                    escape(&a.plan),
                    escape(&a.sku),
                    escape(&a.why.text)
                ),
            };
        }
        out.push('\n');
    }
    if !c.coverage.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            t(
                lang,
                "Plans it already has that include Kaizala:",
                "已有且包含 Kaizala 的方案："
            )
        );
        for cv in &c.coverage {
            let seats = cv
                .seats
                .map(|n| n.to_string())
                .unwrap_or_else(|| "?".into());
            let _ = writeln!(
                out,
                "- {} · {} · {} {}",
                escape(&cv.product),
                escape(&cv.id),
                seats,
                t(lang, "seats", "個授權")
            );
        }
        out.push('\n');
    }

    let _ = writeln!(
        out,
        "{} {}\n",
        h,
        t(lang, "Kaizala Pro subscriptions", "Kaizala Pro 訂閱")
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---:|---|---|---|---|",
        t(lang, "Subscription", "訂閱"),
        t(lang, "Offer", "供應項目"),
        t(lang, "Seats", "授權"),
        t(lang, "End date", "到期日"),
        t(lang, "Service stops", "服務停止"),
        t(lang, "Migrate by", "移轉期限"),
        t(lang, "Category", "類別"),
    );
    for s in &c.subscriptions {
        let end = match s.end_date {
            crate::model::EndDate::On(d) => d.to_string(),
            crate::model::EndDate::Never => t(lang, "never", "永不").to_string(),
            crate::model::EndDate::Unknown => "—".to_string(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            escape(&s.id),
            escape(&s.offer),
            s.seats.map(|n| n.to_string()).unwrap_or_else(|| "?".into()),
            end,
            date(s.expires_on),
            date(s.migrate_by),
            s.category.label(lang),
        );
    }
    out.push('\n');
    for s in &c.subscriptions {
        for n in &s.notes {
            let _ = writeln!(
                out,
                "- {}{}{}",
                escape(&s.id),
                t(lang, ": ", "："),
                escape(&n.text)
            );
        }
    }
    if c.subscriptions.iter().any(|s| !s.notes.is_empty()) {
        out.push('\n');
    }

    let _ = writeln!(out, "{} {}\n", h, t(lang, "Checklist", "檢查清單"));
    if checklist.steps.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            t(
                lang,
                "Nothing to do: every Kaizala Pro subscription is already inactive.",
                "無需處理：所有 Kaizala Pro 訂閱都已停用。"
            )
        );
    }
    for step in &checklist.steps {
        let due = match (step.due, lang) {
            (Some(d), Lang::En) => format!(" (due {})", d),
            (Some(d), Lang::ZhTw) => format!("（期限 {}）", d),
            (None, _) => String::new(),
        };
        let _ = writeln!(
            out,
            "- [ ] **{}. {}**{}{}{}",
            step.step,
            escape(&step.title),
            due,
            t(lang, ": ", "："),
            escape(&step.text)
        );
    }
    out.push('\n');
}
