/*!
The app's function components, one per file, each with its `XxxProps`.
*/

pub mod checklist_view;
pub mod customer_table;
pub mod customer_view;
pub mod header;
pub mod import_report;
pub mod mapping;
pub mod overview;
pub mod plan_details;
pub mod print_area;
pub mod reading;
pub mod settings_bar;
pub mod shared_view;
pub mod timeline;
pub mod toolbar;
pub mod upload;
