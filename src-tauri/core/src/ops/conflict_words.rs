//! How a founder reads what two teammates did at the same time: "Dana's ‘Next’ replaced Ali's
//! ‘Now’ on “SSO”", "Dana deleted “SSO” while Ali was editing it".

use super::labels::{field_name, number};
use crate::domain::{FeatureStatus, Horizon, Stage};
use crate::store::history::concurrent::{Concurrent, Place};
use crate::store::history::tree;
use crate::store::history::values::to_json;
use loro::{Container, LoroDoc, LoroValue, ValueOrContainer};
use serde_json::Value;

/// The sentences of one conflict: what happened, and the two ways to settle it.
pub(super) struct Words {
    pub sentence: String,
    pub take: String,
    pub keep: String,
}

/// A teammate as named in a sentence (changes Keel made itself have no author).
pub(super) fn who(author: &str) -> &str {
    if author.is_empty() {
        "Keel"
    } else {
        author
    }
}

/// An item's record as JSON, deleted or not.
fn record(doc: &LoroDoc, root: &str, id: &str) -> Value {
    match doc.get_map(root).get(id) {
        Some(ValueOrContainer::Container(Container::Map(m))) => to_json(&m.get_deep_value()),
        _ => Value::Null,
    }
}

fn text_of(record: &Value, key: &str) -> String {
    match record.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// The part of the plan a place is, as a founder names it ("“SSO”", "team “Core”").
pub(super) fn place_words(doc: &LoroDoc, place: &Place) -> String {
    let Some(id) = &place.item else {
        return match place.root.as_str() {
            tree::CANVAS => "the Lean Canvas".into(),
            tree::GOAL => "the traction goal".into(),
            _ => "the plan".into(),
        };
    };
    let r = record(doc, &place.root, id);
    match place.root.as_str() {
        "features" => format!("“{}”", text_of(&r, "title")),
        "teams" => format!("team “{}”", text_of(&r, "name")),
        "milestones" => format!("milestone “{}”", text_of(&r, "name")),
        "actuals" => format!("the actual of {}", text_of(&r, "date")),
        "factory" => format!("the factory week of {}", text_of(&r, "period_start")),
        _ => "an item".into(),
    }
}

/// Fields whose values name themselves ("Next", "In progress"): the sentence leaves the field
/// out. For the others it says which field ("risk level ‘4’").
const SELF_NAMED: &[&str] = &[
    "horizon",
    "status",
    "stage",
    "risk_class",
    "build_or_buy",
    "factory_step",
    "kind",
    "metric",
];

fn capitalised(text: &str) -> String {
    let words = text.replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// A field's value as the window shows it.
pub(super) fn value_words(doc: &LoroDoc, root: &str, key: &str, value: &LoroValue) -> String {
    match value {
        LoroValue::Null => "none".into(),
        LoroValue::Bool(true) => "yes".into(),
        LoroValue::Bool(false) => "no".into(),
        LoroValue::I64(i) => number(*i as f64),
        LoroValue::Double(d) => number(*d),
        LoroValue::String(s) => {
            let s = s.to_string();
            match key {
                "horizon" => Horizon::parse(&s).map_or(s, |h| h.label().into()),
                "status" if root == "features" => {
                    FeatureStatus::parse(&s).map_or(s, |v| v.label().into())
                }
                "stage" => Stage::parse(&s).map_or(s, |v| v.label().into()),
                "milestone_id" => text_of(&record(doc, "milestones", &s), "name"),
                "team_id" => text_of(&record(doc, "teams", &s), "name"),
                k if SELF_NAMED.contains(&k) => capitalised(&s),
                _ => s,
            }
        }
        // A team's KPI and its quarters are one value each, told by what they hold.
        LoroValue::Map(kpi) => match kpi.get("metric") {
            Some(LoroValue::String(metric)) => {
                let values = match kpi.get("values") {
                    Some(LoroValue::List(v)) => v.len(),
                    _ => 0,
                };
                format!(
                    "{}, {values} value{}",
                    &**metric,
                    if values == 1 { "" } else { "s" }
                )
            }
            _ => "a value".into(),
        },
        LoroValue::List(items) => format!(
            "{} quarter{}",
            items.len(),
            if items.len() == 1 { "" } else { "s" }
        ),
        _ => "a value".into(),
    }
}

/// The sentences for what a merge found.
pub(super) fn words(doc: &LoroDoc, found: &Concurrent) -> Words {
    match found {
        Concurrent::Value {
            place,
            key,
            kept,
            other,
        } => {
            let kept_value = value_words(doc, &place.root, key, &kept.value);
            let other_value = value_words(doc, &place.root, key, &other.value);
            let field = if SELF_NAMED.contains(&key.as_str()) {
                String::new()
            } else {
                format!("{} ", field_name(key))
            };
            Words {
                sentence: format!(
                    "{}'s {field}‘{kept_value}’ replaced {}'s ‘{other_value}’ on {}",
                    who(&kept.author),
                    who(&other.author),
                    place_words(doc, place)
                ),
                take: format!("Take {}'s ‘{other_value}’", who(&other.author)),
                keep: format!("Keep ‘{kept_value}’"),
            }
        }
        Concurrent::DeletedWhileEdited {
            place,
            deleted_by,
            edited_by,
            ..
        } => {
            let what = place_words(doc, place);
            Words {
                sentence: format!(
                    "{} deleted {what} while {} was editing it; it is kept, with the edit, \
                     and can be restored",
                    who(deleted_by),
                    who(edited_by)
                ),
                take: format!("Restore {what}"),
                keep: "Keep it deleted".into(),
            }
        }
    }
}
