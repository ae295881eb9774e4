//! A founding team's command line: versions marked and reported against, a teammate's copy or
//! change file merged, a plan synced through a shared folder, and the investor update since a
//! version.

mod cli_run;
mod fixed_clock;
mod teammate;

use cli_run::{assert_one_sentence_error, keel, keel_with_input, text};

#[test]
fn versions_are_marked_listed_and_reported_against() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("s.keel");
    let path = plan.to_str().unwrap();
    assert!(keel(&["new", path, "--sample"]).status.success());
    let marked = keel(&["version", path, "Board meeting"]);
    assert!(marked.status.success(), "{}", text(&marked.stderr));
    assert!(text(&marked.stdout).starts_with("Marked version “Board meeting”"));
    let info = text(&keel(&["info", path]).stdout);
    assert!(info.contains("Versions:          1"), "{info}");
    assert!(
        info.contains("History:           2 changes, 0 since “Board meeting”"),
        "{info}"
    );
    assert!(
        info.contains("  Board meeting (2026-11-27T10:00:00Z, "),
        "{info}"
    );

    let log = text(&keel(&["log", path]).stdout);
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 3, "{log}");
    assert!(lines[0].ends_with("2 changes"), "{log}");
    assert_eq!(
        lines[1],
        "2026-11-27T10:00:00Z  dana                 Marked version “Board meeting”"
    );
    assert!(lines[2].ends_with("Created the sample plan"), "{log}");
    let json: serde_json::Value =
        serde_json::from_slice(&keel(&["log", path, "--json"]).stdout).unwrap();
    assert_eq!(json[0]["author"], "dana");
    assert_eq!(json[1]["label"], "Created the sample plan");
    let since = text(&keel(&["log", path, "--since", "Board meeting"]).stdout);
    assert!(
        since.contains("changes since “Board meeting”: 0"),
        "{since}"
    );

    let out = dir.path().join("since.md");
    let run = keel(&[
        "export",
        path,
        "--format",
        "md",
        "--out",
        out.to_str().unwrap(),
        "--since",
        "Board meeting",
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("What changed since “Board meeting”"));
    assert_one_sentence_error(
        &keel(&["log", path, "--since", "No such version"]),
        "There is no version with id No such version",
    );
    assert_one_sentence_error(&keel(&["version", path, "  "]), "Version name");
}

#[test]
fn merge_brings_in_a_teammates_copy_or_change_file_and_refuses_another_plan() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let (mine, theirs) = (at("mine.keel"), at("theirs.keel"));
    assert!(keel(&["new", &mine, "--sample"]).status.success());
    std::fs::copy(&mine, &theirs).unwrap();
    assert!(keel(&["version", &theirs, "Dana's draft"]).status.success());

    let merged = keel(&["merge", &mine, &theirs]);
    assert!(merged.status.success(), "{}", text(&merged.stderr));
    assert_eq!(
        text(&merged.stdout).lines().nth(1),
        Some("dana: 1 change — Marked version “Dana's draft”")
    );
    let again = text(&keel(&["merge", &mine, &theirs]).stdout);
    assert!(
        again.contains("Nothing new: this plan already had every change."),
        "{again}"
    );

    assert!(keel(&["version", &theirs, "Second draft"]).status.success());
    let changes = at("dana.keelchanges");
    let wrote = keel(&["changes", &theirs, "--for", &mine, "--out", &changes]);
    assert!(wrote.status.success(), "{}", text(&wrote.stderr));
    assert!(
        text(&wrote.stdout).starts_with("Wrote "),
        "{}",
        text(&wrote.stdout)
    );
    let bytes = std::fs::read(&changes).unwrap();
    let cut = at("cut.keelchanges");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    assert_one_sentence_error(
        &keel(&["merge", &mine, &cut]),
        "the change file is damaged or incomplete",
    );
    let merged = text(&keel(&["merge", &mine, &changes]).stdout);
    assert!(
        merged.contains("dana: 1 change — Marked version “Second draft”"),
        "{merged}"
    );
    let info = text(&keel(&["info", &mine]).stdout);
    assert!(info.contains("Versions:          2"), "{info}");

    let other = at("other.keel");
    assert!(keel(&["new", &other]).status.success());
    let before = std::fs::read(&mine).unwrap();
    assert_one_sentence_error(
        &keel(&["merge", &mine, &other]),
        "is a copy of another plan, not of this one",
    );
    assert_eq!(std::fs::read(&mine).unwrap(), before);
}

