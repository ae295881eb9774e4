//! Power loss at every moment of Keel's writes. Each scenario (a run of edits, save as, every
//! export, import, merge, the recent-plans list, the settings, the migration of a format-1 plan)
//! runs in a child process on `powerfs.py`, a file system that keeps what was not synced in
//! memory; told to lose power after operation k, it leaves its disk folder as only the synced
//! state would. For every k (and both orderings of folder changes: at once, or only once their
//! folder is synced), the driver then checks what a founder's next start finds: the plan passes
//! `PRAGMA integrity_check`, every edit reported committed is there, every output file is its
//! old content or its whole new content, and no temporary file is left.
//!
//! Needs root (FUSE), fusermount3 and Python's mfusepy: `make power-loss` installs them and runs
//! it; `make torture` runs 1,000 crashes at random operations (`KEEL_POWER_RANDOM=N`,
//! `KEEL_POWER_SEED`). `KEEL_POWER_SCENARIOS=Edits,Merge` picks scenarios.

#[path = "../fixed_clock/mod.rs"]
mod fixed_clock;
#[path = "../folders/mod.rs"]
mod folders;
mod scenarios;

use folders::{copy_dir, files, temporaries};

use scenarios::{Scenario, DATA, PLAN};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const POWERFS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/power_loss/powerfs.py");

/// Runs one scenario in the folder `KEEL_POWER_DIR`, printing each write that succeeded.
#[test]
#[ignore = "run only as a child process by the power-loss driver"]
fn scenario_child() {
    let scenario = std::env::var("KEEL_POWER_SCENARIO").expect("the driver names the scenario");
    let dir = PathBuf::from(std::env::var("KEEL_POWER_DIR").expect("the driver names the folder"));
    let scenario = Scenario::from_name(&scenario).expect("a known scenario");
    scenario.run(&dir, &mut |line| println!("{line}"));
}

/// A mounted power-loss file system.
struct Mount {
    fs: Child,
    point: PathBuf,
}

impl Mount {
    fn new(
        disk: &Path,
        point: &Path,
        crash_after: Option<u64>,
        strict: bool,
        stats: &Path,
    ) -> Mount {
        let mut command = Command::new("python3");
        command
            .arg(POWERFS)
            .arg(disk)
            .arg(point)
            .arg("--stats")
            .arg(stats);
        if let Some(k) = crash_after {
            command.arg("--crash-after").arg(k.to_string());
        }
        if strict {
            command.arg("--strict");
        }
        let fs = command
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs powerfs.py");
        let mut mount = Mount {
            fs,
            point: point.to_path_buf(),
        };
        let start = Instant::now();
        while !mounted(point) {
            if let Ok(Some(status)) = mount.fs.try_wait() {
                panic!("powerfs.py exited before mounting ({status}): are FUSE and mfusepy there?");
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "powerfs.py did not mount"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        mount
    }

    fn unmount(mut self) {
        let status = Command::new("fusermount3")
            .arg("-u")
            .arg(&self.point)
            .status()
            .expect("fusermount3 runs");
        assert!(status.success(), "the power-loss file system unmounts");
        let status = self.fs.wait().expect("powerfs.py exits");
        assert!(status.success(), "powerfs.py ends cleanly");
    }
}

fn mounted(point: &Path) -> bool {
    let point = std::fs::canonicalize(point).unwrap_or_else(|_| point.to_path_buf());
    std::fs::read_to_string("/proc/self/mounts")
        .unwrap_or_default()
        .lines()
        .any(|l| l.split(' ').nth(1) == Some(point.to_str().unwrap_or("")))
}

/// Runs the scenario in the mount, returning the lines of the writes it reported.
fn run_child(scenario: Scenario, dir: &Path) -> Vec<String> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "scenario_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("KEEL_POWER_SCENARIO", scenario.name())
        .env("KEEL_POWER_DIR", dir)
        .env(fixed_clock::VAR, fixed_clock::AT)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = BufReader::new(child.stdout.take().unwrap());
    let lines: Vec<String> = out
        .lines()
        .map_while(|l| l.ok())
        .filter(|l| l.starts_with("COMMITTED ") || l.starts_with("DONE "))
        .collect();
    child.wait().unwrap();
    lines
}

/// One scenario, prepared once: its starting folder and what a run without a crash leaves.
struct Prepared {
    scenario: Scenario,
    template: PathBuf,
    features: usize,
}

struct Work {
    root: tempfile::TempDir,
    runs: usize,
}

impl Work {
    fn new() -> Work {
        Work {
            root: tempfile::tempdir().unwrap(),
            runs: 0,
        }
    }

    fn prepare(&self, scenario: Scenario) -> Prepared {
        let template = self
            .root
            .path()
            .join(format!("template-{}", scenario.name()));
        scenario.prepare(&template);
        // The features a whole new plan (a copy, an import, the migrated plan) must hold.
        let scratch = self.root.path().join("scratch.keel");
        std::fs::copy(template.join(PLAN), &scratch).unwrap();
        let features = keel_core::PlanFile::open(&scratch)
            .unwrap()
            .features()
            .unwrap()
            .len();
        std::fs::remove_file(&scratch).unwrap();
        Prepared {
            scenario,
            template,
            features,
        }
    }

