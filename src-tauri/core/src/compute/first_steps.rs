//! The few steps that make a plan, shown on a new plan's Overview with their state until every
//! one is done: name and vision, the Minimum Success Criteria, the first actual, the first
//! features, and what the plan check then finds.

use crate::compute::check::{Finding, Severity};
use crate::domain::PlanDocument;
use serde::Serialize;
use specta::Type;

/// Which step (the window opens the place it is done from).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    Vision,
    Goal,
    Actual,
    Features,
    Findings,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct FirstStep {
    pub kind: StepKind,
    /// What to do, as a short instruction ("Set your Minimum Success Criteria").
    pub title: String,
    /// Why, or where it stands.
    pub detail: String,
    pub done: bool,
}

/// The steps, or none once all are done.
pub fn first_steps(doc: &PlanDocument, findings: &[Finding]) -> Vec<FirstStep> {
    let open = doc
        .features
        .iter()
        .filter(|f| crate::compute::priority::is_open(&f.data))
        .count();
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    let step = |kind, title: &str, detail: String, done| FirstStep {
        kind,
        title: title.to_string(),
        detail,
        done,
    };
    let has_features = !doc.features.is_empty();
    let steps = vec![
        step(
            StepKind::Vision,
            "Name the company and write its vision",
            "Where the company is going, in a few lines: the slides and the investor PDF open with it."
                .into(),
            !doc.plan.data.vision.trim().is_empty(),
        ),
        step(
            StepKind::Goal,
            "Set your Minimum Success Criteria",
            "The traction you must reach in about three years; Keel builds the 10x ladder to it."
                .into(),
            doc.goal.is_some(),
        ),
        step(
            StepKind::Actual,
            "Record the first actual",
            "Your key metric as it is today: Keel says whether you are ahead of the ladder or behind."
                .into(),
            !doc.actuals.is_empty(),
        ),
        step(
            StepKind::Features,
            "Add the first features",
            if has_features {
                format!("{open} open.")
            } else {
                "What you will build or test next; Keel ranks them business risk first.".into()
            },
            has_features,
        ),
        step(
            StepKind::Findings,
            "Read what the plan check found",
            match (errors, warnings) {
                (0, 0) => "Nothing to fix.".into(),
                (0, w) => format!("{w} warning{}: known startup mistakes, each with what to do.", plural(w)),
                (e, _) => format!("{e} error{} to fix first.", plural(e)),
            },
            has_features && errors == 0,
        ),
    ];
    if steps.iter().all(|s| s.done) {
        Vec::new()
    } else {
        steps
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
