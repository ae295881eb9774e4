//! A team that builds the roadmap. Once the company scales up, each team runs as a mini
//! start-up: a mission, a KPI of its own, and the board as its investor, funding it quarter by
//! quarter.

use super::TeamKind;
use crate::domain::labels::{TEAM_SIZE, TEAM_SIZES};
use crate::domain::validate::{self, Field};
use crate::error::{CoreError, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct TeamData {
    pub name: String,
    pub kind: TeamKind,
    /// People on the team, 1 to 100.
    pub size: u32,
    /// What the team is for, in one sentence.
    #[serde(default)]
    pub mission: String,
    #[serde(default)]
    pub kpi: Option<TeamKpi>,
    /// Funding and planned headcount, quarter by quarter, in the plan's currency.
    #[serde(default)]
    pub quarters: Vec<TeamQuarter>,
}

/// The metric a team answers for, like the company's traction goal on a team's scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct TeamKpi {
    /// What is measured ("Weekly active teams").
    pub metric: String,
    /// Its unit ("teams", "%").
    pub unit: String,
    /// The value to reach by the deadline.
    pub target: f64,
    pub deadline: NaiveDate,
    /// The values recorded so far, by date.
    pub values: Vec<KpiValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct KpiValue {
    pub date: NaiveDate,
    pub value: f64,
}

/// What the board funds a team with in one quarter, and the people it plans for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct TeamQuarter {
    /// "2027-Q1".
    pub quarter: String,
    /// In the plan's currency.
    pub funding: f64,
    /// Planned people, 0 to 100.
    pub headcount: u32,
}

impl TeamData {
    /// A team with only a name, a kind and a size.
    pub fn new(name: &str, kind: TeamKind, size: u32) -> TeamData {
        TeamData {
            name: name.to_string(),
            kind,
            size,
            mission: String::new(),
            kpi: None,
            quarters: Vec::new(),
        }
    }

    pub fn validated(self) -> Result<Self> {
        let mut quarters = Vec::with_capacity(self.quarters.len());
        for q in self.quarters {
            quarters.push(q.validated()?);
        }
        quarters.sort_by(|a, b| a.quarter.cmp(&b.quarter));
        if let Some(pair) = quarters.windows(2).find(|w| w[0].quarter == w[1].quarter) {
            return Err(CoreError::invalid(
                Field::new("quarters", "Quarters"),
                format!("{} is planned twice", pair[0].quarter),
            ));
        }
        Ok(TeamData {
            name: validate::text(Field::new("name", "Team name"), &self.name, 1, 120)?,
            kind: self.kind,
            size: validate::whole_between(TEAM_SIZE, self.size, TEAM_SIZES.0, TEAM_SIZES.1)?,
            mission: validate::text(Field::new("mission", "Mission"), &self.mission, 0, 300)?,
            kpi: self.kpi.map(TeamKpi::validated).transpose()?,
            quarters,
        })
    }

    /// The quarter `date` falls in, if the team has a plan for it.
    pub fn quarter_of(&self, date: NaiveDate) -> Option<&TeamQuarter> {
        let key = quarter_key(date);
        self.quarters.iter().find(|q| q.quarter == key)
    }
}

impl TeamKpi {
    pub fn validated(self) -> Result<Self> {
        let mut values = Vec::with_capacity(self.values.len());
        for v in self.values {
            values.push(KpiValue {
                date: validate::date(Field::new("kpi_values", "KPI value date"), v.date)?,
                value: validate::non_negative(Field::new("kpi_values", "KPI value"), v.value)?,
            });
        }
        values.sort_by_key(|v| v.date);
        if let Some(pair) = values.windows(2).find(|w| w[0].date == w[1].date) {
            return Err(CoreError::invalid(
                Field::new("kpi_values", "KPI values"),
                format!("there is already a value for {}", pair[0].date),
            ));
        }
        Ok(TeamKpi {
            metric: validate::text(Field::new("kpi_metric", "KPI"), &self.metric, 1, 80)?,
            unit: validate::text(Field::new("kpi_unit", "KPI unit"), &self.unit, 0, 30)?,
            target: validate::positive(Field::new("kpi_target", "KPI target"), self.target)?,
            deadline: validate::date(Field::new("kpi_deadline", "KPI date"), self.deadline)?,
            values,
        })
    }
}

