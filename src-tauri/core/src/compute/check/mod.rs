//! The plan check: known startup mistakes, each finding with a stable id (K001…), a severity,
//! a message that says what is wrong and what to do, and the items it concerns. Ids never
//! change meaning; a new rule takes a new id.

use crate::compute::priority::{self, RankedFeature};
use crate::compute::traction::{self, MetricUnit, TractionStatus};
use crate::domain::PlanDocument;
use crate::domain::{data_of, Feature, FeatureStatus, Horizon, RiskClass, Stage, TeamKind};
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;
use std::collections::HashMap;

mod patch;
mod scaling;
pub use patch::FindingsPatch;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Hint,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Goal,
    Actual,
    Feature,
    Team,
}

/// An item a finding concerns; `id` is `None` for the plan's single goal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Type)]
pub struct ItemRef {
    pub kind: ItemKind,
    pub id: Option<crate::domain::Id>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Type)]
pub struct Finding {
    pub id: String,
    pub severity: Severity,
    pub message: String,
    pub items: Vec<ItemRef>,
    /// How many items it concerns beyond those `items` lists (see `Finding::listed`).
    pub more: u32,
}

/// How many of a finding's items the window lists (it says how many more there are): a plan
/// of 10,000 features would otherwise send every feature's id with each edit.
pub const ITEMS_LISTED: usize = 8;

impl Finding {
    /// The finding with its first `ITEMS_LISTED` items, and the count of the rest.
    pub fn listed(mut self) -> Finding {
        if self.items.len() > ITEMS_LISTED {
            let rest = self.items.split_off(ITEMS_LISTED);
            self.more += u32::try_from(rest.len()).unwrap_or(u32::MAX);
        }
        self
    }
}

/// Below this share of the "now" effort on the factory bottleneck, K010 fires.
pub const BOTTLENECK_SHARE: f64 = 0.25;

fn finding(id: &str, severity: Severity, message: String, items: Vec<ItemRef>) -> Finding {
    Finding {
        id: id.to_string(),
        severity,
        message,
        items,
        more: 0,
    }
}

fn feature_ref(f: &Feature) -> ItemRef {
    ItemRef {
        kind: ItemKind::Feature,
        id: Some(f.id.clone()),
    }
}

fn quoted(f: &Feature) -> String {
    format!("“{}”", f.data.title)
}

fn stage_order(stage: Stage) -> u8 {
    match stage {
        Stage::Mvp => 0,
        Stage::Scaling => 1,
        Stage::Enterprise => 2,
    }
}

/// Runs every rule on `doc` as of `today`; `ranking` is its risk-first ranking
/// (`priority::rank(&doc.features, PriorityView::RiskFirst)`, computed once by the caller).
pub fn check(doc: &PlanDocument, ranking: &[RankedFeature], today: NaiveDate) -> Vec<Finding> {
    let open: Vec<&Feature> = doc
        .features
        .iter()
        .filter(|f| priority::is_open(&f.data))
        .collect();
    let ranks: HashMap<&str, u32> = ranking.iter().map(|r| (r.id.as_str(), r.rank)).collect();
    let mut findings = Vec::new();
    traction_rules(doc, today, &mut findings);
    technology_ahead(doc, &open, &mut findings);
    stage_ahead(doc, &open, &mut findings);
    operational_waste(doc, &open, &mut findings);
    priority_inversions(&open, &ranks, &mut findings);
    team_shape(doc, &mut findings);
    unlinked(&open, &mut findings);
    bottleneck_effort(doc, &open, &mut findings);
    scaling::scaling_rules(doc, &open, today, &mut findings);
    findings.sort_by(|a, b| {
        a.severity
            .cmp(&b.severity)
            .then(a.id.cmp(&b.id))
            .then(a.items.cmp(&b.items))
    });
    findings
}

