//! The investor PDF: the report and the geometry of its charts go to a constant Typst template
//! as JSON (user text is never spliced into markup), compiled in a world that reads nothing from
//! disk. Deterministic for a fixed date.

pub mod chart;
mod world;

pub use world::KeelWorld;

use super::report::Report;
use crate::compute::analysis::Analysis;
use crate::domain::PlanDocument;
use crate::error::{CoreError, Result};
use serde::Serialize;
use typst::foundations::Smart;
use typst_layout::PagedDocument;

pub const TEMPLATE: &str = include_str!("template.typ");

#[derive(Serialize)]
struct PdfData<'a> {
    report: &'a Report,
    chart: chart::Chart,
    timeline: chart::Timeline,
}

/// Compiles `template` with `data_json` as `/data.json`; the errors are Typst's, joined.
pub fn compile(template: &str, data_json: Vec<u8>, date: chrono::NaiveDate) -> Result<Vec<u8>> {
    let world = KeelWorld::new(template, data_json, date);
    let document = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| CoreError::Export {
            detail: errors
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        })?;
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom("keel-plan".into()),
        creator: Smart::Custom(Some("Keel".into())),
        ..Default::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| CoreError::Export {
        detail: errors
            .iter()
            .map(|e| e.message.to_string())
            .collect::<Vec<_>>()
            .join("; "),
    });
    // The long-running app compiles many times: keep the memo cache from growing without end.
    typst::comemo::evict(10);
    pdf
}

/// The PDF of `report`, built from `doc` and its `analysis` (whose curve and ranking the chart
/// and the timeline draw).
pub fn render(doc: &PlanDocument, report: &Report, analysis: &Analysis) -> Result<Vec<u8>> {
    let data = PdfData {
        report,
        chart: chart::traction_chart(doc, &analysis.curve, analysis.as_of),
        timeline: chart::timeline(doc, &analysis.ranking, analysis.as_of),
    };
    let json = serde_json::to_vec(&data).map_err(|e| CoreError::Export {
        detail: e.to_string(),
    })?;
    compile(TEMPLATE, json, report.date)
}
