//! The plan read from the projection: the whole document, and the copy kept current in memory.

use crate::domain::PlanDocument;
use crate::error::Result;
use crate::store::PlanFile;
use rusqlite::Connection;

/// The plan as the projection holds it.
pub(crate) fn read(conn: &Connection) -> Result<PlanDocument> {
    use crate::store::entity_list as list;
    Ok(PlanDocument {
        format: PlanDocument::FORMAT,
        plan: crate::store::read_plan(conn)?,
        canvas: crate::store::read_canvas(conn)?,
        goal: crate::store::read_goal(conn)?,
        milestones: list(conn)?,
        actuals: list(conn)?,
        factory_snapshots: list(conn)?,
        teams: list(conn)?,
        features: crate::store::list_features(conn)?,
    })
}

impl PlanFile {
    /// The plan as the file holds it now, read from the projection.
    pub fn document(&self) -> Result<PlanDocument> {
        read(self.conn())
    }

    /// The same plan, held in memory once read and kept current by each operation, undo and
    /// redo (what an edit's analysis reads). A plan opened for reading only is read each time:
    /// another process may be writing it.
    pub fn current(&mut self) -> Result<&PlanDocument> {
        if self.read_only().is_some() || self.current_ref().is_none() {
            let now = self.document()?;
            self.keep_current(now);
        }
        Ok(self.current_ref().expect("kept above"))
    }
}
