/*!
Each view's address: the overview with its search, filters, sort and
page, or one customer. The address lives in the URL fragment
(`#/?q=contoso&sort=seats&desc=1&pages=2`, `#/customer/id%3A…`), so a
static server needs no rewrite rules and a share link (`#share=…`) is
never mistaken for a view.

Parsing reads untrusted text (an address typed or pasted by anyone): an
unknown parameter is ignored and a bad value keeps its default, so every
fragment gives some view.
*/

use super::{SortKey, TableState, View};
use kaizala_engine::plan::Urgency;

/// A view and the table state its address carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub view: View,
    pub table: TableState,
}

impl Route {
    /// The route of a fragment (with or without its `#`); `None` when the
    /// fragment is not a view's address (empty, or a share link).
    pub fn parse(fragment: &str) -> Option<Route> {
        let f = fragment.strip_prefix('#').unwrap_or(fragment);
        let rest = f.strip_prefix('/')?;
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let view = match path.split_once('/') {
            None if path.is_empty() => View::Overview,
            Some(("customer", key)) if !key.is_empty() => View::Customer(decode(key)),
            _ => View::Overview,
        };
        let mut table = TableState::default();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match name {
                "q" => table.search = value,
                "urgency" => table.urgency = Urgency::ALL.into_iter().find(|u| u.as_str() == value),
                "sort" => {
                    if let Some(key) = sort_key(&value) {
                        table.sort = key;
                    }
                }
                "desc" => table.descending = value == "1",
                "reseller" => table.reseller = Some(value),
                "group" => table.by_reseller = value == "1",
                "pages" => {
                    // More pages than any export has rows for would only
                    // ask for work: capped.
                    if let Ok(n) = value.parse::<usize>() {
                        table.pages = n.clamp(1, 10_000);
                    }
                }
                _ => {}
            }
        }
        Some(Route { view, table })
    }

    /// The fragment, `#` included. Defaults are left out, so the
    /// overview as it first opens is plain `#/`.
    pub fn to_fragment(&self) -> String {
        let path = match &self.view {
            View::Overview => String::new(),
            View::Customer(key) => format!("customer/{}", encode(key)),
        };
        let t = &self.table;
        let d = TableState::default();
        let mut query: Vec<String> = Vec::new();
        if !t.search.is_empty() {
            query.push(format!("q={}", encode(&t.search)));
        }
        if let Some(u) = t.urgency {
            query.push(format!("urgency={}", u.as_str()));
        }
        if t.sort != d.sort {
            query.push(format!("sort={}", sort_name(t.sort)));
        }
        if t.descending != d.descending {
            query.push(format!("desc={}", u8::from(t.descending)));
        }
        if let Some(r) = &t.reseller {
            query.push(format!("reseller={}", encode(r)));
        }
        if t.by_reseller {
            query.push("group=1".to_string());
        }
        if t.pages > 1 {
            query.push(format!("pages={}", t.pages));
        }
        if query.is_empty() {
            format!("#/{path}")
        } else {
            format!("#/{path}?{}", query.join("&"))
        }
    }
}

fn sort_name(key: SortKey) -> &'static str {
    match key {
        SortKey::Urgency => "urgency",
        SortKey::Customer => "customer",
        SortKey::Seats => "seats",
        SortKey::Plan => "plan",
        SortKey::Progress => "progress",
    }
}

fn sort_key(name: &str) -> Option<SortKey> {
    [
        SortKey::Urgency,
        SortKey::Customer,
        SortKey::Seats,
        SortKey::Plan,
        SortKey::Progress,
    ]
    .into_iter()
    .find(|k| sort_name(*k) == name)
}

/// Percent-encodes everything but unreserved characters, so that keys
/// such as `name:contoso & co` survive in a fragment.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b':') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Undoes [`encode`] (and `+` as a space, as forms write it); a broken
/// escape is kept as written, and bytes that are not UTF-8 become U+FFFD.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    char::from(b).to_digit(16).map(|d| d as u8)
}
