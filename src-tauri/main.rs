// The same binary is the desktop app (no arguments, or a plan file) and the command line.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    std::process::exit(keel::cli::main());
}
