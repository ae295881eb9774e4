//! Syncing through a folder the team already shares (Syncthing, Dropbox, a network share):
//! each copy writes what it has that the folder lacks as a new change file there, and imports
//! the change files teammates' copies wrote. Keel speaks no protocol of its own; the sync engine
//! only moves files. The plan file itself never goes into the folder.
//!
//! The folder holds one subfolder per plan (its identity), so one shared folder can carry
//! several plans. A change file is written under a temporary name, synced and renamed, and named
//! after a digest of its content: a file is never rewritten, and the same changes written twice
//! (or copied as a sync engine's "conflicted copy") are imported once. A file that does not
//! read whole is skipped until it does (a sync engine may still be copying it), and one whose
//! changes follow others not yet arrived waits for them.

use super::base;
use super::merge::{decode, encode, Merged};
use super::seal::{self, Lock, Seal};
use crate::error::{CoreError, Result};
use crate::store::history::history_error;
use crate::store::PlanFile;
use loro::{LoroDoc, VersionVector};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// What one sync did.
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct Synced {
    /// What came in from teammates' files, and what it changed.
    pub merged: Option<Merged>,
    /// The change file written with this copy's new changes, if there were any.
    pub wrote: Option<String>,
    /// Files that could not be read whole yet (still being copied) or whose changes follow
    /// others not arrived yet; they are tried again at the next sync.
    pub waiting: u32,
    /// True when this copy lacks changes from before the folder's start (it is older than the
    /// copy that linked the folder first): merge a teammate's recent copy once, or have one
    /// write a full copy into the folder.
    pub behind: bool,
    /// Files set aside in this session, each with why ("“3f…keelchanges”, from Dana: …"): every
    /// other file is still taken, and these are not tried again until Keel is opened again.
    pub refused: Vec<String>,
}

const EXTENSION: &str = "keelchanges";

/// The largest change file read (from a folder, or merged by hand): a whole history of a
/// 10,000-feature plan is far smaller.
pub(crate) const MAX_CHANGE_FILE: u64 = 64 * 1024 * 1024;

/// The plan's own subfolder of a shared folder.
pub fn plan_folder(shared: &Path, plan_id: &str) -> PathBuf {
    shared.join(format!("keel-{plan_id}"))
}

/// A change file found in the folder, with the runs of counters its changes cover.
struct Found {
    name: String,
    changes: Vec<u8>,
    start: VersionVector,
    end: VersionVector,
}

pub(super) fn io_error(path: &Path, e: std::io::Error) -> CoreError {
    CoreError::io(format!("{} cannot be read", path.display()), e)
}

/// The change files of this plan in the folder, in name order; those that do not read whole
/// (or are another plan's) are counted, not returned.
fn found(folder: &Path, lock: Lock<'_>, plan_id: &str) -> Result<Scan> {
    let mut names: Vec<PathBuf> = match std::fs::read_dir(folder) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|x| x == EXTENSION)
                    && !p
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(io_error(folder, e)),
    };
    names.sort();
    let mut scan = Scan::default();
    for path in names {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Only a regular file of a sensible size is read: a link (to /dev/zero, or out of the
        // folder), a pipe or a device is never opened.
        let regular = std::fs::symlink_metadata(&path)
            .is_ok_and(|m| m.file_type().is_file() && m.len() <= MAX_CHANGE_FILE);
        let Some(bytes) = regular.then(|| std::fs::read(&path).ok()).flatten() else {
            scan.waiting += 1;
            continue;
        };
        // In a sealed folder a file in clear is never decoded: anyone with access to the
        // folder could have put it there. A sealed file that does not open may still be on
        // its way (the key check fails on a part of a file), so it waits, never decoded.
        if matches!(lock, Lock::Sealed(_)) && !seal::is_sealed(&bytes) {
            scan.not_sealed.push(name);
            continue;
        }
        let Some(bytes) = lock.unwrap(plan_id, bytes) else {
            scan.waiting += 1;
            continue;
        };
        let ours = decode(&bytes).ok().filter(|(id, _)| id == plan_id);
        let meta = ours.as_ref().and_then(|(_, changes)| {
            super::merge::guarded(|| {
                LoroDoc::decode_import_blob_meta(changes, false).map_err(history_error)
            })
            .ok()
        });
        match (ours, meta) {
            (Some((_, changes)), Some(meta)) => scan.files.push(Found {
                name,
                changes: changes.to_vec(),
                start: meta.partial_start_vv,
                end: meta.partial_end_vv,
            }),
            _ => scan.waiting += 1,
        }
    }
    Ok(scan)
}

