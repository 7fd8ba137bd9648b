/*!
Stage two: CSV records → typed subscriptions (or customers), with every
row accounted for.

[`Builder::row`] takes one record at a time, so the whole file is walked
once and only the mapped cells are looked at; [`Builder::finish`] then
settles what needs all rows first: the day/month order of the end-date
column, and the seat count of reconciliation subscriptions.

# The reconciliation file

It has one row per *charge*, so several rows make one subscription; they
are merged on `SyndicationPartnerSubscriptionNumber` (the Partner Center
subscription id; its `SubscriptionId` column is another id). The merged
subscription lists every row's line. Its end date is the latest
`SubscriptionEndDate` of its rows (a renewal moves it). Its seat count is
the `Quantity` of the most relevant charge:

1. a *standing* charge, whose quantity is the seats in force: cycle fee /
   cycle charge, renewal, purchase or activation fee (without "prorate",
   "credit", "cancel", "refund" or "remove");
2. else a charge of a type the importer does not know;
3. never a *change* (`addQuantity`, prorated purchases, conversions) or a
   *removal* (`removeQuantity`, `cancel`, credits), whose quantity is only
   the change: a subscription with only those rows gets no seat count, and
   a note says so.

Within the best kind, the charge with the latest `ChargeStartDate` wins
(the file's documented month-first dates), then the later line.
*/

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::BuildHasher as _;

/// Maps looked up once per row, so with a fast hasher.
type FxMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;

use chrono::NaiveDate;

use super::columns::{field_label, Mapping};
use super::records::Record;
use super::values::{
    numeric_text, numeric_to_date, parse_bool, parse_date, parse_quantity, parse_status,
    parse_term, DateCell, DateFlags,
};
use super::{DateOrder, Field, Format, ImportOptions, RejectedRow, MAX_FIELD_BYTES};
use crate::model::{AutoRenew, Customer, EndDate, SharedText, Status, Subscription};

/// How many rows a mapping request previews.
pub(crate) const PREVIEW_ROWS: usize = 5;

/// What the end-date column's values say about day/month order.
#[derive(Debug, Default)]
pub(crate) struct DateEvidence {
    /// Values whose first number is over 12 (`25/07/2020`).
    day_first: u64,
    day_first_example: Option<(u64, String)>,
    /// Values whose second number is over 12 (`7/25/2020`).
    month_first: u64,
    month_first_example: Option<(u64, String)>,
    /// Values with two numbers that differ and are both 12 or less.
    undecided: u64,
    /// Up to three distinct undecided values, as written (numbers and separator).
    undecided_examples: Vec<(u8, u8, u16, u8)>,
    /// All numeric values, and those written with dots (`01.07.2020`).
    numeric: u64,
    dotted: u64,
    twelve_hour: u64,
    excel_serial: u64,
    two_digit_year: u64,
}

impl DateEvidence {
    fn observe(&mut self, line: u64, cell: &DateCell, flags: DateFlags) {
        self.twelve_hour += u64::from(flags.twelve_hour);
        self.excel_serial += u64::from(flags.excel_serial);
        self.two_digit_year += u64::from(flags.two_digit_year);
        let DateCell::Numeric {
            first,
            second,
            year,
            sep,
        } = *cell
        else {
            return;
        };
        self.numeric += 1;
        self.dotted += u64::from(sep == b'.');
        let text = || numeric_text(first, second, year, sep);
        if first > 12 {
            self.day_first += 1;
            self.day_first_example.get_or_insert_with(|| (line, text()));
        } else if second > 12 {
            self.month_first += 1;
            self.month_first_example
                .get_or_insert_with(|| (line, text()));
        } else if first != second {
            self.undecided += 1;
            let e = (first, second, year, sep);
            if self.undecided_examples.len() < 3 && !self.undecided_examples.contains(&e) {
                self.undecided_examples.push(e);
            }
        }
    }
}

/// A subscription being assembled, with each line's end-date cell kept
/// until the column's order is known: its first line's here, the lines
/// merged into it later in [`Builder::more_ends`] (one list for all drafts,
/// so a draft costs no allocation of its own). `finish` makes `sub.lines`
/// of those it keeps, in input order.
#[derive(Debug)]
struct Draft {
    sub: Subscription,
    first_end: (u64, DateCell),
    pick: Option<Pick>,
}

/// The first draft of each subscription id, found without a copy of the
/// id: the map holds a hash of the id, and the draft holds the id itself,
/// which a lookup compares. Ids whose hash another id already holds (rare:
/// 64 bits) are kept in full in `clashes`. One string fewer per
/// subscription matters in wasm, where allocation is slow.
#[derive(Debug)]
struct IdIndex {
    by_hash: FxMap<u64, usize>,
    clashes: FxMap<String, usize>,
    hash: fn(&str) -> u64,
}

impl Default for IdIndex {
    fn default() -> Self {
        IdIndex {
            by_hash: FxMap::default(),
            clashes: FxMap::default(),
            hash: |id| rustc_hash::FxBuildHasher.hash_one(id),
        }
    }
}

impl IdIndex {
    fn get(&self, id: &str, drafts: &[Draft]) -> Option<usize> {
        match self.by_hash.get(&(self.hash)(id)) {
            Some(&i) if drafts.get(i).is_some_and(|d| *d.sub.id == *id) => Some(i),
            Some(_) => self.clashes.get(id).copied(),
            None => None,
        }
    }

    /// Records `draft` as the first of `id`, which [`IdIndex::get`] has
    /// not found.
    fn insert(&mut self, id: &str, draft: usize, drafts: &[Draft]) {
        match self.by_hash.entry((self.hash)(id)) {
            Entry::Vacant(e) => {
                e.insert(draft);
            }
            Entry::Occupied(e) if drafts.get(*e.get()).is_some_and(|d| *d.sub.id != *id) => {
                self.clashes.entry(id.to_string()).or_insert(draft);
            }
            Entry::Occupied(_) => {}
        }
    }
}

