//! The PDF export checked with real tools (qpdf, pdfinfo, pdftotext), hostile text kept
//! literal, the same bytes for the same date, and a Typst world that can read nothing else.

mod common;

use common::date;
use common::hostile::{hostile_plan, long_text, HOSTILE};
use keel_core::io::export::pdf::{compile, TEMPLATE};
use keel_core::io::export::{export_to, ExportFormat};
use std::path::Path;
use std::process::Command;

fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(name)
        .args(args)
        .arg(pdf)
        .args(if name == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|e| panic!("{name} must be installed (make test installs it): {e}"));
    assert!(
        out.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Text with all whitespace removed, so line wrapping does not matter — including the
/// zero-width spaces the template puts inside very long words as break opportunities.
fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200b}')
        .collect()
}

fn sample_pdf(dir: &Path) -> std::path::PathBuf {
    let today = date(2026, 11, 27);
    let file = keel_core::samples::create_sample_plan(&dir.join("s.keel"), today).unwrap();
    let out = dir.join("s.pdf");
    export_to(&file, ExportFormat::Pdf, today, None, &out).unwrap();
    out
}

#[test]
fn the_sample_pdf_is_valid_has_metadata_and_every_section() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = sample_pdf(dir.path());
    let check = tool("qpdf", &["--check"], &pdf);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
    let info = tool("pdfinfo", &[], &pdf);
    assert!(
        info.contains("Title:           Loomline — Strategy and roadmap"),
        "{info}"
    );
    assert!(info.contains("Author:          Loomline"), "{info}");
    assert!(
        info.contains("Subject:         Vision, traction, roadmap and priorities of Loomline"),
        "{info}"
    );
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(
        pages >= 7,
        "the cover (with the contents) and the sections: {pages} pages"
    );
    let text = tool("pdftotext", &["-layout"], &pdf);
    for section in [
        "CONTENTS",
        "Vision and strategy",
        "Lean Canvas",
        "Traction",
        "Actuals against the ladder",
        "Milestones (10x ladder)",
        "Roadmap",
        "Now, next, later",
        "Priorities",
        "Teams",
        &format!("2 / {pages}"),
    ] {
        assert!(text.contains(section), "the PDF must show {section:?}");
    }
    // A timeline title too long for its column is cut with an ellipsis, never clipped mid-glyph.
    let cut: Vec<&str> = text.lines().filter(|l| l.contains('…')).collect();
    assert!(
        cut.iter()
            .any(|l| l.trim().starts_with("#13 Multi-region sharded event store")),
        "{cut:?}"
    );
    // The contents are on the cover (page 1), not a page of their own.
    let cover = text.split('\u{c}').next().unwrap();
    assert!(
        cover.contains("CONTENTS") && cover.contains("Vision and strategy"),
        "{cover}"
    );
    // The feature details are an appendix, after everything an investor reads first.
    let pages_text: Vec<&str> = text.split('\u{c}').collect();
    let page_of = |needle: &str| pages_text.iter().rposition(|p| p.contains(needle));
    assert!(
        page_of("Appendix: feature details") > page_of("Open features"),
        "the appendix comes after the teams"
    );
    // The plan check is the founders' own: the investor PDF leaves it out unless asked.
    assert!(!text.contains("Plan check"), "{text}");
    assert!(
        !text.contains("Operational work at the MVP stage"),
        "{text}"
    );
    let today = date(2026, 11, 27);
    let file = keel_core::PlanFile::open(&dir.path().join("s.keel")).unwrap();
    let with = dir.path().join("with.pdf");
    keel_core::io::export::export_with(&file, ExportFormat::Pdf, today, None, true, &with).unwrap();
    let text = tool("pdftotext", &["-layout"], &with);
    for part in ["Plan check", "Technology ahead of the business"] {
        assert!(
            text.contains(part),
            "asked for, the plan check is there: {part:?}"
        );
    }
}

#[test]
fn hostile_text_comes_out_literally() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile_plan(&dir.path().join("h.keel"));
    let out = dir.path().join("h.pdf");
    export_to(&file, ExportFormat::Pdf, date(2026, 11, 27), None, &out).unwrap();
    let text = squeezed(&tool("pdftotext", &[], &out));
    for hostile in HOSTILE {
        // pdftotext writes right-to-left runs in visual order; compare those word by word.
        if hostile
            .chars()
            .any(|c| ('\u{0590}'..='\u{06FF}').contains(&c))
        {
            for word in hostile.split_whitespace() {
                let reversed: String = word.chars().rev().collect();
                assert!(
                    text.contains(word) || text.contains(&reversed),
                    "{word:?} must be in the PDF"
                );
            }
        } else {
            assert!(
                text.contains(&squeezed(hostile)),
                "{hostile:?} must be in the PDF literally"
            );
        }
    }
    // The description runs over pages: leave out the running header and the page numbers.
    let body: String = tool("pdftotext", &[], &out)
        .lines()
        .filter(|l| !l.contains("Strategy and roadmap") && !l.contains("2026-11-27"))
        .filter(|l| !l.split(" / ").all(|n| n.trim().parse::<u32>().is_ok()))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        squeezed(&body).contains(&squeezed(&long_text())),
        "the 20,000-character description is all there"
    );
    assert!(
        !text.contains("root:x:0:0"),
        "nothing is read from /etc/passwd"
    );
}

