//! Scaling up: the scaling sample, the five rules of teams run as mini start-ups and of the
//! tech redone at each stage (each where it fires and where it does not), and a team's
//! mission, KPI and quarters kept through the file, the history and the JSON export.

mod common;

use chrono::NaiveDate;
use common::date;
use keel_core::compute::check::Finding;
use keel_core::compute::portfolio::{self, Attention};
use keel_core::domain::*;
use keel_core::samples::scaling::{create_scaling_sample, scaling_plan};
use keel_core::{Operation, PlanDocument, PlanFile};

fn today() -> NaiveDate {
    date(2027, 6, 1)
}

fn check(doc: &PlanDocument) -> Vec<Finding> {
    let ranking = keel_core::compute::priority::rank(
        &doc.features,
        keel_core::compute::priority::PriorityView::RiskFirst,
    );
    keel_core::compute::check::check(doc, &ranking, today())
}

fn fired<'a>(findings: &'a [Finding], id: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.id == id).collect()
}

fn sample() -> PlanDocument {
    scaling_plan(today()).unwrap()
}

fn team_mut<'a>(doc: &'a mut PlanDocument, name: &str) -> &'a mut TeamData {
    &mut doc
        .teams
        .iter_mut()
        .find(|t| t.data.name == name)
        .unwrap()
        .data
}

#[test]
fn the_scaling_sample_shows_each_scaling_rule_once() {
    let findings = check(&sample());
    for id in ["K011", "K012", "K013", "K014"] {
        assert_eq!(
            fired(&findings, id).len(),
            1,
            "{id} shows once on the scaling sample: {findings:#?}"
        );
    }
    assert!(
        fired(&findings, "K015").is_empty(),
        "K015 is a rule of the MVP stage"
    );
    let k011 = &fired(&findings, "K011")[0].message;
    assert!(k011.contains("“Integrations”") && k011.contains("no value recorded"));
    let k012 = &fired(&findings, "K012")[0].message;
    assert!(k012.contains("“Platform” has 19 people, more than its 3 product teams together (18)"));
    let k013 = &fired(&findings, "K013")[0].message;
    assert!(k013.contains("“Growth” is behind its KPI (Trial-to-paid conversion"));
    let k014 = &fired(&findings, "K014")[0].message;
    assert!(k014.contains("Traction is ahead of its ladder"));
    assert!(
        fired(&findings, "K001").is_empty() && fired(&findings, "K003").is_empty(),
        "the sample has a goal and is not behind"
    );
}

#[test]
fn the_scaling_sample_is_a_portfolio_with_the_team_behind_first() {
    let p = portfolio::portfolio(&sample(), today());
    assert!(p.is_portfolio);
    let order: Vec<(&str, Attention)> = p
        .teams
        .iter()
        .map(|t| (t.name.as_str(), t.attention))
        .collect();
    assert_eq!(order[0], ("Growth", Attention::Behind));
    assert_eq!(order[1], ("Integrations", Attention::Unmeasured));
    assert!(order[2..]
        .iter()
        .all(|(_, a)| matches!(a, Attention::OnTrack | Attention::Ahead)));
    let shares: f64 = p.teams.iter().filter_map(|t| t.now_share).sum();
    assert!((shares - 1.0).abs() < 1e-9, "the now effort is shared out");
    assert!(p.funding > 0.0 && p.headcount == 6 + 7 + 5 + 19);
}

#[test]
fn k011_a_product_team_without_a_kpi_at_the_scaling_stage() {
    let mut doc = sample();
    team_mut(&mut doc, "Integrations").kpi = None;
    let findings = check(&doc);
    assert!(fired(&findings, "K011")[0].message.contains("has no KPI"));
    team_mut(&mut doc, "Integrations").kpi = team_mut(&mut doc, "Insights").kpi.clone();
    assert!(
        fired(&check(&doc), "K011").is_empty(),
        "every team measured"
    );
    team_mut(&mut doc, "Integrations").kpi = None;
    doc.plan.data.stage = Stage::Mvp;
    assert!(
        fired(&check(&doc), "K011").is_empty(),
        "at the MVP stage a team needs no KPI of its own"
    );
}

#[test]
fn k012_more_product_teams_than_one_platform_team_can_serve() {
    let mut doc = sample();
    team_mut(&mut doc, "Platform").size = 12;
    assert!(fired(&check(&doc), "K012").is_empty(), "12 people serve 18");
    doc.teams.retain(|t| t.data.kind == TeamKind::Product);
    assert!(
        fired(&check(&doc), "K012").is_empty(),
        "three product teams manage without one"
    );
    let mut fourth = doc.teams[0].clone();
    fourth.id = "99".into();
    fourth.data.name = "Mobile".into();
    doc.teams.push(fourth);
    let findings = check(&doc);
    let k012 = fired(&findings, "K012");
    assert_eq!(k012.len(), 1);
    assert!(k012[0]
        .message
        .starts_with("4 product teams and no platform team"));
    assert_eq!(k012[0].items.len(), 4);
}

#[test]
fn k013_a_team_behind_its_kpi_while_its_funding_grows() {
    let mut doc = sample();
    for q in &mut team_mut(&mut doc, "Growth").quarters {
        q.funding = 400_000.0;
    }
    assert!(
        fired(&check(&doc), "K013").is_empty(),
        "behind, but not funded more"
    );
    let mut doc = sample();
    let kpi = team_mut(&mut doc, "Growth").kpi.as_mut().unwrap();
    let first = kpi.values[0].value;
    for (i, v) in kpi.values.iter_mut().enumerate() {
        v.value = first * 1.13f64.powi(i as i32);
    }
    assert!(
        fired(&check(&doc), "K013").is_empty(),
        "funded more, and moving its KPI"
    );
}

