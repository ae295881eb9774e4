//! "What changed since snapshot X": the differences between two plan documents, in sentences.
//! Deterministic: changes come in a fixed order (plan, goal, traction, features by id, teams in
//! the plan's order).

use crate::domain::PlanDocument;
use crate::domain::{Feature, Team};
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
    if a.tagline != b.tagline {
        out.push(match b.tagline.trim() {
            "" => "The tagline was removed.".to_string(),
            t => format!("Tagline rewritten: “{t}”."),
        });
    }
    if a.currency != b.currency {
        out.push(format!(
            "Currency changed from {} to {}.",
            a.currency, b.currency
        ));
    }
    if a.start_date != b.start_date {
        out.push(format!("The plan now starts on {}.", b.start_date));
    }
    out.extend(stage_dates(a, b));
    if a.vision != b.vision {
        out.push("Vision rewritten.".into());
    }
    if a.strategy != b.strategy {
        out.push("Strategy rewritten.".into());
    }
    out.extend(canvas_changes(&old.canvas, &new.canvas));
    match (&old.goal, &new.goal) {
        (None, Some(_)) => out.push("A traction goal was set.".into()),
        (Some(_), None) => out.push("The traction goal was removed.".into()),
        (Some(x), Some(y)) if x != y => out.push("The traction goal was changed.".into()),
        _ => {}
    }
    out.extend(milestone_changes(old, new));
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
    out.extend(team_changes(old, new));
    out
}

/// The plan's text fields that were rewritten, word by word (Compare shows them).
pub fn text_changes(
    old: &PlanDocument,
    new: &PlanDocument,
) -> Vec<crate::compute::word_diff::TextChange> {
    let (a, b) = (&old.plan.data, &new.plan.data);
    let plan = [
        ("Tagline".to_string(), &a.tagline, &b.tagline),
        ("Vision".to_string(), &a.vision, &b.vision),
        ("Strategy".to_string(), &a.strategy, &b.strategy),
    ];
    let canvas = old
        .canvas
        .boxes()
        .into_iter()
        .zip(new.canvas.boxes())
        .map(|((_, label, then), (_, _, now))| (format!("Lean Canvas: {label}"), then, now));
    plan.into_iter()
        .chain(canvas)
        .filter(|(_, then, now)| then != now)
        .map(|(field, then, now)| crate::compute::word_diff::TextChange {
            field,
            runs: crate::compute::word_diff::diff(then, now),
        })
        .collect()
}

/// Each milestone of the ladder added, removed or changed.
fn milestone_changes(old: &PlanDocument, new: &PlanDocument) -> Vec<String> {
    let mut out = Vec::new();
    for m in &new.milestones {
        match old.milestones.iter().find(|o| o.id == m.id) {
            None => out.push(format!("Milestone added: “{}”.", m.data.name)),
            Some(o) if o.data != m.data => {
                out.push(format!("Milestone “{}” changed.", m.data.name))
            }
            Some(_) => {}
        }
    }
    for m in &old.milestones {
        if !new.milestones.iter().any(|n| n.id == m.id) {
            out.push(format!("Milestone removed: “{}”.", m.data.name));
        }
    }
    out
}

/// Each Lean Canvas box rewritten, by name.
fn canvas_changes(a: &crate::domain::LeanCanvas, b: &crate::domain::LeanCanvas) -> Vec<String> {
    a.boxes()
        .into_iter()
        .zip(b.boxes())
        .filter(|((_, _, x), (_, _, y))| x != y)
        .map(|((_, label, _), _)| format!("Lean Canvas: {label} rewritten."))
        .collect()
}

fn stage_dates(a: &crate::domain::PlanData, b: &crate::domain::PlanData) -> Vec<String> {
    [
        ("Scaling up", a.scaling_from, b.scaling_from),
        ("Enterprise", a.enterprise_from, b.enterprise_from),
    ]
    .into_iter()
    .filter(|(_, x, y)| x != y)
    .map(|(stage, _, y)| match y {
        Some(d) => format!("The move to {stage} is planned for {d}."),
        None => format!("The move to {stage} is no longer planned."),
    })
    .collect()
}

