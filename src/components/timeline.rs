/*!
The timeline: Kaizala seats whose service stops, per month, as an SVG bar
chart with the cutoff and the as-of date marked. Drawn with classes only
(no inline styles), so the page's CSP needs no 'unsafe-inline'.
*/

use chrono::{Datelike, NaiveDate};
use yew::prelude::*;

use crate::i18n::{date, month, number, tr, Lang};
use crate::view_model::chart::{month_index, parse_month, px};
use kaizala_engine::plan::MonthTotal;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub lang: Lang,
    pub months: Vec<MonthTotal>,
    pub as_of: NaiveDate,
    pub cutoff: NaiveDate,
}

const W: f64 = 760.0;
const H: f64 = 240.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 28.0;
const BOTTOM: f64 = 44.0;
/// Months drawn at most; a wider spread is cut to the months with seats.
const MAX_SPAN: i64 = 48;

#[component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let data: Vec<(i64, &MonthTotal)> = props
        .months
        .iter()
        .filter_map(|m| parse_month(&m.month).map(|(y, mo)| (month_index(y, mo), m)))
        .collect();
    let title = tr(
        lang,
        "Kaizala seats ending per month",
        "每月到期的 Kaizala 授權數",
    );
    if data.is_empty() {
        return html! {
            <figure class="panel timeline">
                <figcaption><h3>{ title }</h3></figcaption>
                <p class="hint">{ tr(lang, "No Kaizala Pro subscription in this file has a known end date.", "這個檔案中的 Kaizala Pro 訂閱都沒有已知的到期日。") }</p>
            </figure>
        };
    }
    let cutoff_i = month_index(props.cutoff.year(), props.cutoff.month());
    let as_of_i = month_index(props.as_of.year(), props.as_of.month());
    let first_data = data.iter().map(|(i, _)| *i).min().unwrap_or(cutoff_i);
    let last_data = data.iter().map(|(i, _)| *i).max().unwrap_or(cutoff_i);
    let mut start = first_data.min(cutoff_i);
    let mut end = last_data.max(cutoff_i);
    // The as-of month joins the axis only when it is near the data; far
    // away (planning years later) it is shown as an arrow at the edge.
    if as_of_i >= start - 6 && as_of_i <= end + 6 {
        start = start.min(as_of_i);
        end = end.max(as_of_i);
    }
    if end - start + 1 > MAX_SPAN {
        start = first_data;
        end = (first_data + MAX_SPAN - 1).max(last_data.min(first_data + MAX_SPAN - 1));
    }
    let span = (end - start + 1).max(1) as f64;
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let slot = plot_w / span;
    let max_seats = data.iter().map(|(_, m)| m.seats).max().unwrap_or(1).max(1) as f64;
    let x_of = |i: i64| LEFT + (i - start) as f64 * slot;
    // The day within the month positions a marker inside its slot.
    let x_of_date = |d: NaiveDate| {
        let i = month_index(d.year(), d.month());
        x_of(i) + slot * (f64::from(d.day()) - 1.0) / 31.0
    };

    let bars = data.iter().filter(|(i, _)| *i >= start && *i <= end).map(|(i, m)| {
        let h = (m.seats as f64 / max_seats) * plot_h;
        let x = x_of(*i) + slot * 0.15;
        let label = format!("{}: {} {}", m.month, number(m.seats), tr(lang, "seats", "個授權"));
        // Months before the as-of month have already ended.
        let past = *i < as_of_i;
        html! {
            <g class={classes!("bar", past.then_some("past"))}>
                <title>{ label }</title>
                <rect x={px(x)} y={px(TOP + plot_h - h)} width={px(slot * 0.7)} height={px(h)} />
                <text class="bar-value" x={px(x + slot * 0.35)} y={px(TOP + plot_h - h - 4.0)} text-anchor="middle">{ number(m.seats) }</text>
            </g>
        }
    });
    // Label every month when few, else every second, third or sixth;
    // Chinese month labels (2020年10月) are wider, so they thin out sooner.
    let one_each = if lang == Lang::ZhTw { 9.0 } else { 14.0 };
    let step = if span <= one_each {
        1
    } else if span <= 2.0 * one_each {
        2
    } else if span <= 30.0 {
        3
    } else {
        6
    };
    let ticks = (start..=end).filter(|i| (i - start) % step == 0).map(|i| {
        let (y, m) = ((i.div_euclid(12)) as i32, (i.rem_euclid(12) + 1) as u32);
        html! {
            <text class="tick" x={px(x_of(i) + slot / 2.0)} y={px(H - BOTTOM + 16.0)} text-anchor="middle">{ month(lang, y, m) }</text>
        }
    });
    let marker = |d: NaiveDate, class: &'static str, label: String, row: f64| {
        let i = month_index(d.year(), d.month());
        if i < start {
            return html! { <text class={classes!("marker-label", class)} x={px(LEFT)} y={px(row)}>{ format!("← {label}") }</text> };
        }
        if i > end {
            return html! { <text class={classes!("marker-label", class)} x={px(W - RIGHT)} y={px(row)} text-anchor="end">{ format!("{label} →") }</text> };
        }
        let x = x_of_date(d);
        html! {
            <g class={classes!("marker", class)}>
                <line x1={px(x)} x2={px(x)} y1={px(TOP - 6.0)} y2={px(TOP + plot_h)} />
                <text class="marker-label" x={px(x + 4.0)} y={px(row)}>{ label }</text>
            </g>
        }
    };
    let total: u64 = data.iter().map(|(_, m)| m.seats).sum();
    let summary = format!(
        "{}: {} {} {}–{}",
        title,
        number(total),
        tr(lang, "seats between", "個授權，期間"),
        data.first()
            .map(|(_, m)| m.month.clone())
            .unwrap_or_default(),
        data.last()
            .map(|(_, m)| m.month.clone())
            .unwrap_or_default()
    );
    html! {
        <figure class="panel timeline">
            <figcaption><h3>{ title }</h3></figcaption>
            <svg id="timeline-chart" viewBox={format!("0 0 {} {}", W as i32, H as i32)} role="img" aria-label={summary}>
                <line class="axis" x1={px(LEFT)} x2={px(W - RIGHT)} y1={px(TOP + plot_h)} y2={px(TOP + plot_h)} />
                { for bars }
                { for ticks }
                { marker(props.cutoff, "cutoff", format!("{} {}", tr(lang, "Cutoff", "截止日"), date(lang, props.cutoff)), 14.0) }
                { marker(props.as_of, "as-of", format!("{} {}", tr(lang, "As of", "基準日"), date(lang, props.as_of)), 26.0) }
            </svg>
        </figure>
    }
}
