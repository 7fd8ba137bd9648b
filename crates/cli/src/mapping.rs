/*!
What the CLI says when an export's columns or dates need the user's
answer: the `--map`, `--number-rows`, `--customer-name` and
`--date-order` options that give it, with the columns that might do.
*/

use kaizala_engine::i18n::{field_label, Render};
use kaizala_engine::import::{Field, MappingRequest};
use kaizala_engine::plan::Lang;

use crate::args::field_name;
use crate::words;

/// Explains, in `lang`, what to map when the importer could not match
/// every column.
pub(crate) fn describe_mapping(req: &MappingRequest, lang: Lang) -> String {
    let mut out = String::new();
    if !req.missing.is_empty() {
        out.push_str(words::columns_not_matched(lang));
        let mut example = None;
        for field in &req.missing {
            let name = field_name(*field);
            let candidates = req
                .candidates
                .iter()
                .find(|(f, _)| f == field)
                .map(|(_, c)| c.as_slice())
                .unwrap_or(&[]);
            out.push_str(&words::field_line(
                lang,
                name,
                field_label(*field, lang),
                candidates,
            ));
            if let Some(best) = candidates.first() {
                example.get_or_insert_with(|| format!("--map {name}=\"{best}\""));
            }
        }
        out.push_str(&words::columns_in_file(lang, &req.headers));
        let example = example.unwrap_or_else(|| {
            let field = req
                .missing
                .first()
                .map(|f| field_name(*f))
                .unwrap_or("end_date");
            format!("--map {field}=\"COLUMN\"")
        });
        out.push_str(&words::run_again_with_map(lang, &example));
    }
    for problem in &req.problems {
        out.push_str(&problem.render(lang));
        out.push('\n');
    }
    if req.missing.contains(&Field::SubscriptionId) {
        out.push_str(words::number_rows_hint(lang));
    }
    if let Some(question) = &req.customer_question {
        let name = question.suggested_name.as_deref().unwrap_or("NAME");
        out.push_str(&words::customer_question(lang, name));
    }
    if let Some(question) = &req.ambiguous_dates {
        out.push_str(&words::date_order_question(lang, &question.column));
    }
    out
}
