//! What goes through the desktop: dialogs, full screen, the file menu, and the capability.

use crate::harness::*;
use serde_json::{json, Value};

#[test]
fn present_mode_asks_the_window_for_full_screen() {
    let h = start(sample);
    let shell = fake_shell(&h);
    invoke(&h, "set_fullscreen", json!({ "on": true })).unwrap();
    invoke(&h, "set_fullscreen", json!({ "on": false })).unwrap();
    let seen = shell.titles.lock().unwrap().clone();
    assert_eq!(seen, ["fullscreen true", "fullscreen false"]);
}

#[test]
fn commands_outside_keels_own_are_refused() {
    let h = start(sample);
    let err = invoke(&h, "plugin:dialog|open", json!({ "options": {} }))
        .expect_err("the dialog plugin is not callable from the page");
    assert!(err.to_string().contains("not allowed"), "{err}");
    let err = invoke(
        &h,
        "plugin:event|emit",
        json!({ "event": "plan-opened", "payload": { "path": "x", "error": null } }),
    )
    .expect_err("the page may listen to Keel's events, never send one");
    assert!(err.to_string().contains("not allowed"), "{err}");
}

#[test]
fn the_page_may_listen_to_the_events_keel_sends() {
    let h = start(sample);
    let id = invoke(
        &h,
        "plugin:event|listen",
        json!({ "event": "plan-opened", "target": { "kind": "Any" }, "handler": 7 }),
    )
    .expect("listening is allowed");
    invoke(
        &h,
        "plugin:event|unlisten",
        json!({ "event": "plan-opened", "eventId": id }),
    )
    .expect("and so is stopping");
}

#[test]
fn export_plan_writes_where_the_save_dialog_says_and_nowhere_when_cancelled() {
    let h = start(sample);
    let shell = fake_shell(&h);
    let out = h.path.with_file_name("exported.pdf");
    *shell.save.lock().unwrap() = Some(out.clone());
    let written = invoke(&h, "export_plan", json!({ "format": "pdf" })).unwrap();
    assert_eq!(written, json!(out.display().to_string()));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    assert_eq!(
        shell.asked.lock().unwrap().as_slice(),
        ["Loomline plan.pdf"],
        "the dialog suggests a name"
    );

    *shell.save.lock().unwrap() = None;
    let cancelled = invoke(&h, "export_plan", json!({ "format": "markdown" })).unwrap();
    assert_eq!(cancelled, Value::Null, "a cancelled dialog writes nothing");
}

#[test]
fn file_commands_create_open_save_as_and_remember_recent_plans() {
    let h = start_with(sample, true);
    let shell = fake_shell(&h);
    let dir = h.path.parent().unwrap().to_path_buf();

    *shell.save.lock().unwrap() = Some(dir.join("Acme Robotics.keel"));
    let created = invoke(&h, "new_plan", json!({})).unwrap();
    assert_eq!(created["plan"]["data"]["company_name"], "Acme Robotics");
    assert_eq!(
        read(&h, "document/features"),
        json!([]),
        "the new plan is open and empty"
    );
    assert!(shell
        .titles
        .lock()
        .unwrap()
        .last()
        .unwrap()
        .starts_with("Acme Robotics · Acme Robotics.keel"));

    *shell.open.lock().unwrap() = Some(h.path.clone());
    let opened = invoke(&h, "open_plan", json!({})).unwrap();
    assert_eq!(opened["plan"]["data"]["company_name"], "Loomline");

    let broken = dir.join("broken.keel");
    std::fs::write(&broken, "not a plan").unwrap();
    *shell.open.lock().unwrap() = Some(broken.clone());
    let err = invoke(&h, "open_plan", json!({})).unwrap_err();
    assert_eq!(err["code"], "not_sqlite");
    assert_eq!(
        read(&h, "view")["plan"]["data"]["company_name"],
        "Loomline",
        "a file that cannot be opened leaves the current plan open"
    );

    // A name a teammate's Windows could not hold is refused with a sentence, and not written.
    *shell.save.lock().unwrap() = Some(dir.join("Loomline: v2.keel"));
    let err = invoke(&h, "save_plan_as", json!({})).unwrap_err();
    assert_eq!(err["code"], "validation");
    assert!(
        err["message"].as_str().unwrap().starts_with(
            "“Loomline: v2.keel” cannot be used as a file name: Windows does not allow “:”"
        ),
        "{err}"
    );
    assert!(!dir.join("Loomline: v2.keel").exists());
    assert_eq!(
        read(&h, "view")["plan"]["data"]["company_name"],
        "Loomline",
        "the open plan stays"
    );

    *shell.save.lock().unwrap() = Some(dir.join("Loomline v2.keel"));
    let copy = invoke(&h, "save_plan_as", json!({})).unwrap();
    assert_eq!(copy["file_name"], "Loomline v2.keel");
    assert_eq!(read(&h, "document/features").as_array().unwrap().len(), 24);

    std::fs::remove_file(dir.join("Acme Robotics.keel")).unwrap();
    let recent = invoke(&h, "recent_plans", json!({})).unwrap();
    let names: Vec<&str> = recent
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Loomline v2.keel", "plan.keel", "Acme Robotics.keel"]
    );
    assert_eq!(
        recent[2]["missing"], true,
        "a deleted plan is marked missing"
    );
    let reopened = invoke(&h, "open_recent", json!({ "index": 1 })).unwrap();
    assert_eq!(reopened["file_name"], "plan.keel");
    let err = invoke(&h, "open_recent", json!({ "index": 2 })).unwrap_err();
    assert_eq!(err["code"], "file_missing");
    let left = invoke(&h, "forget_recent", json!({ "index": 2 })).unwrap();
    assert_eq!(
        left.as_array().unwrap().len(),
        2,
        "the missing plan is gone from the list: {left}"
    );
    assert!(left
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["missing"] == false));
    let err = invoke(&h, "forget_recent", json!({ "index": 5 })).unwrap_err();
    assert_eq!(err["code"], "not_found", "no such entry: nothing changes");
    let again = invoke(&h, "open_recent", json!({ "index": 0 })).unwrap();
    assert_eq!(again["file_name"], "plan.keel");
    assert_eq!(
        again["read_only"],
        Value::Null,
        "reopening the open plan does not lock it against ourselves"
    );

    let sample = invoke(&h, "open_sample", json!({})).unwrap();
    assert_eq!(sample["file_name"], "Sample plan.keel");
}

