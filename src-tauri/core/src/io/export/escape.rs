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
    escape_line(&inline_words(text))
}

fn escape_line(line: &str) -> String {
    run(line.trim(), true)
}

/// A run of literal text inside a line of Markdown; `line_start` when it opens the line (then
/// a list marker, a number with a dot or a setext underline at its start is escaped too).
pub fn run(line: &str, line_start: bool) -> String {
    escaped(line, INLINE, line_start.then_some(&['-', '+', '='][..]))
}

/// Characters an e-mail reader's Markdown would take as formatting in running text; a `$`, a
/// `#` inside a line or an `&` reads as itself and is left alone (an update is pasted into mail).
const MAIL: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>'];

/// One line of text for Markdown that is pasted into an e-mail: what would format is escaped,
/// nothing else, so it reads right both rendered and as plain text.
pub fn mail(text: &str) -> String {
    escaped(&inline_words(text), MAIL, Some(&['-', '+', '=', '#']))
}

/// `line` with a backslash before each of `inline`, and, when it opens a line (`block` given),
/// before a leading `block` character or the dot or parenthesis of a leading number: a line
/// may not start a block (a list, a thematic break, a setext underline, a heading).
fn escaped(line: &str, inline: &[char], block: Option<&[char]>) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let starts_block = block.is_some_and(|b| line.starts_with(b));
    let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
    let ordered = block.is_some() && digits > 0 && line[digits..].starts_with(['.', ')']);
    for (i, c) in line.chars().enumerate() {
        if inline.contains(&c) || (i == 0 && starts_block) || (ordered && i == digits) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The words of `text` on one line.
fn inline_words(text: &str) -> String {
    text.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
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

/// Text a plan holds, safe to print on a terminal or in one line of a message: control
/// characters (an ANSI escape sequence, a carriage return, a bell) become “�”, so a plan can
/// never move the cursor, recolour the terminal or hide what is printed.
pub fn plain_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
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
    fn mail_text_escapes_only_what_would_format() {
        assert_eq!(mail("$900 MRR, #3 & up"), "$900 MRR, #3 & up");
        assert_eq!(mail("*bold* [x] <b>"), "\\*bold\\* \\[x\\] \\<b\\>");
        assert_eq!(mail("# title"), "\\# title");
        assert_eq!(mail("1. first"), "1\\. first");
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
