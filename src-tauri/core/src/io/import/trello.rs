//! Trello's board export (Menu › Print, export and share › Export as JSON) as a table: one row
//! per card — its id, name, description, list (the status), labels, start and due dates. An
//! archived card, or a card of an archived list, reads as "Archived" (dropped).

use super::table::{not_imported, within_size, Table, TableRow};
use crate::error::Result;
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize)]
struct Board {
    #[serde(default)]
    lists: Vec<List>,
    cards: Vec<Card>,
}

#[derive(Deserialize)]
struct List {
    id: String,
    name: String,
    #[serde(default)]
    closed: bool,
}

#[derive(Deserialize)]
struct Card {
    id: String,
    name: String,
    #[serde(default)]
    desc: String,
    #[serde(default, rename = "idList")]
    id_list: String,
    #[serde(default)]
    closed: bool,
    #[serde(default)]
    labels: Vec<Label>,
    #[serde(default)]
    start: Option<String>,
    #[serde(default)]
    due: Option<String>,
}

#[derive(Deserialize)]
struct Label {
    #[serde(default)]
    name: String,
    #[serde(default)]
    color: Option<String>,
}

pub const HEADERS: [&str; 7] = [
    "Card ID",
    "Card Name",
    "Card Description",
    "List Name",
    "Labels",
    "Start Date",
    "Due Date",
];

/// Whether `bytes` look like JSON rather than CSV.
pub fn is_json(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    text.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{')
}

pub fn read(bytes: &[u8]) -> Result<Table> {
    let text = within_size(bytes)?;
    let board: Board = serde_json::from_slice(text).map_err(|e| {
        not_imported(format!(
            "it is not a Trello board export (Export as JSON): {e}"
        ))
    })?;
    let lists: HashMap<&str, &List> = board.lists.iter().map(|l| (l.id.as_str(), l)).collect();
    let rows = board
        .cards
        .iter()
        .enumerate()
        .map(|(i, card)| {
            let list = lists.get(card.id_list.as_str());
            let archived = card.closed || list.is_some_and(|l| l.closed);
            let status = if archived {
                "Archived".to_string()
            } else {
                list.map(|l| l.name.clone()).unwrap_or_default()
            };
            let labels = card
                .labels
                .iter()
                .map(|l| match (&l.name, &l.color) {
                    (n, _) if !n.is_empty() => n.clone(),
                    (_, Some(c)) => c.clone(),
                    _ => String::new(),
                })
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            TableRow {
                archived,
                // The card's place in the board's list of cards (line 1 is the header).
                line: i + 2,
                cells: vec![
                    card.id.clone(),
                    card.name.clone(),
                    card.desc.clone(),
                    status,
                    labels,
                    card.start.clone().unwrap_or_default(),
                    card.due.clone().unwrap_or_default(),
                ],
                problem: (card.name.chars().count() > super::table::MAX_CELL
                    || card.desc.chars().count() > super::table::MAX_CELL)
                    .then(|| "its name or description is too long to read".to_string()),
            }
        })
        .collect();
    Ok(Table {
        headers: HEADERS.iter().map(|h| h.to_string()).collect(),
        rows,
        delimiter: ',',
    })
}
