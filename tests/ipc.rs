//! The commands through Tauri's IPC on the mock runtime, with the real config and capability:
//! what the UI sends and receives, errors included.

mod clock;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::Once;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

/// Keeps the app's data folder (recent plans, sample) out of the user's home.
fn isolate_data_dir() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let dir = std::env::temp_dir().join(format!("keel-ipc-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // Set before any app exists; every test shares the same value.
        std::env::set_var("XDG_DATA_HOME", dir);
    });
}

struct Harness {
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn start(make_plan: impl FnOnce(&Path)) -> Harness {
    start_with(make_plan, false)
}

/// With `own_data_dir`, the app keeps its recent plans in a folder of this test's (tests run
/// in parallel and share XDG_DATA_HOME), `data/` beside the plan.
fn start_with(make_plan: impl FnOnce(&Path), own_data_dir: bool) -> Harness {
    isolate_data_dir();
    clock::fix();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.keel");
    make_plan(&path);
    let app = keel::app_builder(mock_builder(), Some(path.clone()))
        .build(keel::context())
        .expect("the app builds on the mock runtime");
    if own_data_dir {
        app.state::<keel::AppState>()
            .set_data_dir(dir.path().join("data"));
    }
    // The mock runtime never runs the setup hook; do what it does.
    keel::open_start_plan(app.handle(), Some(&path));
    let window = WebviewWindowBuilder::new(&app, "main", WebviewUrl::default())
        .build()
        .unwrap();
    Harness {
        _app: app,
        window,
        _dir: dir,
        path,
    }
}

fn sample(path: &Path) {
    keel_core::sample::create_sample_plan(path, clock::today()).unwrap();
}

fn invoke(h: &Harness, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        &h.window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

/// A part of the UI's one read of the open plan (`load_plan`), such as "document/canvas".
fn read(h: &Harness, part: &str) -> Value {
    let all = invoke(h, "load_plan", json!({ "first": null })).expect("load_plan answers");
    all.pointer(&format!("/{part}"))
        .unwrap_or_else(|| panic!("load_plan has no {part}"))
        .clone()
}

/// A value as the IPC delivers it: written as JSON text and read back (floats round the same way).
fn as_sent(value: &impl serde::Serialize) -> Value {
    serde_json::from_str(&serde_json::to_string(value).unwrap()).unwrap()
}

#[test]
fn load_plan_returns_the_stored_plan_and_what_the_core_computes_from_it() {
    let h = start(sample);
    let all = invoke(&h, "load_plan", json!({ "first": null })).unwrap();
    assert_eq!(all["complete"], true);
    let file = keel_core::PlanFile::open_with(&h.path, keel_core::Mode::Inspect).unwrap();
    let document = file.document().unwrap();
    assert_eq!(all["document"], as_sent(&document));
    let analysis = keel_core::analysis::analyse(&document, clock::today());
    assert_eq!(all["analysis"], as_sent(&analysis));
    assert_eq!(
        all["analysis"]["ranking"],
        invoke(&h, "rank_features", json!({ "view": "risk_first" })).unwrap(),
        "the ranking is the risk-first view"
    );
    assert_eq!(all["view"]["file_name"], "plan.keel");
}

#[test]
fn load_plan_for_the_first_screen_brings_only_the_top_ranked_features() {
    let h = start(sample);
    let all = invoke(&h, "load_plan", json!({ "first": null })).unwrap();
    let first = invoke(&h, "load_plan", json!({ "first": 5 })).unwrap();
    assert_eq!(first["complete"], false);
    let ranking = first["analysis"]["ranking"].as_array().unwrap();
    assert_eq!(
        ranking.as_slice(),
        &all["analysis"]["ranking"].as_array().unwrap()[..5]
    );
    let mut ids: Vec<u64> = first["document"]["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_u64().unwrap())
        .collect();
    let mut top: Vec<u64> = ranking.iter().map(|r| r["id"].as_u64().unwrap()).collect();
    ids.sort_unstable();
    top.sort_unstable();
    assert_eq!(ids, top, "the features of the top five, and no others");
    for part in ["findings", "traction", "curve"] {
        assert_eq!(
            first["analysis"][part], all["analysis"][part],
            "{part} is whole"
        );
    }
    assert_eq!(first["document"]["teams"], all["document"]["teams"]);
}

#[test]
fn plan_commands_read_and_edit_the_open_plan() {
    let h = start(sample);
    let view = read(&h, "view");
    assert_eq!(view["plan"]["data"]["company_name"], "Loomline");
    assert_eq!(view["file_name"], "plan.keel");
    assert_eq!(view["read_only"], Value::Null);

    let mut data = view["plan"]["data"].clone();
    data["tagline"] = json!("Hear every customer");
    let saved = invoke(&h, "update_plan", json!({ "data": data })).expect("a valid edit saves");
    assert_eq!(saved["plan"]["data"]["tagline"], "Hear every customer");

    let before = std::fs::read(&h.path).unwrap();
    let mut bad = data.clone();
    bad["company_name"] = json!("x".repeat(121));
    let err = invoke(&h, "update_plan", json!({ "data": bad })).expect_err("too long is refused");
    assert_eq!(err["code"], "validation");
    assert_eq!(
        err["message"],
        "Company name: must be at most 120 characters (it has 121)."
    );
    assert_eq!(
        std::fs::read(&h.path).unwrap(),
        before,
        "a refused edit writes nothing"
    );

    let reopened = keel_core::PlanFile::open_with(&h.path, keel_core::Mode::Inspect).unwrap();
    assert_eq!(reopened.plan().unwrap().data.tagline, "Hear every customer");
}

#[test]
fn feature_commands_list_create_update_and_delete() {
    let h = start(sample);
    let list = invoke(&h, "list_features", json!({})).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 24);

    let mut data = list[0]["data"].clone();
    data["title"] = json!("Customer advisory board");
    data["team_id"] = Value::Null;
    let created = invoke(&h, "create_feature", json!({ "data": data })).expect("created");
    assert_eq!(
        created["position"], 25,
        "a new feature goes to the end of the manual order"
    );
    let id = created["id"].clone();

    data["risk_level"] = json!(2);
    let updated = invoke(&h, "update_feature", json!({ "id": id, "data": data })).unwrap();
    assert_eq!(updated["data"]["risk_level"], 2);

    data["risk_level"] = json!(9);
    let err = invoke(&h, "update_feature", json!({ "id": id, "data": data })).unwrap_err();
    assert_eq!(err["code"], "validation");
    assert_eq!(
        err["message"],
        "Risk level: must be a whole number from 1 to 5."
    );
    assert_eq!(
        err["field"], "risk_level",
        "the form shows it beside the field"
    );

    invoke(&h, "delete_feature", json!({ "id": id })).expect("deleted");
    let err = invoke(&h, "delete_feature", json!({ "id": id })).unwrap_err();
    assert_eq!(err["code"], "not_found");
    assert_eq!(
        invoke(&h, "list_features", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        24
    );

    let err = invoke(&h, "update_feature", json!({ "id": 1 })).expect_err("a missing argument");
    assert!(err.as_str().unwrap_or_default().contains("data"), "{err}");
}

#[test]
fn canvas_commands_read_and_edit_the_nine_boxes() {
    let h = start(sample);
    let mut canvas = read(&h, "document/canvas");
    assert!(!canvas["problem"].as_str().unwrap().is_empty());
    canvas["problem"] = json!("Feedback is scattered");
    let saved = invoke(&h, "update_canvas", json!({ "canvas": canvas })).unwrap();
    assert_eq!(saved["problem"], "Feedback is scattered");
    assert_eq!(
        read(&h, "document/canvas")["problem"],
        "Feedback is scattered"
    );

    canvas["channels"] = json!("x".repeat(2_001));
    let err = invoke(&h, "update_canvas", json!({ "canvas": canvas })).unwrap_err();
    assert_eq!(err["code"], "validation");
    assert_eq!(err["field"], "channels");
    assert_ne!(
        read(&h, "document/canvas")["channels"],
        canvas["channels"],
        "a refused box is not saved"
    );
}

#[test]
fn team_commands_create_update_delete_and_features_lose_a_deleted_team() {
    let h = start(sample);
    let teams = read(&h, "document/teams");
    let before = teams.as_array().unwrap().len();
    assert!(before > 0, "the sample has teams");

    let team = json!({ "name": "Growth", "kind": "product", "size": 3 });
    let created = invoke(&h, "create_team", json!({ "data": team })).unwrap();
    let id = created["id"].clone();
    let renamed = json!({ "name": "Growth squad", "kind": "product", "size": 4 });
    let updated = invoke(&h, "update_team", json!({ "id": id, "data": renamed })).unwrap();
    assert_eq!(updated["data"]["name"], "Growth squad");

    let err = invoke(
        &h,
        "update_team",
        json!({ "id": id, "data": { "name": "", "kind": "product", "size": 4 } }),
    )
    .unwrap_err();
    assert_eq!(err["field"], "name");

    let mut feature = invoke(&h, "list_features", json!({})).unwrap()[0].clone();
    feature["data"]["team_id"] = id.clone();
    invoke(
        &h,
        "update_feature",
        json!({ "id": feature["id"], "data": feature["data"] }),
    )
    .unwrap();
    invoke(&h, "delete_team", json!({ "id": id })).unwrap();
    assert_eq!(read(&h, "document/teams").as_array().unwrap().len(), before);
    let list = invoke(&h, "list_features", json!({})).unwrap();
    let same = list
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == feature["id"])
        .unwrap();
    assert_eq!(same["data"]["team_id"], Value::Null);
}

#[test]
fn traction_commands_edit_the_goal_ladder_and_actuals() {
    let h = start(sample);
    let mut goal = read(&h, "document/goal");
    assert_eq!(goal["metric"], "arr");
    goal["msc_target"] = json!(2_000_000.0);
    invoke(&h, "set_goal", json!({ "goal": goal })).unwrap();
    let ladder = invoke(&h, "suggest_ladder", json!({ "goal": goal })).unwrap();
    assert_eq!(ladder[0]["target"], 20_000.0);
    assert_eq!(ladder[2]["target"], 2_000_000.0);

    goal["lifetime_months"] = json!(0);
    let err = invoke(&h, "set_goal", json!({ "goal": goal })).unwrap_err();
    assert_eq!(err["field"], "lifetime_months");

    let milestone =
        json!({ "name": "Pilot", "date": "2025-09-01", "target": 1000.0, "ninety_day_goals": "" });
    let created = invoke(&h, "create_milestone", json!({ "data": milestone })).unwrap();
    let mut changed = milestone.clone();
    changed["target"] = json!(1500.0);
    let updated = invoke(
        &h,
        "update_milestone",
        json!({ "id": created["id"], "data": changed }),
    )
    .unwrap();
    assert_eq!(updated["data"]["target"], 1500.0);
    invoke(&h, "delete_milestone", json!({ "id": created["id"] })).unwrap();

    let before = read(&h, "document/actuals");
    // Today: the sample's latest actual is five days before the day it was made.
    let today = clock::today().to_string();
    let actual = json!({ "date": today, "value": 60_000.0 });
    let created = invoke(&h, "create_actual", json!({ "data": actual })).unwrap();
    let again = invoke(&h, "create_actual", json!({ "data": actual })).unwrap_err();
    assert_eq!(again["code"], "validation", "one actual per date");
    let report = read(&h, "analysis/traction");
    assert_eq!(report["progress"]["actual"], 60_000.0);
    invoke(
        &h,
        "update_actual",
        json!({ "id": created["id"], "data": { "date": today, "value": 61_000.0 } }),
    )
    .unwrap();
    invoke(&h, "delete_actual", json!({ "id": created["id"] })).unwrap();
    assert_eq!(read(&h, "document/actuals"), before);

    let curve = read(&h, "analysis/curve");
    assert!(curve.as_array().unwrap().len() > 12, "monthly points");

    invoke(&h, "clear_goal", json!({})).unwrap();
    assert_eq!(read(&h, "document/goal"), Value::Null);
}

#[test]
fn present_mode_asks_the_window_for_full_screen() {
    let h = start(sample);
    let shell = fake_shell(&h);
    invoke(&h, "set_fullscreen", json!({ "on": true })).unwrap();
    invoke(&h, "set_fullscreen", json!({ "on": false })).unwrap();
    let seen = shell.titles.lock().unwrap().clone();
    assert_eq!(seen, ["fullscreen true", "fullscreen false"]);
}

#[test]
fn milestones_are_listed_in_date_order() {
    let h = start(sample);
    let list = read(&h, "document/milestones");
    let dates: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["data"]["date"].as_str().unwrap())
        .collect();
    assert!(dates.len() >= 3, "{dates:?}");
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "{dates:?}");
}

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
    let err = invoke(
        &h,
        "update_canvas",
        json!({ "canvas": read(&h, "document/canvas") }),
    )
    .unwrap_err();
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
fn commands_outside_keels_own_are_refused() {
    let h = start(sample);
    let err = invoke(&h, "plugin:dialog|open", json!({ "options": {} }))
        .expect_err("the dialog plugin is not callable from the page");
    assert!(err.to_string().contains("not allowed"), "{err}");
}

