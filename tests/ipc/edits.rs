//! Edits through the commands: every edit is one operation (`apply`) answered with what changed
//! and the recomputed analysis; undo and redo are the core's; the history lists each edit with
//! its author; refused edits write nothing.

use crate::harness::*;
use serde_json::{json, Value};

fn apply(h: &Harness, op: Value) -> Result<Value, Value> {
    invoke(h, "apply", json!({ "op": op }))
}

#[test]
fn an_edit_answers_with_what_changed_and_the_new_analysis_only() {
    let h = start(sample);
    let view = read(&h, "view");
    let mut data = view["plan"]["data"].clone();
    data["tagline"] = json!("Hear every customer");
    let edited = apply(&h, json!({ "op": "update_plan", "data": data })).expect("saved");
    let applied = &edited["applied"];
    assert_eq!(applied["label"], "Edited the tagline");
    assert_eq!(
        applied["changes"]["plan"]["data"]["tagline"],
        "Hear every customer"
    );
    assert_eq!(
        applied["changes"]["features"],
        json!([]),
        "no feature is sent"
    );
    assert_eq!(applied["undo"], "Edited the tagline");
    assert_eq!(
        edited["ranking_unchanged"], true,
        "the window holds the ranking: a tagline does not resend it"
    );
    assert_eq!(edited["findings_unchanged"], true, "nor the findings");
    assert_eq!(edited["analysis"]["findings"], json!([]));

    let before = std::fs::read(&h.path).unwrap();
    let mut bad = data.clone();
    bad["company_name"] = json!("x".repeat(121));
    let err = apply(&h, json!({ "op": "update_plan", "data": bad })).expect_err("refused");
    assert_eq!(err["code"], "validation");
    assert_eq!(err["field"], "company_name");
    assert_eq!(
        err["message"],
        "Company name: must be at most 120 characters (it has 121)."
    );
    assert_eq!(
        std::fs::read(&h.path).unwrap(),
        before,
        "a refused edit writes nothing"
    );
    let reopened = keel_core::PlanFile::open_with(&h.path, keel_core::Mode::Inspect).unwrap();
    assert_eq!(reopened.plan().unwrap().data.tagline, "Hear every customer");
}

#[test]
fn an_edit_sends_the_ranking_only_when_it_changed() {
    let h = start(sample);
    let open = read(&h, "analysis/ranking").as_array().unwrap().len();
    assert!(open > 5);
    let view = read(&h, "view");
    // The first screen's read holds five ranks: the first edit sends the whole ranking.
    invoke(&h, "load_plan", json!({ "first": 5 })).unwrap();
    let mut data = view["plan"]["data"].clone();
    data["tagline"] = json!("One");
    let first = apply(&h, json!({ "op": "update_plan", "data": data })).unwrap();
    assert_eq!(first["ranking_unchanged"], false);
    assert_eq!(first["analysis"]["ranking"].as_array().unwrap().len(), open);
    data["tagline"] = json!("Two");
    let second = apply(&h, json!({ "op": "update_plan", "data": data })).unwrap();
    assert_eq!(
        second["ranking_unchanged"], true,
        "a tagline moves no feature"
    );
    assert_eq!(second["analysis"]["ranking"], json!([]));

    let features =
        invoke(&h, "load_plan", json!({ "first": null })).unwrap()["document"]["features"].clone();
    let last = features.as_array().unwrap().last().unwrap().clone();
    let mut raised = last["data"].clone();
    raised["risk_class"] = json!("business");
    raised["risk_level"] = json!(5);
    raised["status"] = json!("planned");
    let moved = apply(
        &h,
        json!({ "op": "update_feature", "id": last["id"], "data": raised }),
    )
    .unwrap();
    assert_eq!(moved["ranking_unchanged"], false);
    assert!(moved["analysis"]["ranking"].as_array().unwrap().len() >= open);
}

