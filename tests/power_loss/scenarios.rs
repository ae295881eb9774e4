//! What the power-loss driver crashes: each scenario prepares a folder (on the real disk), runs
//! one kind of write in it (in a child process, on the power-loss file system, reporting each
//! write that returned success), and checks what a crash at any moment left.

use keel::settings::{self, Settings};
use keel_core::domain::{ActualData, FeatureData, RiskClass};
use keel_core::io::export::{self, ExportFormat};
use keel_core::sync::Since;
use keel_core::{Mode, PlanFile};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const PLAN: &str = "plan.keel";
pub const DATA: &str = "data";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    Edits,
    SaveAs,
    Exports,
    Import,
    Merge,
    RecentPlans,
    Settings,
    Migration,
}

pub const ALL: [Scenario; 8] = [
    Scenario::Edits,
    Scenario::SaveAs,
    Scenario::Exports,
    Scenario::Import,
    Scenario::Merge,
    Scenario::RecentPlans,
    Scenario::Settings,
    Scenario::Migration,
];

const EXPORTS: [(&str, ExportFormat); 6] = [
    ("plan.md", ExportFormat::Markdown),
    ("plan.pdf", ExportFormat::Pdf),
    ("plan.json", ExportFormat::Json),
    ("plan.csv", ExportFormat::Csv),
    ("update.pdf", ExportFormat::UpdatePdf),
    ("update.md", ExportFormat::UpdateMarkdown),
];
const OLD: &[u8] = b"the previous export\n";
const STEPS: usize = 3;
/// The plan the recent list names before the run.
const FIRST_RECENT: &str = "/plans/first.keel";

impl Scenario {
    pub fn name(self) -> String {
        format!("{self:?}")
    }

    pub fn from_name(name: &str) -> Option<Scenario> {
        ALL.into_iter().find(|s| s.name() == name)
    }

    /// Writes the folder the scenario starts from.
    pub fn prepare(self, dir: &Path) {
        std::fs::create_dir_all(dir.join(DATA)).unwrap();
        let plan = dir.join(PLAN);
        let today = crate::fixed_clock::today();
        match self {
            Scenario::Edits => drop(keel_core::create_empty_plan(&plan, "Acme", today).unwrap()),
            Scenario::Migration => {
                std::fs::copy(fixture("plan-v1.keel"), &plan).unwrap();
            }
            _ => drop(keel_core::samples::create_sample_plan(&plan, today).unwrap()),
        }
        match self {
            Scenario::Exports => {
                PlanFile::open(&plan)
                    .unwrap()
                    .mark_version("Board meeting", "Ali")
                    .unwrap();
                for (name, _) in EXPORTS {
                    std::fs::write(dir.join(name), OLD).unwrap();
                }
            }
            Scenario::Import => {
                let json = export::json::render(&PlanFile::open(&plan).unwrap()).unwrap();
                std::fs::write(dir.join("export.json"), json).unwrap();
            }
            Scenario::Merge => {
                let theirs = dir.join("theirs.keel");
                std::fs::copy(&plan, &theirs).unwrap();
                let mut copy = PlanFile::open(&theirs).unwrap();
                copy.create_feature(FeatureData::new("Offline mode", RiskClass::Technical))
                    .unwrap();
                let bytes = copy.changes_file(Since::Copy(&plan)).unwrap();
                drop(copy);
                std::fs::remove_file(&theirs).unwrap();
                std::fs::write(dir.join("theirs.keelchanges"), bytes).unwrap();
            }
            Scenario::RecentPlans => {
                let list = serde_json::to_vec_pretty(&[Path::new(FIRST_RECENT)]).unwrap();
                std::fs::write(dir.join(DATA).join("recent.json"), list).unwrap();
            }
            Scenario::Settings => {
                settings::write(&dir.join(DATA), &author("Old name")).unwrap();
            }
            _ => {}
        }
    }

    /// Runs the writes in `dir`, calling `report` after each that returned success.
    pub fn run(self, dir: &Path, report: &mut dyn FnMut(String)) {
        let plan = dir.join(PLAN);
        let today = crate::fixed_clock::today();
        match self {
            Scenario::Edits => {
                let mut file = PlanFile::open(&plan).unwrap();
                for i in 0..4 {
                    let title = format!("Edit {i}");
                    let mut data = FeatureData::new(&title, RiskClass::Business);
                    data.description = "x".repeat(i * 900);
                    file.create_feature(data).unwrap();
                    report(format!("COMMITTED {title}"));
                }
                file.insert(ActualData {
                    date: today,
                    value: 42.0,
                })
                .unwrap();
                report("COMMITTED actual".to_string());
            }
            Scenario::SaveAs => {
                PlanFile::open(&plan)
                    .unwrap()
                    .save_as(&dir.join("Copy.keel"))
                    .unwrap();
                report("DONE Copy.keel".to_string());
            }
            Scenario::Exports => {
                let file = PlanFile::open(&plan).unwrap();
                for (name, format) in EXPORTS {
                    export::export_to(&file, format, today, None, &dir.join(name)).unwrap();
                    report(format!("DONE {name}"));
                }
            }
            Scenario::Import => {
                export::json::import(&dir.join("Imported.keel"), &dir.join("export.json")).unwrap();
                report("DONE Imported.keel".to_string());
            }
            Scenario::Merge => {
                let mut file = PlanFile::open(&plan).unwrap();
                file.merge_path(&dir.join("theirs.keelchanges")).unwrap();
                report("COMMITTED Offline mode".to_string());
            }
            Scenario::RecentPlans => {
                for i in 0..STEPS {
                    keel::session::remember(&dir.join(DATA), &dir.join(format!("p{i}.keel")));
                    // `remember` keeps going when it cannot write; the list read back says.
                    let first = keel::session::recent(&dir.join(DATA)).first().cloned();
                    if first == Some(dir.join(format!("p{i}.keel"))) {
                        report(format!("DONE {i}"));
                    }
                }
            }
            Scenario::Settings => {
                for i in 0..STEPS {
                    settings::write(&dir.join(DATA), &author(&format!("Founder {i}"))).unwrap();
                    report(format!("DONE {i}"));
                }
            }
            Scenario::Migration => {
                drop(PlanFile::open(&plan).unwrap());
                report("DONE migrated".to_string());
            }
        }
    }

