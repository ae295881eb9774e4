//! The command line. With no subcommand the desktop app starts (on a plan file, if given).
//! Every failure prints one sentence on stderr and exits non-zero.

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use keel_core::compute::analysis;
use keel_core::compute::check::{Finding, Severity};
use keel_core::io::export::{self, ExportFormat};
use keel_core::io::info;
use keel_core::sync::Since;
use keel_core::{clock, samples, CoreError, Mode, PlanFile};
use std::path::{Path, PathBuf};

/// Writes a line to standard output, with no control character from a plan; a reader gone (`keel log PLAN | head`) ends the command
/// quietly, as Unix tools do, and any other failure to write is said on stderr.
macro_rules! outln {
    ($($arg:tt)*) => { $crate::cli::write_out(format_args!("{}\n", format_args!($($arg)*))) };
}

/// The same without the line's end.
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::write_out(format_args!($($arg)*)) };
}

pub(crate) fn write_out(text: std::fmt::Arguments) {
    use std::io::Write;
    // Text from a plan (a title, a teammate's name) never reaches the terminal as a control
    // sequence: it could move the cursor, recolour or hide what is printed.
    let text: String = text
        .to_string()
        .chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("keel: the output could not be written: {e}");
        std::process::exit(1);
    }
}

mod imports;
mod team;

#[derive(Parser)]
#[command(
    name = "keel",
    version,
    about = "Keel: an offline strategy and roadmap planner for startup founders"
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A plan file to open in the app.
    plan: Option<PathBuf>,
}

/// Which sample `keel new --sample` writes.
#[derive(Clone, Copy, clap::ValueEnum)]
enum SampleKind {
    /// The company at the MVP stage.
    Mvp,
    /// The same company two years on, at the Scaling stage, with its teams' portfolio.
    Scaling,
}