    /// Runs the scenario once on the file system, crashing after operation `crash_after`;
    /// returns the operations it counted, the reported lines and the disk folder.
    fn run(
        &mut self,
        p: &Prepared,
        crash_after: Option<u64>,
        strict: bool,
    ) -> (u64, Vec<String>, PathBuf) {
        self.runs += 1;
        let base = self.root.path().join(format!("run-{}", self.runs));
        let disk = base.join("disk");
        let point = base.join("mnt");
        copy_dir(&p.template, &disk);
        std::fs::create_dir_all(&point).unwrap();
        let stats = base.join("stats");
        let mount = Mount::new(&disk, &point, crash_after, strict, &stats);
        let reported = run_child(p.scenario, &point);
        mount.unmount();
        let ops = std::fs::read_to_string(&stats)
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        (ops, reported, disk)
    }

    /// What the founder's next start finds after the run left `disk`.
    fn check(
        &self,
        p: &Prepared,
        disk: &Path,
        reported: &[String],
        reference: &BTreeMap<PathBuf, Vec<u8>>,
    ) -> Result<(), String> {
        let ran_in = disk.parent().unwrap().join("mnt");
        p.scenario.check_files(disk, &ran_in, reported, reference)?;
        // The next start: the app opens the plan (sweeping what a write left beside it) and
        // reads its data folder.
        let file = keel::session::open_at_start(&disk.join(DATA), Some(&disk.join(PLAN)))
            .map_err(|e| format!("the plan does not open: {e}"))?;
        if let Some(reason) = file.read_only() {
            return Err(format!("the plan opens read-only: {reason}"));
        }
        let check = file.integrity_check().map_err(|e| e.to_string())?;
        if check != "ok" {
            return Err(format!("integrity_check: {check}"));
        }
        p.scenario.check_plans(disk, &file, reported, p.features)?;
        drop(file);
        let left = temporaries(disk);
        if !left.is_empty() {
            return Err(format!("temporary files are left: {left:?}"));
        }
        Ok(())
    }
}

/// A small xorshift generator; the seed is printed so a run can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
#[ignore = "needs root and FUSE: run by `make power-loss` and `make torture`"]
fn power_loss_at_every_operation() {
    fixed_clock::fix();
    let chosen: Vec<Scenario> = match std::env::var("KEEL_POWER_SCENARIOS") {
        Ok(names) => names
            .split(',')
            .map(|n| Scenario::from_name(n).unwrap_or_else(|| panic!("no scenario {n}")))
            .collect(),
        Err(_) => scenarios::ALL.to_vec(),
    };
    let random: Option<u64> = std::env::var("KEEL_POWER_RANDOM")
        .ok()
        .and_then(|n| n.parse().ok());
    let seed = std::env::var("KEEL_POWER_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_u64);
    let mut rng = Rng(seed | 1);
    let mut work = Work::new();
    let mut failures = Vec::new();
    let mut plans = Vec::new();
    let mut prepared = Vec::new();
    for scenario in chosen {
        let p = work.prepare(scenario);
        for strict in [false, true] {
            let (ops, reported, disk) = work.run(&p, None, strict);
            let reference = files(&disk);
            if let Err(e) = work.check(&p, &disk, &reported, &reference) {
                failures.push(format!("{} without a crash: {e}", scenario.name()));
            }
            std::fs::remove_dir_all(disk.parent().unwrap()).unwrap();
            plans.push((prepared.len(), strict, ops, reference));
        }
        prepared.push(p);
    }
    let points: Vec<(usize, u64)> = match random {
        None => plans
            .iter()
            .enumerate()
            .flat_map(|(i, (_, _, ops, _))| (1..=*ops).map(move |k| (i, k)))
            .collect(),
        Some(n) => {
            println!("power-loss seed: {seed} (set KEEL_POWER_SEED to replay)");
            (0..n)
                .map(|_| {
                    let i = (rng.next() % plans.len() as u64) as usize;
                    (i, 1 + rng.next() % plans[i].2)
                })
                .collect()
        }
    };
    let mut tried: BTreeMap<String, u64> = BTreeMap::new();
    for (i, k) in &points {
        let (at, strict, _, reference) = &plans[*i];
        let p = &prepared[*at];
        let scenario = p.scenario;
        let label = format!(
            "{}{}",
            scenario.name(),
            if *strict { " (strict)" } else { "" }
        );
        *tried.entry(label.clone()).or_default() += 1;
        let (_, reported, disk) = work.run(p, Some(*k), *strict);
        if let Err(e) = work.check(p, &disk, &reported, reference) {
            failures.push(format!("{label}, power lost after operation {k}: {e}"));
        }
        std::fs::remove_dir_all(disk.parent().unwrap()).unwrap();
    }
    for (at, strict, ops, _) in &plans {
        println!(
            "{}{}: {ops} operations",
            prepared[*at].scenario.name(),
            if *strict { " (strict)" } else { "" }
        );
    }
    for (label, n) in &tried {
        println!("{label}: {n} crash points tried");
    }
    println!(
        "crash points tried: {}; failures: {}",
        points.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "power loss broke a promise:\n{}",
        failures.join("\n")
    );
}
