use keel_core::domain::{MilestoneData, TractionGoal};
use keel_core::ladder;

/// The 10x ladder a goal implies (MSC ÷ 100, MSC ÷ 10, MSC, a year apart); nothing is saved.
#[tauri::command]
#[specta::specta]
pub fn suggest_ladder(goal: TractionGoal) -> Vec<MilestoneData> {
    ladder::ladder(&goal)
}
