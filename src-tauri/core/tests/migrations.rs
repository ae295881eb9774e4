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
