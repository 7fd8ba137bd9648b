/*!
An import's result as compact bytes, to hand it from the Web Worker that
ran the import to the page, and read back there a step at a time.

A serde_json round trip of a large [`Import`] costs about as much as the
import itself, and the generic binary serde formats either cannot read the
model's adjacently tagged enums or are slower than JSON. So the bulk of a
result (its subscriptions and customers) is written here by hand, as small
integers and each distinct text once. Reading makes each text's `Arc<str>`
once and shares it, as the importer does. The rest (users lists and
report, a mapping request, an error) is small and stays serde_json; a
report's rejected rows and notes, whose JSON is an English sentence, are
written again after it, typed (see `report`).

Layout (integers are LEB128 varints unless said otherwise):

```text
"KZPK" version:u8 kind:u8
kind 1: len JSON of the whole Result<ImportOutcome, ImportError>
        [report section, unless the result is an error]
kind 0: subscriptions customers len JSON(the Import without those two)
        report section
        subscriptions × (customer id offer friendly_name sku seats
                          flags:u8 [days] term trial:u8 lines)
        customers × customer
```

A text is `2 × len + 1` and its UTF-8 bytes where first met, which adds it
to a table of texts; after that, `2 × (index + 1)`; 0 is none. Texts are
not written in a table apart: reading then makes each `Arc` while its bytes
are in cache, and most texts (subscription ids) are met once and never
looked up; an upfront table was no faster to read and slower to write. A
customer is five optional texts. Numbers that may be absent are 0, or the
number plus one. `flags` holds the status, auto-renew and end-date kind;
`days` (for an end date) is days from the Common Era, zigzagged. `lines`
is a count, then each line as the zigzagged difference from the line before
it (across subscriptions), since lines mostly rise.

The bytes only travel between two copies of one build, so there is no
compatibility to keep: a change of layout bumps `VERSION`, and bytes of
another version are refused. Any bytes at all are read without panicking
or allocating much more than they could hold.
*/

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{ImportError, ImportOutcome};
use crate::model::{
    AutoRenew, Customer, EndDate, Import, ImportReport, SharedText, Status, Subscription, UsersList,
};
use PackErrorKind::*;

mod report;
mod report_read;

const MAGIC: &[u8; 4] = b"KZPK";
const VERSION: u8 = 2;
const KIND_READY: u8 = 0;
const KIND_JSON: u8 = 1;

// The fewest bytes an item takes, to cap what a hostile count preallocates.
const MIN_SUB_BYTES: usize = 14;
const MIN_CUSTOMER_BYTES: usize = 5;

/// Bytes that are not a packed result of this build: a kind and the byte
/// offset where reading stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackError {
    /// What was wrong.
    pub kind: PackErrorKind,
    /// Where the value that could not be read starts.
    pub offset: usize,
}

/// What was wrong with bytes given to [`unpack`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackErrorKind {
    /// Wrong magic or version: not packed, or packed by another build.
    NotPacked,
    /// The bytes end inside a value.
    Truncated,
    /// A text that is not UTF-8.
    BadText,
    /// A text index past the end of the table.
    BadIndex,
    /// An enum tag, a date, a number, the JSON part, or bytes after the end.
    BadValue,
}

/// A ready import without its subscriptions and customers, borrowed to
/// write it as JSON, which reads back as an [`Import`].
#[derive(Serialize)]
struct Rest<'a> {
    subscriptions: [Subscription; 0],
    customers: [Customer; 0],
    users: &'a [UsersList],
    report: &'a ImportReport,
}

/// Packs an import's result; [`unpack`] or [`Unpacker`] reads it back.
pub fn pack(result: &Result<ImportOutcome, ImportError>) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.push(VERSION);
    let Ok(ImportOutcome::Ready(import)) = result else {
        out.push(KIND_JSON);
        // Serialising these types cannot fail (no maps with non-text
        // keys); were it to, the empty JSON is refused on reading and the
        // page falls back to importing by itself.
        put_blob(&mut out, &serde_json::to_vec(result).unwrap_or_default());
        if let Some(r) = report::report_of(result) {
            report::put(&mut out, r);
        }
        return out;
    };
    let rest = Rest {
        subscriptions: [],
        customers: [],
        users: &import.users,
        report: &import.report,
    };
    let json = serde_json::to_vec(&rest).unwrap_or_default();
    let n = import.subscriptions.len();
    out.reserve(json.len() + n * 100 + 64);
    out.push(KIND_READY);
    put_varint(&mut out, n as u64);
    put_varint(&mut out, import.customers.len() as u64);
    put_blob(&mut out, &json);
    report::put(&mut out, &import.report);
    let mut packer = Packer {
        texts: FxHashMap::with_capacity_and_hasher(n * 3 + 64, Default::default()),
        body: out,
        prev_line: 0,
    };
    for s in &import.subscriptions {
        packer.subscription(s);
    }
    for c in &import.customers {
        packer.customer(c);
    }
    packer.body
}

