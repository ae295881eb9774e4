//! The founder's Markdown fields (vision, strategy, the canvas boxes, descriptions) as a small
//! tree of blocks and inline runs, parsed once here and written by each outward document in its
//! own way: the PDF template draws the tree from JSON (every run stays a string, never markup),
//! the Markdown export writes it back as safe Markdown. Raw HTML becomes text, headings become
//! headings of the field only, links keep only web and mail addresses, and nesting is bounded.

mod markdown;
mod parse;

pub use markdown::to_markdown;

use serde::Serialize;

/// How deep lists and quotes nest, and how deep bold, italic, strike and links nest, before
/// deeper content is flattened into the level above (a 20,000-character field of `>` or `*`
/// would otherwise nest 20,000 deep).
pub const MAX_BLOCK_DEPTH: usize = 6;
pub const MAX_INLINE_DEPTH: usize = 6;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        content: Vec<Inline>,
    },
    /// A heading inside a field: a line of its own, never a heading of the document.
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    /// A bulleted list (`start` none) or a numbered one from `start`.
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Quote {
        blocks: Vec<Block>,
    },
    Code {
        text: String,
    },
    Rule,
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    Code {
        text: String,
    },
    Break,
    Strong {
        content: Vec<Inline>,
    },
    Emph {
        content: Vec<Inline>,
    },
    Strike {
        content: Vec<Inline>,
    },
    /// A link to a web or mail address (any other link is kept as its text alone).
    Link {
        url: String,
        content: Vec<Inline>,
    },
}

/// A Markdown field as blocks; serialised as the list of its blocks.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Rich(pub Vec<Block>);

impl Rich {
    pub fn parse(text: &str) -> Rich {
        Rich(parse::blocks(text, false))
    }

    /// A field written a line an item (a Lean Canvas box): each line break stays a break.
    pub fn parse_lines(text: &str) -> Rich {
        Rich(parse::blocks(text, true))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Safe Markdown whose own headings sit below `section_level`.
    pub fn to_markdown(&self, section_level: u8) -> String {
        to_markdown(&self.0, section_level)
    }

    /// The text alone, a paragraph a line, list items as "- " lines: for places that show a
    /// field as plain text.
    pub fn to_plain(&self) -> String {
        let mut out = Vec::new();
        plain_blocks(&self.0, "", &mut out);
        out.join("\n")
    }
}

/// The text of inline runs, breaks as spaces.
pub fn inline_text(content: &[Inline]) -> String {
    let mut s = String::new();
    for i in content {
        match i {
            Inline::Text { text } | Inline::Code { text } => s.push_str(text),
            Inline::Break => s.push(' '),
            Inline::Strong { content } | Inline::Emph { content } | Inline::Strike { content } => {
                s.push_str(&inline_text(content))
            }
            Inline::Link { url, content } => {
                let t = inline_text(content);
                if t == *url || format!("mailto:{t}") == *url {
                    s.push_str(&t);
                } else {
                    s.push_str(&format!("{t} ({url})"));
                }
            }
        }
    }
    s
}

fn plain_blocks(blocks: &[Block], indent: &str, out: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Paragraph { content } | Block::Heading { content, .. } => {
                out.push(format!("{indent}{}", inline_text(content)))
            }
            Block::List { start, items } => {
                for (n, item) in items.iter().enumerate() {
                    let marker = match start {
                        Some(s) => format!("{}. ", s + n as u64),
                        None => "- ".to_string(),
                    };
                    let mut lines = Vec::new();
                    plain_blocks(item, "", &mut lines);
                    let pad = " ".repeat(marker.chars().count());
                    for (k, l) in lines.iter().enumerate() {
                        let lead = if k == 0 { &marker } else { &pad };
                        out.push(format!("{indent}{lead}{l}"));
                    }
                }
            }
            Block::Quote { blocks } => plain_blocks(blocks, &format!("{indent}> "), out),
            Block::Code { text } => out.extend(text.lines().map(|l| format!("{indent}    {l}"))),
            Block::Rule => out.push(format!("{indent}———")),
            Block::Table { head, rows } => {
                for row in std::iter::once(head).chain(rows) {
                    let cells: Vec<String> = row.iter().map(|c| inline_text(c)).collect();
                    out.push(format!("{indent}{}", cells.join(" · ")));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
