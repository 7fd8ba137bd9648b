/*!
A small JSON reader for the JSON the planner reads in the browser: stored
progress, settings and column choices, share links, and the `TermInfo`
cells of CIPP's report.

serde_json still writes all JSON, and reads the JSON export back. Reading
in the web app goes through here instead because serde's derived readers
are generated once per type and per reader; for the handful of types the
app reads they were one of the largest parts of its wasm, while one value
tree ([`Json`]) and a short [`FromJson`] per type are small.

The grammar is RFC 8259 JSON and as strict as serde_json's reader: no
trailing commas or comments, no control characters, bad escapes or lone
surrogates in strings, nothing after the value. Nesting is capped at 128
levels, as serde_json caps it, so hostile text cannot exhaust the stack.
A typed read follows serde's derived reading of the same type (a missing
`Option` field is `None`, `#[serde(default)]` fields may be missing,
unknown fields are ignored), which the tests check against serde_json.

# Example

```
use kaizala_engine::json::{parse, read, Json};
let v = parse(r#"{"name": "臺北", "seats": [3, 4]}"#).unwrap();
assert_eq!(v.get("name").and_then(Json::as_str), Some("臺北"));
let seats: Vec<u32> = read(r#"[3, 4]"#).unwrap();
assert_eq!(seats, [3, 4]);
assert!(parse("[1, 2,]").is_none());
```
*/

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::catalog::PlanId;
use crate::model::{AutoRenew, Customer, EndDate, Status, Subscription};
use crate::model::{Field, Format};
use crate::plan::{CustomerSettings, Lang, Settings};

/// The deepest nesting accepted (serde_json's limit too).
const MAX_DEPTH: u32 = 128;

/// A JSON value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number as written in the text (checked against JSON's grammar).
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Members in the order written.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object (the last one, if repeated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// A non-negative integer written without fraction or exponent.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) if n.bytes().all(|b| b.is_ascii_digit()) => n.parse().ok(),
            _ => None,
        }
    }
}

/// Parses one JSON value; `None` when the text is not exactly that.
pub fn parse(text: &str) -> Option<Json> {
    let mut p = Parser { s: text, i: 0 };
    let value = p.value(0)?;
    p.ws();
    (p.i == text.len()).then_some(value)
}

/// Parses `text` and reads it as a `T`.
pub fn read<T: FromJson>(text: &str) -> Option<T> {
    T::from_json(&parse(text)?)
}