impl TeamQuarter {
    pub fn validated(self) -> Result<Self> {
        let quarter = self.quarter.trim().to_uppercase();
        if parse_quarter(&quarter).is_none() {
            return Err(CoreError::invalid(
                Field::new("quarters", "Quarter"),
                format!("“{}” is not a quarter like 2027-Q1", self.quarter.trim()),
            ));
        }
        Ok(TeamQuarter {
            quarter,
            funding: validate::non_negative(Field::new("funding", "Funding"), self.funding)?,
            headcount: validate::whole_between(
                Field::new("headcount", "Headcount"),
                self.headcount,
                0,
                100,
            )?,
        })
    }
}

/// "2027-Q1" as its year and quarter (1–4).
pub fn parse_quarter(text: &str) -> Option<(i32, u32)> {
    let (year, q) = text.split_once("-Q")?;
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) || q.len() != 1 {
        return None;
    }
    let q: u32 = q.parse().ok()?;
    (1..=4).contains(&q).then_some((year.parse().ok()?, q))
}

/// `date` moved by `months` (back when negative); `None` outside the calendar.
pub fn shift_months(date: NaiveDate, months: i32) -> Option<NaiveDate> {
    let by = chrono::Months::new(months.unsigned_abs());
    if months < 0 {
        date.checked_sub_months(by)
    } else {
        date.checked_add_months(by)
    }
}

/// The quarter `date` falls in, as "2027-Q1".
pub fn quarter_key(date: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-Q{}", date.year(), date.month0() / 3 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn quarters_are_read_and_named_from_dates() {
        assert_eq!(parse_quarter("2027-Q3"), Some((2027, 3)));
        for bad in ["2027-Q5", "2027-Q0", "27-Q1", "2027Q1", "2027-Q12", ""] {
            assert_eq!(parse_quarter(bad), None, "{bad}");
        }
        assert_eq!(quarter_key(day(2027, 1, 1)), "2027-Q1");
        assert_eq!(quarter_key(day(2027, 6, 30)), "2027-Q2");
        assert_eq!(quarter_key(day(2027, 12, 31)), "2027-Q4");
    }

    #[test]
    fn a_team_is_validated_with_its_quarters_sorted_and_each_once() {
        let mut team = TeamData::new("Growth", TeamKind::Product, 6);
        team.quarters = vec![
            TeamQuarter {
                quarter: "2027-q2".into(),
                funding: 300_000.0,
                headcount: 7,
            },
            TeamQuarter {
                quarter: "2027-Q1".into(),
                funding: 250_000.0,
                headcount: 6,
            },
        ];
        let checked = team.clone().validated().unwrap();
        assert_eq!(checked.quarters[0].quarter, "2027-Q1");
        assert_eq!(checked.quarters[1].quarter, "2027-Q2");
        team.quarters[0].quarter = "2027-Q1".into();
        let err = team.clone().validated().unwrap_err().to_string();
        assert!(err.contains("2027-Q1 is planned twice"), "{err}");
        team.quarters[0].quarter = "next spring".into();
        let err = team.validated().unwrap_err().to_string();
        assert!(err.contains("not a quarter like 2027-Q1"), "{err}");
    }

    #[test]
    fn a_kpi_needs_a_name_a_positive_target_and_one_value_a_day() {
        let kpi = TeamKpi {
            metric: "Weekly active teams".into(),
            unit: "teams".into(),
            target: 400.0,
            deadline: day(2027, 12, 31),
            values: vec![
                KpiValue {
                    date: day(2027, 2, 1),
                    value: 120.0,
                },
                KpiValue {
                    date: day(2027, 1, 1),
                    value: 100.0,
                },
            ],
        };
        let checked = kpi.clone().validated().unwrap();
        assert_eq!(checked.values[0].date, day(2027, 1, 1));
        let mut twice = kpi.clone();
        twice.values[1].date = day(2027, 2, 1);
        assert!(twice.validated().is_err());
        let mut nameless = kpi.clone();
        nameless.metric = "  ".into();
        assert!(nameless.validated().is_err());
        let mut zero = kpi;
        zero.target = 0.0;
        assert!(zero.validated().is_err());
    }
}
