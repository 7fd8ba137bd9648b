/*!
Every sentence the command line writes itself, in English and Traditional
Chinese, chosen by `--lang`: input failures, the summary on standard
error, the mapping explanation's lines, and the usage errors of the value
parsers (typed as [`ArgProblem`], so they can be said in the language the
line asked for). The engine's own messages (import errors, rejected rows,
mapping problems, conflicts) are rendered by the engine.

The help (`USAGE`) stays English: it documents option names and values,
which are English on every line.
*/

use kaizala_engine::plan::Lang;

/// Picks the English or the Chinese wording.
fn by(lang: Lang, en: String, zh: String) -> String {
    match lang {
        Lang::En => en,
        Lang::ZhTw => zh,
    }
}

/// A count as Taiwan writes it, with thousands separators (`12,220`).
fn count(n: impl Into<u64>) -> String {
    let digits = n.into().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

// ---- the binary: files, the help hint ----

/// The line under a usage error that points to the help.
pub fn help_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Run `kaizala-plan --help` for the options.",
        Lang::ZhTw => "執行 `kaizala-plan --help --lang zh-TW` 查看所有選項。",
    }
}

/// A file that could not be read or written: the system's reason in
/// English, and the common ones in words in zh-TW.
pub fn io_failure(lang: Lang, writing: bool, target: &str, e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let (verb_en, verb_zh) = if writing {
        ("cannot write", "無法寫入")
    } else {
        ("cannot read", "無法讀取")
    };
    let why_zh = match e.kind() {
        ErrorKind::NotFound => "找不到這個檔案".to_string(),
        ErrorKind::PermissionDenied => "沒有存取權限".to_string(),
        ErrorKind::IsADirectory => "這是一個資料夾，不是檔案".to_string(),
        _ => e.to_string(),
    };
    by(
        lang,
        format!("{verb_en} {target}: {e}"),
        format!("{verb_zh} {target}：{why_zh}"),
    )
}

/// Where the export goes without `--out`.
pub fn standard_output(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "standard output",
        Lang::ZhTw => "標準輸出",
    }
}

// ---- input failures ----

/// A file whose content could not be read, with the engine's reason.
pub(crate) fn cannot_read(lang: Lang, what: &str, why: &str) -> String {
    by(
        lang,
        format!("cannot read {what}: {why}"),
        format!("無法讀取 {what}：{why}"),
    )
}

pub(crate) fn cannot_read_in(lang: Lang, name: &str, path: &str, why: &str) -> String {
    by(
        lang,
        format!("cannot read \"{name}\" in {path}: {why}"),
        format!("無法讀取 {path} 中的「{name}」：{why}"),
    )
}

pub(crate) fn not_progress(lang: Lang, path: &str) -> String {
    by(
        lang,
        format!(
            "cannot read {path}: it is neither progress saved by the app (a JSON object \
             with \"ticked\" and \"notes\") nor a workspace file"
        ),
        format!(
            "無法讀取 {path}：它既不是應用程式儲存的進度（含有 \"ticked\" 和 \"notes\" 的 JSON 物件），\
             也不是工作區檔案"
        ),
    )
}

pub(crate) fn empty_workspace(lang: Lang, path: &str) -> String {
    by(
        lang,
        format!("{path} is a workspace file with no exports in it: add an export in the app first"),
        format!("{path} 是工作區檔案，但裡面沒有任何匯出檔：請先在應用程式中加入匯出檔"),
    )
}

pub(crate) fn unmapped_in_workspace(lang: Lang, name: &str, path: &str) -> String {
    by(
        lang,
        format!(
            "\"{name}\" in {path} cannot be read with the options saved with it \
             (its columns or date order were not chosen); open the workspace in the \
             app and finish importing that file"
        ),
        format!(
            "{path} 中的「{name}」無法依其儲存的選項讀取（尚未選擇欄位或日期順序）；\
             請在應用程式中開啟工作區，完成這個檔案的匯入"
        ),
    )
}

pub(crate) fn not_users_export(lang: Lang, path: &str) -> String {
    by(
        lang,
        format!(
            "{path} is not a users export: it has no user principal name and licenses \
             columns (give the admin center's Export users file, or a license report)"
        ),
        format!(
            "{path} 不是使用者匯出檔：它沒有使用者主體名稱和授權欄位（請提供 Microsoft 365 \
             系統管理中心「匯出使用者」的檔案，或授權報表）"
        ),
    )
}

pub(crate) fn users_need_mapping(lang: Lang, path: &str, explanation: &str) -> String {
    by(
        lang,
        format!("cannot read {path} as a users export: {explanation}"),
        format!("無法把 {path} 當作使用者匯出檔讀取：{explanation}"),
    )
}

