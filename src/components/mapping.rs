/*!
The column-mapping step: when the importer cannot tell which column holds
a needed field, or how the file writes its dates, the user says so here,
with the file's first rows in view. A choice is remembered for files with
the same headers (the choice, never the data).
*/

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::{tr, Lang};
use crate::state::MappingStep;
use crate::storage;
use kaizala_engine::i18n::Render;
use kaizala_engine::import::{DateOrder, Field, ImportOptions, FIELDS};
use kaizala_engine::progress::fingerprint;

#[derive(Properties, PartialEq)]
pub(crate) struct MappingProps {
    pub(crate) lang: Lang,
    pub(crate) step: Rc<MappingStep>,
    pub(crate) onapply: Callback<ImportOptions>,
    pub(crate) oncancel: Callback<()>,
}

/// A field's name for a person.
pub(crate) fn field_name(lang: Lang, field: Field) -> &'static str {
    match field {
        Field::CustomerId => tr(lang, "Customer ID (tenant)", "客戶識別碼（租用戶）"),
        Field::CustomerName => tr(lang, "Customer name", "客戶名稱"),
        Field::CustomerDomain => tr(lang, "Customer domain", "客戶網域"),
        Field::Qualification => tr(lang, "Special qualification", "特殊資格"),
        Field::SubscriptionId => tr(lang, "Subscription ID", "訂閱識別碼"),
        Field::Offer => tr(lang, "Offer or product name", "優惠或產品名稱"),
        Field::FriendlyName => tr(lang, "Subscription nickname", "訂閱暱稱"),
        Field::Sku => tr(lang, "SKU part number", "SKU 料號"),
        Field::Seats => tr(lang, "Seats (quantity)", "授權數量"),
        Field::Status => tr(lang, "Status", "狀態"),
        Field::AutoRenew => tr(lang, "Auto-renew", "自動續訂"),
        Field::EndDate => tr(lang, "End date", "到期日"),
        Field::Term => tr(lang, "Term", "期限"),
        Field::ResellerMpnId => tr(
            lang,
            "Reseller MPN ID (indirect reseller)",
            "經銷商 MPN 識別碼（間接經銷商）",
        ),
        Field::Trial => tr(lang, "Trial (yes/no)", "試用（是/否）"),
    }
}

/// A select's change sets (or, for the empty choice, clears) the column of
/// `field`.
fn choose(chosen: &UseStateHandle<Vec<(Field, String)>>, field: Field) -> Callback<Event> {
    let chosen = chosen.clone();
    Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let value = select.value();
        let mut next: Vec<(Field, String)> = (*chosen)
            .iter()
            .filter(|(f, _)| *f != field)
            .cloned()
            .collect();
        if !value.is_empty() {
            next.push((field, value));
        }
        chosen.set(next);
    })
}

fn memory_key(headers: &[String]) -> String {
    format!("mapping:{}", fingerprint(headers.join("\u{1f}").as_bytes()))
}

/// What was chosen last time for these headers, if anything.
fn remembered(headers: &[String]) -> Vec<(Field, String)> {
    storage::load_pref(&memory_key(headers))
        .and_then(|t| serde_json::from_str::<Vec<(Field, String)>>(&t).ok())
        .unwrap_or_default()
        .into_iter()
        .filter(|(_, h)| headers.contains(h))
        .collect()
}

