/*!
Why a file could not be read at all ([`ImportErrorKind`]), in English and
Traditional Chinese, with what to do about it. An Excel workbook is the
file partners upload most often by mistake, so its help names the exact
menu path of Excel in each language.
*/

use super::human_size_in;
use crate::i18n::{Lang, Text};
use crate::import::error::{BinaryFormat, ImportErrorKind};

const SAVE_AS_CSV: &str = "Open it in Excel and choose File > Save As > \"CSV UTF-8 (Comma \
                           delimited) (*.csv)\", then import the saved file.";

// Excel's zh-TW menu and file type, as a partner sees them.
const SAVE_AS_CSV_ZH: &str = "請用 Excel 開啟，選擇「檔案 > 另存新檔」，存檔類型選\
                              「CSV UTF-8（逗號分隔）(*.csv)」，再匯入存好的檔案。";

pub(super) fn error(kind: &ImportErrorKind, lang: Lang) -> Text {
    match lang {
        Lang::En => error_en(kind),
        Lang::ZhTw => error_zh(kind),
    }
}

fn error_en(kind: &ImportErrorKind) -> Text {
    match kind {
        ImportErrorKind::TooLarge { size, limit } => format!(
            "This file is {}, larger than the {} the planner reads in one go. Split the \
             export (for example one file per customer), or filter it to the rows you need, \
             and import the parts.",
            human_size_in(*size, Lang::En),
            human_size_in(*limit, Lang::En)
        )
        .into(),
        ImportErrorKind::Empty => "The file is empty: it has no bytes at all.".into(),
        ImportErrorKind::Binary(b) => binary_en(*b),
        ImportErrorKind::OnlyByteOrderMark => {
            "The file holds only a byte-order mark (the invisible marker at the start of \
             Unicode files) and no text. Export the data again."
                .into()
        }
        ImportErrorKind::NoText => "The file is empty: it has no text.".into(),
        ImportErrorKind::ControlCharacters => {
            "This file does not look like text: it is full of control characters. \
             It may be a spreadsheet or another binary file renamed to .csv. Open it in \
             the program that made it and save it as CSV (in Excel: File > Save As > \
             \"CSV UTF-8 (Comma delimited)\")."
                .into()
        }
        ImportErrorKind::OnlyPreamble => {
            "The file has no header row and no data: only a preamble line.".into()
        }
        ImportErrorKind::NoLines => "The file has no lines to read.".into(),
        ImportErrorKind::TooManyColumns { limit } => format!(
            "The header row has more than {limit} columns, more than an export can \
             plausibly have. The file is probably not a subscription export, or its lines \
             are not separated as expected."
        )
        .into(),
        ImportErrorKind::UnclosedQuote { line, last_line } => format!(
            "Line {line} opens a quoted value that is never closed, so everything from line \
             {line} to the end of the file (line {last_line}) would be read as one value. Check \
             the quotes on line {line}: a quote inside a value must be doubled (\"\")."
        )
        .into(),
        ImportErrorKind::NoDataRows { header_line } => {
            format!("The file has a header row (line {header_line}) but no data rows under it.")
                .into()
        }
        ImportErrorKind::AlreadyFinished => {
            "This import has already finished; start a new one to read the file again.".into()
        }
        ImportErrorKind::RowsAlreadyTaken => "This import has already finished.".into(),
    }
}

fn binary_en(b: BinaryFormat) -> Text {
    match b {
        BinaryFormat::Zip => format!(
            "This file is an Excel workbook (.xlsx) or another zip archive, not a CSV text \
             file, even if its name ends in .csv. {SAVE_AS_CSV}"
        )
        .into(),
        BinaryFormat::OldOffice => format!(
            "This file is an older Excel workbook (.xls, or another Office document), not a CSV \
             text file. {SAVE_AS_CSV}"
        )
        .into(),
        BinaryFormat::Pdf => {
            "This file is a PDF document, not a CSV file. A PDF cannot be read as a table: export \
             the subscriptions from Partner Center again as CSV (Customers > a customer > \
             Subscriptions > Export), or from the tool that made the PDF."
                .into()
        }
        BinaryFormat::Png => {
            "This file is a PNG image, not a CSV file. Export the subscriptions as CSV instead of \
             taking a screenshot."
                .into()
        }
        BinaryFormat::Jpeg => {
            "This file is a JPEG image, not a CSV file. Export the subscriptions as CSV instead of \
             taking a photo or screenshot."
                .into()
        }
        BinaryFormat::Gif => {
            "This file is a GIF image, not a CSV file. Export the subscriptions as CSV instead."
                .into()
        }
        BinaryFormat::Rtf => {
            format!("This file is a Rich Text (RTF) document, not a CSV file. {SAVE_AS_CSV}").into()
        }
    }
}

