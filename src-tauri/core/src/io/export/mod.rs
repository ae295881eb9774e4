//! Exports of a plan: Markdown, PDF, JSON and CSV, each written to a temporary file beside the
//! destination and renamed into place, so a failed export never leaves a half-written file nor
//! replaces a good one.

mod csv;
pub mod escape;
pub mod json;
mod markdown;
pub mod pdf;
pub mod report;
pub mod rich;
pub mod update;

use crate::error::Result;
pub use crate::store::write_atomic;
use crate::store::PlanFile;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Markdown,
    Pdf,
    Json,
    Csv,
    /// The investor update since a version, as a PDF or as Markdown.
    UpdatePdf,
    UpdateMarkdown,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown | ExportFormat::UpdateMarkdown => "md",
            ExportFormat::Pdf | ExportFormat::UpdatePdf => "pdf",
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
        }
    }

    /// Whether the export carries the plan check's findings unless told: the founders' own
    /// Markdown does; what investors read (the PDF, the update) only when the founder asks.
    pub fn findings_by_default(self) -> bool {
        matches!(self, ExportFormat::Markdown)
    }

    pub fn parse(text: &str) -> Option<ExportFormat> {
        match text {
            "md" | "markdown" => Some(ExportFormat::Markdown),
            "pdf" => Some(ExportFormat::Pdf),
            "json" => Some(ExportFormat::Json),
            "csv" => Some(ExportFormat::Csv),
            "update" | "update-pdf" => Some(ExportFormat::UpdatePdf),
            "update-md" => Some(ExportFormat::UpdateMarkdown),
            _ => None,
        }
    }

    /// The format an export written to `out` takes: the update follows the file's extension
    /// (`--format update --out update.md` is Markdown); the others are as given.
    pub fn for_out(self, out: &Path) -> ExportFormat {
        let markdown = out
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("md") || x.eq_ignore_ascii_case("markdown"));
        match self {
            ExportFormat::UpdatePdf | ExportFormat::UpdateMarkdown if markdown => {
                ExportFormat::UpdateMarkdown
            }
            ExportFormat::UpdatePdf | ExportFormat::UpdateMarkdown => ExportFormat::UpdatePdf,
            other => other,
        }
    }
}

/// The Markdown of a built report (for benchmarks and callers that already have one).
pub fn markdown_of(report: &report::Report) -> String {
    markdown::render(report)
}

/// The export as of `date`; `since` names a version (its id or name) to report changes
/// against. The plan check is included as the format does by default.
pub fn render(
    file: &PlanFile,
    format: ExportFormat,
    date: NaiveDate,
    since: Option<&str>,
) -> Result<Vec<u8>> {
    render_with(file, format, date, since, format.findings_by_default())
}

/// `render`, saying whether the plan check's findings are included (`findings`).
pub fn render_with(
    file: &PlanFile,
    format: ExportFormat,
    date: NaiveDate,
    since: Option<&str>,
    findings: bool,
) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Json => return Ok(json::render(file)?.into_bytes()),
        ExportFormat::UpdatePdf | ExportFormat::UpdateMarkdown => {
            let (mut u, chart) = update::build(file, date, since)?;
            if !findings {
                u.findings.clear();
            }
            return Ok(match format {
                ExportFormat::UpdateMarkdown => update::markdown(&u).into_bytes(),
                _ => update::pdf(&u, &chart)?,
            });
        }
        _ => {}
    }
    let doc = file.document()?;
    let version = match since {
        Some(key) => {
            let version = file.find_version(key)?;
            let then = file.version_document(&version.id)?;
            Some((version, then))
        }
        None => None,
    };
    let analysis = crate::compute::analysis::analyse(&doc, date);
    let mut report = report::build(
        &doc,
        &analysis,
        version
            .as_ref()
            .map(|(v, old)| (v.label.as_str(), v.marked_at.as_str(), old)),
    );
    if !findings {
        report.findings = None;
    }
    Ok(match format {
        ExportFormat::Markdown => markdown::render(&report).into_bytes(),
        ExportFormat::Csv => csv::render(&report).into_bytes(),
        ExportFormat::Pdf => pdf::render(&doc, &report, &analysis)?,
        ExportFormat::Json | ExportFormat::UpdatePdf | ExportFormat::UpdateMarkdown => {
            unreachable!("handled above")
        }
    })
}

/// The investor update since the latest version as e-mail-safe Markdown, for the clipboard (the
/// plan check only when `findings`).
pub fn update_text(file: &PlanFile, date: NaiveDate, findings: bool) -> Result<String> {
    let format = ExportFormat::UpdateMarkdown;
    let bytes = render_with(file, format, date, None, findings)?;
    Ok(String::from_utf8(bytes).expect("the update is written as UTF-8"))
}

/// Renders and writes the export to `out` atomically (the plan check as the format does by
/// default).
pub fn export_to(
    file: &PlanFile,
    format: ExportFormat,
    date: NaiveDate,
    since: Option<&str>,
    out: &Path,
) -> Result<()> {
    export_with(file, format, date, since, format.findings_by_default(), out)
}

/// `export_to`, saying whether the plan check's findings are included.
pub fn export_with(
    file: &PlanFile,
    format: ExportFormat,
    date: NaiveDate,
    since: Option<&str>,
    findings: bool,
    out: &Path,
) -> Result<()> {
    let bytes = render_with(file, format, date, since, findings)?;
    // What an export cut short by a crash left in the folder it writes to.
    if let Some(folder) = out.parent().filter(|f| !f.as_os_str().is_empty()) {
        crate::store::sweep_temporaries(folder);
    }
    write_atomic(out, &bytes)
}
