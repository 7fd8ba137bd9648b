/*!
What the CLI says when an export's columns or dates need the user's
answer: the `--map`, `--number-rows`, `--customer-name` and
`--date-order` options that give it, with the columns that might do.
*/

use kaizala_engine::i18n::Render;
use kaizala_engine::import::{Field, MappingRequest};
use kaizala_engine::plan::Lang;

use crate::args::field_name;

/// Explains what to map when the importer could not match every column.
pub(crate) fn describe_mapping(req: &MappingRequest) -> String {
    let mut out = String::new();
    if !req.missing.is_empty() {
        out.push_str("The file's columns could not all be matched to what the planner needs.\n");
        let mut example = None;
        for field in &req.missing {
            let name = field_name(*field);
            let candidates = req
                .candidates
                .iter()
                .find(|(f, _)| f == field)
                .map(|(_, c)| c.as_slice())
                .unwrap_or(&[]);
            if let Some(best) = candidates.first() {
                let list: Vec<String> = candidates.iter().map(|c| format!("\"{c}\"")).collect();
                out.push_str(&format!("  {name}: perhaps {}\n", list.join(", ")));
                example.get_or_insert_with(|| format!("--map {name}=\"{best}\""));
            } else {
                out.push_str(&format!("  {name}: no column looks like it\n"));
            }
        }
        let headers: Vec<String> = req.headers.iter().map(|h| format!("\"{h}\"")).collect();
        out.push_str(&format!("Columns in the file: {}\n", headers.join(", ")));
        let example = example.unwrap_or_else(|| {
            let field = req
                .missing
                .first()
                .map(|f| field_name(*f))
                .unwrap_or("end_date");
            format!("--map {field}=\"COLUMN\"")
        });
        out.push_str(&format!(
            "Run again with --map FIELD=COLUMN for each, for example: {example}\n"
        ));
    }
    for problem in &req.problems {
        out.push_str(&problem.render(Lang::En));
        out.push('\n');
    }
    if req.missing.contains(&Field::SubscriptionId) {
        out.push_str(
            "If the file has no subscription id column, add --number-rows to number its rows.\n",
        );
    }
    if let Some(question) = &req.customer_question {
        let name = question.suggested_name.as_deref().unwrap_or("NAME");
        out.push_str(&format!(
            "The file has no customer column. If it holds one customer, add --customer-name \"{name}\"; \
             if it holds several, add --map customer_name=COLUMN.\n"
        ));
    }
    if let Some(question) = &req.ambiguous_dates {
        let col = &question.column;
        out.push_str(&format!(
            "The dates in column \"{col}\" could be month-first or day-first (such as 3/4/2020); add --date-order month-first or --date-order day-first.\n"
        ));
    }
    out
}
