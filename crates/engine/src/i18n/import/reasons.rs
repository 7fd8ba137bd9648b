/*!
Why a row was not imported ([`RejectReason`]), in English and Traditional
Chinese, each starting with the row's line so that it can be found in the
file.
*/

use super::{human_size_in, users};
use crate::i18n::{Lang, Text};
use crate::model::source::{DateProblem, RejectReason};

pub(super) fn reason(line: u64, reason: &RejectReason, lang: Lang) -> Text {
    if let Some(t) = users::reason(line, reason, lang == Lang::ZhTw) {
        return t;
    }
    match lang {
        Lang::En => reason_en(line, reason),
        Lang::ZhTw => reason_zh(line, reason),
    }
}

fn delimiter_en(d: char) -> &'static str {
    match d {
        ',' => "comma",
        ';' => "semicolon",
        '\t' => "tab",
        '|' => "vertical bar (|)",
        _ => "delimiter",
    }
}

fn delimiter_zh(d: char) -> &'static str {
    match d {
        ',' => "逗號",
        ';' => "分號",
        '\t' => "定位字元",
        '|' => "直線（|）",
        _ => "分隔符號",
    }
}

fn date_problem_en(p: DateProblem) -> &'static str {
    match p {
        DateProblem::Unreadable => "is not a date format I can read",
        DateProblem::NoSuchDay => "is not a day that exists",
        DateProblem::ExcelLeapBug => {
            "is Excel's day number 60, the 29 February 1900 that Excel counts but never existed"
        }
    }
}

fn date_problem_zh(p: DateProblem) -> &'static str {
    match p {
        DateProblem::Unreadable => "不是能讀取的日期格式",
        DateProblem::NoSuchDay => "不是實際存在的日期",
        DateProblem::ExcelLeapBug => {
            "是 Excel 的日期序號 60，也就是 Excel 算進去、實際上並不存在的 1900年2月29日"
        }
    }
}

fn reason_en(line: u64, reason: &RejectReason) -> Text {
    let order = |day_first: bool| {
        if day_first {
            "day-first"
        } else {
            "month-first"
        }
    };
    match reason {
        RejectReason::Text(t) => return t.clone().into(),
        RejectReason::NoUserPrincipalName { .. } => {
            return users::reason(line, reason, false).unwrap_or_default()
        }
        RejectReason::FieldTooLong {
            header,
            column,
            size,
            limit,
        } => {
            let name = header
                .as_ref()
                .map_or_else(|| format!("column {}", column + 1), |h| format!("\"{h}\""));
            format!(
                "line {line}: the value in {name} is {}, longer than the {} a cell may hold; the row was skipped",
                human_size_in(*size, Lang::En),
                human_size_in(*limit, Lang::En)
            )
        }
        RejectReason::WrongFieldCount {
            found,
            expected,
            delimiter,
            last_line,
        } => {
            let span = match last_line {
                Some(end_line) => format!(
                    " The row runs from line {line} to line {end_line}: a quoted value in it holds line breaks, so a quote may be missing its closing partner."
                ),
                None => String::new(),
            };
            let delimiter = delimiter_en(*delimiter);
            if found > expected {
                format!(
                    "line {line}: has {found} fields, the header has {expected} — check for an unquoted {delimiter} inside a value.{span}"
                )
            } else {
                format!(
                    "line {line}: has {found} fields, the header has {expected} — the row is cut short, or a quote swallowed a {delimiter}.{span}"
                )
            }
        }
        RejectReason::SwallowedRows { last_line } => format!(
            "line {line}: a quoted value runs from line {line} to line {last_line} and holds what look like \
             whole rows, so a quote is probably missing its closing partner; check the quotes on line {line}"
        ),
        RejectReason::NoCustomer => {
            format!("line {line}: no customer id, name or domain in this row")
        }
        RejectReason::EmptySubscriptionId { header } => {
            format!("line {line}: the subscription id (column \"{header}\") is empty")
        }
        RejectReason::EmptyOffer { header } => {
            format!("line {line}: the offer or product name (column \"{header}\") is empty")
        }
        RejectReason::BadEndDate {
            value,
            header,
            problem,
        } => format!(
            "line {line}: the end date \"{value}\" (column \"{header}\") {}",
            date_problem_en(*problem)
        ),
        RejectReason::BadQuantity { value, header } => format!(
            "line {line}: the quantity \"{value}\" (column \"{header}\") is not a whole number"
        ),
        RejectReason::NegativeQuantity { quantity, header } => {
            format!("line {line}: the quantity {quantity} (column \"{header}\") is negative")
        }
        RejectReason::ContradictoryEndDate {
            value,
            header,
            read_day_first,
        } => format!(
            "line {line}: the end date \"{value}\" (column \"{header}\") can only be {}, \
             but the column was read {} from its other dates; check this row",
            order(!read_day_first),
            order(*read_day_first)
        ),
    }
    .into()
}

