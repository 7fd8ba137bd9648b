/*!
File-name-safe forms of names, for downloads and for element ids.
*/

/// A file-name-safe form of a customer name; non-ASCII letters stay.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_alphanumeric() {
            out.extend(ch.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "customer".into()
    } else {
        out
    }
}
