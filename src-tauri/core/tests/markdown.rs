//! The Markdown export: a snapshot of the sample plan, its structure parsed back with a
//! CommonMark parser, hostile text kept literal, and the same bytes for the same plan and date.

mod common;

use common::date;
use common::hostile::{hostile_plan, HOSTILE};
use keel_core::export::{render, ExportFormat};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn sample_markdown() -> String {
    let dir = tempfile::tempdir().unwrap();
    let today = date(2026, 11, 27);
    let file = keel_core::sample::create_sample_plan(&dir.path().join("s.keel"), today).unwrap();
    String::from_utf8(render(&file, ExportFormat::Markdown, today, None).unwrap()).unwrap()
}

fn parse(md: &str) -> Vec<Event<'_>> {
    Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).collect()
}

fn headings(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for e in parse(md) {
        match e {
            Event::Start(Tag::Heading { .. }) => current = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => out.extend(current.take()),
            _ => {}
        }
    }
    out
}

/// Rows (header included) of the table that follows the heading `after`.
fn table_rows(md: &str, after: &str) -> Vec<Vec<String>> {
    let mut seen = false;
    let mut heading = String::new();
    let mut in_heading = false;
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    for e in parse(md) {
        match e {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                heading.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                if seen && !rows.is_empty() {
                    break;
                }
                seen = heading == after;
            }
            Event::Text(t) if in_heading => heading.push_str(&t),
            Event::Start(Tag::TableCell) if seen => cell = Some(String::new()),
            Event::Text(t) | Event::Code(t) if cell.is_some() => {
                cell.as_mut().unwrap().push_str(&t)
            }
            Event::End(TagEnd::TableCell) if seen => row.extend(cell.take()),
            Event::End(TagEnd::TableHead) | Event::End(TagEnd::TableRow) if seen => {
                rows.push(std::mem::take(&mut row))
            }
            Event::End(TagEnd::Table) if seen => break,
            _ => {}
        }
    }
    rows
}

#[test]
fn the_sample_plans_markdown_matches_its_snapshot() {
    insta::assert_snapshot!("sample_plan", sample_markdown());
}

#[test]
fn the_markdown_has_every_section_and_table() {
    let md = sample_markdown();
    let h = headings(&md);
    for expected in [
        "Loomline",
        "Vision",
        "Strategy",
        "Lean Canvas",
        "Traction",
        "Milestones (10x ladder)",
        "Actuals",
        "Customer factory (latest week)",
        "Roadmap",
        "Now",
        "Next",
        "Later",
        "Priorities (risk first)",
        "Teams",
        "Plan check",
    ] {
        assert!(
            h.iter().any(|x| x == expected),
            "missing heading {expected:?} in {h:?}"
        );
    }
    let priorities = table_rows(&md, "Priorities (risk first)");
    assert_eq!(
        priorities.len(),
        1 + 21,
        "a header and the 21 open features"
    );
    assert_eq!(priorities[1][0], "1");
    assert!(
        priorities.iter().skip(1).all(|r| r.len() == 9),
        "every row has 9 cells"
    );
    assert_eq!(table_rows(&md, "Lean Canvas").len(), 1 + 9);
    assert_eq!(table_rows(&md, "Actuals").len(), 1 + 7);
    let factory = table_rows(&md, "Customer factory (latest week)");
    assert!(factory
        .iter()
        .any(|r| r[0] == "Activation" && r[3] == "Bottleneck"));
}

#[test]
fn hostile_text_stays_literal_and_never_breaks_the_structure() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile_plan(&dir.path().join("h.keel"));
    let md =
        String::from_utf8(render(&file, ExportFormat::Markdown, date(2026, 11, 27), None).unwrap())
            .unwrap();
    let events = parse(&md);
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_))),
        "no user text may become HTML"
    );
    assert!(
        !events.iter().any(|e| matches!(
            e,
            Event::Start(Tag::Link { .. }) | Event::Code(_) | Event::Start(Tag::CodeBlock(_))
        )),
        "no user text may become a link or code"
    );
    let text: String = events
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.to_string()),
            Event::SoftBreak | Event::HardBreak => Some(" ".into()),
            _ => None,
        })
        .collect();
    for hostile in HOSTILE {
        assert!(
            text.contains(hostile),
            "{hostile:?} must come out literally"
        );
    }
    let rows = table_rows(&md, "Priorities (risk first)");
    assert_eq!(
        rows.len(),
        1 + HOSTILE.len() + 1,
        "one row per feature, none split by a pipe"
    );
    assert!(
        rows.iter().all(|r| r.len() == 9),
        "every row keeps its 9 cells"
    );
    let h = headings(&md);
    assert!(
        !h.iter().any(|x| x == "not a heading"),
        "a '#' in user text opens no heading"
    );
    assert_eq!(
        h[0], "Hostile <b>Co</b> | #1",
        "the company name is the title, literally"
    );
}

#[test]
fn the_same_plan_and_date_give_the_same_bytes() {
    assert_eq!(sample_markdown(), sample_markdown());
}

#[test]
fn at_the_scaling_stage_the_teams_are_the_board_s_portfolio() {
    let dir = tempfile::tempdir().unwrap();
    let today = date(2027, 6, 1);
    let file = keel_core::sample_scaling::create_scaling_sample(&dir.path().join("s.keel"), today)
        .unwrap();
    let md =
        String::from_utf8(render(&file, ExportFormat::Markdown, today, None).unwrap()).unwrap();
    let rows = table_rows(&md, "Teams");
    assert_eq!(
        rows[0],
        [
            "Team",
            "Mission",
            "KPI",
            "Status",
            "Trend",
            "Funding",
            "People",
            "Share of now"
        ]
    );
    assert_eq!(rows.len(), 5, "four teams");
    assert_eq!(
        rows[1][0], "Growth (product)",
        "the team behind comes first"
    );
    assert_eq!(rows[1][3], "Behind");
    assert!(
        rows[1][5].starts_with("$520k (↑ from $400k)"),
        "{:?}",
        rows[1]
    );
    assert_eq!(rows[2][3], "Not measured");
    assert!(rows[2][2].contains("no value yet"));
    assert!(
        md.contains("The board's portfolio for Q2 2027: \\$2.95M of funding, 37 people planned."),
        "the dollar is escaped for renderers that read it as maths"
    );
    assert!(md.contains(
        "Stage changes planned: Scaling up from 2026-12-01; Enterprise from 2028-12-01."
    ));
    assert!(md.contains("- Move event ingestion to a managed streaming service (re-platform)"));
    // The MVP sample keeps its list of teams.
    let mvp = sample_markdown();
    assert_eq!(
        table_rows(&mvp, "Teams")[0],
        ["Team", "Kind", "People", "Open features"]
    );
    assert!(!mvp.contains("Stage changes planned"));
}
