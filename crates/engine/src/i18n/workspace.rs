/*!
The workspace's words, in each [`Lang`]: why a workspace file cannot be
read ([`WorkspaceFileError`]), the facts two files disagree on
([`Conflict`]), and what changed when a file came or went ([`ChangeCounts`]
as one line, each [`FieldChange`] and [`SubscriptionChange`] as one line).
The workspace module records these as data; the sentences are only here.
*/

use std::fmt;

use super::import::human_size;
use super::{date_cell, num, plural, tr, Lang, Render, Text};
use crate::model::{AutoRenew, EndDate, Status};
use crate::workspace::{
    auto_renew_word, ChangeCounts, Conflict, ConflictField, FieldChange, SubscriptionChange,
    WorkspaceFileError,
};

impl Render for WorkspaceFileError {
    fn render(&self, lang: Lang) -> Text {
        use WorkspaceFileError as E;
        match (self, lang) {
            (E::TooLarge { size, limit }, Lang::En) => format!(
                "This workspace file is {}, more than the {} a workspace file may be.",
                human_size(*size),
                human_size(*limit)
            ),
            (E::TooLarge { size, limit }, Lang::ZhTw) => format!(
                "這個工作區檔案有 {}，超過工作區檔案的上限 {}。",
                human_size(*size),
                human_size(*limit)
            ),
            (E::NotJson { line, column }, Lang::En) => format!(
                "This is not a workspace file: it is not valid JSON (reading stopped at line {line}, column {column}). It may have been cut short while copying."
            ),
            (E::NotJson { line, column }, Lang::ZhTw) => format!(
                "這不是工作區檔案：內容不是有效的 JSON（在第 {line} 行第 {column} 欄無法繼續讀取），可能在複製時被截斷了。"
            ),
            (E::NotWorkspace, _) => tr(
                lang,
                "This JSON is not a Kaizala Migration Planner workspace file (its \"kind\" is not \"kaizala-planner-workspace\").",
                "這個 JSON 不是 Kaizala 移轉規劃工具的工作區檔案（其 \"kind\" 不是 \"kaizala-planner-workspace\"）。",
            )
            .to_string(),
            (E::NewerVersion { version, supported }, Lang::En) => format!(
                "This workspace file is version {version}, written by a newer planner; this one reads up to version {supported}. Open it with the newer planner."
            ),
            (E::NewerVersion { version, supported }, Lang::ZhTw) => format!(
                "這個工作區檔案是第 {version} 版，由較新的規劃工具儲存；此版本只能讀取到第 {supported} 版。請改用較新的規劃工具開啟。"
            ),
            (E::Damaged { line, column }, Lang::En) => format!(
                "This workspace file is damaged: a field is missing or has the wrong kind of value (line {line}, column {column})."
            ),
            (E::Damaged { line, column }, Lang::ZhTw) => format!(
                "這個工作區檔案已損毀：有欄位遺失或值的類型不正確（第 {line} 行第 {column} 欄）。"
            ),
            (E::BadProgress, _) => tr(
                lang,
                "This workspace file is damaged: its progress (ticked steps and notes) cannot be read.",
                "這個工作區檔案已損毀：無法讀取其中的進度（已勾選的步驟與備註）。",
            )
            .to_string(),
            (E::DataNotBase64 { file }, Lang::En) => format!(
                "This workspace file is damaged: the contents of \"{file}\" are not valid base64."
            ),
            (E::DataNotBase64 { file }, Lang::ZhTw) => {
                format!("這個工作區檔案已損毀：「{file}」的內容不是有效的 base64。")
            }
            (E::FileTooLarge { file, size, limit }, Lang::En) => format!(
                "\"{file}\" in this workspace file is {}, more than the {} an export may be.",
                human_size(*size),
                human_size(*limit)
            ),
            (E::FileTooLarge { file, size, limit }, Lang::ZhTw) => format!(
                "工作區檔案中的「{file}」有 {}，超過匯出檔的上限 {}。",
                human_size(*size),
                human_size(*limit)
            ),
            (E::FingerprintMismatch { file }, Lang::En) => format!(
                "This workspace file is damaged: the contents of \"{file}\" are not the file that was saved (its fingerprint does not match)."
            ),
            (E::FingerprintMismatch { file }, Lang::ZhTw) => format!(
                "這個工作區檔案已損毀：「{file}」的內容與當初儲存的檔案不同（指紋不符）。"
            ),
        }
        .into()
    }
}

