//! A teammate's work comes in through the history: from their copy of the plan, or from a change
//! file holding only what this copy lacks. Every change of theirs that this copy lacks is
//! imported and recorded like an edit (one transaction with its projection); what was already
//! here changes nothing, and anything that is not this plan's history is refused before a byte
//! is written.

use super::screen;
use crate::error::{CoreError, Result};
use crate::ops::{Applied, Conflict};
use crate::store::history::history_error;
use crate::store::history::{concurrent, tree};
use crate::store::log::{another_start, log_beyond, LogEntry};
use crate::store::Mode;
use crate::store::{record, PlanFile};
use loro::{ExportMode, VersionVector};
use sha2::{Digest, Sha256};
use std::path::Path;

/// What a change file starts with.
const MAGIC: &[u8; 12] = b"KEEL-CHANGES";
/// The change file's own format.
const FORMAT: u8 = 1;
const DIGEST: usize = 32;

/// What one teammate's merged changes did.
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct Contribution {
    /// Empty for changes Keel made itself.
    pub author: String,
    pub changes: u32,
    /// What they did, newest first (the history's labels).
    pub labels: Vec<String>,
}

/// A merge's outcome: what came in, and what it changed (as an edit's answer).
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct Merged {
    pub incoming: Incoming,
    pub applied: Applied,
    /// What the incoming changes did at the same time as this copy's own (newest first).
    pub conflicts: Vec<Conflict>,
}

/// What came in.
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct Incoming {
    pub changes: u32,
    /// By author, the one with most changes first.
    pub by: Vec<Contribution>,
}

impl Incoming {
    /// "Dana: 14 changes — Moved “SSO” to Now, Edited the vision, …"; "Nothing new".
    pub fn summary(&self) -> String {
        if self.by.is_empty() {
            return "Nothing new: this plan already had every change.".to_string();
        }
        self.by
            .iter()
            .map(|c| {
                let who = if c.author.is_empty() {
                    "Keel"
                } else {
                    c.author.as_str()
                };
                let n = if c.changes == 1 {
                    "1 change".to_string()
                } else {
                    format!("{} changes", c.changes)
                };
                let shown: Vec<&str> = c.labels.iter().take(3).map(String::as_str).collect();
                let more = c.labels.len().saturating_sub(shown.len());
                let tail = if more > 0 {
                    format!(", and {more} more")
                } else {
                    String::new()
                };
                format!("{who}: {n} — {}{tail}", shown.join(", "))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Another plan's history under this plan's identity.
fn another_plan() -> CoreError {
    refused(
        "it holds the start of another plan's history, not changes to this one; nothing was \
         merged",
    )
}

pub(super) fn refused(detail: impl Into<String>) -> CoreError {
    CoreError::NotThisPlan {
        detail: detail.into(),
    }
}

/// The bytes of a change file: its header (this plan's identity), the changes, and a digest of
/// both, so a truncated or altered file is told apart from a good one.
pub fn encode(plan_id: &str, changes: &[u8]) -> Vec<u8> {
    encode_as(MAGIC, plan_id, changes)
}

/// The same envelope for another kind of file (`magic` says which).
pub(crate) fn encode_as(magic: &[u8; 12], plan_id: &str, changes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(changes.len() + plan_id.len() + 64);
    out.extend_from_slice(magic);
    out.push(FORMAT);
    out.extend_from_slice(&(plan_id.len() as u32).to_le_bytes());
    out.extend_from_slice(plan_id.as_bytes());
    out.extend_from_slice(changes);
    let digest = Sha256::digest(&out);
    out.extend_from_slice(&digest);
    out
}

/// The plan identity and the changes of a change file, or why it is not one.
pub fn decode(bytes: &[u8]) -> Result<(String, &[u8])> {
    decode_as(MAGIC, bytes)
}

/// The plan identity and the content of a file in the envelope of [`encode_as`].
pub(crate) fn decode_as<'a>(magic: &[u8; 12], bytes: &'a [u8]) -> Result<(String, &'a [u8])> {
    let head = MAGIC.len() + 1 + 4;
    if bytes.len() < head + DIGEST || &bytes[..MAGIC.len()] != magic {
        return Err(refused("it is not a Keel change file"));
    }
    if bytes[MAGIC.len()] != FORMAT {
        return Err(refused(format!(
            "it is a change file of a format this Keel does not read ({})",
            bytes[MAGIC.len()]
        )));
    }
    let (body, digest) = bytes.split_at(bytes.len() - DIGEST);
    if Sha256::digest(body).as_slice() != digest {
        return Err(refused("the change file is damaged or incomplete"));
    }
    let id_len = u32::from_le_bytes(body[MAGIC.len() + 1..head].try_into().expect("4 bytes"));
    let id_end = head
        .checked_add(id_len as usize)
        .filter(|end| *end <= body.len())
        .ok_or_else(|| refused("the change file is damaged or incomplete"))?;
    let plan_id = std::str::from_utf8(&body[head..id_end])
        .map_err(|_| refused("the change file is damaged or incomplete"))?;
    Ok((plan_id.to_string(), &body[id_end..]))
}

/// What opens a sealed change file.
#[derive(Clone, Copy)]
pub enum Unlock<'a> {
    /// The passphrase a founder typed (the key is derived for the file's salt).
    Passphrase(&'a str),
    /// The key of the sealed sync folder the file comes from.
    Key(&'a super::seal::Seal),
}

/// Whether `path` is a sealed file (by its first bytes).
pub fn is_sealed_file(path: &Path) -> bool {
    use std::io::Read;
    let mut start = [0u8; 12];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut start))
        .is_ok()
        && super::seal::is_sealed(&start)
}

/// Whether `path` is a change file (by its first bytes).
pub fn is_change_file(path: &Path) -> bool {
    use std::io::Read;
    let mut start = [0u8; MAGIC.len()];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut start))
        .is_ok()
        && &start == MAGIC
}

