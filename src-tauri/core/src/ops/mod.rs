//! Every edit of a plan is one operation: validated as the founder's input, applied to the
//! plan's document and its projection in one transaction, recorded in the history with a label
//! a founder reads ("Moved “SSO” to Now"), an author and a time, and undone as one step.

mod changes;
mod conflict_words;
mod conflicts;
mod edits;
mod imports;
mod labels;

pub use changes::{Applied, Changes};
pub(crate) use conflicts::note as note_conflicts;
pub use conflicts::{Conflict, DeletedFeature};
pub use edits::Editable;

use crate::domain::validate::Field;
use crate::domain::{
    ActualData, FactorySnapshotData, FeatureData, Horizon, Id, LeanCanvas, MilestoneData, PlanData,
    TeamData, TractionGoal,
};
use crate::error::{CoreError, Result};
use crate::store::history::tree::{self, Stored};
use crate::store::history::{history_error, Note};
use crate::store::{Entity, Kind, PlanFile};
use loro::LoroDoc;
use serde::{Deserialize, Serialize};
use specta::Type;

/// An edit of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Operation {
    UpdatePlan {
        data: PlanData,
    },
    UpdateCanvas {
        canvas: LeanCanvas,
    },
    SetGoal {
        goal: TractionGoal,
    },
    ClearGoal,
    CreateFeature {
        data: FeatureData,
    },
    UpdateFeature {
        id: Id,
        data: FeatureData,
    },
    DeleteFeature {
        id: Id,
    },
    /// Brings a deleted feature back, with every edit made to it (a teammate's included).
    RestoreFeature {
        id: Id,
    },
    /// Puts a feature on a horizon and at a place (1-based, clamped) of the manual order.
    MoveFeature {
        id: Id,
        horizon: Horizon,
        position: u32,
    },
    CreateTeam {
        data: TeamData,
    },
    UpdateTeam {
        id: Id,
        data: TeamData,
    },
    DeleteTeam {
        id: Id,
    },
    /// One milestone, or a whole ladder, as one step.
    AddMilestones {
        milestones: Vec<MilestoneData>,
    },
    UpdateMilestone {
        id: Id,
        data: MilestoneData,
    },
    DeleteMilestone {
        id: Id,
    },
    AddActual {
        data: ActualData,
    },
    UpdateActual {
        id: Id,
        data: ActualData,
    },
    DeleteActual {
        id: Id,
    },
    AddFactoryWeek {
        data: FactorySnapshotData,
    },
    UpdateFactoryWeek {
        id: Id,
        data: FactorySnapshotData,
    },
    DeleteFactoryWeek {
        id: Id,
    },
    /// Brings the plan back to a named version, as a new change (undo takes it back).
    RestoreVersion {
        id: Id,
    },
    /// Features from another tool's export, as one step: new ones added at the end of the
    /// manual order, the ones imported before (matched by their source) updated.
    ImportFeatures {
        /// What the label says they came from ("Linear").
        from: String,
        added: Vec<FeatureData>,
        updated: Vec<IdData<FeatureData>>,
    },
    /// Traction numbers from a file, as one step: actuals and factory weeks on new dates
    /// added, those on dates the plan has updated.
    ImportTraction {
        actuals: Vec<ActualData>,
        updated_actuals: Vec<IdData<ActualData>>,
        weeks: Vec<FactorySnapshotData>,
        updated_weeks: Vec<IdData<FactorySnapshotData>>,
    },
}

/// An item's id and its new data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct IdData<T> {
    pub id: Id,
    pub data: T,
}

type Write = Box<dyn FnOnce(&LoroDoc) -> Result<()>>;

/// A validated operation, ready to write.
struct Prepared {
    label: String,
    created: Option<Id>,
    write: Write,
}

impl PlanFile {
    /// Applies one operation by `author`; on any error nothing changed (document, projection and
    /// file alike).
    pub fn apply(&mut self, op: Operation, author: &str) -> Result<Applied> {
        self.ready_to_write()?;
        let prepared = self.prepare(op)?;
        self.run(prepared, author)
    }

    /// Writes a prepared operation as one change by `author`.
    fn run(&mut self, prepared: Prepared, author: &str) -> Result<Applied> {
        let recorded = self.change(
            &Note::new(&prepared.label, author),
            Kind::Operation,
            prepared.write,
        )?;
        self.applied(prepared.label, prepared.created, recorded)
    }

    /// Takes back this session's last operation; `None` when there is nothing to undo.
    pub fn undo(&mut self, author: &str) -> Result<Option<Applied>> {
        self.undo_or_redo(author, false)
    }

    pub fn redo(&mut self, author: &str) -> Result<Option<Applied>> {
        self.undo_or_redo(author, true)
    }

    fn undo_or_redo(&mut self, author: &str, redo: bool) -> Result<Option<Applied>> {
        match self.step(author, redo)? {
            Some((label, recorded)) => {
                let verb = if redo { "Redid" } else { "Undid" };
                let said = format!("{verb}: {label}");
                self.applied(said, None, recorded).map(Some)
            }
            None => Ok(None),
        }
    }