struct Parser<'a> {
    s: &'a str,
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.i).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    /// Skips white space, then `c` if it comes next.
    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        let found = self.peek() == Some(c);
        if found {
            self.i += 1;
        }
        found
    }

    fn word(&mut self, word: &str, value: Json) -> Option<Json> {
        let end = self.i + word.len();
        (self.s.get(self.i..end)? == word).then(|| {
            self.i = end;
            value
        })
    }

    fn value(&mut self, depth: u32) -> Option<Json> {
        self.ws();
        match self.peek()? {
            b'n' => self.word("null", Json::Null),
            b't' => self.word("true", Json::Bool(true)),
            b'f' => self.word("false", Json::Bool(false)),
            b'"' => self.string().map(Json::String),
            b'-' | b'0'..=b'9' => self.number(),
            b'[' if depth < MAX_DEPTH => {
                self.i += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(Json::Array(items))
            }
            b'{' if depth < MAX_DEPTH => {
                self.i += 1;
                let mut members = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.ws();
                        if self.peek() != Some(b'"') {
                            return None;
                        }
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return None;
                        }
                        members.push((key, self.value(depth + 1)?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(Json::Object(members))
            }
            _ => None,
        }
    }

    fn digits(&mut self) -> bool {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i > start
    }

    fn number(&mut self) -> Option<Json> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek()? {
            b'0' => self.i += 1,
            b'1'..=b'9' => {
                self.digits();
            }
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if !self.digits() {
                return None;
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if !self.digits() {
                return None;
            }
        }
        Some(Json::Number(self.s.get(start..self.i)?.to_string()))
    }

    /// A string, at its opening quote.
    fn string(&mut self) -> Option<String> {
        self.i += 1;
        let mut out = String::new();
        loop {
            // A run of plain characters; it ends at an ASCII byte, so on a
            // character boundary.
            let start = self.i;
            while let Some(c) = self.peek() {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(self.s.get(start..self.i)?);
            match self.peek()? {
                b'"' => {
                    self.i += 1;
                    return Some(out);
                }
                b'\\' => {
                    let c = self.s.as_bytes().get(self.i + 1).copied()?;
                    self.i += 2;
                    out.push(match c {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.escaped_char()?,
                        _ => return None,
                    });
                }
                // A raw control character.
                _ => return None,
            }
        }
    }

    /// The character of a `\u` escape (after the `u`), joining a
    /// surrogate pair.
    fn escaped_char(&mut self) -> Option<char> {
        let hi = self.hex4()?;
        if !(0xD800..0xDC00).contains(&hi) {
            // A lone low surrogate is refused by from_u32.
            return char::from_u32(hi);
        }
        if self.s.get(self.i..self.i + 2)? != "\\u" {
            return None;
        }
        self.i += 2;
        let lo = self.hex4()?;
        if !(0xDC00..0xE000).contains(&lo) {
            return None;
        }
        char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.s.get(self.i..self.i + 4)?;
        // from_str_radix alone would take a leading '+'.
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.i += 4;
        u32::from_str_radix(digits, 16).ok()
    }
}

/// A type read from a [`Json`] value the way serde's derived reader reads
/// it from the same JSON text.
pub trait FromJson: Sized {
    fn from_json(v: &Json) -> Option<Self>;
}

/// A member that must be there.
pub(crate) fn member<T: FromJson>(v: &Json, key: &str) -> Option<T> {
    T::from_json(v.get(key)?)
}

/// A member that may be missing (`Option` fields, `#[serde(default)]`).
/// The value must be an object.
pub(crate) fn member_or_default<T: FromJson + Default>(v: &Json, key: &str) -> Option<T> {
    match v {
        Json::Object(_) => v.get(key).map_or(Some(T::default()), T::from_json),
        _ => None,
    }
}

impl FromJson for String {
    fn from_json(v: &Json) -> Option<Self> {
        v.as_str().map(str::to_string)
    }
}

impl FromJson for crate::model::SharedText {
    fn from_json(v: &Json) -> Option<Self> {
        v.as_str().map(Self::from)
    }
}

impl FromJson for bool {
    fn from_json(v: &Json) -> Option<Self> {
        match v {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

impl FromJson for u64 {
    fn from_json(v: &Json) -> Option<Self> {
        v.as_u64()
    }
}

impl FromJson for u32 {
    fn from_json(v: &Json) -> Option<Self> {
        v.as_u64()?.try_into().ok()
    }
}

impl FromJson for u16 {
    fn from_json(v: &Json) -> Option<Self> {
        v.as_u64()?.try_into().ok()
    }
}

impl<T: FromJson> FromJson for Option<T> {
    /// `Some(None)` for `null`.
    fn from_json(v: &Json) -> Option<Self> {
        match v {
            Json::Null => Some(None),
            v => T::from_json(v).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Json) -> Option<Self> {
        v.as_array()?.iter().map(T::from_json).collect()
    }
}

impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(v: &Json) -> Option<Self> {
        match v.as_array()? {
            [a, b] => Some((A::from_json(a)?, B::from_json(b)?)),
            _ => None,
        }
    }
}

// The B-trees are filled by `insert`: collecting into one sorts the items
// first, with a copy of the standard sort per item type.
impl FromJson for BTreeSet<String> {
    fn from_json(v: &Json) -> Option<Self> {
        let mut set = BTreeSet::new();
        for item in v.as_array()? {
            set.insert(String::from_json(item)?);
        }
        Some(set)
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    /// A repeated key keeps its last value.
    fn from_json(v: &Json) -> Option<Self> {
        let Json::Object(members) = v else {
            return None;
        };
        let mut map = BTreeMap::new();
        for (k, v) in members {
            map.insert(k.clone(), T::from_json(v)?);
        }
        Some(map)
    }
}

impl FromJson for NaiveDate {
    fn from_json(v: &Json) -> Option<Self> {
        iso_date(v.as_str()?)
    }
}

/// A date as [`NaiveDate`]'s `Display` writes it and a date input's value
/// reads: `YYYY-MM-DD`, years before 0 or after 9999 with a sign. Like
/// chrono's own reading, month and day may have one digit.
pub fn iso_date(s: &str) -> Option<NaiveDate> {
    let (sign, s) = match s.as_bytes().first()? {
        b'+' => (1, s.get(1..)?),
        b'-' => (-1, s.get(1..)?),
        _ => (1, s),
    };
    let mut parts = s.split('-');
    let mut num = |max_len: usize| -> Option<u32> {
        let p = parts.next()?;
        let ok = !p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| p.parse().ok()).flatten()
    };
    let (y, m, d) = (num(6)?, num(2)?, num(2)?);
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(sign * i32::try_from(y).ok()?, m, d)
}

/// Reads a unit variant written by serde as its name: `names` pairs each
/// variant with its serde name.
fn variant<T: Copy>(v: &Json, names: &[(T, &str)]) -> Option<T> {
    let s = v.as_str()?;
    names.iter().find(|(_, n)| *n == s).map(|(t, _)| *t)
}

/// Serde's names of the variants of the shared enums whose types carry no
/// name method (`rename_all` on each), checked against serde in the tests.
pub(crate) const AUTO_RENEW: [(AutoRenew, &str); 3] = [
    (AutoRenew::On, "on"),
    (AutoRenew::Off, "off"),
    (AutoRenew::Unknown, "unknown"),
];

pub(crate) const FORMATS: [(Format, &str); 9] = [
    (Format::Reconciliation, "reconciliation"),
    (Format::PowerShell, "power-shell"),
    (Format::RestApi, "rest-api"),
    (Format::BulkMigration, "bulk-migration"),
    (
        Format::PartnerCenterSubscriptions,
        "partner-center-subscriptions",
    ),
    (Format::PartnerCenterCustomers, "partner-center-customers"),
    (Format::LicenseExpiryReport, "license-expiry-report"),
    (Format::CippLicenseReport, "cipp-license-report"),
    (Format::Generic, "generic"),
];

pub(crate) const FIELDS: [(Field, &str); 13] = [
    (Field::CustomerId, "customer_id"),
    (Field::CustomerName, "customer_name"),
    (Field::CustomerDomain, "customer_domain"),
    (Field::Qualification, "qualification"),
    (Field::SubscriptionId, "subscription_id"),
    (Field::Offer, "offer"),
    (Field::FriendlyName, "friendly_name"),
    (Field::Sku, "sku"),
    (Field::Seats, "seats"),
    (Field::Status, "status"),
    (Field::AutoRenew, "auto_renew"),
    (Field::EndDate, "end_date"),
    (Field::Term, "term"),
];

const STATUSES: [Status; 10] = [
    Status::Active,
    Status::Pending,
    Status::Warning,
    Status::Expired,
    Status::Suspended,
    Status::Disabled,
    Status::Deleted,
    Status::LockedOut,
    Status::NotReported,
    Status::Other,
];

impl FromJson for AutoRenew {
    fn from_json(v: &Json) -> Option<Self> {
        variant(v, &AUTO_RENEW)
    }
}

impl FromJson for Format {
    fn from_json(v: &Json) -> Option<Self> {
        variant(v, &FORMATS)
    }
}

impl FromJson for Field {
    fn from_json(v: &Json) -> Option<Self> {
        variant(v, &FIELDS)
    }
}

impl FromJson for Status {
    fn from_json(v: &Json) -> Option<Self> {
        let s = v.as_str()?;
        STATUSES.into_iter().find(|x| x.as_str() == s)
    }
}

impl FromJson for PlanId {
    fn from_json(v: &Json) -> Option<Self> {
        let s = v.as_str()?;
        PlanId::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

impl FromJson for Lang {
    fn from_json(v: &Json) -> Option<Self> {
        let s = v.as_str()?;
        [Lang::En, Lang::ZhTw].into_iter().find(|x| x.tag() == s)
    }
}

impl FromJson for EndDate {
    /// Adjacently tagged: `{"kind": "on", "date": "2021-06-30"}`,
    /// `{"kind": "never"}`, `{"kind": "unknown"}`.
    fn from_json(v: &Json) -> Option<Self> {
        match member::<String>(v, "kind")?.as_str() {
            "on" => Some(EndDate::On(member(v, "date")?)),
            kind @ ("never" | "unknown") => match v.get("date") {
                None | Some(Json::Null) if kind == "never" => Some(EndDate::Never),
                None | Some(Json::Null) => Some(EndDate::Unknown),
                _ => None,
            },
            _ => None,
        }
    }
}

impl FromJson for Customer {
    fn from_json(v: &Json) -> Option<Self> {
        Some(Customer {
            id: member_or_default(v, "id")?,
            name: member_or_default(v, "name")?,
            domain: member_or_default(v, "domain")?,
            qualification: member_or_default(v, "qualification")?,
        })
    }
}

impl FromJson for Subscription {
    fn from_json(v: &Json) -> Option<Self> {
        Some(Subscription {
            customer: member(v, "customer")?,
            id: member(v, "id")?,
            offer: member(v, "offer")?,
            friendly_name: member_or_default(v, "friendly_name")?,
            sku: member_or_default(v, "sku")?,
            seats: member_or_default(v, "seats")?,
            status: member(v, "status")?,
            auto_renew: member(v, "auto_renew")?,
            end_date: member(v, "end_date")?,
            term_months: member_or_default(v, "term_months")?,
            lines: member(v, "lines")?,
        })
    }
}

impl FromJson for CustomerSettings {
    fn from_json(v: &Json) -> Option<Self> {
        Some(CustomerSettings {
            plan_override: member_or_default(v, "plan_override")?,
            frontline: member_or_default(v, "frontline")?,
            education: member_or_default(v, "education")?,
            seats_to_cover: member_or_default(v, "seats_to_cover")?,
        })
    }
}

impl FromJson for Settings {
    fn from_json(v: &Json) -> Option<Self> {
        Some(Settings {
            as_of: member(v, "as_of")?,
            cutoff: member(v, "cutoff")?,
            lang: member_or_default(v, "lang")?,
            customers: member_or_default(v, "customers")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::DeserializeOwned;
    use serde::Serialize;

    /// Ours and serde_json's reading agree: both refuse, or both give the
    /// same value.
    fn agrees<T: FromJson + DeserializeOwned + PartialEq + std::fmt::Debug>(text: &str) {
        let ours = read::<T>(text);
        let theirs = serde_json::from_str::<T>(text).ok();
        assert_eq!(ours, theirs, "{text}");
    }

    fn round_trips<T: FromJson + Serialize + PartialEq + std::fmt::Debug>(v: &T) {
        let text = serde_json::to_string(v).unwrap();
        assert_eq!(read::<T>(&text).as_ref(), Some(v), "{text}");
        let pretty = serde_json::to_string_pretty(v).unwrap();
        assert_eq!(read::<T>(&pretty).as_ref(), Some(v), "{pretty}");
    }

    #[test]
    fn values() {
        let v = parse(" {\"a\" : [1, -2.5e3, true, false, null, \"x\"], \"b\": {}} ").unwrap();
        assert_eq!(
            v.get("a"),
            Some(&Json::Array(vec![
                Json::Number("1".into()),
                Json::Number("-2.5e3".into()),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null,
                Json::String("x".into()),
            ]))
        );
        assert_eq!(v.get("b"), Some(&Json::Object(Vec::new())));
        assert_eq!(v.get("c"), None);
        assert_eq!(parse("[]"), Some(Json::Array(Vec::new())));
        assert_eq!(parse("0"), Some(Json::Number("0".into())));
    }

    #[test]
    fn strings_and_escapes() {
        let s = |t: &str| parse(t).and_then(|v| v.as_str().map(str::to_string));
        assert_eq!(
            s(r#""a\"b\\c\/d\b\f\n\r\t""#).as_deref(),
            Some("a\"b\\c/d\u{8}\u{c}\n\r\t")
        );
        assert_eq!(s(r#""\u00e9\u81fa\ud83d\ude00""#).as_deref(), Some("é臺😀"));
        assert_eq!(s("\"臺北 (HQ)\"").as_deref(), Some("臺北 (HQ)"));
        for bad in [
            r#""\ud83d""#,
            r#""\ude00""#,
            r#""\ud83d\u0041""#,
            r#""\u+041""#,
            r#""\u12""#,
            r#""\x41""#,
            "\"a\nb\"",
            "\"a\u{1}b\"",
            "\"open",
            "\"\\",
            "\"\\u00",
        ] {
            assert_eq!(s(bad), None, "{bad:?}");
            assert!(
                serde_json::from_str::<String>(bad).is_err(),
                "serde agrees on {bad:?}"
            );
        }
    }

    #[test]
    fn refuses_what_serde_json_refuses() {
        for bad in [
            "",
            " ",
            "[1,]",
            "{\"a\":1,}",
            "[1 2]",
            "{\"a\" 1}",
            "{a:1}",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "1e+",
            "+1",
            "nul",
            "truex",
            "[1]]",
            "{} {}",
            "// c\n1",
            "'a'",
            "NaN",
            "[\"\u{0}\"]",
            "\u{feff}1",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
            assert!(
                serde_json::from_str::<serde_json::Value>(bad).is_err(),
                "serde agrees on {bad:?}"
            );
        }
    }

    #[test]
    fn nesting_is_capped_without_overflowing_the_stack() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&deep(128)).is_some());
        assert!(parse(&deep(129)).is_none());
        assert!(parse(&"[".repeat(1_000_000)).is_none());
        assert!(parse(&"{\"a\":".repeat(200_000)).is_none());
    }

    #[test]
    fn numbers_read_as_serde_reads_them() {
        for text in [
            "0",
            "-0",
            "7",
            "65535",
            "65536",
            "4294967295",
            "4294967296",
            "18446744073709551615",
            "18446744073709551616",
            "-1",
            "1.0",
            "1e2",
            "2.5",
            "\"3\"",
            "null",
            "true",
        ] {
            agrees::<u16>(text);
            agrees::<u32>(text);
            agrees::<u64>(text);
            agrees::<Option<u32>>(text);
        }
    }

    #[test]
    fn dates_read_as_display_writes_them() {
        for d in [
            NaiveDate::from_ymd_opt(2020, 2, 29),
            NaiveDate::from_ymd_opt(1, 1, 1),
            NaiveDate::from_ymd_opt(0, 12, 31),
            NaiveDate::from_ymd_opt(-44, 3, 15),
            NaiveDate::from_ymd_opt(12345, 6, 7),
            Some(NaiveDate::MIN),
            Some(NaiveDate::MAX),
        ] {
            round_trips(&d.unwrap());
        }
        for bad in [
            "\"2020-02-30\"",
            "\"2021-02-29\"",
            "\"2020-13-01\"",
            "\"2020-1-1-1\"",
            "\"2020/01/01\"",
            "\"2020-01\"",
            "\"\"",
            "\"-\"",
            "\"+-2020-01-01\"",
            "\"2020-+1-01\"",
            "\"9999999-01-01\"",
            "20200101",
        ] {
            assert_eq!(read::<NaiveDate>(bad), None, "{bad}");
            assert!(serde_json::from_str::<NaiveDate>(bad).is_err(), "{bad}");
        }
        // What a date input gives, and the single digits chrono allows.
        agrees::<NaiveDate>("\"2020-06-01\"");
        agrees::<NaiveDate>("\"2020-6-1\"");
    }

    #[test]
    fn enum_names_are_serdes() {
        for (v, name) in AUTO_RENEW {
            assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{name}\""));
            round_trips(&v);
        }
        for (v, name) in FORMATS {
            assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{name}\""));
            round_trips(&v);
        }
        for (v, name) in FIELDS {
            assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{name}\""));
            round_trips(&v);
        }
        for v in STATUSES {
            round_trips(&v);
        }
        for v in PlanId::ALL {
            round_trips(&v);
        }
        round_trips(&Lang::En);
        round_trips(&Lang::ZhTw);
        for text in [
            "\"On\"",
            "\"zh-tw\"",
            "\"power_shell\"",
            "1",
            "null",
            "\"\"",
        ] {
            agrees::<AutoRenew>(text);
            agrees::<Lang>(text);
            agrees::<Format>(text);
            agrees::<Field>(text);
            agrees::<Status>(text);
            agrees::<PlanId>(text);
        }
    }

    #[test]
    fn end_dates() {
        for e in [
            EndDate::On(NaiveDate::from_ymd_opt(2021, 6, 30).unwrap()),
            EndDate::Never,
            EndDate::Unknown,
        ] {
            round_trips(&e);
        }
        for text in [
            r#"{"kind":"never","date":null}"#,
            r#"{"date":"2021-06-30","kind":"on"}"#,
            r#"{"kind":"on"}"#,
            r#"{"kind":"on","date":null}"#,
            r#"{"kind":"never","date":"2021-06-30"}"#,
            r#"{"kind":"sometime"}"#,
            r#"{"kind":5}"#,
            r#"{}"#,
            r#""never""#,
        ] {
            agrees::<EndDate>(text);
        }
    }

    fn subscription() -> Subscription {
        Subscription {
            customer: Customer {
                id: Some("t-1".into()),
                name: Some("Contoso \"HQ\" 臺北".into()),
                domain: None,
                qualification: Some("Education".into()),
            },
            id: "s-1".into(),
            offer: "Microsoft Kaizala Pro".into(),
            friendly_name: None,
            sku: Some("KAIZALA".into()),
            seats: Some(25),
            status: Status::LockedOut,
            auto_renew: AutoRenew::Off,
            end_date: EndDate::On(NaiveDate::from_ymd_opt(2020, 9, 1).unwrap()),
            term_months: Some(12),
            lines: vec![2, 3],
        }
    }

    #[test]
    fn subscriptions_and_settings() {
        round_trips(&subscription());
        round_trips(&Customer::default());
        let mut settings = Settings::new(NaiveDate::from_ymd_opt(2020, 6, 1).unwrap());
        round_trips(&settings);
        settings.lang = Lang::ZhTw;
        settings.customers.insert(
            "id:t-1".into(),
            CustomerSettings {
                plan_override: Some(PlanId::M365A3),
                frontline: true,
                education: Some(false),
                seats_to_cover: Some(40),
            },
        );
        settings
            .customers
            .insert("name:x".into(), CustomerSettings::default());
        round_trips(&settings);
        for text in [
            r#"{"as_of":"2020-06-01","cutoff":"2020-07-01"}"#,
            r#"{"as_of":"2020-06-01","cutoff":"2020-07-01","lang":null}"#,
            r#"{"as_of":"2020-06-01","cutoff":"2020-07-01","customers":{"k":{}}}"#,
            r#"{"as_of":"2020-06-01","cutoff":"2020-07-01","customers":{"k":{"frontline":null}}}"#,
            r#"{"as_of":"2020-06-01","cutoff":"2020-07-01","customers":{"k":{"education":null,"x":[]}}}"#,
            r#"{"as_of":"2020-06-01"}"#,
            r#"{"as_of":"2020-06-01","cutoff":"2020-07-01","customers":[]}"#,
            r#"[]"#,
            r#"null"#,
        ] {
            agrees::<Settings>(text);
        }
        for text in [
            r#"{"customer":{},"id":"a","offer":"o","status":"active","auto_renew":"on","end_date":{"kind":"never"},"lines":[]}"#,
            r#"{"customer":{},"id":"a","offer":"o","status":"active","auto_renew":"on","end_date":{"kind":"never"}}"#,
            r#"{"customer":{"id":null},"id":"a","offer":"o","seats":null,"status":"active","auto_renew":"on","end_date":{"kind":"never"},"lines":[1]}"#,
            r#"{"customer":[],"id":"a","offer":"o","status":"active","auto_renew":"on","end_date":{"kind":"never"},"lines":[]}"#,
            r#"{"customer":{},"id":"a","offer":"o","status":"active","auto_renew":"on","end_date":{"kind":"never"},"lines":[],"term_months":70000}"#,
        ] {
            agrees::<Subscription>(text);
        }
    }

    #[test]
    fn collections() {
        agrees::<Vec<(Field, String)>>(r#"[["sku","SKU Id"],["seats","Qty"]]"#);
        agrees::<Vec<(Field, String)>>(r#"[["sku","SKU Id","x"]]"#);
        agrees::<Vec<(Field, String)>>(r#"[["sku"]]"#);
        agrees::<Vec<(Field, String)>>(r#"{}"#);
        agrees::<BTreeSet<String>>(r#"["b","a","b"]"#);
        agrees::<BTreeMap<String, String>>(r#"{"a":"1","b":"2","a":"3"}"#);
        agrees::<BTreeMap<String, String>>(r#"{"a":1}"#);
    }
}
