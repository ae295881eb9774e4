#![no_main]

use libfuzzer_sys::fuzz_target;

// The plan the change files are merged into: the copy the seeds were written against.
static BASE: &[u8] = include_bytes!("../seeds/base.keel");

fuzz_target!(|data: &[u8]| keel_fuzz::targets::merge_change_file(BASE, data));
