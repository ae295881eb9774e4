//! Keel's domain types. Every `*Data` type is what a founder edits; its `validated()` trims text
//! and enforces DESIGN.md's limits, and the store writes only validated data.

mod enums;
mod feature;
mod plan;
mod traction;

pub use enums::*;
pub use feature::*;
pub use plan::*;
pub use traction::*;

use serde::{Deserialize, Serialize};
use specta::Type;

/// A stored row: its id and its data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Item<T> {
    pub id: u32,
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

/// A snapshot as listed (without the frozen plan).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SnapshotSummary {
    pub id: u32,
    pub label: String,
    /// RFC 3339, UTC.
    pub taken_at: String,
}
