//! "What changed since snapshot X": the differences between two plan documents, in sentences.
//! Deterministic: changes come in a fixed order (plan, goal, traction, features by id, teams).

use crate::document::PlanDocument;
use crate::domain::Feature;
use std::collections::BTreeMap;

pub fn changes(old: &PlanDocument, new: &PlanDocument) -> Vec<String> {
    let mut out = Vec::new();
    let (a, b) = (&old.plan.data, &new.plan.data);
    if a.company_name != b.company_name {
        out.push(format!(
            "Company renamed from “{}” to “{}”.",
            a.company_name, b.company_name
        ));
    }
    if a.stage != b.stage {
        out.push(format!(
            "Stage moved from {} to {}.",
            a.stage.label(),
            b.stage.label()
        ));
    }
    if a.vision != b.vision {
        out.push("The vision was edited.".into());
    }
    if a.strategy != b.strategy {
        out.push("The strategy was edited.".into());
    }
    if old.canvas != new.canvas {
        out.push("The Lean Canvas was edited.".into());
    }
    match (&old.goal, &new.goal) {
        (None, Some(_)) => out.push("A traction goal was set.".into()),
        (Some(_), None) => out.push("The traction goal was removed.".into()),
        (Some(x), Some(y)) if x != y => out.push("The traction goal was changed.".into()),
        _ => {}
    }
    let added_actuals = new
        .actuals
        .iter()
        .filter(|n| !old.actuals.iter().any(|o| o.data.date == n.data.date))
        .count();
    if added_actuals > 0 {
        out.push(format!(
            "{added_actuals} traction actual{} recorded.",
            if added_actuals == 1 { " was" } else { "s were" }
        ));
    }
    let before: BTreeMap<&str, &Feature> =
        old.features.iter().map(|f| (f.id.as_str(), f)).collect();
    let after: BTreeMap<&str, &Feature> = new.features.iter().map(|f| (f.id.as_str(), f)).collect();
    for (id, f) in &after {
        match before.get(id) {
            None => out.push(format!("Feature added: “{}”.", f.data.title)),
            Some(o) => out.extend(feature_changes(o, f)),
        }
    }
    for (id, f) in &before {
        if !after.contains_key(id) {
            out.push(format!("Feature removed: “{}”.", f.data.title));
        }
    }
    if old.teams != new.teams {
        out.push("Teams were changed.".into());
    }
    out
}

fn feature_changes(old: &Feature, new: &Feature) -> Vec<String> {
    let (a, b) = (&old.data, &new.data);
    let name = format!("“{}”", b.title);
    let mut out = Vec::new();
    if a.title != b.title {
        out.push(format!("Feature “{}” renamed to {name}.", a.title));
    }
    if a.status != b.status {
        out.push(format!(
            "{name}: status {} → {}.",
            a.status.as_str().replace('_', " "),
            b.status.as_str().replace('_', " ")
        ));
    }
    if a.horizon != b.horizon {
        out.push(format!(
            "{name}: moved from {} to {}.",
            a.horizon.as_str(),
            b.horizon.as_str()
        ));
    }
    if a.risk_class != b.risk_class || a.risk_level != b.risk_level {
        out.push(format!(
            "{name}: risk {} {} → {} {}.",
            a.risk_class.as_str(),
            a.risk_level,
            b.risk_class.as_str(),
            b.risk_level
        ));
    }
    out
}
