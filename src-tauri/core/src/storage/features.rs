//! Features and their manual order. Positions are 1-based and dense: every insert appends,
//! every delete and move renumbers, so position N is always the N-th feature.

use super::entity::{exists, row_id};
use super::PlanFile;
use crate::domain::{Feature, FeatureData};
use crate::error::{CoreError, Result};
use crate::validate::Field;
use rusqlite::{Connection, Row};

const COLUMNS: &str = "id, position, title, description, risk_class, risk_level, quick_win,
    build_or_buy, stage, status, horizon, start_date, end_date, effort_weeks, reach, impact,
    confidence, scale_assumption, milestone_id, factory_step, team_id";

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
        },
    })
}

pub(crate) fn list_features(conn: &Connection) -> Result<Vec<Feature>> {
    let sql = format!("SELECT {COLUMNS} FROM feature ORDER BY position, id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn get_feature(conn: &Connection, id: u32) -> Result<Feature> {
    let sql = format!("SELECT {COLUMNS} FROM feature WHERE id = ?1");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([id])?;
    match rows.next()? {
        Some(row) => Ok(from_row(row)?),
        None => Err(CoreError::NotFound {
            entity: "feature",
            id,
        }),
    }
}

/// Refuses links to a milestone or team that is not in the plan.
fn check_links(conn: &Connection, data: &FeatureData) -> Result<()> {
    if let Some(id) = data.milestone_id {
        if !exists(conn, "milestone", id)? {
            return Err(CoreError::invalid(
                Field::new("milestone_id", "Milestone"),
                format!("there is no milestone with id {id}"),
            ));
        }
    }
    if let Some(id) = data.team_id {
        if !exists(conn, "team", id)? {
            return Err(CoreError::invalid(
                Field::new("team_id", "Team"),
                format!("there is no team with id {id}"),
            ));
        }
    }
    Ok(())
}

fn feature_count(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("SELECT count(*) FROM feature", [], |r| r.get(0))?)
}

pub(crate) fn insert_feature(conn: &Connection, data: &FeatureData) -> Result<u32> {
    let position = feature_count(conn)? + 1;
    insert_feature_row(conn, None, position, data)?;
    row_id(conn)
}

/// Inserts a feature with a given id and position (imports keep both).
pub(crate) fn insert_feature_with_id(
    conn: &Connection,
    id: u32,
    position: u32,
    data: &FeatureData,
) -> Result<()> {
    insert_feature_row(conn, Some(id), position, data)
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
    ]
}

fn insert_feature_row(
    conn: &Connection,
    id: Option<u32>,
    position: u32,
    data: &FeatureData,
) -> Result<()> {
    check_links(conn, data)?;
    let n = DATA_COLUMNS.len();
    let sql = format!(
        "INSERT INTO feature ({}, position, id) VALUES ({})",
        DATA_COLUMNS.join(", "),
        (1..=n + 2)
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut params = data_params(data);
    params.push(&position);
    params.push(&id);
    conn.prepare_cached(&sql)?.execute(&*params)?;
    Ok(())
}

fn write_feature(conn: &Connection, id: u32, data: &FeatureData) -> Result<()> {
    check_links(conn, data)?;
    let assignments: Vec<String> = DATA_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    let sql = format!(
        "UPDATE feature SET {} WHERE id = ?{}",
        assignments.join(", "),
        DATA_COLUMNS.len() + 1
    );
    let mut params = data_params(data);
    params.push(&id);
    let changed = conn.prepare_cached(&sql)?.execute(&*params)?;
    if changed == 0 {
        return Err(CoreError::NotFound {
            entity: "feature",
            id,
        });
    }
    Ok(())
}

impl PlanFile {
    /// All features in their manual order.
    pub fn features(&self) -> Result<Vec<Feature>> {
        list_features(self.conn())
    }

    pub fn feature(&self, id: u32) -> Result<Feature> {
        get_feature(self.conn(), id)
    }

    /// Adds a feature at the end of the manual order.
    pub fn create_feature(&mut self, data: FeatureData) -> Result<Feature> {
        let data = data.validated()?;
        let id = self.edit(|tx| insert_feature(tx, &data))?;
        self.feature(id)
    }

    pub fn update_feature(&mut self, id: u32, data: FeatureData) -> Result<Feature> {
        let data = data.validated()?;
        self.edit(|tx| write_feature(tx, id, &data))?;
        self.feature(id)
    }

    pub fn delete_feature(&mut self, id: u32) -> Result<()> {
        self.edit(|tx| {
            let position = get_feature(tx, id)?.position;
            tx.execute("DELETE FROM feature WHERE id = ?1", [id])?;
            tx.execute(
                "UPDATE feature SET position = position - 1 WHERE position > ?1",
                [position],
            )?;
            Ok(())
        })
    }

    /// Moves a feature to `position` (1-based, clamped to the list) in the manual order.
    pub fn move_feature(&mut self, id: u32, position: u32) -> Result<Feature> {
        self.edit(|tx| {
            let from = get_feature(tx, id)?.position;
            let to = position.clamp(1, feature_count(tx)?);
            if to < from {
                tx.execute(
                    "UPDATE feature SET position = position + 1 WHERE position >= ?1 AND position < ?2",
                    [to, from],
                )?;
            } else if to > from {
                tx.execute(
                    "UPDATE feature SET position = position - 1 WHERE position > ?1 AND position <= ?2",
                    [from, to],
                )?;
            }
            tx.execute("UPDATE feature SET position = ?1 WHERE id = ?2", [to, id])?;
            Ok(())
        })?;
        self.feature(id)
    }
}