#[derive(Subcommand)]
enum Command {
    /// Create a plan file (empty, or the sample company).
    New {
        /// The new plan file (.keel).
        plan: PathBuf,
        /// Fill it with the sample company instead of an empty plan: at the MVP stage (the
        /// default), or two years on at the Scaling stage (`--sample scaling`).
        #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "mvp")]
        sample: Option<SampleKind>,
        /// The company name of an empty plan (default: the file's name).
        #[arg(long, conflicts_with = "sample")]
        name: Option<String>,
    },
    /// Check the plan for known startup mistakes; exits 1 when a finding is an error.
    Check {
        plan: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Check as of this date (YYYY-MM-DD) instead of today.
        #[arg(long)]
        date: Option<NaiveDate>,
    },
    /// Export the plan to Markdown, PDF, JSON or CSV, or the investor update since a version.
    Export {
        plan: PathBuf,
        /// md, pdf, json, csv, or update (a PDF, or Markdown when --out ends in .md; since
        /// --since, or the latest version).
        #[arg(long, value_parser = parse_format)]
        format: ExportFormat,
        /// The file to write (replaced only once the export is complete).
        #[arg(long)]
        out: PathBuf,
        /// Export as of this date (YYYY-MM-DD) instead of today.
        #[arg(long)]
        date: Option<NaiveDate>,
        /// Add "what changed since" this named version (its name or id, as `keel info` lists
        /// them).
        #[arg(long)]
        since: Option<String>,
        /// Include the plan check's findings (the Markdown does by default; the PDF and the
        /// investor update, read by investors, only with this).
        #[arg(long, conflicts_with = "no_findings")]
        findings: bool,
        /// Leave the plan check out of the Markdown.
        #[arg(long)]
        no_findings: bool,
    },
    /// Print the plan's history: every change with its author and time, newest first.
    Log {
        plan: PathBuf,
        /// Only the changes made after this named version (its name or id).
        #[arg(long)]
        since: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Mark the plan as it is now as a named version ("Board meeting Q4").
    Version {
        plan: PathBuf,
        /// The version's name.
        label: String,
    },
    /// Merge into the plan every change a teammate's copy (or a change file) has and it lacks.
    Merge {
        plan: PathBuf,
        /// The teammate's copy of the plan (.keel) or a change file (.keelchanges).
        from: PathBuf,
    },
    /// Write the changes a teammate lacks into a change file to send them (small, and safe
    /// to e-mail). Without --since or --for, the whole history.
    Changes {
        plan: PathBuf,
        /// Only the changes made after this named version (its name or id).
        #[arg(long, conflicts_with = "for_copy")]
        since: Option<String>,
        /// Only what this copy of the teammate's lacks.
        #[arg(long = "for")]
        for_copy: Option<PathBuf>,
        /// The change file to write.
        #[arg(long)]
        out: PathBuf,
    },
    /// Sync the plan once through a folder the team shares (Syncthing, Dropbox, a network
    /// share): bring in teammates' change files, write this copy's new changes there.
    Sync {
        plan: PathBuf,
        /// The shared folder (never the one that holds the plan file).
        folder: PathBuf,
        /// Also write the plan's whole history there, for a teammate whose copy is older than
        /// the folder's start (the folder then holds a copy of the whole plan).
        #[arg(long)]
        full_copy: bool,
    },
    /// Seal the plan's sync folder with a passphrase the team shares: from then on every file
    /// Keel writes there is encrypted and authenticated, and only such files are read. Asks
    /// for the passphrase twice (or reads one line from standard input when it is not a
    /// terminal); it is never stored.
    Seal {
        plan: PathBuf,
        /// The shared folder the plan syncs through.
        folder: PathBuf,
    },
    /// Create a plan file from a JSON export.
    Import {
        plan: PathBuf,
        /// The JSON file written by `keel export --format json`.
        #[arg(long)]
        from: PathBuf,
    },
    /// Add features from another tool's export (CSV or TSV from Linear, Jira, GitHub, a
    /// spreadsheet; Trello's board JSON): prints what changes; features imported before from
    /// the same issues are updated, not added again.
    ImportFeatures {
        plan: PathBuf,
        /// The export to read.
        #[arg(long)]
        from: PathBuf,
        /// Put a column into a field instead of the guess: "Summary=title", "Labels=none".
        /// Fields: title, description, status, horizon, risk_class, risk_level, stage,
        /// start_date, end_date, effort, reach, impact, confidence, team, id.
        #[arg(long = "map", value_name = "COLUMN=FIELD")]
        maps: Vec<String>,
        /// The Keel status of a status value no rule knows: "Niet begonnen=idea", "クローズ=done".
        /// Statuses: idea, planned, in_progress, done, dropped.
        #[arg(long = "status", value_name = "VALUE=STATUS", value_parser = imports::status_choice)]
        statuses: Vec<keel_core::io::import::StatusChoice>,
        /// Import archived Trello cards too (as dropped features); they are left out otherwise.
        #[arg(long)]
        include_archived: bool,
        /// How to read dates like 03/04/2026 when the file does not tell: dmy or mdy.
        #[arg(long, value_parser = imports::date_order)]
        dates: Option<keel_core::io::import::DateOrder>,
        /// Print what would change and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Add traction actuals (a date and a value column: MRR, ARR, customers) or the customer
    /// factory's weekly counts from a CSV; a date the plan has is updated, not added twice.
    ImportActuals {
        plan: PathBuf,
        /// The CSV to read.
        #[arg(long)]
        from: PathBuf,
        /// How to read dates like 03/04/2026 when the file does not tell: dmy or mdy.
        #[arg(long, value_parser = imports::date_order)]
        dates: Option<keel_core::io::import::DateOrder>,
        /// Print what would change and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Say what a plan file is: format version, counts, integrity.
    Info {
        plan: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// Exit code of a command that failed (bad file, bad input); 1 is kept for "check found errors".
const FAILED: i32 = 2;

/// The plan a launch with `argv` (`argv[0]` is the program) opens in the app, as it names it:
/// none for `keel` alone, for a command-line action, or for arguments that do not parse.
pub fn plan_to_open(argv: &[String]) -> Option<PathBuf> {
    match Cli::try_parse_from(argv) {
        Ok(Cli {
            command: None,
            plan,
        }) => plan,
        _ => None,
    }
}

/// Runs the command line and returns the process exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    let result = match cli.command {
        None => {
            crate::run_app(cli.plan);
            Ok(0)
        }
        Some(Command::New { plan, sample, name }) => new(&plan, sample, name.as_deref()).map(|_| 0),
        Some(Command::Info { plan, json }) => show_info(&plan, json).map(|_| 0),
        Some(Command::Check { plan, json, date }) => check(&plan, json, date),
        Some(Command::Export {
            plan,
            format,
            out,
            date,
            since,
            findings,
            no_findings,
        }) => {
            let file = PlanFile::open_with(&plan, Mode::Inspect);
            file.and_then(|f| {
                let today = date.unwrap_or_else(clock::today);
                let format = format.for_out(&out);
                let findings = findings || (format.findings_by_default() && !no_findings);
                export::export_with(&f, format, today, since.as_deref(), findings, &out)
            })
            .map(|_| {
                outln!("Wrote {}.", out.display());
                0
            })
        }
        Some(Command::Log { plan, since, json }) => log(&plan, since.as_deref(), json).map(|_| 0),
        Some(Command::Version { plan, label }) => mark_version(&plan, &label).map(|_| 0),
        Some(Command::Merge { plan, from }) => team::merge(&plan, &from).map(|_| 0),
        Some(Command::Changes {
            plan,
            since,
            for_copy,
            out,
        }) => changes(&plan, since.as_deref(), for_copy.as_deref(), &out).map(|_| 0),
        Some(Command::Sync {
            plan,
            folder,
            full_copy,
        }) => team::sync(&plan, &folder, full_copy).map(|_| 0),
        Some(Command::Seal { plan, folder }) => team::seal(&plan, &folder).map(|_| 0),
        Some(Command::ImportFeatures {
            plan,
            from,
            maps,
            statuses,
            include_archived,
            dates,
            dry_run,
        }) => imports::features(
            &plan,
            &from,
            &maps,
            (statuses, include_archived),
            dates,
            dry_run,
            &crate::settings::system_name(),
        )
        .map(|_| 0),
        Some(Command::ImportActuals {
            plan,
            from,
            dates,
            dry_run,
        }) => imports::actuals(
            &plan,
            &from,
            dates,
            dry_run,
            &crate::settings::system_name(),
        )
        .map(|_| 0),
        Some(Command::Import { plan, from }) => {
            export::json::import(&keel_core::plan_file_path(&plan), &from).and_then(|file| {
                outln!(
                    "Created {} for {} from {}.",
                    file.path().display(),
                    file.plan()?.data.company_name,
                    from.display()
                );
                Ok(0)
            })
        }
    };
    result.unwrap_or_else(|e| {
        eprintln!("keel: {}", export::escape::plain_line(&e.to_string()));
        FAILED
    })
}

fn new(path: &Path, sample: Option<SampleKind>, name: Option<&str>) -> Result<(), CoreError> {
    let today = clock::today();
    let file = match sample {
        Some(SampleKind::Mvp) => {
            samples::create_sample_plan(&keel_core::plan_file_path(path), today)?
        }
        Some(SampleKind::Scaling) => {
            samples::scaling::create_scaling_sample(&keel_core::plan_file_path(path), today)?
        }
        None => keel_core::create_named_plan(path, name, today)?,
    };
    outln!(
        "Created {} for {}.",
        file.path().display(),
        file.plan()?.data.company_name
    );
    Ok(())
}

fn mark_version(path: &Path, label: &str) -> Result<(), CoreError> {
    let mut file = PlanFile::open(path)?;
    let version = file.mark_version(label, &crate::settings::system_name())?;
    outln!(
        "Marked version “{}” of {} ({}).",
        version.label,
        path.display(),
        version.id
    );
    Ok(())
}

fn changes(
    path: &Path,
    since: Option<&str>,
    for_copy: Option<&Path>,
    out: &Path,
) -> Result<(), CoreError> {
    let mut file = PlanFile::open(path)?;
    let version = since.map(|key| file.find_version(key)).transpose()?;
    let since = match (&version, for_copy) {
        (Some(v), _) => Since::Version(&v.id),
        (None, Some(copy)) => Since::Copy(copy),
        (None, None) => Since::Start,
    };
    let bytes = file.changes_file(since)?;
    export::write_atomic(out, &bytes)?;
    outln!("Wrote {} ({} bytes).", out.display(), bytes.len());
    Ok(())
}

fn log(path: &Path, since: Option<&str>, json: bool) -> Result<(), CoreError> {
    let file = PlanFile::open_with(path, Mode::Inspect)?;
    let since = since.map(|key| file.find_version(key)).transpose()?;
    let entries = file.log(since.as_ref().map(|v| &v.id))?;
    if json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&entries).unwrap_or_else(|e| e.to_string())
        );
        return Ok(());
    }
    match &since {
        Some(v) => outln!(
            "{} — changes since “{}”: {}",
            path.display(),
            v.label,
            entries.len()
        ),
        None => outln!("{} — {} changes", path.display(), entries.len()),
    }
    for e in &entries {
        let author = if e.author.is_empty() {
            "Keel"
        } else {
            &e.author
        };
        outln!("{}  {:<20} {}", e.at, author, e.label);
    }
    Ok(())
}

