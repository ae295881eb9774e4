//! The real core's answers to the scripts of the UI's section tests: the History (edits, pages,
//! versions), the teams, the customer factory, the vision, the feature panel and the window.

use crate::harness::invoke;
use crate::recorder::{small, Session};
use serde_json::{json, Value};

impl Session {
    /// What the History reads when it shows, and again after each edit.
    fn history_read(&mut self, limit: u32) {
        self.ok("history", json!({ "offset": 0, "limit": limit }));
        self.conflicts();
    }

    /// What the window reads when it opens: the plan, its versions and conflicts, a sync pass,
    /// and what changed since the last version (the Overview shows first).
    fn window_opens(&mut self) {
        self.ok("load_plan", json!({ "first": null }));
        self.ok("versions", json!({}));
        self.ok("conflicts", json!({}));
        self.ok("sync_now", json!({}));
        self.ok("follow_since", json!({ "on": true }));
    }

    /// An edit made before the recording starts (part of the plan the script starts from).
    fn before(&mut self, op: Value) -> Value {
        invoke(&self.h, "apply", json!({ "op": op })).unwrap()
    }

    fn delete(&mut self, index: usize) {
        let id = self.feature(index)["id"].clone();
        self.apply(json!({ "op": "delete_feature", "id": id }))
            .unwrap();
    }
}

#[test]
fn the_core_answers_the_histories_scripts() {
    // Shown after an edit, then following an undo.
    let mut s = Session::new(small);
    s.open();
    s.delete(0);
    s.history_read(50);
    s.step("undo", json!({})).unwrap();
    s.history_read(50);
    s.write("history_follows");

    // Shown first, then an edit.
    let mut s = Session::new(small);
    s.open();
    s.history_read(50);
    s.delete(0);
    s.history_read(50);
    s.write("history_shown");

    // Three edits, shown two at a time.
    let mut s = Session::new(small);
    s.open();
    for _ in 0..3 {
        s.delete(0);
    }
    s.history_read(2);
    s.history_read(4);
    s.write("history_pages");
}

#[test]
fn the_core_answers_a_version_marked_compared_and_restored() {
    let mut s = Session::new(small);
    s.open();
    s.history_read(50);
    let versions = s.ok("mark_version", json!({ "label": "Board meeting" }));
    s.history_read(50);
    s.rename(0, "Activation").unwrap();
    s.history_read(50);
    let compared = s.ok(
        "compare_versions",
        json!({ "from": versions[0]["id"], "to": null }),
    );
    assert_eq!(compared["to"], "now", "{compared}");
    s.apply(json!({ "op": "restore_version", "id": versions[0]["id"] }))
        .unwrap();
    s.history_read(50);
    s.write("versions");
}

/// Two teams, Insights and Growth, each with a KPI and its values (Insights behind, Growth
/// ahead), funding for this quarter and the one before, and a feature each; at `stage`.
fn with_teams(s: &mut Session, stage: &str) {
    let mut plan = crate::harness::read(&s.h, "view/plan/data");
    plan["stage"] = json!(stage);
    s.before(json!({ "op": "update_plan", "data": plan }));
    for (index, name, size, values, funding) in [
        (0, "Insights", 6, [6.0, 5.0], [400_000.0, 520_000.0]),
        (1, "Growth", 7, [2.0, 3.0], [300_000.0, 250_000.0]),
    ] {
        let kpi = json!({
            "metric": format!("{name} KPI"),
            "unit": "%",
            "target": 15.0,
            "deadline": "2027-12-01",
            "values": [
                { "date": "2026-09-01", "value": values[0] },
                { "date": "2026-11-01", "value": values[1] },
            ],
        });
        let created = s.before(json!({ "op": "create_team", "data": {
            "name": name, "kind": "product", "size": size,
            "mission": format!("{name}'s mission"),
            "kpi": if stage == "mvp" { Value::Null } else { kpi },
            "quarters": [
                { "quarter": "2026-Q3", "funding": funding[0], "headcount": size },
                { "quarter": "2026-Q4", "funding": funding[1], "headcount": size + 1 },
            ],
        } }));
        let team = created["applied"]["created"].clone();
        let feature = s.feature(index);
        let mut data = feature["data"].clone();
        data["team_id"] = team;
        s.before(json!({ "op": "update_feature", "id": feature["id"], "data": data }));
    }
}

