//! The command line's teamwork: merging a teammate's copy or change file, syncing through a
//! shared folder, sealing that folder. A sealed folder or change file asks for the team's
//! passphrase on the terminal (never echoed), or reads one line from standard input when it is
//! not a terminal; the passphrase is never stored.

use keel_core::sync::{folder_is_sealed, is_sealed_file, plan_folder, Unlock};
use keel_core::{CoreError, PlanFile};
use std::io::IsTerminal;
use std::path::Path;

/// The passphrase, asked with `prompt` (twice when `confirm`).
fn passphrase(prompt: &str, confirm: bool) -> Result<String, CoreError> {
    let unreadable = |e: std::io::Error| CoreError::io("The passphrase could not be read", e);
    if !std::io::stdin().is_terminal() {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).map_err(unreadable)?;
        return Ok(line.trim_end_matches(['\n', '\r']).to_string());
    }
    let first = rpassword::prompt_password(format!("{prompt}: ")).map_err(unreadable)?;
    if confirm {
        let again =
            rpassword::prompt_password("The same passphrase again: ").map_err(unreadable)?;
        if again != first {
            return Err(CoreError::Sealed {
                detail: "The two passphrases differ".to_string(),
            });
        }
    }
    Ok(first)
}

pub(super) fn merge(path: &Path, from: &Path) -> Result<(), CoreError> {
    let mut file = PlanFile::open(path)?;
    let asked = is_sealed_file(from)
        .then(|| passphrase("Passphrase of the team's sealed sync folder", false))
        .transpose()?;
    let merged = file.merge_path_with(from, asked.as_deref().map(Unlock::Passphrase))?;
    outln!("{} ← {}", path.display(), from.display());
    outln!("{}", merged.incoming.summary());
    print_conflicts(&merged.conflicts);
    Ok(())
}

/// What came in at the same time as this copy's edits, a line each.
fn print_conflicts(conflicts: &[keel_core::ops::Conflict]) {
    for c in conflicts {
        outln!("At the same time: {}.", c.sentence);
    }
    if !conflicts.is_empty() {
        outln!("Settle them in Keel's History (take the other value, or keep this one).");
    }
}

pub(super) fn seal(path: &Path, folder: &Path) -> Result<(), CoreError> {
    let mut file = PlanFile::open(path)?;
    let asked = passphrase("A passphrase for the team's sync folder", true)?;
    file.seal_sync_folder(folder, &asked)?;
    outln!(
        "Sealed {}: every file Keel writes there is encrypted; each teammate's Keel asks for \
         the passphrase once.",
        plan_folder(folder, &file.plan_id()?).display()
    );
    Ok(())
}

pub(super) fn sync(path: &Path, folder: &Path, full_copy: bool) -> Result<(), CoreError> {
    let mut file = PlanFile::open(path)?;
    let mut seen = std::collections::HashSet::new();
    let key = if folder_is_sealed(&plan_folder(folder, &file.plan_id()?)) {
        let asked = passphrase("Passphrase of the team's sealed sync folder", false)?;
        Some(file.open_sealed_folder(folder, &asked)?)
    } else {
        None
    };
    let synced = match &key {
        Some(key) => file.sync_sealed_folder(folder, key, &mut seen)?,
        None => file.sync_folder(folder, &mut seen)?,
    };
    if full_copy {
        let name = file.write_full_copy(folder, key.as_ref())?;
        outln!("Wrote the plan's whole history for newcomers: {name}");
    }
    match &synced.merged {
        Some(merged) => {
            outln!("{}", merged.incoming.summary());
            print_conflicts(&merged.conflicts);
        }
        None => outln!("Nothing new from the folder."),
    }
    match &synced.wrote {
        Some(name) => outln!("Wrote this copy's new changes: {name}"),
        None => outln!("The folder already had every change of this copy."),
    }
    if synced.behind {
        outln!(
            "This copy is older than where the folder starts: it asked for what it lacks, and \
             a teammate's Keel will put it there (or they can run keel sync --full-copy)."
        );
    }
    if synced.waiting > 0 {
        outln!(
            "{} file(s) not read yet (still being copied, or waiting for earlier changes).",
            synced.waiting
        );
    }
    for refused in &synced.refused {
        outln!("Set aside, the rest was taken: {refused}");
    }
    Ok(())
}
