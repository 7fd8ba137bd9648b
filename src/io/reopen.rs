/*!
Opening a workspace that was kept: from this browser's storage when the
app starts, or from a workspace file the user chose or dropped (another
browser's, or a colleague's). Either way each file inside is imported
again with its saved options, and the reducer opens or merges the
workspace (`Action::Restored`).
*/

use std::rc::Rc;

use yew::platform::spawn_local;
use yew::UseReducerDispatcher;

use super::jobs::{begin_reading, run_restore};
use super::keep;
use crate::state::{Action, PlanDefaults, Restored, State, StoredFile};
use kaizala_engine::i18n::Render;
use kaizala_engine::workspace::read;

/// Reopens the workspace this browser kept, if there is one.
pub(crate) fn reopen(dispatch: UseReducerDispatcher<State>) {
    spawn_local(async move {
        match keep::load().await {
            Ok(Some((record, files))) if !files.is_empty() => {
                let names: Vec<&str> = files.iter().map(|(f, _)| f.name.as_str()).collect();
                let generation = begin_reading(&names.join(", "), &dispatch);
                let files = files.into_iter().map(|(f, b)| (f, Rc::new(b))).collect();
                let restored = Restored {
                    sources: Vec::new(),
                    settings: record.settings,
                    progress: record.progress,
                    partner: None,
                    opened_as_of: record.opened_as_of,
                    from_file: None,
                };
                run_restore(generation, files, restored, dispatch).await;
            }
            Ok(_) => {}
            Err(health) => dispatch.dispatch(Action::Storage(health)),
        }
    });
}

/// Opens a workspace file's bytes (read as a file would be, under
/// `generation`): its files join the open workspace, or make a new one.
pub(crate) async fn open_workspace_file(
    generation: u64,
    file_name: String,
    bytes: Vec<u8>,
    defaults: PlanDefaults,
    dispatch: UseReducerDispatcher<State>,
) {
    let file = match read(&bytes) {
        Ok(file) => file,
        Err(e) => {
            let message = e.render(defaults.lang).into_owned();
            dispatch.dispatch(Action::ReadFailed { file_name, message });
            return;
        }
    };
    drop(bytes);
    let files = file
        .files
        .into_iter()
        .map(|e| {
            let stored = StoredFile {
                name: e.name,
                fingerprint: e.fingerprint,
                added_on: e.added_on,
                options: e.options,
            };
            (stored, Rc::new(e.data))
        })
        .collect();
    let restored = Restored {
        sources: Vec::new(),
        settings: Some(file.settings),
        progress: file.progress,
        partner: Some(file.partner).filter(|p| !p.is_empty()),
        opened_as_of: None,
        from_file: Some(file_name),
    };
    run_restore(generation, files, restored, dispatch).await;
}
