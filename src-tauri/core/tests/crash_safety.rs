//! A plan survives `kill -9` at any moment: a child process commits edits in a loop and reports
//! each one; the parent kills it at random moments, 200 times, then checks that the file is
//! intact and holds every edit that was reported committed.

mod common;

use common::empty_plan;
use keel_core::domain::{ActualData, FeatureData, RiskClass};
use keel_core::PlanFile;
use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Kills per run of `make test`; `make torture` sets `KEEL_CRASH_KILLS` (10,000).
const KILLS: usize = 200;
/// Kills per plan file: a longer run starts a new plan after each round, so that checking the
/// plan after each kill stays as quick as in `make test`.
const ROUND: usize = 200;

fn kills() -> usize {
    std::env::var("KEEL_CRASH_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(KILLS)
}

/// Helper process: edits the plan in a loop, printing each edit's title once committed.
#[test]
#[ignore = "run only as a child process by edits_reported_committed_survive_sigkill"]
fn child_edits_until_killed() {
    let path = std::env::var("KEEL_TEST_PLAN").expect("the parent names the plan");
    let run = std::env::var("KEEL_TEST_RUN").expect("the parent numbers the run");
    let mut file = PlanFile::open(Path::new(&path)).unwrap();
    assert_eq!(
        file.read_only(),
        None,
        "the previous child's lock must be gone"
    );
    let mut out = std::io::stdout().lock();
    // The first edit reads the plan's history; the parent kills only after the first edit
    // reported committed, so that the kills fall among edits.
    let warm_up = file
        .create_feature(FeatureData::new(
            &format!("run {run} warm-up"),
            RiskClass::Business,
        ))
        .unwrap();
    file.delete_feature(&warm_up.id).unwrap();
    for i in 0.. {
        let title = format!("run {run} edit {i}");
        let mut data = FeatureData::new(&title, RiskClass::Business);
        data.description = "x".repeat(i % 7 * 500);
        file.create_feature(data).unwrap();
        if i % 5 == 0 && i / 5 < 200 {
            file.insert(ActualData {
                // Each run of a round dates its actuals in its own span of 200 days, so that
                // no two runs share a date; a new round starts a new plan. Every date is long
                // past (1900 to 2010), whatever day the test runs on: an actual of the future
                // is refused.
                date: chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap()
                    + chrono::Duration::days(
                        (run.parse::<i64>().unwrap() % ROUND as i64) * 200 + (i / 5) as i64,
                    ),
                value: i as f64,
            })
            .unwrap();
        }
        writeln!(out, "COMMITTED {title}").unwrap();
        out.flush().unwrap();
    }
}

/// A small xorshift generator; the seed is printed so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[cfg(unix)]
#[test]
fn edits_reported_committed_survive_sigkill() {
    let seed = std::env::var("KEEL_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    println!("crash test seed: {seed} (set KEEL_CRASH_SEED to replay)");
    let mut rng = Rng(seed);
    let mut committed: HashSet<String> = HashSet::new();
    let mut killed_mid_run = 0;

    let kills = kills();
    let mut round_dir = None;
    let mut path = std::path::PathBuf::new();
    for run in 0..kills {
        if run % ROUND == 0 {
            let dir = tempfile::tempdir().unwrap();
            let (file, fresh) = empty_plan(dir.path());
            drop(file);
            path = fresh;
            round_dir = Some(dir);
            committed.clear();
        }
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--ignored",
                "--exact",
                "child_edits_until_killed",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("KEEL_TEST_PLAN", &path)
            .env("KEEL_TEST_RUN", run.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        // The kill falls at a random moment after the child's first committed edit, among
        // edits, however fast this machine writes.
        while !line.starts_with("COMMITTED ") {
            line.clear();
            let read = out.read_line(&mut line).unwrap();
            assert!(
                read > 0,
                "run {run}: the child must report that it opened the plan and committed an edit"
            );
        }
        committed.insert(line.trim_end()["COMMITTED ".len()..].to_string());
        std::thread::sleep(Duration::from_micros(rng.next() % 40_000));
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        if status.code().is_none() {
            killed_mid_run += 1;
        }
        for line in out.lines() {
            let line = line.unwrap();
            if let Some(title) = line.strip_prefix("COMMITTED ") {
                committed.insert(title.to_string());
            }
        }

        let file = PlanFile::open(&path)
            .unwrap_or_else(|e| panic!("run {run}: the plan must open after kill -9: {e}"));
        assert_eq!(file.read_only(), None);
        assert_eq!(
            file.integrity_check().unwrap(),
            "ok",
            "run {run}: integrity_check after kill -9"
        );
        let present: HashSet<String> = file
            .features()
            .unwrap()
            .into_iter()
            .map(|f| f.data.title)
            .collect();
        let lost: Vec<_> = committed.difference(&present).collect();
        assert!(
            lost.is_empty(),
            "run {run}: edits reported committed were lost: {lost:?}"
        );
        let mut tables = file.document().unwrap();
        let mut history = file.history_document().unwrap();
        tables.plan.updated_at.clear();
        history.plan.updated_at.clear();
        assert!(
            tables == history,
            "run {run}: the tables show what the history holds"
        );
        let positions: Vec<u32> = file
            .features()
            .unwrap()
            .iter()
            .map(|f| f.position)
            .collect();
        assert_eq!(
            positions,
            (1..=positions.len() as u32).collect::<Vec<_>>(),
            "run {run}: the manual order must stay dense"
        );
    }
    drop(round_dir);
    println!(
        "kills: {killed_mid_run}; edits reported committed in the last round: {}",
        committed.len()
    );
    assert_eq!(
        killed_mid_run, kills,
        "every child must have died by SIGKILL, not exited"
    );
    assert!(
        committed.len() >= kills.min(ROUND),
        "every child of the last round committed an edit before its kill ({} in all)",
        committed.len()
    );
}
