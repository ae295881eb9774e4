//! One write of the window under a fault: the folder it starts from, the write, what the window
//! must show afterwards and what the folder must hold.

use crate::folders::temporaries;
use crate::harness::*;
use serde_json::{json, Value};
use std::path::Path;

/// A write the window asks for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Write {
    Edit,
    ExportPdf,
    ExportMarkdown,
    SaveAs,
    Merge,
}

pub const WRITES: [Write; 5] = [
    Write::Edit,
    Write::ExportPdf,
    Write::ExportMarkdown,
    Write::SaveAs,
    Write::Merge,
];

const OLD: &[u8] = b"the previous export\n";
const TAGLINE: &str = "Written under a fault";
const THEIR_FEATURE: &str = "Weaver forum";
/// The version the window marks once the fault is gone: the plan is still open and saves.
const AFTER: &str = "After the fault";

/// The starting folder: the sample plan, a teammate's copy with one new feature, the previous
/// exports; and beside it, `reference/`, the exports as a healthy disk writes them.
pub fn prepare(template: &Path) {
    std::fs::create_dir_all(template).unwrap();
    let plan = template.join("plan.keel");
    sample(&plan);
    let theirs = template.join("theirs.keel");
    std::fs::copy(&plan, &theirs).unwrap();
    crate::teammate::adds_feature(&theirs, THEIR_FEATURE, "Ali");
    let reference = template.with_file_name("reference");
    std::fs::create_dir_all(&reference).unwrap();
    let h = start_in(
        tempfile::tempdir_in(&reference).unwrap(),
        |p| std::fs::copy(&plan, p).map(drop).unwrap(),
        true,
    );
    let shell = fake_shell(&h);
    for (w, name) in [
        (Write::ExportPdf, "plan.pdf"),
        (Write::ExportMarkdown, "plan.md"),
    ] {
        perform(&h, &shell, w).expect("a healthy disk exports");
        let made = h.path.with_file_name(name);
        std::fs::rename(made, reference.join(name)).unwrap();
    }
    std::fs::write(template.join("plan.pdf"), OLD).unwrap();
    std::fs::write(template.join("plan.md"), OLD).unwrap();
    drop(h);
}

/// Asks for the write `w` as the window does.
pub fn perform(h: &Harness, shell: &FakeShell, w: Write) -> Result<Value, Value> {
    let beside = |name: &str| Some(h.path.with_file_name(name));
    match w {
        Write::Edit => {
            let view = read(h, "view");
            let mut data = view["plan"]["data"].clone();
            data["tagline"] = json!(TAGLINE);
            invoke(
                h,
                "apply",
                json!({ "op": { "op": "update_plan", "data": data } }),
            )
        }
        Write::ExportPdf => {
            *shell.save.lock().unwrap() = beside("plan.pdf");
            invoke(h, "export_plan", json!({ "format": "pdf" }))
        }
        Write::ExportMarkdown => {
            *shell.save.lock().unwrap() = beside("plan.md");
            invoke(h, "export_plan", json!({ "format": "markdown" }))
        }
        Write::SaveAs => {
            *shell.save.lock().unwrap() = beside("Copy.keel");
            invoke(h, "save_plan_as", json!({}))
        }
        Write::Merge => {
            *shell.open.lock().unwrap() = beside("theirs.keel");
            invoke(h, "merge_teammate", json!({}))
        }
    }
}

/// A refused write's error: one sentence saying what could not be written.
fn one_sentence(error: &Value, label: &str) -> Result<(), String> {
    let message = error["message"].as_str().unwrap_or_default();
    if message.contains('\n') || !message.ends_with('.') {
        return Err(format!("{label}: the error is not one sentence: {error}"));
    }
    let names_what = message.contains("could not be")
        || message.contains("cannot be")
        || message.contains("could not confirm it is stored");
    if !names_what {
        return Err(format!(
            "{label}: the error does not say what could not be written: {message}"
        ));
    }
    Ok(())
}

/// Whether the write is in the plan: it was reported done, or reported as in the file but not
/// confirmed stored (a commit whose folder could not be synced afterwards).
fn kept(result: &Result<Value, Value>) -> bool {
    match result {
        Ok(_) => true,
        Err(e) => e["message"]
            .as_str()
            .is_some_and(|m| m.contains("but the disk could not confirm it is stored")),
    }
}

