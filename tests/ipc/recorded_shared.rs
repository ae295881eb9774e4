//! The real core's answers to the UI's scripts with teammates: a teammate's copy merged (with
//! what two founders did at the same time), a shared folder synced, sealed and unlocked.

use crate::harness::fake_shell;
use crate::recorder::{apply_to, features_of, small, Session};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// Dana's copy of the plan, beside it.
fn theirs(path: &Path) -> PathBuf {
    path.with_file_name("theirs.keel")
}

#[test]
fn the_core_answers_a_teammates_copy_a_cancelled_dialog_and_another_plan() {
    let mut s = Session::new(|p| {
        small(p);
        std::fs::copy(p, theirs(p)).unwrap();
        crate::teammate::adds_feature(&theirs(p), "Weaver forum", "Dana");
    });
    let shell = fake_shell(&s.h);
    s.open();
    // The start reads the conflicts alone.
    s.ok("conflicts", json!({}));
    assert_eq!(s.ok("merge_teammate", json!({})), Value::Null, "cancelled");
    *shell.open.lock().unwrap() = Some(theirs(&s.h.path));
    let merged = s.ok("merge_teammate", json!({}));
    assert_eq!(merged["incoming"]["changes"], 1);
    let other = s.folder().join("other.keel");
    keel_core::create_empty_plan(&other, "Other", crate::fixed_clock::today()).unwrap();
    *shell.open.lock().unwrap() = Some(other);
    s.refused("merge_teammate", json!({}));
    s.write("teammate");
}

#[test]
fn the_core_answers_what_two_founders_did_at_the_same_time() {
    // From the same plan, Dana put the first feature on Next and deleted the second while Ali
    // put the first on Now and renamed the second.
    let mut s = Session::as_author(
        |p| {
            small(p);
            let copy = theirs(p);
            std::fs::copy(p, &copy).unwrap();
            let features = features_of(p);
            let (first, second) = (&features[0], &features[1]);
            let moved = |horizon: &str| json!({ "op": "move_feature", "id": first["id"], "horizon": horizon, "position": 1 });
            // Dana's tagline first: her move comes later in the history's order than Ali's,
            // whatever the two copies' random peer ids, so the history keeps hers.
            let mut plan = crate::harness::as_sent(
                &keel_core::PlanFile::open(&copy)
                    .unwrap()
                    .plan()
                    .unwrap()
                    .data,
            );
            plan["tagline"] = json!("Every weaver heard");
            apply_to(&copy, json!({ "op": "update_plan", "data": plan }), "Dana");
            apply_to(&copy, moved("next"), "Dana");
            apply_to(
                &copy,
                json!({ "op": "delete_feature", "id": second["id"] }),
                "Dana",
            );
            apply_to(p, moved("now"), "Ali");
            let mut data = second["data"].clone();
            data["title"] = json!("Concierge onboarding for mills");
            apply_to(
                p,
                json!({ "op": "update_feature", "id": second["id"], "data": data }),
                "Ali",
            );
        },
        "Ali",
    );
    let shell = fake_shell(&s.h);
    s.open();
    *shell.open.lock().unwrap() = Some(theirs(&s.h.path));
    let merged = s.ok("merge_teammate", json!({}));
    let conflicts = merged["conflicts"].as_array().unwrap().clone();
    assert_eq!(conflicts.len(), 2, "{merged}");
    // The History shows them, with the deleted features, its edits and versions.
    s.conflicts();
    s.ok("history", json!({ "offset": 0, "limit": 50 }));
    s.ok("versions", json!({}));
    let by_feature = |restore: bool| {
        conflicts
            .iter()
            .find(|c| c["take"].as_str().unwrap().starts_with("Restore") == restore)
            .unwrap()
            .clone()
    };
    let (moved, deleted) = (by_feature(false), by_feature(true));
    s.settle("take_other_value", json!({ "id": moved["id"] }))
        .unwrap();
    s.ok("keep_conflict", json!({ "id": deleted["id"] }));
    s.conflicts();
    s.settle(
        "apply",
        json!({ "op": { "op": "restore_feature", "id": deleted["feature"] } }),
    )
    .unwrap();
    let refused = s
        .settle("take_other_value", json!({ "id": 9 }))
        .unwrap_err();
    assert_eq!(refused["code"], "not_found", "{refused}");
    s.write("concurrent");
}

/// A folder "Shared" beside the plan, and Dana's copy in a folder of her own.
fn shared_with_dana(p: &Path) -> (PathBuf, PathBuf) {
    let dir = p.parent().unwrap();
    let shared = dir.join("Shared");
    std::fs::create_dir_all(&shared).unwrap();
    let copy = dir.join("dana").join("theirs.keel");
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    std::fs::copy(p, &copy).unwrap();
    (shared, copy)
}

