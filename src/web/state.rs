/*!
The app's state and its one reducer.

The reducer is pure: it takes the state and an `Action` and returns the next
state, reading no clock, storage or DOM. Results of side effects (a file's
bytes read, an import finished) arrive as actions from `io`.
*/

use std::rc::Rc;

use yew::Reducible;

use crate::import::{Import, ImportError, ImportOutcome, MappingRequest};
use crate::web::i18n::Lang;

/// Where the user is in the flow.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// Nothing loaded yet.
    Start,
    /// A file is being read and imported.
    Reading { file_name: String },
    /// The file could not be read at all.
    Failed { file_name: String, message: String },
    /// The importer needs the user to match columns.
    NeedsMapping { file_name: String, request: Rc<MappingRequest> },
    /// Subscriptions were read.
    Imported { file_name: String, import: Rc<Import> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub phase: Phase,
}

impl State {
    pub fn new(lang: Lang) -> Self {
        State { lang, phase: Phase::Start }
    }
}

/// Everything that can happen to the state.
#[derive(Debug)]
pub enum Action {
    SetLang(Lang),
    /// A file was chosen, dropped or pasted; reading starts.
    Reading { file_name: String },
    /// The importer finished with the file.
    Imported { file_name: String, outcome: Result<ImportOutcome, ImportError> },
    /// The browser could not read the file.
    ReadFailed { file_name: String, message: String },
    StartOver,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let lang = self.lang;
        let phase = match action {
            Action::SetLang(lang) if lang == self.lang => return self,
            Action::SetLang(lang) => return Rc::new(State { lang, phase: self.phase.clone() }),
            Action::Reading { file_name } => Phase::Reading { file_name },
            Action::Imported { file_name, outcome } => match outcome {
                Ok(ImportOutcome::Ready(import)) => {
                    Phase::Imported { file_name, import: Rc::new(import) }
                }
                Ok(ImportOutcome::NeedsMapping(request)) => {
                    Phase::NeedsMapping { file_name, request: Rc::new(request) }
                }
                Err(e) => Phase::Failed { file_name, message: e.message },
            },
            Action::ReadFailed { file_name, message } => Phase::Failed { file_name, message },
            Action::StartOver => Phase::Start,
        };
        Rc::new(State { lang, phase })
    }
}
