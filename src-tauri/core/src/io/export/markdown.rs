//! The plan as GitHub-flavoured Markdown, one function per section. Single-line user text goes
//! through `escape`; the founder's Markdown fields are written back made safe (`rich`); the output is the same bytes for the same report, with LF line ends on every system
//! (a line break the text holds, CRLF or CR, is written as LF).

use super::escape::inline;
use super::report::{GoalSection, PortfolioSection, Report};
use super::rich::Rich;

/// The document being written, a line at a time.
struct Md(String);

impl Md {
    /// Writes `text` and ends the line (`text` may hold line breaks of its own).
    fn line(&mut self, text: impl AsRef<str>) {
        self.0.push_str(text.as_ref());
        self.0.push('\n');
    }

    /// A table: its header and alignment rows, then one row per entry (cells already escaped).
    fn table(&mut self, head: &str, align: &str, rows: impl IntoIterator<Item = Vec<String>>) {
        self.line(format!("| {head} |\n|{align}|"));
        for cells in rows {
            self.line(format!("| {} |", cells.join(" | ")));
        }
    }
}

pub fn render(r: &Report) -> String {
    let mut md = Md(String::new());
    title(&mut md, r);
    text_section(&mut md, "Vision", &r.vision);
    text_section(&mut md, "Strategy", &r.strategy);
    canvas(&mut md, r);
    traction(&mut md, r);
    roadmap(&mut md, r);
    priorities(&mut md, r);
    teams(&mut md, r);
    plan_check(&mut md, r);
    changes(&mut md, r);
    md.0
}

fn title(md: &mut Md, r: &Report) {
    md.line(format!("# {}", inline(&r.company)));
    if !r.tagline.is_empty() {
        md.line(format!("\n*{}*", inline(&r.tagline)));
    }
    md.line(format!(
        "\nStrategy and roadmap as of {} · Stage: {} · Plan started {}",
        r.date, r.stage, r.plan_start
    ));
    if !r.stage_plan.is_empty() {
        md.line(format!("\nStage changes planned: {}", r.stage_plan));
    }
}

fn text_section(md: &mut Md, title: &str, text: &Rich) {
    md.line(format!("\n## {title}\n"));
    if text.is_empty() {
        md.line("Not written yet.");
    } else {
        md.line(text.to_markdown(2));
    }
}

/// One heading a box: a box keeps its lines, lists and emphasis, which a table cell cannot hold.
fn canvas(md: &mut Md, r: &Report) {
    md.line("\n## Lean Canvas");
    for b in &r.canvas {
        md.line(format!("\n### {}\n", b.label));
        if b.text.is_empty() {
            md.line("—");
        } else {
            md.line(b.text.to_markdown(3));
        }
    }
}

fn traction(md: &mut Md, r: &Report) {
    md.line("\n## Traction");
    match &r.goal {
        None => md.line("\nNo traction goal is set yet."),
        Some(g) => goal(md, g),
    }
    md.line(format!("\n{}", inline(&r.traction_summary)));
    if !r.ladder.is_empty() {
        md.line("\n### Milestones (10x ladder)\n");
        md.table(
            "Milestone | Date | Target",
            "---|---|---:",
            r.ladder
                .iter()
                .map(|m| vec![cell(&m.name), m.date.to_string(), inline(&m.target)]),
        );
    }
    if !r.actuals.is_empty() {
        md.line("\n### Actuals\n");
        md.table(
            "Date | Actual | Expected | Progress | Status",
            "---|---:|---:|---:|---",
            r.actuals.iter().map(|a| {
                vec![
                    a.date.to_string(),
                    inline(&a.value),
                    inline(&a.expected),
                    a.progress.clone(),
                    a.status.clone(),
                ]
            }),
        );
    }
    if !r.factory.is_empty() {
        md.line("\n### Customer factory (latest week)\n");
        md.table(
            "Step | Count | Conversion |",
            "---|---:|---:|---",
            r.factory.iter().map(|f| {
                let mark = if f.bottleneck { "**Bottleneck**" } else { "" };
                vec![
                    f.step.clone(),
                    f.count.to_string(),
                    f.conversion.clone(),
                    mark.to_string(),
                ]
            }),
        );
    }
}

fn goal(md: &mut Md, g: &GoalSection) {
    md.line(format!(
        "\n**Minimum Success Criteria:** {} by {} · {}",
        inline(&g.msc),
        g.deadline,
        inline(&g.metric)
    ));
    md.line("");
    md.table(
        "Figure | Value | What it means",
        "---|---:|---",
        g.figures
            .iter()
            .map(|f| vec![f.label.clone(), inline(&f.value), f.explanation.clone()]),
    );
}

