//! The command line as a founder runs it: `keel new` and `keel info`, `check`, `export` and
//! `import`, and their errors (one sentence on stderr, a non-zero exit, nothing half-written).
//! A founding team's commands (versions, merge, sync, the investor update) are in cli_team.rs.

mod cli_run;
mod fixed_clock;

use cli_run::{assert_one_sentence_error, keel, text};
use std::path::Path;

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
    let format = format!("Plan format:       {}", keel_core::store::SCHEMA_VERSION);
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

/// Every file in `dir` with its bytes.
fn folder_bytes(dir: &Path) -> Vec<(std::ffi::OsString, Vec<u8>)> {
    let mut all: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (e.file_name(), std::fs::read(e.path()).unwrap())
        })
        .collect();
    all.sort();
    all
}

#[test]
fn a_plan_of_every_older_format_is_read_as_it_is_by_every_reading_command() {
    let current = keel_core::store::SCHEMA_VERSION;
    for version in 1..current {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!(
            "src-tauri/core/tests/fixtures/plan-v{version}.keel"
        ));
        let shared = tempfile::tempdir().unwrap();
        let out_dir = tempfile::tempdir().unwrap();
        let plan = shared.path().join("attachment.keel");
        std::fs::copy(&fixture, &plan).unwrap();
        // A read-only attachment in a read-only folder.
        for path in [plan.as_path(), shared.path()] {
            let mut perms = std::fs::metadata(path).unwrap().permissions();
            perms.set_readonly(true);
            std::fs::set_permissions(path, perms).unwrap();
        }
        let before = folder_bytes(shared.path());
        let plan_arg = plan.to_str().unwrap();
        let out_file = |name: &str| out_dir.path().join(name).to_str().unwrap().to_string();

        let info = keel(&["info", plan_arg]);
        assert!(
            info.status.success(),
            "v{version} info: {}",
            text(&info.stderr)
        );
        let said = text(&info.stdout);
        assert!(said.contains("Company:           Loomline"), "{said}");
        assert!(
            said.contains(&format!(
                "Plan format:       {version} (this Keel writes {current}; read as it is"
            )),
            "info says the file's own format: {said}"
        );
        let check = keel(&["check", plan_arg, "--date", "2026-11-01"]);
        assert!(
            check.status.code().is_some_and(|c| c <= 1) && check.stderr.is_empty(),
            "v{version} check: {}",
            text(&check.stderr)
        );
        let log = keel(&["log", plan_arg]);
        assert!(
            log.status.success(),
            "v{version} log: {}",
            text(&log.stderr)
        );
        for (format, name) in [
            ("md", "plan.md"),
            ("pdf", "plan.pdf"),
            ("json", "plan.json"),
            ("csv", "plan.csv"),
        ] {
            let out = out_file(name);
            let export = keel(&[
                "export",
                plan_arg,
                "--format",
                format,
                "--out",
                &out,
                "--date",
                "2026-11-01",
            ]);
            assert!(
                export.status.success(),
                "v{version} export {name}: {}",
                text(&export.stderr)
            );
        }
        let markdown = std::fs::read_to_string(out_dir.path().join("plan.md")).unwrap();
        assert!(markdown.contains("Loomline"), "v{version}: {markdown}");

        assert!(
            folder_bytes(shared.path()) == before,
            "format {version}: the folder and the plan are byte for byte as they were"
        );
        let mut perms = std::fs::metadata(shared.path()).unwrap().permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        std::fs::set_permissions(shared.path(), perms).unwrap();
    }
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("p.keel");
    let plan_arg = plan.to_str().unwrap();
    assert!(keel(&["new", plan_arg, "--sample"]).status.success());
    for args in [
        vec!["log", plan_arg],
        vec!["info", plan_arg],
        vec!["check", plan_arg, "--date", "2026-11-27"],
        vec!["log", plan_arg, "--json"],
    ] {
        // `keel log PLAN | head -0`: the reading end is closed before Keel writes.
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_keel"))
            .args(&args)
            .env(fixed_clock::VAR, fixed_clock::AT)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = text(&out.stderr);
        assert!(
            !err.contains("panicked") && err.is_empty(),
            "{args:?} says nothing on a closed pipe: {err}"
        );
        assert!(
            out.status.code().is_some_and(|c| c <= 1),
            "{args:?}: {:?}",
            out.status
        );
    }
}

#[test]
fn text_from_a_plan_never_reaches_the_terminal_as_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("p.keel");
    fixed_clock::fix();
    let file = keel_core::create_empty_plan(&plan, "Acme", fixed_clock::today()).unwrap();
    drop(file);
    let mut file = keel_core::PlanFile::open(&plan).unwrap();
    let mut data = keel_core::domain::FeatureData::new(
        "Evil\u{1b}[2J\u{1b}]0;pwned\u{7} title",
        keel_core::domain::RiskClass::Business,
    );
    data.horizon = keel_core::domain::Horizon::Now;
    file.create_feature(data).unwrap();
    drop(file);
    let plan_arg = plan.to_str().unwrap();
    for args in [
        vec!["log", plan_arg],
        vec!["check", plan_arg, "--date", "2026-11-27"],
    ] {
        let out = keel(&args);
        let said = text(&out.stdout);
        assert!(said.contains("Evil"), "{args:?}: {said}");
        assert!(
            !said
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{args:?} prints no control character: {said:?}"
        );
    }
}
