// The same binary is the desktop app (no arguments, or a plan file) and the command line.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    keel::commands::startup::mark_start();
    std::process::exit(keel::cli::main());
}
