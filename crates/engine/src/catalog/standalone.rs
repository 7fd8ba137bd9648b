/*!
Is this subscription Kaizala Pro *standalone*, the product whose sale
ended? [`is_kaizala_pro_standalone`] reads its names: the product has no
row in Microsoft's SKU list, and the service plans named like it are the
Kaizala part of other products.
*/

use super::kaizala_inclusion;

/// Is this a Kaizala Pro *standalone* subscription?
///
/// The standalone product has no row in Microsoft's SKU list, so it is
/// recognised by name: the offer, the SKU or the friendly name says
/// "Kaizala Pro" (any case, spacing or punctuation, `KaizalaPro`, a
/// localized "Kaizala 專業版"), or "Kaizala Standalone" in words.
///
/// Not standalone:
/// - any product of the SKU table or its aliases (E3, F3, Business
///   Standard, ...), whatever its nickname says: those are coverage;
/// - a Kaizala service plan's name or id (`KAIZALA_STANDALONE`,
///   `KAIZALA_O365_P3`, `0898bdbb-...`) in the offer or SKU column: the
///   service plan inside E5/A5 (E3/A3) whose friendly name is also
///   "Microsoft Kaizala Pro", so the row is the bundle's, and coverage;
/// - service plan names: "Microsoft Kaizala Pro Plan 1/2/3" and
///   `KAIZALA_O365_P1/P2/P3` name the Kaizala part *inside* another
///   product. Subscription exports list products, not service plans, so a
///   row carrying such a name is a license report line for a bundle, and
///   counting it as a standalone subscription would send the partner to
///   suspend an E3;
/// - plain "Microsoft Kaizala", the free app and the E5 service plan's
///   friendly name.
///
/// The friendly name (a partner-chosen nickname) counts only when the offer
/// and SKU are not a known product, because Graph-based reports put the
/// product's friendly name there and an unknown SKU in the offer column.
///
/// ```
/// use kaizala_engine::catalog::is_kaizala_pro_standalone as is_pro;
/// assert!(is_pro("Microsoft Kaizala Pro", None, None));
/// assert!(is_pro("MICROSOFT KAIZALA PRO", None, None));
/// assert!(is_pro("Kaizala-Pro (legacy)", None, None));
/// assert!(is_pro("Kaizala Pro 專業版", None, None));
/// assert!(!is_pro("Microsoft Kaizala Pro", None, Some("KAIZALA_STANDALONE")));
/// assert!(!is_pro("Microsoft Kaizala Pro Plan 2", None, None));
/// assert!(!is_pro("Office 365 E3", Some("Kaizala Pro team"), None));
/// ```
pub fn is_kaizala_pro_standalone(
    offer: &str,
    friendly_name: Option<&str>,
    sku: Option<&str>,
) -> bool {
    if kaizala_inclusion(offer, sku).is_some() {
        return false;
    }
    names_kaizala_pro(offer)
        || sku.is_some_and(names_kaizala_pro)
        || friendly_name.is_some_and(names_kaizala_pro)
}

fn names_kaizala_pro(text: &str) -> bool {
    let t = tokens(text);
    // A service plan suffix ("Plan 2", "P1") after the name means the
    // Kaizala part of a bundle, not the product.
    let product_ends_here = |j: usize| match t.get(j).map(String::as_str) {
        None => true,
        Some("plan") => false,
        Some(p) => {
            !(p.len() >= 2 && p.starts_with('p') && p[1..].bytes().all(|b| b.is_ascii_digit()))
        }
    };
    (0..t.len()).any(|i| match t[i].as_str() {
        "kaizalapro" => product_ends_here(i + 1),
        "kaizala" => match t.get(i + 1).map(String::as_str) {
            Some("pro") => product_ends_here(i + 2),
            Some("standalone") => true,
            Some(next) => next.starts_with("專業") || next.starts_with("专业"),
            None => false,
        },
        _ => false,
    })
}

