//! Writes a generated plan for benchmarks and trials:
//! `cargo run --release -p keel-core --example large_plan -- OUT.keel [FEATURES] [SEED]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: large_plan OUT.keel [FEATURES=10000] [SEED=7]");
        std::process::exit(2);
    };
    let features = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let seed = args.next().and_then(|n| n.parse().ok()).unwrap_or(7);
    let today = keel_core::clock::today();
    match keel_core::samples::generate::write_large_plan(
        std::path::Path::new(&out),
        features,
        seed,
        today,
    ) {
        Ok(_) => println!("Wrote {out} with {features} features."),
        Err(e) => {
            eprintln!("large_plan: {e}");
            std::process::exit(1);
        }
    }
}
