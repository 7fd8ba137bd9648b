/*!
CIPP's all-tenants license report, which holds a row's subscriptions as a
JSON array in its `TermInfo` cell: each entry becomes a subscription from
the same line.
*/

use super::builder::Builder;
use super::drafts::Draft;
use crate::import::values::{
    parse_bool, parse_date, parse_quantity, parse_status, parse_term, DateCell,
};
use crate::model::{Status, Subscription};

impl Builder {
    /// CIPP's all-tenants report holds a row's subscriptions as JSON in
    /// `TermInfo`; each entry becomes a subscription from the same line.
    /// Returns false when the cell holds no usable entry.
    pub(super) fn cipp_terms(&mut self, line: u64, base: &Subscription, json: &str) -> bool {
        let Ok(serde_json::Value::Array(entries)) = serde_json::from_str(json) else {
            return false;
        };
        let mut any = false;
        for e in entries.iter().take(1000) {
            let get = |k: &str| {
                e.get(k).and_then(|v| match v {
                    serde_json::Value::String(s) => Some(s.trim().to_string()),
                    // Integers as written (`12`); other numbers as serde_json
                    // writes them (`2.5`).
                    serde_json::Value::Number(n) => Some(n.to_string()),
                    serde_json::Value::Bool(b) => Some(b.to_string()),
                    _ => None,
                })
            };
            let mut sub = base.clone();
            if let Some(id) = get("CSPSubscriptionId")
                .filter(|s| !s.is_empty())
                .or_else(|| get("SubscriptionId"))
            {
                sub.id = id.into();
            }
            if let Some(s) = get("Status") {
                sub.status = parse_status(&s).unwrap_or(Status::Other);
            }
            if let Some(Some(Some(q))) = get("TotalLicenses").map(|q| parse_quantity(&q)) {
                sub.seats = u32::try_from(q).ok();
            }
            if let Some(Some(Some(trial))) = get("IsTrial").map(|t| parse_bool(&t)) {
                sub.trial = trial || sub.trial;
            }
            if let Some(Some(t)) = get("Term").map(|t| parse_term(&t)) {
                sub.term_months = t;
            }
            let end = match get("NextLifecycle").map(|d| parse_date(&d)) {
                Some(Ok((c, flags))) => {
                    self.evidence.observe(line, &c, flags);
                    c
                }
                _ => DateCell::Blank,
            };
            self.drafts.push(Draft {
                sub,
                first_end: (line, end),
                pick: None,
            });
            any = true;
        }
        any
    }
}
