import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { Operation } from "../bindings";
import { editing } from "../testing/recorded/editing";
import type { Step } from "../testing/recorded/steps";
import { answer, replay } from "../testing/replay";
import { PlanEditor } from "./editor.svelte";

afterEach(() => clearMocks());

/** The operations the recording sent, in order. */
const sent = editing.flatMap((s) => (s.cmd === "apply" ? [s.args.op as Operation] : []));
type Edit = Extract<Step, { cmd: "apply" | "undo" | "redo" }>;
const answered = (cmd: Edit["cmd"]): Edit[] => editing.filter((s): s is Edit => s.cmd === cmd);
/** What the window says of an answered edit: its undo label, or the core's refusal. */
const said = (s: Edit) => ("ok" in s ? (s.ok?.applied.undo ?? null) : s.error.message);

describe("the editor with the real core's answers", () => {
  it("takes each answer: the core's labels, its refusal, its undo and redo", async () => {
    const core = replay(editing);
    const editor = new PlanEditor();
    await editor.load();
    const labels: (string | null)[] = [];
    let created: string | null = null;
    for (const op of sent) {
      const error = await editor.apply(op);
      labels.push(error ? error.message : editor.undoLabel);
      if (op.op === "create_feature") {
        created = editor.features.at(-1)?.id ?? null;
        expect(created, "the new feature comes with the id the core gave it").toBe(
          answer(editing, "apply", 2).applied.created,
        );
      }
      if (op.op === "move_feature") {
        expect(editor.features.map((f) => [f.id, f.position, f.data.horizon])[0]).toEqual([created, 1, "now"]);
        expect(editor.features.map((f) => f.position)).toEqual([1, 2, 3, 4]);
      }
    }
    expect(editor.features.some((f) => f.id === created)).toBe(false);
    expect(labels).toEqual(answered("apply").map(said));
    const [renamed, refused] = labels;
    expect(renamed).toMatch(/^Renamed “.+” to “Self-serve onboarding”$/);
    expect(refused).toBe("Title: must not be empty.");
    expect(labels.at(-1)).toMatch(/^Deleted “.+”$/);

    await editor.undo();
    expect(editor.features[0]?.id, "the deleted feature comes back with its id, in its place").toBe(created);
    await editor.undo();
    expect(editor.redoLabel).toMatch(/^Moved “.+”/);
    await editor.redo();
    const last = answered("redo").at(-1);
    expect(last && said(last)).toBe(editor.undoLabel);
    expect(core.calls.filter((c) => c.cmd === "apply")).toHaveLength(sent.length);
  });
});