fn traction_rules(doc: &PlanDocument, today: NaiveDate, out: &mut Vec<Finding>) {
    let goal_ref = ItemRef {
        kind: ItemKind::Goal,
        id: None,
    };
    if doc.goal.is_none() {
        out.push(finding(
            "K001",
            Severity::Error,
            "No traction goal is defined. Set a Minimum Success Criteria — the traction you must \
             reach in about three years — so Keel can build your 10x ladder and measure progress."
                .into(),
            vec![goal_ref.clone()],
        ));
    }
    let latest = doc.actuals.iter().max_by_key(|a| a.data.date);
    match latest {
        None => out.push(finding(
            "K002",
            Severity::Warning,
            "No traction actual is recorded yet. Record your key metric at least once a month: \
             traction you do not measure, you cannot steer."
                .into(),
            vec![goal_ref],
        )),
        Some(a) if (today - a.data.date).num_days() > 30 => out.push(finding(
            "K002",
            Severity::Warning,
            format!(
                "No traction actual was recorded in the last 30 days (the latest is from {}, {} \
                 days ago). Record your key metric at least once a month.",
                a.data.date,
                (today - a.data.date).num_days()
            ),
            vec![ItemRef {
                kind: ItemKind::Actual,
                id: Some(a.id.clone()),
            }],
        )),
        Some(_) => {}
    }
    let milestones = data_of(&doc.milestones);
    let actuals = data_of(&doc.actuals);
    if let (Some(p), Some(a)) = (traction::progress(&milestones, &actuals), latest) {
        if p.status == TractionStatus::Behind {
            let unit = MetricUnit::of(doc.goal.as_ref(), &doc.plan.data.currency);
            let snapshots = data_of(&doc.factory_snapshots);
            let focus = match crate::compute::factory::latest(&snapshots).and_then(|f| f.bottleneck)
            {
                Some(step) => format!(
                    "Put the next 90 days into {}, the bottleneck of your customer factory.",
                    step.as_str()
                ),
                None => {
                    "Find the bottleneck of your customer factory and put the next 90 days into it."
                        .into()
                }
            };
            out.push(finding(
                "K003",
                Severity::Warning,
                format!(
                    "Traction is behind the roadmap: {} on {} is {:.0} % of the {} the ladder expects. {focus}",
                    unit.format(p.actual),
                    p.date,
                    p.ratio * 100.0,
                    unit.format(p.expected)
                ),
                vec![ItemRef { kind: ItemKind::Actual, id: Some(a.id.clone()) }],
            ));
        }
    }
}

/// Customers the business needs next: the next milestone above the latest actual (in
/// customers), or else the latest actual itself.
fn customers_now_or_next(doc: &PlanDocument) -> Option<(f64, String)> {
    let goal = doc.goal.as_ref()?;
    let latest = doc
        .actuals
        .iter()
        .max_by_key(|a| a.data.date)
        .map(|a| a.data.value);
    let mut milestones: Vec<_> = doc.milestones.iter().map(|m| &m.data).collect();
    milestones.sort_by_key(|m| m.date);
    let next = milestones
        .iter()
        .find(|m| latest.is_none_or(|v| m.target > v));
    if let Some(m) = next {
        let customers = traction::customers_for(goal, m.target)?;
        return Some((
            customers,
            format!(
                "the next milestone ({}) needs about {} customers",
                m.name,
                traction::compact(customers)
            ),
        ));
    }
    let customers = traction::customers_for(goal, latest?)?;
    Some((
        customers,
        format!(
            "you have about {} customers today",
            traction::compact(customers)
        ),
    ))
}

fn technology_ahead(doc: &PlanDocument, open: &[&Feature], out: &mut Vec<Finding>) {
    let Some((customers, context)) = customers_now_or_next(doc) else {
        return;
    };
    for f in open
        .iter()
        .filter(|f| f.data.risk_class == RiskClass::Technical)
    {
        let Some(scale) = f.data.scale_assumption else {
            continue;
        };
        if scale > 10.0 * customers.max(1.0) {
            out.push(finding(
                "K004",
                Severity::Warning,
                format!(
                    "Technology ahead of the business: {} is built for {} users or customers, \
                     while {context} — over 10× more than the business needs. Build for the next \
                     milestone and scale when customers ask for it.",
                    quoted(f),
                    traction::compact(scale)
                ),
                vec![feature_ref(f)],
            ));
        }
    }
}

/// "a" or "an" before a stage's name, as it is said ("an MVP", "an Enterprise", "a Scaling up").
fn article(word: &str) -> &'static str {
    let said_with_a_vowel =
        word.starts_with(['A', 'E', 'I', 'O', 'U', 'a', 'e', 'i', 'o', 'u']) || word == "MVP";
    if said_with_a_vowel {
        "an"
    } else {
        "a"
    }
}

/// Whether `f` is planned now for a stage the company has not reached.
fn is_stage_ahead(company: Stage, f: &Feature) -> bool {
    f.data.horizon == Horizon::Now && stage_order(f.data.stage) > stage_order(company)
}

