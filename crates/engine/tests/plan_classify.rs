/*!
Rule table for the classification of Kaizala Pro subscriptions: every
category and its boundaries (end = cutoff, end = as-of, 29 February),
the urgency buckets, and extreme dates.
*/

mod plan_support;

use chrono::NaiveDate;
use kaizala_engine::import::Format;
use kaizala_engine::model::{AutoRenew, EndDate, Status};
use kaizala_engine::plan::{classify, Category, Note, Urgency};
use plan_support::*;
use proptest::prelude::*;

struct Case {
    name: &'static str,
    end: EndDate,
    auto: AutoRenew,
    term: Option<u16>,
    status: Status,
    category: Category,
    expires_on: Option<NaiveDate>,
    migrate_by: Option<NaiveDate>,
    days_left: Option<i64>,
    urgency: Urgency,
    if_renewed: Option<NaiveDate>,
    notes: Vec<Note>,
}

fn case(name: &'static str, end: EndDate, auto: AutoRenew, term: Option<u16>) -> Case {
    Case {
        name,
        end,
        auto,
        term,
        status: Status::Active,
        category: Category::Inactive,
        expires_on: None,
        migrate_by: None,
        days_left: None,
        urgency: Urgency::NoAction,
        if_renewed: None,
        notes: vec![],
    }
}

impl Case {
    fn status(mut self, s: Status) -> Self {
        self.status = s;
        self
    }
    fn expect(
        mut self,
        category: Category,
        expires_on: Option<NaiveDate>,
        days_left: Option<i64>,
        urgency: Urgency,
    ) -> Self {
        self.category = category;
        self.expires_on = expires_on;
        self.migrate_by = expires_on.and_then(|e| e.pred_opt());
        self.days_left = days_left;
        self.urgency = urgency;
        self
    }
    fn if_renewed(mut self, date: NaiveDate) -> Self {
        self.if_renewed = Some(date);
        self
    }
    fn notes(mut self, notes: Vec<Note>) -> Self {
        self.notes = notes;
        self
    }
}

const AS_OF: (i32, u32, u32) = (2020, 6, 1);