/// What the window must show once the fault is gone: the plan still open, showing the write
/// only if it is kept, and saving the next edit.
pub fn after(
    h: &Harness,
    w: Write,
    result: &Result<Value, Value>,
    label: &str,
) -> Result<(), String> {
    if let Err(e) = result {
        one_sentence(e, label)?;
    }
    let all = invoke(h, "load_plan", json!({ "first": null }))
        .map_err(|e| format!("{label}: the plan is no longer open: {e}"))?;
    let shown = match w {
        Write::Edit => Some(all["view"]["plan"]["data"]["tagline"] == TAGLINE),
        Write::Merge => Some(
            all["document"]["features"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["data"]["title"] == THEIR_FEATURE),
        ),
        _ => None,
    };
    if let Some(shown) = shown {
        if shown != kept(result) {
            return Err(format!(
                "{label}: the window shows the write: {shown}, reported: {result:?}"
            ));
        }
    }
    invoke(h, "mark_version", json!({ "label": AFTER }))
        .map_err(|e| format!("{label}: the next edit after the fault is refused: {e}"))?;
    Ok(())
}

/// An output that is either `old` or the whole `new`, and `new` when the write was reported.
fn old_or_whole(path: &Path, old: Option<&[u8]>, new: &[u8], reported: bool) -> Result<(), String> {
    let now = std::fs::read(path).ok();
    let name = path.file_name().unwrap().to_string_lossy();
    if now.as_deref() != Some(new) && now.as_deref() != old {
        return Err(format!(
            "{name} is neither its old nor its whole new content"
        ));
    }
    if reported && now.as_deref() != Some(new) {
        return Err(format!("{name} was reported written and is not whole"));
    }
    Ok(())
}

/// What the folder holds once the app has closed; returns whether the write was refused.
pub fn check(
    dir: &Path,
    w: Write,
    result: &Result<Value, Value>,
    label: &str,
    reference: &Path,
) -> Result<bool, String> {
    let done = result.is_ok();
    let kept = kept(result);
    let open = |name: &str| {
        let file = keel_core::PlanFile::open_with(&dir.join(name), keel_core::Mode::Inspect)
            .map_err(|e| format!("{label}: {name} does not open: {e}"))?;
        let integrity = file.integrity_check().map_err(|e| e.to_string())?;
        if integrity != "ok" {
            return Err(format!("{label}: {name}'s integrity is {integrity}"));
        }
        Ok(file)
    };
    let plan = open("plan.keel")?;
    let tagline = plan.plan().map_err(|e| e.to_string())?.data.tagline;
    if w == Write::Edit && (tagline == TAGLINE) != kept {
        return Err(format!(
            "{label}: the edit is in the file: {}, reported: {result:?}",
            tagline == TAGLINE
        ));
    }
    let titles: Vec<String> = plan
        .features()
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|f| f.data.title)
        .collect();
    let merged = titles.iter().any(|t| t == THEIR_FEATURE);
    if w == Write::Merge && merged != kept {
        return Err(format!(
            "{label}: the merge is in the file: {merged}, reported: {result:?}"
        ));
    }
    // The version marked after the fault is in the plan the window had open then.
    let marked_in = if w == Write::SaveAs && done {
        "Copy.keel"
    } else {
        "plan.keel"
    };
    let versions = open(marked_in)?.versions().map_err(|e| e.to_string())?;
    if !versions.iter().any(|v| v.label == AFTER) {
        return Err(format!(
            "{label}: the edit saved after the fault is not in {marked_in}"
        ));
    }
    match w {
        Write::ExportPdf | Write::ExportMarkdown => {
            let name = if w == Write::ExportPdf {
                "plan.pdf"
            } else {
                "plan.md"
            };
            let new = std::fs::read(reference.join(name)).unwrap();
            old_or_whole(&dir.join(name), Some(OLD), &new, done)
                .map_err(|e| format!("{label}: {e}"))?;
        }
        Write::SaveAs if !done && dir.join("Copy.keel").exists() => {
            open("Copy.keel")?;
        }
        _ => {}
    }
    let left = temporaries(dir);
    if !left.is_empty() {
        return Err(format!("{label}: temporary files are left: {left:?}"));
    }
    Ok(!done)
}
