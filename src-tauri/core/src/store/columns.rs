//! A domain type's row, bound by name: each column is named for the serde key of a field, so a
//! new scalar field needs its column (a migration) and nothing here. Flags are stored as 0 and
//! 1, dates and the closed vocabularies as their text, lists and records as JSON text.

use rusqlite::types::{Value, ValueRef};
use rusqlite::Row;
use serde::de::{self, DeserializeOwned, IntoDeserializer, MapAccess, Visitor};
use serde::{forward_to_deserialize_any, Serialize};
use std::fmt;

/// The names of `T`'s fields in declaration order, read from its `Deserialize` (which names
/// them without a value).
pub(crate) fn field_names<T: DeserializeOwned>() -> &'static [&'static str] {
    struct Names(&'static [&'static str]);
    impl fmt::Display for Names {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("field names")
        }
    }
    impl fmt::Debug for Names {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("field names")
        }
    }
    impl std::error::Error for Names {}
    impl de::Error for Names {
        fn custom<E: fmt::Display>(_: E) -> Self {
            Names(&[])
        }
    }
    struct Probe;
    impl<'de> de::Deserializer<'de> for Probe {
        type Error = Names;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Names> {
            Err(Names(&[]))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Names> {
            Err(Names(fields))
        }
        forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }
    match T::deserialize(Probe) {
        Err(Names(fields)) => fields,
        Ok(_) => &[],
    }
}

/// `data`'s fields' values, in declaration order (the order of [`field_names`]).
pub(crate) fn to_columns<T: Serialize + DeserializeOwned>(
    data: &T,
) -> rusqlite::Result<Vec<Value>> {
    let failed = |e: serde_json::Error| rusqlite::Error::ToSqlConversionFailure(Box::new(e));
    let serde_json::Value::Object(mut fields) = serde_json::to_value(data).map_err(failed)? else {
        unreachable!("a row is written from a struct");
    };
    field_names::<T>()
        .iter()
        .map(|&name| {
            let value = match fields.remove(name).unwrap_or_default() {
                serde_json::Value::Null => Value::Null,
                serde_json::Value::Bool(b) => Value::Integer(i64::from(b)),
                serde_json::Value::Number(n) => match n.as_i64() {
                    Some(i) => Value::Integer(i),
                    None => Value::Real(n.as_f64().unwrap_or(f64::NAN)),
                },
                serde_json::Value::String(s) => Value::Text(s),
                nested => Value::Text(serde_json::to_string(&nested).map_err(failed)?),
            };
            Ok(value)
        })
        .collect()
}

/// A `T` read from `row`, whose columns from `first` on are `T`'s fields in declaration order
/// (as [`field_names`] lists them).
pub(crate) fn from_columns<T: DeserializeOwned>(row: &Row, first: usize) -> rusqlite::Result<T> {
    from_named_columns(row, first, field_names::<T>())
}

/// [`from_columns`] with `T`'s field names read once by the caller (a read of many rows).
pub(crate) fn from_named_columns<T: DeserializeOwned>(
    row: &Row,
    first: usize,
    fields: &'static [&'static str],
) -> rusqlite::Result<T> {
    T::deserialize(Fields {
        row,
        first,
        fields,
        next: 0,
    })
    .map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(first, rusqlite::types::Type::Text, Box::new(e))
    })
}

#[derive(Debug)]
struct Failed(String);

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Failed {}

impl de::Error for Failed {
    fn custom<E: fmt::Display>(msg: E) -> Self {
        Failed(msg.to_string())
    }
}

struct Fields<'a, 'r> {
    row: &'a Row<'r>,
    first: usize,
    fields: &'static [&'static str],
    next: usize,
}

