/*!
One licenses cell → the license names in it.

Each layout joins a user's licenses its own way: the admin center with
`+` (`Office 365 E1+Microsoft Kaizala Pro`), o365reports' simple report
as `SKU[plan,plan],SKU2[plan]`, AdminDroid with `,`, Office365itpros with
`, `. Product names hold `+` themselves (`Enterprise Mobility + Security
E5`), so a `+` is not cut blindly: the cell is split where the pieces
are names the catalog knows. A `+` with spaces on both sides is cut only
between two known names; one without spaces is cut unless joining makes
a known name. `Unlicensed`, the admin center's word for no license, is
no license.
*/

/// The longest run of `+`-separated pieces one name may span: no product
/// name has more than a couple of `+` in it.
const MAX_PIECES: usize = 4;

/// The license names of `cell`, trimmed, in the cell's order. `known`
/// says whether the catalog knows a name.
pub(crate) fn split_licenses(cell: &str, known: &mut dyn FnMut(&str) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    for part in top_level_parts(cell) {
        for name in split_plus(part, known) {
            let name = name.trim();
            if !name.is_empty() && !name.eq_ignore_ascii_case("unlicensed") {
                out.push(name.to_string());
            }
        }
    }
    out
}

/// The cell cut at `,` `;` and line breaks outside brackets, with any
/// `[…]` (o365reports' enabled service plans) left out.
fn top_level_parts(cell: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut keep: Vec<(usize, usize)> = Vec::new();
    for (i, c) in cell.char_indices() {
        match c {
            '[' => {
                if depth == 0 {
                    keep.push((start, i));
                }
                depth += 1;
            }
            ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    start = i + 1;
                }
            }
            ',' | ';' | '\n' | '\r' if depth == 0 => {
                keep.push((start, i));
                parts.push(std::mem::take(&mut keep));
                start = i + 1;
            }
            _ => {}
        }
    }
    if depth == 0 {
        keep.push((start, cell.len()));
    }
    parts.push(keep);
    // A bracketed part is its name before the bracket: the spans before
    // `[` and after `]` (usually empty) are joined by taking the first.
    parts
        .into_iter()
        .filter_map(|spans| {
            spans
                .into_iter()
                .map(|(a, b)| cell.get(a..b).unwrap_or(""))
                .find(|s| !s.trim().is_empty())
        })
        .collect()
}

/// `part` cut at `+` where the pieces are known names (see the module
/// documentation): the cut that leaves the most pieces inside known
/// names, then the most names.
fn split_plus<'a>(part: &'a str, known: &mut dyn FnMut(&str) -> bool) -> Vec<&'a str> {
    // Piece boundaries: byte ranges between the `+`.
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, c) in part.char_indices() {
        if c == '+' {
            pieces.push((start, i));
            start = i + 1;
        }
    }
    pieces.push((start, part.len()));
    if pieces.len() == 1 {
        return vec![part];
    }
    let n = pieces.len();
    // The `+` after piece i has white space on both sides.
    let spaced: Vec<bool> = (0..n - 1)
        .map(|i| {
            let before = &part[pieces[i].0..pieces[i].1];
            let after = &part[pieces[i + 1].0..pieces[i + 1].1];
            before.ends_with(char::is_whitespace) && after.starts_with(char::is_whitespace)
        })
        .collect();
    let text = |j: usize, i: usize| &part[pieces[j].0..pieces[i - 1].1];
    // best[i][k]: the best cut of pieces[..i] whose last name is known
    // (k = 1) or not (k = 0): (pieces in known names, names, from j, from k).
    type Cell = Option<((usize, usize), usize, usize)>;
    let mut best: Vec<[Cell; 2]> = vec![[None, None]; n + 1];
    best[0][1] = Some(((0, 0), 0, 1));
    for i in 1..=n {
        for j in i.saturating_sub(MAX_PIECES)..i {
            let name = text(j, i);
            let is_known = known(name.trim());
            for (lk, prev) in best[j].into_iter().enumerate() {
                let Some(((covered, names), _, _)) = prev else {
                    continue;
                };
                if j > 0 && spaced[j - 1] && !(lk == 1 && is_known) {
                    continue;
                }
                let score = (covered + if is_known { i - j } else { 0 }, names + 1);
                let slot = &mut best[i][usize::from(is_known)];
                if slot.is_none_or(|(s, _, _)| score > s) {
                    *slot = Some((score, j, lk));
                }
            }
        }
    }
    // Walk back from the better end state.
    let mut k = match (best[n][0], best[n][1]) {
        (Some((a, _, _)), Some((b, _, _))) if a > b => 0,
        (_, Some(_)) => 1,
        _ => 0,
    };
    let mut i = n;
    let mut names = Vec::new();
    while i > 0 {
        let Some((_, j, lk)) = best[i][k] else {
            // Unreachable, as a cut into single pieces always exists; keep
            // the part whole rather than lose it.
            return vec![part];
        };
        names.push(text(j, i));
        i = j;
        k = lk;
    }
    names.reverse();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::is_known_license;

    #[test]
    fn splits_against_known_names() {
        let table: &[(&str, &[&str])] = &[
            ("Office 365 E1", &["Office 365 E1"]),
            (
                "Office 365 E1+Microsoft Kaizala Pro",
                &["Office 365 E1", "Microsoft Kaizala Pro"],
            ),
            (
                "Enterprise Mobility + Security E5+Office 365 E3",
                &["Enterprise Mobility + Security E5", "Office 365 E3"],
            ),
            (
                "Office 365 E3+Enterprise Mobility + Security E5",
                &["Office 365 E3", "Enterprise Mobility + Security E5"],
            ),
            (
                "Enterprise Mobility+Security E5",
                &["Enterprise Mobility+Security E5"],
            ),
            ("Fabrikam Sales + Service", &["Fabrikam Sales + Service"]),
            (
                "Office 365 E3 + Microsoft Kaizala Pro",
                &["Office 365 E3", "Microsoft Kaizala Pro"],
            ),
            (
                "Fabrikam Widget+Office 365 E1",
                &["Fabrikam Widget", "Office 365 E1"],
            ),
            ("Foo+Bar", &["Foo", "Bar"]),
            (
                "Microsoft Kaizala Pro+Fabrikam Route Planner",
                &["Microsoft Kaizala Pro", "Fabrikam Route Planner"],
            ),
            ("Unlicensed", &[]),
            ("", &[]),
            ("A++B+", &["A", "B"]),
            (
                "ENTERPRISEPACK[EXCHANGE_S_ENTERPRISE,KAIZALA_O365_P3],FLOW_FREE[FLOW_P2_VIRAL]",
                &["ENTERPRISEPACK", "FLOW_FREE"],
            ),
            ("STANDARDPACK,EMSPREMIUM", &["STANDARDPACK", "EMSPREMIUM"]),
            (
                "Office 365 E1, Microsoft Kaizala Pro",
                &["Office 365 E1", "Microsoft Kaizala Pro"],
            ),
            (
                "contoso:STANDARDPACK;contoso:ENTERPRISEPACK",
                &["contoso:STANDARDPACK", "contoso:ENTERPRISEPACK"],
            ),
            ("x[unclosed", &["x"]),
            ("]]+[[", &[]),
        ];
        for (cell, want) in table {
            let got = split_licenses(cell, &mut |n| is_known_license(n));
            assert_eq!(got, *want, "{cell:?}");
        }
    }
}
