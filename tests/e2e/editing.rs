//! Editing in the window: a new feature ranked, saving, undo and redo, who you are and the
//! history, errors beside the field, a finding that opens its feature, a read-only plan.

use crate::support::App;
use crate::{rename_first_feature, FIRST_TITLE};

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
    app.wait_text("table[aria-label=Features] tr.selected", |t| {
        t.contains("Pilot with three design partners")
    })
    .await;
    // Beside the panel, the reason is the rank's tooltip.
    let reason = app
        .attr_of(
            "table[aria-label=Features] tr.selected td:first-child",
            "title",
        )
        .await;
    assert!(reason.contains("business risk, level 3"), "{reason}");
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
    // What changed since the version, side by side with the plan now.
    app.click("form[aria-label='Compare versions'] button[type=submit]")
        .await;
    let compared = app
        .wait_text("[data-testid=comparison]", |t| t.contains("What changed"))
        .await;
    assert!(
        compared.contains("Feature “Talk to twenty weavers” renamed to “Something else”."),
        "{compared}"
    );
    app.screenshot("compare").await;
    assert_eq!(app.accessibility_violations().await, Vec::<String>::new());
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

    // The saved title typed again: the error and the header's "Not saved" go with the value.
    app.wait_text(".save-status .state", |t| t.contains("Not saved"))
        .await;
    app.type_into("aside.panel input[type=text]", &before).await;
    app.wait_text(".save-status .state", |t| !t.contains("Not saved"))
        .await;
    assert_eq!(app.count("aside.panel .field .error").await, 0);

    // A refused company name, then Esc: the saved name is back, and nothing says otherwise.
    app.click("nav button[data-section=vision]").await;
    let name = "section.company input[type=text]";
    let saved = app.attr_of(name, "value").await;
    // Emptied as a founder does (select all, delete), then saved.
    app.client
        .execute(
            "const i = document.querySelector(arguments[0]); i.value = '';
             i.dispatchEvent(new Event('input', { bubbles: true }));
             i.dispatchEvent(new Event('change', { bubbles: true }));
             return true;",
            vec![name.into()],
        )
        .await
        .unwrap();
    app.wait_text("section.company .field .error", |t| {
        t.contains("must not be empty")
    })
    .await;
    app.wait_text(".save-status .state", |t| t.contains("Not saved"))
        .await;
    app.element(name).await.send_keys("\u{E00C}").await.unwrap();
    app.wait_text(".save-status .state", |t| !t.contains("Not saved"))
        .await;
    assert_eq!(app.count("section.company .field .error").await, 0);
    let shown: serde_json::Value = app
        .client
        .execute(
            "return document.querySelector(arguments[0]).value;",
            vec![name.into()],
        )
        .await
        .unwrap();
    assert_eq!(
        shown,
        serde_json::json!(saved),
        "Esc puts the saved name back"
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn drop_downs_changed_faster_than_an_edit_takes_are_all_saved() {
    let app = App::launch(&[]).await;
    app.click("nav button[data-section=features]").await;
    // The founder opens a feature once the plan is on screen.
    app.count_once("table[aria-label=Features] tbody tr", 24)
        .await;
    app.click("table[aria-label=Features] tbody tr:first-child .open")
        .await;
    app.element("aside.panel select").await;
    // Read before the choices: they rerank the feature away from the first row.
    let title = app.text_of(FIRST_TITLE).await;
    // Three choices of one feature within one script: each is made before the last is saved.
    app.client
        .execute(
            "const pick = (label, value) => {
               const l = [...document.querySelectorAll('aside.panel label')]
                 .find((x) => x.textContent.trim() === label);
               const s = document.getElementById(l.htmlFor);
               s.value = value;
               s.dispatchEvent(new Event('change', { bubbles: true }));
             };
             pick('Risk level', '1'); pick('Horizon', 'later'); pick('Build or buy', 'buy');
             return true;",
            vec![],
        )
        .await
        .unwrap();
    let sample = app
        .data_home
        .path()
        .join("app.keel.desktop/Sample plan.keel");
    let saved = || {
        let file = keel_core::PlanFile::open_with(&sample, keel_core::Mode::Inspect).unwrap();
        let feature = file
            .features()
            .unwrap()
            .into_iter()
            .find(|f| f.data.title == title)
            .unwrap();
        (
            feature.data.risk_level,
            feature.data.horizon,
            feature.data.build_or_buy,
        )
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while saved().2 != keel_core::domain::BuildOrBuy::Buy && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        saved(),
        (
            1,
            keel_core::domain::Horizon::Later,
            keel_core::domain::BuildOrBuy::Buy
        ),
        "every choice is in the plan"
    );
    let shown: serde_json::Value = app
        .client
        .execute(
            "return [...document.querySelectorAll('aside.panel select')].map((s) => s.value);",
            vec![],
        )
        .await
        .unwrap();
    let shown: Vec<String> = serde_json::from_value(shown).unwrap();
    for value in ["1", "later", "buy"] {
        assert!(
            shown.contains(&value.to_string()),
            "the form shows what was saved: {shown:?}"
        );
    }
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
async fn a_read_only_plan_of_an_older_format_opens_as_it_is_and_refuses_edits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.keel");
    // An attachment written by an older Keel (plan format 3), in a read-only folder.
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src-tauri/core/tests/fixtures/plan-v3.keel");
    std::fs::copy(&fixture, &path).unwrap();
    for p in [path.as_path(), dir.path()] {
        let mut perms = std::fs::metadata(p).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(p, perms).unwrap();
    }

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
    assert!(
        !said.contains("upgrade"),
        "reading needs no upgrade: {said}"
    );
    assert_eq!(
        app.count_once("table[aria-label=Features] tbody tr", 24)
            .await,
        24,
        "the plan's features are shown"
    );
    app.quit().await;
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(&fixture).unwrap(),
        "the file is left byte for byte"
    );
    let mut perms = std::fs::metadata(dir.path()).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(dir.path(), perms).unwrap();
}