#[test]
fn category_rule_table() {
    use AutoRenew::*;
    use Category::*;
    use EndDate::On as End;
    let cases = vec![
        // end = cutoff counts as "on or after the cutoff".
        case(
            "end = cutoff, auto-renew off",
            End(d(2020, 7, 1)),
            Off,
            Some(12),
        )
        .expect(
            ExpiresAfterCutoff,
            Some(d(2020, 7, 1)),
            Some(29),
            Urgency::Within30Days,
        ),
        case(
            "end = cutoff, auto-renew on: cannot renew any more",
            End(d(2020, 7, 1)),
            On,
            Some(12),
        )
        .expect(
            ExpiresAfterCutoff,
            Some(d(2020, 7, 1)),
            Some(29),
            Urgency::Within30Days,
        ),
        case(
            "end after cutoff, auto-renew unknown: no note needed",
            End(d(2020, 12, 1)),
            Unknown,
            None,
        )
        .expect(
            ExpiresAfterCutoff,
            Some(d(2020, 12, 1)),
            Some(182),
            Urgency::Later,
        ),
        // one day before the cutoff
        case(
            "end = cutoff - 1, auto-renew off",
            End(d(2020, 6, 30)),
            Off,
            Some(12),
        )
        .expect(
            ExpiresBeforeCutoff,
            Some(d(2020, 6, 30)),
            Some(28),
            Urgency::Within30Days,
        ),
        case(
            "end = cutoff - 1, auto-renew on, yearly",
            End(d(2020, 6, 30)),
            On,
            Some(12),
        )
        .expect(
            RenewsOnceThenExpires,
            Some(d(2021, 6, 30)),
            Some(393),
            Urgency::Later,
        ),
        case(
            "end = cutoff - 1, auto-renew on, monthly",
            End(d(2020, 6, 30)),
            On,
            Some(1),
        )
        .expect(
            RenewsOnceThenExpires,
            Some(d(2020, 7, 30)),
            Some(58),
            Urgency::Within90Days,
        ),
        case(
            "end = cutoff - 1, auto-renew on, three years",
            End(d(2020, 6, 30)),
            On,
            Some(36),
        )
        .expect(
            RenewsOnceThenExpires,
            Some(d(2023, 6, 30)),
            Some(1123),
            Urgency::Later,
        ),
        // Auto-renew not in the file (the reconciliation file): plan for
        // the earlier date. The old rule assumed a renewal and planned a
        // year later, which left users without Kaizala if it did not renew.
        case(
            "auto-renew and term unknown: the end date in the file",
            End(d(2020, 6, 30)),
            Unknown,
            None,
        )
        .expect(
            ExpiresBeforeCutoff,
            Some(d(2020, 6, 30)),
            Some(28),
            Urgency::Within30Days,
        )
        .if_renewed(d(2021, 6, 30))
        .notes(vec![
            Note::AutoRenewUnknown {
                if_renewed: d(2021, 6, 30),
            },
            Note::TermAssumed,
        ]),
        case(
            "auto-renew unknown, monthly term",
            End(d(2020, 6, 20)),
            Unknown,
            Some(1),
        )
        .expect(
            ExpiresBeforeCutoff,
            Some(d(2020, 6, 20)),
            Some(18),
            Urgency::Within30Days,
        )
        .if_renewed(d(2020, 7, 20))
        .notes(vec![Note::AutoRenewUnknown {
            if_renewed: d(2020, 7, 20),
        }]),
        case(
            "auto-renew unknown, end before as-of: ended unless it renewed",
            End(d(2020, 5, 1)),
            Unknown,
            Some(12),
        )
        .expect(AlreadyEnded, Some(d(2020, 5, 1)), Some(-32), Urgency::Ended)
        .if_renewed(d(2021, 5, 1))
        .notes(vec![Note::EndedUnlessRenewed {
            if_renewed: d(2021, 5, 1),
        }]),
        case(
            "auto-renew unknown, end = as-of: ended unless it renewed",
            End(d(2020, 6, 1)),
            Unknown,
            Some(1),
        )
        .expect(AlreadyEnded, Some(d(2020, 6, 1)), Some(-1), Urgency::Ended)
        .if_renewed(d(2020, 7, 1))
        .notes(vec![Note::EndedUnlessRenewed {
            if_renewed: d(2020, 7, 1),
        }]),
        case(
            "auto-renew unknown, even a renewed term is over: nothing to check",
            End(d(2019, 5, 1)),
            Unknown,
            Some(12),
        )
        .expect(
            AlreadyEnded,
            Some(d(2019, 5, 1)),
            Some(-398),
            Urgency::Ended,
        )
        .if_renewed(d(2020, 5, 1)),
        case(
            "auto-renew unknown, expired status: it did not renew",
            End(d(2020, 5, 1)),
            Unknown,
            Some(12),
        )
        .status(Status::Expired)
        .expect(AlreadyEnded, Some(d(2020, 5, 1)), Some(-32), Urgency::Ended)
        .notes(vec![Note::ExpiredStatus]),
        case(
            "term 0 is read as unknown",
            End(d(2020, 6, 30)),
            On,
            Some(0),
        )
        .expect(
            RenewsOnceThenExpires,
            Some(d(2021, 6, 30)),
            Some(393),
            Urgency::Later,
        )
        .notes(vec![Note::TermAssumed]),
        // end = as-of: the service stopped at 00:00 UTC today.
        case(
            "end = as-of, auto-renew off",
            End(d(2020, 6, 1)),
            Off,
            Some(12),
        )
        .expect(AlreadyEnded, Some(d(2020, 6, 1)), Some(-1), Urgency::Ended),
        case(
            "end = as-of + 1: today is the last day",
            End(d(2020, 6, 2)),
            Off,
            Some(12),
        )
        .expect(
            ExpiresBeforeCutoff,
            Some(d(2020, 6, 2)),
            Some(0),
            Urgency::Within30Days,
        ),
        case(
            "end before as-of, auto-renew off",
            End(d(2020, 3, 1)),
            Off,
            Some(12),
        )
        .expect(AlreadyEnded, Some(d(2020, 3, 1)), Some(-93), Urgency::Ended),
        case(
            "end before as-of but renewed once, still running",
            End(d(2020, 3, 1)),
            On,
            Some(12),
        )
        .expect(
            RenewsOnceThenExpires,
            Some(d(2021, 3, 1)),
            Some(272),
            Urgency::Later,
        ),
        case(
            "renewed term ends exactly on as-of",
            End(d(2019, 6, 1)),
            On,
            Some(12),
        )
        .expect(AlreadyEnded, Some(d(2020, 6, 1)), Some(-1), Urgency::Ended),
        // 29 February: a year later is 28 February.
        case("29 February + 12 months", End(d(2020, 2, 29)), On, Some(12)).expect(
            RenewsOnceThenExpires,
            Some(d(2021, 2, 28)),
            Some(271),
            Urgency::Later,
        ),
        case(
            "29 February + 48 months lands on 29 February",
            End(d(2020, 2, 29)),
            On,
            Some(48),
        )
        .expect(
            RenewsOnceThenExpires,
            Some(d(2024, 2, 29)),
            Some(1367),
            Urgency::Later,
        ),
        case(
            "29 February, auto-renew off, ended",
            End(d(2020, 2, 29)),
            Off,
            Some(12),
        )
        .expect(
            AlreadyEnded,
            Some(d(2020, 2, 29)),
            Some(-94),
            Urgency::Ended,
        ),
        // unknown and never-ending end dates
        case("no end date", EndDate::Unknown, On, Some(12))
            .expect(UnknownEndDate, None, None, Urgency::Unknown)
            .notes(vec![Note::EndDateMissing {
                format: Some(Format::PartnerCenterSubscriptions),
            }]),
        case("never ends", EndDate::Never, Off, Some(12))
            .expect(UnknownEndDate, None, None, Urgency::Unknown)
            .notes(vec![Note::EndDateNever]),
        // status first
        case("suspended", End(d(2020, 9, 1)), Off, Some(12))
            .status(Status::Suspended)
            .expect(Inactive, None, None, Urgency::NoAction),
        case("deleted", End(d(2020, 9, 1)), Off, Some(12))
            .status(Status::Deleted)
            .expect(Inactive, None, None, Urgency::NoAction),
        case("disabled", EndDate::Unknown, Off, Some(12))
            .status(Status::Disabled)
            .expect(Inactive, None, None, Urgency::NoAction),
        case("locked out", End(d(2020, 9, 1)), Off, Some(12))
            .status(Status::LockedOut)
            .expect(Inactive, None, None, Urgency::NoAction),
        case(
            "expired status without a date",
            EndDate::Unknown,
            Off,
            Some(12),
        )
        .status(Status::Expired)
        .expect(AlreadyEnded, None, None, Urgency::Ended)
        .notes(vec![Note::ExpiredStatus]),
        case(
            "expired status wins over a future date",
            End(d(2020, 9, 1)),
            Off,
            Some(12),
        )
        .status(Status::Expired)
        .expect(AlreadyEnded, Some(d(2020, 9, 1)), Some(91), Urgency::Ended)
        .notes(vec![Note::ExpiredStatus]),
        case(
            "warning status is classified by date",
            End(d(2020, 9, 1)),
            Off,
            Some(12),
        )
        .status(Status::Warning)
        .expect(
            ExpiresAfterCutoff,
            Some(d(2020, 9, 1)),
            Some(91),
            Urgency::Later,
        ),
        case(
            "pending status is classified by date",
            End(d(2020, 8, 1)),
            Off,
            Some(12),
        )
        .status(Status::Pending)
        .expect(
            ExpiresAfterCutoff,
            Some(d(2020, 8, 1)),
            Some(60),
            Urgency::Within90Days,
        ),
    ];
    let c = customer("Contoso");
    let (y, m, dd) = AS_OF;
    for case in cases {
        let mut s = kaizala(&c, "s", 5, d(2020, 1, 1));
        s.end_date = case.end;
        s.auto_renew = case.auto;
        s.term_months = case.term;
        s.status = case.status;
        let got = classify(
            &s,
            d(y, m, dd),
            d(2020, 7, 1),
            Some(Format::PartnerCenterSubscriptions),
        );
        assert_eq!(got.category, case.category, "{}", case.name);
        assert_eq!(got.expires_on, case.expires_on, "{}", case.name);
        assert_eq!(got.migrate_by, case.migrate_by, "{}", case.name);
        assert_eq!(got.days_left, case.days_left, "{}", case.name);
        assert_eq!(got.urgency, case.urgency, "{}", case.name);
        assert_eq!(got.if_renewed, case.if_renewed, "{}", case.name);
        assert_eq!(got.notes, case.notes, "{}", case.name);
    }
}