/// Each team added, removed or changed, and what changed about it (its KPI's new values and
/// its funding told apart: what a board reads first).
fn team_changes(old: &PlanDocument, new: &PlanDocument) -> Vec<String> {
    let before: BTreeMap<&str, &Team> = old.teams.iter().map(|t| (t.id.as_str(), t)).collect();
    let mut out = Vec::new();
    for t in &new.teams {
        let name = format!("“{}”", t.data.name);
        let Some(o) = before.get(t.id.as_str()) else {
            out.push(format!("Team added: {name}."));
            continue;
        };
        let (a, b) = (&o.data, &t.data);
        if a.name != b.name {
            out.push(format!("Team “{}” renamed to {name}.", a.name));
        }
        if (a.kind, a.size) != (b.kind, b.size) {
            out.push(format!("{name}: now {} people.", b.size));
        }
        if a.mission != b.mission {
            out.push(format!("{name}: its mission was edited."));
        }
        let recorded = match (&a.kpi, &b.kpi) {
            (Some(x), Some(y)) => y.values.iter().filter(|v| !x.values.contains(v)).count(),
            _ => 0,
        };
        match (&a.kpi, &b.kpi) {
            (None, Some(k)) => out.push(format!("{name}: KPI set ({}).", k.metric)),
            (Some(_), None) => out.push(format!("{name}: KPI removed.")),
            (Some(x), Some(y))
                if (&x.metric, x.target, x.deadline) != (&y.metric, y.target, y.deadline) =>
            {
                out.push(format!("{name}: KPI changed ({}).", y.metric))
            }
            _ => {}
        }
        if recorded > 0 {
            out.push(format!(
                "{name}: {recorded} KPI value{} recorded.",
                if recorded == 1 { "" } else { "s" }
            ));
        }
        if a.quarters != b.quarters {
            out.push(format!("{name}: its funding or headcount plan changed."));
        }
    }
    for t in &old.teams {
        if !new.teams.iter().any(|n| n.id == t.id) {
            out.push(format!("Team removed: “{}”.", t.data.name));
        }
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
    if a.description != b.description {
        out.push(format!("{name}: description rewritten."));
    }
    let others: Vec<&str> = [
        ("stage", a.stage != b.stage),
        ("quick win", a.quick_win != b.quick_win),
        ("build or buy", a.build_or_buy != b.build_or_buy),
        (
            "dates",
            (a.start_date, a.end_date) != (b.start_date, b.end_date),
        ),
        ("effort", a.effort_weeks != b.effort_weeks),
        (
            "RICE inputs",
            (a.reach, a.impact, a.confidence) != (b.reach, b.impact, b.confidence),
        ),
        ("scale assumption", a.scale_assumption != b.scale_assumption),
        ("milestone", a.milestone_id != b.milestone_id),
        ("factory step", a.factory_step != b.factory_step),
        ("team", a.team_id != b.team_id),
        ("re-platform mark", a.replatform != b.replatform),
    ]
    .into_iter()
    .filter(|(_, changed)| *changed)
    .map(|(field, _)| field)
    .collect();
    if !others.is_empty() {
        out.push(format!("{name}: {} changed.", and_list(&others)));
    }
    out
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::KpiValue;

    #[test]
    fn team_changes_say_what_a_board_reads_first() {
        let today = chrono::NaiveDate::from_ymd_opt(2027, 6, 1).unwrap();
        let old = crate::samples::scaling::scaling_plan(today).unwrap();
        let mut new = old.clone();
        assert!(changes(&old, &new).is_empty());
        let growth = new
            .teams
            .iter_mut()
            .find(|t| t.data.name == "Growth")
            .unwrap();
        let kpi = growth.data.kpi.as_mut().unwrap();
        kpi.values.push(KpiValue {
            date: today,
            value: 5.5,
        });
        growth.data.quarters[2].funding = 700_000.0;
        new.teams.retain(|t| t.data.name != "Integrations");
        new.plan.data.enterprise_from = None;
        let said = changes(&old, &new);
        assert_eq!(
            said,
            [
                "The move to Enterprise is no longer planned.",
                "“Growth”: 1 KPI value recorded.",
                "“Growth”: its funding or headcount plan changed.",
                "Team removed: “Integrations”.",
            ]
        );
    }
}
