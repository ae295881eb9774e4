//! The Markdown export: a snapshot of the sample plan, its structure parsed back with a
//! CommonMark parser, hostile text kept literal, and the same bytes for the same plan and date.

mod common;

use common::date;
use common::hostile::{hostile_plan, HOSTILE};
use keel_core::io::export::{render, ExportFormat};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn sample_markdown() -> String {
    let dir = tempfile::tempdir().unwrap();
    let today = date(2026, 11, 27);
    let file = keel_core::samples::create_sample_plan(&dir.path().join("s.keel"), today).unwrap();
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

/// Every heading with its level.
fn leveled_headings(md: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for e in parse(md) {
        match e {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some((level as usize, String::new()))
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, c)) = current.as_mut() {
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
    for label in ["Problem", "Unique value proposition", "Revenue streams"] {
        assert!(h.iter().any(|x| x == label), "the canvas box {label:?}");
    }
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
    for e in &events {
        if let Event::Start(Tag::Link { dest_url, .. }) = e {
            assert!(
                dest_url.starts_with("http://") || dest_url.starts_with("https://"),
                "only the founder's web links are links: {dest_url}"
            );
        }
    }
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
    let outline: Vec<String> = leveled_headings(&md)
        .into_iter()
        .filter(|(level, _)| *level <= 2)
        .map(|(_, t)| t)
        .collect();
    assert!(
        !outline.iter().any(|x| x == "not a heading"),
        "a '#' in the founder's text never heads a section of the document: {outline:?}"
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
    let file =
        keel_core::samples::scaling::create_scaling_sample(&dir.path().join("s.keel"), today)
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

/// The plan of a founder who writes Markdown: bold, lists, a heading, a link, raw HTML.
fn markdown_plan(dir: &std::path::Path) -> String {
    let today = date(2026, 11, 27);
    let mut file = keel_core::create_empty_plan(&dir.join("m.keel"), "Robots Inc", today).unwrap();
    let mut plan = file.plan().unwrap().data;
    plan.vision = "We rent **rented robots** to *farms*.\n\n# Why now\n\nSee [our memo](https://robots.example/memo) <b>now</b>.".into();
    plan.strategy =
        "1. Win small farms first\n2. Then grow\n   - nested point\n\n- a dash item".into();
    file.update_plan(plan).unwrap();
    file.update_canvas(keel_core::domain::LeanCanvas {
        problem: "Farms lack hands.\nRobots are costly.".into(),
        ..Default::default()
    })
    .unwrap();
    String::from_utf8(render(&file, ExportFormat::Markdown, today, None).unwrap()).unwrap()
}

/// The text directly inside each element `inside` picks (strong, emphasis, list item), in the
/// order the elements end; a nested element's text is its own.
fn texts_in(md: &str, inside: fn(&Tag) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut open: Vec<Option<String>> = Vec::new();
    for e in parse(md) {
        match e {
            Event::Start(t) => open.push(inside(&t).then(String::new)),
            Event::End(_) => out.extend(open.pop().flatten()),
            Event::Text(t) => {
                if let Some(Some(current)) = open.last_mut() {
                    current.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn the_founders_markdown_is_passed_through_not_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let md = markdown_plan(dir.path());
    assert!(!md.contains("\\*\\*"), "bold is not escaped:\n{md}");
    assert!(
        !md.contains("1\\."),
        "numbered lists are not escaped:\n{md}"
    );
    assert_eq!(
        texts_in(&md, |t| matches!(t, Tag::Strong))[0],
        "rented robots"
    );
    assert_eq!(texts_in(&md, |t| matches!(t, Tag::Emphasis)), ["farms"]);
    let items = texts_in(&md, |t| matches!(t, Tag::Item));
    assert!(
        items.iter().any(|i| i.starts_with("Win small farms first")),
        "{items:?}"
    );
    assert!(items.iter().any(|i| i == "nested point"), "{items:?}");
    assert!(items.iter().any(|i| i == "a dash item"), "{items:?}");
    assert!(parse(&md)
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::List(Some(1))))));
    assert_eq!(
        texts_in(&md, |t| matches!(t, Tag::Link { .. })),
        ["our memo"]
    );
    // The field's heading sits below its section (## Vision), never beside it.
    let h = leveled_headings(&md);
    let vision = h.iter().position(|(_, t)| t == "Vision").unwrap();
    assert_eq!(h[vision + 1], (3, "Why now".to_string()));
    assert_eq!(h[vision + 2], (2, "Strategy".to_string()));
    // Raw HTML is shown as text.
    assert!(md.contains("\\<b\\>now\\</b\\>"), "{md}");
    // A canvas box keeps its lines apart (a hard break between them).
    let events = parse(&md);
    let farms = events
        .iter()
        .position(|e| matches!(e, Event::Text(t) if t.as_ref() == "Farms lack hands."))
        .expect("the problem box");
    assert_eq!(events[farms + 1], Event::HardBreak);
}

#[test]
fn a_team_s_mission_entered_at_the_mvp_stage_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let today = date(2026, 11, 27);
    let mut file =
        keel_core::create_empty_plan(&dir.path().join("t.keel"), "Robots Inc", today).unwrap();
    let mut team = keel_core::domain::TeamData::new(
        "Core product team",
        keel_core::domain::TeamKind::Product,
        5,
    );
    team.mission = "Farmers hire a robot in one call".into();
    file.insert(team).unwrap();
    let md =
        String::from_utf8(render(&file, ExportFormat::Markdown, today, None).unwrap()).unwrap();
    let rows = table_rows(&md, "Teams");
    assert_eq!(rows[0][1], "Mission", "{md}");
    assert_eq!(rows[1][1], "Farmers hire a robot in one call");
}