#[test]
fn urgency_buckets() {
    let cases = [
        (-400, Urgency::Ended),
        (-1, Urgency::Ended),
        (0, Urgency::Within30Days),
        (30, Urgency::Within30Days),
        (31, Urgency::Within90Days),
        (90, Urgency::Within90Days),
        (91, Urgency::Later),
        (i64::MAX, Urgency::Later),
        (i64::MIN, Urgency::Ended),
    ];
    for (days, want) in cases {
        assert_eq!(Urgency::from_days(days), want, "{days}");
    }
    // Through classify: migrate_by 30 and 31 days ahead.
    let c = customer("Contoso");
    let as_of = d(2020, 8, 1);
    let s30 = kaizala(&c, "a", 1, d(2020, 9, 1)); // migrate_by 2020-08-31
    let s31 = kaizala(&c, "b", 1, d(2020, 9, 2));
    assert_eq!(
        classify(&s30, as_of, d(2020, 7, 1), None).urgency,
        Urgency::Within30Days
    );
    assert_eq!(
        classify(&s31, as_of, d(2020, 7, 1), None).urgency,
        Urgency::Within90Days
    );
}

#[test]
fn configurable_cutoff() {
    let c = customer("Contoso");
    let mut s = kaizala(&c, "a", 1, d(2020, 6, 15));
    s.auto_renew = AutoRenew::On;
    // With the default cutoff it renews once; with an earlier one it ends.
    assert_eq!(
        classify(&s, d(2020, 5, 1), d(2020, 7, 1), None).category,
        Category::RenewsOnceThenExpires
    );
    assert_eq!(
        classify(&s, d(2020, 5, 1), d(2020, 6, 1), None).category,
        Category::ExpiresAfterCutoff
    );
}

