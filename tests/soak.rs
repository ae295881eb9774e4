//! Endurance in the real window: scripted edits for an hour (`KEEL_SOAK_MINUTES`, default 60)
//! — renaming a feature, undo and redo, moving through every section, a round every two
//! seconds — while the memory of the
//! app and of its WebKit processes is recorded every minute. After the warm-up
//! (`KEEL_SOAK_WARMUP`, default 5 minutes) the total may grow by less than 10 % (the median of
//! the last five minutes against that of the five after the warm-up). Not part of
//! `make test`: `make soak` (and `make torture`) runs it under Xvfb and writes the samples to
//! target/tmp/soak.csv.

#[path = "fixed_clock/mod.rs"]
mod fixed_clock;
mod support;

use serde_json::json;
use std::collections::HashMap;
use std::time::{Duration, Instant};
use support::App;

fn minutes(var: &str, default: u64) -> u64 {
    std::env::var(var)
        .ok()
        .map(|v| {
            v.parse()
                .unwrap_or_else(|_| panic!("{var} is a number of minutes"))
        })
        .unwrap_or(default)
}

/// Resident memory in kB of the app's processes below `root`: the app itself and WebKit's
/// web and network processes (not the WebDriver that drives them).
fn memory_below(root: u32) -> (u64, u64) {
    let mut parent = HashMap::new();
    let mut name = HashMap::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // pid (comm) state ppid …; comm may hold spaces and parentheses.
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let ppid = stat[close + 2..]
            .split(' ')
            .nth(1)
            .and_then(|p| p.parse::<u32>().ok());
        if let Some(ppid) = ppid {
            parent.insert(pid, ppid);
            name.insert(pid, stat[open + 1..close].to_string());
        }
    }
    let below = |mut pid: u32| loop {
        match parent.get(&pid) {
            Some(&p) if p == root => return true,
            Some(&p) if p > 1 => pid = p,
            _ => return false,
        }
    };
    let (mut app, mut webkit) = (0, 0);
    for (&pid, comm) in &name {
        if !below(pid) || comm == "WebKitWebDriver" {
            continue;
        }
        let rss = std::fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("VmRSS:"))
                    .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<u64>().ok())
            })
            .unwrap_or(0);
        if comm == "keel" {
            app += rss;
        } else if comm.starts_with("WebKit") {
            webkit += rss;
        }
    }
    (app, webkit)
}

/// The script's pace: a round every two seconds, about the pace of the first soaks.
const ROUND_MS: u64 = 2_000;

/// What the in-page script has done: rounds finished, and its first failure.
async fn progress(app: &App) -> (u64, Option<String>) {
    let state = app
        .client
        .execute("return window.keelSoak;", vec![])
        .await
        .unwrap();
    (
        state["rounds"].as_u64().unwrap_or(0),
        state["error"].as_str().map(str::to_string),
    )
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "an hour long: make soak"]
async fn memory_stays_flat_through_an_hour_of_edits() {
    let total_minutes = minutes("KEEL_SOAK_MINUTES", 60);
    let warmup = minutes("KEEL_SOAK_WARMUP", 5);
    assert!(warmup < total_minutes, "the soak must outlast its warm-up");
    let app = App::launch_as_shipped(&[]).await;
    app.wait_text(".company", |t| !t.is_empty()).await;
    let root = app.driver_pid();
    // The rounds run inside the page (tests/soak/rounds.js), and the test only reads their
    // progress once a minute: WebKit's automation keeps every element it hands out, and the
    // objects of every script it runs, alive for the whole session, which over an hour looks
    // like a leak of the app's (the first soaks, driven step by step through WebDriver, grew
    // 25 % and then 38 % that way).
    app.client
        .execute(
            include_str!("soak/rounds.js"),
            vec![json!(ROUND_MS), json!(std::env::var("KEEL_SOAK_ONLY").ok())],
        )
        .await
        .unwrap();
    let start = Instant::now();
    let mut samples: Vec<(u64, u64, u64, u64, u64)> = Vec::new();
    let mut rounds = 0;
    for minute in 0..=total_minutes {
        let due = Duration::from_secs(minute * 60);
        tokio::time::sleep(due.saturating_sub(start.elapsed())).await;
        let (keel, webkit) = memory_below(root);
        assert!(keel > 0, "the app's process was found below the driver");
        let (done, error) = progress(&app).await;
        if let Some(error) = error {
            panic!("minute {minute}: the soak's script stopped after {done} rounds: {error}");
        }
        assert!(
            minute == 0 || done > rounds,
            "minute {minute}: no round finished in the last minute ({done} in all)"
        );
        rounds = done;
        // The page's element count tells a growing page from a growing engine.
        let nodes = app
            .client
            .execute("return document.getElementsByTagName('*').length;", vec![])
            .await
            .unwrap()
            .as_u64()
            .unwrap_or(0);
        println!(
            "minute {minute}: app {} MB, WebKit {} MB, total {} MB after {rounds} rounds; \
             {nodes} elements in the page",
            keel / 1024,
            webkit / 1024,
            (keel + webkit) / 1024
        );
        samples.push((minute, keel, webkit, rounds, nodes));
    }
    app.client
        .execute("window.keelSoak.stop = true; return true;", vec![])
        .await
        .unwrap();
    app.quit().await;

    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    std::fs::create_dir_all(dir).unwrap();
    let mut csv = String::from("minute,app_kb,webkit_kb,total_kb,rounds,elements\n");
    for (m, k, w, r, n) in &samples {
        csv.push_str(&format!("{m},{k},{w},{},{r},{n}\n", k + w));
    }
    std::fs::write(dir.join("soak.csv"), csv).unwrap();

    // WebKit's collector moves the figure by tens of megabytes from one minute to the next:
    // the median of five minutes is compared, just after the warm-up and at the end.
    let median = |window: &[(u64, u64, u64, u64, u64)]| {
        let mut totals: Vec<f64> = window.iter().map(|s| (s.1 + s.2) as f64).collect();
        totals.sort_by(f64::total_cmp);
        totals[totals.len() / 2]
    };
    let span = 5.min(samples.len() - warmup as usize);
    let base = median(&samples[warmup as usize..warmup as usize + span]);
    let last = median(&samples[samples.len() - span..]);
    let growth = (last - base) / base * 100.0;
    println!(
        "soak: {rounds} rounds ({} edits) in {total_minutes} minutes; memory {:.0} MB after the \
         warm-up, {:.0} MB at the end (medians of {span} minutes): {growth:+.1} %",
        rounds * 3,
        base / 1024.0,
        last / 1024.0
    );
    assert!(
        growth < 10.0,
        "memory grew {growth:.1} % after the warm-up (from {base} kB to {last} kB)"
    );
}
