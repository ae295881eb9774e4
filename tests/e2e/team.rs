//! A founding team: a teammate's copy merged, and a plan synced through a shared folder.

use crate::support::App;
use crate::{fixed_clock, teammate, FIRST_TITLE};
use std::path::{Path, PathBuf};

/// The sample plan as `mine.keel` in `mine_in`, and a teammate's copy of it as `theirs.keel` in
/// `theirs_in`, written in this process at the tests' moment (as the app's are).
fn sample_and_copy(mine_in: &Path, theirs_in: &Path) -> (PathBuf, PathBuf) {
    let (mine, theirs) = (mine_in.join("mine.keel"), theirs_in.join("theirs.keel"));
    fixed_clock::fix();
    drop(keel_core::samples::create_sample_plan(&mine, fixed_clock::today()).unwrap());
    std::fs::copy(&mine, &theirs).unwrap();
    (mine, theirs)
}

/// The app open on `mine`, after File → "Merge a teammate's copy…" picked `theirs`.
async fn merge_in_the_window(mine: &Path, theirs: &Path) -> App {
    let app = App::launch_with(
        &[mine.to_str().unwrap()],
        &[("KEEL_E2E_OPEN_FILE", theirs.as_os_str())],
    )
    .await;
    app.text_of(".company").await;
    app.click(".file-menu .trigger").await;
    app.click(".menu button[data-action=merge]").await;
    app
}

#[tokio::test(flavor = "multi_thread")]
async fn merging_a_teammates_copy_shows_who_changed_what_and_brings_their_feature_in() {
    let dir = tempfile::tempdir().unwrap();
    let (mine, theirs) = sample_and_copy(dir.path(), dir.path());
    teammate::adds_feature(&theirs, "Weaver forum", "Dana Scott");
    let app = merge_in_the_window(&mine, &theirs).await;
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
    let (mine, theirs) = sample_and_copy(&plans, dir.path());
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

#[tokio::test(flavor = "multi_thread")]
async fn a_sealed_sync_folder_waits_for_the_teams_passphrase_and_says_a_wrong_one() {
    let dir = tempfile::tempdir().unwrap();
    let (plans, shared) = (dir.path().join("plans"), dir.path().join("Shared"));
    std::fs::create_dir_all(&plans).unwrap();
    std::fs::create_dir_all(&shared).unwrap();
    let (mine, theirs) = sample_and_copy(&plans, dir.path());
    // Dana sealed the folder and synced; then she adds a feature and syncs again.
    teammate::seals_and_adds_feature(
        &theirs,
        &shared,
        "the team's passphrase",
        "Weaver forum",
        "Dana Scott",
    );
    let app = App::launch_with(
        &[mine.to_str().unwrap()],
        &[("KEEL_E2E_SYNC_FOLDER", shared.as_os_str())],
    )
    .await;
    app.text_of(".company").await;
    app.click(".file-menu .trigger").await;
    app.click(".menu button[data-action=sync]").await;
    app.wait_text("[data-testid=sync-locked]", |t| {
        t.contains("Sync folder sealed")
    })
    .await;
    app.click("[data-testid=sync-locked]").await;
    // Typed, then Enter.
    app.type_into("[role=dialog] input[type=password]", "a guess at it")
        .await;
    let said = app
        .wait_text("[role=dialog] .error", |t| !t.is_empty())
        .await;
    assert!(
        said.contains("That passphrase does not open this sync folder"),
        "{said}"
    );
    app.screenshot("sealed-wrong-passphrase").await;
    app.type_into(
        "[role=dialog] input[type=password]",
        "the team's passphrase",
    )
    .await;
    let banner = app
        .wait_text(".synced span", |t| t.contains("Dana Scott · 1 change"))
        .await;
    assert!(banner.starts_with("From the sync folder:"), "{banner}");
    app.wait_text(".topbar .sync", |t| {
        t.contains("Synced through a sealed folder")
    })
    .await;
    app.screenshot("sealed-synced").await;
    app.quit().await;
}

/// The horizons other than the one a feature is on, in a fixed order.
fn other_horizons(than: keel_core::domain::Horizon) -> Vec<keel_core::domain::Horizon> {
    use keel_core::domain::Horizon;
    [Horizon::Now, Horizon::Next, Horizon::Later]
        .into_iter()
        .filter(|h| *h != than)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn what_a_teammate_did_at_the_same_time_is_told_and_settled_in_the_history() {
    use keel_core::{Operation, PlanFile};
    let dir = tempfile::tempdir().unwrap();
    let (mine, theirs) = sample_and_copy(dir.path(), dir.path());
    let features = PlanFile::open(&mine).unwrap().features().unwrap();
    let (first, second) = (features[0].clone(), features[1].clone());
    let horizons = other_horizons(first.data.horizon);
    // Both put the first feature on another horizon; Ali deletes the second while Dana (this
    // window's founder) edits it.
    teammate::moves_first_feature(&mine, horizons[0], "Dana");
    teammate::moves_first_feature(&theirs, horizons[1], "Ali Khan");
    let mut edited = second.data.clone();
    edited.description = "Ten calls booked".into();
    PlanFile::open(&mine)
        .unwrap()
        .apply(
            Operation::UpdateFeature {
                id: second.id.clone(),
                data: edited,
            },
            "Dana",
        )
        .unwrap();
    PlanFile::open(&theirs)
        .unwrap()
        .apply(
            Operation::DeleteFeature {
                id: second.id.clone(),
            },
            "Ali Khan",
        )
        .unwrap();
    // What the merge keeps is the same on every copy: a probe copy shows it.
    let probe = dir.path().join("probe.keel");
    std::fs::copy(&mine, &probe).unwrap();
    let mut merged_probe = PlanFile::open(&probe).unwrap();
    merged_probe.merge_copy(&theirs).unwrap();
    let kept = merged_probe.feature(&first.id).unwrap().data.horizon;
    drop(merged_probe);
    let other = *horizons.iter().find(|h| **h != kept).unwrap();

    let app = merge_in_the_window(&mine, &theirs).await;
    let told = app
        .wait_text("[role=dialog] .conflicts", |t| t.contains("replaced"))
        .await;
    assert!(
        told.contains(&format!(
            "deleted “{}” while Dana was editing it",
            second.data.title
        )),
        "{told}"
    );
    app.screenshot("merge-conflicts").await;
    app.click("[role=dialog] .conflicts button").await;
    app.wait_text(".section-title", |t| t == "History").await;
    assert_eq!(app.count(".conflicts .entries li").await, 2);
    app.wait_text("nav button[data-section=history] .badge", |t| t == "2")
        .await;
    app.screenshot("history-conflicts").await;
    // Newest first: the deletion was found after the horizons; take the other horizon.
    app.click(".conflicts .entries li:nth-child(2) .choices button:first-child")
        .await;
    app.wait_text(".save-status .state", |t| t.contains("Saved · Took "))
        .await;
    app.click(".deleted .entries li button").await;
    app.wait_text(".save-status .state", |t| t.contains("Saved · Restored "))
        .await;
    app.quit().await;

    let file = PlanFile::open_with(&mine, keel_core::Mode::Inspect).unwrap();
    assert_eq!(file.feature(&first.id).unwrap().data.horizon, other);
    let back = file.feature(&second.id).unwrap();
    assert_eq!(
        back.data.description, "Ten calls booked",
        "restored with the edit"
    );
    assert!(file.conflicts().unwrap().is_empty(), "both settled");
}