#[test]
fn sync_writes_this_copys_changes_to_the_folder_and_takes_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    std::fs::create_dir(dir.path().join("shared")).unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    let (mine, theirs, shared) = (at("plans/mine.keel"), at("plans/theirs.keel"), at("shared"));
    assert!(keel(&["new", &mine, "--sample"]).status.success());
    std::fs::copy(&mine, &theirs).unwrap();
    let linked = keel(&["sync", &theirs, &shared]);
    assert!(linked.status.success(), "{}", text(&linked.stderr));
    assert!(
        text(&linked.stdout).contains("The folder already had every change of this copy."),
        "the folder starts where the first copy is: {}",
        text(&linked.stdout)
    );
    assert!(keel(&["version", &theirs, "Dana's draft"]).status.success());

    let first = keel(&["sync", &theirs, &shared]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let said = text(&first.stdout);
    assert!(said.contains("Wrote this copy's new changes: "), "{said}");
    let second = text(&keel(&["sync", &mine, &shared]).stdout);
    assert!(
        second.contains("dana: 1 change — Marked version “Dana's draft”"),
        "{second}"
    );
    let again = text(&keel(&["sync", &mine, &shared]).stdout);
    assert!(again.contains("Nothing new from the folder."), "{again}");
    assert!(
        again.contains("The folder already had every change of this copy."),
        "{again}"
    );
    assert_one_sentence_error(
        &keel(&["sync", &mine, &at("plans")]),
        "does not hold the plan file",
    );
}

#[test]
fn merge_says_what_a_teammate_set_at_the_same_time() {
    use keel_core::domain::Horizon;
    let dir = tempfile::tempdir().unwrap();
    let (mine, theirs) = (dir.path().join("mine.keel"), dir.path().join("theirs.keel"));
    assert!(keel(&["new", mine.to_str().unwrap(), "--sample"])
        .status
        .success());
    std::fs::copy(&mine, &theirs).unwrap();
    let now = keel_core::PlanFile::open(&mine)
        .unwrap()
        .features()
        .unwrap()[0]
        .data
        .horizon;
    let others: Vec<Horizon> = [Horizon::Now, Horizon::Next, Horizon::Later]
        .into_iter()
        .filter(|h| *h != now)
        .collect();
    teammate::moves_first_feature(&mine, others[0], "Ali");
    teammate::moves_first_feature(&theirs, others[1], "Dana");

    let merged = keel(&["merge", mine.to_str().unwrap(), theirs.to_str().unwrap()]);
    assert!(merged.status.success(), "{}", text(&merged.stderr));
    let said = text(&merged.stdout);
    assert!(said.contains("At the same time: "), "{said}");
    assert!(
        said.contains("'s ‘") && said.contains("replaced"),
        "says whose value replaced whose: {said}"
    );
    assert!(said.contains("Settle them in Keel's History"), "{said}");
}

#[test]
fn sync_tells_a_copy_older_than_the_folder_and_a_full_copy_brings_it_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    let (mine, theirs, shared) = (at("plans/mine.keel"), at("plans/theirs.keel"), at("shared"));
    assert!(keel(&["new", &mine, "--sample"]).status.success());
    std::fs::copy(&mine, &theirs).unwrap();
    assert!(keel(&["version", &theirs, "Dana's draft"]).status.success());
    assert!(keel(&["sync", &theirs, &shared]).status.success());

    let behind = text(&keel(&["sync", &mine, &shared]).stdout);
    assert!(
        behind.contains("This copy is older than where the folder starts"),
        "{behind}"
    );
    let full = keel(&["sync", &theirs, &shared, "--full-copy"]);
    assert!(full.status.success(), "{}", text(&full.stderr));
    assert!(
        text(&full.stdout).contains("Wrote the plan's whole history for newcomers: "),
        "{}",
        text(&full.stdout)
    );
    let caught = text(&keel(&["sync", &mine, &shared]).stdout);
    assert!(caught.contains("Marked version “Dana's draft”"), "{caught}");
    assert!(!caught.contains("older than"), "{caught}");
}

