import { clearMocks } from "@tauri-apps/api/mocks";
import { waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { Changes } from "../bindings";
import { nth, testFeature } from "../testing/features";
import { concurrent } from "../testing/recorded/concurrent";
import { first_screen } from "../testing/recorded/first_screen";
import { no_author } from "../testing/recorded/no_author";
import { read_only } from "../testing/recorded/read_only";
import { refused_title } from "../testing/recorded/refused_title";
import { seal } from "../testing/recorded/seal";
import { sealed } from "../testing/recorded/sealed";
import { since } from "../testing/recorded/since";
import type { Step } from "../testing/recorded/steps";
import { sync } from "../testing/recorded/sync";
import { teammate } from "../testing/recorded/teammate";
import { three_fields } from "../testing/recorded/three_fields";
import { unchanged } from "../testing/recorded/unchanged";
import { answer, refusal, replay } from "../testing/replay";
import { backend } from "./backend";
import { FIRST_SCREEN, PlanEditor } from "./editor.svelte";
import { patchFeatures } from "./patch";

afterEach(() => clearMocks());

/** The editor on the real core's recorded answers to `recording`. */
async function opened(recording: readonly Step[]) {
  const core = replay(recording);
  const editor = new PlanEditor();
  await editor.load();
  return { core, editor };
}

const titles = (features: readonly { data: { title: string } }[]) => features.map((f) => f.data.title);

/** The titles of the features `recording` loaded first. */
const loaded = (recording: readonly Step[]) => titles(answer(recording, "load_plan").document.features);

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
    const { core, editor } = await opened(unchanged);
    expect(core.calls).toEqual([{ cmd: "load_plan", args: { first: null } }]);
    expect(titles(editor.features)).toEqual(loaded(unchanged));
    expect(editor.today, "the window's today is the core's, not its own clock").toBe(
      answer(unchanged, "load_plan").analysis.as_of,
    );

    await editor.updateFeature(nth(editor.features, 2).id, { title: "Event store" });
    expect(core.calls.map((c) => c.cmd)).toEqual(["load_plan", "author", "apply"]);
    expect(core.calls[2]?.args).toMatchObject({ op: { op: "update_feature", id: nth(editor.features, 2).id } });
    expect(nth(editor.features, 2).data.title).toBe("Event store");
    const label = answer(unchanged, "apply").applied.label;
    expect(label).toBe("Renamed “Sharded event store” to “Event store”");
    expect(editor.save).toEqual({ kind: "saved", what: label });
    expect(editor.undoLabel).toBe(label);
  });

  it("takes what changed since the last version from each edit's answer while it follows it", async () => {
    const { core, editor } = await opened(since);
    const first = nth(editor.features, 0).id;
    await editor.markVersion("Board meeting");
    await editor.followSince(true);
    expect(editor.since?.from).toBe("Board meeting (2026-11-27)");
    expect(editor.since?.changes).toEqual([]);

    const before = core.calls.length;
    await editor.updateFeature(first, { title: "Activation" });
    const renamed = ["Feature “Talk to twenty weavers” renamed to “Activation”."];
    expect(editor.since?.changes).toEqual(renamed);
    await editor.undo();
    expect(editor.since?.changes, "the undo's answer carries it").toEqual([]);
    await editor.redo();
    expect(
      core.calls
        .slice(before)
        .map((c) => c.cmd)
        .filter((cmd) => !["conflicts", "deleted_features"].includes(cmd)),
      "one call per edit: what changed since arrives with it",
    ).toEqual(["apply", "undo", "redo"]);
    expect(editor.since?.changes).toEqual(renamed);

    await editor.followSince(false);
    await editor.updateFeature(first, { title: "Signup" });
    expect(editor.since?.changes, "no longer followed: kept as it was").toEqual(renamed);
  });

  it("keeps every field of one feature changed faster than an edit takes", async () => {
    const { core, editor } = await opened(three_fields);
    const first = nth(editor.features, 0).id;
    // Three drop-downs changed before the first edit is answered: each is built on the one before.
    await Promise.all([
      editor.updateFeature(first, { risk_level: 5 }),
      editor.updateFeature(first, { horizon: "now" }),
      editor.updateFeature(first, { risk_class: "technical" }),
    ]);
    const saved = { risk_level: 5, horizon: "now", risk_class: "technical" };
    const sent = core.applied().map((op) => (op.op === "update_feature" ? op.data : null));
    expect(sent).toHaveLength(3);
    expect(sent[2], "the last edit sent carries the two before it").toMatchObject(saved);
    expect(nth(editor.features, 0).data).toMatchObject(saved);
    expect(editor.undoLabel).toBe("Edited “Talk to twenty weavers”: risk class business → technical");
  });

  it("shows the first screen from a partial read, then reads the whole plan before any edit", async () => {
    const core = replay(first_screen);
    const editor = new PlanEditor();
    await editor.load(backend.loadPlan(FIRST_SCREEN));
    expect(editor.complete).toBe(false);
    expect(titles(editor.features)).toEqual(["A", "B", "C", "D", "E"]);

    const finishing = editor.finishLoading();
    const edit = editor.updateFeature(nth(editor.features, 0).id, { title: "A2" });
    await Promise.all([finishing, edit]);
    expect(editor.complete).toBe(true);
    expect(titles(editor.features)).toEqual(["A2", "B", "C", "D", "E", "F", "G"]);
    expect(core.calls.map((c) => c.cmd).slice(0, 4)).toEqual(["load_plan", "load_plan", "author", "apply"]);
  });

  it("returns the core's refusal with its field and changes nothing", async () => {
    const { editor } = await opened(refused_title);
    const first = nth(editor.features, 0);
    const error = await editor.updateFeature(first.id, { title: "   " });
    expect(error?.field).toBe("title");
    expect(error?.code).toBe("validation");
    expect(editor.save).toEqual({ kind: "failed", message: "Title: must not be empty." });
    expect(editor.undoLabel).toBeNull();
    expect(nth(editor.features, 0).data.title).toBe(first.data.title);
  });

  it("shows the core's refusal of an edit on a read-only plan, in the core's words", async () => {
    const { editor } = await opened(read_only);
    const first = nth(editor.features, 0);
    const error = await editor.updateFeature(first.id, { title: "Changed" });
    expect(error?.code).toBe("read_only");
    expect(editor.save).toEqual({ kind: "failed", message: refusal(read_only, "apply").message });
    expect(editor.readOnly).not.toBeNull();
    expect(nth(editor.features, 0).data.title).toBe(first.data.title);
  });
});

