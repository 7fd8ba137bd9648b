/*!
The browser app: Yew function components over one pure reducer.

Only this module (compiled for wasm32 alone) touches Yew, web-sys or gloo.
`state` is the reducer and holds no side effects; `io` holds every side
effect (reading files, fetching the bundled sample, the clock); components
render state and turn events into actions. See ARCHITECTURE.md.
*/

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
