//! End-to-end: the real app in a real window. Run serially under Xvfb (`make test` does).

mod fixed_clock;
mod support;

use support::App;

/// The feature table's first row's title.
const FIRST_TITLE: &str = "table[aria-label=Features] tbody tr:first-child .title";

/// Opens the feature table's first feature in the side panel and types `title` as its title.
async fn rename_first_feature(app: &App, title: &str) {
    app.click("table[aria-label=Features] tbody tr:first-child .open")
        .await;
    app.type_into("aside.panel input[type=text]", title).await;
}

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
    keel_core::create_empty_plan(&path, "Acme Robotics", fixed_clock::today()).unwrap();
    let app = App::launch_as_shipped(&[path.to_str().unwrap()]).await;
    assert_eq!(app.text_of(".company").await, "Acme Robotics");
    app.click("nav button[data-section=features]").await;
    assert!(app.text_of(".empty h2").await.contains("No features yet"));
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

/// Every section of the sample, at the two window sizes founders use: a screenshot of each to
/// look at, and axe-core run in the page on each.
#[tokio::test(flavor = "multi_thread")]
async fn every_section_is_shown_and_has_no_serious_accessibility_violations() {
    let app = App::launch(&[]).await;
    assert_eq!(app.text_of(".company").await, "Loomline");
    for (width, height) in [(1280, 800), (1920, 1080)] {
        app.resize(width, height).await;
        for (section, title) in [
            ("overview", "Loomline"),
            ("vision", "Vision & Strategy"),
            ("traction", "Traction"),
            ("roadmap", "Roadmap"),
            ("features", "Features"),
            ("teams", "Teams"),
            ("check", "Plan check"),
            ("export", "Export"),
        ] {
            app.click(&format!("nav button[data-section={section}]"))
                .await;
            let heading = if section == "overview" {
                ".company"
            } else {
                "h1.section-title"
            };
            assert_eq!(app.text_of(heading).await, title);
            app.screenshot(&format!("{section}-{width}x{height}")).await;
            let violations = app.accessibility_violations().await;
            assert!(
                violations.is_empty(),
                "{section} at {width}×{height}: {violations:#?}"
            );
        }
    }
    app.click("nav button[data-section=features]").await;
    app.click("table[aria-label=Features] tbody tr:first-child .open")
        .await;
    app.text_of("aside.panel .rank").await;
    app.screenshot("feature-panel-1920x1080").await;
    assert_eq!(app.accessibility_violations().await, Vec::<String>::new());
    app.click("button.help").await;
    assert!(app.text_of("[role=dialog]").await.contains("Ctrl+Z"));
    app.screenshot("shortcuts-1920x1080").await;
    app.click("[role=dialog] button.close").await;
    app.click("button.about").await;
    let about = app.text_of("[role=dialog]").await;
    assert!(
        about.contains(&format!("version {}", env!("CARGO_PKG_VERSION"))),
        "{about}"
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_feature_is_ranked_with_its_reason() {
    let app = App::launch(&[]).await;
    app.click("nav button[data-section=features]").await;
    app.click("button.new").await;
    app.type_into(
        "aside.panel input[type=text]",
        "Pilot with three design partners",
    )
    .await;
    app.click("aside.panel footer .primary").await;
    let rank = app
        .wait_text("aside.panel .rank", |t| t.contains("business risk"))
        .await;
    assert!(rank.starts_with('#'), "the panel shows the rank: {rank}");
    let row = app
        .wait_text("table[aria-label=Features] tr.selected", |t| {
            t.contains("Pilot with three design partners")
        })
        .await;
    assert!(row.contains("business risk, level 3"), "{row}");
    assert_eq!(
        app.count_once("table[aria-label=Features] tbody tr", 25)
            .await,
        25
    );
    app.screenshot("feature-added").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_edit_saves_at_once_and_undo_and_redo_revert_and_reapply_it() {
    let app = App::launch_as_shipped(&[]).await;
    app.click("nav button[data-section=features]").await;
    let before = app.text_of(FIRST_TITLE).await;
    rename_first_feature(&app, "Talk to twenty weavers").await;
    app.wait_text(".save-status .state", |t| t.contains("Saved"))
        .await;
    app.wait_text(FIRST_TITLE, |t| t == "Talk to twenty weavers")
        .await;

    app.click("h1.section-title").await;
    app.shortcut("z", false).await;
    app.wait_text(FIRST_TITLE, |t| t == before).await;
    app.shortcut("z", true).await;
    app.wait_text(FIRST_TITLE, |t| t == "Talk to twenty weavers")
        .await;
    app.click("button[aria-label^=Undo]").await;
    app.wait_text(FIRST_TITLE, |t| t == before).await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_first_edit_asks_who_you_are_and_the_history_lists_it_with_versions_to_restore() {
    let app = App::launch(&[]).await;
    std::fs::remove_file(app.data_dir().join("settings.json")).unwrap();
    app.click("nav button[data-section=features]").await;
    let before = app.text_of(FIRST_TITLE).await;
    rename_first_feature(&app, "Talk to twenty weavers").await;
    app.wait_text("[role=dialog] h2", |t| t == "Who is editing?")
        .await;
    app.screenshot("name-dialog").await;
    app.type_into("[role=dialog] input", "Dana Scott").await;
    app.wait_text(".save-status .state", |t| t.contains("Saved"))
        .await;
    app.wait_text(FIRST_TITLE, |t| t == "Talk to twenty weavers")
        .await;

    app.click("nav button[data-section=history]").await;
    app.wait_text(".log .entries li:first-child .label", |t| {
        t.starts_with("Renamed “") && t.ends_with("” to “Talk to twenty weavers”")
    })
    .await;
    let meta = app.text_of(".log .entries li:first-child .meta").await;
    assert!(meta.starts_with("Dana Scott ·"), "{meta}");
    app.type_into(".mark input", "Board meeting").await;
    app.click(".mark button[type=submit]").await;
    app.wait_text(".versions tbody tr:first-child td:first-child", |t| {
        t == "Board meeting"
    })
    .await;
    app.screenshot("history").await;

    // Back to the features: an edit after the version, then the version restored.
    app.click("nav button[data-section=features]").await;
    rename_first_feature(&app, "Something else").await;
    app.wait_text(FIRST_TITLE, |t| t == "Something else").await;
    app.click("nav button[data-section=history]").await;
    app.click(".versions tbody tr:first-child button").await;
    app.wait_text(".save-status .state", |t| {
        t.contains("Restored version “Board meeting”")
    })
    .await;
    app.click("nav button[data-section=features]").await;
    app.wait_text(FIRST_TITLE, |t| t == "Talk to twenty weavers")
        .await;
    assert_ne!(before, "Talk to twenty weavers");
    let settings = std::fs::read_to_string(app.data_dir().join("settings.json")).unwrap();
    assert!(settings.contains("Dana Scott"), "{settings}");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_too_long_title_shows_the_error_beside_the_field_and_saves_nothing() {
    let app = App::launch(&[]).await;
    app.click("nav button[data-section=features]").await;
    let before = app.text_of(FIRST_TITLE).await;
    rename_first_feature(&app, &"x".repeat(250)).await;
    let error = app.text_of("aside.panel .field .error").await;
    assert_eq!(error, "Title: must be at most 200 characters (it has 250).");
    app.screenshot("title-too-long").await;
    assert_eq!(app.text_of(FIRST_TITLE).await, before);

    let sample = app
        .data_home
        .path()
        .join("app.keel.desktop/Sample plan.keel");
    let stored = keel_core::PlanFile::open_with(&sample, keel_core::Mode::Inspect).unwrap();
    let titles: Vec<String> = stored
        .features()
        .unwrap()
        .into_iter()
        .map(|f| f.data.title)
        .collect();
    assert!(titles.contains(&before));
    assert!(titles.iter().all(|t| t.len() < 250), "nothing was saved");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_plan_check_finding_opens_the_feature_it_concerns() {
    let app = App::launch_as_shipped(&[]).await;
    app.click("nav button[data-section=check]").await;
    let item = app.text_of(".finding button.item[data-kind=feature]").await;
    let title = item.trim_end_matches(" →").to_string();
    app.click(".finding button.item[data-kind=feature]").await;
    assert_eq!(app.text_of("h1.section-title").await, "Features");
    assert_eq!(
        app.attr_of("aside.panel", "aria-label").await,
        format!("Feature: {title}")
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_read_only_plan_says_so_and_refuses_edits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.keel");
    drop(keel_core::sample::create_sample_plan(&path, fixed_clock::today()).unwrap());
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();

    let app = App::launch_as_shipped(&[path.to_str().unwrap()]).await;
    assert!(app
        .text_of(".topbar .read-only")
        .await
        .contains("Read-only"));
    app.click("nav button[data-section=features]").await;
    assert_eq!(app.count("button.new").await, 0, "no way to add a feature");
    app.shortcut("n", true).await;
    let said = app
        .wait_text(".save-status .state", |t| t.contains("Not saved"))
        .await;
    assert!(said.contains("read-only"), "{said}");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dark_theme_follows_the_system() {
    let app = App::launch_with(&[], &[("GTK_THEME", std::ffi::OsStr::new("Adwaita:dark"))]).await;
    assert_eq!(app.text_of(".company").await, "Loomline");
    let background = app
        .client
        .execute(
            "return getComputedStyle(document.body).backgroundColor",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(background, "rgb(23, 25, 29)", "the dark palette is in use");
    for section in ["overview", "vision", "features", "check"] {
        app.click(&format!("nav button[data-section={section}]"))
            .await;
        app.screenshot(&format!("{section}-dark")).await;
        let violations = app.accessibility_violations().await;
        assert!(violations.is_empty(), "{section} (dark): {violations:#?}");
    }
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_card_dragged_from_later_to_now_stays_there_after_reopening() {
    let app = App::launch(&[]).await;
    app.click("nav button[data-section=roadmap]").await;
    app.screenshot("roadmap-board").await;
    let card = "[data-horizon=later] [data-card-id]";
    let title = app.text_of(&format!("{card} .title")).await;
    let id = app.attr_of(card, "data-card-id").await;
    let now_before = app.count("[data-horizon=now] [data-card-id]").await;
    app.drag(
        &format!("[data-horizon=later] [data-card-id='{id}']"),
        "[data-horizon=now] h2",
    )
    .await;
    app.wait_text(".save-status .state", |t| t.contains("Saved"))
        .await;
    assert_eq!(
        app.count_once("[data-horizon=now] [data-card-id]", now_before + 1)
            .await,
        now_before + 1,
        "the moved card shows in Now"
    );

    // Reopen the file from disk (File → the recent plan) and look again.
    app.click(".file-menu .trigger").await;
    app.click(".menu button.recent").await;
    app.click("nav button[data-section=roadmap]").await;
    let in_now = app
        .wait_text(
            &format!("[data-horizon=now] [data-card-id='{id}'] .title"),
            |t| !t.is_empty(),
        )
        .await;
    assert_eq!(in_now, title);
    assert_eq!(
        app.count(".topbar .read-only").await,
        0,
        "reopening the open plan keeps it editable"
    );
    assert_eq!(
        app.count(&format!("[data-horizon=later] [data-card-id='{id}']"))
            .await,
        0
    );

    app.click("button[data-view=timeline]").await;
    app.text_of("[role=figure]").await;
    app.screenshot("roadmap-timeline").await;
    assert_eq!(app.accessibility_violations().await, Vec::<String>::new());
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn recording_an_actual_changes_the_traction_status() {
    let app = App::launch(&[]).await;
    app.click("nav button[data-section=traction]").await;
    let before = app.wait_text("p.status", |t| t.starts_with("Behind")).await;
    app.screenshot("traction").await;
    assert_eq!(app.accessibility_violations().await, Vec::<String>::new());
    app.type_into("#actual-value", "60000").await;
    let after = app
        .wait_text("p.status", |t| !t.starts_with("Behind"))
        .await;
    assert_ne!(before, after);
    assert!(after.contains("$60,000 ARR"), "{after}");
    assert!(
        after.contains(&fixed_clock::today().to_string()),
        "the entry is dated the core's today, which the date field showed: {after}"
    );
    app.screenshot("traction-recorded").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn present_mode_shows_every_slide_and_leaves_with_escape() {
    let app = App::launch(&[]).await;
    assert_eq!(app.text_of(".company").await, "Loomline");
    app.click("nav button.present").await;
    let mut seen = Vec::new();
    for i in 1..=7 {
        let counter = app
            .wait_text(".present .counter", |t| t == format!("{i} / 7"))
            .await;
        assert_eq!(counter, format!("{i} / 7"));
        let slide = app.attr_of(".present .slide", "data-slide").await;
        app.screenshot(&format!("slide-{i}-{slide}")).await;
        seen.push(slide);
        app.press('\u{E014}').await;
    }
    assert_eq!(
        seen,
        [
            "title",
            "vision",
            "canvas",
            "traction",
            "roadmap",
            "priorities",
            "check"
        ]
    );
    app.press('\u{E00C}').await;
    for _ in 0..50 {
        if app.count("section.present").await == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        app.count("section.present").await,
        0,
        "Esc leaves present mode"
    );
    assert_eq!(app.text_of(".company").await, "Loomline");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_ten_thousand_feature_plan_opens_and_its_board_and_table_come_in_pages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.keel");
    drop(keel_core::generate::write_large_plan(&path, 10_000, 7, fixed_clock::today()).unwrap());
    let app = App::launch(&[path.to_str().unwrap()]).await;
    app.text_of(".company").await;

    app.click("nav button[data-section=roadmap]").await;
    // The board appears once the whole plan is read (a moment after the first screen).
    app.text_of("button.more").await;
    let cards = app.count("[data-card-id]").await;
    assert!(
        (60..=180).contains(&cards),
        "the board shows a page per column, not every card: {cards}"
    );
    app.screenshot("roadmap-10k").await;
    app.click("button[data-view=timeline]").await;
    app.text_of("[role=figure]").await;

    app.click("nav button[data-section=features]").await;
    let counted = app.text_of("p.count").await;
    assert_eq!(
        app.count_once("table[aria-label=Features] tbody tr", 200)
            .await,
        200,
        "the table shows its first page"
    );
    assert!(counted.contains("10000"), "{counted}");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn merging_a_teammates_copy_shows_who_changed_what_and_brings_their_feature_in() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("mine.keel");
    let theirs = dir.path().join("theirs.keel");
    drop(keel_core::sample::create_sample_plan(&mine, fixed_clock::today()).unwrap());
    std::fs::copy(&mine, &theirs).unwrap();
    keel_core::PlanFile::open(&theirs)
        .unwrap()
        .apply(
            keel_core::Operation::CreateFeature {
                data: keel_core::domain::FeatureData::new(
                    "Weaver forum",
                    keel_core::domain::RiskClass::Business,
                ),
            },
            "Dana Scott",
        )
        .unwrap();
    let app = App::launch_with(
        &[mine.to_str().unwrap()],
        &[("KEEL_E2E_OPEN_FILE", theirs.as_os_str())],
    )
    .await;
    app.text_of(".company").await;
    app.click(".file-menu .trigger").await;
    app.click(".menu button[data-action=merge]").await;
    app.wait_text("[role=dialog] h2", |t| t == "Merged 1 change")
        .await;
    let said = app.text_of("[role=dialog] .by").await;
    assert!(said.contains("Dana Scott · 1 change"), "{said}");
    assert!(said.contains("Added “Weaver forum”"), "{said}");
    app.screenshot("merged").await;
    app.click("[role=dialog] button.close").await;
    app.click("nav button[data-section=features]").await;
    app.type_into("#feature-search", "Weaver").await;
    app.wait_text(FIRST_TITLE, |t| t == "Weaver forum").await;
    app.quit().await;
    let titles: Vec<String> = keel_core::PlanFile::open_with(&mine, keel_core::Mode::Inspect)
        .unwrap()
        .features()
        .unwrap()
        .into_iter()
        .map(|f| f.data.title)
        .collect();
    assert!(
        titles.contains(&"Weaver forum".to_string()),
        "saved in the plan file"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_plan_synced_through_a_shared_folder_shows_a_teammates_change_as_it_arrives() {
    let dir = tempfile::tempdir().unwrap();
    let (plans, shared) = (dir.path().join("plans"), dir.path().join("Shared"));
    std::fs::create_dir_all(&plans).unwrap();
    std::fs::create_dir_all(&shared).unwrap();
    let mine = plans.join("mine.keel");
    let theirs = dir.path().join("theirs.keel");
    drop(keel_core::sample::create_sample_plan(&mine, fixed_clock::today()).unwrap());
    std::fs::copy(&mine, &theirs).unwrap();
    let app = App::launch_with(
        &[mine.to_str().unwrap()],
        &[("KEEL_E2E_SYNC_FOLDER", shared.as_os_str())],
    )
    .await;
    app.text_of(".company").await;
    app.click(".file-menu .trigger").await;
    app.click(".menu button[data-action=sync]").await;
    app.wait_text(".topbar .sync", |t| {
        t.contains("Synced through a shared folder")
    })
    .await;

    // Dana, on her laptop, adds a feature; her Keel puts it in the shared folder.
    let mut copy = keel_core::PlanFile::open(&theirs).unwrap();
    copy.apply(
        keel_core::Operation::CreateFeature {
            data: keel_core::domain::FeatureData::new(
                "Weaver forum",
                keel_core::domain::RiskClass::Business,
            ),
        },
        "Dana Scott",
    )
    .unwrap();
    copy.sync_folder(&shared, &mut Default::default()).unwrap();
    drop(copy);

    let banner = app
        .wait_text(".synced span", |t| t.contains("Dana Scott · 1 change"))
        .await;
    assert!(banner.starts_with("From the sync folder:"), "{banner}");
    app.screenshot("synced").await;
    app.click("nav button[data-section=features]").await;
    app.type_into("#feature-search", "Weaver").await;
    app.wait_text(FIRST_TITLE, |t| t == "Weaver forum").await;
    app.quit().await;
}
