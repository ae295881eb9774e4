//! Traction numbers from a table: a date column and a value column (MRR, ARR, customers) for
//! the actuals, or a week column and the five counts for the customer factory. Dates in the
//! usual forms (the day-month order found from the dates, or asked), values with currency
//! symbols and thousands separators; a date already in the plan is updated, not added twice.

use super::table::Table;
use super::values::{self, DateOrder};
use super::{columns, ImportColumn, RowProblem, LISTED_PROBLEMS};
use crate::domain::validate::Field;
use crate::domain::{ActualData, FactorySnapshotData, Item};
use crate::error::{CoreError, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;

/// The columns to read (by position) and the date order; each defaults to the guess.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct ActualsOptions {
    pub date_column: Option<u32>,
    pub value_column: Option<u32>,
    pub date_order: Option<DateOrder>,
}

/// Which traction numbers a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ActualsKind {
    /// The key metric on dates.
    Actuals,
    /// The customer factory's weekly counts.
    FactoryWeeks,
}

/// What importing the file would do, before anything is changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ActualsImport {
    pub kind: ActualsKind,
    pub columns: Vec<ImportColumn>,
    pub date_column: Option<u32>,
    pub value_column: Option<u32>,
    pub date_order: Option<DateOrder>,
    pub needs_date_order: bool,
    /// What the rows become, as a founder reads it ("Actuals", "Customer factory weeks").
    pub what: String,
    /// "monthly", "weekly" or "irregular", from the spacing of the dates.
    pub cadence: String,
    pub rows: u32,
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub problems: Vec<RowProblem>,
    pub more_problems: u32,
}

/// What the operation writes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlannedActuals {
    pub actuals: Vec<ActualData>,
    pub updated_actuals: Vec<(String, ActualData)>,
    pub weeks: Vec<FactorySnapshotData>,
    pub updated_weeks: Vec<(String, FactorySnapshotData)>,
}

const DATE_NAMES: &[&str] = &[
    "date",
    "month",
    "week",
    "period",
    "day",
    "period start",
    "week of",
    "week starting",
    "created",
];
const VALUE_NAMES: &[&str] = &[
    "mrr",
    "arr",
    "revenue",
    "customers",
    "active customers",
    "value",
    "amount",
    "total",
    "paying customers",
    "net revenue",
    "gross volume",
    "count",
];
const STEPS: [&str; 5] = [
    "acquisition",
    "activation",
    "retention",
    "revenue",
    "referral",
];

fn named(headers: &[String], names: &[&str]) -> Option<usize> {
    headers
        .iter()
        .position(|h| names.contains(&h.trim().to_lowercase().as_str()))
}

fn column(chosen: Option<u32>, guess: Option<usize>, headers: usize) -> Result<Option<usize>> {
    match chosen {
        Some(c) if c as usize >= headers => Err(CoreError::invalid(
            Field::new("column", "Column"),
            format!("column {} is not in the file ({headers} columns)", c + 1),
        )),
        Some(c) => Ok(Some(c as usize)),
        None => Ok(guess),
    }
}

fn cadence(dates: &mut [NaiveDate]) -> &'static str {
    dates.sort();
    let gaps: Vec<i64> = dates.windows(2).map(|w| (w[1] - w[0]).num_days()).collect();
    if gaps.is_empty() {
        "irregular"
    } else if gaps.iter().all(|g| (28..=31).contains(g)) {
        "monthly"
    } else if gaps.iter().all(|g| *g == 7) {
        "weekly"
    } else {
        "irregular"
    }
}

fn push_problem(summary: &mut ActualsImport, line: usize, reason: String) {
    if summary.problems.len() < LISTED_PROBLEMS {
        summary.problems.push(RowProblem {
            line: line as u32,
            reason,
        });
    } else {
        summary.more_problems += 1;
    }
}

