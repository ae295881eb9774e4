//! What each fuzz target does with its input, shared with the replay test in the core crate's
//! tests (`fuzz_replay.rs`), which runs every committed corpus and crash input on stable Rust.

pub mod targets;
