//! Features imported from other tools' exports, each fixture written to that tool's documented
//! columns (tests/fixtures/import/README.md): every row accounted for, values mapped by the rules
//! the preview states, one undo for the whole import, and a second import of the same file
//! updating rather than duplicating. Traction numbers are in import_traction.rs.

mod common;

use common::imports::{by_title, fixture, sample};
use common::{date, dump};
use keel_core::domain::{FeatureStatus, Horizon, RiskClass};
use keel_core::io::import::{DateOrder, FeatureField, FeatureOptions, Tool};
use keel_core::{ErrorCode, PlanFile};

#[test]
fn a_linear_export_is_imported_with_its_statuses_priorities_and_ids() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _) = sample(dir.path());
    let before = file.features().unwrap().len();
    let bytes = fixture("linear.csv");
    let preview = file
        .preview_feature_import(&bytes, &FeatureOptions::default())
        .unwrap();
    assert_eq!(preview.tool, Tool::Linear);
    assert_eq!(preview.date_order, None, "ISO dates need no order");
    assert!(!preview.needs_date_order);
    assert_eq!(preview.rows, 7);
    assert_eq!(
        (preview.added, preview.updated, preview.unchanged),
        (6, 0, 0)
    );
    assert_eq!(preview.problems.len(), 1, "{:?}", preview.problems);
    assert_eq!(
        preview.problems[0].line, 8,
        "the row without a title, on its line"
    );
    assert!(preview.problems[0].reason.contains("no title"));
    assert!(
        preview
            .notes
            .iter()
            .any(|n| n.contains("“Waiting for design” (line 9): imported as an idea")),
        "a status no rule knows is said: {:?}",
        preview.notes
    );
    assert_eq!(preview.preview[0].outcome, "new");
    assert_eq!(
        file.features().unwrap().len(),
        before,
        "a preview changes nothing"
    );

    let (_, applied) = file
        .import_features(&bytes, &FeatureOptions::default(), "Ada")
        .unwrap();
    assert_eq!(applied.label, "Imported 6 features from Linear");
    assert_eq!(file.features().unwrap().len(), before + 6);
    let interviews = by_title(&file, "Interview 20 weaving studios");
    assert_eq!(interviews.data.status, FeatureStatus::InProgress);
    assert_eq!(
        interviews.data.horizon,
        Horizon::Now,
        "horizon from the status"
    );
    assert_eq!(interviews.data.risk_level, 5, "Urgent");
    assert_eq!(interviews.data.effort_weeks, Some(3.0));
    assert_eq!(interviews.data.start_date, Some(date(2026, 11, 3)));
    assert_eq!(interviews.data.end_date, Some(date(2026, 12, 15)));
    assert_eq!(interviews.data.source.as_deref(), Some("linear:LOOM-1"));
    assert!(interviews
        .data
        .description
        .contains("Two lines, with a comma."));
    let guarded = by_title(&file, "=HYPERLINK(\"http://example.com\")");
    assert_eq!(guarded.data.risk_level, 1, "No priority");
    assert_eq!(
        by_title(&file, "Stripe billing").data.status,
        FeatureStatus::Dropped
    );
    assert_eq!(
        by_title(&file, "Usage analytics").data.status,
        FeatureStatus::Done
    );

    // One undo takes the whole import back.
    file.undo("Ada").unwrap().unwrap();
    assert_eq!(file.features().unwrap().len(), before);
    file.redo("Ada").unwrap().unwrap();
    assert_eq!(file.features().unwrap().len(), before + 6);
    let mut tables = file.document().unwrap();
    let mut history = file.history_document().unwrap();
    tables.plan.updated_at.clear();
    history.plan.updated_at.clear();
    assert_eq!(tables, history, "the tables show what the history holds");
}

