//! The feature table as CSV (RFC 4180: comma-separated, CRLF line ends, quoted when needed).

use super::escape::csv_field;
use super::report::Report;

const HEADER: &[&str] = &[
    "rank", "id", "title", "risk", "level", "stage", "status", "horizon", "rice", "start", "end",
    "reason",
];

pub fn render(r: &Report) -> String {
    let mut out = HEADER.join(",");
    out.push_str("\r\n");
    for f in r.features.iter().chain(&r.closed) {
        let fields = [
            f.rank.map(|n| n.to_string()).unwrap_or_default(),
            f.id.to_string(),
            f.title.clone(),
            f.class.clone(),
            f.level.to_string(),
            f.stage.clone(),
            f.status.clone(),
            f.horizon.clone(),
            f.rice.clone(),
            f.start.map(|d| d.to_string()).unwrap_or_default(),
            f.end.map(|d| d.to_string()).unwrap_or_default(),
            f.reason.clone(),
        ];
        out.push_str(
            &fields
                .iter()
                .map(|s| csv_field(s))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
}
