/*!
The timeline's arithmetic: months as numbers on its axis, and SVG
coordinates as the chart writes them.
*/

/// A month's place on the axis: months since the year 0.
pub fn month_index(y: i32, m: u32) -> i64 {
    i64::from(y) * 12 + i64::from(m) - 1
}

/// A `2020-09` month of the plan's totals; `None` for anything else.
pub fn parse_month(s: &str) -> Option<(i32, u32)> {
    let (y, m) = s.split_once('-')?;
    let (y, m) = (y.parse().ok()?, m.parse().ok()?);
    (1..=12).contains(&m).then_some((y, m))
}

/// An SVG coordinate with one decimal, as `{:.1}` would write it, by
/// integer arithmetic: float formatting would link core's float printer
/// (Grisu and Dragon with their tables) into the wasm for these alone.
pub fn px(x: f64) -> String {
    let tenths = (x * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}

/// The chart's plot width, in CSS pixels, that its labels are spaced for:
/// the least a wide screen (a tablet, a desktop, A4 paper) gives it, and
/// the least a phone does. app.css switches between the two at 700 px.
pub const PLOT_WIDE: f64 = 600.0;
/// See [`PLOT_WIDE`].
pub const PLOT_NARROW: f64 = 250.0;

/// How many months apart the axis labels stand (1, 2, 3, 6 or 12) so
/// that labels about `label` pixels wide, under `span` months spread over
/// `plot` pixels, do not touch.
pub fn tick_step(span: i64, plot: f64, label: f64) -> i64 {
    let slot = plot / span.max(1) as f64;
    [1, 2, 3, 6, 12]
        .into_iter()
        .find(|step| *step as f64 * slot >= label)
        .unwrap_or(12)
}

/// Where one month's axis label is shown: on wide screens, on phones, on
/// both, or `None` (not drawn).
pub fn tick_shown(offset: i64, wide_step: i64, narrow_step: i64) -> Option<&'static str> {
    match (offset % wide_step == 0, offset % narrow_step == 0) {
        (true, true) => Some(""),
        (true, false) => Some("wide-only"),
        (false, true) => Some("narrow-only"),
        (false, false) => None,
    }
}

/// How a month's label centred at `center` (a percentage of the chart's
/// box, the plot running from `left` to `right`) is anchored so that
/// neither end of the axis cuts it, where the plot is `plot` pixels wide
/// and the label about `label`: `start` (from its month's left edge) near
/// the left end, `end` (to its month's right edge) near the right, else
/// `middle`. A phone's narrower plot needs it further in than a wide one.
pub fn tick_anchor(center: f64, (left, right): (f64, f64), plot: f64, label: f64) -> &'static str {
    let half = label / 2.0 / plot * (right - left);
    if center - half < left {
        "start"
    } else if center + half > right {
        "end"
    } else {
        "middle"
    }
}

/// A percentage of the chart's box, as an SVG attribute: `12.5%`.
pub fn pct(x: f64) -> String {
    format!("{}%", px(x))
}
