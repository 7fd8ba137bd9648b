/*!
Kaizala Migration Planner: the engine.

Reads a CSP partner's subscription export, finds the Kaizala Pro standalone
subscriptions that end, recommends a Microsoft 365 / Office 365 replacement
per customer and writes the A/B/C migration checklist.

The engine is pure: no Yew, web-sys or gloo, no clock, no file system.
"Today" is always passed in. The web app (the workspace's root package)
and the CLI (`crates/cli`) are thin shells over it; see ARCHITECTURE.md.
*/

#![deny(missing_docs)]

pub mod catalog;
pub mod checklist;
pub mod export;
pub mod handout;
pub mod i18n;
pub mod import;
pub mod model;
pub mod order;
pub mod plan;
pub mod progress;
pub mod share;
pub mod workspace;

pub use plan::{build_plan, Lang, Plan, Settings};
