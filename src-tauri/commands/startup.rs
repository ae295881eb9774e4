//! Startup timing: the app notes when it started, and the UI says when its first plan is on
//! screen; the elapsed time goes to stderr once (scripts/startup-bench.sh reads it).

use std::sync::{Once, OnceLock};
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();
static REPORTED: Once = Once::new();
static LOADED: Once = Once::new();

/// Called first thing in `main`.
pub fn mark_start() {
    STARTED.get_or_init(Instant::now);
}

/// The page has loaded (the point a bare Tauri window is ready); logged once.
pub fn page_loaded() {
    if let Some(started) = STARTED.get() {
        LOADED.call_once(|| {
            eprintln!(
                "keel: page loaded after {:.1} ms",
                started.elapsed().as_secs_f64() * 1e3
            );
        });
    }
}

/// The UI has rendered its first plan: `read_ms` (whole milliseconds) went in reading it (`load_plan`, from the UI's
/// side), `render_ms` from then to the frame that shows it.
#[tauri::command]
#[specta::specta]
pub fn ui_ready(read_ms: u32, render_ms: u32) {
    if let Some(started) = STARTED.get() {
        REPORTED.call_once(|| {
            eprintln!(
                "keel: ready after {:.1} ms (first plan rendered; read {read_ms} ms, render {render_ms} ms)",
                started.elapsed().as_secs_f64() * 1e3
            );
        });
    }
}