impl<'de> de::Deserializer<'de> for Fields<'_, '_> {
    type Error = Failed;
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Failed> {
        visitor.visit_map(self)
    }
    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

impl<'de> MapAccess<'de> for Fields<'_, '_> {
    type Error = Failed;
    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Failed> {
        match self.fields.get(self.next) {
            Some(name) => seed.deserialize((*name).into_deserializer()).map(Some),
            None => Ok(None),
        }
    }
    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Failed> {
        let name = self.fields[self.next];
        let cell = self
            .row
            .get_ref(self.first + self.next)
            .map_err(|e| Failed(format!("column {name}: {e}")))?;
        self.next += 1;
        seed.deserialize(Cell(cell))
            .map_err(|e| Failed(format!("column {name}: {e}")))
    }
}

/// One column's value, read as the field's type asks.
struct Cell<'a>(ValueRef<'a>);

impl Cell<'_> {
    fn text(&self) -> Result<&str, Failed> {
        match self.0 {
            ValueRef::Text(t) => std::str::from_utf8(t).map_err(de::Error::custom),
            other => Err(Failed(format!(
                "expected text, found {:?}",
                other.data_type()
            ))),
        }
    }

    fn json<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Failed> {
        let value: serde_json::Value =
            serde_json::from_str(self.text()?).map_err(de::Error::custom)?;
        de::Deserializer::deserialize_any(value, visitor).map_err(de::Error::custom)
    }
}

impl<'de> de::Deserializer<'de> for Cell<'_> {
    type Error = Failed;
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Failed> {
        match self.0 {
            ValueRef::Null => visitor.visit_unit(),
            ValueRef::Integer(i) => visitor.visit_i64(i),
            ValueRef::Real(r) => visitor.visit_f64(r),
            ValueRef::Text(_) => visitor.visit_string(self.text()?.to_string()),
            ValueRef::Blob(b) => visitor.visit_bytes(b),
        }
    }
    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Failed> {
        match self.0 {
            ValueRef::Integer(i) => visitor.visit_bool(i != 0),
            _ => self.deserialize_any(visitor),
        }
    }
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Failed> {
        match self.0 {
            ValueRef::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Failed> {
        let text: de::value::StrDeserializer<'_, Failed> = self.text()?.into_deserializer();
        visitor.visit_enum(text)
    }
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Failed> {
        match self.0 {
            ValueRef::Text(_) => visitor.visit_str(self.text()?),
            _ => self.deserialize_any(visitor),
        }
    }
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Failed> {
        self.json(visitor)
    }
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Failed> {
        self.json(visitor)
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Failed> {
        self.json(visitor)
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Failed> {
        visitor.visit_newtype_struct(self)
    }
    forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char string bytes byte_buf
        unit unit_struct tuple tuple_struct identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{FeatureData, TeamData};
    use rusqlite::Connection;

    #[test]
    fn the_columns_are_the_fields_in_order() {
        let names = field_names::<TeamData>();
        assert_eq!(
            names,
            ["name", "kind", "size", "mission", "kpi", "quarters"],
            "{names:?}"
        );
        assert!(field_names::<FeatureData>().contains(&"replatform"));
    }

    #[test]
    fn a_row_written_by_name_reads_back_the_same() {
        let conn = Connection::open_in_memory().unwrap();
        let team =
            crate::samples::sample_plan(chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
                .unwrap()
                .teams[0]
                .data
                .clone();
        let values = to_columns(&team).unwrap();
        let names = field_names::<TeamData>();
        conn.execute(&format!("CREATE TABLE t ({})", names.join(", ")), [])
            .unwrap();
        let marks = vec!["?"; names.len()].join(", ");
        conn.execute(
            &format!("INSERT INTO t VALUES ({marks})"),
            rusqlite::params_from_iter(values),
        )
        .unwrap();
        let back: TeamData = conn
            .query_row(&format!("SELECT {} FROM t", names.join(", ")), [], |r| {
                from_columns(r, 0)
            })
            .unwrap();
        assert_eq!(back, team);
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_an_error_naming_its_column() {
        let conn = Connection::open_in_memory().unwrap();
        let err = conn
            .query_row("SELECT 'Billing', 'sideways', 3, '', NULL, '[]'", [], |r| {
                from_columns::<TeamData>(r, 0)
            })
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(err.contains("column kind"), "{err}");
    }
}