    /// Checks the files a crash left in `disk`, before the next start touches them; `ran_in`
    /// is the folder the run saw (the mount), `reference` the files a run without a crash left.
    pub fn check_files(
        self,
        disk: &Path,
        ran_in: &Path,
        reported: &[String],
        reference: &BTreeMap<PathBuf, Vec<u8>>,
    ) -> Result<(), String> {
        let done = |what: &str| reported.iter().any(|l| l == &format!("DONE {what}"));
        match self {
            Scenario::Exports => {
                for (name, _) in EXPORTS {
                    let now = std::fs::read(disk.join(name))
                        .map_err(|e| format!("{name} is gone: {e}"))?;
                    let new = &reference[Path::new(name)];
                    if done(name) && &now != new {
                        return Err(format!("{name} was reported written but is not complete"));
                    }
                    if now != OLD && &now != new {
                        return Err(format!(
                            "{name} is neither the old nor the new export ({} bytes)",
                            now.len()
                        ));
                    }
                }
            }
            Scenario::RecentPlans => {
                let bytes = std::fs::read(disk.join(DATA).join("recent.json"))
                    .map_err(|e| format!("the recent list is gone: {e}"))?;
                let list: Vec<PathBuf> = serde_json::from_slice(&bytes)
                    .map_err(|e| format!("the recent list is not whole: {e}"))?;
                let last_done = (0..STEPS).rev().find(|i| done(&i.to_string()));
                let states = recent_states(ran_in);
                let at = states.iter().position(|s| s == &list).ok_or_else(|| {
                    format!("the recent list is none of the lists written: {list:?}")
                })?;
                if let Some(i) = last_done {
                    if at < i + 1 {
                        return Err(format!("step {i} was reported but the list is older"));
                    }
                }
            }
            Scenario::Settings => {
                let bytes = std::fs::read(disk.join(DATA).join("settings.json"))
                    .map_err(|e| format!("the settings are gone: {e}"))?;
                let read: Settings = serde_json::from_slice(&bytes)
                    .map_err(|e| format!("the settings are not whole: {e}"))?;
                let name = read.author.unwrap_or_default();
                let step = name
                    .strip_prefix("Founder ")
                    .and_then(|n| n.parse::<usize>().ok());
                if step.is_none() && name != "Old name" {
                    return Err(format!("the settings hold a name never written: {name}"));
                }
                if let Some(i) = (0..STEPS).rev().find(|i| done(&i.to_string())) {
                    if step.is_none_or(|s| s < i) {
                        return Err(format!("settings {i} were reported saved, found {name}"));
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Checks the plan and the new plan files after the next start opened the plan.
    pub fn check_plans(
        self,
        disk: &Path,
        file: &PlanFile,
        reported: &[String],
        expected_features: usize,
    ) -> Result<(), String> {
        let titles: Vec<String> = file
            .features()
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(|f| f.data.title)
            .collect();
        for line in reported {
            if let Some(title) = line.strip_prefix("COMMITTED ") {
                let present = if title == "actual" {
                    !file
                        .list::<ActualData>()
                        .map_err(|e| e.to_string())?
                        .is_empty()
                } else {
                    titles.iter().any(|t| t == title)
                };
                if !present {
                    return Err(format!("“{title}” was reported committed and is lost"));
                }
            }
        }
        let new_plan = match self {
            Scenario::SaveAs => Some("Copy.keel"),
            Scenario::Import => Some("Imported.keel"),
            _ => None,
        };
        if let Some(name) = new_plan {
            let path = disk.join(name);
            let done = reported.iter().any(|l| l == &format!("DONE {name}"));
            if path.exists() {
                let copy = PlanFile::open_with(&path, Mode::Inspect)
                    .map_err(|e| format!("{name} exists but does not open: {e}"))?;
                let check = copy.integrity_check().map_err(|e| e.to_string())?;
                let features = copy.features().map_err(|e| e.to_string())?.len();
                if check != "ok" || features != expected_features {
                    return Err(format!(
                        "{name} is not whole: {check}, {features} of {expected_features} features"
                    ));
                }
            } else if done {
                return Err(format!("{name} was reported written and is missing"));
            }
        }
        if self == Scenario::Migration && titles.len() != expected_features {
            return Err(format!(
                "the migrated plan holds {} of {expected_features} features",
                titles.len()
            ));
        }
        Ok(())
    }
}

fn author(name: &str) -> Settings {
    Settings {
        author: Some(name.to_string()),
        ..Settings::default()
    }
}

/// The recent list before the run and after each of its steps, as the run wrote them.
fn recent_states(ran_in: &Path) -> Vec<Vec<PathBuf>> {
    let mut list = vec![PathBuf::from(FIRST_RECENT)];
    let mut states = vec![list.clone()];
    for i in 0..STEPS {
        list.insert(0, ran_in.join(format!("p{i}.keel")));
        states.push(list.clone());
    }
    states
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src-tauri/core/tests/fixtures")
        .join(name)
}