#[component(MappingView)]
pub(crate) fn mapping_view(props: &MappingProps) -> Html {
    let lang = props.lang;
    let request = &props.step.request;
    let memory = use_memo(request.headers.clone(), |h| remembered(h));
    let chosen = {
        let step = props.step.clone();
        let memory = memory.clone();
        use_state(move || {
            let mut c = step.options.mapping.clone();
            for (f, h) in memory.iter() {
                if !c.iter().any(|(g, _)| g == f) {
                    c.push((*f, h.clone()));
                }
            }
            c
        })
    };
    let date_order = use_state(|| props.step.options.date_order);

    let column_of = |field: Field| {
        chosen
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, h)| h.clone())
    };
    let complete = request.missing.iter().all(|f| column_of(*f).is_some())
        && (request.ambiguous_dates.is_none() || date_order.is_some());

    let onapply = {
        let chosen = chosen.clone();
        let date_order = date_order.clone();
        let step = props.step.clone();
        let onapply = props.onapply.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mapping = (*chosen).clone();
            storage::save_pref(
                &memory_key(&step.request.headers),
                &serde_json::to_string(&mapping).unwrap_or_default(),
            );
            onapply.emit(ImportOptions {
                mapping,
                date_order: *date_order,
                ..step.options.clone()
            });
        })
    };
    let oncancel = props.oncancel.reform(|_: MouseEvent| ());

    let selects = request.missing.iter().map(|&field| {
        let candidates: Vec<String> = request
            .candidates
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| c.clone())
            .unwrap_or_default();
        let current = column_of(field);
        let onchange = choose(&chosen, field);
        let id = format!("map-{field:?}").to_lowercase();
        let others: Vec<&String> = request.headers.iter().filter(|h| !candidates.contains(h)).collect();
        html! {
            <div class="field-row">
                <label for={id.clone()}>{ field_name(lang, field) }</label>
                <select {id} {onchange}>
                    <option value="" selected={current.is_none()}>{ tr(lang, "— choose a column —", "— 請選擇欄位 —") }</option>
                    if !candidates.is_empty() {
                        <optgroup label={tr(lang, "Likely columns", "可能的欄位")}>
                            for h in candidates.iter() {
                                <option value={h.clone()} selected={current.as_ref() == Some(h)}>{ h }</option>
                            }
                        </optgroup>
                    }
                    <optgroup label={tr(lang, "All columns", "所有欄位")}>
                        for h in others {
                            <option value={h.clone()} selected={current.as_ref() == Some(h)}>{ h }</option>
                        }
                    </optgroup>
                </select>
            </div>
        }
    });

    // Optional fields: what the planner found, and a way to place the rest.
    let optional = FIELDS.iter().copied().filter(|f| !request.missing.contains(f)).map(|field| {
        let found = request.mapped.iter().find(|(f, _)| *f == field).map(|(_, h)| h.clone());
        let current = column_of(field).or(found.clone());
        let onchange = choose(&chosen, field);
        let id = format!("map-{field:?}").to_lowercase();
        let none_label = if found.is_some() {
            tr(lang, "— as recognised —", "— 依自動辨識 —")
        } else {
            tr(lang, "— not in this file —", "— 檔案中沒有 —")
        };
        html! {
            <div class="field-row">
                <label for={id.clone()}>{ field_name(lang, field) }</label>
                <select {id} {onchange}>
                    <option value="" selected={current.is_none()}>{ none_label }</option>
                    for h in request.headers.iter() {
                        <option value={h.clone()} selected={current.as_ref() == Some(h)}>{ h }</option>
                    }
                </select>
            </div>
        }
    });

    let date_question = request.ambiguous_dates.as_ref().map(|question| {
        let radio = |order: DateOrder, label: &'static str, id: &'static str| {
            let checked = *date_order == Some(order);
            let date_order = date_order.clone();
            let onchange = Callback::from(move |_: Event| date_order.set(Some(order)));
            html! {
                <label class="radio" for={id}>
                    <input type="radio" name="date-order" id={id} {checked} {onchange} />
                    { label }
                </label>
            }
        };
        html! {
            <fieldset class="date-order">
                <legend>{ tr(lang, "How does this file write dates?", "這個檔案的日期寫法是？") }</legend>
                <p class="hint">{ question.render(lang) }</p>
                { radio(DateOrder::MonthFirst, tr(lang, "Month first (3/4/2020 is 4 March)", "月在前（3/4/2020 是 3 月 4 日）"), "date-month-first") }
                { radio(DateOrder::DayFirst, tr(lang, "Day first (3/4/2020 is 3 April)", "日在前（3/4/2020 是 4 月 3 日）"), "date-day-first") }
            </fieldset>
        }
    });

    html! {
        <section class="panel mapping" aria-labelledby="mapping-title">
            <h2 id="mapping-title">{ tr(lang, "Match the columns of this file", "對應這個檔案的欄位") }</h2>
            <p class="file-name">{ &props.step.file_name }</p>
            <p>{ tr(lang,
                "The planner could not tell for certain where some information is in this file. Choose the column for each item below; nothing is guessed for you.",
                "規劃工具無法確定這個檔案中某些資訊所在的欄位。請為下列每一項選擇欄位；工具不會替您猜測。") }</p>
            if !memory.is_empty() {
                <p class="notice">{ tr(lang, "Filled in with what you chose for a file with the same columns.", "已填入您先前為相同欄位的檔案所做的選擇。") }</p>
            }
            <form onsubmit={onapply}>
                { for selects }
                { for date_question }
                <details class="optional-fields" open={request.mapped.len() < 6}>
                    <summary>{ tr(lang, "Other columns (optional)", "其他欄位（選填）") }</summary>
                    <p class="hint">{ tr(lang,
                        "End dates, seats and customer names make the plan far more useful: place them here if the planner did not recognise them.",
                        "到期日、授權數與客戶名稱能讓規劃更完整：若規劃工具未能辨識，請在此指定。") }</p>
                    { for optional }
                </details>
                <div class="actions">
                    <button class="button primary" type="submit" disabled={!complete}>{ tr(lang, "Continue", "繼續") }</button>
                    <button class="button secondary" type="button" onclick={oncancel}>{ tr(lang, "Choose another file", "選擇其他檔案") }</button>
                </div>
            </form>
            if !request.preview.is_empty() {
                <div class="preview">
                    <h3>{ tr(lang, "First rows of the file", "檔案的前幾列") }</h3>
                    <div class="table-scroll">
                        <table>
                            <thead><tr>{ for request.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                            <tbody>
                                { for request.preview.iter().map(|row| html! {
                                    <tr>{ for row.iter().map(|c| html! { <td>{ c }</td> }) }</tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                </div>
            }
        </section>
    }
}