impl fmt::Display for WorkspaceFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl Render for ConflictField {
    fn render(&self, lang: Lang) -> Text {
        let (en, zh) = match self {
            ConflictField::EndDate => ("end date", "到期日"),
            ConflictField::Seats => ("seats", "授權數"),
            ConflictField::Status => ("status", "狀態"),
            ConflictField::AutoRenew => ("auto-renew", "自動續訂"),
            ConflictField::Offer => ("offer", "供應項目"),
            ConflictField::Customer => ("customer", "客戶"),
        };
        tr(lang, en, zh).into()
    }
}

/// A status word of the plan's data (`active`, `locked-out`, as
/// [`Status::as_str`] writes it) in `lang`; a word of no known status as
/// it is.
pub(crate) fn status_word_of(s: &str, lang: Lang) -> String {
    Status::ALL
        .into_iter()
        .find(|x| x.as_str() == s)
        .map_or_else(|| s.to_string(), |x| status_word(x, lang).to_string())
}

/// A subscription's status in words.
pub(crate) fn status_word(s: Status, lang: Lang) -> &'static str {
    let (en, zh) = match s {
        Status::Active => ("active", "使用中"),
        Status::Pending => ("pending", "處理中"),
        Status::Warning => ("in grace period", "寬限期中"),
        Status::Expired => ("expired", "已到期"),
        Status::Suspended => ("suspended", "已暫停"),
        Status::Disabled => ("disabled", "已停用"),
        Status::Deleted => ("deleted", "已刪除"),
        Status::LockedOut => ("locked out", "已鎖定"),
        Status::NotReported => ("not stated", "未註明"),
        Status::Other => ("other", "其他"),
    };
    tr(lang, en, zh)
}

fn unknown(lang: Lang) -> &'static str {
    tr(lang, "unknown", "不明")
}

fn end_date_word(d: EndDate, lang: Lang) -> String {
    match d {
        EndDate::On(d) => date_cell(d, lang),
        EndDate::Never => tr(lang, "never", "永不到期").to_string(),
        EndDate::Unknown => unknown(lang).to_string(),
    }
}

fn seats_word(n: Option<u32>, lang: Lang) -> String {
    n.map_or_else(|| unknown(lang).to_string(), num)
}

fn auto_renew_said(a: AutoRenew, lang: Lang) -> &'static str {
    match a {
        AutoRenew::On => tr(lang, "on", "開啟"),
        AutoRenew::Off => tr(lang, "off", "關閉"),
        AutoRenew::Unknown => unknown(lang),
    }
}

/// A conflict's value (as [`crate::workspace::fact_value`] writes it) in
/// `lang`: the fixed words translated, dates, numbers, offers and keys as
/// they are.
fn conflict_value(field: ConflictField, value: &str, lang: Lang) -> String {
    let word = match (field, value) {
        (ConflictField::EndDate | ConflictField::Seats, "unknown") => unknown(lang),
        (ConflictField::EndDate, "never") => tr(lang, "never", "永不到期"),
        (ConflictField::Status, v) => match Status::ALL.iter().find(|s| s.as_str() == v) {
            Some(s) => status_word(*s, lang),
            None => return v.to_string(),
        },
        (ConflictField::AutoRenew, v) => {
            match [AutoRenew::On, AutoRenew::Off, AutoRenew::Unknown]
                .into_iter()
                .find(|a| auto_renew_word(*a) == v)
            {
                Some(a) => auto_renew_said(a, lang),
                None => return v.to_string(),
            }
        }
        _ => return value.to_string(),
    };
    word.to_string()
}

