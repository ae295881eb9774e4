//! Opening the start plan: the errors keep their codes, and commands wait for the opening.

use crate::harness::*;
use serde_json::json;

#[test]
fn a_start_plan_that_cannot_be_opened_reaches_the_ui_with_its_own_code() {
    let h = start(|path| std::fs::write(path, "not a plan").unwrap());
    let err = invoke(&h, "load_plan", json!({ "first": null })).unwrap_err();
    assert_eq!(
        err["code"], "not_sqlite",
        "the UI can tell what kind of failure"
    );
    let message = err["message"].as_str().unwrap();
    assert!(message.contains("is not a Keel plan"), "{message}");
    assert_eq!(
        std::fs::read(&h.path).unwrap(),
        b"not a plan",
        "the file is left alone"
    );
}

#[test]
fn a_read_only_plan_says_why_and_refuses_edits_with_the_same_sentence() {
    let h = start(|path| {
        sample(path);
        let mut perms = std::fs::metadata(path).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(path, perms).unwrap();
    });
    let view = read(&h, "view");
    assert!(view["read_only"].is_string(), "{view}");
    let op = json!({ "op": "update_canvas", "canvas": read(&h, "document/canvas") });
    let err = invoke(&h, "apply", json!({ "op": op })).unwrap_err();
    assert_eq!(err["code"], "read_only");
    assert_eq!(
        err["message"], view["refusal"],
        "the window shows the core's one sentence for a refused edit"
    );
}

#[test]
fn a_start_plan_from_a_newer_keel_or_gone_keeps_its_code() {
    let newer = start(|path| {
        sample(path);
        let conn = rusqlite::Connection::open(path).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    });
    let err = invoke(&newer, "load_plan", json!({ "first": null })).unwrap_err();
    assert_eq!(err["code"], "newer_version");
    assert!(err["message"].as_str().unwrap().contains("Update Keel"));

    let missing = start(|_| {});
    let err = invoke(&missing, "load_plan", json!({ "first": null })).unwrap_err();
    assert_eq!(err["code"], "file_missing");
}

#[test]
fn commands_wait_for_the_start_plan_that_opens_beside_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.keel");
    sample(&path);
    let state = std::sync::Arc::new(keel::AppState::default());
    let (opener, opening) = (state.clone(), path.clone());
    state
        .open_in_background(move || {
            // Slower than the read below, which must wait for it rather than find no plan.
            std::thread::sleep(std::time::Duration::from_millis(300));
            opener
                .set(keel_core::PlanFile::open(&opening))
                .expect("the state takes the plan");
        })
        .expect("the opening starts");
    let company = state.with_plan(|file| Ok(file.plan()?.data.company_name));
    assert_eq!(company.unwrap(), "Loomline");
}

#[test]
fn a_start_plan_whose_opening_fails_leaves_a_clear_error() {
    let state = std::sync::Arc::new(keel::AppState::default());
    state
        .open_in_background(|| panic!("the opening thread stops"))
        .expect("the opening starts");
    let err = state.with_plan(|file| file.plan()).unwrap_err();
    assert_eq!(err.code, keel_core::ErrorCode::NoPlanOpen);
    assert!(
        err.message.contains("stopped unexpectedly"),
        "{}",
        err.message
    );
}

#[test]
fn keels_own_files_live_in_the_folder_the_platform_gives_apps() {
    use tauri::Manager;
    let h = start(sample);
    let dir = h._app.state::<keel::AppState>().data_dir().unwrap();
    assert_eq!(
        dir,
        h._app.path().app_data_dir().unwrap(),
        "Tauri's path resolver names it (Application Support on macOS, %APPDATA% on Windows)"
    );
    // On Linux, the XDG data folder under the app's identifier.
    let xdg = std::path::PathBuf::from(std::env::var_os("XDG_DATA_HOME").unwrap());
    assert_eq!(dir, xdg.join("app.keel.desktop"));
    assert!(
        keel::session::recent(&dir).contains(&h.path),
        "the recent plans are kept there"
    );
}

#[test]
fn a_read_only_plan_of_an_older_format_opens_in_the_window_as_it_is() {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src-tauri/core/tests/fixtures/plan-v3.keel");
    let h = start(|path| {
        std::fs::copy(&fixture, path).unwrap();
        let mut perms = std::fs::metadata(path).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(path, perms).unwrap();
    });
    let all = invoke(&h, "load_plan", json!({ "first": null })).expect("the plan opens");
    assert_eq!(all["document"]["plan"]["data"]["company_name"], "Loomline");
    assert_eq!(all["document"]["features"].as_array().unwrap().len(), 24);
    let view = read(&h, "view");
    assert_eq!(view["read_only"], "the file is read-only", "{view}");
    assert!(
        !view["refusal"].as_str().unwrap().contains("upgrade"),
        "reading needs no upgrade: {view}"
    );
    assert_eq!(
        std::fs::read(&h.path).unwrap(),
        std::fs::read(&fixture).unwrap(),
        "the file is left byte for byte"
    );
}