#[test]
fn importing_the_same_export_again_updates_instead_of_duplicating() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _) = sample(dir.path());
    let bytes = fixture("linear.csv");
    file.import_features(&bytes, &FeatureOptions::default(), "Ada")
        .unwrap();
    let count = file.features().unwrap().len();
    let again = file
        .preview_feature_import(&bytes, &FeatureOptions::default())
        .unwrap();
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 6));
    let err = file
        .import_features(&bytes, &FeatureOptions::default(), "Ada")
        .unwrap_err();
    assert!(
        err.to_string().contains("no new or changed features"),
        "{err}"
    );

    // The founder moved a feature in Keel; the tool then changed its status.
    let mut moved = by_title(&file, "Pattern library MVP");
    moved.data.risk_class = RiskClass::Technical;
    file.update_feature(&moved.id, moved.data.clone()).unwrap();
    let changed = String::from_utf8(bytes).unwrap().replace(
        "Pattern library MVP,,Todo",
        "Pattern library MVP,,In Progress",
    );
    let (summary, applied) = file
        .import_features(changed.as_bytes(), &FeatureOptions::default(), "Ada")
        .unwrap();
    assert_eq!((summary.added, summary.updated), (0, 1));
    assert_eq!(applied.label, "Updated 1 features from Linear");
    assert_eq!(file.features().unwrap().len(), count, "nothing duplicated");
    let after = by_title(&file, "Pattern library MVP");
    assert_eq!(after.id, moved.id);
    assert_eq!(
        after.data.status,
        FeatureStatus::InProgress,
        "the tool's field"
    );
    assert_eq!(
        after.data.risk_class,
        RiskClass::Technical,
        "the founder's field kept"
    );

    // The features an import writes are projected as written, not read back: the file's
    // tables then hold what a projection rebuilt from the document holds.
    let projected = file.features().unwrap();
    let path = file.path().to_path_buf();
    drop(file);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("DELETE FROM feature; UPDATE history_meta SET projected_version = x'00';")
        .unwrap();
    assert_eq!(
        PlanFile::open(&path).unwrap().features().unwrap(),
        projected
    );
}

#[test]
fn a_jira_export_with_repeated_columns_and_its_dates() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _) = sample(dir.path());
    let (summary, _) = file
        .import_features(&fixture("jira.csv"), &FeatureOptions::default(), "Ada")
        .unwrap();
    assert_eq!(summary.tool, Tool::Jira);
    assert_eq!((summary.added, summary.problems.len()), (4, 0));
    let onboarding = by_title(&file, "Self-serve onboarding");
    assert_eq!(onboarding.data.source.as_deref(), Some("jira:LOOM-101"));
    assert_eq!(onboarding.data.risk_level, 5, "Highest");
    assert_eq!(onboarding.data.end_date, Some(date(2026, 12, 15)));
    assert_eq!(onboarding.data.effort_weeks, Some(5.0), "story points");
    assert_eq!(
        by_title(&file, "SSO for studios").data.status,
        FeatureStatus::Done
    );
    assert_eq!(
        by_title(&file, "Fix login on Safari").data.status,
        FeatureStatus::Dropped
    );
    assert_eq!(
        by_title(&file, "Export patterns to PDF").data.horizon,
        Horizon::Next
    );
}

#[test]
fn a_github_project_view_as_tab_separated_values() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _) = sample(dir.path());
    let (summary, _) = file
        .import_features(&fixture("github.tsv"), &FeatureOptions::default(), "Ada")
        .unwrap();
    assert_eq!(summary.tool, Tool::Github);
    assert_eq!(summary.added, 3);
    assert_eq!(summary.problems.len(), 1, "the row with a tab too many");
    assert!(summary.problems[0].reason.contains("10 cells"));
    let boards = by_title(&file, "Shared pattern boards");
    assert_eq!(
        boards.data.source.as_deref(),
        Some("github:https://github.com/loomline/app/issues/12")
    );
    assert_eq!(boards.data.status, FeatureStatus::InProgress);
}

