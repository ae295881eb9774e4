//! End-to-end: the real app in a real window. Run serially under Xvfb (`make test` does).

#[path = "../fixed_clock/mod.rs"]
mod fixed_clock;
#[path = "../support/mod.rs"]
mod support;
#[path = "../teammate/mod.rs"]
mod teammate;

mod editing;
mod files;
mod imports;
mod team;
mod views;

use support::App;

/// The feature table's first row's title.
pub(crate) const FIRST_TITLE: &str = "table[aria-label=Features] tbody tr:first-child .title";

/// Opens the feature table's first feature in the side panel and types `title` as its title.
pub(crate) async fn rename_first_feature(app: &App, title: &str) {
    app.click("table[aria-label=Features] tbody tr:first-child .open")
        .await;
    app.type_into("aside.panel input[type=text]", title).await;
}
