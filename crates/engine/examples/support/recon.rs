/*!
A deterministic synthetic reconciliation export, shared by the generator
example (`gen-recon`), the quick native bench (`bench-native`) and the
criterion bench (`benches/engine.rs`), so all three measure the same bytes;
`tests/bench_generator.rs` checks that it is what it says.

The file has the 28 documented columns of the legacy license-based
reconciliation file (reference §3.2), CRLF line endings, `M/D/YYYY H:MM`
dates, and two charge rows per subscription. Customers hold 1–3
subscriptions mostly (a few hold up to 6); about 30% of subscriptions are
Kaizala Pro, the rest Office 365 E3, Office 365 E1, Microsoft 365 Business
Standard, and a few others. About one customer in six has a zh-TW name,
and schools among them have `.edu.tw` domains. Every name and id is made
up; the same seed always gives the same bytes.
*/

use std::fmt::Write as _;

/// SplitMix64: small, fast, and good enough to make test data; written
/// here so the benches need no `rand`.
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (n > 0); the tiny modulo bias does not matter here.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    fn guid(&mut self, upper: bool) -> String {
        let a = self.next_u64();
        let b = self.next_u64();
        // Version 4, variant 10xx, like a real random GUID.
        let s = format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0x0fff,
            0x8000 | ((b >> 48) & 0x3fff),
            b & 0xffff_ffff_ffff
        );
        if upper {
            s.to_ascii_uppercase()
        } else {
            s
        }
    }
}

pub const HEADER: &str =
    "PartnerId,CustomerId,CustomerName,MpnId,ResellerMpnId,OrderId,SubscriptionId,\
SyndicationPartnerSubscriptionNumber,OfferId,DurableOfferId,OfferName,SubscriptionStartDate,\
SubscriptionEndDate,ChargeStartDate,ChargeEndDate,ChargeType,UnitPrice,Quantity,Amount,\
TotalOtherDiscount,Subtotal,Tax,TotalForCustomer,Currency,DomainName,SubscriptionName,\
SubscriptionDescription,BillingCycleType";

const PARTNER: &str = "3c5e1f0a-9b1d-4c2e-8f7a-0d6b2a4c9e11";

/// (offer name, durable offer id, unit price in cents)
const KAIZALA: (&str, &str, u64) = (
    "Microsoft Kaizala Pro",
    "B03AD9B6-42E5-4899-9A84-F7666DED99A1",
    151,
);
const OTHERS: [(&str, &str, u64); 6] = [
    (
        "Office 365 E3",
        "796B6B5F-613C-4E24-A17C-EBA730D49C02",
        2000,
    ),
    (
        "Office 365 E3",
        "796B6B5F-613C-4E24-A17C-EBA730D49C02",
        2000,
    ),
    ("Office 365 E1", "91FD106F-4B2C-4938-95AC-F54F74E9A239", 800),
    (
        "Microsoft 365 Business Standard",
        "5C9FD4CC-EDCE-44A8-8E91-07DF09744609",
        1250,
    ),
    (
        "Microsoft 365 Business Standard",
        "5C9FD4CC-EDCE-44A8-8E91-07DF09744609",
        1250,
    ),
    (
        "Microsoft 365 Business Premium",
        "031C9E47-4802-4248-838E-778FB1D2CC05",
        2000,
    ),
];

const EN_FIRST: [&str; 16] = [
    "Contoso",
    "Fabrikam",
    "Northwind",
    "Tailspin",
    "Wingtip",
    "Adventure",
    "Litware",
    "Proseware",
    "Lucerne",
    "Margie's",
    "Alpine",
    "Coho",
    "Trey",
    "Woodgrove",
    "Humongous",
    "Blue Yonder",
];
const EN_SECOND: [&str; 12] = [
    "Logistics",
    "Traders",
    "Toys",
    "Retail",
    "Works",
    "Systems",
    "Foods",
    "Travel",
    "Insurance",
    "Bank",
    "Motors",
    "Publishing",
];
const EN_SUFFIX: [&str; 6] = ["Ltd.", "Inc.", "Co., Ltd.", "Corp.", "LLC", "GmbH"];
const ZH_CITY: [&str; 8] = [
    "臺北市",
    "新北市",
    "桃園市",
    "臺中市",
    "臺南市",
    "高雄市",
    "新竹縣",
    "花蓮縣",
];
const ZH_WORD: [&str; 10] = [
    "光明", "永安", "中正", "仁愛", "信義", "和平", "民生", "復興", "建國", "自強",
];
const ZH_COMPANY: [&str; 4] = [
    "科技股份有限公司",
    "物流有限公司",
    "國際貿易股份有限公司",
    "企業社",
];
const ZH_SCHOOL: [&str; 3] = ["國民小學", "國民中學", "高級中學"];

/// Appends `M/D/YYYY H:MM` for a day number (days since 2019-01-01, kept
/// within 2019–2021 by the caller).
fn push_date(out: &mut String, day: u32, time: &str) {
    const DAYS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut year = 2019;
    let mut d = day;
    loop {
        let len = if year % 4 == 0 { 366 } else { 365 };
        if d < len {
            break;
        }
        d -= len;
        year += 1;
    }
    let mut month = 0;
    loop {
        let len = DAYS[month] + u32::from(month == 1 && year % 4 == 0);
        if d < len {
            break;
        }
        d -= len;
        month += 1;
    }
    let _ = write!(out, "{}/{}/{} {}", month + 1, d + 1, year, time);
}

