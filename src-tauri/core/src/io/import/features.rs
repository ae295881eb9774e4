//! Features from a table: each row becomes a new feature, an update of the feature imported
//! from the same issue before (matched by its source), an unchanged one, or a problem with its
//! reason. Values Keel cannot read are said in the notes (and left at the feature's default),
//! never dropped without a word.

use super::table::Table;
use super::values::{self, DateOrder};
use super::{columns, shortened, FeatureField, ImportColumn, RowProblem, Tool, LISTED_PROBLEMS};
use crate::domain::validate::Field;
use crate::domain::{Feature, FeatureData, FeatureStatus, Horizon, RiskClass, Stage, Team};
use crate::error::{CoreError, Result};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::{BTreeMap, HashMap};

/// What the founder chose: the field of each column (by position; `None` leaves it out) and
/// the order of dates like 03/04/2026. Both default to the guess.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct FeatureOptions {
    pub mapping: Option<Vec<Option<FeatureField>>>,
    pub date_order: Option<DateOrder>,
    /// The Keel status of each status value of the file that no rule knows ("Niet begonnen" →
    /// idea), as the founder chose them.
    #[serde(default)]
    pub statuses: Vec<StatusChoice>,
    /// Import archived cards too (as dropped features); by default they are left out.
    #[serde(default)]
    pub include_archived: bool,
}

/// One of the file's status values and the Keel status it becomes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct StatusChoice {
    pub value: String,
    pub status: FeatureStatus,
}

/// A status value of the file no rule knows, and how many rows have it: the founder chooses
/// what it becomes (until then, an idea).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct UnknownStatus {
    pub value: String,
    pub rows: u32,
    /// What it becomes now: the founder's choice, or an idea.
    pub status: FeatureStatus,
    pub chosen: bool,
}

/// At most this many distinct unknown status values are offered to map (a column of free text
/// mapped to the status would offer hundreds).
const MAX_UNKNOWN_STATUSES: usize = 30;

/// A row as the preview shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PreviewRow {
    pub line: u32,
    pub cells: Vec<String>,
    /// "new", "update", "unchanged" or "problem".
    pub outcome: String,
}

/// What importing the file would do, before anything is changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct FeatureImport {
    pub tool: Tool,
    /// The tool as a founder names it ("Linear", "a spreadsheet").
    pub from: String,
    /// Every field a column can fill, with its label, in the order the mapping offers them.
    pub fields: Vec<FieldChoice>,
    pub columns: Vec<ImportColumn>,
    pub mapping: Vec<Option<FeatureField>>,
    pub date_order: Option<DateOrder>,
    /// A date column reads both ways (03/04/2026) and no order was chosen: nothing imports
    /// until one is.
    pub needs_date_order: bool,
    /// The first rows of the file.
    pub preview: Vec<PreviewRow>,
    pub rows: u32,
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub problems: Vec<RowProblem>,
    /// Problems past [`LISTED_PROBLEMS`], counted only.
    pub more_problems: u32,
    /// How values were read: the rules used and the values no rule knew.
    pub notes: Vec<String>,
    /// The status values no rule knows, each with what it becomes (the founder may choose).
    pub statuses: Vec<UnknownStatus>,
    /// Archived cards in the file (left out unless included).
    pub archived: u32,
}

/// A field and its label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct FieldChoice {
    pub field: FeatureField,
    pub label: String,
}

/// What the operation writes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Planned {
    pub added: Vec<FeatureData>,
    pub updated: Vec<(String, FeatureData)>,
}

const PREVIEW_ROWS: usize = 8;

enum Outcome {
    New(FeatureData),
    Update(String, FeatureData),
    Unchanged,
    Problem(String),
}

/// Values no rule knew, by field and value, with the lines they are on.
#[derive(Default)]
struct Unknown(BTreeMap<(FeatureField, String), Vec<u32>>);

impl Unknown {
    fn add(&mut self, field: FeatureField, value: &str, line: u32) {
        self.0
            .entry((field, shortened(value, 40)))
            .or_default()
            .push(line);
    }

