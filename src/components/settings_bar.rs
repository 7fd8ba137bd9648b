/*!
The plan's dates: as-of ("today" for the plan) and the cutoff. Changing
either re-plans at once.
*/

use chrono::NaiveDate;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{tr, Lang};
use crate::state::Action;
use kaizala_engine::plan::default_cutoff;

#[derive(Properties, PartialEq)]
pub(crate) struct SettingsBarProps {
    pub(crate) lang: Lang,
    pub(crate) as_of: NaiveDate,
    pub(crate) cutoff: NaiveDate,
    pub(crate) today: NaiveDate,
    /// The settings differ from those a fresh import starts with.
    pub(crate) customised: bool,
    /// They were restored from an earlier visit.
    pub(crate) restored: bool,
    pub(crate) onaction: Callback<Action>,
}

/// A date input's value as a date: `YYYY-MM-DD`, a year past 9999 with
/// more digits and no sign (as the input writes it), month and day of one
/// or two digits; nothing else, not even white space.
fn input_date(value: &str) -> Option<NaiveDate> {
    let unsigned = value.strip_prefix(['+', '-']).unwrap_or(value);
    let year_digits = unsigned.split('-').next().map_or(0, str::len);
    if value.contains(char::is_whitespace) || year_digits > 6 {
        return None;
    }
    // chrono reads a year of more than four digits only after a sign.
    if unsigned.len() == value.len() {
        format!("+{value}").parse().ok()
    } else {
        value.parse().ok()
    }
}

fn date_input(
    id: &'static str,
    value: NaiveDate,
    make: fn(NaiveDate) -> Action,
    onaction: &Callback<Action>,
) -> Html {
    let onaction = onaction.clone();
    let onchange = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        // An incomplete or cleared date is ignored; the last valid one stays.
        if let Some(d) = input_date(&input.value()) {
            onaction.emit(make(d));
        }
    });
    html! {
        <input type="date" {id} value={value.to_string()} min="2015-01-01" max="2100-12-31" {onchange} />
    }
}

#[component(SettingsBar)]
pub(crate) fn settings_bar(props: &SettingsBarProps) -> Html {
    let lang = props.lang;
    let ontoday = {
        let today = props.today;
        props
            .onaction
            .reform(move |_: MouseEvent| Action::SetAsOf(today))
    };
    let ondefault_cutoff = props
        .onaction
        .reform(|_: MouseEvent| Action::SetCutoff(default_cutoff()));
    let onreset = props.onaction.reform(|_: MouseEvent| Action::ResetSettings);
    html! {
        <section class="panel settings" aria-labelledby="settings-title">
            <h3 id="settings-title">{ tr(lang, "Plan dates", "規劃日期") }</h3>
            if props.restored {
                <p class="notice" id="settings-restored">{ tr(lang,
                    "Your earlier dates and customer choices for this file were restored.",
                    "已還原您先前為這個檔案設定的日期與客戶選擇。") }</p>
            }
            <div class="settings-grid">
                <div class="field">
                    <label for="as-of">{ tr(lang, "Plan as of", "規劃基準日") }</label>
                    { date_input("as-of", props.as_of, Action::SetAsOf, &props.onaction) }
                    if props.as_of != props.today {
                        <button class="link-button" onclick={ontoday}>{ tr(lang, "Use today", "改用今天") }</button>
                    }
                    <p class="hint">{ tr(lang, "Urgency and \"already ended\" are counted from this day. Dates are UTC days: a subscription's service stops at 00:00 UTC on its stop day.", "緊急程度與「已結束」都從這一天算起。日期以 UTC 為準：訂閱在停止日 00:00 UTC（台灣時間 08:00）停止服務。") }</p>
                </div>
                <div class="field">
                    <label for="cutoff">{ tr(lang, "End of sales (cutoff)", "停售日") }</label>
                    { date_input("cutoff", props.cutoff, Action::SetCutoff, &props.onaction) }
                    if props.cutoff != default_cutoff() {
                        <button class="link-button" onclick={ondefault_cutoff}>{ tr(lang, "Back to 1 July 2020", "恢復為 2020年7月1日") }</button>
                    }
                    <p class="hint">{ tr(lang, "Microsoft stopped selling Kaizala Pro on 1 July 2020: from then on nothing renews.", "Microsoft 自 2020年7月1日起停售 Kaizala Pro，之後不再有訂閱續訂。") }</p>
                </div>
            </div>
            if props.customised {
                <button class="button small" id="reset-settings" onclick={onreset}>{ tr(lang, "Back to the default dates and choices", "恢復預設日期與選擇") }</button>
            }
            <p class="hint">{ tr(lang,
                "Dates and customer choices are kept in this browser for this file.",
                "日期與客戶選擇會針對這個檔案保存在這個瀏覽器中。") }</p>
        </section>
    }
}
