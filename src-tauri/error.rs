//! What a command returns on failure: a stable code the UI branches on and a sentence for the
//! founder. Every core error maps here; nothing reaches the UI as a bare string.

use keel_core::{CoreError, ErrorCode};
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Serialize, Type)]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
    /// For a validation error, the field it is about as the form labels it ("Title").
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
                Some(why) => format!("No plan is open: {why}"),
                None => "No plan is open.".to_string(),
            },
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