    /// The labels of what undo and redo would take back or bring again now.
    pub fn undo_redo_labels(&mut self) -> Result<(Option<String>, Option<String>)> {
        let history = self.history()?;
        Ok((
            history.undo_label().map(str::to_string),
            history.redo_label().map(str::to_string),
        ))
    }

    fn prepare(&mut self, op: Operation) -> Result<Prepared> {
        let conn = self.conn();
        Ok(match op {
            Operation::UpdatePlan { data } => {
                let data = data.validated()?;
                let before = self.plan()?.data;
                Prepared {
                    label: labels::edited("the plan", &before, &data, labels::plan_part),
                    created: None,
                    write: Box::new(move |doc| tree::write_plan(doc, &data)),
                }
            }
            Operation::UpdateCanvas { canvas } => {
                let canvas = canvas.validated()?;
                let before = self.canvas()?;
                Prepared {
                    label: labels::edited("the Lean Canvas", &before, &canvas, labels::field_name),
                    created: None,
                    write: Box::new(move |doc| tree::write_canvas(doc, &canvas)),
                }
            }
            Operation::SetGoal { goal } => {
                let goal = goal.validated()?;
                let label = match self.goal()? {
                    Some(_) => "Edited the traction goal",
                    None => "Set the traction goal",
                };
                Prepared {
                    label: label.into(),
                    created: None,
                    write: Box::new(move |doc| tree::write_goal(doc, Some(&goal))),
                }
            }
            Operation::ClearGoal => Prepared {
                label: "Cleared the traction goal".into(),
                created: None,
                write: Box::new(|doc| tree::write_goal(doc, None)),
            },
            Operation::CreateFeature { data } => {
                let data = data.validated()?;
                crate::store::check_links(conn, &data)?;
                let id = self.history()?.new_id();
                let label = format!("Added “{}”", data.title);
                let new = id.clone();
                Prepared {
                    label,
                    created: Some(id),
                    write: Box::new(move |doc| {
                        tree::write_item(doc, &new, &data)?;
                        tree::order(doc).push(new.as_str()).map_err(history_error)?;
                        Ok(())
                    }),
                }
            }
            Operation::UpdateFeature { id, data } => {
                let before = self.feature(&id)?.data;
                let mut data = data.validated()?;
                crate::store::check_links(conn, &data)?;
                self.keep_hidden_links(&id, &before, &mut data)?;
                Prepared {
                    label: labels::feature_edited(&before, &data),
                    created: None,
                    write: Box::new(move |doc| tree::write_item(doc, &id, &data)),
                }
            }
            Operation::DeleteFeature { id } => {
                let before = self.feature(&id)?.data;
                Prepared {
                    label: format!("Deleted “{}”", before.title),
                    created: None,
                    write: Box::new(move |doc| {
                        tree::delete_item::<FeatureData>(doc, &id).map(drop)
                    }),
                }
            }
            Operation::RestoreFeature { id } => {
                let doc = &self.history()?.doc;
                if tree::item_map::<FeatureData>(doc, &id).is_none() {
                    return Err(CoreError::NotFound {
                        entity: "feature",
                        id,
                    });
                }
                let place = crate::store::history::concurrent::Place {
                    root: FeatureData::ROOT.into(),
                    item: Some(id.clone()),
                };
                let what = conflict_words::place_words(doc, &place);
                if tree::read_item::<FeatureData>(doc, &id)?.is_some() {
                    return Err(CoreError::invalid(
                        Field::new("id", "Feature"),
                        format!("{what} is not deleted"),
                    ));
                }
                self.restore_prepared(&place, &what)?
            }
            Operation::MoveFeature {
                id,
                horizon,
                position,
            } => {
                let feature = self.feature(&id)?;
                let label = labels::moved(&feature.data, horizon);
                Prepared {
                    label,
                    created: None,
                    write: Box::new(move |doc| {
                        if feature.data.horizon != horizon {
                            let map = tree::item_map::<FeatureData>(doc, &id).ok_or_else(|| {
                                history_error("the feature is not in the history")
                            })?;
                            map.insert("horizon", horizon.as_str())
                                .map_err(history_error)?;
                        }
                        tree::move_feature(doc, &id, position)
                    }),
                }
            }
            Operation::CreateTeam { data } => {
                let data = data.validated()?;
                self.create_item(format!("Added team “{}”", data.name), data)?
            }
            Operation::UpdateTeam { id, data } => {
                let before = self.get::<TeamData>(&id)?.data;
                let data = data.validated()?;
                let label = labels::edited(
                    &format!("team “{}”", before.name),
                    &before,
                    &data,
                    labels::field_name,
                );
                self.update_item(label, id, data)?
            }
            Operation::DeleteTeam { id } => {
                let before = self.get::<TeamData>(&id)?.data;
                delete::<TeamData>(format!("Deleted team “{}”", before.name), id)
            }
            Operation::AddMilestones { milestones } => {
                if milestones.is_empty() {
                    return Err(CoreError::invalid(
                        Field::new("milestones", "Milestones"),
                        "add at least one milestone",
                    ));
                }
                let milestones = milestones
                    .into_iter()
                    .map(MilestoneData::validated)
                    .collect::<Result<Vec<_>>>()?;
                let label = match milestones.as_slice() {
                    [one] => format!("Added milestone “{}”", one.name),
                    many => format!("Added {} milestones", many.len()),
                };
                let first = self.history()?.new_id();
                Prepared {
                    label,
                    created: Some(first),
                    write: Box::new(move |doc| {
                        for m in &milestones {
                            let id = crate::store::history::next_id(doc);
                            tree::write_item(doc, &id, m)?;
                        }
                        Ok(())
                    }),
                }
            }
            Operation::UpdateMilestone { id, data } => {
                let before = self.get::<MilestoneData>(&id)?.data;
                let data = data.validated()?;
                let label = labels::edited(
                    &format!("milestone “{}”", before.name),
                    &before,
                    &data,
                    labels::field_name,
                );
                self.update_item(label, id, data)?
            }
            Operation::DeleteMilestone { id } => {
                let before = self.get::<MilestoneData>(&id)?.data;
                delete::<MilestoneData>(format!("Deleted milestone “{}”", before.name), id)
            }
            Operation::AddActual { data } => {
                let data = data.validated_on(crate::clock::today())?;
                let label = format!("Recorded {} on {}", labels::number(data.value), data.date);
                self.create_item(label, data)?
            }
            Operation::UpdateActual { id, data } => {
                let before = self.get::<ActualData>(&id)?.data;
                let data = data.validated_on(crate::clock::today())?;
                self.update_item(format!("Edited the actual of {}", before.date), id, data)?
            }
            Operation::DeleteActual { id } => {
                let before = self.get::<ActualData>(&id)?.data;
                delete::<ActualData>(format!("Deleted the actual of {}", before.date), id)
            }
            Operation::AddFactoryWeek { data } => {
                let data = data.validated()?;
                self.create_item(
                    format!("Recorded the factory week of {}", data.period_start),
                    data,
                )?
            }
            Operation::UpdateFactoryWeek { id, data } => {
                let before = self.get::<FactorySnapshotData>(&id)?.data;
                let data = data.validated()?;
                self.update_item(
                    format!("Edited the factory week of {}", before.period_start),
                    id,
                    data,
                )?
            }
            Operation::DeleteFactoryWeek { id } => {
                let before = self.get::<FactorySnapshotData>(&id)?.data;
                delete::<FactorySnapshotData>(
                    format!("Deleted the factory week of {}", before.period_start),
                    id,
                )
            }
            Operation::ImportFeatures {
                from,
                added,
                updated,
            } => self.import_features_prepared(&from, added, updated)?,
            Operation::ImportTraction {
                actuals,
                updated_actuals,
                weeks,
                updated_weeks,
            } => self.import_traction_prepared(actuals, updated_actuals, weeks, updated_weeks)?,
            Operation::RestoreVersion { id } => {
                let version = self.find_version(&id)?;
                let point = self.version_point(&version.id)?;
                Prepared {
                    label: format!("Restored version “{}”", version.label),
                    created: None,
                    write: Box::new(move |doc| doc.revert_to(&point).map_err(history_error)),
                }
            }
        })
    }

