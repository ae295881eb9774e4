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
    /// For shells: no plan is open (never produced by keel-core itself).
    NoPlanOpen,
    /// For shells: the shell's own state is unusable (never produced by keel-core itself).
    Internal,
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("{}: {problem}.", field.label)]
    Validation {
        field: crate::validate::Field,
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

    #[error("This is not a Keel plan export ({detail}); no plan was created.")]
    InvalidImport { detail: String },

    #[error("This cannot be merged into the plan: {detail}. Nothing was changed.")]
    NotThisPlan { detail: String },

    #[error("The export could not be made: {detail}.")]
    Export { detail: String },

    #[error("The plan file could not be read or written: {0}.")]
    Storage(#[from] rusqlite::Error),

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
            CoreError::Validation { .. } => ErrorCode::Validation,
            CoreError::NotFound { .. } => ErrorCode::NotFound,
            CoreError::FileMissing { .. } => ErrorCode::FileMissing,
            CoreError::NotSqlite { .. } => ErrorCode::NotSqlite,
            CoreError::OtherApplication { .. } => ErrorCode::OtherApplication,
            CoreError::Corrupt { .. } => ErrorCode::Corrupt,
            CoreError::NewerVersion { .. } => ErrorCode::NewerVersion,
            CoreError::ReadOnly { .. } => ErrorCode::ReadOnly,
            CoreError::AlreadyExists { .. } => ErrorCode::AlreadyExists,
            CoreError::InvalidImport { .. } | CoreError::NotThisPlan { .. } => {
                ErrorCode::InvalidImport
            }
            CoreError::Export { .. } => ErrorCode::Export,
            CoreError::Storage(_) | CoreError::History { .. } => ErrorCode::Storage,
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

    pub(crate) fn invalid(field: crate::validate::Field, problem: impl Into<String>) -> Self {
        CoreError::Validation {
            field,
            problem: problem.into(),
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