impl Render for Conflict {
    /// `Subscription 3f2c… (id:c1): end date: a.csv 2020-08-31, b.csv
    /// 2020-09-30; the last is used.`
    fn render(&self, lang: Lang) -> Text {
        let field = self.field.render(lang);
        let values: Vec<String> = self
            .values
            .iter()
            .map(|(file, v)| match lang {
                Lang::En => format!("{file} says {}", conflict_value(self.field, v, lang)),
                Lang::ZhTw => format!("「{file}」為「{}」", conflict_value(self.field, v, lang)),
            })
            .collect();
        match lang {
            Lang::En => format!(
                "Subscription {} ({}): the files differ on the {field}: {}. The file added last is used.",
                self.subscription,
                self.customer,
                values.join(", ")
            ),
            Lang::ZhTw => format!(
                "訂閱 {}（{}）的{field}在各檔案中不同：{}。採用最後加入的檔案。",
                self.subscription,
                self.customer,
                values.join("、")
            ),
        }
        .into()
    }
}

impl Render for FieldChange {
    /// `end date 2020-08-31 → 2020-09-30`
    fn render(&self, lang: Lang) -> Text {
        let (field, from, to) = match self {
            FieldChange::EndDate { from, to } => (
                ConflictField::EndDate,
                end_date_word(*from, lang),
                end_date_word(*to, lang),
            ),
            FieldChange::Seats { from, to } => (
                ConflictField::Seats,
                seats_word(*from, lang),
                seats_word(*to, lang),
            ),
            FieldChange::Status { from, to } => (
                ConflictField::Status,
                status_word(*from, lang).to_string(),
                status_word(*to, lang).to_string(),
            ),
            FieldChange::AutoRenew { from, to } => (
                ConflictField::AutoRenew,
                auto_renew_said(*from, lang).to_string(),
                auto_renew_said(*to, lang).to_string(),
            ),
            FieldChange::Offer { from, to } => (ConflictField::Offer, from.clone(), to.clone()),
        };
        match lang {
            Lang::En => format!("{} {from} → {to}", field.render(lang)),
            Lang::ZhTw => format!("{}：{from} → {to}", field.render(lang)),
        }
        .into()
    }
}

