//! The whole plan as one value: what the JSON export writes and a named version reads back.
//! `FORMAT` changes whenever the shape changes, so old documents stay readable.

use crate::domain::{
    FactorySnapshot, Feature, LeanCanvas, Milestone, Plan, Team, TractionActual, TractionGoal,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use specta::Type;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PlanDocument {
    pub format: u32,
    pub plan: Plan,
    pub canvas: LeanCanvas,
    pub goal: Option<TractionGoal>,
    pub milestones: Vec<Milestone>,
    pub actuals: Vec<TractionActual>,
    pub factory_snapshots: Vec<FactorySnapshot>,
    pub teams: Vec<Team>,
    pub features: Vec<Feature>,
}

impl PlanDocument {
    /// 2: item ids are text. Format-1 documents (numeric ids) are read too.
    pub const FORMAT: u32 = 2;
}

/// The keys that hold an item id (or a link to one).
const ID_KEYS: &[&str] = &["id", "milestone_id", "team_id"];

/// Format 1 wrote ids as numbers; they become the same digits as text.
fn ids_as_text(value: &mut Value) {
    match value {
        Value::Object(fields) => {
            for (key, v) in fields.iter_mut() {
                if ID_KEYS.contains(&key.as_str()) {
                    if let Value::Number(n) = v {
                        *v = Value::String(n.to_string());
                        continue;
                    }
                }
                ids_as_text(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(ids_as_text),
        _ => {}
    }
}

/// Reads a document of any format this build knows; the error says what is wrong.
pub fn from_json(json: &str) -> Result<PlanDocument, String> {
    let value: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    export_from_value(value)
}

/// Reads any value holding plan documents (a document, an export), ids of format 1 included.
pub(crate) fn export_from_value<T: serde::de::DeserializeOwned>(
    mut value: Value,
) -> Result<T, String> {
    ids_as_text(&mut value);
    serde_json::from_value(value).map_err(|e| e.to_string())
}
