//! CommonMark (with GitHub's tables and strikethrough, as the window's preview reads it) into
//! the tree of `Block`s, one pass over the parser's events with a stack of open containers.

use super::{Block, Inline, MAX_BLOCK_DEPTH, MAX_INLINE_DEPTH};
use pulldown_cmark::{Event, Options, Parser, Tag};

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Root,
    Quote,
    List(Option<u64>),
    Item,
    Paragraph,
    Heading(u8),
    CodeBlock,
    HtmlBlock,
    Strong,
    Emph,
    Strike,
    /// A link: its address when it is one a reader may follow.
    Link(Option<String>),
    Table,
    Head,
    Row,
    Cell,
    /// Anything else, or a container past the depth bound: its content joins the one above.
    Transparent,
}

struct Frame {
    kind: Kind,
    blocks: Vec<Block>,
    inlines: Vec<Inline>,
    items: Vec<Vec<Block>>,
    cells: Vec<Vec<Inline>>,
    head: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
    text: String,
}

impl Frame {
    fn new(kind: Kind) -> Frame {
        Frame {
            kind,
            blocks: Vec::new(),
            inlines: Vec::new(),
            items: Vec::new(),
            cells: Vec::new(),
            head: Vec::new(),
            rows: Vec::new(),
            text: String::new(),
        }
    }

    /// Inline runs not yet in a paragraph (a tight list item holds its text directly) become one.
    fn flush(&mut self) {
        let content = trim_inlines(std::mem::take(&mut self.inlines));
        if !content.is_empty() {
            self.blocks.push(Block::Paragraph { content });
        }
    }

    fn push_block(&mut self, block: Block) {
        self.flush();
        self.blocks.push(block);
    }

    fn push_inline(&mut self, inline: Inline) {
        if let (Some(Inline::Text { text: last }), Inline::Text { text }) =
            (self.inlines.last_mut(), &inline)
        {
            last.push_str(text);
            return;
        }
        self.inlines.push(inline);
    }
}

/// `lines`: a single line break is kept as a break (the canvas boxes, written a line an item),
/// where CommonMark would join the lines into one.
pub fn blocks(text: &str, lines: bool) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut stack = vec![Frame::new(Kind::Root)];
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(tag) => {
                let kind = open(&tag, &stack);
                stack.push(Frame::new(kind));
            }
            Event::End(_) => {
                // An image is transparent: its description shows, nothing is fetched.
                if stack.len() > 1 {
                    let frame = stack.pop().expect("more than the root");
                    close(frame, stack.last_mut().expect("the root stays"));
                }
            }
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                let top = stack.last_mut().expect("the root stays");
                match top.kind {
                    Kind::CodeBlock | Kind::HtmlBlock => top.text.push_str(&t),
                    // Inline HTML may run over lines: in a paragraph it is one line of text.
                    _ => top.push_inline(Inline::Text {
                        text: t.replace(['\n', '\r'], " "),
                    }),
                }
            }
            Event::Code(t) => top(&mut stack).push_inline(Inline::Code {
                text: t.to_string(),
            }),
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                top(&mut stack).push_inline(Inline::Text {
                    text: format!("${t}$"),
                })
            }
            Event::SoftBreak if lines => top(&mut stack).push_inline(Inline::Break),
            Event::SoftBreak => top(&mut stack).push_inline(Inline::Text { text: " ".into() }),
            Event::HardBreak => top(&mut stack).push_inline(Inline::Break),
            Event::Rule => top(&mut stack).push_block(Block::Rule),
            Event::TaskListMarker(done) => top(&mut stack).push_inline(Inline::Text {
                text: if done { "☑ " } else { "☐ " }.into(),
            }),
            Event::FootnoteReference(t) => top(&mut stack).push_inline(Inline::Text {
                text: format!("[^{t}]"),
            }),
        }
    }
    while stack.len() > 1 {
        let frame = stack.pop().expect("more than the root");
        close(frame, stack.last_mut().expect("the root stays"));
    }
    let mut root = stack.pop().expect("the root");
    root.flush();
    root.blocks
}

fn top(stack: &mut [Frame]) -> &mut Frame {
    stack.last_mut().expect("the root stays")
}

