use super::*;
use proptest::prelude::*;

fn text(t: &str) -> Inline {
    Inline::Text { text: t.into() }
}

fn para(content: Vec<Inline>) -> Block {
    Block::Paragraph { content }
}

#[test]
fn bold_italic_code_and_breaks_become_runs() {
    let r = Rich::parse("We rent **robots** to *farms*, `fast`  \nnext line");
    assert_eq!(
        r.0,
        vec![para(vec![
            text("We rent "),
            Inline::Strong {
                content: vec![text("robots")]
            },
            text(" to "),
            Inline::Emph {
                content: vec![text("farms")]
            },
            text(", "),
            Inline::Code {
                text: "fast".into()
            },
            Inline::Break,
            text("next line"),
        ])]
    );
}

#[test]
fn lists_keep_their_items_and_numbers() {
    let r = Rich::parse("3. Win small\n4. Then grow\n   - nested\n\n- a\n- b");
    let Block::List { start, items } = &r.0[0] else {
        panic!("{:?}", r.0)
    };
    assert_eq!(*start, Some(3));
    assert_eq!(items.len(), 2);
    assert_eq!(items[0], vec![para(vec![text("Win small")])]);
    assert!(matches!(&items[1][1], Block::List { start: None, .. }));
    assert!(matches!(&r.0[1], Block::List { start: None, items } if items.len() == 2));
}

#[test]
fn raw_html_is_text_and_only_web_links_are_links() {
    let r = Rich::parse(
        "<script>alert(1)</script>\n\nsee <b>this</b> [x](javascript:alert(1)) [y](https://a.io)",
    );
    assert_eq!(r.0[0], para(vec![text("<script>alert(1)</script>")]));
    let Block::Paragraph { content } = &r.0[1] else {
        panic!()
    };
    assert_eq!(content[0], text("see <b>this</b> x "));
    assert_eq!(
        content[1],
        Inline::Link {
            url: "https://a.io".into(),
            content: vec![text("y")]
        }
    );
}

#[test]
fn a_field_heading_is_demoted_below_its_section() {
    let r = Rich::parse("# Aim\n\ntext\n\n###### deep");
    assert_eq!(r.to_markdown(2), "### Aim\n\ntext\n\n###### deep");
    assert_eq!(r.to_markdown(5), "###### Aim\n\ntext\n\n###### deep");
}

#[test]
fn deep_nesting_is_bounded_and_keeps_the_text() {
    for source in [
        format!("{}deep", "> ".repeat(20_000)),
        format!("{}deep", "- ".repeat(5_000)),
        format!("{}deep{}", "*_".repeat(3_000), "_*".repeat(3_000)),
    ] {
        let r = Rich::parse(&source);
        fn depth(blocks: &[Block]) -> usize {
            blocks
                .iter()
                .map(|b| match b {
                    Block::Quote { blocks } => 1 + depth(blocks),
                    Block::List { items, .. } => {
                        1 + items.iter().map(|i| depth(i)).max().unwrap_or(0)
                    }
                    _ => 0,
                })
                .max()
                .unwrap_or(0)
        }
        assert!(depth(&r.0) <= MAX_BLOCK_DEPTH, "{}", depth(&r.0));
        assert!(r.to_plain().contains("deep"));
        assert!(!r.to_markdown(2).is_empty());
    }
}

#[test]
fn plain_text_keeps_list_lines_and_link_addresses() {
    let r = Rich::parse("Intro\n\n- one\n- [two](https://x.io)\n\n1. first");
    assert_eq!(r.to_plain(), "Intro\n- one\n- two (https://x.io)\n1. first");
}

/// Writing a field back as Markdown and reading it again gives the same tree: nothing the
/// founder wrote changes meaning, and nothing escapes the field.
fn round_trips(source: &str) {
    let first = Rich::parse(source);
    let written = first.to_markdown(0);
    let again = Rich::parse(&written);
    assert_eq!(first, again, "source {source:?} written as {written:?}");
}

#[test]
fn founders_markdown_round_trips() {
    for source in [
        "We rent **rented robots** to farms.\n\n- Win *small*\n- Then ~~grow~~ scale\n\n1. a\n2. b",
        "# Heading\n\nText with `code | pipe` and [a link](https://e.com/a_(b)).",
        "> quoted **bold**\n>\n> second\n\n---\n\n```\nlet x = `y`;\n```",
        "| a | b |\n|---|---|\n| `x|y` | **z** |",
        "- a\n\n* b\n\n1. x\n\n1) y",
        "line one  \n- not a list after a break  \n1. nor this",
        "#read(\"/etc/passwd\") $x^2$ @ref <label> \\ ~ & !",
    ] {
        round_trips(source);
    }
}

/// The blocks' shape and text, emphasis aside: which of bold and italic a run of nested
/// asterisks and underscores makes is not always kept, but nothing else may change.
fn shape(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    for b in blocks {
        let (kind, inner): (&str, String) = match b {
            Block::Paragraph { content } => ("p", inline_text(content)),
            Block::Heading { level, content } => ("h", format!("{level} {}", inline_text(content))),
            Block::List { start, items } => {
                let inner = items.iter().map(|i| shape(i).join("|")).collect::<Vec<_>>();
                ("list", format!("{start:?} {}", inner.join(" / ")))
            }
            Block::Quote { blocks } => ("quote", shape(blocks).join("|")),
            Block::Code { text } => ("code", text.clone()),
            Block::Rule => ("rule", String::new()),
            Block::Table { head, rows } => ("table", format!("{} {}", head.len(), rows.len())),
        };
        let inner: String = inner.chars().filter(|c| !matches!(c, '*' | '_')).collect();
        out.push(format!("{kind}: {inner}"));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn any_text_keeps_its_shape_and_text(source in "[-a-c *_`#>|\\[\\]()<>!~1.\n\\\\:/&]{0,60}") {
        let first = Rich::parse(&source);
        let written = first.to_markdown(0);
        let again = Rich::parse(&written);
        prop_assert_eq!(shape(&first.0), shape(&again.0), "source {:?} written as {:?}", source, written);
    }
}
