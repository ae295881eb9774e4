//! The program's one clock: every "now" and "today" Keel stores or computes comes from here, so
//! nothing else reads the system clock.
//!
//! Test builds fix it (feature `fixed-clock`, enabled only as a dev-dependency, so the shipped
//! app never has it): [`fix`] in-process, or the variable `KEEL_FIXED_CLOCK` (a local date and
//! time such as `2026-11-27T09:30:00`) for a binary a test starts. A fixed clock is the same in
//! every time zone: its date is "today" and its time is taken as UTC for timestamps.

use chrono::{DateTime, NaiveDate, Utc};

/// Now, UTC, RFC 3339 with seconds: the form every stored timestamp has.
pub fn now() -> String {
    now_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Now, UTC.
pub fn now_utc() -> DateTime<Utc> {
    match fixed::get() {
        Some(at) => at.and_utc(),
        None => Utc::now(),
    }
}

/// Today's date in the local time zone.
pub fn today() -> NaiveDate {
    match fixed::get() {
        Some(at) => at.date(),
        None => chrono::Local::now().date_naive(),
    }
}

/// Fixes the clock of this process at `at` (a local date and time) until it is fixed again.
#[cfg(feature = "fixed-clock")]
pub fn fix(at: chrono::NaiveDateTime) {
    fixed::set(at);
}

/// A number that differs between two calls in the same process (a counter beside the real
/// time), for temporary file names; it is no date and is never stored.
pub(crate) fn unique() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{nanos}.{}", COUNTER.fetch_add(1, Ordering::Relaxed))
}

#[cfg(feature = "fixed-clock")]
mod fixed {
    use chrono::NaiveDateTime;
    use std::sync::{Mutex, OnceLock};

    static SET: Mutex<Option<NaiveDateTime>> = Mutex::new(None);
    static FROM_ENV: OnceLock<Option<NaiveDateTime>> = OnceLock::new();

    pub(super) fn set(at: NaiveDateTime) {
        *SET.lock().unwrap_or_else(|p| p.into_inner()) = Some(at);
    }

    pub(super) fn get() -> Option<NaiveDateTime> {
        let set = *SET.lock().unwrap_or_else(|p| p.into_inner());
        set.or_else(|| *FROM_ENV.get_or_init(from_env))
    }

    fn from_env() -> Option<NaiveDateTime> {
        let text = std::env::var("KEEL_FIXED_CLOCK").ok()?;
        match NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M:%S") {
            Ok(at) => Some(at),
            // A test seam set wrongly must stop the test, not fall back to the real date.
            Err(e) => panic!("KEEL_FIXED_CLOCK={text:?} is not YYYY-MM-DDTHH:MM:SS: {e}"),
        }
    }
}

#[cfg(not(feature = "fixed-clock"))]
mod fixed {
    pub(super) fn get() -> Option<chrono::NaiveDateTime> {
        None
    }
}

#[cfg(all(test, feature = "fixed-clock"))]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_gives_its_date_and_time_in_every_zone() {
        let at = NaiveDate::from_ymd_opt(2028, 2, 29)
            .and_then(|d| d.and_hms_opt(23, 30, 0))
            .unwrap();
        fix(at);
        assert_eq!(today(), at.date(), "today is the fixed date");
        assert_eq!(
            now(),
            "2028-02-29T23:30:00Z",
            "timestamps use the fixed time"
        );
    }

    #[test]
    fn unique_never_repeats_within_a_process() {
        let a = unique();
        let b = unique();
        assert_ne!(a, b, "two temporary files never share a name");
    }
}