/// The reconciliation charge whose quantity is the seat count so far.
#[derive(Clone, Copy, Debug)]
struct Pick {
    rank: u8,
    start: Option<NaiveDate>,
    line: u64,
    seats: Option<i64>,
}

impl Pick {
    fn better_than(&self, other: &Pick) -> bool {
        (self.rank, self.start, self.line) > (other.rank, other.start, other.line)
    }
}

/// Ranks a reconciliation `ChargeType` (see the module doc): 3 standing,
/// 2 unknown, 1 change, 0 removal.
pub(crate) fn charge_rank(charge_type: &str) -> u8 {
    // Compared without allocating: this runs once per charge row.
    let has = |w: &str| {
        let (h, w) = (charge_type.as_bytes(), w.as_bytes());
        h.len() >= w.len() && h.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w))
    };
    if has("cancel") || has("remove") || has("credit") || has("refund") {
        0
    } else if has("prorate") || has("add") || has("convert") || has("upgrade") {
        1
    } else if has("cycle")
        || has("renew")
        || has("purchase")
        || has("activation")
        || charge_type.trim().eq_ignore_ascii_case("new")
    {
        3
    } else {
        2
    }
}

/// Values the importer could not read and left unknown, for the notes.
#[derive(Debug, Default)]
struct Unread {
    count: u64,
    examples: Vec<String>,
}

impl Unread {
    fn add(&mut self, v: &str) {
        self.count += 1;
        if self.examples.len() < 3 && !self.examples.iter().any(|e| e == v) {
            self.examples.push(v.chars().take(40).collect());
        }
    }
}

/// Walks the records of one file.
pub(crate) struct Builder {
    format: Format,
    map: Mapping,
    headers: Vec<String>,
    delimiter: u8,
    /// The customer named after the file, for exports with no customer column.
    file_customer: Option<Customer>,
    drafts: Vec<Draft>,
    /// End-date cells of rows merged into an earlier draft: (draft, line,
    /// cell), in input order.
    more_ends: Vec<(usize, u64, DateCell)>,
    by_id: IdIndex,
    /// Drafts by their values, for ids met on more than one row, so that
    /// an exact repeat merges into the earlier row it repeats, not only
    /// into the first row of its id (else the plan depends on row order).
    by_values: FxMap<String, usize>,
    pub(crate) customers: Vec<Customer>,
    rejected: Vec<RejectedRow>,
    pub(crate) rows_read: u64,
    pub(crate) blank_lines: u64,
    pub(crate) preview: Vec<Vec<String>>,
    evidence: DateEvidence,
    unread_status: Unread,
    blank_status: u64,
    unread_renew: Unread,
    unread_term: Unread,
    differing_duplicates: Vec<String>,
    exact_duplicates: u64,
    pub(crate) notes: Vec<String>,
    /// The last charge type ranked, and its rank.
    last_charge: Option<(String, u8)>,
    /// Offers, nicknames and SKUs met lately.
    products: RecentTexts,
    /// The customer of the last row read from the file's own cells.
    last_customer: Customer,
}

/// The last few distinct texts of a column made, to share rather than
/// copy (see [`SharedText`]): an export repeats a handful of offers,
/// nicknames and SKUs. A short list compared in turn costs less than a
/// hash of every value, which measured slower than the copies it saved.
#[derive(Debug, Default)]
struct RecentTexts {
    texts: Vec<SharedText>,
    /// Where the next new text goes once the list is full.
    next: usize,
}

impl RecentTexts {
    const LEN: usize = 16;

    fn share(&mut self, text: &str) -> SharedText {
        if let Some(t) = self.texts.iter().find(|t| ***t == *text) {
            return t.clone();
        }
        let t = SharedText::from(text);
        if self.texts.len() < Self::LEN {
            self.texts.push(t.clone());
        } else {
            self.texts[self.next] = t.clone();
            self.next = (self.next + 1) % Self::LEN;
        }
        t
    }

    /// The shared text, or `None` for an empty cell.
    fn non_empty(&mut self, text: &str) -> Option<SharedText> {
        (!text.is_empty()).then(|| self.share(text))
    }
}

/// `text` as the last row had it (shared), else made anew; `None` when empty.
fn same_or_new(last: &Option<SharedText>, text: &str) -> Option<SharedText> {
    match last {
        _ if text.is_empty() => None,
        Some(t) if **t == *text => Some(t.clone()),
        _ => Some(text.into()),
    }
}

/// A subscription of which a row says only its customer, id, offer and
/// nickname, as the reconciliation file's rows do: the seats come later
/// from its charges, the end date from its lines; the rest stays unknown.
fn bare_subscription(
    customer: Customer,
    id: SharedText,
    offer: SharedText,
    friendly_name: Option<SharedText>,
) -> Subscription {
    Subscription {
        customer,
        id,
        offer,
        friendly_name,
        sku: None,
        seats: None,
        status: Status::NotReported,
        auto_renew: AutoRenew::Unknown,
        end_date: EndDate::Unknown,
        term_months: None,
        lines: Vec::new(),
    }
}

/// The settled outcome of a file's rows.
pub(crate) struct Built {
    pub(crate) subscriptions: Vec<Subscription>,
    pub(crate) customers: Vec<Customer>,
    pub(crate) rejected: Vec<RejectedRow>,
    pub(crate) rows_as_subscriptions: u64,
    pub(crate) rows_merged: u64,
    pub(crate) notes: Vec<String>,
}

