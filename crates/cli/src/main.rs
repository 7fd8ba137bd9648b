/*!
`kaizala-plan`: the command-line planner over the same engine as the app.

This file does the input and output only: it reads the arguments, the
file and the clock (for the default as-of date, in UTC), and writes the
export. Parsing, planning and rendering are in `kaizala_cli`, so
the output is byte for byte what the app downloads.
*/

use std::io::{BufWriter, Read};

/// The output buffer: large enough that the exports' small writes reach
/// the file in few system calls.
const OUT_BUFFER: usize = 256 * 1024;
use std::process::ExitCode;

use chrono::{Days, NaiveDate};
use kaizala_cli::{self as cli, Command};

/// Today in UTC, from the system clock (chrono is built without its clock
/// feature so that the engine cannot read it).
fn today_utc() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN);
    epoch
        .checked_add_days(Days::new(secs / 86_400))
        .unwrap_or(epoch)
}

fn fail(code: u8, message: &str) -> ExitCode {
    eprintln!("kaizala-plan: {message}");
    ExitCode::from(code)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let lang = cli::lang_in_args(&args);
    let args = match cli::parse_args(args) {
        Ok(Command::Run(a)) => a,
        Ok(Command::Help) => {
            print!("{}", cli::usage(lang));
            return ExitCode::SUCCESS;
        }
        Ok(Command::Version) => {
            println!("kaizala-plan {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("kaizala-plan: {}\n{}", e.message, cli::help_hint(lang));
            return ExitCode::from(2);
        }
    };
    let mut bytes = Vec::new();
    let read = if args.file == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(&args.file)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map(|_| ())
    };
    let lang = args.lang;
    if let Err(e) = read {
        return fail(1, &cli::io_failure(lang, false, &args.file, &e));
    }
    let progress = match &args.progress {
        Some(path) => match std::fs::read(path) {
            Ok(p) => Some(p),
            Err(e) => return fail(1, &cli::io_failure(lang, false, path, &e)),
        },
        None => None,
    };
    let mut users = Vec::new();
    for value in &args.users {
        let (customer, path) = cli::UsersFile::split(value, |p| std::path::Path::new(p).is_file());
        match std::fs::read(&path) {
            Ok(bytes) => users.push(cli::UsersFile {
                customer,
                path,
                bytes,
            }),
            Err(e) => return fail(1, &cli::io_failure(lang, false, &path, &e)),
        }
    }
    let read = match cli::read_input(&args, &bytes, progress.as_deref()) {
        Ok(r) => r,
        Err(f) => return fail(u8::try_from(f.code).unwrap_or(1), &f.message),
    };
    // The import holds what it needs of the file: the bytes are freed before
    // the plan is made, so the file, the import and the plan are never all
    // in memory at once.
    drop(bytes);
    let output = match read.plan(&args, &users, today_utc()) {
        Ok(o) => o,
        Err(f) => return fail(u8::try_from(f.code).unwrap_or(1), &f.message),
    };
    // The export is written as it is made, through a buffer, never held
    // whole in memory.
    let written = match &args.out {
        Some(path) => std::fs::File::create(path)
            .and_then(|f| output.write_to(BufWriter::with_capacity(OUT_BUFFER, f))),
        None => output.write_to(BufWriter::with_capacity(
            OUT_BUFFER,
            std::io::stdout().lock(),
        )),
    };
    if let Err(e) = written {
        let target = args
            .out
            .as_deref()
            .unwrap_or_else(|| cli::standard_output(lang));
        return fail(1, &cli::io_failure(lang, true, target, &e));
    }
    eprintln!("{}", output.summary);
    // The process ends here and the system takes its memory back at once;
    // freeing a 1,000,000-row plan and import piece by piece first took
    // about half a second.
    std::mem::forget(output);
    ExitCode::SUCCESS
}
