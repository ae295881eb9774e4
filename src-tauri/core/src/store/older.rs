//! A plan of an older format is read as it is: upgraded in a copy in memory, the file left byte
//! for byte until a change is written to it. The first change (an edit, a merge, a sync, a
//! settled conflict) upgrades the file itself first, in one transaction.

use super::{in_memory_copy, migrate, record, use_keels_journal, PlanFile, SCHEMA_VERSION};
use crate::error::Result;
use rusqlite::Connection;

/// The file of a plan read from its upgraded copy, open for editing.
pub(super) struct Older {
    pub file: Connection,
    /// The file was in write-ahead-log mode: Keel's journal mode is set when it is upgraded.
    pub wal: bool,
}

/// The plan upgraded to this build's format, in memory; the file is not written.
pub(super) fn upgraded_copy(file: &Connection) -> Result<Connection> {
    let mut copy = in_memory_copy(file)?;
    upgrade(&mut copy)?;
    Ok(copy)
}

/// Brings a plan to this build's format. The upgraded history, its versions and its tables
/// must read, or the upgrade is rolled back (a file refused after its upgrade would have
/// changed; found by fuzzing open_plan once format 4 made format-3 files upgrade).
fn upgrade(conn: &mut Connection) -> Result<()> {
    migrate::migrate_checked(conn, migrate::MIGRATIONS, |tx| {
        record::load(tx)?;
        record::projected_version(tx)?;
        record::document_version(tx)?;
        crate::store::document::read(tx).map(drop)
    })
}

impl PlanFile {
    /// Says why no change can be written to this plan, or makes its file ready for one: a
    /// file of an older format is upgraded now, whole or not at all.
    pub(crate) fn ready_to_write(&mut self) -> Result<()> {
        if let Some(refused) = self.refusal() {
            return Err(refused);
        }
        let Some(mut older) = self.older.take() else {
            return Ok(());
        };
        let upgraded = (|| -> Result<()> {
            upgrade(&mut older.file)?;
            if record::projected_version(&older.file)? != record::document_version(&older.file)? {
                let history = record::load(&older.file)?;
                record::rebuild_projection(&mut older.file, &history)?;
            }
            if older.wal {
                use_keels_journal(&older.file)?;
            }
            Ok(())
        })();
        match upgraded {
            Ok(()) => {
                self.conn = older.file;
                self.file_format = SCHEMA_VERSION;
                // Read again from the file (the same content: the upgrade is deterministic).
                self.history = None;
                self.current = None;
                Ok(())
            }
            Err(e) => {
                self.older = Some(older);
                Err(e.not_written("The change was not saved", &self.path))
            }
        }
    }

    /// The plan format of the file as it is on disk (older than this build's until the first
    /// change to a plan of an older format is written).
    pub fn file_format(&self) -> u32 {
        self.file_format
    }
}