fn stage_ahead(doc: &PlanDocument, open: &[&Feature], out: &mut Vec<Finding>) {
    let company = doc.plan.data.stage;
    for f in open.iter().filter(|f| is_stage_ahead(company, f)) {
        let stage = f.data.stage.label();
        out.push(finding(
            "K005",
            Severity::Warning,
            format!(
                "Stage ahead: {} is {} {stage} feature planned for now, while the company is at \
                 the {} stage. Move it to next or later, or update the company's stage if it has \
                 moved on.",
                quoted(f),
                article(stage),
                company.label()
            ),
            vec![feature_ref(f)],
        ));
    }
}

/// What lets a small team ship every day — continuous integration and delivery, automated
/// tests, a development environment — is no operational waste at any stage. Read from the
/// title, as a founder names it.
pub fn is_delivery_foundation(title: &str) -> bool {
    let words: Vec<String> = title
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '/')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let text = format!(" {} ", words.join(" "));
    const PHRASES: &[&str] = &[
        " ci ",
        " cd ",
        " ci/cd ",
        " continuous integration ",
        " continuous delivery ",
        " continuous deployment ",
        " deployment pipeline ",
        " build pipeline ",
        " release pipeline ",
        " automated test",
        " test automation ",
        " test suite ",
        " unit test",
        " end to end test",
        " integration test",
        " development environment ",
        " dev environment ",
        " local environment ",
        " staging environment ",
    ];
    PHRASES.iter().any(|p| text.contains(p))
}

fn operational_waste(doc: &PlanDocument, open: &[&Feature], out: &mut Vec<Finding>) {
    let company = doc.plan.data.stage;
    if company != Stage::Mvp {
        return;
    }
    // Work planned now or under way (what is later is not being built yet), that is not a
    // quick win, not bought, not a delivery foundation, and not already said to be ahead of the
    // company's stage (K005 says what to do about that).
    for f in open.iter().filter(|f| {
        f.data.risk_class == RiskClass::Operational
            && (f.data.horizon == Horizon::Now || f.data.status == FeatureStatus::InProgress)
            && !f.data.quick_win
            && f.data.build_or_buy != crate::domain::BuildOrBuy::Buy
            && !is_delivery_foundation(&f.data.title)
            && !is_stage_ahead(company, f)
    }) {
        out.push(finding(
            "K006",
            Severity::Warning,
            format!(
                "Operational work at the MVP stage: {} is planned now and is not a quick win. \
                 Before product/market fit, buy a SaaS product for it, or keep doing it by hand \
                 until it is easy and highly repetitive, and put the time into the business \
                 risks.",
                quoted(f)
            ),
            vec![feature_ref(f)],
        ));
    }
}

/// One finding for all inversions: features in progress or planned for now (quick wins
/// excepted: they are cheap by definition) that rank below a feature waiting in "later" or as
/// an idea.
fn priority_inversions(open: &[&Feature], ranks: &HashMap<&str, u32>, out: &mut Vec<Finding>) {
    let rank = |f: &Feature| ranks.get(f.id.as_str()).copied().unwrap_or(u32::MAX);
    let Some(top_waiting) = open
        .iter()
        .filter(|f| f.data.horizon == Horizon::Later || f.data.status == FeatureStatus::Idea)
        .min_by_key(|f| rank(f))
    else {
        return;
    };
    let mut inverted: Vec<&&Feature> = open
        .iter()
        .filter(|f| {
            (f.data.status == FeatureStatus::InProgress
                || (f.data.horizon == Horizon::Now && f.data.status != FeatureStatus::Idea))
                && !f.data.quick_win
                && rank(f) > rank(top_waiting)
        })
        .collect();
    if inverted.is_empty() {
        return;
    }
    inverted.sort_by_key(|f| rank(f));
    let doing = |f: &Feature| {
        let how = if f.data.status == FeatureStatus::InProgress {
            "in progress"
        } else {
            "planned for now"
        };
        format!("{} (#{}, {how})", quoted(f), rank(f))
    };
    let waiting = format!(
        "{} (#{}), which waits {}",
        quoted(top_waiting),
        rank(top_waiting),
        if top_waiting.data.status == FeatureStatus::Idea {
            "as an idea"
        } else {
            "in later"
        }
    );
    let what = match inverted.as_slice() {
        [one] => format!("{} ranks below {waiting}", doing(one)),
        many => format!(
            "{} features in progress or planned for now rank below {waiting}; the first of them is {}",
            many.len(),
            doing(many[0])
        ),
    };
    let mut items: Vec<ItemRef> = inverted.iter().map(|f| feature_ref(f)).collect();
    items.push(feature_ref(top_waiting));
    out.push(finding(
        "K007",
        Severity::Warning,
        format!(
            "Priority inversion: {what}. Retire the bigger risk first: pull the waiting feature \
             forward, or lower its risk level if it really matters less."
        ),
        items,
    ));
}

