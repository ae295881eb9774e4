//! Records the real core's answers to a script of commands, as the UI sends them, and writes
//! them as a typed module under ui/src/testing/recorded/ (the UI tests replay them instead of
//! imitating the core). Ids (random per session) and the test's folder are written as stable
//! placeholders, and the system user's name as "founder", so a recording is the same on every
//! machine.

use crate::harness::{invoke, read, start_with, Harness};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// A plan open in the app on the mock runtime, and the steps recorded so far.
pub struct Session {
    pub h: Harness,
    steps: Vec<Value>,
}

impl Session {
    /// The plan `make_plan` writes, opened with its own data folder (no name given yet).
    pub fn anonymous(make_plan: impl FnOnce(&Path)) -> Session {
        Session {
            h: start_with(make_plan, true),
            steps: Vec::new(),
        }
    }

    /// The same, with "Dana" signing the edits (given before the recording starts).
    pub fn new(make_plan: impl FnOnce(&Path)) -> Session {
        Session::as_author(make_plan, "Dana")
    }

    pub fn as_author(make_plan: impl FnOnce(&Path), author: &str) -> Session {
        let s = Session::anonymous(make_plan);
        invoke(&s.h, "set_author", json!({ "name": author })).unwrap();
        s
    }

    /// The test's folder: the plan's, where its teammates' copies and shared folders go too.
    pub fn folder(&self) -> PathBuf {
        self.h.path.parent().unwrap().to_path_buf()
    }

    /// Sends `cmd` and records what it was sent and what it answered (or the error).
    pub fn step(&mut self, cmd: &str, args: Value) -> Result<Value, Value> {
        let mut out = invoke(&self.h, cmd, args.clone());
        if let (Ok(who), "set_author") = (out.as_mut(), cmd) {
            who["suggested"] = json!("founder");
        }
        self.steps.push(match &out {
            Ok(v) => json!({ "cmd": cmd, "args": args, "ok": v }),
            Err(e) => json!({ "cmd": cmd, "args": args, "error": e }),
        });
        out
    }

    pub fn ok(&mut self, cmd: &str, args: Value) -> Value {
        self.step(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} was refused: {e}"))
    }

    pub fn refused(&mut self, cmd: &str, args: Value) -> Value {
        match self.step(cmd, args) {
            Ok(v) => panic!("{cmd} was taken: {v}"),
            Err(e) => e,
        }
    }

    /// The window's first read: the whole plan, then who signs the edits (asked before the
    /// first edit). The name the system would suggest is the machine's: written as "founder".
    pub fn open(&mut self) -> Value {
        let plan = self.ok("load_plan", json!({ "first": null }));
        self.author();
        plan
    }

    pub fn author(&mut self) -> Value {
        let mut who = invoke(&self.h, "author", json!({})).unwrap();
        who["suggested"] = json!("founder");
        self.steps
            .push(json!({ "cmd": "author", "args": {}, "ok": who }));
        who
    }

    /// An edit: one operation.
    pub fn apply(&mut self, op: Value) -> Result<Value, Value> {
        self.step("apply", json!({ "op": op }))
    }

    /// A conflict settled (or a deleted feature restored) as the window does it: the edit, then
    /// its read of the conflicts and the deleted features.
    pub fn settle(&mut self, cmd: &str, args: Value) -> Result<Value, Value> {
        let out = self.step(cmd, args);
        self.conflicts();
        out
    }

    pub fn conflicts(&mut self) {
        self.ok("conflicts", json!({}));
        self.ok("deleted_features", json!({}));
    }

    /// The open plan's features now (read outside the recording).
    pub fn features(&self) -> Value {
        read(&self.h, "document/features")
    }

    /// The feature at `index` in the plan's order (read outside the recording).
    pub fn feature(&self, index: usize) -> Value {
        self.features()[index].clone()
    }

    /// Renames the feature at `index`: one edit.
    pub fn rename(&mut self, index: usize, title: &str) -> Result<Value, Value> {
        let f = self.feature(index);
        let mut data = f["data"].clone();
        data["title"] = json!(title);
        self.apply(json!({ "op": "update_feature", "id": f["id"], "data": data }))
    }

    /// Writes the recording as `ui/src/testing/recorded/{name}.ts`.
    pub fn write(self, name: &str) {
        let mut all = Value::Array(self.steps);
        stable(
            &mut all,
            &self.h.path.parent().unwrap().display().to_string(),
        );
        write(name, "Step[]", &all);
    }
}

fn recorded_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/testing/recorded")
}

/// Writes `value` as the TypeScript module `name.ts`, typed `ty` (from `./steps`, against the
/// generated bindings): a recording the bindings no longer describe fails the UI's type check.
pub fn write(name: &str, ty: &str, value: &Value) {
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
        "// Written by tests/ipc/recorded*.rs from the real core's answers: do not edit.\n\
         import type {{ {import} }} from \"./steps\";\n\n\
         export const {name}: {ty} = [\n{steps}];\n",
        import = ty.trim_end_matches("[]"),
        steps = steps.concat(),
    );
    std::fs::write(dir.join(format!("{name}.ts")), text).unwrap();
}

/// Ids ("7@1f3a…") and digests become "id1", "id2"… in the order they first appear; the test's
/// folder becomes "/plans".
pub fn stable(value: &mut Value, folder: &str) {
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
                    // A file's name made of its content's digest ("8e99…b43.keelchanges").
                    let is_digest = word.len() >= 16 && word.chars().all(|c| c.is_ascii_hexdigit());
                    if (is_id || is_digest) && !found.iter().any(|f| f == word) {
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

/// A plan of the features `titles` (business risk, then technical for a title with "store"),
/// created by Dana: the answers' shape is what the UI tests need, not the sample's size.
pub fn plan_of(path: &Path, titles: &[&str]) {
    use keel_core::domain::{FeatureData, RiskClass};
    let mut file =
        keel_core::create_empty_plan(path, "Loomline", crate::fixed_clock::today()).unwrap();
    for title in titles {
        let class = if title.contains("store") {
            RiskClass::Technical
        } else {
            RiskClass::Business
        };
        let data = FeatureData::new(title, class);
        file.apply(keel_core::Operation::CreateFeature { data }, "Dana")
            .unwrap();
    }
}

/// Three features: the plan most recordings start from.
pub fn small(path: &Path) {
    plan_of(
        path,
        &[
            "Talk to twenty weavers",
            "Concierge onboarding",
            "Sharded event store",
        ],
    );
}

/// Applies `op` (as the UI sends it) to the plan at `path`, signed by `author`.
pub fn apply_to(path: &Path, op: Value, author: &str) {
    crate::fixed_clock::fix();
    let op: keel_core::Operation = serde_json::from_value(op).unwrap();
    keel_core::PlanFile::open(path)
        .unwrap()
        .apply(op, author)
        .unwrap();
}

/// The features of the plan at `path`, as the IPC sends them.
pub fn features_of(path: &Path) -> Value {
    crate::harness::as_sent(&keel_core::PlanFile::open(path).unwrap().features().unwrap())
}
