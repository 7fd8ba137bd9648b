/*!
The words of what the importer says about users files: the licenses the
catalog does not know, rows of a user already read, and a row without a
user principal name; in English and Traditional Chinese.
*/

use crate::i18n::Text;
use crate::model::source::{ImportNote, RejectReason};

/// A users note in English; `None` for other notes.
pub(super) fn note_en(note: &ImportNote) -> Option<Text> {
    Some(match note {
        ImportNote::UnknownLicenses { names, more } => format!(
            "Licenses the planner does not know, listed as unknown and counted neither as a plan \
             that includes Kaizala nor as Kaizala Pro: {}{}. Check them in the admin center.",
            quoted(names, ", "),
            if *more > 0 {
                format!(", and {more} more")
            } else {
                String::new()
            }
        )
        .into(),
        ImportNote::UserRowsJoined { count } => format!(
            "{count} row{} named a user already read on an earlier row; {} licenses were added to \
             that user.",
            if *count == 1 { "" } else { "s" },
            if *count == 1 { "its" } else { "their" }
        )
        .into(),
        _ => return None,
    })
}

/// A users note in Traditional Chinese; `None` for other notes.
pub(super) fn note_zh(note: &ImportNote) -> Option<Text> {
    Some(match note {
        ImportNote::UnknownLicenses { names, more } => format!(
            "規劃工具不認得這些授權，因此列為未知，既不算作包含 Kaizala 的方案，也不算作 Kaizala Pro：{}{}。\
             請到系統管理中心確認。",
            names
                .iter()
                .map(|n| format!("「{n}」"))
                .collect::<Vec<_>>()
                .join("、"),
            if *more > 0 {
                format!("，另有 {more} 個")
            } else {
                String::new()
            }
        )
        .into(),
        ImportNote::UserRowsJoined { count } => {
            format!("有 {count} 列是先前已讀到的使用者；這些列的授權已併入該使用者。").into()
        }
        _ => return None,
    })
}

/// A users file's rejected row in `zh` or English; `None` for other reasons.
pub(super) fn reason(line: u64, reason: &RejectReason, zh: bool) -> Option<Text> {
    let RejectReason::NoUserPrincipalName { header } = reason else {
        return None;
    };
    Some(
        if zh {
            format!("第 {line} 行：使用者主體名稱（欄位「{header}」）是空的，因此略過這一列")
        } else {
            format!(
                "line {line}: the user principal name (column \"{header}\") is empty, so the row \
                 was skipped"
            )
        }
        .into(),
    )
}

fn quoted(names: &[String], sep: &str) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(sep)
}
