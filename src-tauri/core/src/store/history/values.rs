//! Between the domain's types and the document's maps: every field of an item is one map entry,
//! text fields are Loro text (edited by difference, so two people's words in one text both
//! stay), everything else a plain value. The conversion goes through the type's JSON form, so a
//! field added to a domain type is stored without a line here.

use crate::error::{CoreError, Result};
use loro::{LoroMap, LoroText, LoroValue, ValueOrContainer};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Number, Value};

/// The map key that hides a deleted item (kept, so undo brings it back with its id and links).
pub(crate) const DELETED: &str = "deleted";

fn internal(detail: impl std::fmt::Display) -> CoreError {
    CoreError::History {
        detail: detail.to_string(),
    }
}

pub(crate) fn loro_error(e: impl std::fmt::Display) -> CoreError {
    internal(e)
}

fn to_loro(value: &Value) -> LoroValue {
    match value {
        Value::Null => LoroValue::Null,
        Value::Bool(b) => LoroValue::Bool(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => LoroValue::I64(i),
            None => LoroValue::Double(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => LoroValue::from(s.as_str()),
        // A nested value (a team's KPI, its quarters) is one plain value, replaced whole.
        Value::Array(items) => LoroValue::from(items.iter().map(to_loro).collect::<Vec<_>>()),
        Value::Object(fields) => LoroValue::from(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), to_loro(v)))
                .collect::<std::collections::HashMap<_, _>>(),
        ),
    }
}

pub(crate) fn to_json(value: &LoroValue) -> Value {
    match value {
        LoroValue::Null => Value::Null,
        LoroValue::Bool(b) => Value::Bool(*b),
        LoroValue::I64(i) => Value::Number((*i).into()),
        LoroValue::Double(d) => Number::from_f64(*d).map_or(Value::Null, Value::Number),
        LoroValue::String(s) => Value::String(s.to_string()),
        LoroValue::Map(m) => {
            Value::Object(m.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
        LoroValue::List(l) => Value::Array(l.iter().map(to_json).collect()),
        LoroValue::Binary(_) | LoroValue::Container(_) => Value::Null,
    }
}

/// Writes `data` into `map`, touching only the fields that differ, so an edit records only what
/// it changed. Returns whether anything changed.
pub(crate) fn write_fields<T: Serialize>(map: &LoroMap, data: &T, texts: &[&str]) -> Result<bool> {
    write_record(map, data, texts)
}

/// Writes a new record into its empty `map`: fields that are not set (null) are left out, as
/// reading a record takes a missing optional field as not set. An import of 10,000 features
/// writes about half the operations it would otherwise (BENCHMARKS.md).
pub(crate) fn write_new_fields<T: Serialize>(
    map: &LoroMap,
    data: &T,
    texts: &[&str],
) -> Result<()> {
    let Value::Object(fields) = serde_json::to_value(data).map_err(internal)? else {
        return Err(internal("an item is not a record"));
    };
    for (key, value) in &fields {
        if value.is_null() {
            continue;
        }
        if texts.contains(&key.as_str()) {
            let text = map
                .insert_container(key, LoroText::new())
                .map_err(loro_error)?;
            let words = value.as_str().unwrap_or_default();
            if !words.is_empty() {
                text.insert(0, words).map_err(loro_error)?;
            }
        } else {
            map.insert(key, to_loro(value)).map_err(loro_error)?;
        }
    }
    Ok(())
}

fn write_record<T: Serialize>(map: &LoroMap, data: &T, texts: &[&str]) -> Result<bool> {
    let Value::Object(fields) = serde_json::to_value(data).map_err(internal)? else {
        return Err(internal("an item is not a record"));
    };
    let mut changed = false;
    for (key, value) in &fields {
        if texts.contains(&key.as_str()) {
            let new = value.as_str().unwrap_or_default();
            let text = match map.get(key) {
                Some(ValueOrContainer::Container(loro::Container::Text(t))) => t,
                _ => map
                    .insert_container(key, LoroText::new())
                    .map_err(loro_error)?,
            };
            if text.to_string() != new {
                text.update(new, Default::default()).map_err(loro_error)?;
                changed = true;
            }
        } else {
            let new = to_loro(value);
            // A field a record leaves out is not set (`write_new_fields`).
            let same = match map.get(key) {
                Some(ValueOrContainer::Value(old)) => old == new,
                Some(ValueOrContainer::Container(_)) => false,
                None => new.is_null(),
            };
            if !same {
                map.insert(key, new).map_err(loro_error)?;
                changed = true;
            }
        }
    }
    Ok(changed)
}

/// Whether an item's map marks it deleted.
pub(crate) fn is_deleted(map: &LoroMap) -> bool {
    matches!(
        map.get(DELETED),
        Some(ValueOrContainer::Value(LoroValue::Bool(true)))
    )
}

/// Sets or clears the deleted mark; returns whether it changed.
pub(crate) fn set_deleted(map: &LoroMap, deleted: bool) -> Result<bool> {
    if is_deleted(map) == deleted {
        return Ok(false);
    }
    map.insert(DELETED, deleted).map_err(loro_error)?;
    Ok(true)
}

/// Reads a record from a map's deep value (the deleted mark and unknown keys are ignored).
pub(crate) fn read_fields<T: DeserializeOwned>(value: &LoroValue) -> Result<T> {
    let mut json = to_json(value);
    if let Value::Object(fields) = &mut json {
        fields.remove(DELETED);
    }
    serde_json::from_value(json).map_err(|e| internal(format!("an item cannot be read: {e}")))
}
