//! Writes the sample plan for a fixed date: `cargo run -p keel-core --example write_sample -- OUT`.
//! Used to make the format fixture under tests/fixtures when the schema changes.

fn main() {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: write_sample OUT.keel");
        std::process::exit(2);
    };
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
    if let Err(e) = keel_core::samples::create_sample_plan(std::path::Path::new(&out), date) {
        eprintln!("write_sample: {e}");
        std::process::exit(1);
    }
}
