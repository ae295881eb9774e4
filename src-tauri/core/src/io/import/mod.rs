//! Bringing features and traction numbers in from the tools founders already use: a CSV (or
//! TSV) file, or Trello's board JSON, read into a table ([`table`]), its columns mapped to
//! Keel's fields (guessed from the tool's documented column names, [`tools`], and editable),
//! its values read by visible rules ([`values`]). Every row is accounted for: added, updated,
//! unchanged, or listed with the reason it cannot be imported. The import is one operation.

pub mod actuals;
pub mod features;
mod run;
pub mod table;
pub mod tools;
pub mod trello;
pub mod values;

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::domain::labels::feature_field;
pub use actuals::{ActualsImport, ActualsOptions};
pub use features::{FeatureImport, FeatureOptions, StatusChoice, UnknownStatus};
pub use tools::Tool;
pub use values::DateOrder;

/// A field of a feature a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum FeatureField {
    Title,
    Description,
    Status,
    Horizon,
    RiskClass,
    /// From a priority column: Urgent / Highest is 5, No priority / Lowest is 1.
    RiskLevel,
    Stage,
    StartDate,
    EndDate,
    Effort,
    Reach,
    Impact,
    Confidence,
    Team,
    /// The tool's issue id, kept on the feature so that a second import updates it.
    SourceId,
}

impl FeatureField {
    pub const ALL: &'static [FeatureField] = &[
        FeatureField::Title,
        FeatureField::Description,
        FeatureField::Status,
        FeatureField::Horizon,
        FeatureField::RiskClass,
        FeatureField::RiskLevel,
        FeatureField::Stage,
        FeatureField::StartDate,
        FeatureField::EndDate,
        FeatureField::Effort,
        FeatureField::Reach,
        FeatureField::Impact,
        FeatureField::Confidence,
        FeatureField::Team,
        FeatureField::SourceId,
    ];

    /// The name the command line's `--map COLUMN=FIELD` takes.
    pub fn key(self) -> &'static str {
        match self {
            FeatureField::Title => "title",
            FeatureField::Description => "description",
            FeatureField::Status => "status",
            FeatureField::Horizon => "horizon",
            FeatureField::RiskClass => "risk_class",
            FeatureField::RiskLevel => "risk_level",
            FeatureField::Stage => "stage",
            FeatureField::StartDate => "start_date",
            FeatureField::EndDate => "end_date",
            FeatureField::Effort => "effort",
            FeatureField::Reach => "reach",
            FeatureField::Impact => "impact",
            FeatureField::Confidence => "confidence",
            FeatureField::Team => "team",
            FeatureField::SourceId => "id",
        }
    }

    /// The feature field it fills (its column in the plan).
    pub fn feature_key(self) -> &'static str {
        match self {
            FeatureField::Effort => "effort_weeks",
            FeatureField::Team => "team_id",
            FeatureField::SourceId => "source",
            other => other.key(),
        }
    }

    /// Its name in the import's mapping: the feature field's (see `domain::labels`), said more
    /// fully where the column is read, not copied.
    pub fn label(self) -> &'static str {
        match self {
            FeatureField::RiskLevel => "Risk level (from priority)",
            FeatureField::SourceId => "Issue id (matched on a second import)",
            other => feature_field(other.feature_key()).label,
        }
    }

    pub fn from_key(key: &str) -> Option<FeatureField> {
        FeatureField::ALL.iter().copied().find(|f| f.key() == key)
    }
}

/// One row of the file the import could not use, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct RowProblem {
    pub line: u32,
    pub reason: String,
}

/// The most problems listed one by one; the rest are counted.
pub const LISTED_PROBLEMS: usize = 500;

/// A column of the file, the field it fills, and its first values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ImportColumn {
    pub header: String,
    pub samples: Vec<String>,
}

/// The first values of each column (three, shortened), for the preview.
pub(crate) fn columns(table: &table::Table) -> Vec<ImportColumn> {
    table
        .headers
        .iter()
        .enumerate()
        .map(|(i, header)| ImportColumn {
            header: header.clone(),
            samples: table
                .rows
                .iter()
                .map(|r| r.cells[i].trim())
                .filter(|c| !c.is_empty())
                .take(3)
                .map(|c| shortened(c, 60))
                .collect(),
        })
        .collect()
}

/// `text` on one line and at most `max` characters.
pub(crate) fn shortened(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        line
    } else {
        format!("{}…", line.chars().take(max - 1).collect::<String>())
    }
}

#[cfg(test)]
mod field_tests {
    use super::FeatureField;
    use crate::domain::labels::FEATURE_FIELDS;

    #[test]
    fn each_import_field_fills_a_named_feature_field() {
        for field in FeatureField::ALL {
            assert!(
                FEATURE_FIELDS
                    .iter()
                    .any(|(k, _)| *k == field.feature_key()),
                "{field:?}"
            );
        }
        assert_eq!(FeatureField::Effort.label(), "Effort (person-weeks)");
    }
}
