//! Reading the values of other tools' exports: dates in their usual forms, numbers with currency
//! symbols and thousands separators, and the words for statuses and priorities, each mapped by a
//! rule a founder can read in the preview.

use crate::domain::{FeatureStatus, Horizon, RiskClass, Stage};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

/// Which part of a date like 03/04/2026 is the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// 04/03/2026 is 3 April (the US).
    MonthFirst,
    /// 03/04/2026 is 3 April (most of the world).
    DayFirst,
}

impl DateOrder {
    pub fn label(self) -> &'static str {
        match self {
            DateOrder::MonthFirst => "month/day/year",
            DateOrder::DayFirst => "day/month/year",
        }
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_named(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    (w.len() >= 3)
        .then(|| MONTHS.iter().position(|m| w.starts_with(m)))
        .flatten()
        .map(|i| i as u32 + 1)
}

fn year(text: &str) -> Option<i32> {
    let y: i32 = text.parse().ok()?;
    match text.len() {
        4 => Some(y),
        2 => Some(2000 + y),
        _ => None,
    }
}

/// The three numbers of a slashed, dotted or dashed date (03/04/2026, 3.4.26), if it is one.
fn numeric_parts(text: &str) -> Option<(u32, u32, &str)> {
    let mut parts = text.split(['/', '.', '-']);
    // Day or month first: at most two digits (2026-11-03 is ISO, read elsewhere).
    let a = parts.next().filter(|a| a.len() <= 2)?.parse().ok()?;
    let b = parts.next().filter(|b| b.len() <= 2)?.parse().ok()?;
    let c = parts.next()?;
    (parts.next().is_none() && c.chars().all(|ch| ch.is_ascii_digit())).then_some((a, b, c))
}

/// The order a column's dates must be read in, when their numbers tell: a first part over 12
/// is a day, a second part over 12 too. `None` when every date reads both ways (then the
/// founder is asked) or none is a slashed date.
pub fn detect_order<'a>(values: impl IntoIterator<Item = &'a str>) -> Option<DateOrder> {
    for v in values {
        let v = date_part(v);
        if let Some((a, b, _)) = numeric_parts(v) {
            if a > 12 && b <= 12 {
                return Some(DateOrder::DayFirst);
            }
            if b > 12 && a <= 12 {
                return Some(DateOrder::MonthFirst);
            }
        }
    }
    None
}

/// Whether a column holds dates that read both ways and so need an order.
pub fn needs_order<'a>(values: impl IntoIterator<Item = &'a str>) -> bool {
    values.into_iter().any(|v| {
        let v = date_part(v);
        !v.contains(['T', ' ']) && numeric_parts(v).is_some_and(|(a, _, c)| a <= 31 && c.len() >= 2)
    })
}

/// The date without a time after it ("2026-08-01T09:00:00.000Z", "27/Sep/26 10:00 AM").
fn date_part(text: &str) -> &str {
    let t = text.trim();
    let t = t.split('T').next().unwrap_or(t);
    // A time after a space: "27/Sep/26 10:00 AM", "2026-08-01 09:00".
    match t.split_once(' ') {
        Some((d, rest)) if rest.contains(':') => d,
        _ => t,
    }
}

/// A date in any of the forms other tools export: ISO (with or without a time), Jira's
/// 27/Sep/26, "Sep 27, 2026", "27 Sep 2026", or numbers in `order`.
pub fn date(text: &str, order: Option<DateOrder>) -> Option<NaiveDate> {
    let t = text.trim();
    if t.len() >= 10 && t.as_bytes()[4] == b'-' {
        if let Ok(d) = NaiveDate::parse_from_str(&t[..10], "%Y-%m-%d") {
            return Some(d);
        }
    }
    let d = date_part(t);
    // Jira: 27/Sep/26.
    let slashed: Vec<&str> = d.split(['/', '-']).collect();
    if let [day, month, y] = slashed[..] {
        if let (Ok(day), Some(month), Some(y)) = (day.parse(), month_named(month), year(y)) {
            return NaiveDate::from_ymd_opt(y, month, day);
        }
    }
    if let Some((a, b, y)) = numeric_parts(d) {
        let y = year(y)?;
        if a > 31 {
            return None;
        }
        let (month, day) = match order? {
            DateOrder::MonthFirst => (a, b),
            DateOrder::DayFirst => (b, a),
        };
        return NaiveDate::from_ymd_opt(y, month, day);
    }
    // Words: "Sep 27, 2026", "27 September 2026".
    let words: Vec<&str> = t.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    match words[..] {
        [m, day, y, ..] if month_named(m).is_some() => {
            NaiveDate::from_ymd_opt(year(y)?, month_named(m)?, day.parse().ok()?)
        }
        [day, m, y, ..] if month_named(m).is_some() => {
            NaiveDate::from_ymd_opt(year(y)?, month_named(m)?, day.parse().ok()?)
        }
        _ => None,
    }
}

