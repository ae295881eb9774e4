//! The one error type of keel-core. Every variant carries a sentence a founder can act on;
//! `code()` gives the stable kind the UI and the command line branch on.

use serde::Serialize;
use specta::Type;
use std::path::PathBuf;

/// What went wrong, as a stable code (the UI branches on it; the message is for people).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Validation,
    NotFound,
    FileMissing,
    NotSqlite,
    OtherApplication,
    Corrupt,
    NewerVersion,
    ReadOnly,
    AlreadyExists,
    InvalidImport,
    Export,
    Storage,
    Io,
    /// A sealed sync folder or change file, and no passphrase (or a wrong one) to open it.
    Sealed,
    /// For shells: no plan is open (never produced by keel-core itself).
    NoPlanOpen,
    /// For shells: the shell's own state is unusable (never produced by keel-core itself).
    Internal,
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("{}: {problem}.", field.label)]
    Validation {
        field: crate::domain::validate::Field,
        problem: String,
    },

    #[error("There is no {entity} with id {id} in this plan.")]
    NotFound { entity: &'static str, id: String },

    #[error("The plan file {} does not exist.", path.display())]
    FileMissing { path: PathBuf },

    #[error("{} is not a Keel plan: it is not an SQLite database file.", path.display())]
    NotSqlite { path: PathBuf },

    #[error("{} is not a Keel plan: it is an SQLite database of another application.", path.display())]
    OtherApplication { path: PathBuf },

    #[error("The plan file {} is damaged ({detail}); it was left untouched.", path.display())]
    Corrupt { path: PathBuf, detail: String },

    #[error("{} was written by a newer version of Keel (plan format {found}; this Keel reads up to {supported}). Update Keel to open it; the file was left untouched.", path.display())]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    #[error("This plan is open read-only ({reason}); the change was not saved.")]
    ReadOnly { reason: String },

    #[error("{} already exists; choose another name or remove it first.", path.display())]
    AlreadyExists { path: PathBuf },

    #[error("“{name}” cannot be used as a file name: {problem}. Choose another name; nothing was written.")]
    UnportableName { name: String, problem: String },

    #[error("This is not a Keel plan export ({detail}); no plan was created.")]
    InvalidImport { detail: String },

    #[error("This file cannot be imported: {detail}. Nothing was changed.")]
    NotImported { detail: String },

    #[error("This cannot be merged into the plan: {detail}. Nothing was changed.")]
    NotThisPlan { detail: String },

    /// A sealed sync folder or change file that this Keel has no passphrase for, or whose
    /// passphrase was wrong: nothing was read or written.
    #[error("{detail}; nothing was read or written.")]
    Sealed { detail: String },

    #[error("The export could not be made: {detail}.")]
    Export { detail: String },

    #[error("The plan file could not be read or written: {0}.")]
    Storage(#[from] rusqlite::Error),

    /// A write SQLite refused for want of space or a failing disk, said as what was not done
    /// and the file that could not be written.
    #[error("{what}: {} could not be written ({cause}).", path.display())]
    NotWritten {
        what: &'static str,
        path: PathBuf,
        cause: &'static str,
    },

    /// A commit that reached the file, but whose folder could not be synced afterwards: the
    /// change is there, and a power loss now could still take it back.
    #[error("The change is in {}, but the disk could not confirm it is stored ({cause}); copy the plan to another disk before going on.", path.display())]
    NotConfirmed { path: PathBuf, cause: &'static str },

    #[error("The plan's history could not be read or written ({detail}); nothing was changed.")]
    History { detail: String },

    #[error("{context}: {source}.")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl CoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::Validation { .. } | CoreError::UnportableName { .. } => {
                ErrorCode::Validation
            }
            CoreError::NotFound { .. } => ErrorCode::NotFound,
            CoreError::FileMissing { .. } => ErrorCode::FileMissing,
            CoreError::NotSqlite { .. } => ErrorCode::NotSqlite,
            CoreError::OtherApplication { .. } => ErrorCode::OtherApplication,
            CoreError::Corrupt { .. } => ErrorCode::Corrupt,
            CoreError::NewerVersion { .. } => ErrorCode::NewerVersion,
            CoreError::ReadOnly { .. } => ErrorCode::ReadOnly,
            CoreError::AlreadyExists { .. } => ErrorCode::AlreadyExists,
            CoreError::InvalidImport { .. }
            | CoreError::NotImported { .. }
            | CoreError::NotThisPlan { .. } => ErrorCode::InvalidImport,
            CoreError::Export { .. } => ErrorCode::Export,
            CoreError::Sealed { .. } => ErrorCode::Sealed,
            CoreError::Storage(_)
            | CoreError::History { .. }
            | CoreError::NotWritten { .. }
            | CoreError::NotConfirmed { .. } => ErrorCode::Storage,
            CoreError::Io { .. } => ErrorCode::Io,
        }
    }

    /// The stable key of the field a validation error is about (`title`, `lifetime_months`).
    pub fn field(&self) -> Option<&'static str> {
        match self {
            CoreError::Validation { field, .. } => Some(field.key),
            _ => None,
        }
    }

    pub(crate) fn invalid(
        field: crate::domain::validate::Field,
        problem: impl Into<String>,
    ) -> Self {
        CoreError::Validation {
            field,
            problem: problem.into(),
        }
    }

    /// An SQLite write to `path` that failed because of the disk becomes [`CoreError::NotWritten`]
    /// ("The change was not saved: …/plan.keel could not be written (the disk is full)."); any
    /// other error stays as it is.
    pub(crate) fn not_written(self, what: &'static str, path: &std::path::Path) -> Self {
        match self.disk_cause() {
            Some(cause) => CoreError::NotWritten {
                what,
                path: path.to_path_buf(),
                cause,
            },
            None => self,
        }
    }

    /// What the disk did, when this is an SQLite write that failed because of it.
    pub(crate) fn disk_cause(&self) -> Option<&'static str> {
        use rusqlite::ErrorCode as Sqlite;
        match self {
            CoreError::Storage(rusqlite::Error::SqliteFailure(e, _)) => match e.code {
                Sqlite::DiskFull => Some("the disk is full"),
                Sqlite::SystemIoFailure => Some("the disk reported an error"),
                Sqlite::CannotOpen => Some("it cannot be created or opened"),
                Sqlite::ReadOnly => Some("it or its folder is read-only"),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        CoreError::Io {
            context: context.into(),
            source,
        }
    }
}

pub type Result<T> = std::result::Result<T, CoreError>;

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite(code: i32) -> CoreError {
        CoreError::Storage(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(code),
            None,
        ))
    }

    #[test]
    fn a_write_the_disk_refused_names_the_file_and_what_was_not_done() {
        let path = std::path::Path::new("plans/Loomline.keel");
        let full = sqlite(rusqlite::ffi::SQLITE_FULL).not_written("The change was not saved", path);
        assert_eq!(
            full.to_string(),
            "The change was not saved: plans/Loomline.keel could not be written (the disk is full)."
        );
        assert_eq!(full.code(), ErrorCode::Storage);
        let failing = sqlite(rusqlite::ffi::SQLITE_IOERR).not_written("No copy was made", path);
        assert_eq!(
            failing.to_string(),
            "No copy was made: plans/Loomline.keel could not be written (the disk reported an error)."
        );
        let other = sqlite(rusqlite::ffi::SQLITE_CONSTRAINT).not_written("No copy was made", path);
        assert!(
            matches!(other, CoreError::Storage(_)),
            "an error that is not the disk's stays as it is: {other}"
        );
    }
}