describe("PlanEditor and a teammate's copy", () => {
  it("changes nothing when the dialog is cancelled, takes in what the merge brought, and throws a refusal", async () => {
    const { core, editor } = await opened(teammate);
    const before = editor.features;
    expect(await editor.mergeTeammate()).toBeNull();
    expect(editor.features).toBe(before);

    const merged = await editor.mergeTeammate();
    expect(merged?.incoming.by[0]?.author).toBe("Dana");
    expect(titles(editor.features)).toContain("Weaver forum");
    expect(editor.save).toEqual({ kind: "saved", what: "Merged 1 change" });
    expect(core.calls.filter((c) => c.cmd === "load_plan")).toHaveLength(1);

    await expect(editor.mergeTeammate()).rejects.toThrow("is a copy of another plan, not of this one");
    expect(titles(editor.features)).toContain("Weaver forum");
  });

  it("reads the conflicts alone at the start, leaving the history unread", async () => {
    const { core, editor } = await opened(teammate);
    expect(await editor.loadConflicts(false)).toBeNull();
    expect(core.calls.map((c) => c.cmd)).toContain("conflicts");
    expect(core.calls.map((c) => c.cmd)).not.toContain("deleted_features");
  });
});

describe("PlanEditor and what a teammate did at the same time", () => {
  it("holds the merge's conflicts, settles each as the founder chooses, and restores a deleted feature", async () => {
    const { core, editor } = await opened(concurrent);
    const merged = await editor.mergeTeammate();
    expect(merged?.conflicts).toHaveLength(2);
    expect(editor.conflicts.map((c) => c.id)).toEqual([1, 2]);
    expect(await editor.loadConflicts()).toBeNull();
    expect(editor.deletedFeatures.map((f) => f.title)).toEqual(["Concierge onboarding for mills"]);

    expect(await editor.takeOtherValue(1)).toBeNull();
    expect(editor.save).toEqual({ kind: "saved", what: "Took Ali's ‘Now’ on “Talk to twenty weavers”" });
    expect(editor.features.find((f) => f.data.title === "Talk to twenty weavers")?.data.horizon).toBe("now");
    expect(
      editor.conflicts.map((c) => c.id),
      "read again after the take",
    ).toEqual([2]);
    expect(editor.deletedFeatures.map((f) => f.title)).toEqual(["Concierge onboarding for mills"]);

    expect(await editor.keepConflict(2)).toBeNull();
    expect(editor.conflicts).toEqual([]);
    expect(core.calls.map((c) => c.cmd)).toContain("keep_conflict");

    const deleted = nth(editor.deletedFeatures, 0);
    expect(await editor.restoreFeature(deleted.id)).toBeNull();
    expect(titles(editor.features)).toContain("Concierge onboarding for mills");
    expect(editor.deletedFeatures).toEqual([]);
    const refused = await editor.takeOtherValue(9);
    expect(refused?.message).toBe("There is no open conflict with id 9 in this plan.");
  });
});