fn roadmap(md: &mut Md, r: &Report) {
    md.line("\n## Roadmap");
    for h in &r.roadmap {
        md.line(format!("\n### {}", h.horizon));
        if h.stages.is_empty() {
            md.line("\nNothing planned.");
        }
        for s in &h.stages {
            md.line(format!("\n**{}**\n", s.stage));
            for title in &s.features {
                md.line(format!("- {}", inline(title)));
            }
        }
    }
}

fn priorities(md: &mut Md, r: &Report) {
    md.line("\n## Priorities (risk first)\n");
    if r.features.is_empty() {
        md.line("No open features.");
    } else {
        md.table(
            "# | Feature | Risk | Level | Stage | Status | Horizon | RICE | Why",
            "---:|---|---|---:|---|---|---|---:|---",
            r.features.iter().map(|f| {
                vec![
                    f.rank.unwrap_or_default().to_string(),
                    cell(&f.title),
                    f.class.clone(),
                    f.level.to_string(),
                    f.stage.clone(),
                    f.status.clone(),
                    f.horizon.clone(),
                    f.rice.clone(),
                    cell(&f.reason),
                ]
            }),
        );
    }
    if !r.closed.is_empty() {
        md.line("\n### Done and dropped\n");
        for f in &r.closed {
            md.line(format!("- {} ({})", inline(&f.title), f.status));
        }
    }
    let mut described = r
        .features
        .iter()
        .filter(|f| !f.description.is_empty())
        .peekable();
    if described.peek().is_some() {
        md.line("\n### Feature details");
        for f in described {
            md.line(format!(
                "\n#### {}. {}\n\n{}",
                f.rank.unwrap_or_default(),
                inline(&f.title),
                f.description.to_markdown(4)
            ));
        }
    }
}

fn teams(md: &mut Md, r: &Report) {
    md.line("\n## Teams\n");
    if let Some(p) = &r.portfolio {
        portfolio(md, p);
        return;
    }
    if r.teams.is_empty() {
        md.line("No teams yet.");
        return;
    }
    md.table(
        "Team | Kind | People | Open features",
        "---|---|---:|---:",
        r.teams.iter().map(|t| {
            vec![
                cell(&t.name),
                t.kind.clone(),
                t.size.to_string(),
                t.features.to_string(),
            ]
        }),
    );
}

/// The board's view: one row per team, the one that needs attention first.
fn portfolio(md: &mut Md, p: &PortfolioSection) {
    md.line(format!(
        "The board's portfolio for {}: {} of funding, {} people planned. The team that needs \
         attention comes first.\n",
        p.quarter,
        inline(&p.funding),
        p.headcount
    ));
    md.table(
        "Team | Mission | KPI | Status | Trend | Funding | People | Share of now",
        "---|---|---|---|---:|---:|---:|---:",
        p.teams.iter().map(|t| {
            let funding = match t.funding_change.as_str() {
                "" => t.funding.clone(),
                change => format!("{} ({change})", t.funding),
            };
            vec![
                format!("{} ({})", cell(&t.name), t.kind.to_lowercase()),
                cell(&t.mission),
                cell(&match t.projection.as_str() {
                    "" => t.kpi.clone(),
                    projection => format!("{}. {projection}", t.kpi),
                }),
                t.status.clone(),
                t.trend.clone(),
                cell(&funding),
                t.headcount.clone(),
                t.now_share.clone(),
            ]
        }),
    );
}

fn plan_check(md: &mut Md, r: &Report) {
    let Some(findings) = &r.findings else {
        return;
    };
    md.line("\n## Plan check\n");
    if findings.is_empty() {
        md.line("No known startup mistakes found.");
    }
    for f in findings {
        md.line(format!(
            "- **{} {}:** {}",
            f.severity,
            f.id,
            inline(&f.message)
        ));
    }
}

fn changes(md: &mut Md, r: &Report) {
    let Some(c) = &r.changes else {
        return;
    };
    md.line(format!(
        "\n## What changed since “{}” ({})\n",
        inline(&c.label),
        c.taken_at
    ));
    if c.lines.is_empty() {
        md.line("Nothing changed.");
    }
    for line in &c.lines {
        md.line(format!("- {}", inline(line)));
    }
}

/// A table cell: one escaped line, never empty (an empty cell is fine, but a dash reads better).
fn cell(text: &str) -> String {
    let t = inline(text);
    if t.is_empty() {
        "—".into()
    } else {
        t
    }
}
