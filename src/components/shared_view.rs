/*!
The customer-facing view opened from a share link: one customer's plan,
read-only, with nothing else of the partner's import. Everything shown was
decoded from the link and is rendered as text, never as markup.
*/

use std::rc::Rc;

use yew::prelude::*;

use crate::components::checklist_view::ChecklistView;
use crate::components::recommendation_card::RecommendationCard;
use crate::components::subscription_table::SubscriptionTable;
use crate::i18n::{date, opt_date, tr, Lang};
use crate::io;
use crate::state::SharedPlan;
use kaizala_engine::checklist;

#[derive(Properties, PartialEq)]
pub(crate) struct SharedViewProps {
    pub(crate) lang: Lang,
    pub(crate) shared: Rc<SharedPlan>,
}

#[component(SharedView)]
pub(crate) fn shared_view(props: &SharedViewProps) -> Html {
    let lang = props.lang;
    let s = &props.shared;
    // The link carries the inputs; the plan is made here, in the reader's
    // language.
    let plan = use_memo((s.clone(), lang), |(s, lang)| s.customer_plan(*lang));
    let Some(c) = plan.as_ref() else {
        return html! {
            <section class="panel error" role="alert">
                <h2>{ tr(lang, "This shared plan could not be opened", "無法開啟這份分享的規劃") }</h2>
                <p class="message">{ tr(lang, "The link holds no Kaizala Pro subscription to plan.", "連結中沒有可規劃的 Kaizala Pro 訂閱。") }</p>
            </section>
        };
    };
    let onprint = Callback::from(|_: MouseEvent| io::print_soon());
    html! {
        <div class="shared-view">
            <section class="panel customer-head">
                <p class="eyebrow">{ tr(lang, "Kaizala Pro migration plan for", "Kaizala Pro 移轉規劃：") }</p>
                <h2 id="customer-name">{ &c.display_name }</h2>
                <p class="sub">{ tr(lang, "Prepared as of ", "規劃基準日：") }{ date(lang, s.as_of) }
                    { " · " }{ tr(lang, "Move everyone by ", "請於此日前完成移轉：") }<strong>{ opt_date(lang, c.migrate_by) }</strong></p>
                <p class="hint">{ tr(lang,
                    "Kaizala Pro is no longer sold on its own. Your partner will move your Kaizala users to the Microsoft 365 or Office 365 plan below; this page shows the steps and dates. It is read-only.",
                    "Kaizala Pro 已不再單獨銷售。您的合作夥伴會將 Kaizala 使用者移轉到下列 Microsoft 365 或 Office 365 方案；本頁列出步驟與日期，僅供檢視。") }</p>
                <button class="button no-print" onclick={onprint}>{ tr(lang, "Print", "列印") }</button>
            </section>
            <RecommendationCard {lang} customer={c.clone()} />
            <SubscriptionTable {lang} customer={c.clone()} />
            <section class="panel checklist-panel">
                <h3>{ tr(lang, "The steps", "步驟") }</h3>
                <ChecklistView {lang} steps={checklist::build(&c, s.as_of, lang).steps} as_of={s.as_of} ticked={Vec::<String>::new()} id_prefix="shared" />
            </section>
        </div>
    }
}