fn open(tag: &Tag, stack: &[Frame]) -> Kind {
    let blocks_deep = stack
        .iter()
        .filter(|f| matches!(f.kind, Kind::Quote | Kind::List(_)))
        .count();
    let inlines_deep = stack
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                Kind::Strong | Kind::Emph | Kind::Strike | Kind::Link(_)
            )
        })
        .count();
    let parent = &stack.last().expect("the root stays").kind;
    let in_cell = stack.iter().any(|f| f.kind == Kind::Cell);
    let nested_block = blocks_deep >= MAX_BLOCK_DEPTH;
    let nested_inline = inlines_deep >= MAX_INLINE_DEPTH;
    match tag {
        Tag::Paragraph => Kind::Paragraph,
        Tag::Heading { level, .. } => Kind::Heading(*level as u8),
        Tag::BlockQuote(_) if !nested_block => Kind::Quote,
        Tag::CodeBlock(_) => Kind::CodeBlock,
        Tag::HtmlBlock => Kind::HtmlBlock,
        Tag::List(start) if !nested_block => Kind::List(*start),
        Tag::Item if matches!(parent, Kind::List(_)) => Kind::Item,
        Tag::Table(_) if !in_cell => Kind::Table,
        Tag::TableHead if *parent == Kind::Table => Kind::Head,
        Tag::TableRow if *parent == Kind::Table => Kind::Row,
        Tag::TableCell if matches!(parent, Kind::Head | Kind::Row) => Kind::Cell,
        Tag::Emphasis if !nested_inline => Kind::Emph,
        Tag::Strong if !nested_inline => Kind::Strong,
        Tag::Strikethrough if !nested_inline => Kind::Strike,
        Tag::Link { dest_url, .. } if !nested_inline => Kind::Link(followable(dest_url)),
        _ => Kind::Transparent,
    }
}

/// The address of a link a reader may follow: a web or mail address, nothing else (no
/// `javascript:`, no file or relative paths).
fn followable(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let ok = ["http://", "https://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p) && lower.len() > p.len());
    (ok && !url.chars().any(char::is_control)).then(|| url.to_string())
}

fn close(mut frame: Frame, parent: &mut Frame) {
    match frame.kind {
        Kind::Root => {}
        Kind::Paragraph => {
            let content = trim_inlines(frame.inlines);
            if !content.is_empty() {
                parent.push_block(Block::Paragraph { content });
            }
        }
        Kind::Heading(level) => {
            let content = trim_inlines(frame.inlines);
            if !content.is_empty() {
                parent.push_block(Block::Heading { level, content });
            }
        }
        Kind::Quote => {
            frame.flush();
            if !frame.blocks.is_empty() {
                parent.push_block(Block::Quote {
                    blocks: frame.blocks,
                });
            }
        }
        Kind::CodeBlock => {
            let text = frame.text.trim_end_matches('\n').to_string();
            parent.push_block(Block::Code { text });
        }
        Kind::HtmlBlock => {
            // Raw HTML is shown as the text it is, line by line.
            let mut content = Vec::new();
            for line in frame.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                if !content.is_empty() {
                    content.push(Inline::Break);
                }
                content.push(Inline::Text { text: line.into() });
            }
            if !content.is_empty() {
                parent.push_block(Block::Paragraph { content });
            }
        }
        Kind::List(start) => {
            if !frame.items.is_empty() {
                parent.push_block(Block::List {
                    start,
                    items: frame.items,
                });
            }
        }
        Kind::Item => {
            frame.flush();
            parent.items.push(frame.blocks);
        }
        Kind::Strong | Kind::Emph | Kind::Strike => {
            if frame.inlines.is_empty() {
                return;
            }
            let content = frame.inlines;
            parent.push_inline(match frame.kind {
                Kind::Strong => Inline::Strong { content },
                Kind::Emph => Inline::Emph { content },
                _ => Inline::Strike { content },
            });
        }
        Kind::Link(Some(url)) if !frame.inlines.is_empty() => {
            parent.push_inline(Inline::Link {
                url,
                content: frame.inlines,
            });
        }
        Kind::Table => {
            let width = frame.head.len().max(1);
            let fit = |mut row: Vec<Vec<Inline>>| {
                row.resize(width, Vec::new());
                row
            };
            let head = fit(frame.head);
            let rows = frame.rows.into_iter().map(fit).collect();
            parent.push_block(Block::Table { head, rows });
        }
        Kind::Head => parent.head = frame.cells,
        Kind::Row => parent.rows.push(frame.cells),
        Kind::Cell => parent.cells.push(trim_inlines(frame.inlines)),
        Kind::Link(_) | Kind::Transparent => {
            frame.flush_into(parent);
        }
    }
}

impl Frame {
    /// A transparent container's content joins its parent: its blocks as blocks, its runs as
    /// runs (a list item past the depth bound keeps its text as paragraphs).
    fn flush_into(mut self, parent: &mut Frame) {
        if self.blocks.is_empty() {
            for i in self.inlines {
                parent.push_inline(i);
            }
            return;
        }
        self.flush();
        for b in self.blocks {
            parent.push_block(b);
        }
    }
}

/// Runs without leading or trailing spaces (a soft break at either end adds nothing).
fn trim_inlines(mut content: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text { text }) = content.first_mut() {
        *text = text.trim_start().to_string();
    }
    if let Some(Inline::Text { text }) = content.last_mut() {
        *text = text.trim_end().to_string();
    }
    content.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
    while matches!(content.last(), Some(Inline::Break)) {
        content.pop();
    }
    content
}