fn reason_zh(line: u64, reason: &RejectReason) -> Text {
    let order = |day_first: bool| {
        if day_first {
            "日在前"
        } else {
            "月在前"
        }
    };
    match reason {
        RejectReason::Text(t) => return t.clone().into(),
        RejectReason::NoUserPrincipalName { .. } => {
            return users::reason(line, reason, true).unwrap_or_default()
        }
        RejectReason::FieldTooLong {
            header,
            column,
            size,
            limit,
        } => {
            let name = header
                .as_ref()
                .map_or_else(|| format!("第 {} 欄", column + 1), |h| format!("欄位「{h}」"));
            format!(
                "第 {line} 行：{name}的值有 {}，超過一個儲存格的上限 {}；已略過這一列",
                human_size_in(*size, Lang::ZhTw),
                human_size_in(*limit, Lang::ZhTw)
            )
        }
        RejectReason::WrongFieldCount {
            found,
            expected,
            delimiter,
            last_line,
        } => {
            let span = match last_line {
                Some(end_line) => format!(
                    "這一列從第 {line} 行延續到第 {end_line} 行：其中有個引號值含有換行，可能有引號沒有成對。"
                ),
                None => String::new(),
            };
            let delimiter = delimiter_zh(*delimiter);
            if found > expected {
                format!(
                    "第 {line} 行：有 {found} 個欄位，標題列只有 {expected} 個。請檢查值裡面是否有沒加引號的{delimiter}。{span}"
                )
            } else {
                format!(
                    "第 {line} 行：只有 {found} 個欄位，標題列有 {expected} 個。這一列可能被截斷，或有引號把{delimiter}包了進去。{span}"
                )
            }
        }
        RejectReason::SwallowedRows { last_line } => format!(
            "第 {line} 行：有個引號值從第 {line} 行延續到第 {last_line} 行，裡面看起來包含整列資料，\
             可能有引號沒有成對；請檢查第 {line} 行的引號"
        ),
        RejectReason::NoCustomer => {
            format!("第 {line} 行：這一列沒有客戶識別碼、名稱或網域")
        }
        RejectReason::EmptySubscriptionId { header } => {
            format!("第 {line} 行：訂閱識別碼（欄位「{header}」）是空的")
        }
        RejectReason::EmptyOffer { header } => {
            format!("第 {line} 行：供應項目或產品名稱（欄位「{header}」）是空的")
        }
        RejectReason::BadEndDate {
            value,
            header,
            problem,
        } => format!(
            "第 {line} 行：到期日「{value}」（欄位「{header}」）{}",
            date_problem_zh(*problem)
        ),
        RejectReason::BadQuantity { value, header } => {
            format!("第 {line} 行：數量「{value}」（欄位「{header}」）不是整數")
        }
        RejectReason::NegativeQuantity { quantity, header } => {
            format!("第 {line} 行：數量 {quantity}（欄位「{header}」）是負數")
        }
        RejectReason::ContradictoryEndDate {
            value,
            header,
            read_day_first,
        } => format!(
            "第 {line} 行：到期日「{value}」（欄位「{header}」）只能讀成{}，\
             但這一欄依其他日期是以{}讀取；請檢查這一列",
            order(!read_day_first),
            order(*read_day_first)
        ),
    }
    .into()
}
