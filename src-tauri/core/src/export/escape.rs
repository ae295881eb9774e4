//! Escaping user text for Markdown and CSV. Invariant: whatever a founder types comes out as
//! literal text — it can never open a heading, list, table cell, link, HTML tag, code span or
//! math span, nor end one.

/// Characters that carry inline meaning in GitHub-flavoured Markdown anywhere in a line.
const INLINE: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '!', '&', '$', '{', '}',
];

/// One line of literal text (newlines become spaces): safe in a paragraph, heading, list item
/// or table cell.
pub fn inline(text: &str) -> String {
    let flat: String = text
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    escape_line(&flat)
}

fn escape_line(line: &str) -> String {
    let line = line.trim();
    let mut out = String::with_capacity(line.len() + 8);
    // A line may not start a block: list markers, thematic breaks, setext underlines, numbers.
    let starts_block = line.starts_with(['-', '+', '=']);
    let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
    let ordered = digits > 0 && line[digits..].starts_with(['.', ')']);
    for (i, c) in line.chars().enumerate() {
        if INLINE.contains(&c) || (i == 0 && starts_block) || (ordered && i == digits) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Multi-line literal text as Markdown paragraphs: blank lines separate paragraphs, single
/// newlines become hard line breaks.
pub fn block(text: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    // A line break is LF, CRLF (Windows) or a lone CR (old Mac files): each is one break.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\\\n"));
                current.clear();
            }
        } else {
            current.push(escape_line(line));
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\\\n"));
    }
    paragraphs.join("\n\n")
}

/// One CSV field (RFC 4180). Text that a spreadsheet would run as a formula (=, +, -, @, tab)
/// gets a leading apostrophe, so an exported plan cannot execute anything when opened. Line
/// breaks inside a field are written as LF whatever the text held (CRLF ends records only).
pub fn csv_field(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t']) {
        format!("'{text}")
    } else {
        text
    };
    if guarded.contains([',', '"', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_characters_are_escaped() {
        assert_eq!(inline("a | b"), "a \\| b");
        assert_eq!(inline("# Title"), "\\# Title");
        assert_eq!(inline("1. first"), "1\\. first");
        assert_eq!(inline("- item"), "\\- item");
        assert_eq!(
            inline("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(inline("[x](y)"), "\\[x\\](y)");
        assert_eq!(inline("two\nlines"), "two lines");
        assert_eq!(
            inline("a-b 2.5"),
            "a-b 2.5",
            "only a leading marker is escaped"
        );
    }

    #[test]
    fn csv_quotes_and_guards_formulas() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("line\nbreak"), "\"line\nbreak\"");
    }
}
