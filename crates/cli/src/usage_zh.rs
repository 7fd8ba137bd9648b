/*!
The usage text in Traditional Chinese, printed for `--help` when the line
also says `--lang zh-TW`. It lists the same options as [`USAGE`](crate::USAGE),
in the same order (a test holds the two together), in the terms of
`docs/glossary.md`.
*/

use kaizala_engine::plan::Lang;

/// The usage text in Traditional Chinese.
pub const USAGE_ZH: &str = "\
用法：kaizala-plan 檔案 [選項]

讀取合作夥伴中心的訂閱匯出檔（「檔案」，或以 - 代表標準輸入），
寫出 Kaizala Pro 的移轉規劃。

選項：
  --as-of DATE            規劃基準日（YYYY-MM-DD；預設為今天，UTC）
  --cutoff DATE           Kaizala Pro 的停售日（預設為 2020-07-01）
  --format FORMAT         json、csv、md 或 ics（預設為 json）；或為 --customer 指定的
                          客戶寫出 ps1（移轉使用者授權的 PowerShell 指令碼）或
                          users-csv（要移轉的使用者）
  --customer CUSTOMER     ps1 或 users-csv 所屬的客戶
  --out FILE              寫入檔案，而不是標準輸出
  --lang LANG             en 或 zh-TW（預設為 en）
  --map FIELD=COLUMN      從名為 COLUMN 的欄位讀取 FIELD；FIELD 為下列之一：
                          customer_id, customer_name, customer_domain, qualification,
                          subscription_id, offer, friendly_name, sku, seats, status,
                          auto_renew, end_date, term, reseller_mpn_id, trial；使用者
                          匯出檔另有 user_principal_name, display_name, licenses,
                          proxy_addresses, block_credential
  --date-order ORDER      month-first（月在前）或 day-first（日在前），用於 3/4/2020
                          這類日期
  --customer-name NAME    檔案沒有客戶欄位且只有一位客戶：就是這位客戶（有多位客戶
                          的檔案請用 --map 指定客戶欄位）
  --number-rows           檔案沒有訂閱識別碼欄位：為每一列編號（row-2、row-3…）
  --frontline CUSTOMER    為此客戶建議第一線員工（F3）方案
  --education CUSTOMER    將此客戶視為教育機構
  --not-education CUSTOMER
                          不將此客戶視為教育機構
  --plan CUSTOMER=PLAN    為此客戶建議 PLAN（代號如 o365-e1、名稱如「Office 365 E1」，
                          或 SKU 如 STANDARDPACK）
  --seats CUSTOMER=N      為此客戶購買 N 個授權
  --include-trials CUSTOMER
                          此客戶的 Kaizala Pro 試用版也規劃授權
  --reseller MPN          只寫出經由此 MPN 識別碼的間接經銷商銷售的客戶
                          （「direct」代表沒有經銷商的客戶）
  --progress FILE         要一併寫出的勾選、完成日期與備註：工作區的進度 JSON 或
                          工作區檔案（後者也帶有合作夥伴資料與各客戶的選擇）
  --users FILE            某位客戶租用戶的使用者匯出檔（系統管理中心的「匯出使用者」
                          或授權報表）：依檔案中的網域對應到客戶；也可以寫成
                          「--users \"CUSTOMER=FILE\"」直接指定客戶
  -h, --help              顯示這份說明
  -V, --version           顯示版本

CUSTOMER 為匯出檔中的租用戶識別碼、網域或公司名稱。指定客戶的選項可以重複使用。

「檔案」也可以是工作區檔案：其中每個匯出檔都以儲存時的選項讀取（因此不使用
選項 --map、--date-order、--customer-name 與 --number-rows），合併為一份規劃，
並帶入其進度、合作夥伴資料與各客戶的選擇（此處給的選項優先）。
";

/// The usage text in `lang`.
pub fn usage(lang: Lang) -> &'static str {
    match lang {
        Lang::En => crate::USAGE,
        Lang::ZhTw => USAGE_ZH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The options each text lists, in order.
    fn options(text: &str) -> Vec<&str> {
        text.lines()
            .map(str::trim_start)
            .filter(|l| l.starts_with('-'))
            .filter_map(|l| l.split_whitespace().find(|w| w.starts_with("--")))
            .collect()
    }

    #[test]
    fn both_languages_list_the_same_options() {
        let en = options(crate::USAGE);
        assert!(en.len() > 20, "{en:?}");
        assert_eq!(options(USAGE_ZH), en);
        assert!(USAGE_ZH.contains("block_credential"));
    }
}
