//! The edit commands: each changes the plan and answers what changed, or refuses with a code
//! and the field it is about.

use crate::fixed_clock;
use crate::harness::*;
use serde_json::{json, Value};

#[test]
fn plan_commands_read_and_edit_the_open_plan() {
    let h = start(sample);
    let view = read(&h, "view");
    assert_eq!(view["plan"]["data"]["company_name"], "Loomline");
    assert_eq!(view["file_name"], "plan.keel");
    assert_eq!(view["read_only"], Value::Null);

    let mut data = view["plan"]["data"].clone();
    data["tagline"] = json!("Hear every customer");
    let saved = invoke(&h, "update_plan", json!({ "data": data })).expect("a valid edit saves");
    assert_eq!(saved["plan"]["data"]["tagline"], "Hear every customer");

    let before = std::fs::read(&h.path).unwrap();
    let mut bad = data.clone();
    bad["company_name"] = json!("x".repeat(121));
    let err = invoke(&h, "update_plan", json!({ "data": bad })).expect_err("too long is refused");
    assert_eq!(err["code"], "validation");
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
fn feature_commands_list_create_update_and_delete() {
    let h = start(sample);
    let list = invoke(&h, "list_features", json!({})).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 24);

    let mut data = list[0]["data"].clone();
    data["title"] = json!("Customer advisory board");
    data["team_id"] = Value::Null;
    let created = invoke(&h, "create_feature", json!({ "data": data })).expect("created");
    assert_eq!(
        created["position"], 25,
        "a new feature goes to the end of the manual order"
    );
    let id = created["id"].clone();

    data["risk_level"] = json!(2);
    let updated = invoke(&h, "update_feature", json!({ "id": id, "data": data })).unwrap();
    assert_eq!(updated["data"]["risk_level"], 2);

    data["risk_level"] = json!(9);
    let err = invoke(&h, "update_feature", json!({ "id": id, "data": data })).unwrap_err();
    assert_eq!(err["code"], "validation");
    assert_eq!(
        err["message"],
        "Risk level: must be a whole number from 1 to 5."
    );
    assert_eq!(
        err["field"], "risk_level",
        "the form shows it beside the field"
    );

    invoke(&h, "delete_feature", json!({ "id": id })).expect("deleted");
    let err = invoke(&h, "delete_feature", json!({ "id": id })).unwrap_err();
    assert_eq!(err["code"], "not_found");
    assert_eq!(
        invoke(&h, "list_features", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        24
    );

    let err = invoke(&h, "update_feature", json!({ "id": 1 })).expect_err("a missing argument");
    assert!(err.as_str().unwrap_or_default().contains("data"), "{err}");
}

#[test]
fn canvas_commands_read_and_edit_the_nine_boxes() {
    let h = start(sample);
    let mut canvas = read(&h, "document/canvas");
    assert!(!canvas["problem"].as_str().unwrap().is_empty());
    canvas["problem"] = json!("Feedback is scattered");
    let saved = invoke(&h, "update_canvas", json!({ "canvas": canvas })).unwrap();
    assert_eq!(saved["problem"], "Feedback is scattered");
    assert_eq!(
        read(&h, "document/canvas")["problem"],
        "Feedback is scattered"
    );

    canvas["channels"] = json!("x".repeat(2_001));
    let err = invoke(&h, "update_canvas", json!({ "canvas": canvas })).unwrap_err();
    assert_eq!(err["code"], "validation");
    assert_eq!(err["field"], "channels");
    assert_ne!(
        read(&h, "document/canvas")["channels"],
        canvas["channels"],
        "a refused box is not saved"
    );
}

#[test]
fn team_commands_create_update_delete_and_features_lose_a_deleted_team() {
    let h = start(sample);
    let teams = read(&h, "document/teams");
    let before = teams.as_array().unwrap().len();
    assert!(before > 0, "the sample has teams");

    let team = json!({ "name": "Growth", "kind": "product", "size": 3 });
    let created = invoke(&h, "create_team", json!({ "data": team })).unwrap();
    let id = created["id"].clone();
    let renamed = json!({ "name": "Growth squad", "kind": "product", "size": 4 });
    let updated = invoke(&h, "update_team", json!({ "id": id, "data": renamed })).unwrap();
    assert_eq!(updated["data"]["name"], "Growth squad");

    let err = invoke(
        &h,
        "update_team",
        json!({ "id": id, "data": { "name": "", "kind": "product", "size": 4 } }),
    )
    .unwrap_err();
    assert_eq!(err["field"], "name");

    let mut feature = invoke(&h, "list_features", json!({})).unwrap()[0].clone();
    feature["data"]["team_id"] = id.clone();
    invoke(
        &h,
        "update_feature",
        json!({ "id": feature["id"], "data": feature["data"] }),
    )
    .unwrap();
    invoke(&h, "delete_team", json!({ "id": id })).unwrap();
    assert_eq!(read(&h, "document/teams").as_array().unwrap().len(), before);
    let list = invoke(&h, "list_features", json!({})).unwrap();
    let same = list
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == feature["id"])
        .unwrap();
    assert_eq!(same["data"]["team_id"], Value::Null);
}

