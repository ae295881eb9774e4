//! Endurance in the real window: scripted edits for an hour (`KEEL_SOAK_MINUTES`, default 60)
//! — renaming a feature, undo and redo, moving through every section — while the memory of the
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

const FIRST: &str = "table[aria-label=Features] tbody tr:first-child";
const SECTIONS: [&str; 9] = [
    "overview", "vision", "traction", "roadmap", "teams", "history", "check", "export", "features",
];

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

/// Runs `action` (JavaScript on `e`) on the element at `css` from inside the page, once it is
/// there (up to 20 s).
///
/// The soak finds no element through WebDriver: WebKit's automation keeps every element it
/// hands out alive for the whole session, and with it each section's detached page, which over
/// an hour looks like a leak of the app's (the first soak grew 25 % that way).
async fn in_page(app: &App, css: &str, action: &str) {
    let script = format!(
        "const e = document.querySelector(arguments[0]); if (e) {{ {action} }} return !!e;"
    );
    for _ in 0..200 {
        let found = app.client.execute(&script, vec![json!(css)]).await.unwrap();
        if found == json!(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} never appeared");
}

async fn click(app: &App, css: &str) {
    in_page(app, css, "e.click();").await;
}

/// Selects the text of the input at `css`, then types `text` and Enter on the keyboard.
async fn retype(app: &App, css: &str, text: &str) {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    in_page(app, css, "e.focus(); e.select();").await;
    let mut keys = KeyActions::new("keyboard".into());
    for ch in text.chars().chain(['\u{E007}']) {
        keys = keys
            .then(KeyAction::Down { value: ch })
            .then(KeyAction::Up { value: ch });
    }
    app.client.perform_actions(keys).await.unwrap();
    app.client.release_actions().await.unwrap();
}

/// One round of the script: a rename saved, undone and redone, then every section in turn.
async fn round(app: &App, n: u64) {
    click(app, "nav button[data-section=features]").await;
    click(app, &format!("{FIRST} .open")).await;
    let title = format!("Interview weavers, round {n}");
    retype(app, "aside.panel input[type=text]", &title).await;
    app.wait_text(&format!("{FIRST} .title"), |t| t == title)
        .await;
    // Out of the field, so that Ctrl+Z is the app's undo rather than the field's.
    app.client
        .execute("document.activeElement?.blur(); return true;", vec![])
        .await
        .unwrap();
    app.shortcut("z", false).await;
    app.wait_text(&format!("{FIRST} .title"), |t| t != title)
        .await;
    app.shortcut("z", true).await;
    app.wait_text(&format!("{FIRST} .title"), |t| t == title)
        .await;
    for section in SECTIONS {
        click(app, &format!("nav button[data-section={section}]")).await;
        app.wait_text(
            &format!("nav button[data-section={section}][aria-current=page]"),
            |_| true,
        )
        .await;
    }
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
    let start = Instant::now();
    let mut samples: Vec<(u64, u64, u64, u64, u64)> = Vec::new();
    let mut rounds = 0;
    let mut next_sample = 0;
    while next_sample <= total_minutes {
        if start.elapsed() >= Duration::from_secs(next_sample * 60) {
            let (keel, webkit) = memory_below(root);
            assert!(keel > 0, "the app's process was found below the driver");
            // The page's element count tells a growing page from a growing engine.
            let nodes = app
                .client
                .execute("return document.getElementsByTagName('*').length;", vec![])
                .await
                .unwrap()
                .as_u64()
                .unwrap_or(0);
            println!(
                "minute {next_sample}: app {} MB, WebKit {} MB, total {} MB after {rounds} rounds; \
                 {nodes} elements in the page",
                keel / 1024,
                webkit / 1024,
                (keel + webkit) / 1024
            );
            samples.push((next_sample, keel, webkit, rounds, nodes));
            next_sample += 1;
            if next_sample > total_minutes {
                break;
            }
        }
        rounds += 1;
        round(&app, rounds).await;
    }
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
