//! The projection's simple row types (milestones, actuals, factory snapshots, teams): their
//! tables, reads, and the checks an edit of one makes against the rest of the plan.

use super::columns::{field_names, from_columns, from_named_columns, to_columns};
use super::PlanFile;
use crate::domain::validate::Field;
use crate::domain::{ActualData, FactorySnapshotData, Item, MilestoneData, TeamData};
use crate::error::{CoreError, Result};
use rusqlite::types::Value;
use rusqlite::Connection;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A row type stored in its own table with an integer id.
/// Its columns are its fields, bound by name (see `columns`).
pub trait Entity: Sized + Clone + Serialize + DeserializeOwned {
    const TABLE: &'static str;
    /// How a founder calls one ("milestone").
    const NAME: &'static str;
    const ORDER_BY: &'static str;

    fn validated(self) -> Result<Self>;
    /// Checks against the rest of the plan (uniqueness and the like); `id` is the row edited.
    fn check(&self, _conn: &Connection, _id: Option<&str>) -> Result<()> {
        Ok(())
    }
}

pub(crate) fn list<T: Entity>(conn: &Connection) -> Result<Vec<Item<T>>> {
    let sql = format!(
        "SELECT id, {} FROM {} ORDER BY {}",
        field_names::<T>().join(", "),
        T::TABLE,
        T::ORDER_BY
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let fields = field_names::<T>();
    let rows = stmt.query_map([], |row| {
        Ok(Item {
            id: row.get(0)?,
            data: from_named_columns(row, 1, fields)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn get<T: Entity>(conn: &Connection, id: &str) -> Result<Item<T>> {
    let sql = format!(
        "SELECT id, {} FROM {} WHERE id = ?1",
        field_names::<T>().join(", "),
        T::TABLE
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([id])?;
    match rows.next()? {
        Some(row) => Ok(Item {
            id: row.get(0)?,
            data: from_columns(row, 1)?,
        }),
        None => Err(CoreError::NotFound {
            entity: T::NAME,
            id: id.to_string(),
        }),
    }
}

/// Writes item `id`'s row as the document has it (inserted, or its columns replaced).
pub(crate) fn upsert<T: Entity>(conn: &Connection, id: &str, data: &T) -> Result<()> {
    let columns = field_names::<T>();
    let sql = format!(
        "INSERT INTO {table} (id, {columns}) VALUES (?{n}, {values})
         ON CONFLICT(id) DO UPDATE SET {assignments}",
        table = T::TABLE,
        columns = columns.join(", "),
        n = columns.len() + 1,
        values = placeholders(columns.len()),
        assignments = columns
            .iter()
            .map(|c| format!("{c} = excluded.{c}"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    let mut values = to_columns(data)?;
    values.push(Value::Text(id.to_string()));
    conn.prepare_cached(&sql)?
        .execute(rusqlite::params_from_iter(values))?;
    Ok(())
}

pub(crate) fn remove<T: Entity>(conn: &Connection, id: &str) -> Result<()> {
    let sql = format!("DELETE FROM {} WHERE id = ?1", T::TABLE);
    conn.prepare_cached(&sql)?.execute([id])?;
    Ok(())
}

fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn exists(conn: &Connection, table: &str, id: &str) -> Result<bool> {
    let sql = format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)");
    Ok(conn.prepare_cached(&sql)?.query_row([id], |r| r.get(0))?)
}

impl PlanFile {
    pub fn list<T: Entity>(&self) -> Result<Vec<Item<T>>> {
        list(self.conn())
    }

    pub fn get<T: Entity>(&self, id: &str) -> Result<Item<T>> {
        get(self.conn(), id)
    }
}

/// Refuses a second row with the same date in a table with one row per date.
fn unique_date(
    conn: &Connection,
    table: &str,
    date: chrono::NaiveDate,
    id: Option<&str>,
    field: Field,
) -> Result<()> {
    // The field's key is its column.
    let column = field.key;
    let sql = format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE {column} = ?1 AND id IS NOT ?2)");
    let taken: bool = conn
        .prepare_cached(&sql)?
        .query_row(rusqlite::params![date, id], |r| r.get(0))?;
    if taken {
        Err(CoreError::invalid(
            field,
            format!("there is already an entry for {date}"),
        ))
    } else {
        Ok(())
    }
}

impl Entity for MilestoneData {
    const TABLE: &'static str = "milestone";
    const NAME: &'static str = "milestone";
    const ORDER_BY: &'static str = "date, id";

    fn validated(self) -> Result<Self> {
        MilestoneData::validated(self)
    }
}

impl Entity for ActualData {
    const TABLE: &'static str = "traction_actual";
    const NAME: &'static str = "traction actual";
    const ORDER_BY: &'static str = "date";

    fn validated(self) -> Result<Self> {
        ActualData::validated(self)
    }
    fn check(&self, conn: &Connection, id: Option<&str>) -> Result<()> {
        unique_date(conn, Self::TABLE, self.date, id, Field::new("date", "Date"))
    }
}

impl Entity for FactorySnapshotData {
    const TABLE: &'static str = "factory_snapshot";
    const NAME: &'static str = "factory snapshot";
    const ORDER_BY: &'static str = "period_start";

    fn validated(self) -> Result<Self> {
        FactorySnapshotData::validated(self)
    }
    fn check(&self, conn: &Connection, id: Option<&str>) -> Result<()> {
        unique_date(
            conn,
            Self::TABLE,
            self.period_start,
            id,
            Field::new("period_start", "Period start"),
        )
    }
}

impl Entity for TeamData {
    const TABLE: &'static str = "team";
    const NAME: &'static str = "team";
    const ORDER_BY: &'static str = "name COLLATE NOCASE, id";

    fn validated(self) -> Result<Self> {
        TeamData::validated(self)
    }
}
