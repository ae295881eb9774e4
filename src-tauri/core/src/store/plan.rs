//! The plan header, the Lean Canvas and the traction goal in the projection: one row each.

use super::PlanFile;
use crate::domain::{LeanCanvas, Plan, PlanData, TractionGoal};
use crate::error::Result;
use rusqlite::{Connection, OptionalExtension};

pub(crate) fn read_plan(conn: &Connection) -> Result<Plan> {
    Ok(conn.query_row(
        "SELECT company_name, tagline, vision, strategy, stage, currency, start_date,
                created_at, updated_at, scaling_from, enterprise_from FROM plan WHERE id = 1",
        [],
        |r| {
            Ok(Plan {
                data: PlanData {
                    company_name: r.get(0)?,
                    tagline: r.get(1)?,
                    vision: r.get(2)?,
                    strategy: r.get(3)?,
                    stage: r.get(4)?,
                    currency: r.get(5)?,
                    start_date: r.get(6)?,
                    scaling_from: r.get(9)?,
                    enterprise_from: r.get(10)?,
                },
                created_at: r.get(7)?,
                updated_at: r.get(8)?,
            })
        },
    )?)
}

/// Writes the plan row as the document has it (a new row is stamped as edited at creation).
pub(crate) fn write_plan_row(conn: &Connection, data: &PlanData, created_at: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO plan (id, company_name, tagline, vision, strategy, stage, currency,
                           start_date, created_at, updated_at, scaling_from, enterprise_from)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10)
         ON CONFLICT(id) DO UPDATE SET company_name = ?1, tagline = ?2, vision = ?3,
             strategy = ?4, stage = ?5, currency = ?6, start_date = ?7, created_at = ?8,
             scaling_from = ?9, enterprise_from = ?10",
        rusqlite::params![
            data.company_name,
            data.tagline,
            data.vision,
            data.strategy,
            data.stage,
            data.currency,
            data.start_date,
            created_at,
            data.scaling_from,
            data.enterprise_from
        ],
    )?;
    Ok(())
}

pub(crate) fn read_canvas(conn: &Connection) -> Result<LeanCanvas> {
    Ok(conn.query_row(
        "SELECT problem, customer_segments, unique_value_proposition, solution, channels,
                revenue_streams, cost_structure, key_metrics, unfair_advantage
         FROM lean_canvas WHERE id = 1",
        [],
        |r| {
            Ok(LeanCanvas {
                problem: r.get(0)?,
                customer_segments: r.get(1)?,
                unique_value_proposition: r.get(2)?,
                solution: r.get(3)?,
                channels: r.get(4)?,
                revenue_streams: r.get(5)?,
                cost_structure: r.get(6)?,
                key_metrics: r.get(7)?,
                unfair_advantage: r.get(8)?,
            })
        },
    )?)
}

pub(crate) fn write_canvas(conn: &Connection, c: &LeanCanvas) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO lean_canvas (id, problem, customer_segments,
            unique_value_proposition, solution, channels, revenue_streams, cost_structure,
            key_metrics, unfair_advantage) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        rusqlite::params![
            c.problem,
            c.customer_segments,
            c.unique_value_proposition,
            c.solution,
            c.channels,
            c.revenue_streams,
            c.cost_structure,
            c.key_metrics,
            c.unfair_advantage
        ],
    )?;
    Ok(())
}

pub(crate) fn read_goal(conn: &Connection) -> Result<Option<TractionGoal>> {
    Ok(conn
        .query_row(
            "SELECT metric, custom_unit, msc_target, deadline, revenue_per_customer_month,
                    lifetime_months, acquisition_rate, activation_rate, referral_rate
             FROM traction_goal WHERE id = 1",
            [],
            |r| {
                Ok(TractionGoal {
                    metric: r.get(0)?,
                    custom_unit: r.get(1)?,
                    msc_target: r.get(2)?,
                    deadline: r.get(3)?,
                    revenue_per_customer_month: r.get(4)?,
                    lifetime_months: r.get(5)?,
                    acquisition_rate: r.get(6)?,
                    activation_rate: r.get(7)?,
                    referral_rate: r.get(8)?,
                })
            },
        )
        .optional()?)
}

pub(crate) fn write_goal(conn: &Connection, g: &TractionGoal) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO traction_goal (id, metric, custom_unit, msc_target, deadline,
            revenue_per_customer_month, lifetime_months, acquisition_rate, activation_rate,
            referral_rate) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        rusqlite::params![
            g.metric,
            g.custom_unit,
            g.msc_target,
            g.deadline,
            g.revenue_per_customer_month,
            g.lifetime_months,
            g.acquisition_rate,
            g.activation_rate,
            g.referral_rate
        ],
    )?;
    Ok(())
}

impl PlanFile {
    pub fn plan(&self) -> Result<Plan> {
        read_plan(self.conn())
    }

    pub fn canvas(&self) -> Result<LeanCanvas> {
        read_canvas(self.conn())
    }

    pub fn goal(&self) -> Result<Option<TractionGoal>> {
        read_goal(self.conn())
    }
}