#[test]
fn analysis_commands_rank_check_and_report_traction() {
    let h = start(sample);
    let ranked = invoke(&h, "rank_features", json!({ "view": "risk_first" })).unwrap();
    let ranked = ranked.as_array().unwrap();
    assert_eq!(
        ranked.len(),
        21,
        "the 21 open features of the sample are ranked"
    );
    assert_eq!(ranked[0]["rank"], 1);
    assert!(ranked[0]["reason"]
        .as_str()
        .unwrap()
        .starts_with("business risk, level 5"));

    let file = keel_core::PlanFile::open_with(&h.path, keel_core::Mode::Inspect).unwrap();
    let today = clock::today();
    let core_findings = keel_core::analysis::plan_check(&file, today).unwrap();
    let findings = read(&h, "analysis/findings");
    assert_eq!(
        findings,
        serde_json::to_value(&core_findings).unwrap(),
        "the UI gets what the core computes"
    );

    let report = read(&h, "analysis/traction");
    assert_eq!(report["progress"]["status"], "behind");
    assert_eq!(report["factory"]["bottleneck"], "activation");
    assert_eq!(report["unit"]["code"], "USD");
    assert_eq!(report["projection"]["kind"], "reached");

    let err = invoke(&h, "rank_features", json!({ "view": "alphabetical" })).unwrap_err();
    assert!(
        err.to_string().contains("alphabetical"),
        "an unknown view is refused: {err}"
    );
}

