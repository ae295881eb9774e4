use serde::Serialize;
use specta::Type;

/// What the About box shows: one version, the one in Cargo.toml.
#[derive(Debug, Clone, Serialize, Type)]
pub struct AppInfo {
    pub name: String,
    pub version: String,
}

#[tauri::command]
#[specta::specta]
pub fn app_info() -> AppInfo {
    AppInfo {
        name: "Keel".to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
    }
}

/// Short help on Keel's ideas and on each plan-check rule (the core's words).
#[tauri::command]
#[specta::specta]
pub fn help() -> keel_core::domain::help::Help {
    keel_core::domain::help::help()
}