#[test]
fn a_trello_board_json() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _) = sample(dir.path());
    let (summary, _) = file
        .import_features(&fixture("trello.json"), &FeatureOptions::default(), "Ada")
        .unwrap();
    assert_eq!(summary.tool, Tool::Trello);
    assert_eq!(summary.added, 3, "its archived cards are left out");
    let calculator = by_title(&file, "Weaving calculator");
    assert_eq!(
        calculator.data.status,
        FeatureStatus::InProgress,
        "list Doing"
    );
    assert_eq!(calculator.data.start_date, Some(date(2026, 11, 2)));
    assert_eq!(calculator.data.end_date, Some(date(2026, 12, 1)));
    assert_eq!(
        calculator.data.source.as_deref(),
        Some("trello:65a0c0ffee0000000000c001")
    );
    assert_eq!(
        by_title(&file, "Landing page").data.status,
        FeatureStatus::Done
    );
}

#[test]
fn trellos_archived_cards_are_left_out_unless_included() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _) = sample(dir.path());
    let bytes = fixture("trello.json");
    let preview = file
        .preview_feature_import(&bytes, &FeatureOptions::default())
        .unwrap();
    // An archived card and a card on an archived list.
    assert_eq!(preview.archived, 2);
    assert_eq!(preview.added, 3);
    assert!(
        preview
            .notes
            .iter()
            .any(|n| n.starts_with("2 archived cards are left out")),
        "{:?}",
        preview.notes
    );
    let included = FeatureOptions {
        include_archived: true,
        ..FeatureOptions::default()
    };
    let (summary, _) = file.import_features(&bytes, &included, "Ada").unwrap();
    assert_eq!(summary.added, 5);
    assert_eq!(by_title(&file, "Forum").data.status, FeatureStatus::Dropped);
}

#[test]
fn a_notion_title_property_of_another_name_and_a_sheet_in_dutch_find_their_titles() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _) = sample(dir.path());
    let notion = fixture("notion-category.csv");
    let preview = file
        .preview_feature_import(&notion, &FeatureOptions::default())
        .unwrap();
    assert_eq!(preview.mapping[0], Some(FeatureField::Title), "Category");
    assert!(
        preview.notes[0].starts_with("No column is named as a title: “Category” is taken as the title (the first column, where Notion puts its title)"),
        "{:?}",
        preview.notes
    );
    assert_eq!(preview.added, 4);

    let dutch = fixture("spreadsheet-dutch.csv");
    let preview = file
        .preview_feature_import(&dutch, &FeatureOptions::default())
        .unwrap();
    assert_eq!(
        preview.mapping,
        [
            Some(FeatureField::Title),
            Some(FeatureField::Description),
            Some(FeatureField::Status),
            Some(FeatureField::StartDate),
            Some(FeatureField::EndDate)
        ]
    );
    file.import_features(&dutch, &FeatureOptions::default(), "Ada")
        .unwrap();
    let yarn = by_title(&file, "Garencalculator");
    assert_eq!(yarn.data.description, "Garen per patroon; per kleur");
    assert_eq!(yarn.data.start_date, Some(date(2026, 12, 1)));
    assert_eq!(yarn.data.status, FeatureStatus::InProgress);
}

