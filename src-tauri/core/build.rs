//! Deflates the PDF fonts into OUT_DIR, so the binary carries them compressed.

use flate2::write::DeflateEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::PathBuf;

const FONTS: &[&str] = &[
    "Inter-Regular.otf",
    "Inter-Italic.otf",
    "Inter-SemiBold.otf",
    "Inter-Bold.otf",
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DroidSansFallback.ttf",
    "Symbola.ttf",
];

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in FONTS {
        let source = PathBuf::from("fonts").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let bytes = std::fs::read(&source).expect("the font is in src-tauri/core/fonts");
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(&bytes).expect("deflate in memory");
        let packed = encoder.finish().expect("deflate in memory");
        std::fs::write(out.join(format!("{name}.deflate")), packed).expect("write to OUT_DIR");
    }
}
