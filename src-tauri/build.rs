const COMMANDS: &[&str] = &[
    "load_plan",
    "update_plan",
    "update_canvas",
    "create_team",
    "update_team",
    "delete_team",
    "set_goal",
    "clear_goal",
    "suggest_ladder",
    "create_milestone",
    "update_milestone",
    "delete_milestone",
    "create_actual",
    "update_actual",
    "delete_actual",
    "list_features",
    "create_feature",
    "update_feature",
    "delete_feature",
    "move_feature",
    "rank_features",
    "export_plan",
    "recent_plans",
    "new_plan",
    "open_plan",
    "open_recent",
    "open_sample",
    "save_plan_as",
    "set_fullscreen",
    "app_info",
    "ui_ready",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        println!("cargo:warning=tauri configuration is invalid: {e}");
        std::process::exit(1);
    }
}
