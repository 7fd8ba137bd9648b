/*!
The browser app: Yew function components over one pure reducer.

The engine is the `kaizala-engine` crate (`crates/engine`); this crate is
the only one that touches Yew, web-sys or gloo, and only on wasm32.
`state` is the reducer and holds no side effects, `view_model` what the
components show; `io` holds every side effect (reading files, the sliced
import, downloads, the clock); components render state and turn events
into actions. See ARCHITECTURE.md.
*/

#![cfg(target_arch = "wasm32")]

mod app;
pub mod components;
pub mod i18n;
pub(crate) mod io;
pub mod state;
pub mod storage;
pub mod view_model;

/// Mounts the app on the page's body.
pub fn start() {
    io::register_service_worker();
    yew::Renderer::<app::App>::new().render();
}
