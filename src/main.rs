/*!
The web app's entry point. Trunk builds this binary for wasm32; on a native
target it only says where the app is, since the Yew code is wasm32-only.
*/

#[cfg(target_arch = "wasm32")]
fn main() {
    kaizala_planner::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "kaizala-planner is the web app: build it with `trunk build --release` \
         (see README.md). The command-line planner is `kaizala-plan`."
    );
    std::process::exit(2);
}
