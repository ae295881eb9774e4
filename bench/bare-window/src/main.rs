//! One window with one static page; logs the time from start to the page's load, as Keel logs
//! the time to its first rendered plan.

use std::time::Instant;

fn main() {
    let started = Instant::now();
    tauri::Builder::default()
        .on_page_load(move |_webview, payload| {
            if matches!(payload.event(), tauri::webview::PageLoadEvent::Finished) {
                eprintln!(
                    "ready after {:.1} ms",
                    started.elapsed().as_secs_f64() * 1e3
                );
            }
        })
        .run(tauri::generate_context!())
        .expect("the bare window runs");
}
