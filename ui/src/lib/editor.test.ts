import { clearMocks } from "@tauri-apps/api/mocks";
import { waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { Changes, Feature } from "../bindings";
import { fakeCore, nth, testFeature } from "../testing/fakeCore";
import { refused_title } from "../testing/recorded/refused_title";
import { replay } from "../testing/replay";
import { backend } from "./backend";
import { FIRST_SCREEN, PlanEditor } from "./editor.svelte";
import { patchFeatures } from "./patch";

afterEach(() => clearMocks());

async function opened(options: Parameters<typeof fakeCore>[0] = {}) {
  const core = fakeCore(options);
  const editor = new PlanEditor();
  await editor.load();
  return { core, editor };
}

const titles = (features: Feature[]) => features.map((f) => f.data.title);

const noChanges: Changes = {
  plan: null,
  canvas: null,
  goal_changed: false,
  goal: null,
  milestones: null,
  teams: null,
  actuals: null,
  factory_snapshots: null,
  features: [],
  removed_features: [],
  feature_order: null,
  versions: null,
};

describe("patchFeatures", () => {
  const list = [testFeature(1), testFeature(2), testFeature(3)];

  it("replaces an edited feature in its place and keeps the rest as they were", () => {
    const edited = { ...testFeature(2), data: { ...testFeature(2).data, title: "Two" } };
    const out = patchFeatures(list, { ...noChanges, features: [edited] });
    expect(titles(out)).toEqual(["Feature 1", "Two", "Feature 3"]);
    expect(out[0]).toBe(list[0]);
  });

  it("follows the core's order and renumbers the positions", () => {
    const out = patchFeatures(list, { ...noChanges, removed_features: ["1"], feature_order: ["3", "2"] });
    expect(out.map((f) => [f.id, f.position])).toEqual([
      ["3", 1],
      ["2", 2],
    ]);
  });

  it("takes a feature it does not hold only with the core's order", () => {
    const created = testFeature(4);
    expect(titles(patchFeatures(list, { ...noChanges, features: [created] }))).toEqual(titles(list));
    const out = patchFeatures(list, { ...noChanges, features: [created], feature_order: ["1", "4", "2", "3"] });
    expect(out.map((f) => [f.id, f.position])).toEqual([
      ["1", 1],
      ["4", 2],
      ["2", 3],
      ["3", 4],
    ]);
  });

  it("changes nothing when nothing about the features changed", () => {
    expect(patchFeatures(list, noChanges)).toBe(list);
  });
});

describe("PlanEditor", () => {
  it("reads the plan once, then each edit is one operation whose answer the window takes", async () => {
    const { core, editor } = await opened();
    expect(core.calls).toEqual([{ cmd: "load_plan", args: { first: null } }]);
    expect(titles(editor.features)).toEqual(["Onboarding", "Billing"]);
    expect(editor.today, "the window's today is the core's, not its own clock").toBe("2026-11-27");

    await editor.updateFeature("2", { ...nth(core.features, 1).data, title: "Invoicing" });
    expect(core.calls.map((c) => c.cmd)).toEqual(["load_plan", "author", "apply"]);
    expect(core.calls[2]?.args).toMatchObject({ op: { op: "update_feature", id: "2" } });
    expect(nth(editor.features, 1).data.title).toBe("Invoicing");
    expect(editor.save).toEqual({ kind: "saved", what: "Edited “Invoicing”" });
    expect(editor.undoLabel).toBe("Edited “Invoicing”");
  });

  it("takes what changed since the last version from each edit's answer while it follows it", async () => {
    const { core, editor } = await opened();
    await editor.markVersion("Board meeting");
    await editor.followSince(true);
    expect(editor.since?.from).toBe("Board meeting (2026-11-27)");
    expect(editor.since?.changes).toEqual(["Feature added: “Onboarding”."]);

    const before = core.calls.length;
    await editor.updateFeature("1", { ...nth(core.features, 0).data, title: "Activation" });
    await editor.undo();
    await editor.redo();
    expect(
      core.calls.slice(before).map((c) => c.cmd),
      "one call per edit: what changed since arrives with it",
    ).toEqual(["apply", "undo", "redo"]);
    expect(editor.since?.changes).toEqual(["Feature added: “Activation”."]);

    await editor.followSince(false);
    await editor.updateFeature("1", { ...nth(core.features, 0).data, title: "Signup" });
    expect(editor.since?.changes, "no longer followed: kept as it was").toEqual(["Feature added: “Activation”."]);
  });

  it("keeps every field of one feature changed faster than an edit takes", async () => {
    const { core, editor } = await opened();
    // Three drop-downs changed before the first edit is answered: each is built on the one before.
    await Promise.all([
      editor.updateFeature("1", { risk_level: 3 }),
      editor.updateFeature("1", { horizon: "now" }),
      editor.updateFeature("1", { risk_class: "technical" }),
    ]);
    const saved = { risk_level: 3, horizon: "now", risk_class: "technical" };
    expect(nth(core.features, 0).data).toMatchObject(saved);
    expect(nth(editor.features, 0).data).toMatchObject(saved);
    expect(core.calls.filter((c) => c.cmd === "apply")).toHaveLength(3);
  });

  it("shows the first screen from a partial read, then reads the whole plan before any edit", async () => {
    const core = fakeCore({ titles: ["A", "B", "C", "D", "E", "F", "G"] });
    const editor = new PlanEditor();
    await editor.load(backend.loadPlan(FIRST_SCREEN));
    expect(editor.complete).toBe(false);
    expect(titles(editor.features)).toEqual(["A", "B", "C", "D", "E"]);

    const finishing = editor.finishLoading();
    const edit = editor.updateFeature("1", { ...nth(core.features, 0).data, title: "A2" });
    await Promise.all([finishing, edit]);
    expect(editor.complete).toBe(true);
    expect(editor.features).toHaveLength(7);
    expect(core.calls.map((c) => c.cmd)).toEqual(["load_plan", "load_plan", "author", "apply"]);
  });

  it("undoes and redoes through the core, one step each", async () => {
    const { core, editor } = await opened({ titles: ["A", "B", "C"] });
    await editor.apply({ op: "delete_feature", id: "1" });
    expect(titles(editor.features)).toEqual(["B", "C"]);
    await editor.undo();
    expect(titles(editor.features)).toEqual(["A", "B", "C"]);
    expect(nth(editor.features, 0).id, "the feature comes back with its id").toBe("1");
    expect(editor.save).toEqual({ kind: "saved", what: "Undid: Deleted “A”" });
    expect(editor.redoLabel).toBe("Deleted “A”");
    await editor.redo();
    expect(titles(editor.features)).toEqual(["B", "C"]);
    expect(core.writes()).toEqual(["delete_feature", "undo", "redo"]);
  });

  it("returns the core's refusal with its field and changes nothing", async () => {
    // The real core's answers (tests/ipc/recorded.rs).
    replay(refused_title);
    const editor = new PlanEditor();
    await editor.load();
    const first = nth(editor.features, 0);
    const error = await editor.updateFeature(first.id, { title: "   " });
    expect(error?.field).toBe("title");
    expect(error?.code).toBe("validation");
    expect(editor.save).toEqual({ kind: "failed", message: "Title: must not be empty." });
    expect(editor.undoLabel).toBeNull();
    expect(nth(editor.features, 0).data.title).toBe(first.data.title);
  });

  it("shows the core's refusal of an edit on a read-only plan, in the core's words", async () => {
    const { core, editor } = await opened({ readOnly: "another Keel has it open" });
    const error = await editor.updateFeature("1", { ...nth(core.features, 0).data, title: "Changed" });
    expect(error?.code).toBe("read_only");
    expect(editor.save).toEqual({ kind: "failed", message: core.view.refusal });
    expect(nth(core.features, 0).data.title).toBe("Onboarding");
  });

  it("adds a feature and answers with the id the core gave it", async () => {
    const { core, editor } = await opened();
    const outcome = await editor.createFeature({ ...nth(core.features, 0).data, title: "Pilot" });
    expect("id" in outcome && editor.features.some((f) => f.id === outcome.id && f.data.title === "Pilot")).toBe(true);
  });

  it("moves a feature on the roadmap as one operation", async () => {
    const { core, editor } = await opened({ titles: ["A", "B", "C"] });
    await editor.apply({ op: "move_feature", id: "3", horizon: "now", position: 1 });
    expect(core.writes()).toEqual(["move_feature"]);
    expect(editor.features.map((f) => [f.data.title, f.position, f.data.horizon])).toEqual([
      ["C", 1, "now"],
      ["A", 2, "next"],
      ["B", 3, "next"],
    ]);
  });
});

describe("PlanEditor and a teammate's copy", () => {
  it("takes in what the merge brought and reports who changed what", async () => {
    const { core, editor } = await opened({ teammate: { author: "Dana", titles: ["Weaver forum"] } });
    const merged = await editor.mergeTeammate();
    expect(merged?.incoming.by[0]?.author).toBe("Dana");
    expect(titles(editor.features)).toContain("Weaver forum");
    expect(editor.save).toEqual({ kind: "saved", what: "Merged 1 change" });
    expect(core.calls.filter((c) => c.cmd === "load_plan")).toHaveLength(1);
  });

  it("changes nothing when the dialog is cancelled, and throws the core's refusal", async () => {
    const cancelled = await opened();
    const before = cancelled.editor.features;
    expect(await cancelled.editor.mergeTeammate()).toBeNull();
    expect(cancelled.editor.features).toBe(before);
    const refused = await opened({ teammate: "This cannot be merged into the plan: another plan." });
    await expect(refused.editor.mergeTeammate()).rejects.toThrow("another plan");
  });
});

describe("PlanEditor and what a teammate did at the same time", () => {
  it("holds the merge's conflicts, takes the other value as one edit, and keeps the rest", async () => {
    const { core, editor } = await opened({ teammate: { author: "Dana", titles: [] }, concurrent: true });
    const merged = await editor.mergeTeammate();
    expect(merged?.conflicts).toHaveLength(2);
    expect(editor.conflicts.map((c) => c.id)).toEqual([1, 2]);

    expect(await editor.takeOtherValue(1)).toBeNull();
    expect(editor.save).toEqual({ kind: "saved", what: "Took Ali's ‘Now’ on “Onboarding”" });
    expect(editor.features.find((f) => f.id === "1")?.data.horizon).toBe("now");
    expect(
      editor.conflicts.map((c) => c.id),
      "read again after the take",
    ).toEqual([2]);
    expect(editor.deletedFeatures.map((f) => f.title)).toEqual(["Billing"]);

    expect(await editor.keepConflict(2)).toBeNull();
    expect(editor.conflicts).toEqual([]);
    expect(core.calls.map((c) => c.cmd)).toContain("keep_conflict");
  });

  it("reads the conflicts alone at the start, leaving the history unread", async () => {
    const { core, editor } = await opened();
    expect(await editor.loadConflicts(false)).toBeNull();
    expect(core.calls.map((c) => c.cmd)).toContain("conflicts");
    expect(core.calls.map((c) => c.cmd)).not.toContain("deleted_features");
  });

  it("restores a deleted feature, and says why when the core refuses", async () => {
    const { editor } = await opened({ teammate: { author: "Dana", titles: [] }, concurrent: true });
    await editor.mergeTeammate();
    await editor.loadConflicts();
    expect(await editor.restoreFeature("2")).toBeNull();
    expect(titles(editor.features)).toContain("Billing");
    expect(editor.deletedFeatures).toEqual([]);
    expect(
      editor.conflicts.map((c) => c.id),
      "the restored feature's conflict ends",
    ).toEqual([1]);
    const refused = await editor.takeOtherValue(9);
    expect(refused?.message).toBe("There is no open conflict with id 9.");
  });
});

describe("PlanEditor and a sync folder", () => {
  it("links a folder, takes what teammates put there, and says who changed what", async () => {
    const { editor } = await opened({ sync: { folder: "/shared/Sync", titles: ["Weaver forum"] } });
    expect(await editor.linkSyncFolder()).toBe(true);
    expect(editor.sync).toEqual({
      folder: "/shared/Sync",
      error: null,
      behind: false,
      sealed: false,
      locked: false,
    });
    expect(titles(editor.features)).toContain("Weaver forum");
    expect(editor.synced?.incoming.by[0]?.author).toBe("Dana");
    await editor.syncNow();
    expect(editor.synced?.incoming.changes, "a pass that brings nothing keeps what the founder has not seen").toBe(1);
    await editor.unlinkSyncFolder();
    expect(editor.sync.folder).toBeNull();
  });

  it("says when this copy is older than where the folder starts", async () => {
    const { editor } = await opened({ sync: { folder: "/shared/Sync", titles: [], behind: true } });
    await editor.linkSyncFolder();
    expect(editor.sync.behind).toBe(true);
  });

  it("keeps the files the sync set aside, each said once, until the founder dismisses them", async () => {
    const refused = ["“3f2a.keelchanges”: the changes of Dana would put into the plan what Keel refuses"];
    const { editor } = await opened({ sync: { folder: "/shared/Sync", titles: [], refused } });
    await editor.linkSyncFolder();
    expect(editor.setAside).toEqual([
      "“3f2a.keelchanges”: the changes of Dana would put into the plan what Keel refuses",
    ]);
    await editor.syncNow();
    expect(editor.setAside, "said once: the next pass adds nothing").toHaveLength(1);
  });

  it("knows when a plan is not linked", async () => {
    const { editor } = await opened();
    await editor.syncNow();
    expect(editor.sync).toEqual({ folder: null, error: null, behind: false, sealed: false, locked: false });
  });

  it("waits for the passphrase of a sealed folder, says a wrong one, and syncs with the right one", async () => {
    const { editor } = await opened({
      sync: { folder: "/shared/Sync", titles: ["Weaver forum"], passphrase: "the team's passphrase" },
    });
    await editor.linkSyncFolder();
    expect(editor.sync).toMatchObject({ sealed: true, locked: true });
    expect(titles(editor.features), "nothing moves while locked").not.toContain("Weaver forum");
    const wrong = await editor.unlockSyncFolder("a guess");
    expect(wrong?.code).toBe("sealed");
    expect(wrong?.message).toContain("That passphrase does not open this sync folder");
    expect(editor.sync.locked).toBe(true);
    expect(await editor.unlockSyncFolder("the team's passphrase")).toBeNull();
    expect(editor.sync).toMatchObject({ sealed: true, locked: false });
    expect(titles(editor.features)).toContain("Weaver forum");
  });

  it("seals an open folder with a passphrase the core accepts", async () => {
    const { editor } = await opened({ sync: { folder: "/shared/Sync", titles: [] } });
    await editor.linkSyncFolder();
    expect(editor.sync.sealed).toBe(false);
    const short = await editor.sealSyncFolder("short");
    expect(short?.message).toBe("Passphrase: must be at least 10 characters.");
    expect(editor.sync.sealed).toBe(false);
    expect(await editor.sealSyncFolder("a long team passphrase")).toBeNull();
    expect(editor.sync).toMatchObject({ sealed: true, locked: false });
  });
});

describe("PlanEditor and the findings", () => {
  it("keeps the findings it holds when the core says they did not change", async () => {
    const { core, editor } = await opened({ findingsUnchanged: true });
    const before = editor.findings;
    expect(before.length).toBeGreaterThan(0);
    await editor.updateFeature("1", { ...nth(core.features, 0).data, title: "Renamed" });
    expect(editor.findings).toBe(before);
  });

  it("takes the findings an edit sends", async () => {
    const { core, editor } = await opened();
    const before = editor.findings;
    await editor.updateFeature("1", { ...nth(core.features, 0).data, title: "Renamed" });
    expect(editor.findings).not.toBe(before);
    expect(editor.findings).toEqual(before);
  });
});

describe("PlanEditor and the ranking", () => {
  it("keeps the ranking it holds when the core says it did not change", async () => {
    const { core, editor } = await opened({ rankingUnchanged: true });
    const before = editor.ranking;
    expect(before).toHaveLength(2);
    await editor.updateFeature("1", { ...nth(core.features, 0).data, title: "Renamed" });
    expect(editor.ranking).toBe(before);
    expect(nth(editor.features, 0).data.title).toBe("Renamed");
  });
});

describe("PlanEditor and who you are", () => {
  it("asks your name once, before your first edit, and signs edits with it", async () => {
    const { core, editor } = await opened({ author: null });
    const edit = editor.updateFeature("1", { ...nth(core.features, 0).data, title: "A2" });
    await waitFor(() => expect(editor.nameRequest).toEqual({ suggested: "dana" }));
    expect(core.writes(), "nothing is saved while the window asks").toEqual([]);
    editor.giveName("Dana Scott");
    expect(await edit).toBeNull();
    expect(core.calls.find((c) => c.cmd === "set_author")?.args).toEqual({ name: "Dana Scott" });
    await editor.updateFeature("1", { ...nth(core.features, 0).data, title: "A3" });
    expect(core.calls.filter((c) => c.cmd === "author")).toHaveLength(1);
    expect(editor.nameRequest).toBeNull();
  });
});