#[test]
fn extreme_dates_do_not_panic() {
    let c = customer("Contoso");
    let mut s = kaizala(&c, "a", 1, NaiveDate::MAX);
    s.auto_renew = AutoRenew::On;
    s.term_months = Some(u16::MAX);
    // end < cutoff, so it tries to add a term past the calendar's end.
    let near_max = NaiveDate::MAX.pred_opt().unwrap();
    s.end_date = EndDate::On(near_max);
    let got = classify(&s, NaiveDate::MIN, NaiveDate::MAX, None);
    assert_eq!(got.category, Category::RenewsOnceThenExpires);
    assert_eq!(got.expires_on, Some(near_max));
    assert_eq!(got.notes, vec![Note::TermOverflow]);

    s.end_date = EndDate::On(NaiveDate::MIN);
    s.auto_renew = AutoRenew::Off;
    let got = classify(&s, NaiveDate::MAX, NaiveDate::MAX, None);
    assert_eq!(got.category, Category::AlreadyEnded);
    assert_eq!(got.migrate_by, Some(NaiveDate::MIN));
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (-5000i32..5000, 1u32..=12, 1u32..=31).prop_map(|(y, m, dd)| {
        NaiveDate::from_ymd_opt(y * 2, m, dd)
            .or_else(|| NaiveDate::from_ymd_opt(y * 2, m, 28))
            .unwrap()
    })
}

proptest! {
    #[test]
    fn classification_invariants(
        end in any_date(),
        as_of in any_date(),
        cutoff in any_date(),
        auto in prop_oneof![Just(AutoRenew::On), Just(AutoRenew::Off), Just(AutoRenew::Unknown)],
        term in proptest::option::of(any::<u16>()),
    ) {
        let c = customer("Contoso");
        let mut s = kaizala(&c, "a", 1, end);
        s.auto_renew = auto;
        s.term_months = term;
        let got = classify(&s, as_of, cutoff, None);
        let expires = got.expires_on.unwrap();
        let mb = got.migrate_by.unwrap();
        prop_assert!(mb <= expires);
        prop_assert!(expires >= end);
        prop_assert_eq!(got.category == Category::AlreadyEnded, expires <= as_of);
        prop_assert_eq!(got.urgency == Urgency::Ended, expires <= as_of);
        if end >= cutoff {
            prop_assert!(got.category == Category::ExpiresAfterCutoff || got.category == Category::AlreadyEnded);
        }
    }
}
