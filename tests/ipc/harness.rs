//! The app on the mock runtime with the real config and capability, a fake desktop shell, and
//! the calls the UI makes.

#![allow(dead_code)]

use crate::fixed_clock;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::Once;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

/// Keeps the app's data folder (recent plans, sample) out of the user's home.
pub fn isolate_data_dir() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Under the build's own scratch folder (cleaned with the build), never left in /tmp.
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("keel-ipc-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // Set before any app exists; every test shares the same value.
        std::env::set_var("XDG_DATA_HOME", dir);
    });
}

pub struct Harness {
    pub _app: tauri::App<MockRuntime>,
    pub window: WebviewWindow<MockRuntime>,
    pub _dir: tempfile::TempDir,
    pub path: PathBuf,
}

pub fn start(make_plan: impl FnOnce(&Path)) -> Harness {
    start_with(make_plan, false)
}

/// With `own_data_dir`, the app keeps its recent plans in a folder of this test's (tests run
/// in parallel and share XDG_DATA_HOME), `data/` beside the plan.
pub fn start_with(make_plan: impl FnOnce(&Path), own_data_dir: bool) -> Harness {
    start_in(tempfile::tempdir().unwrap(), make_plan, own_data_dir)
}

/// The same in the folder `dir` (such as one on a small disk), which the harness removes.
pub fn start_in(
    dir: tempfile::TempDir,
    make_plan: impl FnOnce(&Path),
    own_data_dir: bool,
) -> Harness {
    isolate_data_dir();
    fixed_clock::fix();
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
    keel::mount_events(app.handle());
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

pub fn sample(path: &Path) {
    keel_core::samples::create_sample_plan(path, fixed_clock::today()).unwrap();
}

pub fn invoke(h: &Harness, cmd: &str, args: Value) -> Result<Value, Value> {
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
pub fn read(h: &Harness, part: &str) -> Value {
    let all = invoke(h, "load_plan", json!({ "first": null })).expect("load_plan answers");
    all.pointer(&format!("/{part}"))
        .unwrap_or_else(|| panic!("load_plan has no {part}"))
        .clone()
}

/// The findings an edit's answer gives: its own, or (when it sends them as a patch) those the
/// window `held` kept by position and the patch's new ones, which the answer sends only there.
pub fn findings_after(held: &Value, edited: &Value) -> Value {
    let patch = &edited["findings_patch"];
    if patch.is_null() {
        return edited["analysis"]["findings"].clone();
    }
    assert_eq!(edited["analysis"]["findings"], json!([]), "sent once");
    let mut new = patch["new"].as_array().unwrap().iter();
    patch["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|slot| match slot.as_u64() {
            Some(i) => held[i as usize].clone(),
            None => new.next().unwrap().clone(),
        })
        .collect()
}

/// A value as the IPC delivers it: written as JSON text and read back (floats round the same way).
pub fn as_sent(value: &impl serde::Serialize) -> Value {
    serde_json::from_str(&serde_json::to_string(value).unwrap()).unwrap()
}

/// A desktop whose dialogs answer with the paths the test sets.
#[derive(Default, Clone)]
pub struct FakeShell {
    pub save: std::sync::Arc<std::sync::Mutex<Option<PathBuf>>>,
    pub open: std::sync::Arc<std::sync::Mutex<Option<PathBuf>>>,
    pub asked: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    pub titles: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl keel::Shell for FakeShell {
    fn save_path(&self, suggested_name: &str, _kind: keel::FileKind) -> Option<PathBuf> {
        self.asked.lock().unwrap().push(suggested_name.to_string());
        self.save.lock().unwrap().clone()
    }
    fn open_path(&self, _kind: keel::FileKind) -> Option<PathBuf> {
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

pub fn fake_shell(h: &Harness) -> FakeShell {
    let shell = FakeShell::default();
    h._app
        .state::<keel::AppState>()
        .set_shell(Box::new(shell.clone()))
        .expect("the test installs the only shell");
    shell
}

/// Closes the open plan (its file and lock), as quitting would: the mock app itself is never
/// dropped whole (the window holds it), so a test that unmounts the plan's disk closes it first.
pub fn close_plan(h: &Harness) {
    h._app
        .state::<keel::AppState>()
        .set(Err(keel_core::CoreError::ReadOnly {
            reason: "closed by the test".to_string(),
        }))
        .unwrap();
}
