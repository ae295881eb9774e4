#![no_main]

use libfuzzer_sys::fuzz_target;

// The plan the forged changes are written against and merged into.
static BASE: &[u8] = include_bytes!("../seeds/base.keel");

fuzz_target!(|data: &[u8]| keel_fuzz::targets::merge_forged_ops(BASE, data));