/// The end-date column needs the user to say how to read it.
pub(crate) struct AmbiguousDates {
    pub(crate) question: String,
}

/// A record's cells as trimmed text.
///
/// The decoded file is valid UTF-8 and [`Records`](super::records::Records)
/// splits it only at ASCII bytes (delimiters, quotes, line ends), so a record's fields are
/// UTF-8 together and each on its own. Checking the record once, rather
/// than each cell asked for, is one call instead of ten on short strings:
/// it was a tenth of the import's time.
#[derive(Clone, Copy)]
struct Cells<'r> {
    rec: Record<'r>,
    /// The record's fields, end to end, when they are UTF-8.
    text: Option<&'r str>,
}

impl<'r> Cells<'r> {
    fn new(rec: Record<'r>) -> Cells<'r> {
        Cells {
            rec,
            text: std::str::from_utf8(rec.as_slice()).ok(),
        }
    }

    /// The cell in column `col`, trimmed; empty when the column is not
    /// mapped, the row is too short, or the cell is not UTF-8.
    fn cell(self, col: Option<usize>) -> &'r str {
        let Some(c) = col else { return "" };
        let text = match self.text {
            Some(t) => self.rec.range(c).and_then(|r| t.get(r)),
            None => self.rec.get(c).and_then(|b| std::str::from_utf8(b).ok()),
        };
        text.map_or("", trim)
    }
}

/// `str::trim`, which tests each end's characters for Unicode white space;
/// most cells start and end with a visible ASCII byte and need no trim.
fn trim(s: &str) -> &str {
    match s.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => s,
        [only] if only.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

fn delimiter_name(d: u8) -> &'static str {
    match d {
        b',' => "comma",
        b';' => "semicolon",
        b'\t' => "tab",
        b'|' => "vertical bar (|)",
        _ => "delimiter",
    }
}

impl Builder {
    pub(crate) fn new(
        map: Mapping,
        headers: Vec<String>,
        delimiter: u8,
        options: &ImportOptions,
    ) -> Builder {
        let format = map.format.unwrap_or(Format::Generic);
        let mut notes = Vec::new();
        let has_customer = [
            Field::CustomerId,
            Field::CustomerName,
            Field::CustomerDomain,
        ]
        .iter()
        .any(|f| map.get(*f).is_some());
        let file_customer = if has_customer || format == Format::PartnerCenterCustomers {
            None
        } else {
            match options
                .file_name
                .as_deref()
                .map(file_stem)
                .filter(|s| !s.is_empty())
            {
                Some(stem) => {
                    notes.push(format!(
                        "This export has no customer column, so its subscriptions were given the \
                         customer name \"{stem}\" taken from the file name. If that is not the \
                         customer, rename the file and import it again."
                    ));
                    Some(Customer {
                        name: Some(stem.into()),
                        ..Customer::default()
                    })
                }
                None => {
                    notes.push("This export has no customer column and no file name was given, so its subscriptions have no customer.".into());
                    None
                }
            }
        };
        if matches!(
            format,
            Format::LicenseExpiryReport | Format::CippLicenseReport
        ) && map.get(Field::SubscriptionId).is_none()
        {
            notes.push(
                "This license report has no Partner Center subscription ids, so its subscriptions are \
                 identified by product only; the checklist cannot name the subscription to suspend."
                    .into(),
            );
        }
        Builder {
            format,
            map,
            headers,
            delimiter,
            file_customer,
            drafts: Vec::new(),
            more_ends: Vec::new(),
            by_id: IdIndex::default(),
            by_values: FxMap::default(),
            products: RecentTexts::default(),
            last_customer: Customer::default(),
            customers: Vec::new(),
            rejected: Vec::new(),
            rows_read: 0,
            blank_lines: 0,
            preview: Vec::new(),
            evidence: DateEvidence::default(),
            unread_status: Unread::default(),
            blank_status: 0,
            unread_renew: Unread::default(),
            unread_term: Unread::default(),
            differing_duplicates: Vec::new(),
            exact_duplicates: 0,
            notes,
            last_charge: None,
        }
    }

    fn header_name(&self, col: Option<usize>) -> &str {
        col.and_then(|c| self.headers.get(c))
            .map_or("?", String::as_str)
    }

    fn reject(&mut self, line: u64, reason: String) {
        self.rejected.push(RejectedRow { line, reason });
    }

