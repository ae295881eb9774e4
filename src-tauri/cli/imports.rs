//! `keel import-features` and `keel import-actuals`: what a file would change, then (without
//! --dry-run) the change, as one operation.

use keel_core::domain::FeatureStatus;
use keel_core::io::import::{
    ActualsImport, ActualsOptions, DateOrder, FeatureField, FeatureImport, FeatureOptions,
    RowProblem, StatusChoice,
};
use keel_core::{CoreError, PlanFile};
use std::path::Path;

/// The date order as the command line spells it.
pub fn date_order(text: &str) -> Result<DateOrder, String> {
    match text {
        "dmy" => Ok(DateOrder::DayFirst),
        "mdy" => Ok(DateOrder::MonthFirst),
        _ => Err("dmy (day/month/year) or mdy (month/day/year)".into()),
    }
}

/// A `VALUE=STATUS` of `--status`.
pub fn status_choice(text: &str) -> Result<StatusChoice, String> {
    let (value, status) = text
        .rsplit_once('=')
        .ok_or_else(|| format!("“{text}” is not VALUE=STATUS"))?;
    let key = status.trim().to_lowercase().replace([' ', '-'], "_");
    let status = FeatureStatus::parse(&key).ok_or_else(|| {
        format!("“{status}” is not a status (idea, planned, in_progress, done or dropped)")
    })?;
    if value.trim().is_empty() {
        return Err(format!("“{text}” names no status value before the ="));
    }
    Ok(StatusChoice {
        value: value.trim().to_string(),
        status,
    })
}

fn read(from: &Path) -> Result<Vec<u8>, CoreError> {
    std::fs::read(from).map_err(|e| CoreError::NotImported {
        detail: format!("{} cannot be read ({e})", from.display()),
    })
}

fn bad_map(detail: String) -> CoreError {
    CoreError::Validation {
        field: keel_core::domain::validate::Field::new("map", "--map"),
        problem: detail,
    }
}

/// The guessed mapping with the founder's `COLUMN=FIELD` choices over it.
fn mapping(guess: &FeatureImport, maps: &[String]) -> Result<Vec<Option<FeatureField>>, CoreError> {
    let mut mapping = guess.mapping.clone();
    for m in maps {
        let (column, field) = m
            .split_once('=')
            .ok_or_else(|| bad_map(format!("“{m}” is not COLUMN=FIELD")))?;
        let at = guess
            .columns
            .iter()
            .position(|c| c.header.eq_ignore_ascii_case(column.trim()))
            .ok_or_else(|| bad_map(format!("the file has no column “{column}”")))?;
        let field = field.trim();
        mapping[at] = match field {
            "" | "none" | "ignore" => None,
            key => Some(FeatureField::from_key(key).ok_or_else(|| {
                let keys: Vec<_> = FeatureField::ALL.iter().map(|f| f.key()).collect();
                bad_map(format!(
                    "“{key}” is not a field ({}, or none)",
                    keys.join(", ")
                ))
            })?),
        };
        // A field chosen for this column leaves the column the guess gave it.
        if let Some(f) = mapping[at] {
            for (i, other) in mapping.iter_mut().enumerate() {
                if i != at && *other == Some(f) {
                    *other = None;
                }
            }
        }
    }
    Ok(mapping)
}

/// The counts line and every row not imported.
fn print_outcome(counts: [u32; 3], problems: &[RowProblem], more: u32) {
    let [added, updated, unchanged] = counts;
    outln!(
        "{added} to add, {updated} to update, {unchanged} unchanged, {} not imported.",
        problems.len() as u32 + more
    );
    for p in problems {
        outln!("  line {}: {}", p.line, p.reason);
    }
    if more > 0 {
        outln!("  … and {more} more");
    }
}

/// Says what stops the import here (a dry run), or what it needs (the date order, which the
/// import then refuses without); true for a dry run.
fn stops(needs_date_order: bool, dry_run: bool) -> bool {
    if needs_date_order {
        outln!("The dates read two ways (03/04/2026): say --dates dmy or --dates mdy.");
    }
    if dry_run {
        outln!("Dry run: nothing was changed.");
    }
    dry_run
}