#[test]
fn move_feature_changes_the_manual_order() {
    let h = start(sample);
    let list = invoke(&h, "list_features", json!({})).unwrap();
    let last_id = list[23]["id"].clone();
    let moved = invoke(&h, "move_feature", json!({ "id": last_id, "position": 1 })).unwrap();
    assert_eq!(moved["position"], 1);
    let list = invoke(&h, "list_features", json!({})).unwrap();
    assert_eq!(list[0]["id"], last_id);
}

/// A desktop whose dialogs answer with the paths the test sets.
#[derive(Default, Clone)]
struct FakeShell {
    save: std::sync::Arc<std::sync::Mutex<Option<PathBuf>>>,
    open: std::sync::Arc<std::sync::Mutex<Option<PathBuf>>>,
    asked: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    titles: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl keel::Shell for FakeShell {
    fn save_path(&self, suggested_name: &str, _kind: keel::FileKind) -> Option<PathBuf> {
        self.asked.lock().unwrap().push(suggested_name.to_string());
        self.save.lock().unwrap().clone()
    }
    fn open_path(&self) -> Option<PathBuf> {
        self.open.lock().unwrap().clone()
    }
    fn set_title(&self, title: &str) {
        self.titles.lock().unwrap().push(title.to_string());
    }
    fn set_fullscreen(&self, on: bool) -> Result<(), String> {
        self.titles.lock().unwrap().push(format!("fullscreen {on}"));
        Ok(())
    }
}

fn fake_shell(h: &Harness) -> FakeShell {
    let shell = FakeShell::default();
    h._app
        .state::<keel::AppState>()
        .set_shell(Box::new(shell.clone()))
        .expect("the test installs the only shell");
    shell
}

#[test]
fn export_plan_writes_where_the_save_dialog_says_and_nowhere_when_cancelled() {
    let h = start(sample);
    let shell = fake_shell(&h);
    let out = h.path.with_file_name("exported.pdf");
    *shell.save.lock().unwrap() = Some(out.clone());
    let written = invoke(&h, "export_plan", json!({ "format": "pdf" })).unwrap();
    assert_eq!(written, json!(out.display().to_string()));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    assert_eq!(
        shell.asked.lock().unwrap().as_slice(),
        ["Loomline plan.pdf"],
        "the dialog suggests a name"
    );

    *shell.save.lock().unwrap() = None;
    let cancelled = invoke(&h, "export_plan", json!({ "format": "markdown" })).unwrap();
    assert_eq!(cancelled, Value::Null, "a cancelled dialog writes nothing");
}

#[test]
fn file_commands_create_open_save_as_and_remember_recent_plans() {
    let h = start_with(sample, true);
    let shell = fake_shell(&h);
    let dir = h.path.parent().unwrap().to_path_buf();

    *shell.save.lock().unwrap() = Some(dir.join("Acme Robotics.keel"));
    let created = invoke(&h, "new_plan", json!({})).unwrap();
    assert_eq!(created["plan"]["data"]["company_name"], "Acme Robotics");
    assert_eq!(
        invoke(&h, "list_features", json!({})).unwrap(),
        json!([]),
        "the new plan is open and empty"
    );
    assert!(shell
        .titles
        .lock()
        .unwrap()
        .last()
        .unwrap()
        .starts_with("Acme Robotics · Acme Robotics.keel"));

    *shell.open.lock().unwrap() = Some(h.path.clone());
    let opened = invoke(&h, "open_plan", json!({})).unwrap();
    assert_eq!(opened["plan"]["data"]["company_name"], "Loomline");

    let broken = dir.join("broken.keel");
    std::fs::write(&broken, "not a plan").unwrap();
    *shell.open.lock().unwrap() = Some(broken.clone());
    let err = invoke(&h, "open_plan", json!({})).unwrap_err();
    assert_eq!(err["code"], "not_sqlite");
    assert_eq!(
        read(&h, "view")["plan"]["data"]["company_name"],
        "Loomline",
        "a file that cannot be opened leaves the current plan open"
    );

    *shell.save.lock().unwrap() = Some(dir.join("Loomline v2.keel"));
    let copy = invoke(&h, "save_plan_as", json!({})).unwrap();
    assert_eq!(copy["file_name"], "Loomline v2.keel");
    assert_eq!(
        invoke(&h, "list_features", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        24
    );

    std::fs::remove_file(dir.join("Acme Robotics.keel")).unwrap();
    let recent = invoke(&h, "recent_plans", json!({})).unwrap();
    let names: Vec<&str> = recent
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Loomline v2.keel", "plan.keel", "Acme Robotics.keel"]
    );
    assert_eq!(
        recent[2]["missing"], true,
        "a deleted plan is marked missing"
    );
    let reopened = invoke(&h, "open_recent", json!({ "index": 1 })).unwrap();
    assert_eq!(reopened["file_name"], "plan.keel");
    let err = invoke(&h, "open_recent", json!({ "index": 2 })).unwrap_err();
    assert_eq!(err["code"], "file_missing");
    let left = invoke(&h, "forget_recent", json!({ "index": 2 })).unwrap();
    assert_eq!(
        left.as_array().unwrap().len(),
        2,
        "the missing plan is gone from the list: {left}"
    );
    assert!(left
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["missing"] == false));
    let err = invoke(&h, "forget_recent", json!({ "index": 5 })).unwrap_err();
    assert_eq!(err["code"], "not_found", "no such entry: nothing changes");
    let again = invoke(&h, "open_recent", json!({ "index": 0 })).unwrap();
    assert_eq!(again["file_name"], "plan.keel");
    assert_eq!(
        again["read_only"],
        Value::Null,
        "reopening the open plan does not lock it against ourselves"
    );

    let sample = invoke(&h, "open_sample", json!({})).unwrap();
    assert_eq!(sample["file_name"], "Sample plan.keel");
}

#[test]
fn the_about_box_shows_the_version_of_cargo_toml() {
    let h = start(sample);
    let info = invoke(&h, "app_info", json!({})).unwrap();
    assert_eq!(info["name"], "Keel");
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
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
