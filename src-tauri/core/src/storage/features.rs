//! Features and their manual order in the projection. Positions are 1-based and dense: position
//! N is always the N-th feature of the document's order. A link to a deleted milestone or team
//! is kept as the document has it and read as none.

use super::entity::exists;
use super::PlanFile;
use crate::domain::{Feature, FeatureData};
use crate::error::{CoreError, Result};
use crate::validate::Field;
use rusqlite::{Connection, Row};
use std::collections::HashMap;

const COLUMNS: &str = "f.id, f.position, f.title, f.description, f.risk_class, f.risk_level,
    f.quick_win, f.build_or_buy, f.stage, f.status, f.horizon, f.start_date, f.end_date,
    f.effort_weeks, f.reach, f.impact, f.confidence, f.scale_assumption, m.id, f.factory_step,
    t.id, f.source, f.replatform";

const FROM: &str = "feature f LEFT JOIN milestone m ON m.id = f.milestone_id
    LEFT JOIN team t ON t.id = f.team_id";

fn from_row(r: &Row) -> rusqlite::Result<Feature> {
    Ok(Feature {
        id: r.get(0)?,
        position: r.get(1)?,
        data: FeatureData {
            title: r.get(2)?,
            description: r.get(3)?,
            risk_class: r.get(4)?,
            risk_level: r.get(5)?,
            quick_win: r.get(6)?,
            build_or_buy: r.get(7)?,
            stage: r.get(8)?,
            status: r.get(9)?,
            horizon: r.get(10)?,
            start_date: r.get(11)?,
            end_date: r.get(12)?,
            effort_weeks: r.get(13)?,
            reach: r.get(14)?,
            impact: r.get(15)?,
            confidence: r.get(16)?,
            scale_assumption: r.get(17)?,
            milestone_id: r.get(18)?,
            factory_step: r.get(19)?,
            team_id: r.get(20)?,
            source: r.get(21)?,
            replatform: r.get(22)?,
        },
    })
}

pub(crate) fn list_features(conn: &Connection) -> Result<Vec<Feature>> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} ORDER BY f.position, f.id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn get_feature(conn: &Connection, id: &str) -> Result<Feature> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE f.id = ?1");
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
                Field::new("milestone_id", "Milestone"),
                format!("there is no milestone with id {id}"),
            ));
        }
    }
    if let Some(id) = &data.team_id {
        if !exists(conn, "team", id)? {
            return Err(CoreError::invalid(
                Field::new("team_id", "Team"),
                format!("there is no team with id {id}"),
            ));
        }
    }
    Ok(())
}

/// The editable columns, in the order of [`data_params`].
const DATA_COLUMNS: &[&str] = &[
    "title",
    "description",
    "risk_class",
    "risk_level",
    "quick_win",
    "build_or_buy",
    "stage",
    "status",
    "horizon",
    "start_date",
    "end_date",
    "effort_weeks",
    "reach",
    "impact",
    "confidence",
    "scale_assumption",
    "milestone_id",
    "factory_step",
    "team_id",
    "source",
    "replatform",
];

fn data_params(d: &FeatureData) -> Vec<&dyn rusqlite::ToSql> {
    vec![
        &d.title,
        &d.description,
        &d.risk_class,
        &d.risk_level,
        &d.quick_win,
        &d.build_or_buy,
        &d.stage,
        &d.status,
        &d.horizon,
        &d.start_date,
        &d.end_date,
        &d.effort_weeks,
        &d.reach,
        &d.impact,
        &d.confidence,
        &d.scale_assumption,
        &d.milestone_id,
        &d.factory_step,
        &d.team_id,
        &d.source,
        &d.replatform,
    ]
}

/// Writes feature `id`'s row as the document has it; a new feature goes last until the order is
/// projected (after the highest position, read from its index: counting the rows would scan
/// the whole table at every upsert, 10,000 rows for each feature a merge touches).
pub(crate) fn upsert_feature(conn: &Connection, id: &str, data: &FeatureData) -> Result<()> {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let sql = SQL.get_or_init(upsert_sql);
    let mut params = data_params(data);
    params.push(&id);
    conn.prepare_cached(sql)?.execute(&*params)?;
    Ok(())
}

fn upsert_sql() -> String {
    let n = DATA_COLUMNS.len();
    format!(
        "INSERT INTO feature ({columns}, position, id)
         VALUES ({values}, (SELECT coalesce(max(position), 0) + 1 FROM feature), ?{id})
         ON CONFLICT(id) DO UPDATE SET {assignments}",
        columns = DATA_COLUMNS.join(", "),
        values = (1..=n)
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", "),
        id = n + 1,
        assignments = DATA_COLUMNS
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
        let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE f.{column} = ?1");
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
