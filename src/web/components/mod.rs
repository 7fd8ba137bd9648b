/*!
The app's function components, one per file, each with its `XxxProps`.
*/

pub mod header;
pub mod import_report;
pub mod upload;
