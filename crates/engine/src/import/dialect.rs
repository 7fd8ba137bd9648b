/*!
Stage one and a half: the file's dialect, from its first lines.

Finds the delimiter (`,` `;` tab `|`) and the header row, skipping what
comes before it: PowerShell's `#TYPE …` line, Excel's `sep=;` hint, and
title or blank lines. Only a sample (the first 64 KiB) is looked at; the
real reading happens in `rows`.

The delimiter is the one whose candidate header row holds the most known
header names; without any, the one that splits most lines into the same
number of fields (quotes respected, since the sample is parsed by the csv
crate itself).
*/

use super::columns::alias_hits;
use super::error::{ImportError, ImportErrorKind, Position};
use super::records::{count_newlines, Records};
use super::MAX_COLUMNS;
use crate::model::source::ImportNote;

const SAMPLE_BYTES: usize = 64 * 1024;
const SAMPLE_RECORDS: usize = 40;

/// What the sniffer found.
#[derive(Debug)]
pub(crate) struct Dialect {
    pub(crate) delimiter: u8,
    /// Absolute byte offset of the header row in the text.
    pub(crate) header_offset: usize,
    /// 1-based physical line of the header row.
    pub(crate) header_line: u64,
    pub(crate) headers: Vec<String>,
    pub(crate) notes: Vec<ImportNote>,
}

/// One sampled record: where it starts and its cells.
struct Sampled {
    offset: usize,
    cells: Vec<Vec<u8>>,
}

impl Sampled {
    /// Field count without trailing empty cells (Excel pads rows).
    fn width(&self) -> usize {
        self.cells
            .iter()
            .rposition(|c| !c.iter().all(u8::is_ascii_whitespace))
            .map_or(0, |i| i + 1)
    }
}

/// Counts `\n` in `text[..offset]` to give the 1-based line at `offset`.
pub(crate) fn line_at(text: &[u8], from_offset: usize, from_line: u64, offset: usize) -> u64 {
    let end = offset.min(text.len());
    let start = from_offset.min(end);
    from_line + count_newlines(&text[start..end])
}

/// Skips `\r` and `\n` from `offset`: blank lines before a line.
fn skip_breaks(text: &[u8], mut offset: usize) -> usize {
    while matches!(text.get(offset), Some(b'\r' | b'\n')) {
        offset += 1;
    }
    offset
}

/// The end of the physical line starting at `offset` (after its `\n`).
fn line_end(text: &[u8], offset: usize) -> usize {
    match text
        .get(offset..)
        .and_then(|t| t.iter().position(|c| *c == b'\n'))
    {
        Some(p) => offset + p + 1,
        None => text.len(),
    }
}

