//! The 10x traction ladder: from a Minimum Success Criteria at a deadline, the yearly milestones
//! MSC/100, MSC/10 and MSC, each one year apart and ending at the deadline.

use crate::domain::{MilestoneData, TractionGoal, TractionMetric};
use chrono::{Months, NaiveDate};

/// The three milestones of the ladder, earliest first.
pub fn ladder(goal: &TractionGoal) -> Vec<MilestoneData> {
    [(1u32, 100.0), (2, 10.0), (3, 1.0)]
        .into_iter()
        .map(|(year, divisor)| {
            let months_before = 12 * (3 - year);
            MilestoneData {
                name: match year {
                    3 => "Year 3: Minimum Success Criteria".to_string(),
                    _ => format!("Year {year}: MSC ÷ {divisor}"),
                },
                date: goal
                    .deadline
                    .checked_sub_months(Months::new(months_before))
                    .unwrap_or(goal.deadline),
                target: goal.msc_target / divisor,
                ninety_day_goals: String::new(),
            }
        })
        .collect()
}

/// The goal the window offers to start from: $1M ARR (in the plan's currency) at the default
/// deadline, three years after `plan_start`, with typical SaaS figures to edit.
pub fn suggested_goal(plan_start: NaiveDate) -> TractionGoal {
    TractionGoal {
        metric: TractionMetric::Arr,
        custom_unit: None,
        msc_target: 1_000_000.0,
        deadline: TractionGoal::default_deadline(plan_start),
        revenue_per_customer_month: Some(100.0),
        lifetime_months: 24.0,
        acquisition_rate: None,
        activation_rate: None,
        referral_rate: None,
    }
}

/// The milestone "Add a milestone" adds after `milestones` (in date order): a year after the
/// last one at twice its target, or at the goal's deadline when there is none.
pub fn next_milestone(
    milestones: &[MilestoneData],
    goal: Option<&TractionGoal>,
    plan_start: NaiveDate,
) -> MilestoneData {
    let last = milestones.iter().max_by_key(|m| m.date);
    let date = match (last, goal) {
        (Some(m), _) => m.date.checked_add_months(Months::new(12)).unwrap_or(m.date),
        (None, Some(g)) => g.deadline,
        (None, None) => TractionGoal::default_deadline(plan_start),
    };
    MilestoneData {
        name: "New milestone".into(),
        date,
        target: last.map_or(1_000.0, |m| m.target * 2.0),
        ninety_day_goals: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::TractionMetric;
    use chrono::NaiveDate;

    #[test]
    fn ladder_is_msc_over_100_then_10_then_msc_a_year_apart() {
        let goal = TractionGoal {
            metric: TractionMetric::Arr,
            custom_unit: None,
            msc_target: 1_000_000.0,
            deadline: NaiveDate::from_ymd_opt(2029, 6, 30).unwrap(),
            revenue_per_customer_month: Some(49.0),
            lifetime_months: 24.0,
            acquisition_rate: None,
            activation_rate: None,
            referral_rate: None,
        };
        let steps = ladder(&goal);
        let got: Vec<_> = steps
            .iter()
            .map(|m| (m.date.to_string(), m.target))
            .collect();
        assert_eq!(
            got,
            vec![
                ("2027-06-30".to_string(), 10_000.0),
                ("2028-06-30".to_string(), 100_000.0),
                ("2029-06-30".to_string(), 1_000_000.0)
            ]
        );
    }

    #[test]
    fn the_next_milestone_is_a_year_after_the_last_at_twice_its_target() {
        let start = NaiveDate::from_ymd_opt(2028, 2, 29).unwrap();
        let goal = suggested_goal(start);
        assert_eq!(goal.deadline, NaiveDate::from_ymd_opt(2031, 2, 28).unwrap());
        let first = next_milestone(&[], Some(&goal), start);
        assert_eq!(first.date, goal.deadline, "with none yet, at the deadline");
        let second = next_milestone(std::slice::from_ref(&first), Some(&goal), start);
        assert_eq!(second.date, NaiveDate::from_ymd_opt(2032, 2, 28).unwrap());
        assert_eq!(second.target, first.target * 2.0);
        assert!(
            suggested_goal(start).validated().is_ok(),
            "the suggestion is a valid goal"
        );
    }
}