#[test]
fn the_about_box_shows_the_version_of_cargo_toml() {
    let h = start(sample);
    let info = invoke(&h, "app_info", json!({})).unwrap();
    assert_eq!(info["name"], "Keel");
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn merging_a_teammates_copy_brings_their_changes_into_the_window() {
    let h = start(sample);
    let shell = fake_shell(&h);
    let theirs = h.path.with_file_name("theirs.keel");
    std::fs::copy(&h.path, &theirs).unwrap();
    crate::teammate::adds_feature(&theirs, "Weaver forum", "Dana");

    *shell.open.lock().unwrap() = None;
    let cancelled = invoke(&h, "merge_teammate", json!({})).unwrap();
    assert_eq!(cancelled, Value::Null, "a cancelled dialog merges nothing");

    *shell.open.lock().unwrap() = Some(theirs.clone());
    let merged = invoke(&h, "merge_teammate", json!({})).unwrap();
    assert_eq!(merged["summary"], "Dana: 1 change — Added “Weaver forum”");
    assert_eq!(merged["incoming"]["changes"], 1);
    let features = &merged["edited"]["applied"]["changes"]["features"];
    assert_eq!(
        features[0]["data"]["title"], "Weaver forum",
        "the window patches it in"
    );
    assert!(!merged["edited"]["analysis"]["ranking"]
        .as_array()
        .unwrap()
        .is_empty());
    let titles: Vec<Value> = read(&h, "document/features")
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["data"]["title"].clone())
        .collect();
    assert!(titles.contains(&json!("Weaver forum")));

    let again = invoke(&h, "merge_teammate", json!({})).unwrap();
    assert_eq!(again["incoming"]["changes"], 0);

    let other = h.path.with_file_name("other.keel");
    keel_core::create_empty_plan(&other, "Other", crate::fixed_clock::today()).unwrap();
    *shell.open.lock().unwrap() = Some(other);
    let err = invoke(&h, "merge_teammate", json!({})).unwrap_err();
    assert_eq!(err["code"], "invalid_import");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("is a copy of another plan, not of this one"),
        "{err}"
    );
}

