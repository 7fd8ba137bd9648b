/*!
`kaizala-plan`: the command-line planner over the same engine as the app.
SKELETON: filled in by the planning work (issue 4).
*/

fn main() {
    eprintln!("usage: kaizala-plan FILE [--as-of DATE] [--cutoff DATE] [--format json|csv|md|ics] [--out FILE] [--map FIELD=COLUMN]");
    std::process::exit(2);
}
