//! The sample plan: a fictional MVP-stage B2B SaaS start-up, written so that Keel's ideas show
//! on first sight — traction slightly behind its 10x ladder, risk-first features in all three
//! classes, one feature built for 100 million users, one operational tool that is waste at the
//! MVP stage and one that is a quick win, one product team of six, activation as the bottleneck.
//! Dates are relative to `today`, so the sample always has recent actuals.

use crate::compute::ladder::ladder;
use crate::domain::PlanDocument;
use crate::domain::{
    ActualData, BuildOrBuy, FactorySnapshotData, FactoryStep, Feature, FeatureData, FeatureStatus,
    Horizon, Item, LeanCanvas, MilestoneData, Plan, PlanData, RiskClass, Stage, TeamData, TeamKind,
    TractionGoal, TractionMetric,
};
use crate::error::Result;
use crate::store::PlanFile;
use chrono::{Datelike, Duration, Months, NaiveDate};
use std::path::Path;

pub const COMPANY: &str = "Loomline";

/// Writes the sample plan to a new file at `path`.
pub fn create_sample_plan(path: &Path, today: NaiveDate) -> Result<PlanFile> {
    PlanFile::create_from(path, &sample_plan(today)?, "Created the sample plan", "")
}

/// Numbers each item from 1, as the ids of a plan written in one go.
pub(crate) fn numbered<T>(items: impl IntoIterator<Item = T>) -> Vec<Item<T>> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, data)| Item {
            id: (i + 1).to_string(),
            data,
        })
        .collect()
}

