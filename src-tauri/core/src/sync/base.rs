//! Where a shared folder's changes start. The first copy to link a plan to a folder writes a
//! base marker there: the version of the plan it had (a version vector, no content). Every
//! teammate already holds the plan file, so the folder carries only the changes made beyond
//! that base — never a copy of the whole plan, unless the team writes one for a newcomer whose
//! copy is older than the base ([`PlanFile::write_full_copy`]).
//!
//! Two copies linking at once may each write a marker; the folder's base is then what both
//! held (the smaller of the two, peer by peer), so nothing either had is taken as there.
//!
//! A copy older than the base (a teammate got the plan file before the first copy linked, and
//! that copy was edited since) writes a want marker: the version it has. A copy that holds
//! more answers it with one change file of what the want lacks, unless the folder's files
//! already carry that; the older copy removes its marker once it has caught up. Only files move: the sync engine carries them like any other.

use super::folder::{digest_name, write_new};
use super::merge::{decode_as, encode_as};
use super::seal::Lock;
use crate::error::Result;
use crate::store::history::meet;
use loro::VersionVector;
use std::path::Path;

const MAGIC: &[u8; 12] = b"KEEL-BASE\0\0\0";
pub(super) const EXTENSION: &str = "keelbase";
const WANT_MAGIC: &[u8; 12] = b"KEEL-WANT\0\0\0";
pub(super) const WANT_EXTENSION: &str = "keelwant";

/// The versions the folder's markers of one kind say, by file name (those that read whole).
fn markers(
    folder: &Path,
    lock: Lock<'_>,
    plan_id: &str,
    magic: &[u8; 12],
    extension: &str,
) -> Result<Vec<(String, VersionVector)>> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(super::folder::io_error(folder, e)),
    };
    let mut out = Vec::new();
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.extension().is_none_or(|x| x != extension) {
            continue;
        }
        // A marker is a few dozen bytes in a regular file: anything else is not read.
        let small_file = std::fs::symlink_metadata(&path)
            .is_ok_and(|m| m.file_type().is_file() && m.len() <= 64 * 1024);
        let Some(bytes) = small_file.then(|| std::fs::read(&path).ok()).flatten() else {
            continue;
        };
        let Some(bytes) = lock.unwrap(plan_id, bytes) else {
            continue;
        };
        let Ok((id, content)) = decode_as(magic, &bytes) else {
            continue;
        };
        let Ok(vv) = VersionVector::decode(content) else {
            continue;
        };
        if id == plan_id {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            out.push((name.unwrap_or_default(), vv));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// The folder's base, or `None` when it has no marker (its files then start from the plan's
/// first change).
pub(super) fn read(folder: &Path, lock: Lock<'_>, plan_id: &str) -> Result<Option<VersionVector>> {
    Ok(markers(folder, lock, plan_id, MAGIC, EXTENSION)?
        .into_iter()
        .map(|(_, vv)| vv)
        .reduce(|a, b| meet(&a, &b)))
}

/// The versions older copies want brought up to date, by marker name.
pub(super) fn wants(
    folder: &Path,
    lock: Lock<'_>,
    plan_id: &str,
) -> Result<Vec<(String, VersionVector)>> {
    markers(folder, lock, plan_id, WANT_MAGIC, WANT_EXTENSION)
}

/// Says this copy, at `version`, lacks changes from before the folder's start; returns the
/// marker's name.
pub(super) fn want(
    folder: &Path,
    lock: Lock<'_>,
    plan_id: &str,
    version: &VersionVector,
) -> Result<String> {
    let bytes = lock.wrap(plan_id, encode_as(WANT_MAGIC, plan_id, &version.encode()))?;
    let name = digest_name(&bytes, WANT_EXTENSION);
    write_new(folder, &name, &bytes)?;
    Ok(name)
}

/// Removes want markers this copy wrote and no longer needs (its own files only: another
/// copy's marker is never touched).
pub(super) fn withdraw(folder: &Path, own: &[String]) {
    for name in own {
        let _ = std::fs::remove_file(folder.join(name));
    }
}

/// Writes a marker saying the folder starts at `version`.
pub(super) fn write(
    folder: &Path,
    lock: Lock<'_>,
    plan_id: &str,
    version: &VersionVector,
) -> Result<()> {
    let bytes = lock.wrap(plan_id, encode_as(MAGIC, plan_id, &version.encode()))?;
    let name = digest_name(&bytes, EXTENSION);
    write_new(folder, &name, &bytes)
}
