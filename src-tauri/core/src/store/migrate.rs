//! Forward-only schema migrations, embedded in the binary. Migration `i` (0-based) takes a plan
//! from format `i` to format `i + 1`: a script, and for some an upgrade of the content in Rust
//! (run once every pending script has run); all pending ones run in one transaction, so a file
//! is either fully upgraded or untouched. Never edit a released migration: add a new one.

use crate::error::Result;
use rusqlite::{Connection, Transaction, TransactionBehavior};

/// One step between formats.
pub(crate) struct Migration {
    pub sql: &'static str,
    pub upgrade: Option<fn(&Transaction) -> Result<()>>,
}

pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        sql: include_str!("../../migrations/0001_initial.sql"),
        upgrade: None,
    },
    Migration {
        sql: include_str!("../../migrations/0002_history.sql"),
        upgrade: Some(super::upgrade::to_history),
    },
    Migration {
        sql: include_str!("../../migrations/0003_conflicts.sql"),
        upgrade: None,
    },
    Migration {
        sql: include_str!("../../migrations/0004_feature_source.sql"),
        upgrade: None,
    },
    Migration {
        sql: include_str!("../../migrations/0005_scaling_up.sql"),
        upgrade: None,
    },
];

/// The plan format this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// "KEEL" as the SQLite application id.
pub const APPLICATION_ID: u32 = 0x4B45_454C;

pub(crate) fn user_version(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings the file to `migrations.len()`; a new file (format 0) also gets Keel's application id.
pub(crate) fn migrate(conn: &mut Connection, migrations: &[Migration]) -> Result<()> {
    migrate_checked(conn, migrations, |_| Ok(()))
}

/// The same, committed only if `check` then accepts the upgraded content: a file whose
/// content cannot be read is refused as it was, not upgraded first (found by fuzzing).
pub(crate) fn migrate_checked(
    conn: &mut Connection,
    migrations: &[Migration],
    check: impl FnOnce(&Transaction) -> Result<()>,
) -> Result<()> {
    let from = user_version(conn)? as usize;
    if from >= migrations.len() {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if from == 0 {
        tx.pragma_update(None, "application_id", APPLICATION_ID as i32)?;
    }
    // The scripts first, then the upgrades in their order: an upgrade reads the content with
    // this build's reader, which expects the tables of this build's format.
    for step in &migrations[from..] {
        tx.execute_batch(step.sql)?;
    }
    for upgrade in migrations[from..].iter().filter_map(|step| step.upgrade) {
        upgrade(&tx)?;
    }
    tx.pragma_update(None, "user_version", migrations.len() as u32)?;
    check(&tx)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scripts(sql: &[&'static str]) -> Vec<Migration> {
        sql.iter()
            .map(|sql| Migration { sql, upgrade: None })
            .collect()
    }

    #[test]
    fn a_failing_migration_leaves_the_file_at_its_old_version() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = Connection::open(dir.path().join("m.keel")).unwrap();
        migrate(&mut conn, &scripts(&["CREATE TABLE a (x);"])).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 1);
        let broken = [
            "CREATE TABLE a (x);",
            "CREATE TABLE b (y); SELECT nope FROM missing;",
        ];
        assert!(migrate(&mut conn, &scripts(&broken)).is_err());
        assert_eq!(
            user_version(&conn).unwrap(),
            1,
            "a failed step must not bump the version"
        );
        let b_exists: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'b'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            b_exists, 0,
            "a failed migration must roll back its earlier statements"
        );
    }

    #[test]
    fn migrations_run_in_order_from_any_earlier_version() {
        let steps = [
            "CREATE TABLE a (x);",
            "ALTER TABLE a ADD COLUMN y;",
            "CREATE TABLE c (z);",
        ];
        for start in 0..steps.len() {
            let dir = tempfile::tempdir().unwrap();
            let mut conn = Connection::open(dir.path().join("m.keel")).unwrap();
            migrate(&mut conn, &scripts(&steps[..start])).unwrap();
            migrate(&mut conn, &scripts(&steps)).unwrap();
            assert_eq!(user_version(&conn).unwrap(), 3);
            conn.execute("INSERT INTO a (x, y) VALUES (1, 2)", [])
                .unwrap();
            conn.execute("INSERT INTO c (z) VALUES (3)", []).unwrap();
        }
    }
}
