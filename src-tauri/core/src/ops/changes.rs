//! What an operation (or an undo) changed, as the window patches its state with it: the parts
//! it touched, read back from the projection — never the whole plan.

use crate::domain::PlanDocument;
use crate::domain::{
    ActualData, FactorySnapshot, FactorySnapshotData, Feature, FeatureData, Id, LeanCanvas,
    Milestone, MilestoneData, Plan, Team, TeamData, TractionActual, TractionGoal, Version,
};
use crate::error::{CoreError, Result};
use crate::store::history::tree::Stored;
use crate::store::{PlanFile, Recorded};
use serde::Serialize;
use specta::Type;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Type)]
pub struct Changes {
    pub plan: Option<Plan>,
    pub canvas: Option<LeanCanvas>,
    /// True when the goal changed; `goal` is then the goal now (none once cleared).
    pub goal_changed: bool,
    pub goal: Option<TractionGoal>,
    pub milestones: Option<Vec<Milestone>>,
    pub teams: Option<Vec<Team>>,
    pub actuals: Option<Vec<TractionActual>>,
    pub factory_snapshots: Option<Vec<FactorySnapshot>>,
    /// Features added or edited, as they are now.
    pub features: Vec<Feature>,
    /// Features deleted.
    pub removed_features: Vec<Id>,
    /// When the manual order changed: every feature's id in the order now.
    pub feature_order: Option<Vec<Id>>,
    pub versions: Option<Vec<Version>>,
}

/// The outcome of an operation, an undo or a redo.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Applied {
    /// What was done, as the history records it ("Moved “SSO” to Now"; "Undid: …").
    pub label: String,
    /// False when the operation changed nothing (nothing was recorded).
    pub changed: bool,
    pub changes: Changes,
    /// The id of the item the operation created (the first, for several).
    pub created: Option<Id>,
    /// What undo would take back now, and what redo would bring again.
    pub undo: Option<String>,
    pub redo: Option<String>,
}

/// Above this many features touched, the answer reads all features at once.
const MANY: usize = 200;

impl PlanFile {
    pub(crate) fn applied(
        &mut self,
        label: String,
        created: Option<Id>,
        mut recorded: Recorded,
    ) -> Result<Applied> {
        let changes = self.changes(&recorded)?;
        if let Some(mut current) = recorded.current.take() {
            // Every change stamps the plan's `updated_at`.
            current.plan = self.plan()?;
            current.patch(&changes);
            self.keep_current(current);
        }
        let (undo, redo) = self.undo_redo_labels()?;
        Ok(Applied {
            label,
            changed: recorded.changed(),
            changes,
            created,
            undo,
            redo,
        })
    }

    fn changes(&self, recorded: &Recorded) -> Result<Changes> {
        let t = &recorded.touched;
        let touched = |root: &str| t.items.get(root).is_some_and(|ids| !ids.is_empty());
        let mut changes = Changes {
            plan: t.plan.then(|| self.plan()).transpose()?,
            canvas: t.canvas.then(|| self.canvas()).transpose()?,
            goal_changed: t.goal,
            goal: if t.goal { self.goal()? } else { None },
            milestones: touched(MilestoneData::ROOT)
                .then(|| self.list())
                .transpose()?,
            teams: touched(TeamData::ROOT).then(|| self.list()).transpose()?,
            actuals: touched(ActualData::ROOT)
                .then(|| self.list::<ActualData>())
                .transpose()?,
            factory_snapshots: touched(FactorySnapshotData::ROOT)
                .then(|| self.list::<FactorySnapshotData>())
                .transpose()?,
            versions: t.versions.then(|| self.versions()).transpose()?,
            ..Changes::default()
        };
        let ids: HashSet<&String> = t.items_of(FeatureData::ROOT).collect();
        if ids.len() > MANY {
            // An import: one read of every feature rather than one query each.
            let mut live: HashMap<Id, Feature> = self
                .features()?
                .into_iter()
                .filter(|f| ids.contains(&f.id))
                .map(|f| (f.id.clone(), f))
                .collect();
            for id in t.items_of(FeatureData::ROOT) {
                match live.remove(id) {
                    Some(feature) => changes.features.push(feature),
                    None => changes.removed_features.push(id.clone()),
                }
            }
        } else {
            for id in t.items_of(FeatureData::ROOT) {
                match self.feature(id) {
                    Ok(feature) => changes.features.push(feature),
                    Err(CoreError::NotFound { .. }) => changes.removed_features.push(id.clone()),
                    Err(e) => return Err(e),
                }
            }
        }
        if recorded.reordered {
            changes.feature_order = Some(self.feature_ids()?);
        }
        // A team or milestone that came back (or went) changes what its features link to.
        for (root, column) in [
            (TeamData::ROOT, "team_id"),
            (MilestoneData::ROOT, "milestone_id"),
        ] {
            for id in t.items_of(root) {
                for feature in self.features_linked(column, id)? {
                    if !changes.features.iter().any(|f| f.id == feature.id) {
                        changes.features.push(feature);
                    }
                }
            }
        }
        Ok(changes)
    }
}

impl PlanDocument {
    /// Takes in what an operation changed, as the window does with its copy: the same plan as
    /// reading the projection again (the operations' tests check that).
    pub(crate) fn patch(&mut self, changes: &Changes) {
        if let Some(plan) = &changes.plan {
            self.plan = plan.clone();
        }
        if let Some(canvas) = &changes.canvas {
            self.canvas = canvas.clone();
        }
        if changes.goal_changed {
            self.goal = changes.goal.clone();
        }
        replace(&mut self.milestones, &changes.milestones);
        replace(&mut self.teams, &changes.teams);
        replace(&mut self.actuals, &changes.actuals);
        replace(&mut self.factory_snapshots, &changes.factory_snapshots);
        if changes.features.is_empty()
            && changes.removed_features.is_empty()
            && changes.feature_order.is_none()
        {
            return;
        }
        let mut changed: HashMap<&str, &Feature> = changes
            .features
            .iter()
            .map(|f| (f.id.as_str(), f))
            .collect();
        let removed: HashSet<&str> = changes.removed_features.iter().map(Id::as_str).collect();
        let mut features: Vec<Feature> = std::mem::take(&mut self.features)
            .into_iter()
            .filter(|f| !removed.contains(f.id.as_str()))
            .map(|f| match changed.remove(f.id.as_str()) {
                Some(now) => now.clone(),
                None => f,
            })
            .collect();
        // What is new (brought back by an undo, or created) takes its place by position.
        features.extend(changed.into_values().cloned());
        match &changes.feature_order {
            Some(order) => {
                let rank: HashMap<&str, usize> = order
                    .iter()
                    .enumerate()
                    .map(|(i, id)| (id.as_str(), i))
                    .collect();
                features.retain(|f| rank.contains_key(f.id.as_str()));
                features.sort_by_key(|f| rank[f.id.as_str()]);
                for (i, f) in features.iter_mut().enumerate() {
                    f.position = i as u32 + 1;
                }
            }
            None => features.sort_by_key(|f| f.position),
        }
        self.features = features;
    }
}

fn replace<T: Clone>(list: &mut Vec<T>, now: &Option<Vec<T>>) {
    if let Some(now) = now {
        list.clone_from(now);
    }
}