#[test]
fn status_values_no_rule_knows_are_offered_to_map_and_the_founders_choice_is_taken() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _) = sample(dir.path());
    let notion = fixture("notion-category.csv");
    let preview = file
        .preview_feature_import(&notion, &FeatureOptions::default())
        .unwrap();
    let offered: Vec<(&str, u32, bool)> = preview
        .statuses
        .iter()
        .map(|u| (u.value.as_str(), u.rows, u.chosen))
        .collect();
    assert_eq!(
        offered,
        [
            ("Niet begonnen", 1, false),
            ("やりたいこと", 1, false),
            ("クローズ", 2, false)
        ]
    );
    assert!(preview
        .statuses
        .iter()
        .all(|u| u.status == FeatureStatus::Idea));
    let options = FeatureOptions {
        statuses: vec![
            keel_core::io::import::StatusChoice {
                value: "クローズ".into(),
                status: FeatureStatus::Done,
            },
            keel_core::io::import::StatusChoice {
                value: "niet begonnen".into(),
                status: FeatureStatus::Planned,
            },
        ],
        ..FeatureOptions::default()
    };
    let preview = file.preview_feature_import(&notion, &options).unwrap();
    assert!(
        preview
            .notes
            .iter()
            .any(|n| n.contains("Your statuses: クローズ → done; niet begonnen → planned.")),
        "{:?}",
        preview.notes
    );
    assert!(
        !preview.notes.iter().any(|n| n.contains("“クローズ”")),
        "a chosen value is no longer said to be unknown: {:?}",
        preview.notes
    );
    file.import_features(&notion, &options, "Ada").unwrap();
    assert_eq!(
        by_title(&file, "Gift cards").data.status,
        FeatureStatus::Done
    );
    assert_eq!(
        by_title(&file, "Studio directory").data.status,
        FeatureStatus::Planned
    );
    assert_eq!(
        by_title(&file, "Pattern marketplace").data.status,
        FeatureStatus::Idea,
        "a value left unchosen is an idea, as the note says"
    );
}

#[test]
fn a_european_spreadsheet_with_semicolons_an_empty_column_and_decimal_commas() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _) = sample(dir.path());
    let (summary, _) = file
        .import_features(
            &fixture("spreadsheet-semicolon.csv"),
            &FeatureOptions::default(),
            "Ada",
        )
        .unwrap();
    assert_eq!(summary.tool, Tool::Spreadsheet);
    assert_eq!(summary.date_order, Some(DateOrder::DayFirst), "28/11 tells");
    assert_eq!(summary.added, 4);
    assert!(
        summary
            .notes
            .iter()
            .any(|n| n.contains("No issue id column")),
        "{:?}",
        summary.notes
    );
    assert!(summary.notes.iter().any(|n| n.contains("“Platform”")));
    let sharing = by_title(&file, "Pattern sharing");
    assert_eq!(sharing.data.effort_weeks, Some(2.5));
    assert_eq!(sharing.data.confidence, Some(0.8));
    assert_eq!(sharing.data.start_date, Some(date(2026, 11, 3)));
    assert_eq!(sharing.data.end_date, Some(date(2026, 11, 28)));
    assert_eq!(sharing.data.horizon, Horizon::Now);
    assert!(sharing.data.team_id.is_some(), "the plan's team, by name");
    assert_eq!(sharing.data.description, "Customers asked; twice");
    let offline = by_title(&file, "Offline mode");
    assert_eq!(offline.data.risk_class, RiskClass::Technical);
    assert_eq!(offline.data.risk_level, 4, "P1");
    assert_eq!(offline.data.confidence, Some(0.5));
    assert_eq!(offline.data.team_id, None, "no team named Platform");
    assert_eq!(by_title(&file, "Big launch").data.horizon, Horizon::Later);
}

#[test]
fn a_notion_export_and_a_mapping_the_founder_chose() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _) = sample(dir.path());
    let bytes = fixture("notion.csv");
    let guessed = file
        .preview_feature_import(&bytes, &FeatureOptions::default())
        .unwrap();
    assert_eq!(guessed.mapping[0], Some(FeatureField::Title));
    assert_eq!(guessed.mapping[3], None, "“Date” is not guessed");
    let mut mapping = guessed.mapping.clone();
    mapping[3] = Some(FeatureField::EndDate);
    let options = FeatureOptions {
        mapping: Some(mapping),
        ..FeatureOptions::default()
    };
    file.import_features(&bytes, &options, "Ada").unwrap();
    let gifts = by_title(&file, "Gift cards");
    assert_eq!(gifts.data.end_date, Some(date(2026, 12, 14)));
    assert_eq!(gifts.data.status, FeatureStatus::InProgress);
    assert_eq!(
        by_title(&file, "Studio directory").data.status,
        FeatureStatus::Planned
    );

    let two_titles = FeatureOptions {
        mapping: Some(vec![
            Some(FeatureField::Title),
            Some(FeatureField::Title),
            None,
            None,
            None,
        ]),
        ..FeatureOptions::default()
    };
    let err = file
        .preview_feature_import(&bytes, &two_titles)
        .unwrap_err();
    assert!(err.to_string().contains("Title is filled by two columns"));
}

