/*!
What every cell parser shares: the placeholders that mean "no value"
(`n/a`, `-`, `null`...) and reading a run of digits.
*/

/// A cell that stands for no value.
pub(crate) fn is_placeholder(s: &str) -> bool {
    [
        "-",
        "--",
        "n/a",
        "na",
        "none",
        "null",
        "(none)",
        "無",
        "无",
        "不適用",
    ]
    .iter()
    .any(|p| s.eq_ignore_ascii_case(p))
}

/// Reads up to 9 ASCII digits from `b[i..]`: (value, digit count, next index).
/// More digits than that make the count 0, so callers reject the cell.
pub(super) fn read_digits(b: &[u8], mut i: usize) -> (u32, usize, usize) {
    let start = i;
    let mut v: u32 = 0;
    while let Some(c) = b.get(i).filter(|c| c.is_ascii_digit()) {
        if i - start >= 9 {
            return (0, 0, i);
        }
        v = v * 10 + u32::from(c - b'0');
        i += 1;
    }
    (v, i - start, i)
}
