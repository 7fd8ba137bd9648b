/*!
The importer's notes ([`ImportNote`]) in Traditional Chinese: how a file
was decoded, which lines were skipped, how its columns and dates were
read, and what was left unknown. Each says what the English note says,
written for a reader in Taiwan (glossary terms, full-width punctuation,
values quoted in 「」).
*/

use super::fields::field_label_zh;
use crate::i18n::{delimiter_name, format_name, Lang, Text};
use crate::model::source::{DateOrderHint, Field, Format, ImportNote, LegacyEncoding};

fn order(day_first: bool) -> &'static str {
    if day_first {
        "日在前（日/月/年）"
    } else {
        "月在前（月/日/年）"
    }
}

fn on_line(e: &Option<(u64, String)>) -> String {
    e.as_ref()
        .map(|(l, v)| format!("第 {l} 行的「{v}」"))
        .unwrap_or_default()
}

fn quoted(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("「{v}」"))
        .collect::<Vec<_>>()
        .join("、")
}

/// A note in Traditional Chinese; a note kept as a sentence says itself.
pub(super) fn note_zh(note: &ImportNote) -> Text {
    match note {
        ImportNote::Text(t) => t.clone().into(),
        ImportNote::Utf16WithoutBom { encoding } => format!(
            "這個檔案沒有位元組順序標記（BOM），但從其中的空字元看得出是 {encoding}，已依此讀取。"
        )
        .into(),
        ImportNote::InvalidUtf16 { encoding } => format!(
            "有些位元組不是有效的 {encoding}，在匯入的值中會顯示為 \u{FFFD}。"
        )
        .into(),
        ImportNote::HalfUtf16Character => "檔案結尾多了半個 UTF-16 字元，已略過。".into(),
        ImportNote::Big5Unavailable => "這個檔案看起來是 Big5（繁體中文）編碼，但這裡無法讀取 \
             Big5，因此改以 Windows-1252 讀取。"
            .into(),
        ImportNote::NotUtf8 { line, encoding } => {
            let why = match encoding {
                LegacyEncoding::Big5 => {
                    "Big5（繁體中文）讀取；繁體中文版 Windows 的 Excel 存成一般「CSV」時就是這種編碼"
                }
                LegacyEncoding::Windows1252 => {
                    "Windows-1252（西歐語系）讀取；西歐語系 Windows 的 Excel 存成一般「CSV」時就是這種編碼"
                }
            };
            format!(
                "這個檔案不是 UTF-8（第 {line} 行起出現不是 UTF-8 的位元組），因此以 {why}。\
                 若名稱顯示成亂碼，請在 Excel 另存為「CSV UTF-8（逗號分隔）(*.csv)」，再匯入一次。"
            )
            .into()
        }
        ImportNote::NulBytesRemoved { count } => format!(
            "檔案中有 {count} 個空字元，表示匯出檔可能已損毀或被填補過；已全部移除。"
        )
        .into(),
        ImportNote::ClassicMacLineEnds => {
            "每行都只以歸位字元結尾（舊式 Mac 的寫法），已正確讀取。".into()
        }
        ImportNote::MixedLineEnds { lone_cr } => format!(
            "檔案混用了不同的換行方式（其中有 {lone_cr} 個單獨的歸位字元），每一個都當作換行讀取。"
        )
        .into(),
        ImportNote::SkippedTypeLine { line } => {
            format!("已略過 PowerShell 的型別說明行：{line}").into()
        }
        ImportNote::SepLine { delimiter } => format!(
            "檔案的「sep=」行指定以{}分隔，已照此讀取。",
            delimiter_name(*delimiter, Lang::ZhTw)
        )
        .into(),
        ImportNote::UnknownSepLine => "已略過一行「sep=」：它指定的分隔符號無法辨識。".into(),
        ImportNote::SkippedPreamble {
            count,
            first_line,
            last_line,
            previews,
        } => format!(
            "已略過標題列之前的 {count} 行（第 {first_line}–{last_line} 行）：{}。",
            quoted(previews)
        )
        .into(),
        ImportNote::UnknownFormat => {
            "欄位名稱不符合任何已知的匯出格式，已依各欄位的名稱對應。".into()
        }
        ImportNote::Recognised {
            format: Format::Generic,
        } => "這是一份訂閱清單，但不屬於任何已知的匯出格式。".into(),
        ImportNote::Recognised { format } => {
            format!("已辨識檔案格式：{}。", format_name(*format, Lang::ZhTw)).into()
        }
        ImportNote::ChosenColumnMissing { field, header } => format!(
            "您為「{}」選擇了欄位「{header}」，但這個檔案沒有這一欄。",
            field_label_zh(*field)
        )
        .into(),
        ImportNote::ColumnsUsed { columns } => format!(
            "使用的欄位：{}。",
            columns
                .iter()
                .map(|(f, h)| format!("{} ←「{h}」", field_label_zh(*f)))
                .collect::<Vec<_>>()
                .join("、")
        )
        .into(),
        ImportNote::BlankLines { count } => {
            format!("已略過 {count} 個空白行；空白行不算資料列。").into()
        }
        ImportNote::MissingColumns { fields } => format!(
            "沒有任何欄位被辨識為{}；請選擇存放它的欄位。目前尚未匯入任何資料。",
            fields
                .iter()
                .map(|f| format!("「{}」", field_label_zh(*f)))
                .collect::<Vec<_>>()
                .join("或")
        )
        .into(),
        ImportNote::CustomersOnly => "這個檔案只列出客戶，沒有他們的訂閱。請匯入每位客戶的\
             訂閱匯出檔（或對帳檔），才能規劃移轉。"
            .into(),
        ImportNote::AwaitingDateOrder { rows } => {
            format!("已讀取 {rows} 列；選定日期順序後就會匯入。").into()
        }
        ImportNote::CustomerFromFileName { name } => format!(
            "這個匯出檔沒有客戶欄位，因此其訂閱都歸給取自檔名的客戶「{name}」。\
             若這不是該客戶，請重新命名檔案後再匯入一次。"
        )
        .into(),
        ImportNote::CustomerNamedByUser { name } => {
            format!("這個檔案沒有客戶欄位；依您的回答，所有列都屬於客戶「{name}」。").into()
        }
        ImportNote::UnknownLicenses { .. } | ImportNote::UserRowsJoined { .. } => {
            super::users::note_zh(note).unwrap_or_default()
        }
        ImportNote::RowsNumbered => "這個檔案沒有訂閱識別碼欄位，因此每一列以其行號編號\
             （例如第 2 行為 row-2）。檢查清單以這些編號稱呼訂閱；請在合作夥伴中心依產品與數量找出對應的訂閱。"
            .into(),
        ImportNote::NoCustomer => "這個匯出檔沒有客戶欄位，也沒有提供檔名，因此其訂閱沒有對應的客戶。".into(),
        ImportNote::NoSubscriptionIds => "這份授權報表沒有合作夥伴中心的訂閱識別碼，因此只能依產品\
             辨識訂閱；檢查清單無法指出要暫停哪一個訂閱。"
            .into(),
        ImportNote::DateOrderSettled {
            header,
            day_first,
            example,
        } => {
            let because = match example {
                Some(_) => format!("，因為有些值只能這樣讀，例如{}", on_line(example)),
                None => "，因為有些值只能這樣讀".to_string(),
            };
            format!("欄位「{header}」的日期以{}讀取{because}。", order(*day_first)).into()
        }
        ImportNote::DateOrderMixed {
            header,
            day_first_example,
            month_first_example,
            day_first,
        } => format!(
            "欄位「{header}」的日期兩種寫法都有（{}是日在前，{}是月在前）；\
             這一欄以{}讀取，與此不符的列未匯入。",
            on_line(day_first_example),
            on_line(month_first_example),
            order(*day_first)
        )
        .into(),
        ImportNote::DateOrderChosen { header, day_first } => format!(
            "依您的選擇，欄位「{header}」的日期以{}讀取。",
            order(*day_first)
        )
        .into(),
        ImportNote::DateOrderAssumed {
            header,
            example,
            day_first,
            why,
        } => {
            let why = match why {
                DateOrderHint::Dotted => "以點分隔的日期（01.07.2020）在使用這種寫法的地方都是日在前",
                DateOrderHint::Reconciliation => "對帳檔的說明文件顯示其日期是月在前",
                DateOrderHint::BulkMigration => "大量移轉工具寫出的日期是月在前",
                DateOrderHint::TwelveHourClock => {
                    "時間帶有 AM/PM 表示來自美國英文版 Windows，其日期是月在前"
                }
            };
            format!(
                "假設：欄位「{header}」中像「{example}」這樣的日期以{}讀取，因為{why}。\
                 檔案本身無法證實這一點；若有誤，請重新匯入並選擇另一種順序。",
                order(*day_first)
            )
            .into()
        }
        ImportNote::SeatsUnknown { count } => format!(
            "這個對帳檔中有 {count} 個訂閱只有改變授權數量的費用（新增、移除或取消授權），\
             沒有載明授權數量的費用，因此授權數量不明。"
        )
        .into(),
        ImportNote::ReconciliationMerged => "對帳檔每筆費用一列：已依 \
             SyndicationPartnerSubscriptionNumber（合作夥伴中心的訂閱識別碼）把各列合併成訂閱。\
             這個檔案沒有狀態和自動續訂欄位，因此這兩項不明。"
            .into(),
        ImportNote::ExactDuplicates { count } => format!(
            "有 {count} 列和先前某一列完全相同（訂閱識別碼和各值都一樣），已併入該列。"
        )
        .into(),
        ImportNote::DifferingDuplicates { examples } => format!(
            "有些訂閱識別碼出現在多列且值不同，每一列都已保留：{}。",
            examples
                .iter()
                .map(|(id, first, line)| format!("{id}（第 {first} 與第 {line} 行）"))
                .collect::<Vec<_>>()
                .join("、")
        )
        .into(),
        ImportNote::UnreadValues {
            count,
            field,
            header,
            examples,
        } => {
            let left = if *field == Field::Status {
                "其他"
            } else {
                "不明"
            };
            format!(
                "欄位「{header}」（{}）中有 {count} 個值無法讀取（{}），已視為{left}。",
                field_label_zh(*field),
                quoted(examples)
            )
            .into()
        }
        ImportNote::BlankStatus { count } => {
            format!("有 {count} 列的狀態是空白，已視為其他。").into()
        }
        ImportNote::ExcelSerialDates { count } => format!(
            "有 {count} 個到期日是 Excel 的日期序號（例如 44013），已依 Excel 常用的 1900 日期系統讀取。"
        )
        .into(),
        ImportNote::TwoDigitYears { count } => {
            format!("有 {count} 個到期日的年份只有兩位數，已讀成 20xx 年。").into()
        }
    }
}
