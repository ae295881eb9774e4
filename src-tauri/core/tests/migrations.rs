//! Every plan format Keel has ever written opens in this build: `tests/fixtures/plan-vN.keel`
//! holds the sample plan as format N wrote it (add one with every schema change). Opening a copy
//! migrates it forward in one transaction and keeps its content.

use keel_core::storage::SCHEMA_VERSION;
use keel_core::PlanFile;
use std::path::PathBuf;

fn fixture(version: u32) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/plan-v{version}.keel"))
}

fn user_version(path: &std::path::Path) -> u32 {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn there_is_a_fixture_for_every_format_up_to_the_current_one() {
    for version in 1..=SCHEMA_VERSION {
        assert!(
            fixture(version).exists(),
            "format {version} needs a fixture at {} (copy a sample plan written by that format)",
            fixture(version).display()
        );
        assert_eq!(
            user_version(&fixture(version)),
            version,
            "the fixture is of its format"
        );
    }
}

#[test]
fn every_earlier_format_opens_migrated_with_its_content() {
    for version in 1..=SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("old.keel");
        std::fs::copy(fixture(version), &copy).unwrap();
        let file = PlanFile::open(&copy)
            .unwrap_or_else(|e| panic!("a format {version} plan must open: {e}"));
        assert_eq!(
            user_version(&copy),
            SCHEMA_VERSION,
            "format {version} is migrated forward"
        );
        assert_eq!(file.integrity_check().unwrap(), "ok");
        assert_eq!(file.plan().unwrap().data.company_name, "Loomline");
        assert_eq!(
            file.features().unwrap().len(),
            24,
            "format {version} keeps its features"
        );
        assert!(
            file.goal().unwrap().is_some(),
            "format {version} keeps its goal"
        );
    }
}

fn blob(path: &std::path::Path, sql: &str) -> Vec<u8> {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Format 1 wrote snapshots as JSON with numeric ids; this adds one to a copy of the fixture:
/// the plan as it was before its last feature, under `label`.
fn add_format1_snapshot(path: &std::path::Path, label: &str, taken_at: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut doc = {
        // This build reads a format-1 plan only by upgrading it: read an upgraded copy.
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("read.keel");
        std::fs::copy(fixture(1), &copy).unwrap();
        serde_json::to_value(PlanFile::open(&copy).unwrap().document().unwrap()).unwrap()
    };
    doc["format"] = 1.into();
    doc["features"].as_array_mut().unwrap().pop();
    fn numeric(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m.iter_mut() {
                    if ["id", "milestone_id", "team_id"].contains(&k.as_str()) {
                        if let Some(n) = x.as_str().and_then(|s| s.parse::<u64>().ok()) {
                            *x = n.into();
                            continue;
                        }
                    }
                    numeric(x);
                }
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(numeric),
            _ => {}
        }
    }
    numeric(&mut doc);
    conn.execute(
        "INSERT INTO snapshot (label, taken_at, plan_json) VALUES (?1, ?2, ?3)",
        rusqlite::params![label, taken_at, doc.to_string()],
    )
    .unwrap();
}

#[test]
fn upgrading_the_same_file_on_two_machines_gives_the_same_history() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut ids = Vec::new();
    let mut histories = Vec::new();
    for dir in [&a, &b] {
        let copy = dir.path().join("plan.keel");
        std::fs::copy(fixture(1), &copy).unwrap();
        add_format1_snapshot(&copy, "Seed round", "2026-10-01T09:00:00Z");
        let file = PlanFile::open(&copy).unwrap();
        ids.push(file.plan_id().unwrap());
        drop(file);
        histories.push(blob(&copy, "SELECT bytes FROM history_snapshot"));
    }
    assert_eq!(ids[0], ids[1], "the same plan keeps one identity");
    assert_eq!(histories[0], histories[1], "byte-identical history");

    // A different file upgrades to a different identity and history.
    let c = tempfile::tempdir().unwrap();
    let other = c.path().join("plan.keel");
    std::fs::copy(fixture(1), &other).unwrap();
    let file = PlanFile::open(&other).unwrap();
    assert_ne!(file.plan_id().unwrap(), ids[0]);
}

#[test]
fn after_the_upgrade_every_session_edits_under_a_fresh_peer() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("plan.keel");
    std::fs::copy(fixture(1), &copy).unwrap();
    let mut peers = std::collections::HashSet::new();
    for round in 0..3 {
        let mut file = PlanFile::open(&copy).unwrap();
        let feature = file.features().unwrap()[0].clone();
        let mut data = feature.data.clone();
        data.title = format!("Edited {round}");
        file.update_feature(&feature.id, data).unwrap();
        let change = file.log(None).unwrap()[0].change.clone();
        let peer = change.split('@').nth(1).unwrap().to_string();
        assert!(peers.insert(peer), "a peer id is never reused: {change}");
    }
    let upgrade = PlanFile::open(&copy).unwrap().log(None).unwrap();
    let first = upgrade.last().unwrap();
    assert_eq!(first.label, "Upgraded to plan format 2");
    let upgrade_peer = first.change.split('@').nth(1).unwrap();
    assert!(
        !peers.contains(upgrade_peer),
        "edits never use the upgrade's peer"
    );
}

#[test]
fn format1_snapshots_become_named_versions() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("plan.keel");
    std::fs::copy(fixture(1), &copy).unwrap();
    add_format1_snapshot(&copy, "Seed round", "2026-10-01T09:00:00Z");
    let file = PlanFile::open(&copy).unwrap();
    let versions = file.versions().unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].label, "Seed round");
    assert_eq!(versions[0].marked_at, "2026-10-01T09:00:00Z");
    let then = file.version_document(&versions[0].id).unwrap();
    assert_eq!(
        then.features.len(),
        23,
        "the version is the plan as the snapshot froze it"
    );
    assert_eq!(
        file.features().unwrap().len(),
        24,
        "the plan now is unchanged"
    );
    let since = file.log(Some(&versions[0].id)).unwrap();
    assert_eq!(
        since.iter().map(|e| e.label.as_str()).collect::<Vec<_>>(),
        ["Upgraded to plan format 2"],
        "what changed since a version leaves out the marking of it"
    );
    let conn = rusqlite::Connection::open(&copy).unwrap();
    let snapshot_table: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'snapshot'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        snapshot_table, 0,
        "the JSON snapshots are gone, replaced by versions"
    );
}

#[test]
fn a_format_4_plan_gains_the_scaling_fields_empty_and_takes_them() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("v4.keel");
    std::fs::copy(fixture(4), &copy).unwrap();
    let mut file = PlanFile::open(&copy).unwrap();
    let doc = file.document().unwrap();
    assert_eq!(doc.plan.data.scaling_from, None);
    assert!(doc.features.iter().all(|f| !f.data.replatform));
    let team = doc.teams[0].clone();
    assert_eq!(
        (
            team.data.mission.as_str(),
            &team.data.kpi,
            team.data.quarters.len()
        ),
        ("", &None, 0)
    );
    let mut scaled = team.data.clone();
    scaled.mission = "Find product/market fit.".into();
    scaled.quarters = vec![keel_core::domain::TeamQuarter {
        quarter: "2027-Q1".into(),
        funding: 250_000.0,
        headcount: 6,
    }];
    file.apply(
        keel_core::Operation::UpdateTeam {
            id: team.id.clone(),
            data: scaled.clone(),
        },
        "Ada",
    )
    .unwrap();
    drop(file);
    let file = PlanFile::open(&copy).unwrap();
    assert_eq!(
        file.get::<keel_core::domain::TeamData>(&team.id)
            .unwrap()
            .data,
        scaled
    );
}
