//! The UI's one read of the open plan and what the core computes from it.

use crate::fixed_clock;
use crate::harness::*;
use serde_json::json;

#[test]
fn load_plan_returns_the_stored_plan_and_what_the_core_computes_from_it() {
    let h = start(sample);
    let all = invoke(&h, "load_plan", json!({ "first": null })).unwrap();
    assert_eq!(all["complete"], true);
    let file = keel_core::PlanFile::open_with(&h.path, keel_core::Mode::Inspect).unwrap();
    let document = file.document().unwrap();
    assert_eq!(all["document"], as_sent(&document));
    let analysis = keel_core::compute::analysis::analyse(&document, fixed_clock::today());
    assert_eq!(all["analysis"], as_sent(&analysis));
    assert_eq!(
        all["analysis"]["ranking"],
        invoke(&h, "rank_features", json!({ "view": "risk_first" })).unwrap(),
        "the ranking is the risk-first view"
    );
    assert_eq!(all["view"]["file_name"], "plan.keel");
}

#[test]
fn load_plan_for_the_first_screen_brings_only_the_top_ranked_features() {
    let h = start(sample);
    let all = invoke(&h, "load_plan", json!({ "first": null })).unwrap();
    let first = invoke(&h, "load_plan", json!({ "first": 5 })).unwrap();
    assert_eq!(first["complete"], false);
    let ranking = first["analysis"]["ranking"].as_array().unwrap();
    assert_eq!(
        ranking.as_slice(),
        &all["analysis"]["ranking"].as_array().unwrap()[..5]
    );
    let mut ids: Vec<&str> = first["document"]["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    let mut top: Vec<&str> = ranking.iter().map(|r| r["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    top.sort_unstable();
    assert_eq!(ids, top, "the features of the top five, and no others");
    for part in ["finding_counts", "traction", "curve"] {
        assert_eq!(
            first["analysis"][part], all["analysis"][part],
            "{part} is whole"
        );
    }
    assert_eq!(
        first["analysis"]["findings"],
        json!([]),
        "the findings come with the whole plan"
    );
    let findings = all["analysis"]["findings"].as_array().unwrap();
    let counts = &all["analysis"]["finding_counts"];
    let of = |severity: &str| {
        findings
            .iter()
            .filter(|f| f["severity"] == severity)
            .count()
    };
    assert!(!findings.is_empty());
    assert_eq!(counts["errors"], of("error"));
    assert_eq!(counts["warnings"], of("warning"));
    assert_eq!(counts["hints"], of("hint"));
    assert_eq!(first["document"]["teams"], all["document"]["teams"]);
}

#[test]
fn milestones_are_listed_in_date_order() {
    let h = start(sample);
    let list = read(&h, "document/milestones");
    let dates: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["data"]["date"].as_str().unwrap())
        .collect();
    assert!(dates.len() >= 3, "{dates:?}");
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "{dates:?}");
}

#[test]
fn analysis_commands_rank_check_and_report_traction() {
    let h = start(sample);
    let ranked = invoke(&h, "rank_features", json!({ "view": "risk_first" })).unwrap();
    let ranked = ranked.as_array().unwrap();
    assert_eq!(
        ranked.len(),
        21,
        "the 21 open features of the sample are ranked"
    );
    assert_eq!(ranked[0]["rank"], 1);
    assert!(ranked[0]["reason"]
        .as_str()
        .unwrap()
        .starts_with("business risk, level 5"));

    let file = keel_core::PlanFile::open_with(&h.path, keel_core::Mode::Inspect).unwrap();
    let today = fixed_clock::today();
    let core_findings = keel_core::compute::analysis::plan_check(&file.document().unwrap(), today);
    let findings = read(&h, "analysis/findings");
    assert_eq!(
        findings,
        serde_json::to_value(&core_findings).unwrap(),
        "the UI gets what the core computes"
    );

    let report = read(&h, "analysis/traction");
    assert_eq!(report["progress"]["status"], "behind");
    assert_eq!(report["factory"]["bottleneck"], "activation");
    assert_eq!(report["unit"]["code"], "USD");
    assert_eq!(report["projection"]["kind"], "reached");

    let err = invoke(&h, "rank_features", json!({ "view": "alphabetical" })).unwrap_err();
    assert!(
        err.to_string().contains("alphabetical"),
        "an unknown view is refused: {err}"
    );
}
