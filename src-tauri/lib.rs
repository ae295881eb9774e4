//! Keel's desktop shell: the Tauri app and the command line, both thin adapters over keel-core.

pub mod cli;
pub mod commands;
mod dialogs;
mod error;
pub mod opened;
pub mod session;
pub mod settings;
mod state;

pub use error::{CommandError, CommandResult};
pub use state::{AppState, FileKind, Shell};

use std::path::PathBuf;
use tauri::{Manager, Runtime};

include!("commands/list.rs");

/// The names of every command the UI may call (src-tauri/commands/list.rs).
pub const COMMANDS: &[&str] = keel_commands!(command_names);

/// The commands that run on the main thread: none of them touches a file.
pub const ON_MAIN_THREAD: &[&str] = &[
    "suggest_ladder",
    "set_fullscreen",
    "app_info",
    "help",
    "ui_ready",
];

macro_rules! collect {
    ($($module:ident :: $command:ident),* $(,)?) => {
        tauri_specta::collect_commands![$(commands::$module::$command),*]
    };
}

/// Every command the UI may call, and the source of `ui/src/bindings.ts`.
pub fn specta_builder<R: Runtime>() -> tauri_specta::Builder<R> {
    tauri_specta::Builder::<R>::new()
        .disable_serde_phases()
        .commands(keel_commands!(collect))
        .events(tauri_specta::collect_events![opened::PlanOpened])
        // The core's words for the plan's vocabularies and fields: the window names them so.
        .constant("LABELS", keel_core::domain::labels::labels())
}

/// Lets the app send the window the events of [`specta_builder`]; the app's setup runs it,
/// tests on the mock runtime call it.
pub fn mount_events<R: Runtime>(app: &tauri::AppHandle<R>) {
    specta_builder::<R>().mount_events(app);
}

pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

/// The app, opening `start` (or the last or sample plan) when it is set up.
pub fn app_builder<R: Runtime>(
    builder: tauri::Builder<R>,
    start: Option<PathBuf>,
) -> tauri::Builder<R> {
    let specta = specta_builder::<R>();
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState::default())
        .invoke_handler(specta.invoke_handler())
        .on_page_load(|_webview, payload| {
            if matches!(payload.event(), tauri::webview::PageLoadEvent::Finished) {
                commands::startup::page_loaded();
            }
        })
        .setup(move |app| {
            mount_events(app.handle());
            let state = app.state::<AppState>();
            state.set_shell(Box::new(dialogs::Desktop(app.handle().clone())))?;
            // The plan opens while the window loads; the UI's first read waits for it.
            let handle = app.handle().clone();
            state.open_in_background(move || open_start_plan(&handle, start.as_deref()))?;
            Ok(())
        })
}

/// Opens the plan the app starts on (see [`session::open_at_start`]) into the app's state,
/// which titles the window after it. The app's setup runs it beside the window's loading;
/// tests on the mock runtime call it.
pub fn open_start_plan<R: Runtime>(app: &tauri::AppHandle<R>, start: Option<&std::path::Path>) {
    let state = app.state::<AppState>();
    let opened = app
        .path()
        .app_data_dir()
        .map_err(|e| keel_core::CoreError::Io {
            context: "Keel's data folder cannot be found".into(),
            source: std::io::Error::other(e.to_string()),
        })
        .and_then(|dir| session::open_at_start(state.set_data_dir(dir), start));
    if let Err(e) = state.set(opened) {
        eprintln!("keel: {}", e.message);
    }
}

pub fn window_title(file: &keel_core::PlanFile) -> String {
    let name = file
        .path()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let company = file.plan().map(|p| p.data.company_name).unwrap_or_default();
    let read_only = if file.read_only().is_some() {
        " (read-only)"
    } else {
        ""
    };
    format!("{company} · {name}{read_only} — Keel")
}

/// Runs the desktop app until its window closes. A second launch while it runs hands its
/// plan to this one and ends (the single-instance plugin, registered first as it asks); on
/// macOS, plans opened from Finder arrive as events.
pub fn run_app(plan: Option<PathBuf>) {
    software_rendering();
    let builder =
        tauri::Builder::default().plugin(tauri_plugin_single_instance::init(|app, argv, cwd| {
            opened::second_launch(app, &argv, std::path::Path::new(&cwd))
        }));
    let app = match app_builder(builder, plan).build(context()) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("keel: the app could not start: {e}.");
            std::process::exit(1);
        }
    };
    app.run(|_app, _event| {
        #[cfg(target_os = "macos")]
        if let tauri::RunEvent::Opened { urls } = _event {
            opened::open_urls(_app, &urls);
        }
    });
}

/// Keel's pages are documents: WebKitGTK draws them without its GPU compositing, which needs a
/// GL context in the web process (through Mesa where there is no GPU driver) and measured about
/// 70 MB more there (BENCHMARKS.md). KEEL_GPU_COMPOSITING=1 keeps WebKit's default; a
/// WEBKIT_DISABLE_COMPOSITING_MODE already set is left as it is.
fn software_rendering() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("KEEL_GPU_COMPOSITING").is_none_or(|v| v != "1")
        && std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none()
    {
        // Runs first thing on the main thread, before any other thread exists.
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}
