//! Keel's domain types. Every `*Data` type is what a founder edits; its `validated()` trims text
//! and enforces DESIGN.md's limits, and the store writes only validated data.

pub mod document;
mod enums;
mod feature;
pub mod help;
pub mod labels;
mod plan;
pub mod problems;
mod team;
mod traction;
pub mod validate;

pub use document::PlanDocument;
pub use enums::*;
pub use feature::*;
pub use plan::*;
pub use team::*;
pub use traction::*;

use serde::{Deserialize, Serialize};
use specta::Type;

/// An item's identity: given when the item is created, never changed, never reused — not by
/// undo, a restored version or a teammate's merged edits. Opaque text: "7@1f3a…" for items made
/// in Keel, the old number for items upgraded from plan format 1.
pub type Id = String;

/// A stored row: its id and its data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Item<T> {
    pub id: Id,
    pub data: T,
}

/// The data of `items`, without their ids (what the traction maths and the reports read).
pub fn data_of<T: Clone>(items: &[Item<T>]) -> Vec<T> {
    items.iter().map(|i| i.data.clone()).collect()
}

pub type Milestone = Item<MilestoneData>;
pub type TractionActual = Item<ActualData>;
pub type FactorySnapshot = Item<FactorySnapshotData>;
pub type Team = Item<TeamData>;

/// A named version: a marked point in the plan's history ("Board meeting Q4").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Version {
    pub id: Id,
    pub label: String,
    /// RFC 3339, UTC.
    pub marked_at: String,
    /// Who marked it.
    pub author: String,
}
