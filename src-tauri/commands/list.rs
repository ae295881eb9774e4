// Keel's commands, the one list: `module::command` under src-tauri/commands/. build.rs includes
// this file for the app manifest (the permission of each command), lib.rs for the invoke
// handler and the bindings; tests/commands.rs checks the capability and the permission files
// against it, and the UI's type check its backend module against the bindings.
//
// Which thread runs a command: a plain `fn` command runs on the window's main thread, an
// `async fn` one on a worker. Every command that reads or writes a file (the plan, its history,
// the settings, a sync folder, an export, an import) is `async`, so a long merge, a sync pass
// or an export never freezes the window; they wait for each other on the open plan's lock,
// and the window sends its edits one after another. Only the commands in
// `ON_MAIN_THREAD` (lib.rs: answers from memory, the window itself) are plain. tests/commands.rs checks both ways.
macro_rules! keel_commands {
    ($apply:ident) => {
        $apply! {
            plan::load_plan,
            edit::apply,
            edit::undo,
            edit::redo,
            edit::follow_since,
            history::history,
            history::versions,
            history::mark_version,
            history::compare_versions,
            history::author,
            history::set_author,
            merge::merge_teammate,
            import::pick_import_file,
            import::preview_feature_import,
            import::import_features,
            import::preview_traction_import,
            import::import_traction,
            conflicts::conflicts,
            conflicts::deleted_features,
            conflicts::take_other_value,
            conflicts::keep_conflict,
            sync::link_sync_folder,
            sync::sync_now,
            sync::unlink_sync_folder,
            sync::unlock_sync_folder,
            sync::seal_sync_folder,
            traction::suggest_ladder,
            analysis::rank_features,
            export::export_plan,
            export::update_text,
            files::recent_plans,
            files::new_plan,
            files::open_plan,
            files::open_recent,
            files::forget_recent,
            files::open_sample,
            files::save_plan_as,
            window::set_fullscreen,
            about::app_info,
            about::help,
            startup::ui_ready,
        }
    };
}

/// The commands' names, in the list's order.
macro_rules! command_names {
    ($($module:ident :: $command:ident),* $(,)?) => {
        &[$(stringify!($command)),*]
    };
}
