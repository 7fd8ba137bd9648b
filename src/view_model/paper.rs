/*!
What prints and downloads hold, worked out without a browser: the plan
they are made from (one reseller's part when the table is filtered to
one), the customers a print shows, a checklist split into waves, the
reseller a row belongs to, and the sentence that says when 00:00 UTC of
the day the service stops is on the reader's clock.
*/

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::NaiveDate;

use crate::i18n::{date, tr, Lang};
use crate::state::{PrintMode, View, Workspace};
use kaizala_engine::checklist::Step;
use kaizala_engine::export::ExportFormat;
use kaizala_engine::order;
use kaizala_engine::plan::{Category, CustomerPlan, Plan};
use kaizala_engine::progress::Progress;

/// The plan prints and downloads are made from: the whole plan, or the
/// part sold through the reseller the table is filtered to.
pub fn output_plan(w: &Workspace) -> Rc<Plan> {
    match &w.table.reseller {
        Some(r) => Rc::new(w.plan.for_reseller(r)),
        None => w.plan.clone(),
    }
}

/// The name of a download of the whole plan: with the reseller's MPN ID
/// (or `direct`) when the table is filtered to one, so two resellers'
/// files never overwrite each other.
pub fn output_file_name(w: &Workspace, format: ExportFormat) -> String {
    match w.table.reseller.as_deref() {
        None => format.file_name(&w.plan),
        Some(r) => {
            let who = if r.is_empty() {
                "direct".to_string()
            } else {
                format!("reseller-{}", crate::view_model::slug::slug(r))
            };
            format!("kaizala-plan-{}-{who}.{}", w.plan.as_of, format.extension())
        }
    }
}

/// Whether a customer belongs to the reseller the table is filtered to
/// (every customer when it is not).
pub fn in_reseller(w: &Workspace, c: &CustomerPlan) -> bool {
    w.table
        .reseller
        .as_deref()
        .is_none_or(|r| c.customer.reseller_mpn_id.as_deref().unwrap_or("") == r)
}

/// The customers whose checklists a print shows, in the plan's order:
/// the selected ones (of the filtered reseller), or the open customer
/// alone. None for the overview.
pub fn printed_customers(w: &Workspace) -> Vec<&CustomerPlan> {
    match w.print_mode {
        PrintMode::Overview => Vec::new(),
        PrintMode::Checklists => w
            .plan
            .customers
            .iter()
            .filter(|c| w.print_selection.contains(&c.key) && in_reseller(w, c))
            .collect(),
        PrintMode::Customer => match &w.view {
            View::Customer(key) => w.plan.customer(key).into_iter().collect(),
            View::Overview => Vec::new(),
        },
    }
}

/// A checklist's steps by wave, in order: one group per wave, each with
/// its number. Steps of a wave stay together even if the list interleaves
/// them.
pub fn by_wave(steps: &[Step]) -> Vec<(u32, Vec<&Step>)> {
    let mut waves: Vec<(u32, Vec<&Step>)> = Vec::new();
    for s in steps {
        match waves.iter_mut().find(|(n, _)| *n == s.wave) {
            Some((_, group)) => group.push(s),
            None => waves.push((s.wave, vec![s])),
        }
    }
    order::sort_by(&mut waves, |(a, _), (b, _)| a.cmp(b));
    waves
}

/// How a reseller is named in the table and on paper: its MPN ID, or
/// "sold directly" for customers without one.
pub fn reseller_label(lang: Lang, mpn_id: Option<&str>) -> String {
    match mpn_id.filter(|r| !r.is_empty()) {
        Some(r) => format!("{} {r}", tr(lang, "Reseller MPN ID", "經銷商 MPN ID")),
        None => tr(lang, "Sold directly (no reseller)", "直接銷售（無經銷商）").to_string(),
    }
}

/// The reader's clock at 00:00 UTC of a day, as the browser tells it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalTime {
    /// The local day (the day before in zones west of UTC).
    pub date: NaiveDate,
    pub hour: u32,
    pub minute: u32,
    /// The time zone's name (`Asia/Taipei`), when the browser gives one.
    pub zone: Option<String>,
}

/// Says when the service stops (00:00 UTC on `stop`) on the reader's
/// clock, for a step due on the last day of service.
pub fn stop_time_note(lang: Lang, stop: NaiveDate, local: &LocalTime) -> String {
    let clock = format!("{:02}:{:02}", local.hour, local.minute);
    let local_day = date(lang, local.date);
    match lang {
        Lang::En => format!(
            "The service stops at 00:00 UTC on {}: that is {clock} on {local_day} in {}.",
            date(lang, stop),
            local.zone.as_deref().unwrap_or("your time zone"),
        ),
        Lang::ZhTw => {
            // Taiwan's own clock is named as Taiwanese readers say it; any
            // other zone keeps the browser's name for it.
            let said = match local.zone.as_deref() {
                Some("Asia/Taipei") => format!("台灣時間 {local_day} {clock}"),
                Some(zone) => format!("您的時區（{zone}）{local_day} {clock}"),
                None => format!("您所在時區的 {local_day} {clock}"),
            };
            format!("服務在 {} 00:00 UTC 停止，也就是{said}。", date(lang, stop))
        }
    }
}

/// For each last day of service of a customer's subscriptions still to
/// migrate (its migrate-by day), when the service stops on the reader's
/// clock: `local` reads the browser (00:00 UTC of a day, locally). None
/// when the reader's clock is UTC's.
pub fn stop_notes(
    lang: Lang,
    customer: &CustomerPlan,
    local: impl Fn(NaiveDate) -> Option<LocalTime>,
) -> Vec<(NaiveDate, String)> {
    let mut notes: Vec<(NaiveDate, String)> = Vec::new();
    for s in &customer.subscriptions {
        if matches!(s.category, Category::AlreadyEnded | Category::Inactive) {
            continue;
        }
        let (Some(last), Some(stop)) = (s.migrate_by, s.expires_on) else {
            continue;
        };
        if notes.iter().any(|(d, _)| *d == last) {
            continue;
        }
        // A reader on UTC's clock learns nothing new.
        if let Some(t) = local(stop).filter(|t| (t.date, t.hour, t.minute) != (stop, 0, 0)) {
            notes.push((last, stop_time_note(lang, stop, &t)));
        }
    }
    notes
}

/// The day each done step of a customer was done, for the steps ticked
/// with a date.
pub fn done_on(progress: &Progress, customer: &CustomerPlan) -> BTreeMap<String, NaiveDate> {
    // Extend, not collect: collecting into a map sorts first, with its own
    // copy of the standard sort.
    let mut done = BTreeMap::new();
    done.extend(
        progress
            .done_steps(customer)
            .into_iter()
            .filter_map(|(step, d)| d.map(|d| (step, d))),
    );
    done
}