fn error_zh(kind: &ImportErrorKind) -> Text {
    match kind {
        ImportErrorKind::TooLarge { size, limit } => format!(
            "這個檔案有 {}，超過規劃工具一次能讀取的 {}。請把匯出檔分成幾個\
             （例如每位客戶一個），或只篩選出需要的列，再分別匯入。",
            human_size_in(*size, Lang::ZhTw),
            human_size_in(*limit, Lang::ZhTw)
        )
        .into(),
        ImportErrorKind::Empty => "這個檔案是空的，沒有任何內容。".into(),
        ImportErrorKind::Binary(b) => binary_zh(*b),
        ImportErrorKind::OnlyByteOrderMark => {
            "這個檔案只有位元組順序標記（BOM，Unicode 檔案開頭看不見的記號），沒有任何文字。\
             請重新匯出資料。"
                .into()
        }
        ImportErrorKind::NoText => "這個檔案是空的，沒有任何文字。".into(),
        ImportErrorKind::ControlCharacters => {
            "這個檔案看起來不是文字檔：裡面滿是控制字元，可能是試算表或其他二進位檔被改名為 .csv。\
             請用產生它的程式開啟，另存為 CSV。在 Excel 中是「檔案 > 另存新檔」，\
             存檔類型選「CSV UTF-8（逗號分隔）(*.csv)」。"
                .into()
        }
        ImportErrorKind::OnlyPreamble => {
            "這個檔案沒有標題列，也沒有資料，只有開頭的一行說明。".into()
        }
        ImportErrorKind::NoLines => "這個檔案沒有可讀取的內容。".into(),
        ImportErrorKind::TooManyColumns { limit } => format!(
            "標題列超過 {limit} 個欄位，比任何匯出檔會有的都多。這可能不是訂閱匯出檔，\
             或是各行的分隔方式和預期不同。"
        )
        .into(),
        ImportErrorKind::UnclosedQuote { line, last_line } => format!(
            "第 {line} 行有一個引號一直沒有結束，因此從第 {line} 行到檔案結尾（第 {last_line} 行）\
             都會被讀成同一個值。請檢查第 {line} 行的引號：值裡面的引號要寫成兩個（\"\"）。"
        )
        .into(),
        ImportErrorKind::NoDataRows { header_line } => {
            format!("這個檔案有標題列（第 {header_line} 行），但下面沒有任何資料列。").into()
        }
        ImportErrorKind::AlreadyFinished => "這次匯入已經完成；若要再讀取檔案，請重新匯入。".into(),
        ImportErrorKind::RowsAlreadyTaken => "這次匯入已經完成。".into(),
    }
}

fn binary_zh(b: BinaryFormat) -> Text {
    match b {
        BinaryFormat::Zip => format!(
            "這個檔案是 Excel 活頁簿（.xlsx）或其他 zip 壓縮檔，不是 CSV 文字檔，\
             即使檔名以 .csv 結尾也一樣。{SAVE_AS_CSV_ZH}"
        )
        .into(),
        BinaryFormat::OldOffice => format!(
            "這個檔案是舊版 Excel 活頁簿（.xls）或其他 Office 文件，不是 CSV 文字檔。\
             {SAVE_AS_CSV_ZH}"
        )
        .into(),
        BinaryFormat::Pdf => {
            "這個檔案是 PDF 文件，不是 CSV 檔。PDF 無法當成表格讀取：請從合作夥伴中心重新把訂閱\
             匯出為 CSV（客戶 > 選擇客戶 > 訂閱 > 匯出），或從產生這份 PDF 的工具匯出。"
                .into()
        }
        BinaryFormat::Png => {
            "這個檔案是 PNG 圖片，不是 CSV 檔。請把訂閱匯出為 CSV，不要用螢幕擷取畫面。".into()
        }
        BinaryFormat::Jpeg => {
            "這個檔案是 JPEG 圖片，不是 CSV 檔。請把訂閱匯出為 CSV，不要用拍照或螢幕擷取畫面。"
                .into()
        }
        BinaryFormat::Gif => "這個檔案是 GIF 圖片，不是 CSV 檔。請改為把訂閱匯出為 CSV。".into(),
        BinaryFormat::Rtf => {
            format!("這個檔案是 RTF 格式文件，不是 CSV 檔。{SAVE_AS_CSV_ZH}").into()
        }
    }
}
