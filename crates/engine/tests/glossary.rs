//! The zh-TW vocabulary holds: no word that `docs/glossary.md` marks
//! "Not this" appears in the product's own text (the engine, the app, the
//! CLI, the page shell and the service worker). Lines that only read
//! input (aliases of localised export headers) say `glossary: input` and
//! are skipped, and so are the files that are alias tables as a whole.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The "Not this" words of the glossary's table, each with its concept;
/// words with a note in brackets depend on their meaning and are left to
/// the reader.
fn forbidden() -> Vec<(String, String)> {
    let doc = std::fs::read_to_string(root().join("docs/glossary.md")).expect("docs/glossary.md");
    let mut out = Vec::new();
    for line in doc
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| English"))
    {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // ["", English, zh-TW, Not this, Where, ""]
        if cells.len() < 5 || cells[1].starts_with("---") {
            continue;
        }
        for word in cells[3].split(", ").map(str::trim) {
            if word.is_empty() || word.contains('(') || word.contains(' ') {
                continue;
            }
            out.push((word.to_string(), format!("{} → {}", cells[1], cells[2])));
        }
    }
    out
}

/// Alias tables: they recognise what exports say, in any vocabulary.
const INPUT_FILES: &[&str] = &[
    "crates/engine/src/import/columns/aliases.rs",
    "crates/engine/src/import/columns/candidates.rs",
    "crates/engine/src/import/columns/mod.rs",
    "crates/engine/src/import/columns/tests.rs",
    "crates/engine/src/import/values/mod.rs",
    // The importer's zh-TW tests, which name the words to avoid.
    "crates/engine/src/i18n/import/zh_tests.rs",
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if matches!(
            p.extension().and_then(|x| x.to_str()),
            Some("rs" | "html" | "js" | "csv")
        ) {
            out.push(p);
        }
    }
}

#[test]
fn the_glossary_lists_words_to_avoid() {
    let words = forbidden();
    assert!(words.len() >= 20, "{words:?}");
    assert!(words.iter().any(|(w, _)| w == "訂用帳戶"));
}

#[test]
fn no_zh_tw_text_uses_a_word_the_glossary_rules_out() {
    let root = root();
    let mut files = Vec::new();
    for dir in ["crates/engine/src", "crates/cli/src", "src", "static"] {
        sources(&root.join(dir), &mut files);
    }
    files.push(root.join("index.html"));
    let words = forbidden();
    let mut hits = Vec::new();
    for file in &files {
        let rel = file
            .strip_prefix(&root)
            .unwrap_or(file)
            .to_string_lossy()
            .replace('\\', "/");
        if INPUT_FILES.contains(&rel.as_str()) || rel.ends_with(".csv") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        for (n, line) in text.lines().enumerate() {
            if line.contains("glossary: input") {
                continue;
            }
            for (word, concept) in &words {
                if line.contains(word.as_str()) {
                    hits.push(format!("{rel}:{}: 「{word}」 ({concept})", n + 1));
                }
            }
        }
    }
    assert!(
        hits.is_empty(),
        "{} words the glossary rules out:\n{}",
        hits.len(),
        hits.join("\n")
    );
}
