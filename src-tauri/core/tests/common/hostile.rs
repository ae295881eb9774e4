//! A plan whose every text field holds something that would break Markdown, HTML, Typst or CSV
//! if it were spliced in rather than escaped.

use keel_core::domain::*;
use keel_core::PlanFile;
use std::path::Path;

pub const HOSTILE: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "closing ] bracket",
    "math $x^2$ here",
    "@ref and <label>",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "pipe | in | cell",
    "*stars* and _underscores_",
    "[a link](http://example.com)",
    "`code` and ```fences```",
    "1. not a list",
    "# not a heading",
    "שלום עולם مرحبا",
    "🚀 launch 🎉",
    "中文字符 日本語",
];

/// A long description: 20,000 characters of words.
pub fn long_text() -> String {
    let words = "founders measure traction before they scale the technology ";
    let mut s = words.repeat(20_000 / words.len() + 1);
    s.truncate(20_000);
    s.trim_end().to_string()
}

pub fn hostile_plan(path: &Path) -> PlanFile {
    let mut file = keel_core::create_empty_plan(
        path,
        "Hostile <b>Co</b> | #1",
        chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
    )
    .unwrap();
    let mut plan = file.plan().unwrap().data;
    plan.tagline = HOSTILE[0].to_string();
    plan.vision = HOSTILE.join("\n");
    plan.strategy = "line one\n\n- dash\n+ plus\n= equals\n> quote\n    indented code".to_string();
    file.update_plan(plan).unwrap();
    file.update_canvas(LeanCanvas {
        problem: HOSTILE[6].into(),
        solution: HOSTILE[4].into(),
        ..LeanCanvas::default()
    })
    .unwrap();
    for (i, text) in HOSTILE.iter().enumerate() {
        let mut f = FeatureData::new(text, RiskClass::ALL[i % 3]);
        f.description = format!("{text}\nsecond line | with pipe");
        f.horizon = Horizon::ALL[i % 3];
        file.create_feature(f).unwrap();
    }
    let mut long = FeatureData::new("The long one", RiskClass::Business);
    long.description = long_text();
    file.create_feature(long).unwrap();
    let mut team = TeamData::new(HOSTILE[6], TeamKind::Product, 6);
    team.mission = HOSTILE[5].into();
    file.insert(team).unwrap();
    file
}