fn print_features(s: &FeatureImport) {
    outln!("From {}: {} rows.", s.tool.label(), s.rows);
    for (column, field) in s.columns.iter().zip(&s.mapping) {
        let into = field.map_or("(not imported)", |f| f.label());
        outln!("  {:<28} → {into}", column.header);
    }
    print_outcome(
        [s.added, s.updated, s.unchanged],
        &s.problems,
        s.more_problems,
    );
    for note in &s.notes {
        outln!("Note: {note}");
    }
    let unchosen: Vec<String> = s
        .statuses
        .iter()
        .filter(|u| !u.chosen)
        .map(|u| format!("--status \"{}=…\"", u.value))
        .collect();
    if !unchosen.is_empty() {
        outln!(
            "Statuses Keel does not know become ideas; to choose, add {} (idea, planned, \
             in_progress, done or dropped).",
            unchosen.join(" ")
        );
    }
}

/// A file whose rows are all in the plan already (a scheduled re-import): nothing to do, and
/// nothing went wrong. A file with no row to take at all is refused by the import.
fn nothing_new(changing: u32, unchanged: u32) -> bool {
    if changing == 0 && unchanged > 0 {
        outln!("Nothing new: every row is in the plan already; the plan is unchanged.");
        return true;
    }
    false
}

pub fn features(
    plan: &Path,
    from: &Path,
    maps: &[String],
    (statuses, include_archived): (Vec<StatusChoice>, bool),
    dates: Option<DateOrder>,
    dry_run: bool,
    author: &str,
) -> Result<(), CoreError> {
    let bytes = read(from)?;
    let mut file = PlanFile::open(plan)?;
    let guess = file.preview_feature_import(
        &bytes,
        &FeatureOptions {
            mapping: None,
            date_order: dates,
            statuses: statuses.clone(),
            include_archived,
        },
    )?;
    let options = FeatureOptions {
        mapping: Some(mapping(&guess, maps)?),
        date_order: dates,
        statuses,
        include_archived,
    };
    let preview = file.preview_feature_import(&bytes, &options)?;
    print_features(&preview);
    if stops(preview.needs_date_order, dry_run)
        || nothing_new(preview.added + preview.updated, preview.unchanged)
    {
        return Ok(());
    }
    let (_, applied) = file.import_features(&bytes, &options, author)?;
    outln!("{}.", applied.label);
    Ok(())
}

fn print_actuals(s: &ActualsImport) {
    let column = |c: Option<u32>| {
        c.and_then(|c| s.columns.get(c as usize))
            .map_or("(none)".to_string(), |c| format!("“{}”", c.header))
    };
    match s.kind {
        keel_core::io::import::actuals::ActualsKind::Actuals => outln!(
            "Actuals: dates from {}, values from {}; {} rows, {}.",
            column(s.date_column),
            column(s.value_column),
            s.rows,
            s.cadence
        ),
        keel_core::io::import::actuals::ActualsKind::FactoryWeeks => outln!(
            "Customer factory weeks: dates from {}; {} rows, {}.",
            column(s.date_column),
            s.rows,
            s.cadence
        ),
    }
    if let Some(order) = s.date_order {
        outln!("Dates read as {}.", order.label());
    }
    print_outcome(
        [s.added, s.updated, s.unchanged],
        &s.problems,
        s.more_problems,
    );
}

pub fn actuals(
    plan: &Path,
    from: &Path,
    dates: Option<DateOrder>,
    dry_run: bool,
    author: &str,
) -> Result<(), CoreError> {
    let bytes = read(from)?;
    let mut file = PlanFile::open(plan)?;
    let options = ActualsOptions {
        date_column: None,
        value_column: None,
        date_order: dates,
    };
    let preview = file.preview_traction_import(&bytes, &options)?;
    print_actuals(&preview);
    if stops(preview.needs_date_order, dry_run)
        || nothing_new(preview.added + preview.updated, preview.unchanged)
    {
        return Ok(());
    }
    let (_, applied) = file.import_traction(&bytes, &options, author)?;
    outln!("{}.", applied.label);
    Ok(())
}
