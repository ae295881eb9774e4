//! The tree written back as GitHub-flavoured Markdown that renders as the founder wrote it and
//! cannot reach outside its field: every text run escaped, raw HTML already text, headings
//! below the section's level, fences longer than any backtick run they hold.

use super::{Block, Inline};
use crate::io::export::escape::run;

/// `blocks` as Markdown, their headings one level below `section_level` and deeper (at most 6).
pub fn to_markdown(blocks: &[Block], section_level: u8) -> String {
    sequence(blocks, section_level)
}

fn sequence(blocks: &[Block], section_level: u8) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut previous_list: Option<(bool, bool)> = None;
    for b in blocks {
        // Two lists of one kind side by side would merge into one: the second takes the other
        // marker ('*' after '-', ')' after '.').
        let alternate = match (b, previous_list) {
            (Block::List { start, .. }, Some((ordered, alt))) if start.is_some() == ordered => !alt,
            _ => false,
        };
        out.push(block(b, section_level, alternate));
        previous_list = match b {
            Block::List { start, .. } => Some((start.is_some(), alternate)),
            _ => None,
        };
    }
    out.join("\n\n")
}

fn block(b: &Block, section_level: u8, alternate: bool) -> String {
    match b {
        Block::Paragraph { content } => inlines(content, false),
        Block::Heading { level, content } => {
            let level = (section_level + level).min(6) as usize;
            let text = inlines(&without_breaks(content), false);
            format!("{} {text}", "#".repeat(level))
        }
        Block::List { start, items } => list(*start, items, section_level, alternate),
        Block::Quote { blocks } => sequence(blocks, section_level)
            .lines()
            .map(|l| {
                if l.is_empty() {
                    ">".into()
                } else {
                    format!("> {l}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Code { text } => {
            let fence = "`".repeat((longest_run(text, '`') + 1).max(3));
            format!("{fence}\n{text}\n{fence}")
        }
        Block::Rule => "---".into(),
        Block::Table { head, rows } => {
            let row = |cells: &Vec<Vec<Inline>>| {
                let cells: Vec<String> = cells
                    .iter()
                    .map(|c| inlines(&without_breaks(c), true))
                    .collect();
                format!("| {} |", cells.join(" | "))
            };
            let mut lines = vec![row(head), format!("|{}", "---|".repeat(head.len()))];
            lines.extend(rows.iter().map(row));
            lines.join("\n")
        }
    }
}

fn list(start: Option<u64>, items: &[Vec<Block>], section_level: u8, alternate: bool) -> String {
    let mut out = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let marker = match (start, alternate) {
            (Some(s), false) => format!("{}. ", s + n as u64),
            (Some(s), true) => format!("{}) ", s + n as u64),
            (None, false) => "- ".into(),
            (None, true) => "* ".into(),
        };
        let pad = " ".repeat(marker.len());
        // A nested list follows its line directly; other blocks of an item are paragraphs.
        let mut body = String::new();
        for (k, b) in item.iter().enumerate() {
            if k > 0 {
                body.push_str(if matches!(b, Block::List { .. }) {
                    "\n"
                } else {
                    "\n\n"
                });
            }
            body.push_str(&block(b, section_level, false));
        }
        let mut lines = body.lines();
        let first = lines.next().unwrap_or("");
        let mut text = format!("{marker}{first}");
        for l in lines {
            text.push('\n');
            if !l.is_empty() {
                text.push_str(&pad);
                text.push_str(l);
            }
        }
        out.push(text.trim_end().to_string());
    }
    out.join("\n")
}

fn without_breaks(content: &[Inline]) -> Vec<Inline> {
    content
        .iter()
        .map(|i| match i {
            Inline::Break => Inline::Text { text: " ".into() },
            other => other.clone(),
        })
        .collect()
}

/// Inline runs as one Markdown line (a hard break continues it on the next line).
fn inlines(content: &[Inline], in_table: bool) -> String {
    let mut out = String::new();
    write_inlines(content, in_table, &mut out);
    out
}

fn write_inlines(content: &[Inline], in_table: bool, out: &mut String) {
    for i in content {
        match i {
            Inline::Text { text } => {
                let line_start = out.is_empty() || out.ends_with('\n');
                let text = if line_start { text.trim_start() } else { text };
                out.push_str(&run(text, line_start));
            }
            Inline::Code { text } => {
                let text = if in_table {
                    text.replace('|', "\\|")
                } else {
                    text.clone()
                };
                let ticks = "`".repeat(longest_run(&text, '`') + 1);
                // CommonMark strips one space from each end of a code span that has both.
                let spaced =
                    text.starts_with(' ') && text.ends_with(' ') && !text.trim().is_empty();
                let pad = if text.starts_with('`') || text.ends_with('`') || spaced {
                    " "
                } else {
                    ""
                };
                out.push_str(&format!("{ticks}{pad}{text}{pad}{ticks}"));
            }
            Inline::Break => out.push_str("\\\n"),
            // Emphasis right inside emphasis takes the other delimiter ('_'): "***" would be
            // read as one run.
            Inline::Strong { content } => {
                let marker = if touches_emphasis(out) { "__" } else { "**" };
                wrapped(marker, content, in_table, out)
            }
            Inline::Emph { content } => {
                let marker = if touches_emphasis(out) { "_" } else { "*" };
                wrapped(marker, content, in_table, out)
            }
            Inline::Strike { content } => wrapped("~~", content, in_table, out),
            Inline::Link { url, content } => {
                out.push('[');
                write_inlines(content, in_table, out);
                out.push_str("](");
                out.push_str(&address(url));
                out.push(')');
            }
        }
    }
}

/// Whether what is written so far ends in an emphasis delimiter that a new one would join.
fn touches_emphasis(out: &str) -> bool {
    out.ends_with('*')
}

fn wrapped(marker: &str, content: &[Inline], in_table: bool, out: &mut String) {
    out.push_str(marker);
    write_inlines(content, in_table, out);
    out.push_str(marker);
}

/// A link's address as a Markdown destination (`<…>`): nothing in it can end the link, the
/// line or a table cell; it reads back as the same address.
fn address(url: &str) -> String {
    let mut out = String::with_capacity(url.len() + 2);
    out.push('<');
    for c in url.chars() {
        match c {
            '<' | '>' | '\\' | '|' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('>');
    out
}

fn longest_run(text: &str, ch: char) -> usize {
    let mut best = 0;
    let mut current = 0;
    for c in text.chars() {
        if c == ch {
            current += 1;
            best = best.max(current);
        } else {
            current = 0;
        }
    }
    best
}
