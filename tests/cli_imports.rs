//! `keel import-features` and `keel import-actuals` as a founder runs them: what would change,
//! the change itself, a second run that updates instead of adding, and bad files refused with
//! one sentence, exit 2 and nothing changed.

mod cli_run;
mod fixed_clock;

use cli_run::{assert_one_sentence_error, keel, text};
use std::path::{Path, PathBuf};
use std::process::Output;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("src-tauri/core/tests/fixtures/import")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn sample(dir: &Path) -> String {
    let plan = dir.join("loomline.keel").to_string_lossy().into_owned();
    let out = keel(&["new", &plan, "--sample"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    plan
}

fn features(plan: &str) -> u64 {
    let out = keel(&["info", plan, "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["features"].as_u64().unwrap()
}

/// Refused with exit code 2 and one sentence.
fn refused(out: &Output, says: &str) {
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    assert_one_sentence_error(out, says);
}

#[test]
fn import_features_prints_what_changes_and_a_dry_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample(dir.path());
    let before = std::fs::read(&plan).unwrap();
    let linear = fixture("linear.csv");
    let out = keel(&["import-features", &plan, "--from", &linear, "--dry-run"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    for expected in [
        "From Linear: 7 rows.",
        "Priority                     → Risk level (from priority)",
        "6 to add, 0 to update, 0 unchanged, 1 not imported.",
        "line 8: it has no title",
        "Status “Waiting for design” (line 9): imported as an idea.",
        "Dry run: nothing was changed.",
    ] {
        assert!(said.contains(expected), "{expected:?} in:\n{said}");
    }
    assert_eq!(
        std::fs::read(&plan).unwrap(),
        before,
        "a dry run writes nothing"
    );

    let count = features(&plan);
    let out = keel(&[
        "import-features",
        &plan,
        "--from",
        &linear,
        "--map",
        "Team=none",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("Team                         → (not imported)"),
        "{said}"
    );
    assert!(said.contains("Imported 6 features from Linear."), "{said}");
    assert_eq!(features(&plan), count + 6);

    // The same export again: matched by issue id, nothing to add.
    let out = keel(&["import-features", &plan, "--from", &linear, "--dry-run"]);
    assert!(text(&out.stdout).contains("0 to add, 0 to update, 6 unchanged"));
    // A scheduled re-import of an unchanged export succeeds and writes nothing.
    let before = std::fs::read(&plan).unwrap();
    let out = keel(&[
        "import-features",
        &plan,
        "--from",
        &linear,
        "--map",
        "Team=none",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Nothing new: every row is in the plan already"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(std::fs::read(&plan).unwrap(), before);
    let out = keel(&["log", &plan]);
    assert!(text(&out.stdout).contains("Imported 6 features from Linear"));
}

#[test]
fn import_actuals_asks_for_the_date_order_when_the_file_does_not_tell() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample(dir.path());
    let us = fixture("revenue-us.csv");
    let out = keel(&["import-actuals", &plan, "--from", &us]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("Actuals: dates from “Month”, values from “MRR”; 4 rows, monthly."),
        "{said}"
    );
    assert!(said.contains("Dates read as month/day/year."), "{said}");
    assert!(said.contains("Imported 4 actuals."), "{said}");
    let again = keel(&["import-actuals", &plan, "--from", &us]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(
        text(&again.stdout).contains("Nothing new"),
        "{}",
        text(&again.stdout)
    );

    let ambiguous = fixture("revenue-ambiguous.csv");
    let before = std::fs::read(&plan).unwrap();
    let out = keel(&["import-actuals", &plan, "--from", &ambiguous]);
    refused(&out, "choose day/month or month/day");
    assert!(text(&out.stdout).contains("say --dates dmy or --dates mdy"));
    assert_eq!(std::fs::read(&plan).unwrap(), before);
    let out = keel(&[
        "import-actuals",
        &plan,
        "--from",
        &ambiguous,
        "--dates",
        "dmy",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Imported 2 actuals."));
}

#[test]
fn unreadable_files_and_bad_mappings_exit_2_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample(dir.path());
    let before = std::fs::read(&plan).unwrap();
    let bad = dir.path().join("latin1.csv");
    std::fs::write(&bad, b"Title\nCaf\xe9 au lait\n").unwrap();
    let bad = bad.to_string_lossy().into_owned();
    refused(
        &keel(&["import-features", &plan, "--from", &bad]),
        "not UTF-8 text (line 2)",
    );
    refused(
        &keel(&["import-actuals", &plan, "--from", &bad]),
        "not UTF-8 text (line 2)",
    );
    let missing = dir
        .path()
        .join("missing.csv")
        .to_string_lossy()
        .into_owned();
    refused(
        &keel(&["import-features", &plan, "--from", &missing]),
        "cannot be read",
    );
    let linear = fixture("linear.csv");
    refused(
        &keel(&[
            "import-features",
            &plan,
            "--from",
            &linear,
            "--map",
            "Nope=title",
        ]),
        "the file has no column “Nope”",
    );
    refused(
        &keel(&[
            "import-features",
            &plan,
            "--from",
            &linear,
            "--map",
            "Title=colour",
        ]),
        "“colour” is not a field",
    );
    assert_eq!(std::fs::read(&plan).unwrap(), before, "nothing changed");
}

#[test]
fn import_features_says_the_title_it_chose_and_takes_statuses_and_archived_cards_as_told() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample(dir.path());
    let notion = fixture("notion-category.csv");
    let out = keel(&["import-features", &plan, "--from", &notion, "--dry-run"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("Note: No column is named as a title: “Category” is taken as the title"),
        "{said}"
    );
    assert!(
        said.contains("--status \"クローズ=…\""),
        "the command line says how to choose: {said}"
    );
    let out = keel(&[
        "import-features",
        &plan,
        "--from",
        &notion,
        "--status",
        "クローズ=done",
        "--status",
        "Niet begonnen=in progress",
        "--status",
        "やりたいこと=idea",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!text(&out.stdout).contains("Statuses Keel does not know"));
    let file = keel_core::PlanFile::open_with(Path::new(&plan), keel_core::Mode::Inspect).unwrap();
    let status = |title: &str| {
        file.features()
            .unwrap()
            .into_iter()
            .find(|f| f.data.title == title)
            .unwrap()
            .data
            .status
    };
    assert_eq!(status("Gift cards"), keel_core::domain::FeatureStatus::Done);
    assert_eq!(
        status("Studio directory"),
        keel_core::domain::FeatureStatus::InProgress
    );
    let bad = keel(&[
        "import-features",
        &plan,
        "--from",
        &notion,
        "--status",
        "クローズ=finished",
    ]);
    assert!(!bad.status.success());
    assert!(
        text(&bad.stderr).contains("is not a status"),
        "{}",
        text(&bad.stderr)
    );

    let trello = fixture("trello.json");
    let out = keel(&["import-features", &plan, "--from", &trello, "--dry-run"]);
    assert!(
        text(&out.stdout).contains("2 archived cards are left out"),
        "{}",
        text(&out.stdout)
    );
    let out = keel(&[
        "import-features",
        &plan,
        "--from",
        &trello,
        "--include-archived",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Imported 5 features from Trello."),
        "{}",
        text(&out.stdout)
    );
}
