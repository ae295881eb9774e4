//! Line endings of the text exports, the same on every system: Markdown (plan and investor
//! update) ends its lines in LF; CSV ends its records in CRLF (RFC 4180) and writes a line
//! break inside a field as LF. Text typed on Windows (CRLF) or pasted from old Mac files (CR)
//! comes out the same way.

mod common;

use common::date;
use keel_core::domain::*;
use keel_core::io::export::{render, ExportFormat};

fn plan_with_every_line_break(dir: &std::path::Path) -> keel_core::PlanFile {
    let mut file =
        keel_core::create_empty_plan(&dir.join("p.keel"), "Acme", date(2026, 1, 1)).unwrap();
    let mut plan = file.plan().unwrap().data;
    plan.vision = "Windows line\r\nOld Mac line\rUnix line\n\r\nNew paragraph".into();
    file.update_plan(plan).unwrap();
    for title in ["Onboarding", "Billing, invoices"] {
        let mut f = FeatureData::new(title, RiskClass::Business);
        f.description = "first\r\nsecond\rthird".into();
        file.create_feature(f).unwrap();
    }
    file
}

#[test]
fn markdown_ends_every_line_in_lf_whatever_the_text_held() {
    let dir = tempfile::tempdir().unwrap();
    let file = plan_with_every_line_break(dir.path());
    let text =
        String::from_utf8(render(&file, ExportFormat::Markdown, date(2026, 11, 27), None).unwrap())
            .unwrap();
    assert!(!text.contains('\r'), "the Markdown holds a CR");
    assert!(text.ends_with('\n'), "the last line ends too");
    assert!(
        text.contains("Windows line Old Mac line Unix line\n\nNew paragraph"),
        "each break of the text is one line break of Markdown (lines of a paragraph join, as \
         CommonMark reads them), a blank line one paragraph break: {text}"
    );
}

#[test]
fn csv_ends_records_in_crlf_and_breaks_inside_a_field_in_lf() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = plan_with_every_line_break(dir.path());
    file.create_feature(FeatureData::new(
        "Two\r\nlines\rand more",
        RiskClass::Technical,
    ))
    .unwrap();
    let text =
        String::from_utf8(render(&file, ExportFormat::Csv, date(2026, 11, 27), None).unwrap())
            .unwrap();
    assert!(text.ends_with("\r\n"));
    let records: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(records.len(), 4, "a header and three features: {text:?}");
    assert!(
        records.iter().all(|r| !r.contains('\r')),
        "no CR but the records' ends: {text:?}"
    );
    assert!(records.iter().any(|r| r.contains("\"Billing, invoices\"")));
    assert!(
        records
            .iter()
            .any(|r| r.contains("\"Two\nlines\nand more\"")),
        "{text:?}"
    );
}
