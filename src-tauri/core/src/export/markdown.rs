//! The plan as GitHub-flavoured Markdown. All user text goes through `escape`; the output is
//! the same bytes for the same report.

use super::escape::{block, inline};
use super::report::Report;
use std::fmt::Write;

pub fn render(r: &Report) -> String {
    let mut md = String::new();
    let w = &mut md;
    let _ = writeln!(w, "# {}", inline(&r.company));
    if !r.tagline.is_empty() {
        let _ = writeln!(w, "\n*{}*", inline(&r.tagline));
    }
    let _ = writeln!(
        w,
        "\nStrategy and roadmap as of {} · Stage: {} · Plan started {}",
        r.date, r.stage, r.plan_start
    );

    section(w, "Vision", &r.vision);
    section(w, "Strategy", &r.strategy);

    let _ = writeln!(w, "\n## Lean Canvas\n\n| Box | Content |\n|---|---|");
    for b in &r.canvas {
        let _ = writeln!(w, "| {} | {} |", b.label, cell(&b.text));
    }

    let _ = writeln!(w, "\n## Traction");
    match &r.goal {
        None => {
            let _ = writeln!(w, "\nNo traction goal is set yet.");
        }
        Some(g) => {
            let _ = writeln!(
                w,
                "\n**Minimum Success Criteria:** {} by {} · {}",
                inline(&g.msc),
                g.deadline,
                inline(&g.metric)
            );
            let _ = writeln!(w, "\n| Figure | Value | What it means |\n|---|---:|---|");
            for f in &g.figures {
                let _ = writeln!(
                    w,
                    "| {} | {} | {} |",
                    f.label,
                    inline(&f.value),
                    f.explanation
                );
            }
        }
    }
    let _ = writeln!(w, "\n{}", inline(&r.traction_summary));
    if !r.ladder.is_empty() {
        let _ = writeln!(
            w,
            "\n### Milestones (10x ladder)\n\n| Milestone | Date | Target |\n|---|---|---:|"
        );
        for m in &r.ladder {
            let _ = writeln!(
                w,
                "| {} | {} | {} |",
                cell(&m.name),
                m.date,
                inline(&m.target)
            );
        }
    }
    if !r.actuals.is_empty() {
        let _ = writeln!(w, "\n### Actuals\n\n| Date | Actual | Expected | Progress | Status |\n|---|---:|---:|---:|---|");
        for a in &r.actuals {
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} | {} |",
                a.date,
                inline(&a.value),
                inline(&a.expected),
                a.progress,
                a.status
            );
        }
    }
    if !r.factory.is_empty() {
        let _ = writeln!(w, "\n### Customer factory (latest week)\n\n| Step | Count | Conversion | |\n|---|---:|---:|---|");
        for f in &r.factory {
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} |",
                f.step,
                f.count,
                f.conversion,
                if f.bottleneck { "**Bottleneck**" } else { "" }
            );
        }
    }

    let _ = writeln!(w, "\n## Roadmap");
    for h in &r.roadmap {
        let _ = writeln!(w, "\n### {}", h.horizon);
        if h.stages.is_empty() {
            let _ = writeln!(w, "\nNothing planned.");
        }
        for s in &h.stages {
            let _ = writeln!(w, "\n**{}**\n", s.stage);
            for title in &s.features {
                let _ = writeln!(w, "- {}", inline(title));
            }
        }
    }

    let _ = writeln!(w, "\n## Priorities (risk first)\n");
    if r.features.is_empty() {
        let _ = writeln!(w, "No open features.");
    } else {
        let _ = writeln!(w, "| # | Feature | Risk | Level | Stage | Status | Horizon | RICE | Why |\n|---:|---|---|---:|---|---|---|---:|---|");
        for f in &r.features {
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                f.rank.unwrap_or_default(),
                cell(&f.title),
                f.class,
                f.level,
                f.stage,
                f.status,
                f.horizon,
                f.rice,
                cell(&f.reason)
            );
        }
    }
    if !r.closed.is_empty() {
        let _ = writeln!(w, "\n### Done and dropped\n");
        for f in &r.closed {
            let _ = writeln!(w, "- {} ({})", inline(&f.title), f.status);
        }
    }
    let described: Vec<_> = r
        .features
        .iter()
        .filter(|f| !f.description.trim().is_empty())
        .collect();
    if !described.is_empty() {
        let _ = writeln!(w, "\n### Feature details");
        for f in described {
            let _ = writeln!(
                w,
                "\n#### {}. {}\n\n{}",
                f.rank.unwrap_or_default(),
                inline(&f.title),
                block(&f.description)
            );
        }
    }

    let _ = writeln!(w, "\n## Teams\n");
    if r.teams.is_empty() {
        let _ = writeln!(w, "No teams yet.");
    } else {
        let _ = writeln!(
            w,
            "| Team | Kind | People | Open features |\n|---|---|---:|---:|"
        );
        for t in &r.teams {
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} |",
                cell(&t.name),
                t.kind,
                t.size,
                t.features
            );
        }
    }

    let _ = writeln!(w, "\n## Plan check\n");
    if r.findings.is_empty() {
        let _ = writeln!(w, "No known startup mistakes found.");
    }
    for f in &r.findings {
        let _ = writeln!(w, "- **{} {}:** {}", f.severity, f.id, inline(&f.message));
    }

    if let Some(c) = &r.changes {
        let _ = writeln!(
            w,
            "\n## What changed since “{}” ({})\n",
            inline(&c.label),
            c.taken_at
        );
        if c.lines.is_empty() {
            let _ = writeln!(w, "Nothing changed.");
        }
        for line in &c.lines {
            let _ = writeln!(w, "- {}", inline(line));
        }
    }
    md
}

fn section(w: &mut String, title: &str, text: &str) {
    let _ = writeln!(w, "\n## {title}\n");
    if text.trim().is_empty() {
        let _ = writeln!(w, "Not written yet.");
    } else {
        let _ = writeln!(w, "{}", block(text));
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