/// What a look through the plan's folder found.
#[derive(Default)]
struct Scan {
    /// The change files of this plan that read whole, in name order.
    files: Vec<Found>,
    /// Files that do not read whole yet (or are another plan's).
    waiting: u32,
    /// Files in clear in a sealed folder, by name: never read.
    not_sealed: Vec<String>,
}

/// What the folder holds, peer by peer: its base, then the run of counters from there that its
/// files cover without a gap (a gap means a file still on its way; what lies beyond it is
/// written again rather than taken as there).
fn covered(files: &[Found], base: Option<&VersionVector>) -> VersionVector {
    let mut ranges: BTreeMap<u64, Vec<(i32, i32)>> = BTreeMap::new();
    for (peer, _) in base.into_iter().flat_map(|b| b.iter()) {
        ranges.entry(*peer).or_default();
    }
    for f in files {
        for (peer, end) in f.end.iter() {
            let start = f.start.get(peer).copied().unwrap_or(0);
            ranges.entry(*peer).or_default().push((start, *end));
        }
    }
    let mut vv = VersionVector::new();
    for (peer, mut runs) in ranges {
        runs.sort();
        let mut reach = base.and_then(|b| b.get(&peer).copied()).unwrap_or(0);
        for (start, end) in runs {
            if start > reach {
                break;
            }
            reach = reach.max(end);
        }
        if reach > 0 {
            vv.insert(peer, reach);
        }
    }
    vv
}

/// Writes `bytes` into `folder` under a temporary name, syncs it, then renames it to `name`
/// (which a reader only ever sees whole). An existing file of that name is the same content.
pub(super) fn write_new(folder: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    let dest = folder.join(name);
    if dest.exists() {
        return Ok(());
    }
    let context = || format!("{} cannot be written", dest.display());
    std::fs::create_dir_all(folder).map_err(|e| CoreError::io(context(), e))?;
    crate::store::write_atomic(&dest, bytes)
}

/// A file name from a digest of its content: the same content is always the same name.
pub(super) fn digest_name(bytes: &[u8], extension: &str) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("{hex}.{extension}")
}

impl PlanFile {
    /// One sync with a shared folder: imports what teammates' change files hold that this plan
    /// lacks, then writes what this plan holds that the folder lacks as one new change file.
    /// `seen` holds the names already imported in this session (each is read once).
    ///
    /// A sealed folder needs its key: see [`PlanFile::sync_sealed_folder`].
    pub fn sync_folder(&mut self, shared: &Path, seen: &mut HashSet<String>) -> Result<Synced> {
        let folder = plan_folder(shared, &self.plan_id()?);
        if seal::folder_is_sealed(&folder) {
            return Err(CoreError::Sealed {
                detail: "This sync folder is sealed: Keel needs the team's passphrase to read \
                         and write it"
                    .to_string(),
            });
        }
        self.sync_with(shared, Lock::Open, seen)
    }

    /// [`PlanFile::sync_folder`] with a sealed folder: every file written is sealed with
    /// `seal`, and only files sealed with it are read.
    pub fn sync_sealed_folder(
        &mut self,
        shared: &Path,
        seal: &Seal,
        seen: &mut HashSet<String>,
    ) -> Result<Synced> {
        self.sync_with(shared, Lock::Sealed(seal), seen)
    }

    /// The key of the plan's sealed folder in `shared`, from the passphrase a founder typed.
    pub fn open_sealed_folder(&mut self, shared: &Path, passphrase: &str) -> Result<Seal> {
        let plan_id = self.plan_id()?;
        seal::open_folder(&plan_folder(shared, &plan_id), &plan_id, passphrase)
    }

