//! Running the `keel` binary as a founder does, at the tests' fixed moment and as user "dana",
//! and what its failures must look like; shared by the command-line tests.

#![allow(dead_code)]

use crate::fixed_clock;
use std::process::{Command, Output};

pub fn keel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_keel"))
        .args(args)
        .env(fixed_clock::VAR, fixed_clock::AT)
        .env("USER", "dana")
        .output()
        .expect("the keel binary runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A failure prints exactly one line on stderr, starting with "keel: ".
pub fn assert_one_sentence_error(out: &Output, says: &str) {
    assert!(!out.status.success(), "the command must fail");
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "one line on stderr, got {err:?}");
    assert!(
        err.starts_with("keel: ") && err.contains(says),
        "{err:?} must say {says:?}"
    );
}

/// [`keel`] with `input` on standard input (a passphrase, as a script gives one).
pub fn keel_with_input(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_keel"))
        .args(args)
        .env(fixed_clock::VAR, fixed_clock::AT)
        .env("USER", "dana")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the keel binary runs");
    child
        .stdin
        .take()
        .expect("a stdin")
        .write_all(input.as_bytes())
        .expect("the input is written");
    child.wait_with_output().expect("the keel binary ends")
}
