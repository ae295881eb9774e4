use keel_core::compute::ladder;
use keel_core::domain::{MilestoneData, TractionGoal};

/// The 10x ladder a goal implies (MSC ÷ 100, MSC ÷ 10, MSC, a year apart); nothing is saved.
#[tauri::command]
#[specta::specta]
pub fn suggest_ladder(goal: TractionGoal) -> Vec<MilestoneData> {
    ladder::ladder(&goal)
}
