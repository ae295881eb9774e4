//! Two states of a plan side by side (a named version and another, or a version and now): what
//! changed in the plan's own words (the same lines the exports' "what changed since" writes),
//! the traction then and now, the top priorities that moved, and the plan check's findings
//! resolved and new.

use crate::compute::analysis::analyse;
use crate::compute::check::Finding;
use crate::compute::traction::MetricUnit;
use crate::domain::Id;
use crate::domain::PlanDocument;
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;
use std::collections::HashMap;

/// How many of the top-ranked features a comparison follows.
pub const TOP: usize = 10;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Comparison {
    /// What is compared ("Board meeting Q4 (2026-10-01)", "now").
    pub from: String,
    pub to: String,
    /// What changed, a sentence each.
    pub changes: Vec<String>,
    /// The text fields rewritten (vision, strategy, tagline, the canvas boxes), word by word.
    pub rewritten: Vec<crate::compute::word_diff::TextChange>,
    /// The latest traction actual on each side, worded ("$27,300 ARR on 2026-11-22").
    pub traction_then: Option<String>,
    pub traction_now: Option<String>,
    /// Features finished since (done now, not then), by title.
    pub shipped: Vec<String>,
    /// Top features the founders moved in the risk-first ranking ("“SSO”: #5 → #2", "… new in
    /// the top 10"): a feature that only rose because others above it were finished or dropped
    /// did not move (its place among the features open then and now is the same).
    pub reranked: Vec<String>,
    /// The plan check's findings gone since, and those new.
    pub resolved: Vec<String>,
    pub new_findings: Vec<String>,
}

fn latest_actual(doc: &PlanDocument) -> Option<String> {
    let unit = MetricUnit::of(doc.goal.as_ref(), &doc.plan.data.currency);
    doc.actuals
        .iter()
        .max_by_key(|a| a.data.date)
        .map(|a| format!("{} on {}", unit.format(a.data.value), a.data.date))
}

/// Every open feature in rank order, and each one's rank and title by id.
fn ranked(doc: &PlanDocument, today: NaiveDate) -> (Vec<Id>, HashMap<Id, (u32, String)>) {
    let analysis = analyse(doc, today);
    let titles: HashMap<&str, &str> = doc
        .features
        .iter()
        .map(|f| (f.id.as_str(), f.data.title.as_str()))
        .collect();
    let order = analysis.ranking.iter().map(|r| r.id.clone()).collect();
    let by_id = analysis
        .ranking
        .iter()
        .map(|r| {
            let title = titles.get(r.id.as_str()).copied().unwrap_or_default();
            (r.id.clone(), (r.rank, title.to_string()))
        })
        .collect();
    (order, by_id)
}

fn messages(findings: &[Finding]) -> Vec<String> {
    findings.iter().map(|f| f.message.clone()).collect()
}

/// Compares `old` (as of `old_date`) with `new` (as of `new_date`).
pub fn compare(
    (from, old, old_date): (&str, &PlanDocument, NaiveDate),
    (to, new, new_date): (&str, &PlanDocument, NaiveDate),
) -> Comparison {
    let (old_order, before) = ranked(old, old_date);
    let (order, after) = ranked(new, new_date);
    // A feature's place among the features open both then and now: it changes only when the
    // founders moved something (an edit of risk, RICE or order), not when others were closed.
    let both: std::collections::HashSet<&Id> =
        order.iter().filter(|id| before.contains_key(*id)).collect();
    let places = |order: &[Id]| -> HashMap<Id, usize> {
        order
            .iter()
            .filter(|id| both.contains(id))
            .enumerate()
            .map(|(i, id)| (id.clone(), i))
            .collect()
    };
    let (place_then, place_now) = (places(&old_order), places(&order));
    let mut reranked = Vec::new();
    for id in order.iter().take(TOP) {
        let (rank, title) = &after[id];
        match before.get(id) {
            Some((was, _)) if was != rank && place_then.get(id) != place_now.get(id) => {
                reranked.push(format!("“{title}”: #{was} → #{rank}"))
            }
            Some(_) => {}
            None => reranked.push(format!("“{title}”: new in the top {TOP}, at #{rank}")),
        }
    }
    let done = |f: &&crate::domain::Feature| f.data.status == crate::domain::FeatureStatus::Done;
    let was_done: std::collections::HashSet<&str> = old
        .features
        .iter()
        .filter(done)
        .map(|f| f.id.as_str())
        .collect();
    let shipped = new
        .features
        .iter()
        .filter(done)
        .filter(|f| !was_done.contains(f.id.as_str()))
        .map(|f| f.data.title.clone())
        .collect();
    let old_findings = messages(&analyse(old, old_date).findings);
    let new_findings = messages(&analyse(new, new_date).findings);
    Comparison {
        from: from.to_string(),
        to: to.to_string(),
        changes: crate::compute::diff::changes(old, new),
        rewritten: crate::compute::diff::text_changes(old, new),
        traction_then: latest_actual(old),
        traction_now: latest_actual(new),
        shipped,
        reranked,
        resolved: old_findings
            .iter()
            .filter(|m| !new_findings.contains(m))
            .cloned()
            .collect(),
        new_findings: new_findings
            .iter()
            .filter(|m| !old_findings.contains(m))
            .cloned()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ActualData, Horizon, Item};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_comparison_says_what_changed_traction_then_and_now_and_what_moved() {
        let today = date(2026, 11, 27);
        let old = crate::samples::sample_plan(today).unwrap();
        let mut new = old.clone();
        new.features[0].data.horizon = Horizon::Later;
        let open = new
            .features
            .iter_mut()
            // The last open feature: far from the top, so the ranking's head stays as it was.
            .rev()
            .find(|f| f.data.status != crate::domain::FeatureStatus::Done)
            .unwrap();
        open.data.status = crate::domain::FeatureStatus::Done;
        let finished = open.data.title.clone();
        let moved = new.features[0].data.title.clone();
        // The top feature's risk falls: it leaves the head of the ranking.
        let first = analyse(&old, today).ranking[0].id.clone();
        let f = new.features.iter_mut().find(|f| f.id == first).unwrap();
        f.data.risk_level = 1;
        let demoted = f.data.title.clone();
        new.actuals.push(Item {
            id: "new".into(),
            data: ActualData {
                date: date(2026, 11, 26),
                value: 31_000.0,
            },
        });
        let c = compare(("Board", &old, today), ("now", &new, today));
        assert_eq!((c.from.as_str(), c.to.as_str()), ("Board", "now"));
        assert!(
            c.changes
                .iter()
                .any(|l| l.contains(&moved) && l.contains("moved")),
            "{:?}",
            c.changes
        );
        assert!(
            c.changes
                .iter()
                .any(|l| l == "1 traction actual was recorded."),
            "{:?}",
            c.changes
        );
        assert_eq!(
            c.traction_then.as_deref(),
            Some("$27,300 ARR on 2026-11-22")
        );
        assert_eq!(c.traction_now.as_deref(), Some("$31,000 ARR on 2026-11-26"));
        assert_eq!(c.shipped, vec![finished]);
        let second = &analyse(&old, today).ranking[1].id;
        let second = &old
            .features
            .iter()
            .find(|f| &f.id == second)
            .unwrap()
            .data
            .title;
        assert!(
            c.reranked.contains(&format!("“{second}”: #2 → #1")),
            "the feature behind {demoted} leads now: {:?}",
            c.reranked
        );

        let same = compare(("Board", &old, today), ("now", &old, today));
        assert!(same.changes.is_empty() && same.reranked.is_empty());
        assert!(same.resolved.is_empty() && same.new_findings.is_empty());
    }
}