/// Writes records, and each text in full where it is first met.
struct Packer<'a> {
    texts: FxHashMap<&'a str, u32>,
    body: Vec<u8>,
    prev_line: u64,
}

impl<'a> Packer<'a> {
    fn text(&mut self, s: &'a str) {
        let next = self.texts.len() as u32;
        let mut new = false;
        let index = *self.texts.entry(s).or_insert_with(|| {
            new = true;
            next
        });
        if new {
            self.put((s.len() as u64) << 1 | 1);
            self.body.extend_from_slice(s.as_bytes());
        } else {
            self.put((u64::from(index) + 1) << 1);
        }
    }

    fn put(&mut self, v: u64) {
        put_varint(&mut self.body, v);
    }

    fn put_opt(&mut self, v: Option<impl Into<u64>>) {
        self.put(v.map_or(0, |n| n.into() + 1));
    }

    fn opt_text(&mut self, s: &'a Option<SharedText>) {
        match s {
            Some(s) => self.text(s),
            None => self.body.push(0),
        }
    }

    // A field added to the model breaks the build in `Reader`'s struct
    // literals, which must then read it; written here, it round-trips.
    fn customer(&mut self, c: &'a Customer) {
        self.opt_text(&c.id);
        self.opt_text(&c.name);
        self.opt_text(&c.domain);
        self.opt_text(&c.qualification);
        self.opt_text(&c.reseller_mpn_id);
    }

    fn subscription(&mut self, s: &'a Subscription) {
        self.customer(&s.customer);
        self.text(&s.id);
        self.text(&s.offer);
        self.opt_text(&s.friendly_name);
        self.opt_text(&s.sku);
        self.put_opt(s.seats);
        let (end_kind, days) = match s.end_date {
            EndDate::On(d) => (0, Some(d.num_days_from_ce())),
            EndDate::Never => (1, None),
            EndDate::Unknown => (2, None),
        };
        let flags = status_tag(s.status) | auto_renew_tag(s.auto_renew) << 4 | end_kind << 6;
        self.body.push(flags);
        if let Some(days) = days {
            self.put(zigzag(i64::from(days)));
        }
        self.put_opt(s.term_months);
        self.body.push(u8::from(s.trial));
        self.put(s.lines.len() as u64);
        for &line in &s.lines {
            self.put(zigzag(line.wrapping_sub(self.prev_line) as i64));
            self.prev_line = line;
        }
    }
}

// Matched exhaustively, so that a new variant breaks the build here;
// `every_tag_reads_back` (in `report`) checks that the tables below agree.
fn status_tag(s: Status) -> u8 {
    match s {
        Status::Active => 0,
        Status::Pending => 1,
        Status::Warning => 2,
        Status::Expired => 3,
        Status::Suspended => 4,
        Status::Disabled => 5,
        Status::Deleted => 6,
        Status::LockedOut => 7,
        Status::NotReported => 8,
        Status::Other => 9,
    }
}

/// A status tag is its place here ([`status_tag`] is held to it by a test).
const STATUSES: [Status; 10] = Status::ALL;

fn auto_renew_tag(a: AutoRenew) -> u8 {
    match a {
        AutoRenew::On => 0,
        AutoRenew::Off => 1,
        AutoRenew::Unknown => 2,
    }
}

const AUTO_RENEWS: [AutoRenew; 3] = [AutoRenew::On, AutoRenew::Off, AutoRenew::Unknown];

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_blob(out: &mut Vec<u8>, bytes: &[u8]) {
    put_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

/// Reads all of a packed result at once.
pub fn unpack(bytes: &[u8]) -> Result<Result<ImportOutcome, ImportError>, PackError> {
    let mut unpacker = Unpacker::new(bytes);
    loop {
        if let Some(result) = unpacker.step(usize::MAX) {
            return result;
        }
    }
}

/// A packed result read back a step at a time.
pub struct Unpacker<'a> {
    r: Reader<'a>,
    state: State,
}

enum State {
    Start,
    Reading(Box<Partial>),
    /// The result was given; an error is kept to give again.
    Finished(Option<PackError>),
}

/// A ready import being read: counts from the header, what is read so far.
struct Partial {
    subscriptions: usize,
    customers: usize,
    import: Import,
    table: Vec<SharedText>,
    prev_line: u64,
}