    fn create_item<T: Stored + Entity + 'static>(
        &mut self,
        label: String,
        data: T,
    ) -> Result<Prepared> {
        data.check(self.conn(), None)?;
        let id = self.history()?.new_id();
        let new = id.clone();
        Ok(Prepared {
            label,
            created: Some(id),
            write: Box::new(move |doc| tree::write_item(doc, &new, &data)),
        })
    }

    fn update_item<T: Stored + Entity + 'static>(
        &mut self,
        label: String,
        id: Id,
        data: T,
    ) -> Result<Prepared> {
        data.check(self.conn(), Some(&id))?;
        Ok(Prepared {
            label,
            created: None,
            write: Box::new(move |doc| tree::write_item(doc, &id, &data)),
        })
    }

    /// A feature edited while its milestone or team is deleted keeps the link in the history,
    /// so undoing that delete links it again (the window shows, and sends back, no link).
    fn keep_hidden_links(
        &mut self,
        id: &str,
        shown: &FeatureData,
        data: &mut FeatureData,
    ) -> Result<()> {
        let Some(stored) = tree::read_item::<FeatureData>(&self.history()?.doc, id)? else {
            return Ok(());
        };
        if data.milestone_id.is_none() && shown.milestone_id.is_none() {
            data.milestone_id = stored.milestone_id;
        }
        if data.team_id.is_none() && shown.team_id.is_none() {
            data.team_id = stored.team_id;
        }
        Ok(())
    }
}

fn delete<T: Stored + 'static>(label: String, id: Id) -> Prepared {
    Prepared {
        label,
        created: None,
        write: Box::new(move |doc| tree::delete_item::<T>(doc, &id).map(drop)),
    }
}