    /// Takes one record that starts on `line` and ends on `end_line`.
    /// Returns whether it was a data row (not blank).
    pub(crate) fn row(&mut self, line: u64, end_line: u64, rec: &Record<'_>) -> bool {
        let width = rec
            .iter()
            .rposition(|c| !c.iter().all(u8::is_ascii_whitespace))
            .map_or(0, |i| i + 1);
        if width == 0 {
            self.blank_lines += 1 + end_line.saturating_sub(line);
            return false;
        }
        self.rows_read += 1;
        if self.preview.len() < PREVIEW_ROWS {
            self.preview.push(
                rec.iter()
                    .take(self.headers.len().max(1) + 4)
                    .map(|c| String::from_utf8_lossy(c).chars().take(200).collect())
                    .collect(),
            );
        }
        // No field is longer than the whole record: most rows skip the search.
        let long_field = if rec.as_slice().len() > MAX_FIELD_BYTES {
            rec.iter()
                .enumerate()
                .find(|(_, c)| c.len() > MAX_FIELD_BYTES)
        } else {
            None
        };
        if let Some((i, c)) = long_field {
            let name = self
                .headers
                .get(i)
                .map_or_else(|| format!("column {}", i + 1), |h| format!("\"{h}\""));
            self.reject(line, format!(
                "line {line}: the value in {name} is {}, longer than the {} a cell may hold; the row was skipped",
                crate::i18n::import::human_size(c.len() as u64),
                crate::i18n::import::human_size(MAX_FIELD_BYTES as u64)
            ));
            return true;
        }
        let expected = self.headers.len();
        let n = rec.len();
        // Extra trailing empty fields are Excel's padding, not data.
        let extra = n > expected
            && rec
                .iter()
                .skip(expected)
                .any(|c| !c.iter().all(u8::is_ascii_whitespace));
        if n < expected || extra {
            let width = if n < expected { n } else { width };
            let span = if end_line > line {
                format!(
                    " The row runs from line {line} to line {end_line}: a quoted value in it holds line breaks, so a quote may be missing its closing partner."
                )
            } else {
                String::new()
            };
            let reason = if width > expected {
                format!(
                    "line {line}: has {width} fields, the header has {expected} — check for an unquoted {} inside a value.{span}",
                    delimiter_name(self.delimiter)
                )
            } else {
                format!(
                    "line {line}: has {width} fields, the header has {expected} — the row is cut short, or a quote swallowed a {}.{span}",
                    delimiter_name(self.delimiter)
                )
            };
            self.reject(line, reason);
            return true;
        }
        if end_line > line && self.swallowed_rows(rec) {
            self.reject(line, format!(
                "line {line}: a quoted value runs from line {line} to line {end_line} and holds what look like \
                 whole rows, so a quote is probably missing its closing partner; check the quotes on line {line}"
            ));
            return true;
        }
        if self.format == Format::PartnerCenterCustomers {
            self.customer_row(line, Cells::new(*rec));
        } else {
            self.subscription_row(line, Cells::new(*rec));
        }
        true
    }

    /// A value with a line break and two or more delimiters: rows swallowed
    /// by a stray quote, not a name written on two lines. (Exports have no
    /// address columns, where such values would be legitimate.)
    fn swallowed_rows(&self, rec: &Record<'_>) -> bool {
        let d = self.delimiter;
        rec.iter()
            .any(|c| c.contains(&b'\n') && c.iter().filter(|b| **b == d).count() >= 2)
    }

    fn customer_row(&mut self, line: u64, rec: Cells<'_>) {
        let c = self.row_customer(rec);
        if c.id.is_none() && c.name.is_none() && c.domain.is_none() {
            self.reject(
                line,
                format!("line {line}: no customer id, name or domain in this row"),
            );
            return;
        }
        self.customers.push(c);
    }

    fn subscription_row(&mut self, line: u64, rec: Cells<'_>) {
        let m = &self.map;
        let graph = matches!(
            self.format,
            Format::LicenseExpiryReport | Format::CippLicenseReport
        );
        let id_col = m.get(Field::SubscriptionId);
        let mut id = rec.cell(id_col);
        if id.is_empty() {
            id = rec.cell(m.aux.fallback_id);
        }
        let offer_col = m.get(Field::Offer);
        let sku = rec.cell(m.get(Field::Sku));
        let mut offer = rec.cell(offer_col);
        if offer.is_empty() {
            offer = sku;
        }
        if id.is_empty() && !graph && m.aux.term_info_json.is_none() {
            let name = self.header_name(id_col).to_string();
            self.reject(
                line,
                format!("line {line}: the subscription id (column \"{name}\") is empty"),
            );
            return;
        }
        if offer.is_empty() {
            let name = self.header_name(offer_col).to_string();
            self.reject(
                line,
                format!("line {line}: the offer or product name (column \"{name}\") is empty"),
            );
            return;
        }

        // The end date first: an unreadable one rejects the row.
        let end_col = m.get(Field::EndDate);
        let raw_end = rec.cell(end_col);
        let end_cell = match parse_date(raw_end) {
            Ok((c, flags)) => {
                self.evidence.observe(line, &c, flags);
                c
            }
            Err(e) => {
                let name = self.header_name(end_col).to_string();
                self.reject(
                    line,
                    format!(
                        "line {line}: the end date \"{}\" (column \"{name}\") {}",
                        clip(raw_end),
                        e.describe()
                    ),
                );
                return;
            }
        };
        let seats_col = m.get(Field::Seats);
        let mut raw_seats = rec.cell(seats_col);
        if raw_seats.is_empty() {
            raw_seats = rec.cell(m.aux.fallback_seats);
        }
        let quantity = match parse_quantity(raw_seats) {
            Some(q) => q,
            None => {
                let name = self.header_name(seats_col).to_string();
                self.reject(line, format!("line {line}: the quantity \"{}\" (column \"{name}\") is not a whole number", clip(raw_seats)));
                return;
            }
        };

        if self.format == Format::Reconciliation {
            self.recon_row(line, rec, id, offer, quantity, end_cell);
            return;
        }
        let seats = match quantity {
            Some(q) if q < 0 => {
                let name = self.header_name(seats_col).to_string();
                self.reject(
                    line,
                    format!("line {line}: the quantity {q} (column \"{name}\") is negative"),
                );
                return;
            }
            Some(q) => Some(u32::try_from(q).unwrap_or(u32::MAX)),
            None => None,
        };
        let status = self.status(rec);
        let auto_renew = self.auto_renew(rec);
        let term_months = self.term(rec);
        let sub = Subscription {
            customer: self.customer(rec),
            id: id.into(),
            offer: self.products.share(offer),
            friendly_name: self.friendly_name(rec, offer),
            sku: self.products.non_empty(sku),
            seats,
            status,
            auto_renew,
            end_date: EndDate::Unknown,
            term_months,
            // Filled in by `finish` from the draft's `ends`.
            lines: Vec::new(),
        };
        if let Some(col) = self.map.aux.term_info_json {
            let json = rec.cell(Some(col)).to_string();
            if self.cipp_terms(line, &sub, &json) {
                return;
            }
        }
        self.push_draft(sub, line, end_cell);
    }

