/*!
The recommended replacement plan of a customer, with its reason, caveats
and assumptions: shown to the partner and, read-only, to the customer. The
"why" links to the rule in the rules document shipped with the app; the
GUID beside the SKU is the license's SKU id (skuId).
*/

use yew::prelude::*;

use crate::i18n::{number, tr, Lang};
use crate::view_model::labels::{alternative_why, family_label};
use kaizala_engine::plan::{CustomerPlan, Family};

/// Where the rules document explains a family's rule, with its source.
pub fn rule_link(family: Family) -> String {
    format!("rules.md#{}", family.rule_anchor())
}

/// A small link to the rule behind a caveat or an assumption.
fn anchor_link(lang: Lang, anchor: &str) -> Html {
    html! {
        <>{ " " }<a class="rule-link no-print" href={format!("rules.md#{anchor}")} target="_blank" rel="noopener">{ tr(lang, "(rule)", "（規則）") }</a></>
    }
}

#[derive(Properties, PartialEq)]
pub struct RecommendationCardProps {
    pub lang: Lang,
    pub customer: CustomerPlan,
}

#[component(RecommendationCard)]
pub fn recommendation_card(props: &RecommendationCardProps) -> Html {
    let lang = props.lang;
    let r = &props.customer.recommendation;
    html! {
        <section class="panel recommendation" aria-labelledby="rec-title">
            <p class="eyebrow">{ tr(lang, "Recommended replacement", "建議的替代方案") }{ " · " }{ family_label(lang, r.family) }</p>
            <h3 id="rec-title" class="rec-plan">{ &*r.plan }</h3>
            <p class="rec-ids">
                if let Some(sku) = &r.sku { <code>{ &**sku }</code> }
                if let Some(guid) = &r.guid {
                    { " · " }<span class="guid-label" title={tr(lang,
                        "The license's SKU id (skuId) in Microsoft 365, not a Partner Center offer id",
                        "Microsoft 365 中授權的 SKU 識別碼（skuId），不是合作夥伴中心的供應項目識別碼")}>{ tr(lang, "SKU id (skuId): ", "SKU 識別碼（skuId）：") }</span>
                    <code class="guid">{ &**guid }</code>
                }
                if let Some(k) = r.kaizala_plan { { " · " }{ tr(lang, "includes ", "內含 ") }<code>{ k.name() }</code> }
            </p>
            <p class="rec-reason" id="rec-reason">{ &*r.reason }{ " " }
                <a class="rule-link no-print" id="rec-rule" href={rule_link(r.family)} target="_blank" rel="noopener">{ tr(lang, "Why: the rule and its source", "原因：規則與出處") }</a>
            </p>
            if let Some(q) = r.quantity {
                <p class="rec-quantity">{ tr(lang, "Licenses to buy: ", "需購買授權數：") }<strong id="rec-quantity">{ number(u64::from(q)) }</strong></p>
            }
            if !r.caveats.is_empty() {
                <ul class="caveats">
                    for c in r.caveats.iter() { <li class="caveat">{ &*c.text }{ anchor_link(lang, c.what.rule_anchor()) }</li> }
                </ul>
            }
            if !r.assumptions.is_empty() {
                <ul class="assumptions">
                    for a in r.assumptions.iter() { <li class="assumption">{ &*a.text }{ anchor_link(lang, a.what.rule_anchor()) }</li> }
                </ul>
            }
            if !props.customer.alternatives.is_empty() {
                <h4 class="alt-title">{ tr(lang, "Other options", "其他選擇") }</h4>
                <ul class="alternatives" id="rec-alternatives">
                    for a in props.customer.alternatives.iter() {
                        <li class="alternative"><strong>{ &*a.plan }</strong>{ " — " }{ alternative_why(lang, &a.why) }</li>
                    }
                </ul>
            }
        </section>
    }
}