    /// Seals the plan's folder in `shared` with `passphrase`: from now on every file Keel
    /// writes there is sealed, and only sealed files are read. What the folder held in clear
    /// is sealed too (and the files in clear removed). Returns the key.
    pub fn seal_sync_folder(&mut self, shared: &Path, passphrase: &str) -> Result<Seal> {
        let plan_id = self.plan_id()?;
        let folder = plan_folder(shared, &plan_id);
        refuse_link(&folder)?;
        let key = seal::seal_folder(&folder, &plan_id, passphrase)?;
        let entries = std::fs::read_dir(&folder).map_err(|e| io_error(&folder, e))?;
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            let Some(extension) = path.extension().and_then(|x| x.to_str()) else {
                continue;
            };
            if ![EXTENSION, base::EXTENSION, base::WANT_EXTENSION].contains(&extension) {
                continue;
            }
            let regular = std::fs::symlink_metadata(&path)
                .is_ok_and(|m| m.file_type().is_file() && m.len() <= MAX_CHANGE_FILE);
            let Some(bytes) = regular.then(|| std::fs::read(&path).ok()).flatten() else {
                continue;
            };
            if seal::is_sealed(&bytes) {
                continue;
            }
            let sealed = key.seal(&plan_id, &bytes)?;
            write_new(&folder, &digest_name(&sealed, extension), &sealed)?;
            let _ = std::fs::remove_file(&path);
        }
        Ok(key)
    }

    fn sync_with(
        &mut self,
        shared: &Path,
        lock: Lock<'_>,
        seen: &mut HashSet<String>,
    ) -> Result<Synced> {
        self.ready_to_write()?;
        let plan_id = self.plan_id()?;
        let folder = plan_folder(shared, &plan_id);
        // Anywhere inside the shared folder, the sync engine would carry the plan file itself.
        let inside = match (
            std::fs::canonicalize(self.path()),
            std::fs::canonicalize(shared),
        ) {
            (Ok(plan), Ok(shared)) => plan.starts_with(shared),
            _ => self.path().starts_with(shared),
        };
        if inside {
            return Err(CoreError::invalid(
                crate::domain::validate::Field::new("folder", "Sync folder"),
                "choose a folder that does not hold the plan file itself (the sync engine must \
                 never move the plan file)",
            ));
        }
        refuse_link(&folder)?;
        let Scan {
            files,
            mut waiting,
            not_sealed,
        } = found(&folder, lock, &plan_id)?;
        let mut base = base::read(&folder, lock, &plan_id)?;
        if base.is_none() && files.is_empty() {
            // The first copy to link: the folder starts from what it has (teammates hold the
            // plan file already), so no copy of the whole plan goes into it.
            let have = self.history()?.version();
            base::write(&folder, lock, &plan_id, &have)?;
            base = Some(have);
        }
        let mut unseen: Vec<&Found> = files.iter().filter(|f| !seen.contains(&f.name)).collect();
        let mut refused = Vec::new();
        for name in not_sealed {
            if seen.insert(name.clone()) {
                refused.push(format!(
                    "“{name}”: it is not sealed with the folder's passphrase (a Keel without \
                     the passphrase, or someone else with access to the folder, wrote it); it \
                     was not read"
                ));
            }
        }
        let merged = loop {
            if unseen.is_empty() {
                break None;
            }
            // In one record, in any order: changes that follow others wait for them in memory.
            let blobs: Vec<&[u8]> = unseen.iter().map(|f| f.changes.as_slice()).collect();
            match self.import_all(&blobs, true) {
                Ok(m) => break Some(m).filter(|m| m.incoming.changes > 0),
                // One file the gate refuses never blocks the others: each is tried alone, the
                // refused are set aside, and the rest are taken.
                Err(e @ CoreError::NotThisPlan { .. }) => {
                    let before = refused.len();
                    let known = self.known_problems()?;
                    // Each after those that passed before it: two files may each pass alone
                    // and clash together (the same ids with other content).
                    let mut taken: Vec<&[u8]> = Vec::new();
                    for f in &unseen {
                        match self.trial(&taken, &f.changes, &known) {
                            Ok(()) => taken.push(&f.changes),
                            Err(why) => {
                                refused.push(format!("“{}”: {why}", f.name));
                                seen.insert(f.name.clone());
                            }
                        }
                    }
                    if refused.len() == before {
                        return Err(e);
                    }
                    unseen.retain(|f| !seen.contains(&f.name));
                }
                Err(e) => return Err(e),
            }
        };
        let have = self.history()?.version();
        for f in unseen {
            if have.includes_vv(&f.end) {
                seen.insert(f.name.clone());
            } else {
                waiting += 1;
            }
        }

        let behind = base.as_ref().is_some_and(|b| !have.includes_vv(b));
        self.answer_wants(
            (&folder, lock),
            &plan_id,
            (&files, base.as_ref()),
            behind,
            seen,
        )?;

        let history = self.history()?;
        let changes = history.changes_since(&covered(&files, base.as_ref()))?;
        let lacking = LoroDoc::decode_import_blob_meta(&changes, false)
            .map_err(history_error)?
            .change_num
            > 0;
        let wrote = if lacking {
            let bytes = lock.wrap(&plan_id, encode(&plan_id, &changes))?;
            let name = digest_name(&bytes, EXTENSION);
            write_new(&folder, &name, &bytes)?;
            seen.insert(name.clone());
            Some(name)
        } else {
            None
        };
        Ok(Synced {
            merged,
            wrote,
            waiting,
            behind,
            refused,
        })
    }

    /// An older copy's want marker is answered with what it lacks, unless the folder's files
    /// carry that already (from the want's version up to the base); this copy's own want is
    /// written while it is behind and withdrawn once it is not.
    fn answer_wants(
        &mut self,
        (folder, lock): (&Path, Lock<'_>),
        plan_id: &str,
        (files, base): (&[Found], Option<&VersionVector>),
        behind: bool,
        seen: &mut HashSet<String>,
    ) -> Result<()> {
        const OWN: &str = "own-want:";
        let have = self.history()?.version();
        if behind {
            let name = base::want(folder, lock, plan_id, &have)?;
            seen.insert(format!("{OWN}{name}"));
            return Ok(());
        }
        let own: Vec<String> = seen
            .iter()
            .filter_map(|k| k.strip_prefix(OWN).map(str::to_string))
            .collect();
        base::withdraw(folder, &own);
        for name in &own {
            seen.remove(&format!("{OWN}{name}"));
        }
        let Some(base) = base else {
            return Ok(());
        };
        let first = crate::store::log::first_change(&self.history()?.doc);
        for (name, wanted) in base::wants(folder, lock, plan_id)? {
            // A copy of this plan holds at least its first change: a want that does not (a
            // forged or broken marker) is never answered with the whole history.
            if !first.is_some_and(|id| wanted.includes_id(id)) {
                continue;
            }
            let carried = covered(files, Some(&wanted)).includes_vv(base);
            if own.contains(&name) || carried || wanted.includes_vv(&have) {
                continue;
            }
            let changes = self.history()?.changes_since(&wanted)?;
            let bytes = lock.wrap(plan_id, encode(plan_id, &changes))?;
            write_new(folder, &digest_name(&bytes, EXTENSION), &bytes)?;
        }
        Ok(())
    }

    /// Writes the plan's whole history into the shared folder as one change file, for a
    /// teammate whose copy is older than the folder's start (the team chooses to: the folder
    /// then holds a copy of the whole plan). Returns the file's name.
    pub fn write_full_copy(&mut self, shared: &Path, seal: Option<&Seal>) -> Result<String> {
        let plan_id = self.plan_id()?;
        let folder = plan_folder(shared, &plan_id);
        refuse_link(&folder)?;
        let lock = match seal {
            Some(seal) => Lock::Sealed(seal),
            None if seal::folder_is_sealed(&folder) => {
                return Err(CoreError::Sealed {
                    detail: "This sync folder is sealed: Keel needs the team's passphrase to \
                             write into it"
                        .to_string(),
                })
            }
            None => Lock::Open,
        };
        let bytes = lock.wrap(&plan_id, self.changes_file(super::Since::Start)?)?;
        let name = digest_name(&bytes, EXTENSION);
        write_new(&folder, &name, &bytes)?;
        Ok(name)
    }
}

/// The plan's folder inside the shared one is a real folder: a link there would have Keel
/// write wherever it points.
fn refuse_link(folder: &Path) -> Result<()> {
    if std::fs::symlink_metadata(folder).is_ok_and(|m| !m.file_type().is_dir()) {
        return Err(CoreError::invalid(
            crate::domain::validate::Field::new("folder", "Sync folder"),
            format!(
                "{} is not a folder (a link or a file): Keel writes only inside the shared \
                 folder; remove it, and Keel makes the folder again",
                folder.display()
            ),
        ));
    }
    Ok(())
}
