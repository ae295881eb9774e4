//! The Typst world Keel compiles in: the template from the binary, the plan as `/data.json`,
//! the fonts embedded in the binary, a fixed date — and nothing else. Every other file, every
//! package, every path on disk is refused.

use std::sync::OnceLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The faces the template uses, in fallback order: Inter for Latin text, DejaVu Sans for
/// Hebrew, Arabic and symbols, Droid Sans Fallback for CJK, Symbola for emoji. build.rs stores
/// them deflated; they are inflated once, when the first PDF is made.
macro_rules! packed_font {
    ($name:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".deflate"))
    };
}

const FONT_FILES: &[&[u8]] = &[
    packed_font!("Inter-Regular.otf"),
    packed_font!("Inter-Italic.otf"),
    packed_font!("Inter-SemiBold.otf"),
    packed_font!("Inter-Bold.otf"),
    packed_font!("DejaVuSans.ttf"),
    packed_font!("DejaVuSans-Bold.ttf"),
    packed_font!("DroidSansFallback.ttf"),
    packed_font!("Symbola.ttf"),
];

fn inflate(packed: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut bytes = Vec::new();
    // The data was deflated by build.rs from the fonts in the source tree: it always inflates.
    flate2::read::DeflateDecoder::new(packed)
        .read_to_end(&mut bytes)
        .unwrap_or_else(|e| unreachable!("an embedded font does not inflate: {e}"));
    bytes
}

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = FONT_FILES
            .iter()
            .flat_map(|packed| Font::iter(Bytes::new(inflate(packed))))
            .collect();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

pub struct KeelWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
    today: Datetime,
}

fn project_file(path: &str) -> FileId {
    // Both paths are constants that are valid virtual paths.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| unreachable!("{path} is a valid path"));
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

impl KeelWorld {
    pub fn new(template: &str, data_json: Vec<u8>, today: chrono::NaiveDate) -> KeelWorld {
        use chrono::Datelike;
        let main_id = project_file("/main.typ");
        KeelWorld {
            main: Source::new(main_id, template.to_string()),
            data_id: project_file("/data.json"),
            data: Bytes::new(data_json),
            today: Datetime::from_ymd(today.year(), today.month() as u8, today.day() as u8)
                .unwrap_or_else(|| unreachable!("a calendar date is a valid Typst date")),
        }
    }
}

impl World for KeelWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
