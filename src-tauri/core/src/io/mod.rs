//! What comes into a plan from other tools' files and what leaves it: imports (CSV, Jira,
//! Linear, Trello, traction figures), exports (Markdown, PDF, JSON, CSV, the investor update)
//! and `keel info`.

pub mod export;
pub mod import;
pub mod info;
