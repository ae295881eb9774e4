//! Writes the fuzz targets' seed inputs: `cargo run -p keel-core --example fuzz_seeds -- fuzz`.
//! The sample plan (for a fixed date) is the plan change files are merged into; each seed comes
//! whole, truncated and with bits flipped. Run once when the file formats change; the seeds and
//! what the fuzzer found are committed under fuzz/.

use keel_core::domain::{FeatureData, RiskClass};
use keel_core::sync::Since;
use keel_core::PlanFile;
use std::path::Path;

fn main() {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: fuzz_seeds FUZZ_DIR");
        std::process::exit(2);
    };
    if let Err(e) = write_seeds(Path::new(&out)) {
        eprintln!("fuzz_seeds: {e}");
        std::process::exit(1);
    }
}

fn write_seeds(out: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let work = tempfile::tempdir()?;
    let base = work.path().join("base.keel");
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    drop(keel_core::samples::create_sample_plan(&base, date)?);
    let base_bytes = std::fs::read(&base)?;
    std::fs::create_dir_all(out.join("seeds"))?;
    std::fs::write(out.join("seeds/base.keel"), &base_bytes)?;

    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut plans = vec![("sample".to_string(), base_bytes.clone())];
    for entry in std::fs::read_dir(fixtures)? {
        let path = entry?.path();
        let name = path
            .file_stem()
            .ok_or("name")?
            .to_string_lossy()
            .into_owned();
        plans.push((name, std::fs::read(&path)?));
    }
    for (name, bytes) in &plans {
        seed_with_damage(&out.join("corpus/open_plan"), name, bytes)?;
    }

    let json = keel_core::io::export::json::render(&PlanFile::open(&base)?)?;
    seed_with_damage(&out.join("corpus/import_json"), "sample", json.as_bytes())?;

    // A teammate's copy with edits, whose changes the base lacks.
    let theirs = work.path().join("theirs.keel");
    std::fs::copy(&base, &theirs)?;
    let mut copy = PlanFile::open(&theirs)?;
    let created = copy.create_feature(FeatureData::new("Offline mode", RiskClass::Technical))?;
    let mut data = created.data.clone();
    data.description = "Works on a plane.".to_string();
    copy.update_feature(&created.id, data)?;
    let first = copy.features()?.into_iter().next().ok_or("a feature")?;
    copy.delete_feature(&first.id)?;
    let edits = copy.changes_file(Since::Copy(&base))?;
    seed_with_damage(&out.join("corpus/change_file"), "edits", &edits)?;
    let whole = copy.changes_file(Since::Start)?;
    seed_with_damage(&out.join("corpus/change_file"), "whole", &whole)?;
    Ok(())
}

/// Writes `bytes` whole, truncated at four points and with one bit flipped at eight.
fn seed_with_damage(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join(name), bytes)?;
    for (label, len) in [
        ("half", bytes.len() / 2),
        ("quarter", bytes.len() / 4),
        ("4k", bytes.len().min(4096)),
        ("100", bytes.len().min(100)),
    ] {
        std::fs::write(dir.join(format!("{name}-truncated-{label}")), &bytes[..len])?;
    }
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    for i in 0..8 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let mut flipped = bytes.to_vec();
        if flipped.is_empty() {
            break;
        }
        let at = (state as usize) % flipped.len();
        flipped[at] ^= 1 << (i % 8);
        std::fs::write(dir.join(format!("{name}-flipped-{i}")), flipped)?;
    }
    Ok(())
}
