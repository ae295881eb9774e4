import { clearMocks } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { PlanEditor } from "../lib/editor.svelte";
import { nth } from "../testing/features";
import { feature_panel } from "../testing/recorded/feature_panel";
import { refused_title } from "../testing/recorded/refused_title";
import { replay } from "../testing/replay";
import FeaturePanel from "./FeaturePanel.svelte";

afterEach(() => clearMocks());

async function setup(featureId: string | number) {
  const core = replay(feature_panel);
  const editor = new PlanEditor();
  await editor.load();
  // A number is the feature's place in the plan.
  if (typeof featureId === "number") featureId = nth(editor.features, featureId).id;
  const added: string[] = [];
  const closed: number[] = [];
  render(FeaturePanel, {
    editor,
    featureId,
    onclose: () => closed.push(1),
    onadded: (id: string) => added.push(id),
  });
  return { core, editor, added, closed };
}

describe("FeaturePanel", () => {
  it("adds a drafted feature only when asked, and reports its id", async () => {
    const { core, editor, added } = await setup("new");
    const title = screen.getByLabelText("Title");
    await fireEvent.input(title, { target: { value: "Pilot program" } });
    await fireEvent.change(title);
    expect(core.writes()).toEqual([]);
    await fireEvent.click(screen.getByRole("button", { name: "Add feature" }));
    await waitFor(() => expect(added).toHaveLength(1));
    expect(editor.features.find((f) => f.id === added[0])?.data.title).toBe("Pilot program");
    expect(editor.undoLabel).toBe("Added “Pilot program”");
  });

  it("shows the core's own refusal beside the title and saves nothing", async () => {
    // The real core's answers (tests/ipc/recorded*.rs): this window keeps no copy of its rules.
    const core = replay(refused_title);
    const editor = new PlanEditor();
    await editor.load();
    const first = nth(editor.features, 0);
    render(FeaturePanel, { editor, featureId: first.id, onclose: () => {}, onadded: () => {} });
    const title = screen.getByLabelText("Title");
    await fireEvent.input(title, { target: { value: "   " } });
    await fireEvent.change(title);
    expect(await screen.findByText("Title: must not be empty.")).toBeTruthy();
    expect(title.getAttribute("aria-invalid")).toBe("true");
    expect(nth(editor.features, 0).data.title, "nothing saved").toBe(first.data.title);
    expect(core.calls.map((c) => c.cmd)).toEqual(["load_plan", "author", "apply"]);
  });

  it("saves a changed choice at once", async () => {
    const { editor } = await setup(0);
    await fireEvent.change(screen.getByLabelText("Risk level"), { target: { value: "5" } });
    await waitFor(() => expect(nth(editor.features, 0).data.risk_level).toBe(5));
    expect(editor.undoLabel).toBe("Edited “Talk to twenty weavers”: risk level 3 → 5");
  });

  it("refuses a number field that is not a number without calling the core", async () => {
    const { core } = await setup(0);
    const effort = screen.getByLabelText("Effort (person-weeks)");
    await fireEvent.input(effort, { target: { value: "three" } });
    await fireEvent.change(effort);
    expect(
      await screen.findByText(
        "Effort (person-weeks): “three” is not a number (write it as 50000, 50,000, 50k or 1.5M).",
      ),
    ).toBeTruthy();
    expect(core.writes()).toEqual([]);
  });

  it("asks before Esc throws away a new feature with something typed", async () => {
    const { closed } = await setup("new");
    const title = screen.getByLabelText("Title");
    await fireEvent.input(title, { target: { value: "Pilot program" } });
    await fireEvent.change(title);
    await fireEvent.keyDown(screen.getByRole("complementary"), { key: "Escape" });
    expect(closed).toEqual([]);
    const ask = screen.getByRole("alertdialog", { name: "Throw away this new feature?" });
    expect(ask).toBeTruthy();
    await fireEvent.keyDown(ask, { key: "Escape" });
    expect(screen.queryByRole("alertdialog"), "a second Esc keeps editing").toBeNull();
    expect((screen.getByLabelText("Title") as HTMLInputElement).value).toBe("Pilot program");
    await fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await fireEvent.click(screen.getByRole("button", { name: "Throw away" }));
    expect(closed).toEqual([1]);
  });

  it("puts Done, not Delete, after the description in the Tab order", async () => {
    await setup(0);
    const buttons = [...document.querySelectorAll("aside footer button")].map((b) => b.textContent);
    expect(buttons).toEqual(["Done", "Delete feature"]);
  });
});
