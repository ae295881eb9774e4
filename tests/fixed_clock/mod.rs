//! The one moment the app's tests run at, whatever the machine's date and time zone: each test
//! fixes the app's clock (in-process, or through `KEEL_FIXED_CLOCK` for a binary it starts) and
//! states every date relative to [`today`].

#![allow(dead_code)]

use chrono::{NaiveDate, NaiveDateTime};

/// The fixed moment, as `KEEL_FIXED_CLOCK` takes it (local date and time).
pub const AT: &str = "2026-11-27T10:00:00";

/// The variable that fixes the clock of a `keel` binary built for tests.
pub const VAR: &str = "KEEL_FIXED_CLOCK";

pub fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str(AT, "%Y-%m-%dT%H:%M:%S").expect("AT is a date and time")
}

/// The tests' "today".
pub fn today() -> NaiveDate {
    now().date()
}

/// Fixes this process's clock at [`now`].
pub fn fix() {
    keel_core::clock::fix(now());
}
