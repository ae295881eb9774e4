//! Reads the 100-byte SQLite header of a file without opening it through SQLite, so that a file
//! which is not a Keel plan is recognised — and refused — without a single byte written to it.

use crate::error::{CoreError, Result};
use std::fs::File;
use std::io::Read;
use std::path::Path;

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header {
    pub application_id: u32,
    pub user_version: u32,
    /// Bytes the header says the database occupies, when the header's size field is valid.
    pub declared_len: Option<u64>,
    /// The file is in SQLite's write-ahead-log mode (Keel writes none, another program may).
    pub wal: bool,
    /// The page size, when it is one SQLite can have (a power of two, 512 to 65,536).
    pub page_size: Option<u64>,
}

pub(crate) fn read(path: &Path) -> Result<Header> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(CoreError::FileMissing {
                path: path.to_path_buf(),
            })
        }
        Err(e) => {
            return Err(CoreError::io(
                format!("{} cannot be read", path.display()),
                e,
            ))
        }
    };
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(CoreError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    let mut bytes = [0u8; 100];
    let mut filled = 0;
    while filled < bytes.len() {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) => {
                return Err(CoreError::io(
                    format!("{} cannot be read", path.display()),
                    e,
                ))
            }
        }
    }
    if filled < bytes.len() || &bytes[..16] != MAGIC {
        return Err(CoreError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    Ok(parse(&bytes))
}

fn parse(bytes: &[u8; 100]) -> Header {
    let u32_at = |offset: usize| {
        u32::from_be_bytes([
            bytes[offset],
            bytes[offset + 1],
            bytes[offset + 2],
            bytes[offset + 3],
        ])
    };
    let page_size = match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65_536u64,
        n => u64::from(n),
    };
    let page_count = u64::from(u32_at(28));
    // The in-header size is valid only when the change counter matches "version-valid-for".
    let size_valid = page_count > 0 && u32_at(24) == u32_at(92);
    Header {
        application_id: u32_at(68),
        user_version: u32_at(60),
        declared_len: size_valid.then_some(page_size * page_count),
        wal: bytes[18] == 2 || bytes[19] == 2,
        page_size: (page_size.is_power_of_two() && (512..=65_536).contains(&page_size))
            .then_some(page_size),
    }
}