impl PlanFile {
    /// A teammate's copy of this plan, opened for reading; another plan's file is refused.
    fn theirs(&self, copy: &Path) -> Result<PlanFile> {
        let theirs = PlanFile::open_with(copy, Mode::Inspect)?;
        if self.plan_id()? != theirs.plan_id()? {
            return Err(refused(format!(
                "{} is a copy of another plan, not of this one",
                copy.display()
            )));
        }
        Ok(theirs)
    }

    /// Merges every change of a teammate's copy (a plan file) that this plan lacks.
    pub fn merge_copy(&mut self, copy: &Path) -> Result<Merged> {
        let theirs = self.theirs(copy)?;
        let doc = guarded(|| record::load(theirs.conn()))?.doc;
        let mine = self.history()?.version();
        let changes = doc
            .export(ExportMode::updates(&mine))
            .map_err(history_error)?;
        self.import(&changes)
    }

    /// Merges a change file made for this plan (`keel changes`).
    pub fn merge_change_file(&mut self, bytes: &[u8]) -> Result<Merged> {
        let (plan_id, changes) = decode(bytes)?;
        if plan_id != self.plan_id()? {
            return Err(refused("the change file is for another plan"));
        }
        self.import(changes)
    }

    /// Merges a teammate's copy or a change file, told apart by their first bytes.
    pub fn merge_path(&mut self, path: &Path) -> Result<Merged> {
        self.merge_path_with(path, None)
    }

    /// [`PlanFile::merge_path`], with what opens a sealed change file (taken from a sealed
    /// sync folder): a file that does not open with it is refused before it is read.
    pub fn merge_path_with(&mut self, path: &Path, unlock: Option<Unlock<'_>>) -> Result<Merged> {
        // Only a regular file is read (a pipe would hang the merge, a device never ends).
        let meta = std::fs::metadata(path)
            .map_err(|e| CoreError::io(format!("{} cannot be read", path.display()), e))?;
        if !meta.is_file() {
            return Err(refused(format!(
                "{} is not a file (a pipe, a device or a folder cannot be merged)",
                path.display()
            )));
        }
        let sealed = is_sealed_file(path);
        if sealed || is_change_file(path) {
            if meta.len() > super::folder::MAX_CHANGE_FILE {
                return Err(refused(format!(
                    "{} is {} MB, more than a change file can be",
                    path.display(),
                    meta.len() / 1_000_000
                )));
            }
            let bytes = std::fs::read(path)
                .map_err(|e| CoreError::io(format!("{} cannot be read", path.display()), e))?;
            if !sealed {
                return self.merge_change_file(&bytes);
            }
            let Some(unlock) = unlock else {
                return Err(CoreError::Sealed {
                    detail: format!(
                        "{} is sealed: it merges with the passphrase of the team's sync folder",
                        path.display()
                    ),
                });
            };
            let plan_id = self.plan_id()?;
            let opened = match unlock {
                Unlock::Passphrase(passphrase) => {
                    super::seal::Seal::open_file(passphrase, &plan_id, &bytes)?
                }
                Unlock::Key(seal) => {
                    seal.open(&plan_id, &bytes)
                        .ok_or_else(|| CoreError::Sealed {
                            detail: format!(
                                "{} does not open with the passphrase of this plan's sync folder",
                                path.display()
                            ),
                        })?
                }
            };
            self.merge_change_file(&opened)
        } else {
            self.merge_copy(path)
        }
    }