/// A users file that no single customer's domain matches.
pub(crate) fn no_single_customer(
    lang: Lang,
    path: &str,
    none_found: bool,
    domains: &[&str],
    listed: &[String],
) -> String {
    match lang {
        Lang::En => format!(
            "{path}: {} ({}). Name the customer with --users \"CUSTOMER={path}\"; the customers: {}",
            if none_found {
                "no customer of the export has one of its domains"
            } else {
                "several customers of the export have its domains"
            },
            if domains.is_empty() {
                "it shows no domain".to_string()
            } else {
                domains.join(", ")
            },
            listed.join("; ")
        ),
        Lang::ZhTw => format!(
            "{path}：{}（{}）。請以 --users \"CUSTOMER={path}\" 指定客戶；客戶有：{}",
            if none_found {
                "匯出檔中沒有客戶擁有它的網域"
            } else {
                "匯出檔中有多位客戶擁有它的網域"
            },
            if domains.is_empty() {
                "檔案中沒有任何網域".to_string()
            } else {
                domains.join("、")
            },
            listed.join("；")
        ),
    }
}

/// A customer as the list of candidates names it.
pub(crate) fn customer_with_domain(lang: Lang, name: &str, domain: &str) -> String {
    by(
        lang,
        format!("{name} ({domain})"),
        format!("{name}（{domain}）"),
    )
}

pub(crate) fn no_such_customer(lang: Lang, who: &str) -> String {
    by(
        lang,
        format!("no customer in the file is called \"{who}\" (give its tenant id, domain or name)"),
        format!("檔案中沒有名為「{who}」的客戶（請提供其租用戶識別碼、網域或名稱）"),
    )
}

pub(crate) fn ambiguous_customer(lang: Lang, who: &str, keys: &[String]) -> String {
    by(
        lang,
        format!(
            "\"{who}\" names {} customers; give the tenant id or domain instead ({})",
            keys.len(),
            keys.join(", ")
        ),
        format!(
            "「{who}」對應到 {} 位客戶；請改用租用戶識別碼或網域（{}）",
            keys.len(),
            keys.join("、")
        ),
    )
}

pub(crate) fn customer_export_needs_customer(lang: Lang) -> String {
    by(
        lang,
        "--format ps1 and users-csv are written for one customer: add --customer CUSTOMER".into(),
        "--format ps1 和 users-csv 是為單一客戶產生的：請加上 --customer CUSTOMER".into(),
    )
}

pub(crate) fn no_kaizala(lang: Lang, who: &str) -> String {
    by(
        lang,
        format!(
            "\"{who}\" has no Kaizala Pro subscription to migrate, so there are no users to move"
        ),
        format!("「{who}」沒有需要移轉的 Kaizala Pro 訂閱，因此沒有要移轉的使用者"),
    )
}

pub(crate) fn no_users_file(lang: Lang, who: &str) -> String {
    by(
        lang,
        format!("no users file for \"{who}\": add --users FILE with its tenant's users export"),
        format!("「{who}」沒有使用者匯出檔：請以 --users FILE 提供其租用戶的使用者匯出檔"),
    )
}

pub(crate) fn no_such_reseller(lang: Lang, mpn: &str, known: &[String]) -> String {
    match lang {
        Lang::En => format!(
            "no customer of this file is sold through reseller {mpn}; its resellers: {}",
            if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            }
        ),
        Lang::ZhTw => format!(
            "這個檔案中沒有透過經銷商 {mpn} 銷售的客戶；檔案中的經銷商：{}",
            if known.is_empty() {
                "無".to_string()
            } else {
                known.join("、")
            }
        ),
    }
}

// ---- the summary on standard error ----

/// The summary of a `ps1` or `users-csv` run.
pub(crate) fn users_summary(
    lang: Lang,
    customer: &str,
    holders: u32,
    to_license: u32,
    covered: u32,
) -> String {
    by(
        lang,
        format!(
            "{customer}: {holders} users hold Kaizala Pro; {to_license} need a license, {covered} already have a plan that includes Kaizala."
        ),
        format!(
            "{customer}：{} 位使用者持有 Kaizala Pro；{} 位需要授權，{} 位已有包含 Kaizala 的方案。",
            count(holders),
            count(to_license),
            count(covered)
        ),
    )
}

/// The start of the summary when FILE is a workspace file.
pub(crate) fn workspace_prefix(lang: Lang, name: &str, files: usize) -> String {
    let files = files as u64;
    match (lang, name.trim().is_empty()) {
        (Lang::En, true) => format!("Workspace of {files} files: "),
        (Lang::En, false) => format!("Workspace \"{name}\", {files} files: "),
        (Lang::ZhTw, true) => format!("工作區（{} 個檔案）：", count(files)),
        (Lang::ZhTw, false) => format!("工作區「{name}」（{} 個檔案）：", count(files)),
    }
}

