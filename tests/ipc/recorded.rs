//! The real core's answers to the editing scripts the UI tests replay (ui/src/testing/recorded/),
//! and the (before, changes, after) cases ui/src/lib/patch.ts is tested against. `make test`
//! fails when a regenerated recording differs from the committed one, as for bindings.ts.

use crate::recorder::{plan_of, small, stable, write, Session};
use serde_json::{json, Value};

#[test]
fn the_core_answers_the_scripts_the_ui_tests_replay() {
    // Editing a feature: load, a title, a refused title, create, move, delete, undo and redo.
    let mut s = Session::new(small);
    s.open();
    let mut patches = Vec::new();
    let mut edit = |s: &mut Session, cmd: &str, args: Value| -> Result<Value, Value> {
        let before = s.features();
        let out = s.step(cmd, args);
        if let Ok(edited) = &out {
            patches.push(json!({
                "before": before,
                "changes": edited["applied"]["changes"],
                "after": s.features(),
            }));
        }
        out
    };
    let first = s.feature(0);
    let mut data = first["data"].clone();
    data["title"] = json!("Self-serve onboarding");
    let op = |op: Value| json!({ "op": op });
    edit(
        &mut s,
        "apply",
        op(json!({ "op": "update_feature", "id": first["id"], "data": data })),
    )
    .unwrap();
    data["title"] = json!("   ");
    edit(
        &mut s,
        "apply",
        op(json!({ "op": "update_feature", "id": first["id"], "data": data })),
    )
    .unwrap_err();
    let created = edit(
        &mut s,
        "apply",
        op(json!({ "op": "create_feature", "data": first["data"].clone() })),
    )
    .unwrap();
    let id = created["applied"]["created"].clone();
    edit(
        &mut s,
        "apply",
        op(json!({ "op": "move_feature", "id": id, "horizon": "now", "position": 1 })),
    )
    .unwrap();
    edit(
        &mut s,
        "apply",
        op(json!({ "op": "delete_feature", "id": id })),
    )
    .unwrap();
    for step in ["undo", "undo", "redo"] {
        edit(&mut s, step, json!({})).unwrap();
    }
    s.ok("history", json!({ "offset": 0, "limit": 10 }));
    let folder = s.folder().display().to_string();
    s.write("editing");
    let mut patches = Value::Array(patches);
    stable(&mut patches, &folder);
    write("patches", "PatchCase[]", &patches);
}

#[test]
fn the_core_refuses_an_empty_title_in_its_own_words() {
    let mut s = Session::new(small);
    s.open();
    let refused = s.rename(0, "   ").unwrap_err();
    assert_eq!(refused["message"], "Title: must not be empty.");
    s.write("refused_title");
}

#[test]
fn the_core_answers_a_read_only_plan() {
    // The file itself is read-only.
    let mut s = Session::new(|p| {
        small(p);
        let mut perms = std::fs::metadata(p).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(p, perms).unwrap();
    });
    s.open();
    let refused = s.rename(0, "Changed").unwrap_err();
    assert_eq!(refused["code"], "read_only");
    s.write("read_only");
}

#[test]
fn the_core_answers_an_import_preview() {
    let mut s = Session::new(small);
    let shell = crate::harness::fake_shell(&s.h);
    let file = s.folder().join("linear.csv");
    std::fs::write(
        &file,
        "ID,Title,Status,Priority,Estimate\nENG-1,SSO for enterprise,Todo,High,3\nENG-2,Usage dashboard,Backlog,Low,\n",
    )
    .unwrap();
    *shell.open.lock().unwrap() = Some(file);
    s.ok("pick_import_file", json!({ "kind": "features" }));
    s.ok(
        "preview_feature_import",
        json!({ "options": { "mapping": null, "date_order": null, "statuses": [] } }),
    );
    s.write("import_preview");
}

#[test]
fn the_core_answers_what_changed_since_the_last_version_with_each_edit() {
    let mut s = Session::new(small);
    s.open();
    s.ok("mark_version", json!({ "label": "Board meeting" }));
    s.ok("follow_since", json!({ "on": true }));
    let renamed = s.rename(0, "Activation").unwrap();
    assert!(renamed["since"]["comparison"].is_object(), "{renamed}");
    s.step("undo", json!({})).unwrap();
    s.step("redo", json!({})).unwrap();
    s.ok("follow_since", json!({ "on": false }));
    let unfollowed = s.rename(0, "Signup").unwrap();
    assert_eq!(unfollowed["since"], Value::Null);
    s.write("since");
}

#[test]
fn the_core_takes_fields_changed_one_after_the_other() {
    // Three drop-downs changed in a row, each edit built on the one before.
    let mut s = Session::new(small);
    s.open();
    let first = s.feature(0);
    let mut data = first["data"].clone();
    for (field, value) in [
        ("risk_level", json!(5)),
        ("horizon", json!("now")),
        ("risk_class", json!("technical")),
    ] {
        data[field] = value;
        s.apply(json!({ "op": "update_feature", "id": first["id"], "data": data }))
            .unwrap();
    }
    s.write("three_fields");
}

#[test]
fn the_core_sends_the_first_screen_then_the_whole_plan() {
    let mut s = Session::new(|p| plan_of(p, &["A", "B", "C", "D", "E", "F", "G"]));
    let first = s.ok("load_plan", json!({ "first": 5 }));
    assert_eq!(first["complete"], false);
    s.ok("load_plan", json!({ "first": null }));
    s.author();
    s.rename(0, "A2").unwrap();
    s.write("first_screen");
}

#[test]
fn the_core_says_when_an_edit_left_the_ranking_and_the_findings_as_they_were() {
    let mut s = Session::new(small);
    let held = s.open()["analysis"]["findings"].clone();
    // The last feature is named by no finding: renaming it changes neither.
    let unchanged = s.rename(2, "Event store").unwrap();
    assert_eq!(unchanged["ranking_unchanged"], true, "{unchanged}");
    assert_eq!(unchanged["findings_unchanged"], true, "{unchanged}");
    // The first is named by a finding ("such as “Talk to twenty weavers”").
    let changed = s.rename(0, "Talk to ten weavers").unwrap();
    assert_eq!(changed["findings_unchanged"], false, "{changed}");
    // One finding of three changed: the answer names the other two by position.
    let patch = &changed["findings_patch"];
    assert_eq!(patch["new"].as_array().unwrap().len(), 1, "{patch}");
    assert_eq!(
        crate::harness::findings_after(&held, &changed),
        crate::harness::read(&s.h, "analysis/findings")
    );
    s.write("unchanged");
}

#[test]
fn the_core_has_no_name_for_a_new_founder_until_one_is_given() {
    let mut s = Session::anonymous(small);
    s.ok("load_plan", json!({ "first": null }));
    let who = s.author();
    assert_eq!(who["name"], Value::Null);
    s.ok("set_author", json!({ "name": "Dana Scott" }));
    s.rename(0, "A2").unwrap();
    s.rename(0, "A3").unwrap();
    s.ok("history", json!({ "offset": 0, "limit": 10 }));
    s.write("no_author");
}
