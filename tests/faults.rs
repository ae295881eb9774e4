//! Full disks and I/O errors against the command line: every write Keel makes (an edit, every
//! export, import, a new plan, a change file, a merge) is run on small tmpfs mounts swept over
//! sizes, and under libfiu with pwrite, fsync, fdatasync, rename and unlink failing (always, and
//! at random). Every failure must be one sentence naming what could not be written, the plan
//! must stay valid with the failed edit absent, every output must be its old content or its
//! whole new content, and no temporary file may be left.
//!
//! Needs root (mount) and libfiu: `make faults` installs what is missing and runs it.

#[path = "fixed_clock/mod.rs"]
mod fixed_clock;
#[path = "folders/mod.rs"]
mod folders;
#[path = "injected/mod.rs"]
mod injected;

use folders::{copy_dir, temporaries};
use injected::{mount_tmpfs, unmount};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const KEEL: &str = env!("CARGO_BIN_EXE_keel");

fn keel(prefix: &[&str], args: &[String]) -> Output {
    let (program, rest) = match prefix.split_first() {
        Some((p, rest)) => (*p, rest.iter().map(|s| s.to_string()).collect::<Vec<_>>()),
        None => (KEEL, Vec::new()),
    };
    let mut command = Command::new(program);
    command.args(rest);
    if !prefix.is_empty() {
        command.arg(KEEL);
    }
    command
        .args(args)
        .env(fixed_clock::VAR, fixed_clock::AT)
        .env("USER", "dana")
        .output()
        .expect("keel runs")
}

/// One write of the command line, run in `dir` (which holds `plan.keel`).
#[derive(Clone, Copy, Debug)]
enum Write {
    Edit,
    ExportPdf,
    ExportMarkdown,
    Import,
    NewPlan,
    Changes,
    Merge,
}

const WRITES: [Write; 7] = [
    Write::Edit,
    Write::ExportPdf,
    Write::ExportMarkdown,
    Write::Import,
    Write::NewPlan,
    Write::Changes,
    Write::Merge,
];

const OLD: &[u8] = b"the previous export\n";

impl Write {
    fn args(self, dir: &Path) -> Vec<String> {
        let p = |name: &str| dir.join(name).to_string_lossy().into_owned();
        let plan = p("plan.keel");
        let v = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
        match self {
            Write::Edit => v(&["version", &plan, "Board meeting"]),
            Write::ExportPdf => v(&["export", &plan, "--format", "pdf", "--out", &p("plan.pdf")]),
            Write::ExportMarkdown => {
                v(&["export", &plan, "--format", "md", "--out", &p("plan.md")])
            }
            Write::Import => v(&["import", &p("Imported.keel"), "--from", &p("plan.json")]),
            Write::NewPlan => v(&["new", &p("New.keel"), "--sample"]),
            Write::Changes => v(&["changes", &plan, "--out", &p("out.keelchanges")]),
            Write::Merge => v(&["merge", &plan, &p("theirs.keelchanges")]),
        }
    }

    /// The file the write makes or replaces, beside the plan itself.
    fn output(self) -> Option<&'static str> {
        match self {
            Write::ExportPdf => Some("plan.pdf"),
            Write::ExportMarkdown => Some("plan.md"),
            Write::Import => Some("Imported.keel"),
            Write::NewPlan => Some("New.keel"),
            Write::Changes => Some("out.keelchanges"),
            Write::Edit | Write::Merge => None,
        }
    }
}