#[test]
fn a_plan_linked_to_a_shared_folder_takes_teammates_changes_and_puts_its_own_there() {
    let h = start_with(sample, true);
    let shell = fake_shell(&h);
    let dir = h.path.parent().unwrap().to_path_buf();
    let shared = dir.join("Shared");
    std::fs::create_dir(&shared).unwrap();
    let theirs = dir.join("theirs").join("theirs.keel");
    std::fs::create_dir(theirs.parent().unwrap()).unwrap();
    std::fs::copy(&h.path, &theirs).unwrap();
    crate::teammate::adds_feature_and_syncs(&theirs, "Weaver forum", "Dana", &shared);

    let before = invoke(&h, "sync_now", json!({})).unwrap();
    assert_eq!(before["folder"], Value::Null, "not linked yet");
    *shell.open.lock().unwrap() = Some(shared.clone());
    let linked = invoke(&h, "link_sync_folder", json!({})).unwrap();
    assert_eq!(linked["folder"], json!(shared.display().to_string()));
    // Dana linked first, after her edit: this copy is older than where the folder starts,
    // and asks for what it lacks; her Keel's next pass puts it there.
    assert_eq!(linked["behind"], true, "{linked}");
    keel_core::PlanFile::open(&theirs)
        .unwrap()
        .sync_folder(&shared, &mut Default::default())
        .unwrap();
    let caught = invoke(&h, "sync_now", json!({})).unwrap();
    assert_eq!(caught["behind"], false, "{caught}");
    assert_eq!(
        caught["merged"]["summary"],
        "Dana: 1 change — Added “Weaver forum”"
    );
    let settings = std::fs::read_to_string(dir.join("data").join("settings.json")).unwrap();
    assert!(settings.contains("sync_folders"), "{settings}");

    let quiet = invoke(&h, "sync_now", json!({})).unwrap();
    assert_eq!(quiet["merged"], Value::Null);
    assert_eq!(quiet["wrote"], false);
    let mut data = read(&h, "view")["plan"]["data"].clone();
    data["tagline"] = json!("Every weaver heard");
    invoke(
        &h,
        "apply",
        json!({ "op": { "op": "update_plan", "data": data } }),
    )
    .unwrap();
    let out = invoke(&h, "sync_now", json!({})).unwrap();
    assert_eq!(out["wrote"], true, "my edit goes to the folder");
    let back = keel_core::PlanFile::open(&theirs)
        .unwrap()
        .sync_folder(&shared, &mut Default::default())
        .unwrap();
    assert_eq!(
        back.merged.unwrap().incoming.by[0].labels,
        vec!["Edited the tagline".to_string()]
    );

    invoke(&h, "unlink_sync_folder", json!({})).unwrap();
    assert_eq!(
        invoke(&h, "sync_now", json!({})).unwrap()["folder"],
        Value::Null
    );
}

#[test]
fn a_sealed_folder_waits_for_the_passphrase_and_an_open_one_is_sealed_through_the_commands() {
    let h = start_with(sample, true);
    let shell = fake_shell(&h);
    let dir = h.path.parent().unwrap().to_path_buf();
    let shared = dir.join("Shared");
    std::fs::create_dir(&shared).unwrap();
    *shell.open.lock().unwrap() = Some(shared.clone());
    let linked = invoke(&h, "link_sync_folder", json!({})).unwrap();
    assert_eq!(linked["sealed"], false, "{linked}");
    let short = invoke(&h, "seal_sync_folder", json!({ "passphrase": "short" })).unwrap_err();
    assert_eq!(short["code"], "validation", "{short}");
    let sealed = invoke(
        &h,
        "seal_sync_folder",
        json!({ "passphrase": "the team's passphrase" }),
    )
    .unwrap();
    assert_eq!(sealed["sealed"], true, "{sealed}");
    assert_eq!(sealed["locked"], false, "{sealed}");
}

#[test]
fn a_folder_a_teammate_sealed_is_locked_until_the_right_passphrase() {
    let h = start_with(sample, true);
    let shell = fake_shell(&h);
    let dir = h.path.parent().unwrap().to_path_buf();
    let shared = dir.join("Shared");
    std::fs::create_dir(&shared).unwrap();
    let theirs = dir.join("theirs").join("theirs.keel");
    std::fs::create_dir(theirs.parent().unwrap()).unwrap();
    std::fs::copy(&h.path, &theirs).unwrap();
    crate::teammate::seals_and_adds_feature(
        &theirs,
        &shared,
        "the team's passphrase",
        "Weaver forum",
        "Dana",
    );
    *shell.open.lock().unwrap() = Some(shared.clone());
    let linked = invoke(&h, "link_sync_folder", json!({})).unwrap();
    assert_eq!(linked["locked"], true, "{linked}");
    assert_eq!(linked["merged"], Value::Null);
    let polled = invoke(&h, "sync_now", json!({})).unwrap();
    assert_eq!(polled["locked"], true, "nothing moves while locked");
    let wrong = invoke(&h, "unlock_sync_folder", json!({ "passphrase": "a guess" })).unwrap_err();
    assert_eq!(wrong["code"], "sealed", "{wrong}");
    assert!(
        wrong["message"]
            .as_str()
            .unwrap()
            .starts_with("That passphrase does not open this sync folder"),
        "{wrong}"
    );
    let opened = invoke(
        &h,
        "unlock_sync_folder",
        json!({ "passphrase": "the team's passphrase" }),
    )
    .unwrap();
    assert_eq!(opened["locked"], false, "{opened}");
    assert_eq!(
        opened["merged"]["summary"],
        "Dana: 1 change — Added “Weaver forum”"
    );
}