fn push_money(out: &mut String, cents: u64) {
    let _ = write!(out, "{}.{:02}", cents / 100, cents % 100);
}

/// Writes a CSV cell, quoting it when it holds a comma or a quote.
fn push_cell(out: &mut String, cell: &str) {
    if cell.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

/// The whole file for `subscriptions` subscriptions from `seed`.
pub fn generate(subscriptions: u64, seed: u64) -> Vec<u8> {
    let mut rng = SplitMix64::new(seed);
    let mut out = String::with_capacity(subscriptions as usize * 2 * 480 + 1024);
    out.push_str(HEADER);
    out.push_str("\r\n");
    let mut made = 0u64;
    let mut customer_no = 0u64;
    while made < subscriptions {
        customer_no += 1;
        let roll = rng.below(100);
        let count = match roll {
            0..=49 => 1,
            50..=79 => 2,
            80..=94 => 3,
            _ => 4 + rng.below(3),
        }
        .min(subscriptions - made);
        let cid = rng.guid(false);
        let (name, domain) = match rng.below(100) {
            0..=7 => {
                let name = format!(
                    "{}立{}{}",
                    rng.pick(&ZH_CITY),
                    rng.pick(&ZH_WORD),
                    rng.pick(&ZH_SCHOOL)
                );
                (name, format!("school{customer_no}.tp.edu.tw"))
            }
            8..=16 => {
                let name = format!(
                    "{}{}{}",
                    rng.pick(&ZH_WORD),
                    rng.pick(&ZH_WORD),
                    rng.pick(&ZH_COMPANY)
                );
                (name, format!("tw{customer_no}.onmicrosoft.com"))
            }
            _ => {
                let first = rng.pick(&EN_FIRST);
                let name = format!(
                    "{} {} {} {}",
                    first,
                    rng.pick(&EN_SECOND),
                    customer_no,
                    rng.pick(&EN_SUFFIX)
                );
                let slug: String = first
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric())
                    .collect();
                (
                    name,
                    format!("{}{customer_no}.onmicrosoft.com", slug.to_ascii_lowercase()),
                )
            }
        };
        let mpn = 4_500_000 + rng.below(100_000);
        let reseller = if rng.below(4) == 0 {
            format!("{}", 6_000_000 + rng.below(100_000))
        } else {
            String::new()
        };
        for _ in 0..count {
            made += 1;
            let offer = if rng.below(100) < 30 {
                KAIZALA
            } else {
                *rng.pick(&OTHERS)
            };
            let seats = match rng.below(10) {
                0..=5 => 1 + rng.below(25),
                6..=8 => 25 + rng.below(200),
                _ => 200 + rng.below(800),
            };
            // Starts from July 2019 to June 2020, so the Kaizala ones end
            // on both sides of a plan date in 2020.
            let start = 181 + rng.below(366) as u32;
            let end = start + 365;
            let order = rng.guid(true);
            let internal = rng.guid(false);
            let pc_sub = rng.guid(false);
            let nickname = if rng.below(10) == 0 {
                format!("{} - team {}", offer.0, 1 + rng.below(9))
            } else {
                offer.0.to_string()
            };
            for k in 0..2u32 {
                let charge_start = start + 30 * k;
                let amount = offer.2 * seats;
                let tax = amount * 5 / 100;
                out.push_str(PARTNER);
                out.push(',');
                out.push_str(&cid);
                out.push(',');
                push_cell(&mut out, &name);
                let _ = write!(
                    out,
                    ",{mpn},{reseller},{order},{internal},{pc_sub},{},{},",
                    rng.guid(true),
                    offer.1
                );
                push_cell(&mut out, offer.0);
                out.push(',');
                push_date(&mut out, start, "0:00");
                out.push(',');
                push_date(&mut out, end, "0:00");
                out.push(',');
                push_date(&mut out, charge_start, "0:00");
                out.push(',');
                push_date(&mut out, charge_start + 27, "23:59");
                out.push_str(",cycleFee,");
                push_money(&mut out, offer.2);
                let _ = write!(out, ",{seats},");
                push_money(&mut out, amount);
                out.push_str(",0,");
                push_money(&mut out, amount);
                out.push(',');
                push_money(&mut out, tax);
                out.push(',');
                push_money(&mut out, amount + tax);
                out.push_str(",USD,");
                out.push_str(&domain);
                out.push(',');
                push_cell(&mut out, &nickname);
                out.push_str(",,Monthly\r\n");
            }
        }
    }
    out.into_bytes()
}

/// The baseline the engine is measured against: the csv crate reading the
/// same bytes with a reused `ByteRecord`, counting records.
// Shared by the benches; the generator example does not use it.
#[allow(dead_code)]
pub fn baseline(bytes: &[u8]) -> u64 {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rec = csv::ByteRecord::new();
    let mut n = 0;
    while rdr.read_byte_record(&mut rec).unwrap_or(false) {
        n += 1;
    }
    n
}
