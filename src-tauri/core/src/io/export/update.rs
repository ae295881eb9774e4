//! The investor update: a short document since a named version — the traction and its change
//! (with the chart), what shipped, what changed and what the founders moved, the next cycle's
//! priorities and the business risks being tested (the open business-risk features planned for
//! now and next; the plan check is the founders' own). Made from the same data as the plan
//! export (the report, the comparison, the cycle), as Markdown written to be pasted into an
//! e-mail, or as a PDF through its own constant Typst template; founders' text is literal in both.

use super::escape::mail;
use super::pdf;
use super::report::{self, FindingRow};
use crate::compute::compare::{compare, Comparison};
use crate::domain::validate::Field;
use crate::error::{CoreError, Result};
use crate::store::PlanFile;
use chrono::NaiveDate;
use serde::Serialize;

pub const TEMPLATE: &str = include_str!("pdf/update.typ");

/// How many priorities the update names for the next cycle.
pub const PRIORITIES: usize = 5;

#[derive(Debug, Clone, Serialize)]
pub struct Priority {
    pub rank: u32,
    pub title: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Update {
    pub company: String,
    pub tagline: String,
    pub date: NaiveDate,
    /// The version it reports since, as the comparison names it ("Board meeting (2026-10-01)").
    pub since: String,
    pub traction_summary: String,
    pub cycle: String,
    pub comparison: Comparison,
    pub priorities: Vec<Priority>,
    /// The business risks: the customer factory's bottleneck, then the open business-risk
    /// features planned for now or next that the priorities do not already name ("“Pilot with
    /// three farms” — business risk, level 5, now").
    pub risks: Vec<String>,
    /// The plan check's findings, when the founder includes them (none by default).
    pub findings: Vec<FindingRow>,
}

/// How many business risks the update names.
pub const RISKS: usize = 5;

/// The update as of `date`, since the version `since` names (its id or name), or since the
/// latest version when none is given.
pub fn build(file: &PlanFile, date: NaiveDate, since: Option<&str>) -> Result<(Update, Vec<u8>)> {
    let version = match since {
        Some(key) => file.find_version(key)?,
        None => file.versions()?.pop().ok_or_else(|| {
            CoreError::invalid(
                Field::new("since", "Since"),
                "mark a version first: an update says what changed since one",
            )
        })?,
    };
    let doc = file.document()?;
    let then = file.version_document(&version.id)?;
    let then_day = chrono::DateTime::parse_from_rfc3339(&version.marked_at)
        .map(|at| at.date_naive())
        .unwrap_or(date);
    let analysis = crate::compute::analysis::analyse(&doc, date);
    let full = report::build(&doc, &analysis, None);
    let since_name = format!("{} ({then_day})", version.label);
    let comparison = compare((&since_name, &then, then_day), ("now", &doc, date));
    let titles: std::collections::HashMap<&str, &str> = doc
        .features
        .iter()
        .map(|f| (f.id.as_str(), f.data.title.as_str()))
        .collect();
    let priorities: Vec<Priority> = analysis
        .ranking
        .iter()
        .take(PRIORITIES)
        .map(|r| Priority {
            rank: r.rank,
            title: titles
                .get(r.id.as_str())
                .copied()
                .unwrap_or_default()
                .to_string(),
            reason: r.reason.clone(),
        })
        .collect();
    let risks_now = risks(&full, &analysis, &priorities);
    let update = Update {
        company: full.company.clone(),
        tagline: full.tagline.clone(),
        date,
        since: since_name,
        traction_summary: full.traction_summary.clone(),
        cycle: analysis.cycle.summary.clone(),
        comparison,
        priorities,
        risks: risks_now,
        findings: full.findings.clone().unwrap_or_default(),
    };
    let chart = serde_json::to_vec(&pdf::chart::traction_chart(&doc, &analysis.curve, date))
        .map_err(|e| CoreError::Export {
            detail: e.to_string(),
        })?;
    Ok((update, chart))
}

fn risks(
    full: &report::Report,
    analysis: &crate::compute::analysis::Analysis,
    priorities: &[Priority],
) -> Vec<String> {
    let named: Vec<u32> = priorities.iter().map(|p| p.rank).collect();
    analysis
        .traction
        .factory_focus
        .iter()
        .cloned()
        .chain(
            full.features
                .iter()
                .filter(|f| f.class == "Business" && f.horizon != "Later")
                .filter(|f| !f.rank.is_some_and(|r| named.contains(&r)))
                .map(|f| {
                    format!(
                        "“{}” — business risk, level {}, {}",
                        f.title,
                        f.level,
                        f.horizon.to_lowercase()
                    )
                }),
        )
        .take(RISKS)
        .collect()
}

/// The update as Markdown to paste into an e-mail: only what would format is escaped, so it
/// reads right in a mail client that renders Markdown and in one that shows plain text.
pub fn markdown(u: &Update) -> String {
    let mut md = String::new();
    let mut line = |text: String| {
        md.push_str(&text);
        md.push('\n');
    };
    line(format!("# {} — investor update", mail(&u.company)));
    if !u.tagline.is_empty() {
        line(format!("\n*{}*", mail(&u.tagline)));
    }
    line(format!("\n{} · since {}", u.date, mail(&u.since)));
    line("\n## Traction\n".into());
    line(mail(&u.traction_summary));
    let c = &u.comparison;
    if c.traction_then != c.traction_now {
        line(format!(
            "\nSince {}: {} → {}.",
            mail(&u.since),
            mail(c.traction_then.as_deref().unwrap_or("none")),
            mail(c.traction_now.as_deref().unwrap_or("none"))
        ));
    }
    line(format!("\n{}", mail(&u.cycle)));
    let mut list = |title: &str, items: &[String], none: &str| {
        line(format!("\n## {title}\n"));
        if items.is_empty() {
            line(none.to_string());
        }
        for i in items {
            line(format!("- {}", mail(i)));
        }
    };
    list("What shipped", &c.shipped, "Nothing was finished since.");
    list("What changed", &c.changes, "Nothing changed since.");
    list(
        "Moved in the priorities",
        &c.reranked,
        "The founders moved no priority.",
    );
    list(
        "Risks we are testing",
        &u.risks,
        "No other business risk is open for now or next.",
    );
    if !u.findings.is_empty() {
        let findings: Vec<String> = u
            .findings
            .iter()
            .map(|f| format!("{}: {}", f.severity, f.message))
            .collect();
        list("Plan check", &findings, "");
    }
    line("\n## Priorities for the next cycle\n".into());
    if u.priorities.is_empty() {
        line("No open features.".into());
    }
    for p in &u.priorities {
        line(format!(
            "{}. {} — {}",
            p.rank,
            mail(&p.title),
            mail(&p.reason)
        ));
    }
    md
}

#[derive(Serialize)]
struct PdfData<'a> {
    update: &'a Update,
    chart: serde_json::Value,
}

/// The update as a PDF (one or two pages).
pub fn pdf(u: &Update, chart: &[u8]) -> Result<Vec<u8>> {
    let chart: serde_json::Value =
        serde_json::from_slice(chart).map_err(|e| CoreError::Export {
            detail: e.to_string(),
        })?;
    let json =
        serde_json::to_vec(&PdfData { update: u, chart }).map_err(|e| CoreError::Export {
            detail: e.to_string(),
        })?;
    pdf::compile(TEMPLATE, json, u.date)
}