impl<'a> Unpacker<'a> {
    /// Starts reading `bytes`; nothing is read until [`Unpacker::step`].
    pub fn new(bytes: &'a [u8]) -> Unpacker<'a> {
        Unpacker {
            r: Reader { bytes, pos: 0 },
            state: State::Start,
        }
    }

    /// Reads up to about `budget` more items (subscriptions with the texts
    /// they bring, customers; the header and JSON part count as one);
    /// `None` while not done, `Some(result)` once done. Called again after
    /// that, it gives the same error, or `Truncated` after a result.
    pub fn step(
        &mut self,
        budget: usize,
    ) -> Option<Result<Result<ImportOutcome, ImportError>, PackError>> {
        let out = self.advance(budget.max(1)).transpose()?;
        self.state = State::Finished(out.as_ref().err().cloned());
        Some(out)
    }

    /// Fraction done, 0.0..=1.0, for a progress bar.
    pub fn done(&self) -> f64 {
        match &self.state {
            State::Start => 0.0,
            State::Reading(p) => {
                let total = 1.0 + p.subscriptions as f64 + p.customers as f64;
                let read = 1 + p.import.subscriptions.len() + p.import.customers.len();
                (read as f64 / total).min(1.0)
            }
            State::Finished(_) => 1.0,
        }
    }

    fn advance(
        &mut self,
        mut budget: usize,
    ) -> Result<Option<Result<ImportOutcome, ImportError>>, PackError> {
        let r = &mut self.r;
        let p = match &mut self.state {
            State::Start => match header(r)? {
                Header::Whole(result) => return Ok(Some(result)),
                Header::Ready(p) => {
                    self.state = State::Reading(Box::new(p));
                    return Ok(None);
                }
            },
            State::Reading(p) => p,
            State::Finished(e) => return Err(e.clone().unwrap_or(r.fail(Truncated))),
        };
        let (subs, custs) = (&mut p.import.subscriptions, &mut p.import.customers);
        while subs.len() < p.subscriptions && budget > 0 {
            subs.push(r.subscription(&mut p.table, &mut p.prev_line)?);
            budget -= 1;
        }
        while custs.len() < p.customers && budget > 0 {
            custs.push(r.customer(&mut p.table)?);
            budget -= 1;
        }
        if subs.len() < p.subscriptions || custs.len() < p.customers {
            return Ok(None);
        }
        r.end()?;
        let State::Reading(p) = std::mem::replace(&mut self.state, State::Finished(None)) else {
            return Err(r.fail(BadValue));
        };
        Ok(Some(Ok(ImportOutcome::Ready(p.import))))
    }
}

enum Header {
    Whole(Result<ImportOutcome, ImportError>),
    Ready(Partial),
}

fn header(r: &mut Reader) -> Result<Header, PackError> {
    if r.take(MAGIC.len())? != MAGIC {
        return Err(err(NotPacked, 0));
    }
    if r.byte()? != VERSION {
        return Err(err(NotPacked, MAGIC.len()));
    }
    match r.byte()? {
        KIND_JSON => {
            let mut result = r.json()?;
            if let Some(rep) = report::report_of_mut(&mut result) {
                report_read::read(r, rep)?;
            }
            r.end()?;
            Ok(Header::Whole(result))
        }
        KIND_READY => {
            let (subscriptions, customers): (usize, usize) = (r.number()?, r.number()?);
            let mut import: Import = r.json()?;
            report_read::read(r, &mut import.report)?;
            let left = r.bytes.len().saturating_sub(r.pos);
            import.subscriptions = Vec::with_capacity(subscriptions.min(left / MIN_SUB_BYTES));
            import.customers = Vec::with_capacity(customers.min(left / MIN_CUSTOMER_BYTES));
            Ok(Header::Ready(Partial {
                subscriptions,
                customers,
                import,
                table: Vec::new(),
                prev_line: 0,
            }))
        }
        _ => Err(err(BadValue, MAGIC.len() + 1)),
    }
}

fn err(kind: PackErrorKind, offset: usize) -> PackError {
    PackError { kind, offset }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn fail(&self, kind: PackErrorKind) -> PackError {
        err(kind, self.pos)
    }

    #[inline]
    fn byte(&mut self) -> Result<u8, PackError> {
        let b = *self.bytes.get(self.pos).ok_or(err(Truncated, self.pos))?;
        self.pos += 1;
        Ok(b)
    }

    #[inline]
    fn varint(&mut self) -> Result<u64, PackError> {
        let first = self.byte()?;
        if first < 0x80 {
            return Ok(u64::from(first));
        }
        let at = self.pos - 1;
        let mut v = u64::from(first & 0x7f);
        for shift in (7..64).step_by(7) {
            let b = self.byte().map_err(|_| err(Truncated, at))?;
            // The tenth byte holds the top bit only; more would overflow.
            if shift == 63 && b > 1 {
                break;
            }
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(err(BadValue, at))
    }

    /// A varint that must fit `T`.
    #[inline]
    fn number<T: TryFrom<u64>>(&mut self) -> Result<T, PackError> {
        let at = self.pos;
        T::try_from(self.varint()?).map_err(|_| err(BadValue, at))
    }

    /// A number that may be absent: 0, or the number plus one.
    #[inline]
    fn opt_number<T: TryFrom<u64>>(&mut self) -> Result<Option<T>, PackError> {
        let at = self.pos;
        match self.varint()? {
            0 => Ok(None),
            v => T::try_from(v - 1).map(Some).map_err(|_| err(BadValue, at)),
        }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], PackError> {
        let end = self.pos.checked_add(n);
        let bytes = end
            .and_then(|end| self.bytes.get(self.pos..end))
            .ok_or_else(|| self.fail(Truncated))?;
        self.pos += n;
        Ok(bytes)
    }

    fn json<T: serde::de::DeserializeOwned>(&mut self) -> Result<T, PackError> {
        let at = self.pos;
        let n = self.number()?;
        let bytes = self.take(n).map_err(|_| err(Truncated, at))?;
        serde_json::from_slice(bytes).map_err(|_| err(BadValue, at))
    }

    fn end(&self) -> Result<(), PackError> {
        let end = self.pos == self.bytes.len();
        end.then_some(()).ok_or(self.fail(BadValue))
    }

    /// A text given by its first use, which adds it to `table`, or met
    /// before.
    #[inline]
    fn opt_text(&mut self, table: &mut Vec<SharedText>) -> Result<Option<SharedText>, PackError> {
        let at = self.pos;
        let v = self.varint()?;
        if v == 0 {
            return Ok(None);
        }
        if v & 1 == 0 {
            return usize::try_from((v >> 1) - 1)
                .ok()
                .and_then(|i| table.get(i))
                .map(|t| Some(t.clone()))
                .ok_or_else(|| err(BadIndex, at));
        }
        let n = usize::try_from(v >> 1).unwrap_or(usize::MAX);
        let bytes = self.take(n).map_err(|_| err(Truncated, at))?;
        let text = std::str::from_utf8(bytes).map_err(|_| err(BadText, at))?;
        let text = SharedText::from(text);
        table.push(text.clone());
        Ok(Some(text))
    }

    #[inline]
    fn text(&mut self, table: &mut Vec<SharedText>) -> Result<SharedText, PackError> {
        let at = self.pos;
        self.opt_text(table)?.ok_or_else(|| err(BadValue, at))
    }

    fn customer(&mut self, table: &mut Vec<SharedText>) -> Result<Customer, PackError> {
        Ok(Customer {
            id: self.opt_text(table)?,
            name: self.opt_text(table)?,
            domain: self.opt_text(table)?,
            qualification: self.opt_text(table)?,
            reseller_mpn_id: self.opt_text(table)?,
        })
    }

    fn subscription(
        &mut self,
        table: &mut Vec<SharedText>,
        prev_line: &mut u64,
    ) -> Result<Subscription, PackError> {
        let (customer, id, offer) = (self.customer(table)?, self.text(table)?, self.text(table)?);
        let (friendly_name, sku) = (self.opt_text(table)?, self.opt_text(table)?);
        let seats = self.opt_number()?;
        let at = self.pos;
        let flags = self.byte()?;
        let status = STATUSES.get(usize::from(flags & 0x0f));
        let auto_renew = AUTO_RENEWS.get(usize::from(flags >> 4 & 0x03));
        let (Some(&status), Some(&auto_renew)) = (status, auto_renew) else {
            return Err(err(BadValue, at));
        };
        let end_date = match flags >> 6 {
            0 => {
                let at = self.pos;
                let days = i32::try_from(unzigzag(self.varint()?)).ok();
                let date = days.and_then(NaiveDate::from_num_days_from_ce_opt);
                EndDate::On(date.ok_or_else(|| err(BadValue, at))?)
            }
            1 => EndDate::Never,
            2 => EndDate::Unknown,
            _ => return Err(err(BadValue, at)),
        };
        let term_months = self.opt_number()?;
        let at = self.pos;
        let trial = match self.byte()? {
            0 => false,
            1 => true,
            _ => return Err(err(BadValue, at)),
        };
        let n: usize = self.number()?;
        let mut lines = Vec::with_capacity(n.min(self.bytes.len().saturating_sub(self.pos)));
        for _ in 0..n {
            *prev_line = prev_line.wrapping_add(unzigzag(self.varint()?) as u64);
            lines.push(*prev_line);
        }
        Ok(Subscription {
            customer,
            id,
            offer,
            friendly_name,
            sku,
            seats,
            status,
            auto_renew,
            end_date,
            term_months,
            trial,
            lines,
        })
    }
}