fn show_info(path: &Path, json: bool) -> Result<(), CoreError> {
    let info = info::file_info(path)?;
    if json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&info).unwrap_or_else(|e| e.to_string())
        );
    } else {
        outln!("{}\n{info}", path.display());
    }
    Ok(())
}

fn check(path: &Path, json: bool, date: Option<NaiveDate>) -> Result<i32, CoreError> {
    let file = PlanFile::open_with(path, Mode::Inspect)?;
    let today = date.unwrap_or_else(clock::today);
    let findings = analysis::plan_check(&file.document()?, today);
    if json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&findings).unwrap_or_else(|e| e.to_string())
        );
    } else {
        out!(
            "{}",
            check_text(&file.plan()?.data.company_name, today, &findings)
        );
    }
    let has_error = findings.iter().any(|f| f.severity == Severity::Error);
    Ok(if has_error { 1 } else { 0 })
}

/// The findings as a founder reads them in a terminal.
fn check_text(company: &str, today: NaiveDate, findings: &[Finding]) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut out = format!(
        "{company} — plan check as of {today}: {}, {}, {}\n",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Hint), "hint")
    );
    if findings.is_empty() {
        out.push_str("\nNo known startup mistakes found.\n");
    }
    for f in findings {
        let severity = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Hint => "hint",
        };
        out.push('\n');
        let mut line = format!("{severity:<8} {} ", f.id);
        let indent = line.len();
        for word in f.message.split_whitespace() {
            if line.chars().count() + word.chars().count() > 96 {
                out.push_str(line.trim_end());
                out.push('\n');
                line = " ".repeat(indent);
            }
            line.push_str(word);
            line.push(' ');
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn parse_format(text: &str) -> Result<ExportFormat, String> {
    ExportFormat::parse(text)
        .ok_or_else(|| format!("{text:?} is not a format: use md, pdf, json, csv or update"))
}
