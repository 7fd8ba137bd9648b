/*!
localStorage at the edge, and never trusted to work: small preferences,
and what earlier versions kept per file (read once, to carry it into a
workspace; removed when the workspace is forgotten).

Storage can be missing (blocked cookies, some private modes throw a
SecurityError on access), full (QuotaExceededError on write) or hold
corrupted text. Every call here turns those into a `StorageHealth` the app
shows ("progress is not being saved") instead of failing.
*/

use web_sys::Storage;

use kaizala_engine::handout::Partner;
use kaizala_engine::plan::Settings;
use kaizala_engine::progress::{is_legacy_fingerprint, Progress};

const PREFIX: &str = "kaizala-planner:";
/// The preference the partner's name and contact are kept under.
const PARTNER: &str = "partner";

pub use crate::storage_health::StorageHealth;

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn progress_key(fingerprint: &str) -> String {
    format!("{PREFIX}progress:{fingerprint}")
}

/// The stored progress of an import, and how storage is doing.
pub fn load_progress(fingerprint: &str) -> (Progress, StorageHealth) {
    let Some(storage) = local() else {
        return (Progress::default(), StorageHealth::Unavailable);
    };
    match storage.get_item(&progress_key(fingerprint)) {
        Err(_) => (Progress::default(), StorageHealth::Unavailable),
        Ok(None) => (Progress::default(), StorageHealth::Saving),
        Ok(Some(text)) => match Progress::from_json(&text) {
            Some(p) => (p, StorageHealth::Saving),
            None => (Progress::default(), StorageHealth::Corrupted),
        },
    }
}

fn settings_key(fingerprint: &str) -> String {
    format!("{PREFIX}settings:{fingerprint}")
}

/// Carries the progress and settings stored under the first version's
/// fingerprint of a file (`legacy`) over to its current `fingerprint`,
/// unless some are stored under that already. The old fingerprint is slow
/// to compute over a large file, so it is asked for only when storage
/// holds a key of its form for a file of this length (`len` bytes).
pub fn adopt_legacy(fingerprint: &str, len: u64, legacy: impl FnOnce() -> String) {
    let Some(storage) = local() else {
        return;
    };
    let keys = storage.length().unwrap_or(0);
    let prefixes = [progress_key(""), settings_key("")];
    let candidate = (0..keys)
        .filter_map(|i| storage.key(i).ok().flatten())
        .any(|k| {
            prefixes.iter().any(|p| {
                k.strip_prefix(p.as_str())
                    .is_some_and(|fp| is_legacy_fingerprint(fp, len))
            })
        });
    if !candidate {
        return;
    }
    let old = legacy();
    for key in [progress_key, settings_key] {
        let (from, to) = (key(&old), key(fingerprint));
        let Ok(Some(text)) = storage.get_item(&from) else {
            continue;
        };
        if matches!(storage.get_item(&to), Ok(None)) && storage.set_item(&to, &text).is_ok() {
            let _ = storage.remove_item(&from);
        }
    }
}

/// The dates and per-customer choices saved for an import; `None` when
/// there are none or they cannot be read (then the defaults apply).
pub fn load_settings(fingerprint: &str) -> Option<Settings> {
    let text = local()?
        .get_item(&settings_key(fingerprint))
        .ok()
        .flatten()?;
    serde_json::from_str(&text).ok()
}

/// A small preference (language, a remembered column mapping).
pub fn load_pref(name: &str) -> Option<String> {
    local()?.get_item(&format!("{PREFIX}{name}")).ok().flatten()
}

pub fn save_pref(name: &str, value: &str) -> bool {
    local()
        .map(|s| s.set_item(&format!("{PREFIX}{name}"), value).is_ok())
        .unwrap_or(false)
}

/// The partner's name and contact, kept for this browser (not per file);
/// empty when none are stored or they cannot be read.
pub fn load_partner() -> Partner {
    load_pref(PARTNER)
        .and_then(|text| serde_json::from_str::<Partner>(&text).ok())
        .map(|p| p.tidy())
        .unwrap_or_default()
}

/// Keeps the partner for this browser (an empty one is forgotten); false
/// when storage refused.
pub fn save_partner(partner: &Partner) -> bool {
    let Some(storage) = local() else {
        return false;
    };
    let key = format!("{PREFIX}{PARTNER}");
    if partner.is_empty() {
        return storage.remove_item(&key).is_ok();
    }
    serde_json::to_string(partner)
        .ok()
        .is_some_and(|text| storage.set_item(&key, &text).is_ok())
}

/// Removes the progress and settings earlier versions kept per file.
pub fn forget_files() {
    let Some(storage) = local() else {
        return;
    };
    let prefixes = [progress_key(""), settings_key("")];
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| prefixes.iter().any(|p| k.starts_with(p.as_str())))
        .collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
}
