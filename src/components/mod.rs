/*!
The app's function components, one per file, each with its `XxxProps`.
Those the in-browser tests mount are public; the rest are the crate's own.
*/

pub(crate) mod catalog_row;
pub mod checklist_view;
pub(crate) mod customer_settings_form;
pub mod customer_table;
pub(crate) mod customer_view;
pub mod header;
pub mod import_report;
pub(crate) mod long_list;
pub(crate) mod mapping;
pub(crate) mod overview;
pub mod partner_settings;
pub(crate) mod plan_catalog;
pub mod print_area;
pub(crate) mod reading;
pub mod recommendation_card;
pub(crate) mod settings_bar;
pub(crate) mod shared_view;
pub(crate) mod subscription_table;
pub mod timeline;
pub(crate) mod toolbar;
pub(crate) mod totals;
pub mod upload;
pub mod user_list;
pub(crate) mod users_panel;
pub(crate) mod workspace_panel;
