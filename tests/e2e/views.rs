//! What each section shows: every section and its accessibility, the dark theme, the board,
//! traction, present mode, and a 10,000-feature plan.

use crate::fixed_clock;
use crate::support::App;

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
    for section in [
        "overview", "vision", "traction", "features", "check", "history", "export",
    ] {
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
async fn a_factory_week_recorded_in_the_window_moves_the_bottleneck() {
    let app = App::launch(&[]).await;
    app.click("nav button[data-section=traction]").await;
    let before = app
        .wait_text("[data-testid=factory-focus]", |t| {
            t.contains("is the bottleneck")
        })
        .await;
    assert!(
        before.starts_with("Activation is the bottleneck"),
        "{before}"
    );
    assert!(
        before.contains("80 % of this cycle's effort belongs on it"),
        "{before}"
    );
    assert_eq!(
        app.count("table[aria-label='Factory weeks'] tbody tr")
            .await,
        6
    );
    app.screenshot("factory").await;
    for (step, count) in [
        ("acquisition", "400"),
        ("activation", "200"),
        ("retention", "20"),
        ("revenue", "18"),
    ] {
        let input = app.element(&format!("#factory-{step}")).await;
        input.send_keys(count).await.unwrap();
    }
    app.type_into("#factory-referral", "9").await;
    let after = app
        .wait_text("[data-testid=factory-focus]", |t| {
            t.starts_with("Retention")
        })
        .await;
    assert!(
        after.contains("(10 % of activated users come back)"),
        "{after}"
    );
    app.wait_text(
        "table[aria-label='Factory weeks'] tbody tr:first-child",
        |t| t.contains(&fixed_clock::today().to_string()) && t.contains("Retention"),
    )
    .await;
    assert_eq!(app.accessibility_violations().await, Vec::<String>::new());
    app.screenshot("factory-recorded").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_overview_and_present_mode_show_the_90_day_cycle() {
    let app = App::launch(&[]).await;
    let cycle = app
        .wait_text("[data-testid=cycle] .summary", |t| t.starts_with("Cycle "))
        .await;
    assert!(cycle.contains("days left: reach $"), "{cycle}");
    let work = app.text_of("[data-testid=cycle] .work").await;
    assert!(
        work.contains("activation"),
        "the factory's bottleneck: {work}"
    );
    app.screenshot("overview-cycle").await;
    let horizons = app.text_of("[data-testid=horizons]").await;
    assert!(
        horizons.contains("Now") && horizons.contains("Later"),
        "{horizons}"
    );
    let fits = app
        .client
        .execute(
            "const m = document.querySelector('main.content'); return m.scrollHeight <= m.clientHeight;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        fits,
        serde_json::json!(true),
        "the dashboard fits 1280×800 unscrolled"
    );
    assert_eq!(app.accessibility_violations().await, Vec::<String>::new());
    app.click(".overview h2 button").await;
    app.wait_text(".section-title", |t| t == "Traction").await;

    // A version, an edit after it: the Overview says what changed since.
    app.click("nav button[data-section=history]").await;
    app.type_into(".mark input", "Board meeting").await;
    app.wait_text(".versions tbody tr:first-child td:first-child", |t| {
        t == "Board meeting"
    })
    .await;
    app.click("nav button[data-section=features]").await;
    crate::rename_first_feature(&app, "Talk to twenty weavers").await;
    app.wait_text(crate::FIRST_TITLE, |t| t == "Talk to twenty weavers")
        .await;
    app.click("nav button[data-section=overview]").await;
    let since = app
        .wait_text("[data-testid=since]", |t| {
            t.contains("renamed to “Talk to twenty weavers”")
        })
        .await;
    assert!(since.starts_with("Since Board meeting ("), "{since}");
    app.screenshot("overview-since").await;
    app.click("nav button.present").await;
    // The traction slide is the fourth.
    for i in 1..=3 {
        app.wait_text(".present .counter", |t| t == format!("{i} / 7"))
            .await;
        app.press('\u{E014}').await;
    }
    let slide = app
        .wait_text(".slide[data-slide=traction] [data-testid=cycle]", |t| {
            !t.is_empty()
        })
        .await;
    assert!(slide.contains(&cycle), "{slide}");
    app.screenshot("present-cycle").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_command_palette_runs_any_action_and_opens_a_feature_from_the_keyboard() {
    let app = App::launch(&[]).await;
    assert_eq!(app.text_of(".company").await, "Loomline");
    app.shortcut("k", false).await;
    app.element("[role=dialog][aria-label='Command palette'] input")
        .await;
    app.screenshot("palette").await;
    assert_eq!(app.accessibility_violations().await, Vec::<String>::new());
    app.type_into("[role=combobox]", "factory week").await;
    app.wait_text(".section-title", |t| t == "Traction").await;
    let focused = app
        .client
        .execute(
            "return document.activeElement && document.activeElement.id",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        focused, "factory-acquisition",
        "the week's first count is ready to type"
    );

    app.shortcut("k", false).await;
    app.type_into("[role=combobox]", "concierge").await;
    app.wait_text(".section-title", |t| t == "Features").await;
    let panel = app.attr_of("aside.panel", "aria-label").await;
    assert!(panel.starts_with("Feature: Concierge"), "{panel}");

    // The theme, chosen from the palette, whatever the system's.
    let background = || async {
        app.client
            .execute(
                "return getComputedStyle(document.body).backgroundColor",
                vec![],
            )
            .await
            .unwrap()
    };
    app.shortcut("k", false).await;
    app.type_into("[role=combobox]", "theme dark").await;
    assert_eq!(background().await, "rgb(23, 25, 29)", "the dark palette");
    app.screenshot("palette-dark-features").await;
    app.shortcut("k", false).await;
    app.type_into("[role=combobox]", "theme light").await;
    assert_ne!(background().await, "rgb(23, 25, 29)");
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

/// Every slide fits the screen at the sizes a meeting room shows it: nothing of a slide's content
/// reaches past its box (the footer's line), at 1280×720 and 1440×900; the plan check's counts
/// are the findings it lists.
#[tokio::test(flavor = "multi_thread")]
async fn every_slide_fits_the_screen_at_1280x720_and_up() {
    let app = App::launch(&[]).await;
    assert_eq!(app.text_of(".company").await, "Loomline");
    app.click("nav button.present").await;
    for (width, height, theme) in [
        (1280, 720, "light"),
        (1440, 900, "light"),
        (1280, 720, "dark"),
        (1440, 900, "dark"),
    ] {
        app.resize(width, height).await;
        app.client
            .execute(
                "document.documentElement.dataset.theme = arguments[0]; return true;",
                vec![theme.into()],
            )
            .await
            .unwrap();
        app.press('\u{E011}').await; // Home: the first slide
        for i in 1..=7 {
            app.wait_text(".present .counter", |t| t == format!("{i} / 7"))
                .await;
            let slide = app.attr_of(".present .slide", "data-slide").await;
            let outside = slide_overflow(&app).await;
            app.screenshot(&format!("present-{theme}-{width}x{height}-{i}-{slide}"))
                .await;
            assert!(
                outside.is_empty(),
                "{slide} at {width}×{height} ({theme}): content past the slide's box: {outside:?}"
            );
            if slide == "check" {
                let counts = app.text_of(".present .counts").await;
                let listed = app.count(".present .findings li").await;
                let counted: usize = counts
                    .split_whitespace()
                    .filter_map(|w| w.parse::<usize>().ok())
                    .sum();
                assert_eq!(counted, listed, "{counts}: every finding counted is listed");
                assert!(!counts.contains("1 hints") && !counts.contains("1 warnings"));
            }
            app.press('\u{E014}').await;
        }
    }
    app.quit().await;
}

/// The elements of the shown slide that reach past its box, once it has been fitted (and its
/// chart drawn); empty when everything fits.
async fn slide_overflow(app: &App) -> Vec<String> {
    let found = app
        .client
        .execute_async(
            "const done = arguments[0];
             const check = (tries) => {
               const s = document.querySelector('.present .slide');
               if ((s.hasAttribute('data-fitting') || (s.dataset.slide === 'traction'
                    && !s.querySelector('canvas'))) && tries > 0) {
                 return setTimeout(() => check(tries - 1), 100);
               }
               requestAnimationFrame(() => requestAnimationFrame(() => {
                 const box = s.getBoundingClientRect();
                 const out = [...s.querySelectorAll('*')].filter((e) => {
                   const r = e.getBoundingClientRect();
                   return r.height > 0 && (r.bottom > box.bottom + 1 || r.right > box.right + 1);
                 }).map((e) => e.tagName.toLowerCase() + '.' + e.className + ' ' + (e.textContent || '').slice(0, 40));
                 if (s.scrollHeight > s.clientHeight + 1) out.push('the slide scrolls');
                 done(out.slice(0, 5));
               }));
             };
             check(50);",
            vec![],
        )
        .await
        .expect("the slide is measured");
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_ten_thousand_feature_plan_opens_and_its_board_and_table_come_in_pages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.keel");
    // Written in this process: at the tests' moment, as the app's are.
    fixed_clock::fix();
    drop(
        keel_core::samples::generate::write_large_plan(&path, 10_000, 7, fixed_clock::today())
            .unwrap(),
    );
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
    let counted = app.text_of("[data-pane=features] p.count").await;
    assert_eq!(
        app.count_once("table[aria-label=Features] tbody tr", 200)
            .await,
        200,
        "the table shows its first page"
    );
    assert!(counted.contains("10000"), "{counted}");
    app.quit().await;
}

/// The scaling sample in the real window: the Teams section is the board's portfolio, the team
/// behind first; the plan check shows the scaling rules; present mode has the Teams slide.
#[tokio::test(flavor = "multi_thread")]
async fn the_scaling_sample_shows_the_portfolio_the_scaling_rules_and_the_teams_slide() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("scaling.keel");
    fixed_clock::fix();
    drop(keel_core::samples::scaling::create_scaling_sample(&plan, fixed_clock::today()).unwrap());
    let app = App::launch(&[plan.to_str().unwrap()]).await;
    assert_eq!(app.text_of(".company").await, "Loomline");
    app.resize(1920, 1080).await;
    app.click("nav button[data-section=teams]").await;
    let summary = app.text_of("[aria-label='Portfolio summary']").await;
    assert!(summary.contains("The board's portfolio for"), "{summary}");
    assert_eq!(app.text_of("article.team h3").await, "Growth");
    let growth = app.text_of("article.team").await;
    assert!(growth.contains("Behind"), "{growth}");
    assert!(growth.contains("Trial-to-paid conversion"), "{growth}");
    assert_eq!(app.count("article.team").await, 4);
    app.screenshot("teams-portfolio-1920x1080").await;
    assert_eq!(app.accessibility_violations().await, Vec::<String>::new());
    app.click("article.team details summary").await;
    app.text_of("article.team [aria-label='KPI values']").await;
    app.screenshot("teams-portfolio-editing").await;
    assert_eq!(app.accessibility_violations().await, Vec::<String>::new());

    app.click("nav button[data-section=roadmap]").await;
    app.click("button[data-view=timeline]").await;
    let legend = app.text_of(".timeline .legend").await;
    assert!(legend.contains("Enterprise from"), "{legend}");
    assert_eq!(
        app.count(".timeline .stage-change").await,
        6,
        "two changes, three lanes"
    );
    app.screenshot("timeline-stage-changes").await;

    app.click("nav button[data-section=check]").await;
    let ids: Vec<String> = {
        let mut ids = Vec::new();
        for e in app
            .client
            .find_all(fantoccini::Locator::Css(".finding .id"))
            .await
            .unwrap()
        {
            ids.push(e.text().await.unwrap());
        }
        ids
    };
    for id in ["K011", "K012", "K013", "K014"] {
        assert_eq!(
            ids.iter().filter(|i| *i == id).count(),
            1,
            "{id} once: {ids:?}"
        );
    }

    app.click("nav button.present").await;
    app.press('\u{E010}').await;
    app.wait_text(".present .counter", |t| t == "8 / 8").await;
    app.press('\u{E012}').await;
    app.wait_text(".present .counter", |t| t == "7 / 8").await;
    assert_eq!(app.attr_of(".present .slide", "data-slide").await, "teams");
    let slide = app.text_of(".present .slide").await;
    assert!(
        slide.contains("Growth") && slide.contains("Behind"),
        "{slide}"
    );
    app.screenshot("slide-teams").await;
    app.press('\u{E00C}').await;
    app.quit().await;
}