impl Render for SubscriptionChange {
    /// `Subscription 3f2c… (Microsoft Kaizala Pro): end date 2020-08-31 →
    /// 2020-09-30; seats 25 → 30`
    fn render(&self, lang: Lang) -> Text {
        let s = &self.subscription;
        let changes: Vec<Text> = self.changes.iter().map(|c| c.render(lang)).collect();
        match lang {
            Lang::En => format!(
                "Subscription {} ({}): {}",
                s.id,
                s.offer,
                changes.join("; ")
            ),
            Lang::ZhTw => format!("訂閱 {}（{}）：{}", s.id, s.offer, changes.join("；")),
        }
        .into()
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Render for ChangeCounts {
    /// `2 customers added, 1 subscription removed, 3 subscriptions changed`
    fn render(&self, lang: Lang) -> Text {
        if self.is_empty() {
            return tr(lang, "No changes", "沒有變更").into();
        }
        let parts: [(usize, &str, &str, &str, &str); 5] = [
            (
                self.customers_added,
                "customer added",
                "customers added",
                "新增 ",
                " 個客戶",
            ),
            (
                self.customers_removed,
                "customer removed",
                "customers removed",
                "移除 ",
                " 個客戶",
            ),
            (
                self.subscriptions_added,
                "subscription added",
                "subscriptions added",
                "新增 ",
                " 筆訂閱",
            ),
            (
                self.subscriptions_removed,
                "subscription removed",
                "subscriptions removed",
                "移除 ",
                " 筆訂閱",
            ),
            (
                self.subscriptions_changed,
                "subscription changed",
                "subscriptions changed",
                "變更 ",
                " 筆訂閱",
            ),
        ];
        let said: Vec<String> = parts
            .iter()
            .filter(|(n, ..)| *n > 0)
            .map(|&(n, one, many, zh_before, zh_after)| match lang {
                Lang::En => plural(count(n), one, many),
                Lang::ZhTw => format!("{zh_before}{}{zh_after}", num(n as u64)),
            })
            .collect();
        match lang {
            Lang::En => said.join(", "),
            Lang::ZhTw => said.join("、"),
        }
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn summary_lines() {
        let counts = ChangeCounts {
            customers_added: 2,
            subscriptions_removed: 1,
            subscriptions_changed: 3,
            ..ChangeCounts::default()
        };
        let cases = [
            (
                counts,
                Lang::En,
                "2 customers added, 1 subscription removed, 3 subscriptions changed",
            ),
            (
                counts,
                Lang::ZhTw,
                "新增 2 個客戶、移除 1 筆訂閱、變更 3 筆訂閱",
            ),
            (ChangeCounts::default(), Lang::En, "No changes"),
            (ChangeCounts::default(), Lang::ZhTw, "沒有變更"),
        ];
        for (c, lang, want) in cases {
            assert_eq!(c.render(lang), want);
        }
    }

    #[test]
    fn field_changes() {
        let cases = [
            (
                FieldChange::EndDate {
                    from: EndDate::On(d(2020, 8, 31)),
                    to: EndDate::On(d(2020, 9, 30)),
                },
                "end date 2020-08-31 → 2020-09-30",
                "到期日：2020/08/31 → 2020/09/30",
            ),
            (
                FieldChange::Seats {
                    from: None,
                    to: Some(25),
                },
                "seats unknown → 25",
                "授權數：不明 → 25",
            ),
            (
                FieldChange::Status {
                    from: Status::Active,
                    to: Status::Suspended,
                },
                "status active → suspended",
                "狀態：使用中 → 已暫停",
            ),
            (
                FieldChange::AutoRenew {
                    from: AutoRenew::On,
                    to: AutoRenew::Off,
                },
                "auto-renew on → off",
                "自動續訂：開啟 → 關閉",
            ),
        ];
        for (change, en, zh) in cases {
            assert_eq!(change.render(Lang::En), en);
            assert_eq!(change.render(Lang::ZhTw), zh);
        }
    }

    #[test]
    fn conflicts_name_each_file() {
        let c = Conflict {
            subscription: "s1".into(),
            customer: "id:c1".into(),
            field: ConflictField::Status,
            values: vec![
                ("june.csv".into(), "active".into()),
                ("july.csv".into(), "locked-out".into()),
            ],
        };
        assert_eq!(
            c.render(Lang::En),
            "Subscription s1 (id:c1): the files differ on the status: june.csv says active, \
             july.csv says locked out. The file added last is used."
        );
        assert_eq!(
            c.render(Lang::ZhTw),
            "訂閱 s1（id:c1）的狀態在各檔案中不同：「june.csv」為「使用中」、「july.csv」為「已鎖定」。採用最後加入的檔案。"
        );
    }

    #[test]
    fn every_error_has_words_in_both_languages() {
        let errors = [
            WorkspaceFileError::TooLarge {
                size: 2048,
                limit: 1024,
            },
            WorkspaceFileError::NotJson { line: 1, column: 2 },
            WorkspaceFileError::NotWorkspace,
            WorkspaceFileError::NewerVersion {
                version: 2,
                supported: 1,
            },
            WorkspaceFileError::Damaged { line: 3, column: 4 },
            WorkspaceFileError::BadProgress,
            WorkspaceFileError::DataNotBase64 {
                file: "a.csv".into(),
            },
            WorkspaceFileError::FileTooLarge {
                file: "a.csv".into(),
                size: 9,
                limit: 8,
            },
            WorkspaceFileError::FingerprintMismatch {
                file: "a.csv".into(),
            },
        ];
        for e in errors {
            let (en, zh) = (e.render(Lang::En), e.render(Lang::ZhTw));
            assert!(!en.is_empty() && en != zh, "{e:?}");
            assert!(!zh.is_ascii(), "{e:?}: {zh}");
            assert_eq!(e.to_string(), en);
        }
    }
}