/// The sample plan as of `today`, validated as any edit would be.
pub fn sample_plan(today: NaiveDate) -> Result<PlanDocument> {
    let start = first_of_month(today)
        .checked_sub_months(Months::new(18))
        .unwrap_or(today);
    let goal = goal(start).validated()?;
    let steps = ladder(&goal);
    let milestones = numbered(
        steps
            .iter()
            .cloned()
            .map(MilestoneData::validated)
            .collect::<Result<Vec<_>>>()?,
    );
    let actuals = numbered(
        actuals(today, start, &steps)
            .into_iter()
            .map(ActualData::validated)
            .collect::<Result<Vec<_>>>()?,
    );
    let team = TeamData::new("Core product team", TeamKind::Product, 6).validated()?;
    let teams = numbered([team]);
    let features = features(today, &milestones[1].id, &teams[0].id)
        .into_iter()
        .enumerate()
        .map(|(i, data)| {
            Ok(Feature {
                id: (i + 1).to_string(),
                position: i as u32 + 1,
                data: data.validated()?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let now = crate::clock::now();
    Ok(PlanDocument {
        format: PlanDocument::FORMAT,
        plan: Plan {
            data: plan_data(start).validated()?,
            created_at: now.clone(),
            updated_at: now,
        },
        canvas: canvas().validated()?,
        goal: Some(goal),
        milestones,
        actuals,
        factory_snapshots: numbered(factory(today)),
        teams,
        features,
    })
}

pub(crate) fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The sample company's header, for a plan starting on `start`.
pub fn plan_data(start: NaiveDate) -> PlanData {
    PlanData {
        company_name: COMPANY.into(),
        tagline: "Turn every support conversation into a product decision.".into(),
        vision: "Every product team hears its customers as clearly as its best support agent \
does.\n\nLoomline reads the conversations a SaaS company already has — support tickets, chats, \
sales calls — and tells the product team, every week, which problems cost them the most \
customers and revenue."
            .into(),
        strategy: "1. Win small SaaS teams first (10–50 people) who run support in Zendesk \
or Intercom and have no research team.\n2. Prove activation before scale: a new customer \
must see their first real insight within one day of connecting their help desk.\n3. Grow \
through the support community: case studies and referrals from heads of support.\n4. Keep \
technology one step behind the business: one region, one database, until paying customers \
ask for more."
            .into(),
        stage: Stage::Mvp,
        currency: "USD".into(),
        start_date: start,
        scaling_from: None,
        enterprise_from: None,
    }
}

pub(crate) fn canvas() -> LeanCanvas {
    LeanCanvas {
        problem: "Product teams guess what customers need.\nSupport tickets hold the answer \
but nobody has time to read them.\nSurveys are slow and answered by the happy few."
            .into(),
        customer_segments: "Heads of product at SaaS companies of 10–50 people.\nEarly \
adopters: teams already tagging tickets by hand."
            .into(),
        unique_value_proposition: "Your customers' top problems, ranked by revenue at \
risk, every Monday — without reading a ticket."
            .into(),
        solution: "Connect the help desk in two clicks.\nCluster conversations into \
themes.\nRank themes by the revenue of the accounts raising them."
            .into(),
        channels: "Support-community newsletters and meet-ups.\nHelp-desk app \
marketplaces.\nReferrals from heads of support."
            .into(),
        revenue_streams: "Subscription: $49 per month per workspace.\nAnnual plan later.".into(),
        cost_structure: "Two founders and four engineers.\nCloud hosting and language-model \
usage (about $6 per workspace per month)."
            .into(),
        key_metrics: "Workspaces that reach their first insight within 24 hours \
(activation).\nWeekly active product managers.\nARR."
            .into(),
        unfair_advantage: "The founders ran support at two SaaS companies and know the \
community by name."
            .into(),
    }
}

/// The sample company's traction goal: $1M ARR three years after `start`.
pub fn goal(start: NaiveDate) -> TractionGoal {
    TractionGoal {
        metric: TractionMetric::Arr,
        custom_unit: None,
        msc_target: 1_000_000.0,
        deadline: TractionGoal::default_deadline(start),
        revenue_per_customer_month: Some(49.0),
        lifetime_months: 24.0,
        acquisition_rate: Some(0.04),
        activation_rate: Some(0.25),
        referral_rate: Some(0.1),
    }
}

/// Seven monthly actuals, the last five days ago, at 82 % down to 75 % of the ladder's
/// log-linear curve: growing, but behind.
fn actuals(today: NaiveDate, start: NaiveDate, steps: &[MilestoneData]) -> Vec<ActualData> {
    let anchor = (start, steps[0].target / 10.0);
    let points: Vec<(NaiveDate, f64)> = std::iter::once(anchor)
        .chain(steps.iter().map(|m| (m.date, m.target)))
        .collect();
    let expected = |date: NaiveDate| {
        let segment = points
            .windows(2)
            .find(|w| date <= w[1].0)
            .unwrap_or(&points[points.len() - 2..]);
        let (d0, v0) = segment[0];
        let (d1, v1) = segment[1];
        let span = (d1 - d0).num_days().max(1) as f64;
        let t = (date - d0).num_days() as f64 / span;
        (v0.ln() + t * (v1.ln() - v0.ln())).exp()
    };
    [0.82, 0.81, 0.79, 0.78, 0.77, 0.76, 0.75]
        .iter()
        .enumerate()
        .map(|(i, share)| {
            let date = today - Duration::days(5 + 30 * (6 - i as i64));
            let value = (expected(date) * share / 100.0).round() * 100.0;
            ActualData { date, value }
        })
        .collect()
}

/// Six weekly snapshots in which few sign-ups reach their first insight.
pub(crate) fn factory(today: NaiveDate) -> Vec<FactorySnapshotData> {
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    (0..6)
        .map(|i| {
            let grow = |base: u32| base + base * i / 10;
            FactorySnapshotData {
                period_start: monday - Duration::weeks(i64::from(6 - i)),
                acquisition: grow(380),
                activation: grow(34),
                retention: grow(28),
                revenue: grow(22),
                referral: grow(6),
            }
        })
        .collect()
}

struct F {
    title: &'static str,
    class: RiskClass,
    level: u32,
    stage: Stage,
    status: FeatureStatus,
    horizon: Horizon,
    step: Option<FactoryStep>,
}

fn f(
    title: &'static str,
    class: RiskClass,
    level: u32,
    stage: Stage,
    status: FeatureStatus,
    horizon: Horizon,
    step: Option<FactoryStep>,
) -> F {
    F {
        title,
        class,
        level,
        stage,
        status,
        horizon,
        step,
    }
}

fn features(today: NaiveDate, year2: &str, team: &str) -> Vec<FeatureData> {
    use FactoryStep::*;
    use FeatureStatus::*;
    use Horizon::*;
    use RiskClass::*;
    use Stage::*;
    let list = [
        f(
            "Concierge onboarding for the first 20 customers",
            Business,
            5,
            Mvp,
            InProgress,
            Now,
            Some(Activation),
        ),
        f(
            "Guided first-insight setup",
            Business,
            5,
            Mvp,
            Planned,
            Now,
            Some(Activation),
        ),
        f(
            "Theme clustering accuracy above 85 %",
            Technical,
            5,
            Mvp,
            InProgress,
            Now,
            Some(Activation),
        ),
        f(
            "Import 12 months of ticket history in minutes",
            Technical,
            4,
            Mvp,
            Planned,
            Now,
            Some(Activation),
        ),
        f(
            "Pricing experiment: per seat or per workspace",
            Business,
            4,
            Mvp,
            Planned,
            Now,
            Some(Revenue),
        ),
        f(
            "In-house billing and invoicing system",
            Operational,
            3,
            Mvp,
            Planned,
            Now,
            Some(Revenue),
        ),
        f(
            "Auto-tag new sign-ups in the CRM",
            Operational,
            2,
            Mvp,
            Planned,
            Now,
            Some(Acquisition),
        ),
        f(
            "Weekly insight digest e-mail",
            Business,
            4,
            Mvp,
            Planned,
            Next,
            Some(Retention),
        ),
        f(
            "Zendesk marketplace listing",
            Business,
            4,
            Mvp,
            Planned,
            Next,
            Some(Acquisition),
        ),
        f(
            "Intercom integration",
            Business,
            3,
            Mvp,
            Idea,
            Next,
            Some(Acquisition),
        ),
        f(
            "Case study with the first design partner",
            Business,
            3,
            Mvp,
            Planned,
            Next,
            Some(Acquisition),
        ),
        f(
            "Multi-region sharded event store for 100 million users",
            Technical,
            3,
            Scaling,
            Planned,
            Next,
            None,
        ),
        f(
            "Spanish and German conversations",
            Technical,
            3,
            Mvp,
            Idea,
            Next,
            Some(Acquisition),
        ),
        f(
            "Help-desk macros for common support answers",
            Operational,
            1,
            Mvp,
            Idea,
            Next,
            Some(Retention),
        ),
        f(
            "Referral credit for inviting a teammate",
            Business,
            3,
            Mvp,
            Idea,
            Later,
            Some(Referral),
        ),
        f(
            "Slack alerts for trending complaints",
            Business,
            3,
            Mvp,
            Idea,
            Later,
            Some(Retention),
        ),
        f(
            "Annual plan with two months free",
            Business,
            2,
            Scaling,
            Idea,
            Later,
            Some(Revenue),
        ),
        f(
            "Usage-based metering pipeline",
            Technical,
            2,
            Scaling,
            Idea,
            Later,
            Some(Revenue),
        ),
        f(
            "Public data export API",
            Technical,
            2,
            Scaling,
            Idea,
            Later,
            Some(Retention),
        ),
        f(
            "Single sign-on (SAML)",
            Technical,
            2,
            Enterprise,
            Idea,
            Later,
            None,
        ),
        f(
            "SOC 2 Type II readiness",
            Technical,
            3,
            Enterprise,
            Idea,
            Later,
            None,
        ),
        f(
            "Landing page with waitlist",
            Business,
            5,
            Mvp,
            Done,
            Now,
            Some(Acquisition),
        ),
        f(
            "Churn interviews with ten lost trials",
            Business,
            4,
            Mvp,
            Done,
            Now,
            Some(Retention),
        ),
        f(
            "Chrome extension for support agents",
            Business,
            2,
            Mvp,
            Dropped,
            Later,
            Some(Acquisition),
        ),
    ];
    let quarter_start = first_of_month(today)
        .checked_sub_months(Months::new(today.month0() % 3))
        .unwrap_or(today);
    list.iter()
        .enumerate()
        .map(|(i, s)| {
            let mut d = FeatureData::new(s.title, s.class);
            d.risk_level = s.level;
            d.stage = s.stage;
            d.status = s.status;
            d.horizon = s.horizon;
            d.factory_step = s.step;
            d.description = describe(s.title);
            d.milestone_id = s.step.map(|_| year2.to_string());
            d.team_id = matches!(s.status, InProgress | Planned).then(|| team.to_string());
            let (offset, weeks) = match s.horizon {
                Now => (0, 4 + (i as u32 % 3) * 2),
                Next => (3, 6 + (i as u32 % 2) * 3),
                Later => (6, 8),
            };
            if s.status != Idea && s.status != Dropped {
                let begin = quarter_start
                    .checked_add_months(Months::new(offset))
                    .unwrap_or(quarter_start)
                    + Duration::weeks(i64::from(i as u32 % 4) * 2);
                d.start_date = Some(begin);
                d.end_date = Some(begin + Duration::weeks(i64::from(weeks)));
                d.effort_weeks = Some(f64::from(weeks) * 1.5);
            }
            d
        })
        .map(|mut d| {
            refine(&mut d);
            d
        })
        .collect()
}

/// The details that make individual features tell their story.
fn refine(d: &mut FeatureData) {
    let rice = |d: &mut FeatureData, reach: f64, impact: f64, confidence: f64, effort: f64| {
        d.reach = Some(reach);
        d.impact = Some(impact);
        d.confidence = Some(confidence);
        d.effort_weeks = Some(effort);
    };
    match d.title.as_str() {
        "Concierge onboarding for the first 20 customers" => rice(d, 20.0, 3.0, 0.8, 2.0),
        "Guided first-insight setup" => rice(d, 400.0, 2.0, 0.7, 4.0),
        "Theme clustering accuracy above 85 %" => rice(d, 400.0, 2.0, 0.5, 6.0),
        "Import 12 months of ticket history in minutes" => rice(d, 300.0, 1.0, 0.8, 3.0),
        "Pricing experiment: per seat or per workspace" => rice(d, 300.0, 1.0, 0.5, 1.0),
        "Weekly insight digest e-mail" => rice(d, 250.0, 1.0, 0.8, 2.0),
        "Zendesk marketplace listing" => rice(d, 1000.0, 0.5, 0.5, 2.0),
        "Multi-region sharded event store for 100 million users" => {
            d.scale_assumption = Some(100_000_000.0);
            d.build_or_buy = BuildOrBuy::Build;
        }
        "In-house billing and invoicing system" => d.build_or_buy = BuildOrBuy::Build,
        "Auto-tag new sign-ups in the CRM" | "Help-desk macros for common support answers" => {
            d.quick_win = true;
            d.build_or_buy = BuildOrBuy::Buy;
        }
        _ => {}
    }
}

fn describe(title: &str) -> String {
    match title {
        "Concierge onboarding for the first 20 customers" => {
            "Do by hand what the product \
will later do: a founder sets up each new workspace with the customer on a call and writes \
down every step where they get stuck."
        }
        "Guided first-insight setup" => {
            "A three-step setup that ends on the customer's own \
top theme, so a new workspace sees value on day one."
        }
        "Theme clustering accuracy above 85 %" => {
            "The riskiest technical bet: themes must \
match what a head of support would tag by hand in at least 85 % of conversations."
        }
        "Multi-region sharded event store for 100 million users" => {
            "Re-platform storage onto \
a sharded, multi-region event store that scales to 100 million end users."
        }
        "In-house billing and invoicing system" => {
            "Build our own invoicing, tax and dunning \
instead of using the payment provider's billing."
        }
        "Auto-tag new sign-ups in the CRM" => {
            "A no-code automation in the CRM tags each \
sign-up with its help desk, saving an hour a day of copying."
        }
        _ => "",
    }
    .to_string()
}