#[test]
fn the_core_answers_a_shared_folder_linked_synced_and_unlinked() {
    let mut s = Session::new(|p| {
        small(p);
        let (shared, copy) = shared_with_dana(p);
        crate::teammate::adds_feature_and_syncs(&copy, "Weaver forum", "Dana", &shared);
    });
    let shell = fake_shell(&s.h);
    let (shared, copy) = (
        s.folder().join("Shared"),
        s.folder().join("dana/theirs.keel"),
    );
    s.open();
    let unlinked = s.ok("sync_now", json!({}));
    assert_eq!(unlinked["folder"], Value::Null);
    *shell.open.lock().unwrap() = Some(shared.clone());
    // Dana linked first, after her edit: this copy asks for what it lacks, and her Keel's
    // next pass puts it there.
    let linked = s.ok("link_sync_folder", json!({}));
    assert_eq!(linked["behind"], true, "{linked}");
    keel_core::PlanFile::open(&copy)
        .unwrap()
        .sync_folder(&shared, &mut Default::default())
        .unwrap();
    let caught = s.ok("sync_now", json!({}));
    assert_eq!(caught["merged"]["incoming"]["changes"], 1, "{caught}");
    let quiet = s.ok("sync_now", json!({}));
    assert_eq!(quiet["merged"], Value::Null);
    s.ok("unlink_sync_folder", json!({}));
    s.write("sync");
}

#[test]
fn the_core_answers_a_folder_dana_sealed_and_one_sealed_here() {
    let mut s = Session::new(|p| {
        small(p);
        let (shared, copy) = shared_with_dana(p);
        crate::teammate::seals_and_adds_feature(
            &copy,
            &shared,
            "the team's passphrase",
            "Weaver forum",
            "Dana",
        );
        // A change file someone without the passphrase wrote there.
        let open = p.parent().unwrap().join("Open");
        std::fs::create_dir_all(&open).unwrap();
        let stranger = p.with_file_name("stranger.keel");
        std::fs::copy(p, &stranger).unwrap();
        // Linked first (the folder starts from the plan as it is), then an edit synced there.
        keel_core::PlanFile::open(&stranger)
            .unwrap()
            .sync_folder(&open, &mut Default::default())
            .unwrap();
        crate::teammate::adds_feature_and_syncs(&stranger, "Stranger's idea", "Sam", &open);
        // The plan's files are in a folder of its own in the shared folder.
        for plan in std::fs::read_dir(&open).unwrap() {
            let plan = plan.unwrap().path();
            for file in std::fs::read_dir(&plan).unwrap() {
                let file = file.unwrap().path();
                if file.extension().is_some_and(|x| x == "keelchanges") {
                    let into = shared.join(plan.file_name().unwrap());
                    std::fs::copy(&file, into.join(file.file_name().unwrap())).unwrap();
                }
            }
        }
    });
    let shell = fake_shell(&s.h);
    s.open();
    *shell.open.lock().unwrap() = Some(s.folder().join("Shared"));
    let linked = s.ok("link_sync_folder", json!({}));
    assert_eq!(linked["locked"], true, "{linked}");
    let wrong = s.refused("unlock_sync_folder", json!({ "passphrase": "a guess" }));
    assert_eq!(wrong["code"], "sealed", "{wrong}");
    let opened = s.ok(
        "unlock_sync_folder",
        json!({ "passphrase": "the team's passphrase" }),
    );
    assert_eq!(opened["merged"]["incoming"]["changes"], 1, "{opened}");
    assert_eq!(
        opened["refused"].as_array().map(Vec::len),
        Some(1),
        "{opened}"
    );
    let again = s.ok("sync_now", json!({}));
    assert_eq!(again["refused"], json!([]), "said once: {again}");
    s.write("sealed");

    // An open folder sealed from this window.
    let mut s = Session::new(small);
    let shell = fake_shell(&s.h);
    let shared = s.folder().join("Shared");
    std::fs::create_dir_all(&shared).unwrap();
    s.open();
    *shell.open.lock().unwrap() = Some(shared);
    let linked = s.ok("link_sync_folder", json!({}));
    assert_eq!(linked["sealed"], false);
    let short = s.refused("seal_sync_folder", json!({ "passphrase": "short" }));
    assert_eq!(short["code"], "validation", "{short}");
    let sealed = s.ok(
        "seal_sync_folder",
        json!({ "passphrase": "a long team passphrase" }),
    );
    assert_eq!(sealed["sealed"], true);
    s.write("seal");
}
