//! Plans the system asks the running Keel to open: a plan double-clicked (or named on the
//! command line) while Keel already runs reaches the first Keel as the second launch's
//! arguments through the single-instance plugin on Linux and Windows; on macOS, Finder sends
//! an "open files" event (`RunEvent::Opened`) to the running app, and to an app it starts
//! for the purpose instead of arguments. Either way the plan opens in the window, which is
//! brought to the front and told through [`PlanOpened`].

use crate::error::CommandError;
use crate::state::AppState;
use serde::Serialize;
use specta::Type;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Manager, Runtime};
use tauri_specta::Event;

/// Sent to the window when the system opened a plan in it: without `error`, the plan named
/// `path` is the open plan now (the window reads it again); with one, it could not be opened
/// and the plan that was open stays open.
#[derive(Debug, Clone, Serialize, Type, Event)]
pub struct PlanOpened {
    pub path: String,
    pub error: Option<CommandError>,
}

/// The plan a second launch of Keel names, from its arguments (`argv[0]` is the program) and
/// its working folder: `keel PLAN.keel` names one; `keel` alone, or a command-line action
/// (which never starts the app), names none.
pub fn plan_in_arguments(argv: &[String], cwd: &Path) -> Option<PathBuf> {
    crate::cli::plan_to_open(argv).map(|plan| cwd.join(plan))
}

/// A second launch of Keel while this one runs: opens the plan it names, if any, and brings
/// the window to the front either way (a founder who starts Keel again wants to see it).
pub fn second_launch<R: Runtime>(app: &AppHandle<R>, argv: &[String], cwd: &Path) {
    match plan_in_arguments(argv, cwd) {
        Some(plan) => open(app, &plan),
        None => bring_to_front(app),
    }
}

/// Files the system opened with Keel (macOS): each `file:` URL names a plan; Keel shows one
/// plan at a time, so the last one named is the one that stays open.
pub fn open_urls<R: Runtime>(app: &AppHandle<R>, urls: &[tauri::Url]) {
    for url in urls {
        match url.to_file_path() {
            Ok(path) => open(app, &path),
            Err(()) => tell(
                app,
                PlanOpened {
                    path: url.to_string(),
                    error: Some(CommandError::not_a_file(url.as_str())),
                },
            ),
        }
    }
}

/// Opens `plan` in the window (on failure the open plan stays) and tells the window.
pub fn open<R: Runtime>(app: &AppHandle<R>, plan: &Path) {
    let error = app.state::<AppState>().switch_to(plan).err();
    tell(
        app,
        PlanOpened {
            path: plan.display().to_string(),
            error,
        },
    );
}

fn tell<R: Runtime>(app: &AppHandle<R>, news: PlanOpened) {
    if let Err(e) = news.emit(app) {
        eprintln!("keel: the window could not be told a plan was opened: {e}");
    }
    bring_to_front(app);
}

fn bring_to_front<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        // Each may be refused by the window manager; the plan is open all the same.
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
