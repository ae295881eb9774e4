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
/// Hebrew, Arabic and symbols, Droid Sans Fallback for CJK, Symbola for emoji.
const FONT_FILES: &[&[u8]] = &[
    include_bytes!("../../../fonts/Inter-Regular.otf"),
    include_bytes!("../../../fonts/Inter-Italic.otf"),
    include_bytes!("../../../fonts/Inter-SemiBold.otf"),
    include_bytes!("../../../fonts/Inter-Bold.otf"),
    include_bytes!("../../../fonts/DejaVuSans.ttf"),
    include_bytes!("../../../fonts/DejaVuSans-Bold.ttf"),
    include_bytes!("../../../fonts/DroidSansFallback.ttf"),
    include_bytes!("../../../fonts/Symbola.ttf"),
];

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = FONT_FILES
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
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
