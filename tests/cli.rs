//! The command line as a founder runs it: `keel new` and `keel info`, and their errors (one
//! sentence on stderr, a non-zero exit, nothing half-written).

mod fixed_clock;
mod teammate;

use std::path::Path;
use std::process::{Command, Output};

fn keel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_keel"))
        .args(args)
        .env(fixed_clock::VAR, fixed_clock::AT)
        .env("USER", "dana")
        .output()
        .expect("the keel binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A failure prints exactly one line on stderr, starting with "keel: ".
fn assert_one_sentence_error(out: &Output, says: &str) {
    assert!(!out.status.success(), "the command must fail");
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "one line on stderr, got {err:?}");
    assert!(
        err.starts_with("keel: ") && err.contains(says),
        "{err:?} must say {says:?}"
    );
}

#[test]
fn new_sample_then_info_describes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("loomline.keel");
    let plan_arg = plan.to_str().unwrap();
    let out = keel(&["new", plan_arg, "--sample"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("for Loomline"));

    let out = keel(&["info", plan_arg]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let info = text(&out.stdout);
    let format = format!("Plan format:       {}", keel_core::storage::SCHEMA_VERSION);
    for expected in [
        "Company:           Loomline",
        format.as_str(),
        "Integrity:         ok",
        "Features:          24",
        "Teams:             1",
    ] {
        assert!(
            info.contains(expected),
            "info must show {expected:?}:\n{info}"
        );
    }

    let out = keel(&["info", plan_arg, "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("--json prints JSON");
    assert_eq!(json["features"], 24);
    assert_eq!(json["integrity"], "ok");
}

#[test]
fn new_without_sample_names_the_company_after_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = keel(&["new", dir.path().join("Acme Robotics").to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let plan = dir.path().join("Acme Robotics.keel");
    assert!(plan.exists(), "the .keel extension is added");
    let file = keel_core::PlanFile::open_with(&plan, keel_core::Mode::Inspect).unwrap();
    assert_eq!(file.plan().unwrap().data.company_name, "Acme Robotics");
    assert!(file.features().unwrap().is_empty());

    let out = keel(&["new", dir.path().join("Acme.v2").to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        dir.path().join("Acme.v2.keel").exists(),
        "a name with a dot still gets .keel, as in the app's dialogs"
    );
    assert!(text(&out.stdout).contains("Acme.v2.keel"), "it says where");
}

#[test]
fn new_refuses_to_overwrite_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("mine.keel");
    std::fs::write(&plan, "precious").unwrap();
    let out = keel(&["new", plan.to_str().unwrap(), "--sample"]);
    assert_one_sentence_error(&out, "already exists");
    assert_eq!(std::fs::read(&plan).unwrap(), b"precious");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file is left"
    );
}

#[test]
fn new_with_an_invalid_name_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("x.keel");
    let long = "n".repeat(121);
    let out = keel(&["new", plan.to_str().unwrap(), "--name", &long]);
    assert_one_sentence_error(&out, "Company name: must be at most 120 characters");
    assert!(!plan.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing half-written"
    );
}

#[test]
fn names_windows_cannot_hold_are_refused_on_every_system_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("Q3: plan.keel");
    let out = keel(&["new", plan.to_str().unwrap(), "--sample"]);
    assert_one_sentence_error(
        &out,
        "“Q3: plan.keel” cannot be used as a file name: Windows does not allow “:” in a file name",
    );
    assert!(!plan.exists());

    let good = dir.path().join("plan.keel");
    assert!(keel(&["new", good.to_str().unwrap()]).status.success());
    for (name, says) in [
        ("CON.md", "Windows keeps “CON” for a device"),
        ("notes.md.", "ends with a dot or a space"),
        ("why?.md", "Windows does not allow “?”"),
    ] {
        let out = dir.path().join(name);
        let run = keel(&[
            "export",
            good.to_str().unwrap(),
            "--format",
            "md",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_one_sentence_error(&run, says);
        assert_eq!(run.status.code(), Some(2), "{name}");
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["plan.keel"], "nothing else was written");
}

#[test]
fn info_on_bad_files_says_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.keel");
    std::fs::write(&notes, "not a plan at all, just some notes").unwrap();
    let out = keel(&["info", notes.to_str().unwrap()]);
    assert_one_sentence_error(
        &out,
        "is not a Keel plan: it is not an SQLite database file",
    );
    assert_eq!(
        std::fs::read(&notes).unwrap(),
        b"not a plan at all, just some notes"
    );

    let out = keel(&["info", dir.path().join("missing.keel").to_str().unwrap()]);
    assert_one_sentence_error(&out, "does not exist");
    assert!(!Path::new(&dir.path().join("missing.keel")).exists());
}

#[test]
fn version_is_the_package_version() {
    let out = keel(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        text(&out.stdout).trim(),
        format!("keel {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn check_prints_findings_and_exits_by_severity() {
    let dir = tempfile::tempdir().unwrap();
    let sample = dir.path().join("s.keel");
    assert!(keel(&["new", sample.to_str().unwrap(), "--sample"])
        .status
        .success());
    let today = fixed_clock::today().to_string();
    let out = keel(&["check", sample.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings only: exit 0\n{}",
        text(&out.stderr)
    );
    let report = text(&out.stdout);
    assert!(
        report.starts_with(&format!("Loomline — plan check as of {today}: 0 errors")),
        "{report}"
    );
    for id in ["K003", "K004", "K006"] {
        assert!(
            report.contains(id),
            "the sample's report shows {id}:\n{report}"
        );
    }

    let empty = dir.path().join("e.keel");
    assert!(keel(&["new", empty.to_str().unwrap()]).status.success());
    let out = keel(&["check", empty.to_str().unwrap(), "--json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "an error-severity finding: exit 1"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["id"], "K001");
    assert_eq!(json[0]["severity"], "error");

    let notes = dir.path().join("notes.keel");
    std::fs::write(&notes, "hello").unwrap();
    let out = keel(&["check", notes.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "a bad file: exit 2");
    assert_one_sentence_error(&out, "not a Keel plan");
}

#[test]
fn export_writes_all_four_formats_and_import_reads_json_back() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("s.keel");
    assert!(keel(&["new", plan.to_str().unwrap(), "--sample"])
        .status
        .success());
    for (format, starts_with) in [
        ("md", &b"# Loomline"[..]),
        ("pdf", b"%PDF-"),
        ("json", b"{"),
        ("csv", b"rank,id,title"),
    ] {
        let out = dir.path().join(format!("plan.{format}"));
        let run = keel(&[
            "export",
            plan.to_str().unwrap(),
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
            "--date",
            "2026-11-27",
        ]);
        assert!(run.status.success(), "{format}: {}", text(&run.stderr));
        assert!(
            std::fs::read(&out).unwrap().starts_with(starts_with),
            "{format} has the right content"
        );
    }
    let copy = dir.path().join("copy.keel");
    let run = keel(&[
        "import",
        copy.to_str().unwrap(),
        "--from",
        dir.path().join("plan.json").to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let again = dir.path().join("again.json");
    assert!(keel(&[
        "export",
        copy.to_str().unwrap(),
        "--format",
        "json",
        "--out",
        again.to_str().unwrap()
    ])
    .status
    .success());
    assert_eq!(
        std::fs::read(&again).unwrap(),
        std::fs::read(dir.path().join("plan.json")).unwrap()
    );
}

#[test]
fn export_and_import_errors_are_one_sentence_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("s.keel");
    assert!(keel(&["new", plan.to_str().unwrap(), "--sample"])
        .status
        .success());
    let out = dir.path().join("x.txt");
    let run = keel(&[
        "export",
        plan.to_str().unwrap(),
        "--format",
        "docx",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        !run.status.success() && text(&run.stderr).contains("use md, pdf, json, csv or update")
    );
    let run = keel(&[
        "export",
        plan.to_str().unwrap(),
        "--format",
        "md",
        "--out",
        out.to_str().unwrap(),
        "--since",
        "42",
    ]);
    assert_one_sentence_error(&run, "There is no version with id 42");
    assert!(!out.exists(), "a failed export writes nothing");

    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"keel_export\": 1, \"plan\": 3}").unwrap();
    let target = dir.path().join("new.keel");
    let run = keel(&[
        "import",
        target.to_str().unwrap(),
        "--from",
        bad.to_str().unwrap(),
    ]);
    assert_one_sentence_error(&run, "is not a Keel plan export");
    assert!(!target.exists(), "a failed import creates no plan");
}

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
fn new_with_the_scaling_sample_writes_the_company_two_years_on_and_check_shows_its_rules() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("scaling.keel");
    let plan_arg = plan.to_str().unwrap();
    let out = keel(&["new", plan_arg, "--sample", "scaling"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let file = keel_core::PlanFile::open_with(&plan, keel_core::Mode::Inspect).unwrap();
    assert_eq!(
        file.plan().unwrap().data.stage,
        keel_core::domain::Stage::Scaling
    );
    assert_eq!(file.list::<keel_core::domain::TeamData>().unwrap().len(), 4);
    drop(file);
    let out = keel(&["check", plan_arg, "--json"]);
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    for id in ["K011", "K012", "K013", "K014"] {
        assert_eq!(ids.iter().filter(|i| **i == id).count(), 1, "{id}: {ids:?}");
    }
    let out = keel(&["new", plan_arg, "--sample", "later"]);
    assert!(!out.status.success(), "an unknown sample is refused");
    assert!(
        text(&out.stderr).contains("scaling"),
        "the choices are named"
    );
}
