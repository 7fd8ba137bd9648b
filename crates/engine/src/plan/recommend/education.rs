/*!
Is this customer a school? [`detect_education`] reads the export's
qualification column, the domain and the name; [`education_of`] decides,
from that and the user's choice, whether education plans may be
recommended. A qualification column that says anything but Education
wins over a guess from the name or domain: A plans are sold only to
institutions Microsoft has verified.
*/

use crate::model::Customer;

use super::super::meaning::EducationSignal;
use super::super::settings::CustomerSettings;

/// Why this customer looks like an education customer, if it does:
///
/// - the qualification column says `Education` (not "Not an education
///   customer", not "In review");
/// - the domain's last labels are `edu` (`mit.edu`), `edu.xx`
///   (`ntu.edu.tw`) or `ac.xx` (`ox.ac.uk`);
/// - the name contains school, university, college, academy or "institute
///   of technology" as words, or 大學, 學院, 學校, 高中, 中學, 國中, 小學,
///   國小 (also in simplified forms).
///
/// ```
/// use kaizala_engine::model::Customer;
/// use kaizala_engine::plan::detect_education;
/// let c = |d: &str| Customer { domain: Some(d.into()), ..Customer::default() };
/// assert!(detect_education(&c("ntu.edu.tw")).is_some());
/// assert!(detect_education(&c("ox.ac.uk")).is_some());
/// assert!(detect_education(&c("education.com")).is_none());
/// ```
pub fn detect_education(customer: &Customer) -> Option<EducationSignal> {
    if let Some(q) = customer.qualification.as_deref() {
        if q.trim().eq_ignore_ascii_case("education") {
            return Some(EducationSignal::Qualification);
        }
    }
    if let Some(domain) = customer.domain.as_deref() {
        // Compared without lower-casing a copy: this runs for every customer.
        let trimmed = domain.trim().trim_end_matches('.');
        let mut labels = trimmed.rsplit('.');
        let last = labels.next().unwrap_or("");
        let second = labels.next();
        let third = labels.next();
        let is = |l: Option<&str>, w: &str| l.is_some_and(|l| l.eq_ignore_ascii_case(w));
        let is_edu = (last.eq_ignore_ascii_case("edu") && second.is_some_and(|s| !s.is_empty()))
            || (third.is_some_and(|s| !s.is_empty())
                && (is(second, "edu") || is(second, "ac"))
                && last.len() == 2
                && last.chars().all(|c| c.is_ascii_alphabetic()));
        if is_edu {
            return Some(EducationSignal::Domain {
                domain: domain.trim().to_string(),
            });
        }
    }
    if let Some(name) = customer.name.as_deref() {
        // The words are ASCII, so an ASCII case-insensitive match is the
        // same as lower-casing every word first (which would allocate).
        const WORDS: &[&str] = &[
            "school",
            "schools",
            "university",
            "universities",
            "college",
            "academy",
        ];
        // One pass over the words, keeping the two before each; a school
        // word anywhere is named before "institute of technology".
        let (mut a, mut b) = ("", "");
        let mut institute = false;
        for w in name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if let Some(k) = WORDS.iter().find(|k| w.eq_ignore_ascii_case(k)) {
                return Some(EducationSignal::Name {
                    word: (*k).to_string(),
                });
            }
            institute |= a.eq_ignore_ascii_case("institute")
                && b.eq_ignore_ascii_case("of")
                && w.eq_ignore_ascii_case("technology");
            (a, b) = (b, w);
        }
        if institute {
            return Some(EducationSignal::Name {
                word: "institute of technology".into(),
            });
        }
        const CJK: &[&str] = &[
            "大學", "学院", "學院", "學校", "学校", "高中", "中學", "中学", "國中", "國小", "小學",
            "小学", "大学",
        ];
        if let Some(w) = CJK.iter().find(|w| !name.is_ascii() && name.contains(*w)) {
            return Some(EducationSignal::Name {
                word: (*w).to_string(),
            });
        }
    }
    None
}

/// The export's qualification, when it says something other than
/// Education ("None", "Commercial", "Not an education customer", "In
/// review", ...): Microsoft has not verified the customer as a school.
pub(crate) fn explicit_non_education(qualification: Option<&str>) -> Option<&str> {
    qualification
        .map(str::trim)
        .filter(|q| !q.is_empty() && !q.eq_ignore_ascii_case("education"))
}

/// Whether education plans may be recommended, and why: the user's
/// choice first; else the qualification column when it says Education;
/// else a name or domain guess, unless the qualification column says
/// something else.
pub(crate) fn education_of(
    detected: &Option<EducationSignal>,
    settings: &CustomerSettings,
    qualification: Option<&str>,
) -> Option<EducationSignal> {
    match settings.education {
        Some(true) => Some(detected.clone().unwrap_or(EducationSignal::UserChoice)),
        Some(false) => None,
        None => match detected {
            Some(EducationSignal::Qualification) => Some(EducationSignal::Qualification),
            Some(guess) if explicit_non_education(qualification).is_none() => Some(guess.clone()),
            _ => None,
        },
    }
}
