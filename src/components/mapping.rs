/*!
The column-mapping step: when the importer cannot tell which column holds
a needed field, or how the file writes its dates, the user says so here,
with the file's first rows in view. A choice is remembered for files with
the same headers (the choice, never the data).

Continue never loops in silence: the engine's `check_mapping` runs first,
and what is wrong is said beside the choice concerned (and in a list above
the button); only choices it accepts are imported again. A file with no
subscription id column can be read with its rows numbered, and a file with
no customer column asks whether it holds one customer (named here) or many.
*/

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::{tr, Lang};
use crate::state::MappingStep;
use crate::storage;
use kaizala_engine::i18n::Render;
use kaizala_engine::import::{
    check_mapping, mapping_fields, DateOrder, Field, FileCustomers, ImportOptions, MappingProblem,
};
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
        Field::Offer => tr(lang, "Offer or product name", "供應項目或產品名稱"),
        Field::FriendlyName => tr(lang, "Subscription nickname", "訂閱暱稱"),
        Field::Sku => tr(lang, "SKU part number", "SKU 料號"),
        Field::Seats => tr(lang, "Seats (quantity)", "授權數"),
        Field::Status => tr(lang, "Status", "狀態"),
        Field::AutoRenew => tr(lang, "Auto-renew", "自動續訂"),
        Field::EndDate => tr(lang, "End date", "到期日"),
        Field::Term => tr(lang, "Term", "訂閱期間"),
        Field::ResellerMpnId => tr(
            lang,
            "Reseller MPN ID (indirect reseller)",
            "經銷商 MPN 識別碼（間接經銷商）",
        ),
        Field::Trial => tr(lang, "Trial (yes/no)", "試用（是/否）"),
        Field::UserPrincipalName => tr(lang, "User principal name", "使用者主體名稱"),
        Field::DisplayName => tr(lang, "Display name", "顯示名稱"),
        Field::Licenses => tr(lang, "Licenses", "授權"),
        Field::ProxyAddresses => tr(lang, "Proxy addresses", "Proxy 位址"),
        Field::BlockCredential => tr(lang, "Sign-in blocked", "封鎖登入"),
    }
}

/// The subscription id select's choice "no such column: number the rows";
/// no header is this (headers hold no control characters the select shows).
const NUMBER_ROWS: &str = "\u{1}number-rows";
/// An optional select's choice "do not read this field", for a column the
/// importer recognised; the engine reads an empty header so.
const NOT_READ: &str = "\u{1}not-read";

/// A select's change sets (or, for the empty choice, clears) the column of
/// `field`; the subscription id's "number the rows" sets that instead.
fn choose(
    chosen: &UseStateHandle<Vec<(Field, String)>>,
    number_rows: &UseStateHandle<bool>,
    field: Field,
) -> Callback<Event> {
    let chosen = chosen.clone();
    let number_rows = number_rows.clone();
    Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let value = select.value();
        let mut next: Vec<(Field, String)> = (*chosen)
            .iter()
            .filter(|(f, _)| *f != field)
            .cloned()
            .collect();
        if field == Field::SubscriptionId {
            number_rows.set(value == NUMBER_ROWS);
        }
        match value.as_str() {
            "" | NUMBER_ROWS => {}
            NOT_READ => next.push((field, String::new())),
            _ => next.push((field, value)),
        }
        chosen.set(next);
    })
}

/// The problems that concern `field`'s choice.
fn field_problems(problems: &[MappingProblem], field: Field) -> Vec<&MappingProblem> {
    problems
        .iter()
        .filter(|p| match p {
            MappingProblem::SameColumn { first, second, .. } => *first == field || *second == field,
            MappingProblem::NoSuchColumn { field: f, .. }
            | MappingProblem::NotChosen { field: f } => *f == field,
            _ => false,
        })
        .collect()
}

/// The problems with the customer question.
fn customer_problem(p: &MappingProblem) -> bool {
    matches!(
        p,
        MappingProblem::CustomersNotAnswered
            | MappingProblem::CustomerNotNamed
            | MappingProblem::CustomerColumnNotChosen
    )
}

