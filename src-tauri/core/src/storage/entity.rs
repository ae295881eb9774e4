//! The projection's simple row types (milestones, actuals, factory snapshots, teams): their
//! tables, reads, and the checks an edit of one makes against the rest of the plan.

use super::PlanFile;
use crate::domain::{
    ActualData, FactorySnapshotData, Item, MilestoneData, TeamData, TeamKpi, TeamQuarter,
};
use crate::error::{CoreError, Result};
use crate::validate::Field;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, ValueRef};
use rusqlite::{Connection, Row, ToSql};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A value kept in its column as JSON (a team's KPI and quarters, read and written whole).
struct Json<T>(T);

impl<T: Serialize> ToSql for Json<T> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        serde_json::to_string(&self.0)
            .map(ToSqlOutput::from)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
    }
}

impl<T: DeserializeOwned> FromSql for Json<T> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        serde_json::from_str(value.as_str()?)
            .map(Json)
            .map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

/// A row type stored in its own table with an integer id.
pub trait Entity: Sized + Clone {
    const TABLE: &'static str;
    /// How a founder calls one ("milestone").
    const NAME: &'static str;
    const COLUMNS: &'static [&'static str];
    const ORDER_BY: &'static str;

    fn validated(self) -> Result<Self>;
    /// Reads the columns, starting at index 1 (index 0 is the id).
    fn from_row(row: &Row) -> rusqlite::Result<Self>;
    fn params(&self) -> Vec<Box<dyn ToSql + '_>>;
    /// Checks against the rest of the plan (uniqueness and the like); `id` is the row edited.
    fn check(&self, _conn: &Connection, _id: Option<&str>) -> Result<()> {
        Ok(())
    }
}

pub(crate) fn list<T: Entity>(conn: &Connection) -> Result<Vec<Item<T>>> {
    let sql = format!(
        "SELECT id, {} FROM {} ORDER BY {}",
        T::COLUMNS.join(", "),
        T::TABLE,
        T::ORDER_BY
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |row| {
        Ok(Item {
            id: row.get(0)?,
            data: T::from_row(row)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn get<T: Entity>(conn: &Connection, id: &str) -> Result<Item<T>> {
    let sql = format!(
        "SELECT id, {} FROM {} WHERE id = ?1",
        T::COLUMNS.join(", "),
        T::TABLE
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([id])?;
    match rows.next()? {
        Some(row) => Ok(Item {
            id: row.get(0)?,
            data: T::from_row(row)?,
        }),
        None => Err(CoreError::NotFound {
            entity: T::NAME,
            id: id.to_string(),
        }),
    }
}

/// Writes item `id`'s row as the document has it (inserted, or its columns replaced).
pub(crate) fn upsert<T: Entity>(conn: &Connection, id: &str, data: &T) -> Result<()> {
    let sql = format!(
        "INSERT INTO {table} (id, {columns}) VALUES (?{n}, {values})
         ON CONFLICT(id) DO UPDATE SET {assignments}",
        table = T::TABLE,
        columns = T::COLUMNS.join(", "),
        n = T::COLUMNS.len() + 1,
        values = placeholders(T::COLUMNS.len()),
        assignments = T::COLUMNS
            .iter()
            .map(|c| format!("{c} = excluded.{c}"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    let mut params = data.params();
    params.push(Box::new(id));
    let params: Vec<&dyn ToSql> = params.iter().map(|p| p.as_ref()).collect();
    conn.prepare_cached(&sql)?.execute(&*params)?;
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
    const COLUMNS: &'static [&'static str] = &["name", "date", "target", "ninety_day_goals"];
    const ORDER_BY: &'static str = "date, id";

    fn validated(self) -> Result<Self> {
        MilestoneData::validated(self)
    }
    fn from_row(row: &Row) -> rusqlite::Result<Self> {
        Ok(MilestoneData {
            name: row.get(1)?,
            date: row.get(2)?,
            target: row.get(3)?,
            ninety_day_goals: row.get(4)?,
        })
    }
    fn params(&self) -> Vec<Box<dyn ToSql + '_>> {
        vec![
            Box::new(&self.name),
            Box::new(&self.date),
            Box::new(&self.target),
            Box::new(&self.ninety_day_goals),
        ]
    }
}

impl Entity for ActualData {
    const TABLE: &'static str = "traction_actual";
    const NAME: &'static str = "traction actual";
    const COLUMNS: &'static [&'static str] = &["date", "value"];
    const ORDER_BY: &'static str = "date";

    fn validated(self) -> Result<Self> {
        ActualData::validated(self)
    }
    fn from_row(row: &Row) -> rusqlite::Result<Self> {
        Ok(ActualData {
            date: row.get(1)?,
            value: row.get(2)?,
        })
    }
    fn params(&self) -> Vec<Box<dyn ToSql + '_>> {
        vec![Box::new(&self.date), Box::new(&self.value)]
    }
    fn check(&self, conn: &Connection, id: Option<&str>) -> Result<()> {
        unique_date(conn, Self::TABLE, self.date, id, Field::new("date", "Date"))
    }
}

impl Entity for FactorySnapshotData {
    const TABLE: &'static str = "factory_snapshot";
    const NAME: &'static str = "factory snapshot";
    const COLUMNS: &'static [&'static str] = &[
        "period_start",
        "acquisition",
        "activation",
        "retention",
        "revenue",
        "referral",
    ];
    const ORDER_BY: &'static str = "period_start";

    fn validated(self) -> Result<Self> {
        FactorySnapshotData::validated(self)
    }
    fn from_row(row: &Row) -> rusqlite::Result<Self> {
        Ok(FactorySnapshotData {
            period_start: row.get(1)?,
            acquisition: row.get(2)?,
            activation: row.get(3)?,
            retention: row.get(4)?,
            revenue: row.get(5)?,
            referral: row.get(6)?,
        })
    }
    fn params(&self) -> Vec<Box<dyn ToSql + '_>> {
        vec![
            Box::new(&self.period_start),
            Box::new(&self.acquisition),
            Box::new(&self.activation),
            Box::new(&self.retention),
            Box::new(&self.revenue),
            Box::new(&self.referral),
        ]
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
    const COLUMNS: &'static [&'static str] =
        &["name", "kind", "size", "mission", "kpi", "quarters"];
    const ORDER_BY: &'static str = "name COLLATE NOCASE, id";

    fn validated(self) -> Result<Self> {
        TeamData::validated(self)
    }
    fn from_row(row: &Row) -> rusqlite::Result<Self> {
        Ok(TeamData {
            name: row.get(1)?,
            kind: row.get(2)?,
            size: row.get(3)?,
            mission: row.get(4)?,
            kpi: row.get::<_, Option<Json<TeamKpi>>>(5)?.map(|k| k.0),
            quarters: row.get::<_, Json<Vec<TeamQuarter>>>(6)?.0,
        })
    }
    fn params(&self) -> Vec<Box<dyn ToSql + '_>> {
        vec![
            Box::new(&self.name),
            Box::new(&self.kind),
            Box::new(&self.size),
            Box::new(&self.mission),
            Box::new(self.kpi.as_ref().map(Json)),
            Box::new(Json(&self.quarters)),
        ]
    }
}