    /// Adds a non-reconciliation subscription; an exact repeat of an earlier
    /// row (same id and values) is merged into it, a differing one kept.
    fn push_draft(&mut self, sub: Subscription, line: u64, end_cell: DateCell) {
        if !sub.id.is_empty() {
            if let Some(first) = self.by_id.get(&sub.id, &self.drafts) {
                // The first row of an id is keyed only once its id repeats.
                let d = &self.drafts[first];
                let first_key = values_key(&d.sub, Some(d.first_end.1));
                let first_line = d.first_end.0;
                self.by_values.entry(first_key).or_insert(first);
                let key = values_key(&sub, Some(end_cell));
                if let Some(&i) = self.by_values.get(&key) {
                    self.more_ends.push((i, line, end_cell));
                    self.exact_duplicates += 1;
                    return;
                }
                if self.differing_duplicates.len() < 5 {
                    self.differing_duplicates
                        .push(format!("{} (lines {first_line} and {line})", sub.id));
                }
                self.by_values.insert(key, self.drafts.len());
            } else {
                self.by_id.insert(&sub.id, self.drafts.len(), &self.drafts);
            }
        }
        self.drafts.push(Draft {
            sub,
            first_end: (line, end_cell),
            pick: None,
        });
    }

    fn recon_row(
        &mut self,
        line: u64,
        rec: Cells<'_>,
        id: &str,
        offer: &str,
        quantity: Option<i64>,
        end_cell: DateCell,
    ) {
        // A file has a handful of charge types, mostly one after another.
        let charge = rec.cell(self.map.aux.charge_type);
        let rank = match &self.last_charge {
            Some((c, rank)) if c == charge => *rank,
            _ => {
                let rank = charge_rank(charge);
                self.last_charge = Some((charge.to_string(), rank));
                rank
            }
        };
        let start = match parse_date(rec.cell(self.map.aux.charge_start)) {
            Ok((DateCell::Known(d), _)) => Some(d),
            // The reconciliation file is month-first by its documentation.
            Ok((
                DateCell::Numeric {
                    first,
                    second,
                    year,
                    ..
                },
                _,
            )) => numeric_to_date(first, second, year, false),
            _ => None,
        };
        let pick = Pick {
            rank,
            start,
            line,
            seats: quantity,
        };
        // A subscription's charge rows mostly follow one another, so the
        // last draft is tried before the map.
        let last = self.drafts.len().checked_sub(1);
        let found = match last {
            Some(i) if *self.drafts[i].sub.id == *id => Some(i),
            _ => self.by_id.get(id, &self.drafts),
        };
        if let Some(i) = found {
            self.more_ends.push((i, line, end_cell));
            let d = &mut self.drafts[i];
            if d.pick.is_none_or(|p| pick.better_than(&p)) {
                d.pick = Some(pick);
            }
            return;
        }
        let sub = bare_subscription(
            self.customer(rec),
            id.into(),
            self.products.share(offer),
            self.friendly_name(rec, offer),
        );
        self.by_id.insert(&sub.id, self.drafts.len(), &self.drafts);
        self.drafts.push(Draft {
            sub,
            first_end: (line, end_cell),
            pick: Some(pick),
        });
    }

