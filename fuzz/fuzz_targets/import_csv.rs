#![no_main]

use libfuzzer_sys::fuzz_target;

// The plan the files are imported into.
static BASE: &[u8] = include_bytes!("../seeds/base.keel");

fuzz_target!(|data: &[u8]| keel_fuzz::targets::import_csv(BASE, data));