describe("PlanEditor and a sync folder", () => {
  it("knows when a plan is not linked, links a folder, takes what teammates put there, and unlinks", async () => {
    const { editor } = await opened(sync);
    await editor.syncNow();
    expect(editor.sync).toEqual({ folder: null, error: null, behind: false, sealed: false, locked: false });
    expect(await editor.linkSyncFolder()).toBe(true);
    expect(editor.sync, "Dana linked first: this copy is older than where the folder starts").toEqual({
      folder: "/plans/Shared",
      error: null,
      behind: true,
      sealed: false,
      locked: false,
    });
    await editor.syncNow();
    expect(editor.sync.behind).toBe(false);
    expect(titles(editor.features)).toContain("Weaver forum");
    expect(editor.synced?.incoming.by[0]?.author).toBe("Dana");
    await editor.syncNow();
    expect(editor.synced?.incoming.changes, "a pass that brings nothing keeps what the founder has not seen").toBe(1);
    await editor.unlinkSyncFolder();
    expect(editor.sync.folder).toBeNull();
  });

  it("waits for the passphrase of a sealed folder, says a wrong one, and syncs with the right one", async () => {
    const { editor } = await opened(sealed);
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

  it("keeps the files the sync set aside, each said once, until the founder dismisses them", async () => {
    const { editor } = await opened(sealed);
    await editor.linkSyncFolder();
    await editor.unlockSyncFolder("the team's passphrase");
    expect(editor.setAside, "a file in clear in a sealed folder").toHaveLength(1);
    expect(nth(editor.setAside, 0)).toMatch(/^“.+\.keelchanges”: it is not sealed with the folder's passphrase/);
    await editor.syncNow();
    expect(editor.setAside, "said once: the next pass adds nothing").toHaveLength(1);
  });

  it("seals an open folder with a passphrase the core accepts", async () => {
    const { editor } = await opened(seal);
    await editor.linkSyncFolder();
    expect(editor.sync.sealed).toBe(false);
    const short = await editor.sealSyncFolder("short");
    expect(short?.message).toBe("Passphrase: must be at least 10 characters.");
    expect(editor.sync.sealed).toBe(false);
    expect(await editor.sealSyncFolder("a long team passphrase")).toBeNull();
    expect(editor.sync).toMatchObject({ sealed: true, locked: false });
  });
});

describe("PlanEditor, the ranking and the findings", () => {
  it("keeps the ranking and findings it holds when the core says they did not change", async () => {
    const { editor } = await opened(unchanged);
    const [ranking, findings] = [editor.ranking, editor.findings];
    expect(findings.length).toBeGreaterThan(0);
    await editor.updateFeature(nth(editor.features, 2).id, { title: "Event store" });
    expect(editor.ranking).toBe(ranking);
    expect(editor.findings).toBe(findings);
    expect(nth(editor.features, 2).data.title).toBe("Event store");
  });

  it("keeps the parts of the analysis an edit left as they were, so nothing showing them renders again", async () => {
    const { editor } = await opened(unchanged);
    const [traction, cycle, horizons, suggestions] = [
      editor.traction,
      editor.cycle,
      editor.horizons,
      editor.suggestions,
    ];
    await editor.updateFeature(nth(editor.features, 2).id, { title: "Event store" });
    expect(editor.traction).toBe(traction);
    expect(editor.cycle).toBe(cycle);
    expect(editor.horizons).toBe(horizons);
    expect(editor.suggestions).toBe(suggestions);
  });

  it("takes the findings an edit sends", async () => {
    const { editor } = await opened(unchanged);
    await editor.updateFeature(nth(editor.features, 2).id, { title: "Event store" });
    await editor.updateFeature(nth(editor.features, 0).id, { title: "Talk to ten weavers" });
    expect(editor.findings.map((f) => f.message).join(" ")).toContain("such as “Talk to ten weavers”");
  });
});

describe("PlanEditor and who you are", () => {
  it("asks your name once, before your first edit, and signs edits with it", async () => {
    const { core, editor } = await opened(no_author);
    const first = nth(editor.features, 0).id;
    const edit = editor.updateFeature(first, { title: "A2" });
    await waitFor(() => expect(editor.nameRequest).toEqual({ suggested: "founder" }));
    expect(core.writes(), "nothing is saved while the window asks").toEqual([]);
    editor.giveName("Dana Scott");
    expect(await edit).toBeNull();
    expect(core.calls.find((c) => c.cmd === "set_author")?.args).toEqual({ name: "Dana Scott" });
    await editor.updateFeature(first, { title: "A3" });
    expect(core.calls.filter((c) => c.cmd === "author")).toHaveLength(1);
    expect(editor.nameRequest).toBeNull();
    expect(answer(no_author, "history").entries.map((e) => e.author)).toContain("Dana Scott");
  });
});