#[test]
fn k014_no_platform_work_soon_while_traction_runs_ahead_at_the_scaling_stage() {
    let mut doc = sample();
    let ingestion = doc
        .features
        .iter_mut()
        .find(|f| f.data.title.starts_with("Move event ingestion"))
        .unwrap();
    ingestion.data.horizon = Horizon::Next;
    assert!(
        fired(&check(&doc), "K014").is_empty(),
        "the rewrite is planned next"
    );
    let mut doc = sample();
    for a in &mut doc.actuals {
        a.data.value *= 0.85;
    }
    assert!(
        fired(&check(&doc), "K014").is_empty(),
        "traction on track, not ahead: the systems are not outgrown yet"
    );
}

/// The MVP sample with a re-platforming feature planned next.
fn mvp_with_rewrite() -> PlanDocument {
    let mut doc = keel_core::samples::sample_plan(today()).unwrap();
    let mut rewrite = FeatureData::new("Rewrite the backend in Rust", RiskClass::Technical);
    rewrite.stage = Stage::Scaling;
    rewrite.replatform = true;
    rewrite.horizon = Horizon::Next;
    rewrite.factory_step = Some(FactoryStep::Retention);
    doc.features.push(Feature {
        id: "900".into(),
        position: doc.features.len() as u32 + 1,
        data: rewrite.validated().unwrap(),
    });
    doc
}

#[test]
fn k015_re_platforming_at_the_mvp_stage_before_traction_is_on_track() {
    let doc = mvp_with_rewrite();
    let findings = check(&doc);
    let k015 = fired(&findings, "K015");
    assert_eq!(k015.len(), 1, "{findings:#?}");
    assert!(k015[0]
        .message
        .contains("“Rewrite the backend in Rust” rebuilds the platform"));
    assert!(k015[0].message.contains("traction is behind"));
    let mut on_track = doc.clone();
    for a in &mut on_track.actuals {
        a.data.value *= 1.25;
    }
    assert!(
        fired(&check(&on_track), "K015").is_empty(),
        "traction on track: the business asks for it"
    );
    let mut later = doc;
    later.features.last_mut().unwrap().data.horizon = Horizon::Later;
    assert!(fired(&check(&later), "K015").is_empty(), "kept for later");
}

#[test]
fn a_platform_rewrite_belongs_to_a_later_stage() {
    let mut f = FeatureData::new("Rewrite", RiskClass::Technical);
    f.replatform = true;
    let err = f.validated().unwrap_err().to_string();
    assert!(err.contains("Scaling or Enterprise"), "{err}");
}

#[test]
fn a_team_s_kpi_and_quarters_survive_the_file_the_history_and_the_json_export() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scaling.keel");
    let mut file = create_scaling_sample(&path, today()).unwrap();
    let growth = file
        .list::<TeamData>()
        .unwrap()
        .into_iter()
        .find(|t| t.data.name == "Growth")
        .unwrap();
    assert_eq!(growth.data.quarters.len(), 3);
    assert_eq!(growth.data.kpi.as_ref().unwrap().values.len(), 6);
    let mut edited = growth.data.clone();
    edited.kpi.as_mut().unwrap().values.push(KpiValue {
        date: today(),
        value: 6.5,
    });
    edited.quarters[2].funding = 650_000.0;
    file.apply(
        Operation::UpdateTeam {
            id: growth.id.clone(),
            data: edited.clone(),
        },
        "Ada",
    )
    .unwrap();
    assert_eq!(file.get::<TeamData>(&growth.id).unwrap().data, edited);
    let mut again = edited.clone();
    again.mission = "Changed again".into();
    file.apply(
        Operation::UpdateTeam {
            id: growth.id.clone(),
            data: again,
        },
        "Ada",
    )
    .unwrap();
    // Undo projects the team again from the document's history: the nested values read back.
    file.undo("Ada").unwrap();
    assert_eq!(file.get::<TeamData>(&growth.id).unwrap().data, edited);
    file.undo("Ada").unwrap();
    assert_eq!(file.get::<TeamData>(&growth.id).unwrap().data, growth.data);
    let before = file.document().unwrap();
    drop(file);
    assert_eq!(PlanFile::open(&path).unwrap().document().unwrap(), before);

    let json = dir.path().join("scaling.json");
    std::fs::write(
        &json,
        keel_core::io::export::json::render(&PlanFile::open(&path).unwrap()).unwrap(),
    )
    .unwrap();
    let copy = dir.path().join("copy.keel");
    let imported = keel_core::io::export::json::import(&copy, &json).unwrap();
    let back = keel_core::io::export::json::render(&imported).unwrap();
    assert_eq!(
        back,
        std::fs::read_to_string(&json).unwrap(),
        "round trip identical"
    );
    let doc = imported.document().unwrap();
    assert_eq!(doc.plan.data.stage, Stage::Scaling);
    assert!(doc.plan.data.enterprise_from.is_some());
    assert!(doc.features.iter().any(|f| f.data.replatform));
    assert!(doc.teams.iter().all(|t| !t.data.mission.is_empty()));
}

#[test]
fn the_stages_change_in_order() {
    let mut plan = sample().plan.data;
    plan.enterprise_from = plan.scaling_from.map(|d| d - chrono::Duration::days(1));
    let err = plan.validated().unwrap_err().to_string();
    assert!(err.contains("must not be before scaling up"), "{err}");
}
