/*!
The app's texts in English and Traditional Chinese (Taiwan).

Each language is one `Texts` value, so a missing translation is a compile
error rather than a blank on screen.
*/

/// A language the app speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    ZhTw,
}

impl Lang {
    /// BCP 47 tag, for `<html lang>` and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhTw => "zh-TW",
        }
    }

    /// The language for a browser preference like `zh-TW`, `zh-Hant-HK`
    /// or `en-GB`. Chinese other than Simplified is served Traditional.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.to_ascii_lowercase();
        if t == "en" || t.starts_with("en-") {
            Some(Lang::En)
        } else if t.starts_with("zh") {
            let simplified = t.contains("hans") || t == "zh-cn" || t == "zh-sg";
            (!simplified).then_some(Lang::ZhTw)
        } else {
            None
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::ZhTw => &ZH_TW,
        }
    }
}

/// Every fixed text of the app in one language.
pub struct Texts {
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub privacy: &'static str,
    pub language: &'static str,
    pub upload_title: &'static str,
    pub upload_hint: &'static str,
    pub choose_file: &'static str,
    pub try_sample: &'static str,
    pub drop_here: &'static str,
    pub reading: &'static str,
    pub start_over: &'static str,
    pub could_not_read: &'static str,
    pub import_report: &'static str,
    pub format: &'static str,
    pub encoding: &'static str,
    pub delimiter: &'static str,
    pub rows_read: &'static str,
    pub subscriptions: &'static str,
    pub merged_rows: &'static str,
    pub customer_rows: &'static str,
    pub rejected_rows: &'static str,
    pub line: &'static str,
    pub reason: &'static str,
    pub notes: &'static str,
    pub needs_mapping: &'static str,
}

pub static EN: Texts = Texts {
    app_title: "Kaizala Migration Planner",
    tagline: "Find every Kaizala Pro subscription that ends, pick its Microsoft 365 replacement, and work through the move customer by customer.",
    privacy: "Your file is read in this browser and never uploaded.",
    language: "Language",
    upload_title: "Start with your subscription export",
    upload_hint: "Partner Center, PowerShell or API exports, reconciliation files and Excel re-saves of them (.csv, .txt, .tsv).",
    choose_file: "Choose a file",
    try_sample: "Try with sample data",
    drop_here: "or drop it anywhere on this page",
    reading: "Reading",
    start_over: "Start over",
    could_not_read: "This file could not be read",
    import_report: "Import report",
    format: "Format",
    encoding: "Encoding",
    delimiter: "Delimiter",
    rows_read: "Rows read",
    subscriptions: "Subscriptions",
    merged_rows: "Rows merged into a subscription",
    customer_rows: "Customer rows",
    rejected_rows: "Rejected rows",
    line: "Line",
    reason: "Reason",
    notes: "Notes",
    needs_mapping: "Some columns need to be matched by hand",
};

pub static ZH_TW: Texts = Texts {
    app_title: "Kaizala 移轉規劃工具",
    tagline: "找出每個即將到期的 Kaizala Pro 訂閱，選定 Microsoft 365 替代方案，再逐一客戶完成移轉。",
    privacy: "檔案只在這個瀏覽器中讀取，絕不會上傳。",
    language: "語言",
    upload_title: "從您的訂閱匯出檔開始",
    upload_hint: "支援合作夥伴中心、PowerShell 或 API 匯出檔、對帳檔，以及用 Excel 另存的版本（.csv、.txt、.tsv）。",
    choose_file: "選擇檔案",
    try_sample: "使用範例資料試用",
    drop_here: "或將檔案拖放到此頁任何位置",
    reading: "正在讀取",
    start_over: "重新開始",
    could_not_read: "無法讀取這個檔案",
    import_report: "匯入報告",
    format: "格式",
    encoding: "編碼",
    delimiter: "分隔符號",
    rows_read: "讀取列數",
    subscriptions: "訂閱",
    merged_rows: "併入既有訂閱的列",
    customer_rows: "客戶資料列",
    rejected_rows: "未採用的列",
    line: "行",
    reason: "原因",
    notes: "說明",
    needs_mapping: "有些欄位需要手動對應",
};
