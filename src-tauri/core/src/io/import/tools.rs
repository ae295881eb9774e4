//! The tools founders export their backlog from, told apart by their header, and the column
//! names each documents, from which the mapping is guessed.
//!
//! - Linear: Settings › Import / Export › Export CSV — ID, Team, Title, Description, Status,
//!   Estimate, Priority, Project, …, Created, Started, Completed, Canceled, Due Date; priority
//!   words No priority / Urgent / High / Medium / Low (Linear's own importer, @linear/import).
//! - Jira: Filters › Export › CSV (all or current fields) — Summary, Issue key, Issue id,
//!   Issue Type, Status, Priority (Highest … Lowest), Description, Created, Due date,
//!   "Custom field (Story point estimate)"; repeated columns (Labels, Sprint) for lists.
//! - GitHub Projects: a view's menu › Export view data, a tab-separated file of the view's
//!   fields — Title, URL, Assignees, Status, Labels, Milestone, Repository, ….
//! - Trello: Menu › Print, export and share › Export as JSON — the board with its `lists` and
//!   `cards` (read by [`super::trello`]).
//! - Spreadsheets, Notion databases and anything else: the first column whose name says title.

use super::FeatureField;
use serde::{Deserialize, Serialize};
use specta::Type;

/// Where a file of features comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Tool {
    Linear,
    Jira,
    Github,
    Trello,
    Spreadsheet,
}

impl Tool {
    pub fn label(self) -> &'static str {
        match self {
            Tool::Linear => "Linear",
            Tool::Jira => "Jira",
            Tool::Github => "GitHub",
            Tool::Trello => "Trello",
            Tool::Spreadsheet => "a spreadsheet",
        }
    }

    /// What a feature's source starts with (`linear:ENG-12`).
    pub fn prefix(self) -> &'static str {
        match self {
            Tool::Linear => "linear",
            Tool::Jira => "jira",
            Tool::Github => "github",
            Tool::Trello => "trello",
            Tool::Spreadsheet => "sheet",
        }
    }

    /// The tool whose export has these column names.
    pub fn detect(headers: &[String]) -> Tool {
        let has = |name: &str| headers.iter().any(|h| h.eq_ignore_ascii_case(name));
        if has("issue key") && has("summary") {
            Tool::Jira
        } else if has("id") && has("title") && has("status") && (has("team") || has("cycle number"))
        {
            Tool::Linear
        } else if has("title")
            && has("url")
            && (has("repository") || has("assignees") || has("linked pull requests"))
        {
            Tool::Github
        } else if has("card id") && has("card name") {
            Tool::Trello
        } else {
            Tool::Spreadsheet
        }
    }
}

/// Column names (lower case) that say which field a column holds, in any tool's export.
const NAMES: &[(FeatureField, &[&str])] = &[
    (
        FeatureField::Title,
        &[
            "title",
            "summary",
            "name",
            "card name",
            "feature name",
            "feature",
            "issue",
            "task",
            "item",
            // The same in the languages founders' sheets are often written in.
            "titel",
            "naam",
            "titre",
            "nom",
            "título",
            "titulo",
            "nombre",
            "titolo",
            "nome",
            "タイトル",
            "件名",
            "名前",
            "标题",
            "名称",
        ],
    ),
    (
        FeatureField::Description,
        &[
            "description",
            "desc",
            "body",
            "notes",
            "details",
            "feature description",
            "card description",
            "beschreibung",
            "omschrijving",
            "beschrijving",
            "notities",
            "notizen",
            "descripción",
            "descripcion",
            "descrizione",
            "説明",
            "描述",
        ],
    ),
    (
        FeatureField::Status,
        &[
            "status",
            "state",
            "list",
            "list name",
            "column",
            "estado",
            "statut",
            "stato",
            "ステータス",
            "状态",
        ],
    ),
    (
        FeatureField::RiskLevel,
        &[
            "priority",
            "risk level",
            "priorität",
            "prioriteit",
            "priorité",
            "prioridad",
            "priorità",
            "優先度",
        ],
    ),
    (
        FeatureField::RiskClass,
        &["risk class", "risk type", "risk"],
    ),
    (FeatureField::Horizon, &["horizon", "timeframe"]),
    (FeatureField::Stage, &["stage"]),
    (
        FeatureField::StartDate,
        &[
            "start date",
            "start",
            "started",
            "target start",
            "start at",
            "startdatum",
            "beginn",
            "date de début",
            "fecha de inicio",
            "開始日",
        ],
    ),
    (
        FeatureField::EndDate,
        &[
            "due date",
            "due",
            "end date",
            "end",
            "target date",
            "deadline",
            "due at",
            "einddatum",
            "enddatum",
            "fälligkeitsdatum",
            "date d'échéance",
            "fecha de vencimiento",
            "期限",
            "期日",
        ],
    ),
    (
        FeatureField::Effort,
        &[
            "estimate",
            "effort",
            "effort (person-weeks)",
            "story points",
            "story point estimate",
            "custom field (story point estimate)",
            "custom field (story points)",
            "points",
            "size",
        ],
    ),
    (FeatureField::Reach, &["reach"]),
    (FeatureField::Impact, &["impact"]),
    (FeatureField::Confidence, &["confidence"]),
    (FeatureField::Team, &["team"]),
    (
        FeatureField::SourceId,
        &[
            "id",
            "issue key",
            "key",
            "card id",
            "url",
            "issue url",
            "link",
        ],
    ),
];

/// The field each column holds, guessed from its name; each field goes to the first column
/// that names it, so Jira's repeated columns and a second "ID" stay out.
pub fn guess(headers: &[String]) -> Vec<Option<FeatureField>> {
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|h| {
            let name = h.trim().to_lowercase();
            let field = NAMES
                .iter()
                .find(|(_, names)| names.contains(&name.as_str()))
                .map(|(f, _)| *f)
                .filter(|f| !taken.contains(f));
            if let Some(f) = field {
                taken.push(f);
            }
            field
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(line: &str) -> Vec<String> {
        line.split(',').map(str::to_string).collect()
    }

    #[test]
    fn each_tool_is_told_by_its_header() {
        let linear = headers("ID,Team,Title,Description,Status,Estimate,Priority,Project");
        assert_eq!(Tool::detect(&linear), Tool::Linear);
        let jira = headers("Summary,Issue key,Issue id,Issue Type,Status,Priority");
        assert_eq!(Tool::detect(&jira), Tool::Jira);
        let github = headers("Title,URL,Assignees,Status,Labels,Repository");
        assert_eq!(Tool::detect(&github), Tool::Github);
        assert_eq!(
            Tool::detect(&headers("Name,Status,Tags")),
            Tool::Spreadsheet
        );
    }

    #[test]
    fn the_mapping_is_guessed_from_the_names_each_tool_uses() {
        use FeatureField::*;
        let jira = headers("Summary,Issue key,Issue id,Status,Priority,Labels,Labels,Due date");
        assert_eq!(
            guess(&jira),
            [
                Some(Title),
                Some(SourceId),
                None,
                Some(Status),
                Some(RiskLevel),
                None,
                None,
                Some(EndDate)
            ]
        );
        let linear = headers("ID,Team,Title,Description,Status,Estimate,Priority");
        assert_eq!(
            guess(&linear),
            [
                Some(SourceId),
                Some(Team),
                Some(Title),
                Some(Description),
                Some(Status),
                Some(Effort),
                Some(RiskLevel)
            ]
        );
    }
}
