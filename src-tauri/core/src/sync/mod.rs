//! Working as a team: a teammate's changes taken in through a gate (screened before decoding,
//! tried on a scratch copy, checked against the plan's rules, then merged whole or not at all),
//! change files, sync folders (optionally sealed with a passphrase) and the base each copy
//! keeps there. Above the operations: a merge records its conflicts as the operations do.

mod base;
mod folder;
mod merge;
mod screen;
mod seal;

pub use folder::{plan_folder, Synced};
pub use merge::{
    decode as read_change_file, encode as change_file, is_change_file, is_sealed_file,
    Contribution, Incoming, Merged, Since, Unlock,
};
pub use seal::{
    folder_is_sealed, is_sealed, Seal, ARGON2_LANES, ARGON2_MEMORY_KIB, ARGON2_PASSES,
    MIN_PASSPHRASE,
};

#[cfg(test)]
mod merge_bounds;
#[cfg(test)]
mod merge_gate;
