//! The rules of scaling up: teams run as mini start-ups funded by the board against a KPI of
//! their own, product teams served by a platform team, and the tech redone at each stage — but
//! neither before the business needs it nor after it outgrew it.

use super::{feature_ref, finding, quoted, Finding, ItemKind, ItemRef, Severity};
use crate::compute::portfolio::{self, kpi_report, kpi_value};
use crate::compute::traction::{self, MetricUnit, TractionStatus};
use crate::domain::PlanDocument;
use crate::domain::{data_of, Feature, Horizon, RiskClass, Stage, Team, TeamKind};
use chrono::NaiveDate;

/// More product teams than this and no platform team: K012.
pub const PRODUCT_TEAMS_PER_PLATFORM: usize = 3;

fn team_ref(t: &Team) -> ItemRef {
    ItemRef {
        kind: ItemKind::Team,
        id: Some(t.id.clone()),
    }
}

fn goal_ref() -> ItemRef {
    ItemRef {
        kind: ItemKind::Goal,
        id: None,
    }
}

pub(super) fn scaling_rules(
    doc: &PlanDocument,
    open: &[&Feature],
    today: NaiveDate,
    out: &mut Vec<Finding>,
) {
    team_without_kpi(doc, out);
    platform_capacity(doc, out);
    funding_behind(doc, today, out);
    platform_neglected(doc, open, out);
    replatform_early(doc, open, out);
}

/// K011: at the Scaling stage (and after), a product team without a KPI it is measured by.
fn team_without_kpi(doc: &PlanDocument, out: &mut Vec<Finding>) {
    if doc.plan.data.stage == Stage::Mvp {
        return;
    }
    for t in doc
        .teams
        .iter()
        .filter(|t| t.data.kind == TeamKind::Product)
    {
        let message = match &t.data.kpi {
            None => format!(
                "The product team “{}” has no KPI. Once the company scales up, each team runs \
                 as a mini start-up and the board funds it against a metric it owns: give it \
                 one, with a target and a date.",
                t.data.name
            ),
            Some(kpi) if kpi.values.is_empty() => format!(
                "The product team “{}” has a KPI ({}) but no value recorded: a KPI nobody \
                 measures steers nothing. Record it at least once a month.",
                t.data.name, kpi.metric
            ),
            Some(_) => continue,
        };
        out.push(finding(
            "K011",
            Severity::Warning,
            message,
            vec![team_ref(t)],
        ));
    }
}

/// K012: more product teams than one platform team can serve, or a platform team larger
/// than the product teams it serves.
fn platform_capacity(doc: &PlanDocument, out: &mut Vec<Finding>) {
    let (platform, product): (Vec<&Team>, Vec<&Team>) = doc
        .teams
        .iter()
        .partition(|t| t.data.kind == TeamKind::Platform);
    if platform.is_empty() && product.len() > PRODUCT_TEAMS_PER_PLATFORM {
        out.push(finding(
            "K012",
            Severity::Warning,
            format!(
                "{} product teams and no platform team: each team builds and runs the same \
                 infrastructure on its own. Past {PRODUCT_TEAMS_PER_PLATFORM} product teams, \
                 form a platform team that serves them.",
                product.len()
            ),
            product.iter().map(|t| team_ref(t)).collect(),
        ));
    }
    let product_people: u32 = product.iter().map(|t| t.data.size).sum();
    if product.is_empty() {
        return;
    }
    for p in platform.iter().filter(|p| p.data.size > product_people) {
        out.push(finding(
            "K012",
            Severity::Warning,
            format!(
                "The platform team “{}” has {} people, more than its {} product {} together \
                 ({product_people}). A platform exists to serve the product teams: move people \
                 into them, or hand them the platform's work in smaller pieces.",
                p.data.name,
                p.data.size,
                product.len(),
                if product.len() == 1 { "team" } else { "teams" },
            ),
            std::iter::once(team_ref(p))
                .chain(product.iter().map(|t| team_ref(t)))
                .collect(),
        ));
    }
}

