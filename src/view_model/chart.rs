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
