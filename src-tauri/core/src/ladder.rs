//! The 10x traction ladder: from a Minimum Success Criteria at a deadline, the yearly milestones
//! MSC/100, MSC/10 and MSC, each one year apart and ending at the deadline.

use crate::domain::{MilestoneData, TractionGoal};
use chrono::Months;

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
}
