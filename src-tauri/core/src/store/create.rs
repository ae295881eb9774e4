//! New plan files: the whole plan written as the first change of a new history, in a temporary
//! file moved into place only once complete.

use super::{connect, migrate, record, PlanFile, TempPath};
use crate::clock;
use crate::domain::PlanDocument;
use crate::error::{CoreError, Result};
use crate::store::history::{self, tree, Note};
use loro::LoroDoc;
use rusqlite::TransactionBehavior;
use std::path::Path;

/// A new plan's identity: 128 random bits, fixed at creation, kept by every copy.
fn new_plan_id() -> String {
    format!(
        "{:016x}{:016x}",
        history::random_peer(),
        history::random_peer()
    )
}

/// A plan as it was at a named version (a format-1 snapshot, or a version of a JSON export).
#[derive(Debug, Clone, PartialEq)]
pub struct MarkedPlan {
    pub id: String,
    pub label: String,
    /// RFC 3339.
    pub marked_at: String,
    pub author: String,
    pub plan: PlanDocument,
}

fn seconds(rfc3339: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(rfc3339).map_or(0, |t| t.timestamp())
}

/// Writes a history into `doc`: each version's plan as a change, marked under its name, then
/// `current` as the last change (`note`, at `at`).
pub(crate) fn write_history(
    doc: &LoroDoc,
    plan_id: &str,
    versions: &[MarkedPlan],
    current: &PlanDocument,
    note: &Note,
    at: i64,
) -> Result<()> {
    doc.get_map(tree::META)
        .insert("plan_id", plan_id)
        .map_err(history::history_error)?;
    for v in versions {
        let when = seconds(&v.marked_at);
        tree::write_document(doc, &v.plan)?;
        let as_of = Note::new(format!("The plan as of “{}”", v.label), &v.author);
        history::commit(doc, &as_of, when, None);
        super::versions::mark(doc, &v.id, &v.label, &v.author, &v.marked_at)?;
        let marked = Note {
            version: v.id.clone(),
            ..Note::new(format!("Marked version “{}”", v.label), &v.author)
        };
        history::commit(doc, &marked, when, None);
    }
    tree::write_document(doc, current)?;
    history::commit(doc, note, at, None);
    Ok(())
}

impl PlanFile {
    /// Creates a plan file holding `plan`, whose creation is its history's first change
    /// (labelled `label`, by `author`). Refuses to replace an existing file.
    pub fn create_from(
        path: &Path,
        plan: &PlanDocument,
        label: &str,
        author: &str,
    ) -> Result<PlanFile> {
        Self::create_with_versions(path, &[], plan, label, author)
    }

    /// As [`PlanFile::create_from`], with named versions before the plan as it is now.
    pub fn create_with_versions(
        path: &Path,
        versions: &[MarkedPlan],
        plan: &PlanDocument,
        label: &str,
        author: &str,
    ) -> Result<PlanFile> {
        super::check_portable(path)?;
        if path.exists() {
            return Err(CoreError::AlreadyExists {
                path: path.to_path_buf(),
            });
        }
        let doc = history::configured(LoroDoc::new());
        let note = Note::new(label, author);
        let plan_id = new_plan_id();
        write_history(
            &doc,
            &plan_id,
            versions,
            plan,
            &note,
            clock::now_utc().timestamp(),
        )?;
        let temp = TempPath::beside(path);
        (|| -> Result<()> {
            let mut conn = connect(&temp.0, true)?;
            migrate::migrate(&mut conn, migrate::MIGRATIONS)?;
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            record::write_new(&tx, &doc, &plan_id)?;
            tx.execute("UPDATE plan SET updated_at = ?1", [&plan.plan.updated_at])?;
            tx.commit()?;
            conn.close().map_err(|(_, e)| CoreError::from(e))
        })()
        .map_err(|e| e.not_written("No plan was created", path))?;
        temp.persist_new(path)?;
        Self::open(path)
    }

    /// The plan's identity, fixed at creation and kept by every copy of it.
    pub fn plan_id(&self) -> Result<String> {
        Ok(self
            .conn()
            .query_row("SELECT plan_id FROM history_meta WHERE id = 1", [], |r| {
                r.get(0)
            })?)
    }
}
