/*!
The choices a partner makes for one customer that change its
recommendation: another plan, frontline workers, education, the number of
licenses to buy, and whether Kaizala Pro trials are planned for.
*/

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::{tr, Lang};
use crate::state::Action;
use kaizala_engine::catalog::PlanId;
use kaizala_engine::plan::{CustomerPlan, CustomerSettings};

#[derive(Properties, PartialEq)]
pub(crate) struct CustomerSettingsFormProps {
    pub(crate) lang: Lang,
    pub(crate) customer: CustomerPlan,
    pub(crate) onaction: Callback<Action>,
}

/// The choices that change this customer's recommendation.
#[component(CustomerSettingsForm)]
pub(crate) fn customer_settings_form(props: &CustomerSettingsFormProps) -> Html {
    let lang = props.lang;
    let c = &props.customer;
    let current = c.settings.clone();
    let emit = {
        let onaction = props.onaction.clone();
        let key = c.key.clone();
        move |settings: CustomerSettings| {
            onaction.emit(Action::SetCustomer {
                key: key.clone(),
                settings,
            })
        }
    };
    let onplan = {
        let emit = emit.clone();
        let current = current.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            emit(CustomerSettings {
                plan_override: PlanId::parse(&select.value()),
                ..current.clone()
            })
        })
    };
    let onfrontline = {
        let emit = emit.clone();
        let current = current.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            emit(CustomerSettings {
                frontline: input.checked(),
                ..current.clone()
            })
        })
    };
    let ontrials = {
        let emit = emit.clone();
        let current = current.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            emit(CustomerSettings {
                include_trials: input.checked(),
                ..current.clone()
            })
        })
    };
    let oneducation = {
        let emit = emit.clone();
        let current = current.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let education = match select.value().as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            };
            emit(CustomerSettings {
                education,
                ..current.clone()
            })
        })
    };
    let onseats = {
        let emit = emit.clone();
        let current = current.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let v = input.value();
            let seats_to_cover = if v.trim().is_empty() {
                None
            } else {
                v.trim().parse::<u32>().ok()
            };
            if v.trim().is_empty() || seats_to_cover.is_some() {
                emit(CustomerSettings {
                    seats_to_cover,
                    ..current.clone()
                })
            }
        })
    };
    let detected = match &c.education_detected {
        Some(_) => tr(
            lang,
            "Detect (looks like a school)",
            "自動判斷（看來是學校）",
        ),
        None => tr(lang, "Detect (not a school)", "自動判斷（不是學校）"),
    };
    html! {
        <section class="panel customer-settings" aria-labelledby="cs-title">
            <h3 id="cs-title">{ tr(lang, "Your choices for this customer", "您對這位客戶的選擇") }</h3>
            <div class="field">
                <label for="plan-override">{ tr(lang, "Replacement plan", "替代方案") }</label>
                <select id="plan-override" onchange={onplan}>
                    <option value="" selected={current.plan_override.is_none()}>{ tr(lang, "Recommended by the rules", "依規則建議") }</option>
                    for id in PlanId::ALL {
                        <option value={id.as_str()} selected={current.plan_override == Some(id)}>{ id.plan().name }</option>
                    }
                </select>
            </div>
            <div class="field check">
                <input type="checkbox" id="frontline" checked={current.frontline} onchange={onfrontline} />
                <label for="frontline">{ tr(lang, "Kaizala users are frontline workers (phone or small tablet, or a shared device)", "Kaizala 使用者是第一線員工（使用手機、小型平板或共用裝置）") }</label>
            </div>
            if c.trial_seats > 0 || current.include_trials {
                <div class="field check">
                    <input type="checkbox" id="include-trials" checked={current.include_trials} onchange={ontrials} />
                    <label for="include-trials">{ match lang {
                        Lang::En => format!("Plan licenses for the {} seats of Kaizala Pro trials too", c.trial_seats),
                        Lang::ZhTw => format!("也為 Kaizala Pro 試用版的 {} 個授權規劃替代授權", c.trial_seats),
                    } }</label>
                </div>
            }
            <div class="field">
                <label for="education">{ tr(lang, "Education customer", "教育機構客戶") }</label>
                <select id="education" onchange={oneducation}>
                    <option value="detect" selected={current.education.is_none()}>{ detected }</option>
                    <option value="yes" selected={current.education == Some(true)}>{ tr(lang, "Yes: a verified academic institution", "是：經驗證的教育機構") }</option>
                    <option value="no" selected={current.education == Some(false)}>{ tr(lang, "No", "否") }</option>
                </select>
            </div>
            <div class="field">
                <label for="seats-to-cover">{ tr(lang, "Licenses to buy", "需購買授權數") }</label>
                <input type="number" id="seats-to-cover" min="0" max="1000000" step="1"
                       value={current.seats_to_cover.map(|n| n.to_string()).unwrap_or_default()}
                       placeholder={c.recommendation.quantity.map(|q| q.to_string()).unwrap_or_default()}
                       onchange={onseats} />
                <p class="hint">{ tr(lang, "Leave empty to use the computed number.", "留空則使用計算出的數量。") }</p>
            </div>
        </section>
    }
}
