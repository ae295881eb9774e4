//! The faults the full-disk and I/O-error tests inject: small tmpfs mounts, and the libfiu
//! settings every write is run under.

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// Mounts a tmpfs of `bytes` at `at` (root only).
pub fn mount_tmpfs(at: &Path, bytes: u64) {
    std::fs::create_dir_all(at).unwrap();
    let status = Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={bytes}"), "tmpfs"])
        .arg(at)
        .status()
        .expect("mount runs");
    assert!(status.success(), "tmpfs mounts (this test needs root)");
}

pub fn unmount(at: &Path) {
    let status = Command::new("umount")
        .arg(at)
        .status()
        .expect("umount runs");
    assert!(status.success());
}

/// The libfiu settings, each a list of commands (`fiu-run -c`, `fiu-ctrl -c`): pwrite failing
/// with ENOSPC and EIO; fsync, fdatasync, rename and unlink with EIO; then `random_rounds`
/// rounds of the sync calls, pwrite and the folder calls failing at random. `write` is left to
/// the full disks: it is also how the error reaches the terminal (or the test).
pub fn settings(random_rounds: usize) -> Vec<Vec<String>> {
    let mut faults: Vec<Vec<String>> = [
        ("posix/io/rw/pwrite", 28),
        ("posix/io/rw/pwrite", 5),
        ("posix/io/sync/fsync", 5),
        ("posix/io/sync/fdatasync", 5),
        ("posix/io/dir/rename", 5),
        ("posix/io/dir/unlink", 5),
    ]
    .iter()
    .map(|(name, errno)| vec![format!("enable name={name},failinfo={errno}")])
    .collect();
    for _ in 0..random_rounds {
        faults.push(vec![
            "enable_random name=posix/io/sync/*,probability=0.3".to_string()
        ]);
        faults.push(vec![
            "enable_random name=posix/io/rw/pwrite*,probability=0.05".to_string(),
        ]);
        faults.push(random_folder_faults());
    }
    faults
}

/// Every folder call failing at random, but `closedir`: it fails only on a handle that is not
/// open, and Rust's standard library takes that for a bug of its own and panics.
fn random_folder_faults() -> Vec<String> {
    [
        "opendir",
        "fdopendir",
        "readdir",
        "readdir_r",
        "rename",
        "unlink",
    ]
    .iter()
    .map(|call| format!("enable_random name=posix/io/dir/{call},probability=0.3"))
    .collect()
}
