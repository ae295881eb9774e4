//! Large, realistic-looking plans for benchmarks and stress tests: deterministic for a seed,
//! valid by construction (every value passes validation).

use crate::compute::ladder::ladder;
use crate::domain::PlanDocument;
use crate::domain::*;
use crate::samples;
use chrono::{Duration, NaiveDate};

/// A small deterministic generator (xorshift), so plans are the same for the same seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

/// A plan like the sample company's, with `features` generated features, a year of weekly
/// actuals and factory snapshots, and a few teams. Ids are dense from 1.
pub fn large_plan(features: u32, seed: u64, today: NaiveDate) -> PlanDocument {
    let mut rng = Rng::new(seed);
    let start = today - Duration::days(540);
    let goal = samples::goal(start);
    let milestones: Vec<Milestone> = ladder(&goal)
        .into_iter()
        .enumerate()
        .map(|(i, data)| Item {
            id: (i + 1).to_string(),
            data,
        })
        .collect();
    let actuals = (0..52u32)
        .map(|w| Item {
            id: (w + 1).to_string(),
            data: ActualData {
                date: today - Duration::weeks(i64::from(52 - w)),
                value: 5_000.0 * 1.04f64.powi(w as i32),
            },
        })
        .collect();
    let factory_snapshots = (0..52u32)
        .map(|w| Item {
            id: (w + 1).to_string(),
            data: FactorySnapshotData {
                period_start: today - Duration::weeks(i64::from(52 - w)),
                acquisition: 400 + w,
                activation: 40 + w / 4,
                retention: 30 + w / 5,
                revenue: 25 + w / 6,
                referral: 5 + w / 10,
            },
        })
        .collect();
    let teams = (1..=4)
        .map(|id: u32| Item {
            id: id.to_string(),
            data: TeamData::new(
                &format!("Team {id}"),
                if id == 4 {
                    TeamKind::Platform
                } else {
                    TeamKind::Product
                },
                4 + id,
            ),
        })
        .collect();
    let count = features;
    let features = (1..=count)
        .map(|id| Feature {
            id: id.to_string(),
            position: id,
            data: random_feature(&mut rng, id, today),
        })
        .collect();
    let mut plan = samples::plan_data(start);
    plan.company_name = format!("Generated company ({count} features)");
    PlanDocument {
        format: PlanDocument::FORMAT,
        plan: Plan {
            data: plan,
            created_at: "2026-01-01T00:00:00Z".into(),
            updated_at: "2026-01-01T00:00:00Z".into(),
        },
        canvas: LeanCanvas::default(),
        goal: Some(goal),
        milestones,
        actuals,
        factory_snapshots,
        teams,
        features,
    }
}

fn random_feature(rng: &mut Rng, id: u32, today: NaiveDate) -> FeatureData {
    let class = rng.pick(RiskClass::ALL);
    let mut f = FeatureData::new(&format!("Generated feature {id}"), class);
    f.description = "A generated feature with a short description.".into();
    f.risk_level = 1 + rng.below(5) as u32;
    f.quick_win = class == RiskClass::Operational && rng.below(3) == 0;
    f.build_or_buy = rng.pick(BuildOrBuy::ALL);
    f.stage = rng.pick(Stage::ALL);
    f.status = rng.pick(FeatureStatus::ALL);
    f.horizon = rng.pick(Horizon::ALL);
    if rng.below(2) == 0 {
        f.effort_weeks = Some(1.0 + rng.below(12) as f64);
        f.reach = Some(rng.below(2_000) as f64);
        f.impact = Some(rng.pick(&[0.25, 0.5, 1.0, 2.0, 3.0]));
        f.confidence = Some(rng.below(101) as f64 / 100.0);
    }
    if rng.below(3) == 0 {
        let begin = today + Duration::days(rng.below(365) as i64 - 90);
        f.start_date = Some(begin);
        f.end_date = Some(begin + Duration::days(7 + rng.below(120) as i64));
    }
    if class == RiskClass::Technical && rng.below(10) == 0 {
        f.scale_assumption = Some(10f64.powi(2 + rng.below(7) as i32));
    }
    f.milestone_id = (rng.below(2) == 0).then(|| (1 + rng.below(3)).to_string());
    f.factory_step = (rng.below(3) != 0).then(|| rng.pick(FactoryStep::ALL));
    f.team_id = (rng.below(2) == 0).then(|| (1 + rng.below(4)).to_string());
    f
}

/// Writes [`large_plan`] to a new plan file at `path`, with two named versions marked along the
/// way (so "what changed since a version" has something to compare).
pub fn write_large_plan(
    path: &std::path::Path,
    features: u32,
    seed: u64,
    today: NaiveDate,
) -> crate::Result<crate::PlanFile> {
    use crate::io::export::json::{self, PlanExport, EXPORT_FORMAT};
    let export = PlanExport {
        keel_export: EXPORT_FORMAT,
        plan: large_plan(features, seed, today),
        versions: Vec::new(),
    };
    let mut file = json::create(path, &export)?;
    file.mark_version("Board review", "")?;
    file.mark_version("Investor update", "")?;
    Ok(file)
}
