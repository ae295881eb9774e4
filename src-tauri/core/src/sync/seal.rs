//! A sealed sync folder: a team that syncs through a service it does not trust with its
//! strategy (a cloud drive, a shared drive) sets a passphrase, and every file Keel writes into
//! the plan's folder from then on is encrypted and authenticated with a key derived from it. A
//! file that does not authenticate is refused before a byte of it is decoded; the passphrase
//! is never written anywhere (Keel asks for it once a session).
//!
//! A sealed file: `KEEL-SEALED\0`, a format byte, the Argon2id parameters (memory in KiB,
//! passes, lanes; u32 little-endian each), a 16-byte salt, a 24-byte nonce, then the sealed
//! content (XChaCha20-Poly1305, its 16-byte tag last). What comes before the content and the
//! plan's identity are authenticated with it, so a file cannot be moved to another plan or
//! given other parameters. Each file names its salt and parameters, so a file merged by hand
//! needs only the passphrase.

use crate::error::{CoreError, Result};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 12] = b"KEEL-SEALED\0";
const FORMAT: u8 = 1;
const SALT: usize = 16;
const NONCE: usize = 24;
const HEAD: usize = MAGIC.len() + 1 + 12 + SALT + NONCE;

/// Argon2id's cost: 64 MiB of memory, 3 passes, 1 lane (RFC 9106's second recommendation,
/// with one lane: about half a second on a laptop).
pub const ARGON2_MEMORY_KIB: u32 = 65_536;
pub const ARGON2_PASSES: u32 = 3;
pub const ARGON2_LANES: u32 = 1;
/// The most memory a file may ask the derivation for (a forged file could ask for terabytes).
const MAX_MEMORY_KIB: u32 = 1_048_576;
const MAX_PASSES: u32 = 16;

/// The shortest passphrase a folder may be sealed with.
pub const MIN_PASSPHRASE: usize = 10;

/// The file in a plan's folder that says it is sealed (and lets a passphrase be checked).
const MARKER: &str = "folder.keelseal";
/// What the marker seals: a passphrase that opens it is the folder's.
const CHECK: &[u8] = b"Keel sealed folder";

/// A key derived from the team's passphrase for one salt and cost.
#[derive(Clone)]
pub struct Seal {
    params: [u32; 3],
    salt: [u8; SALT],
    key: [u8; 32],
}

impl std::fmt::Debug for Seal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Seal { .. }")
    }
}

fn sealed(detail: impl Into<String>) -> CoreError {
    CoreError::Sealed {
        detail: detail.into(),
    }
}

fn derive(passphrase: &str, salt: &[u8; SALT], [m, t, p]: [u32; 3]) -> Result<[u8; 32]> {
    if m > MAX_MEMORY_KIB || t > MAX_PASSES || p != ARGON2_LANES {
        return Err(sealed(
            "the sealed file asks for a key derivation Keel does not make (it was not sealed \
             by Keel)",
        ));
    }
    let params = argon2::Params::new(m, t, p, Some(32)).map_err(|e| {
        sealed(format!(
            "the sealed file's key parameters are not valid ({e})"
        ))
    })?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut key = [0u8; 32];
    argon
        .hash_password_into(passphrase.as_bytes(), salt, &mut key)
        .map_err(|e| sealed(format!("the key could not be derived ({e})")))?;
    Ok(key)
}

fn random<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes)
        .map_err(|e| sealed(format!("the system gave no random bytes ({e})")))?;
    Ok(bytes)
}

/// Whether `bytes` are a sealed file.
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// The parameters, salt and nonce of a sealed file, and where its content starts.
fn head(bytes: &[u8]) -> Option<([u32; 3], [u8; SALT], [u8; NONCE])> {
    if bytes.len() < HEAD + 16 || !is_sealed(bytes) || bytes[MAGIC.len()] != FORMAT {
        return None;
    }
    let at = MAGIC.len() + 1;
    let word = |i: usize| {
        u32::from_le_bytes(
            bytes[at + 4 * i..at + 4 * i + 4]
                .try_into()
                .expect("4 bytes"),
        )
    };
    let salt = bytes[at + 12..at + 12 + SALT].try_into().ok()?;
    let nonce = bytes[at + 12 + SALT..HEAD].try_into().ok()?;
    Some(([word(0), word(1), word(2)], salt, nonce))
}

impl Seal {
    /// A new key for a folder about to be sealed with `passphrase`.
    pub fn new(passphrase: &str) -> Result<Seal> {
        if passphrase.chars().count() < MIN_PASSPHRASE {
            return Err(CoreError::invalid(
                crate::domain::validate::Field::new("passphrase", "Passphrase"),
                format!("must be at least {MIN_PASSPHRASE} characters"),
            ));
        }
        let params = [ARGON2_MEMORY_KIB, ARGON2_PASSES, ARGON2_LANES];
        let salt = random::<SALT>()?;
        Ok(Seal {
            params,
            salt,
            key: derive(passphrase, &salt, params)?,
        })
    }

