/*!
The JSON export and its reader.

The JSON is the [`Plan`] itself, serialised with serde, texts in the
requested language: data and text side by side. Its schema is documented
in `docs/plan-json.md`; the field `schema` carries its version.
[`plan_from_json`] reads it back into the same plan (share links, tests).
*/

use crate::plan::{Lang, Plan};

/// The plan as pretty-printed JSON, ending with a newline.
pub fn to_json(plan: &Plan, lang: Lang) -> String {
    let plan = plan.in_lang(lang);
    // Serialising these types cannot fail: every map key is a string and
    // no value has a fallible Serialize; keep a readable fallback anyway.
    let compact = serde_json::to_string(&plan)
        .unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()));
    let mut s = indent(&compact);
    s.push('\n');
    s
}

/// serde_json's pretty layout (two spaces, `"key": value`, `[]` and `{}`
/// when empty) of compact JSON. The web app writes all other JSON compact;
/// writing the export compact too and laying it out here means serde's
/// writers are generated once, not once per layout. The test below
/// compares with `to_string_pretty`.
fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    while let Some(c) = chars.next() {
        out.push(c);
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else {
            match c {
                '"' => in_string = true,
                '{' | '[' => {
                    if let Some(&close @ ('}' | ']')) = chars.peek() {
                        out.push(close);
                        chars.next();
                    } else {
                        depth += 1;
                        newline(&mut out, depth);
                    }
                }
                ',' => newline(&mut out, depth),
                ':' => out.push(' '),
                _ => {}
            }
        }
        // A closing bracket goes on a line of its own.
        if let (false, Some('}' | ']')) = (in_string, chars.peek()) {
            depth = depth.saturating_sub(1);
            newline(&mut out, depth);
        }
    }
    out
}

/// Reads a plan written by [`to_json`].
pub fn plan_from_json(json: &str) -> Result<Plan, serde_json::Error> {
    serde_json::from_str(json)
}

#[cfg(test)]
mod tests {
    use super::indent;

    #[test]
    fn lays_out_as_serde_json_pretty_does() {
        let value = serde_json::json!({
            "a": [1, [], {}, [[]], {"b": null}],
            "text: {[,\"]}": "x, y: {z} [w] \\ \" 臺北",
            "empty": {},
            "nested": {"list": [{"k": true}, {"k": false}], "n": -1.5},
            "": ""
        });
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(
            indent(&compact),
            serde_json::to_string_pretty(&value).unwrap()
        );
        for scalar in ["1", "\"s\"", "null", "[]", "{}"] {
            assert_eq!(indent(scalar), scalar);
        }
    }
}