#[test]
fn ten_thousand_rows_import_as_one_operation() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _) = sample(dir.path());
    let before = file.features().unwrap().len();
    let mut csv = String::from("ID,Title,Status,Priority\r\n");
    for i in 0..10_000 {
        csv.push_str(&format!("K-{i},\"Feature {i}, imported\",Todo,High\r\n"));
    }
    let (summary, applied) = file
        .import_features(csv.as_bytes(), &FeatureOptions::default(), "Ada")
        .unwrap();
    assert_eq!(summary.added, 10_000);
    assert_eq!(applied.label, "Imported 10000 features from a spreadsheet");
    let features = file.features().unwrap();
    assert_eq!(features.len(), before + 10_000);
    assert_eq!(
        features.iter().map(|f| f.position).collect::<Vec<_>>(),
        (1..=features.len() as u32).collect::<Vec<_>>(),
        "the manual order stays dense"
    );
    file.undo("Ada").unwrap().unwrap();
    assert_eq!(file.features().unwrap().len(), before);
}

#[test]
fn hostile_and_malformed_files_are_refused_or_sanitised_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, path) = sample(dir.path());
    let before = dump(&path);
    let refused = |file: &mut PlanFile, bytes: &[u8], says: &str| {
        let err = file
            .import_features(bytes, &FeatureOptions::default(), "Ada")
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidImport, "{err}");
        assert!(err.to_string().contains(says), "{err} should say {says}");
        assert!(err.to_string().contains("Nothing was changed"), "{err}");
    };
    refused(
        &mut file,
        b"Title\nok\n\xff\xfe\n",
        "not UTF-8 text (line 3)",
    );
    refused(&mut file, b"", "it is empty");
    refused(&mut file, b"{\"cards\": 3}", "not a Trello board export");
    refused(&mut file, b"Title\n\"unclosed\n", "is never closed");
    let untitled = file
        .import_features(b"Title,Status\n,Todo\n", &FeatureOptions::default(), "Ada")
        .unwrap_err();
    assert!(
        untitled.to_string().contains("no new or changed features"),
        "{untitled}"
    );
    assert_eq!(dump(&path), before, "refused files change nothing");

    // Formulas stay text; a huge cell makes its row a problem; the rest imports.
    let mut hostile = String::from("Title,Description\n");
    hostile.push_str("=cmd|' /C calc'!A0,@SUM(1+1)\n");
    hostile.push_str(&format!("Huge,{}\n", "x".repeat(200_000)));
    hostile.push_str("Fine,\"+1 for this\"\n");
    let (summary, _) = file
        .import_features(hostile.as_bytes(), &FeatureOptions::default(), "Ada")
        .unwrap();
    assert_eq!(summary.added, 2);
    assert_eq!(summary.problems.len(), 1);
    assert!(summary.problems[0].reason.contains("200000 characters"));
    let formula = by_title(&file, "=cmd|' /C calc'!A0");
    assert_eq!(formula.data.description, "@SUM(1+1)");
    let csv = keel_core::io::export::render(
        &file,
        keel_core::io::export::ExportFormat::Csv,
        date(2026, 11, 27),
        None,
    )
    .unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.contains("'=cmd|' /C calc'!A0"),
        "an export guards the formula again"
    );
}
