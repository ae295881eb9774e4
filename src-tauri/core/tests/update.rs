//! The investor update since a version: what shipped, what changed, traction then and now, the
//! next cycle's priorities and the risks, as Markdown and as a PDF (checked with pdftotext);
//! hostile text stays literal, and an update with no version to report since is refused.

mod common;

use common::date;
use common::hostile::{hostile_plan, HOSTILE};
use keel_core::domain::{ActualData, FeatureStatus};
use keel_core::io::export::{render, ExportFormat};
use keel_core::{CoreError, Operation, PlanFile};
use std::process::Command;

/// The text of a PDF, as pdftotext reads it (the PDF is left at `dir`/update.pdf).
fn pdf_text(pdf: &[u8], dir: &std::path::Path) -> String {
    let out = dir.join("update.pdf");
    std::fs::write(&out, pdf).unwrap();
    let text = Command::new("pdftotext")
        .arg(&out)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8_lossy(&text.stdout).into_owned()
}

fn today() -> chrono::NaiveDate {
    date(2026, 11, 27)
}

/// The sample plan with a version, then a feature finished and an actual recorded after it.
fn plan_with_a_quarter(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("plan.keel");
    drop(keel_core::samples::create_sample_plan(&path, today()).unwrap());
    let mut file = PlanFile::open(&path).unwrap();
    file.mark_version("Board meeting", "Ali").unwrap();
    let open = file
        .features()
        .unwrap()
        .into_iter()
        .find(|f| f.data.status == FeatureStatus::InProgress)
        .unwrap();
    let mut data = open.data.clone();
    data.status = FeatureStatus::Done;
    file.apply(Operation::UpdateFeature { id: open.id, data }, "Ali")
        .unwrap();
    file.apply(
        Operation::AddActual {
            data: ActualData {
                date: date(2026, 11, 26),
                value: 31_000.0,
            },
        },
        "Ali",
    )
    .unwrap();
    path
}

#[test]
fn the_markdown_update_says_what_shipped_and_how_traction_moved_since_the_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = plan_with_a_quarter(dir.path());
    let file = PlanFile::open(&path).unwrap();
    let done = file
        .features()
        .unwrap()
        .into_iter()
        .filter(|f| f.data.status == FeatureStatus::Done)
        .map(|f| f.data.title)
        .collect::<Vec<_>>();
    let md = String::from_utf8(render(&file, ExportFormat::UpdateMarkdown, today(), None).unwrap())
        .unwrap();
    assert!(md.starts_with("# Loomline — investor update"), "{md}");
    assert!(
        md.contains("since Board meeting ("),
        "the latest version by default: {md}"
    );
    let shipped = md
        .split("## What shipped")
        .nth(1)
        .unwrap()
        .split("##")
        .next()
        .unwrap();
    assert!(
        done.iter().any(|t| shipped.contains(t.as_str())),
        "{shipped}"
    );
    assert!(
        md.contains("→ $31,000 ARR on 2026-11-26."),
        "traction then and now: {md}"
    );
    assert!(
        md.contains("## Priorities for the next cycle\n\n1. "),
        "{md}"
    );
    // Pasted into a mail client, it reads as written: no "\\$900", no "\\#3".
    assert!(!md.contains("\\$") && !md.contains("\\#"), "{md}");
    // Its risks are the business risks being tested, not the plan check's findings.
    let risks = md
        .split("## Risks we are testing\n\n")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap();
    assert!(
        risks
            .lines()
            .all(|l| l.contains("— business risk, level") || l.contains("is the bottleneck")),
        "{risks}"
    );
    // None of them repeats a priority named below.
    let priorities = md.split("## Priorities for the next cycle").nth(1).unwrap();
    for risk in risks.lines() {
        let title = risk.split('“').nth(1).map(|t| t.split('”').next().unwrap());
        if let Some(title) = title {
            assert!(!priorities.contains(title), "{title} is named twice");
        }
    }
    assert!(!md.contains("K00"), "no rule ids reach investors: {md}");
    let named = String::from_utf8(
        render(
            &file,
            ExportFormat::UpdateMarkdown,
            today(),
            Some("Board meeting"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(named, md, "the version named, or the latest: the same here");
}

#[test]
fn the_pdf_update_holds_the_same_and_is_one_or_two_pages() {
    let dir = tempfile::tempdir().unwrap();
    let path = plan_with_a_quarter(dir.path());
    let file = PlanFile::open(&path).unwrap();
    let pdf = render(&file, ExportFormat::UpdatePdf, today(), None).unwrap();
    let text = pdf_text(&pdf, dir.path());
    let out = dir.path().join("update.pdf");
    for part in [
        "Investor update",
        "What shipped",
        "Priorities for the next cycle",
        "Risks we are testing",
        "▭ milestones",
        "$31,000 ARR",
    ] {
        assert!(text.contains(part), "{part} in:\n{text}");
    }
    let info = Command::new("pdfinfo").arg(&out).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!((1..=2).contains(&pages), "{pages} pages");
}

#[test]
fn hostile_text_stays_literal_in_the_update() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.keel");
    let mut file = hostile_plan(&path);
    file.mark_version("Before", "Ali").unwrap();
    let first = file.features().unwrap().remove(0);
    let mut data = first.data.clone();
    data.status = FeatureStatus::Done;
    file.apply(Operation::UpdateFeature { id: first.id, data }, "Ali")
        .unwrap();
    let md = String::from_utf8(render(&file, ExportFormat::UpdateMarkdown, today(), None).unwrap())
        .unwrap();
    assert!(!md.contains("<script>") && !md.contains("<label>"), "{md}");
    assert!(md.contains("\\<label\\>"), "raw HTML is text: {md}");
    let pdf = render(&file, ExportFormat::UpdatePdf, today(), None).unwrap();
    let text: String = pdf_text(&pdf, dir.path())
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200b}')
        .collect();
    let shown: String = HOSTILE[0].chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        text.contains(&shown),
        "the finished feature's title, literal: {text}"
    );
}

#[test]
fn an_update_needs_a_version_to_report_since() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.keel");
    drop(keel_core::samples::create_sample_plan(&path, today()).unwrap());
    let file = PlanFile::open(&path).unwrap();
    let err = render(&file, ExportFormat::UpdatePdf, today(), None).unwrap_err();
    assert!(matches!(err, CoreError::Validation { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "Since: mark a version first: an update says what changed since one."
    );
    let err = render(&file, ExportFormat::UpdateMarkdown, today(), Some("Nope")).unwrap_err();
    assert!(matches!(err, CoreError::NotFound { .. }), "{err:?}");
}
