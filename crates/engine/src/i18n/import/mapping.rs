/*!
The mapping step's words, in English and Traditional Chinese: what is
wrong with a choice ([`MappingProblem`]) and the question a column of
dates that read both ways asks ([`DateQuestion`]).
*/

use super::fields::{field_label, field_label_zh};
use crate::import::{DateQuestion, Field, MappingProblem};

pub(super) fn date_question_en(q: &DateQuestion) -> String {
    let quoted = |v: &str| format!("\"{v}\"");
    let on_line = |e: &Option<(u64, String)>| {
        e.as_ref()
            .map(|(line, v)| format!("\"{v}\" on line {line}"))
            .unwrap_or_default()
    };
    let examples = q
        .examples
        .iter()
        .map(|e| quoted(e))
        .collect::<Vec<_>>()
        .join(", ");
    let both = match &q.contradicting {
        Some(c) => format!(
            " Some values are day-first ({}) and as many are month-first ({}).",
            on_line(&c.day_first),
            on_line(&c.month_first)
        ),
        None => {
            " No value in the column settles it: every day and month is 12 or less.".to_string()
        }
    };
    let first = q.examples.first().map_or("", String::as_str);
    format!(
        "The dates in \"{}\" can be read two ways: {examples}. For example \"{first}\" \
         could be day-first (D/M/YYYY) or month-first (M/D/YYYY).{both} Which order does \
         the file use?",
        q.column
    )
}

pub(super) fn date_question_zh(q: &DateQuestion) -> String {
    let on_line = |e: &Option<(u64, String)>| {
        e.as_ref()
            .map(|(line, v)| format!("第 {line} 行的「{v}」"))
            .unwrap_or_default()
    };
    let examples = q
        .examples
        .iter()
        .map(|e| format!("「{e}」"))
        .collect::<Vec<_>>()
        .join("、");
    let both = match &q.contradicting {
        Some(c) => format!(
            "有些值是日在前（{}），也有同樣多的值是月在前（{}）。",
            on_line(&c.day_first),
            on_line(&c.month_first)
        ),
        None => "這一欄沒有任何值能確定順序：每個日和月都不超過 12。".to_string(),
    };
    let first = q.examples.first().map_or("", String::as_str);
    format!(
        "欄位「{}」的日期有兩種讀法：{examples}。例如「{first}」可能是日在前（日/月/年），\
         也可能是月在前（月/日/年）。{both}這個檔案用的是哪一種？",
        q.column
    )
}

pub(super) fn mapping_problem_en(p: &MappingProblem) -> String {
    match p {
        MappingProblem::SameColumn {
            column,
            first,
            second,
        } => format!(
            "The column \"{column}\" is chosen for both the {} and the {}. A column \
             can hold only one of them: choose another column for one of the two.",
            field_label(*first),
            field_label(*second)
        ),
        MappingProblem::NoSuchColumn { field, column } => format!(
            "The file has no column \"{column}\" (chosen for the {}). Choose one of the \
             file's columns.",
            field_label(*field)
        ),
        MappingProblem::NotChosen { field } => match field {
            Field::SubscriptionId => "Choose the column that holds the \
                 subscription ID, or say that the file has none (its rows are then numbered)."
                .to_string(),
            f => format!("Choose the column that holds the {}.", field_label(*f)),
        },
        MappingProblem::DateOrderNotChosen => {
            "Say whether the file writes the day or the month first.".to_string()
        }
        MappingProblem::CustomersNotAnswered => "This file has no customer column: say \
             whether it holds one customer (and name them) or several (and choose the \
             column that names them)."
            .to_string(),
        MappingProblem::CustomerNotNamed => {
            "Give the name of the customer this file belongs to.".to_string()
        }
        MappingProblem::CustomerColumnNotChosen => "The file holds several customers: \
             choose the column that names them (customer name, ID or domain)."
            .to_string(),
    }
}

pub(super) fn mapping_problem_zh(p: &MappingProblem) -> String {
    match p {
        MappingProblem::SameColumn {
            column,
            first,
            second,
        } => format!(
            "欄位「{column}」同時選為「{}」和「{}」。一個欄位只能對應其中一項，\
             請為其中之一改選別的欄位。",
            field_label_zh(*first),
            field_label_zh(*second)
        ),
        MappingProblem::NoSuchColumn { field, column } => format!(
            "檔案中沒有欄位「{column}」（選為「{}」）。請從檔案的欄位中選擇。",
            field_label_zh(*field)
        ),
        MappingProblem::NotChosen { field } => match field {
            Field::SubscriptionId => {
                "請選擇存放訂閱識別碼的欄位，或表明檔案中沒有這一欄（各列會改以行號編號）。"
                    .to_string()
            }
            f => format!("請選擇存放「{}」的欄位。", field_label_zh(*f)),
        },
        MappingProblem::DateOrderNotChosen => "請指定檔案中的日期是日在前還是月在前。".to_string(),
        MappingProblem::CustomersNotAnswered => "這個檔案沒有客戶欄位：請說明它只屬於一位客戶\
             （並填寫客戶名稱），還是包含多位客戶（並選擇記載客戶的欄位）。"
            .to_string(),
        MappingProblem::CustomerNotNamed => "請填寫這個檔案所屬客戶的名稱。".to_string(),
        MappingProblem::CustomerColumnNotChosen => {
            "這個檔案包含多位客戶：請選擇記載客戶的欄位（客戶名稱、識別碼或網域）。".to_string()
        }
    }
}