pub(crate) fn sniff(text: &[u8], start: usize) -> Result<Dialect, ImportError> {
    let mut notes = Vec::new();
    let mut offset = skip_breaks(text, start);
    let mut forced: Option<u8> = None;
    // Preamble lines that announce themselves.
    for _ in 0..3 {
        let end = line_end(text, offset);
        let line = text.get(offset..end).unwrap_or(&[]);
        let trimmed = trim_line(line);
        if trimmed.starts_with(b"#TYPE") || trimmed.starts_with(b"#type") {
            notes.push(ImportNote::SkippedTypeLine {
                line: String::from_utf8_lossy(&trimmed[..trimmed.len().min(120)]).into_owned(),
            });
        } else if let Some(rest) = strip_sep_hint(trimmed) {
            match rest {
                [d] if matches!(*d, b',' | b';' | b'\t' | b'|') => {
                    forced = Some(*d);
                    notes.push(ImportNote::SepLine {
                        delimiter: char::from(*d),
                    });
                }
                _ => notes.push(ImportNote::UnknownSepLine),
            }
        } else {
            break;
        }
        offset = skip_breaks(text, end);
    }
    if offset >= text.len() {
        return Err(ImportErrorKind::OnlyPreamble.into());
    }
    let sample_end = sample_end(text, offset);
    let sample = &text[offset..sample_end];

    let delimiters: &[u8] = match forced {
        Some(ref d) => std::slice::from_ref(d),
        None => b",;\t|",
    };
    let mut best: Option<(Score, u8, Vec<Sampled>, usize)> = None;
    for &d in delimiters {
        let recs = sample_records(sample, offset, d);
        let (score, header_idx) = score(&recs);
        if best.as_ref().is_none_or(|(s, ..)| score > *s) {
            best = Some((score, d, recs, header_idx));
        }
    }
    let Some((_, delimiter, recs, header_idx)) = best else {
        return Err(ImportErrorKind::NoLines.into());
    };
    let Some(header) = recs.get(header_idx) else {
        return Err(ImportErrorKind::NoLines.into());
    };
    let header_line = line_at(text, 0, 1, header.offset);
    if header.cells.len() > MAX_COLUMNS {
        // Sampling stops counting at one past the limit, so the error
        // cannot say how many there are.
        return Err(ImportError::at(
            ImportErrorKind::TooManyColumns { limit: MAX_COLUMNS },
            Position {
                line: header_line,
                byte: header.offset as u64,
                record: 0,
            },
        ));
    }
    if header_idx > 0 {
        let first = recs.first().map(|r| r.offset).unwrap_or(offset);
        let first_line = line_at(text, 0, 1, first);
        let previews: Vec<String> = recs[..header_idx]
            .iter()
            .take(3)
            .map(|r| {
                let joined = r
                    .cells
                    .iter()
                    .map(|c| String::from_utf8_lossy(c))
                    .collect::<Vec<_>>()
                    .join(" ");
                joined.trim().chars().take(60).collect()
            })
            .collect();
        notes.push(ImportNote::SkippedPreamble {
            count: header_idx,
            first_line,
            last_line: header_line.saturating_sub(1),
            previews,
        });
    }
    let width = header.width().max(1);
    let headers: Vec<String> = header.cells[..width.min(header.cells.len())]
        .iter()
        .map(|c| {
            String::from_utf8_lossy(c)
                .trim()
                .trim_start_matches('\u{feff}')
                .to_string()
        })
        .collect();
    Ok(Dialect {
        delimiter,
        header_offset: header.offset,
        header_line,
        headers,
        notes,
    })
}

fn trim_line(line: &[u8]) -> &[u8] {
    let mut l = line;
    while let [rest @ .., b'\r' | b'\n' | b' '] = l {
        l = rest;
    }
    // Excel quotes a `sep=` line when re-saving; so may other tools.
    while let [b'"', rest @ ..] = l {
        l = rest;
    }
    l
}

fn strip_sep_hint(line: &[u8]) -> Option<&[u8]> {
    let l = line
        .strip_prefix(b"sep=")
        .or_else(|| line.strip_prefix(b"SEP="))?;
    let mut l = l;
    while let [rest @ .., b'"' | b',' | b';'] = l {
        if rest.is_empty() {
            break;
        }
        l = rest;
    }
    Some(l)
}

/// The end of the sample: about 64 KiB, ended at a line break.
fn sample_end(text: &[u8], offset: usize) -> usize {
    let hard = offset.saturating_add(SAMPLE_BYTES).min(text.len());
    if hard == text.len() {
        return hard;
    }
    match text[offset..hard].iter().rposition(|c| *c == b'\n') {
        Some(p) => offset + p + 1,
        None => hard,
    }
}

fn sample_records(sample: &[u8], base: usize, d: u8) -> Vec<Sampled> {
    // Read as the import reads rows (see `records`).
    let mut records = Records::new(d, 0);
    let mut out = Vec::new();
    while out.len() < SAMPLE_RECORDS {
        let Some(rec) = records.next(sample) else {
            break;
        };
        let cells: Vec<Vec<u8>> = rec
            .iter()
            .take(MAX_COLUMNS + 1)
            .map(<[u8]>::to_vec)
            .collect();
        let s = Sampled {
            offset: rec.start + base,
            cells,
        };
        if s.width() == 0 {
            continue; // a blank or delimiter-only line
        }
        out.push(s);
    }
    out
}

