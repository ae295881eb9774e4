//! Importing a backlog in the real window: the core's preview of a Notion export, a column the
//! guess left out mapped by the founder, the rows as they would be imported, then the import.

use crate::support::App;
use crate::{fixed_clock, FIRST_TITLE};
use serde_json::json;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("src-tauri/core/tests/fixtures/import")
        .join(name)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_notion_export_is_previewed_mapped_and_imported_from_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("loomline.keel");
    fixed_clock::fix();
    drop(keel_core::samples::create_sample_plan(&plan, fixed_clock::today()).unwrap());
    let notion = fixture("notion.csv");
    let app = App::launch_with(
        &[plan.to_str().unwrap()],
        &[("KEEL_E2E_OPEN_FILE", notion.as_os_str())],
    )
    .await;
    app.text_of(".company").await;
    app.click("nav button[data-section=features]").await;
    app.click(".toolbar button.import").await;
    app.wait_text("[role=dialog] h2", |t| t == "Import features")
        .await;
    let counts = app
        .wait_text("[data-import-counts]", |t| t.contains("2 new"))
        .await;
    assert!(counts.contains("0 not imported"), "{counts}");
    let from = app.text_of("[role=dialog] .from").await;
    assert!(
        from.contains("a spreadsheet") && from.contains("notion.csv"),
        "{from}"
    );
    // The guess: Name is the title, Status the status; Date is not imported.
    let field_of = |column: u32| {
        let script =
            format!("return document.querySelector(\"select[data-column='{column}']\").value;");
        let client = app.client.clone();
        async move { client.execute(&script, vec![]).await.unwrap() }
    };
    assert_eq!(field_of(0).await, json!("title"));
    assert_eq!(field_of(1).await, json!("status"));
    assert_eq!(field_of(3).await, json!(""), "“Date” is not guessed");

    // The founder maps Date to the end date; the preview follows.
    app.client
        .execute(
            "const s = document.querySelector(\"select[data-column='3']\");
             s.value = arguments[0]; s.dispatchEvent(new Event('change', { bubbles: true }));
             return true;",
            vec![json!("end_date")],
        )
        .await
        .unwrap();
    app.wait_text("section[aria-label='First rows'] thead", |t| {
        t.contains("Date")
    })
    .await;
    let notes = app
        .text_of("section[aria-label='How values are read']")
        .await;
    assert!(notes.contains("No issue id column"), "{notes}");
    app.screenshot("import-preview").await;
    app.wait_text("[data-import-run]", |t| t == "Import 2 features")
        .await;
    app.click("[data-import-run]").await;
    app.wait_text(".save-status", |t| {
        t.contains("Imported 2 features from a spreadsheet")
    })
    .await;
    assert_eq!(app.count("[role=dialog]").await, 0, "the dialog closes");
    app.type_into("#feature-search", "Gift").await;
    app.wait_text(FIRST_TITLE, |t| t == "Gift cards").await;
    app.quit().await;

    let file = keel_core::PlanFile::open_with(&plan, keel_core::Mode::Inspect).unwrap();
    let gifts = file
        .features()
        .unwrap()
        .into_iter()
        .find(|f| f.data.title == "Gift cards")
        .expect("saved in the plan file");
    assert_eq!(
        gifts.data.end_date,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 14)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn revenue_whose_dates_read_two_ways_asks_for_their_order_then_imports() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("loomline.keel");
    fixed_clock::fix();
    drop(keel_core::samples::create_sample_plan(&plan, fixed_clock::today()).unwrap());
    let revenue = fixture("revenue-ambiguous.csv");
    let app = App::launch_with(
        &[plan.to_str().unwrap()],
        &[("KEEL_E2E_OPEN_FILE", revenue.as_os_str())],
    )
    .await;
    app.text_of(".company").await;
    app.click("nav button[data-section=traction]").await;
    // The section's chart settles its height as it draws, moving the button below it: the
    // click goes to the element itself rather than to where it first was.
    app.wait_text("form.record button.import", |t| t == "Import CSV…")
        .await;
    app.client
        .execute(
            "document.querySelector('form.record button.import').click(); return true;",
            vec![],
        )
        .await
        .unwrap();
    let counts = app
        .wait_text("[data-import-counts]", |t| t.contains("not imported"))
        .await;
    assert!(counts.contains("2 not imported"), "{counts}");
    let problems = app.text_of("section[aria-label='Not imported']").await;
    assert!(problems.contains("reads two ways"), "{problems}");
    assert_eq!(
        app.client
            .execute(
                "return document.querySelector('[data-import-run]').disabled;",
                vec![]
            )
            .await
            .unwrap(),
        json!(true),
        "nothing imports before the order is chosen"
    );
    app.client
        .execute(
            "const s = document.querySelector(\"select[aria-label='Date order']\");
             s.value = 'day_first'; s.dispatchEvent(new Event('change', { bubbles: true }));
             return true;",
            vec![],
        )
        .await
        .unwrap();
    app.wait_text("[data-import-counts]", |t| t.contains("2 new"))
        .await;
    app.screenshot("import-traction").await;
    app.click("[data-import-run]").await;
    app.wait_text(".save-status", |t| t.contains("Imported 2 actuals"))
        .await;
    app.quit().await;
    let file = keel_core::PlanFile::open_with(&plan, keel_core::Mode::Inspect).unwrap();
    let dates: Vec<_> = file
        .list::<keel_core::domain::ActualData>()
        .unwrap()
        .into_iter()
        .map(|a| a.data.date)
        .collect();
    assert!(
        dates.contains(&chrono::NaiveDate::from_ymd_opt(2026, 4, 3).unwrap()),
        "03/04/2026 read as 3 April: {dates:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_statuses_are_chosen_in_the_preview_and_remembered_for_the_next_import() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("loomline.keel");
    fixed_clock::fix();
    drop(keel_core::samples::create_sample_plan(&plan, fixed_clock::today()).unwrap());
    let notion = fixture("notion-category.csv");
    let app = App::launch_with(
        &[plan.to_str().unwrap()],
        &[("KEEL_E2E_OPEN_FILE", notion.as_os_str())],
    )
    .await;
    app.text_of(".company").await;
    app.click("nav button[data-section=features]").await;
    app.click(".toolbar button.import").await;
    app.wait_text("[data-import-counts]", |t| t.contains("4 new"))
        .await;
    let notes = app
        .text_of("section[aria-label='How values are read']")
        .await;
    assert!(
        notes.contains("“Category” is taken as the title"),
        "{notes}"
    );
    let status_of = |value: &'static str| {
        let client = app.client.clone();
        async move {
            client
                .execute(
                    "return [...document.querySelectorAll('select[data-status-value]')]
                       .find((s) => s.dataset.statusValue === arguments[0]).value;",
                    vec![json!(value)],
                )
                .await
                .unwrap()
        }
    };
    assert_eq!(status_of("クローズ").await, json!("idea"));
    app.client
        .execute(
            "const s = [...document.querySelectorAll('select[data-status-value]')]
               .find((s) => s.dataset.statusValue === arguments[0]);
             s.value = arguments[1]; s.dispatchEvent(new Event('change', { bubbles: true }));
             return true;",
            vec![json!("クローズ"), json!("done")],
        )
        .await
        .unwrap();
    app.wait_text("section[aria-label='How values are read']", |t| {
        t.contains("Your statuses: クローズ → done")
    })
    .await;
    app.screenshot("import-statuses").await;
    app.click("[data-import-run]").await;
    app.wait_text(".save-status", |t| t.contains("Imported 4 features"))
        .await;

    // The next import from the same tool offers the same choice.
    app.click(".toolbar button.import").await;
    app.wait_text("section[aria-label='How values are read']", |t| {
        t.contains("Your statuses: クローズ → done")
    })
    .await;
    assert_eq!(status_of("クローズ").await, json!("done"));
    app.quit().await;

    let file = keel_core::PlanFile::open_with(&plan, keel_core::Mode::Inspect).unwrap();
    let gifts = file
        .features()
        .unwrap()
        .into_iter()
        .find(|f| f.data.title == "Gift cards")
        .expect("saved in the plan file");
    assert_eq!(gifts.data.status, keel_core::domain::FeatureStatus::Done);
}
