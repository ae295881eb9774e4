//! The traction sentence the window, the slides and every export show, worded once: the
//! latest actual against the ladder, then where the recent growth leads.

use crate::compute::labels::status_word;
use crate::compute::traction::{self, MetricUnit, Projection};
use crate::domain::{ActualData, MilestoneData};

/// Above this multiple of what the ladder expects, a percentage stops reading well aloud
/// ("1733 %"): the sentence says how many times ahead instead ("17×").
const TIMES_FROM: f64 = 2.0;

/// "17×" or "82 % of": how the latest actual compares with what the ladder expects.
pub fn against_ladder(ratio: f64) -> String {
    if ratio >= TIMES_FROM {
        let times = if ratio >= 10.0 {
            format!("{:.0}", ratio)
        } else {
            format!("{:.1}", ratio).trim_end_matches(".0").to_string()
        };
        format!("{times}×")
    } else {
        format!("{:.0} % of", ratio * 100.0)
    }
}

/// One paragraph: status, the latest actual against the ladder, and the projection.
pub fn summary(unit: &MetricUnit, milestones: &[MilestoneData], actuals: &[ActualData]) -> String {
    let Some(p) = traction::progress(milestones, actuals) else {
        return "No traction is measured against the ladder yet.".into();
    };
    let head = format!(
        "{}: {} on {} is {} the {} the ladder expects.",
        status_word(p.status),
        unit.format(p.actual),
        p.date,
        against_ladder(p.ratio),
        unit.format(p.expected)
    );
    match traction::project(milestones, actuals) {
        Projection::Reached {
            milestone,
            date,
            on_time,
            ..
        } => format!(
            "{head} At the recent growth rate, {milestone} is reached on {date}{}.",
            if on_time {
                ", on time"
            } else {
                ", later than planned"
            }
        ),
        Projection::AllReached => format!("{head} Every milestone is reached."),
        Projection::Unavailable { why } => format!("{head} {why}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn far_ahead_reads_as_a_multiple_and_close_as_a_percentage() {
        // $900 against the $52 expected: 900 ÷ 52 = 17.3, said "17×", never "1731 %".
        assert_eq!(against_ladder(900.0 / 52.0), "17×");
        assert_eq!(against_ladder(2.5), "2.5×");
        assert_eq!(against_ladder(3.0), "3×");
        assert_eq!(against_ladder(1.99), "199 % of");
        assert_eq!(against_ladder(0.82), "82 % of");
    }
}
