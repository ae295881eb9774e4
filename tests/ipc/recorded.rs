//! The real core's answers to the scripts the UI tests replay, written as typed modules under
//! ui/src/testing/recorded/ (the UI's fake core answers with them instead of imitating the
//! core), and the (before, changes, after) cases ui/src/lib/patch.ts is tested against. `make
//! test` fails when a regenerated recording differs from the committed one, as for bindings.ts.
//! Ids (random per session) and the test's folder are written as stable placeholders.

use crate::harness::{fake_shell, invoke, read, start, start_with, Harness};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

struct Recorder {
    steps: Vec<Value>,
    folder: String,
}

impl Recorder {
    fn new(folder: &Path) -> Recorder {
        Recorder {
            steps: Vec::new(),
            folder: folder.display().to_string(),
        }
    }

    /// Sends `cmd` and records what it was sent and what it answered (or the error).
    fn step(&mut self, h: &Harness, cmd: &str, args: Value) -> Result<Value, Value> {
        let out = invoke(h, cmd, args.clone());
        let answer = match &out {
            Ok(v) => json!({ "cmd": cmd, "args": args, "ok": v }),
            Err(e) => json!({ "cmd": cmd, "args": args, "error": e }),
        };
        self.steps.push(answer);
        out
    }

    /// Records who signs the edits; the name the system would suggest is the machine's, so it
    /// is written as "founder".
    fn author(&mut self, h: &Harness) {
        let mut who = invoke(h, "author", json!({})).unwrap();
        who["suggested"] = json!("founder");
        self.steps
            .push(json!({ "cmd": "author", "args": {}, "ok": who }));
    }

    fn write(self, name: &str) {
        let mut all = Value::Array(self.steps);
        stable(&mut all, &self.folder);
        write(name, "Step[]", &all);
    }
}

fn recorded_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/testing/recorded")
}

/// Writes `value` as the TypeScript module `name.ts`, typed `ty` (from `./steps`, against the
/// generated bindings): a recording the bindings no longer describe fails the UI's type check.
fn write(name: &str, ty: &str, value: &Value) {
    let dir = recorded_dir();
    std::fs::create_dir_all(&dir).unwrap();
    // One step per line: a change of the core's answers shows as the steps it changed.
    let steps: Vec<String> = value
        .as_array()
        .expect("a recording is a list of steps")
        .iter()
        .map(|step| format!("  {},\n", serde_json::to_string(step).unwrap()))
        .collect();
    let text = format!(
        "// Written by tests/ipc/recorded.rs from the real core's answers: do not edit.\n\
         import type {{ {import} }} from \"./steps\";\n\n\
         export const {name}: {ty} = [\n{steps}];\n",
        import = ty.trim_end_matches("[]"),
        steps = steps.concat(),
    );
    std::fs::write(dir.join(format!("{name}.ts")), text).unwrap();
}