    /// CIPP's all-tenants report holds a row's subscriptions as JSON in
    /// `TermInfo`; each entry becomes a subscription from the same line.
    /// Returns false when the cell holds no usable entry.
    fn cipp_terms(&mut self, line: u64, base: &Subscription, json: &str) -> bool {
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

    /// The row's nickname, unless it is empty or the offer again.
    fn friendly_name(&mut self, rec: Cells<'_>, offer: &str) -> Option<SharedText> {
        let f = rec.cell(self.map.get(Field::FriendlyName));
        (!f.is_empty() && f != offer).then(|| self.products.share(f))
    }

    fn customer(&mut self, rec: Cells<'_>) -> Customer {
        if let Some(c) = &self.file_customer {
            return c.clone();
        }
        self.row_customer(rec)
    }

    /// The customer the row's own cells name. A customer's rows mostly
    /// follow one another, so each value the last row had is shared.
    fn row_customer(&mut self, rec: Cells<'_>) -> Customer {
        let last = &self.last_customer;
        let c = Customer {
            id: same_or_new(&last.id, rec.cell(self.map.get(Field::CustomerId))),
            name: same_or_new(&last.name, rec.cell(self.map.get(Field::CustomerName))),
            domain: same_or_new(&last.domain, rec.cell(self.map.get(Field::CustomerDomain))),
            qualification: same_or_new(
                &last.qualification,
                rec.cell(self.map.get(Field::Qualification)),
            ),
        };
        self.last_customer = c.clone();
        c
    }

    fn status(&mut self, rec: Cells<'_>) -> Status {
        let col = self.map.get(Field::Status);
        if col.is_none() && self.map.aux.friendly_status.is_none() {
            return Status::NotReported;
        }
        let mut raw = rec.cell(col);
        if raw.is_empty() {
            raw = rec.cell(self.map.aux.friendly_status);
        }
        if raw.is_empty() {
            self.blank_status += 1;
            return Status::Other;
        }
        match parse_status(raw) {
            Some(s) => s,
            None => {
                self.unread_status.add(raw);
                Status::Other
            }
        }
    }

    fn auto_renew(&mut self, rec: Cells<'_>) -> AutoRenew {
        let Some(col) = self.map.get(Field::AutoRenew) else {
            return AutoRenew::Unknown;
        };
        let raw = rec.cell(Some(col));
        match parse_bool(raw) {
            Some(Some(true)) => AutoRenew::On,
            Some(Some(false)) => AutoRenew::Off,
            Some(None) => AutoRenew::Unknown,
            None => {
                self.unread_renew.add(raw);
                AutoRenew::Unknown
            }
        }
    }

    fn term(&mut self, rec: Cells<'_>) -> Option<u16> {
        let col = self.map.get(Field::Term)?;
        let raw = rec.cell(Some(col));
        match parse_term(raw) {
            Some(t) => t,
            None => {
                self.unread_term.add(raw);
                None
            }
        }
    }

    /// The day/month order of the end-date column: decided by its values,
    /// else by the user's answer, else by the format's documented order
    /// (said to be an assumption), else a question for the user.
    fn date_order(&mut self, asked: Option<DateOrder>) -> Result<Option<bool>, AmbiguousDates> {
        let ev = &self.evidence;
        let column = self.header_name(self.map.get(Field::EndDate)).to_string();
        if ev.numeric == 0 {
            return Ok(None);
        }
        let hint: Option<(bool, &str)> = if ev.dotted == ev.numeric {
            Some((
                true,
                "dates written with dots (01.07.2020) are day-first wherever that style is used",
            ))
        } else if self.format == Format::Reconciliation {
            Some((false, "the reconciliation file writes dates month-first (M/D/YYYY), as its documentation shows"))
        } else if self.format == Format::BulkMigration {
            Some((
                false,
                "the bulk migration tool writes dates month-first (MM/dd/yyyy)",
            ))
        } else if ev.twelve_hour > 0
            && matches!(
                self.format,
                Format::PowerShell | Format::LicenseExpiryReport | Format::CippLicenseReport
            )
        {
            Some((false, "times with AM/PM come from a US-English Windows, which writes dates month-first (M/D/YYYY)"))
        } else {
            None
        };
        let asked = asked.map(|o| o == DateOrder::DayFirst);
        let word = |day_first: bool| {
            if day_first {
                "day-first (D/M/YYYY)"
            } else {
                "month-first (M/D/YYYY)"
            }
        };
        let example = |e: &Option<(u64, String)>| {
            e.as_ref()
                .map(|(l, v)| format!("\"{v}\" on line {l}"))
                .unwrap_or_default()
        };
        let settled_by = |day_first: bool, e: &Option<(u64, String)>| {
            format!(
                "Dates in \"{column}\" were read {} because some cannot be anything else, e.g. {}.",
                word(day_first),
                example(e)
            )
        };
        let decided = match (ev.day_first > 0, ev.month_first > 0) {
            (true, false) => {
                self.notes.push(settled_by(true, &ev.day_first_example));
                Some(true)
            }
            (false, true) => {
                if ev.undecided > 0 {
                    self.notes.push(settled_by(false, &ev.month_first_example));
                }
                Some(false)
            }
            (true, true) => {
                let by_count = match ev.day_first.cmp(&ev.month_first) {
                    std::cmp::Ordering::Greater => Some(true),
                    std::cmp::Ordering::Less => Some(false),
                    std::cmp::Ordering::Equal => None,
                };
                let choice = asked.or(by_count).or(hint.map(|h| h.0));
                if let Some(c) = choice {
                    self.notes.push(format!(
                        "Dates in \"{column}\" are written both ways ({} is day-first, {} month-first); \
                         the column was read {} and the rows that contradict it were rejected.",
                        example(&ev.day_first_example),
                        example(&ev.month_first_example),
                        word(c)
                    ));
                }
                choice
            }
            (false, false) => {
                if ev.undecided == 0 {
                    None
                } else if let Some(c) = asked {
                    self.notes.push(format!(
                        "Dates in \"{column}\" were read {}, as you chose.",
                        word(c)
                    ));
                    Some(c)
                } else if let Some((c, why)) = hint {
                    self.notes.push(format!(
                        "Assumption: dates in \"{column}\" such as \"{}\" were read {}, because {why}. \
                         Nothing in the file itself confirms it; if it is wrong, import again choosing the other order.",
                        ev.undecided_examples.first().map_or(String::new(), |e| numeric_text(e.0, e.1, e.2, e.3)),
                        word(c)
                    ));
                    Some(c)
                } else {
                    None
                }
            }
        };
        if decided.is_none() && ev.undecided > 0 {
            let examples = ev
                .undecided_examples
                .iter()
                .map(|e| format!("\"{}\"", numeric_text(e.0, e.1, e.2, e.3)))
                .collect::<Vec<_>>()
                .join(", ");
            let both = if ev.day_first > 0 {
                format!(
                    " Some values are day-first ({}) and as many are month-first ({}).",
                    example(&ev.day_first_example),
                    example(&ev.month_first_example)
                )
            } else {
                " No value in the column settles it: every day and month is 12 or less.".to_string()
            };
            let first = ev
                .undecided_examples
                .first()
                .map_or(String::new(), |e| numeric_text(e.0, e.1, e.2, e.3));
            return Err(AmbiguousDates {
                question: format!(
                    "The dates in \"{column}\" can be read two ways: {examples}. For example \"{first}\" \
                     could be day-first (D/M/YYYY) or month-first (M/D/YYYY).{both} Which order does \
                     the file use?"
                ),
            });
        }
        Ok(decided)
    }

    /// Settles dates and seats and counts what became of every row.
    pub(crate) fn finish(mut self, asked: Option<DateOrder>) -> Result<Built, AmbiguousDates> {
        let day_first = self.date_order(asked)?;
        let column = self.header_name(self.map.get(Field::EndDate)).to_string();
        let mut rejected = std::mem::take(&mut self.rejected);
        let mut rejected_lines: Vec<u64> = Vec::new();
        // The merged rows' cells by draft, each draft's in input order.
        // Stable, so each draft's merged cells stay in input order.
        self.more_ends.sort_by_key(|&(draft, _, _)| draft);
        let mut more_ends = self.more_ends.as_slice();
        for (i, d) in self.drafts.iter_mut().enumerate() {
            let mut end = EndDate::Unknown;
            let n = more_ends
                .iter()
                .take_while(|&&(draft, _, _)| draft == i)
                .count();
            let (mine, rest) = more_ends.split_at(n);
            more_ends = rest;
            let merged = mine.iter().map(|&(_, line, c)| (line, c));
            let mut kept = Vec::with_capacity(1 + n);
            for (line, c) in std::iter::once(d.first_end).chain(merged) {
                let resolved = match c {
                    DateCell::Blank => Some(EndDate::Unknown),
                    DateCell::Never => Some(EndDate::Never),
                    DateCell::Known(date) => Some(EndDate::On(date)),
                    DateCell::Numeric {
                        first,
                        second,
                        year,
                        ..
                    } if first == second => {
                        numeric_to_date(first, second, year, true).map(EndDate::On)
                    }
                    DateCell::Numeric {
                        first,
                        second,
                        year,
                        ..
                    } => match day_first {
                        Some(df) => numeric_to_date(first, second, year, df).map(EndDate::On),
                        None => None,
                    },
                };
                match resolved {
                    Some(e) => {
                        end = later(end, e);
                        kept.push(line);
                    }
                    None => {
                        if let DateCell::Numeric {
                            first,
                            second,
                            year,
                            sep,
                        } = c
                        {
                            let v = numeric_text(first, second, year, sep);
                            let read = if day_first == Some(true) {
                                "day-first"
                            } else {
                                "month-first"
                            };
                            let other = if day_first == Some(true) {
                                "month-first"
                            } else {
                                "day-first"
                            };
                            rejected.push(RejectedRow {
                                line,
                                reason: format!(
                                    "line {line}: the end date \"{v}\" (column \"{column}\") can only be {other}, \
                                     but the column was read {read} from its other dates; check this row"
                                ),
                            });
                        }
                        rejected_lines.push(line);
                    }
                }
            }
            d.sub.lines = kept;
            d.sub.end_date = end;
        }
        // A line rejected in one draft is rejected in all (CIPP rows can
        // make several subscriptions).
        rejected_lines.sort_unstable();
        rejected_lines.dedup();
        let mut no_seats = 0u64;
        let mut subscriptions = Vec::with_capacity(self.drafts.len());
        for mut d in self.drafts {
            if !rejected_lines.is_empty() {
                d.sub
                    .lines
                    .retain(|l| rejected_lines.binary_search(l).is_err());
            }
            if d.sub.lines.is_empty() {
                continue;
            }
            if let Some(p) = d.pick {
                if p.rank >= 2 {
                    d.sub.seats = p.seats.and_then(|q| u32::try_from(q).ok());
                } else {
                    no_seats += 1;
                }
            }
            subscriptions.push(d.sub);
        }
        let mut firsts: Vec<u64> = subscriptions
            .iter()
            .filter_map(|s| s.lines.first().copied())
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        let mut rest: Vec<u64> = subscriptions
            .iter()
            .flat_map(|s| s.lines.iter().skip(1).copied())
            .collect();
        rest.sort_unstable();
        rest.dedup();
        rest.retain(|l| firsts.binary_search(l).is_err());
        // Stable: a line's rejections keep the order they were found in.
        rejected.sort_by_key(|r| r.line);

        let mut notes = std::mem::take(&mut self.notes);
        if no_seats > 0 {
            notes.push(format!(
                "{no_seats} subscription{} in this reconciliation file {} only charges that change the \
                 seat count (added, removed or cancelled seats), not one that states it, so {} seat \
                 count is left unknown.",
                plural(no_seats),
                if no_seats == 1 { "has" } else { "have" },
                if no_seats == 1 { "its" } else { "their" }
            ));
        }
        if self.format == Format::Reconciliation && !subscriptions.is_empty() {
            notes.push(
                "The reconciliation file has one row per charge: rows were merged into subscriptions by \
                 SyndicationPartnerSubscriptionNumber (the Partner Center subscription id). It has no \
                 status and no auto-renew column, so those are unknown."
                    .into(),
            );
        }
        if self.exact_duplicates > 0 {
            notes.push(format!(
                "{} row{} repeated an earlier row exactly (same subscription id and values) and {} merged into it.",
                self.exact_duplicates,
                plural(self.exact_duplicates),
                if self.exact_duplicates == 1 { "was" } else { "were" }
            ));
        }
        if !self.differing_duplicates.is_empty() {
            notes.push(format!(
                "Some subscription ids appear on more than one row with different values; each row was kept: {}.",
                self.differing_duplicates.join(", ")
            ));
        }
        let unread = [
            (&self.unread_status, Field::Status, "other"),
            (&self.unread_renew, Field::AutoRenew, "unknown"),
            (&self.unread_term, Field::Term, "unknown"),
        ];
        for (u, f, left) in unread {
            if u.count > 0 {
                let examples = u
                    .examples
                    .iter()
                    .map(|e| format!("\"{e}\""))
                    .collect::<Vec<_>>()
                    .join(", ");
                notes.push(format!(
                    "{} value{} in the {} column \"{}\" could not be read ({examples}); left as {left}.",
                    u.count,
                    plural(u.count),
                    field_label(f),
                    self.headers.get(self.map.get(f).unwrap_or(usize::MAX)).map_or("?", String::as_str)
                ));
            }
        }
        if self.blank_status > 0 {
            notes.push(format!(
                "{} row{} had an empty status; left as other.",
                self.blank_status,
                plural(self.blank_status)
            ));
        }
        if self.evidence.excel_serial > 0 {
            notes.push(format!(
                "{} end date{} were Excel day numbers (like 44013); they were read in Excel's usual 1900 date system.",
                self.evidence.excel_serial,
                plural(self.evidence.excel_serial)
            ));
        }
        if self.evidence.two_digit_year > 0 {
            notes.push(format!(
                "{} end date{} had a two-digit year; they were read as 20xx.",
                self.evidence.two_digit_year,
                plural(self.evidence.two_digit_year)
            ));
        }
        Ok(Built {
            rows_as_subscriptions: firsts.len() as u64,
            rows_merged: rest.len() as u64,
            subscriptions,
            customers: self.customers,
            rejected,
            notes,
        })
    }
}

/// What makes two rows of one id the same row: every value but the lines
/// and the end date (not settled yet), with the end date cell as written.
fn values_key(sub: &Subscription, end_cell: Option<DateCell>) -> String {
    let values = Subscription {
        lines: Vec::new(),
        end_date: EndDate::Unknown,
        ..sub.clone()
    };
    format!("{values:?}|{end_cell:?}")
}

fn later(a: EndDate, b: EndDate) -> EndDate {
    match (a, b) {
        (EndDate::Never, _) | (_, EndDate::Never) => EndDate::Never,
        (EndDate::On(x), EndDate::On(y)) => EndDate::On(x.max(y)),
        (EndDate::On(x), EndDate::Unknown) | (EndDate::Unknown, EndDate::On(x)) => EndDate::On(x),
        (EndDate::Unknown, EndDate::Unknown) => EndDate::Unknown,
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// `C:\exports\Contoso Ltd.csv` → `Contoso Ltd`.
pub(crate) fn file_stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = match base.rfind('.') {
        Some(i) if i > 0 => &base[..i],
        _ => base,
    };
    stem.trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(id: &str) -> Draft {
        Draft {
            sub: bare_subscription(Customer::default(), id.into(), "Kaizala Pro".into(), None),
            first_end: (1, DateCell::Blank),
            pick: None,
        }
    }

    #[test]
    fn trim_is_str_trim() {
        let table = [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\ta\u{3000}",
            "\u{3000}",
            "康托索",
            " 康托索\u{a0}",
            "a b",
            "\u{feff}x",
            "x\u{2003}",
            "\r\n",
            "--",
            "é",
        ];
        for s in table {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn cells_read_each_cell_as_one_check_per_cell_would() {
        let ok: &[&[u8]] = &[
            b" a ",
            "康托索".as_bytes(),
            b"",
            "\u{3000}é\t".as_bytes(),
            b"x",
        ];
        // A cell that is not UTF-8 (never in decoded text, but bytes are
        // bytes) spoils only itself.
        let bad: &[&[u8]] = &[b"a", b"\xff\xfe", "國".as_bytes(), b"\xe5\x9c"];
        for fields in [ok, bad] {
            let data = fields.concat();
            let ends: Vec<usize> = fields
                .iter()
                .scan(0, |end, f| {
                    *end += f.len();
                    Some(*end)
                })
                .collect();
            let cells = Cells::new(Record::new(&data, &ends, 0, data.len()));
            for (i, f) in fields.iter().enumerate() {
                let one = std::str::from_utf8(f).map_or("", str::trim);
                assert_eq!(cells.cell(Some(i)), one, "{fields:?} column {i}");
            }
            assert_eq!(cells.cell(Some(fields.len())), "", "past the end");
            assert_eq!(cells.cell(None), "", "unmapped");
        }
    }

    #[test]
    fn id_index_finds_each_id_even_when_hashes_clash() {
        let ids = ["a", "b", "c", "b2"];
        let drafts: Vec<Draft> = ids.iter().map(|id| draft(id)).collect();
        // The real hash, then one under which every id clashes.
        for hash in [IdIndex::default().hash, |_: &str| 7] {
            let mut index = IdIndex {
                hash,
                ..IdIndex::default()
            };
            for (i, id) in ids.iter().enumerate() {
                assert_eq!(index.get(id, &drafts), None, "{id} before it is added");
                index.insert(id, i, &drafts);
                // A second insert of a known id keeps its first draft.
                index.insert(id, 99, &drafts);
            }
            for (i, id) in ids.iter().enumerate() {
                assert_eq!(index.get(id, &drafts), Some(i), "{id}");
            }
            assert_eq!(index.get("d", &drafts), None);
        }
    }

    #[test]
    fn ranks_charge_types() {
        let table = [
            ("Cycle fee", 3),
            ("cycleCharge", 3),
            ("purchaseFee", 3),
            ("Renew fee", 3),
            ("Activation fee", 3),
            ("addQuantity", 1),
            ("Prorate fees when purchase", 1),
            ("cycleInstanceProrate", 1),
            ("removeQuantity", 0),
            ("cancel", 0),
            ("Prorate credit when cancel", 0),
            ("Customer credit", 0),
            ("", 2),
            ("usage", 2),
        ];
        for (t, want) in table {
            assert_eq!(charge_rank(t), want, "charge_rank({t:?})");
        }
    }

    #[test]
    fn file_stems() {
        assert_eq!(file_stem("Contoso Ltd.csv"), "Contoso Ltd");
        assert_eq!(file_stem(r"C:\exports\國立臺灣大學.csv"), "國立臺灣大學");
        assert_eq!(file_stem("/tmp/x/.csv"), ".csv");
        assert_eq!(file_stem("noext"), "noext");
    }

    #[test]
    fn later_end_dates() {
        let d = |m| EndDate::On(NaiveDate::from_ymd_opt(2020, m, 1).unwrap());
        assert_eq!(later(d(1), d(7)), d(7));
        assert_eq!(later(EndDate::Unknown, d(7)), d(7));
        assert_eq!(later(d(7), EndDate::Never), EndDate::Never);
    }
}
