/*!
The browser app: Yew function components over one pure reducer.

The engine is the `kaizala-engine` crate (`crates/engine`); this crate is
the only one that touches Yew, web-sys or gloo, and only on wasm32.
`state` is the reducer and holds no side effects; `io` holds every side
effect (reading files, fetching the bundled sample, the clock); components
render state and turn events into actions. See ARCHITECTURE.md.
*/

#![cfg(target_arch = "wasm32")]

pub mod app;
pub mod components;
pub mod i18n;
pub mod io;
pub mod state;
pub mod storage;

pub use app::App;

/// Mounts the app on the page's body.
pub fn start() {
    io::register_service_worker();
    yew::Renderer::<App>::new().render();
}
