/*!
The browser app: Yew function components over one pure reducer.

The engine is the `kaizala-engine` crate (`crates/engine`); this crate is
the only one that touches Yew, web-sys or gloo, and only on wasm32.
`state` is the reducer and `view_model` what the components show, both
pure and compiled on every target, so their tests run natively; `io` holds
every side effect (reading files, the sliced import, downloads, the clock)
and `storage` the browser's storage; components render state and turn
events into actions. See ARCHITECTURE.md.
*/

pub mod i18n;
pub mod state;
pub mod storage_health;
pub mod view_model;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub(crate) mod io;
#[cfg(target_arch = "wasm32")]
pub mod storage;

/// Mounts the app on the page's body.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    // In the import worker this wasm draws nothing: it waits for its job
    // (`io::worker::inside`).
    if web_sys::window().is_none() {
        return;
    }
    io::register_service_worker();
    yew::Renderer::<app::App>::new().render();
}
