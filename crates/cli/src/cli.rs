/*!
The command-line planner's logic: the command line ([`args`], parsed with
clap) and the run from file bytes to export bytes ([`run`]). The binary
(`src/main.rs`) only reads the file, the clock and the arguments, and
writes the result; everything here is pure and tested.

Exit codes: `0` success, `1` bad input (unreadable file, columns to map,
unknown customer in the data), `2` bad usage.
*/

mod args;
mod inputs;
mod mapping;
mod run;
mod usage_zh;
mod words;

pub use args::{field_names, lang_in_args, parse_args, Args, Command, CustomerExport, USAGE};
pub use inputs::UsersFile;
pub use run::{plan_outcome, prepare, read_input, run, run_users, run_with, Prepared, ReadInput};
pub use usage_zh::{usage, USAGE_ZH};
pub use words::{help_hint, io_failure, standard_output};

/// The kinds of usage error, as clap sorts them.
pub use clap::error::ErrorKind as UsageErrorKind;

/// A failed run: what to tell the user and the exit code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// `1` for bad input, `2` for bad usage.
    pub code: i32,
    /// For a usage error, which kind (a value refused by its parser is
    /// `ValueValidation`); `None` for bad input.
    pub usage: Option<UsageErrorKind>,
    pub message: String,
}

impl Failure {
    fn input(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            usage: None,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// A successful run: the export's bytes and a one-line summary for
/// standard error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    pub bytes: Vec<u8>,
    pub summary: String,
}
