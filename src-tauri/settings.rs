//! The app's settings, kept in its data folder: who you are (the author of your edits in the
//! plan's history; asked once, on your first edit, prefilled from the system account), and the
//! folder each plan syncs through on this computer (a teammate's computer has its own).

use keel_core::CoreError;
use serde::{Deserialize, Serialize};
use std::path::Path;

const SETTINGS_FILE: &str = "settings.json";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Your name as your edits are signed with; none until you said it.
    #[serde(default)]
    pub author: Option<String>,
    /// The shared folder each plan syncs through, by plan identity.
    #[serde(default)]
    pub sync_folders: std::collections::BTreeMap<String, std::path::PathBuf>,
    /// The statuses you chose for another tool's status values, by tool: offered again at the
    /// next import from it.
    #[serde(default)]
    pub import_statuses:
        std::collections::BTreeMap<String, Vec<keel_core::io::import::StatusChoice>>,
}

pub fn read(data_dir: &Path) -> Settings {
    std::fs::read(data_dir.join(SETTINGS_FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

pub fn write(data_dir: &Path, settings: &Settings) -> Result<(), CoreError> {
    let context = || format!("the settings in {} cannot be written", data_dir.display());
    std::fs::create_dir_all(data_dir).map_err(|e| CoreError::io(context(), e))?;
    let json = serde_json::to_vec_pretty(settings)
        .map_err(|e| CoreError::io(context(), std::io::Error::other(e)))?;
    keel_core::io::export::write_atomic(&data_dir.join(SETTINGS_FILE), &json)
}

/// The name of the system account: its full name where the system has one, else its login.
pub fn system_name() -> String {
    let login = ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.is_empty()));
    account(login.as_deref()).unwrap_or_else(|| login.unwrap_or_default())
}

/// The account's full name (else its login) from the password file: the account named `login`,
/// or without one the account that runs Keel (the owner of its own process).
#[cfg(unix)]
fn account(login: Option<&str>) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    let uid = std::fs::metadata("/proc/self")
        .ok()
        .map(|m| m.uid().to_string());
    let fields = passwd
        .lines()
        .map(|l| l.split(':').collect::<Vec<_>>())
        .find(|f| match login {
            Some(login) => f.first() == Some(&login),
            None => uid.as_deref().is_some_and(|uid| f.get(2) == Some(&uid)),
        })?;
    let gecos = fields.get(4)?.split(',').next()?.trim();
    let name = if gecos.is_empty() {
        *fields.first()?
    } else {
        gecos
    };
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(not(unix))]
fn account(_login: Option<&str>) -> Option<String> {
    None
}
