//! The computed views of an open plan, each one function the app and the command line share.

use crate::compute::check::{self, Finding, Severity};
use crate::compute::cycle::Cycle;
use crate::compute::ladder;
use crate::compute::portfolio::Portfolio;
use crate::compute::priority::{self, PriorityView, RankedFeature};
use crate::compute::traction::{self, DatedValue};
use crate::compute::traction_report::{self, TractionReport};
use crate::domain::PlanDocument;
use crate::domain::{
    data_of, FactorySnapshotData, FeatureData, FeatureStatus, Horizon, MilestoneData, TractionGoal,
};
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

/// Everything the app computes from a plan for its first screen: the risk-first ranking, the
/// plan check, the traction report and the ladder's expected curve, as of one date (the app's
/// "today", from the core's clock: the window shows that date, never its own).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Analysis {
    pub as_of: NaiveDate,
    pub ranking: Vec<RankedFeature>,
    pub findings: Vec<Finding>,
    /// How many findings of each severity (what the Overview and the navigation show; the
    /// first screen's read sends these without the list).
    pub finding_counts: FindingCounts,
    pub traction: TractionReport,
    /// The 90-day cycle the team is in.
    pub cycle: Cycle,
    /// How many open features (not done, not dropped) each horizon holds.
    pub horizons: HorizonCounts,
    pub curve: Vec<DatedValue>,
    /// The teams as the board sees them.
    pub portfolio: Portfolio,
    /// What the window offers when the founder adds a goal or a milestone.
    pub suggestions: Suggestions,
    /// The steps that make a new plan, until all are done (then none).
    pub first_steps: Vec<crate::compute::first_steps::FirstStep>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Type)]
pub struct FindingCounts {
    pub errors: u32,
    pub warnings: u32,
    pub hints: u32,
}

impl FindingCounts {
    pub fn of(findings: &[Finding]) -> FindingCounts {
        let mut counts = FindingCounts::default();
        for f in findings {
            match f.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Hint => counts.hints += 1,
            }
        }
        counts
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Type)]
pub struct HorizonCounts {
    pub now: u32,
    pub next: u32,
    pub later: u32,
}

impl HorizonCounts {
    pub fn of(doc: &PlanDocument) -> HorizonCounts {
        let mut counts = HorizonCounts::default();
        for f in &doc.features {
            if matches!(f.data.status, FeatureStatus::Done | FeatureStatus::Dropped) {
                continue;
            }
            match f.data.horizon {
                Horizon::Now => counts.now += 1,
                Horizon::Next => counts.next += 1,
                Horizon::Later => counts.later += 1,
            }
        }
        counts
    }
}

/// Defaults for new items, computed by the core's rules (never re-derived in the window).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Suggestions {
    pub goal: TractionGoal,
    pub milestone: MilestoneData,
    /// A new feature before it is named.
    pub feature: FeatureData,
}

impl Analysis {
    /// The analysis as the window gets it: each finding with the items it lists.
    pub fn for_window(mut self) -> Analysis {
        self.findings = self.findings.into_iter().map(Finding::listed).collect();
        self
    }
}

/// The whole analysis of a plan already read into memory (one read of the file serves all,
/// and the features are ranked once: the plan check and the exports take this ranking).
pub fn analyse(doc: &PlanDocument, today: NaiveDate) -> Analysis {
    let milestones = data_of(&doc.milestones);
    let actuals = data_of(&doc.actuals);
    let snapshots: Vec<FactorySnapshotData> = data_of(&doc.factory_snapshots);
    let ranking = priority::rank(&doc.features, PriorityView::RiskFirst);
    let findings = check::check(doc, &ranking, today);
    let first_steps = crate::compute::first_steps::first_steps(doc, &findings);
    Analysis {
        first_steps,
        as_of: today,
        finding_counts: FindingCounts::of(&findings),
        findings,
        ranking,
        traction: traction_report::report(
            doc.goal.as_ref(),
            &doc.plan.data.currency,
            &milestones,
            &actuals,
            &snapshots,
            today,
        ),
        cycle: crate::compute::cycle::current(doc, today),
        horizons: HorizonCounts::of(doc),
        curve: traction::expected_curve(&milestones, curve_start(doc)),
        portfolio: crate::compute::portfolio::portfolio(doc, today),
        suggestions: Suggestions {
            goal: ladder::suggested_goal(doc.plan.data.start_date),
            milestone: ladder::next_milestone(
                &milestones,
                doc.goal.as_ref(),
                doc.plan.data.start_date,
            ),
            feature: FeatureData::draft(doc.plan.data.stage),
        },
    }
}

/// Where the traction chart and its expected curve start: the plan's start, or its first
/// actual if earlier.
pub fn curve_start(doc: &PlanDocument) -> NaiveDate {
    doc.actuals
        .iter()
        .map(|a| a.data.date)
        .fold(doc.plan.data.start_date, NaiveDate::min)
}

/// The plan check as of `today`, on the risk-first ranking.
pub fn plan_check(doc: &PlanDocument, today: NaiveDate) -> Vec<Finding> {
    let ranking = priority::rank(&doc.features, PriorityView::RiskFirst);
    check::check(doc, &ranking, today)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_horizon_counts_leave_out_done_and_dropped_features() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let mut doc = crate::samples::sample_plan(today).unwrap();
        let open = |h: Horizon| {
            doc.features
                .iter()
                .filter(|f| f.data.horizon == h)
                .filter(|f| !matches!(f.data.status, FeatureStatus::Done | FeatureStatus::Dropped))
                .count() as u32
        };
        let expected = HorizonCounts {
            now: open(Horizon::Now),
            next: open(Horizon::Next),
            later: open(Horizon::Later),
        };
        assert_eq!(HorizonCounts::of(&doc), expected);
        assert!(expected.now > 0, "the sample has work on Now");
        let first_now = doc
            .features
            .iter_mut()
            .find(|f| f.data.horizon == Horizon::Now && f.data.status != FeatureStatus::Done)
            .unwrap();
        first_now.data.status = FeatureStatus::Done;
        assert_eq!(HorizonCounts::of(&doc).now, expected.now - 1);
    }
}
