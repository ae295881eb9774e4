//! Every plan format Keel has ever written opens in this build: `tests/fixtures/plan-vN.keel`
//! holds the sample plan as format N wrote it (add one with every schema change). A copy opens
//! with its content, read as it is; the first change written migrates the file forward in one
//! transaction.

use keel_core::store::SCHEMA_VERSION;
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

/// Writes a change that changes nothing: the file is upgraded, nothing is recorded.
fn upgrade(file: &mut PlanFile) {
    let feature = file.features().unwrap()[0].clone();
    file.update_feature(&feature.id, feature.data).unwrap();
}

#[test]
fn every_earlier_format_opens_with_its_content_and_the_first_change_migrates_it() {
    for version in 1..=SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("old.keel");
        std::fs::copy(fixture(version), &copy).unwrap();
        let mut file = PlanFile::open(&copy)
            .unwrap_or_else(|e| panic!("a format {version} plan must open: {e}"));
        assert_eq!(file.read_only(), None, "format {version} opens for editing");
        assert_eq!(file.file_format(), version);
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
        file.log(None).unwrap();
        file.versions().unwrap();
        assert_eq!(
            std::fs::read(&copy).unwrap(),
            std::fs::read(fixture(version)).unwrap(),
            "format {version}: a plan only read is left byte for byte"
        );

        let feature = file.features().unwrap()[0].clone();
        let mut data = feature.data.clone();
        data.title = "Edited after the upgrade".into();
        file.update_feature(&feature.id, data).unwrap();
        assert_eq!(file.file_format(), SCHEMA_VERSION);
        assert_eq!(
            user_version(&copy),
            SCHEMA_VERSION,
            "format {version} is migrated forward by the first change"
        );
        assert_eq!(file.integrity_check().unwrap(), "ok");
        drop(file);
        let file = PlanFile::open(&copy).unwrap();
        assert_eq!(file.features().unwrap().len(), 24);
        assert!(file
            .features()
            .unwrap()
            .iter()
            .any(|f| f.data.title == "Edited after the upgrade"));
    }
}

#[test]
fn the_ids_read_before_the_upgrade_are_the_ids_written_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("old.keel");
    std::fs::copy(fixture(1), &copy).unwrap();
    let mut file = PlanFile::open(&copy).unwrap();
    let before = file.document().unwrap();
    let plan_id = file.plan_id().unwrap();
    let feature = before.features[3].clone();
    let mut data = feature.data.clone();
    data.title = "Renamed".into();
    file.update_feature(&feature.id, data).unwrap();
    let after = file.document().unwrap();
    assert_eq!(
        after.features.iter().map(|f| &f.id).collect::<Vec<_>>(),
        before.features.iter().map(|f| &f.id).collect::<Vec<_>>()
    );
    assert_eq!(file.plan_id().unwrap(), plan_id);
    assert_eq!(after.features[3].data.title, "Renamed");
}

#[test]
fn an_older_plan_open_read_only_is_read_in_memory_and_refuses_changes() {
    for version in 1..SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("old.keel");
        std::fs::copy(fixture(version), &copy).unwrap();
        let mut perms = std::fs::metadata(&copy).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&copy, perms).unwrap();
        let mut file = PlanFile::open(&copy).unwrap();
        assert_eq!(file.read_only(), Some("the file is read-only"));
        assert_eq!(file.features().unwrap().len(), 24);
        let feature = file.features().unwrap()[0].clone();
        let err = file.update_feature(&feature.id, feature.data).unwrap_err();
        assert!(err.to_string().contains("read-only"), "{err}");
        assert!(
            !err.to_string().contains("upgrade"),
            "reading needs no upgrade: {err}"
        );
        assert_eq!(
            std::fs::read(&copy).unwrap(),
            std::fs::read(fixture(version)).unwrap()
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
        let mut file = PlanFile::open(&copy).unwrap();
        upgrade(&mut file);
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
    let mut file = PlanFile::open(&copy).unwrap();
    upgrade(&mut file);
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
