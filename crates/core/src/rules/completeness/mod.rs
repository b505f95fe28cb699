//! 公开完整性: what a disclosure must contain.

mod blank_pages;
mod document_parts;
mod empty_table_pages;
mod empty_tables;
mod required_sections;
mod required_tables;
mod three_public_details;

pub use blank_pages::BlankPages;
pub use document_parts::DocumentParts;
pub use empty_table_pages::EmptyTablePages;
pub use empty_tables::EmptyTableExplained;
pub use required_sections::RequiredSections;
pub use required_tables::RequiredTables;
pub use three_public_details::ThreePublicDetails;
