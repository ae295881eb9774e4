//! Features and their manual order in the projection. Positions are 1-based and dense: position
//! N is always the N-th feature of the document's order. A link to a deleted milestone or team
//! is kept as the document has it and read as none.

use super::columns::{field_names, from_named_columns, to_columns};
use super::entity::exists;
use super::PlanFile;
use crate::domain::labels::feature_field;
use crate::domain::{Feature, FeatureData};
use crate::error::{CoreError, Result};
use rusqlite::types::Value;
use rusqlite::{Connection, Row};
use std::collections::HashMap;

/// A feature's columns: its id and position, then its fields by name (a link to a milestone or
/// team that is gone reads as none).
fn columns() -> &'static str {
    static COLUMNS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    COLUMNS.get_or_init(|| {
        let fields = field_names::<FeatureData>().iter().map(|&name| match name {
            "milestone_id" => "m.id".to_string(),
            "team_id" => "t.id".to_string(),
            other => format!("f.{other}"),
        });
        ["f.id".to_string(), "f.position".to_string()]
            .into_iter()
            .chain(fields)
            .collect::<Vec<_>>()
            .join(", ")
    })
}

const FROM: &str = "feature f LEFT JOIN milestone m ON m.id = f.milestone_id
    LEFT JOIN team t ON t.id = f.team_id";

fn from_row(r: &Row) -> rusqlite::Result<Feature> {
    static FIELDS: std::sync::OnceLock<&'static [&'static str]> = std::sync::OnceLock::new();
    let fields = FIELDS.get_or_init(field_names::<FeatureData>);
    Ok(Feature {
        id: r.get(0)?,
        position: r.get(1)?,
        data: from_named_columns(r, 2, fields)?,
    })
}

pub(crate) fn list_features(conn: &Connection) -> Result<Vec<Feature>> {
    let sql = format!("SELECT {} FROM {FROM} ORDER BY f.position, f.id", columns());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn get_feature(conn: &Connection, id: &str) -> Result<Feature> {
    let sql = format!("SELECT {} FROM {FROM} WHERE f.id = ?1", columns());
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([id])?;
    match rows.next()? {
        Some(row) => Ok(from_row(row)?),
        None => Err(CoreError::NotFound {
            entity: "feature",
            id: id.to_string(),
        }),
    }
}

/// Refuses links to a milestone or team that is not in the plan.
pub(crate) fn check_links(conn: &Connection, data: &FeatureData) -> Result<()> {
    if let Some(id) = &data.milestone_id {
        if !exists(conn, "milestone", id)? {
            return Err(CoreError::invalid(
                feature_field("milestone_id"),
                format!("there is no milestone with id {id}"),
            ));
        }
    }
    if let Some(id) = &data.team_id {
        if !exists(conn, "team", id)? {
            return Err(CoreError::invalid(
                feature_field("team_id"),
                format!("there is no team with id {id}"),
            ));
        }
    }
    Ok(())
}

/// Writes feature `id`'s row as the document has it; a new feature goes last until the order is
/// projected (after the highest position, read from its index: counting the rows would scan
/// the whole table at every upsert, 10,000 rows for each feature a merge touches).
pub(crate) fn upsert_feature(conn: &Connection, id: &str, data: &FeatureData) -> Result<()> {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let sql = SQL.get_or_init(upsert_sql);
    let mut values = to_columns(data)?;
    values.push(Value::Text(id.to_string()));
    conn.prepare_cached(sql)?
        .execute(rusqlite::params_from_iter(values))?;
    Ok(())
}

fn upsert_sql() -> String {
    let columns = field_names::<FeatureData>();
    let n = columns.len();
    format!(
        "INSERT INTO feature ({columns}, position, id)
         VALUES ({values}, (SELECT coalesce(max(position), 0) + 1 FROM feature), ?{id})
         ON CONFLICT(id) DO UPDATE SET {assignments}",
        columns = columns.join(", "),
        values = (1..=n)
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", "),
        id = n + 1,
        assignments = columns
            .iter()
            .map(|c| format!("{c} = excluded.{c}"))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// Each feature's position as the projection has it.
pub(crate) fn feature_positions(conn: &Connection) -> Result<HashMap<String, u32>> {
    let mut stmt = conn.prepare_cached("SELECT id, position FROM feature")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl PlanFile {
    /// The features whose `column` (team_id or milestone_id) holds `id` in the document, shown
    /// or not (a deleted team's features link to it again when it comes back).
    pub(crate) fn features_linked(&self, column: &str, id: &str) -> Result<Vec<Feature>> {
        let sql = format!("SELECT {} FROM {FROM} WHERE f.{column} = ?1", columns());
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map([id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The features' ids in the manual order.
    pub(crate) fn feature_ids(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT id FROM feature ORDER BY position, id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// All features in their manual order.
    pub fn features(&self) -> Result<Vec<Feature>> {
        list_features(self.conn())
    }

    pub fn feature(&self, id: &str) -> Result<Feature> {
        get_feature(self.conn(), id)
    }
}