#[test]
fn an_edit_sends_the_findings_only_when_they_changed() {
    let h = start(sample);
    let held = read(&h, "analysis/findings");
    let codes = |findings: &Value| -> Vec<String> {
        findings
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(!codes(&held).contains(&"K001".to_string()));
    let cleared = apply(&h, json!({ "op": "clear_goal" })).unwrap();
    assert_eq!(cleared["findings_unchanged"], false);
    let now = findings_after(&held, &cleared);
    assert!(
        codes(&now).contains(&"K001".to_string()),
        "a plan without a goal is told so: {now}"
    );
    assert_eq!(
        now,
        read(&h, "analysis/findings"),
        "all of them, as a read gives them"
    );
    let undone = invoke(&h, "undo", json!({})).unwrap();
    assert_eq!(undone["findings_unchanged"], false);
    assert_eq!(findings_after(&now, &undone), held);
    let mut data = read(&h, "view")["plan"]["data"].clone();
    data["tagline"] = json!("Another line");
    let tagline = apply(&h, json!({ "op": "update_plan", "data": data })).unwrap();
    assert_eq!(tagline["findings_unchanged"], true);
}

#[test]
fn features_are_created_moved_and_deleted_by_operations_and_undone_by_the_core() {
    let h = start(sample);
    let features = read(&h, "document/features");
    let mut data = features[0]["data"].clone();
    data["title"] = json!("Customer advisory board");
    data["team_id"] = Value::Null;
    data["horizon"] = json!("later");
    let created = apply(&h, json!({ "op": "create_feature", "data": data })).unwrap();
    let id = created["applied"]["created"].as_str().unwrap().to_string();
    let order = created["applied"]["changes"]["feature_order"]
        .as_array()
        .unwrap();
    assert_eq!(order.len(), 25);
    assert_eq!(order[24], json!(id), "a new feature goes last");

    let moved = apply(
        &h,
        json!({ "op": "move_feature", "id": id, "horizon": "now", "position": 1 }),
    )
    .unwrap();
    assert_eq!(
        moved["applied"]["label"],
        "Moved “Customer advisory board” to Now"
    );
    assert_eq!(moved["applied"]["changes"]["feature_order"][0], json!(id));
    assert_eq!(read(&h, "document/features")[0]["data"]["horizon"], "now");

    let deleted = apply(&h, json!({ "op": "delete_feature", "id": id })).unwrap();
    assert_eq!(
        deleted["applied"]["changes"]["removed_features"],
        json!([id])
    );
    let undone = invoke(&h, "undo", json!({})).unwrap();
    assert_eq!(
        undone["applied"]["label"],
        "Undid: Deleted “Customer advisory board”"
    );
    let back = read(&h, "document/features");
    assert_eq!(back[0]["id"], json!(id), "back with its id, in its place");
    assert_eq!(back[0]["data"]["horizon"], "now");
    let redone = invoke(&h, "redo", json!({})).unwrap();
    assert_eq!(redone["applied"]["redo"], Value::Null);
    assert_eq!(read(&h, "document/features").as_array().unwrap().len(), 24);

    let err = apply(
        &h,
        json!({ "op": "update_feature", "id": "nope", "data": data }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "not_found");
}

#[test]
fn a_deleted_team_comes_back_by_undo_with_its_features() {
    let h = start(sample);
    let team = read(&h, "document/teams")[0].clone();
    let linked = |h: &Harness| {
        read(h, "document/features")
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["data"]["team_id"] == team["id"])
            .count()
    };
    let before = linked(&h);
    assert!(before > 0);
    let deleted = apply(&h, json!({ "op": "delete_team", "id": team["id"] })).unwrap();
    assert_eq!(deleted["applied"]["changes"]["teams"], json!([]));
    assert_eq!(
        deleted["applied"]["changes"]["features"]
            .as_array()
            .unwrap()
            .len(),
        before,
        "the window learns which features lost their team"
    );
    assert_eq!(linked(&h), 0);
    invoke(&h, "undo", json!({})).unwrap();
    assert_eq!(read(&h, "document/teams")[0], team);
    assert_eq!(linked(&h), before);
}

#[test]
fn the_history_names_each_edit_with_its_author_and_versions_are_marked_and_restored() {
    let h = start_with(sample, true);
    let who = invoke(&h, "author", json!({})).unwrap();
    assert_eq!(who["name"], Value::Null, "nobody said their name yet");
    let err = invoke(&h, "set_author", json!({ "name": "  " })).unwrap_err();
    assert_eq!(err["field"], "name");
    let who = invoke(&h, "set_author", json!({ "name": "Dana Scott" })).unwrap();
    assert_eq!(who["name"], "Dana Scott");

    let versions = invoke(&h, "mark_version", json!({ "label": "Board meeting" })).unwrap();
    assert_eq!(versions[0]["label"], "Board meeting");
    assert_eq!(versions[0]["author"], "Dana Scott");
    let mut goal = read(&h, "document/goal");
    goal["msc_target"] = json!(2_000_000.0);
    apply(&h, json!({ "op": "set_goal", "goal": goal })).unwrap();

    let page = invoke(&h, "history", json!({ "offset": 0, "limit": 2 })).unwrap();
    assert_eq!(page["total"], 3);
    let entries = page["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["label"], "Edited the traction goal");
    assert_eq!(entries[0]["author"], "Dana Scott");
    assert_eq!(entries[0]["at"], "2026-11-27T10:00:00Z");
    assert_eq!(entries[1]["label"], "Marked version “Board meeting”");
    let rest = invoke(&h, "history", json!({ "offset": 2, "limit": 2 })).unwrap();
    assert_eq!(rest["entries"][0]["label"], "Created the sample plan");

    let restored = apply(
        &h,
        json!({ "op": "restore_version", "id": versions[0]["id"] }),
    )
    .unwrap();
    assert_eq!(
        restored["applied"]["label"],
        "Restored version “Board meeting”"
    );
    assert_eq!(read(&h, "document/goal")["msc_target"], json!(1_000_000.0));
}

#[test]
fn an_actual_dated_in_the_future_is_refused_and_nothing_is_written() {
    let h = start(sample);
    let before = std::fs::read(&h.path).unwrap();
    let ahead = crate::fixed_clock::today() + chrono::Days::new(40);
    let err = apply(
        &h,
        json!({ "op": "add_actual", "data": { "date": ahead.to_string(), "value": 120.0 } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "validation");
    assert_eq!(err["field"], "date");
    let message = err["message"].as_str().unwrap();
    assert!(message.contains("is in the future"), "{message}");
    assert_eq!(std::fs::read(&h.path).unwrap(), before);
}

#[test]
fn the_author_is_read_from_the_settings_once_and_changes_when_the_founder_gives_another() {
    let h = start_with(sample, true);
    invoke(&h, "set_author", json!({ "name": "Dana Scott" })).unwrap();
    let rename = |title: &str| {
        let mut feature = read(&h, "document/features")[0].clone();
        feature["data"]["title"] = json!(title);
        apply(
            &h,
            json!({ "op": "update_feature", "id": feature["id"], "data": feature["data"] }),
        )
        .unwrap();
    };
    rename("First");
    // Another program rewrites the settings file; the session's name stays the one read.
    let settings = h.path.parent().unwrap().join("data").join("settings.json");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, text.replace("Dana Scott", "Somebody Else")).unwrap();
    rename("Second");
    invoke(&h, "set_author", json!({ "name": "Ali Khan" })).unwrap();
    rename("Third");

    let page = invoke(&h, "history", json!({ "offset": 0, "limit": 3 })).unwrap();
    let authors: Vec<&str> = page["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["author"].as_str().unwrap())
        .collect();
    assert_eq!(authors, ["Ali Khan", "Dana Scott", "Dana Scott"]);
}

#[test]
fn while_the_window_follows_it_each_edit_answers_with_what_changed_since_the_last_version() {
    let h = start(sample);
    let none = invoke(&h, "follow_since", json!({ "on": true })).unwrap();
    assert_eq!(none["comparison"], Value::Null, "no version yet");
    let versions = invoke(&h, "mark_version", json!({ "label": "Board meeting" })).unwrap();
    let now = invoke(&h, "follow_since", json!({ "on": true })).unwrap();
    assert_eq!(now["comparison"]["to"], "now");
    assert_eq!(now["comparison"]["changes"], json!([]));

    let mut feature = read(&h, "document/features")[0].clone();
    let old = feature["data"]["title"].as_str().unwrap().to_string();
    feature["data"]["title"] = json!("Self-serve onboarding");
    let edited = apply(
        &h,
        json!({ "op": "update_feature", "id": feature["id"], "data": feature["data"] }),
    )
    .unwrap();
    let changes = edited["since"]["comparison"]["changes"].as_array().unwrap();
    assert!(
        changes
            .iter()
            .any(|c| c.as_str().unwrap().contains("Self-serve onboarding")),
        "{changes:?}"
    );
    // The same as asking for it: the core compares in one place.
    let asked = invoke(
        &h,
        "compare_versions",
        json!({ "from": versions[0]["id"], "to": null }),
    )
    .unwrap();
    assert_eq!(asked, edited["since"]["comparison"]);
    let undone = invoke(&h, "undo", json!({})).unwrap();
    assert_eq!(
        undone["since"]["comparison"]["changes"],
        json!([]),
        "back to “{old}”"
    );

    invoke(&h, "follow_since", json!({ "on": false })).unwrap();
    let quiet = apply(
        &h,
        json!({ "op": "update_feature", "id": feature["id"], "data": feature["data"] }),
    )
    .unwrap();
    assert_eq!(quiet["since"], Value::Null, "not followed: not computed");
}