#[test]
fn export_update_writes_the_investor_update_since_a_version_as_pdf_or_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let plan = at("acme.keel");
    assert!(keel(&["new", &plan, "--sample"]).status.success());
    assert_one_sentence_error(
        &keel(&["export", &plan, "--format", "update", "--out", &at("u.pdf")]),
        "mark a version first",
    );
    assert!(keel(&["version", &plan, "Board meeting"]).status.success());
    let md = keel(&[
        "export",
        &plan,
        "--format",
        "update",
        "--since",
        "Board meeting",
        "--out",
        &at("u.md"),
    ]);
    assert!(md.status.success(), "{}", text(&md.stderr));
    let written = std::fs::read_to_string(at("u.md")).unwrap();
    assert!(
        written.starts_with("# Loomline — investor update"),
        "{written}"
    );
    let pdf = keel(&["export", &plan, "--format", "update", "--out", &at("u.pdf")]);
    assert!(pdf.status.success(), "{}", text(&pdf.stderr));
    assert!(std::fs::read(at("u.pdf")).unwrap().starts_with(b"%PDF"));
}

#[test]
fn a_sealed_folder_syncs_and_merges_only_with_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    std::fs::create_dir(dir.path().join("shared")).unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    let (mine, theirs, shared) = (at("plans/mine.keel"), at("plans/theirs.keel"), at("shared"));
    assert!(keel(&["new", &mine, "--sample"]).status.success());
    std::fs::copy(&mine, &theirs).unwrap();
    let pass = "a passphrase the team shares\n";

    assert_one_sentence_error(
        &keel_with_input(&["seal", &theirs, &shared], "short\n"),
        "Passphrase: must be at least 10 characters",
    );
    let sealed = keel_with_input(&["seal", &theirs, &shared], pass);
    assert!(sealed.status.success(), "{}", text(&sealed.stderr));
    assert!(
        text(&sealed.stdout).starts_with("Sealed "),
        "{}",
        text(&sealed.stdout)
    );
    let linked = keel_with_input(&["sync", &theirs, &shared], pass);
    assert!(linked.status.success(), "{}", text(&linked.stderr));
    assert!(keel(&["version", &theirs, "Dana's draft"]).status.success());
    let wrote = keel_with_input(&["sync", &theirs, &shared], pass);
    assert!(wrote.status.success(), "{}", text(&wrote.stderr));

    // Without the passphrase, or with a wrong one: said, and nothing is read or written.
    let before = std::fs::read(&mine).unwrap();
    assert_one_sentence_error(
        &keel_with_input(&["sync", &mine, &shared], "not the passphrase\n"),
        "That passphrase does not open this sync folder",
    );
    assert_eq!(std::fs::read(&mine).unwrap(), before);
    let took = keel_with_input(&["sync", &mine, &shared], pass);
    let said = text(&took.stdout);
    assert!(
        said.contains("dana: 1 change — Marked version “Dana's draft”"),
        "{said}{}",
        text(&took.stderr)
    );

    // A sealed change file from the folder merges by hand with the passphrase.
    let name = text(&wrote.stdout)
        .lines()
        .find_map(|l| {
            l.strip_prefix("Wrote this copy's new changes: ")
                .map(str::to_string)
        })
        .expect("the change file's name");
    let folder = std::fs::read_dir(dir.path().join("shared"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let file = folder.join(name);
    let fresh = at("plans/fresh.keel");
    std::fs::write(&fresh, &before).unwrap();
    let fresh_before = std::fs::read(&fresh).unwrap();
    assert_one_sentence_error(
        &keel_with_input(
            &["merge", &fresh, file.to_str().unwrap()],
            "wrong passphrase\n",
        ),
        "That passphrase does not open this change file",
    );
    assert_eq!(std::fs::read(&fresh).unwrap(), fresh_before);
    let merged = keel_with_input(&["merge", &fresh, file.to_str().unwrap()], pass);
    assert!(
        text(&merged.stdout).contains("dana: 1 change"),
        "{}{}",
        text(&merged.stdout),
        text(&merged.stderr)
    );
}