    fn notes(self) -> Vec<String> {
        self.0
            .into_iter()
            .map(|((field, value), lines)| {
                let what = match field {
                    FeatureField::Status => "imported as an idea",
                    FeatureField::RiskLevel => "risk level 3",
                    FeatureField::Horizon => "horizon from the status",
                    FeatureField::RiskClass => "a business risk",
                    FeatureField::Stage => "the plan's stage",
                    FeatureField::Team => "no team (it is not in the plan)",
                    _ => "left empty",
                };
                let lines_said = match lines.as_slice() {
                    [one] => format!("line {one}"),
                    [first, rest @ ..] if rest.len() < 5 => format!(
                        "lines {first}, {}",
                        rest.iter()
                            .map(u32::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    many => format!("{} rows, from line {}", many.len(), many[0]),
                };
                format!("{} “{value}” ({lines_said}): {what}.", field.label())
            })
            .collect()
    }
}

/// The rules used, said for the fields the mapping fills.
fn rules(mapping: &[Option<FeatureField>], order: Option<DateOrder>) -> Vec<String> {
    let has = |f| mapping.contains(&Some(f));
    let mut out = Vec::new();
    if has(FeatureField::Status) {
        out.push(
            "Status: Backlog, Triage, Open → idea; Todo, To Do, Ready → planned; In Progress, \
             In Review, Started → in progress; Done, Completed, Closed → done; Canceled, \
             Won't do, Duplicate → dropped."
                .to_string(),
        );
    }
    if has(FeatureField::RiskLevel) {
        out.push(
            "Priority → risk level: Urgent, Highest, P0 → 5; High, P1 → 4; Medium, P2 → 3; \
             Low, P3 → 2; Lowest, No priority, P4 → 1."
                .to_string(),
        );
    }
    if !has(FeatureField::Horizon) {
        out.push(
            "Horizon of new features, from the status: in progress → now, planned → next, \
             the others → later."
                .to_string(),
        );
    }
    if let Some(order) = order {
        out.push(format!(
            "Dates like 03/04/2026 are read as {}.",
            order.label()
        ));
    }
    if !has(FeatureField::SourceId) {
        out.push(
            "No issue id column: importing this file again adds its features again.".to_string(),
        );
    }
    out
}

/// The column most like titles among those the mapping left out: text in (nearly) every row,
/// not numbers or dates, mostly different from row to row, and short; the first column wins a
/// tie (a Notion export's title property is its first column).
fn likeliest_title(table: &Table, mapping: &[Option<FeatureField>]) -> Option<usize> {
    let rows = table.rows.iter().filter(|r| r.problem.is_none());
    let count = rows.clone().count().max(1) as f64;
    let mut best: Option<(usize, f64)> = None;
    for (c, field) in mapping.iter().enumerate() {
        if field.is_some() {
            continue;
        }
        let cells: Vec<&str> = rows
            .clone()
            .filter_map(|r| r.cells.get(c))
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        let texts = cells
            .iter()
            .filter(|s| {
                s.chars().any(char::is_alphabetic)
                    && values::number(s, false).is_none()
                    && values::date(s, Some(DateOrder::DayFirst)).is_none()
                    && s.chars().count() <= 200
            })
            .count() as f64;
        let distinct = cells.iter().collect::<std::collections::HashSet<_>>().len() as f64;
        let score = (texts / count) * (0.5 + 0.5 * distinct / count);
        if score >= 0.5 && best.is_none_or(|(_, b)| score > b + 0.05) {
            best = Some((c, score));
        }
    }
    best.map(|(c, _)| c)
}

/// The horizon a new feature gets from its status when the file has no horizon.
fn horizon_of(status: FeatureStatus) -> Horizon {
    match status {
        FeatureStatus::InProgress => Horizon::Now,
        FeatureStatus::Planned => Horizon::Next,
        _ => Horizon::Later,
    }
}

struct Reader<'a> {
    /// The founder's statuses for values no rule knows, by value in lower case.
    statuses: HashMap<String, FeatureStatus>,
    chosen: &'a [StatusChoice],
    order: Option<DateOrder>,
    decimal_comma: bool,
    teams: HashMap<String, String>,
}

impl Reader<'_> {
    /// Sets `field` of `data` from `text` (trimmed, not empty); false when no rule reads it.
    fn set(&self, data: &mut FeatureData, field: FeatureField, text: &str) -> bool {
        fn put<T>(slot: &mut T, value: Option<T>) -> bool {
            value.map(|v| *slot = v).is_some()
        }
        match field {
            FeatureField::Title => put(&mut data.title, Some(values::unguarded(text).into())),
            FeatureField::Description => {
                put(&mut data.description, Some(values::unguarded(text).into()))
            }
            FeatureField::Status => put(
                &mut data.status,
                values::word(values::STATUS_WORDS, text)
                    .or_else(|| self.statuses.get(&text.to_lowercase()).copied()),
            ),
            FeatureField::Horizon => {
                put(&mut data.horizon, values::word(values::HORIZON_WORDS, text))
            }
            FeatureField::RiskClass => put(
                &mut data.risk_class,
                values::word(values::RISK_CLASS_WORDS, text),
            ),
            FeatureField::RiskLevel => put(
                &mut data.risk_level,
                values::word(values::PRIORITY_WORDS, text),
            ),
            FeatureField::Stage => put(&mut data.stage, values::word(values::STAGE_WORDS, text)),
            FeatureField::StartDate => put(
                &mut data.start_date,
                values::date(text, self.order).map(Some),
            ),
            FeatureField::EndDate => {
                put(&mut data.end_date, values::date(text, self.order).map(Some))
            }
            FeatureField::Effort | FeatureField::Reach | FeatureField::Impact => {
                let n = values::number(text, self.decimal_comma).map(Some);
                match field {
                    FeatureField::Effort => put(&mut data.effort_weeks, n),
                    FeatureField::Reach => put(&mut data.reach, n),
                    _ => put(&mut data.impact, n),
                }
            }
            FeatureField::Confidence => {
                // "80%" or 80 is a share of 100.
                let n = values::number(text, self.decimal_comma).map(|n| {
                    if text.contains('%') || n > 1.0 {
                        n / 100.0
                    } else {
                        n
                    }
                });
                put(&mut data.confidence, n.map(Some))
            }
            FeatureField::Team => put(
                &mut data.team_id,
                self.teams.get(&text.to_lowercase()).cloned().map(Some),
            ),
            FeatureField::SourceId => true,
        }
    }
}