/// What importing `table` into a plan holding `actuals` and `weeks` would do.
pub fn plan(
    table: &Table,
    options: &ActualsOptions,
    actuals: &[Item<ActualData>],
    weeks: &[Item<FactorySnapshotData>],
) -> Result<(ActualsImport, PlannedActuals)> {
    let headers = &table.headers;
    let steps: Vec<Option<usize>> = STEPS.iter().map(|s| named(headers, &[s])).collect();
    let kind = if steps.iter().filter(|s| s.is_some()).count() >= 3 {
        ActualsKind::FactoryWeeks
    } else {
        ActualsKind::Actuals
    };
    let date_column = column(
        options.date_column,
        named(headers, DATE_NAMES).or(Some(0)),
        headers.len(),
    )?;
    let value_column = match kind {
        ActualsKind::Actuals => column(
            options.value_column,
            named(headers, VALUE_NAMES)
                .or_else(|| (0..headers.len()).find(|c| Some(*c) != date_column)),
            headers.len(),
        )?,
        ActualsKind::FactoryWeeks => None,
    };
    let date_values = || {
        date_column
            .into_iter()
            .flat_map(|c| table.rows.iter().map(move |r| r.cells[c].as_str()))
    };
    let date_order = options
        .date_order
        .or_else(|| values::detect_order(date_values()));
    let needs_date_order = date_order.is_none() && values::needs_order(date_values());
    let mut summary = ActualsImport {
        kind,
        columns: columns(table),
        date_column: date_column.map(|c| c as u32),
        value_column: value_column.map(|c| c as u32),
        date_order,
        needs_date_order,
        what: match kind {
            ActualsKind::Actuals => "Traction actuals".into(),
            ActualsKind::FactoryWeeks => "Customer factory weeks".into(),
        },
        cadence: String::new(),
        rows: table.rows.len() as u32,
        added: 0,
        updated: 0,
        unchanged: 0,
        problems: Vec::new(),
        more_problems: 0,
    };
    let mut planned = PlannedActuals::default();
    let Some(date_column) = date_column else {
        return Err(CoreError::invalid(
            Field::new("date_column", "Date column"),
            "choose the column that holds the dates",
        ));
    };
    let decimal_comma = table.delimiter == ';';
    let actual_on: HashMap<NaiveDate, &Item<ActualData>> =
        actuals.iter().map(|a| (a.data.date, a)).collect();
    let week_on: HashMap<NaiveDate, &Item<FactorySnapshotData>> =
        weeks.iter().map(|w| (w.data.period_start, w)).collect();
    let mut seen: HashMap<NaiveDate, usize> = HashMap::new();
    let mut dates = Vec::new();
    for row in &table.rows {
        if let Some(p) = &row.problem {
            push_problem(&mut summary, row.line, p.clone());
            continue;
        }
        let text = row.cells[date_column].trim();
        let Some(date) = values::date(text, date_order) else {
            let reason = if needs_date_order {
                format!("its date “{text}” reads two ways: choose day/month or month/day")
            } else {
                format!("“{}” is not a date", super::shortened(text, 40))
            };
            push_problem(&mut summary, row.line, reason);
            continue;
        };
        if let Some(first) = seen.insert(date, row.line) {
            push_problem(
                &mut summary,
                row.line,
                format!("{date} is also on line {first}"),
            );
            continue;
        }
        let read = |c: usize| {
            let t = row.cells[c].trim();
            values::number(t, decimal_comma)
                .ok_or_else(|| format!("“{}” is not a number", super::shortened(t, 40)))
        };
        let outcome = match kind {
            ActualsKind::Actuals => {
                let Some(c) = value_column else {
                    return Err(CoreError::invalid(
                        Field::new("value_column", "Value column"),
                        "choose the column that holds the values",
                    ));
                };
                read(c).and_then(|value| {
                    let data = ActualData { date, value }
                        .validated_on(crate::clock::today())
                        .map_err(|e| e.to_string())?;
                    Ok(match actual_on.get(&date) {
                        Some(a) if a.data == data => 0,
                        Some(a) => {
                            planned.updated_actuals.push((a.id.clone(), data));
                            1
                        }
                        None => {
                            planned.actuals.push(data);
                            2
                        }
                    })
                })
            }
            ActualsKind::FactoryWeeks => {
                let count = |i: usize| match steps[i] {
                    None => Ok(0),
                    Some(c) => read(c).and_then(|n| {
                        if n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) {
                            Ok(n as u32)
                        } else {
                            Err(format!("{} {n} is not a whole count", STEPS[i]))
                        }
                    }),
                };
                (|| {
                    let data = FactorySnapshotData {
                        period_start: date,
                        acquisition: count(0)?,
                        activation: count(1)?,
                        retention: count(2)?,
                        revenue: count(3)?,
                        referral: count(4)?,
                    }
                    .validated()
                    .map_err(|e| e.to_string())?;
                    Ok(match week_on.get(&date) {
                        Some(w) if w.data == data => 0,
                        Some(w) => {
                            planned.updated_weeks.push((w.id.clone(), data));
                            1
                        }
                        None => {
                            planned.weeks.push(data);
                            2
                        }
                    })
                })()
            }
        };
        match outcome {
            Ok(0) => summary.unchanged += 1,
            Ok(1) => summary.updated += 1,
            Ok(_) => summary.added += 1,
            Err(reason) => {
                push_problem(&mut summary, row.line, reason);
                continue;
            }
        }
        dates.push(date);
    }
    summary.cadence = cadence(&mut dates).into();
    Ok((summary, planned))
}
