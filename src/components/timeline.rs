/*!
The timeline: Kaizala seats whose service stops, per month, as an SVG bar
chart with the cutoff and the as-of date marked. Drawn with classes only
(no inline styles), so the page's CSP needs no 'unsafe-inline'.
*/

use chrono::{Datelike, NaiveDate};
use yew::prelude::*;

use crate::components::long_list::use_drawn;
use crate::i18n::{month, number, table_date, tr, Lang};
use crate::view_model::chart::{
    month_index, parse_month, pct, tick_anchor, tick_shown, tick_step, PLOT_NARROW, PLOT_WIDE,
};
use kaizala_engine::plan::MonthTotal;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub lang: Lang,
    pub months: Vec<MonthTotal>,
    pub as_of: NaiveDate,
    pub cutoff: NaiveDate,
    /// Bars, labels and markers are drawn in a task after the first
    /// render (the overview: its totals and first rows are painted first,
    /// issue 20); on paper they are drawn at once.
    #[prop_or_default]
    pub later: bool,
}

// Positions are percentages of the chart's box (and font-relative `em`
// for the text around the plot), which app.css sizes per screen: the
// labels keep their pixel size on a phone instead of shrinking with a
// scaled drawing.
const LEFT: f64 = 2.0;
const RIGHT: f64 = 98.0;
const TOP: f64 = 16.0;
const AXIS: f64 = 86.0;
/// Widths in px of a month's label (with a gap) and a bar's value.
const LABEL_EN: f64 = 64.0;
const LABEL_ZH: f64 = 78.0;
const VALUE: f64 = 30.0;
/// Months drawn at most; a wider spread is cut to the months with seats.
const MAX_SPAN: i64 = 48;

#[component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let drawn = use_drawn(1, usize::from(!props.later), 1) > 0;
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
    let months = (end - start + 1).max(1);
    let span = months as f64;
    let plot_h = AXIS - TOP;
    let slot = (RIGHT - LEFT) / span;
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
                <rect x={pct(x)} y={pct(AXIS - h)} width={pct(slot * 0.7)} height={pct(h)} />
                <text class="bar-value" x={pct(x + slot * 0.35)} y={pct(AXIS - h)} dy="-.4em" text-anchor="middle">{ number(m.seats) }</text>
            </g>
        }
    });
    // Months are labelled as far apart as their labels need, on a wide
    // screen and on a phone (app.css hides the other's); Chinese month
    // labels (2020年10月) are wider.
    let label_w = if lang == Lang::ZhTw {
        LABEL_ZH
    } else {
        LABEL_EN
    };
    let (wide, narrow) = (
        tick_step(months, PLOT_WIDE, label_w),
        tick_step(months, PLOT_NARROW, label_w),
    );
    let ticks = (start..=end).flat_map(|i| {
        let shown = tick_shown(i - start, wide, narrow);
        let (y, m) = ((i.div_euclid(12)) as i32, (i.rem_euclid(12) + 1) as u32);
        // A label at either end of the axis reads inwards, so it is not
        // cut; how far in that reaches differs between a phone and a wide
        // screen, so such a label is drawn once for each.
        let center = x_of(i) + slot / 2.0;
        let anchors = (
            tick_anchor(center, (LEFT, RIGHT), PLOT_WIDE, label_w),
            tick_anchor(center, (LEFT, RIGHT), PLOT_NARROW, label_w),
        );
        let each: Vec<(&'static str, &'static str)> = match shown {
            None => vec![],
            Some(class) if anchors.0 == anchors.1 => vec![(class, anchors.0)],
            Some(class) => [("wide-only", anchors.0), ("narrow-only", anchors.1)]
                .into_iter()
                .filter(|(screen, _)| class.is_empty() || class == *screen)
                .collect(),
        };
        each.into_iter().map(move |(class, anchor)| {
            let x = match anchor {
                "start" => x_of(i),
                "end" => x_of(i) + slot,
                _ => center,
            };
            html! {
                <text class={classes!("tick", class)} x={pct(x)} y={pct(AXIS)} dy="1.4em" text-anchor={anchor}>{ month(lang, y, m) }</text>
            }
        })
    });
    // Bars' values where they would touch their neighbours' are left to
    // the bars' titles.
    let crowded = classes!(
        (tick_step(months, PLOT_WIDE, VALUE) > 1).then_some("values-crowded-wide"),
        (tick_step(months, PLOT_NARROW, VALUE) > 1).then_some("values-crowded-narrow"),
    );
    let marker = |d: NaiveDate, class: &'static str, label: String, row: &'static str| {
        let i = month_index(d.year(), d.month());
        if i < start {
            return html! { <text class={classes!("marker-label", class)} x={pct(LEFT)} y={row}>{ format!("← {label}") }</text> };
        }
        if i > end {
            return html! { <text class={classes!("marker-label", class)} x={pct(RIGHT)} y={row} text-anchor="end">{ format!("{label} →") }</text> };
        }
        let x = x_of_date(d);
        // Right of the middle, the label reads leftwards from its line, so
        // it stays inside the chart on a narrow screen.
        let (anchor, dx) = if x > 50.0 {
            ("end", "-4")
        } else {
            ("start", "4")
        };
        html! {
            <g class={classes!("marker", class)}>
                <line x1={pct(x)} x2={pct(x)} y1={pct(TOP - 4.0)} y2={pct(AXIS)} />
                <text class="marker-label" x={pct(x)} {dx} y={row} text-anchor={anchor}>{ label }</text>
            </g>
        }
    };
    let total: u64 = data.iter().map(|(_, m)| m.seats).sum();
    let first = data
        .first()
        .map(|(_, m)| m.month.clone())
        .unwrap_or_default();
    let last = data
        .last()
        .map(|(_, m)| m.month.clone())
        .unwrap_or_default();
    let summary = match lang {
        Lang::En => format!("{title}: {} seats between {first}–{last}", number(total)),
        Lang::ZhTw => format!("{title}：{first}至{last}共 {} 個授權", number(total)),
    };
    html! {
        <figure class="panel timeline">
            <figcaption><h3>{ title }</h3></figcaption>
            <svg id="timeline-chart" class={crowded} role="img" aria-label={summary}>
                <line class="axis" x1={pct(LEFT)} x2={pct(RIGHT)} y1={pct(AXIS)} y2={pct(AXIS)} />
                if drawn {
                    { for bars }
                    { for ticks }
                    { marker(props.cutoff, "cutoff", format!("{} {}", tr(lang, "Cutoff", "停售日"), table_date(lang, props.cutoff)), "1.1em") }
                    { marker(props.as_of, "as-of", format!("{} {}", tr(lang, "As of", "規劃基準日"), table_date(lang, props.as_of)), "2.3em") }
                }
            </svg>
        </figure>
    }
}