/// Lower-case words: runs of letters and digits, split where the script
/// changes between ASCII and other letters (so "Kaizala專業版" is two).
fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_ascii = true;
    for c in s.chars() {
        if c.is_alphanumeric() {
            let ascii = c.is_ascii();
            if !cur.is_empty() && ascii != cur_ascii {
                out.push(std::mem::take(&mut cur));
            }
            cur_ascii = ascii;
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standalone_recognition() {
        let yes = [
            "Microsoft Kaizala Pro",
            "Kaizala Pro",
            "kaizala pro",
            "KAIZALA_PRO",
            "KaizalaPro",
            "Microsoft Kaizala Pro (Legacy)",
            "Kaizala Pro 專業版",
            "Microsoft Kaizala 專業版",
            "Kaizala專業版",
            "Kaizala Pro Standalone",
            "Microsoft Kaizala Pro Trial",
        ];
        for name in yes {
            assert!(is_kaizala_pro_standalone(name, None, None), "{name}");
        }
        let no = [
            "Microsoft Kaizala Pro Plan 2",
            "Microsoft Kaizala Pro Plan 1",
            "KAIZALA_O365_P3",
            "Kaizala Pro P2",
            "Microsoft Kaizala",
            "Office 365 E3",
            "Exchange Online (Plan 1)",
            "",
            "Kaizalas Protector",
            "KAIZALA_STANDALONE",
            "0898bdbb-73b0-471a-81e5-20f1fe4dd66e",
        ];
        for name in no {
            assert!(!is_kaizala_pro_standalone(name, None, None), "{name}");
        }
        // A nickname counts when the offer is unknown, not on a known bundle.
        assert!(is_kaizala_pro_standalone(
            "9a1b2c3d",
            Some("Microsoft Kaizala Pro"),
            None
        ));
        assert!(!is_kaizala_pro_standalone(
            "Microsoft 365 E3",
            Some("Kaizala Pro"),
            None
        ));
        assert!(!is_kaizala_pro_standalone(
            "Kaizala Pro",
            None,
            Some("SPE_E3")
        ));
    }

    /// "Microsoft Kaizala Pro" is also the friendly name of the Kaizala
    /// service plans inside E3/E5/A3/A5: a row that carries a bundle's
    /// SKU, or a service plan's name or id, is that bundle's.
    #[test]
    fn a_bundles_service_plan_is_never_standalone() {
        let rows: &[(&str, Option<&str>, Option<&str>)] = &[
            ("Microsoft Kaizala Pro", None, Some("SPE_E5")),
            (
                "Microsoft Kaizala Pro",
                None,
                Some("06ebc4ee-1bb5-47dd-8120-11324bc54e06"),
            ),
            ("Microsoft Kaizala Pro", None, Some("M365EDU_A5_FACULTY")),
            ("Microsoft Kaizala Pro", None, Some("ENTERPRISEPACK")),
            ("Microsoft Kaizala Pro", None, Some("KAIZALA_STANDALONE")),
            ("Microsoft Kaizala Pro", None, Some("KAIZALA_O365_P3")),
            (
                "Microsoft Kaizala Pro",
                None,
                Some("0898bdbb-73b0-471a-81e5-20f1fe4dd66e"),
            ),
            (
                "Microsoft Kaizala Pro",
                None,
                Some("aebd3021-9f8f-4bf8-bbe3-0ed2f4f047a1"),
            ),
            ("KAIZALA_STANDALONE", Some("Microsoft Kaizala Pro"), None),
            ("KAIZALA_O365_P3", Some("Microsoft Kaizala Pro"), None),
        ];
        for (offer, friendly, sku) in rows {
            assert!(
                !is_kaizala_pro_standalone(offer, *friendly, *sku),
                "{offer} {friendly:?} {sku:?}"
            );
            let known = crate::catalog::kaizala_inclusion(offer, *sku).expect("coverage");
            assert!(known.inclusion.includes_kaizala(), "{offer} {sku:?}");
        }
    }
}
