//! The commands through Tauri's IPC on the mock runtime, with the real config and capability:
//! what the UI sends and receives, errors included.

#[path = "../fixed_clock/mod.rs"]
mod fixed_clock;
mod harness;
#[path = "../teammate/mod.rs"]
mod teammate;

mod desktop;
mod edits;
mod opened;
mod opening;
mod reads;
mod recorded;
mod recorded_sections;
mod recorded_shared;
mod recorder;