/// A number as spreadsheets and billing tools write it: "$12,500.00", "12.500,00 €", "1 200",
/// "3 pts". With `decimal_comma` (a semicolon-separated file), "2,5" is two and a half.
pub fn number(text: &str, decimal_comma: bool) -> Option<f64> {
    let kept: String = text
        .trim()
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
        .collect();
    if kept.is_empty() || !kept.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // Letters other than a unit or currency code mean this is not a plain number ("three"),
    // and a multiplier ("12k", "1.2M") is not guessed at.
    let letters = text
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    if (letters.chars().count() > 3 && letters != "points")
        || ["k", "m", "b", "mm", "bn"].contains(&letters.as_str())
    {
        return None;
    }
    let (last_dot, last_comma) = (kept.rfind('.'), kept.rfind(','));
    let normal = match (last_dot, last_comma) {
        // Both: the later one is the decimal separator.
        (Some(d), Some(c)) if c > d => kept.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => kept.replace(',', ""),
        (None, Some(c)) => {
            let decimals = kept.len() - c - 1;
            if decimal_comma || (decimals != 3 && kept.matches(',').count() == 1) {
                kept.replace(',', ".")
            } else {
                kept.replace(',', "")
            }
        }
        (Some(d), None) => {
            let decimals = kept.len() - d - 1;
            if kept.matches('.').count() > 1 || (decimal_comma && decimals == 3) {
                kept.replace('.', "")
            } else {
                kept
            }
        }
        (None, None) => kept,
    };
    normal.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// The words of other tools' workflows, and the status each becomes.
pub const STATUS_WORDS: &[(FeatureStatus, &[&str])] = &[
    (
        FeatureStatus::Idea,
        &[
            "idea",
            "backlog",
            "triage",
            "new",
            "open",
            "icebox",
            "no status",
            "candidate",
            "under consideration",
            "unstarted",
        ],
    ),
    (
        FeatureStatus::Planned,
        &[
            "planned",
            "todo",
            "to do",
            "ready",
            "next up",
            "selected for development",
            "up next",
            "committed",
            "not started",
        ],
    ),
    (
        FeatureStatus::InProgress,
        &[
            "in progress",
            "in_progress",
            "started",
            "doing",
            "in review",
            "review",
            "in development",
            "in qa",
            "building",
            "blocked",
        ],
    ),
    (
        FeatureStatus::Done,
        &[
            "done",
            "completed",
            "complete",
            "closed",
            "shipped",
            "released",
            "resolved",
            "merged",
        ],
    ),
    (
        FeatureStatus::Dropped,
        &[
            "dropped",
            "canceled",
            "cancelled",
            "won't do",
            "wont do",
            "won't fix",
            "duplicate",
            "rejected",
            "not planned",
            "abandoned",
            "archived",
        ],
    ),
];

/// Priorities (Linear, Jira, GitHub labels) and the risk level each becomes.
pub const PRIORITY_WORDS: &[(u32, &[&str])] = &[
    (5, &["urgent", "highest", "critical", "blocker", "p0", "5"]),
    (4, &["high", "major", "p1", "4"]),
    (3, &["medium", "normal", "p2", "3"]),
    (2, &["low", "minor", "p3", "2"]),
    (1, &["lowest", "trivial", "no priority", "none", "p4", "1"]),
];

pub const HORIZON_WORDS: &[(Horizon, &[&str])] = &[
    (
        Horizon::Now,
        &["now", "current", "this cycle", "this quarter"],
    ),
    (Horizon::Next, &["next", "next quarter", "soon"]),
    (
        Horizon::Later,
        &["later", "someday", "future", "eventually"],
    ),
];

pub const RISK_CLASS_WORDS: &[(RiskClass, &[&str])] = &[
    (
        RiskClass::Business,
        &["business", "market", "customer", "product"],
    ),
    (
        RiskClass::Technical,
        &["technical", "tech", "technology", "engineering"],
    ),
    (
        RiskClass::Operational,
        &["operational", "ops", "operations", "operation"],
    ),
];

pub const STAGE_WORDS: &[(Stage, &[&str])] = &[
    (Stage::Mvp, &["mvp", "minimum viable product"]),
    (
        Stage::Scaling,
        &["scaling", "scaling up", "scale", "scale-up"],
    ),
    (Stage::Enterprise, &["enterprise"]),
];

/// The value `text` stands for in `words` (case and spacing aside).
pub fn word<T: Copy>(words: &[(T, &[&str])], text: &str) -> Option<T> {
    let t = text.trim().to_lowercase().replace(['-', '_'], " ");
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    words
        .iter()
        .find(|(_, ws)| ws.iter().any(|w| w.replace('_', " ") == t))
        .map(|(v, _)| *v)
}

/// A leading apostrophe that an export (Linear's) puts before text a spreadsheet would run as a
/// formula, taken off; the text itself is kept as text, never run (Keel's own exports guard it
/// again).
pub fn unguarded(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_in_the_usual_forms() {
        assert_eq!(date("2026-08-01", None), d(2026, 8, 1));
        assert_eq!(date("2026-08-01T09:00:00.000Z", None), d(2026, 8, 1));
        assert_eq!(date("27/Sep/26 10:00 AM", None), d(2026, 9, 27));
        assert_eq!(date("Sep 27, 2026", None), d(2026, 9, 27));
        assert_eq!(date("27 September 2026", None), d(2026, 9, 27));
        assert_eq!(
            date("04/03/2026", Some(DateOrder::MonthFirst)),
            d(2026, 4, 3)
        );
        assert_eq!(date("04/03/2026", Some(DateOrder::DayFirst)), d(2026, 3, 4));
        assert_eq!(date("4.3.26", Some(DateOrder::DayFirst)), d(2026, 3, 4));
        assert_eq!(
            date("04/03/2026", None),
            None,
            "an ambiguous date needs an order"
        );
        assert_eq!(date("31/02/2026", Some(DateOrder::DayFirst)), None);
        assert_eq!(date("soon", None), None);
    }

    #[test]
    fn the_order_is_detected_when_a_part_is_over_12() {
        assert_eq!(
            detect_order(["01/02/2026", "13/02/2026"]),
            Some(DateOrder::DayFirst)
        );
        assert_eq!(
            detect_order(["01/02/2026", "02/13/2026"]),
            Some(DateOrder::MonthFirst)
        );
        assert_eq!(detect_order(["01/02/2026", "03/04/2026"]), None);
        assert_eq!(
            detect_order(["2026-11-03T00:00:00.000Z", "2026-12-15"]),
            None
        );
        assert!(needs_order(["01/02/2026"]));
        assert!(!needs_order(["2026-02-01"]));
    }

    #[test]
    fn numbers_with_symbols_and_separators() {
        assert_eq!(number("$12,500.00", false), Some(12_500.0));
        assert_eq!(number("12.500,00 €", true), Some(12_500.0));
        assert_eq!(number("12.500", true), Some(12_500.0));
        assert_eq!(number("1 200", false), Some(1_200.0));
        assert_eq!(number("2,5", true), Some(2.5));
        assert_eq!(number("2,5", false), Some(2.5));
        assert_eq!(number("1,234", false), Some(1_234.0));
        assert_eq!(number("3 pts", false), Some(3.0));
        assert_eq!(number("USD 99", false), Some(99.0));
        assert_eq!(number("three", false), None);
        assert_eq!(number("12k", false), None);
        assert_eq!(number("", false), None);
        assert_eq!(number("-", false), None);
    }

    #[test]
    fn words_map_to_keels_values() {
        assert_eq!(
            word(STATUS_WORDS, "In Progress"),
            Some(FeatureStatus::InProgress)
        );
        assert_eq!(word(STATUS_WORDS, "Canceled"), Some(FeatureStatus::Dropped));
        assert_eq!(word(STATUS_WORDS, "To Do"), Some(FeatureStatus::Planned));
        assert_eq!(word(STATUS_WORDS, "Backlog"), Some(FeatureStatus::Idea));
        assert_eq!(word(STATUS_WORDS, "Waiting"), None);
        assert_eq!(word(PRIORITY_WORDS, "Urgent"), Some(5));
        assert_eq!(word(PRIORITY_WORDS, "No priority"), Some(1));
        assert_eq!(word(STAGE_WORDS, "Scaling up"), Some(Stage::Scaling));
    }

    #[test]
    fn a_formula_guard_is_taken_off_and_other_text_kept() {
        assert_eq!(unguarded("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unguarded("'quoted'"), "'quoted'");
        assert_eq!(unguarded("=HYPERLINK(\"x\")"), "=HYPERLINK(\"x\")");
    }
}
