//! Names every system can hold. A plan travels: founders copy it between Macs, Windows laptops
//! and Linux machines, and sync it through Syncthing or Dropbox, which cannot bring a file named
//! `Q3: plan.keel` to a Windows teammate. So Keel writes no file whose name Windows refuses, on
//! any system; and on Windows, no path longer than the 259 characters its programs can open.

use crate::error::{CoreError, Result};
use std::path::Path;

/// Characters Windows refuses in a file name (besides the control characters).
const FORBIDDEN: &[char] = &['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

/// Names Windows keeps for its devices, whatever the extension.
const DEVICES: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// The longest file name the common file systems hold (NTFS, APFS, ext4: 255).
const LONGEST_NAME: usize = 255;

/// The longest full path Windows programs open (MAX_PATH, 260, less the closing NUL).
const LONGEST_WINDOWS_PATH: usize = 259;

/// Refuses, before anything is written, a file `path` names that some system cannot hold.
pub fn check_portable(path: &Path) -> Result<()> {
    check(path, cfg!(windows))
}

/// As [`check_portable`], with the path-length rule of Windows applied when `windows` is set.
pub fn check(path: &Path, windows: bool) -> Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let problem = name_problem(&name).or_else(|| {
        let length = path.to_string_lossy().chars().count();
        (windows && length > LONGEST_WINDOWS_PATH).then(|| {
            format!(
                "with its folder, the path is {length} characters long, and Windows opens at \
                 most {LONGEST_WINDOWS_PATH}; choose a shorter name or a folder nearer the top"
            )
        })
    });
    match problem {
        Some(problem) => Err(CoreError::UnportableName {
            name: shorten(&name),
            problem,
        }),
        None => Ok(()),
    }
}

fn name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("a file needs a name".into());
    }
    if let Some(c) = name.chars().find(|c| FORBIDDEN.contains(c)) {
        return Some(format!(
            "Windows does not allow “{c}” in a file name, so a teammate on Windows could not \
             open or sync it"
        ));
    }
    if name.chars().any(char::is_control) {
        return Some("it holds a control character (such as a line break)".into());
    }
    let stem = name.split('.').next().unwrap_or_default().trim_end();
    if DEVICES.iter().any(|d| d.eq_ignore_ascii_case(stem)) {
        return Some(format!(
            "Windows keeps “{}” for a device, so a teammate on Windows could not open it",
            stem.to_uppercase()
        ));
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return Some("it ends with a dot or a space, which Windows drops from file names".into());
    }
    let length = name.chars().count();
    if length > LONGEST_NAME || name.len() > LONGEST_NAME {
        return Some(format!(
            "it is {length} characters long, and file names hold at most {LONGEST_NAME}"
        ));
    }
    None
}

/// The name as the sentence quotes it: a very long one is cut, the sentence stays readable.
fn shorten(name: &str) -> String {
    if name.chars().count() <= 60 {
        return name.to_string();
    }
    let head: String = name.chars().take(57).collect();
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn refused(path: &str, windows: bool) -> String {
        let e = check(Path::new(path), windows).expect_err(path);
        assert_eq!(e.code(), ErrorCode::Validation);
        e.to_string()
    }

    #[test]
    fn ordinary_names_pass_on_every_system() {
        for name in [
            "plans/Loomline.keel",
            "Loomline – plan (v2).keel",
            "Plan für Q3.keel",
            "計画.keel",
            ".hidden.keel",
            "console.keel",
            "Con artist.keel",
            "COM10.keel",
        ] {
            check(Path::new(name), true).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }

    #[test]
    fn characters_windows_refuses_are_refused_everywhere() {
        assert_eq!(
            refused("/home/ana/Q3: plan.keel", false),
            "“Q3: plan.keel” cannot be used as a file name: Windows does not allow “:” in a \
             file name, so a teammate on Windows could not open or sync it. Choose another \
             name; nothing was written."
        );
        for name in [
            "a<b.keel",
            "a>b.md",
            "say \"hi\".pdf",
            "a|b.keel",
            "why?.keel",
            "*.keel",
        ] {
            assert!(
                refused(name, false).contains("Windows does not allow"),
                "{name}"
            );
        }
        assert!(refused("two\nlines.keel", false).contains("control character"));
    }

    #[test]
    fn device_names_and_trailing_dots_are_refused() {
        for name in ["CON.keel", "nul.md", "Com1.keel", "lpt9", "AUX .keel"] {
            let sentence = refused(name, false);
            assert!(sentence.contains("for a device"), "{name}: {sentence}");
        }
        assert!(refused("plan.keel.", false).contains("ends with a dot or a space"));
        assert!(refused("plan.keel ", false).contains("ends with a dot or a space"));
    }

    #[test]
    fn over_long_names_are_refused_and_quoted_short() {
        let name = format!("{}.keel", "a".repeat(250));
        check(Path::new(&name), true).expect("255 characters fit");
        let long = format!("{}.keel", "a".repeat(251));
        let sentence = refused(&long, false);
        assert!(sentence.contains("256 characters long"), "{sentence}");
        assert!(
            sentence.contains(&format!("“{}…”", "a".repeat(57))),
            "{sentence}"
        );
        // 128 characters of three bytes each: 384 bytes, more than Linux and macOS hold.
        let wide = format!("{}.md", "計".repeat(128));
        assert!(refused(&wide, false).contains("at most 255"));
    }

    #[test]
    fn over_long_paths_are_refused_on_windows_only() {
        let folder = format!("/Users/ana/{}", "Deep folder/".repeat(21));
        let path = format!("{folder}plan.keel");
        assert!(path.chars().count() > 259);
        check(Path::new(&path), false).expect("Linux and macOS open long paths");
        let sentence = refused(&path, true);
        assert!(sentence.contains("Windows opens at most 259"), "{sentence}");
    }
}