    /// The key `passphrase` gives for the salt and cost a sealed file names.
    fn for_file(passphrase: &str, bytes: &[u8]) -> Result<Seal> {
        let (params, salt, _) = head(bytes).ok_or_else(|| sealed("it is not a sealed file"))?;
        Ok(Seal {
            params,
            salt,
            key: derive(passphrase, &salt, params)?,
        })
    }

    fn aad(bytes_head: &[u8], plan_id: &str) -> Vec<u8> {
        [bytes_head, plan_id.as_bytes()].concat()
    }

    /// `content` sealed for the plan `plan_id`.
    pub(crate) fn seal(&self, plan_id: &str, content: &[u8]) -> Result<Vec<u8>> {
        let nonce = random::<NONCE>()?;
        let mut out = Vec::with_capacity(HEAD + content.len() + 16);
        out.extend_from_slice(MAGIC);
        out.push(FORMAT);
        for word in self.params {
            out.extend_from_slice(&word.to_le_bytes());
        }
        out.extend_from_slice(&self.salt);
        out.extend_from_slice(&nonce);
        let cipher = XChaCha20Poly1305::new(chacha20poly1305::Key::from_slice(&self.key));
        let aad = Self::aad(&out, plan_id);
        let body = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: content,
                    aad: &aad,
                },
            )
            .map_err(|_| sealed("the file could not be sealed"))?;
        out.extend_from_slice(&body);
        Ok(out)
    }

    /// The content of a file sealed with this key for `plan_id`; `None` when it is not one
    /// (not sealed, sealed with another passphrase or for another plan, or altered).
    pub(crate) fn open(&self, plan_id: &str, bytes: &[u8]) -> Option<Vec<u8>> {
        let (params, salt, nonce) = head(bytes)?;
        if params != self.params || salt != self.salt {
            return None;
        }
        let cipher = XChaCha20Poly1305::new(chacha20poly1305::Key::from_slice(&self.key));
        let aad = Self::aad(&bytes[..HEAD], plan_id);
        cipher
            .decrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &bytes[HEAD..],
                    aad: &aad,
                },
            )
            .ok()
    }

    /// The content of a sealed change file merged by hand, with the passphrase asked for it.
    pub(crate) fn open_file(passphrase: &str, plan_id: &str, bytes: &[u8]) -> Result<Vec<u8>> {
        Seal::for_file(passphrase, bytes)?
            .open(plan_id, bytes)
            .ok_or_else(|| {
                sealed(
                    "That passphrase does not open this change file (or the file is for \
                     another plan, or was altered)",
                )
            })
    }
}

/// The marker of a sealed plan folder.
fn marker(folder: &Path) -> PathBuf {
    folder.join(MARKER)
}

/// Whether the plan's folder is sealed (holds the marker).
pub fn folder_is_sealed(folder: &Path) -> bool {
    std::fs::symlink_metadata(marker(folder)).is_ok()
}

/// The key of a sealed folder, from the passphrase a founder typed: a wrong one says so.
pub fn open_folder(folder: &Path, plan_id: &str, passphrase: &str) -> Result<Seal> {
    let path = marker(folder);
    let small = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file() && m.len() < 4096);
    let bytes = small
        .then(|| std::fs::read(&path).ok())
        .flatten()
        .ok_or_else(|| sealed(format!("{} is not a sealed sync folder", folder.display())))?;
    let seal = Seal::for_file(passphrase, &bytes)?;
    match seal.open(plan_id, &bytes) {
        Some(check) if check == CHECK => Ok(seal),
        _ => Err(sealed(
            "That passphrase does not open this sync folder (ask the teammate who sealed it)",
        )),
    }
}

/// Seals the plan's folder: writes its marker. Returns the key.
pub(super) fn seal_folder(folder: &Path, plan_id: &str, passphrase: &str) -> Result<Seal> {
    if folder_is_sealed(folder) {
        return Err(sealed(format!(
            "{} is sealed already: open it with the team's passphrase",
            folder.display()
        )));
    }
    let seal = Seal::new(passphrase)?;
    let bytes = seal.seal(plan_id, CHECK)?;
    std::fs::create_dir_all(folder)
        .map_err(|e| CoreError::io(format!("{} cannot be written", folder.display()), e))?;
    crate::store::write_atomic(&marker(folder), &bytes)?;
    Ok(seal)
}

/// How the files of one plan folder are written and read.
#[derive(Clone, Copy)]
pub(crate) enum Lock<'a> {
    /// In clear, as a folder nobody sealed.
    Open,
    Sealed(&'a Seal),
}

impl Lock<'_> {
    /// What goes into the folder for `content`.
    pub(crate) fn wrap(self, plan_id: &str, content: Vec<u8>) -> Result<Vec<u8>> {
        match self {
            Lock::Open => Ok(content),
            Lock::Sealed(seal) => seal.seal(plan_id, &content),
        }
    }

    /// What a file of the folder holds, or `None` when it does not open: in a sealed folder
    /// only files sealed with its key, in an open one only files in clear.
    pub(crate) fn unwrap(self, plan_id: &str, bytes: Vec<u8>) -> Option<Vec<u8>> {
        match self {
            Lock::Open => (!is_sealed(&bytes)).then_some(bytes),
            Lock::Sealed(seal) => seal.open(plan_id, &bytes),
        }
    }
}
