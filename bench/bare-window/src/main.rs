//! One window with one static page. Like Keel, it logs the time from start to the page's load
//! and to its first rendered frame (the page reports the second animation frame after it ran).

use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();

fn elapsed_ms() -> f64 {
    STARTED.get().map_or(0.0, |s| s.elapsed().as_secs_f64() * 1e3)
}

#[tauri::command]
fn ready() {
    eprintln!("ready after {:.1} ms (first frame rendered)", elapsed_ms());
}

fn main() {
    STARTED.get_or_init(Instant::now);
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ready])
        .on_page_load(|_webview, payload| {
            if matches!(payload.event(), tauri::webview::PageLoadEvent::Finished) {
                eprintln!("page loaded after {:.1} ms", elapsed_ms());
            }
        })
        .run(tauri::generate_context!())
        .expect("the bare window runs");
}
