//! A founding team: a teammate's copy merged, and a plan synced through a shared folder.

use crate::support::App;
use crate::{fixed_clock, teammate, FIRST_TITLE};

#[tokio::test(flavor = "multi_thread")]
async fn merging_a_teammates_copy_shows_who_changed_what_and_brings_their_feature_in() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("mine.keel");
    let theirs = dir.path().join("theirs.keel");
    // Written in this process: at the tests' moment, as the app's are.
    fixed_clock::fix();
    drop(keel_core::sample::create_sample_plan(&mine, fixed_clock::today()).unwrap());
    std::fs::copy(&mine, &theirs).unwrap();
    teammate::adds_feature(&theirs, "Weaver forum", "Dana Scott");
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
    // Written in this process: at the tests' moment, as the app's are.
    fixed_clock::fix();
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
    teammate::adds_feature_and_syncs(&theirs, "Weaver forum", "Dana Scott", &shared);

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