/// The plan's summary line: rows, rejected rows, customers, seats.
pub(crate) struct PlanCounts {
    pub rows: u64,
    pub rejected: u64,
    pub with_kaizala: u64,
    pub customers: u64,
    pub subscriptions: u64,
    pub seats: u64,
}

pub(crate) fn plan_summary(lang: Lang, c: &PlanCounts) -> String {
    by(
        lang,
        format!(
            "{} rows read, {} rejected; {} of {} customers have Kaizala Pro ({} subscriptions, {} seats).",
            c.rows, c.rejected, c.with_kaizala, c.customers, c.subscriptions, c.seats
        ),
        format!(
            "已讀取 {} 列，{} 列未匯入；{} 位客戶中有 {} 位使用 Kaizala Pro（{} 個訂閱，{} 個授權）。",
            count(c.rows),
            count(c.rejected),
            count(c.customers),
            count(c.with_kaizala),
            count(c.subscriptions),
            count(c.seats)
        ),
    )
}

/// Whom a rejected row names, after its reason.
pub(crate) fn row_source(lang: Lang, source: &str) -> String {
    by(lang, format!(" ({source})"), format!("（{source}）"))
}

pub(crate) fn more_rejected(lang: Lang, n: usize) -> String {
    by(
        lang,
        format!("... and {n} more rejected rows (all of them are in the JSON export)"),
        format!(
            "……另有 {} 列未匯入（全部列在 JSON 匯出檔中）",
            count(n as u64)
        ),
    )
}

pub(crate) fn more_conflicts(lang: Lang, n: usize) -> String {
    by(
        lang,
        format!("... and {n} more facts the workspace's files disagree on"),
        format!("……另有 {} 項資料在工作區的檔案之間不一致", count(n as u64)),
    )
}

// ---- the mapping explanation ----

pub(crate) fn columns_not_matched(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "The file's columns could not all be matched to what the planner needs.\n",
        Lang::ZhTw => "檔案的欄位無法全部對應到規劃工具需要的資料。\n",
    }
}

/// A missing field, as `--map` names it, with its name in words in zh-TW.
pub(crate) fn field_line(lang: Lang, name: &str, label: &str, candidates: &[String]) -> String {
    match (lang, candidates.is_empty()) {
        (Lang::En, false) => {
            let list: Vec<String> = candidates.iter().map(|c| format!("\"{c}\"")).collect();
            format!("  {name}: perhaps {}\n", list.join(", "))
        }
        (Lang::En, true) => format!("  {name}: no column looks like it\n"),
        (Lang::ZhTw, false) => {
            let list: Vec<String> = candidates.iter().map(|c| format!("「{c}」")).collect();
            format!("  {name}（{label}）：可能是{}\n", list.join("、"))
        }
        (Lang::ZhTw, true) => format!("  {name}（{label}）：沒有看起來相符的欄位\n"),
    }
}

pub(crate) fn columns_in_file(lang: Lang, headers: &[String]) -> String {
    match lang {
        Lang::En => {
            let list: Vec<String> = headers.iter().map(|h| format!("\"{h}\"")).collect();
            format!("Columns in the file: {}\n", list.join(", "))
        }
        Lang::ZhTw => {
            let list: Vec<String> = headers.iter().map(|h| format!("「{h}」")).collect();
            format!("檔案中的欄位：{}\n", list.join("、"))
        }
    }
}

pub(crate) fn run_again_with_map(lang: Lang, example: &str) -> String {
    by(
        lang,
        format!("Run again with --map FIELD=COLUMN for each, for example: {example}\n"),
        format!("請為每一項加上 --map FIELD=COLUMN 後重新執行，例如：{example}\n"),
    )
}

pub(crate) fn number_rows_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "If the file has no subscription id column, add --number-rows to number its rows.\n"
        }
        Lang::ZhTw => "若檔案沒有訂閱識別碼欄位，請加上 --number-rows 為各列編號。\n",
    }
}

pub(crate) fn customer_question(lang: Lang, name: &str) -> String {
    by(
        lang,
        format!(
            "The file has no customer column. If it holds one customer, add --customer-name \"{name}\"; \
             if it holds several, add --map customer_name=COLUMN.\n"
        ),
        format!(
            "檔案沒有客戶欄位。若只屬於一位客戶，請加上 --customer-name \"{name}\"；\
             若包含多位客戶，請加上 --map customer_name=COLUMN。\n"
        ),
    )
}

