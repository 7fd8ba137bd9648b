/*!
A small reader of PowerShell for the move script's tests: it splits a
script into code, strings and comments the way PowerShell's tokenizer
treats quotes (the five single quotes, doubled to escape; the four double
quotes, with backtick escapes) and comments (`#` to the end of the line,
`<# ... #>`), and checks that brackets match.
*/
#![allow(dead_code)]

const SINGLE: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];
const DOUBLE: [char; 4] = ['"', '\u{201C}', '\u{201D}', '\u{201E}'];

/// A script read the way PowerShell's tokenizer reads quotes and
/// comments: the code outside strings and comments, and each string's
/// value.
#[derive(Debug, Default)]
pub struct Scan {
    pub code: String,
    pub strings: Vec<String>,
    pub comments: Vec<String>,
}

/// Splits a script into code, strings and comments; an error for a
/// string or comment that does not close, or a bracket that does not
/// match.
pub fn scan(script: &str) -> Result<Scan, String> {
    let cs: Vec<char> = script.chars().collect();
    let mut s = Scan::default();
    let mut open: Vec<char> = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c == '<' && cs.get(i + 1) == Some(&'#') {
            let rest: String = cs[i + 2..].iter().collect();
            let end = rest.find("#>").ok_or("a block comment does not close")?;
            s.comments.push(rest[..end].to_string());
            i += 2 + rest[..end].chars().count() + 2;
            s.code.push(' ');
        } else if c == '#' {
            let mut text = String::new();
            while i < cs.len() && cs[i] != '\n' {
                text.push(cs[i]);
                i += 1;
            }
            s.comments.push(text);
        } else if SINGLE.contains(&c) || DOUBLE.contains(&c) {
            let quotes: &[char] = if SINGLE.contains(&c) {
                &SINGLE
            } else {
                &DOUBLE
            };
            let mut value = String::new();
            i += 1;
            loop {
                let Some(&ch) = cs.get(i) else {
                    return Err(format!("a string does not close: {value:?}"));
                };
                if quotes == DOUBLE && ch == '`' {
                    value.extend(cs.get(i + 1));
                    i += 2;
                } else if quotes.contains(&ch) {
                    match cs.get(i + 1) {
                        Some(next) if quotes.contains(next) => {
                            value.push(*next);
                            i += 2;
                        }
                        _ => {
                            i += 1;
                            break;
                        }
                    }
                } else {
                    value.push(ch);
                    i += 1;
                }
            }
            s.strings.push(value);
            s.code.push(' ');
        } else {
            match c {
                '(' | '{' | '[' => open.push(c),
                ')' | '}' | ']' => {
                    let want = match c {
                        ')' => '(',
                        '}' => '{',
                        _ => '[',
                    };
                    if open.pop() != Some(want) {
                        return Err(format!("{c} closes nothing at char {i}"));
                    }
                }
                _ => {}
            }
            s.code.push(c);
            i += 1;
        }
    }
    match open.last() {
        Some(c) => Err(format!("{c} is never closed")),
        None => Ok(s),
    }
}