/// K013: a team behind its KPI whose funding grows.
fn funding_behind(doc: &PlanDocument, today: NaiveDate, out: &mut Vec<Finding>) {
    for t in &doc.teams {
        let Some(kpi) = &t.data.kpi else { continue };
        let report = kpi_report(kpi);
        let Some(p) = report
            .progress
            .filter(|p| p.status == TractionStatus::Behind)
        else {
            continue;
        };
        if !portfolio::funding_grows(&t.data, today) {
            continue;
        }
        out.push(finding(
            "K013",
            Severity::Warning,
            format!(
                "“{}” is behind its KPI ({}: {} on {}, {:.0} % of the {} its path expects) \
                 while the board funds it more each quarter. Before more money, ask \
                 the team what it learned and what it will change; fund the teams that move \
                 their KPI.",
                t.data.name,
                kpi.metric,
                kpi_value(p.actual, &kpi.unit),
                p.date,
                p.ratio * 100.0,
                kpi_value(p.expected, &kpi.unit),
            ),
            vec![team_ref(t)],
        ));
    }
}

/// Work that keeps the systems standing as the business grows: the stage's platform rewrite,
/// technical risk, or anything the platform team does.
fn is_platform_work(doc: &PlanDocument, f: &Feature) -> bool {
    let by_platform = f.data.team_id.as_deref().is_some_and(|id| {
        doc.teams
            .iter()
            .any(|t| t.id == id && t.data.kind == TeamKind::Platform)
    });
    f.data.replatform || f.data.risk_class == RiskClass::Technical || by_platform
}

fn soon(f: &Feature) -> bool {
    matches!(f.data.horizon, Horizon::Now | Horizon::Next)
}

/// K014: at the Scaling stage, traction ahead of its ladder and no platform or reliability
/// work planned for now or next.
fn platform_neglected(doc: &PlanDocument, open: &[&Feature], out: &mut Vec<Finding>) {
    if doc.plan.data.stage != Stage::Scaling {
        return;
    }
    let Some(p) = traction::progress(&data_of(&doc.milestones), &data_of(&doc.actuals)) else {
        return;
    };
    if p.status != TractionStatus::Ahead || open.iter().any(|f| soon(f) && is_platform_work(doc, f))
    {
        return;
    }
    let unit = MetricUnit::of(doc.goal.as_ref(), &doc.plan.data.currency);
    out.push(finding(
        "K014",
        Severity::Warning,
        format!(
            "Traction is ahead of its ladder ({} on {}, {} the {} expected), but \
             nothing planned for now or next is platform or reliability work. At this growth \
             the systems built for the MVP will break: plan the re-platforming for Scaling up \
             before they do.",
            unit.format(p.actual),
            p.date,
            crate::compute::traction_summary::against_ladder(p.ratio),
            unit.format(p.expected),
        ),
        vec![goal_ref()],
    ));
}

/// K015: at the MVP stage, re-platforming planned for now or next before traction is on track.
fn replatform_early(doc: &PlanDocument, open: &[&Feature], out: &mut Vec<Finding>) {
    if doc.plan.data.stage != Stage::Mvp {
        return;
    }
    let early: Vec<&&Feature> = open
        .iter()
        .filter(|f| f.data.replatform && soon(f))
        .collect();
    if early.is_empty() {
        return;
    }
    let progress = traction::progress(&data_of(&doc.milestones), &data_of(&doc.actuals));
    let standing = match &progress {
        Some(p) if p.status != TractionStatus::Behind => return,
        Some(p) => format!(
            "traction is behind ({:.0} % of what the ladder expects)",
            p.ratio * 100.0
        ),
        None => "traction is not measured against a ladder yet".to_string(),
    };
    let names: Vec<String> = early.iter().map(|f| quoted(f)).collect();
    out.push(finding(
        "K015",
        Severity::Warning,
        format!(
            "Technology ahead of the business: {} {} the platform for a later stage while \
             {standing}. Rewrite when the business proves it needs it; until traction is on \
             track, move {} to later.",
            names.join(", "),
            if names.len() == 1 {
                "rebuilds"
            } else {
                "rebuild"
            },
            if names.len() == 1 { "it" } else { "them" },
        ),
        early.iter().map(|f| feature_ref(f)).collect(),
    ));
}
