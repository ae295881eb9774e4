//! Full disks and I/O errors against the app, through its IPC on the mock runtime: the plan is
//! open in the app when the disk fills up or starts failing, and the window then asks for an
//! edit, an export, a save as or a merge. Every failure must come back as one sentence saying
//! what could not be written; the edit in flight must not be reported saved; the plan must stay
//! valid and open (once the fault is gone, the next edit saves); outputs are old or whole; no
//! temporary file is left.
//!
//! Needs root (tmpfs mounts) and libfiu: `make faults` installs what is missing and runs it.
//! Under libfiu the app runs in a child process (this test binary again, run under `fiu-run`),
//! and the fault is switched on with `fiu-ctrl` once the plan is open and off again after the
//! write, so the fault hits the write alone. `write` itself is left to the full disks: it is
//! also how the child reports to this test.

#[path = "../fixed_clock/mod.rs"]
mod fixed_clock;
#[path = "../folders/mod.rs"]
mod folders;
#[path = "../ipc/harness.rs"]
mod harness;
#[path = "../injected/mod.rs"]
mod injected;
#[path = "../teammate/mod.rs"]
mod teammate;

mod run;

use folders::copy_dir;
use harness::*;
use injected::{mount_tmpfs, unmount};
use run::{after, check, perform, prepare, Write, WRITES};
use std::io::{BufRead, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Fills the disk holding `dir` with one file, leaving `room` bytes; returns the file.
fn fill(dir: &Path, room: u64) -> PathBuf {
    let filler = dir.join("filler");
    let mut file = std::fs::File::create(&filler).unwrap();
    let chunk = vec![0u8; 64 * 1024];
    let mut written = 0u64;
    loop {
        match file.write(&chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => written += n as u64,
        }
    }
    let _ = file.flush();
    file.set_len(written.saturating_sub(room)).unwrap();
    filler
}

/// Starts the app on a copy of `template` in a new folder under `parent`.
fn start_on(template: &Path, parent: &Path) -> Harness {
    let dir = tempfile::tempdir_in(parent).unwrap();
    start_in(dir, |plan| copy_dir(template, plan.parent().unwrap()), true)
}

#[test]
#[ignore = "needs root (tmpfs mounts): run by `make faults`"]
fn the_app_on_a_full_disk_says_what_could_not_be_written_and_keeps_the_plan_open() {
    let work = tempfile::tempdir().unwrap();
    let template = work.path().join("template");
    prepare(&template);
    let reference = work.path().join("reference");
    let disk = work.path().join("disk");
    let (mut runs, mut refused, mut errors) = (0, 0, Vec::new());
    let mut said = std::collections::BTreeSet::new();
    for pages in [0u64, 1, 2, 4, 8, 16, 32, 64, 128] {
        for w in WRITES {
            mount_tmpfs(&disk, 32 * 1024 * 1024);
            let h = start_on(&template, &disk);
            let shell = fake_shell(&h);
            let dir = h.path.parent().unwrap().to_path_buf();
            let filler = fill(&disk, pages * 4096);
            let result = perform(&h, &shell, w);
            std::fs::remove_file(&filler).unwrap();
            if let Err(e) = &result {
                let message = e["message"].as_str().unwrap_or_default();
                let folder = format!("{}/", dir.display());
                said.insert(format!("{w:?}: {}", message.replace(&folder, "")));
            }
            let label = format!("{w:?} with {pages} pages free");
            let outcome = after(&h, w, &result, &label)
                .and_then(|()| check(&dir, w, &result, &label, &reference));
            close_plan(&h);
            drop(shell);
            drop(h);
            runs += 1;
            match outcome {
                Ok(failed) => refused += usize::from(failed),
                Err(e) => errors.push(e),
            }
            unmount(&disk);
        }
    }
    println!("the app on full disks: {runs} writes, {refused} refused for want of space:");
    for sentence in &said {
        println!("  {sentence}");
    }
    assert!(refused > 0, "the fullest disks must make writes fail");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// What the child reports: lines that start with "@@ ".
fn next_report(lines: &mut impl Iterator<Item = std::io::Result<String>>) -> String {
    for line in lines {
        let line = line.expect("the child's output is text");
        if let Some(report) = line.strip_prefix("@@ ") {
            return report.to_string();
        }
    }
    panic!("the child stopped without reporting");
}

/// Runs each of `commands` in the process `pid` (under `fiu-run -f base`).
fn fiu_ctrl(base: &Path, pid: u32, commands: &[String]) {
    let mut ctrl = Command::new("fiu-ctrl");
    ctrl.arg("-f").arg(base);
    for command in commands {
        ctrl.args(["-c", command]);
    }
    let status = ctrl
        .arg(pid.to_string())
        .status()
        .expect("fiu-ctrl runs (make faults installs libfiu)");
    assert!(status.success(), "fiu-ctrl {commands:?}");
}

/// Runs the child app on a copy of `template` under libfiu, with `fault` on for the write `w`.
fn under_fault(template: &Path, work: &Path, w: Write, fault: &[String]) -> Result<bool, String> {
    let base = work.join("fiu-ctrl");
    let mut child = Command::new("fiu-run")
        .arg("-x")
        .arg("-f")
        .arg(&base)
        .arg(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "the_app_under_a_fault",
            "--ignored",
            "--nocapture",
        ])
        .env("KEEL_APP_FAULT_TEMPLATE", template)
        .env("KEEL_APP_FAULT_WORK", work)
        .env("KEEL_APP_FAULT_WRITE", format!("{w:?}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("fiu-run runs (make faults installs libfiu)");
    let pid = child.id();
    let mut to_child = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let ready = next_report(&mut lines);
    let dir = PathBuf::from(ready.strip_prefix("ready ").expect("the child is ready"));
    // "enable_random name=X,probability=P" is switched off by "disable name=X".
    let off: Vec<String> = fault
        .iter()
        .map(|c| {
            let name = c.split_once(' ').unwrap().1.split(',').next().unwrap();
            format!("disable {name}")
        })
        .collect();
    fiu_ctrl(&base, pid, fault);
    writeln!(to_child, "write").unwrap();
    let written = next_report(&mut lines);
    fiu_ctrl(&base, pid, &off);
    writeln!(to_child, "after").unwrap();
    let after = next_report(&mut lines);
    let status = child.wait().unwrap();
    let fault = fault.join(" and ");
    let label = format!("{w:?} under {fault}");
    if !status.success() {
        return Err(format!("{label}: the app's process failed: {status}"));
    }
    if after != "ok" {
        return Err(format!("{label}: {after}"));
    }
    let result: Result<serde_json::Value, serde_json::Value> =
        serde_json::from_str(&written).map_err(|e| format!("{label}: {e}: {written}"))?;
    // A failed removal leaves a temporary file for the next start to remove (it sweeps the
    // plan's folder and the app's data folder with this function).
    if fault.contains("unlink") {
        keel_core::store::sweep_temporaries(&dir);
        keel_core::store::sweep_temporaries(&dir.join("data"));
    }
    let reference = template.with_file_name("reference");
    let outcome = check(&dir, w, &result, &label, &reference);
    std::fs::remove_dir_all(&dir).unwrap();
    outcome
}

/// The child's side of [`under_fault`]: does nothing unless run by it.
#[test]
#[ignore = "run by the_app_under_io_errors"]
fn the_app_under_a_fault() {
    let Some(template) = std::env::var_os("KEEL_APP_FAULT_TEMPLATE") else {
        return;
    };
    let work = PathBuf::from(std::env::var_os("KEEL_APP_FAULT_WORK").unwrap());
    let name = std::env::var("KEEL_APP_FAULT_WRITE").unwrap();
    let w = *WRITES.iter().find(|w| format!("{w:?}") == name).unwrap();
    let h = start_on(Path::new(&template), &work);
    let shell = fake_shell(&h);
    let mut stdin = std::io::stdin().lock().lines();
    println!("@@ ready {}", h.path.parent().unwrap().display());
    assert_eq!(stdin.next().unwrap().unwrap(), "write");
    let result = perform(&h, &shell, w);
    println!("@@ {}", serde_json::to_string(&result).unwrap());
    assert_eq!(stdin.next().unwrap().unwrap(), "after");
    match after(&h, w, &result, &name) {
        Ok(()) => println!("@@ ok"),
        Err(e) => println!("@@ {e}"),
    }
    // The folder stays for the parent to inspect: no destructor runs.
    std::process::exit(0);
}

#[test]
#[ignore = "needs libfiu (fiu-run, fiu-ctrl): run by `make faults`"]
fn the_app_under_io_errors_says_what_could_not_be_written_and_keeps_the_plan_open() {
    let work = tempfile::tempdir().unwrap();
    let template = work.path().join("template");
    prepare(&template);
    let faults = injected::settings(10);
    let (mut runs, mut refused, mut errors) = (0, 0, Vec::new());
    for fault in &faults {
        for w in WRITES {
            runs += 1;
            match under_fault(&template, work.path(), w, fault) {
                Ok(failed) => refused += usize::from(failed),
                Err(e) => errors.push(e),
            }
        }
    }
    println!(
        "the app under I/O errors: {runs} writes under {} fault settings, {refused} refused",
        faults.len()
    );
    assert!(refused > 0, "the faults must make writes fail");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
