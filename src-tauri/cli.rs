//! The command line. With no subcommand the desktop app starts (on a plan file, if given).
//! Every failure prints one sentence on stderr and exits non-zero.

use clap::{Parser, Subcommand};
use keel_core::{clock, info, sample, CoreError};
use std::path::{Path, PathBuf};

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

#[derive(Subcommand)]
enum Command {
    /// Create a plan file (empty, or the sample company).
    New {
        /// The new plan file (.keel).
        plan: PathBuf,
        /// Fill it with the sample company instead of an empty plan.
        #[arg(long)]
        sample: bool,
        /// The company name of an empty plan (default: the file's name).
        #[arg(long, conflicts_with = "sample")]
        name: Option<String>,
    },
    /// Say what a plan file is: format version, counts, integrity.
    Info {
        plan: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// Runs the command line and returns the process exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    let result = match cli.command {
        None => {
            crate::run_app(cli.plan);
            Ok(())
        }
        Some(Command::New { plan, sample, name }) => new(&plan, sample, name.as_deref()),
        Some(Command::Info { plan, json }) => show_info(&plan, json),
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("keel: {e}");
            1
        }
    }
}

fn new(path: &Path, sample: bool, name: Option<&str>) -> Result<(), CoreError> {
    let path = with_extension(path);
    let today = clock::today();
    let file = if sample {
        sample::create_sample_plan(&path, today)?
    } else {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        keel_core::create_empty_plan(&path, name.unwrap_or(&stem), today)?
    };
    println!(
        "Created {} for {}.",
        path.display(),
        file.plan()?.data.company_name
    );
    Ok(())
}

fn show_info(path: &Path, json: bool) -> Result<(), CoreError> {
    let info = info::file_info(path)?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&info).unwrap_or_else(|e| e.to_string())
        );
    } else {
        println!("{}\n{info}", path.display());
    }
    Ok(())
}

/// `acme` becomes `acme.keel`; any other extension is kept as given.
fn with_extension(path: &Path) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension("keel")
    } else {
        path.to_path_buf()
    }
}
