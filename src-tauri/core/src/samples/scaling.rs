//! The second sample: the sample company two years on, at the Scaling stage. Traction is ahead
//! of the ladder towards $10M ARR; three product teams and one platform team run as mini
//! start-ups, each with a mission, a KPI and its funding quarter by quarter. It is written so
//! that each scaling rule of the plan check shows once: a product team whose KPI has no value
//! yet (K011), a platform team larger than the product teams together (K012), a team behind
//! its KPI while its funding grows (K013), and the platform rewrite left in "later" while
//! traction runs ahead (K014). K015 is about the MVP stage, which this company has left.
//! Dates are relative to `today`.

use crate::domain::PlanDocument;
use crate::domain::{
    ActualData, FactoryStep, Feature, FeatureData, FeatureStatus, Horizon, KpiValue, MilestoneData,
    Plan, RiskClass, Stage, TeamData, TeamKind, TeamKpi, TeamQuarter, TractionGoal, TractionMetric,
};
use crate::error::Result;
use crate::samples::{canvas, factory, first_of_month, numbered, plan_data};
use crate::store::PlanFile;
use chrono::{Duration, NaiveDate};
use std::path::Path;

/// Writes the scaling sample to a new file at `path`.
pub fn create_scaling_sample(path: &Path, today: NaiveDate) -> Result<PlanFile> {
    PlanFile::create_from(
        path,
        &scaling_plan(today)?,
        "Created the scaling sample plan",
        "",
    )
}

fn months(date: NaiveDate, n: i32) -> NaiveDate {
    crate::domain::shift_months(date, n).unwrap_or(date)
}

fn quarter(date: NaiveDate) -> String {
    crate::domain::quarter_key(date)
}

/// The next 10x: $10M ARR two and a half years from now, by way of $3M in a year.
fn goal(today: NaiveDate) -> TractionGoal {
    TractionGoal {
        metric: TractionMetric::Arr,
        custom_unit: None,
        msc_target: 10_000_000.0,
        deadline: months(first_of_month(today), 30),
        revenue_per_customer_month: Some(420.0),
        lifetime_months: 36.0,
        acquisition_rate: Some(0.05),
        activation_rate: Some(0.3),
        referral_rate: Some(0.15),
    }
}

fn milestones(today: NaiveDate) -> Vec<MilestoneData> {
    let m = first_of_month(today);
    let step = |name: &str, date: NaiveDate, target: f64, goals: &str| MilestoneData {
        name: name.into(),
        date,
        target,
        ninety_day_goals: goals.into(),
    };
    vec![
        step(
            "Minimum Success Criteria: $1M ARR",
            months(m, -6),
            1_000_000.0,
            "",
        ),
        step(
            "$3M ARR",
            months(m, 12),
            3_000_000.0,
            "- Self-serve annual plans live\n- Two new help-desk integrations",
        ),
        step("$10M ARR", months(m, 30), 10_000_000.0, ""),
    ]
}

/// Eight monthly actuals, the last five days ago, growing from 106 % to 118 % of the ladder.
fn actuals(today: NaiveDate, ladder: &[MilestoneData]) -> Vec<ActualData> {
    (0..8)
        .map(|i| {
            let date = today - Duration::days(5 + 30 * (7 - i));
            let expected =
                crate::compute::traction::expected_value(ladder, date).unwrap_or(1_000_000.0);
            let share = 1.06 + 0.015 * i as f64;
            ActualData {
                date,
                value: (expected * share / 1_000.0).round() * 1_000.0,
            }
        })
        .collect()
}

/// Monthly KPI values from `first` growing by `growth` a month, the last a week ago.
fn kpi_values(today: NaiveDate, count: i64, first: f64, growth: f64) -> Vec<KpiValue> {
    (0..count)
        .map(|i| KpiValue {
            date: today - Duration::days(7 + 30 * (count - 1 - i)),
            value: (first * (1.0 + growth).powi(i as i32) * 10.0).round() / 10.0,
        })
        .collect()
}