/// The folder every write starts from: the sample plan, its JSON export, a teammate's change
/// file and the previous exports.
fn prepare(dir: &Path) {
    let plan = dir.join("plan.keel");
    let out = keel(
        &[],
        &[
            "new".into(),
            plan.to_string_lossy().into(),
            "--sample".into(),
        ],
    );
    assert!(out.status.success());
    let arg = |p: &Path| p.to_string_lossy().into_owned();
    let theirs = dir.join("theirs.keel");
    std::fs::copy(&plan, &theirs).unwrap();
    assert!(
        keel(&[], &["version".into(), arg(&theirs), "Theirs".into()])
            .status
            .success()
    );
    let changes = [
        "changes".into(),
        arg(&theirs),
        "--for".into(),
        arg(&plan),
        "--out".into(),
        arg(&dir.join("theirs.keelchanges")),
    ];
    assert!(keel(&[], &changes).status.success());
    std::fs::remove_file(&theirs).unwrap();
    let json = [
        "export",
        &arg(&plan),
        "--format",
        "json",
        "--out",
        &arg(&dir.join("plan.json")),
    ];
    let json: Vec<String> = json.iter().map(|s| s.to_string()).collect();
    assert!(keel(&[], &json).status.success());
    std::fs::write(dir.join("plan.pdf"), OLD).unwrap();
    std::fs::write(dir.join("plan.md"), OLD).unwrap();
}

/// What `keel info --json` says of a plan file: its integrity and its number of versions.
fn info(plan: &Path) -> Result<(String, usize), String> {
    let out = keel(
        &[],
        &[
            "info".into(),
            plan.to_string_lossy().into(),
            "--json".into(),
        ],
    );
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())?;
    Ok((
        v["integrity"].as_str().unwrap_or_default().to_string(),
        v["versions"].as_array().map_or(0, |a| a.len()),
    ))
}

/// A write, and the bytes of its output when nothing fails (for outputs compared as bytes).
type Reference = (Write, Option<Vec<u8>>);

/// What each write leaves when nothing fails, for comparing outputs that are bytes.
fn reference(template: &Path, scratch: &Path) -> Vec<Reference> {
    WRITES
        .iter()
        .map(|&w| {
            let dir = scratch.join(format!("{w:?}"));
            copy_dir(template, &dir);
            let out = keel(&[], &w.args(&dir));
            assert!(
                out.status.success(),
                "{w:?} works on a healthy disk: {out:?}"
            );
            let bytes = match w {
                Write::ExportPdf | Write::ExportMarkdown | Write::Changes => {
                    Some(std::fs::read(dir.join(w.output().unwrap())).unwrap())
                }
                _ => None,
            };
            (w, bytes)
        })
        .collect()
}

/// Checks what a write that ran into `fault` left in `dir`; returns whether it failed.
fn check(
    dir: &Path,
    w: Write,
    out: &Output,
    reference: &Option<Vec<u8>>,
    fault: &str,
) -> Result<bool, String> {
    let failed = !out.status.success();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let label = format!("{w:?} under {fault}");
    if failed {
        if out.status.code() != Some(2) {
            return Err(format!(
                "{label}: exit {:?} (a panic or a crash?): {err}",
                out.status
            ));
        }
        let line = err.trim_end();
        if err.lines().count() != 1 || !line.starts_with("keel: ") || !line.ends_with('.') {
            return Err(format!("{label}: the error is not one sentence: {err:?}"));
        }
        let names_what = line.contains("could not be")
            || line.contains("cannot be")
            || line.contains("could not confirm it is stored");
        if !names_what {
            return Err(format!(
                "{label}: the error does not say what could not be written: {line}"
            ));
        }
    }
    let (integrity, versions) = info(&dir.join("plan.keel"))
        .map_err(|e| format!("{label}: the plan does not open: {e}"))?;
    if integrity != "ok" {
        return Err(format!("{label}: the plan's integrity is {integrity}"));
    }
    // A commit whose folder could not be synced afterwards is in the file, and says so.
    let kept = !failed || err.contains("but the disk could not confirm it is stored");
    if matches!(w, Write::Edit) && versions != usize::from(kept) {
        return Err(format!(
            "{label}: the plan holds {versions} versions after the edit (failed: {failed})"
        ));
    }
    if let Some(name) = w.output() {
        let path = dir.join(name);
        match reference {
            Some(new) => {
                let now = std::fs::read(&path).ok();
                let old = if name.starts_with("plan.") {
                    Some(OLD.to_vec())
                } else {
                    None
                };
                if now.as_ref() != Some(new) && now != old {
                    return Err(format!(
                        "{label}: {name} is neither its old nor its new content"
                    ));
                }
                if !failed && now.as_ref() != Some(new) {
                    return Err(format!(
                        "{label}: {name} was reported written and is not whole"
                    ));
                }
            }
            None => {
                if path.exists() {
                    let (check, _) = info(&path)
                        .map_err(|e| format!("{label}: {name} exists but does not open: {e}"))?;
                    if check != "ok" {
                        return Err(format!("{label}: {name} is damaged: {check}"));
                    }
                } else if !failed {
                    return Err(format!(
                        "{label}: {name} was reported written and is missing"
                    ));
                }
            }
        }
    }
    let left = temporaries(dir);
    if !left.is_empty() {
        return Err(format!("{label}: temporary files are left: {left:?}"));
    }
    Ok(failed)
}