    /// A change file of what this plan has after `since` (a version's point in the history,
    /// or what a teammate's copy already holds).
    pub fn changes_file(&mut self, since: Since<'_>) -> Result<Vec<u8>> {
        let base = match since {
            Since::Version(id) => {
                let point = self.version_point(id)?;
                let history = self.history()?;
                history
                    .doc
                    .frontiers_to_vv(&point)
                    .ok_or_else(|| history_error("the version is not in the history"))?
            }
            // What their copy holds, read from its history's headers (not the whole history).
            Since::Copy(copy) => record::document_version(self.theirs(copy)?.conn())?,
            Since::Start => VersionVector::default(),
        };
        let changes = self.history()?.changes_since(&base)?;
        Ok(encode(&self.plan_id()?, &changes))
    }

    /// What is already wrong in this copy (not a teammate's doing, so never held against a
    /// merge): read once for any number of [`PlanFile::trial`]s.
    pub(super) fn known_problems(&mut self) -> Result<Known> {
        known_in(&self.history()?.doc)
    }

    /// Whether `changes` would merge after `taken` (files already found to merge), into a
    /// scratch copy of the history; nothing is written: the reason it would be refused, if it
    /// would.
    pub(super) fn trial(&mut self, taken: &[&[u8]], changes: &[u8], known: &Known) -> Result<()> {
        let history = self.history()?;
        let before = history.version();
        let scratch = history.doc.fork();
        let blobs: Vec<&[u8]> = taken.iter().copied().chain([changes]).collect();
        screened(&scratch, &blobs, true, &before)?;
        guarded(|| gate(&scratch, &before, known)).map(drop)
    }

    /// Imports changes into the history and records them; on any refusal nothing changes.
    fn import(&mut self, changes: &[u8]) -> Result<Merged> {
        self.import_all(&[changes], false)
    }

    /// Imports blobs of changes into the history in one record; on any refusal nothing changes.
    /// With `wait`, changes that follow others this plan lacks are held until those arrive
    /// (in this session); without it they are refused.
    pub(super) fn import_all(&mut self, blobs: &[&[u8]], wait: bool) -> Result<Merged> {
        self.ready_to_write()?;
        let before = self.history()?.version();
        let mut incoming = Vec::new();
        let mut found = Vec::new();
        let recorded = self.record_with(|history, _| {
            let known = known_in(&history.doc)?;
            take_in(&history.doc, blobs, wait, &before)?;
            incoming = guarded(|| gate(&history.doc, &before, &known))?;
            found = concurrent::found(&history.doc, &before)?;
            Ok(())
        })?;
        let incoming = group(incoming);
        let label = match incoming.changes {
            0 => "Merged: nothing new".to_string(),
            1 => "Merged 1 change".to_string(),
            n => format!("Merged {n} changes"),
        };
        let applied = self.applied(label, None, recorded)?;
        let conflicts = match (self.loaded_history(), found.is_empty()) {
            (Some(history), false) => {
                crate::ops::note_conflicts(self.conn(), &history.doc, &found, &crate::clock::now())?
            }
            _ => Vec::new(),
        };
        Ok(Merged {
            incoming,
            applied,
            conflicts,
        })
    }
}

/// Imports blobs of changes into `doc` through every bound: the changes are first read into a
/// scratch copy of the history ([`screened`]), and only changes that pass every bound reach
/// `doc` (the plan's own history is never detached: its undo follows only its own state).
fn take_in(doc: &loro::LoroDoc, blobs: &[&[u8]], wait: bool, before: &VersionVector) -> Result<()> {
    let scratch = guarded(|| Ok(doc.fork()))?;
    screened(&scratch, blobs, wait, before)?;
    guarded(|| {
        for changes in blobs {
            doc.import(changes)
                .map_err(|e| refused(format!("its changes cannot be read ({e})")))?;
        }
        Ok(())
    })
}

