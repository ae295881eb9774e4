//! A rewritten text field word by word: what stayed, what went, what came (Compare shows it
//! with the removed words struck through). Common words at both ends are matched first; the
//! middle by longest common subsequence while it is small, else as one removal and one addition.

use serde::Serialize;
use specta::Type;

/// Past this many word pairs the middle of two texts is not matched word by word.
const MAX_CELLS: usize = 1_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum WordKind {
    Same,
    Removed,
    Added,
}

/// A run of words of one kind, with the spaces between them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct WordRun {
    pub kind: WordKind,
    pub text: String,
}

/// A text field that changed, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct TextChange {
    /// "Vision", "Lean Canvas: Problem".
    pub field: String,
    pub runs: Vec<WordRun>,
}

/// The word runs from `old` to `new`.
pub fn diff(old: &str, new: &str) -> Vec<WordRun> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (mid_a, mid_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops: Vec<(WordKind, &str)> = a[..prefix].iter().map(|w| (WordKind::Same, *w)).collect();
    ops.extend(middle(mid_a, mid_b));
    ops.extend(a[a.len() - suffix..].iter().map(|w| (WordKind::Same, *w)));
    let mut runs: Vec<WordRun> = Vec::new();
    for (kind, word) in ops {
        match runs.last_mut() {
            Some(last) if last.kind == kind => {
                last.text.push(' ');
                last.text.push_str(word);
            }
            _ => runs.push(WordRun {
                kind,
                text: word.to_string(),
            }),
        }
    }
    runs
}

fn middle<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<(WordKind, &'a str)> {
    if a.len().saturating_mul(b.len()) > MAX_CELLS {
        let removed = a.iter().map(|w| (WordKind::Removed, *w));
        return removed
            .chain(b.iter().map(|w| (WordKind::Added, *w)))
            .collect();
    }
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let width = b.len() + 1;
    let mut lcs = vec![0u32; (a.len() + 1) * width];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i * width + j] = if a[i] == b[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len() + b.len());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push((WordKind::Same, a[i]));
            i += 1;
            j += 1;
        } else if j < b.len()
            && (i == a.len() || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j])
        {
            out.push((WordKind::Added, b[j]));
            j += 1;
        } else {
            out.push((WordKind::Removed, a[i]));
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(kind: WordKind, text: &str) -> WordRun {
        WordRun {
            kind,
            text: text.into(),
        }
    }

    #[test]
    fn a_rewritten_sentence_keeps_its_common_words() {
        assert_eq!(
            diff(
                "Every product team hears its customers",
                "Every team clearly hears its paying customers"
            ),
            vec![
                run(WordKind::Same, "Every"),
                run(WordKind::Removed, "product"),
                run(WordKind::Same, "team"),
                run(WordKind::Added, "clearly"),
                run(WordKind::Same, "hears its"),
                run(WordKind::Added, "paying"),
                run(WordKind::Same, "customers"),
            ]
        );
    }

    #[test]
    fn texts_too_long_to_match_word_by_word_are_replaced_whole_in_the_middle() {
        let old = format!("start {} end", "a ".repeat(1_500));
        let new = format!("start {} end", "b ".repeat(1_500));
        let runs = diff(&old, &new);
        assert_eq!(runs.len(), 4);
        assert_eq!(runs[0], run(WordKind::Same, "start"));
        assert_eq!(runs[1].kind, WordKind::Removed);
        assert_eq!(runs[2].kind, WordKind::Added);
        assert_eq!(runs[3], run(WordKind::Same, "end"));
    }
}
