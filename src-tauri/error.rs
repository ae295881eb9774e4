//! What a command returns on failure: a stable code the UI branches on and a sentence for the
//! founder. Every core error maps here; nothing reaches the UI as a bare string.

use keel_core::{CoreError, ErrorCode};
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Serialize, Type, thiserror::Error)]
#[error("{message}")]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
    /// For a validation error, the stable key of the field it is about (`title`,
    /// `lifetime_months`: the name of the data's field); the UI finds the field by it.
    pub field: Option<String>,
}

impl From<CoreError> for CommandError {
    fn from(e: CoreError) -> Self {
        CommandError {
            code: e.code(),
            field: e.field().map(str::to_string),
            message: e.to_string(),
        }
    }
}

impl CommandError {
    pub fn no_plan(detail: Option<&str>) -> Self {
        CommandError {
            code: ErrorCode::NoPlanOpen,
            field: None,
            message: match detail {
                Some(why) => format!("No plan is open: {why}."),
                None => "No plan is open.".to_string(),
            },
        }
    }

    /// Keel's own state is unusable (a lock poisoned by an earlier failure).
    pub fn internal() -> Self {
        Self::internal_because("an earlier action failed unexpectedly")
    }

    pub fn internal_because(why: &str) -> Self {
        CommandError {
            code: ErrorCode::Internal,
            field: None,
            message: format!("Keel cannot go on: {why}. Restart Keel; your plan is saved."),
        }
    }

    /// The system asked Keel to open `url`, which is not a file on this computer.
    pub fn not_a_file(url: &str) -> Self {
        CommandError {
            code: ErrorCode::FileMissing,
            field: None,
            message: format!("Keel opens plan files on this computer; {url} is not one."),
        }
    }

    pub fn fullscreen(why: &str) -> Self {
        CommandError {
            code: ErrorCode::Io,
            field: None,
            message: format!("The window could not change to full screen: {why}."),
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
