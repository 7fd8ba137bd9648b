/*!
The app's own words for values the engine stores as machine words (rule
and status words), and Taiwan's way of writing dates in tables: issue 19's
leftovers, each in both languages.
*/

use chrono::NaiveDate;

use kaizala_engine::checklist::FactChange;
use kaizala_engine::plan::{AltWhy, Family, Lang, Said};
use kaizala_planner::i18n::{opt_table_date, table_date};
use kaizala_planner::view_model::labels::{
    alternative_why, end_date_label, fact_change, family_from_word, status_word_label,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn tables_write_dates_with_padded_month_and_day() {
    let cases = [
        (Lang::ZhTw, d(2020, 7, 1), "2020/07/01"),
        (Lang::ZhTw, d(2021, 12, 31), "2021/12/31"),
        (Lang::En, d(2020, 7, 1), "1 Jul 2020"),
    ];
    for (lang, day, want) in cases {
        assert_eq!(table_date(lang, day), want);
    }
    assert_eq!(opt_table_date(Lang::ZhTw, None), "—");
    assert_eq!(
        end_date_label(
            Lang::ZhTw,
            kaizala_engine::model::EndDate::On(d(2020, 9, 1))
        ),
        "2020/09/01"
    );
}

#[test]
fn every_rule_word_names_its_family() {
    for f in [
        Family::Existing,
        Family::Education,
        Family::Frontline,
        Family::Enterprise,
        Family::Business,
        Family::Override,
    ] {
        assert_eq!(family_from_word(f.as_str()), Some(f));
    }
    assert_eq!(family_from_word("no-such-rule"), None);
}

#[test]
fn the_default_rule_is_named_not_its_machine_word() {
    let why = Said {
        what: AltWhy::DefaultRule {
            family: "business".into(),
        },
        text: "(engine words)".into(),
    };
    let cases = [
        (Lang::ZhTw, "預設規則會選「商務版（最多 300 個授權）」。"),
        (
            Lang::En,
            "What the default rules would pick: Business (up to 300 seats).",
        ),
    ];
    for (lang, want) in cases {
        assert_eq!(alternative_why(lang, &why), want);
    }
    // Other reasons keep the engine's words.
    let other = Said {
        what: AltWhy::FullerSuite,
        text: "同樣包含 Kaizala。".into(),
    };
    assert_eq!(alternative_why(Lang::ZhTw, &other), "同樣包含 Kaizala。");
}

#[test]
fn statuses_in_changed_steps_are_words_of_the_reader() {
    let cases = [
        (Lang::ZhTw, "active", "使用中"),
        (Lang::ZhTw, "suspended", "已暫停"),
        (Lang::ZhTw, "deleted", "已刪除"),
        (Lang::En, "locked-out", "locked out"),
        // A word the planner does not know is shown as written.
        (Lang::ZhTw, "Frozen", "Frozen"),
    ];
    for (lang, word, want) in cases {
        assert_eq!(status_word_label(lang, word), want, "{word}");
    }
    let change = FactChange::StatusChanged {
        subscription: "s1".into(),
        from: "active".into(),
        to: "suspended".into(),
    };
    assert_eq!(
        fact_change(Lang::ZhTw, &change),
        "訂閱 s1 的狀態已由「使用中」改為「已暫停」。"
    );
    assert_eq!(
        fact_change(Lang::En, &change),
        "Subscription s1 is now suspended, where it was active."
    );
    let moved = FactChange::EndMoved {
        subscription: "s1".into(),
        from: Some(d(2020, 8, 31)),
        to: None,
    };
    assert_eq!(
        fact_change(Lang::ZhTw, &moved),
        "訂閱 s1 的到期日已由 2020年8月31日 改為 不明。"
    );
    let seats = FactChange::SeatsChanged {
        subscription: "s1".into(),
        from: Some(1000),
        to: Some(12220),
    };
    assert_eq!(
        fact_change(Lang::ZhTw, &seats),
        "訂閱 s1 的授權數已由 1,000 改為 12,220。"
    );
}

#[test]
fn the_stop_time_names_taiwan_s_clock_as_taiwanese_readers_do() {
    use kaizala_planner::view_model::paper::{stop_time_note, LocalTime};
    let at = |zone: Option<&str>, hour| LocalTime {
        date: d(2020, 9, 1),
        hour,
        minute: 0,
        zone: zone.map(String::from),
    };
    let cases = [
        (Some("Asia/Taipei"), 8, "服務在 2020年9月1日 00:00 UTC 停止，也就是台灣時間 2020年9月1日 08:00。"),
        (Some("Europe/Berlin"), 2, "服務在 2020年9月1日 00:00 UTC 停止，也就是您的時區（Europe/Berlin）2020年9月1日 02:00。"),
        (None, 8, "服務在 2020年9月1日 00:00 UTC 停止，也就是您所在時區的 2020年9月1日 08:00。"),
    ];
    for (zone, hour, want) in cases {
        assert_eq!(
            stop_time_note(Lang::ZhTw, d(2020, 9, 1), &at(zone, hour)),
            want
        );
    }
}
