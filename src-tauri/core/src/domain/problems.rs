//! What in a plan breaks a rule an edit is held to: the gate a merge passes (a teammate's
//! change is checked as an edit of this copy would be), each problem said as a founder reads it
//! ("“SSO”: Effort: must be greater than 0").

use crate::domain::PlanDocument;
use crate::error::Result;

/// Every problem of `doc`, one sentence each, in the plan's order.
pub fn problems(doc: &PlanDocument) -> Vec<String> {
    fn check<T>(out: &mut Vec<String>, what: impl FnOnce() -> String, outcome: Result<T>) {
        if let Err(e) = outcome {
            out.push(format!("{}: {e}", what()));
        }
    }
    let mut out = Vec::new();
    check(
        &mut out,
        || "the plan".into(),
        doc.plan.data.clone().validated(),
    );
    check(
        &mut out,
        || "the Lean Canvas".into(),
        doc.canvas.clone().validated(),
    );
    if let Some(goal) = &doc.goal {
        check(
            &mut out,
            || "the traction goal".into(),
            goal.clone().validated(),
        );
    }
    for m in &doc.milestones {
        check(
            &mut out,
            || format!("milestone “{}”", short(&m.data.name)),
            m.data.clone().validated(),
        );
    }
    for a in &doc.actuals {
        check(
            &mut out,
            || format!("the actual of {}", a.data.date),
            a.data.clone().validated(),
        );
    }
    for s in &doc.factory_snapshots {
        check(
            &mut out,
            || format!("the factory week of {}", s.data.period_start),
            s.data.clone().validated(),
        );
    }
    for t in &doc.teams {
        check(
            &mut out,
            || format!("team “{}”", short(&t.data.name)),
            t.data.clone().validated(),
        );
    }
    for f in &doc.features {
        check(
            &mut out,
            || format!("feature “{}”", short(&f.data.title)),
            f.data.clone().validated(),
        );
    }
    out
}

/// A name as a sentence quotes it: at most 60 characters.
fn short(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(60).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}
