//! The sentence each operation is recorded under: what a founder reads in the history and in
//! the "Saved" status ("Edited “SSO”: status and horizon", "Moved “SSO” to Now").

use crate::domain::{FeatureData, Horizon};
use serde::Serialize;
use serde_json::Value;

/// A field's key as words ("ninety_day_goals" → "ninety day goals").
pub(super) fn field_name(key: &str) -> String {
    match key {
        "unique_value_proposition" => "unique value proposition".into(),
        "effort_weeks" => "effort".into(),
        "milestone_id" => "milestone".into(),
        "team_id" => "team".into(),
        "kpi" => "KPI".into(),
        "quarters" => "funding plan".into(),
        "replatform" => "re-platform mark".into(),
        "scaling_from" => "move to Scaling up".into(),
        "enterprise_from" => "move to Enterprise".into(),
        other => other.replace('_', " "),
    }
}

/// The plan's parts by their place in the window ("the vision", "the company name").
pub(super) fn plan_part(key: &str) -> String {
    format!("the {}", field_name(key))
}

/// "Edited the vision", "Edited “SSO”: status and horizon", or "Edited “SSO”" when nothing
/// differs (the edit is then recorded as nothing changed).
pub(super) fn edited<T: Serialize>(
    what: &str,
    before: &T,
    after: &T,
    name: fn(&str) -> String,
) -> String {
    let changed = changed_keys(before, after);
    let (a, b) = (
        serde_json::to_value(before).unwrap_or(Value::Null),
        serde_json::to_value(after).unwrap_or(Value::Null),
    );
    // A short value says what it was and what it is ("horizon now → later"); text and links
    // say only which field changed.
    let said = |k: &String| match (short(k, a.get(k)), short(k, b.get(k))) {
        (Some(from), Some(to)) if changed.len() <= 3 => format!("{} {from} → {to}", name(k)),
        _ => name(k),
    };
    let names: Vec<String> = changed.iter().map(said).collect();
    let list = match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    match (what, list.is_empty()) {
        (_, true) => format!("Edited {what}"),
        ("the plan", false) => format!("Edited {list}"),
        (_, false) => format!("Edited {what}: {list}"),
    }
}

/// A value as a few words, when it is short: a choice, a number, a date, a mark; None for text
/// and for links to other items (their ids say nothing).
fn short(key: &str, value: Option<&Value>) -> Option<String> {
    if key.ends_with("_id") || ["title", "description", "source"].contains(&key) {
        return None;
    }
    match value? {
        Value::Null => Some("none".into()),
        Value::Bool(on) => Some(if *on { "on" } else { "off" }.into()),
        Value::Number(n) => n.as_f64().map(number),
        Value::String(text) if text.chars().count() <= 24 && !text.contains('\n') => {
            Some(text.replace('_', " "))
        }
        _ => None,
    }
}

fn changed_keys<T: Serialize>(before: &T, after: &T) -> Vec<String> {
    let (Ok(Value::Object(a)), Ok(Value::Object(b))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return Vec::new();
    };
    let mut keys: Vec<String> = b
        .iter()
        .filter(|(k, v)| a.get(*k) != Some(v))
        .map(|(k, _)| k.clone())
        .collect();
    keys.sort();
    keys
}

/// "Renamed “A” to “B”" when only the title changed, else [`edited`] under the old title.
pub(super) fn feature_edited(before: &FeatureData, after: &FeatureData) -> String {
    if before.title != after.title && changed_keys(before, after) == ["title"] {
        format!("Renamed “{}” to “{}”", before.title, after.title)
    } else {
        edited(&format!("“{}”", before.title), before, after, field_name)
    }
}

pub(super) fn moved(feature: &FeatureData, to: Horizon) -> String {
    if feature.horizon == to {
        format!("Moved “{}” within {}", feature.title, to.label())
    } else {
        format!("Moved “{}” to {}", feature.title, to.label())
    }
}

/// A value as a founder writes it: no trailing ".0".
pub(super) fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{FeatureData, Stage};

    #[test]
    fn an_edit_names_the_fields_it_changed() {
        let before = FeatureData::draft(Stage::Mvp);
        let mut after = before.clone();
        after.title = "SSO".into();
        after.horizon = Horizon::Now;
        after.team_id = Some("1".into());
        assert_eq!(
            edited("“SSO”", &before, &after, field_name),
            "Edited “SSO”: horizon next → now, team and title"
        );
        let mut later = before.clone();
        later.horizon = Horizon::Later;
        later.risk_level = 5;
        later.status = crate::domain::FeatureStatus::InProgress;
        assert_eq!(
            edited("“SSO”", &before, &later, field_name),
            "Edited “SSO”: horizon next → later, risk level 3 → 5 and status idea → in progress"
        );
        assert_eq!(
            edited("“SSO”", &before, &before, field_name),
            "Edited “SSO”"
        );
    }

    #[test]
    fn a_move_says_where_to() {
        let mut f = FeatureData::draft(Stage::Mvp);
        f.title = "SSO".into();
        f.horizon = Horizon::Later;
        assert_eq!(moved(&f, Horizon::Now), "Moved “SSO” to Now");
        assert_eq!(moved(&f, Horizon::Later), "Moved “SSO” within Later");
        assert_eq!(number(12000.0), "12000");
        assert_eq!(number(0.5), "0.5");
    }
}
