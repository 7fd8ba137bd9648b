/*!
The users-to-move CSV's wording ([`crate::export::users_csv`]): its
headers, its yes and no, and what changes for a user
([`UserChange`](crate::export::UserChange)), in each [`Lang`].
*/

use crate::export::change::UserChange;
use crate::i18n::{tr, Lang, Render, Text};

/// The CSV's headers in `lang`, in the columns' order.
pub(crate) fn users_headers(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::En => [
            "Display name",
            "User principal name",
            "Current licenses",
            "Needs a license",
            "What changes",
            "Already covered by",
            "Sign-in blocked",
        ],
        Lang::ZhTw => [
            "顯示名稱",
            "使用者主體名稱",
            "目前的授權",
            "需要授權",
            "變更內容",
            "已涵蓋的方案",
            "已封鎖登入",
        ],
    }
}

/// Yes or no in a cell.
pub(crate) fn yes_no(v: bool, lang: Lang) -> &'static str {
    if v {
        tr(lang, "yes", "是")
    } else {
        tr(lang, "no", "否")
    }
}

impl Render for UserChange {
    fn render(&self, lang: Lang) -> Text {
        match (self, lang) {
            (UserChange::AssignAndRemove { plan }, Lang::En) => {
                format!("assign {plan}, remove Kaizala Pro").into()
            }
            (UserChange::AssignAndRemove { plan }, Lang::ZhTw) => {
                format!("指派 {plan}，移除 Kaizala Pro").into()
            }
            (UserChange::Remove, _) => tr(lang, "remove Kaizala Pro", "移除 Kaizala Pro").into(),
        }
    }
}
