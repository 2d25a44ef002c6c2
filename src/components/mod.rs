//! Small function components, one per file, plus `text` (rendering helpers).

pub mod data_problem;
pub mod filters;
pub mod hit;
pub mod links;
pub mod notices;
pub mod offline;
pub mod people_quoted;
pub mod reader;
pub mod refinement_list;
pub mod results;
pub mod search_box;
pub mod search_page;
pub mod site_header;
pub mod speaker_page;
pub mod speakers;
pub mod text;
pub mod timeline;
pub mod trails;
pub mod view_tabs;
