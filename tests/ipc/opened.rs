//! Plans the system opens in the running app: a second launch's arguments (what the
//! single-instance plugin hands over on Linux and Windows) and Finder's "open files" event
//! (macOS). The plan opens, the window is told, and a plan that cannot open leaves the open one.

use crate::harness::*;
use keel::opened;
use serde_json::Value;
use std::path::Path;
use std::sync::{Arc, Mutex};
use tauri::{Listener, Manager};

/// Every `plan-opened` event the window is sent, as it receives them.
fn news(h: &Harness) -> Arc<Mutex<Vec<Value>>> {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let into = seen.clone();
    h._app.listen_any("plan-opened", move |event| {
        into.lock()
            .unwrap()
            .push(serde_json::from_str(event.payload()).unwrap());
    });
    seen
}

fn open_path(h: &Harness) -> String {
    read(h, "view/path").as_str().unwrap().to_string()
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|a| a.to_string()).collect()
}

#[test]
fn a_second_launch_naming_a_plan_opens_it_relative_to_its_own_folder() {
    let h = start_with(sample, true);
    let seen = news(&h);
    let other_dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(other_dir.path().join("plans")).unwrap();
    let other = other_dir.path().join("plans/other.keel");
    keel_core::create_named_plan(&other, Some("Other Co"), crate::fixed_clock::today()).unwrap();

    opened::second_launch(
        h._app.handle(),
        &args(&["/usr/bin/keel", "plans/other.keel"]),
        other_dir.path(),
    );

    assert_eq!(Path::new(&open_path(&h)), other);
    assert_eq!(read(&h, "view/plan/data/company_name"), "Other Co");
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(Path::new(seen[0]["path"].as_str().unwrap()), other);
    assert!(seen[0]["error"].is_null(), "{seen:?}");
}

#[test]
fn a_second_launch_naming_a_broken_file_leaves_the_open_plan_and_says_why() {
    let h = start_with(sample, true);
    let seen = news(&h);
    let before = open_path(&h);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.keel"), "not a plan").unwrap();

    opened::second_launch(h._app.handle(), &args(&["keel", "notes.keel"]), dir.path());

    assert_eq!(open_path(&h), before, "the plan that was open stays open");
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(seen[0]["error"]["code"], "not_sqlite");
    let message = seen[0]["error"]["message"].as_str().unwrap();
    assert!(message.contains("is not a Keel plan"), "{message}");
    assert_eq!(
        std::fs::read(dir.path().join("notes.keel")).unwrap(),
        b"not a plan",
        "the file is left alone"
    );
}

#[test]
fn a_second_launch_without_a_plan_changes_nothing() {
    let h = start_with(sample, true);
    let seen = news(&h);
    let before = open_path(&h);
    let dir = tempfile::tempdir().unwrap();
    for argv in [
        args(&["keel"]),
        // A command-line action never starts the app; it names no plan to open.
        args(&["keel", "info", "other.keel"]),
        args(&["keel", "--no-such-flag"]),
    ] {
        assert_eq!(
            opened::plan_in_arguments(&argv, dir.path()),
            None,
            "{argv:?}"
        );
        opened::second_launch(h._app.handle(), &argv, dir.path());
    }
    assert_eq!(open_path(&h), before);
    assert!(seen.lock().unwrap().is_empty());
}

#[test]
fn plans_opened_from_finder_arrive_as_file_urls_and_the_last_stays_open() {
    let h = start_with(sample, true);
    let seen = news(&h);
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("First plan.keel");
    let second = dir.path().join("Second plan.keel");
    for (path, name) in [(&first, "First"), (&second, "Second")] {
        keel_core::create_named_plan(path, Some(name), crate::fixed_clock::today()).unwrap();
    }
    let urls: Vec<tauri::Url> = [&first, &second]
        .iter()
        .map(|p| tauri::Url::from_file_path(p).unwrap())
        .collect();
    assert!(
        urls[0].as_str().contains("First%20plan.keel"),
        "{}",
        urls[0]
    );

    opened::open_urls(h._app.handle(), &urls);

    assert_eq!(Path::new(&open_path(&h)), second);
    let seen = seen.lock().unwrap();
    let paths: Vec<&str> = seen.iter().map(|n| n["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        [first.display().to_string(), second.display().to_string()]
    );
    // Both are remembered as recent plans, the last one first.
    let recent = keel::session::recent(&h._app.state::<keel::AppState>().data_dir().unwrap());
    assert_eq!(recent[..2], [second.clone(), first.clone()]);
}

#[test]
fn a_url_that_is_not_a_file_is_refused_with_a_sentence() {
    let h = start_with(sample, true);
    let seen = news(&h);
    let before = open_path(&h);
    let url: tauri::Url = "https://example.com/plan.keel".parse().unwrap();

    opened::open_urls(h._app.handle(), &[url]);

    assert_eq!(open_path(&h), before);
    let seen = seen.lock().unwrap();
    assert_eq!(seen[0]["error"]["code"], "file_missing");
    assert_eq!(
        seen[0]["error"]["message"],
        "Keel opens plan files on this computer; https://example.com/plan.keel is not one."
    );
}