#[test]
fn the_core_answers_the_teams_scripts() {
    let mut s = Session::new(small);
    with_teams(&mut s, "scaling");
    let plan = s.open();
    let portfolio = &plan["analysis"]["portfolio"];
    assert_eq!(portfolio["is_portfolio"], true);
    assert_eq!(portfolio["teams"][0]["name"], "Insights", "behind, first");
    assert_eq!(portfolio["teams"][0]["attention"], "behind");
    s.write("teams_portfolio");

    let mut s = Session::new(small);
    with_teams(&mut s, "mvp");
    let plan = s.open();
    let insights = plan["document"]["teams"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["data"]["name"] == "Insights")
        .unwrap()
        .clone();
    let mut data = insights["data"].clone();
    data["kpi"] = json!({
        "metric": "Weekly active PMs", "unit": "PMs", "target": 3000.0,
        "deadline": "2027-12-01", "values": [],
    });
    s.apply(json!({ "op": "update_team", "id": insights["id"], "data": data }))
        .unwrap();
    data["quarters"] = json!([{ "quarter": "2027-Q1", "funding": 250000.0, "headcount": 6 }]);
    s.apply(json!({ "op": "update_team", "id": insights["id"], "data": data }))
        .unwrap();
    // A KPI with no name.
    let mut empty = insights["data"].clone();
    empty["kpi"] = json!({
        "metric": "", "unit": "", "target": 10.0, "deadline": "2027-12-01", "values": [],
    });
    let refused = s
        .apply(json!({ "op": "update_team", "id": insights["id"], "data": empty }))
        .unwrap_err();
    assert_eq!(refused["field"], "kpi_metric", "{refused}");
    s.write("teams");
}

#[test]
fn the_core_answers_the_factorys_weeks() {
    let mut s = Session::new(small);
    s.open();
    let week = |start: &str, referral: u32| {
        json!({ "period_start": start, "acquisition": 200, "activation": 68,
                "retention": 60, "revenue": 50, "referral": referral })
    };
    s.apply(json!({ "op": "add_factory_week", "data": week("2026-11-23", 20) }))
        .unwrap();
    let added = s
        .apply(json!({ "op": "add_factory_week", "data": week("2026-11-30", 20) }))
        .unwrap();
    let second = added["applied"]["created"].clone();
    let refused = s
        .apply(json!({ "op": "update_factory_week", "id": second, "data": week("2026-11-23", 20) }))
        .unwrap_err();
    assert_eq!(refused["field"], "period_start", "{refused}");
    s.apply(json!({ "op": "update_factory_week", "id": second, "data": week("2026-11-30", 25) }))
        .unwrap();
    let weeks = crate::harness::read(&s.h, "document/factory_snapshots");
    let first = weeks
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["data"]["period_start"] == "2026-11-23")
        .unwrap()["id"]
        .clone();
    s.apply(json!({ "op": "delete_factory_week", "id": first }))
        .unwrap();
    s.write("factory");
}

#[test]
fn the_core_answers_the_vision_and_the_feature_panels_edits() {
    let mut s = Session::new(small);
    let plan = s.open();
    let mut canvas = plan["document"]["canvas"].clone();
    canvas["problem"] = json!("Feedback is scattered");
    s.apply(json!({ "op": "update_canvas", "canvas": canvas }))
        .unwrap();
    let mut data = plan["view"]["plan"]["data"].clone();
    data["company_name"] = json!("Acme Robotics");
    s.apply(json!({ "op": "update_plan", "data": data }))
        .unwrap();
    s.write("vision");

    let mut s = Session::new(small);
    let plan = s.open();
    let mut draft = plan["analysis"]["suggestions"]["feature"].clone();
    draft["title"] = json!("Pilot program");
    s.apply(json!({ "op": "create_feature", "data": draft }))
        .unwrap();
    let first = s.feature(0);
    let mut data = first["data"].clone();
    data["risk_level"] = json!(5);
    s.apply(json!({ "op": "update_feature", "id": first["id"], "data": data }))
        .unwrap();
    s.write("feature_panel");
}

#[test]
fn the_core_answers_the_windows_first_reads_and_sections() {
    let mut s = Session::new(small);
    s.window_opens();
    s.ok("help", json!({}));
    s.ok("follow_since", json!({ "on": false }));
    s.history_read(50);
    s.author();
    s.rename(1, "Concierge onboarding v2").unwrap();
    s.history_read(50);
    s.write("window");

    // The plan opened again by the system, renamed meanwhile.
    let mut s = Session::new(small);
    s.window_opens();
    let mut plan = crate::harness::read(&s.h, "view/plan/data");
    plan["company_name"] = json!("Weaver Co");
    s.before(json!({ "op": "update_plan", "data": plan }));
    s.ok("load_plan", json!({ "first": null }));
    s.write("window_reopened");

    // What changed since the last version, followed on the Overview.
    let mut s = Session::new(small);
    s.window_opens();
    s.ok("follow_since", json!({ "on": false }));
    s.history_read(50);
    s.author();
    s.ok("mark_version", json!({ "label": "Board" }));
    s.history_read(50);
    s.rename(0, "Activation").unwrap();
    let since = s.ok("follow_since", json!({ "on": true }));
    assert!(since["comparison"].is_object(), "{since}");
    let undone = s.step("undo", json!({})).unwrap();
    assert!(undone["since"]["comparison"].is_object(), "{undone}");
    s.write("window_since");
}
