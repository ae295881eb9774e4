import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { fakeCore, nth } from "../testing/fakeCore";
import { backend } from "./backend";
import { FIRST_SCREEN, PlanEditor } from "./editor.svelte";

afterEach(() => clearMocks());

async function opened(options: Parameters<typeof fakeCore>[0] = {}) {
  const core = fakeCore(options);
  const editor = new PlanEditor();
  await editor.load();
  return { core, editor };
}

describe("PlanEditor", () => {
  it("reads the plan and what is computed from it in one command, at start and after an edit", async () => {
    const { core, editor } = await opened();
    expect(core.calls).toEqual([{ cmd: "load_plan", args: { first: null } }]);
    expect(editor.complete).toBe(true);
    expect(editor.features.map((f) => f.data.title)).toEqual(["Onboarding", "Billing"]);
    expect(editor.ranking.map((r) => r.id)).toEqual([1, 2]);
    expect(editor.view?.file_name).toBe("acme.keel");
    expect(editor.today, "the window's today is the core's, not its own clock").toBe("2026-11-27");

    await editor.updateFeature(2, "Edit title", { ...nth(core.features, 1).data, title: "Invoicing" });
    expect(core.calls.map((c) => c.cmd)).toEqual(["load_plan", "update_feature", "load_plan"]);
    expect(nth(editor.features, 1).data.title).toBe("Invoicing");
  });

  it("says Saved only once it shows what was saved", async () => {
    const { core, editor } = await opened();
    let finished = false;
    const done = editor.updateFeature(2, "Edit title", { ...nth(core.features, 1).data, title: "Invoicing" });
    void done.then(() => (finished = true));
    // The state after every step of the edit (each await inside it settles in a microtask).
    const seen: string[] = [];
    for (let i = 0; i < 1000 && !finished; i++) {
      seen.push(`${editor.save.kind}:${nth(editor.features, 1).data.title}`);
      await Promise.resolve();
    }
    expect(finished, "the edit finished").toBe(true);
    const saved = seen.filter((s) => s.startsWith("saved:"));
    expect(
      saved.every((s) => s === "saved:Invoicing"),
      seen.join(", "),
    ).toBe(true);
    expect(editor.save).toEqual({ kind: "saved", what: "Edit title" });
  });

  it("shows the first screen from a partial read, then reads the whole plan before any edit", async () => {
    const core = fakeCore({ titles: ["A", "B", "C", "D", "E", "F", "G"] });
    const editor = new PlanEditor();
    await editor.load(backend.loadPlan(FIRST_SCREEN));
    expect(editor.complete).toBe(false);
    expect(editor.ranking).toHaveLength(FIRST_SCREEN);
    expect(editor.features.map((f) => f.data.title)).toEqual(["A", "B", "C", "D", "E"]);

    const finishing = editor.finishLoading();
    const edit = editor.updateFeature(1, "Edit title", { ...nth(core.features, 0).data, title: "A2" });
    await Promise.all([finishing, edit]);
    expect(editor.complete).toBe(true);
    expect(editor.features).toHaveLength(7);
    expect(core.calls.map((c) => c.cmd)).toEqual(["load_plan", "load_plan", "update_feature", "load_plan"]);
    expect(core.calls[0]?.args).toEqual({ first: FIRST_SCREEN });
  });

  it("saves an edit at once, then undoes and redoes it through the core", async () => {
    const { core, editor } = await opened();
    const data = { ...nth(core.features, 0).data, title: "Guided onboarding" };
    expect(await editor.updateFeature(1, "Edit title", data)).toBeNull();
    expect(nth(core.features, 0).data.title).toBe("Guided onboarding");
    expect(editor.save).toEqual({ kind: "saved", what: "Edit title" });

    await editor.undo();
    expect(nth(core.features, 0).data.title).toBe("Onboarding");
    expect(nth(editor.features, 0).data.title).toBe("Onboarding");
    await editor.redo();
    expect(nth(core.features, 0).data.title).toBe("Guided onboarding");
  });

  it("returns the core's refusal with its field and records nothing", async () => {
    const { core, editor } = await opened();
    const error = await editor.updateFeature(1, "Edit title", {
      ...nth(core.features, 0).data,
      title: "x".repeat(201),
    });
    expect(error?.field).toBe("title");
    expect(editor.save.kind).toBe("failed");
    expect(editor.history.undoLabel).toBeNull();
    expect(nth(core.features, 0).data.title).toBe("Onboarding");
  });

  it("undoes a delete by bringing the feature back in its place, and redo deletes it again", async () => {
    const { core, editor } = await opened({ titles: ["A", "B", "C"] });
    await editor.deleteFeature(1);
    expect(core.features.map((f) => f.data.title)).toEqual(["B", "C"]);
    await editor.undo();
    expect(core.features.map((f) => f.data.title)).toEqual(["A", "B", "C"]);
    const back = nth(core.features, 0).id;
    expect(back).not.toBe(1);

    // An edit recorded against the old id follows the feature to its new id.
    await editor.redo();
    await editor.undo();
    expect(core.features.map((f) => f.data.title)).toEqual(["A", "B", "C"]);
    await editor.updateFeature(nth(core.features, 0).id, "Rename", { ...nth(core.features, 0).data, title: "A2" });
    expect(nth(core.features, 0).data.title).toBe("A2");
  });

  it("shows the core's refusal of an edit on a read-only plan, in the core's words, and records nothing", async () => {
    const { core, editor } = await opened({ readOnly: "another Keel has it open" });
    const error = await editor.updateFeature(1, "Edit title", { ...nth(core.features, 0).data, title: "Changed" });
    expect(error?.code).toBe("read_only");
    expect(editor.save).toEqual({ kind: "failed", message: core.view.refusal });
    expect(nth(core.features, 0).data.title).toBe("Onboarding");
    expect(editor.history.size, "a refused edit is no undo step").toBe(0);
  });

  it("adds a feature and undo removes it", async () => {
    const { core, editor } = await opened();
    const data = { ...nth(core.features, 0).data, title: "Pilot" };
    const outcome = await editor.createFeature(data);
    expect("id" in outcome && core.features.some((f) => f.id === outcome.id)).toBe(true);
    await editor.undo();
    expect(core.features.map((f) => f.data.title)).toEqual(["Onboarding", "Billing"]);
    // Redo creates it again under a new id; undo then removes that one.
    await editor.redo();
    expect(core.features.map((f) => f.data.title)).toEqual(["Onboarding", "Billing", "Pilot"]);
    await editor.undo();
    expect(core.features.map((f) => f.data.title)).toEqual(["Onboarding", "Billing"]);
  });
});