#[test]
fn the_same_plan_and_date_give_the_same_pdf() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let first = std::fs::read(sample_pdf(a.path())).unwrap();
    let second = std::fs::read(sample_pdf(b.path())).unwrap();
    assert!(
        first == second,
        "two exports for the same date must be byte-identical"
    );
}

#[test]
fn the_typst_world_refuses_every_file_and_package() {
    let data = br#"{"x": 1}"#.to_vec();
    let today = date(2026, 11, 27);
    assert!(
        compile("#let d = json(\"/data.json\")\n#d.x", data.clone(), today).is_ok(),
        "data.json is served"
    );
    for template in [
        "#read(\"/etc/passwd\")",
        "#read(\"../../../../etc/passwd\")",
        "#read(\"/etc/hostname\")",
        "#image(\"/usr/share/pixmaps/debian-logo.png\")",
        "#import \"@preview/cetz:0.3.0\": canvas",
        "#include \"other.typ\"",
        "#json(\"/main.json\")",
    ] {
        let err = compile(template, data.clone(), today).expect_err(template);
        assert_eq!(
            err.code(),
            keel_core::ErrorCode::Export,
            "{template}: {err}"
        );
    }
    assert!(
        TEMPLATE.contains("json(\"/data.json\")"),
        "the template reads its data from data.json only"
    );
}

#[test]
fn at_the_scaling_stage_the_pdf_has_the_portfolio_page_and_the_stage_change() {
    let dir = tempfile::tempdir().unwrap();
    let today = date(2027, 6, 1);
    let file =
        keel_core::samples::scaling::create_scaling_sample(&dir.path().join("s.keel"), today)
            .unwrap();
    let out = dir.path().join("s.pdf");
    export_to(&file, ExportFormat::Pdf, today, None, &out).unwrap();
    let check = tool("qpdf", &["--check"], &out);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
    let text = squeezed(&tool("pdftotext", &[], &out));
    for expected in [
        "Teams:theboard’sportfolio",
        "FiguresforQ22027:$2.95Moffunding,37peopleplanned.",
        "GrowthIntegrationsBehindNotmeasured",
        "Trial-to-paidconversion:",
        "$520k",
        "↑from$400k",
        "Enterprisefrom2028-12-01",
    ] {
        assert!(text.contains(expected), "the PDF shows {expected}");
    }
    let page = &text[text.find("Eachteamrunsasaministart-up").unwrap()..];
    assert!(
        page.find("Growth").unwrap() < page.find("Insights").unwrap(),
        "the team behind comes first"
    );
}

#[test]
fn the_founders_markdown_is_rendered_not_printed_raw() {
    let dir = tempfile::tempdir().unwrap();
    let today = date(2026, 11, 27);
    let mut file =
        keel_core::create_empty_plan(&dir.path().join("m.keel"), "Robots Inc", today).unwrap();
    let mut plan = file.plan().unwrap().data;
    plan.vision = "We rent **rented robots** to _farms_.\n\n## Why now\n\nSee [our memo](https://robots.example/memo) and `robots.toml`.".into();
    plan.strategy = "1. Win small farms first\n2. Then grow\n\n- a dash item".into();
    file.update_plan(plan).unwrap();
    let out = dir.path().join("m.pdf");
    export_to(&file, ExportFormat::Pdf, today, None, &out).unwrap();
    let text = tool("pdftotext", &["-layout"], &out);
    assert!(text.contains("We rent rented robots to farms."), "{text}");
    for raw in ["**", "## Why now", "](", "`", "_farms_"] {
        assert!(!text.contains(raw), "{raw:?} is printed raw:\n{text}");
    }
    assert!(
        text.contains("Why now"),
        "the field's heading is a line of its own"
    );
    assert!(
        squeezed(&text).contains("ourmemo(https://robots.example/memo)"),
        "a link shows its text and its address:\n{text}"
    );
    assert!(text.contains("1. Win small farms first"), "{text}");
    assert!(text.contains("2. Then grow"), "{text}");
    assert!(text.contains("• a dash item"), "{text}");
    // The field's heading is no heading of the document: the contents do not list it.
    assert_eq!(text.matches("Why now").count(), 1, "{text}");
}