/// A work folder holding the starting folder, and what each write leaves when nothing fails.
fn start() -> (tempfile::TempDir, PathBuf, Vec<Reference>) {
    let work = tempfile::tempdir().unwrap();
    let template = work.path().join("template");
    std::fs::create_dir_all(&template).unwrap();
    prepare(&template);
    let reference = reference(&template, &work.path().join("reference"));
    (work, template, reference)
}

#[test]
#[ignore = "needs root (tmpfs mounts): run by `make faults`"]
fn full_disks_fail_each_write_with_one_sentence_and_lose_nothing() {
    let (work, template, reference) = start();
    let needed: u64 = std::fs::read_dir(&template)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len().div_ceil(4096) * 4096)
        .sum();
    let (mut runs, mut failures, mut errors) = (0, 0, Vec::new());
    // From a disk the starting files just fit on to one with room for every write.
    for extra_pages in (1..=160).step_by(3) {
        let size = needed + extra_pages * 4096;
        for (w, new) in &reference {
            let at = work.path().join("disk");
            mount_tmpfs(&at, size);
            copy_dir(&template, &at);
            let out = keel(&[], &w.args(&at));
            runs += 1;
            match check(&at, *w, &out, new, &format!("a {size}-byte disk")) {
                Ok(failed) => failures += usize::from(failed),
                Err(e) => errors.push(e),
            }
            unmount(&at);
        }
    }
    println!("full disk: {runs} writes, {failures} refused for want of space");
    assert!(failures > 0, "the smallest disks must make writes fail");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
#[ignore = "needs libfiu (fiu-run): run by `make faults`"]
fn io_errors_fail_each_write_with_one_sentence_and_lose_nothing() {
    let (work, template, reference) = start();
    let faults = injected::settings(20);
    let (mut runs, mut failures, mut errors) = (0, 0, Vec::new());
    for (i, fault) in faults.iter().enumerate() {
        for (w, new) in &reference {
            let at = work.path().join(format!("run-{i}-{w:?}"));
            copy_dir(&template, &at);
            let mut prefix = vec!["fiu-run", "-x", "-f", ""];
            for command in fault {
                prefix.extend(["-c", command.as_str()]);
            }
            let fault = fault.join(" and ");
            let out = keel(&prefix, &w.args(&at));
            runs += 1;
            // A failed removal leaves a temporary file for the next start to remove (it sweeps
            // the plan's folder with this function).
            if fault.contains("unlink") {
                keel_core::store::sweep_temporaries(&at);
            }
            match check(&at, *w, &out, new, &fault) {
                Ok(failed) => failures += usize::from(failed),
                Err(e) => errors.push(e),
            }
            std::fs::remove_dir_all(&at).unwrap();
        }
    }
    println!(
        "I/O errors: {runs} writes under {} fault settings, {failures} refused",
        faults.len()
    );
    assert!(failures > 0, "the faults must make writes fail");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
