//! The customer factory over time: each week's conversions and bottleneck, and what the current
//! bottleneck means for the cycle's effort (Ash Maurya's rule: most of it on the one step that
//! converts worst).

use crate::domain::{FactorySnapshotData, FactoryStep};
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct StepConversion {
    pub step: FactoryStep,
    pub count: u32,
    /// This step's count ÷ the previous step's; `None` for acquisition (the first step) and
    /// when the previous step is zero.
    pub conversion: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct FactoryReport {
    pub period_start: NaiveDate,
    pub steps: Vec<StepConversion>,
    /// The step with the lowest conversion.
    pub bottleneck: Option<FactoryStep>,
}

/// Conversions and the bottleneck of the latest factory snapshot.
pub fn latest(snapshots: &[FactorySnapshotData]) -> Option<FactoryReport> {
    snapshots
        .iter()
        .max_by_key(|s| s.period_start)
        .map(factory_week)
}

/// Conversions and the bottleneck of one week's snapshot.
pub fn factory_week(latest: &FactorySnapshotData) -> FactoryReport {
    let counts = [
        (FactoryStep::Acquisition, latest.acquisition),
        (FactoryStep::Activation, latest.activation),
        (FactoryStep::Retention, latest.retention),
        (FactoryStep::Revenue, latest.revenue),
        (FactoryStep::Referral, latest.referral),
    ];
    let steps: Vec<StepConversion> = counts
        .iter()
        .enumerate()
        .map(|(i, (step, count))| StepConversion {
            step: *step,
            count: *count,
            conversion: i
                .checked_sub(1)
                .map(|p| counts[p].1)
                .filter(|prev| *prev > 0)
                .map(|prev| f64::from(*count) / f64::from(prev)),
        })
        .collect();
    let bottleneck = steps
        .iter()
        .filter_map(|s| s.conversion.map(|c| (s.step, c)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(step, _)| step);
    FactoryReport {
        period_start: latest.period_start,
        steps,
        bottleneck,
    }
}

/// The share of a cycle's effort that belongs on the bottleneck.
pub const FOCUS_SHARE: u32 = 80;

/// The last `n` weeks' factories, oldest first.
pub fn weeks(snapshots: &[FactorySnapshotData], n: usize) -> Vec<FactoryReport> {
    let mut sorted: Vec<&FactorySnapshotData> = snapshots.iter().collect();
    sorted.sort_by_key(|s| s.period_start);
    let skip = sorted.len().saturating_sub(n);
    sorted.into_iter().skip(skip).map(factory_week).collect()
}

/// What a step's conversion counts, in words ("of acquired users activate").
fn converts(step: FactoryStep) -> &'static str {
    match step {
        FactoryStep::Acquisition => "of visitors sign up",
        FactoryStep::Activation => "of new users reach their first success",
        FactoryStep::Retention => "of activated users come back",
        FactoryStep::Revenue => "of returning users pay",
        FactoryStep::Referral => "of paying customers bring another",
    }
}

fn name(step: FactoryStep) -> &'static str {
    match step {
        FactoryStep::Acquisition => "Acquisition",
        FactoryStep::Activation => "Activation",
        FactoryStep::Retention => "Retention",
        FactoryStep::Revenue => "Revenue",
        FactoryStep::Referral => "Referral",
    }
}

/// "Activation is the bottleneck (34 % of new users reach their first success): 80 % of this
/// cycle's effort belongs on it."
pub fn focus(report: &FactoryReport) -> Option<String> {
    let step = report.bottleneck?;
    let conversion = report
        .steps
        .iter()
        .find(|s| s.step == step)
        .and_then(|s| s.conversion)?;
    Some(format!(
        "{} is the bottleneck ({} % {}): {FOCUS_SHARE} % of this cycle's effort belongs on it.",
        name(step),
        (conversion * 100.0).round(),
        converts(step)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn week(day: u32, counts: [u32; 5]) -> FactorySnapshotData {
        FactorySnapshotData {
            period_start: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            acquisition: counts[0],
            activation: counts[1],
            retention: counts[2],
            revenue: counts[3],
            referral: counts[4],
        }
    }

    #[test]
    fn the_last_weeks_come_oldest_first_each_with_its_bottleneck() {
        let all = [
            week(16, [100, 50, 40, 30, 3]),
            week(2, [100, 10, 9, 8, 7]),
            week(9, [100, 80, 20, 18, 9]),
        ];
        let shown = weeks(&all, 2);
        let starts: Vec<u32> = shown
            .iter()
            .map(|w| chrono::Datelike::day(&w.period_start))
            .collect();
        assert_eq!(starts, vec![9, 16], "the last two, oldest first");
        assert_eq!(shown[0].bottleneck, Some(FactoryStep::Retention));
        assert_eq!(shown[1].bottleneck, Some(FactoryStep::Referral));
        assert_eq!(weeks(&all, 12).len(), 3);
        assert!(weeks(&[], 12).is_empty());
    }

    #[test]
    fn the_focus_names_the_bottleneck_its_conversion_and_the_share_of_effort() {
        let report = factory_week(&week(16, [200, 68, 60, 50, 20]));
        assert_eq!(
            focus(&report).as_deref(),
            Some(
                "Activation is the bottleneck (34 % of new users reach their first success): \
                 80 % of this cycle's effort belongs on it."
            )
        );
        let nothing = factory_week(&week(16, [0, 0, 0, 0, 0]));
        assert_eq!(focus(&nothing), None, "no conversion, no bottleneck");
    }
}