#[test]
fn traction_commands_edit_the_goal_ladder_and_actuals() {
    let h = start(sample);
    let mut goal = read(&h, "document/goal");
    assert_eq!(goal["metric"], "arr");
    goal["msc_target"] = json!(2_000_000.0);
    invoke(&h, "set_goal", json!({ "goal": goal })).unwrap();
    let ladder = invoke(&h, "suggest_ladder", json!({ "goal": goal })).unwrap();
    assert_eq!(ladder[0]["target"], 20_000.0);
    assert_eq!(ladder[2]["target"], 2_000_000.0);

    goal["lifetime_months"] = json!(0);
    let err = invoke(&h, "set_goal", json!({ "goal": goal })).unwrap_err();
    assert_eq!(err["field"], "lifetime_months");

    let milestone =
        json!({ "name": "Pilot", "date": "2025-09-01", "target": 1000.0, "ninety_day_goals": "" });
    let created = invoke(&h, "create_milestone", json!({ "data": milestone })).unwrap();
    let mut changed = milestone.clone();
    changed["target"] = json!(1500.0);
    let updated = invoke(
        &h,
        "update_milestone",
        json!({ "id": created["id"], "data": changed }),
    )
    .unwrap();
    assert_eq!(updated["data"]["target"], 1500.0);
    invoke(&h, "delete_milestone", json!({ "id": created["id"] })).unwrap();

    let before = read(&h, "document/actuals");
    // Today: the sample's latest actual is five days before the day it was made.
    let today = fixed_clock::today().to_string();
    let actual = json!({ "date": today, "value": 60_000.0 });
    let created = invoke(&h, "create_actual", json!({ "data": actual })).unwrap();
    let again = invoke(&h, "create_actual", json!({ "data": actual })).unwrap_err();
    assert_eq!(again["code"], "validation", "one actual per date");
    let report = read(&h, "analysis/traction");
    assert_eq!(report["progress"]["actual"], 60_000.0);
    invoke(
        &h,
        "update_actual",
        json!({ "id": created["id"], "data": { "date": today, "value": 61_000.0 } }),
    )
    .unwrap();
    invoke(&h, "delete_actual", json!({ "id": created["id"] })).unwrap();
    assert_eq!(read(&h, "document/actuals"), before);

    let curve = read(&h, "analysis/curve");
    assert!(curve.as_array().unwrap().len() > 12, "monthly points");

    invoke(&h, "clear_goal", json!({})).unwrap();
    assert_eq!(read(&h, "document/goal"), Value::Null);
}

#[test]
fn move_feature_changes_the_manual_order() {
    let h = start(sample);
    let list = invoke(&h, "list_features", json!({})).unwrap();
    let last_id = list[23]["id"].clone();
    let moved = invoke(&h, "move_feature", json!({ "id": last_id, "position": 1 })).unwrap();
    assert_eq!(moved["position"], 1);
    let list = invoke(&h, "list_features", json!({})).unwrap();
    assert_eq!(list[0]["id"], last_id);
}