/// Imports blobs of changes into `scratch` (a copy of the history, dropped after) through
/// every bound: each file's header before it is decoded, ids it shares with this plan's
/// changes compared, then what the changes do read from the log while the state is left as it
/// was; only then is the state brought up to date. A failure of the history library on
/// hostile bytes is a refusal, never a crash.
fn screened(
    scratch: &loro::LoroDoc,
    blobs: &[&[u8]],
    wait: bool,
    before: &VersionVector,
) -> Result<()> {
    guarded(|| {
        scratch.detach();
        for changes in blobs {
            screen::header(changes)?;
            // Against this plan and the files before it (two files may reuse the same ids).
            screen::same_as_known(scratch, changes)?;
            let status = scratch
                .import(changes)
                .map_err(|e| refused(format!("its changes cannot be read ({e})")))?;
            if status.pending.is_some() && !wait {
                return Err(refused(
                    "it holds changes made after others this plan does not have yet; merge \
                     those first (or merge the teammate's whole copy)",
                ));
            }
        }
        screen::log(scratch, before)?;
        scratch.checkout_to_latest();
        Ok(())
    })
}

/// Runs `f`, turning a panic inside it (the history library's, on bytes it cannot read) into a
/// refusal; the caller drops what `f` was writing into.
pub(super) fn guarded<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(refused(
            "the history library failed on its changes (they are not changes a Keel wrote); \
             nothing was merged",
        ))
    })
}

/// The problems a plan has (one sentence each), as the gate compares them.
pub(super) type Known = std::collections::HashSet<String>;

/// What is wrong in `doc` already: not a teammate's doing.
fn known_in(doc: &loro::LoroDoc) -> Result<Known> {
    Ok(
        crate::domain::problems::problems(&tree::read_document(doc)?)
            .into_iter()
            .collect(),
    )
}

/// A merge is checked as an edit is: the changes `doc` gained after `before` must continue this
/// plan's history, and the plan they leave must pass the same rules; else the whole merge is
/// refused (nothing is written) with the first new problem and whose changes they are. Returns
/// the incoming changes.
fn gate(doc: &loro::LoroDoc, before: &VersionVector, known: &Known) -> Result<Vec<LogEntry>> {
    if another_start(doc, before) {
        return Err(another_plan());
    }
    let incoming = log_beyond(doc, before);
    let after = tree::read_document(doc).map_err(|e| {
        let why = match e {
            CoreError::History { detail } => detail,
            other => other.to_string(),
        };
        refused(format!(
            "what it holds cannot be read as a plan ({why}); nothing was merged"
        ))
    })?;
    if let Some(name) = crate::store::versions::unsound_versions(doc).first() {
        return Err(refused(format!(
            "it marks a version (“{}”) at a point that is not in the plan's history; nothing was \
             merged",
            crate::io::export::escape::plain_line(name)
        )));
    }
    let new: Vec<String> = crate::domain::problems::problems(&after)
        .into_iter()
        .filter(|p| !known.contains(p))
        .collect();
    let Some(first) = new.first() else {
        return Ok(incoming);
    };
    let mut authors: Vec<String> = incoming
        .iter()
        .map(|e| match e.author.as_str() {
            "" => "Keel".to_string(),
            who => crate::io::export::escape::plain_line(who),
        })
        .collect();
    authors.sort_unstable();
    authors.dedup();
    let whose = match authors.as_slice() {
        [] => "these changes".to_string(),
        [one] => format!("the changes of {one}"),
        many => format!("the changes of {}", many.join(", ")),
    };
    let more = match new.len() {
        1 => String::new(),
        n => format!(" (and {} more)", n - 1),
    };
    Err(refused(format!(
        "{whose} would put into the plan what Keel refuses — {first}{more}; nothing was merged"
    )))
}

/// Where a change file starts.
pub enum Since<'a> {
    /// After a named version (its id).
    Version(&'a crate::domain::Id),
    /// What the copy at this path lacks.
    Copy(&'a Path),
    /// The whole history.
    Start,
}

fn group(entries: Vec<LogEntry>) -> Incoming {
    let mut by: Vec<Contribution> = Vec::new();
    for e in &entries {
        match by.iter_mut().find(|c| c.author == e.author) {
            Some(c) => {
                c.changes += 1;
                c.labels.push(e.label.clone());
            }
            None => by.push(Contribution {
                author: e.author.clone(),
                changes: 1,
                labels: vec![e.label.clone()],
            }),
        }
    }
    by.sort_by(|a, b| b.changes.cmp(&a.changes).then(a.author.cmp(&b.author)));
    Incoming {
        changes: entries.len() as u32,
        by,
    }
}
