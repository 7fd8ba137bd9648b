/*!
Who exactly moves, on a customer's page: what the customer's users file
counted (who holds Kaizala Pro, who already has a plan that includes
Kaizala, who needs a license, seats nobody holds, licenses we do not
know), and the bulk help built from it: the users to move as CSV and the
PowerShell script that moves them. Without a users file it says how to
get one, and offers a users file of the workspace that matched no
customer.
*/

use std::rc::Rc;

use yew::prelude::*;

use crate::components::upload::file_chosen;
use crate::i18n::{aside, number, tr, Lang};
use crate::io;
use crate::state::{Action, Workspace};
use crate::view_model::slug::slug;
use kaizala_engine::export::{move_script, users_csv};
use kaizala_engine::plan::CustomerPlan;

#[derive(Properties, PartialEq)]
pub(crate) struct UsersPanelProps {
    pub(crate) lang: Lang,
    pub(crate) workspace: Rc<Workspace>,
    pub(crate) customer: CustomerPlan,
    pub(crate) onaction: Callback<Action>,
    /// A users file chosen here, to add to the workspace.
    pub(crate) onfile: Callback<web_sys::File>,
}

/// Users files of the workspace that belong to no customer of the plan:
/// (fingerprint, file name, the domains they show).
fn unmatched(w: &Workspace) -> Vec<(String, String, Vec<String>)> {
    w.sources
        .iter()
        .filter_map(|s| {
            let list = s.import.users.first()?;
            w.users_customers(list).is_empty().then(|| {
                let domains = list.domains.iter().take(3).map(|d| d.to_string()).collect();
                (s.fingerprint.clone(), s.name.clone(), domains)
            })
        })
        .collect()
}

#[component(UsersPanel)]
pub(crate) fn users_panel(props: &UsersPanelProps) -> Html {
    let lang = props.lang;
    let c = &props.customer;
    let Some(users) = &c.users else {
        let loose = unmatched(&props.workspace);
        return html! {
            <section class="panel users-panel" id="users-panel" aria-labelledby="users-title">
                <h3 id="users-title">{ tr(lang, "Who exactly moves", "要移轉的使用者") }</h3>
                <p class="hint">{ tr(lang,
                    "Add this customer's users export and the planner counts the licenses to buy from who holds Kaizala Pro, lists every user to move, and writes a script that moves them. As the customer's delegated admin: Microsoft 365 admin center, Users, Active users, Export users.",
                    "加入此客戶的使用者匯出檔後，規劃工具會依實際持有 Kaizala Pro 的人計算要購買的授權數、列出每位要移轉的使用者，並產生移轉用的指令碼。取得方式：以客戶的委派系統管理員身分登入 Microsoft 365 系統管理中心，依序選「使用者」→「作用中的使用者」→「匯出使用者」。") }</p>
                for (fingerprint, name, domains) in loose {
                    <p class="users-unmatched">
                        { match lang {
                            Lang::En => format!("\"{name}\" matches no customer's domain ({}). ", domains.join(", ")),
                            Lang::ZhTw => format!("「{name}」不符合任何客戶的網域（{}）。", domains.join("、")),
                        } }
                        <button class="button small use-users-file" onclick={{
                            let onaction = props.onaction.clone();
                            let key = c.key.clone();
                            Callback::from(move |_: MouseEvent| onaction.emit(Action::AssignUsers {
                                fingerprint: fingerprint.clone(),
                                customer: Some(key.clone()),
                            }))
                        }}>{ tr(lang, "It is this customer's", "這是此客戶的檔案") }</button>
                    </p>
                }
                <label class="button file-button" for="users-file-input">{ tr(lang, "Add a users export…", "加入使用者匯出檔…") }</label>
                <input id="users-file-input" class="visually-hidden" type="file" accept=".csv,.txt,.tsv,text/csv,text/plain"
                       aria-label={tr(lang, "Users export file", "使用者匯出檔")} onchange={file_chosen(props.onfile.clone())} />
            </section>
        };
    };
    let s = users.summary;
    let stem = slug(&c.display_name);
    let oncsv = {
        let c = c.clone();
        let name = format!("kaizala-users-{stem}.csv");
        Callback::from(move |_: MouseEvent| {
            if let Some(text) = users_csv(&c, lang) {
                io::download(&name, "text/csv;charset=utf-8", text.as_bytes());
            }
        })
    };
    let onscript = {
        let c = c.clone();
        let name = format!("kaizala-move-{stem}.ps1");
        Callback::from(move |_: MouseEvent| {
            if let Some(text) = move_script(&c, lang) {
                io::download(&name, "text/plain;charset=utf-8", text.as_bytes());
            }
        })
    };
    let fact = |label: &str, n: u32, id: &str| {
        html! { <div class="users-fact"><dt>{ label.to_string() }</dt><dd id={id.to_string()}>{ number(u64::from(n)) }</dd></div> }
    };
    html! {
        <section class="panel users-panel" id="users-panel" aria-labelledby="users-title">
            <div class="panel-head">
                <h3 id="users-title">{ tr(lang, "Who exactly moves", "要移轉的使用者") }</h3>
                if let Some(f) = &users.file_name { <span class="sub">{ f }</span> }
            </div>
            <dl class="users-facts">
                { fact(tr(lang, "Hold Kaizala Pro", "持有 Kaizala Pro"), s.holders, "users-holders") }
                { fact(tr(lang, "Already have a plan with Kaizala", "已有含 Kaizala 的方案"), s.covered, "users-covered") }
                { fact(tr(lang, "Need a license", "需要授權"), s.to_license, "users-to-license") }
                if let Some(n) = s.unassigned_seats { { fact(tr(lang, "Seats nobody holds", "無人使用的授權"), n, "users-unassigned") } }
            </dl>
            if !users.unknown_licenses.is_empty() {
                <p class="hint" id="users-unknown">{ tr(lang, "Licenses we do not know (check them): ", "無法辨識的授權（請確認）：") }
                    { users.unknown_licenses.iter().map(|(n, k)| format!("{n}{}", aside(lang, &number(u64::from(*k))))).collect::<Vec<_>>().join(tr(lang, ", ", "、")) }</p>
            }
            <p class="hint">{ tr(lang,
                "Step B below lists every user, with a box each. In bulk: download the list, or the PowerShell script (Microsoft Graph), which only shows what it would change until you run it with -Apply.",
                "下方步驟 B 列出每位使用者，各有一個勾選方塊。大量處理：下載名單，或下載 PowerShell 指令碼（Microsoft Graph）；未加上 -Apply 執行前，指令碼只會顯示將要進行的變更。") }</p>
            <div class="actions">
                <button class="button" id="download-users-csv" onclick={oncsv}>{ tr(lang, "Download users to move (CSV)", "下載要移轉的使用者（CSV）") }</button>
                <button class="button" id="download-move-script" onclick={onscript}>{ tr(lang, "Download PowerShell script", "下載 PowerShell 指令碼") }</button>
            </div>
        </section>
    }
}
