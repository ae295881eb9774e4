//! End-to-end: the real app in a real window. Run serially under Xvfb (`make test` does).

mod support;

use support::App;

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

    app.click("nav button:nth-of-type(2)").await;
    assert_eq!(app.text_of("h1.section-title").await, "Features");
    assert_eq!(app.count("table[aria-label=Features] tbody tr").await, 24);
    let first = app
        .text_of("table[aria-label=Features] tbody tr:first-child .reason")
        .await;
    assert!(
        first.starts_with("business risk, level 5"),
        "ranked risk-first with a reason: {first}"
    );
    app.screenshot("features").await;

    app.click("nav button:nth-of-type(3)").await;
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
    keel_core::create_empty_plan(&path, "Acme Robotics", keel_core::clock::today()).unwrap();
    let app = App::launch(&[path.to_str().unwrap()]).await;
    assert_eq!(app.text_of(".company").await, "Acme Robotics");
    app.click("nav button:nth-of-type(2)").await;
    assert!(app.text_of(".empty h2").await.contains("No features yet"));
    app.quit().await;
}