/// Problems said beside a choice, tied to it by `id` for screen readers.
fn problem_list(lang: Lang, id: String, problems: &[&MappingProblem]) -> Html {
    if problems.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="field-problems" {id}>
            for p in problems.iter() { <li>{ p.render(lang) }</li> }
        </ul>
    }
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
    let number_rows = use_state(|| props.step.options.number_rows);
    // The customer question: one customer (with a name) or many.
    let one_customer = use_state(|| match &props.step.options.customers {
        Some(FileCustomers::Many) => Some(false),
        Some(FileCustomers::One { .. }) => Some(true),
        None => None,
    });
    let customer_name = use_state(|| match &props.step.options.customers {
        Some(FileCustomers::One { name }) => name.clone(),
        _ => request
            .customer_question
            .as_ref()
            .and_then(|q| q.suggested_name.clone())
            .unwrap_or_default(),
    });
    // What the importer refused last time, until Continue checks again.
    let problems = use_state(|| props.step.request.problems.clone());

    let column_of = |field: Field| {
        chosen
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, h)| h.clone())
    };

    let onapply = {
        let chosen = chosen.clone();
        let date_order = date_order.clone();
        let number_rows = number_rows.clone();
        let one_customer = one_customer.clone();
        let customer_name = customer_name.clone();
        let problems = problems.clone();
        let step = props.step.clone();
        let onapply = props.onapply.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mapping = (*chosen).clone();
            let customers = step.request.customer_question.as_ref().and_then(|_| {
                (*one_customer).map(|one| {
                    if one {
                        FileCustomers::One {
                            name: (*customer_name).trim().to_string(),
                        }
                    } else {
                        FileCustomers::Many
                    }
                })
            });
            let options = ImportOptions {
                mapping,
                date_order: *date_order,
                number_rows: *number_rows,
                customers: customers.or_else(|| step.options.customers.clone()),
                ..step.options.clone()
            };
            let found = check_mapping(&step.request, &options);
            if !found.is_empty() {
                problems.set(found);
                return;
            }
            problems.set(Vec::new());
            storage::save_pref(
                &memory_key(&step.request.headers),
                &serde_json::to_string(&options.mapping).unwrap_or_default(),
            );
            onapply.emit(options);
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
        let onchange = choose(&chosen, &number_rows, field);
        let id = format!("map-{field:?}").to_lowercase();
        let others: Vec<&String> = request.headers.iter().filter(|h| !candidates.contains(h)).collect();
        let mine = field_problems(&problems, field);
        let problem_id = format!("{id}-problems");
        let described = (!mine.is_empty()).then(|| problem_id.clone());
        let numbered = field == Field::SubscriptionId && *number_rows;
        html! {
            <div class={classes!("field-row", (!mine.is_empty()).then_some("invalid"))}>
                <label for={id.clone()}>{ field_name(lang, field) }</label>
                <select {id} {onchange} aria-invalid={(!mine.is_empty()).then_some("true")} aria-describedby={described}>
                    <option value="" selected={current.is_none() && !numbered}>{ tr(lang, "— choose a column —", "— 請選擇欄位 —") }</option>
                    if field == Field::SubscriptionId {
                        <option value={NUMBER_ROWS} selected={numbered}>{ tr(lang, "The file has no subscription ID: number the rows", "檔案沒有訂閱識別碼：改以列編號") }</option>
                    }
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
                { problem_list(lang, problem_id, &mine) }
            </div>
        }
    });

    // Optional fields: what the planner found, and a way to place the rest.
    let optional = mapping_fields(request).iter().copied().filter(|f| !request.missing.contains(f)).map(|field| {
        let found = request.mapped.iter().find(|(f, _)| *f == field).map(|(_, h)| h.clone());
        let not_read = column_of(field).is_some_and(|h| h.is_empty());
        let current = column_of(field).filter(|h| !h.is_empty()).or(if not_read { None } else { found.clone() });
        let onchange = choose(&chosen, &number_rows, field);
        let id = format!("map-{field:?}").to_lowercase();
        let none_label = if found.is_some() {
            tr(lang, "— as recognised —", "— 依自動辨識 —")
        } else {
            tr(lang, "— not in this file —", "— 檔案中沒有 —")
        };
        let mine = field_problems(&problems, field);
        let problem_id = format!("{id}-problems");
        let described = (!mine.is_empty()).then(|| problem_id.clone());
        html! {
            <div class={classes!("field-row", (!mine.is_empty()).then_some("invalid"))}>
                <label for={id.clone()}>{ field_name(lang, field) }</label>
                <select {id} {onchange} aria-invalid={(!mine.is_empty()).then_some("true")} aria-describedby={described}>
                    <option value="" selected={current.is_none() && !not_read}>{ none_label }</option>
                    if found.is_some() {
                        <option value={NOT_READ} selected={not_read}>{ tr(lang, "— do not read this —", "— 不讀取這一項 —") }</option>
                    }
                    for h in request.headers.iter() {
                        <option value={h.clone()} selected={current.as_ref() == Some(h)}>{ h }</option>
                    }
                </select>
                { problem_list(lang, problem_id, &mine) }
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
                { problem_list(lang, "date-order-problems".into(), &problems.iter().filter(|p| matches!(p, MappingProblem::DateOrderNotChosen)).collect::<Vec<_>>()) }
            </fieldset>
        }
    });

    let customer_question = request.customer_question.as_ref().map(|_| {
        let pick = |one: bool| {
            let one_customer = one_customer.clone();
            Callback::from(move |_: Event| one_customer.set(Some(one)))
        };
        let oninput = {
            let customer_name = customer_name.clone();
            Callback::from(move |e: InputEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                customer_name.set(input.value());
            })
        };
        let mine: Vec<&MappingProblem> = problems.iter().filter(|p| customer_problem(p)).collect();
        let column = column_of(Field::CustomerName).filter(|h| !h.is_empty());
        html! {
            <fieldset class="customer-question">
                <legend>{ tr(lang, "This file has no customer column. Whose subscriptions are they?", "這個檔案沒有客戶欄位。這些是誰的訂閱？") }</legend>
                <label class="radio" for="customers-one">
                    <input type="radio" name="customers" id="customers-one" checked={*one_customer == Some(true)} onchange={pick(true)} />
                    { tr(lang, "One customer's, named:", "同一位客戶的，客戶名稱：") }
                </label>
                <input type="text" id="customer-name" aria-label={tr(lang, "Customer name", "客戶名稱")}
                    value={(*customer_name).clone()} {oninput} disabled={*one_customer != Some(true)} />
                <label class="radio" for="customers-many">
                    <input type="radio" name="customers" id="customers-many" checked={*one_customer == Some(false)} onchange={pick(false)} />
                    { tr(lang, "Several customers': the customer is in the column", "多位客戶的，客戶記載於欄位") }
                </label>
                <select id="customer-column" aria-label={tr(lang, "Customer column", "客戶欄位")}
                    onchange={choose(&chosen, &number_rows, Field::CustomerName)} disabled={*one_customer != Some(false)}>
                    <option value="" selected={column.is_none()}>{ tr(lang, "— choose a column —", "— 請選擇欄位 —") }</option>
                    for h in request.headers.iter() {
                        <option value={h.clone()} selected={column.as_ref() == Some(h)}>{ h }</option>
                    }
                </select>
                { problem_list(lang, "customer-problems".into(), &mine) }
            </fieldset>
        }
    });

    html! {
        <section class="panel mapping" aria-labelledby="mapping-title">
            <h2 id="mapping-title">{ tr(lang, "Match the columns of this file", "對應這個檔案的欄位") }</h2>
            <p class="file-name">{ &props.step.file_name }</p>
            <p>{ tr(lang,
                "The planner could not tell for certain where some information is in this file. Choose the column for each item below; nothing is guessed for you.",
                "有些資料無法確定在哪個欄位。請為下列每一項選擇欄位，規劃工具不會替您猜。") }</p>
            if !memory.is_empty() {
                <p class="notice">{ tr(lang, "Filled in with what you chose for a file with the same columns.", "已填入您先前為相同欄位的檔案所做的選擇。") }</p>
            }
            <form onsubmit={onapply} novalidate=true>
                { for selects }
                { for customer_question }
                { for date_question }
                <details class="optional-fields" open={request.mapped.len() < 6}>
                    <summary>{ tr(lang, "Other columns (optional)", "其他欄位（選填）") }</summary>
                    <p class="hint">{ tr(lang,
                        "End dates, seats and customer names make the plan far more useful: place them here if the planner did not recognise them.",
                        "到期日、授權數與客戶名稱能讓規劃更完整：若規劃工具未能辨識，請在此指定。") }</p>
                    { for optional }
                </details>
                if !problems.is_empty() {
                    <div class="problems" role="alert">
                        <p>{ tr(lang, "Continue needs these choices changed first:", "請先修改下列選擇再繼續：") }</p>
                        <ul>
                            for p in problems.iter() { <li>{ p.render(lang) }</li> }
                        </ul>
                    </div>
                }
                <div class="actions">
                    <button class="button primary" type="submit">{ tr(lang, "Continue", "繼續") }</button>
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