/// How well a delimiter explains the sample: known headers first, then how
/// many rows agree with the header's width, then the width itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Score {
    hits: usize,
    agreeing: usize,
    width: usize,
}

/// Scores the sample and picks its header row: the first row with at least
/// two known header names, else the first row as wide as most rows.
fn score(recs: &[Sampled]) -> (Score, usize) {
    let hits: Vec<usize> = recs
        .iter()
        .map(|r| alias_hits(r.cells.iter().map(Vec::as_slice)))
        .collect();
    let best_hits = hits.iter().copied().max().unwrap_or(0);
    let header_idx = if best_hits >= 2 {
        hits.iter().position(|h| *h >= 2).unwrap_or(0)
    } else {
        // The most common width (over 1 field), then its first row.
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for r in recs {
            let w = r.width();
            match counts.iter_mut().find(|(cw, _)| *cw == w) {
                Some((_, n)) => *n += 1,
                None => counts.push((w, 1)),
            }
        }
        let mode = counts
            .iter()
            .filter(|(w, _)| *w > 1)
            .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)))
            .map(|(w, _)| *w);
        match mode {
            Some(m) => recs.iter().position(|r| r.width() == m).unwrap_or(0),
            None => 0,
        }
    };
    let Some(header) = recs.get(header_idx) else {
        return (
            Score {
                hits: 0,
                agreeing: 0,
                width: 0,
            },
            0,
        );
    };
    let width = header.width();
    let agreeing = recs[header_idx..]
        .iter()
        .filter(|r| r.width() == width || r.cells.len() == header.cells.len())
        .count();
    let hits = hits.get(header_idx).copied().unwrap_or(0);
    let agreeing = if width > 1 { agreeing } else { 0 };
    (
        Score {
            hits,
            agreeing,
            width,
        },
        header_idx,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sniffed(s: &str) -> Dialect {
        sniff(s.as_bytes(), 0).unwrap()
    }

    #[test]
    fn finds_delimiters() {
        let table: &[(&str, u8)] = &[
            ("Subscription ID,Subscription,Quantity\na,b,1\n", b','),
            ("Subscription ID;Subscription;Quantity\na;b,c;1\n", b';'),
            ("Subscription ID\tSubscription\tQuantity\na\tb\t1\n", b'\t'),
            ("Subscription ID|Subscription|Quantity\na|b|1\n", b'|'),
            ("x;y;z\n1,5;2,5;3\n4,5;5;6\n", b';'),
            ("sep=|\nSubscription ID|Subscription\na|b\n", b'|'),
        ];
        for (text, want) in table {
            assert_eq!(sniffed(text).delimiter, *want, "{text:?}");
        }
    }

    #[test]
    fn skips_preamble() {
        let d = sniffed("#TYPE Microsoft.Store.PartnerCenter.PowerShell.Models.Subscriptions.PSSubscription\n\"SubscriptionId\",\"OfferName\"\n\"a\",\"b\"\n");
        assert_eq!(d.header_line, 2);
        assert_eq!(d.headers, vec!["SubscriptionId", "OfferName"]);
        let d = sniffed("Subscriptions for Contoso\nExported 2020-07-01\n\nSubscription ID,Subscription,Quantity,Status\na,b,1,Active\n");
        assert_eq!(d.header_line, 4);
        assert!(
            matches!(d.notes[0], ImportNote::SkippedPreamble { count: 2, .. }),
            "{:?}",
            d.notes
        );
        let d = sniffed("\"sep=;\"\nA;B\n1;2\n");
        assert_eq!((d.delimiter, d.header_line), (b';', 2));
    }

    #[test]
    fn trims_trailing_empty_headers() {
        let d = sniffed("Subscription ID,Subscription,,\na,b,,\n");
        assert_eq!(d.headers, vec!["Subscription ID", "Subscription"]);
    }

    #[test]
    fn counts_lines() {
        assert_eq!(line_at(b"a\nb\r\nc", 0, 1, 5), 3);
        assert_eq!(skip_breaks(b"\r\n\na", 0), 3);
    }
}