/// What importing `table` into a plan holding `features` and `teams` would do.
pub fn plan(
    table: &Table,
    tool: Tool,
    options: &FeatureOptions,
    stage: Stage,
    features: &[Feature],
    teams: &[Team],
) -> Result<(FeatureImport, Planned)> {
    // No column says it is the title (Notion names it after the database's title property,
    // "Category"; a sheet may be in another language): the likeliest text column is proposed,
    // and said (as long as the mapping is the one proposed) for the founder to confirm.
    let mut guessed = super::tools::guess(&table.headers);
    let mut proposed = None;
    if !guessed.contains(&Some(FeatureField::Title)) {
        if let Some(c) = likeliest_title(table, &guessed) {
            guessed[c] = Some(FeatureField::Title);
            proposed = Some(c);
        }
    }
    let mapping = match &options.mapping {
        Some(m) if m.len() != table.headers.len() => {
            return Err(CoreError::invalid(
                Field::new("mapping", "Column mapping"),
                format!(
                    "names {} columns; the file has {}",
                    m.len(),
                    table.headers.len()
                ),
            ))
        }
        Some(m) => m.clone(),
        None => guessed.clone(),
    };
    let proposed = proposed.filter(|_| mapping == guessed);
    for f in FeatureField::ALL {
        if mapping.iter().filter(|m| **m == Some(*f)).count() > 1 {
            return Err(CoreError::invalid(
                Field::new("mapping", "Column mapping"),
                format!("{} is filled by two columns; choose one", f.label()),
            ));
        }
    }
    let column = |f: FeatureField| mapping.iter().position(|m| *m == Some(f));
    let dates: Vec<usize> = [FeatureField::StartDate, FeatureField::EndDate]
        .into_iter()
        .filter_map(column)
        .collect();
    let date_values = || {
        dates
            .iter()
            .flat_map(|&c| table.rows.iter().map(move |r| r.cells[c].as_str()))
    };
    let date_order = options
        .date_order
        .or_else(|| values::detect_order(date_values()));
    let needs_date_order = date_order.is_none() && values::needs_order(date_values());

    let by_source: HashMap<&str, &Feature> = features
        .iter()
        .filter_map(|f| f.data.source.as_deref().map(|s| (s, f)))
        .collect();
    let mut unknown = Unknown::default();
    let reader = Reader {
        statuses: options
            .statuses
            .iter()
            .map(|c| (c.value.trim().to_lowercase(), c.status))
            .collect(),
        chosen: &options.statuses,
        order: date_order,
        decimal_comma: table.delimiter == ';',
        teams: teams
            .iter()
            .map(|t| (t.data.name.to_lowercase(), t.id.clone()))
            .collect(),
    };
    let title_column = column(FeatureField::Title);
    let source_column = column(FeatureField::SourceId);
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut planned = Planned::default();
    let mut summary = FeatureImport {
        tool,
        from: tool.label().to_string(),
        fields: FeatureField::ALL
            .iter()
            .map(|&field| FieldChoice {
                field,
                label: field.label().to_string(),
            })
            .collect(),
        columns: columns(table),
        mapping: mapping.clone(),
        date_order,
        needs_date_order,
        preview: Vec::new(),
        rows: table.rows.len() as u32,
        added: 0,
        updated: 0,
        unchanged: 0,
        problems: Vec::new(),
        more_problems: 0,
        notes: Vec::new(),
        statuses: Vec::new(),
        archived: 0,
    };
    let mut statuses: BTreeMap<String, (String, u32)> = BTreeMap::new();
    for row in &table.rows {
        if row.archived {
            summary.archived += 1;
            if !options.include_archived {
                summary.rows -= 1;
                continue;
            }
        }
        let line = row.line as u32;
        let source = source_column
            .map(|c| row.cells[c].trim())
            .filter(|s| !s.is_empty())
            .map(|s| format!("{}:{s}", tool.prefix()));
        let outcome = if let Some(problem) = &row.problem {
            Outcome::Problem(problem.clone())
        } else if title_column.is_none() {
            Outcome::Problem("no column is mapped to the title".into())
        } else if let Some(first) = source.as_ref().and_then(|s| seen.get(s)) {
            Outcome::Problem(format!("it is the same issue as line {first}"))
        } else {
            if let Some(s) = &source {
                seen.insert(s.clone(), line);
            }
            let existing = source.as_deref().and_then(|s| by_source.get(s));
            let mut data = match existing {
                Some(f) => f.data.clone(),
                None => FeatureData {
                    stage,
                    ..FeatureData::new("", RiskClass::Business)
                },
            };
            for (i, field) in mapping.iter().enumerate() {
                let text = row.cells[i].trim();
                if let (Some(field), false) = (field, text.is_empty()) {
                    if *field == FeatureField::Status
                        && values::word(values::STATUS_WORDS, text).is_none()
                    {
                        let key = text.to_lowercase();
                        if statuses.len() < MAX_UNKNOWN_STATUSES || statuses.contains_key(&key) {
                            statuses
                                .entry(key)
                                .or_insert_with(|| (text.to_string(), 0))
                                .1 += 1;
                        }
                    }
                    if !reader.set(&mut data, *field, text) {
                        unknown.add(*field, text, line);
                    }
                }
            }
            data.source = source.clone();
            if existing.is_none() && column(FeatureField::Horizon).is_none() {
                data.horizon = horizon_of(data.status);
            }
            if data.title.trim().is_empty() {
                Outcome::Problem("it has no title".into())
            } else {
                match (data.validated(), existing) {
                    (Err(e), _) => Outcome::Problem(e.to_string()),
                    (Ok(d), Some(f)) if d == f.data => Outcome::Unchanged,
                    (Ok(d), Some(f)) => Outcome::Update(f.id.clone(), d),
                    (Ok(d), None) => Outcome::New(d),
                }
            }
        };
        let said = match outcome {
            Outcome::New(d) => {
                summary.added += 1;
                planned.added.push(d);
                "new"
            }
            Outcome::Update(id, d) => {
                summary.updated += 1;
                planned.updated.push((id, d));
                "update"
            }
            Outcome::Unchanged => {
                summary.unchanged += 1;
                "unchanged"
            }
            Outcome::Problem(reason) => {
                if summary.problems.len() < LISTED_PROBLEMS {
                    summary.problems.push(RowProblem { line, reason });
                } else {
                    summary.more_problems += 1;
                }
                "problem"
            }
        };
        if summary.preview.len() < PREVIEW_ROWS {
            summary.preview.push(PreviewRow {
                line,
                cells: row.cells.iter().map(|c| shortened(c, 80)).collect(),
                outcome: said.into(),
            });
        }
    }
    summary.notes = rules(&mapping, date_order);
    if let Some(c) = proposed {
        summary.notes.insert(
            0,
            format!(
                "No column is named as a title: “{}” is taken as the title ({}). Choose another \
                 column for the title if it is not.",
                shortened(table.headers[c].trim(), 40),
                if c == 0 {
                    "the first column, where Notion puts its title"
                } else {
                    "the column of text most like titles"
                }
            ),
        );
    }
    match (summary.archived, options.include_archived) {
        (0, _) => {}
        (n, false) => summary.notes.push(format!(
            "{n} archived card{} left out (include archived cards to import them as dropped).",
            if n == 1 { " is" } else { "s are" }
        )),
        (n, true) => summary.notes.push(format!(
            "{n} archived card{} imported as dropped.",
            if n == 1 { " is" } else { "s are" }
        )),
    }
    summary.notes.extend(unknown.notes());
    summary.statuses = statuses
        .into_iter()
        .map(|(key, (value, rows))| {
            let chosen = reader.statuses.get(&key).copied();
            UnknownStatus {
                value,
                rows,
                status: chosen.unwrap_or(FeatureStatus::Idea),
                chosen: chosen.is_some(),
            }
        })
        .collect();
    if !reader.chosen.is_empty() {
        let said: Vec<String> = reader
            .chosen
            .iter()
            .map(|c| format!("{} → {}", c.value.trim(), c.status.in_words()))
            .collect();
        summary
            .notes
            .push(format!("Your statuses: {}.", said.join("; ")));
    }
    Ok((summary, planned))
}