/// Ids ("7@1f3a…") become "id1", "id2"… in the order they first appear; the test's folder
/// becomes "/plans".
fn stable(value: &mut Value, folder: &str) {
    fn ids_in(value: &Value, found: &mut Vec<String>) {
        match value {
            Value::String(s) => {
                for word in s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '@')) {
                    let is_id = word.split_once('@').is_some_and(|(n, p)| {
                        !n.is_empty()
                            && n.chars().all(|c| c.is_ascii_digit())
                            && p.len() >= 4
                            && p.chars().all(|c| c.is_ascii_hexdigit())
                    });
                    if is_id && !found.iter().any(|f| f == word) {
                        found.push(word.to_string());
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| ids_in(v, found)),
            Value::Object(fields) => fields.values().for_each(|v| ids_in(v, found)),
            _ => {}
        }
    }
    fn replace(value: &mut Value, names: &[(String, String)], folder: &str) {
        match value {
            Value::String(s) => {
                let mut out = s.replace(folder, "/plans");
                for (id, name) in names {
                    if out.contains(id.as_str()) {
                        out = out.replace(id.as_str(), name);
                    }
                }
                *s = out;
            }
            Value::Array(items) => items.iter_mut().for_each(|v| replace(v, names, folder)),
            Value::Object(fields) => fields.values_mut().for_each(|v| replace(v, names, folder)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    ids_in(value, &mut found);
    let mut names: Vec<(String, String)> = found
        .iter()
        .enumerate()
        .map(|(i, id)| (id.clone(), format!("id{}", i + 1)))
        .collect();
    // Longest first, so no id is replaced inside another ("1@ab…" inside "11@ab…").
    names.sort_by_key(|(id, _)| std::cmp::Reverse(id.len()));
    replace(value, &names, folder);
}

/// A plan of three features: the answers' shape is what the UI tests need, not the sample's
/// size, and a small plan keeps each recording readable.
fn small(path: &Path) {
    use keel_core::domain::{FeatureData, RiskClass};
    let mut file =
        keel_core::create_empty_plan(path, "Loomline", crate::fixed_clock::today()).unwrap();
    for (title, class) in [
        ("Talk to twenty weavers", RiskClass::Business),
        ("Concierge onboarding", RiskClass::Business),
        ("Sharded event store", RiskClass::Technical),
    ] {
        let data = FeatureData::new(title, class);
        file.apply(keel_core::Operation::CreateFeature { data }, "Dana")
            .unwrap();
    }
}

fn folder_of(h: &Harness) -> PathBuf {
    h.path.parent().unwrap().to_path_buf()
}

fn features(h: &Harness) -> Value {
    read(h, "document/features")
}

#[test]
fn the_core_answers_the_scripts_the_ui_tests_replay() {
    // Editing a feature: load, a title, a refused title, create, move, delete, undo and redo.
    let h = start_with(small, true);
    let mut r = Recorder::new(&folder_of(&h));
    let mut patches = Vec::new();
    invoke(&h, "set_author", json!({ "name": "Dana" })).unwrap();
    r.step(&h, "load_plan", json!({ "first": null })).unwrap();
    r.author(&h);
    let mut edit = |r: &mut Recorder, args: Value| -> Result<Value, Value> {
        let before = features(&h);
        let out = r.step(&h, "apply", args);
        if let Ok(edited) = &out {
            patches.push(json!({
                "before": before,
                "changes": edited["applied"]["changes"],
                "after": features(&h),
            }));
        }
        out
    };
    let first = features(&h)[0].clone();
    let mut data = first["data"].clone();
    data["title"] = json!("Self-serve onboarding");
    edit(
        &mut r,
        json!({ "op": { "op": "update_feature", "id": first["id"], "data": data } }),
    )
    .unwrap();
    data["title"] = json!("   ");
    edit(
        &mut r,
        json!({ "op": { "op": "update_feature", "id": first["id"], "data": data } }),
    )
    .unwrap_err();
    let created = edit(
        &mut r,
        json!({ "op": { "op": "create_feature", "data": first["data"].clone() } }),
    )
    .unwrap();
    let id = created["applied"]["created"].clone();
    edit(
        &mut r,
        json!({ "op": { "op": "move_feature", "id": id, "horizon": "now", "position": 1 } }),
    )
    .unwrap();
    edit(
        &mut r,
        json!({ "op": { "op": "delete_feature", "id": id } }),
    )
    .unwrap();
    for step in ["undo", "undo", "redo"] {
        let before = features(&h);
        let edited = r.step(&h, step, json!({})).unwrap();
        patches.push(json!({
            "before": before,
            "changes": edited["applied"]["changes"],
            "after": features(&h),
        }));
    }
    r.step(&h, "history", json!({ "offset": 0, "limit": 10 }))
        .unwrap();
    r.write("editing");
    let mut patches = Value::Array(patches);
    stable(&mut patches, &folder_of(&h).display().to_string());
    write("patches", "PatchCase[]", &patches);
}

#[test]
fn the_core_refuses_an_empty_title_in_its_own_words() {
    let h = start_with(small, true);
    invoke(&h, "set_author", json!({ "name": "Dana" })).unwrap();
    let mut r = Recorder::new(&folder_of(&h));
    r.step(&h, "load_plan", json!({ "first": null })).unwrap();
    r.author(&h);
    let first = features(&h)[0].clone();
    let mut data = first["data"].clone();
    data["title"] = json!("   ");
    let refused = r
        .step(
            &h,
            "apply",
            json!({ "op": { "op": "update_feature", "id": first["id"], "data": data } }),
        )
        .unwrap_err();
    assert_eq!(refused["message"], "Title: must not be empty.");
    r.write("refused_title");
}

#[test]
fn the_core_answers_a_read_only_plan_and_an_import_preview() {
    // Read-only: the file itself is read-only.
    let h = start(|p| {
        small(p);
        let mut perms = std::fs::metadata(p).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(p, perms).unwrap();
    });
    let mut r = Recorder::new(&folder_of(&h));
    let plan = r.step(&h, "load_plan", json!({ "first": null })).unwrap();
    let first = plan["document"]["features"][0].clone();
    r.step(
        &h,
        "apply",
        json!({ "op": { "op": "delete_feature", "id": first["id"] } }),
    )
    .unwrap_err();
    r.write("read_only");

    // An import preview of a Linear export.
    let h = start_with(small, true);
    let shell = fake_shell(&h);
    let file = folder_of(&h).join("linear.csv");
    std::fs::write(
        &file,
        "ID,Title,Status,Priority,Estimate\nENG-1,SSO for enterprise,Todo,High,3\nENG-2,Usage dashboard,Backlog,Low,\n",
    )
    .unwrap();
    *shell.open.lock().unwrap() = Some(file);
    let mut r = Recorder::new(&folder_of(&h));
    r.step(&h, "pick_import_file", json!({ "kind": "features" }))
        .unwrap();
    r.step(
        &h,
        "preview_feature_import",
        json!({ "options": { "mapping": null, "date_order": null, "statuses": [] } }),
    )
    .unwrap();
    r.write("import_preview");
}