pub(crate) fn date_order_question(lang: Lang, column: &str) -> String {
    by(
        lang,
        format!(
            "The dates in column \"{column}\" could be month-first or day-first (such as 3/4/2020); add --date-order month-first or --date-order day-first.\n"
        ),
        format!(
            "欄位「{column}」的日期可能是月在前或日在前（例如 3/4/2020）；\
             請加上 --date-order month-first 或 --date-order day-first。\n"
        ),
    )
}

// ---- usage errors ----

/// A value an option's parser refused, with what the sentence needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ArgProblem {
    /// Not a `YYYY-MM-DD` date.
    Date { option: &'static str, value: String },
    /// Not a `--format`.
    Format { value: String },
    /// Not a `--lang`.
    Lang { value: String },
    /// Not a `--date-order`.
    DateOrder { value: String },
    /// Not `A=B`; `example` is what one looks like.
    Pair {
        option: &'static str,
        shape: &'static str,
        example: &'static str,
        value: String,
    },
    /// Not a field `--map` knows.
    NotField { field: String, fields: String },
    /// Not a replacement plan.
    NotPlan { plan: String, ids: String },
    /// Not a whole number of seats.
    NotSeats { value: String },
}

impl ArgProblem {
    pub(crate) fn render(&self, lang: Lang) -> String {
        match self {
            ArgProblem::Date { option, value } => by(
                lang,
                format!("{option} wants a date as YYYY-MM-DD, such as 2020-07-01; got \"{value}\""),
                format!(
                    "{option} 需要 YYYY-MM-DD 格式的日期，例如 2020-07-01；收到的是「{value}」"
                ),
            ),
            ArgProblem::Format { value } => by(
                lang,
                format!("--format is json, csv, md, ics, ps1 or users-csv; got \"{value}\""),
                format!("--format 可用 json、csv、md、ics、ps1 或 users-csv；收到的是「{value}」"),
            ),
            ArgProblem::Lang { value } => by(
                lang,
                format!("--lang is en or zh-TW; got \"{value}\""),
                format!("--lang 可用 en 或 zh-TW；收到的是「{value}」"),
            ),
            ArgProblem::DateOrder { value } => by(
                lang,
                format!("--date-order is month-first or day-first; got \"{value}\""),
                format!("--date-order 可用 month-first 或 day-first；收到的是「{value}」"),
            ),
            ArgProblem::Pair {
                option,
                shape,
                example,
                value,
            } => by(
                lang,
                format!("{option} wants {shape}, such as {example}; got \"{value}\""),
                format!("{option} 需要 {shape} 的形式，例如 {example}；收到的是「{value}」"),
            ),
            ArgProblem::NotField { field, fields } => by(
                lang,
                format!("--map: \"{field}\" is not a field; use one of {fields}"),
                format!("--map：「{field}」不是可用的欄位名稱；請使用下列之一：{fields}"),
            ),
            ArgProblem::NotPlan { plan, ids } => by(
                lang,
                format!("--plan: \"{plan}\" is not a replacement plan; use one of {ids}"),
                format!("--plan：「{plan}」不是可用的替代方案；請使用下列之一：{ids}"),
            ),
            ArgProblem::NotSeats { value } => by(
                lang,
                format!("--seats: \"{value}\" is not a whole number of seats"),
                format!("--seats：「{value}」不是整數的授權數量"),
            ),
        }
    }
}

impl std::fmt::Display for ArgProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for ArgProblem {}

/// A mistake in the shape of the line, as clap found it: said in zh-TW
/// from its kind and the argument concerned; `None` keeps clap's English.
pub(crate) fn shape_problem(
    lang: Lang,
    kind: clap::error::ErrorKind,
    arg: Option<&str>,
) -> Option<String> {
    use clap::error::ErrorKind;
    if lang == Lang::En {
        return None;
    }
    // clap names an option with its value's placeholder (`--out <FILE>`).
    let arg = arg.unwrap_or_default();
    let option = arg.split_whitespace().next().unwrap_or_default();
    Some(match kind {
        ErrorKind::MissingRequiredArgument => {
            "缺少要讀取的檔案 FILE（或以 - 代表標準輸入）".to_string()
        }
        ErrorKind::UnknownArgument if arg.starts_with('-') => format!("不認得的選項：{arg}"),
        ErrorKind::UnknownArgument => format!("多了一個引數「{arg}」：只能讀取一個 FILE"),
        ErrorKind::InvalidValue => format!("{option} 需要一個值"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_as_taiwan_writes_them() {
        for (n, want) in [
            (0u64, "0"),
            (999, "999"),
            (1000, "1,000"),
            (12_220, "12,220"),
            (1_234_567, "1,234,567"),
        ] {
            assert_eq!(count(n), want);
        }
    }
}