/// Funding (in thousands) and headcount of the quarter before, this one and the next.
fn quarters(today: NaiveDate, plan: [(f64, u32); 3]) -> Vec<TeamQuarter> {
    plan.iter()
        .zip([-3, 0, 3])
        .filter(|((funding, _), _)| *funding > 0.0)
        .map(|((funding, headcount), offset)| TeamQuarter {
            quarter: quarter(months(today, offset)),
            funding: funding * 1_000.0,
            headcount: *headcount,
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn team(
    name: &str,
    kind: TeamKind,
    size: u32,
    mission: &str,
    kpi: (&str, &str, f64, NaiveDate),
    values: Vec<KpiValue>,
    quarters: Vec<TeamQuarter>,
) -> TeamData {
    TeamData {
        mission: mission.into(),
        kpi: Some(TeamKpi {
            metric: kpi.0.into(),
            unit: kpi.1.into(),
            target: kpi.2,
            deadline: kpi.3,
            values,
        }),
        quarters,
        ..TeamData::new(name, kind, size)
    }
}

fn teams(today: NaiveDate) -> Vec<TeamData> {
    let in_a_year = months(first_of_month(today), 12);
    vec![
        team(
            "Insights",
            TeamKind::Product,
            6,
            "Every product manager finds their customers' top problem in Monday's digest.",
            ("Weekly active product managers", "PMs", 3_000.0, in_a_year),
            kpi_values(today, 6, 900.0, 0.11),
            quarters(today, [(450.0, 6), (480.0, 6), (480.0, 6)]),
        ),
        team(
            "Growth",
            TeamKind::Product,
            7,
            "Turn more trials into paying workspaces without a sales call.",
            ("Trial-to-paid conversion", "%", 15.0, in_a_year),
            kpi_values(today, 6, 5.0, 0.002),
            quarters(today, [(400.0, 6), (520.0, 7), (600.0, 8)]),
        ),
        team(
            "Integrations",
            TeamKind::Product,
            5,
            "Connect Loomline to every help desk our customers run, in minutes.",
            (
                "Help desks connected per week",
                "connections",
                200.0,
                in_a_year,
            ),
            Vec::new(),
            quarters(today, [(0.0, 0), (300.0, 5), (350.0, 6)]),
        ),
        team(
            "Platform",
            TeamKind::Platform,
            19,
            "One paved road for every product team: fast, up and cheap to run as traffic grows \
             tenfold.",
            ("Monthly uptime", "%", 99.95, in_a_year),
            kpi_values(today, 6, 99.5, 0.0008),
            quarters(today, [(1_500.0, 17), (1_650.0, 19), (1_700.0, 19)]),
        ),
    ]
}

struct F {
    title: &'static str,
    description: &'static str,
    class: RiskClass,
    level: u32,
    stage: Stage,
    status: FeatureStatus,
    horizon: Horizon,
    team: usize,
    step: Option<FactoryStep>,
    weeks: f64,
    replatform: bool,
}

#[allow(clippy::too_many_arguments)]
fn f(
    title: &'static str,
    description: &'static str,
    (class, level): (RiskClass, u32),
    stage: Stage,
    (status, horizon): (FeatureStatus, Horizon),
    team: usize,
    step: Option<FactoryStep>,
    weeks: f64,
) -> F {
    F {
        title,
        description,
        class,
        level,
        stage,
        status,
        horizon,
        team,
        step,
        weeks,
        replatform: false,
    }
}

fn replatform(mut feature: F) -> F {
    feature.replatform = true;
    feature
}

const INSIGHTS: usize = 0;
const GROWTH: usize = 1;
const INTEGRATIONS: usize = 2;
const PLATFORM: usize = 3;

fn features() -> Vec<F> {
    use FactoryStep::*;
    use FeatureStatus::*;
    use Horizon::*;
    use RiskClass::*;
    use Stage::*;
    vec![
        f("Guided first-insight setup", "Shipped at the MVP stage: a new workspace sees its top theme on day one.", (Business, 5), Mvp, (Done, Now), GROWTH, Some(Activation), 4.0),
        f("Theme clustering accuracy above 85 %", "Shipped at the MVP stage.", (Technical, 5), Mvp, (Done, Now), INSIGHTS, Some(Activation), 6.0),
        f("Trial onboarding checklist", "Five steps that take a trial workspace to its first shared insight, with a nudge when one stalls.", (Business, 5), Scaling, (InProgress, Now), GROWTH, Some(Activation), 6.0),
        f("Self-serve annual plans", "Annual billing with a discount, bought in the product without talking to sales.", (Business, 4), Scaling, (Planned, Now), GROWTH, Some(Revenue), 4.0),
        f("Theme trends over 12 months", "Show how each theme grew or shrank over the year, so a product manager sees what their releases changed.", (Business, 4), Scaling, (InProgress, Now), INSIGHTS, Some(Retention), 5.0),
        f("Salesforce Service Cloud integration", "The help desk of the larger customers in the pipeline.", (Business, 4), Scaling, (Planned, Now), INTEGRATIONS, Some(Acquisition), 6.0),
        f("Revenue-at-risk alerts in Slack", "A message to the product channel when a theme puts more than $10k ARR at risk.", (Business, 3), Scaling, (Planned, Next), INSIGHTS, Some(Retention), 3.0),
        f("Freshdesk integration", "The third most asked-for help desk among trials.", (Business, 3), Scaling, (Idea, Next), INTEGRATIONS, Some(Acquisition), 4.0),
        replatform(f("Move event ingestion to a managed streaming service", "Re-platform for Scaling up: the single Postgres queue of the MVP drops events above 2,000 a second; traffic doubles every five months.", (Technical, 4), Scaling, (Planned, Later), PLATFORM, Some(Retention), 10.0)),
        replatform(f("Split clustering into its own service", "Re-platform for Scaling up: clustering runs inside the web application and slows every page while it works.", (Technical, 3), Scaling, (Planned, Later), PLATFORM, Some(Retention), 8.0)),
        f("Per-workspace rate limits and usage quotas", "Keep one large customer's import from slowing everyone else's.", (Technical, 3), Scaling, (Idea, Later), PLATFORM, Some(Retention), 3.0),
        replatform(f("EU data residency", "Re-platform for Enterprise: a second region for customers who must keep their data in the EU.", (Technical, 2), Enterprise, (Idea, Later), PLATFORM, Some(Acquisition), 12.0)),
        f("SSO with SAML and SCIM", "What enterprise security reviews ask for first.", (Business, 2), Enterprise, (Idea, Later), INTEGRATIONS, Some(Acquisition), 4.0),
    ]
}

/// The scaling sample as of `today`, validated as any edit would be.
pub fn scaling_plan(today: NaiveDate) -> Result<PlanDocument> {
    let start = months(first_of_month(today), -42);
    let ladder = milestones(today)
        .into_iter()
        .map(MilestoneData::validated)
        .collect::<Result<Vec<_>>>()?;
    let actuals = numbered(
        actuals(today, &ladder)
            .into_iter()
            .map(ActualData::validated)
            .collect::<Result<Vec<_>>>()?,
    );
    let milestones = numbered(ladder);
    let teams = numbered(
        teams(today)
            .into_iter()
            .map(TeamData::validated)
            .collect::<Result<Vec<_>>>()?,
    );
    let features = features()
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            // Open work is dated by when it is planned: now from last month, next from the
            // quarter after, later after that, the Enterprise stage's work around its move.
            let (from, span) = match (f.horizon, f.stage) {
                (_, Stage::Enterprise) => (14, 6),
                (Horizon::Now, _) => (-1, 3),
                (Horizon::Next, _) => (2, 3),
                (Horizon::Later, _) => (5, 6),
            };
            let dated = f.status != FeatureStatus::Done;
            let start = months(first_of_month(today), from);
            let data = FeatureData {
                start_date: dated.then_some(start),
                end_date: dated.then(|| months(start, span) - Duration::days(1)),
                description: f.description.into(),
                risk_level: f.level,
                stage: f.stage,
                status: f.status,
                horizon: f.horizon,
                factory_step: f.step,
                team_id: Some(teams[f.team].id.clone()),
                milestone_id: (f.status != FeatureStatus::Done).then(|| milestones[1].id.clone()),
                effort_weeks: Some(f.weeks),
                replatform: f.replatform,
                ..FeatureData::new(f.title, f.class)
            };
            Ok(Feature {
                id: (i + 1).to_string(),
                position: i as u32 + 1,
                data: data.validated()?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let mut data = plan_data(start);
    data.stage = Stage::Scaling;
    data.tagline = "The voice of the customer, for every product team.".into();
    data.strategy = "1. Move upmarket: SaaS companies of 50–500 people, sold self-serve first.\n\
2. Run each team as a mini start-up: a mission, a KPI of its own, funded quarter by quarter.\n\
3. Redo the MVP's tech for scale before it breaks: ingestion and clustering first.\n\
4. Prepare the Enterprise stage: SSO and EU data residency when the first large deals ask."
        .into();
    data.scaling_from = Some(months(first_of_month(today), -6));
    data.enterprise_from = Some(months(first_of_month(today), 18));
    let now = crate::clock::now();
    Ok(PlanDocument {
        format: PlanDocument::FORMAT,
        plan: Plan {
            data: data.validated()?,
            created_at: now.clone(),
            updated_at: now,
        },
        canvas: canvas().validated()?,
        goal: Some(goal(today).validated()?),
        milestones,
        actuals,
        factory_snapshots: numbered(factory(today)),
        teams,
        features,
    })
}
