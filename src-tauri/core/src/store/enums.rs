//! How the plan's closed vocabularies are stored: each value as its snake_case name (see
//! `domain::enums`); a name this build does not know is an error naming it.

use crate::domain::{
    BuildOrBuy, FactoryStep, FeatureStatus, Horizon, RiskClass, Stage, TeamKind, TractionMetric,
};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

macro_rules! stored_as_text {
    ($($name:ident),+ $(,)?) => {$(
        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                $name::parse(text).ok_or_else(|| {
                    FromSqlError::Other(
                        format!("unknown {} value {text:?}", stringify!($name)).into(),
                    )
                })
            }
        }
    )+};
}

stored_as_text!(
    Stage,
    RiskClass,
    BuildOrBuy,
    FeatureStatus,
    Horizon,
    TeamKind,
    TractionMetric,
    FactoryStep,
);
