//! The import operations: features or traction numbers from a file, applied as one change (one
//! undo); reading and previewing the file is `io::import`'s.

use super::{IdData, Prepared};
use crate::domain::validate::Field;
use crate::domain::{ActualData, FactorySnapshotData, FeatureData, Id};
use crate::error::{CoreError, Result};
use crate::store::history::history_error;
use crate::store::history::tree;
use crate::store::{Entity, PlanFile};
use chrono::NaiveDate;
use std::collections::HashMap;

fn nothing(what: &str) -> CoreError {
    CoreError::invalid(
        Field::new("import", "Import"),
        format!("there are no {what} to import"),
    )
}

impl PlanFile {
    pub(super) fn import_features_prepared(
        &mut self,
        from: &str,
        added: Vec<FeatureData>,
        updated: Vec<IdData<FeatureData>>,
    ) -> Result<Prepared> {
        if added.is_empty() && updated.is_empty() {
            return Err(nothing("new or changed features"));
        }
        let mut checked_added = Vec::with_capacity(added.len());
        for data in added {
            let data = data.validated()?;
            crate::store::check_links(self.conn(), &data)?;
            checked_added.push(data);
        }
        let mut checked_updated = Vec::with_capacity(updated.len());
        for IdData { id, data } in updated {
            let before = self.feature(&id)?.data;
            let mut data = data.validated()?;
            crate::store::check_links(self.conn(), &data)?;
            self.keep_hidden_links(&id, &before, &mut data)?;
            checked_updated.push((id, data));
        }
        let from = crate::domain::validate::text(Field::new("from", "Source"), from, 1, 60)?;
        let label = match (checked_added.len(), checked_updated.len()) {
            (1, 0) => format!("Imported “{}” from {from}", checked_added[0].title),
            (n, 0) => format!("Imported {n} features from {from}"),
            (0, m) => format!("Updated {m} features from {from}"),
            (n, m) => format!("Imported {n} features from {from} and updated {m}"),
        };
        let first = (!checked_added.is_empty())
            .then(|| self.history().map(|h| h.new_id()))
            .transpose()?;
        // Each feature is written whole: the projection takes it as written.
        let written = crate::store::Written::default();
        self.written = Some(written.clone());
        Ok(Prepared {
            label,
            created: first,
            write: Box::new(move |doc| {
                let mut written = written.lock().map_err(history_error)?;
                for data in checked_added {
                    let id = crate::store::history::next_id(doc);
                    tree::write_item(doc, &id, &data)?;
                    tree::order(doc).push(id.as_str()).map_err(history_error)?;
                    written.insert(id, data);
                }
                for (id, data) in checked_updated {
                    tree::write_item(doc, &id, &data)?;
                    written.insert(id, data);
                }
                Ok(())
            }),
        })
    }

    pub(super) fn import_traction_prepared(
        &mut self,
        actuals: Vec<ActualData>,
        updated_actuals: Vec<IdData<ActualData>>,
        weeks: Vec<FactorySnapshotData>,
        updated_weeks: Vec<IdData<FactorySnapshotData>>,
    ) -> Result<Prepared> {
        let count = actuals.len() + updated_actuals.len() + weeks.len() + updated_weeks.len();
        if count == 0 {
            return Err(nothing("new or changed traction numbers"));
        }
        let actuals = self.dated_batch(actuals, updated_actuals, |a| a.date, "date", "Date")?;
        let weeks = self.dated_batch(
            weeks,
            updated_weeks,
            |w| w.period_start,
            "period_start",
            "Period start",
        )?;
        let said = |n: usize, one: &str, many: &str| match n {
            0 => None,
            1 => Some(format!("1 {one}")),
            n => Some(format!("{n} {many}")),
        };
        let parts: Vec<String> = [
            said(actuals.0.len(), "actual", "actuals"),
            said(weeks.0.len(), "factory week", "factory weeks"),
        ]
        .into_iter()
        .flatten()
        .collect();
        let updates = actuals.1.len() + weeks.1.len();
        let label = match (parts.is_empty(), updates) {
            (false, 0) => format!("Imported {}", parts.join(" and ")),
            (false, m) => format!("Imported {} and updated {m}", parts.join(" and ")),
            (true, m) => format!("Updated {m} traction numbers from a file"),
        };
        Ok(Prepared {
            label,
            created: None,
            write: Box::new(move |doc| {
                for data in &actuals.0 {
                    tree::write_item(doc, &crate::store::history::next_id(doc), data)?;
                }
                for (id, data) in &actuals.1 {
                    tree::write_item(doc, id, data)?;
                }
                for data in &weeks.0 {
                    tree::write_item(doc, &crate::store::history::next_id(doc), data)?;
                }
                for (id, data) in &weeks.1 {
                    tree::write_item(doc, id, data)?;
                }
                Ok(())
            }),
        })
    }

    /// Validates a batch of dated items: each date once in the plan as it would be.
    #[allow(clippy::type_complexity)]
    fn dated_batch<T: Entity + tree::Stored + Clone + 'static>(
        &mut self,
        added: Vec<T>,
        updated: Vec<IdData<T>>,
        date: impl Fn(&T) -> NaiveDate,
        key: &'static str,
        label: &'static str,
    ) -> Result<(Vec<T>, Vec<(Id, T)>)> {
        let mut on: HashMap<NaiveDate, Option<Id>> = self
            .list::<T>()?
            .into_iter()
            .map(|i| (date(&i.data), Some(i.id)))
            .collect();
        let mut checked_updated = Vec::with_capacity(updated.len());
        for IdData { id, data } in updated {
            let before = self.get::<T>(&id)?.data;
            let data = data.validated()?;
            on.remove(&date(&before));
            checked_updated.push((id, data));
        }
        let mut taken = |d: NaiveDate, id: Option<Id>| match on.insert(d, id) {
            Some(_) => Err(CoreError::invalid(
                Field::new(key, label),
                format!("there is already an entry for {d}"),
            )),
            None => Ok(()),
        };
        for (id, data) in &checked_updated {
            taken(date(data), Some(id.clone()))?;
        }
        let mut checked_added = Vec::with_capacity(added.len());
        for data in added {
            let data = data.validated()?;
            taken(date(&data), None)?;
            checked_added.push(data);
        }
        Ok((checked_added, checked_updated))
    }
}
