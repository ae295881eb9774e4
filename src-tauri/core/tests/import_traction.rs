//! Traction numbers imported from a revenue sheet or a billing tool's report, and the customer
//! factory's weekly counts from a CSV: dates read in the order the file shows (or the founder
//! chooses), values as spreadsheets write them, a date the plan has updated rather than added.

mod common;

use common::date;
use common::imports::{fixture, sample};
use keel_core::io::import::{ActualsOptions, DateOrder};

#[test]
fn revenue_in_us_and_european_forms_and_an_ambiguous_one() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _) = sample(dir.path());
    let existing = file.list::<keel_core::domain::ActualData>().unwrap().len();
    let us = fixture("revenue-us.csv");
    let preview = file
        .preview_traction_import(&us, &ActualsOptions::default())
        .unwrap();
    assert_eq!(preview.date_order, Some(DateOrder::MonthFirst));
    assert_eq!(preview.cadence, "monthly");
    assert_eq!(preview.value_column, Some(1), "MRR, not Customers");
    let (summary, applied) = file
        .import_traction(&us, &ActualsOptions::default(), "Ada")
        .unwrap();
    assert_eq!(summary.added, 4);
    assert_eq!(applied.label, "Imported 4 actuals");
    let actuals = file.list::<keel_core::domain::ActualData>().unwrap();
    assert_eq!(actuals.len(), existing + 4);
    let feb = actuals
        .iter()
        .find(|a| a.data.date == date(2026, 2, 28))
        .unwrap();
    assert_eq!(feb.data.value, 1_850.5);

    // The European file has two of the same dates' months; a date in both is updated.
    let eu = fixture("revenue-eu.csv");
    let preview = file
        .preview_traction_import(&eu, &ActualsOptions::default())
        .unwrap();
    assert_eq!(preview.date_order, Some(DateOrder::DayFirst), "13.04 tells");
    assert_eq!(preview.added, 4);
    let changed = "Month,MRR\n02/28/2026,\"$1,900.00\"\n03/31/2026,\"$2,400.00\"\n";
    let (summary, _) = file
        .import_traction(changed.as_bytes(), &ActualsOptions::default(), "Ada")
        .unwrap();
    assert_eq!(
        (summary.added, summary.updated, summary.unchanged),
        (0, 1, 1)
    );
    let actuals = file.list::<keel_core::domain::ActualData>().unwrap();
    assert_eq!(actuals.len(), existing + 4, "updated, not duplicated");

    let ambiguous = fixture("revenue-ambiguous.csv");
    let preview = file
        .preview_traction_import(&ambiguous, &ActualsOptions::default())
        .unwrap();
    assert!(preview.needs_date_order);
    let err = file
        .import_traction(&ambiguous, &ActualsOptions::default(), "Ada")
        .unwrap_err();
    assert!(
        err.to_string().contains("choose day/month or month/day"),
        "{err}"
    );
    let chosen = ActualsOptions {
        date_order: Some(DateOrder::DayFirst),
        ..ActualsOptions::default()
    };
    file.import_traction(&ambiguous, &chosen, "Ada").unwrap();
    let actuals = file.list::<keel_core::domain::ActualData>().unwrap();
    assert!(actuals.iter().any(|a| a.data.date == date(2026, 4, 3)));
}

#[test]
fn factory_weeks_from_a_csv() {
    let dir = tempfile::tempdir().unwrap();
    let (mut file, _) = sample(dir.path());
    let before = file
        .list::<keel_core::domain::FactorySnapshotData>()
        .unwrap();
    let known: Vec<_> = before.iter().map(|w| w.data.period_start).collect();
    let new = [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)]
        .iter()
        .filter(|d| !known.contains(d))
        .count() as u32;
    let (summary, _) = file
        .import_traction(
            &fixture("factory-weeks.csv"),
            &ActualsOptions::default(),
            "Ada",
        )
        .unwrap();
    assert_eq!(summary.cadence, "weekly");
    assert_eq!(summary.added, new);
    assert_eq!(summary.added + summary.updated + summary.unchanged, 3);
    let weeks = file
        .list::<keel_core::domain::FactorySnapshotData>()
        .unwrap();
    assert_eq!(weeks.len(), before.len() + new as usize, "never duplicated");
    let nov9 = weeks
        .iter()
        .find(|w| w.data.period_start == date(2026, 11, 9))
        .unwrap();
    assert_eq!(
        (nov9.data.acquisition, nov9.data.referral),
        (130, 4),
        "the file's counts"
    );
}