fn team_shape(doc: &PlanDocument, out: &mut Vec<Finding>) {
    // 5–7 people is the size one agile team works best at: a team above it should split; a
    // smaller one should grow or merge once the company scales, while at the MVP stage a small
    // founding team is what it is (the seed's 5–7 is the size it can reach, not a minimum).
    let too_small = |size: u32| size < 5 && doc.plan.data.stage != Stage::Mvp;
    for t in &doc.teams {
        if t.data.size > 7 || too_small(t.data.size) {
            out.push(finding(
                "K008",
                Severity::Warning,
                format!(
                    "Team shape: {} “{}” has {} {}; an agile team works best with 5–7 people. {}",
                    match t.data.kind {
                        TeamKind::Product => "the product team",
                        TeamKind::Platform => "the platform team",
                    },
                    t.data.name,
                    t.data.size,
                    if t.data.size == 1 { "person" } else { "people" },
                    if t.data.size > 7 {
                        "Split it into teams that each own a part of the product."
                    } else {
                        "Grow it, or merge it with another team."
                    }
                ),
                vec![ItemRef {
                    kind: ItemKind::Team,
                    id: Some(t.id.clone()),
                }],
            ));
        }
    }
    if doc.plan.data.stage == Stage::Mvp && doc.teams.len() > 1 {
        out.push(finding(
            "K008",
            Severity::Warning,
            format!(
                "Team shape: the company is at the MVP stage but has {} teams. One agile team of \
                 5–7 people finds product/market fit faster than several; split into product \
                 teams when scaling up.",
                doc.teams.len()
            ),
            doc.teams
                .iter()
                .map(|t| ItemRef {
                    kind: ItemKind::Team,
                    id: Some(t.id.clone()),
                })
                .collect(),
        ));
    }
}

fn unlinked(open: &[&Feature], out: &mut Vec<Finding>) {
    let loose: Vec<&&Feature> = open
        .iter()
        .filter(|f| f.data.milestone_id.is_none() && f.data.factory_step.is_none())
        .collect();
    let Some(first) = loose.first() else { return };
    let what = match loose.len() {
        1 => format!("{} is", quoted(first)),
        n => format!("{n} open features, such as {}, are", quoted(first)),
    };
    out.push(finding(
        "K009",
        Severity::Hint,
        format!(
            "{what} linked to no milestone and no customer-factory step. Link each feature to the \
             traction it moves, or ask why it is on the roadmap."
        ),
        loose.iter().map(|f| feature_ref(f)).collect(),
    ));
}

fn bottleneck_effort(doc: &PlanDocument, open: &[&Feature], out: &mut Vec<Finding>) {
    let snapshots = data_of(&doc.factory_snapshots);
    let Some(bottleneck) = crate::compute::factory::latest(&snapshots).and_then(|f| f.bottleneck)
    else {
        return;
    };
    let now: Vec<&&Feature> = open
        .iter()
        .filter(|f| f.data.horizon == Horizon::Now)
        .collect();
    let effort = |f: &Feature| crate::compute::portfolio::effort(f);
    // fold, not sum: an empty f64 sum is -0.0, which would print as "-0 %".
    let total = now.iter().map(|f| effort(f)).fold(0.0, |a, b| a + b);
    if total <= 0.0 {
        return;
    }
    let on_bottleneck = now
        .iter()
        .filter(|f| f.data.factory_step == Some(bottleneck))
        .map(|f| effort(f))
        .fold(0.0, |a, b| a + b);
    let share = on_bottleneck / total;
    if share < BOTTLENECK_SHARE {
        out.push(finding(
            "K010",
            Severity::Warning,
            format!(
                "Only {:.0} % of the effort planned for now goes to {}, the bottleneck of your \
                 customer factory. While it limits the factory, improving the other steps is \
                 wasted: move now-work to {}.",
                share * 100.0,
                bottleneck.as_str(),
                bottleneck.as_str()
            ),
            now.iter().map(|f| feature_ref(f)).collect(),
        ));
    }
}
