use crate::error::CommandResult;
use crate::state::AppState;
use keel_core::domain::{ActualData, Item, MilestoneData, TractionGoal};
use keel_core::ladder;
use tauri::State;

#[tauri::command]
#[specta::specta]
pub fn set_goal(state: State<'_, AppState>, goal: TractionGoal) -> CommandResult<TractionGoal> {
    state.with_plan(|file| file.set_goal(goal))
}

#[tauri::command]
#[specta::specta]
pub fn clear_goal(state: State<'_, AppState>) -> CommandResult<()> {
    state.with_plan(|file| file.clear_goal())
}

/// The 10x ladder a goal implies (MSC ÷ 100, MSC ÷ 10, MSC, a year apart); nothing is saved.
#[tauri::command]
#[specta::specta]
pub fn suggest_ladder(goal: TractionGoal) -> Vec<MilestoneData> {
    ladder::ladder(&goal)
}

#[tauri::command]
#[specta::specta]
pub fn create_milestone(
    state: State<'_, AppState>,
    data: MilestoneData,
) -> CommandResult<Item<MilestoneData>> {
    state.with_plan(|file| file.insert(data))
}

#[tauri::command]
#[specta::specta]
pub fn update_milestone(
    state: State<'_, AppState>,
    id: u32,
    data: MilestoneData,
) -> CommandResult<Item<MilestoneData>> {
    state.with_plan(|file| file.update(id, data))
}

#[tauri::command]
#[specta::specta]
pub fn delete_milestone(state: State<'_, AppState>, id: u32) -> CommandResult<()> {
    state.with_plan(|file| file.delete::<MilestoneData>(id))
}

#[tauri::command]
#[specta::specta]
pub fn create_actual(
    state: State<'_, AppState>,
    data: ActualData,
) -> CommandResult<Item<ActualData>> {
    state.with_plan(|file| file.insert(data))
}

#[tauri::command]
#[specta::specta]
pub fn update_actual(
    state: State<'_, AppState>,
    id: u32,
    data: ActualData,
) -> CommandResult<Item<ActualData>> {
    state.with_plan(|file| file.update(id, data))
}

#[tauri::command]
#[specta::specta]
pub fn delete_actual(state: State<'_, AppState>, id: u32) -> CommandResult<()> {
    state.with_plan(|file| file.delete::<ActualData>(id))
}
