//! What Keel computes from a plan: pure functions of the document (and of the day, where a
//! figure depends on it). Nothing here reads or writes a file; `make test` checks that no module
//! of this folder (or of `domain`) imports the store, the operations, sync or import/export.

pub mod analysis;
pub mod check;
pub mod compare;
pub mod cycle;
pub mod diff;
pub mod factory;
pub mod first_steps;
pub mod labels;
pub mod ladder;
pub mod portfolio;
pub mod priority;
pub mod traction;
pub mod traction_report;
pub mod traction_summary;
pub mod word_diff;
