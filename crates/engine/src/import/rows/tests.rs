//! Tests of the row builder's parts: trimming, cells, the id index,
//! charge ranks, file stems and end dates.

use super::drafts::{Draft, IdIndex};
use super::reconciliation::{bare_subscription, charge_rank};
use super::settle::later;
use super::texts::{trim, Cells};
use super::*;
use chrono::NaiveDate;

fn draft(id: &str) -> Draft {
    Draft {
        sub: bare_subscription(
            Customer::default(),
            id.into(),
            ("Kaizala Pro".into(), false),
            None,
        ),
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
