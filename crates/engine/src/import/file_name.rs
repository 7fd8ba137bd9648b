/*!
The stem of a file's name, which the importer offers as the customer's
name when a file has no customer column (a one-customer export is often
saved under the customer's name).
*/

/// `C:\exports\Contoso Ltd.csv` → `Contoso Ltd`.
pub(crate) fn file_stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = match base.rfind('.') {
        Some(i) if i > 0 => &base[..i],
        _ => base,
    };
    stem.trim()
}
