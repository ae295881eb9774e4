//! Opening and saving: the first run, a plan named on the command line, exports through the save
//! dialog, and a file that cannot be opened.

use crate::fixed_clock;
use crate::support::{App, SessionBus};

#[tokio::test(flavor = "multi_thread")]
async fn first_run_opens_the_sample_plan_and_shows_its_company_and_features() {
    let app = App::launch(&[]).await;
    assert_eq!(app.text_of(".company").await, "Loomline");
    assert!(app
        .text_of(".topbar .file")
        .await
        .contains("Sample plan.keel"));
    let shot = app.screenshot("overview").await;
    assert!(
        std::fs::metadata(&shot).unwrap().len() > 10_000,
        "the screenshot shows a real window"
    );

    app.click("nav button[data-section=features]").await;
    assert_eq!(app.text_of("h1.section-title").await, "Features");
    assert_eq!(
        app.count_once("table[aria-label=Features] tbody tr", 24)
            .await,
        24
    );
    let first = app
        .text_of("table[aria-label=Features] tbody tr:first-child .reason")
        .await;
    assert!(
        first.starts_with("business risk, level 5"),
        "ranked risk-first with a reason: {first}"
    );
    app.screenshot("features").await;

    app.click("nav button[data-section=check]").await;
    assert_eq!(app.text_of("h1.section-title").await, "Plan check");
    let findings = app.text_of("main.content").await;
    for id in ["K003", "K004", "K006"] {
        assert!(findings.contains(id), "the sample's plan check shows {id}");
    }
    app.screenshot("plan-check").await;

    let sample = app
        .data_home
        .path()
        .join("app.keel.desktop/Sample plan.keel");
    assert!(
        sample.exists(),
        "the sample plan is stored in the app's data folder"
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_plan_named_on_the_command_line_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.keel");
    // Written in this process: at the tests' moment, as the app's are.
    fixed_clock::fix();
    keel_core::create_empty_plan(&path, "Acme Robotics", fixed_clock::today()).unwrap();
    let app = App::launch_as_shipped(&[path.to_str().unwrap()]).await;
    assert_eq!(app.text_of(".company").await, "Acme Robotics");
    app.click("nav button[data-section=features]").await;
    assert!(app.text_of(".empty h2").await.contains("No features yet"));
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_plan_opened_while_keel_runs_opens_in_the_running_window() {
    let bus = SessionBus::start();
    let dir = tempfile::tempdir().unwrap();
    fixed_clock::fix();
    keel_core::create_empty_plan(
        &dir.path().join("weaver.keel"),
        "Weaver Co",
        fixed_clock::today(),
    )
    .unwrap();
    let app = App::launch_with(&[], &[("DBUS_SESSION_BUS_ADDRESS", bus.address.as_ref())]).await;
    assert_eq!(app.text_of(".company").await, "Loomline");

    // The second launch, as a double-click starts it: a relative name from its own folder.
    let mut second = std::process::Command::new(env!("CARGO_BIN_EXE_keel"))
        .arg("weaver.keel")
        .current_dir(dir.path())
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .env("XDG_DATA_HOME", dir.path().join("second-data"))
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let status = loop {
        if let Some(status) = second.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = second.kill();
            panic!("the second launch kept running: it opened a window of its own");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert!(
        status.success(),
        "the second launch hands its plan over and ends: {status}"
    );
    app.wait_text(".company", |t| t == "Weaver Co").await;
    assert!(app.text_of(".topbar .file").await.contains("weaver.keel"));
    assert!(
        !dir.path().join("second-data").exists(),
        "the second launch opened no window of its own"
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn exports_markdown_and_pdf_through_the_save_dialog() {
    let app = App::launch(&[]).await;
    assert_eq!(app.text_of(".company").await, "Loomline");
    app.click("nav button[data-section=export]").await;
    app.screenshot("export").await;

    app.click("button.export[data-format=markdown]").await;
    let said = app.text_of(".message.done").await;
    let md = app.save_dir.path().join("Loomline plan.md");
    assert!(
        said.contains(md.to_str().unwrap()),
        "the UI says where the file went: {said}"
    );
    assert!(std::fs::read_to_string(&md)
        .unwrap()
        .starts_with("# Loomline"));

    app.click("button.export[data-format=pdf]").await;
    let pdf = app.save_dir.path().join("Loomline plan.pdf");
    let said = app.text_of(".message.done").await;
    // The message may still be the Markdown one for a moment: wait for the PDF's.
    let mut tries = 0;
    let mut said = said;
    while !said.contains("plan.pdf") && tries < 100 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        said = app.text_of(".message").await;
        tries += 1;
    }
    assert!(said.contains(pdf.to_str().unwrap()), "{said}");
    let check = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "the exported PDF is valid: {}",
        String::from_utf8_lossy(&check.stdout)
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_that_cannot_be_opened_leaves_the_plan_open_and_new_creates_one() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.keel");
    std::fs::write(&broken, "these are notes, not a plan").unwrap();
    let app = App::launch_with(&[], &[("KEEL_E2E_OPEN_FILE", broken.as_os_str())]).await;
    assert_eq!(app.text_of(".company").await, "Loomline");

    app.click(".file-menu .trigger").await;
    app.click(".menu button[data-action=open]").await;
    let error = app.text_of(".file-error").await;
    assert!(
        error.contains("is not a Keel plan"),
        "the core's message is shown: {error}"
    );
    assert_eq!(
        app.text_of(".company").await,
        "Loomline",
        "the current plan stays open"
    );
    app.screenshot("open-error").await;
    assert_eq!(
        std::fs::read(&broken).unwrap(),
        b"these are notes, not a plan"
    );

    app.click(".file-error button[aria-label=Dismiss]").await;
    app.click(".file-menu .trigger").await;
    app.click(".menu button[data-action=new]").await;
    let mut company = app.text_of(".company").await;
    for _ in 0..50 {
        if company == "New plan" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        company = app.text_of(".company").await;
    }
    assert_eq!(company, "New plan", "the new, empty plan is open");
    assert!(app.save_dir.path().join("New plan.keel").exists());
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_investor_update_asks_for_a_version_then_is_written_since_it() {
    let app = App::launch(&[]).await;
    assert_eq!(app.text_of(".company").await, "Loomline");
    app.click("nav button[data-section=export]").await;
    app.click("button.export[data-format=update_pdf]").await;
    let refused = app
        .wait_text(".message.error", |t| t.contains("mark a version first"))
        .await;
    assert!(refused.starts_with("Since: "), "{refused}");

    app.click("nav button[data-section=history]").await;
    app.type_into(".mark input", "Board meeting").await;
    app.wait_text(".versions tbody tr:first-child td:first-child", |t| {
        t == "Board meeting"
    })
    .await;
    app.click("nav button[data-section=export]").await;
    app.click("button.export[data-format=update_markdown]")
        .await;
    let md = app.save_dir.path().join("Loomline update.md");
    app.wait_text(".message.done", |t| t.contains("update.md"))
        .await;
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# Loomline — investor update"), "{text}");
    assert!(text.contains("since Board meeting ("), "{text}");
    app.screenshot("export-update").await;

    // "Copy update" puts the update on the system clipboard as HTML and as text, for a mail
    // client to paste: read back from the X clipboard the window owns.
    app.click("button.copy").await;
    app.wait_text(".message", |t| !t.contains("Saved to")).await;
    assert_eq!(
        app.text_of(".message").await,
        "The update is copied: paste it into an e-mail."
    );
    let clipboard = |target: &str| {
        let out = std::process::Command::new("xclip")
            .args(["-selection", "clipboard", "-o", "-t", target])
            .output()
            .expect("xclip runs (make test installs it)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let targets = clipboard("TARGETS");
    assert!(targets.contains("text/html"), "{targets}");
    let html = clipboard("text/html");
    assert!(
        html.contains("<h1") && html.contains("investor update</h1>"),
        "{html}"
    );
    assert!(
        html.contains("<li>Guided first-insight setup"),
        "lists stay lists: {html}"
    );
    assert!(
        !html.contains("\\$"),
        "no Markdown escapes in what is pasted: {html}"
    );
    let plain = clipboard("UTF8_STRING");
    assert!(plain.starts_with("# Loomline — investor update"), "{plain}");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_plan_shows_the_steps_that_make_it_each_one_click_away() {
    let dir = tempfile::tempdir().unwrap();
    fixed_clock::fix();
    let file =
        keel_core::create_named_plan(&dir.path().join("acme"), None, fixed_clock::today()).unwrap();
    let path = file.path().to_path_buf();
    drop(file);
    let app = App::launch(&[path.to_str().unwrap()]).await;
    assert_eq!(
        app.text_of(".company").await,
        "Acme",
        "named after its file"
    );
    let steps = app
        .wait_text("[data-testid=first-steps] h2", |t| {
            t.contains("0 of 5 done")
        })
        .await;
    assert!(steps.contains("Make the plan"), "{steps}");
    app.screenshot("new-plan-steps").await;

    // One click: a new feature, the cursor in its title.
    app.click("[data-step=features] button").await;
    app.element("aside.panel[aria-label='New feature']").await;
    let mut focused = serde_json::Value::Null;
    for _ in 0..50 {
        focused = app
            .client
            .execute(
                "const a = document.activeElement;
                 return !!a && !!a.closest('aside.panel') && a === document.querySelector(
                   'aside.panel input[type=text]');",
                vec![],
            )
            .await
            .unwrap();
        if focused == serde_json::json!(true) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(focused, serde_json::json!(true), "the cursor is in Title");
    app.type_into(
        "aside.panel input[type=text]",
        "Pilot with three design partners",
    )
    .await;
    app.click("aside.panel footer .primary").await;
    app.wait_text("aside.panel .rank", |t| t.contains("business risk"))
        .await;

    app.click("nav button[data-section=overview]").await;
    app.wait_text("[data-testid=first-steps] h2", |t| {
        t.contains("1 of 5 done")
    })
    .await;
    assert!(app
        .attr_of("[data-step=features]", "class")
        .await
        .contains("done"));
    // The goal's step opens Traction, where the goal comes first.
    app.click("[data-step=goal] button").await;
    assert_eq!(app.text_of("h1.section-title").await, "Traction");
    app.element("#goal-title").await;
    let goal_first: serde_json::Value = app
        .client
        .execute(
            "const goal = document.getElementById('goal-title');
             return ['chart-title', 'actuals-title', 'weeks-title'].every((id) => {
               const other = document.getElementById(id);
               return !other || (goal.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
             }) && document.getElementById('chart-title') !== null;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        goal_first,
        serde_json::json!(true),
        "on Traction the goal comes first"
    );
    app.quit().await;
}
