//! Tauri commands: each takes the state and its arguments, calls one keel-core function, and
//! converts the error. No logic lives here.

pub mod about;
pub mod analysis;
pub mod conflicts;
pub mod edit;
pub mod export;
pub mod files;
pub mod history;
pub mod import;
pub mod merge;
pub mod plan;
pub mod startup;
pub mod sync;
pub mod traction;
pub mod window;
